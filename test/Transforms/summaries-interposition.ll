; Rule "callers may rely on this definition" (pass/summarize.c): under
; -fsemantic-interposition an external definition may be replaced at run time
; by another shared object's (LLVM's GlobalValue::isInterposable), so its
; summary is not used by callers and no attribute is written back on it.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)

; CHECK: define void @keep(ptr %p)
define void @keep(ptr %p) noinline {
  %c = load i8, ptr %p
  ret void
}

; CHECK-LABEL: define void @make(
; CHECK: call ptr @malloc(i64 16)
; REMARK: remark: {{.*}}malloc(16) escapes to heap: passed to keep{{$}}
define void @make() {
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  call void @keep(ptr %p)
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 1, !"SemanticInterposition", i32 1}
