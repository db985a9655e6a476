; Rule "is the library's allocator" (pass/alloc.c): a C allocator or free
; that the module defines is the program's own (a custom allocator, one
; interposed on the library's, valloc of a program that never includes
; stdlib.h), not the C library's: its calls stay and run. C++ lets a
; new-expression be elided even where operator new is replaced, at call sites
; marked `builtin`.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@pool = internal global [4096 x i8] zeroinitializer
@used = internal global i64 0

declare ptr @malloc(i64)
declare void @use(ptr nocapture) nofree nounwind nocallback
declare void @_ZdlPv(ptr)

define ptr @valloc(i64 %n) noinline {
  %u = load i64, ptr @used
  %p = getelementptr i8, ptr @pool, i64 %u
  %u2 = add i64 %u, %n
  store i64 %u2, ptr @used
  ret ptr %p
}

define void @free(ptr %p) noinline {
  ret void
}

define ptr @_Znwm(i64 %n) noinline {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

; CHECK-LABEL: define void @own_valloc(
; CHECK:         %p = call ptr @valloc(i64 16)
; CHECK:         call void @free(ptr %p)
; REMARK: remark: {{.*}}valloc(16) escapes to heap: calls the program's own valloc, not the C library's{{$}}
define void @own_valloc() {
  %p = call ptr @valloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; The library's malloc, the program's free: the free must run, so the object
; stays where that free can take it.
; CHECK-LABEL: define void @own_free(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)
; REMARK: remark: {{.*}}malloc(16) escapes to heap: calls the program's own free, not the C library's{{$}}
define void @own_free() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @replaced_operator_new(
; CHECK:         %p = alloca [16 x i8]
; REMARK: remark: {{.*}}moved to stack: operator new(16){{$}}
define void @replaced_operator_new() {
  %p = call ptr @_Znwm(i64 16) builtin
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p) builtin
  ret void
}
