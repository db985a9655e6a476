; Allocators described by LLVM's attributes: the C library as `inferattrs`
; leaves it (what -O1 and up feed the pass), and custom allocators known only
; through allockind / allocsize / allocalign / allocptr / "alloc-family".
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #1
declare noalias noundef ptr @aligned_alloc(i64 allocalign noundef, i64 noundef) #2
declare void @free(ptr allocptr nocapture noundef) #3

declare ptr @my_alloc(i64) #4
declare ptr @my_zalloc(i64, i64) #5
declare ptr @my_aligned(i64 allocalign, i64) #6
declare void @my_release(ptr allocptr) #7
declare ptr @my_resize(ptr allocptr, i64) #8

declare void @use(ptr nocapture) nofree nounwind

; COUNT: {{^}}8{{$}}

define void @attributed_malloc() {
; CHECK-LABEL: define void @attributed_malloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = tail call noalias noundef dereferenceable_or_null(16) ptr @malloc(i64 noundef 16)
  call void @use(ptr %p)
  tail call void @free(ptr noundef %p)
  ret void
}

define void @attributed_calloc() {
; CHECK-LABEL: define void @attributed_calloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 32, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 32, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: calloc(4, 8){{$}}
entry:
  %p = tail call noalias noundef dereferenceable_or_null(32) ptr @calloc(i64 noundef 4, i64 noundef 8)
  call void @use(ptr %p)
  tail call void @free(ptr noundef %p)
  ret void
}

define void @attributed_aligned_alloc() {
; CHECK-LABEL: define void @attributed_aligned_alloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 64
; CHECK-NOT:     @aligned_alloc
; CHECK:         call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: aligned_alloc(64, 64){{$}}
entry:
  %p = tail call noalias noundef align 64 ptr @aligned_alloc(i64 noundef 64, i64 noundef 64)
  call void @use(ptr %p)
  tail call void @free(ptr noundef %p)
  ret void
}

; Known only by its attributes; its family is malloc's, so free releases it.
define void @custom_allocator_freed() {
; CHECK-LABEL: define void @custom_allocator_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [24 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 24, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 24, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: my_alloc(24){{$}}
entry:
  %p = call ptr @my_alloc(i64 24)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Zeroed, count * size, released by its own family's deallocator.
define void @custom_zeroed_allocator() {
; CHECK-LABEL: define void @custom_zeroed_allocator(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [40 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 40, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 40, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 40, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: my_zalloc({{.*}}){{$}}
entry:
  %p = call ptr @my_zalloc(i64 5, i64 8)
  call void @use(ptr %p)
  call void @my_release(ptr %p)
  ret void
}

; The alignment comes from the allocalign argument.
define void @custom_aligned_allocator() {
; CHECK-LABEL: define void @custom_aligned_allocator(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 32
; CHECK-NOT:     @my_aligned
; CHECK-NOT:     @my_release
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: my_aligned({{.*}}){{$}}
entry:
  %p = call ptr @my_aligned(i64 32, i64 64)
  call void @use(ptr %p)
  call void @my_release(ptr %p)
  ret void
}

; my_alloc belongs to malloc's family, my_release to another.
define void @custom_family_mismatch() {
; CHECK-LABEL: define void @custom_family_mismatch(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @my_alloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @my_release(ptr %p)
; REMARK-DAG: remark: {{.*}}my_alloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @my_alloc(i64 16)
  call void @use(ptr %p)
  call void @my_release(ptr %p)
  ret void
}

; allockind("realloc") is a reallocation like realloc itself.
define ptr @custom_reallocated() {
; CHECK-LABEL: define ptr @custom_reallocated(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @my_alloc(i64 16)
; CHECK-NEXT:    %q = call ptr @my_resize(ptr %p, i64 32)
; REMARK-DAG: remark: {{.*}}my_alloc(16) escapes to heap: reallocated{{$}}
entry:
  %p = call ptr @my_alloc(i64 16)
  %q = call ptr @my_resize(ptr %p, i64 32)
  ret ptr %q
}

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized,aligned") allocsize(1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #4 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
attributes #5 = { nounwind allockind("alloc,zeroed") allocsize(1,0) "alloc-family"="my" }
attributes #6 = { nounwind allockind("alloc,uninitialized,aligned") allocsize(1) "alloc-family"="my" }
attributes #7 = { nounwind allockind("free") "alloc-family"="my" }
attributes #8 = { nounwind allockind("realloc") allocsize(1) "alloc-family"="my" }
