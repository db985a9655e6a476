; Functions named like allocators but declared with another prototype are not
; allocators: on x86-64 malloc takes a 64-bit size, calloc two arguments.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i32)
declare ptr @calloc(i64)
declare ptr @valloc(ptr)
declare void @use(ptr nocapture) nofree nounwind

; REMARK-NOT: moved to stack
; REMARK: remark: {{.*}}malloc(16) escapes to heap: malloc declared with a prototype other than the C library's{{$}}
; REMARK-NOT: moved to stack

define void @malloc_with_32_bit_size() {
; CHECK-LABEL: define void @malloc_with_32_bit_size(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i32 16)
; CHECK-NEXT:    call void @use(ptr %p)
entry:
  %p = call ptr @malloc(i32 16)
  call void @use(ptr %p)
  ret void
}

define void @calloc_with_one_argument() {
; CHECK-LABEL: define void @calloc_with_one_argument(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @calloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
entry:
  %p = call ptr @calloc(i64 16)
  call void @use(ptr %p)
  ret void
}

define void @valloc_taking_a_pointer(ptr %x) {
; CHECK-LABEL: define void @valloc_taking_a_pointer(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @valloc(ptr %x)
; CHECK-NEXT:    call void @use(ptr %p)
entry:
  %p = call ptr @valloc(ptr %x)
  call void @use(ptr %p)
  ret void
}
