; Rule "fits at run time" with debug records (LLVM's #dbg_value, clang -g):
; the phi that joins the slot and the heap way goes before the records of the
; instruction after the allocation, as a phi carries none. Placed after them,
; the module was broken ("PHI Node must not have any attached DbgRecords")
; for a malloc followed by its #dbg_value, and for an invoke of new[] whose
; normal destination starts with one (reduced from test/behaviour/
; run_time_sizes.cpp at clang -O1 -g).
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes=escape -verify-each -disable-output %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare ptr @_Znam(i64)
declare void @_ZdaPv(ptr)

; CHECK-LABEL: define void @call_then_record(
; CHECK:       escape.join:
; CHECK-NEXT:    %p = phi ptr [ %escape.slot, %escape.small ], [ %0, %escape.large ]
; CHECK-NEXT:      #dbg_value(ptr %p,
define void @call_then_record(i64 %n) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 %n), !dbg !9
    #dbg_value(ptr %p, !4, !DIExpression(), !9)
  store i8 0, ptr %p, align 1, !dbg !9
  call void @free(ptr %p), !dbg !9
  ret void, !dbg !9
}

; CHECK-LABEL: define i32 @invoke_then_record(
; CHECK:       escape.join:
; CHECK-NEXT:    %[[P:.+]] = phi ptr [ %escape.slot, %escape.small ], [ %{{.+}}, %escape.large ]
; CHECK-NEXT:      #dbg_value(ptr %[[P]],
define i32 @invoke_then_record(i64 %n) personality ptr null !dbg !10 {
entry:
  %p = invoke ptr @_Znam(i64 %n) #0
          to label %ok unwind label %failed, !dbg !11

ok:
    #dbg_value(ptr %p, !12, !DIExpression(), !11)
  store i8 0, ptr %p, align 1, !dbg !11
  call void @_ZdaPv(ptr %p) #0, !dbg !11
  ret i32 0

failed:
  %lp = landingpad { ptr, i32 }
          cleanup
  ret i32 1
}

attributes #0 = { builtin }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "test", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, globals: !2, imports: !2)
!1 = !DIFile(filename: "t.c", directory: "/tmp")
!2 = !{}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DILocalVariable(name: "p", scope: !5, file: !1, line: 2, type: !8)
!5 = distinct !DISubprogram(name: "call_then_record", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !2)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!9 = !DILocation(line: 2, column: 13, scope: !5)
!10 = distinct !DISubprogram(name: "invoke_then_record", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !2)
!11 = !DILocation(line: 11, column: 13, scope: !10)
!12 = !DILocalVariable(name: "q", scope: !10, file: !1, line: 11, type: !8)
