; A summary names the words of a parameter's object its function reads or
; writes as data, counted from where the parameter points; the caller checks
; them against where it keeps pointers, at the offset of the argument it
; passes. Each caller keeps a heap pointer in a local struct and passes the
; struct; the pointer's object moves only when no named word overlaps it.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @sink(i64)
declare void @qsort(ptr noundef, i64 noundef, i64 noundef, ptr noundef)

; ---- callees ----------------------------------------------------------------

; Word 1, a length beside the pointer.
; REMARK-DAG: remark: <unknown>:0:0: p does not escape
define i64 @reads_word1(ptr %p) {
  %len.addr = getelementptr inbounds i8, ptr %p, i64 8
  %len = load i64, ptr %len.addr
  ret i64 %len
}

define void @writes_word1(ptr %p, i64 %n) {
  %len.addr = getelementptr inbounds i8, ptr %p, i64 8
  store i64 %n, ptr %len.addr
  ret void
}

; Word 0 as an integer: a pointer kept there is read as data.
define void @reads_word0(ptr %p) {
  %bits = load i64, ptr %p
  call void @sink(i64 %bits)
  ret void
}

; The word before the pointer (container_of): no word of its own object.
define void @reads_before(ptr %p) {
  %head = getelementptr inbounds i8, ptr %p, i64 -8
  %bits = load i64, ptr %head
  call void @sink(i64 %bits)
  ret void
}

; Past the words a summary names: anywhere.
define void @reads_far(ptr %p) {
  %far.addr = getelementptr inbounds i8, ptr %p, i64 600
  %bits = load i64, ptr %far.addr
  call void @sink(i64 %bits)
  ret void
}

; Two parameters merged: an offset counts from one or the other, so neither
; parameter's words are known.
define void @reads_either(ptr %p, ptr %q, i1 %c) {
  %s = select i1 %c, ptr %p, ptr %q
  %bits = load i64, ptr %s
  call void @sink(i64 %bits)
  ret void
}

; A pointer loaded from memory merged with the parameter: it may point
; anywhere in the parameter's object.
define void @reads_via_loaded(ptr %p, ptr %slot, i1 %c) {
  %r = load ptr, ptr %slot
  %s = select i1 %c, ptr %p, ptr %r
  %field = getelementptr inbounds i8, ptr %s, i64 8
  %bits = load i64, ptr %field
  call void @sink(i64 %bits)
  ret void
}

; A callee's words, moved by the offset of the argument passed to it: word 0
; of p + 8 is word 1 of p.
define void @forwards_shifted(ptr %p) {
  %next = getelementptr inbounds i8, ptr %p, i64 8
  call void @reads_word0(ptr %next)
  ret void
}

; Recursion that walks the words: its summary must not stop at the words
; the cycle's first rounds saw (word 5 is reached on the sixth call).
define void @walks_words(ptr %p, i64 %n) {
entry:
  %bits = load i64, ptr %p
  call void @sink(i64 %bits)
  %more = icmp ne i64 %n, 0
  br i1 %more, label %recurse, label %done
recurse:
  %next = getelementptr inbounds i8, ptr %p, i64 8
  %m = sub i64 %n, 1
  call void @walks_words(ptr %next, i64 %m)
  br label %done
done:
  ret void
}

; A comparator reading word 0 of each element as data.
define i32 @cmp_word0(ptr %a, ptr %b) {
  %x = load i64, ptr %a
  %y = load i64, ptr %b
  %lt = icmp ult i64 %x, %y
  %r = zext i1 %lt to i32
  ret i32 %r
}

; ---- callers ----------------------------------------------------------------

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(1)
; CHECK-LABEL: define i64 @pointer_beside_read_word(
; CHECK-NOT: @malloc
define i64 @pointer_beside_read_word() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 1)
  store ptr %inner, ptr %s
  %n = call i64 @reads_word1(ptr %s)
  call void @free(ptr %inner)
  ret i64 %n
}

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(2)
; CHECK-LABEL: define void @pointer_beside_written_word(
; CHECK-NOT: @malloc
define void @pointer_beside_written_word() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 2)
  store ptr %inner, ptr %s
  call void @writes_word1(ptr %s, i64 3)
  %again = load ptr, ptr %s
  call void @free(ptr %again)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(3) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_in_read_word(
; CHECK: %inner = call ptr @malloc(i64 3)
define void @pointer_in_read_word() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 3)
  store ptr %inner, ptr %s
  call void @reads_word0(ptr %s)
  call void @free(ptr %inner)
  ret void
}

