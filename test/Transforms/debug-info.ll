; Debug info must not change decisions: a dbg.value (or #dbg_value record)
; naming the pointer is not a use. Remarks carry the allocation's source
; location.
;
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -verify-each -S %s | FileCheck %s
; RUN: opt -load-pass-plugin %plugin -passes='escape<no-room-check>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture) nofree nounwind
declare void @llvm.dbg.value(metadata, metadata, metadata)

define void @described_pointer() !dbg !10 {
; CHECK-LABEL: define void @described_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr %p)
; CHECK-NOT:     @free
; CHECK:         ret void
; REMARK-DAG: remark: debug.c:4:13: moved to stack: malloc(16){{$}}
entry:
  %p = call ptr @malloc(i64 16), !dbg !13
  call void @llvm.dbg.value(metadata ptr %p, metadata !12, metadata !DIExpression()), !dbg !13
  call void @use(ptr %p), !dbg !14
  call void @free(ptr %p), !dbg !15
  ret void, !dbg !16
}

define ptr @described_escape() !dbg !20 {
; CHECK-LABEL: define ptr @described_escape(
; CHECK-NOT:     alloca
; CHECK:         %p = call ptr @malloc(i64 16)
; REMARK-DAG: remark: debug.c:10:13: malloc(16) escapes to heap: returned{{$}}
entry:
  %p = call ptr @malloc(i64 16), !dbg !23
  call void @llvm.dbg.value(metadata ptr %p, metadata !22, metadata !DIExpression()), !dbg !23
  ret ptr %p, !dbg !24
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "debug.c", directory: "/tmp")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !6)
!6 = !{null}
!7 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!8 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !7, size: 64)
!10 = distinct !DISubprogram(name: "described_pointer", scope: !1, file: !1, line: 3, type: !5, scopeLine: 3, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !11)
!11 = !{!12}
!12 = !DILocalVariable(name: "p", scope: !10, file: !1, line: 4, type: !8)
!13 = !DILocation(line: 4, column: 13, scope: !10)
!14 = !DILocation(line: 5, column: 3, scope: !10)
!15 = !DILocation(line: 6, column: 3, scope: !10)
!16 = !DILocation(line: 7, column: 1, scope: !10)
!20 = distinct !DISubprogram(name: "described_escape", scope: !1, file: !1, line: 9, type: !5, scopeLine: 9, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !21)
!21 = !{!22}
!22 = !DILocalVariable(name: "p", scope: !20, file: !1, line: 10, type: !8)
!23 = !DILocation(line: 10, column: 13, scope: !20)
!24 = !DILocation(line: 11, column: 3, scope: !20)
