; Pointers passed to calls, written with `nocapture`, which LLVM 19 reads as
; such and LLVM 21+ upgrades to captures(none). The call does not make the
; object escape when the parameter does not capture it and the callee cannot
; free it; what the object holds escapes unless the callee cannot read it;
; `returned` parameters are followed to the call's result.
; (calls-captures-21.ll has the captures(...) forms.)
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@fmt = private constant [4 x i8] c"%s\0A\00"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind
declare void @use_readnone(ptr nocapture readnone) nofree nounwind
declare void @use_nothing(ptr nocapture) nofree nounwind memory(none)
declare void @capture(ptr) nofree nounwind
declare void @mixed(ptr nocapture, ptr) nofree nounwind
declare ptr @ident(ptr nocapture returned) nofree nounwind
declare ptr @ident_capturing(ptr returned) nofree nounwind
declare i32 @my_printf(ptr nocapture readonly, ...) nofree nounwind
; Does not capture, but nothing says it does not free its argument.
declare void @maybe_free(ptr nocapture) nounwind
; Says so for the argument alone.
declare void @keeps_arg(ptr nocapture nofree) nounwind
; Returns a field of its by-value struct: reading the callee's own copy is not
; a memory access in the sense of `memory`, so memory(none) is true of it.
declare ptr @first_field(ptr byval([16 x i8]) align 8) nounwind memory(none)

; COUNT: {{^}}22{{$}}

