; Rule "grows in its slot": the C library's realloc of a promoted object
; calls a helper that keeps the object in its slot while it fits (the slot
; takes variable-slot bytes, 256), moves it to the heap with malloc and a copy
; when it outgrows the slot, returns NULL for realloc(p, 0) as glibc does,
; and reallocs any other pointer as before. Frees of the class are guarded.
; The object escapes as before when the realloc's result does (a return
; alone moves it: move-at-return.ll), when two promoted objects share the
; class, when a callee reallocs it (the callee frees the caller's object), or
; when it belongs to another family.
; test/behaviour/realloc_in_slot.c runs these.
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -load-pass-plugin %plugin -passes='escape<cleanup>,default<O2>' -verify-each -disable-output %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<variable-slot=0>' -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare ptr @_Znwm(i64)
declare void @use(ptr nocapture) nofree nounwind
@g = global ptr null

; REMARK: remark: <unknown>:0:0: moved to stack: malloc(16)
; OFF: remark: <unknown>:0:0: malloc(16) escapes to heap: reallocated
define void @grow(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; Go's #81612 in C: a pointer into the grown object escapes, so the object
; does (the result continues the object's class).
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: stored to global g
define void @interior_escapes(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %e = getelementptr i8, ptr %q, i64 8
  store ptr %e, ptr @g
  ret void
}

; Returned, and only that: it moves to the heap at the return
; (move-at-return.ll).
; REMARK: remark: <unknown>:0:0: moved to stack: malloc(16) (to the heap when returned)
define ptr @returned(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 %n)
  ret ptr %q
}

; Two promoted objects in the class: the helper could not tell the slots
; apart.
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: reallocated
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: reallocated
define void @two_objects(i1 %c, i64 %n) {
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 32)
  %p = select i1 %c, ptr %a, ptr %b
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; A callee that reallocs its parameter frees the caller's object.
; REMARK: remark: <unknown>:0:0: leaking param: p (freed)
define ptr @resize(ptr %p, i64 %n) {
entry:
  %q = call ptr @realloc(ptr %p, i64 %n)
  ret ptr %q
}
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: freed by callee resize
define void @calls_resize(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @resize(ptr %p, i64 %n)
  call void @free(ptr %q)
  ret void
}

; realloc of operator new's memory is another family's.
; REMARK: remark: <unknown>:0:0: operator new(16) escapes to heap: freed by realloc, which belongs to another allocator family
define void @other_family(i64 %n) {
entry:
  %p = call ptr @_Znwm(i64 16) builtin
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define internal ptr @__escape_realloc(ptr %p, i64 %n, ptr %slot, i64 %bytes)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[MINE:%.*]] = icmp eq ptr %p, %slot
; CHECK-NEXT:    br i1 [[MINE]], label %mine, label %other
; CHECK:       other:
; CHECK-NEXT:    [[R:%.*]] = call ptr @realloc(ptr %p, i64 %n)
; CHECK-NEXT:    ret ptr [[R]]
; CHECK:       mine:
; CHECK-NEXT:    [[ZERO:%.*]] = icmp eq i64 %n, 0
; CHECK-NEXT:    br i1 [[ZERO]], label %none, label %sized
; CHECK:       sized:
; CHECK-NEXT:    [[FITS:%.*]] = icmp ule i64 %n, %bytes
; CHECK-NEXT:    br i1 [[FITS]], label %stays, label %moves
; CHECK:       stays:
; CHECK-NEXT:    ret ptr %slot
; CHECK:       moves:
; CHECK-NEXT:    %moved = call ptr @malloc(i64 %n)
; CHECK-NEXT:    [[FAILED:%.*]] = icmp eq ptr %moved, null
; CHECK-NEXT:    br i1 [[FAILED]], label %none, label %copy
; CHECK:       copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %moved, ptr align 1 %slot, i64 %bytes, i1 false)
; CHECK-NEXT:    ret ptr %moved
; CHECK:       none:
; CHECK-NEXT:    ret ptr null

; CHECK-LABEL: define internal void @grow.escape.stack(i64 %n)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [256 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 256, )?}}ptr %p)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    %q = call ptr @__escape_realloc(ptr %p, i64 %n, ptr %p, i64 256)
; CHECK-NEXT:    call void @use(ptr %q)
; CHECK-NEXT:    %escape.guard = icmp eq ptr %q, %p
; CHECK-NEXT:    %escape.free = select i1 %escape.guard, ptr null, ptr %q
; CHECK-NEXT:    call void @free(ptr %escape.free)
; CHECK-NEXT:    ret void

; A realloc without a place in a function with debug info: the helper's
; call (inlinable) gets line 0 of the function, as the verifier requires.
; CHECK-LABEL: define internal void @no_place.escape.stack(
; CHECK:         call ptr @__escape_realloc({{.*}}), !dbg [[LINE0:![0-9]+]]
; CHECK:       [[LINE0]] = !DILocation(line: 0, scope:
define void @no_place(i64 %n) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 16), !dbg !8
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q), !dbg !8
  call void @free(ptr %q), !dbg !8
  ret void, !dbg !8
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "test", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "realloc.c", directory: "/tmp")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "no_place", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 2, column: 3, scope: !5)
