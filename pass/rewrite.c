/* rewrite: slots, lifetimes, frees, tail markers (see rewrite.h). */
#include "rewrite.h"

#include "attrs.h"
#include "room.h"
#include "solve.h"

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <stdlib.h>
#include <string.h>

typedef struct Rewriter {
  EscGraph *g;
  LLVMBuilderRef builder;
  LLVMModuleRef module;
  LLVMContextRef context;
  LLVMValueRef room; /* the room check's answer (room.h), or NULL: slots always */
} Rewriter;

static bool promoted(const EscSite *site) { return site->verdict == ESC_PROMOTED; }

/* ---- tail markers ---------------------------------------------------- */

enum { REACH_UNKNOWN, REACH_VISITING, REACH_YES, REACH_NO };

static bool class_has_promoted(EscGraph *g, uint32_t rep) {
  for (uint32_t s = g->nodes[rep].first_site; s != ESC_NONE; s = g->sites[s].next_in_class)
    if (promoted(&g->sites[s]))
      return true;
  return false;
}

/* Does a pointer of class `node` lead, directly or through what it points
 * to, to a promoted object? Pointee chains are functional, so one walk per
 * chain with memoized answers keeps this linear. */
static bool reaches_promoted(EscGraph *g, uint8_t *memo, uint32_t node) {
  uint32_t rep = esc_find(g, node), walk = rep;
  bool answer = false;
  while (walk != ESC_NONE && memo[walk] == REACH_UNKNOWN) {
    memo[walk] = REACH_VISITING;
    if (class_has_promoted(g, walk)) {
      answer = true;
      break;
    }
    walk = esc_pointee_if_any(g, walk);
  }
  if (walk != ESC_NONE && memo[walk] == REACH_YES)
    answer = true;
  for (uint32_t w = rep; w != ESC_NONE && memo[w] == REACH_VISITING; w = esc_pointee_if_any(g, w))
    memo[w] = answer ? REACH_YES : REACH_NO;
  return answer;
}

static bool call_reaches_promoted(EscGraph *g, uint8_t *memo, LLVMValueRef call) {
  unsigned operands = (unsigned)LLVMGetNumOperands(call);
  for (unsigned i = 0; i + 1 < operands; i++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetOperand(call, i));
    if (node != ESC_NONE && reaches_promoted(g, memo, node))
      return true;
  }
  return false;
}

static void drop_tail_markers(EscGraph *g) {
  uint8_t *memo = esc_calloc(g->node_count, 1);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->function); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (LLVMIsACallInst(i) && LLVMGetTailCallKind(i) == LLVMTailCallKindTail &&
          call_reaches_promoted(g, memo, i))
        LLVMSetTailCallKind(i, LLVMTailCallKindNone);
  free(memo);
}

/* ---- slots ----------------------------------------------------------- */

static LLVMValueRef intrinsic(Rewriter *r, const char *name, LLVMTypeRef *types, size_t n) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  return LLVMGetIntrinsicDeclaration(r->module, id, types, n);
}

/* llvm.lifetime.start/end take (i64 size, ptr) up to LLVM 21 and (ptr) from
 * LLVM 22: ask the declaration rather than the version. */
static void emit_lifetime(Rewriter *r, const char *name, LLVMValueRef slot, uint64_t size) {
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  LLVMValueRef fn = intrinsic(r, name, &ptr, 1);
  LLVMTypeRef type = LLVMGlobalGetValueType(fn);
  LLVMValueRef args[2];
  unsigned n = 0;
  if (LLVMCountParamTypes(type) == 2)
    args[n++] = LLVMConstInt(LLVMInt64TypeInContext(r->context), size, false);
  args[n++] = slot;
  LLVMBuildCall2(r->builder, type, fn, args, n, "");
}

static void position_at(Rewriter *r, LLVMValueRef inst) {
  LLVMPositionBuilderBefore(r->builder, inst);
  LLVMSetCurrentDebugLocation2(r->builder, LLVMInstructionGetDebugLoc(inst));
}

/* The call's name, which the value replacing it takes over; the caller
 * frees it. */
static char *take_name(LLVMValueRef call) {
  size_t len;
  const char *name = LLVMGetValueName2(call, &len);
  char *kept = esc_calloc(len + 1, 1);
  memcpy(kept, name, len);
  LLVMSetValueName2(call, "", 0);
  return kept;
}

