; Rule "allocates out of sight" (pass/alloc.c): a call whose attributes say
; it returns fresh memory (allocsize from clang's alloc_size, on a function or
; a function pointer; a noalias result from clang's malloc attribute or
; inferred by LLVM for a wrapper of malloc) is an allocation site, so that it
; gets a verdict instead of silence. It is never promoted: the pass does not
; know how its memory is freed. Its callee is any function and may keep its
; arguments: a heap object passed to it still escapes (argument_kept*; the
; program that breaks if the rule forgot that). The C library's own noalias
; results (fopen) are not reported.
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=fopen

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
declare void @use(ptr nocapture) nofree nounwind
declare noalias ptr @fopen(ptr, ptr)
declare ptr @xmalloc(i64) allocsize(0)
declare noalias ptr @xstrdup(ptr)
declare noalias ptr @keep_and_copy(ptr)
declare i32 @__gxx_personality_v0(...)

define internal noalias ptr @wrap(i64 %n) noinline {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

; CHECK-LABEL: define i32 @sized_wrapper(
; CHECK:         %p = call ptr @xmalloc(i64 %n)
; REMARK: remark: <unknown>:0:0: xmalloc(n) escapes to heap: allocated inside xmalloc, whose body is not here
define i32 @sized_wrapper(i64 %n) {
  %p = call ptr @xmalloc(i64 %n)
  call void @use(ptr %p)
  %v = load i8, ptr %p
  %r = zext i8 %v to i32
  ret i32 %r
}

; CHECK-LABEL: define void @malloc_attribute(
; CHECK:         %p = call ptr @xstrdup(ptr %s)
; REMARK: remark: <unknown>:0:0: xstrdup(s) escapes to heap: allocated inside xstrdup, whose body is not here
define void @malloc_attribute(ptr %s) {
  %p = call ptr @xstrdup(ptr %s)
  call void @use(ptr %p)
  ret void
}

; The wrapper's own malloc has its verdict (returned); its call here names it.
; REMARK: remark: <unknown>:0:0: malloc(n) escapes to heap: returned
; CHECK-LABEL: define void @defined_wrapper(
; CHECK:         %p = call ptr @wrap(i64 16)
; REMARK: remark: <unknown>:0:0: wrap(16) escapes to heap: allocated inside wrap, not inlined here
define void @defined_wrapper() {
  %p = call ptr @wrap(i64 16)
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @through_pointer(
; CHECK:         %p = call ptr %hook(i64 32)
; REMARK: remark: <unknown>:0:0: (*hook)(32) escapes to heap: allocated through a function pointer, not analysed
define void @through_pointer(ptr %hook) {
  %p = call ptr %hook(i64 32) allocsize(0)
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @library_noalias(
; CHECK:         %f = call ptr @fopen(
define void @library_noalias(ptr %name) {
  %f = call ptr @fopen(ptr %name, ptr %name)
  call void @use(ptr %f)
  ret void
}

; CHECK-LABEL: define void @argument_kept(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: passed to keep_and_copy
; REMARK: remark: <unknown>:0:0: keep_and_copy(p) escapes to heap: allocated inside keep_and_copy, whose body is not here
define void @argument_kept() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @keep_and_copy(ptr %p)
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @argument_kept_indirect(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: passed to an indirect call
; REMARK: remark: <unknown>:0:0: (*hook)(8, p) escapes to heap: allocated through a function pointer, not analysed
define void @argument_kept_indirect(ptr %hook) {
  %p = call ptr @malloc(i64 16)
  %q = call ptr %hook(i64 8, ptr %p) allocsize(0)
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @invoked(
; CHECK:         %p = invoke ptr @xmalloc(i64 4)
; REMARK: remark: <unknown>:0:0: xmalloc(4) escapes to heap: allocated inside xmalloc, whose body is not here
define void @invoked() personality ptr @__gxx_personality_v0 {
  %p = invoke ptr @xmalloc(i64 4) to label %ok unwind label %lp
ok:
  call void @use(ptr %p)
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}
