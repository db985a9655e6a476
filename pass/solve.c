/* solve: flag propagation and verdicts (see solve.h). */
#include "solve.h"

#include "build.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

uint32_t esc_first_site(EscGraph *g, uint32_t node) {
  return node == ESC_NONE ? ESC_NONE : g->nodes[esc_find(g, node)].first_site;
}

/* Marks `node` with a new cause that applies at `at`, a member of the
 * container class whose flags are being pushed down. */
static void mark_new(EscGraph *g, uint32_t node, uint32_t flag, EscReason reason, uint32_t chain,
                     uint32_t at, bool *changed) {
  if (esc_has(g, node, flag))
    return;
  uint32_t cause = esc_cause(g, reason, NULL, NULL, chain);
  g->causes[cause].node = at;
  *changed |= esc_mark(g, node, flag, cause);
}

/* Why a returned class escapes once the function is opened to its callers:
 * a `ret` of one of its members. */
static uint32_t returned_cause(EscGraph *g, uint32_t rep) {
  for (uint32_t r = 0; r < g->return_count; r++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetOperand(g->returns[r], 0));
    if (node != ESC_NONE && esc_find(g, node) == rep) {
      uint32_t cause = esc_cause(g, ESC_RETURNED, g->returns[r], NULL, ESC_NONE);
      g->causes[cause].node = node;
      return cause;
    }
  }
  return esc_cause(g, ESC_RETURNED, NULL, NULL, ESC_NONE);
}

/* Why the pointee of `rep` escapes, `rep`'s memory being foreign for
 * `cause`: the cause itself when it applies to a member of `rep` (a global,
 * an argument a callee reads), else the same reason chained to it, so that
 * every cause names a member of the class it is about or of the container it
 * chains to (flow.h walks them). */
static uint32_t foreign_cause(EscGraph *g, uint32_t rep, uint32_t cause) {
  EscCause c = g->causes[cause];
  if (c.node != ESC_NONE && esc_find(g, c.node) == rep)
    return cause;
  uint32_t chained = esc_cause(g, c.reason, c.where, c.detail, cause);
  g->causes[chained].node = rep;
  return chained;
}

/* Whatever the flags of a class say about its members' memory, applied to
 * the pointee class. Returns true when the pointee learned something. The
 * first reason given is the one reported: that the container escapes, then
 * why its memory is foreign. */
static bool push_down(EscGraph *g, uint32_t rep) {
  uint32_t pointee = esc_pointee_if_any(g, rep);
  if (pointee == ESC_NONE)
    return false;
  const EscNode n = g->nodes[rep];
  bool changed = false;
  if (n.flags & ESC_ESCAPED)
    mark_new(g, pointee, ESC_ESCAPED, ESC_STORED_ESCAPING, n.escape_cause, rep, &changed);
  /* Stored in memory we do not own, or that unseen code reads: that memory
   * says why (a global's name, the reading callee). */
  if ((n.flags & (ESC_EXTERNAL | ESC_CONTENT_ESCAPES)) && n.content_cause != ESC_NONE &&
      !esc_has(g, pointee, ESC_ESCAPED))
    changed |= esc_mark(g, pointee, ESC_ESCAPED, foreign_cause(g, rep, n.content_cause));
  if (n.flags & (ESC_EXTERNAL | ESC_CONTENT_ESCAPES))
    mark_new(g, pointee, ESC_ESCAPED, ESC_STORED_UNKNOWN, ESC_NONE, rep, &changed);
  /* What a returned object holds leaves with it (before the function is
   * opened to its callers, returning is not yet escaping). */
  if ((n.flags & ESC_RETURNS) && !esc_has(g, pointee, ESC_ESCAPED))
    mark_new(g, pointee, ESC_ESCAPED, ESC_STORED_ESCAPING, returned_cause(g, rep), rep,
             &changed);
  /* Others may write into such memory whatever pointers they like. */
  if (n.flags & (ESC_EXTERNAL | ESC_ESCAPED | ESC_CONTENT_FOREIGN))
    mark_new(g, pointee, ESC_EXTERNAL, ESC_STORED_UNKNOWN,
             n.content_cause != ESC_NONE ? n.content_cause : n.escape_cause, rep, &changed);
  return changed;
}

