; Without a target triple TargetLibraryInfo knows no C library: its
; allocators are not treated as the library's, and the reason says that
; rather than "nobuiltin call" (found by the stress generator's alignment
; shapes).
;
; RUN: opt -load-pass-plugin %plugin -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s

declare ptr @memalign(i64, i64)
declare void @use(ptr nocapture) nofree nounwind nocallback

; CHECK: remark: {{.*}}memalign(16, 32) escapes to heap: memalign is not known as a C library function on this target{{$}}
define void @f() {
  %p = call ptr @memalign(i64 16, i64 32)
  call void @use(ptr %p)
  ret void
}
