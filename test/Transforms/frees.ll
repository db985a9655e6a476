; Deallocations of promoted objects. A free that can only see the object (or
; null) disappears; when its operand is the object itself a lifetime.end takes
; its place. A free that may see the object or something else stays, guarded
; by a select that turns it into free(NULL) for the object. A deallocator of
; another family, or one that must not be treated as a builtin, keeps the
; object on the heap.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | grep -c -e "moved to stack" -e "escapes to heap" | FileCheck %s --check-prefix=COUNT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @_ZdlPv(ptr)
declare i32 @__gxx_personality_v0(...)
declare void @use(ptr nocapture) nofree nounwind

; COUNT: {{^}}17{{$}}

define void @free_through_zero_gep() {
; CHECK-LABEL: define void @free_through_zero_gep(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NOT:     @free
; CHECK:         call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = getelementptr inbounds i8, ptr %p, i64 0
  call void @free(ptr %q)
  ret void
}

define void @free_with_tail_marker() {
; CHECK-LABEL: define void @free_with_tail_marker(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  tail call void @free(ptr %p)
  ret void
}

; Freed on one path, leaked on the other.
define void @free_on_one_path(i1 %c) {
; CHECK-LABEL: define void @free_on_one_path(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       then:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    br label %done
; CHECK:       done:
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br i1 %c, label %then, label %done

then:
  call void @free(ptr %p)
  br label %done

done:
  ret void
}

define void @free_on_both_paths(i1 %c) {
; CHECK-LABEL: define void @free_on_both_paths(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:       left:
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; CHECK:       right:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %left, label %right

left:
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

right:
  call void @free(ptr %p)
  ret void
}

; if (p) free(p): the check folds, the free goes.
define void @free_after_null_check() {
; CHECK-LABEL: define void @free_after_null_check(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     icmp
; CHECK:         br i1 true, label %do.free, label %done
; CHECK:       do.free:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %p)
; CHECK-NEXT:    br label %done
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %nonnull = icmp ne ptr %p, null
  br i1 %nonnull, label %do.free, label %done

do.free:
  call void @free(ptr %p)
  br label %done

done:
  ret void
}

; The freed pointer is the object or null: free(NULL) does nothing, so the
; call is simply removed.
define void @free_of_phi_with_null(i1 %c) {
; CHECK-LABEL: define void @free_of_phi_with_null(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br i1 %c, label %then, label %done

then:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br label %done

done:
  %q = phi ptr [ %p, %then ], [ null, %entry ]
  call void @free(ptr %q)
  ret void
}

define void @free_of_select_with_null(i1 %c) {
; CHECK-LABEL: define void @free_of_select_with_null(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = select i1 %c, ptr %p, ptr null
  call void @free(ptr %q)
  ret void
}

; Either of two promoted objects: still nothing left to free.
define void @free_of_phi_of_two_objects(i1 %c) {
; CHECK-LABEL: define void @free_of_phi_of_two_objects(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %a = alloca [16 x i8], align 16
; CHECK-DAG:     %b = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  br i1 %c, label %left, label %right

left:
  %a = call ptr @malloc(i64 16)
  br label %done

right:
  %b = call ptr @malloc(i64 32)
  br label %done

done:
  %q = phi ptr [ %a, %left ], [ %b, %right ]
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; The object, or the caller's heap pointer: the free stays for the latter.
define void @free_guarded_phi(i1 %c, ptr %x) {
; CHECK-LABEL: define void @free_guarded_phi(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:       done:
; CHECK-NEXT:    %q = phi ptr [ %p, %then ], [ %x, %entry ]
; CHECK-NEXT:    %escape.guard = icmp eq ptr %q, %p
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %q
; CHECK-NEXT:    {{(tail )?}}call void @free(ptr %escape.free)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  br i1 %c, label %then, label %done

then:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br label %done

done:
  %q = phi ptr [ %p, %then ], [ %x, %entry ]
  call void @free(ptr %q)
  ret void
}

define void @free_guarded_select(i1 %c, ptr %x) {
; CHECK-LABEL: define void @free_guarded_select(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %q = select i1 %c, ptr %p, ptr %x
; CHECK-NEXT:    %escape.guard = icmp eq ptr %q, %p
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %q
; CHECK-NEXT:    {{(tail )?}}call void @free(ptr %escape.free)
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = select i1 %c, ptr %p, ptr %x
  call void @free(ptr %q)
  ret void
}

; A free of something else entirely is none of the pass's business.
define void @unrelated_free_kept(ptr %x) {
; CHECK-LABEL: define void @unrelated_free_kept(
; CHECK:         %p = alloca [16 x i8], align 16
; CHECK:         call void @free(ptr %x)
; CHECK-NOT:     escape.guard
; CHECK:         ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  call void @free(ptr %x)
  ret void
}

; malloc'd memory handed to operator delete: a mismatch the pass must not
; paper over.
define void @freed_by_other_family() {
; CHECK-LABEL: define void @freed_by_other_family(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @_ZdlPv(ptr %p) #[[BUILTIN:[0-9]+]]
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p) #0
  ret void
}

; A nobuiltin free is just a call to an unknown function.
define void @freed_by_nobuiltin_free() {
; CHECK-LABEL: define void @freed_by_nobuiltin_free(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p) #[[NOBUILTIN:[0-9]+]]
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p) #1
  ret void
}

; A free that may unwind has two successors to handle; the object stays.
define void @freed_by_invoke() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @freed_by_invoke(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         invoke void @free(ptr %p)
; REMARK-DAG: remark: {{.*}}malloc(16) escapes to heap: {{.+}}
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  invoke void @free(ptr %p)
          to label %ok unwind label %lpad

ok:
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; Either of two promoted objects, or the caller's: the guard must turn both
; objects into free(NULL). The form of the guard is free; what matters is that
; each object is compared with.
define void @free_guarded_two_objects(i32 %k, ptr %x) {
; CHECK-LABEL: define void @free_guarded_two_objects(
; CHECK-DAG:     %a = alloca [16 x i8], align 16
; CHECK-DAG:     %b = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:       done:
; CHECK-NEXT:    %q = phi ptr
; CHECK-DAG:     icmp eq ptr %{{q|escape.free[0-9]*}}, %a
; CHECK-DAG:     icmp eq ptr %{{q|escape.free[0-9]*}}, %b
; CHECK:         call void @free(ptr %escape.free{{[0-9]*}})
; CHECK-NEXT:    ret void
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(16){{$}}
; REMARK-DAG: remark: {{.*}}moved to stack: malloc(32){{$}}
entry:
  switch i32 %k, label %other [
    i32 0, label %left
    i32 1, label %right
  ]

left:
  %a = call ptr @malloc(i64 16)
  call void @use(ptr %a)
  br label %done

right:
  %b = call ptr @malloc(i64 32)
  call void @use(ptr %b)
  br label %done

other:
  br label %done

done:
  %q = phi ptr [ %a, %left ], [ %b, %right ], [ %x, %other ]
  call void @free(ptr %q)
  ret void
}

; CHECK-DAG: attributes #[[BUILTIN]] = { builtin }
; CHECK-DAG: attributes #[[NOBUILTIN]] = { nobuiltin }

attributes #0 = { builtin }
attributes #1 = { nobuiltin }