void esc_propagate(EscGraph *g) {
  uint32_t *stack = esc_calloc(g->node_count + 1, sizeof *stack);
  for (uint32_t i = 0; i < g->node_count; i++) {
    uint32_t depth = 0;
    stack[depth++] = esc_find(g, i);
    while (depth) {
      uint32_t rep = esc_find(g, stack[--depth]);
      if (push_down(g, rep))
        stack[depth++] = esc_pointee_if_any(g, rep);
    }
  }
  free(stack);
}

static const char *callee_name(LLVMValueRef call) {
  size_t len;
  return LLVMGetValueName2(LLVMGetCalledValue(call), &len);
}

static void judge_family(EscGraph *g, const EscFree *fr) {
  for (uint32_t s = esc_first_site(g, fr->node); s != ESC_NONE; s = g->sites[s].next_in_class) {
    EscSite *site = &g->sites[s];
    if (site->verdict == ESC_PROMOTED && strcmp(site->allocator.family, fr->family) != 0) {
      site->verdict = ESC_FREED_OTHER_FAMILY;
      site->cause = esc_cause(g, ESC_FREED_OTHER_FAMILY, fr->call, callee_name(fr->call),
                              ESC_NONE);
    }
  }
}

/* A free, by the class of what it frees. */
typedef struct FreeOfClass {
  uint32_t rep, index;
} FreeOfClass;

