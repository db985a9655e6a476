; Functions and calls the pass must leave alone: optnone functions, functions
; that call a returns_twice function (setjmp: a stack slot reused by a second
; return would be clobbered), pre-split coroutines (their frame is not the
; native stack), calls marked nobuiltin, and library calls the function
; forbids with "no-builtin-*".
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -disable-output %s 2>&1 | grep -c "moved to stack" | FileCheck %s --check-prefix=PROMOTED

; Only @setjmp_neighbour's allocation moves.
; PROMOTED: {{^}}1{{$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) returns_twice
declare void @use(ptr nocapture) nofree nounwind

define void @optnone_function() noinline optnone {
; CHECK-LABEL: define void @optnone_function(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define i32 @calls_setjmp(ptr %env) {
; CHECK-LABEL: define i32 @calls_setjmp(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %r = call i32 @setjmp(ptr %env)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: function calls a returns_twice function{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %r = call i32 @setjmp(ptr %env)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; The setjmp above does not spoil its neighbours.
define void @setjmp_neighbour() {
; CHECK-LABEL: define void @setjmp_neighbour(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @presplit_coroutine() presplitcoroutine {
; CHECK-LABEL: define void @presplit_coroutine(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @nobuiltin_call() {
; CHECK-LABEL: define void @nobuiltin_call(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16) #[[NOBUILTIN:[0-9]+]]
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: nobuiltin call{{$}}
entry:
  %p = call ptr @malloc(i64 16) #0
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; -fno-builtin-malloc: this malloc may be the program's own.
define void @no_builtin_malloc() #1 {
; CHECK-LABEL: define void @no_builtin_malloc(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; -ffreestanding / -fno-builtin.
define void @no_builtins() #2 {
; CHECK-LABEL: define void @no_builtins(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK: attributes #[[NOBUILTIN]] = { nobuiltin }

attributes #0 = { nobuiltin }
attributes #1 = { "no-builtin-malloc" }
attributes #2 = { "no-builtins" }
