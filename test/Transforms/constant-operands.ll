; Constants of every kind, wherever the pass meets an operand: as an address
; (load, store, memcpy, memmove, memset, atomics), as a stored value, as a
; call argument (attributes, a summary, the C library model), as what is
; freed or reallocated, in phis, selects, GEPs, casts and returns. The pass
; must not crash, must leave valid IR, and an object stored through a
; constant address escapes: the memory there is not the function's.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=2>' -pass-remarks=escape -pass-remarks-missed=escape -pass-remarks-analysis=escape -verify-each -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;cleanup>,default<O2>' -verify-each -disable-output %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@arr = global [4 x ptr] zeroinitializer
@str = private constant [3 x i8] c"%s\00"

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
declare ptr @realloc(ptr, i64)
declare i64 @strlen(ptr nocapture)
declare i64 @strtol(ptr, ptr, i32)
declare i32 @printf(ptr, ...)
declare void @use(ptr nocapture) nofree nounwind
declare void @unknown(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define internal void @helper(ptr %p, ptr %q) noinline {
  store ptr %q, ptr %p
  ret void
}

; CHECK-LABEL: define void @null_memcpy(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr null, ptr null, i64 0, i1 false)
define void @null_memcpy(ptr %d, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr null, ptr null, i64 0, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr null, i64 %n, i1 false)
  call void @llvm.memmove.p0.p0.i64(ptr undef, ptr poison, i64 %n, i1 false)
  call void @llvm.memmove.p0.p0.i64(ptr inttoptr (i64 64 to ptr), ptr @g, i64 8, i1 false)
  call void @llvm.memset.p0.i64(ptr null, i8 1, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define ptr @volatile_null_load(
; CHECK: load volatile ptr, ptr null
define ptr @volatile_null_load() {
  %v = load volatile ptr, ptr null
  %w = load ptr, ptr undef
  %x = load atomic ptr, ptr poison seq_cst, align 8
  %y = load ptr, ptr getelementptr (i8, ptr null, i64 8)
  %s = select i1 true, ptr %v, ptr %w
  %t = select i1 false, ptr %x, ptr %y
  %r = select i1 true, ptr %s, ptr %t
  ret ptr %r
}

; A promoted candidate stored through each kind of constant address escapes.
; CHECK-LABEL: define void @stored_through_constants(
; CHECK-NOT: alloca [8 x i8]
; CHECK: ret void
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to unknown memory
; REMARK: from *NULL = a
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to unknown memory
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to unknown memory
; REMARK: from *4096 = c
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to unknown memory
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to global arr
; REMARK: remark: {{.*}}malloc(8) escapes to heap: stored to unknown memory
; REMARK: from memcpy(NULL, slot, 8) (assign to unknown memory)
; REMARK: remark: {{.*}}malloc(8) escapes to heap: used by an atomic operation
; REMARK: remark: {{.*}}malloc(8) escapes to heap: used by an atomic operation
define void @stored_through_constants(i32 %k) {
  %a = call ptr @malloc(i64 8)
  store ptr %a, ptr null
  %b = call ptr @malloc(i64 8)
  store ptr %b, ptr undef
  %c = call ptr @malloc(i64 8)
  store ptr %c, ptr inttoptr (i64 4096 to ptr)
  %d = call ptr @malloc(i64 8)
  store ptr %d, ptr getelementptr (i8, ptr null, i64 16)
  %e = call ptr @malloc(i64 8)
  store ptr %e, ptr getelementptr ([4 x ptr], ptr @arr, i64 0, i64 2)
  %f = call ptr @malloc(i64 8)
  %slot = alloca ptr
  store ptr %f, ptr %slot
  call void @llvm.memcpy.p0.p0.i64(ptr null, ptr %slot, i64 8, i1 false)
  %h = call ptr @malloc(i64 8)
  store atomic ptr %h, ptr poison seq_cst, align 8
  %i = call ptr @malloc(i64 8)
  %old = atomicrmw xchg ptr null, ptr %i seq_cst
  ret void
}

; Constants as values: stored, passed, freed, compared, merged, returned.
; CHECK-LABEL: define ptr @constants_as_values(
; CHECK: %m = alloca [16 x i8], align 16
define ptr @constants_as_values(i1 %c, ptr %p) {
entry:
  %m = call ptr @malloc(i64 16)
  store ptr null, ptr %m
  store ptr undef, ptr %m
  store ptr poison, ptr %m
  store ptr @g, ptr %m
  store ptr @constants_as_values, ptr %m
  store ptr blockaddress(@constants_as_values, %next), ptr %m
  store ptr inttoptr (i64 1 to ptr), ptr %m
  store <2 x ptr> <ptr null, ptr @g>, ptr %m
  store { ptr, i64 } { ptr @g, i64 1 }, ptr %m
  call void @use(ptr null)
  call void @unknown(ptr undef)
  call void @unknown(ptr blockaddress(@constants_as_values, %next))
  call void @helper(ptr null, ptr null)
  call void @helper(ptr %m, ptr poison)
  call void @helper(ptr @g, ptr inttoptr (i64 8 to ptr))
  %l = call i64 @strlen(ptr @str)
  %v = call i64 @strtol(ptr @str, ptr null, i32 10)
  %pr = call i32 (ptr, ...) @printf(ptr @str, ptr null, ptr @g, ptr undef)
  call void @free(ptr null)
  call void @free(ptr undef)
  %r = call ptr @realloc(ptr null, i64 8)
  %i = ptrtoint ptr null to i64
  %j = ptrtoint ptr @g to i64
  %same = icmp eq ptr %m, @g
  call void asm sideeffect "", "r"(ptr null)
  call void asm sideeffect "", "r"(ptr @g)
  br i1 %c, label %next, label %other
other:
  br label %next
next:
  %phi = phi ptr [ null, %entry ], [ @g, %other ]
  %phi2 = phi ptr [ undef, %entry ], [ %m, %other ]
  %sel = select i1 %c, ptr %phi, ptr inttoptr (i64 16 to ptr)
  %gep = getelementptr i8, ptr null, i64 %v
  %gep2 = getelementptr i8, ptr @g, i64 %v
  %cast = addrspacecast ptr null to ptr addrspace(1)
  call void @free(ptr %m)
  br i1 %c, label %a, label %b
a:
  ret ptr null
b:
  ret ptr %sel
}

; What a constant holds is no pointer to the object: it stays promotable.
; REMARK: remark: {{.*}}moved to stack: malloc(16)
