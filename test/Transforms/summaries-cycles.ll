; Rule "stored below a parameter" (pass/summarize.c): a parameter stored
; into memory reachable from itself leaves the call, and a pointer a helper
; moves to another depth of its parameter's pointee chain makes that
; parameter's contents escape. In the helper's graph both show as a cycle on
; the chain; a cycle made by walking (a phi of n and n->next) does not count.
; The attributes written back are checked by what alias analysis makes of
; them: with a wrong nocapture on @setself, GVN forwards the store of %x to
; the load of a.v, which the store through a.self overwrote.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check;m=1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=M
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>,function(gvn)' -S %s | FileCheck %s --check-prefix=AA

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@kept = global ptr null

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; s->self = s
; CHECK: define void @setself(ptr %s)
; M: setself: leaking param: s
define void @setself(ptr %s) noinline {
  store ptr %s, ptr %s
  ret void
}

; n->prev = pos; n->next = pos->next; pos->next->prev = n; pos->next = n
; CHECK: define void @insert_after(ptr %pos, ptr %n)
; M: insert_after: leaking param: pos
; M: insert_after: leaking param: n
define void @insert_after(ptr %pos, ptr %n) noinline {
  store ptr %pos, ptr %n
  %next.field = getelementptr inbounds i8, ptr %n, i64 8
  %pos.next.field = getelementptr inbounds i8, ptr %pos, i64 8
  %next = load ptr, ptr %pos.next.field
  store ptr %next, ptr %next.field
  store ptr %n, ptr %next
  store ptr %n, ptr %pos.next.field
  ret void
}

; t->child->parent = t
; CHECK: define void @adopt(ptr %t)
; M: adopt: leaking param: t
define void @adopt(ptr %t) noinline {
  %child.field = getelementptr inbounds i8, ptr %t, i64 8
  %child = load ptr, ptr %child.field
  store ptr %t, ptr %child
  ret void
}

; p->a->b = p->a: a pointer one level down stored two levels down.
; M: sink: leaking param content: p
define void @sink(ptr %p) noinline {
  %a = load ptr, ptr %p
  store ptr %a, ptr %a
  ret void
}

; A walk: n = n->next merges two depths, and nothing is stored.
; M: length: n does not escape
define i32 @length(ptr %n) noinline {
entry:
  br label %loop
loop:
  %cur = phi ptr [ %n, %entry ], [ %next, %body ]
  %k = phi i32 [ 0, %entry ], [ %k1, %body ]
  %done = icmp eq ptr %cur, null
  br i1 %done, label %exit, label %body
body:
  %k1 = add i32 %k, 1
  %next.field = getelementptr inbounds i8, ptr %cur, i64 8
  %next = load ptr, ptr %next.field
  br label %loop
exit:
  ret i32 %k
}

; CHECK-LABEL: define i32 @via_heap(
; CHECK: call ptr @malloc(i64 16)
; M: via_heap: malloc(16) escapes to heap: passed to setself
define i32 @via_heap(i32 %x) {
  %s = call ptr @malloc(i64 16)
  call void @setself(ptr %s)
  %self = load ptr, ptr %s
  store ptr %self, ptr @kept
  ret i32 0
}

; CHECK-LABEL: define void @via_sink(
; CHECK: call ptr @malloc(i64 16)
; M: via_sink: malloc(16) escapes to heap
define void @via_sink(ptr %holder.field) {
  %holder = alloca ptr
  %obj = call ptr @malloc(i64 16)
  store ptr %obj, ptr %holder
  call void @sink(ptr %holder)
  %again = load ptr, ptr %holder
  %inner = load ptr, ptr %again
  store ptr %inner, ptr @kept
  ret void
}

; CHECK-LABEL: define i32 @walk_local(
; CHECK: alloca [24 x i8]
; CHECK-NOT: call ptr @malloc
; M: walk_local: moved to stack: malloc(24)
define i32 @walk_local() {
  %a = call ptr @malloc(i64 24)
  %next.field = getelementptr inbounds i8, ptr %a, i64 8
  store ptr null, ptr %next.field
  %k = call i32 @length(ptr %a)
  call void @free(ptr %a)
  ret i32 %k
}

; AA-LABEL: define i32 @via_attribute(
; AA-NOT: ret i32 %x
; AA: ret i32 %r
define i32 @via_attribute(i32 %x) {
  %a = alloca { ptr, i32 }, align 8
  call void @setself(ptr %a)
  %v = getelementptr inbounds i8, ptr %a, i64 8
  store i32 %x, ptr %v
  %self = load ptr, ptr %a
  %sv = getelementptr inbounds i8, ptr %self, i64 8
  %x1 = add i32 %x, 1
  store i32 %x1, ptr %sv
  %r = load i32, ptr %v
  ret i32 %r
}
