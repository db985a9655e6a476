; A call-graph cycle whose summaries do not settle within the pass's budget
; (8 summaries per member): @rotate stores its first parameter and passes
; each other one a place further down to itself, so each summary finds one
; more parameter escaping, and the twelfth, where @rotate hands over its own
; allocation, is found only after eleven. The pass then summarizes the cycle
; from nothing assumed, and the allocation must escape: an analysis of
; @rotate kept from the unsettled fixpoint (which read a summary that still
; had the twelfth parameter staying put) must not decide it.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@sink = global ptr null

declare ptr @malloc(i64)
declare void @free(ptr)

; REMARK: remark: {{.*}}malloc(16) escapes to heap: passed to rotate{{$}}
define void @rotate(ptr %p0, ptr %p1, ptr %p2, ptr %p3, ptr %p4, ptr %p5, ptr %p6, ptr %p7, ptr %p8, ptr %p9, ptr %p10, ptr %p11, i1 %again) {
; CHECK-LABEL: define void @rotate(
; CHECK:         %m = call ptr @malloc(i64 16)
; CHECK-NOT:     alloca
entry:
  store ptr %p0, ptr @sink
  %m = call ptr @malloc(i64 16)
  br i1 %again, label %recurse, label %done

recurse:
  call void @rotate(ptr %p1, ptr %p2, ptr %p3, ptr %p4, ptr %p5, ptr %p6, ptr %p7, ptr %p8, ptr %p9, ptr %p10, ptr %p11, ptr %m, i1 false)
  br label %done

done:
  ret void
}
