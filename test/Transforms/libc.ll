; The C library model (pass/libc.c, issue 4): one function per modeled entry.
; The declarations are what clang emits for x86_64-pc-linux-gnu (no
; attributes: the model, not inferattrs, says what each function does). The
; model applies only to calls TargetLibraryInfo recognizes, or, for names it
; does not know (pthread_create, getline, bsearch), when nothing marks the
; call nobuiltin; otherwise the declaration's (missing) attributes decide.
; Every allocation has its own size, so each remark names its site.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null
@stdin = external global ptr
@stdout = external global ptr
@fmt_s = private constant [3 x i8] c"%s\00"
@fmt_d = private constant [3 x i8] c"%d\00"
@hello = private constant [6 x i8] c"hello\00"
@fmt_p = private constant [3 x i8] c"%p\00"
@fmt_dn = private constant [5 x i8] c"%d%n\00"
@fmt_literal_p = private constant [6 x i8] c"%%p%s\00"
@fmt_custom = private constant [5 x i8] c"%-3Y\00"
@fmt_mutable = global [3 x i8] c"%s\00"

declare ptr @malloc(i64)
declare void @free(ptr)

declare i32 @printf(ptr noundef, ...)
declare i32 @snprintf(ptr noundef, i64 noundef, ptr noundef, ...)
declare i32 @sprintf(ptr noundef, ptr noundef, ...)
declare i32 @puts(ptr noundef)
declare i32 @fputs(ptr noundef, ptr noundef)
declare i32 @scanf(ptr noundef, ...)
declare i32 @sscanf(ptr noundef, ptr noundef, ...)
declare i32 @__isoc99_scanf(ptr noundef, ...)
declare i64 @fwrite(ptr noundef, i64 noundef, i64 noundef, ptr noundef)
declare i64 @fread(ptr noundef, i64 noundef, i64 noundef, ptr noundef)
declare i64 @read(i32 noundef, ptr noundef, i64 noundef)
declare i64 @write(i32 noundef, ptr noundef, i64 noundef)
declare i64 @strlen(ptr noundef)
declare i32 @strcmp(ptr noundef, ptr noundef)
declare i32 @memcmp(ptr noundef, ptr noundef, i64 noundef)
declare ptr @strchr(ptr noundef, i32 noundef)
declare ptr @strstr(ptr noundef, ptr noundef)
declare ptr @memchr(ptr noundef, i32 noundef, i64 noundef)
declare ptr @strcpy(ptr noundef, ptr noundef)
declare ptr @memcpy(ptr noundef, ptr noundef, i64 noundef)
declare i64 @strtol(ptr noundef, ptr noundef, i32 noundef)
declare double @strtod(ptr noundef, ptr noundef)
declare void @qsort(ptr noundef, i64 noundef, i64 noundef, ptr noundef)
declare ptr @bsearch(ptr noundef, ptr noundef, i64 noundef, i64 noundef, ptr noundef)
declare i32 @pthread_create(ptr noundef, ptr noundef, ptr noundef, ptr noundef)
declare i64 @getline(ptr noundef, ptr noundef, ptr noundef)

; COUNT: {{^}}67{{$}}

; ---- formatted output ----------------------------------------------------