/* A static alloca of its own, at the top of the entry block. */
static void create_slot(Rewriter *r, EscSite *site) {
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(r->g->function));
  LLVMPositionBuilderBefore(r->builder, first);
  LLVMSetCurrentDebugLocation2(r->builder, NULL);
  char *name = r->room ? NULL : take_name(site->call); /* the call is about to go */
  LLVMTypeRef type = LLVMArrayType2(LLVMInt8TypeInContext(r->context), esc_slot_size(site));
  site->slot = LLVMBuildAlloca(r->builder, type, name && *name ? name : "escape.slot");
  LLVMSetAlignment(site->slot, (unsigned)site->align);
  free(name);
}

/* The promoted sites' slots as one area, each at an offset aligned for it:
 * returns its size, and its alignment through *align. */
static uint64_t lay_out_area(EscGraph *g, uint64_t *offsets, uint64_t *align) {
  uint64_t end = 0;
  *align = 1;
  for (uint32_t s = 0; s < g->site_count; s++) {
    const EscSite *site = &g->sites[s];
    if (!promoted(site))
      continue;
    offsets[s] = (end + site->align - 1) / site->align * site->align;
    end = offsets[s] + esc_slot_size(site);
    if (site->align > *align)
      *align = site->align;
  }
  return end;
}

/* Checks the room for the area, then allocates it, `size` bytes when there
 * is room and none when not, as a dynamic alloca: the frame grows only when
 * the check passed. Under AddressSanitizer each slot is a static alloca of
 * its own instead, so that its use-after-return mode watches it. */
static void create_checked_slots(Rewriter *r, const EscOptions *options) {
  EscGraph *g = r->g;
  uint64_t *offsets = esc_calloc(g->site_count, sizeof *offsets), align;
  uint64_t size = lay_out_area(g, offsets, &align);
  /* The alloca may be realigned: count the padding that costs. */
  r->room = esc_room_check(g, r->builder, size + (align > 16 ? align : 0), options->stack_reserve);
  bool asan = esc_has_fn_attr(NULL, g->function, "sanitize_address");
  LLVMTypeRef i8 = LLVMInt8TypeInContext(r->context), i64 = LLVMInt64TypeInContext(r->context);
  LLVMValueRef area = NULL;
  if (!asan) {
    LLVMValueRef bytes =
        LLVMBuildSelect(r->builder, r->room, LLVMConstInt(i64, size, false), LLVMConstInt(i64, 0, false), "");
    area = LLVMBuildArrayAlloca(r->builder, i8, bytes, "escape.area");
    LLVMSetAlignment(area, (unsigned)align);
  }
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    if (!promoted(site))
      continue;
    if (asan) {
      create_slot(r, site);
    } else {
      LLVMValueRef offset = LLVMConstInt(i64, offsets[s], false);
      site->slot = LLVMBuildGEP2(r->builder, i8, area, &offset, 1, "escape.slot");
    }
  }
  free(offsets);
}

/* ---- frees ------------------------------------------------------------ */

static bool is_zero_gep(LLVMValueRef v) {
  if (!LLVMIsAGetElementPtrInst(v))
    return false;
  unsigned n = (unsigned)LLVMGetNumOperands(v);
  for (unsigned i = 1; i < n; i++) {
    LLVMValueRef idx = LLVMGetOperand(v, i);
    if (!LLVMIsAConstantInt(idx) || LLVMConstIntGetZExtValue(idx) != 0)
      return false;
  }
  return true;
}

static LLVMValueRef strip_casts(LLVMValueRef v) {
  while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v) || is_zero_gep(v))
    v = LLVMGetOperand(v, 0);
  return v;
}

typedef struct FreeTargets {
  uint32_t promoted, heap; /* sites of the freed class, by verdict */
  EscSite *exact;          /* the promoted site the operand certainly is */
} FreeTargets;

static FreeTargets targets_of(EscGraph *g, const EscFree *fr, LLVMValueRef freed) {
  FreeTargets t = {0, 0, NULL};
  LLVMValueRef base = strip_casts(freed);
  for (uint32_t s = esc_first_site(g, fr->node); s != ESC_NONE; s = g->sites[s].next_in_class) {
    EscSite *site = &g->sites[s];
    if (!promoted(site)) {
      t.heap++;
      continue;
    }
    t.promoted++;
    if (site->call == base)
      t.exact = site;
  }
  return t;
}

