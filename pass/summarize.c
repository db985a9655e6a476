/* summarize: parameter summaries from the solved graph (see summarize.h).
 *
 * The graph has been solved with the parameters treated like local objects,
 * so a parameter's class escapes only through real sinks (globals, capturing
 * callees, ...). Seen from a caller, three more things count: a pointer
 * stored into memory a parameter points to has left the function (its class
 * lies on a parameter's pointee chain); contents shared between two
 * parameters flow between the caller's objects; and anything below the
 * first dereference is summarized as a whole, as Go does past its levels.
 *
 * The caller applies a summary to its own graph, in which the objects below a
 * parameter keep their depths: what the callee moves from one object to
 * another at the same depth stays in the caller's class for that depth. A
 * pointer moved to another depth is not representable that way, and in the
 * callee's graph it shows as a cycle on the parameter's pointee chain (s->self
 * = s; n->prev = pos, pos->next = n; s->child->parent = s): such a parameter's
 * contents escape, and the parameter itself when the chain comes back to it
 * (test/Transforms/summaries-cycles.ll). */
#include "summarize.h"

#include "attrs.h"
#include "layout.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

enum { CHAIN_MAX = 32, OWNER_NONE = -1, OWNER_SEVERAL = -2 };

typedef struct Chain {
  uint32_t classes[CHAIN_MAX]; /* [0] the parameter's class, then its pointees */
  unsigned length;
  int cycle_to; /* the depth the last class's pointee comes back to, or -1 */
  bool cut;     /* longer than CHAIN_MAX */
} Chain;

static const Chain no_chain = {{0}, 0, -1, false};

static Chain chain_of(EscGraph *g, uint32_t node) {
  Chain c = no_chain;
  for (uint32_t k = esc_find(g, node); k != ESC_NONE; k = esc_pointee_if_any(g, k)) {
    for (unsigned i = 0; i < c.length; i++)
      if (c.classes[i] == k) {
        c.cycle_to = (int)i; /* memory that points back up the chain */
        return c;
      }
    if (c.length == CHAIN_MAX) {
      c.cut = true;
      return c;
    }
    c.classes[c.length++] = k;
  }
  return c;
}

/* Rule "callers may rely on this definition" (summaries.ll,
 * summaries-interposition.ll). With -fsemantic-interposition (the module
 * flag), an external definition that is not dso_local may be replaced at run
 * time by another shared object's; the C API cannot ask dso_local, so every
 * external one counts as replaceable there. A weak or linkonce definition
 * may lose to another of different source. */
static bool interposable(LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMExternalLinkage:
    return LLVMGetModuleFlag(LLVMGetGlobalParent(fn), "SemanticInterposition",
                             strlen("SemanticInterposition")) != NULL;
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
  case LLVMLinkOnceODRLinkage:
  case LLVMWeakODRLinkage:
  case LLVMAvailableExternallyLinkage:
    return false;
  default:
    return true;
  }
}

/* Rule "a body of the same source may win" (private-copies.ll,
 * clang/private-copies.test): the linker keeps one of the program's
 * linkonce_odr and weak_odr bodies, and an available_externally body stands
 * for one elsewhere. Each says what the source says, but each was compiled
 * and refined on its own (LLVM infers no attributes from them for that
 * reason): one may keep a pointer where this one, refined, proves it does
 * not. Callers rely on this body only by calling a private copy of it, as
 * inlining it would. */
static bool other_bodies_may_win(LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMLinkOnceODRLinkage:
  case LLVMWeakODRLinkage:
  case LLVMAvailableExternallyLinkage:
    return true;
  default:
    return false;
  }
}

/* True when a call whose summary holds only for a private copy may touch a
 * parameter's objects (a class on the call's pointee chains is on a
 * parameter's): what the summary says of the parameters then rests on it. */
