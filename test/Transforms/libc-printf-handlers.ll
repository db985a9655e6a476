; A module that may register printf handlers (glibc's register_printf_*)
; gets no model for formats: any conversion, %s too, may be redefined to
; keep its argument.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@fmt_s = private constant [3 x i8] c"%s\00"

declare ptr @malloc(i64)
declare void @free(ptr)
declare i32 @printf(ptr noundef, ...)
declare i32 @register_printf_specifier(i32, ptr, ptr)

; CHECK: remark: {{.*}}malloc(8) escapes to heap: passed to printf{{$}}
define i32 @printf_string() {
entry:
  %b = call ptr @malloc(i64 8)
  store i8 0, ptr %b
  %r = call i32 (ptr, ...) @printf(ptr noundef @fmt_s, ptr %b)
  call void @free(ptr %b)
  ret i32 %r
}
