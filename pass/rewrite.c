/* rewrite: slots, lifetimes, frees, the calls that may reach a promoted
 * object (see rewrite.h). */
#include "rewrite.h"

#include "attrs.h"
#include "grow.h"
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
  /* By class: its promoted sites as a list (next_promoted, by site), and how
   * many of its sites' objects may be on the heap; built once, so that each
   * free looks at the promoted sites of its class only. */
  uint32_t *first_promoted, *next_promoted, *heap_sites;
} Rewriter;

static bool promoted(const EscSite *site) { return site->verdict == ESC_PROMOTED; }

/* ---- calls that may reach a promoted object -------------------------- */

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

static void drop_tail_markers(EscGraph *g, uint8_t *memo) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->function); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (LLVMIsACallInst(i) && LLVMGetTailCallKind(i) == LLVMTailCallKindTail &&
          call_reaches_promoted(g, memo, i))
        LLVMSetTailCallKind(i, LLVMTailCallKindNone);
}

/* ---- private copies -------------------------------------------------- */

/* Rule "a body of the same source may win" (summarize.c): a call whose
 * callee's summary holds only for its private copy, and that may reach a
 * promoted object through its arguments or its result, calls that copy. */
static void call_private_copies(EscGraph *g, uint8_t *memo) {
  for (uint32_t c = 0; c < g->copy_call_count; c++) {
    LLVMValueRef call = g->copy_calls[c];
    uint32_t result = esc_map_get(&g->values, call);
    if (!call_reaches_promoted(g, memo, call) &&
        (result == ESC_NONE || !reaches_promoted(g, memo, result)))
      continue;
    LLVMValueRef copy = esc_host_private_copy(g->host, LLVMGetCalledValue(call));
    LLVMSetOperand(call, (unsigned)LLVMGetNumOperands(call) - 1, copy); /* the callee */
  }
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

/* The value's name, which it gives up (for its replacement to take), or
 * `fallback` when it has none. The caller frees the copy. */
static char *take_name(LLVMValueRef value, const char *fallback) {
  size_t len;
  const char *name = LLVMGetValueName2(value, &len);
  if (!len)
    return strcpy(esc_calloc(strlen(fallback) + 1, 1), fallback);
  char *kept = memcpy(esc_calloc(len + 1, 1), name, len);
  LLVMSetValueName2(value, "", 0);
  return kept;
}

/* The one-at-a-time flag's values, and its value now. */
static LLVMValueRef flag_value(Rewriter *r, bool value) {
  return LLVMConstInt(LLVMInt1TypeInContext(r->context), value, false);
}

static LLVMValueRef load_busy(Rewriter *r, const EscSite *site) {
  return LLVMBuildLoad2(r->builder, LLVMInt1TypeInContext(r->context), site->busy, "escape.held");
}

/* A site whose call stays, behind a test of whether the slot takes the
 * object: a size known only at run time, or a slot taken one at a time. */
static bool tested_at_run_time(const EscSite *site) {
  return esc_run_time_size(site) || site->one_at_a_time;
}

static void create_slot(Rewriter *r, EscSite *site) {
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(r->g->function));
  LLVMPositionBuilderBefore(r->builder, first);
  LLVMSetCurrentDebugLocation2(r->builder, NULL);
  /* The slot takes over the call's name when it replaces the call. */
  char *name = tested_at_run_time(site) ? NULL : take_name(site->call, "escape.slot");
  LLVMTypeRef type = LLVMArrayType2(LLVMInt8TypeInContext(r->context), site->capacity);
  site->slot = LLVMBuildAlloca(r->builder, type, name ? name : "escape.slot");
  LLVMSetAlignment(site->slot, site->align);
  free(name);
  if (site->one_at_a_time) {
    site->busy = LLVMBuildAlloca(r->builder, LLVMInt1TypeInContext(r->context), "escape.busy");
    LLVMBuildStore(r->builder, flag_value(r, false), site->busy);
  }
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
  uint32_t promoted, heap; /* sites of the freed class: promoted, and those whose
                              objects may be on the heap (run-time sizes are both) */
  EscSite *exact;          /* the promoted site the operand certainly is, always a slot */
} FreeTargets;

/* A promoted object that may also be on the heap: its size did not fit, its
 * slot was busy, or a realloc moved it. */