static bool params_rest_on_copies(EscGraph *g, const int32_t *owner, const Chain *chains,
                                  unsigned count) {
  if (!g->copy_call_count)
    return false;
  uint8_t *of_param = esc_calloc(g->node_count, 1);
  for (uint32_t n = 0; n < g->node_count; n++)
    of_param[n] = owner[n] != OWNER_NONE;
  for (unsigned i = 0; i < count; i++)
    if (chains[i].length)
      of_param[chains[i].classes[0]] = 1;
  bool rests = false;
  for (uint32_t c = 0; c < g->copy_call_count && !rests; c++) {
    LLVMValueRef call = g->copy_calls[c];
    unsigned args = LLVMGetNumArgOperands(call);
    for (unsigned i = 0; i <= args && !rests; i++) { /* its arguments, then its result */
      LLVMValueRef value = i < args ? LLVMGetOperand(call, i) : call;
      uint32_t node = esc_map_get(&g->values, value);
      Chain chain = node == ESC_NONE ? no_chain : chain_of(g, node);
      for (unsigned d = 0; d < chain.length && !rests; d++)
        rests = of_param[chain.classes[d]];
      rests |= chain.cut;
    }
  }
  free(of_param);
  return rests;
}

/* What the function does with each class, by class representative. */
typedef struct ClassFacts {
  int32_t *owner; /* the parameter whose chain it lies below, OWNER_NONE or OWNER_SEVERAL */
  uint8_t *uses;  /* USE_* */
} ClassFacts;

enum { USE_READ = 1, USE_WRITTEN = 2, USE_FREED = 4 };

/* Data reads and writes through each class, and the classes freed: one walk
 * of the accesses and frees, however many parameters ask. */
static uint8_t *class_uses(EscGraph *g) {
  uint8_t *uses = esc_calloc(g->node_count, 1);
  for (uint32_t a = 0; a < g->access_count; a++) {
    const EscAccess *access = &g->accesses[a];
    if (access->kind != ESC_ACCESS_POINTERS)
      uses[esc_find(g, access->node)] |=
          access->kind == ESC_ACCESS_DATA_WRITE ? USE_WRITTEN : USE_READ;
  }
  for (uint32_t f = 0; f < g->free_count; f++)
    uses[esc_find(g, g->frees[f].node)] |= USE_FREED;
  return uses;
}

/* Data reads and writes through the parameter's own class, at the words
 * layout.c named or anywhere; one level below it; and (summarized as
 * escaping) further down. */
static uint16_t data_flags(const ClassFacts *facts, const Chain *c, const EscDataWords *own,
                           EscParamSummary *out, unsigned *escapes_at) {
  static const uint16_t by_depth[3][2] = {
      {ESC_PARAM_READS_DATA, ESC_PARAM_WRITES_DATA},
      {ESC_PARAM_CONTENT_READS_DATA, ESC_PARAM_CONTENT_WRITES_DATA},
      {ESC_PARAM_CONTENT_ESCAPES, ESC_PARAM_CONTENT_WRITTEN},
  };
  uint16_t flags = (own->read_anywhere ? ESC_PARAM_READS_DATA : 0) |
                   (own->written_anywhere ? ESC_PARAM_WRITES_DATA : 0);
  out->read_words = own->read;
  out->written_words = own->written;
  for (unsigned d = 1; d < c->length; d++) {
    uint8_t uses = facts->uses[c->classes[d]];
    if (uses & USE_READ)
      flags |= by_depth[d < 2 ? d : 2][0];
    if (uses & USE_WRITTEN)
      flags |= by_depth[d < 2 ? d : 2][1];
    if (d >= 2 && uses && d < *escapes_at)
      *escapes_at = d;
  }
  return flags;
}

/* A cycle on the chain is harmless when the callee only walks it (a phi of
 * n and n->next); a pointer it stored may have made it. */
static bool moved_across_depths(EscGraph *g, const Chain *c) {
  if (c->cycle_to < 0)
    return false;
  for (unsigned d = 0; d < c->length; d++)
    if (esc_has(g, c->classes[d], ESC_STORED))
      return true;
  return false;
}

