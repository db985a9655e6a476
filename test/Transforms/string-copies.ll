; strdup and strndup are allocation sites whose size is known only at run
; time: the stack version measures the string with strnlen, bounded by the
; slot (and by strndup's limit), and copies it and its NUL into the slot when
; it fits; otherwise the original call runs. The argument's bytes are read as
; data (a pointer stored in them escapes), the argument itself is kept by
; nobody. test/behaviour/string_copies.c runs these at the edges.
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -S %s | FileCheck %s --check-prefix=KEEP
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @strdup(ptr)
declare ptr @strndup(ptr, i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind

; CHECK: declare i64 @strnlen(ptr, i64)

; CHECK-LABEL: define internal void @copy.escape.stack(ptr {{.*}}%s)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 16
; CHECK-NEXT:    %escape.length = call i64 @strnlen(ptr %s, i64 256)
; CHECK-NEXT:    %escape.fits = icmp ult i64 %escape.length, 256
; CHECK-NEXT:    br i1 %escape.fits, label %escape.small, label %escape.large
; CHECK:       escape.small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 256, )?}}ptr %escape.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %escape.slot, ptr align 1 %s, i64 %escape.length, i1 false)
; CHECK-NEXT:    %escape.end = getelementptr i8, ptr %escape.slot, i64 %escape.length
; CHECK-NEXT:    store i8 0, ptr %escape.end, align 1
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.large:
; CHECK-NEXT:    [[HEAP:%.*]] = call ptr @strdup(ptr %s)
; CHECK:       escape.join:
; CHECK-NEXT:    %c = phi ptr [ %escape.slot, %escape.small ], [ [[HEAP]], %escape.large ]
; CHECK-NEXT:    call void @use(ptr %c)
; CHECK-NEXT:    %escape.guard = icmp eq ptr %c, %escape.slot
; REMARK: remark: <unknown>:0:0: moved to stack: strdup(s) (up to 256 bytes, else heap)
define void @copy(ptr %s) {
entry:
  %c = call ptr @strdup(ptr %s)
  call void @use(ptr %c)
  call void @free(ptr %c)
  ret void
}

; strndup(s, k) reads at most k bytes: strnlen is bounded by the lower of k
; and the slot.
; CHECK-LABEL: define internal void @copy_n.escape.stack(ptr {{.*}}%s, i64 %k)
; CHECK:         [[LOWER:%.*]] = icmp ult i64 %k, 256
; CHECK-NEXT:    %escape.bound = select i1 [[LOWER]], i64 %k, i64 256
; CHECK-NEXT:    %escape.length = call i64 @strnlen(ptr %s, i64 %escape.bound)
; CHECK-NEXT:    %escape.fits = icmp ult i64 %escape.length, 256
; CHECK:       escape.large:
; CHECK-NEXT:    call ptr @strndup(ptr %s, i64 %k)
; REMARK: remark: <unknown>:0:0: moved to stack: strndup(s, k) (up to 256 bytes, else heap)
define void @copy_n(ptr %s, i64 %k) {
entry:
  %c = call ptr @strndup(ptr %s, i64 %k)
  call void @use(ptr %c)
  call void @free(ptr %c)
  ret void
}

; A pointer stored in the copied bytes is read as data by strdup: it escapes.
; REMARK: remark: <unknown>:0:0: malloc(8) escapes to heap: converted to an integer (read as data)
define void @pointer_in_string(ptr %s) {
entry:
  %buf = alloca [16 x i8], align 8
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %buf, align 8
  %c = call ptr @strdup(ptr %buf)
  call void @use(ptr %c)
  call void @free(ptr %c)
  call void @free(ptr %p)
  ret void
}

; A copy that is returned escapes, as any allocation.
; KEEP-LABEL: define ptr @returned(
; KEEP-NEXT:  entry:
; KEEP-NEXT:    %c = call ptr @strdup(ptr %s)
; REMARK: remark: <unknown>:0:0: strdup(s) escapes to heap: returned
define ptr @returned(ptr %s) {
entry:
  %c = call ptr @strdup(ptr %s)
  ret ptr %c
}

declare ptr @malloc(i64)