static bool may_leave_slot(const EscSite *site) {
  return tested_at_run_time(site) || site->reallocated;
}

static void index_classes(Rewriter *r) {
  EscGraph *g = r->g;
  r->first_promoted = esc_calloc(g->node_count, sizeof *r->first_promoted);
  r->next_promoted = esc_calloc(g->site_count, sizeof *r->next_promoted);
  r->heap_sites = esc_calloc(g->node_count, sizeof *r->heap_sites);
  for (uint32_t n = 0; n < g->node_count; n++)
    r->first_promoted[n] = ESC_NONE;
  for (uint32_t s = g->site_count; s-- > 0;) {
    const EscSite *site = &g->sites[s];
    uint32_t rep = esc_find(g, site->node);
    if (!promoted(site) || may_leave_slot(site))
      r->heap_sites[rep]++;
    if (promoted(site)) {
      r->next_promoted[s] = r->first_promoted[rep];
      r->first_promoted[rep] = s;
    }
  }
}

static void free_index(Rewriter *r) {
  free(r->first_promoted);
  free(r->next_promoted);
  free(r->heap_sites);
}

/* The promoted sites of the class of `node`, in program order. */
static uint32_t first_promoted(const Rewriter *r, uint32_t node) {
  return r->first_promoted[esc_find(r->g, node)];
}

static FreeTargets targets_of(const Rewriter *r, const EscFree *fr, LLVMValueRef freed) {
  EscGraph *g = r->g;
  FreeTargets t = {0, r->heap_sites[esc_find(g, fr->node)], NULL};
  LLVMValueRef base = strip_casts(freed);
  for (uint32_t s = first_promoted(r, fr->node); s != ESC_NONE; s = r->next_promoted[s]) {
    EscSite *site = &g->sites[s];
    t.promoted++;
    if (site->call == base && !may_leave_slot(site))
      t.exact = site;
  }
  return t;
}

/* free(p) -> free(p == slot ? NULL : p) for every promoted slot p may be
 * (solve.c keeps them few: rule "few slots per free"); a slot taken one at
 * a time is free again when p == slot. */
static void guard_free(Rewriter *r, const EscFree *fr) {
  unsigned ptr_arg = fr->ptr_arg;
  EscGraph *g = r->g;
  LLVMValueRef freed = LLVMGetOperand(fr->call, ptr_arg);
  LLVMTypeRef type = LLVMTypeOf(freed);
  position_at(r, fr->call);
  for (uint32_t s = first_promoted(r, fr->node); s != ESC_NONE; s = r->next_promoted[s]) {
    EscSite *site = &g->sites[s];
    LLVMValueRef slot = site->slot;
    if (LLVMTypeOf(slot) != type)
      slot = LLVMBuildAddrSpaceCast(r->builder, slot, type, "");
    LLVMValueRef same = LLVMBuildICmp(r->builder, LLVMIntEQ, freed, slot, "escape.guard");
    if (site->busy) {
      LLVMValueRef still = LLVMBuildSelect(r->builder, same, flag_value(r, false),
                                           load_busy(r, site), "escape.still.held");
      LLVMBuildStore(r->builder, still, site->busy);
    }
    freed = LLVMBuildSelect(r->builder, same, LLVMConstNull(type), freed, "escape.free");
  }
  LLVMSetOperand(fr->call, ptr_arg, freed);
  /* The operand may now be null. */
  static const char *const non_null[] = {"nonnull", "dereferenceable"};
  for (unsigned i = 0; i < 2; i++)
    LLVMRemoveCallSiteEnumAttribute(
        fr->call, ptr_arg + 1, LLVMGetEnumAttributeKindForName(non_null[i], strlen(non_null[i])));
}

/* realloc of the class's one promoted object: the helper of grow.h. */
static void rewrite_realloc(Rewriter *r, const EscFree *fr) {
  uint32_t s = first_promoted(r, fr->node);
  LLVMValueRef grown = esc_grow_in_slot(r->g, fr, &r->g->sites[s]);
  char *name = take_name(fr->call, "");
  LLVMSetValueName2(grown, name, strlen(name));
  free(name);
  LLVMReplaceAllUsesWith(fr->call, grown);
  LLVMInstructionEraseFromParent(fr->call);
}