/* By class, then in program order. */
static int by_class(const void *a, const void *b) {
  const FreeOfClass *x = a, *y = b;
  if (x->rep != y->rep)
    return x->rep < y->rep ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* A site freed by another family's deallocator stays on the heap. The frees
 * are grouped by class and each class's sites are compared once per family
 * its frees use, not once per free: linear in sites times families. */
static void judge_frees(EscGraph *g) {
  FreeOfClass *order = esc_calloc(g->free_count + 1, sizeof *order);
  for (uint32_t f = 0; f < g->free_count; f++)
    order[f] = (FreeOfClass){esc_find(g, g->frees[f].node), f};
  qsort(order, g->free_count, sizeof *order, by_class);
  for (uint32_t i = 0; i < g->free_count; i++) {
    const EscFree *fr = &g->frees[order[i].index];
    bool seen = false;
    for (uint32_t j = i; j-- > 0 && order[j].rep == order[i].rep && !seen;)
      seen = strcmp(g->frees[order[j].index].family, fr->family) == 0;
    if (!seen)
      judge_family(g, fr);
  }
  free(order);
}

/* A musttail callee may not see the caller's frame: mark every class whose
 * objects such a call can reach, through arguments and what they point to. */
static void mark_musttail_reach(EscGraph *g) {
  for (uint32_t c = 0; c < g->musttail_count; c++) {
    LLVMValueRef call = g->musttail_calls[c];
    unsigned argc = LLVMGetNumArgOperands(call);
    for (unsigned i = 0; i < argc; i++) {
      uint32_t node = esc_map_get(&g->values, LLVMGetOperand(call, i));
      while (node != ESC_NONE && esc_mark(g, node, ESC_REACHES_MUSTTAIL, ESC_NONE))
        node = esc_pointee_if_any(g, node);
    }
  }
}

static LLVMBasicBlockRef block_of(LLVMValueRef inst) { return LLVMGetInstructionParent(inst); }

/* Rule "one at a time": an object made in a cycle that a pointer may carry
 * into the next trip (`cause`: the phi, the store, the call that keeps its
 * address) shares its one slot with the objects the site makes later, so
 * the slot takes one only while it is free: a flag set where the object
 * starts in the slot and cleared by the free that frees the slot (every
 * free of the class compares its pointer with the slot already); the other
 * objects go to the heap. An object that is also realloc'd or moved at a
 * return would need the flag in the helpers of grow.h too: it stays on
 * the heap (promote-loops.ll; loop_carried.c, one_at_a_time.c). */
static void carried_by(EscSite *site, uint32_t cause) {
  if (site->reallocated || site->moves_at_return) {
    site->verdict = ESC_LOOP_CARRIED;
    site->cause = cause;
  } else {
    site->one_at_a_time = true;
  }
}

/* A phi of the site's class in `header`, or NULL. The phis of a block are
 * adjacent in g->phis; `first_phi` maps a block to the first of them. */
static LLVMValueRef phi_of_class_in(EscGraph *g, const EscValueMap *first_phi, uint32_t rep,
                                    LLVMBasicBlockRef header) {
  uint32_t p = esc_map_get(first_phi, LLVMBasicBlockAsValue(header));
  for (; p != ESC_NONE && p < g->phi_count && block_of(g->phis[p]) == header; p++)
    if (esc_find(g, esc_map_get(&g->values, g->phis[p])) == rep)
      return g->phis[p];
  return NULL;
}

/* Any phi of the site's class that may carry it around: the slow way, for
 * sites in irreducible cycles (any of whose blocks may hold such a phi). */
static LLVMValueRef any_carrying_phi(EscGraph *g, uint32_t rep, LLVMBasicBlockRef block) {
  for (uint32_t p = 0; p < g->phi_count; p++)
    if (esc_find(g, esc_map_get(&g->values, g->phis[p])) == rep &&
        esc_host_carries_around(g->host, block_of(g->phis[p]), block))
      return g->phis[p];
  return NULL;
}

enum { MAX_NESTING = 16 };

/* A pointer to the site's object reaches the next iteration through a phi
 * of its class at the header of a cycle around it: for each site, the
 * headers of its cycles are looked up, not every phi of its class. */
static void judge_carrying_phis(EscGraph *g, const bool *in_cycle) {
  EscValueMap first_phi;
  esc_map_init(&first_phi);
  for (uint32_t p = g->phi_count; p-- > 0;)
    esc_map_put(&first_phi, LLVMBasicBlockAsValue(block_of(g->phis[p])), p);
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    if (!in_cycle[s] || site->verdict != ESC_PROMOTED || site->one_at_a_time)
      continue;
    uint32_t rep = esc_find(g, site->node);
    LLVMBasicBlockRef headers[MAX_NESTING], block = block_of(site->call);
    bool irreducible;
    unsigned n = esc_host_cycle_headers(g->host, block, headers, MAX_NESTING, &irreducible);
    LLVMValueRef phi = NULL;
    for (unsigned h = 0; h < n && h < MAX_NESTING && !phi; h++)
      phi = phi_of_class_in(g, &first_phi, rep, headers[h]);
    if (!phi && (irreducible || n > MAX_NESTING))
      phi = any_carrying_phi(g, rep, block);
    if (phi)
      carried_by(site, esc_cause(g, ESC_LOOP_CARRIED, phi, NULL, ESC_NONE));
  }
  esc_map_free(&first_phi);
}

/* Go's loop rule: an object made in a cycle may share one stack slot with
 * the objects of later iterations freely only if no pointer to it survives
 * into the next iteration, through a phi at the cycle's header, through
 * memory, or as an address a callee kept; otherwise one at a time (above;
 * promote-loops.ll; loop_carried.c, helper_loop.c). */
static void judge_loops(EscGraph *g) {
  bool *in_cycle = esc_calloc(g->site_count, sizeof *in_cycle);
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    in_cycle[s] = esc_host_in_cycle(g->host, block_of(site->call));
    uint32_t kept = g->nodes[esc_find(g, site->node)].kept_cause;
    if (in_cycle[s] && kept != ESC_NONE && site->verdict == ESC_PROMOTED)
      carried_by(site, kept); /* the store, or the call that keeps the address */
  }
  judge_carrying_phis(g, in_cycle);
  free(in_cycle);
}

