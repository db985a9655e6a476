; The room check (pass/room.h): a function with promoted objects checks once
; per call, before any slot exists, that its slot area fits on the current
; thread's stack and leaves stack-reserve percent of it; the area is a
; dynamic alloca of its size when it does and of 0 bytes when not, and each
; allocation takes its slot or, without room, the call it was. Frees free
; what the heap path allocated. The helper that reads a thread's bounds is
; emitted once per module.
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<stack-reserve=25>' -S %s | FileCheck %s --check-prefix=R25
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup>,default<O2>' -verify-each -disable-output %s
; RUN: not opt -load-pass-plugin %plugin -passes='escape<stack-reserve=100>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR

; ERR: error: invalid value '100' for parameter 'stack-reserve' of pass 'escape' (expected a percentage from 0 to 99)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare void @free(ptr)
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare i32 @__gxx_personality_v0(...)
declare void @use(ptr nocapture) nofree nounwind nocallback
declare void @may_throw()
declare i1 @cond()
@g = global ptr null

; CHECK: @__escape_stack_bounds = linkonce_odr hidden thread_local(initialexec) global [3 x i64] zeroinitializer

; Static allocas stay at the top; then the check; the area; the two ways.
; CHECK-LABEL: define i32 @one_site(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %x = alloca i32
; CHECK-NEXT:    %y = alloca i64
; CHECK-NEXT:    %escape.sp = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    [[SP:%.*]] = ptrtoint ptr %escape.sp to i64
; CHECK-NEXT:    %escape.bounds = call ptr @llvm.threadlocal.address.p0(ptr @__escape_stack_bounds)
; CHECK:         %escape.fits = and i1
; CHECK-NEXT:    br i1 %escape.fits, label %escape.checked, label %escape.slow
; CHECK:       escape.slow:
; CHECK-NEXT:    %escape.asked = call i1 @__escape_stack_room(i64 [[SP]], i64 16, i64 50)
; CHECK-NEXT:    br label %escape.checked
; CHECK:       escape.checked:
; CHECK-NEXT:    %escape.room = phi i1 [ true, %entry ], [ %escape.asked, %escape.slow ]
; CHECK-NEXT:    [[SIZE:%.*]] = select i1 %escape.room, i64 16, i64 0
; CHECK-NEXT:    %escape.area = alloca i8, i64 [[SIZE]], align 16
; CHECK-NEXT:    %escape.slot = getelementptr i8, ptr %escape.area, i64 0
; CHECK-NEXT:    store i32 1, ptr %x
; CHECK-NEXT:    br i1 %escape.room, label %escape.stack, label %escape.heap
; CHECK:       escape.stack:
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.heap:
; CHECK-NEXT:    %p.heap = call ptr @malloc(i64 16)
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.stack ], [ %p.heap, %escape.heap ]
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    %escape.free = select i1 %escape.room, ptr null, ptr %p
; CHECK-NEXT:    call void @free(ptr %escape.free)
; R25-LABEL: define i32 @one_site(
; R25:           call i1 @__escape_stack_room(i64 %{{.*}}, i64 16, i64 25)
define i32 @one_site() {
entry:
  %x = alloca i32
  store i32 1, ptr %x
  %y = alloca i64
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %v = load i32, ptr %x
  ret i32 %v
}

; calloc zeroes its slot on the stack way only; slots are laid out by
; alignment, and the area counts what realigning it costs.
; CHECK-LABEL: define void @calloc_and_aligned(
; CHECK:         call i1 @__escape_stack_room(i64 %{{.*}}, i64 160, i64 50)
; CHECK:         select i1 %escape.room, i64 96, i64 0
; CHECK-NEXT:    %escape.area = alloca i8, i64 %{{.*}}, align 64
; CHECK-NEXT:    %escape.slot = getelementptr i8, ptr %escape.area, i64 0
; CHECK-NEXT:    %escape.slot1 = getelementptr i8, ptr %escape.area, i64 64
; CHECK:       escape.stack:
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %escape.slot, i8 0, i64 12, i1 false)
; CHECK:         %z.heap = call ptr @calloc(i64 3, i64 4)
define void @calloc_and_aligned() {
  %z = call ptr @calloc(i64 3, i64 4)
  call void @use(ptr %z)
  %a = call ptr @aligned_alloc(i64 64, i64 32)
  call void @use(ptr %a)
  call void @free(ptr %z)
  call void @free(ptr %a)
  ret void
}
declare ptr @aligned_alloc(i64, i64)

; A free that may also see a heap object (too large to promote) compares
; with the slot.
; CHECK-LABEL: define void @mixed_free(
; CHECK:         %escape.guard = icmp eq ptr %r, %escape.slot
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %r
; CHECK-NEXT:    call void @free(ptr %escape.free)
define void @mixed_free(i1 %c) {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @malloc(i64 4096)
  %r = select i1 %c, ptr %p, ptr %q
  call void @use(ptr %r)
  call void @free(ptr %r)
  ret void
}

; In a loop: one area for the call, a slot or a malloc each iteration.
; CHECK-LABEL: define void @in_loop(
; CHECK:       escape.checked:
; CHECK:         %escape.area = alloca i8
; CHECK:       loop:
; CHECK:         br i1 %escape.room, label %escape.stack, label %escape.heap
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.stack ], [ %p.heap, %escape.heap ]
define void @in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; An invoke keeps its unwind edge on the heap way.
; CHECK-LABEL: define void @invoked(
; CHECK:       escape.heap:
; CHECK-NEXT:    %p.heap = invoke ptr @_Znwm(i64 24)
; CHECK-NEXT:            to label %escape.join unwind label %lpad
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.stack ], [ %p.heap, %escape.heap ]
; CHECK-NEXT:    br label %cont
; CHECK:       lpad2:
; CHECK:         %escape.free1 = select i1 %escape.room, ptr null, ptr %p
; CHECK-NEXT:    call void @_ZdlPv(ptr %escape.free1)
define void @invoked() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znwm(i64 24) builtin to label %cont unwind label %lpad
cont:
  call void @use(ptr %p)
  invoke void @may_throw() to label %done unwind label %lpad2
done:
  call void @_ZdlPv(ptr %p) builtin
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
lpad2:
  %lp2 = landingpad { ptr, i32 } cleanup
  call void @_ZdlPv(ptr %p) builtin
  resume { ptr, i32 } %lp2
}

; Under AddressSanitizer a slot is a static alloca of its own, which its
; use-after-return mode watches; the check and the heap way stay.
; CHECK-LABEL: define void @sanitized(
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK-NOT:     %escape.area
; CHECK:         br i1 %escape.room, label %escape.stack, label %escape.heap
; CHECK:         %p = phi ptr [ %escape.slot, %escape.stack ], [ %p.heap, %escape.heap ]
define void @sanitized() sanitize_address {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

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
