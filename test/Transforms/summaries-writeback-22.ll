; Write-back of what the summaries prove (issue 4), LLVM 21+ form: a pointer
; parameter the function neither keeps, returns nor frees gets
; `captures(address, ret: none)` on its definition (the address may still be
; compared or kept as an integer by a callee). Never on a parameter stored to a global or
; into another parameter's memory, returned (plainly, inside an aggregate,
; through memory, or inside a new object), freed, passed to pthread_create or
; to a capturing callee, converted to an integer, nor on definitions that may
; be replaced at link time or that are not optimized.
; (summaries-writeback-19.ll: the nocapture form of LLVM 19 and 20.)
;
; REQUIRES: llvm-at-least-21
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@gi = global i64 0

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @capture(ptr) nofree nounwind nocallback
declare void @reads(ptr captures(none) readonly) nofree nounwind nocallback
declare void @may_free(ptr captures(none)) nounwind nocallback
declare i32 @pthread_create(ptr, ptr, ptr, ptr)
declare void @external_reads(ptr)
declare void @keeps_address(ptr captures(address)) nofree nounwind nocallback
declare void @keeps_address_only_through_ret(ptr captures(ret: address, provenance)) nofree nounwind nocallback memory(none)

; ---- proven --------------------------------------------------------------

; CHECK: define i32 @reads_writes(ptr captures(address, ret: none) %p)
define i32 @reads_writes(ptr %p) {
  store i8 1, ptr %p
  %v = load i32, ptr %p
  ret i32 %v
}

; Through a helper that is proven itself.
; CHECK: define i32 @outer_reads(ptr captures(address, ret: none) %p)
define i32 @outer_reads(ptr %p) {
  %r = call i32 @reads_writes(ptr %p)
  ret i32 %r
}

; Through a declaration that says so.
; CHECK: define void @to_captures_none_decl(ptr captures(address, ret: none) %p)
define void @to_captures_none_decl(ptr %p) {
  call void @reads(ptr %p)
  ret void
}

; What p points to escapes, p itself does not.
; CHECK: define void @leak_content(ptr captures(address, ret: none) %p)
define void @leak_content(ptr %p) {
  %x = load ptr, ptr %p
  store ptr %x, ptr @g
  ret void
}

; b receives a; b itself is not kept.
; CHECK: define void @store_into(ptr %a, ptr captures(address, ret: none) %b)
define void @store_into(ptr %a, ptr %b) {
  store ptr %a, ptr %b
  ret void
}

; Compared only.
; CHECK: define i1 @compares(ptr captures(address, ret: none) %p, ptr captures(address, ret: none) %q)
define i1 @compares(ptr %p, ptr %q) {
  %c = icmp eq ptr %p, %q
  ret i1 %c
}

; Unused.
; CHECK: define void @unused(ptr captures(address, ret: none) %p)
define void @unused(ptr %p) {
  ret void
}

; Local linkage.
; CHECK: define internal i32 @internal_reads(ptr captures(address, ret: none) %p)
define internal i32 @internal_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define private i32 @private_reads(ptr captures(address, ret: none) %p)
define private i32 @private_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; (Functions of local linkage nothing calls are not analysed at all.)
define i32 @calls_local(ptr %p) {
  %a = call i32 @internal_reads(ptr %p)
  %b = call i32 @private_reads(ptr %p)
  %c = add i32 %a, %b
  ret i32 %c
}