static void judge_flow(EscGraph *g) {
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    if (site->verdict != ESC_PROMOTED)
      continue;
    if (g->returns_twice_call) {
      site->verdict = ESC_SETJMP;
      site->cause = esc_cause(g, ESC_SETJMP, g->returns_twice_call, NULL, ESC_NONE);
    } else if (esc_has(g, site->node, ESC_ESCAPED)) {
      site->cause = g->nodes[esc_find(g, site->node)].escape_cause;
      site->verdict = g->causes[site->cause].reason;
    } else if (esc_has(g, site->node, ESC_REACHES_MUSTTAIL)) {
      site->verdict = ESC_PASSED_MUSTTAIL;
    }
  }
}

/* The stack's own alignment, from the data layout's "S<bits>"; without one,
 * the heap's, which every default slot has. */
static uint64_t stack_alignment(EscGraph *g) {
  const char *layout = LLVMGetDataLayoutStr(LLVMGetGlobalParent(g->function));
  for (const char *s = layout; s && (s = strchr(s, 'S')); s++)
    if ((s == layout || s[-1] == '-') && s[1] >= '1' && s[1] <= '9')
      return strtoull(s + 1, NULL, 10) / 8;
  return esc_host_heap_alignment(g->host);
}

/* The bytes a frame gives up to realign itself for the slot. */
static uint64_t realignment(const EscSite *site, uint64_t stack_align) {
  return site->align > stack_align ? site->align - stack_align : 0;
}

/* The frame bytes a slot takes: its size rounded up to its alignment, and
 * what realigning the frame for it costs. */
static uint64_t footprint(const EscSite *site, uint64_t stack_align) {
  uint64_t size = site->capacity;
  return (size + site->align - 1) / site->align * site->align + realignment(site, stack_align);
}

static void refuse(EscSite *site, EscReason reason, uint64_t needed, uint64_t limit) {
  site->verdict = reason;
  site->needed = needed;
  site->limit = limit;
}

/* The slot of an object whose size is known only at run time, or that
 * grows: variable-slot bytes, at most max-object. */
static uint64_t variable_capacity(const EscOptions *options) {
  return options->variable_slot < options->max_object ? options->variable_slot
                                                      : options->max_object;
}

/* A size known only at run time gets a slot of variable-slot bytes; the
 * rewrite tests each size against it (run-time-sizes.ll). */
static void size_run_time_slot(EscSite *site, const EscOptions *options) {
  if (!options->variable_slot) {
    site->verdict = ESC_NON_CONSTANT_SIZE;
    return;
  }
  site->capacity = variable_capacity(options);
  site->limit = site->capacity;
}

/* Rule "grows in its slot" (realloc.ll; realloc_grow.c): a realloc'd object
 * keeps a slot of at least variable-slot bytes, and moves to the heap when
 * it outgrows it. The rewrite tells the one promoted object of the class
 * from the others by its slot: a class realloc'd with two keeps them on the
 * heap; so does one without variable-slot. */
static void judge_reallocs(EscGraph *g, const EscOptions *options) {
  uint8_t *judged = esc_calloc(g->node_count, 1); /* by class: once, however many reallocs */
  for (uint32_t f = 0; f < g->free_count; f++) {
    const EscFree *fr = &g->frees[f];
    uint32_t rep = esc_find(g, fr->node);
    if (!fr->reallocates || judged[rep])
      continue;
    judged[rep] = 1;
    uint32_t promoted = 0;
    for (uint32_t s = esc_first_site(g, fr->node); s != ESC_NONE; s = g->sites[s].next_in_class)
      promoted += g->sites[s].verdict == ESC_PROMOTED;
    for (uint32_t s = esc_first_site(g, fr->node); s != ESC_NONE; s = g->sites[s].next_in_class) {
      EscSite *site = &g->sites[s];
      if (site->verdict != ESC_PROMOTED)
        continue;
      if (promoted > 1 || !options->variable_slot) {
        site->verdict = ESC_REALLOCATED;
        site->cause = esc_cause(g, ESC_REALLOCATED, fr->call, NULL, ESC_NONE);
      } else {
        site->reallocated = true;
        if (site->capacity < variable_capacity(options))
          site->capacity = variable_capacity(options);
      }
    }
  }
  free(judged);
}

