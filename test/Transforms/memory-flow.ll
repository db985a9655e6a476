; Pointers that travel through memory: stored into allocas or into other
; local objects and loaded back, copied with memcpy/memmove. A store into
; memory the function owns is not an escape; what is loaded back is followed.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
@g = global ptr null, align 8
@gi = global i64 0, align 8
@gpair = global [2 x i32] zeroinitializer, align 8
@gbuf = global [16 x i8] zeroinitializer, align 16
declare void @use(ptr nocapture) nofree nounwind
declare void @capture(ptr) nofree nounwind
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; COUNT: {{^}}32{{$}}

define void @stored_in_alloca_and_loaded_back() {
; CHECK-LABEL: define void @stored_in_alloca_and_loaded_back(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %slot = alloca ptr, align 8
; CHECK-DAG:     %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %p, ptr %slot, align 8
; CHECK-NEXT:    %q = load ptr, ptr %slot, align 8
; CHECK-NEXT:    call void @use(ptr %q)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %q = load ptr, ptr %slot, align 8
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

define ptr @stored_in_alloca_then_returned() {
; CHECK-LABEL: define ptr @stored_in_alloca_then_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %slot = alloca ptr, align 8
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %q = load ptr, ptr %slot, align 8
  ret ptr %q
}

; A local struct with a pointer field (Go's standing complaint about C code).
define i32 @stored_in_struct_field() {
; CHECK-LABEL: define i32 @stored_in_struct_field(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %s = alloca { i64, ptr }, align 8
; CHECK-DAG:     %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32 %v
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %s = alloca { i64, ptr }, align 8
  %p = call ptr @malloc(i64 16)
  %field = getelementptr inbounds { i64, ptr }, ptr %s, i64 0, i32 1
  store ptr %p, ptr %field, align 8
  %q = load ptr, ptr %field, align 8
  store i32 9, ptr %q, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

; %inner lives in %outer; neither leaves. The free through the loaded pointer
; can only free %inner and disappears.
define void @nested_objects_both_promoted() {
; CHECK-LABEL: define void @nested_objects_both_promoted(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %outer = alloca [16 x i8], align 16
; CHECK-DAG:     %inner = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %inner, ptr %outer, align 8
; CHECK-NEXT:    %l = load ptr, ptr %outer, align 8
; CHECK-NEXT:    store i32 1, ptr %l, align 4
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  %l = load ptr, ptr %outer, align 8
  store i32 1, ptr %l, align 4
  call void @free(ptr %l)
  call void @free(ptr %outer)
  ret void
}

; What is loaded out of %outer is returned: %inner escapes, %outer does not.
define ptr @loaded_from_object_then_returned() {
; CHECK-LABEL: define ptr @loaded_from_object_then_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %outer = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc(i64 16)
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %inner, ptr %outer, align 8
; CHECK-NEXT:    %l = load ptr, ptr %outer, align 8
; CHECK-NEXT:    ret ptr %l
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  %l = load ptr, ptr %outer, align 8
  ret ptr %l
}

; The object holds someone else's pointer; returning that pointer says
; nothing about the object itself.
define ptr @returns_pointer_loaded_from_object(ptr %x) {
; CHECK-LABEL: define ptr @returns_pointer_loaded_from_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %x, ptr %p, align 8
; CHECK-NEXT:    %y = load ptr, ptr %p, align 8
; CHECK-NEXT:    ret ptr %y
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %x, ptr %p, align 8
  %y = load ptr, ptr %p, align 8
  ret ptr %y
}

; memcpy copies the pointer from one slot to another, which is returned.
define ptr @memcpy_copies_pointer() {
; CHECK-LABEL: define ptr @memcpy_copies_pointer(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %a = alloca ptr, align 8
  %b = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %a, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %b, ptr align 8 %a, i64 8, i1 false)
  %q = load ptr, ptr %b, align 8
  ret ptr %q
}

; memmove copies the pointer out to memory the function does not own.
define void @memmove_copies_pointer_out(ptr %out) {
; CHECK-LABEL: define void @memmove_copies_pointer_out(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         call void @llvm.memmove.p0.p0.i64(ptr align 8 %out, ptr align 8 %slot, i64 8, i1 false)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  call void @llvm.memmove.p0.p0.i64(ptr align 8 %out, ptr align 8 %slot, i64 8, i1 false)
  ret void
}

; Bytes copied into the object: the object is only the destination.
define void @memcpy_into_object(ptr %src) {
; CHECK-LABEL: define void @memcpy_into_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %p, ptr align 1 %src, i64 16, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 %p, ptr align 1 %src, i64 16, i1 false)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Bytes copied out of the object (which holds no pointers).
define void @memcpy_out_of_object(ptr %dst) {
; CHECK-LABEL: define void @memcpy_out_of_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 16 %p, i64 16, i1 false)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i64 1, ptr %p, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 16 %p, i64 16, i1 false)
  call void @free(ptr %p)
  ret void
}

define void @memset_object() {
; CHECK-LABEL: define void @memset_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %p, i8 1, i64 16, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @llvm.memset.p0.i64(ptr align 16 %p, i8 1, i64 16, i1 false)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @memcpy_between_two_objects() {
; CHECK-LABEL: define void @memcpy_between_two_objects(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [16 x i8], align 16
; CHECK-DAG:     %b = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 16 %b, ptr align 16 %a, i64 16, i1 false)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 16)
  store i64 5, ptr %a, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 %b, ptr align 16 %a, i64 16, i1 false)
  call void @use(ptr %b)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; A list node pointing at itself.
define void @self_referential_object() {
; CHECK-LABEL: define void @self_referential_object(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %p, ptr %p, align 8
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %p, align 8
  %n = load ptr, ptr %p, align 8
  store i64 0, ptr %n, align 8
  call void @free(ptr %p)
  ret void
}

; The slot holding %p is read by the callee, which may keep what it finds.
define void @slot_read_by_callee() {
; CHECK-LABEL: define void @slot_read_by_callee(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         call void @use(ptr %slot)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  call void @use(ptr %slot)
  ret void
}

; The slot itself escapes, and with it what it holds.
define void @slot_escapes() {
; CHECK-LABEL: define void @slot_escapes(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         call void @capture(ptr %slot)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  call void @capture(ptr %slot)
  ret void
}

define void @reloaded_and_stored_to_global() {
; CHECK-LABEL: define void @reloaded_and_stored_to_global(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store ptr %q, ptr @g, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: stored to global g{{$}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %q = load ptr, ptr %slot, align 8
  store ptr %q, ptr @g, align 8
  ret void
}

; The pointer's bits, read back as an integer, are as good as a ptrtoint.
define void @reloaded_as_integer() {
; CHECK-LABEL: define void @reloaded_as_integer(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store i64 %bits, ptr @gi, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %bits = load i64, ptr %slot, align 8
  store i64 %bits, ptr @gi, align 8
  ret void
}

; The same through a local object: %outer's bytes hold %inner's address.
define i64 @content_reloaded_as_integer() {
; CHECK-LABEL: define i64 @content_reloaded_as_integer(
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK:         ret i64 %bits
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
; REMARK-DAG: remark: {{.*}}malloc(16){{.*}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  %bits = load i64, ptr %outer, align 8
  call void @free(ptr %outer)
  ret i64 %bits
}

; memcpy of %outer to memory the function does not own copies %inner's
; address out; %outer's own address goes nowhere.
define void @object_holding_pointer_copied_out(ptr %dst) {
; CHECK-LABEL: define void @object_holding_pointer_copied_out(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %outer = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc(i64 16)
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %inner, ptr %outer, align 8
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 16 %outer, i64 16, i1 false)
  call void @free(ptr %outer)
  ret void
}

; The store may write either slot; %a is read back and returned.
define ptr @store_through_select_of_slots(i1 %c) {
; CHECK-LABEL: define ptr @store_through_select_of_slots(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %a = alloca ptr, align 8
  %b = alloca ptr, align 8
  store ptr null, ptr %a, align 8
  %p = call ptr @malloc(i64 16)
  %s = select i1 %c, ptr %a, ptr %b
  store ptr %p, ptr %s, align 8
  %q = load ptr, ptr %a, align 8
  ret ptr %q
}

; The load may read either slot.
define ptr @load_through_phi_of_slots(i1 %c) {
; CHECK-LABEL: define ptr @load_through_phi_of_slots(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %a = alloca ptr, align 8
  %b = alloca ptr, align 8
  store ptr null, ptr %b, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %a, align 8
  br i1 %c, label %left, label %join

left:
  br label %join

join:
  %s = phi ptr [ %a, %left ], [ %b, %entry ]
  %q = load ptr, ptr %s, align 8
  ret ptr %q
}

; Stored at one offset of an array, loaded at an unknown one.
define ptr @load_at_variable_offset(i64 %i) {
; CHECK-LABEL: define ptr @load_at_variable_offset(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %arr = alloca [4 x ptr], align 16
  %p = call ptr @malloc(i64 16)
  %at2 = getelementptr inbounds [4 x ptr], ptr %arr, i64 0, i64 2
  store ptr %p, ptr %at2, align 8
  %ati = getelementptr inbounds [4 x ptr], ptr %arr, i64 0, i64 %i
  %q = load ptr, ptr %ati, align 8
  ret ptr %q
}

; Atomically exchanged into a local slot, then returned from it.
define ptr @atomic_exchange_into_slot() {
; CHECK-LABEL: define ptr @atomic_exchange_into_slot(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  store ptr null, ptr %slot, align 8
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr %slot, ptr %p seq_cst, align 8
  %q = load ptr, ptr %slot, align 8
  ret ptr %q
}

; Copied out in two 32-bit halves: narrower than a pointer, but together the
; whole address.
define void @copied_out_in_halves() {
; CHECK-LABEL: define void @copied_out_in_halves(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %lo = load i32, ptr %slot, align 8
  %hi.addr = getelementptr inbounds i8, ptr %slot, i64 4
  %hi = load i32, ptr %hi.addr, align 4
  store i32 %lo, ptr @gpair, align 8
  store i32 %hi, ptr getelementptr inbounds (i8, ptr @gpair, i64 4), align 4
  ret void
}

; Copied out byte by byte.
define void @copied_out_bytewise() {
; CHECK-LABEL: define void @copied_out_bytewise(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds i8, ptr %slot, i64 %i
  %byte = load i8, ptr %src, align 1
  %dst = getelementptr inbounds [16 x i8], ptr @gbuf, i64 0, i64 %i
  store i8 %byte, ptr %dst, align 1
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, 8
  br i1 %done, label %exit, label %loop

exit:
  ret void
}

; The slot's bytes are written with the address of @gbuf as an integer
; constant: what is loaded back points to a global, and %p is stored there.
define void @pointer_forged_from_constant() {
; CHECK-LABEL: define void @pointer_forged_from_constant(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store ptr %p, ptr %q, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  store i64 ptrtoint (ptr @gbuf to i64), ptr %slot, align 8
  %p = call ptr @malloc(i64 16)
  %q = load ptr, ptr %slot, align 8
  store ptr %p, ptr %q, align 8
  ret void
}

; The same, assembled from two 32-bit halves read from the caller's memory.
define void @pointer_forged_from_halves(ptr %x) {
; CHECK-LABEL: define void @pointer_forged_from_halves(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NOT:     lifetime
; CHECK:         store ptr %p, ptr %q, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %slot = alloca ptr, align 8
  %lo = load i32, ptr %x, align 8
  %x.hi = getelementptr inbounds i8, ptr %x, i64 4
  %hi = load i32, ptr %x.hi, align 4
  store i32 %lo, ptr %slot, align 8
  %slot.hi = getelementptr inbounds i8, ptr %slot, i64 4
  store i32 %hi, ptr %slot.hi, align 4
  %p = call ptr @malloc(i64 16)
  %q = load ptr, ptr %slot, align 8
  store ptr %p, ptr %q, align 8
  ret void
}