define void @nocapture_argument() {
; CHECK-LABEL: define void @nocapture_argument(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; The attribute on the call site is as good as the one on the declaration.
define void @nocapture_on_call_site() {
; CHECK-LABEL: define void @nocapture_on_call_site(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @capture(ptr {{nocapture|captures\(none\)}} %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @capture(ptr nocapture %p)
  call void @free(ptr %p)
  ret void
}

define void @capturing_argument() {
; CHECK-LABEL: define void @capturing_argument(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @capture(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to capture{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @capture(ptr %p)
  call void @free(ptr %p)
  ret void
}

; The same pointer in a capturing position of the same call.
define void @captured_by_another_argument() {
; CHECK-LABEL: define void @captured_by_another_argument(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @mixed(ptr %p, ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to mixed{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @mixed(ptr %p, ptr %p)
  call void @free(ptr %p)
  ret void
}

; Only the nocapture position holds the object.
define void @nocapture_position_only(ptr %x) {
; CHECK-LABEL: define void @nocapture_position_only(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @mixed(ptr %p, ptr %x)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @mixed(ptr %p, ptr %x)
  call void @free(ptr %p)
  ret void
}

; @use may read %outer and keep the pointer it finds there: %inner escapes,
; %outer does not.
define void @nocapture_content_escapes() {
; CHECK-LABEL: define void @nocapture_content_escapes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %outer = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc(i64 16)
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %inner, ptr %outer, align 8
; CHECK-NEXT:    call void @use(ptr %outer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @use(ptr %outer)
  call void @free(ptr %outer)
  ret void
}

; A readnone parameter cannot be read through: both objects stay local.
define void @readnone_content_stays() {
; CHECK-LABEL: define void @readnone_content_stays(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %outer = alloca [16 x i8], align 16
; CHECK-DAG:     %inner = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @use_readnone(ptr %outer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @use_readnone(ptr %outer)
  ret void
}

; Neither can a callee that accesses no memory at all.
define void @memory_none_callee_content_stays() {
; CHECK-LABEL: define void @memory_none_callee_content_stays(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %outer = alloca [16 x i8], align 16
; CHECK-DAG:     %inner = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @use_nothing(ptr %outer)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  call void @use_nothing(ptr %outer)
  ret void
}

; The result of a `returned` call is the object again; used locally only.
; The call loses `tail` since it receives the stack object.
define i32 @returned_result_used_locally() {
; CHECK-LABEL: define i32 @returned_result_used_locally(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     tail call
; CHECK:         {{^}}  %q = call ptr @ident(ptr %p)
; CHECK-NEXT:    store i32 4, ptr %q, align 4
; CHECK-NOT:     @free
; CHECK:         ret i32 %v
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = tail call ptr @ident(ptr %p)
  store i32 4, ptr %q, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr %q)
  ret i32 %v
}

define ptr @returned_result_returned() {
; CHECK-LABEL: define ptr @returned_result_returned(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @ident(ptr %p)
; CHECK-NEXT:    ret ptr %q
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @ident(ptr %p)
  ret ptr %q
}

; `returned` alone does not say the callee keeps no other copy.
define void @returned_but_capturing() {
; CHECK-LABEL: define void @returned_but_capturing(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @ident_capturing(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to ident_capturing{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @ident_capturing(ptr %p)
  store i32 1, ptr %q, align 4
  ret void
}

; Variadic arguments have no attributes: passed to an unknown variadic
; function, the buffer escapes. (printf is modeled: see libc.ll.)
define void @variadic_argument_escapes() {
; CHECK-LABEL: define void @variadic_argument_escapes(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call i32 (ptr, ...) @my_printf(ptr @fmt, ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to my_printf{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p, align 1
  %n = call i32 (ptr, ...) @my_printf(ptr @fmt, ptr %p)
  call void @free(ptr %p)
  ret void
}

; A nocapture callee may still free its argument (free itself is nocapture):
; with no later free proving otherwise, the object must stay on the heap.
define void @nocapture_callee_may_free() {
; CHECK-LABEL: define void @nocapture_callee_may_free(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store i32 1, ptr %p, align 4
; CHECK-NEXT:    call void @maybe_free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to maybe_free{{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p, align 4
  call void @maybe_free(ptr %p)
  ret void
}

; nofree on the parameter alone is enough.
define void @nofree_parameter() {
; CHECK-LABEL: define void @nofree_parameter(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @keeps_arg(ptr %p)
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p, align 4
  call void @keeps_arg(ptr %p)
  ret void
}

; A `returned` parameter without nocapture (what LLVM 19's function-attrs
; infers for `T *init(T *x) { ...; return x; }`): the call's result is the
; caller's %x, so storing through it stores into the caller's memory.
define void @stored_through_result_of_capturing_returned_call(ptr %x) {
; CHECK-LABEL: define void @stored_through_result_of_capturing_returned_call(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @ident_capturing(ptr %x)
; CHECK-NEXT:    store ptr %p, ptr %q, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @ident_capturing(ptr %x)
  store ptr %p, ptr %q, align 8
  ret void
}

; %outer is copied for the call (byval) and the callee hands back the pointer
; it finds in the copy: %inner is returned through the call's result.
define ptr @content_returned_from_byval_copy() {
; CHECK-LABEL: define ptr @content_returned_from_byval_copy(
; CHECK:         %inner = call ptr @malloc(i64 32)
; CHECK:         %r = call ptr @first_field(ptr byval([16 x i8]) align 8 %outer)
; CHECK-NEXT:    ret ptr %r
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
; REMARK-DAG: remark: {{.*}}malloc(16){{.*}}
entry:
  %outer = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %outer, align 8
  %r = call ptr @first_field(ptr byval([16 x i8]) align 8 %outer)
  ret ptr %r
}

; The same call on an object that escapes into it: %r is stored into %p's
; memory through the result, and %p is out of the function's hands.
define void @stored_into_escaped_object_through_returned_result() {
; CHECK-LABEL: define void @stored_into_escaped_object_through_returned_result(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @ident_capturing(ptr %p)
; CHECK-NEXT:    %r = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %r, ptr %q, align 8
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: passed to ident_capturing{{$}}
; REMARK-DAG: remark: {{.*}}malloc(32) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @ident_capturing(ptr %p)
  %r = call ptr @malloc(i64 32)
  store ptr %r, ptr %q, align 8
  ret void
}
