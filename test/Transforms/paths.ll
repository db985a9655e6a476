; escape<m=2>: Go's -m=2 report on stderr. Every escaping allocation is
; followed by the path the solver found from it to where it escapes: one
; `flow:` line per location it is stored into, one `from` line per statement
; on the way, each with its reason; the other verdicts name their rule. Values
; are called by their IR names here (by their variables with debug info, see
; test/clang/paths.c). The checks below are the whole report, in the order the
; pass visits functions (callees first).
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0;m=2>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --match-full-lines --strict-whitespace
; (The checks have no blank after their colon: --strict-whitespace would match it.)
;
; m=1: the verdicts alone; `m` is m=1.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=1>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=M1 --implicit-check-not=flow: '--implicit-check-not=    from '
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=M1 --implicit-check-not=flow: '--implicit-check-not=    from '
; M1:      to_global: malloc(16) escapes to heap: stored to global g
; M1-NEXT: returned: malloc(16) escapes to heap: returned
; M1:      local: moved to stack: malloc(16)
;
; The same lines are analysis remarks (EscapeFlow), at the allocation.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks-analysis=escape \
; RUN:   -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; REMARK:      remark: <unknown>:0:0:   flow: {heap} = &{storage for malloc(16)}:
; REMARK-NEXT: remark: <unknown>:0:0:     from g = p (assign to global g)
;
; Reporting changes nothing else: the same IR, and no output without m.
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0>' -S %s -o %t.plain.ll
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;variable-slot=0;m=2>' -S %s -o %t.m2.ll 2>/dev/null
; RUN: diff %t.plain.ll %t.m2.ll
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -disable-output %s 2>&1 | count 0
;
; CHECK:to_global: malloc(16) escapes to heap: stored to global g
; CHECK-NEXT:to_global:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:to_global:     from g = p (assign to global g)
; CHECK-NEXT:returned: malloc(16) escapes to heap: returned
; CHECK-NEXT:returned:   flow: ~r0 = &{storage for malloc(16)}:
; CHECK-NEXT:returned:     from return p (return)
; CHECK-NEXT:in_returned_box: malloc(8) escapes to heap: returned
; CHECK-NEXT:in_returned_box:   flow: ~r0 = &{storage for malloc(8)}:
; CHECK-NEXT:in_returned_box:     from return box (return)
; CHECK-NEXT:in_returned_box: malloc(16) escapes to heap: stored into an object that escapes (returned)
; CHECK-NEXT:in_returned_box:   flow: *box = &{storage for malloc(16)}:
; CHECK-NEXT:in_returned_box:     from *box = p (assign)
; CHECK-NEXT:in_returned_box:   flow: ~r0 = box:
; CHECK-NEXT:in_returned_box:     from return box (return)
; CHECK-NEXT:nested: malloc(8) escapes to heap: stored to global g
; CHECK-NEXT:nested:   flow: {heap} = &{storage for malloc(8)}:
; CHECK-NEXT:nested:     from g = outer (assign to global g)
; CHECK-NEXT:nested: malloc(8) escapes to heap: stored into an object that escapes (stored to global g)
; CHECK-NEXT:nested:   flow: *outer = &{storage for malloc(8)}:
; CHECK-NEXT:nested:     from *outer = box (assign)
; CHECK-NEXT:nested:   flow: {heap} = outer:
; CHECK-NEXT:nested:     from g = outer (assign to global g)
; CHECK-NEXT:nested: malloc(16) escapes to heap: stored into an object that escapes (stored to global g)
; CHECK-NEXT:nested:   flow: *box = &{storage for malloc(16)}:
; CHECK-NEXT:nested:     from *box = p (assign)
; CHECK-NEXT:nested:   flow: *outer = box:
; CHECK-NEXT:nested:     from *outer = box (assign)
; CHECK-NEXT:nested:   flow: {heap} = outer:
; CHECK-NEXT:nested:     from g = outer (assign to global g)
; CHECK-NEXT:through_param: out does not escape
; CHECK-NEXT:through_param: malloc(16) escapes to heap: stored to unknown memory
; CHECK-NEXT:through_param:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:through_param:     from *out = p (assign to memory of param out)
; CHECK-NEXT:passed: malloc(16) escapes to heap: passed to sink
; CHECK-NEXT:passed:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:passed:     from sink(p) (call parameter)
; CHECK-NEXT:indirect: fn does not escape
; CHECK-NEXT:indirect: malloc(16) escapes to heap: passed to an indirect call
; CHECK-NEXT:indirect:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:indirect:     from (*fn)(p) (indirect call parameter)
; CHECK-NEXT:asm: malloc(16) escapes to heap: passed to inline asm
; CHECK-NEXT:asm:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:asm:     from asm(p) (passed to inline asm)
; CHECK-NEXT:content_read: moved to stack: malloc(8)
; CHECK-NEXT:content_read: malloc(16) escapes to heap: reachable from an argument of read_only
; CHECK-NEXT:content_read:   flow: *box = &{storage for malloc(16)}:
; CHECK-NEXT:content_read:     from *box = p (assign)
; CHECK-NEXT:content_read:   flow: {heap} = box:
; CHECK-NEXT:content_read:     from read_only(box) (content read by callee)
; CHECK-NEXT:ptrtoint: malloc(16) escapes to heap: converted to an integer (returned)
; CHECK-NEXT:ptrtoint:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:ptrtoint:     from p (converted to an integer (returned))
; CHECK-NEXT:reallocated: malloc(16) escapes to heap: reallocated
; CHECK-NEXT:reallocated:     from q = realloc(p, 32) (reallocated)
; CHECK-NEXT:selected: leaking param: other
; CHECK-NEXT:selected: malloc(16) escapes to heap: passed to sink
; CHECK-NEXT:selected:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:selected:     from s = c ? p : other (assign)
; CHECK-NEXT:selected:     from sink(s) (call parameter)
; CHECK-NEXT:through_memory: malloc(16) escapes to heap: passed to sink
; CHECK-NEXT:through_memory:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:through_memory:     from *slot = p (assign)
; CHECK-NEXT:through_memory:     from q = *slot (indirection)
; CHECK-NEXT:through_memory:     from sink(q) (call parameter)
; CHECK-NEXT:loop_carried: moved to stack: malloc(16) (one at a time, else heap)
; CHECK-NEXT:sizes: malloc(4096) escapes to heap: too large for stack (4096 > 1024 bytes)
; CHECK-NEXT:sizes:     from malloc(4096) (too large for stack (4096 > 1024 bytes))
; CHECK-NEXT:sizes: malloc(n) escapes to heap: non-constant size
; CHECK-NEXT:sizes:     from malloc(n) (non-constant size)
; CHECK-NEXT:other_family: malloc(16) escapes to heap: nobuiltin call
; CHECK-NEXT:other_family:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:other_family:     from _ZdlPv(p) (nobuiltin call)
; CHECK-NEXT:jumps: leaking param: env
; CHECK-NEXT:jumps: malloc(16) escapes to heap: function calls a returns_twice function
; CHECK-NEXT:jumps:     from r = setjmp(env) (function calls a returns_twice function)
; CHECK-NEXT:frees: leaking param: p (freed)
; CHECK-NEXT:freed_by_callee: malloc(16) escapes to heap: freed by callee frees
; CHECK-NEXT:freed_by_callee:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:freed_by_callee:     from frees(p) (freed by callee frees)
; CHECK-NEXT:local: moved to stack: malloc(16)
; CHECK-NEXT:copied: malloc(16) escapes to heap: stored into an object that escapes (stored to global g)
; CHECK-NEXT:copied:   flow: *b = &{storage for malloc(16)}:
; CHECK-NEXT:copied:     from *a = p (assign)
; CHECK-NEXT:copied:     from memcpy(b, a, 8) (copy)
; CHECK-NEXT:copied:   flow: {heap} = b:
; CHECK-NEXT:copied:     from g = b (assign to global g)
; CHECK-NEXT:copied: malloc(8) escapes to heap: stored to global g
; CHECK-NEXT:copied:   flow: {heap} = &{storage for malloc(8)}:
; CHECK-NEXT:copied:     from g = b (assign to global g)
; CHECK-NEXT:identity: leaking param: x to result ~r0 level=0
; CHECK-NEXT:via_result: malloc(16) escapes to heap: passed to sink
; CHECK-NEXT:via_result:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:via_result:     from r = identity(p) (call result)
; CHECK-NEXT:via_result:     from field = r (assign)
; CHECK-NEXT:via_result:     from sink(field) (call parameter)
; CHECK-NEXT:merged: malloc(16) escapes to heap: stored to global g
; CHECK-NEXT:merged:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:merged:     from m = p or q (assign)
; CHECK-NEXT:merged:     from g = m (assign to global g)
; CHECK-NEXT:merged: malloc(16) escapes to heap: stored to global g
; CHECK-NEXT:merged:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT:merged:     from m = p or q (assign)
; CHECK-NEXT:merged:     from g = m (assign to global g)
; CHECK-NEXT:tail_callee: p does not escape
; CHECK-NEXT:musttail: x does not escape
; CHECK-NEXT:musttail: malloc(16) escapes to heap: passed to a musttail call
; CHECK-NEXT:musttail:     from malloc(16) (passed to a musttail call)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: moved to stack: malloc(1000)
; CHECK-NEXT:budget: malloc(1000) escapes to heap: stack budget exceeded (9072 > 8192 bytes)
; CHECK-NEXT:budget:     from malloc(1000) (stack budget exceeded (9072 > 8192 bytes))
; CHECK-NEXT:not_builtin: malloc(16) escapes to heap: nobuiltin call
; CHECK-NEXT:not_builtin:     from malloc(16) (nobuiltin call)
; CHECK-NEXT:replaceable: leaking param: q

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null

