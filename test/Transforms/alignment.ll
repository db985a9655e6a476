; Rule "fits", for alignment (pass/solve.c, judge_size and judge_budget):
; an alignment over max-align (64 by default, at most 65536) stays on the
; heap, whatever its size: a page-aligned slot realigns every frame of a
; recursion to a page, and alignments of 2^32 and more were once truncated to
; 16. Realigning the frame costs align - 16 bytes, counted in max-object; the
; frame budget counts each slot rounded up to its alignment, plus that.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-align=4096;max-object=8192>' -S %s | FileCheck %s --check-prefix=A4K
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-frame=256>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=FRAME
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-align=3>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR3
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-align=131072>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERRBIG
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-align=128>' -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=PRINT

; ERR3: error: invalid value '3' for parameter 'max-align' of pass 'escape' (expected a power of two up to 65536)
; ERRBIG: error: invalid value '131072' for parameter 'max-align' of pass 'escape' (expected a power of two up to 65536)
; PRINT: escape<max-object=1024;max-frame=8192;max-recursive-frame=128;max-align=128;variable-slot=256;stack-reserve=50;no-room-check;no-cleanup>

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @aligned_alloc(i64, i64)
declare ptr @valloc(i64)
declare ptr @memalign(i64, i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind nocallback

; At the limit: promoted with the alignment asked for.
; CHECK-LABEL: define void @aligned_64(
; CHECK-NEXT:    %p = alloca [64 x i8], align 64
; REMARK: remark: {{.*}}moved to stack: aligned_alloc(64, 64){{$}}
define void @aligned_64() {
  %p = call ptr @aligned_alloc(i64 64, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @aligned_128(
; CHECK:         call ptr @aligned_alloc(i64 128, i64 64)
; REMARK: remark: {{.*}}aligned_alloc(128, 64) escapes to heap: too aligned for stack (128 > 64 bytes){{$}}
; A4K-LABEL: define void @aligned_128(
; A4K-NEXT:      %p = alloca [64 x i8], align 128
define void @aligned_128() {
  %p = call ptr @aligned_alloc(i64 128, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @valloc_page(
; CHECK:         call ptr @valloc(i64 16)
; REMARK: remark: {{.*}}valloc(16) escapes to heap: too aligned for stack (4096 > 64 bytes){{$}}
; A4K-LABEL: define void @valloc_page(
; A4K-NEXT:      %p = alloca [16 x i8], align 4096
define void @valloc_page() {
  %p = call ptr @valloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; 2^32, 2^33 and 2^62: no truncation through a 32-bit alignment.
; CHECK-LABEL: define void @huge_alignments(
; CHECK-NOT:     alloca
; CHECK:         ret void
; REMARK: remark: {{.*}}aligned_alloc(4294967296, 16) escapes to heap: too aligned for stack (4294967296 > 64 bytes){{$}}
; REMARK: remark: {{.*}}memalign(8589934592, 16) escapes to heap: too aligned for stack (8589934592 > 64 bytes){{$}}
; REMARK: remark: {{.*}}aligned_alloc(4611686018427387904, 16) escapes to heap: too aligned for stack (4611686018427387904 > 64 bytes){{$}}
; A4K-LABEL: define void @huge_alignments(
; A4K-NOT:       alloca
; A4K:           ret void
define void @huge_alignments() {
  %a = call ptr @aligned_alloc(i64 4294967296, i64 16)
  call void @use(ptr %a)
  %b = call ptr @memalign(i64 8589934592, i64 16)
  call void @use(ptr %b)
  %c = call ptr @aligned_alloc(i64 4611686018427387904, i64 16)
  call void @use(ptr %c)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  ret void
}

; Not a power of two, or zero: no alignment to give.
; REMARK: remark: {{.*}}aligned_alloc(48, 16) escapes to heap: non-constant or invalid alignment{{$}}
; REMARK: remark: {{.*}}aligned_alloc(0, 16) escapes to heap: non-constant or invalid alignment{{$}}
define void @invalid_alignments() {
  %a = call ptr @aligned_alloc(i64 48, i64 16)
  call void @use(ptr %a)
  %b = call ptr @aligned_alloc(i64 0, i64 16)
  call void @use(ptr %b)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; 1000 bytes and 48 of realignment: over max-object.
; REMARK: remark: {{.*}}aligned_alloc(64, 1000) escapes to heap: too large for stack (1048 > 1024 bytes){{$}}
define void @realignment_counts_in_max_object() {
  %p = call ptr @aligned_alloc(i64 64, i64 1000)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Under max-frame=256: 1 + 100 bytes at 64 take 64 + 48 and 128 + 48.
; REMARK: remark: {{.*}}moved to stack: aligned_alloc(64, 1){{$}}
; REMARK: remark: {{.*}}moved to stack: aligned_alloc(64, 100){{$}}
; FRAME: remark: {{.*}}moved to stack: aligned_alloc(64, 1){{$}}
; FRAME: remark: {{.*}}aligned_alloc(64, 100) escapes to heap: stack budget exceeded (288 > 256 bytes){{$}}
define void @budget_counts_alignment() {
  %a = call ptr @aligned_alloc(i64 64, i64 1)
  call void @use(ptr %a)
  %b = call ptr @aligned_alloc(i64 64, i64 100)
  call void @use(ptr %b)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}