/* The free's operand becomes `freed`, which may be null. */
static void set_freed(const EscFree *fr, LLVMValueRef freed) {
  unsigned ptr_arg = fr->ptr_arg;
  LLVMSetOperand(fr->call, ptr_arg, freed);
  static const char *const non_null[] = {"nonnull", "dereferenceable"};
  for (unsigned i = 0; i < 2; i++)
    LLVMRemoveCallSiteEnumAttribute(
        fr->call, ptr_arg + 1, LLVMGetEnumAttributeKindForName(non_null[i], strlen(non_null[i])));
}

/* free(p) -> free(p == slot ? NULL : p) for every promoted slot p may be. */
static void guard_free(Rewriter *r, const EscFree *fr) {
  EscGraph *g = r->g;
  LLVMValueRef freed = LLVMGetOperand(fr->call, fr->ptr_arg);
  LLVMTypeRef type = LLVMTypeOf(freed);
  position_at(r, fr->call);
  for (uint32_t s = esc_first_site(g, fr->node); s != ESC_NONE; s = g->sites[s].next_in_class) {
    EscSite *site = &g->sites[s];
    if (!promoted(site))
      continue;
    LLVMValueRef slot = site->slot;
    if (LLVMTypeOf(slot) != type)
      slot = LLVMBuildAddrSpaceCast(r->builder, slot, type, "");
    LLVMValueRef same = LLVMBuildICmp(r->builder, LLVMIntEQ, freed, slot, "escape.guard");
    freed = LLVMBuildSelect(r->builder, same, LLVMConstNull(type), freed, "escape.free");
  }
  set_freed(fr, freed);
}

static bool rewrite_free(Rewriter *r, const EscFree *fr) {
  EscGraph *g = r->g;
  LLVMValueRef freed = LLVMGetOperand(fr->call, fr->ptr_arg);
  FreeTargets t = targets_of(g, fr, freed);
  if (!t.promoted)
    return false;
  bool only_promoted = t.heap == 0 && !esc_has(g, fr->node, ESC_EXTERNAL);
  if (r->room && only_promoted) {
    /* With room every object it may free is a slot; without, none is. */
    position_at(r, fr->call);
    LLVMValueRef freed = LLVMGetOperand(fr->call, fr->ptr_arg);
    set_freed(fr, LLVMBuildSelect(r->builder, r->room, LLVMConstNull(LLVMTypeOf(freed)), freed,
                                  "escape.free"));
  } else if (r->room) {
    guard_free(r, fr);
  } else if (t.exact || only_promoted) {
    if (t.exact) {
      position_at(r, fr->call);
      emit_lifetime(r, "llvm.lifetime.end", t.exact->slot, esc_slot_size(t.exact));
    }
    LLVMInstructionEraseFromParent(fr->call);
  } else {
    guard_free(r, fr);
  }
  return true;
}

/* ---- sites ------------------------------------------------------------ */

static bool is_null_check(LLVMValueRef user, LLVMValueRef call) {
  if (!LLVMIsAICmpInst(user))
    return false;
  LLVMIntPredicate p = LLVMGetICmpPredicate(user);
  LLVMValueRef other = LLVMGetOperand(user, LLVMGetOperand(user, 0) == call ? 1 : 0);
  return (p == LLVMIntEQ || p == LLVMIntNE) && LLVMIsAConstant(other) && LLVMIsNull(other);
}

/* icmp eq/ne of the allocation against null: a stack slot is never null. */
static void fold_null_checks(LLVMValueRef call) {
  LLVMValueRef *checks = NULL;
  uint32_t count = 0, capacity = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(call); u; u = LLVMGetNextUse(u))
    if (is_null_check(LLVMGetUser(u), call)) {
      esc_grow((void **)&checks, &capacity, sizeof *checks, count + 1);
      checks[count++] = LLVMGetUser(u);
    }
  for (uint32_t i = 0; i < count; i++) {
    bool ne = LLVMGetICmpPredicate(checks[i]) == LLVMIntNE;
    LLVMReplaceAllUsesWith(checks[i], LLVMConstInt(LLVMTypeOf(checks[i]), ne, false));
    LLVMInstructionEraseFromParent(checks[i]);
  }
  free(checks);
}

