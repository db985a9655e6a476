; Allocations that never leave their function become one entry-block alloca:
; the right size and alignment, lifetime markers where the call and the free
; were, calloc's zeroing kept, null checks of the result folded, and `tail`
; dropped from every call that may see the new stack object.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare ptr @memalign(i64, i64)
declare ptr @valloc(i64)
declare void @free(ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; Reads the object, keeps no pointer to it, frees nothing.
declare void @use(ptr nocapture) nofree nounwind
declare void @use2(ptr nocapture, ptr nocapture) nofree nounwind
declare void @other() nofree nounwind

; Every allocation remark of this file is checked below; one verdict per site.
; COUNT: {{^}}20{{$}}

define i32 @malloc_free() {
; CHECK-LABEL: define i32 @malloc_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    store i32 42, ptr %p, align 4
; CHECK-NEXT:    %v = load i32, ptr %p, align 4
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret i32 %v
; CHECK-NEXT:  }
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 42, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

; Never freed: still promoted (the heap object would simply leak).
define i32 @malloc_without_free() {
; CHECK-LABEL: define i32 @malloc_without_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    store i32 7, ptr %p, align 4
; CHECK-NEXT:    %v = load i32, ptr %p, align 4
; CHECK-NEXT:    ret i32 %v
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 7, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

define void @calloc_zeroes_memory() {
; CHECK-LABEL: define void @calloc_zeroes_memory(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 32, )?}}ptr %p)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 32, i1 false)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 32, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: calloc(4, 8){{$}}
entry:
  %p = call ptr @calloc(i64 4, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @aligned_alloc_keeps_alignment() {
; CHECK-LABEL: define void @aligned_alloc_keeps_alignment(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 64
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: aligned_alloc(64, 64){{$}}
entry:
  %p = call ptr @aligned_alloc(i64 64, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; An alignment below malloc's own guarantee still gets 16 bytes.
define void @aligned_alloc_small_alignment() {
; CHECK-LABEL: define void @aligned_alloc_small_alignment(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 16
; CHECK-NOT:     @aligned_alloc
; CHECK:         call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: aligned_alloc(8, 32){{$}}
entry:
  %p = call ptr @aligned_alloc(i64 8, i64 32)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @memalign_keeps_alignment() {
; CHECK-LABEL: define void @memalign_keeps_alignment(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 32
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 64, )?}}ptr %p)
; CHECK-NOT:     @memalign
; CHECK:         call void @use(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: memalign(32, 64){{$}}
entry:
  %p = call ptr @memalign(i64 32, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; valloc's page alignment is over max-align (64): a frame realigned to a page
; per call (alignment.ll).
define void @valloc_is_page_aligned() {
; CHECK-LABEL: define void @valloc_is_page_aligned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @valloc(i64 100)
entry:
  %p = call ptr @valloc(i64 100)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; malloc never returns null for a stack object: the check folds to false.
define i32 @null_check_eq_folds() {
; CHECK-LABEL: define i32 @null_check_eq_folds(
; CHECK-NOT:     icmp
; CHECK:         br i1 false, label %fail, label %ok
; CHECK-NOT:     @malloc
; CHECK:       ok:
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok

fail:
  ret i32 -1

ok:
  store i32 3, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

define i32 @null_check_ne_folds() {
; CHECK-LABEL: define i32 @null_check_ne_folds(
; CHECK-NOT:     icmp
; CHECK:         br i1 true, label %ok, label %fail
; CHECK-NOT:     @malloc
; CHECK:       ok:
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %nonnull = icmp ne ptr %p, null
  br i1 %nonnull, label %ok, label %fail

fail:
  ret i32 -1

ok:
  store i32 3, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

; `tail` promises the callee does not touch the caller's stack: it must go.
define void @tail_removed_from_direct_use() {
; CHECK-LABEL: define void @tail_removed_from_direct_use(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     tail call
; CHECK:         {{^}}  call void @use(ptr %p)
; CHECK-NOT:     tail call
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  tail call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @tail_removed_from_derived_pointer() {
; CHECK-LABEL: define void @tail_removed_from_derived_pointer(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:         %q = getelementptr inbounds i8, ptr %p, i64 8
; CHECK-NOT:     tail call
; CHECK:         {{^}}  call void @use2(ptr %x, ptr %q)
; CHECK-NOT:     tail call
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %x = alloca i64, align 8
  %p = call ptr @malloc(i64 16)
  %q = getelementptr inbounds i8, ptr %p, i64 8
  tail call void @use2(ptr %x, ptr %q)
  call void @free(ptr %p)
  ret void
}

; Calls that cannot see the promoted object keep their marker.
define void @tail_kept_on_unrelated_calls(ptr %x) {
; CHECK-LABEL: define void @tail_kept_on_unrelated_calls(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:         tail call void @use(ptr %x)
; CHECK-NEXT:    {{^}}  call void @use(ptr %p)
; CHECK-NEXT:    tail call void @other()
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  tail call void @use(ptr %x)
  tail call void @use(ptr %p)
  tail call void @other()
  call void @free(ptr %p)
  ret void
}

; The alloca carries the call's name.
define void @name_is_kept() {
; CHECK-LABEL: define void @name_is_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buffer = alloca [24 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 24, )?}}ptr %buffer)
; CHECK-NEXT:    call void @use(ptr %buffer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(24){{$}}
entry:
  %buffer = call ptr @malloc(i64 24)
  call void @use(ptr %buffer)
  call void @free(ptr %buffer)
  ret void
}

; Allocated in a conditional block: the alloca still goes to the entry block,
; the lifetime starts where the call was.
define void @malloc_in_branch(i1 %c) {
; CHECK-LABEL: define void @malloc_in_branch(
; CHECK-NEXT:  entry:
; CHECK-NOT:     {{^[a-z0-9._]+:}}
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       then:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    br label %done
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br i1 %c, label %then, label %done

then:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  br label %done

done:
  ret void
}

; Two objects, two allocas, each with its own markers.
define void @two_allocations() {
; CHECK-LABEL: define void @two_allocations(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [16 x i8], align 16
; CHECK-DAG:     %b = alloca [48 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @calloc
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %a)
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 48, )?}}ptr %b)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %b, i8 0, i64 48, i1 false)
; CHECK-NEXT:    call void @use2(ptr %a, ptr %b)
; CHECK-DAG:     call void @llvm.lifetime.end.p0({{(i64 48, )?}}ptr %b)
; CHECK-DAG:     call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %a)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: calloc(6, 8){{$}}
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @calloc(i64 6, i64 8)
  call void @use2(ptr %a, ptr %b)
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret void
}

; The callee receives the object through a slot: `tail` must go all the same.
define void @tail_removed_through_memory() {
; CHECK-LABEL: define void @tail_removed_through_memory(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:         %q = load ptr, ptr %slot, align 8
; CHECK-NEXT:    {{^}}  call void @use(ptr %q)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot, align 8
  %q = load ptr, ptr %slot, align 8
  tail call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

define void @tail_removed_through_select(i1 %c, ptr %x) {
; CHECK-LABEL: define void @tail_removed_through_select(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:         %q = select i1 %c, ptr %p, ptr %x
; CHECK-NEXT:    {{^}}  call void @use(ptr %q)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = select i1 %c, ptr %p, ptr %x
  tail call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; A memset may be lowered to a libc call: a tail-called one would run after
; the frame holding the object is gone.
define void @tail_removed_from_intrinsic() {
; CHECK-LABEL: define void @tail_removed_from_intrinsic(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     tail call
; CHECK:         {{^}}  call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 16, i1 false)
; CHECK-NOT:     tail call
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  tail call void @llvm.memset.p0.i64(ptr align 16 %p, i8 0, i64 16, i1 false)
  ret void
}

; An allocation nobody reads still moves (and costs nothing on the stack).
define void @unused_allocation() {
; CHECK-LABEL: define void @unused_allocation(
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  ret void
}
