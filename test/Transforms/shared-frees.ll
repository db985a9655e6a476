; Rule "few slots per free": a free that may free several promoted objects
; compares its pointer with each of their slots, so a class that is freed
; keeps at most 8 promoted sites (the first in program order); the others
; stay on the heap, and the free still frees them.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(1)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(2)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(3)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(4)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(5)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(6)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(7)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(8)
; REMARK-DAG: remark: <unknown>:0:0: malloc(9) escapes to heap: its frees may free too many objects on the stack already
; REMARK-DAG: remark: <unknown>:0:0: malloc(10) escapes to heap: its frees may free too many objects on the stack already
; CHECK-LABEL: define i8 @ten_in_one_class(
; CHECK-COUNT-8: alloca
; CHECK: %o9 = call ptr @malloc(i64 9)
; CHECK: %o10 = call ptr @malloc(i64 10)
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o1
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o2
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o3
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o4
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o5
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o6
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o7
; CHECK: icmp eq ptr %{{p|escape.free[0-9]*}}, %o8
; CHECK-NOT: icmp eq ptr
; CHECK: call void @free(ptr %escape.free
define i8 @ten_in_one_class(i32 %k) {
  %o1 = call ptr @malloc(i64 1)
  call void @llvm.memset.p0.i64(ptr %o1, i8 1, i64 1, i1 false)
  %o2 = call ptr @malloc(i64 2)
  call void @llvm.memset.p0.i64(ptr %o2, i8 2, i64 2, i1 false)
  %o3 = call ptr @malloc(i64 3)
  call void @llvm.memset.p0.i64(ptr %o3, i8 3, i64 3, i1 false)
  %o4 = call ptr @malloc(i64 4)
  call void @llvm.memset.p0.i64(ptr %o4, i8 4, i64 4, i1 false)
  %o5 = call ptr @malloc(i64 5)
  call void @llvm.memset.p0.i64(ptr %o5, i8 5, i64 5, i1 false)
  %o6 = call ptr @malloc(i64 6)
  call void @llvm.memset.p0.i64(ptr %o6, i8 6, i64 6, i1 false)
  %o7 = call ptr @malloc(i64 7)
  call void @llvm.memset.p0.i64(ptr %o7, i8 7, i64 7, i1 false)
  %o8 = call ptr @malloc(i64 8)
  call void @llvm.memset.p0.i64(ptr %o8, i8 8, i64 8, i1 false)
  %o9 = call ptr @malloc(i64 9)
  call void @llvm.memset.p0.i64(ptr %o9, i8 9, i64 9, i1 false)
  %o10 = call ptr @malloc(i64 10)
  call void @llvm.memset.p0.i64(ptr %o10, i8 10, i64 10, i1 false)
  %c2 = icmp eq i32 %k, 2
  %s2 = select i1 %c2, ptr %o2, ptr %o1
  %c3 = icmp eq i32 %k, 3
  %s3 = select i1 %c3, ptr %o3, ptr %s2
  %c4 = icmp eq i32 %k, 4
  %s4 = select i1 %c4, ptr %o4, ptr %s3
  %c5 = icmp eq i32 %k, 5
  %s5 = select i1 %c5, ptr %o5, ptr %s4
  %c6 = icmp eq i32 %k, 6
  %s6 = select i1 %c6, ptr %o6, ptr %s5
  %c7 = icmp eq i32 %k, 7
  %s7 = select i1 %c7, ptr %o7, ptr %s6
  %c8 = icmp eq i32 %k, 8
  %s8 = select i1 %c8, ptr %o8, ptr %s7
  %c9 = icmp eq i32 %k, 9
  %s9 = select i1 %c9, ptr %o9, ptr %s8
  %c10 = icmp eq i32 %k, 10
  %p = select i1 %c10, ptr %o10, ptr %s9
  %v = load i8, ptr %p
  call void @free(ptr %p)
  ret i8 %v
}
