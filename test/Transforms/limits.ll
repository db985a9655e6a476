; Size limits and their pass parameters: max-object (default 1024 bytes per
; object), max-frame (8192 bytes promoted per function) and
; max-recursive-frame (128 bytes in functions on a call-graph cycle).
; Unknown parameters are errors that name what was wrong.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-object=64>' -S %s | FileCheck %s --check-prefix=OBJ64
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-object=64>' -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=OBJ64-REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-object=4096>' -S %s | FileCheck %s --check-prefix=OBJ4K
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-frame=64>' -S %s | FileCheck %s --check-prefix=FRAME64
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-frame=64>' -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=FRAME64-REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-recursive-frame=512>' -S %s | FileCheck %s --check-prefix=REC512
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;bogus>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR
; RUN: not opt -load-pass-plugin %plugin -passes='escape<no-room-check;max-object=abc>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=ERR-VALUE

; ERR: {{.*}}bogus
; ERR-VALUE: {{.*}}abc

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind nocallback

; COUNT: {{^}}33{{$}}

; Exactly at the limit: promoted by default, not under max-object=64.
define void @size_at_limit() {
; CHECK-LABEL: define void @size_at_limit(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [1024 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; OBJ64-LABEL: define void @size_at_limit(
; OBJ64-NOT:     alloca
; OBJ64:         %p = call ptr @malloc(i64 1024)
; OBJ64-REMARK-DAG: remark: {{.*}}malloc(1024) escapes to heap: too large for stack (1024 > 64 bytes){{$}}
entry:
  %p = call ptr @malloc(i64 1024)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @size_over_limit() {
; CHECK-LABEL: define void @size_over_limit(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 1025)
; REMARK-DAG: remark: {{.*}}malloc(1025) escapes to heap: too large for stack (1025 > 1024 bytes){{$}}
; OBJ4K-LABEL: define void @size_over_limit(
; OBJ4K-NEXT:  entry:
; OBJ4K-NEXT:    %p = alloca [1025 x i8], align 16
; OBJ4K-NOT:     @malloc
; OBJ4K:         ret void
entry:
  %p = call ptr @malloc(i64 1025)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @size_2048() {
; CHECK-LABEL: define void @size_2048(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 2048)
; REMARK-DAG: remark: {{.*}}malloc(2048) escapes to heap: too large for stack (2048 > 1024 bytes){{$}}
; OBJ4K-LABEL: define void @size_2048(
; OBJ4K-NEXT:  entry:
; OBJ4K-NEXT:    %p = alloca [2048 x i8], align 16
; OBJ4K-NOT:     @malloc
; OBJ4K:         ret void
entry:
  %p = call ptr @malloc(i64 2048)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @size_64() {
; CHECK-LABEL: define void @size_64(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
; OBJ64-LABEL: define void @size_64(
; OBJ64-NEXT:  entry:
; OBJ64-NEXT:    %p = alloca [64 x i8], align 16
; OBJ64-NOT:     @malloc
; OBJ64:         ret void
entry:
  %p = call ptr @malloc(i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @size_65() {
; CHECK-LABEL: define void @size_65(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [65 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(65){{$}}
; OBJ64-LABEL: define void @size_65(
; OBJ64-NOT:     alloca
; OBJ64:         %p = call ptr @malloc(i64 65)
; OBJ64-REMARK-DAG: remark: {{.*}}malloc(65) escapes to heap: too large for stack (65 > 64 bytes){{$}}
entry:
  %p = call ptr @malloc(i64 65)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Nine objects of 1024 bytes: eight fit the 8192-byte frame budget.
define void @frame_budget() {
; CHECK-LABEL: define void @frame_budget(
; CHECK-NEXT:  entry:
; CHECK-COUNT-8: = alloca [1024 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         = call ptr @malloc(i64 1024)
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}malloc(1024) escapes to heap: stack budget exceeded (9216 > 8192 bytes){{$}}
entry:
  %p1 = call ptr @malloc(i64 1024)
  %p2 = call ptr @malloc(i64 1024)
  %p3 = call ptr @malloc(i64 1024)
  %p4 = call ptr @malloc(i64 1024)
  %p5 = call ptr @malloc(i64 1024)
  %p6 = call ptr @malloc(i64 1024)
  %p7 = call ptr @malloc(i64 1024)
  %p8 = call ptr @malloc(i64 1024)
  %p9 = call ptr @malloc(i64 1024)
  call void @use(ptr %p1)
  call void @use(ptr %p2)
  call void @use(ptr %p3)
  call void @use(ptr %p4)
  call void @use(ptr %p5)
  call void @use(ptr %p6)
  call void @use(ptr %p7)
  call void @use(ptr %p8)
  call void @use(ptr %p9)
  ret void
}

; Under max-frame=64 only one of two 48-byte objects fits.
define void @frame_two_objects() {
; CHECK-LABEL: define void @frame_two_objects(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [48 x i8], align 16
; CHECK-DAG:     %b = alloca [48 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(48){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(48){{$}}
; FRAME64-LABEL: define void @frame_two_objects(
; FRAME64-NEXT:  entry:
; FRAME64-NEXT:    = alloca [48 x i8], align 16
; FRAME64-NOT:     alloca
; FRAME64:         = call ptr @malloc(i64 48)
; FRAME64-NOT:     @malloc
; FRAME64:         ret void
; FRAME64-REMARK-DAG: remark: {{.*}}malloc(48) escapes to heap: stack budget exceeded (96 > 64 bytes){{$}}
entry:
  %a = call ptr @malloc(i64 48)
  %b = call ptr @malloc(i64 48)
  call void @use(ptr %a)
  call void @use(ptr %b)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; Directly recursive: a budget of 128 bytes, so one of the two stays.
define void @recursive_self(i32 %n) {
; CHECK-LABEL: define void @recursive_self(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    = alloca [100 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         = call ptr @malloc(i64 100)
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}malloc(100) escapes to heap: stack budget exceeded (224 > 128 bytes){{$}}
; REC512-LABEL: define void @recursive_self(
; REC512-NEXT:  entry:
; REC512-DAG:     %a = alloca [100 x i8], align 16
; REC512-DAG:     %b = alloca [100 x i8], align 16
; REC512-NOT:     @malloc
; REC512:         ret void
entry:
  %a = call ptr @malloc(i64 100)
  %b = call ptr @malloc(i64 100)
  call void @use(ptr %a)
  call void @use(ptr %b)
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %recurse, label %done

recurse:
  %m = sub i32 %n, 1
  call void @recursive_self(i32 %m)
  br label %done

done:
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

define void @recursive_small(i32 %n) {
; CHECK-LABEL: define void @recursive_small(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
entry:
  %p = call ptr @malloc(i64 64)
  call void @use(ptr %p)
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %recurse, label %done

recurse:
  %m = sub i32 %n, 1
  call void @recursive_small(i32 %m)
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

; Mutually recursive pair.
define void @mutual_a(i32 %n) {
; CHECK-LABEL: define void @mutual_a(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    = alloca [80 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         = call ptr @malloc(i64 80)
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(80){{$}}
; REMARK-DAG: remark: {{.*}}malloc(80) escapes to heap: stack budget exceeded (160 > 128 bytes){{$}}
; REC512-LABEL: define void @mutual_a(
; REC512-NEXT:  entry:
; REC512-DAG:     %a = alloca [80 x i8], align 16
; REC512-DAG:     %b = alloca [80 x i8], align 16
; REC512-NOT:     @malloc
; REC512:         ret void
entry:
  %a = call ptr @malloc(i64 80)
  %b = call ptr @malloc(i64 80)
  call void @use(ptr %a)
  call void @use(ptr %b)
  %m = sub i32 %n, 1
  call void @mutual_b(i32 %m)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; 200 bytes: within max-object, over the recursive budget.
define void @mutual_b(i32 %n) {
; CHECK-LABEL: define void @mutual_b(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 200)
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}malloc(200) escapes to heap: stack budget exceeded (208 > 128 bytes){{$}}
; REC512-LABEL: define void @mutual_b(
; REC512-NEXT:  entry:
; REC512-NEXT:    %p = alloca [200 x i8], align 16
; REC512-NOT:     @malloc
; REC512:         ret void
entry:
  %p = call ptr @malloc(i64 200)
  call void @use(ptr %p)
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %recurse, label %done

recurse:
  call void @mutual_a(i32 %n)
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

; Calls a recursive function but is not on the cycle: the full budget.
define void @calls_recursive(i32 %n) {
; CHECK-LABEL: define void @calls_recursive(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [100 x i8], align 16
; CHECK-DAG:     %b = alloca [100 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  %b = call ptr @malloc(i64 100)
  call void @use(ptr %a)
  call void @use(ptr %b)
  call void @recursive_self(i32 %n)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; Objects that stay on the heap cost no stack: the returned 1024 bytes must
; not eat into the budget of the eight that move.
define ptr @budget_ignores_escaping_objects() {
; CHECK-LABEL: define ptr @budget_ignores_escaping_objects(
; CHECK-NEXT:  entry:
; CHECK-COUNT-8: = alloca [1024 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %r = call ptr @malloc(i64 1024)
; CHECK-NOT:     @malloc
; CHECK:         ret ptr %r
; REMARK-DAG: remark: {{.*}}malloc(1024) escapes to heap: returned{{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(1024){{$}}
entry:
  %r = call ptr @malloc(i64 1024)
  %p1 = call ptr @malloc(i64 1024)
  %p2 = call ptr @malloc(i64 1024)
  %p3 = call ptr @malloc(i64 1024)
  %p4 = call ptr @malloc(i64 1024)
  %p5 = call ptr @malloc(i64 1024)
  %p6 = call ptr @malloc(i64 1024)
  %p7 = call ptr @malloc(i64 1024)
  %p8 = call ptr @malloc(i64 1024)
  call void @use(ptr %p1)
  call void @use(ptr %p2)
  call void @use(ptr %p3)
  call void @use(ptr %p4)
  call void @use(ptr %p5)
  call void @use(ptr %p6)
  call void @use(ptr %p7)
  call void @use(ptr %p8)
  ret ptr %r
}