static void rewrite_site(Rewriter *r, EscSite *site) {
  LLVMValueRef call = site->call;
  if (LLVMIsAInvokeInst(call))
    call = esc_host_invoke_to_call(r->g->host, call);
  position_at(r, call);
  emit_lifetime(r, "llvm.lifetime.start", site->slot, esc_slot_size(site));
  if (site->allocator.zeroed)
    LLVMBuildMemSet(r->builder, site->slot, LLVMConstInt(LLVMInt8TypeInContext(r->context), 0, 0),
                    LLVMConstInt(LLVMInt64TypeInContext(r->context), esc_slot_size(site), 0),
                    site->align);
  fold_null_checks(call);
  LLVMReplaceAllUsesWith(call, site->slot);
  LLVMInstructionEraseFromParent(call);
  site->call = NULL;
}

/* Where there is room the slot, else the call as it was:
 *   before: br room, stack, heap
 *   stack:  (memset for calloc) br join
 *   heap:   p.heap = call/invoke ...       (an invoke's normal edge to join)
 *   join:   p = phi [slot, stack], [p.heap, heap] */
static void rewrite_site_two_ways(Rewriter *r, EscSite *site) {
  EscHost *host = r->g->host;
  LLVMValueRef call = site->call;
  LLVMBasicBlockRef before = LLVMGetInstructionParent(call);
  LLVMBasicBlockRef heap = esc_host_split_block(host, call, "escape.heap");
  LLVMBasicBlockRef join = LLVMIsAInvokeInst(call)
                               ? esc_host_split_normal_edge(host, call, "escape.join")
                               : esc_host_split_block(host, LLVMGetNextInstruction(call), "escape.join");
  LLVMBasicBlockRef stack = LLVMInsertBasicBlockInContext(r->context, heap, "escape.stack");
  LLVMInstructionEraseFromParent(LLVMGetBasicBlockTerminator(before));
  LLVMPositionBuilderAtEnd(r->builder, before);
  LLVMSetCurrentDebugLocation2(r->builder, LLVMInstructionGetDebugLoc(call));
  LLVMBuildCondBr(r->builder, r->room, stack, heap);
  LLVMPositionBuilderAtEnd(r->builder, stack);
  if (site->allocator.zeroed)
    LLVMBuildMemSet(r->builder, site->slot, LLVMConstInt(LLVMInt8TypeInContext(r->context), 0, 0),
                    LLVMConstInt(LLVMInt64TypeInContext(r->context), esc_slot_size(site), 0),
                    (unsigned)site->align);
  LLVMBuildBr(r->builder, join);
  position_at(r, LLVMGetFirstInstruction(join));
  char *name = take_name(call);
  LLVMValueRef merged = LLVMBuildPhi(r->builder, LLVMTypeOf(call), name);
  if (*name) {
    char *heap_name = esc_calloc(strlen(name) + sizeof ".heap", 1);
    strcat(strcpy(heap_name, name), ".heap");
    LLVMSetValueName2(call, heap_name, strlen(heap_name));
    free(heap_name);
  }
  free(name);
  LLVMReplaceAllUsesWith(call, merged);
  LLVMValueRef values[] = {site->slot, call};
  LLVMBasicBlockRef blocks[] = {stack, heap};
  LLVMAddIncoming(merged, values, blocks, 2);
}

bool esc_rewrite(EscGraph *g, const EscOptions *options) {
  bool any = false;
  for (uint32_t s = 0; s < g->site_count; s++)
    any |= promoted(&g->sites[s]);
  if (!any)
    return false;
  drop_tail_markers(g);
  LLVMModuleRef module = LLVMGetGlobalParent(g->function);
  Rewriter r = {g, LLVMCreateBuilderInContext(LLVMGetModuleContext(module)), module,
                LLVMGetModuleContext(module), NULL};
  if (options->room_check)
    create_checked_slots(&r, options);
  else
    for (uint32_t s = 0; s < g->site_count; s++)
      if (promoted(&g->sites[s]))
        create_slot(&r, &g->sites[s]);
  for (uint32_t f = 0; f < g->free_count; f++)
    rewrite_free(&r, &g->frees[f]);
  for (uint32_t s = 0; s < g->site_count; s++)
    if (promoted(&g->sites[s]))
      (r.room ? rewrite_site_two_ways : rewrite_site)(&r, &g->sites[s]);
  LLVMDisposeBuilder(r.builder);
  return true;
}
