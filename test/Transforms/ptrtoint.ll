; Rule "an address that stays an integer": a ptrtoint whose integer, and the
; integers computed from it (arithmetic, casts, selects, phis, freeze), is
; only compared or switched on does not make the object escape. Stored,
; passed to a call, returned, made a pointer again or used otherwise, it
; does, and the reason says which. The address is still "kept": an object
; made in a loop stays on the heap (its address could meet the next
; iteration's), and no capture attribute is written back for a parameter
; whose address becomes an integer (ptrtoint exposes its provenance).
; test/behaviour/pointer_integers.c runs these shapes.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind norecurse
declare void @take_int(i64) nounwind
@gi = global i64 0
@gp = global ptr null

; (uintptr_t)p % 16 == 0
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(64)
define i1 @aligned() {
  %p = call ptr @malloc(i64 64)
  call void @use(ptr %p)
  %i = ptrtoint ptr %p to i64
  %low = and i64 %i, 15
  %ok = icmp eq i64 %low, 0
  call void @free(ptr %p)
  ret i1 %ok
}

; A hash of the address, only compared, through a select, a phi and casts.
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(32)
define i1 @hashed(i1 %c) {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %i = ptrtoint ptr %p to i64
  %h = mul i64 %i, 2654435761
  %s = lshr i64 %h, 7
  %t = trunc i64 %s to i32
  %f = freeze i32 %t
  br i1 %c, label %a, label %b
a:
  %x = xor i32 %f, 5
  br label %join
b:
  br label %join
join:
  %m = phi i32 [ %x, %a ], [ %f, %b ]
  %sel = select i1 %c, i32 %m, i32 3
  switch i32 %sel, label %other [ i32 0, label %zero ]
zero:
  call void @free(ptr %p)
  ret i1 true
other:
  call void @free(ptr %p)
  ret i1 false
}

; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (stored to memory)
define void @stored() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = add i64 %i, 8
  store i64 %j, ptr @gi
  call void @free(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (passed to a call)
define void @passed() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  call void @take_int(i64 %i)
  call void @free(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (returned)
define i64 @returned() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %k = xor i64 %i, 1
  call void @free(ptr %p)
  ret i64 %k
}

; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (made a pointer again)
define void @round_trip() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %q = inttoptr i64 %i to ptr
  store ptr %q, ptr @gp
  ret void
}

; A GEP index: the address joins another pointer.
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (used by an instruction that is not arithmetic)
define ptr @as_index(ptr %base) {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %q = getelementptr i8, ptr %base, i64 %i
  call void @free(ptr %p)
  ret ptr %q
}

; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: converted to an integer (a vector of addresses)
define <2 x i64> @vector(ptr %other) {
  %p = call ptr @malloc(i64 16)
  %v0 = insertelement <2 x ptr> poison, ptr %p, i32 0
  %v1 = insertelement <2 x ptr> %v0, ptr %other, i32 1
  %i = ptrtoint <2 x ptr> %v1 to <2 x i64>
  call void @free(ptr %p)
  ret <2 x i64> zeroinitializer
}

; In a loop, the address counts as kept: the slot's address would be the
; same in every iteration, the heap's is not while objects are alive. So the
; slot takes one object at a time: these are never freed, and every object
; after the first is on the heap, at an address of its own.
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(16) (one at a time, else heap)
define i64 @in_loop(i64 %n) {
entry:
  br label %loop
loop:
  %k = phi i64 [ 0, %entry ], [ %next, %loop ]
  %last = phi i64 [ 0, %entry ], [ %i, %loop ]
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %same = icmp eq i64 %i, %last
  %d = zext i1 %same to i64
  %next = add i64 %k, %d
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret i64 %next
}

; No capture attribute for a parameter whose address becomes an integer
; (LLVM 19: nocapture; 22: captures(address)), though it does not escape.
; CHECK: define i1 @param_aligned(ptr %p)
; REMARK: remark: <unknown>:0:0: p does not escape
define i1 @param_aligned(ptr %p) {
  %i = ptrtoint ptr %p to i64
  %low = and i64 %i, 7
  %ok = icmp eq i64 %low, 0
  ret i1 %ok
}

; Nor for a caller that passes its parameter to it.
; CHECK: define i1 @passes_param(ptr %q)
define i1 @passes_param(ptr %q) {
  %r = call i1 @param_aligned(ptr %q)
  ret i1 %r
}

; ...while its callers' objects may still move: the summary says "address".
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(8)
define i1 @caller() {
  %p = call ptr @malloc(i64 8)
  %r = call i1 @param_aligned(ptr %p)
  call void @free(ptr %p)
  ret i1 %r
}
