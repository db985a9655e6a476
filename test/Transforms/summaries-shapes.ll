; Issue 12, item 4: a callee that only reads through its struct argument's
; pointer fields, and one that returns one of two parameters by a select,
; leave the objects to the caller; their counterparts that keep a field, or
; the selected parameter, in a global do not (clang/summary-shapes.c and
; behaviour/summary_shapes.c have the same shapes from C).
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)

@kept = global ptr null

; { ptr a, ptr b }
define i32 @sum_pair(ptr %p) noinline {
  %a = load ptr, ptr %p
  %b.addr = getelementptr inbounds i8, ptr %p, i64 8
  %b = load ptr, ptr %b.addr
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %s = add i32 %x, %y
  ret i32 %s
}

define void @keep_first(ptr %p) noinline {
  %a = load ptr, ptr %p
  store ptr %a, ptr @kept
  ret void
}

define ptr @pick(i1 %c, ptr %x, ptr %y) noinline {
  %r = select i1 %c, ptr %x, ptr %y
  ret ptr %r
}

define void @keep_pick(i1 %c, ptr %x, ptr %y) noinline {
  %r = select i1 %c, ptr %x, ptr %y
  store ptr %r, ptr @kept
  ret void
}

; CHECK-LABEL: define i32 @pair(
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(20){{$}}
define i32 @pair() {
  %s = alloca [16 x i8], align 8
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 20)
  store i32 1, ptr %a
  store i32 2, ptr %b
  store ptr %a, ptr %s
  %b.slot = getelementptr inbounds i8, ptr %s, i64 8
  store ptr %b, ptr %b.slot
  %r = call i32 @sum_pair(ptr %s)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret i32 %r
}

; CHECK-LABEL: define void @pair_kept(
; CHECK:         %a = call ptr @malloc(i64 24)
; REMARK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: reachable from an argument of keep_first{{$}}
define void @pair_kept() {
  %s = alloca [16 x i8], align 8
  %a = call ptr @malloc(i64 24)
  store ptr %a, ptr %s
  call void @keep_first(ptr %s)
  ret void
}

; CHECK-LABEL: define i32 @picked(
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(28){{$}}
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(32){{$}}
define i32 @picked(i1 %c) {
  %x = call ptr @malloc(i64 28)
  %y = call ptr @malloc(i64 32)
  store i32 1, ptr %x
  store i32 2, ptr %y
  %r = call ptr @pick(i1 %c, ptr %x, ptr %y)
  %v = load i32, ptr %r
  call void @free(ptr %x)
  call void @free(ptr %y)
  ret i32 %v
}

; CHECK-LABEL: define void @picked_kept(
; CHECK:         %x = call ptr @malloc(i64 36)
; CHECK:         %y = call ptr @malloc(i64 40)
; REMARK-DAG: remark: <unknown>:0:0: malloc(36) escapes to heap: passed to keep_pick{{$}}
; REMARK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: passed to keep_pick{{$}}
define void @picked_kept(i1 %c) {
  %x = call ptr @malloc(i64 36)
  %y = call ptr @malloc(i64 40)
  call void @keep_pick(i1 %c, ptr %x, ptr %y)
  ret void
}
