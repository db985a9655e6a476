; The captures(...) attribute of LLVM 21+. captures(none) and
; captures(address) (and address_is_null) give no access to the object after
; the call; provenance does. captures(ret: ...) only captures through the
; result, which is followed.
;
; REQUIRES: llvm-at-least-21
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @none(ptr captures(none)) nofree nounwind
declare void @none_readnone(ptr captures(none) readnone) nofree nounwind
declare void @address(ptr captures(address)) nofree nounwind
declare void @address_is_null(ptr captures(address_is_null)) nofree nounwind
declare void @provenance(ptr captures(provenance)) nofree nounwind
declare void @address_provenance(ptr captures(address, provenance)) nofree nounwind
declare ptr @through_ret(ptr returned captures(ret: address, provenance)) nofree nounwind
declare void @capture(ptr) nofree nounwind

; COUNT: {{^}}11{{$}}

define void @captures_none() {
; CHECK-LABEL: define void @captures_none(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @none(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @none(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @captures_address() {
; CHECK-LABEL: define void @captures_address(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @address(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @address(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @captures_address_is_null() {
; CHECK-LABEL: define void @captures_address_is_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @address_is_null(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @address_is_null(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @captures_provenance_escapes() {
; CHECK-LABEL: define void @captures_provenance_escapes(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @provenance(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to provenance{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @provenance(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @captures_address_provenance_escapes() {
; CHECK-LABEL: define void @captures_address_provenance_escapes(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @address_provenance(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to address_provenance{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @address_provenance(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Captured only through the result, which stays in the function.
define i32 @captures_ret_result_local() {
; CHECK-LABEL: define i32 @captures_ret_result_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %q = call ptr @through_ret(ptr %p)
; CHECK-NOT:     @free
; CHECK:         ret i32 %v
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @through_ret(ptr %p)
  store i32 2, ptr %q, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %p)
  ret i32 %v
}

define void @captures_ret_result_escapes() {
; CHECK-LABEL: define void @captures_ret_result_escapes(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @through_ret(ptr %p)
; CHECK-NEXT:    call void @capture(ptr %q)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to capture{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @through_ret(ptr %p)
  call void @capture(ptr %q)
  ret void
}

; captures(none) does not stop the callee from reading what the object holds.
define void @captures_none_content_escapes() {
; CHECK-LABEL: define void @captures_none_content_escapes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %outer = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc(i64 16)
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %inner, ptr %outer, align 8
; CHECK-NEXT:    call void @none(ptr %outer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @none(ptr %outer)
  ret void
}

define void @captures_none_readnone_content_stays() {
; CHECK-LABEL: define void @captures_none_readnone_content_stays(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %outer = alloca [16 x i8], align 16
; CHECK-DAG:     %inner = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @none_readnone(ptr %outer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @none_readnone(ptr %outer)
  ret void
}
