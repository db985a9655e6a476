; Allocations inside loops. One alloca in the entry block serves every
; iteration. An object dead by the time the next iteration allocates again
; takes the slot each time; one that a pointer may carry into the next
; iteration (a loop-header phi, memory, an address a callee keeps) takes it
; one at a time: a flag, set when the slot takes an object and cleared by the
; free that frees the slot, sends the site's other objects to the heap while
; the slot holds a live one (rule "one at a time", pass/solve.c).
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare void @free(ptr)
declare ptr @realloc(ptr, i64)
declare void @use(ptr nocapture) nofree nounwind
declare void @use2(ptr nocapture, ptr nocapture) nofree nounwind

; COUNT: {{^}}17{{$}}

; malloc/free in the body: the alloca is hoisted, the markers stay in the loop.
define void @loop_malloc_free_pair(i32 %n) {
; CHECK-LABEL: define void @loop_malloc_free_pair(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  ret void
}

; Not freed, but dead at the end of its iteration: promoted.
define i32 @loop_object_used_in_one_iteration(i32 %n) {
; CHECK-LABEL: define i32 @loop_object_used_in_one_iteration(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    store i32 %i, ptr %p, align 4
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %sum = phi i32 [ 0, %entry ], [ %sum.next, %loop ]
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p, align 4
  call void @use(ptr %p)
  %v = load i32, ptr %p, align 4
  %sum.next = add i32 %sum, %v
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  ret i32 %sum.next
}

; calloc in a loop: zeroed again on every iteration, where the call was.
define void @loop_calloc_zeroes_every_iteration(i32 %n) {
; CHECK-LABEL: define void @loop_calloc_zeroes_every_iteration(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [64 x i8], align 16
; CHECK-NOT:     memset
; CHECK:       loop:
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 64, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 64, )?}}ptr %p)
; CHECK-NOT:     @calloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: calloc(16, 4){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %p = call ptr @calloc(i64 16, i64 4)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  ret void
}

; Allocated before the loop, used inside it: not in a cycle at all.
define void @malloc_before_loop(i64 %n) {
; CHECK-LABEL: define void @malloc_before_loop(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    br label %loop
; CHECK:       exit:
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
entry:
  %p = call ptr @malloc(i64 64)
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %q = getelementptr inbounds i8, ptr %p, i64 %i
  store i8 0, ptr %q, align 1
  %i.next = add i64 %i, 1
  %c = icmp ult i64 %i.next, 64
  br i1 %c, label %loop, label %exit

exit:
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A phi inside the body that merges two paths of one iteration is not a
; loop-carried value.
define void @loop_internal_phi_not_carried(i32 %n, ptr %x) {
; CHECK-LABEL: define void @loop_internal_phi_not_carried(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       loop:
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK:       merge:
; CHECK-NEXT:    %q = phi ptr [ %p, %left ], [ %r, %right ]
; CHECK-NEXT:    call void @use(ptr %q)
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %merge ]
  %p = call ptr @malloc(i64 16)
  %odd = trunc i32 %i to i1
  br i1 %odd, label %left, label %right

left:
  br label %merge

right:
  %r = getelementptr inbounds i8, ptr %p, i64 4
  br label %merge

merge:
  %q = phi ptr [ %p, %left ], [ %r, %right ]
  call void @use(ptr %q)
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  ret void
}

; Allocated in an outer loop, used in an inner loop, freed in the outer one.
define void @outer_object_used_in_inner_loop(i32 %n) {
; CHECK-LABEL: define void @outer_object_used_in_inner_loop(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [32 x i8], align 16
; CHECK:       outer:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 32, )?}}ptr %p)
; CHECK:       inner:
; CHECK-NOT:     alloca
; CHECK:         call void @use(ptr %p)
; CHECK:       outer.latch:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 32, )?}}ptr %p)
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  br label %outer

outer:
  %i = phi i32 [ 0, %entry ], [ %i.next, %outer.latch ]
  %p = call ptr @malloc(i64 32)
  br label %inner

inner:
  %j = phi i32 [ 0, %outer ], [ %j.next, %inner ]
  call void @use(ptr %p)
  %j.next = add i32 %j, 1
  %cj = icmp slt i32 %j.next, %n
  br i1 %cj, label %inner, label %outer.latch

outer.latch:
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %ci = icmp slt i32 %i.next, %n
  br i1 %ci, label %outer, label %exit

exit:
  ret void
}

; Two ways out of the body, each with its own free.
define void @loop_early_exit_frees(i32 %n) {
; CHECK-LABEL: define void @loop_early_exit_frees(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       loop:
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK:       latch:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK:       found:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %latch ]
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p, align 4
  call void @use(ptr %p)
  %stop = icmp eq i32 %i, %n
  br i1 %stop, label %found, label %latch

latch:
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  br label %loop

found:
  call void @free(ptr %p)
  ret void
}

