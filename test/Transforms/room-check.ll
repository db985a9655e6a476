; The room check (pass/room.h): a function with promoted objects becomes a
; check of the current thread's stack in front of two versions of itself,
; reached by musttail calls: the stack version, rewritten with static slots
; and kept out of line (noinline), and the heap version, the body as it was.
; The helper that reads a thread's bounds is emitted once per module.
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<stack-reserve=25>' -S %s | FileCheck %s --check-prefix=R25
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup>,default<O2>' -verify-each -disable-output %s
; RUN: not opt -load-pass-plugin %plugin -passes='escape<stack-reserve=100>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR

; ERR: error: invalid value '100' for parameter 'stack-reserve' of pass 'escape' (expected a percentage from 0 to 99)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind nocallback

; CHECK: @__escape_stack_bounds = linkonce_odr hidden thread_local(initialexec) global [3 x i64] zeroinitializer

; The check: stack pointer, this thread's bounds, room for 16 bytes of slot
; and 256 of margin with half the stack kept; the slow path asks pthread.
; CHECK-LABEL: define i32 @one_site(ptr {{[^%]*}}byval(i32){{[^%]*}}%0, i32 %1)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.sp = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    [[SP:%.*]] = ptrtoint ptr %escape.sp to i64
; CHECK-NEXT:    %escape.bounds = call ptr @llvm.threadlocal.address.p0(ptr @__escape_stack_bounds)
; CHECK:         %escape.fits = and i1
; CHECK-NEXT:    br i1 %escape.fits, label %escape.stack, label %escape.slow
; CHECK:       escape.slow:
; CHECK-NEXT:    %escape.asked = call i1 @__escape_stack_room(i64 [[SP]], i64 272, i64 50)
; CHECK-NEXT:    br i1 %escape.asked, label %escape.stack, label %escape.heap
; CHECK:       escape.stack:
; CHECK-NEXT:    [[R1:%.*]] = musttail call i32 @one_site.escape.stack(ptr {{[^%]*}}byval(i32){{[^%]*}}%0, i32 %1)
; CHECK-NEXT:    ret i32 [[R1]]
; CHECK:       escape.heap:
; CHECK-NEXT:    [[R2:%.*]] = musttail call i32 @one_site.escape.heap(ptr {{[^%]*}}byval(i32){{[^%]*}}%0, i32 %1)
; CHECK-NEXT:    ret i32 [[R2]]
; R25:           call i1 @__escape_stack_room(i64 %{{.*}}, i64 272, i64 25)
define i32 @one_site(ptr byval(i32) %x, i32 %k) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %v = load i32, ptr %x
  ret i32 %v
}

; A void function, and a recursive one: its calls of itself go through the
; check again.
; CHECK-LABEL: define void @recursive(i32 %0)
; CHECK:         musttail call void @recursive.escape.stack(i32 %0)
; CHECK-NEXT:    ret void
define void @recursive(i32 %n) {
entry:
  %p = call ptr @malloc(i64 100)
  call void @use(ptr %p)
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %deeper, label %done
deeper:
  %m = sub i32 %n, 1
  call void @recursive(i32 %m)
  br label %done
done:
  call void @free(ptr %p)
  ret void
}

; No forward for variadic functions: their objects stay on the heap.
; CHECK-LABEL: define void @variadic(i32 %n, ...)
; CHECK:         call ptr @malloc(i64 16)
; REMARK: remark: {{.*}}malloc(16) escapes to heap: no room check for a variadic function or one with computed gotos{{$}}
define void @variadic(i32 %n, ...) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Nor for computed gotos: a block address would name the moved body.
; CHECK-LABEL: define void @computed_goto(
; CHECK:         call ptr @malloc(i64 16)
; REMARK: remark: {{.*}}malloc(16) escapes to heap: no room check for a variadic function or one with computed gotos{{$}}
define void @computed_goto(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %target = select i1 %c, ptr blockaddress(@computed_goto, %a), ptr blockaddress(@computed_goto, %b)
  indirectbr ptr %target, [label %a, label %b]
a:
  call void @free(ptr %p)
  ret void
b:
  call void @free(ptr %p)
  ret void
}

; The heap version: the body as it was.
; CHECK-LABEL: define internal i32 @one_site.escape.heap(ptr {{[^%]*}}byval(i32){{[^%]*}}%x, i32 %k) unnamed_addr {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

; The stack version: static slots, out of line.
; CHECK-LABEL: define internal i32 @one_site.escape.stack(
; CHECK-SAME:    ptr {{[^%]*}}byval(i32){{[^%]*}}%x, i32 %k) unnamed_addr #[[NOINLINE:[0-9]+]] {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32

; The slow path: asks pthread once per thread; extern_weak declarations, so
; that a program without them takes the heap.
; CHECK-LABEL: define linkonce_odr hidden i1 @__escape_stack_room(
; CHECK:         call i64 @pthread_self()
; CHECK:         call i32 @pthread_getattr_np(
; CHECK:         call i32 @pthread_attr_getstack(
; CHECK:         call i32 @pthread_attr_destroy(
; CHECK-NOT:   define {{.*}}@__escape_stack_room(
; CHECK:       declare extern_weak i64 @pthread_self()
; CHECK:       declare extern_weak i32 @pthread_getattr_np(i64, ptr)
; CHECK-LABEL: define internal void @recursive.escape.stack(i32 %n)
; CHECK:         call void @recursive(i32 %m)
; CHECK:       attributes #[[NOINLINE]] = { noinline }