; Already there: kept as it is.
; CHECK: define i32 @already(ptr captures(none) %p)
define i32 @already(ptr captures(none) %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; Non-pointer parameters get nothing.
; CHECK: define i32 @not_a_pointer(i64 %x, ptr captures(address, ret: none) %p)
define i32 @not_a_pointer(i64 %x, ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; ---- not proven ----------------------------------------------------------

; CHECK: define void @keep(ptr %p)
define void @keep(ptr %p) {
  store ptr %p, ptr @g
  ret void
}

; CHECK: define void @keep_via_decl(ptr %p)
define void @keep_via_decl(ptr %p) {
  call void @capture(ptr %p)
  ret void
}

; CHECK: define void @keep_via_helper(ptr %p)
define void @keep_via_helper(ptr %p) {
  call void @keep(ptr %p)
  ret void
}

; CHECK: define void @to_external(ptr %p)
define void @to_external(ptr %p) {
  call void @external_reads(ptr %p)
  ret void
}

; CHECK: define ptr @ident(ptr %p)
define ptr @ident(ptr %p) {
  ret ptr %p
}

; CHECK: define ptr @derived(ptr %p)
define ptr @derived(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 8
  ret ptr %q
}

; CHECK: define ptr @ident_via_helper(ptr %p)
define ptr @ident_via_helper(ptr %p) {
  %q = call ptr @ident(ptr %p)
  ret ptr %q
}

; CHECK: define { ptr, i32 } @pair(ptr %p)
define { ptr, i32 } @pair(ptr %p) {
  %r = insertvalue { ptr, i32 } undef, ptr %p, 0
  ret { ptr, i32 } %r
}

; CHECK: define ptr @through_local_slot(ptr %p)
define ptr @through_local_slot(ptr %p) {
  %slot = alloca ptr
  store ptr %p, ptr %slot
  %q = load ptr, ptr %slot
  ret ptr %q
}

; Stored into a new object that is returned.
; CHECK: define ptr @box(ptr %p)
define ptr @box(ptr %p) {
  %b = call ptr @malloc(i64 8)
  store ptr %p, ptr %b
  ret ptr %b
}

; Stored into a new object that goes out through *out.
; CHECK: define void @box_out(ptr %p, ptr captures(address, ret: none) %out)
define void @box_out(ptr %p, ptr %out) {
  %b = call ptr @malloc(i64 8)
  store ptr %p, ptr %b
  store ptr %b, ptr %out
  ret void
}

; CHECK: define void @obj_free(ptr %p)
define void @obj_free(ptr %p) {
  call void @free(ptr %p)
  ret void
}

; CHECK: define void @obj_release(ptr %p)
define void @obj_release(ptr %p) {
  call void @obj_free(ptr %p)
  ret void
}

; captures(none), but may free.
; CHECK: define void @to_may_free(ptr %p)
define void @to_may_free(ptr %p) {
  call void @may_free(ptr %p)
  ret void
}

; CHECK: define i32 @start_thread(ptr captures(address, ret: none) %t, ptr %arg, ptr %fn)
define i32 @start_thread(ptr %t, ptr %arg, ptr %fn) {
  %r = call i32 @pthread_create(ptr %t, ptr null, ptr %fn, ptr %arg)
  ret i32 %r
}

; CHECK: define i64 @to_int(ptr %p)
define i64 @to_int(ptr %p) {
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

; CHECK: define void @to_int_stored(ptr %p)
define void @to_int_stored(ptr %p) {
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr @gi
  ret void
}

; Summarized with itself to a fixpoint: p is only read.
; CHECK: define i32 @self_recursive(ptr captures(address, ret: none) %p, i32 %n)
define i32 @self_recursive(ptr %p, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %base, label %rec
base:
  %v = load i32, ptr %p
  ret i32 %v
rec:
  %m = sub i32 %n, 1
  %r = call i32 @self_recursive(ptr %p, i32 %m)
  ret i32 %r
}

; CHECK: define weak i32 @weak_reads(ptr %p)
define weak i32 @weak_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define linkonce_odr i32 @linkonce_reads(ptr %p)
define linkonce_odr i32 @linkonce_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define available_externally i32 @available_externally_reads(ptr %p)
define available_externally i32 @available_externally_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define i32 @not_optimized(ptr %p)
define i32 @not_optimized(ptr %p) noinline optnone {
  %v = load i32, ptr %p
  ret i32 %v
}

; Variadic: what reaches the variadic part is not summarized.
; CHECK: define void @variadic(ptr captures(address, ret: none) %p, ...)
define void @variadic(ptr %p, ...) {
  %v = load i32, ptr %p
  ret void
}

; ---- captures(...) of LLVM 21+ -------------------------------------------

; The callee keeps the address: so does this function, which is what
; captures(address) allows.
; CHECK: define void @to_keeps_address(ptr captures(address, ret: none) %p)
define void @to_keeps_address(ptr %p) {
  call void @keeps_address(ptr %p)
  ret void
}

; The callee may return p: so does this function.
; CHECK: define ptr @to_returns_it(ptr %p)
define ptr @to_returns_it(ptr %p) {
  %q = call ptr @keeps_address_only_through_ret(ptr %p)
  ret ptr %q
}

; The callee may return p, which is dropped here.
; CHECK: define void @to_returns_it_dropped(ptr captures(address, ret: none) %p)
define void @to_returns_it_dropped(ptr %p) {
  %q = call ptr @keeps_address_only_through_ret(ptr %p)
  ret void
}

; ---- the loop rule through a helper --------------------------------------

; An object made in a loop whose address a callee keeps may not share one
; slot with the next iteration's freely (two live objects would have one
; address): the slot takes one at a time. Through @to_keeps_address it must
; be judged as through @keeps_address directly.
define void @loop_keeps_address_directly(i32 %n) {
; CHECK-LABEL: define void @loop_keeps_address_directly(
; CHECK:         %escape.busy = alloca i1, align 1
; CHECK:         br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:         call ptr @malloc(i64 16)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16) (one at a time, else heap){{$}}
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @keeps_address(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp eq i32 %i1, %n
  br i1 %c, label %exit, label %loop
exit:
  ret void
}

define void @loop_keeps_address_via_helper(i32 %n) {
; CHECK-LABEL: define void @loop_keeps_address_via_helper(
; CHECK:         %escape.busy = alloca i1, align 1
; CHECK:         br i1 %escape.idle, label %escape.small, label %escape.large
; CHECK:         call ptr @malloc(i64 24)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(24) (one at a time, else heap){{$}}
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  call void @to_keeps_address(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp eq i32 %i1, %n
  br i1 %c, label %exit, label %loop
exit:
  ret void
}
