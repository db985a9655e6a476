; The C library model (pass/libc.c) for what _FORTIFY_SOURCE and GNU code
; call: glibc's checking variants (__memcpy_chk and the rest: the plain
; function after a flag or before the destination's size), and getcwd,
; memrchr, rawmemchr, strchrnul, dirname, mempcpy, stpncpy. Each rule gets a
; function that would break it: a result that is the destination must carry
; the object (returned, stored to a global), a copy must carry the source's
; pointers, a format with %p must keep its argument, and a declaration with
; another prototype gets no model. Every allocation has its own size, so
; each remark names its site.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@gbuf = global [2 x ptr] zeroinitializer
@stdin = external global ptr
@stdout = external global ptr
@fmt_s = private constant [3 x i8] c"%s\00"
@fmt_p = private constant [3 x i8] c"%p\00"
@hello = private constant [6 x i8] c"hello\00"

declare ptr @malloc(i64)
declare void @free(ptr)

declare ptr @__memcpy_chk(ptr noundef, ptr noundef, i64 noundef, i64 noundef)
declare ptr @__memmove_chk(ptr noundef, ptr noundef, i64 noundef, i64 noundef)
declare ptr @__mempcpy_chk(ptr noundef, ptr noundef, i64 noundef, i64 noundef)
declare ptr @__memset_chk(ptr noundef, i32 noundef, i64 noundef, i64 noundef)
declare ptr @__strcpy_chk(ptr noundef, ptr noundef, i64 noundef)
declare ptr @__stpcpy_chk(ptr noundef, ptr noundef, i64 noundef)
declare ptr @__strncpy_chk(ptr noundef, ptr noundef, i64 noundef, i64 noundef)
declare ptr @__strcat_chk(ptr noundef, ptr noundef, i64 noundef)
declare i32 @__printf_chk(i32 noundef, ptr noundef, ...)
declare i32 @__fprintf_chk(ptr noundef, i32 noundef, ptr noundef, ...)
declare i32 @__sprintf_chk(ptr noundef, i32 noundef, i64 noundef, ptr noundef, ...)
declare i32 @__snprintf_chk(ptr noundef, i64 noundef, i32 noundef, i64 noundef, ptr noundef, ...)
declare ptr @__fgets_chk(ptr noundef, i64 noundef, i32 noundef, ptr noundef)
declare i64 @__fread_chk(ptr noundef, i64 noundef, i64 noundef, i64 noundef, ptr noundef)
declare i64 @__read_chk(i32 noundef, ptr noundef, i64 noundef, i64 noundef)
declare ptr @getcwd(ptr noundef, i64 noundef)
declare ptr @memrchr(ptr noundef, i32 noundef, i64 noundef)
declare ptr @rawmemchr(ptr noundef, i32 noundef)
declare ptr @strchrnul(ptr noundef, i32 noundef)
declare ptr @dirname(ptr noundef)
declare ptr @mempcpy(ptr noundef, ptr noundef, i64 noundef)
declare ptr @stpncpy(ptr noundef, ptr noundef, i64 noundef)
; clang's inline builtin declarations (glibc's fread under _FORTIFY_SOURCE),
; a declaration marked nobuiltin alone, and one of another prototype
declare i64 @fread(ptr noundef, i64 noundef, i64 noundef, ptr noundef) #0
declare i64 @fwrite(ptr noundef, i64 noundef, i64 noundef, ptr noundef) #1
declare i32 @fputs(ptr noundef, i64 noundef) #0

; COUNT: {{^}}34{{$}}

; ---- copying into an object: the result is the destination ----------------

