/* layout: object offsets, access ranges and their overlaps (see layout.h). */
#include "layout.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

enum { OFFSET_TOP, OFFSET_KNOWN, OFFSET_UNKNOWN };

typedef struct Offset {
  uint8_t state;
  int64_t value;
} Offset;

static const Offset top = {OFFSET_TOP, 0}, unknown = {OFFSET_UNKNOWN, 0};

static Offset known(int64_t value) { return (Offset){OFFSET_KNOWN, value}; }

static Offset meet(Offset a, Offset b) {
  if (a.state == OFFSET_TOP)
    return b;
  if (b.state == OFFSET_TOP)
    return a;
  if (a.state == OFFSET_KNOWN && b.state == OFFSET_KNOWN && a.value == b.value)
    return a;
  return unknown;
}

static bool same(Offset a, Offset b) {
  return a.state == b.state && (a.state != OFFSET_KNOWN || a.value == b.value);
}

typedef struct PointerValue {
  LLVMValueRef inst;
  uint32_t node;
} PointerValue;

typedef struct Layouts {
  EscGraph *g;
  Offset *offsets;   /* by node of the value */
  uint8_t *interior; /* by class: a stored pointer may point inside an object */
  uint8_t *fixed;    /* by node: allocation sites, always at offset 0 */
  PointerValue *pointers; /* the function's pointer instructions with nodes, in order */
  uint32_t pointer_count;
} Layouts;

static void record(EscGraph *g, EscAccess access) {
  if (access.node == ESC_NONE)
    return; /* memory of a constant: a global, foreign anyway */
  esc_grow((void **)&g->accesses, &g->access_capacity, sizeof *g->accesses, g->access_count + 1);
  g->accesses[g->access_count++] = access;
}

void esc_record_access(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, uint64_t size,
                       EscAccessKind kind) {
  uint32_t node = LLVMIsAConstant(address) ? ESC_NONE : esc_node(g, address);
  record(g, (EscAccess){inst, address, node, size, kind});
}

void esc_record_class_access(EscGraph *g, LLVMValueRef inst, uint32_t node, EscAccessKind kind) {
  record(g, (EscAccess){inst, NULL, node, UINT64_MAX, kind});
}

uint64_t esc_store_size(EscGraph *g, LLVMTypeRef type) {
  if (LLVMGetTypeKind(type) == LLVMScalableVectorTypeKind || !LLVMTypeIsSized(type))
    return UINT64_MAX;
  return LLVMStoreSizeOfType(g->layout, type);
}

static Offset offset_of(const Layouts *l, LLVMValueRef v) {
  if (LLVMIsAConstant(v))
    return LLVMIsNull(v) || LLVMIsUndef(v) || LLVMIsPoison(v) ? top : unknown;
  uint32_t node = esc_map_get(&l->g->values, v);
  return node == ESC_NONE ? unknown : l->offsets[node];
}

static bool add_checked(int64_t a, int64_t b, int64_t *out) {
  return !__builtin_add_overflow(a, b, out);
}

/* The constant byte offset a GEP adds, if it has one. */
static bool gep_offset(EscGraph *g, LLVMValueRef gep, int64_t *out) {
  LLVMTypeRef type = LLVMGetGEPSourceElementType(gep);
  unsigned n = (unsigned)LLVMGetNumOperands(gep);
  int64_t total = 0;
  for (unsigned i = 1; i < n; i++) {
    LLVMValueRef index = LLVMGetOperand(gep, i);
    if (!LLVMIsAConstantInt(index))
      return false;
    int64_t k = LLVMConstIntGetSExtValue(index), step;
    if (i > 1 && LLVMGetTypeKind(type) == LLVMStructTypeKind) {
      step = (int64_t)LLVMOffsetOfElement(g->layout, type, (unsigned)k);
      k = 1;
      type = LLVMStructGetTypeAtIndex(type, (unsigned)LLVMConstIntGetZExtValue(index));
    } else {
      if (i > 1) {
        if (LLVMGetTypeKind(type) != LLVMArrayTypeKind)
          return false; /* vectors: no byte stride to trust */
        type = LLVMGetElementType(type);
      }
      if (!LLVMTypeIsSized(type))
        return false;
      step = (int64_t)LLVMABISizeOfType(g->layout, type);
    }
    if (__builtin_mul_overflow(k, step, &step) || !add_checked(total, step, &total))
      return false;
  }
  *out = total;
  return true;
}

