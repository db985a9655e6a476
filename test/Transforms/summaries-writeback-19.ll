; Write-back of what the summaries prove (issue 4), LLVM 19 and 20 form: a
; pointer parameter the function neither keeps, returns nor frees gets
; `nocapture` on its definition. Never on a parameter stored to a global or
; into another parameter's memory, returned (plainly, inside an aggregate,
; through memory, or inside a new object), freed, passed to pthread_create or
; to a capturing callee, converted to an integer, nor on definitions that may
; be replaced at link time or that are not optimized.
; (summaries-writeback-22.ll: the captures(...) form of LLVM 21+.)
;
; REQUIRES: llvm-19
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@gi = global i64 0

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @capture(ptr) nofree nounwind nocallback
declare void @reads(ptr nocapture readonly) nofree nounwind nocallback
declare void @may_free(ptr nocapture) nounwind nocallback
declare i32 @pthread_create(ptr, ptr, ptr, ptr)
declare void @external_reads(ptr)

; ---- proven --------------------------------------------------------------

; CHECK: define i32 @reads_writes(ptr nocapture %p)
define i32 @reads_writes(ptr %p) {
  store i8 1, ptr %p
  %v = load i32, ptr %p
  ret i32 %v
}

; Through a helper that is proven itself.
; CHECK: define i32 @outer_reads(ptr nocapture %p)
define i32 @outer_reads(ptr %p) {
  %r = call i32 @reads_writes(ptr %p)
  ret i32 %r
}

; Through a declaration that says so.
; CHECK: define void @to_nocapture_decl(ptr nocapture %p)
define void @to_nocapture_decl(ptr %p) {
  call void @reads(ptr %p)
  ret void
}

; What p points to escapes, p itself does not.
; CHECK: define void @leak_content(ptr nocapture %p)
define void @leak_content(ptr %p) {
  %x = load ptr, ptr %p
  store ptr %x, ptr @g
  ret void
}

; b receives a; b itself is not kept.
; CHECK: define void @store_into(ptr %a, ptr nocapture %b)
define void @store_into(ptr %a, ptr %b) {
  store ptr %a, ptr %b
  ret void
}

; Compared only.
; CHECK: define i1 @compares(ptr nocapture %p, ptr nocapture %q)
define i1 @compares(ptr %p, ptr %q) {
  %c = icmp eq ptr %p, %q
  ret i1 %c
}

; Unused.
; CHECK: define void @unused(ptr nocapture %p)
define void @unused(ptr %p) {
  ret void
}

; Local linkage.
; CHECK: define internal i32 @internal_reads(ptr nocapture %p)
define internal i32 @internal_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define private i32 @private_reads(ptr nocapture %p)
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
; CHECK: define i32 @already(ptr nocapture %p)
define i32 @already(ptr nocapture %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; Non-pointer parameters get nothing.
; CHECK: define i32 @not_a_pointer(i64 %x, ptr nocapture %p)
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
; CHECK: define void @box_out(ptr %p, ptr nocapture %out)
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

; nocapture, but may free.
; CHECK: define void @to_may_free(ptr %p)
define void @to_may_free(ptr %p) {
  call void @may_free(ptr %p)
  ret void
}

; CHECK: define i32 @start_thread(ptr nocapture %t, ptr %arg, ptr %fn)
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
; CHECK: define i32 @self_recursive(ptr nocapture %p, i32 %n)
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
; CHECK: define void @variadic(ptr nocapture %p, ...)
define void @variadic(ptr %p, ...) {
  %v = load i32, ptr %p
  ret void
}
