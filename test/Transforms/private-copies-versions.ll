; Rule "a body of the same source may win" (pass/summarize.c) with the room
; check: @helper promotes an object of its own, so its body becomes a
; dispatcher in front of two versions. A private copy of it must copy the
; versions as well, and their recursive calls must reach the copy: the
; original's versions call @helper, a body the linker may replace. (The
; versions inherit @helper's summary so that the copy's worklist finds them;
; without that, the copied dispatcher calls the original versions.)
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
declare ptr @malloc(i64)
declare void @free(ptr)
define linkonce_odr i32 @helper(ptr %p, i32 %n) {
entry:
  %t = call ptr @malloc(i64 16)
  %v = load i32, ptr %p
  store i32 %v, ptr %t
  %done = icmp eq i32 %n, 0
  br i1 %done, label %end, label %more
more:
  %m = sub i32 %n, 1
  %r = call i32 @helper(ptr %p, i32 %m)
  br label %end
end:
  %w = load i32, ptr %t
  call void @free(ptr %t)
  ret i32 %w
}
define i32 @caller() {
  %a = call ptr @malloc(i64 16)
  store i32 1, ptr %a
  %r = call i32 @helper(ptr %a, i32 3)
  call void @free(ptr %a)
  ret i32 %r
}

; CHECK-LABEL: define internal i32 @helper.escape.copy(
; CHECK:         musttail call i32 @helper.escape.stack.escape.copy(
; CHECK:         musttail call i32 @helper.escape.heap.escape.copy(
; CHECK-LABEL: define internal i32 @helper.escape.stack.escape.copy(
; CHECK:         call i32 @helper.escape.copy(ptr %p, i32 %m)
; CHECK-LABEL: define internal i32 @helper.escape.heap.escape.copy(
; CHECK:         call i32 @helper.escape.copy(ptr %p, i32 %m)
; CHECK-LABEL: define internal i32 @caller.escape.stack(
; CHECK:         call i32 @helper.escape.copy(ptr %a, i32 3)