static Offset transfer(const Layouts *l, LLVMValueRef inst, uint32_t node) {
  EscGraph *g = l->g;
  switch (LLVMGetInstructionOpcode(inst)) {
  case LLVMAlloca:
    return known(0);
  case LLVMGetElementPtr: {
    Offset base = offset_of(l, LLVMGetOperand(inst, 0));
    int64_t delta, sum;
    if (base.state != OFFSET_KNOWN)
      return base;
    return gep_offset(g, inst, &delta) && add_checked(base.value, delta, &sum) ? known(sum)
                                                                               : unknown;
  }
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMFreeze:
    return offset_of(l, LLVMGetOperand(inst, 0));
  case LLVMSelect:
    return meet(offset_of(l, LLVMGetOperand(inst, 1)), offset_of(l, LLVMGetOperand(inst, 2)));
  case LLVMPHI: {
    Offset o = top;
    unsigned n = LLVMCountIncoming(inst);
    for (unsigned i = 0; i < n; i++)
      o = meet(o, offset_of(l, LLVMGetIncomingValue(inst, i)));
    return o;
  }
  case LLVMLoad:
    return node != ESC_NONE && !l->interior[esc_find(g, node)] ? known(0) : unknown;
  default:
    return node != ESC_NONE && l->fixed[node] ? known(0) : unknown;
  }
}

static void collect_pointers(Layouts *l) {
  EscGraph *g = l->g;
  l->pointers = esc_calloc(g->pointer_inst_count + 1, sizeof *l->pointers);
  for (uint32_t p = 0; p < g->pointer_inst_count; p++) {
    uint32_t node = esc_map_get(&g->values, g->pointer_insts[p]);
    if (node != ESC_NONE)
      l->pointers[l->pointer_count++] = (PointerValue){g->pointer_insts[p], node};
  }
}

/* One pass over the function's pointers; true when an offset changed. */
static bool update_offsets(Layouts *l) {
  bool changed = false;
  for (uint32_t p = 0; p < l->pointer_count; p++) {
    uint32_t node = l->pointers[p].node;
    Offset o = meet(l->offsets[node], transfer(l, l->pointers[p].inst, node));
    if (!same(o, l->offsets[node])) {
      l->offsets[node] = o;
      changed = true;
    }
  }
  return changed;
}

/* A stored value that may point inside an object makes every pointer loaded
 * from that class of memory an interior one. */
static bool update_interior(Layouts *l) {
  EscGraph *g = l->g;
  bool changed = false;
  for (uint32_t a = 0; a < g->access_count; a++) {
    LLVMValueRef store = g->accesses[a].inst;
    if (!LLVMIsAStoreInst(store) || g->accesses[a].kind != ESC_ACCESS_POINTERS)
      continue;
    LLVMValueRef value = LLVMGetOperand(store, 0);
    uint32_t node = esc_map_get(&g->values, value);
    if (node == ESC_NONE)
      continue; /* null */
    Offset o = offset_of(l, value);
    bool inside = LLVMGetTypeKind(LLVMTypeOf(value)) != LLVMPointerTypeKind ||
                  o.state == OFFSET_UNKNOWN || (o.state == OFFSET_KNOWN && o.value != 0);
    uint32_t rep = esc_find(g, node);
    if (inside && !l->interior[rep]) {
      l->interior[rep] = 1;
      changed = true;
    }
  }
  return changed;
}

enum { MAX_ROUNDS = 32 };

/* Returns false when the fixpoint was not reached in MAX_ROUNDS. */
static bool solve_offsets(Layouts *l) {
  for (unsigned round = 0; round < MAX_ROUNDS; round++) {
    bool changed = update_offsets(l);
    changed |= update_interior(l);
    if (!changed)
      return true;
  }
  return false;
}

/* ---- overlaps ----------------------------------------------------------- */

typedef struct Range {
  uint32_t rep;
  int64_t lo, hi; /* [lo, hi); INT64_MIN..INT64_MAX when unknown */
  const EscAccess *access;
} Range;

static int by_class_then_start(const void *a, const void *b) {
  const Range *x = a, *y = b;
  if (x->rep != y->rep)
    return x->rep < y->rep ? -1 : 1;
  return (x->lo > y->lo) - (x->lo < y->lo);
}

static Range range_of(const Layouts *l, const EscAccess *a, bool trusted) {
  Offset o = a->address ? offset_of(l, a->address) : unknown;
  Range r = {esc_find(l->g, a->node), INT64_MIN, INT64_MAX, a};
  int64_t end;
  if (trusted && o.state == OFFSET_KNOWN && a->size <= INT64_MAX &&
      add_checked(o.value, (int64_t)a->size, &end)) {
    r.lo = o.value;
    r.hi = end;
  }
  return r;
}