; The previous iteration's object is still in use when the next is made: the
; slot takes every other one. The free of %prev clears the flag when it frees
; the slot; the free after the loop too.
define void @loop_carried_through_header_phi(i32 %n) {
; CHECK-LABEL: define void @loop_carried_through_header_phi(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %escape.busy = alloca i1, align 1
; CHECK-NEXT:    store i1 false, ptr %escape.busy, align 1
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK:         %prev = phi ptr [ null, %entry ], [ %p, %escape.join ]
; CHECK-NEXT:    %[[HELD:escape.held[0-9]*]] = load i1, ptr %escape.busy, align 1
; CHECK-NEXT:    %escape.idle = xor i1 %[[HELD]], true
; CHECK-NEXT:    br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:       escape.small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %escape.slot)
; CHECK-NEXT:    store i1 true, ptr %escape.busy, align 1
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.large:
; CHECK-NEXT:    %[[HEAP:[0-9]+]] = call ptr @malloc(i64 16)
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ %[[HEAP]], %escape.large ]
; CHECK-NEXT:    call void @use2(ptr %p, ptr %prev)
; CHECK-NEXT:    %escape.guard = icmp eq ptr %prev, %escape.slot
; CHECK-NEXT:    %[[WAS:escape.held[0-9]*]] = load i1, ptr %escape.busy, align 1
; CHECK-NEXT:    %[[NOW:escape.still.held[0-9]*]] = select i1 %escape.guard, i1 false, i1 %[[WAS]]
; CHECK-NEXT:    store i1 %[[NOW]], ptr %escape.busy, align 1
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %prev
; CHECK-NEXT:    call void @free(ptr %escape.free)
; CHECK:       exit:
; CHECK-NEXT:    %escape.guard1 = icmp eq ptr %p, %escape.slot
; CHECK:         call void @free(ptr %escape.free{{[0-9]+}})
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @use2(ptr %p, ptr %prev)
  call void @free(ptr %prev)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  call void @free(ptr %p)
  ret void
}

