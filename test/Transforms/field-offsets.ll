; Reading data next to a pointer does not read the pointer; reading the
; pointer's own bytes as data does. Offsets come from allocations, constant
; GEPs, and loads of pointers that point to object starts.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @sink(i64)

%pair = type { ptr, i64 }

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(8)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(16)
; CHECK-LABEL: define void @data_beside_pointer(
; CHECK-DAG: %inner = alloca [8 x i8], align 16
; CHECK-DAG: %outer = alloca [16 x i8], align 16
; CHECK-NOT: @malloc
define void @data_beside_pointer() {
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 8)
  store ptr %inner, ptr %outer
  %len.addr = getelementptr inbounds %pair, ptr %outer, i64 0, i32 1
  store i64 5, ptr %len.addr
  %len = load i64, ptr %len.addr
  call void @sink(i64 %len)
  call void @free(ptr %inner)
  call void @free(ptr %outer)
  ret void
}

; The pointer's own bytes read as an integer leave through @sink.
; REMARK-DAG: remark: <unknown>:0:0: malloc(8) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_read_as_data(
; CHECK: %inner = call ptr @malloc(i64 8)
define void @pointer_read_as_data() {
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 8)
  store ptr %inner, ptr %outer
  %bits = load i64, ptr %outer
  call void @sink(i64 %bits)
  call void @free(ptr %outer)
  ret void
}

; Reached through a pointer loaded from a local slot: that pointer points to
; an object start (only object starts were stored), so offset 8 is data.
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(4)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(24)
; CHECK-LABEL: define void @through_loaded_pointer(
; CHECK-NOT: @malloc
define void @through_loaded_pointer() {
  %slot = alloca ptr
  %node = call ptr @malloc(i64 24)
  %leaf = call ptr @malloc(i64 4)
  store ptr %leaf, ptr %node
  store ptr %node, ptr %slot
  %again = load ptr, ptr %slot
  %data.addr = getelementptr inbounds i8, ptr %again, i64 8
  %data = load i64, ptr %data.addr
  call void @sink(i64 %data)
  ret void
}

; An interior pointer was stored, so a loaded pointer may point anywhere in
; its object: its data read may overlap the pointer field.
; REMARK-DAG: remark: <unknown>:0:0: malloc(2) escapes to heap: converted to an integer (read as data)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(32)
; CHECK-LABEL: define void @interior_pointer_stored(
; CHECK: %leaf = call ptr @malloc(i64 2)
define void @interior_pointer_stored() {
  %slot = alloca ptr
  %node = call ptr @malloc(i64 32)
  %leaf = call ptr @malloc(i64 2)
  %field = getelementptr inbounds i8, ptr %node, i64 8
  store ptr %leaf, ptr %field
  store ptr %field, ptr %slot
  %again = load ptr, ptr %slot
  %data.addr = getelementptr inbounds i8, ptr %again, i64 16
  %data = load i64, ptr %data.addr
  call void @sink(i64 %data)
  ret void
}

; memcpy copies pointers byte for byte: the copy's bytes hold a pointer.
; REMARK-DAG: remark: <unknown>:0:0: malloc(1) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @memcpy_then_read(
; CHECK: %leaf = call ptr @malloc(i64 1)
define void @memcpy_then_read() {
  %a = alloca [16 x i8], align 8
  %b = alloca [16 x i8], align 8
  %leaf = call ptr @malloc(i64 1)
  store ptr %leaf, ptr %a
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %a, i64 16, i1 false)
  %bits = load i64, ptr %b
  call void @sink(i64 %bits)
  ret void
}

; Each iteration's node only holds a pointer to older data: nothing points
; to it when the next iteration allocates again, so one slot serves all.
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(16)
; CHECK-LABEL: define i64 @list_walk(
; CHECK: entry:
; CHECK-NEXT: %node = alloca [16 x i8], align 16
; CHECK: loop:
; CHECK: call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %node)
define i64 @list_walk(ptr %head) {
entry:
  br label %loop
loop:
  %n = phi ptr [ %head, %entry ], [ %next, %loop ]
  %acc = phi i64 [ 0, %entry ], [ %sum, %loop ]
  %node = call ptr @malloc(i64 16)
  store ptr %n, ptr %node
  %v.addr = getelementptr inbounds i8, ptr %node, i64 8
  %v = load i64, ptr %v.addr
  %sum = add i64 %acc, %v
  %next = load ptr, ptr %node
  %done = icmp eq ptr %next, null
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %sum
}

; Two objects' layouts are judged apart: one holds its pointer at offset 8
; and has those bytes read as data, the other holds its pointer at 0 and data
; at 8. Written both ways round, so that whichever class the analysis numbers
; first, the lookup of one class's read must not land in the other's ranges.
; REMARK-DAG: remark: <unknown>:0:0: malloc(4) escapes to heap: converted to an integer (read as data)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(2)
; CHECK-LABEL: define void @two_layouts(
; CHECK: %read.leaf = call ptr @malloc(i64 4)
; CHECK-NOT: call ptr @malloc(i64 2)
; CHECK: ret void
define void @two_layouts() {
  %read = call ptr @malloc(i64 16)
  %kept = call ptr @malloc(i64 16)
  %read.leaf = call ptr @malloc(i64 4)
  %kept.leaf = call ptr @malloc(i64 2)
  %read.field = getelementptr inbounds i8, ptr %read, i64 8
  store ptr %read.leaf, ptr %read.field
  store ptr %kept.leaf, ptr %kept
  %kept.len = getelementptr inbounds i8, ptr %kept, i64 8
  store i64 1, ptr %kept.len
  %bits = load i64, ptr %read.field
  call void @sink(i64 %bits)
  call void @free(ptr %kept.leaf)
  call void @free(ptr %read)
  call void @free(ptr %kept)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(6) escapes to heap: converted to an integer (read as data)
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(3)
; CHECK-LABEL: define void @two_layouts_swapped(
; CHECK: %read.leaf = call ptr @malloc(i64 6)
; CHECK-NOT: call ptr @malloc(i64 3)
; CHECK: ret void
define void @two_layouts_swapped() {
  %kept = call ptr @malloc(i64 16)
  %read = call ptr @malloc(i64 16)
  %kept.leaf = call ptr @malloc(i64 3)
  %read.leaf = call ptr @malloc(i64 6)
  store ptr %kept.leaf, ptr %kept
  %kept.len = getelementptr inbounds i8, ptr %kept, i64 8
  store i64 1, ptr %kept.len
  %read.field = getelementptr inbounds i8, ptr %read, i64 8
  store ptr %read.leaf, ptr %read.field
  %bits = load i64, ptr %read.field
  call void @sink(i64 %bits)
  call void @free(ptr %kept.leaf)
  call void @free(ptr %read)
  call void @free(ptr %kept)
  ret void
}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