; Word 0 of an argument 8 bytes into the struct is the struct's word 1.
; REMARK-DAG: remark: <unknown>:0:0: malloc(4) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_under_shifted_argument(
; CHECK: %inner = call ptr @malloc(i64 4)
define void @pointer_under_shifted_argument() {
  %s = alloca [24 x i8], align 8
  %inner = call ptr @malloc(i64 4)
  %field = getelementptr inbounds i8, ptr %s, i64 8
  store ptr %inner, ptr %field
  call void @reads_word0(ptr %field)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(5)
; CHECK-LABEL: define void @pointer_before_shifted_argument(
; CHECK-NOT: @malloc
define void @pointer_before_shifted_argument() {
  %s = alloca [24 x i8], align 8
  %inner = call ptr @malloc(i64 5)
  store ptr %inner, ptr %s
  %field = getelementptr inbounds i8, ptr %s, i64 8
  call void @reads_word0(ptr %field)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(6) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_before_container_of(
; CHECK: %inner = call ptr @malloc(i64 6)
define void @pointer_before_container_of() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 6)
  store ptr %inner, ptr %s
  %field = getelementptr inbounds i8, ptr %s, i64 8
  call void @reads_before(ptr %field)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(7) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_under_far_read(
; CHECK: %inner = call ptr @malloc(i64 7)
define void @pointer_under_far_read() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 7)
  store ptr %inner, ptr %s
  call void @reads_far(ptr %s)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(9) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_under_merged_parameters(
; CHECK: %inner = call ptr @malloc(i64 9)
define void @pointer_under_merged_parameters(i1 %c) {
  %s = alloca [16 x i8], align 8
  %t = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 9)
  %field = getelementptr inbounds i8, ptr %s, i64 8
  store ptr %inner, ptr %field
  call void @reads_either(ptr %t, ptr %s, i1 %c)
  call void @free(ptr %inner)
  ret void
}

; The slot holds a pointer 8 bytes back from the struct's pointer field, so
; word 1 read through it is that field. (The callee merges p with what the
; slot holds, so p lies below another parameter and leaks.)
; REMARK-DAG: remark: <unknown>:0:0: malloc(10) escapes to heap: stored into an object that escapes (passed to reads_via_loaded)
; CHECK-LABEL: define void @pointer_under_loaded_alias(
; CHECK: %inner = call ptr @malloc(i64 10)
define void @pointer_under_loaded_alias(i1 %c) {
  %s = alloca [32 x i8], align 8
  %slot = alloca ptr, align 8
  %inner = call ptr @malloc(i64 10)
  %field = getelementptr inbounds i8, ptr %s, i64 16
  store ptr %inner, ptr %field
  %back = getelementptr inbounds i8, ptr %s, i64 8
  store ptr %back, ptr %slot
  %far = getelementptr inbounds i8, ptr %s, i64 24
  call void @reads_via_loaded(ptr %far, ptr %slot, i1 %c)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(11) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_under_forwarded_word(
; CHECK: %inner = call ptr @malloc(i64 11)
define void @pointer_under_forwarded_word() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 11)
  %field = getelementptr inbounds i8, ptr %s, i64 8
  store ptr %inner, ptr %field
  call void @forwards_shifted(ptr %s)
  call void @free(ptr %inner)
  ret void
}

; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(12)
; CHECK-LABEL: define void @pointer_before_forwarded_word(
; CHECK-NOT: @malloc
define void @pointer_before_forwarded_word() {
  %s = alloca [16 x i8], align 8
  %inner = call ptr @malloc(i64 12)
  store ptr %inner, ptr %s
  call void @forwards_shifted(ptr %s)
  call void @free(ptr %inner)
  ret void
}

; (Each round of the cycle's summaries would name one more word; rule "words
; that keep moving" says "anywhere" from the second round on, so the pointer
; in word 5 is read as data.)
; REMARK-DAG: remark: <unknown>:0:0: malloc(13) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_under_recursive_walk(
; CHECK: %inner = call ptr @malloc(i64 13)
define void @pointer_under_recursive_walk() {
  %s = alloca [48 x i8], align 8
  %inner = call ptr @malloc(i64 13)
  %field = getelementptr inbounds i8, ptr %s, i64 40
  store ptr %inner, ptr %field
  call void @walks_words(ptr %s, i64 6)
  call void @free(ptr %inner)
  ret void
}

; The same walk over bytes that hold no pointer: the cycle settles, and the
; buffer moves to the stack.
; REMARK-DAG: remark: <unknown>:0:0: moved to stack: malloc(48)
; CHECK-LABEL: define void @data_under_recursive_walk(
; CHECK-NOT: @malloc
define void @data_under_recursive_walk() {
  %buf = call ptr @malloc(i64 48)
  call void @llvm.memset.p0.i64(ptr %buf, i8 1, i64 48, i1 false)
  call void @walks_words(ptr %buf, i64 5)
  call void @free(ptr %buf)
  ret void
}

; The comparator's word 0 is word 0 of every element, not of the array: the
; pointer in the second element is read too.
; REMARK-DAG: remark: <unknown>:0:0: malloc(14) escapes to heap: converted to an integer (read as data)
; CHECK-LABEL: define void @pointer_in_sorted_element(
; CHECK: %inner = call ptr @malloc(i64 14)
define void @pointer_in_sorted_element() {
  %a = alloca [32 x i8], align 8
  %inner = call ptr @malloc(i64 14)
  %second = getelementptr inbounds i8, ptr %a, i64 16
  store ptr %inner, ptr %second
  call void @qsort(ptr noundef %a, i64 noundef 2, i64 noundef 16, ptr noundef @cmp_word0)
  call void @free(ptr %inner)
  ret void
}

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
