; Rule "fits at run time": an allocation whose size is known only at run time
; takes a slot of variable-slot bytes (default 256, at most max-object) when
; its size, tested where the call was, fits; otherwise the call runs as before.
; Its frees are guarded (the object may be on either side) and its null checks
; stay (the heap way may still return null). The checks are on the stack
; version the room check calls; test/behaviour/run_time_sizes.c runs these
; shapes at the edges (0, 256, 257 bytes, calloc overflow, failing malloc, C++
; exceptions from the heap way).
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -S %s | FileCheck %s --check-prefix=KEEP
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<variable-slot=64>' -S %s | FileCheck %s --check-prefix=SLOT64
; RUN: opt -load-pass-plugin %plugin -passes='escape<max-object=32>' -S %s | FileCheck %s --check-prefix=OBJ32
; RUN: opt -load-pass-plugin %plugin -passes='escape<variable-slot=0>' -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=OFF
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup>,default<O2>' -verify-each -disable-output %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind
declare ptr @_Znam(i64)
declare ptr @_Znaj(i32)
declare void @_ZdaPv(ptr)
declare void @may_throw(ptr nocapture) nofree
declare i32 @__gxx_personality_v0(...)

; The room check asks for the slot and the margin: 256 + 256.
; CHECK-LABEL: define void @malloc_n(
; CHECK:         icmp uge i64 %{{.*}}, %{{.*}}
; CHECK:         call i1 @__escape_stack_room(i64 %{{.*}}, i64 512, i64 50)

; CHECK-LABEL: define internal void @malloc_n.escape.stack(i64 %n)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 16
; CHECK-NEXT:    %escape.fits = icmp ule i64 %n, 256
; CHECK-NEXT:    br i1 %escape.fits, label %escape.small, label %escape.large
; CHECK:       escape.small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 256, )?}}ptr %escape.slot)
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.large:
; CHECK-NEXT:    [[HEAP:%.*]] = call ptr @malloc(i64 %n)
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ [[HEAP]], %escape.large ]
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    %escape.guard = icmp eq ptr %p, %escape.slot
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %p
; CHECK-NEXT:    call void @free(ptr %escape.free)
; CHECK-NEXT:    ret void
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(n) (up to 256 bytes, else heap)
; SLOT64-LABEL: define internal void @malloc_n.escape.stack(
; SLOT64:         alloca [64 x i8], align 16
; SLOT64:         icmp ule i64 %n, 64
; OBJ32-LABEL: define internal void @malloc_n.escape.stack(
; OBJ32:         alloca [32 x i8], align 16
; OBJ32:         icmp ule i64 %n, 32
; OFF: remark: <unknown>:0:0: malloc(n) escapes to heap: non-constant size
define void @malloc_n(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; calloc: count * size without overflow, and zeroes for exactly those bytes
; (the slot may hold an earlier object's bytes).
; CHECK-LABEL: define internal void @calloc_n_m.escape.stack(i64 %n, i64 %m)
; CHECK:         %escape.bytes = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 %m)
; CHECK-NEXT:    [[BYTES:%.*]] = extractvalue { i64, i1 } %escape.bytes, 0
; CHECK-NEXT:    [[OVERFLOW:%.*]] = extractvalue { i64, i1 } %escape.bytes, 1
; CHECK-NEXT:    [[NO_OVERFLOW:%.*]] = xor i1 [[OVERFLOW]], true
; CHECK-NEXT:    [[UNDER:%.*]] = icmp ule i64 [[BYTES]], 256
; CHECK-NEXT:    [[FITS:%.*]] = and i1 [[UNDER]], [[NO_OVERFLOW]]
; CHECK-NEXT:    br i1 [[FITS]], label %escape.small, label %escape.large
; CHECK:       escape.small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 256, )?}}ptr %escape.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %escape.slot, i8 0, i64 [[BYTES]], i1 false)
; CHECK:       escape.large:
; CHECK-NEXT:    call ptr @calloc(i64 %n, i64 %m)
; REMARK: remark: <unknown>:0:0: moved to stack: calloc(n, m) (up to 256 bytes, else heap)
define void @calloc_n_m(i64 %n, i64 %m) {
entry:
  %p = call ptr @calloc(i64 %n, i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; An invoke stays an invoke on the heap way, with its unwind edge; the slot
; way cannot throw.
; CHECK-LABEL: define internal void @new_array_invoke.escape.stack(i64 %n)
; CHECK:         br i1 %escape.fits, label %escape.small, label %escape.large
; CHECK:       escape.large:
; CHECK-NEXT:    [[HEAP:%.*]] = invoke ptr @_Znam(i64 %n)
; CHECK-NEXT:            to label %escape.join unwind label %lpad
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ [[HEAP]], %escape.large ]
; CHECK-NEXT:    br label %cont
; CHECK:       done:
; CHECK-NEXT:    %escape.guard = icmp eq ptr %p, %escape.slot
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %p
; CHECK-NEXT:    call void @_ZdaPv(ptr %escape.free)
; CHECK:       lpad2:
; CHECK:         select i1 %{{.*}}, ptr null, ptr %p
; REMARK: remark: <unknown>:0:0: moved to stack: operator new[](n) (up to 256 bytes, else heap)
define void @new_array_invoke(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znam(i64 %n) #0
          to label %cont unwind label %lpad
cont:
  invoke void @may_throw(ptr %p)
          to label %done unwind label %lpad2
done:
  call void @_ZdaPv(ptr %p) #0
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
lpad2:
  %lp2 = landingpad { ptr, i32 } cleanup
  call void @_ZdaPv(ptr %p) #0
  resume { ptr, i32 } %lp2
}

; A 32-bit size is compared unsigned, as the allocator reads it.
; CHECK-LABEL: define internal void @new_array_i32.escape.stack(i32 %n)
; CHECK:         [[WIDE:%.*]] = zext i32 %n to i64
; CHECK-NEXT:    %escape.fits = icmp ule i64 [[WIDE]], 256
; CHECK:       escape.large:
; CHECK-NEXT:    call ptr @_Znaj(i32 %n)
; REMARK: remark: <unknown>:0:0: moved to stack: operator new[](n) (up to 256 bytes, else heap)
define void @new_array_i32(i32 %n) {
entry:
  %p = call ptr @_Znaj(i32 %n) #0
  call void @use(ptr %p)
  call void @_ZdaPv(ptr %p) #0
  ret void
}

; The program's null check stays: malloc(n) may fail on the heap way.
; CHECK-LABEL: define internal i1 @null_check.escape.stack(i64 %n)
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr
; CHECK-NEXT:    %null = icmp eq ptr %p, null
; CHECK:         ret i1 %null
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(n) (up to 256 bytes, else heap)
define i1 @null_check(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  %null = icmp eq ptr %p, null
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret i1 %null
}

; In a loop: one slot for every iteration (the loop rule holds: nothing
; carries the pointer), tested each time.
; CHECK-LABEL: define internal void @loop.escape.stack(i64 %k)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 16
; CHECK-NEXT:    br label %head
; CHECK:       head:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %next, %escape.join ]
; CHECK-NEXT:    %escape.fits = icmp ule i64 %i, 256
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(i) (up to 256 bytes, else heap)
define void @loop(i64 %k) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %next, %head ]
  %p = call ptr @malloc(i64 %i)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %next = add i64 %i, 1
  %again = icmp ult i64 %next, %k
  br i1 %again, label %head, label %exit
