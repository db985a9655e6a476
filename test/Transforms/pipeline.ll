; The pass in opt's pipelines: its parameters print back as they parse (m=N,
; the report level, only when set; a bad level is an error naming it), the
; `cleanup` parameter runs SROA and InstCombine on changed functions, and the
; default -O1/-O2 pipelines include it (after inlining), -O0 does not.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-object=64;max-frame=512;max-recursive-frame=32;cleanup>' -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=PRINT
; RUN: opt -load-pass-plugin %plugin -passes=escape -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=PRINT-DEFAULT
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;cleanup>' -verify-each -S %s | FileCheck %s --check-prefix=CLEANUP
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;no-cleanup>' -S %s | FileCheck %s --check-prefix=NOCLEANUP
; RUN: opt -load-pass-plugin %plugin -passes='default<O2>' -S %s | FileCheck %s --check-prefix=O2
; RUN: opt -load-pass-plugin %plugin -passes='default<O1>' -S %s | FileCheck %s --check-prefix=O2
; RUN: opt -load-pass-plugin %plugin -passes='default<O0>' -S %s | FileCheck %s --check-prefix=O0
; RUN: opt -load-pass-plugin %plugin -passes='default<O2>' -pass-remarks=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=O2-REMARK

; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=2;max-object=64>' -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=PRINT-M
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=3>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR-M3
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=two>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR-MX

; PRINT: escape<max-object=64;max-frame=512;max-recursive-frame=32;max-align=64;variable-slot=256;stack-reserve=50;no-room-check;cleanup>
; PRINT-M: escape<max-object=64;max-frame=8192;max-recursive-frame=128;max-align=64;variable-slot=256;stack-reserve=50;no-room-check;no-cleanup;m=2>
; ERR-M3: error: invalid value '3' for parameter 'm' of pass 'escape' (expected 0, 1 or 2)
; ERR-MX: error: invalid value 'two' for parameter 'm' of pass 'escape' (expected 0, 1 or 2)
; PRINT-DEFAULT: escape<max-object=1024;max-frame=8192;max-recursive-frame=128;max-align=64;variable-slot=256;stack-reserve=50;room-check;no-cleanup>

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind

; Written and read back only: once on the stack, SROA makes a register of it.
define i32 @scalar_in_disguise(i32 %x) {
; CLEANUP-LABEL: define i32 @scalar_in_disguise(
; CLEANUP-NOT:     alloca
; CLEANUP-NOT:     @malloc
; CLEANUP-NOT:     load
; CLEANUP:         ret i32 %x
; NOCLEANUP-LABEL: define i32 @scalar_in_disguise(
; NOCLEANUP:         %p = alloca [16 x i8], align 16
; NOCLEANUP:         load i32, ptr %p
entry:
  %p = call ptr @malloc(i64 16)
  store i32 %x, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

; A buffer handed to a helper that only reads it: InstCombine alone cannot
; delete this allocation, -O2 with the plugin puts it on the stack.
define void @buffer_for_reader() {
; O2-LABEL: define internal void @buffer_for_reader.escape.stack(
; O2:         alloca [32 x i8], align 16
; O2-NOT:     @malloc
; O2-NOT:     @free
; O2:         ret void
; O0-LABEL: define void @buffer_for_reader(
; O0:         call ptr @malloc(i64 32)
; O2-REMARK: remark: {{.*}}moved to stack: malloc(32)
entry:
  %p = call ptr @malloc(i64 32)
  call void @llvm.memset.p0.i64(ptr %p, i8 7, i64 32, i1 false)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
