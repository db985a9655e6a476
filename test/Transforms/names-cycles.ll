; Words for values whose computation is a cycle, which IR allows in
; unreachable code (an instruction may use itself there): seeing through a
; GEP costs a little of the words' depth (pass/names.c), so they end; a plugin
; where it cost nothing recursed until the stack ran out. The values are
; unnamed, as clang leaves them.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<m=2>' -verify-each -disable-output %s 2>&1 | FileCheck %s

declare ptr @malloc(i64)

; CHECK: dead: moved to stack: malloc(8)
define void @dead() {
  %1 = call ptr @malloc(i64 8)
  ret void

2:
  %3 = getelementptr i8, ptr %3, i64 1
  store ptr %1, ptr %3
  ret void
}

; CHECK:      loaded: malloc(*...) escapes to heap: converted to an integer (read as data)
; CHECK-NEXT: loaded:   flow: *... = &{storage for malloc(*...)}:
; CHECK-NEXT: loaded:     from *... = malloc(*...) (assign)
define ptr @loaded() {
  %1 = call ptr @malloc(i64 8)
  ret ptr %1

2:
  %3 = getelementptr i8, ptr %3, i64 1
  %4 = load i64, ptr %3
  %5 = call ptr @malloc(i64 %4)
  store ptr %5, ptr %3
  ret ptr %5
}