/* Each return of the site's class hands back a heap copy (grow.h). */
static void move_at_returns(EscGraph *g, const EscSite *site) {
  uint32_t rep = esc_find(g, site->node);
  for (uint32_t i = 0; i < g->return_count; i++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetOperand(g->returns[i], 0));
    if (node != ESC_NONE && esc_find(g, node) == rep)
      esc_grow_move_at_return(g, site, g->returns[i]);
  }
}

static bool rewrite_free(Rewriter *r, const EscFree *fr) {
  EscGraph *g = r->g;
  if (fr->reallocates) {
    if (first_promoted(r, fr->node) == ESC_NONE)
      return false;
    rewrite_realloc(r, fr);
    return true;
  }
  LLVMValueRef freed = LLVMGetOperand(fr->call, fr->ptr_arg);
  FreeTargets t = targets_of(r, fr, freed);
  if (!t.promoted)
    return false;
  bool only_promoted = t.heap == 0 && !esc_has(g, fr->node, ESC_EXTERNAL);
  if (t.exact || only_promoted) {
    if (t.exact) {
      position_at(r, fr->call);
      emit_lifetime(r, "llvm.lifetime.end", t.exact->slot, t.exact->capacity);
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
    if (is_null_check(LLVMGetUser(u), call))
      esc_append_value(&checks, &count, &capacity, LLVMGetUser(u));
  for (uint32_t i = 0; i < count; i++) {
    bool ne = LLVMGetICmpPredicate(checks[i]) == LLVMIntNE;
    LLVMReplaceAllUsesWith(checks[i], LLVMConstInt(LLVMTypeOf(checks[i]), ne, false));
    LLVMInstructionEraseFromParent(checks[i]);
  }
  free(checks);
}

/* strdup's work, in the slot: the string's `length` bytes and a NUL. */
static void copy_string(Rewriter *r, const EscSite *site, LLVMValueRef length) {
  LLVMTypeRef i8 = LLVMInt8TypeInContext(r->context);
  LLVMBuildMemCpy(r->builder, site->slot, site->align, LLVMGetOperand(site->call, 0), 1, length);
  LLVMValueRef end = LLVMBuildGEP2(r->builder, i8, site->slot, &length, 1, "escape.end");
  LLVMBuildStore(r->builder, LLVMConstInt(i8, 0, false), end);
}

/* Where the object's life starts in its slot: lifetime.start, then zeroes
 * for a zeroing allocator, the string for strdup (`bytes` counts what they
 * write). */
static void start_slot(Rewriter *r, const EscSite *site, LLVMValueRef bytes) {
  emit_lifetime(r, "llvm.lifetime.start", site->slot, site->capacity);
  if (site->allocator.zeroed)
    LLVMBuildMemSet(r->builder, site->slot, LLVMConstInt(LLVMInt8TypeInContext(r->context), 0, 0),
                    bytes, site->align);
  if (site->allocator.copies_string)
    copy_string(r, site, bytes);
}

/* A string copy's length without its NUL, strnlen(s, bound) with bound the
 * capacity (or strndup's limit, when lower), and in *fits whether the copy
 * and its NUL fit the slot: length < capacity. */
static LLVMValueRef string_length(Rewriter *r, const EscSite *site, LLVMValueRef *fits) {
  LLVMValueRef string = LLVMGetOperand(site->call, 0);
  LLVMTypeRef size_type = LLVMIntPtrTypeInContext(r->context, r->g->layout);
  LLVMValueRef capacity = LLVMConstInt(size_type, site->capacity, false), bound = capacity;
  if (site->allocator.size_arg >= 0) {
    LLVMValueRef limit = LLVMGetOperand(site->call, (unsigned)site->allocator.size_arg);
    LLVMValueRef lower = LLVMBuildICmp(r->builder, LLVMIntULT, limit, capacity, "");
    bound = LLVMBuildSelect(r->builder, lower, limit, capacity, "escape.bound");
  }
  LLVMTypeRef params[2] = {LLVMTypeOf(string), size_type};
  LLVMTypeRef type = LLVMFunctionType(size_type, params, 2, false);
  LLVMValueRef args[2] = {string, bound};
  LLVMValueRef strnlen_fn =
      esc_library_function(r->module, "strnlen", type, LLVMExternalLinkage);
  LLVMValueRef length = LLVMBuildCall2(r->builder, type, strnlen_fn, args, 2, "escape.length");
  *fits = LLVMBuildICmp(r->builder, LLVMIntULT, length, capacity, "escape.fits");
  return length;
}

static LLVMValueRef operand_as_i64(Rewriter *r, LLVMValueRef call, int index) {
  return LLVMBuildZExt(r->builder, LLVMGetOperand(call, (unsigned)index),
                       LLVMInt64TypeInContext(r->context), "");
}

/* The site's size in bytes as an i64, and in *fits whether the slot holds
 * it: size (times count, without overflow) <= capacity. */
static LLVMValueRef run_time_bytes(Rewriter *r, const EscSite *site, LLVMValueRef *fits) {
  LLVMTypeRef i64 = LLVMInt64TypeInContext(r->context);
  LLVMValueRef bytes = operand_as_i64(r, site->call, site->allocator.size_arg);
  LLVMValueRef no_overflow = NULL;
  if (site->allocator.count_arg >= 0) {
    LLVMValueRef args[2] = {operand_as_i64(r, site->call, site->allocator.count_arg), bytes};
    LLVMValueRef mul = intrinsic(r, "llvm.umul.with.overflow", &i64, 1);
    LLVMValueRef product =
        LLVMBuildCall2(r->builder, LLVMGlobalGetValueType(mul), mul, args, 2, "escape.bytes");
    bytes = LLVMBuildExtractValue(r->builder, product, 0, "");
    no_overflow = LLVMBuildNot(r->builder, LLVMBuildExtractValue(r->builder, product, 1, ""), "");
  }
  *fits = LLVMBuildICmp(r->builder, LLVMIntULE, bytes, LLVMConstInt(i64, site->capacity, false),
                        "escape.fits");
  if (no_overflow)
    *fits = LLVMBuildAnd(r->builder, *fits, no_overflow, "escape.fits");
  return bytes;
}

/* The bytes the object starts with in its slot, and in *takes whether the
 * slot takes it: its run-time size fits, and a slot taken one at a time is
 * not busy. */
static LLVMValueRef slot_test(Rewriter *r, const EscSite *site, LLVMValueRef *takes) {
  LLVMValueRef bytes = LLVMConstInt(LLVMInt64TypeInContext(r->context), site->capacity, false);
  *takes = NULL;
  if (esc_run_time_size(site))
    bytes = site->allocator.copies_string ? string_length(r, site, takes)
                                          : run_time_bytes(r, site, takes);
  if (site->busy) {
    LLVMValueRef idle = LLVMBuildNot(r->builder, load_busy(r, site), "escape.idle");
    *takes = *takes ? LLVMBuildAnd(r->builder, *takes, idle, "escape.takes") : idle;
  }
  return bytes;
}

/* Rules "fits at run time" (run-time-sizes.ll; run_time_sizes.c) and "one
 * at a time" (promote-loops.ll; loop_carried.c):
 *
 *     head:  takes = bytes <= capacity [&& !busy]; br takes, small, large
 *     small: lifetime.start(slot) [memset(slot, 0, bytes)] [busy = 1]; br join
 *            (strdup: head measures strnlen(s, capacity) < capacity, and
 *            small copies the string and its NUL)
 *     large: p = allocator(...)   (a call, or the invoke with its unwind edge)
 *     join:  phi [slot, small], [p, large]
 *
 * Every free of the object's class is guarded (rewrite_free), and its null
 * checks stay: the heap way may still fail. */
static void rewrite_tested_site(Rewriter *r, EscSite *site) {
  EscHost *host = r->g->host;
  LLVMValueRef call = site->call, takes;
  position_at(r, call);
  LLVMValueRef bytes = slot_test(r, site, &takes);
  LLVMBasicBlockRef head = LLVMGetInstructionParent(call);
  /* The records before the call describe the state before the test; those
   * after it, the object (a phi's now), after the join. */
  LLVMBasicBlockRef large = esc_host_split_block(host, call, false);
  LLVMBasicBlockRef join = LLVMIsAInvokeInst(call)
                               ? esc_host_split_edge(host, large, LLVMGetNormalDest(call))
                               : esc_host_split_block(host, LLVMGetNextInstruction(call), true);
  LLVMBasicBlockRef small = LLVMInsertBasicBlockInContext(r->context, large, "escape.small");
  LLVMSetValueName2(LLVMBasicBlockAsValue(large), "escape.large", 12);
  LLVMSetValueName2(LLVMBasicBlockAsValue(join), "escape.join", 11);
  LLVMMetadataRef at = LLVMInstructionGetDebugLoc(call);

  LLVMInstructionEraseFromParent(LLVMGetBasicBlockTerminator(head));
  LLVMPositionBuilderAtEnd(r->builder, head);
  LLVMSetCurrentDebugLocation2(r->builder, at);
  LLVMBuildCondBr(r->builder, takes, small, large);

  LLVMPositionBuilderAtEnd(r->builder, small);
  start_slot(r, site, bytes);
  if (site->busy)
    LLVMBuildStore(r->builder, flag_value(r, true), site->busy);
  LLVMBuildBr(r->builder, join);

  /* Before the debug records of join's first instruction too: a phi carries none. */
  LLVMPositionBuilderBeforeInstrAndDbgRecords(r->builder, LLVMGetFirstInstruction(join));
  char *name = take_name(call, "");
  LLVMValueRef object = LLVMBuildPhi(r->builder, LLVMTypeOf(call), name);
  free(name);
  LLVMReplaceAllUsesWith(call, object);
  LLVMValueRef incoming[2] = {site->slot, call};
  LLVMBasicBlockRef from[2] = {small, large};
  LLVMAddIncoming(object, incoming, from, 2);
}

static void rewrite_site(Rewriter *r, EscSite *site) {
  if (tested_at_run_time(site)) {
    rewrite_tested_site(r, site);
    return;
  }
  LLVMValueRef call = site->call;
  if (LLVMIsAInvokeInst(call))
    call = esc_host_invoke_to_call(r->g->host, call);
  position_at(r, call);
  start_slot(r, site, LLVMConstInt(LLVMInt64TypeInContext(r->context), site->capacity, 0));
  fold_null_checks(call);
  LLVMReplaceAllUsesWith(call, site->slot);
  LLVMInstructionEraseFromParent(call);
  site->call = NULL;
}

/* What the stack version's frame may hold beyond the heap version's: the
 * slots as the budget counts them, and room for the registers and spills of
 * different code; AddressSanitizer's redzones at least double a slot. */
static uint64_t stack_version_need(EscGraph *g) {
  uint64_t need = esc_promoted_bytes(g) + 256;
  return esc_has_fn_attr(NULL, g->function, "sanitize_address") ? 2 * need : need;
}

bool esc_rewrite(EscGraph *g, const EscOptions *options) {
  bool any = false;
  for (uint32_t s = 0; s < g->site_count; s++)
    any |= promoted(&g->sites[s]);
  if (!any)
    return false;
  /* With the room check the body as it is now becomes the heap version, and
   * the one rewritten below the stack version (room.h). */
  LLVMValueRef heap = options->room_check ? esc_host_clone_function(g->host, ".escape.heap") : NULL;
  uint8_t *memo = esc_calloc(g->node_count, 1);
  drop_tail_markers(g, memo);
  call_private_copies(g, memo);
  free(memo);
  LLVMModuleRef module = LLVMGetGlobalParent(g->function);
  Rewriter r = {g, LLVMCreateBuilderInContext(LLVMGetModuleContext(module)), module,
                LLVMGetModuleContext(module), NULL, NULL, NULL};
  index_classes(&r);
  for (uint32_t s = 0; s < g->site_count; s++)
    if (promoted(&g->sites[s]))
      create_slot(&r, &g->sites[s]);
  /* Before the frees and sites: the returns still name the values the graph knows. */
  for (uint32_t s = 0; s < g->site_count; s++)
    if (promoted(&g->sites[s]) && g->sites[s].moves_at_return)
      move_at_returns(g, &g->sites[s]);
  for (uint32_t f = 0; f < g->free_count; f++)
    rewrite_free(&r, &g->frees[f]);
  for (uint32_t s = 0; s < g->site_count; s++)
    if (promoted(&g->sites[s]))
      rewrite_site(&r, &g->sites[s]);
  free_index(&r);
  LLVMDisposeBuilder(r.builder);
  if (heap) {
    LLVMValueRef stack = esc_host_move_body(g->host, ".escape.stack");
    esc_room_dispatch(g, g->function, stack, heap, stack_version_need(g), options->stack_reserve);
  }
  return true;
}