exit:
  ret void
}

; A loop that keeps the previous iteration's object takes the slot one at a
; time, as for constant sizes (promote-loops.ll): the size must fit and the
; slot be free.
; CHECK-LABEL: define internal void @loop_carried.escape.stack(i64 %k)
; CHECK:         %escape.busy = alloca i1, align 1
; CHECK-NEXT:    store i1 false, ptr %escape.busy, align 1
; CHECK:       head:
; CHECK:         %escape.fits = icmp ule i64 %i, 256
; CHECK-NEXT:    %[[HELD:escape.held[0-9]*]] = load i1, ptr %escape.busy, align 1
; CHECK-NEXT:    %escape.idle = xor i1 %[[HELD]], true
; CHECK-NEXT:    %escape.takes = and i1 %escape.fits, %escape.idle
; CHECK-NEXT:    br i1 %escape.takes, label %escape.small, label %escape.large
; CHECK:       escape.small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 256, )?}}ptr %escape.slot)
; CHECK-NEXT:    store i1 true, ptr %escape.busy, align 1
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(i) (up to 256 bytes, one at a time, else heap)
define void @loop_carried(i64 %k) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %next, %head ]
  %prev = phi ptr [ null, %entry ], [ %p, %head ]
  %p = call ptr @malloc(i64 %i)
  call void @use(ptr %prev)
  call void @free(ptr %prev)
  %next = add i64 %i, 1
  %again = icmp ult i64 %next, %k
  br i1 %again, label %head, label %exit
exit:
  call void @free(ptr %p)
  ret void
}

; The slot has the allocator's alignment.
; CHECK-LABEL: define internal void @aligned.escape.stack(i64 %n)
; CHECK:         %escape.slot = alloca [256 x i8], align 64
; CHECK:         call ptr @aligned_alloc(i64 64, i64 %n)
; REMARK: remark: <unknown>:0:0: moved to stack: aligned_alloc(64, n) (up to 256 bytes, else heap)
define void @aligned(i64 %n) {
entry:
  %p = call ptr @aligned_alloc(i64 64, i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A free that may see the run-time object or a constant one is guarded for
; both slots.
; CHECK-LABEL: define internal void @mixed_free.escape.stack(i1 %c, i64 %n)
; CHECK:         %p = select i1 %c, ptr %a, ptr %b
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    [[G1:%.*]] = icmp eq ptr %p, %escape.slot
; CHECK-NEXT:    [[F1:%.*]] = select i1 [[G1]], ptr null, ptr %p
; CHECK-NEXT:    [[G2:%.*]] = icmp eq ptr [[F1]], %b
; CHECK-NEXT:    [[F2:%.*]] = select i1 [[G2]], ptr null, ptr [[F1]]
; CHECK-NEXT:    call void @free(ptr [[F2]])
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(n) (up to 256 bytes, else heap)
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(16)
define void @mixed_free(i1 %c, i64 %n) {
entry:
  %a = call ptr @malloc(i64 %n)
  %b = call ptr @malloc(i64 16)
  %p = select i1 %c, ptr %a, ptr %b
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Escaping objects stay on the heap whatever their size.
; KEEP-LABEL: define ptr @returned(i64 %n)
; KEEP-NEXT:  entry:
; KEEP-NEXT:    %p = call ptr @malloc(i64 %n)
; KEEP-NEXT:    ret ptr %p
; REMARK: remark: <unknown>:0:0: malloc(n) escapes to heap: returned
define ptr @returned(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

attributes #0 = { builtin }