; Kept in a variable declared outside the loop and freed one iteration later,
; before the next is made: the flag is clear whenever the slot is asked.
define i32 @loop_carried_through_memory(i32 %n) {
; CHECK-LABEL: define i32 @loop_carried_through_memory(
; CHECK:       loop:
; CHECK:         %old = load ptr, ptr %slot, align 8
; CHECK-NEXT:    %escape.guard = icmp eq ptr %old, %escape.slot
; CHECK:         store i1 %escape.still.held, ptr %escape.busy, align 1
; CHECK:         call void @free(ptr %escape.free)
; CHECK-NEXT:    %[[HELD:escape.held[0-9]*]] = load i1, ptr %escape.busy, align 1
; CHECK-NEXT:    %escape.idle = xor i1 %[[HELD]], true
; CHECK-NEXT:    br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  %slot = alloca ptr, align 8
  store ptr null, ptr %slot, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %old = load ptr, ptr %slot, align 8
  call void @free(ptr %old)
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p, align 4
  store ptr %p, ptr %slot, align 8
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  %last = load ptr, ptr %slot, align 8
  %v = load i32, ptr %last, align 4
  call void @free(ptr %last)
  ret i32 %v
}

; A select feeding the header phi carries the object just as well. Nothing
; frees it: once the slot is taken, the other objects are the heap's.
define void @loop_carried_through_select(i32 %n) {
; CHECK-LABEL: define void @loop_carried_through_select(
; CHECK:       loop:
; CHECK:         br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:         %keep = select i1 %odd, ptr %p, ptr %best
; CHECK:       exit:
; CHECK-NEXT:    call void @use(ptr %keep)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %best = phi ptr [ null, %entry ], [ %keep, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %odd = trunc i32 %i to i1
  %keep = select i1 %odd, ptr %p, ptr %best
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  call void @use(ptr %keep)
  ret void
}

; An irreducible cycle (two entries, %a and %b) carries the object from one
; trip around into the next through %pa and %pb.
define void @irreducible_cycle_carried(i1 %c, i1 %d) {
; CHECK-LABEL: define void @irreducible_cycle_carried(
; CHECK:       {{^}}b:
; CHECK:         br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ %{{[0-9]+}}, %escape.large ]
; CHECK-NEXT:    call void @use2(ptr %p, ptr %pb)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  br i1 %c, label %a, label %b

a:
  %pa = phi ptr [ null, %entry ], [ %p, %b ]
  call void @use(ptr %pa)
  br label %b

b:
  %pb = phi ptr [ null, %entry ], [ %pa, %a ]
  %p = call ptr @malloc(i64 16)
  call void @use2(ptr %p, ptr %pb)
  br i1 %d, label %a, label %exit

exit:
  ret void
}

; Building a list in a local head object: each node is stored to memory while
; in the loop (the next iteration overwrites, the previous node stays
; reachable through the next one). The nodes escape here (@use may read the
; list), the head, allocated once outside the loop, does not.
define void @loop_node_stored_into_outer_object(i32 %n) {
; CHECK-LABEL: define void @loop_node_stored_into_outer_object(
; CHECK:       loop:
; CHECK:         %node = call ptr @malloc(i64 16)
; CHECK:         store ptr %node, ptr %head, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
; REMARK-DAG: remark: {{.*}}malloc(8){{.*}}
entry:
  %head = call ptr @malloc(i64 8)
  store ptr null, ptr %head, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %node = call ptr @malloc(i64 16)
  %old = load ptr, ptr %head, align 8
  store ptr %old, ptr %node, align 8
  store ptr %node, ptr %head, align 8
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  %first = load ptr, ptr %head, align 8
  call void @use(ptr %first)
  ret void
}

; Allocated in the inner loop, kept in the outer loop's header phi: the
; object of one outer iteration is still used in the next.
define void @carried_by_outer_loop_phi(i32 %n) {
; CHECK-LABEL: define void @carried_by_outer_loop_phi(
; CHECK:       inner:
; CHECK:         br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ %{{[0-9]+}}, %escape.large ]
; CHECK-NEXT:    call void @use2(ptr %p, ptr %keep)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  br label %outer

outer:
  %i = phi i32 [ 0, %entry ], [ %i.next, %outer.latch ]
  %keep = phi ptr [ null, %entry ], [ %p, %outer.latch ]
  br label %inner

inner:
  %j = phi i32 [ 0, %outer ], [ %j.next, %inner ]
  %p = call ptr @malloc(i64 16)
  call void @use2(ptr %p, ptr %keep)
  %j.next = add i32 %j, 1
  %cj = icmp slt i32 %j.next, %n
  br i1 %cj, label %inner, label %outer.latch

outer.latch:
  %i.next = add i32 %i, 1
  %ci = icmp slt i32 %i.next, %n
  br i1 %ci, label %outer, label %exit

exit:
  ret void
}

; A cursor walking over an object allocated before the loop.
define void @cursor_over_object() {
; CHECK-LABEL: define void @cursor_over_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:       loop:
; CHECK-NEXT:    %cur = phi ptr [ %p, %entry ], [ %next, %loop ]
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
entry:
  %p = call ptr @malloc(i64 64)
  %end = getelementptr inbounds i8, ptr %p, i64 64
  br label %loop

loop:
  %cur = phi ptr [ %p, %entry ], [ %next, %loop ]
  store i8 0, ptr %cur, align 1
  %next = getelementptr inbounds i8, ptr %cur, i64 1
  %done = icmp eq ptr %next, %end
  br i1 %done, label %exit, label %loop

exit:
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Allocated in the outer loop, walked by a cursor in the inner loop: the
; inner header phi carries a pointer into this outer iteration's object only.
define void @cursor_in_inner_loop(i32 %n) {
; CHECK-LABEL: define void @cursor_in_inner_loop(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [32 x i8], align 16
; CHECK:       outer:
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 32, )?}}ptr %p)
; CHECK:       inner:
; CHECK-NEXT:    %cur = phi ptr [ %p, %outer ], [ %next, %inner ]
; CHECK:       outer.latch:
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 32, )?}}ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  br label %outer

outer:
  %i = phi i32 [ 0, %entry ], [ %i.next, %outer.latch ]
  %p = call ptr @malloc(i64 32)
  %end = getelementptr inbounds i8, ptr %p, i64 32
  br label %inner

inner:
  %cur = phi ptr [ %p, %outer ], [ %next, %inner ]
  store i8 1, ptr %cur, align 1
  %next = getelementptr inbounds i8, ptr %cur, i64 1
  %done = icmp eq ptr %next, %end
  br i1 %done, label %outer.latch, label %inner

outer.latch:
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %ci = icmp slt i32 %i.next, %n
  br i1 %ci, label %outer, label %exit

exit:
  ret void
}

; Carried and realloc'd: the helper that grows the object in its slot knows
; no flag, so the object stays on the heap with Go's reason.
define void @loop_carried_and_reallocated(i32 %n) {
; CHECK-LABEL: define void @loop_carried_and_reallocated(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @realloc(ptr %p, i64 32)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: live across loop iterations{{$}}
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %q, %loop ]
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 32)
  call void @use2(ptr %q, ptr %prev)
  call void @free(ptr %prev)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  call void @free(ptr %q)
  ret void
}
