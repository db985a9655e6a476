; Rule "a body of the same source may win" (pass/summarize.c): the linker
; keeps one of a program's linkonce_odr (weak_odr) bodies, and an
; available_externally body stands for one elsewhere; each was compiled and
; refined on its own, so the body here may prove "does not escape" where the
; one the program runs does not. A caller whose promoted object reaches such a
; call calls an internal copy of this body instead (as inlining it would), and
; the copy calls copies of the bodies its own summary rests on. No attribute
; is written back on what holds only through a copy; weak and linkonce (not
; ODR) bodies may be of other source and are not relied on at all.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=2>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PATHS

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)

@g = global i32 0
@kept = global ptr null

; CHECK: define linkonce_odr i32 @reads(ptr %p) {
define linkonce_odr i32 @reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK: define linkonce_odr void @keeps(ptr %p) {
define linkonce_odr void @keeps(ptr %p) {
  store ptr %p, ptr @kept
  ret void
}

; CHECK: define weak_odr i32 @weak_odr_reads(ptr %p) {
define weak_odr i32 @weak_odr_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define linkonce i32 @linkonce_reads(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; Sums a list of n ints by recursion: its copy must call itself.
define linkonce_odr i32 @walk(ptr %p, i32 %n) {
entry:
  %done = icmp eq i32 %n, 0
  br i1 %done, label %end, label %more
more:
  %v = load i32, ptr %p
  %next = getelementptr i32, ptr %p, i64 1
  %m = sub i32 %n, 1
  %rest = call i32 @walk(ptr %next, i32 %m)
  %sum = add i32 %v, %rest
  ret i32 %sum
end:
  ret i32 0
}

; An external function whose summary rests on @reads's: no attribute is
; written back on it, and its copy calls @reads's copy.
; CHECK: define i32 @forward(ptr %p) {
define i32 @forward(ptr %p) {
  %v = call i32 @reads(ptr %p)
  ret i32 %v
}

; Its address is taken: a copy of it would need its own block addresses.
define linkonce_odr i32 @computed_goto(ptr %p) {
entry:
  %v = load i32, ptr %p
  indirectbr ptr blockaddress(@computed_goto, %out), [label %out]
out:
  ret i32 %v
}

define linkonce_odr i32 @compare(ptr %a, ptr %b) {
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %d = sub i32 %x, %y
  ret i32 %d
}

define i32 @callers() {
; CHECK-LABEL: define i32 @callers(
; CHECK-DAG:     %a = alloca [16 x i8]
; CHECK-DAG:     %b = alloca [20 x i8]
; CHECK-DAG:     %c = alloca [24 x i8]
; CHECK-DAG:     %d = alloca [28 x i8]
; CHECK:         call i32 @reads.escape.copy(ptr %a)
; CHECK:         call i32 @reads(ptr @g)
; CHECK:         call i32 @weak_odr_reads.escape.copy(ptr %b)
; CHECK:         call i32 @walk.escape.copy(ptr %c, i32 4)
; CHECK:         call i32 @forward.escape.copy(ptr %d)
; CHECK:         %e = call ptr @malloc(i64 32)
; CHECK:         call i32 @linkonce_reads(ptr %e)
; CHECK:         %f = call ptr @malloc(i64 36)
; CHECK:         call void @keeps(ptr %f)
; CHECK:         %h = call ptr @malloc(i64 40)
; CHECK:         call i32 @computed_goto(ptr %h)
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(20){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(24){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(28){{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: passed to linkonce_reads{{$}}
; PATHS:      callers: moved to stack: malloc(16)
; PATHS-NEXT: callers:   calls a private copy of reads
; PATHS-NEXT: callers: moved to stack: malloc(20)
; PATHS-NEXT: callers:   calls a private copy of weak_odr_reads
; PATHS-NEXT: callers: moved to stack: malloc(24)
; PATHS-NEXT: callers:   calls a private copy of walk
; PATHS-NEXT: callers: moved to stack: malloc(28)
; PATHS-NEXT: callers:   calls a private copy of forward
; PATHS-NEXT: callers: malloc(32) escapes to heap
; REMARK-DAG: remark: {{.*}}malloc(36) escapes to heap: passed to keeps{{$}}
; REMARK-DAG: remark: {{.*}}malloc(40) escapes to heap: passed to computed_goto{{$}}
  %a = call ptr @malloc(i64 16)
  store i32 1, ptr %a
  %r1 = call i32 @reads(ptr %a)
  %r2 = call i32 @reads(ptr @g)
  %b = call ptr @malloc(i64 20)
  store i32 2, ptr %b
  %r3 = call i32 @weak_odr_reads(ptr %b)
  %c = call ptr @malloc(i64 24)
  call void @llvm.memset.p0.i64(ptr %c, i8 0, i64 24, i1 false)
  %r4 = call i32 @walk(ptr %c, i32 4)
  %d = call ptr @malloc(i64 28)
  store i32 3, ptr %d
  %r5 = call i32 @forward(ptr %d)
  %e = call ptr @malloc(i64 32)
  store i32 4, ptr %e
  %r6 = call i32 @linkonce_reads(ptr %e)
  %f = call ptr @malloc(i64 36)
  call void @keeps(ptr %f)
  %h = call ptr @malloc(i64 40)
  store i32 5, ptr %h
  %r7 = call i32 @computed_goto(ptr %h)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  call void @free(ptr %d)
  call void @free(ptr %e)
  call void @free(ptr %h)
  %s1 = add i32 %r1, %r2
  %s2 = add i32 %s1, %r3
  %s3 = add i32 %s2, %r4
  %s4 = add i32 %s3, %r5
  %s5 = add i32 %s4, %r6
  %s6 = add i32 %s5, %r7
  ret i32 %s6
}

; The C library calls the comparator it is given, not a copy: the array
; stays on the heap.
define void @sorts() {
; CHECK-LABEL: define void @sorts(
; CHECK:         %p = call ptr @malloc(i64 44)
; REMARK-DAG: remark: {{.*}}malloc(44) escapes to heap: passed to qsort{{$}}
  %p = call ptr @malloc(i64 44)
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 44, i1 false)
  call void @qsort(ptr %p, i64 11, i64 4, ptr @compare)
  call void @free(ptr %p)
  ret void
}

; A caller that promotes nothing changes no call.
define i32 @nothing_promoted(ptr %q) {
; CHECK-LABEL: define i32 @nothing_promoted(
; CHECK:         call i32 @reads(ptr %q)
  %v = call i32 @reads(ptr %q)
  ret i32 %v
}

; The copies: internal, and calling copies where their summaries rest on them.
; CHECK-LABEL: define internal i32 @reads.escape.copy(ptr %p)
; CHECK-LABEL: define internal i32 @weak_odr_reads.escape.copy(ptr %p)
; CHECK-LABEL: define internal i32 @walk.escape.copy(ptr %p, i32 %n)
; CHECK:         call i32 @walk.escape.copy(ptr %next, i32 %m)
; CHECK-LABEL: define internal i32 @forward.escape.copy(ptr %p)
; CHECK-NEXT:    call i32 @reads.escape.copy(ptr %p)
; CHECK-NOT: escape.copy

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