/* Rule "fits" (limits.ll): an alignment over max-align, or an object whose
 * size with the frame's realignment is over max-object, stays on the heap
 * (alignment.c holds the valloc and aligned_alloc programs that overflowed). */
static void judge_size(EscGraph *g, const EscOptions *options) {
  uint64_t stack_align = stack_alignment(g);
  uint64_t max_align = options->max_align < ESC_MAX_ALIGN_BOUND ? options->max_align
                                                                 : ESC_MAX_ALIGN_BOUND;
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    if (site->verdict == ESC_PROMOTED && esc_run_time_size(site))
      size_run_time_slot(site, options);
    if (site->verdict != ESC_PROMOTED)
      continue;
    uint64_t size = site->capacity + realignment(site, stack_align);
    if (site->align > max_align)
      refuse(site, ESC_TOO_ALIGNED, site->align, max_align);
    else if (size > options->max_object)
      refuse(site, ESC_TOO_LARGE, size, options->max_object);
  }
}

uint64_t esc_promoted_bytes(EscGraph *g) {
  uint64_t used = 0, stack_align = stack_alignment(g);
  for (uint32_t s = 0; s < g->site_count; s++)
    if (g->sites[s].verdict == ESC_PROMOTED)
      used += footprint(&g->sites[s], stack_align);
  return used;
}

/* Rule "few slots per free" (shared-frees.ll): a free whose pointer may be
 * any of several promoted objects compares it with each of their slots, so
 * a class that is freed keeps at most ESC_MAX_SLOTS_PER_FREE promoted
 * sites, the first in program order; the guards then grow linearly with the
 * function, not with its frees times its sites. */
static void judge_shared_frees(EscGraph *g) {
  uint32_t *promoted = esc_calloc(g->node_count, sizeof *promoted); /* by class */
  uint8_t *freed = esc_calloc(g->node_count, 1);
  for (uint32_t f = 0; f < g->free_count; f++)
    freed[esc_find(g, g->frees[f].node)] = 1;
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    uint32_t rep = esc_find(g, site->node);
    if (site->verdict == ESC_PROMOTED && freed[rep] && ++promoted[rep] > ESC_MAX_SLOTS_PER_FREE)
      site->verdict = ESC_SHARED_FREES;
  }
  free(promoted);
  free(freed);
}

/* The room check calls the function's versions through a musttail forward:
 * a function it cannot forward to keeps its objects on the heap. */
static void judge_versioning(EscGraph *g, const EscOptions *options) {
  if (!options->room_check || esc_host_can_version(g->host))
    return;
  for (uint32_t s = 0; s < g->site_count; s++)
    if (g->sites[s].verdict == ESC_PROMOTED)
      g->sites[s].verdict = ESC_NOT_VERSIONABLE;
}

/* Greedy, in program order: the first sites get the frame. Without the room
 * check (room.h), a function that may be re-entered gets the smaller budget. */
static void judge_budget(EscGraph *g, const EscOptions *options) {
  uint64_t budget = !options->room_check && esc_host_function_is_recursive(g->host)
                        ? options->max_recursive_frame
                        : options->max_frame;
  uint64_t used = 0, stack_align = stack_alignment(g);
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    if (site->verdict != ESC_PROMOTED)
      continue;
    uint64_t needed = used + footprint(site, stack_align);
    if (needed > budget)
      refuse(site, ESC_BUDGET, needed, budget);
    else
      used = needed;
  }
}