static uint16_t param_flags(EscGraph *g, const Chain *chains, unsigned count, unsigned i,
                           const ClassFacts *facts, EscParamSummary *out) {
  const int32_t *owner = facts->owner;
  const Chain *c = &chains[i];
  if (!c->length)
    return 0; /* unused */
  if (c->cut)
    return ESC_PARAM_ALL_ESCAPES;
  uint32_t self = c->classes[0];
  uint16_t flags = 0;
  unsigned escapes_at = c->length; /* the first depth whose class escapes */
  /* Rule "stored below a parameter": a pointer stored into memory reachable
   * from any parameter, its own included, has left the call
   * (summaries-cycles.ll: self_link, insert_after, child_parent). */
  if (esc_has(g, self, ESC_ESCAPED) || owner[self] != OWNER_NONE)
    flags |= ESC_PARAM_ESCAPES;
  if (moved_across_depths(g, c)) {
    flags |= ESC_PARAM_CONTENT_ESCAPES | ESC_PARAM_CONTENT_WRITTEN;
    escapes_at = 1;
  }
  if (esc_has(g, self, ESC_RETURNS))
    flags |= ESC_PARAM_RETURNED;
  if (facts->uses[self] & USE_FREED)
    flags |= ESC_PARAM_FREES;
  if (esc_has(g, self, ESC_CONTENT_FOREIGN))
    flags |= ESC_PARAM_CONTENT_WRITTEN;
  if (esc_has(g, self, ESC_ADDRESS_CAPTURED))
    flags |= ESC_PARAM_ADDRESS_KEPT;
  if (esc_has(g, self, ESC_ADDRESS_EXPOSED))
    flags |= ESC_PARAM_ADDRESS_EXPOSED;
  flags |= data_flags(facts, c, &g->param_words[i], out, &escapes_at);
  for (unsigned d = 1; d < c->length; d++) {
    uint32_t k = c->classes[d];
    bool another_param = false;
    for (unsigned j = 0; j < count; j++)
      another_param |= chains[j].length && chains[j].classes[0] == k;
    if (esc_has(g, k, ESC_ESCAPED) || esc_has(g, k, ESC_RETURNS) || owner[k] == OWNER_SEVERAL ||
        another_param || (facts->uses[k] & USE_FREED)) {
      flags |= ESC_PARAM_CONTENT_ESCAPES;
      escapes_at = d < escapes_at ? d : escapes_at;
    }
    if (esc_has(g, k, ESC_STORED) || esc_has(g, k, ESC_CONTENT_FOREIGN) ||
        esc_has(g, k, ESC_EXTERNAL) || another_param)
      flags |= ESC_PARAM_CONTENT_WRITTEN;
  }
  /* Rule "escaping starts below" (summaries-depths.ll; summary_depths.c): the classes above the
   * first that escapes keep their objects (ctx->buf when only what the
   * buffer holds may leak). */
  if (flags & ESC_PARAM_CONTENT_ESCAPES)
    out->content_escapes_below = (uint8_t)(escapes_at - 1);
  return flags;
}

/* Records that parameter i reaches a class below its own. */
static void own(int32_t *owner, unsigned i) {
  *owner = *owner == OWNER_NONE || *owner == (int32_t)i ? (int32_t)i : OWNER_SEVERAL;
}

bool esc_summarizable(LLVMValueRef fn) {
  return !interposable(fn) && LLVMCountParams(fn) <= ESC_MAX_SUMMARY_PARAMS;
}