; %s reads the string, keeps nothing.
define i32 @printf_string() {
; CHECK-LABEL: define i32 @printf_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [8 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call i32 (ptr, ...) @printf(ptr noundef @fmt_s, ptr %b)
; CHECK-NOT:     @free
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(8){{$}}
entry:
  %b = call ptr @malloc(i64 8)
  store i8 0, ptr %b
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_s, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}

; A heap format string.
define i32 @printf_heap_format() {
; CHECK-LABEL: define i32 @printf_heap_format(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %f = alloca [9 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(9){{$}}
entry:
  %f = call ptr @malloc(i64 9)
  store i8 0, ptr %f
  %r = call i32 (ptr, ...) @printf(ptr noundef %f)
  call void @free(ptr %f)
  ret i32 %r
}

; Rule "printf reads its arguments" (libc.c, printf_varargs): %p turns the
; address into text that sscanf or strtoull can turn back into a pointer.
define void @printf_pointer_text(ptr %t) {
; CHECK-LABEL: define void @printf_pointer_text(
; CHECK:         %q = call ptr @malloc(i64 4)
; REMARK-DAG: remark: {{.*}}malloc(4) escapes to heap: passed to snprintf{{$}}
entry:
  %q = call ptr @malloc(i64 4)
  %n = call i32 (ptr, i64, ptr, ...) @snprintf(ptr noundef %t, i64 noundef 64, ptr noundef @fmt_p, ptr %q)
  ret void
}

; %n writes an int through its argument: a buffer of ints stays local.
define i32 @printf_count_written() {
; CHECK-LABEL: define i32 @printf_count_written(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %q = alloca [4 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(4){{$}}
entry:
  %q = call ptr @malloc(i64 4)
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_dn, i32 1, ptr %q)
  %v = load i32, ptr %q
  call void @free(ptr %q)
  ret i32 %v
}

; %%p is a percent sign and a letter: only %s takes the pointer.
define i32 @printf_literal_percent_p() {
; CHECK-LABEL: define i32 @printf_literal_percent_p(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [8 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(8){{$}}
entry:
  %b = call ptr @malloc(i64 8)
  store i8 0, ptr %b
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_literal_p, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}

; A conversion C does not define may have a handler that keeps its argument.
define i32 @printf_unknown_conversion() {
; CHECK-LABEL: define i32 @printf_unknown_conversion(
; CHECK:         %b = call ptr @malloc(i64 8)
; REMARK-DAG: remark: {{.*}}malloc(8) escapes to heap: passed to printf{{$}}
entry:
  %b = call ptr @malloc(i64 8)
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_custom, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}

; A format chosen at run time, or one the program may change, may say %p.
define i32 @printf_unknown_format(ptr %f) {
; CHECK-LABEL: define i32 @printf_unknown_format(
; CHECK:         %b = call ptr @malloc(i64 8)
; CHECK:         %c = call ptr @malloc(i64 8)
; REMARK-DAG: remark: {{.*}}malloc(8) escapes to heap: passed to printf{{$}}
; REMARK-DAG: remark: {{.*}}malloc(8) escapes to heap: passed to printf{{$}}
entry:
  %b = call ptr @malloc(i64 8)
  %r = call i32 (ptr, ...) @printf(ptr noundef %f, ptr %b)
  call void @free(ptr %b)
  %c = call ptr @malloc(i64 8)
  %r2 = call i32 (ptr, ...) @printf(ptr noundef @fmt_mutable, ptr %c)
  call void @free(ptr %c)
  ret i32 %r
}

; The buffer written by snprintf, then printed by puts.
define i32 @snprintf_then_puts() {
; CHECK-LABEL: define i32 @snprintf_then_puts(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [10 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call i32 (ptr, i64, ptr, ...) @snprintf(ptr noundef %b, i64 noundef 10, ptr noundef @fmt_d, i32 42)
; CHECK-NEXT:    %r = call i32 @puts(ptr noundef %b)
; CHECK-NOT:     @free
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(10){{$}}
entry:
  %b = call ptr @malloc(i64 10)
  %n = call i32 (ptr, i64, ptr, ...) @snprintf(ptr noundef %b, i64 noundef 10, ptr noundef @fmt_d, i32 42)
  %r = call i32 @puts(ptr noundef %b)
  call void @free(ptr %b)
  ret i32 %r
}

; sprintf of one heap string into another; fputs to stdout.
define i32 @sprintf_then_fputs() {
; CHECK-LABEL: define i32 @sprintf_then_fputs(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %d = alloca [11 x i8], align 16
; CHECK-DAG:     %s = alloca [12 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(11){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(12){{$}}
entry:
  %d = call ptr @malloc(i64 11)
  %s = call ptr @malloc(i64 12)
  store i8 0, ptr %s
  %n = call i32 (ptr, ptr, ...) @sprintf(ptr noundef %d, ptr noundef @fmt_s, ptr %s)
  %out = load ptr, ptr @stdout
  %r = call i32 @fputs(ptr noundef %d, ptr noundef %out)
  call void @free(ptr %s)
  call void @free(ptr %d)
  ret i32 %r
}

; ---- formatted input -----------------------------------------------------

define i32 @scanf_int() {
; CHECK-LABEL: define i32 @scanf_int(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [4 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call i32 (ptr, ...) @scanf(ptr noundef @fmt_d, ptr %p)
; CHECK-NEXT:    %v = load i32, ptr %p
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(4){{$}}
entry:
  %p = call ptr @malloc(i64 4)
  %n = call i32 (ptr, ...) @scanf(ptr noundef @fmt_d, ptr %p)
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; What scanf writes is data: a pointer the object held is no longer known.
define void @scanf_over_a_pointer() {
; CHECK-LABEL: define void @scanf_over_a_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca [13 x i8], align 16
; CHECK:         %q = call ptr @malloc(i64 14)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(13){{$}}
; REMARK-DAG: remark: {{.*}}malloc(14) escapes to heap: stored to unknown memory{{$}}
entry:
  %s = call ptr @malloc(i64 13)
  store ptr null, ptr %s
  %n = call i32 (ptr, ...) @scanf(ptr noundef @fmt_d, ptr %s)
  %x = load ptr, ptr %s
  %q = call ptr @malloc(i64 14)
  store ptr %q, ptr %x
  call void @free(ptr %s)
  ret void
}

define i32 @sscanf_from_heap() {
; CHECK-LABEL: define i32 @sscanf_from_heap(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %s = alloca [15 x i8], align 16
; CHECK-DAG:     %p = alloca [5 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(15){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(5){{$}}
entry:
  %s = call ptr @malloc(i64 15)
  store i8 0, ptr %s
  %p = call ptr @malloc(i64 5)
  %n = call i32 (ptr, ptr, ...) @sscanf(ptr noundef %s, ptr noundef @fmt_d, ptr %p)
  %v = load i32, ptr %p
  call void @free(ptr %p)
  call void @free(ptr %s)
  ret i32 %v
}

; glibc's headers rename scanf to __isoc99_scanf: the model knows that name.
define i32 @isoc99_scanf_int() {
; CHECK-LABEL: define i32 @isoc99_scanf_int(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [6 x i8], align 16
; CHECK-NOT:     @malloc
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(6){{$}}
entry:
  %p = call ptr @malloc(i64 6)
  %n = call i32 (ptr, ...) @__isoc99_scanf(ptr noundef @fmt_d, ptr %p)
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; ---- stdio and POSIX I/O -------------------------------------------------

define i64 @fread_then_fwrite() {
; CHECK-LABEL: define i64 @fread_then_fwrite(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call i64 @fread(ptr noundef %b, i64 noundef 1, i64 noundef 16, ptr noundef %in)
; CHECK:         call i64 @fwrite(ptr noundef %b, i64 noundef 1, i64 noundef %n, ptr noundef %out)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %b = call ptr @malloc(i64 16)
  %in = load ptr, ptr @stdin
  %n = call i64 @fread(ptr noundef %b, i64 noundef 1, i64 noundef 16, ptr noundef %in)
  %out = load ptr, ptr @stdout
  %w = call i64 @fwrite(ptr noundef %b, i64 noundef 1, i64 noundef %n, ptr noundef %out)
  call void @free(ptr %b)
  ret i64 %w
}

define i64 @read_then_write() {
; CHECK-LABEL: define i64 @read_then_write(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [17 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call i64 @read(i32 noundef 0, ptr noundef %b, i64 noundef 17)
; CHECK:         call i64 @write(i32 noundef 1, ptr noundef %b, i64 noundef %n)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(17){{$}}
entry:
  %b = call ptr @malloc(i64 17)
  %n = call i64 @read(i32 noundef 0, ptr noundef %b, i64 noundef 17)
  %w = call i64 @write(i32 noundef 1, ptr noundef %b, i64 noundef %n)
  call void @free(ptr %b)
  ret i64 %w
}

; read() fills the object with bytes: a pointer it held is no longer known.
define void @read_over_a_pointer() {
; CHECK-LABEL: define void @read_over_a_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca [18 x i8], align 16
; CHECK:         %q = call ptr @malloc(i64 19)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(18){{$}}
; REMARK-DAG: remark: {{.*}}malloc(19) escapes to heap: stored to unknown memory{{$}}
entry:
  %s = call ptr @malloc(i64 18)
  store ptr null, ptr %s
  %n = call i64 @read(i32 noundef 0, ptr noundef %s, i64 noundef 8)
  %x = load ptr, ptr %s
  %q = call ptr @malloc(i64 19)
  store ptr %q, ptr %x
  call void @free(ptr %s)
  ret void
}

; ---- reading strings and memory ------------------------------------------

define i64 @strlen_heap() {
; CHECK-LABEL: define i64 @strlen_heap(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [20 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %n = call i64 @strlen(ptr noundef %b)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(20){{$}}
entry:
  %b = call ptr @malloc(i64 20)
  store i8 0, ptr %b
  %n = call i64 @strlen(ptr noundef %b)
  call void @free(ptr %b)
  ret i64 %n
}

define i32 @strcmp_and_memcmp() {
; CHECK-LABEL: define i32 @strcmp_and_memcmp(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [21 x i8], align 16
; CHECK-DAG:     %b = alloca [22 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(21){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(22){{$}}
entry:
  %a = call ptr @malloc(i64 21)
  %b = call ptr @malloc(i64 22)
  store i8 0, ptr %a
  store i8 0, ptr %b
  %c = call i32 @strcmp(ptr noundef %a, ptr noundef %b)
  %m = call i32 @memcmp(ptr noundef %a, ptr noundef %b, i64 noundef 1)
  %r = add i32 %c, %m
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret i32 %r
}

; ---- searching: the result points into the first argument ----------------

define i8 @strchr_used_locally() {
; CHECK-LABEL: define i8 @strchr_used_locally(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca [23 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %p = call ptr @strchr(ptr noundef %b, i32 noundef 108)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(23){{$}}
entry:
  %b = call ptr @malloc(i64 23)
  %s = call ptr @strcpy(ptr noundef %b, ptr noundef @hello)
  %p = call ptr @strchr(ptr noundef %b, i32 noundef 108)
  %c = load i8, ptr %p
  call void @free(ptr %b)
  ret i8 %c
}

define ptr @strchr_returned() {
; CHECK-LABEL: define ptr @strchr_returned(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 24)
; REMARK-DAG: remark: {{.*}}malloc(24) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 24)
  %s = call ptr @strcpy(ptr noundef %b, ptr noundef @hello)
  %p = call ptr @strchr(ptr noundef %b, i32 noundef 108)
  ret ptr %p
}

define void @strstr_to_global() {
; CHECK-LABEL: define void @strstr_to_global(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 25)
; REMARK-DAG: remark: {{.*}}malloc(25) escapes to heap: stored to global g{{$}}
entry:
  %b = call ptr @malloc(i64 25)
  %s = call ptr @strcpy(ptr noundef %b, ptr noundef @hello)
  %p = call ptr @strstr(ptr noundef %b, ptr noundef @hello)
  store ptr %p, ptr @g
  ret void
}

; The needle does not flow to the result.
define ptr @strstr_needle() {
; CHECK-LABEL: define ptr @strstr_needle(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %n = alloca [26 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(26){{$}}
entry:
  %n = call ptr @malloc(i64 26)
  store i8 0, ptr %n
  %p = call ptr @strstr(ptr noundef @hello, ptr noundef %n)
  call void @free(ptr %n)
  ret ptr %p
}

define ptr @memchr_returned() {
; CHECK-LABEL: define ptr @memchr_returned(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 27)
; REMARK-DAG: remark: {{.*}}malloc(27) escapes to heap: returned{{$}}
entry:
  %b = call ptr @malloc(i64 27)
  store i8 0, ptr %b
  %p = call ptr @memchr(ptr noundef %b, i32 noundef 0, i64 noundef 27)
  ret ptr %p
}

; ---- copying: the result is the destination ------------------------------

define i64 @strcpy_used_locally() {
; CHECK-LABEL: define i64 @strcpy_used_locally(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %d = alloca [28 x i8], align 16
; CHECK-DAG:     %s = alloca [29 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i64
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(28){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(29){{$}}
entry:
  %d = call ptr @malloc(i64 28)
  %s = call ptr @malloc(i64 29)
  store i8 0, ptr %s
  %r = call ptr @strcpy(ptr noundef %d, ptr noundef %s)
  %n = call i64 @strlen(ptr noundef %r)
  call void @free(ptr %s)
  call void @free(ptr %d)
  ret i64 %n
}

define void @strcpy_result_to_global() {
; CHECK-LABEL: define void @strcpy_result_to_global(
; CHECK-NOT:     alloca
; CHECK:         %d = call ptr @malloc(i64 30)
; REMARK-DAG: remark: {{.*}}malloc(30) escapes to heap: stored to global g{{$}}
entry:
  %d = call ptr @malloc(i64 30)
  %r = call ptr @strcpy(ptr noundef %d, ptr noundef @hello)
  store ptr %r, ptr @g
  ret void
}

; A library memcpy copies pointers too: what the source held now sits in
; the destination, which is published.
define void @memcpy_call_copies_pointers() {
; CHECK-LABEL: define void @memcpy_call_copies_pointers(
; CHECK:         %o = call ptr @malloc(i64 31)
; REMARK-DAG: remark: {{.*}}malloc(31) escapes to heap: {{.+}}
entry:
  %a = alloca ptr
  %b = alloca ptr
  %o = call ptr @malloc(i64 31)
  store ptr %o, ptr %a
  %r = call ptr @memcpy(ptr noundef %b, ptr noundef %a, i64 noundef 8)
  %x = load ptr, ptr %b
  store ptr %x, ptr @g
  ret void
}

; ---- parsing numbers: *endptr points into nptr ---------------------------

define i64 @strtol_endptr_local() {
; CHECK-LABEL: define i64 @strtol_endptr_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca [32 x i8], align 16
; CHECK-NEXT:    %end = alloca ptr
; CHECK-NOT:     @malloc
; CHECK:         %v = call i64 @strtol(ptr noundef %s, ptr noundef %end, i32 noundef 10)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  %end = alloca ptr
  %s = call ptr @malloc(i64 32)
  store i8 0, ptr %s
  %v = call i64 @strtol(ptr noundef %s, ptr noundef %end, i32 noundef 10)
  %e = load ptr, ptr %end
  %c = load i8, ptr %e
  %z = zext i8 %c to i64
  %r = add i64 %v, %z
  call void @free(ptr %s)
  ret i64 %r
}

define i64 @strtol_endptr_to_global() {
; CHECK-LABEL: define i64 @strtol_endptr_to_global(
; CHECK-NOT:     alloca [
; CHECK:         %s = call ptr @malloc(i64 33)
; REMARK-DAG: remark: {{.*}}malloc(33) escapes to heap: stored to global g{{$}}
entry:
  %end = alloca ptr
  %s = call ptr @malloc(i64 33)
  store i8 0, ptr %s
  %v = call i64 @strtol(ptr noundef %s, ptr noundef %end, i32 noundef 10)
  %e = load ptr, ptr %end
  store ptr %e, ptr @g
  ret i64 %v
}

; endptr is the global itself.
define i64 @strtol_endptr_is_global() {
; CHECK-LABEL: define i64 @strtol_endptr_is_global(
; CHECK-NOT:     alloca
; CHECK:         %s = call ptr @malloc(i64 34)
; REMARK-DAG: remark: {{.*}}malloc(34) escapes to heap: {{.+}}
entry:
  %s = call ptr @malloc(i64 34)
  store i8 0, ptr %s
  %v = call i64 @strtol(ptr noundef %s, ptr noundef @g, i32 noundef 10)
  ret i64 %v
}

; Without endptr.
define double @strtod_no_endptr() {
; CHECK-LABEL: define double @strtod_no_endptr(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca [35 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(35){{$}}
entry:
  %s = call ptr @malloc(i64 35)
  store i8 0, ptr %s
  %v = call double @strtod(ptr noundef %s, ptr noundef null)
  call void @free(ptr %s)
  ret double %v
}

; ---- callbacks -----------------------------------------------------------

; Only reads what it is given.
define internal i32 @cmp_int(ptr %a, ptr %b) {
entry:
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %d = sub i32 %x, %y
  ret i32 %d
}

; Keeps its first argument.
define internal i32 @cmp_keeps(ptr %a, ptr %b) {
entry:
  store ptr %a, ptr @g
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %d = sub i32 %x, %y
  ret i32 %d
}

; Follows pointers in the elements and only reads.
define internal i32 @cmp_strings(ptr %a, ptr %b) {
entry:
  %x = load ptr, ptr %a
  %y = load ptr, ptr %b
  %d = call i32 @strcmp(ptr noundef %x, ptr noundef %y)
  ret i32 %d
}

; Follows pointers in the elements and publishes one.
define internal i32 @cmp_leaks_element(ptr %a, ptr %b) {
entry:
  %x = load ptr, ptr %a
  store ptr %x, ptr @g
  ret i32 0
}

define i32 @qsort_reading_comparator() {
; CHECK-LABEL: define i32 @qsort_reading_comparator(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a = alloca [40 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(40){{$}}
entry:
  %a = call ptr @malloc(i64 40)
  call void @llvm.memset.p0.i64(ptr %a, i8 1, i64 40, i1 false)
  call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
  %v = load i32, ptr %a
  call void @free(ptr %a)
  ret i32 %v
}

define void @qsort_keeping_comparator() {
; CHECK-LABEL: define void @qsort_keeping_comparator(
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 41)
; REMARK-DAG: remark: {{.*}}malloc(41) escapes to heap: passed to qsort{{$}}
entry:
  %a = call ptr @malloc(i64 41)
  call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_keeps)
  call void @free(ptr %a)
  ret void
}

define void @qsort_unknown_comparator(ptr %cmp) {
; CHECK-LABEL: define void @qsort_unknown_comparator(
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 42)
; REMARK-DAG: remark: {{.*}}malloc(42) escapes to heap: passed to qsort{{$}}
entry:
  %a = call ptr @malloc(i64 42)
  call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef %cmp)
  call void @free(ptr %a)
  ret void
}

; An array of two heap strings sorted by a comparator that reads them: the
; array and the strings stay local.
define void @qsort_array_of_strings() {
; CHECK-LABEL: define void @qsort_array_of_strings(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [16 x i8], align 16
; CHECK-DAG:     %s0 = alloca [43 x i8], align 16
; CHECK-DAG:     %s1 = alloca [44 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(43){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(44){{$}}
entry:
  %a = call ptr @malloc(i64 16)
  %s0 = call ptr @malloc(i64 43)
  %s1 = call ptr @malloc(i64 44)
  store i8 0, ptr %s0
  store i8 0, ptr %s1
  store ptr %s0, ptr %a
  %a1 = getelementptr ptr, ptr %a, i64 1
  store ptr %s1, ptr %a1
  call void @qsort(ptr noundef %a, i64 noundef 2, i64 noundef 8, ptr noundef @cmp_strings)
  call void @free(ptr %s0)
  call void @free(ptr %s1)
  call void @free(ptr %a)
  ret void
}

; The same with a comparator that publishes an element.
define void @qsort_array_of_strings_leaked() {
; CHECK-LABEL: define void @qsort_array_of_strings_leaked(
; CHECK:         %s0 = call ptr @malloc(i64 45)
; REMARK-DAG: remark: {{.*}}malloc(17){{.*}}
; REMARK-DAG: remark: {{.*}}malloc(45) escapes to heap: {{.+}}
entry:
  %a = call ptr @malloc(i64 17)
  %s0 = call ptr @malloc(i64 45)
  store i8 0, ptr %s0
  store ptr %s0, ptr %a
  call void @qsort(ptr noundef %a, i64 noundef 1, i64 noundef 8, ptr noundef @cmp_leaks_element)
  call void @free(ptr %s0)
  call void @free(ptr %a)
  ret void
}

; qsort calls code back: this function may be re-entered, so its budget is
; max-recursive-frame (128 bytes), and of 100 + 63 bytes (112 + 64 in 16-byte
; slots) the second stays.
define i32 @qsort_caller_budget() {
; CHECK-LABEL: define i32 @qsort_caller_budget(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a = alloca [100 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 63)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(100){{$}}
; REMARK-DAG: remark: {{.*}}malloc(63) escapes to heap: stack budget exceeded (176 > 128 bytes){{$}}
entry:
  %a = call ptr @malloc(i64 100)
  call void @llvm.memset.p0.i64(ptr %a, i8 1, i64 100, i1 false)
  %b = call ptr @malloc(i64 63)
  store i32 0, ptr %b
  call void @qsort(ptr noundef %a, i64 noundef 25, i64 noundef 4, ptr noundef @cmp_int)
  %v = load i32, ptr %a
  %w = load i32, ptr %b
  %r = add i32 %v, %w
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret i32 %r
}

; A comparator defined after its user (as clang emits a static one) has no
; summary yet when the user is analysed. The array should be promoted as in
; @qsort_reading_comparator.
define i32 @qsort_comparator_defined_later() {
; CHECK-LABEL: define i32 @qsort_comparator_defined_later(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(64){{$}}
entry:
  %a = call ptr @malloc(i64 64)
  call void @llvm.memset.p0.i64(ptr %a, i8 1, i64 64, i1 false)
  call void @qsort(ptr noundef %a, i64 noundef 16, i64 noundef 4, ptr noundef @cmp_int_later)
  %v = load i32, ptr %a
  call void @free(ptr %a)
  ret i32 %v
}

define internal i32 @cmp_int_later(ptr %a, ptr %b) {
entry:
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %d = sub i32 %x, %y
  ret i32 %d
}

; bsearch: the result points into the array; the key is only read.
define i32 @bsearch_used_locally() {
; CHECK-LABEL: define i32 @bsearch_used_locally(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [46 x i8], align 16
; CHECK-DAG:     %k = alloca [7 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(46){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(7){{$}}
entry:
  %a = call ptr @malloc(i64 46)
  call void @llvm.memset.p0.i64(ptr %a, i8 1, i64 46, i1 false)
  %k = call ptr @malloc(i64 7)
  store i32 1, ptr %k
  %p = call ptr @bsearch(ptr noundef %k, ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
  %v = load i32, ptr %p
  call void @free(ptr %k)
  call void @free(ptr %a)
  ret i32 %v
}

define ptr @bsearch_returned() {
; CHECK-LABEL: define ptr @bsearch_returned(
; CHECK:         %a = call ptr @malloc(i64 47)
; REMARK-DAG: remark: {{.*}}malloc(47) escapes to heap: returned{{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(3){{$}}
entry:
  %a = call ptr @malloc(i64 47)
  call void @llvm.memset.p0.i64(ptr %a, i8 1, i64 47, i1 false)
  %k = call ptr @malloc(i64 3)
  store i8 1, ptr %k
  %p = call ptr @bsearch(ptr noundef %k, ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
  call void @free(ptr %k)
  ret ptr %p
}

; ---- threads -------------------------------------------------------------

define i32 @pthread_create_arg(ptr %t, ptr %fn) {
; CHECK-LABEL: define i32 @pthread_create_arg(
; CHECK-NOT:     alloca
; CHECK:         %arg = call ptr @malloc(i64 48)
; REMARK-DAG: remark: {{.*}}malloc(48) escapes to heap: passed to pthread_create{{$}}
entry:
  %arg = call ptr @malloc(i64 48)
  store i32 1, ptr %arg
  %r = call i32 @pthread_create(ptr noundef %t, ptr noundef null, ptr noundef %fn, ptr noundef %arg)
  ret i32 %r
}

; The pthread_t written by pthread_create is data: a heap pthread_t stays.
define i32 @pthread_create_handle(ptr %fn) {
; CHECK-LABEL: define i32 @pthread_create_handle(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %t = alloca [49 x i8], align 16
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(49){{$}}
entry:
  %t = call ptr @malloc(i64 49)
  %r = call i32 @pthread_create(ptr noundef %t, ptr noundef null, ptr noundef %fn, ptr noundef null)
  call void @free(ptr %t)
  ret i32 %r
}

; ---- getline: *lineptr is reallocated -------------------------------------

define i64 @getline_lineptr() {
; CHECK-LABEL: define i64 @getline_lineptr(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call ptr @malloc(i64 50)
; REMARK-DAG: remark: {{.*}}malloc(50) escapes to heap: reachable from an argument of getline{{$}}
entry:
  %line = alloca ptr
  %cap = alloca i64
  %buf = call ptr @malloc(i64 50)
  store ptr %buf, ptr %line
  store i64 50, ptr %cap
  %in = load ptr, ptr @stdin
  %n = call i64 @getline(ptr noundef %line, ptr noundef %cap, ptr noundef %in)
  %l = load ptr, ptr %line
  call void @free(ptr %l)
  ret i64 %n
}

; The slots themselves may be heap objects.
define i64 @getline_heap_slots() {
; CHECK-LABEL: define i64 @getline_heap_slots(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %line = alloca [51 x i8], align 16
; CHECK-DAG:     %cap = alloca [52 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i64
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(51){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(52){{$}}
entry:
  %line = call ptr @malloc(i64 51)
  %cap = call ptr @malloc(i64 52)
  store ptr null, ptr %line
  store i64 0, ptr %cap
  %in = load ptr, ptr @stdin
  %n = call i64 @getline(ptr noundef %line, ptr noundef %cap, ptr noundef %in)
  %l = load ptr, ptr %line
  call void @free(ptr %l)
  call void @free(ptr %cap)
  call void @free(ptr %line)
  ret i64 %n
}

; ---- no model: nobuiltin, "no-builtins", a wrong prototype ---------------

; The declaration itself is nobuiltin.
declare i32 @strcasecmp(ptr noundef, ptr noundef) #0

define i32 @strcasecmp_declared_nobuiltin() {
; CHECK-LABEL: define i32 @strcasecmp_declared_nobuiltin(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 58)
; REMARK-DAG: remark: {{.*}}malloc(58) escapes to heap: passed to strcasecmp{{$}}
entry:
  %b = call ptr @malloc(i64 58)
  store i8 0, ptr %b
  %r = call i32 @strcasecmp(ptr noundef %b, ptr noundef @hello)
  call void @free(ptr %b)
  ret i32 %r
}

; The call is nobuiltin.
define i64 @strlen_call_nobuiltin() {
; CHECK-LABEL: define i64 @strlen_call_nobuiltin(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 53)
; REMARK-DAG: remark: {{.*}}malloc(53) escapes to heap: passed to strlen{{$}}
entry:
  %b = call ptr @malloc(i64 53)
  store i8 0, ptr %b
  %n = call i64 @strlen(ptr noundef %b) #0
  call void @free(ptr %b)
  ret i64 %n
}

; A prototype that is not the library's: TargetLibraryInfo does not
; recognize it, and the model follows.
declare i32 @strnlen(ptr noundef, i64 noundef)

define i32 @strnlen_wrong_prototype() {
; CHECK-LABEL: define i32 @strnlen_wrong_prototype(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 59)
; REMARK-DAG: remark: {{.*}}malloc(59) escapes to heap: passed to strnlen{{$}}
entry:
  %b = call ptr @malloc(i64 59)
  store i8 0, ptr %b
  %r = call i32 @strnlen(ptr noundef %b, i64 noundef 59)
  call void @free(ptr %b)
  ret i32 %r
}

; -fno-builtin-printf: the call is not the library's printf.
define i32 @printf_in_no_builtin_printf() #2 {
; CHECK-LABEL: define i32 @printf_in_no_builtin_printf(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 54)
; REMARK-DAG: remark: {{.*}}malloc(54) escapes to heap: passed to printf{{$}}
entry:
  %b = call ptr @malloc(i64 54)
  store i8 0, ptr %b
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_s, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}

; In a "no-builtins" function malloc is not one either, so the model is seen
; through helpers: their summaries say what the unmodeled calls do.
define internal i32 @spawn(ptr %t, ptr %fn) {
entry:
  %r = call i32 @pthread_create(ptr noundef %t, ptr noundef null, ptr noundef %fn, ptr noundef null)
  ret i32 %r
}

define internal i32 @spawn_no_builtins(ptr %t, ptr %fn) #1 {
entry:
  %r = call i32 @pthread_create(ptr noundef %t, ptr noundef null, ptr noundef %fn, ptr noundef null)
  ret i32 %r
}

define internal i32 @spawn_nobuiltin_call(ptr %t, ptr %fn) {
entry:
  %r = call i32 @pthread_create(ptr noundef %t, ptr noundef null, ptr noundef %fn, ptr noundef null) #0
  ret i32 %r
}

define internal void @sort(ptr %a) {
entry:
  call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
  ret void
}

define internal void @sort_no_builtins(ptr %a) #1 {
entry:
  call void @qsort(ptr noundef %a, i64 noundef 10, i64 noundef 4, ptr noundef @cmp_int)
  ret void
}

define void @handles_through_helpers(ptr %fn) {
; CHECK-LABEL: define void @handles_through_helpers(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %t1 = alloca [55 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 55, )?}}ptr %t1)
; CHECK-NEXT:    %r1 = call i32 @spawn(ptr %t1, ptr %fn)
; CHECK-NEXT:    %t2 = call ptr @malloc(i64 56)
; CHECK-NEXT:    %r2 = call i32 @spawn_no_builtins(ptr %t2, ptr %fn)
; CHECK-NEXT:    %t3 = call ptr @malloc(i64 57)
; CHECK-NEXT:    %r3 = call i32 @spawn_nobuiltin_call(ptr %t3, ptr %fn)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(55){{$}}
; REMARK-DAG: remark: {{.*}}malloc(56) escapes to heap: passed to spawn_no_builtins{{$}}
; REMARK-DAG: remark: {{.*}}malloc(57) escapes to heap: passed to spawn_nobuiltin_call{{$}}
entry:
  %t1 = call ptr @malloc(i64 55)
  %r1 = call i32 @spawn(ptr %t1, ptr %fn)
  %t2 = call ptr @malloc(i64 56)
  %r2 = call i32 @spawn_no_builtins(ptr %t2, ptr %fn)
  %t3 = call ptr @malloc(i64 57)
  %r3 = call i32 @spawn_nobuiltin_call(ptr %t3, ptr %fn)
  call void @free(ptr %t1)
  ret void
}

define void @sort_through_helpers() {
; CHECK-LABEL: define void @sort_through_helpers(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a1 = alloca [60 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 60, )?}}ptr %a1)
; CHECK-NEXT:    call void @sort(ptr %a1)
; CHECK-NEXT:    %a2 = call ptr @malloc(i64 61)
; CHECK-NEXT:    call void @sort_no_builtins(ptr %a2)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(60){{$}}
; REMARK-DAG: remark: {{.*}}malloc(61) escapes to heap: passed to sort_no_builtins{{$}}
entry:
  %a1 = call ptr @malloc(i64 60)
  call void @sort(ptr %a1)
  %a2 = call ptr @malloc(i64 61)
  call void @sort_no_builtins(ptr %a2)
  call void @free(ptr %a1)
  ret void
}

; And the allocation in a "no-builtins" function itself.
define i32 @printf_in_no_builtins() #1 {
; CHECK-LABEL: define i32 @printf_in_no_builtins(
; CHECK-NOT:     alloca
; CHECK:         %b = call ptr @malloc(i64 62)
; REMARK-DAG: remark: {{.*}}malloc(62) escapes to heap: nobuiltin call{{$}}
entry:
  %b = call ptr @malloc(i64 62)
  store i8 0, ptr %b
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_s, ptr %b)
  ret i32 %r
}

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

attributes #0 = { nobuiltin }
attributes #1 = { "no-builtins" }
attributes #2 = { "no-builtin-printf" }