declare noalias ptr @malloc(i64)
declare noalias ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @sink(ptr)
declare void @read_only(ptr nocapture readonly) nofree nounwind
declare i32 @setjmp(ptr) returns_twice
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @to_global() {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

; A pointer stored into a box that is returned: two flows.
define ptr @in_returned_box() {
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  ret ptr %box
}

; Three levels: p in box, box in outer, outer stored to a global.
define void @nested() {
  %outer = call ptr @malloc(i64 8)
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  store ptr %box, ptr %outer
  store ptr %outer, ptr @g
  ret void
}

define void @through_param(ptr %out) {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %out
  ret void
}

define void @passed() {
  %p = call ptr @malloc(i64 16)
  call void @sink(ptr %p)
  ret void
}

define void @indirect(ptr %fn) {
  %p = call ptr @malloc(i64 16)
  call void %fn(ptr %p)
  ret void
}

define void @asm() {
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r"(ptr %p)
  ret void
}

; Read by a callee that keeps nothing, but what the object holds escapes.
define void @content_read() {
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  call void @read_only(ptr %box)
  call void @free(ptr %box)
  ret void
}

define i64 @ptrtoint() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

define void @reallocated() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 32)
  call void @free(ptr %q)
  ret void
}

; Merged by a select with a pointer that escapes.
define void @selected(i1 %c, ptr %other) {
  %p = call ptr @malloc(i64 16)
  %s = select i1 %c, ptr %p, ptr %other
  call void @sink(ptr %s)
  ret void
}

