; `cleanup` (clang's pipelines) runs SROA and InstCombine on the functions
; whose code the pass changed, so that a promoted object becomes registers
; before the rest of the pipeline; a function that only got parameter
; attributes is left as it was (its `add 0` stays for the pipeline's own
; InstCombine), which spares the cleanup on most functions of a module. (The
; room check is off so that @moved keeps its body.)
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup;no-room-check>' -verify-each -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)

define i32 @attributes_only(ptr %p, i32 %x) {
; CHECK-LABEL: define i32 @attributes_only(ptr {{nocapture|captures\(.*\)}} %p, i32 %x)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %v = load i32, ptr %p
; CHECK-NEXT:    %y = add i32 %v, 0
; CHECK-NEXT:    ret i32 %y
entry:
  %v = load i32, ptr %p
  %y = add i32 %v, 0
  ret i32 %y
}

define i32 @moved(i32 %x) {
; CHECK-LABEL: define i32 @moved(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    ret i32 %x
entry:
  %p = call ptr @malloc(i64 4)
  store i32 %x, ptr %p
  %v = load i32, ptr %p
  %y = add i32 %v, 0
  call void @free(ptr %p)
  ret i32 %y
}