/* Seen from inside, the caller's world: parameters point to memory the
 * function does not own, and what it returns escapes. */
static void open_to_callers(EscGraph *g) {
  unsigned n = LLVMCountParams(g->function);
  for (unsigned i = 0; i < n; i++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetParam(g->function, i));
    if (node != ESC_NONE)
      esc_mark(g, node, ESC_EXTERNAL, esc_cause(g, ESC_STORED_UNKNOWN, NULL, NULL, ESC_NONE));
  }
  for (uint32_t r = 0; r < g->return_count; r++)
    esc_escape(g, LLVMGetOperand(g->returns[r], 0), ESC_RETURNED, g->returns[r], NULL);
}

/* By class representative: whether a realloc continues the class's object. */
static uint8_t *reallocated_classes(EscGraph *g) {
  uint8_t *reallocated = esc_calloc(g->node_count, 1);
  for (uint32_t f = 0; f < g->free_count; f++)
    if (g->frees[f].reallocates)
      reallocated[esc_find(g, g->frees[f].node)] = 1;
  return reallocated;
}

/* True when every return of class `rep` hands back a plain pointer that the
 * rewrite can replace: not an aggregate holding it, not the result of a
 * musttail call, which must stay next to its return. */
static bool returns_plain_pointers(EscGraph *g, uint32_t rep) {
  for (uint32_t r = 0; r < g->return_count; r++) {
    LLVMValueRef value = LLVMGetOperand(g->returns[r], 0);
    uint32_t node = esc_map_get(&g->values, value);
    if (node == ESC_NONE || esc_find(g, node) != rep)
      continue;
    if (LLVMGetTypeKind(LLVMTypeOf(value)) != LLVMPointerTypeKind ||
        (LLVMIsACallInst(value) && LLVMGetTailCallKind(value) == LLVMTailCallKindMustTail))
      return false;
  }
  return true;
}

/* Rule "moves to the heap at its return" (move-at-return.ll;
 * grow_and_return.c), Go 1.26's move2heap for C: a buffer grown by realloc
 * and then returned keeps its slot while it grows, and each return copies it
 * to the heap if it is still there. Only an object whose address leaves by
 * the returns alone: its class escapes first by a `ret` of it; no pointer to
 * it is stored in memory, where one could outlive the frame and still point
 * into the slot (golang/go #81612; `*out = buf; return buf;` escapes by
 * the return first, as returns are opened before the caller's memory); and
 * no callee keeps its address as an integer, which would no longer match
 * the copy's. */
static void judge_returns(EscGraph *g) {
  uint8_t *reallocated = reallocated_classes(g);
  for (uint32_t s = 0; s < g->site_count; s++) {
    EscSite *site = &g->sites[s];
    uint32_t rep = esc_find(g, site->node);
    if (site->verdict != ESC_RETURNED || !reallocated[rep] ||
        (g->nodes[rep].flags &
         (ESC_STORED | ESC_ADDRESS_CAPTURED | ESC_ADDRESS_EXPOSED | ESC_REACHES_MUSTTAIL)) ||
        !returns_plain_pointers(g, rep))
      continue;
    site->verdict = ESC_PROMOTED;
    site->cause = ESC_NONE;
    site->moves_at_return = true;
  }
  free(reallocated);
}

void esc_solve(EscGraph *g, const EscOptions *options) {
  open_to_callers(g);
  esc_propagate(g);
  if (esc_judge_address_differences(g))
    esc_propagate(g);
  judge_frees(g);
  mark_musttail_reach(g);
  judge_flow(g);
  judge_returns(g);
  judge_reallocs(g, options);
  judge_size(g, options);
  judge_loops(g);
  judge_shared_frees(g);
  judge_versioning(g, options);
  judge_budget(g, options);
}