; Stored into a local slot, loaded back, then passed on.
define void @through_memory() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %q = load ptr, ptr %slot
  call void @sink(ptr %q)
  ret void
}

define void @loop_carried(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @malloc(i64 16)
  store ptr %prev, ptr %p
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

define void @sizes(i64 %n) {
  %big = call ptr @malloc(i64 4096)
  call void @read_only(ptr %big)
  call void @free(ptr %big)
  %var = call ptr @malloc(i64 %n)
  call void @read_only(ptr %var)
  call void @free(ptr %var)
  ret void
}

define void @other_family() {
  %p = call ptr @malloc(i64 16)
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @jumps(ptr %env) {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @setjmp(ptr %env)
  call void @read_only(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @frees(ptr %p) {
  call void @free(ptr %p)
  ret void
}

define void @freed_by_callee() {
  %p = call ptr @malloc(i64 16)
  call void @frees(ptr %p)
  ret void
}

define void @local() {
  %p = call ptr @malloc(i64 16)
  call void @read_only(ptr %p)
  call void @free(ptr %p)
  ret void
}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; Copied with memcpy from one box into another that escapes.
define void @copied() {
  %a = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %a
  %b = call ptr @malloc(i64 8)
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %a, i64 8, i1 false)
  store ptr %b, ptr @g
  ret void
}

define ptr @identity(ptr %x) {
  ret ptr %x
}

; Through a callee that returns its argument, and a named address computation.
define void @via_result() {
  %p = call ptr @malloc(i64 16)
  %r = call ptr @identity(ptr %p)
  %field = getelementptr i8, ptr %r, i64 8
  call void @sink(ptr %field)
  ret void
}

define void @merged(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %then, label %join
then:
  %q = call ptr @malloc(i64 16)
  br label %join
join:
  %m = phi ptr [ %p, %entry ], [ %q, %then ]
  store ptr %m, ptr @g
  ret void
}

define void @tail_callee(ptr %p) {
  ret void
}

define void @musttail(ptr %x) {
  %p = call ptr @malloc(i64 16)
  musttail call void @tail_callee(ptr %p)
  ret void
}

; Over the frame budget (max-frame, 8192 bytes): the ninth kilobyte.
define void @budget() {
  %big1 = call ptr @malloc(i64 1000)
  %big2 = call ptr @malloc(i64 1000)
  %big3 = call ptr @malloc(i64 1000)
  %big4 = call ptr @malloc(i64 1000)
  %big5 = call ptr @malloc(i64 1000)
  %big6 = call ptr @malloc(i64 1000)
  %big7 = call ptr @malloc(i64 1000)
  %big8 = call ptr @malloc(i64 1000)
  %big9 = call ptr @malloc(i64 1000)
  call void @read_all(ptr %big1, ptr %big2, ptr %big3, ptr %big4, ptr %big5, ptr %big6, ptr %big7, ptr %big8, ptr %big9)
  ret void
}

declare void @read_all(ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone, ptr nocapture readnone) nofree nounwind nocallback

; -fno-builtin: this malloc may be any function.
define void @not_builtin() {
  %p = call ptr @malloc(i64 16) nobuiltin
  call void @read_only(ptr %p)
  ret void
}

; A definition the linker may replace gets its verdicts too (what this one
; does), though callers do not rely on them.
define linkonce_odr void @replaceable(ptr %q) {
  store ptr %q, ptr @g
  ret void
}