bool esc_summarize(EscGraph *g, EscSummary *out) {
  unsigned count = LLVMCountParams(g->function);
  if (count > ESC_MAX_SUMMARY_PARAMS)
    return false;
  memset(out, 0, sizeof *out);
  out->param_count = count;
  out->varargs = (EscParamSummary){.flags = ESC_PARAM_ALL_ESCAPES, .stored_into = -1};
  Chain chains[ESC_MAX_SUMMARY_PARAMS];
  int32_t *owner = esc_calloc(g->node_count, sizeof *owner);
  for (uint32_t n = 0; n < g->node_count; n++)
    owner[n] = OWNER_NONE;
  ClassFacts facts = {owner, class_uses(g)};
  for (unsigned i = 0; i < count; i++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetParam(g->function, i));
    chains[i] = node == ESC_NONE ? no_chain : chain_of(g, node);
    for (unsigned d = 1; d < chains[i].length; d++)
      own(&owner[chains[i].classes[d]], i);
    /* The parameter's class is its own pointee's pointee: it lies below itself. */
    if (chains[i].cycle_to == 0 && moved_across_depths(g, &chains[i]))
      own(&owner[chains[i].classes[0]], i);
  }
  for (unsigned i = 0; i < count; i++) {
    LLVMTypeRef type = LLVMTypeOf(LLVMGetParam(g->function, i));
    bool pointer = LLVMGetTypeKind(type) == LLVMPointerTypeKind;
    out->params[i].stored_into = -1;
    out->params[i].flags = pointer || !esc_carries_pointers(type)
                               ? param_flags(g, chains, count, i, &facts, &out->params[i])
                               : out->varargs.flags; /* aggregates of pointers */
  }
  out->through_copy = other_bodies_may_win(g->function) ||
                      params_rest_on_copies(g, owner, chains, count);
  free(owner);
  free(facts.uses);
  return true;
}

static void widen_words(const EscParamSummary *before, EscParamSummary *after) {
  if (after->read_words != before->read_words) {
    after->flags |= ESC_PARAM_READS_DATA;
    after->read_words = 0;
  }
  if (after->written_words != before->written_words) {
    after->flags |= ESC_PARAM_WRITES_DATA;
    after->written_words = 0;
  }
}

void esc_widen_summary(const EscSummary *before, EscSummary *after) {
  if (before->param_count != after->param_count)
    return;
  for (unsigned i = 0; i < after->param_count; i++)
    widen_words(&before->params[i], &after->params[i]);
}

/* The invariant of write-back. Every pass and every caller in the program
 * trusts an attribute written here, promotion or not: nocapture (LLVM 19-20)
 * and captures(address) (21+) promise that no copy of the pointer, nor of one
 * derived from it, outlives the call with its provenance. So a parameter gets
 * one only when its summary has none of ESCAPES (stored into a global, into
 * memory reachable from any parameter including its own, passed to a callee
 * that may capture it, converted to an integer), RETURNED and FREES, whose
 * address never becomes an integer (ADDRESS_EXPOSED: that is this pass's
 * assumption, not LLVM's semantics), and before LLVM 21, when no callee may
 * keep its address either. Held to by
 * test/Transforms/summaries-writeback-*.ll and, through what GVN does with
 * the attribute, summaries-cycles.ll (via_attribute). */
bool esc_write_back(EscGraph *g, const EscSummary *summary) {
  unsigned captures = esc_attr_kind("captures"), nocapture = esc_attr_kind("nocapture");
  LLVMContextRef context = LLVMGetModuleContext(LLVMGetGlobalParent(g->function));
  bool changed = false;
  for (unsigned i = 0; i < summary->param_count; i++) {
    LLVMValueRef param = LLVMGetParam(g->function, i);
    uint16_t kept = ESC_PARAM_ESCAPES | ESC_PARAM_RETURNED | ESC_PARAM_FREES;
    if (LLVMGetTypeKind(LLVMTypeOf(param)) != LLVMPointerTypeKind || (summary->params[i].flags & kept))
      continue;
    uint32_t node = esc_map_get(&g->values, param);
    /* Before LLVM 21, nocapture also rules out keeping the address; and no
     * capture attribute allows ptrtoint, which exposes provenance. */
    if (node != ESC_NONE && (esc_has(g, node, ESC_ADDRESS_EXPOSED) ||
                             (!captures && esc_has(g, node, ESC_ADDRESS_CAPTURED))))
      continue;
    unsigned kind = captures ? captures : nocapture;
    if (LLVMGetEnumAttributeAtIndex(g->function, i + 1, kind))
      continue;
    uint64_t value = captures ? esc_captures(ESC_CAPTURE_ADDRESS, 0) : 0;
    LLVMAddAttributeAtIndex(g->function, i + 1, LLVMCreateEnumAttribute(context, kind, value));
    changed = true;
  }
  return changed;
}
