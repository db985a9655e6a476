; Interprocedural summaries (issue 4): a call to a function this module
; defines, with external, internal or private linkage, is judged by what the
; callee's body does with each pointer parameter (escapes, returned, frees,
; content escapes, content written), computed bottom-up over the call graph,
; not by the attributes of its parameters (the helpers below have none).
; Definitions another body may replace at link time fall back to attributes
; (weak); those of which another body of the same source may be linked
; (linkonce_odr, available_externally) are relied on through a private copy
; (private-copies.ll). Every allocation has its
; own size, so each remark names its site.
; (summaries-writeback-19.ll and -22.ll check the attributes written back.)
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@gi = global i64 0

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @capture(ptr) nofree nounwind nocallback
declare void @opaque()
declare void @quiet() nocallback
declare void @abort() noreturn nounwind
declare void @__assert_fail(ptr, ptr, i32, ptr) noreturn nounwind

; COUNT: {{^}}50{{$}}

; ---- (a) a helper that only reads and writes the buffer ------------------

define i32 @reads_writes(ptr %p) {
entry:
  store i8 1, ptr %p
  %q = getelementptr i8, ptr %p, i64 4
  store i32 7, ptr %q
  %v = load i32, ptr %q
  ret i32 %v
}

; The slot is on the caller's stack now, so the call may not stay `tail`.
define i32 @buffer_to_helper() {
; CHECK-LABEL: define i32 @buffer_to_helper(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [8 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 8, )?}}ptr %p)
; CHECK-NEXT:    %r = call i32 @reads_writes(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 8, )?}}ptr %p)
; CHECK-NEXT:    ret i32 %r
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(8){{$}}
entry:
  %p = call ptr @malloc(i64 8)
  %r = tail call i32 @reads_writes(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; Through two levels of helpers.
define i32 @outer_reads(ptr %p) {
entry:
  %r = call i32 @reads_writes(ptr %p)
  ret i32 %r
}

define i32 @buffer_to_outer_helper() {
; CHECK-LABEL: define i32 @buffer_to_outer_helper(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [12 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %r = call i32 @outer_reads(ptr %p)
; CHECK-NOT:     @free
; CHECK:         ret i32 %r
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(12){{$}}
entry:
  %p = call ptr @malloc(i64 12)
  %r = tail call i32 @outer_reads(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; ---- (b) a helper that keeps its parameter -------------------------------

define void @keep(ptr %p) {
entry:
  store ptr %p, ptr @g
  ret void
}

define void @kept_by_helper() {
; CHECK-LABEL: define void @kept_by_helper(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @keep(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to keep{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p)
  ret void
}

; Kept by a declaration the helper calls.
define void @keep_via_decl(ptr %p) {
entry:
  call void @capture(ptr %p)
  ret void
}

define void @kept_by_helpers_callee() {
; CHECK-LABEL: define void @kept_by_helpers_callee(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 20)
; REMARK-DAG: remark: {{.*}}malloc(20) escapes to heap: passed to keep_via_decl{{$}}
entry:
  %p = call ptr @malloc(i64 20)
  call void @keep_via_decl(ptr %p)
  ret void
}

; ---- (c) a helper that returns its parameter -----------------------------

define ptr @ident(ptr %p) {
entry:
  ret ptr %p
}

; The result is the object: used locally, it stays promoted; freeing the
; result is guarded, since the result is not known to be only the object.
define i8 @through_ident_locally() {
; CHECK-LABEL: define i8 @through_ident_locally(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [24 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %q = call ptr @ident(ptr %p)
; CHECK-NEXT:    store i8 3, ptr %q
; CHECK-NEXT:    %v = load i8, ptr %p
; CHECK-NEXT:    [[GUARD:%.*]] = icmp eq ptr %q, %p
; CHECK-NEXT:    [[FREED:%.*]] = select i1 [[GUARD]], ptr null, ptr %q
; CHECK-NEXT:    call void @free(ptr [[FREED]])
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(24){{$}}
entry:
  %p = call ptr @malloc(i64 24)
  %q = call ptr @ident(ptr %p)
  store i8 3, ptr %q
  %v = load i8, ptr %p
  call void @free(ptr %q)
  ret i8 %v
}

define ptr @through_ident_returned() {
; CHECK-LABEL: define ptr @through_ident_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 28)
; REMARK-DAG: remark: {{.*}}malloc(28) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 28)
  %q = call ptr @ident(ptr %p)
  ret ptr %q
}

; The result stored to a global.
define void @through_ident_to_global() {
; CHECK-LABEL: define void @through_ident_to_global(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 30)
; REMARK-DAG: remark: {{.*}}malloc(30) escapes to heap: stored to global g{{$}}
entry:
  %p = call ptr @malloc(i64 30)
  %q = call ptr @ident(ptr %p)
  store ptr %q, ptr @g
  ret void
}

; Returned inside an aggregate.
define { ptr, i32 } @pair(ptr %p) {
entry:
  %r = insertvalue { ptr, i32 } undef, ptr %p, 0
  ret { ptr, i32 } %r
}

define { ptr, i32 } @through_pair_returned() {
; CHECK-LABEL: define { ptr, i32 } @through_pair_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 32)
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 32)
  %r = call { ptr, i32 } @pair(ptr %p)
  ret { ptr, i32 } %r
}

; ---- (d) a helper that frees its parameter -------------------------------

define void @obj_free(ptr %p) {
entry:
  call void @free(ptr %p)
  ret void
}

define void @freed_by_helper() {
; CHECK-LABEL: define void @freed_by_helper(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 36)
; CHECK-NEXT:    store i8 0, ptr %p
; CHECK-NEXT:    call void @obj_free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(36) escapes to heap: freed by callee obj_free{{$}}
entry:
  %p = call ptr @malloc(i64 36)
  store i8 0, ptr %p
  call void @obj_free(ptr %p)
  ret void
}

; Freed two levels down: stays on the heap.
define void @obj_release(ptr %p) {
entry:
  call void @obj_free(ptr %p)
  ret void
}

define void @freed_by_helpers_callee() {
; CHECK-LABEL: define void @freed_by_helpers_callee(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 40)
; REMARK-DAG: remark: {{.*}}malloc(40) escapes to heap: {{.*}}obj_release{{$}}
entry:
  %p = call ptr @malloc(i64 40)
  call void @obj_release(ptr %p)
  ret void
}

; ---- (e) a helper that stores its first parameter into *second -----------

define void @store_into(ptr %a, ptr %b) {
entry:
  store ptr %a, ptr %b
  ret void
}

define ptr @stored_into_local_slot() {
; CHECK-LABEL: define ptr @stored_into_local_slot(
; CHECK-NOT:     alloca [
; CHECK:         %p = call ptr @malloc(i64 44)
; REMARK-DAG: remark: {{.*}}malloc(44) escapes to heap: passed to store_into{{$}}
entry:
  %slot = alloca ptr
  %p = call ptr @malloc(i64 44)
  call void @store_into(ptr %p, ptr %slot)
  %l = load ptr, ptr %slot
  ret ptr %l
}

; The slot is a heap object of its own: it does not escape (its content is
; written by the callee, which only makes what it holds unknown).
define ptr @stored_into_heap_slot() {
; CHECK-LABEL: define ptr @stored_into_heap_slot(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %slot = alloca [48 x i8], align 16
; CHECK-NOT:     @malloc(i64 48)
; CHECK:         %p = call ptr @malloc(i64 52)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(48){{$}}
; REMARK-DAG: remark: {{.*}}malloc(52) escapes to heap: passed to store_into{{$}}
entry:
  %slot = call ptr @malloc(i64 48)
  %p = call ptr @malloc(i64 52)
  call void @store_into(ptr %p, ptr %slot)
  %l = load ptr, ptr %slot
  call void @free(ptr %slot)
  ret ptr %l
}

; ---- (f) what the parameter points to ------------------------------------

; Loads a pointer from *p and stores it to a global.
define void @leak_content(ptr %p) {
entry:
  %x = load ptr, ptr %p
  store ptr %x, ptr @g
  ret void
}

; Loads a pointer from *p and only reads through it.
define i32 @read_content(ptr %p) {
entry:
  %x = load ptr, ptr %p
  %v = load i32, ptr %x
  ret i32 %v
}

define void @content_leaked() {
; CHECK-LABEL: define void @content_leaked(
; CHECK-NOT:     alloca [
; CHECK:         %o = call ptr @malloc(i64 56)
; REMARK-DAG: remark: {{.*}}malloc(56) escapes to heap: reachable from an argument of leak_content{{$}}
entry:
  %s = alloca ptr
  %o = call ptr @malloc(i64 56)
  store ptr %o, ptr %s
  call void @leak_content(ptr %s)
  ret void
}

define i32 @content_read() {
; CHECK-LABEL: define i32 @content_read(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %o = alloca [60 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(60){{$}}
entry:
  %s = alloca ptr
  %o = call ptr @malloc(i64 60)
  store i32 1, ptr %o
  store ptr %o, ptr %s
  %r = call i32 @read_content(ptr %s)
  call void @free(ptr %o)
  ret i32 %r
}

; The holder is itself a heap object: it does not escape, what it holds does.
define void @content_of_heap_holder_leaked() {
; CHECK-LABEL: define void @content_of_heap_holder_leaked(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc(i64 64)
; CHECK:         %o = call ptr @malloc(i64 68)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
; REMARK-DAG: remark: {{.*}}malloc(68) escapes to heap: reachable from an argument of leak_content{{$}}
entry:
  %s = call ptr @malloc(i64 64)
  %o = call ptr @malloc(i64 68)
  store ptr %o, ptr %s
  call void @leak_content(ptr %s)
  call void @free(ptr %s)
  ret void
}

; ---- (g) definitions that may be replaced: attributes or a private copy ---

define weak i32 @weak_reads(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define linkonce_odr i32 @linkonce_reads(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define available_externally i32 @available_externally_reads(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define internal i32 @internal_reads(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define private i32 @private_reads(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @replaceable_helpers() {
; CHECK-LABEL: define i32 @replaceable_helpers(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %q = alloca [76 x i8], align 16
; CHECK-DAG:     %s = alloca [80 x i8], align 16
; CHECK-DAG:     %t = alloca [84 x i8], align 16
; CHECK-DAG:     %u = alloca [88 x i8], align 16
; CHECK:         %p = call ptr @malloc(i64 72)
; CHECK:         call i32 @weak_reads(ptr %p)
; CHECK:         call i32 @linkonce_reads.escape.copy(ptr
; CHECK:         call i32 @available_externally_reads.escape.copy(ptr
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}malloc(72) escapes to heap: passed to weak_reads{{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(76){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(80){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(84){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(88){{$}}
entry:
  %p = call ptr @malloc(i64 72)
  store i32 5, ptr %p
  %r1 = call i32 @weak_reads(ptr %p)
  %q = call ptr @malloc(i64 76)
  store i32 5, ptr %q
  %r2 = call i32 @linkonce_reads(ptr %q)
  %s = call ptr @malloc(i64 80)
  store i32 5, ptr %s
  %r3 = call i32 @available_externally_reads(ptr %s)
  %t = call ptr @malloc(i64 84)
  store i32 5, ptr %t
  %r4 = call i32 @internal_reads(ptr %t)
  %u = call ptr @malloc(i64 88)
  store i32 5, ptr %u
  %r5 = call i32 @private_reads(ptr %u)
  %a = add i32 %r1, %r2
  %b = add i32 %a, %r3
  %c = add i32 %b, %r4
  %d = add i32 %c, %r5
  ret i32 %d
}

; A call whose type differs from the callee's is judged by attributes.
define void @mismatched_call_type() {
; CHECK-LABEL: define void @mismatched_call_type(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 90)
; REMARK-DAG: remark: {{.*}}malloc(90) escapes to heap: passed to reads_writes{{$}}
entry:
  %p = call ptr @malloc(i64 90)
  call void @reads_writes(ptr %p, i32 1)
  call void @free(ptr %p)
  ret void
}

; ---- (h) mutual recursion ------------------------------------------------

; even and odd only read p. They form one strongly connected component,
; summarized together to a fixpoint: p does not escape, so @call_pair's
; object is promoted.
define i32 @even(ptr %p, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %base, label %rec
base:
  %v = load i32, ptr %p
  ret i32 %v
rec:
  %m = sub i32 %n, 1
  %r = call i32 @odd(ptr %p, i32 %m)
  ret i32 %r
}

; On a cycle: a budget of 128 bytes, so of 100 + 60 bytes of local scratch
; only the first is promoted.
define i32 @odd(ptr %p, i32 %n) {
; CHECK-LABEL: define i32 @odd(
; CHECK:         %a = alloca [100 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 60)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}malloc(60) escapes to heap: stack budget exceeded (176 > 128 bytes){{$}}
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %base, label %rec
base:
  ret i32 1
rec:
  %a = call ptr @malloc(i64 100)
  store i32 %n, ptr %a
  %b = call ptr @malloc(i64 60)
  store i32 %n, ptr %b
  %m = sub i32 %n, 1
  %r = call i32 @even(ptr %p, i32 %m)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret i32 %r
}

define i32 @call_pair() {
; CHECK-LABEL: define i32 @call_pair(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [92 x i8], align 16
; CHECK-NOT:     @malloc
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(92){{$}}
entry:
  %p = call ptr @malloc(i64 92)
  store i32 5, ptr %p
  %r = call i32 @even(ptr %p, i32 10)
  call void @free(ptr %p)
  ret i32 %r
}

; A pair where one side keeps p: whichever order, p escapes.
define void @ping(ptr %p, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %rec
rec:
  %m = sub i32 %n, 1
  call void @pong(ptr %p, i32 %m)
  br label %done
done:
  ret void
}

define void @pong(ptr %p, i32 %n) {
entry:
  store ptr %p, ptr @g
  call void @ping(ptr %p, i32 %n)
  ret void
}

define void @call_ping() {
; CHECK-LABEL: define void @call_ping(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 96)
; REMARK-DAG: remark: {{.*}}malloc(96) escapes to heap: passed to ping{{$}}
entry:
  %p = call ptr @malloc(i64 96)
  call void @ping(ptr %p, i32 3)
  ret void
}

; A cycle whose order of summarizing runs against its calls: the call graph
; lists @back_c, @back_b, @back_a (callees first along the walk that found
; them), but q escapes in @back_a and reaches @back_b and then @back_c
; through their calls back up the walk. Two passes over the cycle in that
; order (a round, then the analysis proper) leave @back_c's q "does not
; escape"; the fixpoint must summarize a function again whenever a summary
; it read changes (the worklist in pass/plugin.cpp).
define void @back_a(ptr %q) {
  store ptr %q, ptr @g
  call void @back_b(ptr null)
  ret void
}

define void @back_b(ptr %q) {
  call void @back_c(ptr null)
  call void @back_a(ptr %q)
  ret void
}

define void @back_c(ptr %q) {
  call void @back_b(ptr %q)
  ret void
}

define void @call_back() {
; CHECK-LABEL: define void @call_back(
; CHECK-NOT:     alloca
; REMARK-DAG: remark: {{.*}}malloc(201) escapes to heap: passed to back_a{{$}}
; REMARK-DAG: remark: {{.*}}malloc(202) escapes to heap: passed to back_b{{$}}
; REMARK-DAG: remark: {{.*}}malloc(203) escapes to heap: passed to back_c{{$}}
  %a = call ptr @malloc(i64 201)
  call void @back_a(ptr %a)
  %b = call ptr @malloc(i64 202)
  call void @back_b(ptr %b)
  %c = call ptr @malloc(i64 203)
  call void @back_c(ptr %c)
  ret void
}

; ---- recursion through code the module does not show --------------------

; External, and calls an external function that may call back: it may be
; re-entered, so it gets the recursive budget.
define void @calls_unknown() {
; CHECK-LABEL: define void @calls_unknown(
; CHECK:         %a = alloca [100 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 61)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}malloc(61) escapes to heap: stack budget exceeded (176 > 128 bytes){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 61)
  store i8 0, ptr %b
  call void @opaque()
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; The same, through a helper of the module.
define internal void @helper_calls_unknown() {
entry:
  call void @opaque()
  ret void
}

define void @calls_unknown_via_helper() {
; CHECK-LABEL: define void @calls_unknown_via_helper(
; CHECK:         %a = alloca [100 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 62)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}malloc(62) escapes to heap: stack budget exceeded (176 > 128 bytes){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 62)
  store i8 0, ptr %b
  call void @helper_calls_unknown()
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; norecurse: exempt.
define void @calls_unknown_norecurse() norecurse {
; CHECK-LABEL: define void @calls_unknown_norecurse(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [100 x i8], align 16
; CHECK-DAG:     %b = alloca [63 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(63){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 63)
  store i8 0, ptr %b
  call void @opaque()
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; The external callee is nocallback: not re-entered.
define void @calls_nocallback() {
; CHECK-LABEL: define void @calls_nocallback(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [100 x i8], align 16
; CHECK-DAG:     %b = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 64)
  store i8 0, ptr %b
  call void @quiet()
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; abort and __assert_fail end the program without calling back, on every
; LLVM (19's TargetLibraryInfo does not know abort): not re-entered.
define void @calls_abort(i1 %bad) {
; CHECK-LABEL: define void @calls_abort(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [100 x i8], align 16
; CHECK-DAG:     %b = alloca [65 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(65){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 65)
  store i8 0, ptr %b
  br i1 %bad, label %fail, label %done
fail:
  call void @__assert_fail(ptr null, ptr null, i32 0, ptr null)
  call void @abort()
  unreachable
done:
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; ---- soundness: the parameter reaches the caller in other ways -----------

; p is stored into a new object that is returned: p outlives the call.
define ptr @box(ptr %p) {
entry:
  %b = call ptr @malloc(i64 8)
  store ptr %p, ptr %b
  ret ptr %b
}

define ptr @boxed_and_returned() {
; CHECK-LABEL: define ptr @boxed_and_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 104)
; CHECK-NEXT:    %b = call ptr @box(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(104) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 104)
  %b = call ptr @box(ptr %p)
  ret ptr %b
}

; The same through another helper.
define ptr @box_twice(ptr %p) {
entry:
  %b = call ptr @box(ptr %p)
  ret ptr %b
}

define ptr @boxed_twice_and_returned() {
; CHECK-LABEL: define ptr @boxed_twice_and_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 108)
; REMARK-DAG: remark: {{.*}}malloc(108) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 108)
  %b = call ptr @box_twice(ptr %p)
  ret ptr %b
}

; The new box goes out through *out instead.
define void @box_out(ptr %p, ptr %out) {
entry:
  %b = call ptr @malloc(i64 8)
  store ptr %p, ptr %b
  store ptr %b, ptr %out
  ret void
}

define ptr @boxed_through_out() {
; CHECK-LABEL: define ptr @boxed_through_out(
; CHECK-NOT:     alloca [
; CHECK:         %p = call ptr @malloc(i64 112)
; REMARK-DAG: remark: {{.*}}malloc(112) escapes to heap: passed to box_out{{$}}
entry:
  %slot = alloca ptr
  %p = call ptr @malloc(i64 112)
  call void @box_out(ptr %p, ptr %slot)
  %b = load ptr, ptr %slot
  ret ptr %b
}

; ---- soundness: pointers in the caller's object read or written as data --

; Copies 8 bytes as an integer: a pointer in *src lands in *dst.
define void @copy8(ptr %dst, ptr %src) {
entry:
  %v = load i64, ptr %src
  store i64 %v, ptr %dst
  ret void
}

define void @pointer_copied_as_data() {
; CHECK-LABEL: define void @pointer_copied_as_data(
; CHECK-NOT:     alloca [
; CHECK:         %o = call ptr @malloc(i64 116)
; REMARK-DAG: remark: {{.*}}malloc(116) escapes to heap: {{.+}}
entry:
  %a = alloca ptr
  %b = alloca ptr
  %o = call ptr @malloc(i64 116)
  store ptr %o, ptr %a
  call void @copy8(ptr %b, ptr %a)
  %x = load ptr, ptr %b
  store ptr %x, ptr @g
  ret void
}

; A byte-wise copy loop, as a hand-written memcpy.
define void @copy_bytes(ptr %dst, ptr %src, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %s = getelementptr i8, ptr %src, i64 %i
  %d = getelementptr i8, ptr %dst, i64 %i
  %c = load i8, ptr %s
  store i8 %c, ptr %d
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

define void @pointer_copied_bytewise() {
; CHECK-LABEL: define void @pointer_copied_bytewise(
; CHECK-NOT:     alloca [
; CHECK:         %o = call ptr @malloc(i64 120)
; REMARK-DAG: remark: {{.*}}malloc(120) escapes to heap: {{.+}}
entry:
  %a = alloca ptr
  %b = alloca ptr
  %o = call ptr @malloc(i64 120)
  store ptr %o, ptr %a
  call void @copy_bytes(ptr %b, ptr %a, i64 8)
  %x = load ptr, ptr %b
  store ptr %x, ptr @g
  ret void
}

; Reads the pointer's bits and publishes them.
define void @leak_bits(ptr %p) {
entry:
  %v = load i64, ptr %p
  store i64 %v, ptr @gi
  ret void
}

define void @pointer_bits_leaked() {
; CHECK-LABEL: define void @pointer_bits_leaked(
; CHECK-NOT:     alloca [
; CHECK:         %o = call ptr @malloc(i64 124)
; REMARK-DAG: remark: {{.*}}malloc(124) escapes to heap: {{.+}}
entry:
  %a = alloca ptr
  %o = call ptr @malloc(i64 124)
  store ptr %o, ptr %a
  call void @leak_bits(ptr %a)
  ret void
}

; Overwrites the caller's pointer with an integer (here the address of @g):
; what the caller then loads from its slot is not its own object.
define void @forge(ptr %p, i64 %n) {
entry:
  store i64 %n, ptr %p
  ret void
}

define void @pointer_forged() {
; CHECK-LABEL: define void @pointer_forged(
; CHECK:         %q = call ptr @malloc(i64 126)
; REMARK-DAG: remark: {{.*}}malloc(2){{( .*)?$}}
; REMARK-DAG: remark: {{.*}}malloc(126) escapes to heap: {{.+}}
entry:
  %s = alloca ptr
  %o = call ptr @malloc(i64 2)
  store ptr %o, ptr %s
  call void @forge(ptr %s, i64 ptrtoint (ptr @g to i64))
  %x = load ptr, ptr %s
  %q = call ptr @malloc(i64 126)
  store ptr %q, ptr %x
  ret void
}
