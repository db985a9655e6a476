; Rule "a distance is not an address" (build.c, esc_judge_address_differences):
; `sub (ptrtoint a), (ptrtoint b)` of two pointers of one class that holds
; nothing foreign is an offset between the function's own objects (a
; vector's size, `end - begin`): it may go anywhere without the objects
; escaping. A distance to a global or to a parameter's memory is an address
; relative to one the world knows: it goes where its integer goes, as for a
; ptrtoint. Each of the escaping functions would break the rule if it
; promoted; test/behaviour/pointer_differences.c runs them.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@anchor = global [1 x i8] zeroinitializer
@kept = global i64 0
@kept_ptr = global ptr null

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @show(i64)

; COUNT: {{^}}17{{$}}

; CHECK-LABEL: define void @size_passed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 16
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(32){{$}}
define void @size_passed() {
entry:
  %p = call ptr @malloc(i64 32)
  %end = getelementptr i8, ptr %p, i64 24
  %e = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %size = sub i64 %e, %b
  call void @show(i64 %size)
  call void @free(ptr %p)
  ret void
}

; An offset kept in a global is still only an offset.
; CHECK-LABEL: define void @offset_stored(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [33 x i8], align 16
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(33){{$}}
define void @offset_stored(i64 %i) {
entry:
  %p = call ptr @malloc(i64 33)
  %at = getelementptr i8, ptr %p, i64 %i
  %a = ptrtoint ptr %at to i64
  %b = ptrtoint ptr %p to i64
  %off = sub i64 %a, %b
  store i64 %off, ptr @kept
  call void @free(ptr %p)
  ret void
}

; Two objects of one class (a select joins them): their distance tells no
; one where either is.
; CHECK-LABEL: define void @two_objects(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %p = alloca [34 x i8], align 16
; CHECK-DAG:     %q = alloca [35 x i8], align 16
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(34){{$}}
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(35){{$}}
define void @two_objects(i1 %c) {
entry:
  %p = call ptr @malloc(i64 34)
  %q = call ptr @malloc(i64 35)
  %r = select i1 %c, ptr %p, ptr %q
  %a = ptrtoint ptr %r to i64
  %b = ptrtoint ptr %q to i64
  %d = sub i64 %a, %b
  call void @show(i64 %d)
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret void
}

; The distance to a global is the address, to anyone who knows the global.
; CHECK-LABEL: define void @distance_to_global(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 36)
; REMARK-DAG: remark: <unknown>:0:0: malloc(36) escapes to heap: converted to an integer (passed to a call){{$}}
define void @distance_to_global() {
entry:
  %p = call ptr @malloc(i64 36)
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr @anchor to i64
  %d = sub i64 %a, %b
  call void @show(i64 %d)
  ret void
}

; Two classes: the distance to an object kept in a global tells where the
; other one is.
; CHECK-LABEL: define void @distance_to_kept_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 40)
; REMARK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: converted to an integer (passed to a call){{$}}
; REMARK-DAG: remark: <unknown>:0:0: malloc(41) escapes to heap: stored to global kept_ptr{{$}}
define void @distance_to_kept_object() {
entry:
  %p = call ptr @malloc(i64 40)
  %q = call ptr @malloc(i64 41)
  store ptr %q, ptr @kept_ptr
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %q to i64
  %d = sub i64 %a, %b
  call void @show(i64 %d)
  ret void
}

; The distance to the caller's memory: the caller can add it back.
; CHECK-LABEL: define i64 @distance_to_parameter(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 37)
; REMARK-DAG: remark: <unknown>:0:0: malloc(37) escapes to heap: converted to an integer (returned){{$}}
define i64 @distance_to_parameter(ptr %base, i1 %c) {
entry:
  %p = call ptr @malloc(i64 37)
  %r = select i1 %c, ptr %p, ptr %base
  %a = ptrtoint ptr %r to i64
  %b = ptrtoint ptr %base to i64
  %d = sub i64 %a, %b
  ret i64 %d
}

; The same ptrtoint also made a pointer again: the difference does not hide
; its other uses.
; CHECK-LABEL: define i8 @address_also_rebuilt(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 38)
; REMARK-DAG: remark: <unknown>:0:0: malloc(38) escapes to heap: converted to an integer (made a pointer again){{$}}
define i8 @address_also_rebuilt(i64 %i) {
entry:
  %p = call ptr @malloc(i64 38)
  %at = getelementptr i8, ptr %p, i64 %i
  %a = ptrtoint ptr %at to i64
  %b = ptrtoint ptr %p to i64
  %off = sub i64 %a, %b
  %sum = add i64 %b, %off
  %back = inttoptr i64 %sum to ptr
  %v = load i8, ptr %back
  call void @free(ptr %p)
  ret i8 %v
}

; A difference of phis, judged on each way into their block: GVN leaves a
; vector's `end - begin` (here a size for operator delete, after a path where
; the vector stayed empty) as `ptrtoint (phi [null, end]) - phi [0, begin]`.
; Each way gives two addresses of the object or two constants.
; CHECK-LABEL: define void @size_of_maybe_empty(
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(42){{$}}
define void @size_of_maybe_empty(i1 %empty) {
entry:
  br i1 %empty, label %join, label %fill
fill:
  %p = call ptr @malloc(i64 42)
  %b = ptrtoint ptr %p to i64
  %end = getelementptr i8, ptr %p, i64 40
  br label %join
join:
  %last = phi ptr [ null, %entry ], [ %end, %fill ]
  %first = phi ptr [ null, %entry ], [ %p, %fill ]
  %begin = phi i64 [ 0, %entry ], [ %b, %fill ]
  %e = ptrtoint ptr %last to i64
  %size = sub i64 %e, %begin
  call void @show(i64 %size)
  call void @free(ptr %first)
  ret void
}

; The same with a side that is not a phi: on the way from entry the
; difference is 0 - p, the address itself, negated.
; CHECK-LABEL: define void @null_on_one_way(
; CHECK:         %p = call ptr @malloc(i64 43)
; REMARK-DAG: remark: <unknown>:0:0: malloc(43) escapes to heap: converted to an integer (passed to a call){{$}}
define void @null_on_one_way(i1 %c) {
entry:
  %p = call ptr @malloc(i64 43)
  %end = getelementptr i8, ptr %p, i64 40
  br i1 %c, label %join, label %other
other:
  br label %join
join:
  %last = phi ptr [ null, %entry ], [ %end, %other ]
  %e = ptrtoint ptr %last to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %e, %b
  call void @show(i64 %d)
  call void @free(ptr %p)
  ret void
}

; Phis of one block listing their predecessors in other orders: paired by
; block, the way from %fill gives null - p (an address); paired by position,
; the difference would look like one of two distances.
; CHECK-LABEL: define void @phis_in_other_orders(
; CHECK:         %p = call ptr @malloc(i64 44)
; REMARK-DAG: remark: <unknown>:0:0: malloc(44) escapes to heap: converted to an integer (passed to a call){{$}}
define void @phis_in_other_orders(i1 %c) {
entry:
  %p = call ptr @malloc(i64 44)
  %b = ptrtoint ptr %p to i64
  %end = getelementptr i8, ptr %p, i64 40
  br i1 %c, label %fill, label %join
fill:
  br label %join
join:
  %last = phi ptr [ %end, %entry ], [ null, %fill ]
  %begin = phi i64 [ %b, %fill ], [ 0, %entry ]
  %e = ptrtoint ptr %last to i64
  %d = sub i64 %e, %begin
  call void @show(i64 %d)
  call void @free(ptr %p)
  ret void
}

; The same phis in other orders, agreeing on each way: a distance.
; CHECK-LABEL: define void @phis_in_other_orders_agree(
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(45){{$}}
define void @phis_in_other_orders_agree(i1 %c) {
entry:
  %p = call ptr @malloc(i64 45)
  %b = ptrtoint ptr %p to i64
  %end = getelementptr i8, ptr %p, i64 40
  br i1 %c, label %fill, label %join
fill:
  br label %join
join:
  %last = phi ptr [ %end, %entry ], [ null, %fill ]
  %begin = phi i64 [ 0, %fill ], [ %b, %entry ]
  %e = ptrtoint ptr %last to i64
  %d = sub i64 %e, %begin
  call void @show(i64 %d)
  call void @free(ptr %p)
  ret void
}

; Two pointer phis of the object's class, ptrtoint of each: on the way from
; entry the difference is end - null, the address itself. (Judged as two
; pointers of one class, it would pass for a distance.)
; CHECK-LABEL: define void @pointer_phis_null_against_address(
; CHECK:         %p = call ptr @malloc(i64 46)
; REMARK-DAG: remark: <unknown>:0:0: malloc(46) escapes to heap: converted to an integer (passed to a call){{$}}
define void @pointer_phis_null_against_address(i1 %c) {
entry:
  %p = call ptr @malloc(i64 46)
  %end = getelementptr i8, ptr %p, i64 40
  br i1 %c, label %join, label %other
other:
  br label %join
join:
  %last = phi ptr [ %end, %entry ], [ %end, %other ]
  %first = phi ptr [ null, %entry ], [ %p, %other ]
  %e = ptrtoint ptr %last to i64
  %b = ptrtoint ptr %first to i64
  %d = sub i64 %e, %b
  call void @show(i64 %d)
  call void @free(ptr %p)
  ret void
}

; LLVM 22's empty vector: its end is `getelementptr null, n` where its
; begin is null; n - 0 is no address.
; CHECK-LABEL: define void @null_based_end(
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(47){{$}}
define void @null_based_end(i1 %empty, i64 %n) {
entry:
  br i1 %empty, label %none, label %fill
none:
  %nothing = getelementptr inbounds i8, ptr null, i64 %n
  br label %join
fill:
  %p = call ptr @malloc(i64 47)
  %end = getelementptr i8, ptr %p, i64 40
  br label %join
join:
  %last = phi ptr [ %nothing, %none ], [ %end, %fill ]
  %first = phi ptr [ null, %none ], [ %p, %fill ]
  %e = ptrtoint ptr %last to i64
  %b = ptrtoint ptr %first to i64
  %size = sub i64 %e, %b
  call void @show(i64 %size)
  call void @free(ptr %first)
  ret void
}

; An offset from null against an object's address is that address, moved.
; CHECK-LABEL: define void @null_based_against_address(
; CHECK:         %p = call ptr @malloc(i64 48)
; REMARK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: converted to an integer (passed to a call){{$}}
define void @null_based_against_address(i1 %c, i64 %n) {
entry:
  %p = call ptr @malloc(i64 48)
  br i1 %c, label %none, label %other
none:
  %nothing = getelementptr inbounds i8, ptr null, i64 %n
  br label %join
other:
  br label %join
join:
  %last = phi ptr [ %nothing, %none ], [ %p, %other ]
  %first = phi ptr [ %p, %none ], [ %p, %other ]
  %e = ptrtoint ptr %last to i64
  %b = ptrtoint ptr %first to i64
  %d = sub i64 %e, %b
  call void @show(i64 %d)
  call void @free(ptr %p)
  ret void
}

; In a loop, an object whose address becomes an integer takes its slot one
; at a time (ptrtoint.ll), a distance too; freed in its iteration, it finds
; the slot free every time.
; CHECK-LABEL: define void @in_a_loop(
; CHECK:         %escape.idle = xor i1 %escape.held{{[0-9]*}}, true
; CHECK:         %p = phi ptr [ %escape.slot, %escape.small ], [ %0, %escape.large ]
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(39) (one at a time, else heap){{$}}
define void @in_a_loop(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %p = call ptr @malloc(i64 39)
  %at = getelementptr i8, ptr %p, i64 %i
  %a = ptrtoint ptr %at to i64
  %b = ptrtoint ptr %p to i64
  %off = sub i64 %a, %b
  call void @show(i64 %off)
  call void @free(ptr %p)
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
