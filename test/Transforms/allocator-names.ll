; Every name of alloc.c's tables is recognized, by name and argument kinds,
; whatever the filter in front of the tables (the first three bytes of a
; name): the 32-bit size_t (j), nothrow and align_val_t forms of new and
; delete, each allocation freed by a deallocator of its family, and the realloc
; family's other members. The names other tests do not use are here; one that
; is not recognized leaves its object on the heap ("passed to ...").
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
@nothrow = external global i8
declare ptr @malloc(i64)
declare void @free(ptr)
declare ptr @reallocf(ptr, i64)
declare ptr @reallocarray(ptr, i64, i64)
declare ptr @_Znwj(i32)
declare void @_ZdlPvj(ptr, i32)
declare ptr @_ZnwjRKSt9nothrow_t(i32, ptr)
declare void @_ZdlPvRKSt9nothrow_t(ptr, ptr)
declare ptr @_ZnwjSt11align_val_t(i32, i32)
declare void @_ZdlPvjSt11align_val_t(ptr, i32, i32)
declare ptr @_ZnwjSt11align_val_tRKSt9nothrow_t(i32, i32, ptr)
declare void @_ZdlPvSt11align_val_tRKSt9nothrow_t(ptr, i32, ptr)
declare ptr @_ZnwmSt11align_val_t(i64, i64)
declare void @_ZdlPvmSt11align_val_t(ptr, i64, i64)
declare ptr @_ZnajRKSt9nothrow_t(i64, ptr)
declare void @_ZdaPvRKSt9nothrow_t(ptr, ptr)
declare ptr @_ZnajSt11align_val_t(i32, i32)
declare void @_ZdaPvjSt11align_val_t(ptr, i32, i32)
declare ptr @_ZnamSt11align_val_tRKSt9nothrow_t(i64, i64, ptr)
declare void @_ZdaPvSt11align_val_tRKSt9nothrow_t(ptr, i64, ptr)
declare ptr @_ZnajSt11align_val_tRKSt9nothrow_t(i32, i32, ptr)
declare void @_ZdaPvj(ptr, i32)
declare ptr @_ZnamSt11align_val_t(i64, i64)
declare void @_ZdaPvmSt11align_val_t(ptr, i64, i64)

; REMARK: moved to stack: operator new(8)
; CHECK-LABEL: define void @new_j(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @new_j() {
  %p = call ptr @_Znwj(i32 8) builtin
  store i8 1, ptr %p
  call void @_ZdlPvj(ptr %p, i32 8) builtin
  ret void
}

; REMARK: moved to stack: operator new(8)
; CHECK-LABEL: define void @new_j_nothrow(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @new_j_nothrow() {
  %p = call ptr @_ZnwjRKSt9nothrow_t(i32 8, ptr @nothrow) builtin
  store i8 1, ptr %p
  call void @_ZdlPvRKSt9nothrow_t(ptr %p, ptr @nothrow) builtin
  ret void
}

; REMARK: moved to stack: operator new(8)
; CHECK-LABEL: define void @new_j_aligned(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @new_j_aligned() {
  %p = call ptr @_ZnwjSt11align_val_t(i32 8, i32 16) builtin
  store i8 1, ptr %p
  call void @_ZdlPvjSt11align_val_t(ptr %p, i32 8, i32 16) builtin
  ret void
}

; REMARK: moved to stack: operator new(8)
; CHECK-LABEL: define void @new_j_aligned_nothrow(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @new_j_aligned_nothrow() {
  %p = call ptr @_ZnwjSt11align_val_tRKSt9nothrow_t(i32 8, i32 16, ptr @nothrow) builtin
  store i8 1, ptr %p
  call void @_ZdlPvSt11align_val_tRKSt9nothrow_t(ptr %p, i32 16, ptr @nothrow) builtin
  ret void
}

; REMARK: moved to stack: operator new(8)
; CHECK-LABEL: define void @new_m_aligned_sized(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @new_m_aligned_sized() {
  %p = call ptr @_ZnwmSt11align_val_t(i64 8, i64 16) builtin
  store i8 1, ptr %p
  call void @_ZdlPvmSt11align_val_t(ptr %p, i64 8, i64 16) builtin
  ret void
}

; REMARK: moved to stack: operator new[](8)
; CHECK-LABEL: define void @array_j_nothrow(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @array_j_nothrow() {
  %p = call ptr @_ZnajRKSt9nothrow_t(i64 8, ptr @nothrow) builtin
  store i8 1, ptr %p
  call void @_ZdaPvRKSt9nothrow_t(ptr %p, ptr @nothrow) builtin
  ret void
}

; REMARK: moved to stack: operator new[](8)
; CHECK-LABEL: define void @array_j_aligned(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @array_j_aligned() {
  %p = call ptr @_ZnajSt11align_val_t(i32 8, i32 16) builtin
  store i8 1, ptr %p
  call void @_ZdaPvjSt11align_val_t(ptr %p, i32 8, i32 16) builtin
  ret void
}

; REMARK: moved to stack: operator new[](8)
; CHECK-LABEL: define void @array_m_aligned_nothrow(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @array_m_aligned_nothrow() {
  %p = call ptr @_ZnamSt11align_val_tRKSt9nothrow_t(i64 8, i64 16, ptr @nothrow) builtin
  store i8 1, ptr %p
  call void @_ZdaPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 16, ptr @nothrow) builtin
  ret void
}

; REMARK: moved to stack: operator new[](8)
; CHECK-LABEL: define void @array_j_aligned_nothrow(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @array_j_aligned_nothrow() {
  %p = call ptr @_ZnajSt11align_val_tRKSt9nothrow_t(i32 8, i32 16, ptr @nothrow) builtin
  store i8 1, ptr %p
  call void @_ZdaPvj(ptr %p, i32 8) builtin
  ret void
}

; REMARK: moved to stack: operator new[](8)
; CHECK-LABEL: define void @array_m_aligned_sized(
; CHECK-NOT: call {{.*}}@_Z{{n|d}}
; CHECK: ret void
define void @array_m_aligned_sized() {
  %p = call ptr @_ZnamSt11align_val_t(i64 8, i64 16) builtin
  store i8 1, ptr %p
  call void @_ZdaPvmSt11align_val_t(ptr %p, i64 8, i64 16) builtin
  ret void
}

; REMARK: malloc(8) escapes to heap: reallocated
; CHECK-LABEL: define void @grown_reallocf(
; CHECK: call ptr @malloc(i64 8)
; CHECK: call ptr @reallocf(
define void @grown_reallocf() {
  %p = call ptr @malloc(i64 8)
  store i8 1, ptr %p
  %q = call ptr @reallocf(ptr %p, i64 16)
  store i8 2, ptr %q
  call void @free(ptr %q)
  ret void
}

; REMARK: malloc(8) escapes to heap: reallocated
; CHECK-LABEL: define void @grown_reallocarray(
; CHECK: call ptr @malloc(i64 8)
; CHECK: call ptr @reallocarray(
define void @grown_reallocarray() {
  %p = call ptr @malloc(i64 8)
  store i8 1, ptr %p
  %q = call ptr @reallocarray(ptr %p, i64 4, i64 4)
  store i8 2, ptr %q
  call void @free(ptr %q)
  ret void
}
