; C++ operator new and delete, declared as clang declares them (nobuiltin on
; the declaration) and called as a new-expression calls them (`builtin` on the
; call site, which alone permits eliding the allocation, [expr.new]). Array,
; nothrow and align_val_t forms; delete must match new's family; an invoke of
; new becomes a branch to its normal destination.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%"struct.std::nothrow_t" = type { i8 }

@_ZSt7nothrow = external global %"struct.std::nothrow_t", align 1

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare noundef ptr @_ZnwmRKSt9nothrow_t(i64 noundef, ptr noundef nonnull align 1 dereferenceable(1)) #1
declare noundef ptr @_ZnamRKSt9nothrow_t(i64 noundef, ptr noundef nonnull align 1 dereferenceable(1)) #1
declare noundef nonnull ptr @_ZnwmSt11align_val_t(i64 noundef, i64 noundef) #0
declare noundef nonnull ptr @_ZnamSt11align_val_t(i64 noundef, i64 noundef) #0
declare noundef ptr @_ZnwmSt11align_val_tRKSt9nothrow_t(i64 noundef, i64 noundef, ptr noundef nonnull align 1 dereferenceable(1)) #1
declare void @_ZdlPv(ptr noundef) #2
declare void @_ZdaPv(ptr noundef) #2
declare void @_ZdlPvm(ptr noundef, i64 noundef) #2
declare void @_ZdaPvm(ptr noundef, i64 noundef) #2
declare void @_ZdlPvSt11align_val_t(ptr noundef, i64 noundef) #2
declare void @_ZdaPvSt11align_val_t(ptr noundef, i64 noundef) #2
declare void @free(ptr)
declare i32 @__gxx_personality_v0(...)
declare void @use(ptr nocapture) nofree nounwind
; A constructor that may throw.
declare void @_ZN1SC1Ev(ptr nocapture nofree)

; COUNT: {{^}}21{{$}}

define void @new_delete() {
; CHECK-LABEL: define void @new_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #4
  ret void
}

