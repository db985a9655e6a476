; One function per reason an allocation stays on the heap. In each, the call
; must survive untouched, no alloca or lifetime marker may appear, and the
; missed remark names the reason.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null, align 8
@table = global [4 x ptr] zeroinitializer, align 16
@gp = global ptr null, align 8

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind
; No nocapture: may keep the pointer.
declare void @capture(ptr) nofree nounwind
declare void @capture_as1(ptr addrspace(1)) nofree nounwind
declare void @take(ptr nocapture) nofree nounwind

; COUNT: {{^}}37{{$}}

define ptr @escape_returned() {
; CHECK-LABEL: define ptr @escape_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %p
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 0, ptr %p, align 4
  ret ptr %p
}

define ptr @escape_returned_through_gep() {
; CHECK-LABEL: define ptr @escape_returned_through_gep(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 24)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(24) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 24)
  %q = getelementptr inbounds i8, ptr %p, i64 8
  ret ptr %q
}

define ptr @escape_returned_through_phi(i1 %c, ptr %x) {
; CHECK-LABEL: define ptr @escape_returned_through_phi(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %r
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  br i1 %c, label %then, label %done

then:
  %p = call ptr @malloc(i64 16)
  br label %done

done:
  %r = phi ptr [ %p, %then ], [ %x, %entry ]
  ret ptr %r
}

define ptr @escape_returned_through_select(i1 %c, ptr %x) {
; CHECK-LABEL: define ptr @escape_returned_through_select(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %r
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %r = select i1 %c, ptr %p, ptr %x
  ret ptr %r
}

define ptr @escape_returned_through_freeze() {
; CHECK-LABEL: define ptr @escape_returned_through_freeze(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %f
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %f = freeze ptr %p
  ret ptr %f
}

; Both arms of the select are returned: neither object may move.
define ptr @escape_both_arms_returned(i1 %c) {
; CHECK-LABEL: define ptr @escape_both_arms_returned(
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 16)
; CHECK-NEXT:    %b = call ptr @malloc(i64 32)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %r
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: returned{{$}}
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 32)
  %r = select i1 %c, ptr %a, ptr %b
  ret ptr %r
}

define void @escape_stored_to_global() {
; CHECK-LABEL: define void @escape_stored_to_global(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr @g, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored to global g{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g, align 8
  ret void
}

define void @escape_stored_into_global_array(i64 %i) {
; CHECK-LABEL: define void @escape_stored_into_global_array(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store ptr %p, ptr %slot, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored to global table{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %slot = getelementptr inbounds [4 x ptr], ptr @table, i64 0, i64 %i
  store ptr %p, ptr %slot, align 8
  ret void
}

define void @escape_stored_through_parameter(ptr %out) {
; CHECK-LABEL: define void @escape_stored_through_parameter(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %out, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored to unknown memory{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %out, align 8
  ret void
}

define void @escape_stored_through_loaded_pointer() {
; CHECK-LABEL: define void @escape_stored_through_loaded_pointer(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store ptr %p, ptr %where, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored into an object that escapes (stored to global gp){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %where = load ptr, ptr @gp, align 8
  store ptr %p, ptr %where, align 8
  ret void
}

define void @escape_passed_to_capturing_callee() {
; CHECK-LABEL: define void @escape_passed_to_capturing_callee(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @capture(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to capture{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @capture(ptr %p)
  ret void
}

define void @escape_passed_to_indirect_call(ptr %fn) {
; CHECK-LABEL: define void @escape_passed_to_indirect_call(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void %fn(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to an indirect call{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void %fn(ptr %p)
  ret void
}

define void @escape_passed_to_inline_asm() {
; CHECK-LABEL: define void @escape_passed_to_inline_asm(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void asm sideeffect "", "r,~{memory}"(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to inline asm{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r,~{memory}"(ptr %p)
  ret void
}

; Through an address-space cast into a capturing callee.
define void @escape_passed_after_addrspacecast() {
; CHECK-LABEL: define void @escape_passed_after_addrspacecast(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = addrspacecast ptr %p to ptr addrspace(1)
; CHECK-NEXT:    call void @capture_as1(ptr addrspace(1) %q)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to capture_as1{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = addrspacecast ptr %p to ptr addrspace(1)
  call void @capture_as1(ptr addrspace(1) %q)
  ret void
}

define i64 @escape_ptrtoint() {
; CHECK-LABEL: define i64 @escape_ptrtoint(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %i = ptrtoint ptr %p to i64
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: converted to an integer (returned){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

define i32 @escape_atomicrmw() {
; CHECK-LABEL: define i32 @escape_atomicrmw(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %old = atomicrmw add ptr %p, i32 1 seq_cst
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: used by an atomic operation{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw add ptr %p, i32 1 seq_cst, align 4
  ret i32 %old
}

define i1 @escape_cmpxchg() {
; CHECK-LABEL: define i1 @escape_cmpxchg(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %pair = cmpxchg ptr %p, i32 0, i32 1 seq_cst seq_cst
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: used by an atomic operation{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %pair = cmpxchg ptr %p, i32 0, i32 1 seq_cst seq_cst, align 4
  %ok = extractvalue { i32, i1 } %pair, 1
  ret i1 %ok
}

define void @escape_atomic_store() {
; CHECK-LABEL: define void @escape_atomic_store(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store atomic i32 1, ptr %p release, align 4
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: used by an atomic operation{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store atomic i32 1, ptr %p release, align 4
  ret void
}

define i32 @escape_atomic_load() {
; CHECK-LABEL: define i32 @escape_atomic_load(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store i32 5, ptr %p, align 4
; CHECK-NEXT:    %v = load atomic i32, ptr %p acquire, align 4
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: used by an atomic operation{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 5, ptr %p, align 4
  %v = load atomic i32, ptr %p acquire, align 4
  ret i32 %v
}

; %inner lives inside %outer, and %outer is returned.
define ptr @escape_stored_into_escaping_object() {
; CHECK-LABEL: define ptr @escape_stored_into_escaping_object(
; CHECK-NOT:     alloca
; CHECK:         %outer = call ptr @malloc(i64 16)
; CHECK-NEXT:    %inner = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %inner, ptr %outer, align 8
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %outer
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: stored into an object that escapes ({{.+}}){{$}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  ret ptr %outer
}

; (With variable-slot=0: realloc.ll has it grow in its slot.)
define void @escape_reallocated() {
; CHECK-LABEL: define void @escape_reallocated(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @realloc(ptr %p, i64 32)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: reallocated{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 32)
  call void @free(ptr %q)
  ret void
}

define void @escape_non_constant_size(i64 %n) {
; CHECK-LABEL: define void @escape_non_constant_size(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 %n)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(n) escapes to heap: non-constant size{{$}}
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @escape_calloc_non_constant_count(i64 %n) {
; CHECK-LABEL: define void @escape_calloc_non_constant_count(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @calloc(i64 %n, i64 4)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}calloc(n, 4) escapes to heap: non-constant size{{$}}
entry:
  %p = call ptr @calloc(i64 %n, i64 4)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @escape_too_large() {
; CHECK-LABEL: define void @escape_too_large(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 2048)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(2048) escapes to heap: too large for stack (2048 > 1024 bytes){{$}}
entry:
  %p = call ptr @malloc(i64 2048)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; The size that counts is count * size.
define void @escape_calloc_too_large() {
; CHECK-LABEL: define void @escape_calloc_too_large(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @calloc(i64 300, i64 4)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}calloc(300, 4) escapes to heap: too large for stack (1200 > 1024 bytes){{$}}
entry:
  %p = call ptr @calloc(i64 300, i64 4)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; 2^62 * 8 wraps to 0 in 64 bits: calloc would fail, a 0-byte alloca would not.
define void @escape_calloc_size_overflows() {
; CHECK-LABEL: define void @escape_calloc_size_overflows(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @calloc(i64 4611686018427387904, i64 8)
; CHECK-NEXT:    call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}calloc(4611686018427387904, 8) escapes to heap: {{.+}}
entry:
  %p = call ptr @calloc(i64 4611686018427387904, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @escape_aligned_alloc_non_constant_alignment(i64 %al) {
; CHECK-LABEL: define void @escape_aligned_alloc_non_constant_alignment(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @aligned_alloc(i64 %al, i64 64)
; CHECK-NEXT:    call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}aligned_alloc(al, 64) escapes to heap: {{.+}}
entry:
  %p = call ptr @aligned_alloc(i64 %al, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @escape_aligned_alloc_not_power_of_two() {
; CHECK-LABEL: define void @escape_aligned_alloc_not_power_of_two(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @aligned_alloc(i64 48, i64 96)
; CHECK-NEXT:    call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}aligned_alloc(48, 96) escapes to heap: {{.+}}
entry:
  %p = call ptr @aligned_alloc(i64 48, i64 96)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A use the analysis does not model (an aggregate holding the pointer).
define { ptr, i32 } @escape_unmodelled_use() {
; CHECK-LABEL: define { ptr, i32 } @escape_unmodelled_use(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %agg = insertvalue { ptr, i32 } undef, ptr %p, 0
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %agg = insertvalue { ptr, i32 } undef, ptr %p, 0
  ret { ptr, i32 } %agg
}

; A musttail callee runs after this frame is gone, even if it only reads.
define void @escape_musttail(ptr %unused) {
; CHECK-LABEL: define void @escape_musttail(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    musttail call void @take(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  musttail call void @take(ptr %p)
  ret void
}

; The object is the new value of a compare-and-swap on a global.
define void @escape_cmpxchg_into_global() {
; CHECK-LABEL: define void @escape_cmpxchg_into_global(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %pair = cmpxchg ptr @gp, ptr null, ptr %p seq_cst seq_cst
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %pair = cmpxchg ptr @gp, ptr null, ptr %p seq_cst seq_cst, align 8
  ret void
}

define void @escape_atomic_exchange_through_parameter(ptr %out) {
; CHECK-LABEL: define void @escape_atomic_exchange_through_parameter(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %old = atomicrmw xchg ptr %out, ptr %p seq_cst
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr %out, ptr %p seq_cst, align 8
  ret void
}

; Intrinsics that return (a form of) their argument carry the object along.
define ptr @escape_through_ptrmask() {
; CHECK-LABEL: define ptr @escape_through_ptrmask(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @llvm.ptrmask.p0.i64(ptr %p, i64 -16)
; CHECK-NEXT:    ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @llvm.ptrmask.p0.i64(ptr %p, i64 -16)
  ret ptr %q
}

define ptr @escape_through_launder_invariant_group() {
; CHECK-LABEL: define ptr @escape_through_launder_invariant_group(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @llvm.launder.invariant.group.p0(ptr %p)
; CHECK-NEXT:    ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @llvm.launder.invariant.group.p0(ptr %p)
  ret ptr %q
}

define void @escape_volatile_store_to_global() {
; CHECK-LABEL: define void @escape_volatile_store_to_global(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store volatile ptr %p, ptr @g, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored to global g{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store volatile ptr %p, ptr @g, align 8
  ret void
}

declare ptr @llvm.ptrmask.p0.i64(ptr, i64)
declare ptr @llvm.launder.invariant.group.p0(ptr)