define i8 @memcpy_chk_local(ptr %src, i64 %n) {
; CHECK-LABEL: define i8 @memcpy_chk_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [40 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(40){{$}}
entry:
  %b = call ptr @malloc(i64 40)
  %r = call ptr @__memcpy_chk(ptr noundef %b, ptr noundef %src, i64 noundef %n, i64 noundef 40)
  %v = load i8, ptr %r
  call void @free(ptr %b)
  ret i8 %v
}

; Rule "the result is the destination": returning what __memcpy_chk
; returns returns the object.
define ptr @memcpy_chk_returned(ptr %src) {
; CHECK-LABEL: define ptr @memcpy_chk_returned(
; CHECK:         %b = call ptr @malloc(i64 41)
; REMARK-DAG: remark: {{.*}}malloc(41) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 41)
  %r = call ptr @__memcpy_chk(ptr noundef %b, ptr noundef %src, i64 noundef 8, i64 noundef 41)
  ret ptr %r
}

; Rule "a copy carries the source's pointers": the heap object's address,
; held in a local, is copied into a global by __memmove_chk.
define void @memmove_chk_copies_pointers() {
; CHECK-LABEL: define void @memmove_chk_copies_pointers(
; CHECK:         %o = call ptr @malloc(i64 42)
; REMARK-DAG: remark: {{.*}}malloc(42) escapes to heap: {{.+}}
entry:
  %a = alloca ptr
  %o = call ptr @malloc(i64 42)
  store ptr %o, ptr %a
  %r = call ptr @__memmove_chk(ptr noundef @gbuf, ptr noundef %a, i64 noundef 8, i64 noundef 16)
  ret void
}

; __mempcpy_chk returns a pointer into the destination, past the copy.
define void @mempcpy_chk_end_to_global(ptr %src) {
; CHECK-LABEL: define void @mempcpy_chk_end_to_global(
; CHECK:         %b = call ptr @malloc(i64 43)
; REMARK-DAG: remark: {{.*}}malloc(43) escapes to heap: stored to global g{{$}}
entry:
  %b = call ptr @malloc(i64 43)
  %e = call ptr @__mempcpy_chk(ptr noundef %b, ptr noundef %src, i64 noundef 8, i64 noundef 43)
  store ptr %e, ptr @g
  ret void
}

define i8 @memset_chk_local(i64 %n) {
; CHECK-LABEL: define i8 @memset_chk_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [44 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(44){{$}}
entry:
  %b = call ptr @malloc(i64 44)
  %r = call ptr @__memset_chk(ptr noundef %b, i32 noundef 0, i64 noundef %n, i64 noundef 44)
  %v = load i8, ptr %b
  call void @free(ptr %b)
  ret i8 %v
}

define void @memset_chk_result_to_global() {
; CHECK-LABEL: define void @memset_chk_result_to_global(
; CHECK:         %b = call ptr @malloc(i64 45)
; REMARK-DAG: remark: {{.*}}malloc(45) escapes to heap: stored to global g{{$}}
entry:
  %b = call ptr @malloc(i64 45)
  %r = call ptr @__memset_chk(ptr noundef %b, i32 noundef 0, i64 noundef 45, i64 noundef 45)
  store ptr %r, ptr @g
  ret void
}

; Both objects stay: the source's bytes go into the destination, which
; stays too.
define i8 @strcpy_chk_and_strcat_chk_local() {
; CHECK-LABEL: define i8 @strcpy_chk_and_strcat_chk_local(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %s = alloca [46 x i8], align 16
; CHECK-DAG:     %d = alloca [47 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(46){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(47){{$}}
entry:
  %s = call ptr @malloc(i64 46)
  %s1 = call ptr @__strcpy_chk(ptr noundef %s, ptr noundef @hello, i64 noundef 46)
  %d = call ptr @malloc(i64 47)
  %d1 = call ptr @__strcpy_chk(ptr noundef %d, ptr noundef %s, i64 noundef 47)
  %d2 = call ptr @__strcat_chk(ptr noundef %d, ptr noundef %s, i64 noundef 47)
  %v = load i8, ptr %d2
  call void @free(ptr %s)
  call void @free(ptr %d)
  ret i8 %v
}

define ptr @stpcpy_chk_end_returned() {
; CHECK-LABEL: define ptr @stpcpy_chk_end_returned(
; CHECK:         %b = call ptr @malloc(i64 48)
; REMARK-DAG: remark: {{.*}}malloc(48) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 48)
  %e = call ptr @__stpcpy_chk(ptr noundef %b, ptr noundef @hello, i64 noundef 48)
  ret ptr %e
}

define ptr @strncpy_chk_returned() {
; CHECK-LABEL: define ptr @strncpy_chk_returned(
; CHECK:         %b = call ptr @malloc(i64 49)
; REMARK-DAG: remark: {{.*}}malloc(49) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 49)
  %r = call ptr @__strncpy_chk(ptr noundef %b, ptr noundef @hello, i64 noundef 5, i64 noundef 49)
  ret ptr %r
}

; ---- formatted output: the format is after the flag and the size ------------

define i32 @printf_chk_string() {
; CHECK-LABEL: define i32 @printf_chk_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [50 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(50){{$}}
entry:
  %b = call ptr @malloc(i64 50)
  store i8 0, ptr %b
  %r = call i32 (i32, ptr, ...) @__printf_chk(i32 noundef 1, ptr noundef @fmt_s, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}

; Rule "printf reads its arguments", at the checking variants' format
; positions: %p makes the address text that can become a pointer again.
define void @printf_chk_pointer_text(ptr %t) {
; CHECK-LABEL: define void @printf_chk_pointer_text(
; CHECK:         %p = call ptr @malloc(i64 51)
; CHECK:         %f = call ptr @malloc(i64 52)
; CHECK:         %s = call ptr @malloc(i64 53)
; CHECK:         %n = call ptr @malloc(i64 54)
; REMARK-DAG: remark: {{.*}}malloc(51) escapes to heap: passed to __printf_chk{{$}}
; REMARK-DAG: remark: {{.*}}malloc(52) escapes to heap: passed to __fprintf_chk{{$}}
; REMARK-DAG: remark: {{.*}}malloc(53) escapes to heap: passed to __sprintf_chk{{$}}
; REMARK-DAG: remark: {{.*}}malloc(54) escapes to heap: passed to __snprintf_chk{{$}}
entry:
  %p = call ptr @malloc(i64 51)
  %r1 = call i32 (i32, ptr, ...) @__printf_chk(i32 noundef 1, ptr noundef @fmt_p, ptr %p)
  %out = load ptr, ptr @stdout
  %f = call ptr @malloc(i64 52)
  %r2 = call i32 (ptr, i32, ptr, ...) @__fprintf_chk(ptr noundef %out, i32 noundef 1, ptr noundef @fmt_p, ptr %f)
  %s = call ptr @malloc(i64 53)
  %r3 = call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr noundef %t, i32 noundef 1, i64 noundef 64, ptr noundef @fmt_p, ptr %s)
  %n = call ptr @malloc(i64 54)
  %r4 = call i32 (ptr, i64, i32, i64, ptr, ...) @__snprintf_chk(ptr noundef %t, i64 noundef 64, i32 noundef 1, i64 noundef 64, ptr noundef @fmt_p, ptr %n)
  ret void
}

; The buffer written and the string read both stay (the format is found at
; each variant's position: a wrong one would be an unknown format).
define i32 @snprintf_chk_into_heap() {
; CHECK-LABEL: define i32 @snprintf_chk_into_heap(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %d = alloca [55 x i8], align 16
; CHECK-DAG:     %s = alloca [56 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(55){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(56){{$}}
entry:
  %d = call ptr @malloc(i64 55)
  %s = call ptr @malloc(i64 56)
  store i8 0, ptr %s
  %r = call i32 (ptr, i64, i32, i64, ptr, ...) @__snprintf_chk(ptr noundef %d, i64 noundef 55, i32 noundef 1, i64 noundef 55, ptr noundef @fmt_s, ptr %s)
  %r2 = call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr noundef %d, i32 noundef 1, i64 noundef 55, ptr noundef @fmt_s, ptr %s)
  %out = load ptr, ptr @stdout
  %r3 = call i32 (ptr, i32, ptr, ...) @__fprintf_chk(ptr noundef %out, i32 noundef 1, ptr noundef @fmt_s, ptr %s)
  call void @free(ptr %s)
  call void @free(ptr %d)
  ret i32 %r
}

; ---- reading into a buffer ------------------------------------------------

define i64 @fread_chk_and_read_chk_local() {
; CHECK-LABEL: define i64 @fread_chk_and_read_chk_local(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [57 x i8], align 16
; CHECK-DAG:     %b = alloca [58 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(57){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(58){{$}}
entry:
  %in = load ptr, ptr @stdin
  %a = call ptr @malloc(i64 57)
  %n = call i64 @__fread_chk(ptr noundef %a, i64 noundef 57, i64 noundef 1, i64 noundef 57, ptr noundef %in)
  %b = call ptr @malloc(i64 58)
  %m = call i64 @__read_chk(i32 noundef 0, ptr noundef %b, i64 noundef 58, i64 noundef 58)
  call void @free(ptr %a)
  call void @free(ptr %b)
  %s = add i64 %n, %m
  ret i64 %s
}

define ptr @fgets_chk_returned() {
; CHECK-LABEL: define ptr @fgets_chk_returned(
; CHECK:         %b = call ptr @malloc(i64 59)
; REMARK-DAG: remark: {{.*}}malloc(59) escapes to heap: returned{{$}}
entry:
  %in = load ptr, ptr @stdin
  %b = call ptr @malloc(i64 59)
  %r = call ptr @__fgets_chk(ptr noundef %b, i64 noundef 59, i32 noundef 59, ptr noundef %in)
  ret ptr %r
}

; getcwd writes the name into the buffer and returns the buffer.
define i8 @getcwd_local() {
; CHECK-LABEL: define i8 @getcwd_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [60 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(60){{$}}
entry:
  %b = call ptr @malloc(i64 60)
  %r = call ptr @getcwd(ptr noundef %b, i64 noundef 60)
  %v = load i8, ptr %b
  call void @free(ptr %b)
  ret i8 %v
}

define void @getcwd_result_to_global() {
; CHECK-LABEL: define void @getcwd_result_to_global(
; CHECK:         %b = call ptr @malloc(i64 61)
; REMARK-DAG: remark: {{.*}}malloc(61) escapes to heap: stored to global g{{$}}
entry:
  %b = call ptr @malloc(i64 61)
  %r = call ptr @getcwd(ptr noundef %b, i64 noundef 61)
  store ptr %r, ptr @g
  ret void
}

; ---- searching: the result points into the argument ------------------------

define i8 @searches_used_locally() {
; CHECK-LABEL: define i8 @searches_used_locally(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [62 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(62){{$}}
entry:
  %b = call ptr @malloc(i64 62)
  store i8 0, ptr %b
  %p = call ptr @memrchr(ptr noundef %b, i32 noundef 0, i64 noundef 62)
  %q = call ptr @rawmemchr(ptr noundef %b, i32 noundef 0)
  %r = call ptr @strchrnul(ptr noundef %b, i32 noundef 47)
  %s = call ptr @dirname(ptr noundef %b)
  %v = load i8, ptr %r
  call void @free(ptr %b)
  ret i8 %v
}

define ptr @memrchr_returned() {
; CHECK-LABEL: define ptr @memrchr_returned(
; CHECK:         %b = call ptr @malloc(i64 63)
; REMARK-DAG: remark: {{.*}}malloc(63) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 63)
  store i8 0, ptr %b
  %p = call ptr @memrchr(ptr noundef %b, i32 noundef 0, i64 noundef 63)
  ret ptr %p
}

define ptr @rawmemchr_returned() {
; CHECK-LABEL: define ptr @rawmemchr_returned(
; CHECK:         %b = call ptr @malloc(i64 64)
; REMARK-DAG: remark: {{.*}}malloc(64) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 64)
  store i8 0, ptr %b
  %p = call ptr @rawmemchr(ptr noundef %b, i32 noundef 0)
  ret ptr %p
}

define void @strchrnul_to_global() {
; CHECK-LABEL: define void @strchrnul_to_global(
; CHECK:         %b = call ptr @malloc(i64 65)
; REMARK-DAG: remark: {{.*}}malloc(65) escapes to heap: stored to global g{{$}}
entry:
  %b = call ptr @malloc(i64 65)
  store i8 0, ptr %b
  %p = call ptr @strchrnul(ptr noundef %b, i32 noundef 47)
  store ptr %p, ptr @g
  ret void
}

define ptr @dirname_returned() {
; CHECK-LABEL: define ptr @dirname_returned(
; CHECK:         %b = call ptr @malloc(i64 66)
; REMARK-DAG: remark: {{.*}}malloc(66) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 66)
  store i8 0, ptr %b
  %p = call ptr @dirname(ptr noundef %b)
  ret ptr %p
}

; ---- mempcpy and stpncpy: the result points into the destination -----------

define ptr @mempcpy_and_stpncpy(ptr %src) {
; CHECK-LABEL: define ptr @mempcpy_and_stpncpy(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %d = alloca [67 x i8], align 16
; CHECK:         %e = call ptr @malloc(i64 68)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(67){{$}}
; REMARK-DAG: remark: {{.*}}malloc(68) escapes to heap: returned{{$}}
entry:
  %d = call ptr @malloc(i64 67)
  %d1 = call ptr @mempcpy(ptr noundef %d, ptr noundef %src, i64 noundef 8)
  %d2 = call ptr @stpncpy(ptr noundef %d1, ptr noundef %src, i64 noundef 8)
  call void @free(ptr %d)
  %e = call ptr @malloc(i64 68)
  %e1 = call ptr @stpncpy(ptr noundef %e, ptr noundef %src, i64 noundef 8)
  %e2 = call ptr @mempcpy(ptr noundef %e1, ptr noundef %src, i64 noundef 8)
  ret ptr %e2
}

; ---- clang's inline builtin declaration -------------------------------------

; Rule "an inline builtin declaration is the library's function": with
; _FORTIFY_SOURCE, glibc's fread has an always_inline body; clang emits it as
; fread.inline and marks the declaration nobuiltin and alwaysinline. The call
; left after inlining is the library's fread, which only writes the buffer.
define i64 @fortified_fread() {
; CHECK-LABEL: define i64 @fortified_fread(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [70 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(70){{$}}
entry:
  %in = load ptr, ptr @stdin
  %b = call ptr @malloc(i64 70)
  %n = call i64 @fread(ptr noundef %b, i64 noundef 1, i64 noundef 70, ptr noundef %in)
  call void @free(ptr %b)
  ret i64 %n
}

; The same declaration, but the call itself is nobuiltin (-fno-builtin-fread).
define i64 @fortified_fread_nobuiltin_call() {
; CHECK-LABEL: define i64 @fortified_fread_nobuiltin_call(
; CHECK:         %b = call ptr @malloc(i64 71)
; REMARK-DAG: remark: {{.*}}malloc(71) escapes to heap: passed to fread{{$}}
entry:
  %in = load ptr, ptr @stdin
  %b = call ptr @malloc(i64 71)
  %n = call i64 @fread(ptr noundef %b, i64 noundef 1, i64 noundef 71, ptr noundef %in) #2
  call void @free(ptr %b)
  ret i64 %n
}

; The caller turns the name off.
define i64 @fortified_fread_builtin_off() #3 {
; CHECK-LABEL: define i64 @fortified_fread_builtin_off(
; CHECK:         %b = call ptr @malloc(i64 72)
; REMARK-DAG: remark: {{.*}}malloc(72) escapes to heap: passed to fread{{$}}
entry:
  %in = load ptr, ptr @stdin
  %b = call ptr @malloc(i64 72)
  %n = call i64 @fread(ptr noundef %b, i64 noundef 1, i64 noundef 72, ptr noundef %in)
  call void @free(ptr %b)
  ret i64 %n
}

; nobuiltin without alwaysinline: a declaration the program says is not the
; library's.
define i64 @nobuiltin_declaration_alone() {
; CHECK-LABEL: define i64 @nobuiltin_declaration_alone(
; CHECK:         %b = call ptr @malloc(i64 73)
; REMARK-DAG: remark: {{.*}}malloc(73) escapes to heap: passed to fwrite{{$}}
entry:
  %out = load ptr, ptr @stdout
  %b = call ptr @malloc(i64 73)
  store i8 0, ptr %b
  %n = call i64 @fwrite(ptr noundef %b, i64 noundef 1, i64 noundef 73, ptr noundef %out)
  call void @free(ptr %b)
  ret i64 %n
}

; Both marks, but not the library's prototype.
define i32 @inline_builtin_other_prototype() {
; CHECK-LABEL: define i32 @inline_builtin_other_prototype(
; CHECK:         %b = call ptr @malloc(i64 74)
; REMARK-DAG: remark: {{.*}}malloc(74) escapes to heap: passed to fputs{{$}}
entry:
  %b = call ptr @malloc(i64 74)
  store i8 0, ptr %b
  %n = call i32 @fputs(ptr noundef %b, i64 noundef 74)
  call void @free(ptr %b)
  ret i32 %n
}

attributes #0 = { alwaysinline nobuiltin nounwind }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { nobuiltin }
attributes #3 = { "no-builtin-fread" }