/* Merges ranges sorted by class, then start, into disjoint ones per class. */
static uint32_t merge_ranges(Range *r, uint32_t n) {
  uint32_t out = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (out && r[i].rep == r[out - 1].rep && r[i].lo <= r[out - 1].hi) {
      if (r[i].hi > r[out - 1].hi)
        r[out - 1].hi = r[i].hi;
    } else {
      r[out++] = r[i];
    }
  }
  return out;
}

/* Binary search in merged ranges for r's class: does one overlap r? */
static bool overlaps_any(const Range *pointers, uint32_t count, const Range *r) {
  uint32_t lo = 0, hi = count; /* first range of a later class, or of r's starting at or
                                  after r->hi */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (pointers[mid].rep < r->rep || (pointers[mid].rep == r->rep && pointers[mid].lo < r->hi))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && pointers[lo - 1].rep == r->rep && pointers[lo - 1].hi > r->lo;
}

enum { HOLDS_POINTERS = 1, HOLDS_DATA = 2, HOLDS_BOTH = HOLDS_POINTERS | HOLDS_DATA };

/* By class: what its memory is accessed as. Only classes whose memory holds
 * pointers and is also accessed as data can have data overlap a pointer. */
static uint8_t *access_kinds(EscGraph *g, bool *any_both) {
  uint8_t *holds = esc_calloc(g->node_count, 1);
  *any_both = false;
  for (uint32_t a = 0; a < g->access_count; a++) {
    uint8_t *h = &holds[esc_find(g, g->accesses[a].node)];
    *h |= g->accesses[a].kind == ESC_ACCESS_POINTERS ? HOLDS_POINTERS : HOLDS_DATA;
    *any_both |= *h == HOLDS_BOTH;
  }
  return holds;
}

/* The pointer ranges of the classes that hold both are sorted and merged;
 * each data access of those classes, in program order, is looked up in
 * them. The first data read that overlaps a pointer names the reason. */
static void judge_overlaps(Layouts *l, const uint8_t *holds, bool trusted) {
  EscGraph *g = l->g;
  Range *pointers = esc_calloc(g->access_count, sizeof *pointers);
  uint32_t n = 0;
  for (uint32_t a = 0; a < g->access_count; a++)
    if (g->accesses[a].kind == ESC_ACCESS_POINTERS &&
        holds[esc_find(g, g->accesses[a].node)] == HOLDS_BOTH)
      pointers[n++] = range_of(l, &g->accesses[a], trusted);
  qsort(pointers, n, sizeof *pointers, by_class_then_start);
  n = merge_ranges(pointers, n);
  for (uint32_t a = 0; a < g->access_count; a++) {
    const EscAccess *access = &g->accesses[a];
    if (access->kind == ESC_ACCESS_POINTERS || holds[esc_find(g, access->node)] != HOLDS_BOTH)
      continue;
    Range r = range_of(l, access, trusted);
    if (!overlaps_any(pointers, n, &r))
      continue;
    if (access->kind == ESC_ACCESS_DATA_READ && !esc_has(g, r.rep, ESC_CONTENT_ESCAPES))
      esc_mark(g, r.rep, ESC_CONTENT_ESCAPES,
               esc_cause(g, ESC_PTRTOINT, access->inst, "read as data", ESC_NONE));
    if (access->kind == ESC_ACCESS_DATA_WRITE)
      esc_mark(g, r.rep, ESC_CONTENT_FOREIGN, ESC_NONE);
  }
  free(pointers);
}

/* Rule "data, not a pointer" (field-offsets.ll; struct_fields.c,
 * summary_word_copy.c, memcpy_compare.c copy pointers as words and bytes). */
void esc_resolve_layouts(EscGraph *g) {
  if (!g->access_count)
    return;
  bool any_both;
  uint8_t *holds = access_kinds(g, &any_both);
  if (!any_both) {
    free(holds);
    return; /* no offsets needed: nothing to judge */
  }
  Layouts l = {g, esc_calloc(g->node_count, sizeof(Offset)), esc_calloc(g->node_count, 1),
               esc_calloc(g->node_count, 1), NULL, 0};
  for (uint32_t s = 0; s < g->site_count; s++)
    l.fixed[g->sites[s].node] = 1;
  collect_pointers(&l);
  bool trusted = solve_offsets(&l);
  judge_overlaps(&l, holds, trusted);
  free(holds);
  free(l.pointers);
  free(l.offsets);
  free(l.interior);
  free(l.fixed);
}
