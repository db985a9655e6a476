; Rule "moves to the heap at its return" (solve.c, judge_returns; grow.h):
; Go 1.26's move2heap for C. A buffer grown by realloc and then returned
; keeps its slot while it grows; each return of it hands back
; __escape_to_heap(p, slot, 256): a heap copy of the slot, at p's place in it,
; when p points into the slot or just past it, else p. Each function below
; but the first two would break the rule if it promoted: the buffer is
; returned but never reallocated (the copy would cost more than the malloc),
; returned inside an aggregate, stored through an out-parameter, holding a
; pointer to itself, kept by a callee, its address compared as an integer, or
; returned through a musttail call. test/behaviour/grow_and_return.c runs
; the shapes that move and those that must not.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup>,default<O2>' -verify-each -disable-output %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @keep(ptr)

; COUNT: {{^}}11{{$}}

; CHECK-LABEL: define ptr @grows_and_returns(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [256 x i8], align 16
; CHECK:         %q = call ptr @__escape_realloc(ptr %p, i64 %n, ptr %p, i64 256)
; CHECK:         %escape.returned = call ptr @__escape_to_heap(ptr %q, ptr %p, i64 256)
; CHECK-NEXT:    ret ptr %escape.returned
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(16) (to the heap when returned){{$}}
define ptr @grows_and_returns(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 %n)
  store i8 1, ptr %q
  ret ptr %q
}

; An interior pointer on one return, null on the other: only the return of
; the class moves.
; CHECK-LABEL: define ptr @interior_or_null(
; CHECK:         %e = getelementptr i8, ptr %q, i64 %n
; CHECK-NEXT:    %escape.returned = call ptr @__escape_to_heap(ptr %e, ptr %p, i64 256)
; CHECK-NEXT:    ret ptr %escape.returned
; CHECK:       none:
; CHECK:         call void @free(
; CHECK-NEXT:    ret ptr null
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(17) (to the heap when returned){{$}}
define ptr @interior_or_null(i64 %n, i1 %c) {
entry:
  %p = call ptr @malloc(i64 17)
  %q = call ptr @realloc(ptr %p, i64 %n)
  br i1 %c, label %some, label %none
some:
  %e = getelementptr i8, ptr %q, i64 %n
  ret ptr %e
none:
  call void @free(ptr %q)
  ret ptr null
}

; CHECK-LABEL: define ptr @never_reallocated(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 18)
; REMARK-DAG: remark: <unknown>:0:0: malloc(18) escapes to heap: returned{{$}}
define ptr @never_reallocated() {
entry:
  %p = call ptr @malloc(i64 18)
  ret ptr %p
}

; CHECK-LABEL: define { ptr, i64 } @in_an_aggregate(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 19)
; REMARK-DAG: remark: <unknown>:0:0: malloc(19) escapes to heap: returned{{$}}
define { ptr, i64 } @in_an_aggregate(i64 %n) {
entry:
  %p = call ptr @malloc(i64 19)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %r = insertvalue { ptr, i64 } undef, ptr %q, 0
  %s = insertvalue { ptr, i64 } %r, i64 %n, 1
  ret { ptr, i64 } %s
}

; Returned first, but the caller also finds it through `out`.
; CHECK-LABEL: define ptr @also_stored_out(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 20)
; REMARK-DAG: remark: <unknown>:0:0: malloc(20) escapes to heap: returned{{$}}
define ptr @also_stored_out(i64 %n, ptr %out) {
entry:
  %p = call ptr @malloc(i64 20)
  %q = call ptr @realloc(ptr %p, i64 %n)
  store ptr %q, ptr %out
  ret ptr %q
}

; The copy would point back into the slot.
; CHECK-LABEL: define ptr @points_to_itself(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 21)
; REMARK-DAG: remark: <unknown>:0:0: malloc(21) escapes to heap: {{.+}}
define ptr @points_to_itself(i64 %n) {
entry:
  %p = call ptr @malloc(i64 21)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %f = getelementptr i8, ptr %q, i64 8
  store ptr %f, ptr %q
  ret ptr %q
}

; CHECK-LABEL: define ptr @kept_by_callee(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 22)
; REMARK-DAG: remark: <unknown>:0:0: malloc(22) escapes to heap: passed to keep{{$}}
define ptr @kept_by_callee(i64 %n) {
entry:
  %p = call ptr @malloc(i64 22)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @keep(ptr %q)
  ret ptr %q
}

; An address compared as an integer would no longer match the copy's.
; CHECK-LABEL: define ptr @address_as_integer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 23)
; REMARK-DAG: remark: <unknown>:0:0: malloc(23) escapes to heap: returned{{$}}
define ptr @address_as_integer(i64 %n, ptr %flag) {
entry:
  %p = call ptr @malloc(i64 23)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %a = ptrtoint ptr %q to i64
  %m = and i64 %a, 15
  %aligned = icmp eq i64 %m, 0
  store i1 %aligned, ptr %flag
  ret ptr %q
}

; Nothing may come between a musttail call and its return.
define ptr @identity(i64 %n, ptr %x) {
  ret ptr %x
}
; CHECK-LABEL: define ptr @through_musttail(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 24)
; REMARK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: {{.+}}
define ptr @through_musttail(i64 %n, ptr %unused) {
entry:
  %p = call ptr @malloc(i64 24)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %r = musttail call ptr @identity(i64 %n, ptr %q)
  ret ptr %r
}

; Two objects, both grown, one returned holding the other: the held one
; escapes with the returned one, which moves.
; CHECK-LABEL: define ptr @returned_holds_another(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [256 x i8], align 16
; CHECK:         %h = call ptr @malloc(i64 26)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(25) (to the heap when returned){{$}}
; REMARK-DAG: remark: <unknown>:0:0: malloc(26) escapes to heap: stored into an object that escapes (returned){{$}}
define ptr @returned_holds_another(i64 %n) {
entry:
  %p = call ptr @malloc(i64 25)
  %h = call ptr @malloc(i64 26)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %i = call ptr @realloc(ptr %h, i64 %n)
  store ptr %i, ptr %q
  ret ptr %q
}

; The helper: a pointer into the slot or just past it (offset <= bytes)
; gets the same place in a heap copy; malloc failing traps.
; CHECK-LABEL: define internal ptr @__escape_to_heap(ptr %p, ptr %slot, i64 %bytes) {
; CHECK:         %offset = sub i64
; CHECK:         icmp ule i64 %offset, %bytes
; CHECK:       keep:
; CHECK-NEXT:    ret ptr %p
; CHECK:       move:
; CHECK-NEXT:    %moved = call ptr @malloc(i64 %bytes)
; CHECK:       copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %moved, ptr align 1 %slot, i64 %bytes, i1 false)
; CHECK-NEXT:    %[[AT:.+]] = getelementptr i8, ptr %moved, i64 %offset
; CHECK-NEXT:    ret ptr %[[AT]]
; CHECK:       fail:
; CHECK-NEXT:    call void @llvm.trap()
; CHECK-NEXT:    unreachable
