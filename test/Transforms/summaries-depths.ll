; Rule "escaping starts below" (pass/summarize.c): a summary says from which
; depth below a parameter pointers may escape, and a caller marks its own
; graph from there: the objects above stay its own. Each helper here leaks
; or moves only what lies deep below its parameter; the objects one level up
; move to the stack, the ones at the depth that escapes do not. Behaviour
; test: test/behaviour/summary_depths.c.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

@leaked = global ptr null
@kept = global ptr null

; leaked = **b: what b's object points to may escape, b's object itself not.
define internal void @leak_inner(ptr %b) noinline {
  %slot = load ptr, ptr %b
  %inner = load ptr, ptr %slot
  store ptr %inner, ptr @leaked
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: leaking param content: b
; CHECK-LABEL: define i8 @inner_leaked(
; CHECK:         %outer = alloca [8 x i8]
; CHECK:         %inner = call ptr @malloc(i64 32)
; REMARK-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: reachable from an argument of leak_inner
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(8)
define i8 @inner_leaked() {
  %inner = call ptr @malloc(i64 32)
  store i8 7, ptr %inner
  %outer = call ptr @malloc(i64 8)
  store ptr %inner, ptr %outer
  %b = alloca ptr
  store ptr %outer, ptr %b
  call void @leak_inner(ptr %b)
  %x = load ptr, ptr %outer
  %v = load i8, ptr %x
  call void @free(ptr %outer)
  ret i8 %v
}

; *b->slot = *from: a pointer moves from one parameter's object into memory
; two levels below the other's. Here that memory is the global @kept: what
; %from points to escapes.
define internal void @move(ptr %b, ptr %from) noinline {
  %slot = load ptr, ptr %b
  %v = load ptr, ptr %from
  store ptr %v, ptr %slot
  ret void
}

; CHECK-LABEL: define void @moved_into_global(
; CHECK:         %obj = call ptr @malloc(i64 32)
; REMARK-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: reachable from an argument of move
define void @moved_into_global() {
  %obj = call ptr @malloc(i64 32)
  %from = alloca ptr
  store ptr %obj, ptr %from
  %b = alloca ptr
  store ptr @kept, ptr %b
  call void @move(ptr %b, ptr %from)
  ret void
}

; The issue-12 shape: append(&ctx, s) copies bytes into ctx->buf. The bytes
; copied may hold pointers, which may then be in the buffer: the buffer's
; contents escape from the summary's point of view, the buffer does not.
define internal void @append(ptr %c, ptr %s) noinline {
  %buf = load ptr, ptr %c
  call void @llvm.memcpy.p0.p0.i64(ptr %buf, ptr %s, i64 3, i1 false)
  ret void
}

; CHECK-LABEL: define i8 @appended(
; CHECK:         %buf = alloca [64 x i8]
; CHECK-NOT:     @malloc
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(64)
define i8 @appended(ptr %text) {
  %buf = call ptr @malloc(i64 64)
  %c = alloca ptr
  store ptr %buf, ptr %c
  call void @append(ptr %c, ptr %text)
  %v = load i8, ptr %buf
  call void @free(ptr %buf)
  ret i8 %v
}
