; Rule "is the library's function" (pass/libc.c): getline is POSIX, not ISO
; C, and TargetLibraryInfo does not know it; a -std=c99 program may define its
; own getline(char *buf, int max, FILE *fp) in another file, which keeps buf.
; Only a declaration with the library's parameter kinds gets the model.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@stdin = external global ptr

declare ptr @malloc(i64)
declare void @free(ptr)
declare ptr @getline(ptr, i32, ptr)

; CHECK: remark: {{.*}}malloc(64) escapes to heap: passed to getline{{$}}
define void @own_getline() {
  %buf = call ptr @malloc(i64 64)
  %in = load ptr, ptr @stdin
  %r = call ptr @getline(ptr %buf, i32 64, ptr %in)
  call void @free(ptr %buf)
  ret void
}