define void @new_sized_delete() {
; CHECK-LABEL: define void @new_sized_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [24 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 24, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 24, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(24){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #3
  call void @use(ptr %p)
  call void @_ZdlPvm(ptr noundef %p, i64 noundef 24) #4
  ret void
}

define void @new_array_delete_array() {
; CHECK-LABEL: define void @new_array_delete_array(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 32, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 32, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new[](32){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 32) #3
  call void @use(ptr %p)
  call void @_ZdaPv(ptr noundef %p) #4
  ret void
}

define void @new_array_sized_delete_array() {
; CHECK-LABEL: define void @new_array_sized_delete_array(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [40 x i8], align 16
; CHECK-NOT:     @_Zna
; CHECK-NOT:     @_Zda
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new[](40){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 40) #3
  call void @use(ptr %p)
  call void @_ZdaPvm(ptr noundef %p, i64 noundef 40) #4
  ret void
}

; new (std::nothrow) may return null on the heap, never on the stack.
define i32 @new_nothrow_null_check() {
; CHECK-LABEL: define i32 @new_nothrow_null_check(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK-NOT:     icmp
; CHECK:         br i1 false, label %fail, label %ok
; CHECK:       ok:
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret i32 %v
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16{{.*}}){{$}}
entry:
  %p = call noalias noundef ptr @_ZnwmRKSt9nothrow_t(i64 noundef 16, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #5
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok

fail:
  ret i32 -1

ok:
  store i32 8, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @_ZdlPv(ptr noundef %p) #4
  ret i32 %v
}

define void @new_array_nothrow() {
; CHECK-LABEL: define void @new_array_nothrow(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [48 x i8], align 16
; CHECK-NOT:     @_Zna
; CHECK-NOT:     @_Zda
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new[](48{{.*}}){{$}}
entry:
  %p = call noalias noundef ptr @_ZnamRKSt9nothrow_t(i64 noundef 48, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #5
  call void @use(ptr %p)
  call void @_ZdaPv(ptr noundef %p) #4
  ret void
}

; new of an over-aligned type: the alloca gets that alignment.
define void @new_align_val_t() {
; CHECK-LABEL: define void @new_align_val_t(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [64 x i8], align 64
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 64, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(64{{.*}}){{$}}
entry:
  %p = call noalias noundef nonnull align 64 ptr @_ZnwmSt11align_val_t(i64 noundef 64, i64 noundef 64) #3
  call void @use(ptr %p)
  call void @_ZdlPvSt11align_val_t(ptr noundef %p, i64 noundef 64) #4
  ret void
}

define void @new_array_align_val_t() {
; CHECK-LABEL: define void @new_array_align_val_t(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [96 x i8], align 32
; CHECK-NOT:     @_Zna
; CHECK-NOT:     @_Zda
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new[](96{{.*}}){{$}}
entry:
  %p = call noalias noundef nonnull align 32 ptr @_ZnamSt11align_val_t(i64 noundef 96, i64 noundef 32) #3
  call void @use(ptr %p)
  call void @_ZdaPvSt11align_val_t(ptr noundef %p, i64 noundef 32) #4
  ret void
}

define void @new_nothrow_align_val_t() {
; CHECK-LABEL: define void @new_nothrow_align_val_t(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [32 x i8], align 32
; CHECK-NOT:     @_Znw
; CHECK-NOT:     @_Zdl
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(32{{.*}}){{$}}
entry:
  %p = call noalias noundef align 32 ptr @_ZnwmSt11align_val_tRKSt9nothrow_t(i64 noundef 32, i64 noundef 32, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #5
  call void @use(ptr %p)
  call void @_ZdlPvSt11align_val_t(ptr noundef %p, i64 noundef 32) #4
  ret void
}

; A direct call of operator new (no `builtin`) may reach a user's replacement
; and must happen.
define void @new_called_directly() {
; CHECK-LABEL: define void @new_called_directly(
; CHECK-NOT:     alloca
; CHECK:         %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16){{$}}
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @_ZdlPv(ptr noundef %p)
; REMARK-DAG: remark: {{.*}}operator new(16) escapes to heap: {{.+}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p)
  ret void
}

; A builtin new released by a direct call of operator delete: that call must
; still happen, with a heap pointer.
define void @delete_called_directly() {
; CHECK-LABEL: define void @delete_called_directly(
; CHECK-NOT:     alloca
; CHECK:         %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #[[BUILTIN:[0-9]+]]
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @_ZdlPv(ptr noundef %p){{$}}
; REMARK-DAG: remark: {{.*}}operator new(16) escapes to heap: {{.+}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p)
  ret void
}

; new[] released by scalar delete: another family.
define void @new_array_deleted_as_scalar() {
; CHECK-LABEL: define void @new_array_deleted_as_scalar(
; CHECK-NOT:     alloca
; CHECK:         %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @_ZdlPv(ptr noundef %p)
; REMARK-DAG: remark: {{.*}}operator new[](16) escapes to heap: {{.+}}
entry:
  %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 16) #3
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #4
  ret void
}

define void @new_released_with_free() {
; CHECK-LABEL: define void @new_released_with_free(
; CHECK-NOT:     alloca
; CHECK:         %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}operator new(16) escapes to heap: {{.+}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; `new S` inside a try: the invoke turns into a branch.
define void @invoke_new() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @invoke_new(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    br label %invoke.cont
; CHECK-NOT:     invoke
; CHECK:       invoke.cont:
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
          to label %invoke.cont unwind label %lpad

invoke.cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #4
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; `new S()` whose constructor throws: the cleanup deletes the object.
define void @new_with_throwing_constructor() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @new_with_throwing_constructor(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    invoke void @_ZN1SC1Ev(ptr %p)
; CHECK:       invoke.cont:
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
; CHECK-NEXT:    cleanup
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    resume
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  invoke void @_ZN1SC1Ev(ptr %p)
          to label %invoke.cont unwind label %lpad

invoke.cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #4
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  call void @_ZdlPv(ptr noundef %p) #4
  resume { ptr, i32 } %lp
}

; Not promoted: the invoke stays an invoke.
define void @invoke_new_too_large() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @invoke_new_too_large(
; CHECK-NOT:     alloca
; CHECK:         %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 4096)
; CHECK-NEXT:    to label %invoke.cont unwind label %lpad
; REMARK-DAG: remark: {{.*}}operator new(4096) escapes to heap: too large for stack (4096 > 1024 bytes){{$}}
entry:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 4096) #3
          to label %invoke.cont unwind label %lpad

invoke.cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #4
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; new S[2] for a type with a destructor: an 8-byte cookie holds the count,
; the array starts after it, and delete[] gets the start back by -8.
define void @new_array_with_cookie() {
; CHECK-LABEL: define void @new_array_with_cookie(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %raw = alloca [40 x i8], align 16
; CHECK-NOT:     @_Znam
; CHECK-NOT:     @_ZdaPv
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new[](40){{$}}
entry:
  %raw = call noalias noundef nonnull ptr @_Znam(i64 noundef 40) #3
  store i64 2, ptr %raw, align 16
  %arr = getelementptr inbounds i8, ptr %raw, i64 8
  call void @use(ptr %arr)
  %cookie = getelementptr inbounds i8, ptr %arr, i64 -8
  %n = load i64, ptr %cookie, align 8
  call void @_ZdaPv(ptr noundef %cookie) #4
  ret void
}

; unique_ptr-like: the owner is a local struct, delete goes through it.
define void @delete_through_loaded_pointer() {
; CHECK-LABEL: define void @delete_through_loaded_pointer(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %owner = alloca ptr, align 8
; CHECK-DAG:     %p = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %owner = alloca ptr, align 8
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  store ptr %p, ptr %owner, align 8
  %q = load ptr, ptr %owner, align 8
  call void @use(ptr %q)
  %r = load ptr, ptr %owner, align 8
  call void @_ZdlPv(ptr noundef %r) #4
  ret void
}

; delete of the object or of the caller's: guarded, delete(nullptr) is a no-op.
define void @delete_guarded(i1 %c, ptr %x) {
; CHECK-LABEL: define void @delete_guarded(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK:         %q = select i1 %c, ptr %p, ptr %x
; CHECK-NEXT:    %escape.guard = icmp eq ptr %q, %p
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %q
; CHECK-NEXT:    call void @_ZdlPv(ptr noundef %escape.free) #[[BUILTIN_NOUNWIND:[0-9]+]]
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
  call void @use(ptr %p)
  %q = select i1 %c, ptr %p, ptr %x
  call void @_ZdlPv(ptr noundef %q) #4
  ret void
}

; Two invokes share a landing pad whose phi tells them apart; the promoted
; one's edge disappears and the phi must follow.
define i32 @invoke_new_shared_landing_pad() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define i32 @invoke_new_shared_landing_pad(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %p = alloca [16 x i8], align 16
; CHECK-DAG:     %q = alloca [16 x i8], align 16
; CHECK-NOT:     invoke {{.*}}@_Znwm
; CHECK:       lpad:
; CHECK-NOT:     %entry
; CHECK-NOT:     %cont0
; CHECK:         ret i32 {{2|%which}}
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: operator new(16){{$}}
entry:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
          to label %cont0 unwind label %lpad

cont0:
  %q = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #3
          to label %cont1 unwind label %lpad

cont1:
  invoke void @_ZN1SC1Ev(ptr %q)
          to label %cont2 unwind label %lpad

cont2:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %q) #4
  call void @_ZdlPv(ptr noundef %p) #4
  ret i32 0

lpad:
  %which = phi i32 [ 0, %entry ], [ 1, %cont0 ], [ 2, %cont1 ]
  %lp = landingpad { ptr, i32 }
          cleanup
  ret i32 %which
}

; CHECK-DAG: attributes #[[BUILTIN]] = { builtin allocsize(0) }
; CHECK-DAG: attributes #[[BUILTIN_NOUNWIND]] = { builtin nounwind }

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind allocsize(0) }
attributes #2 = { nobuiltin nounwind }
attributes #3 = { builtin allocsize(0) }
attributes #4 = { builtin nounwind }
attributes #5 = { builtin nounwind allocsize(0) }
