/* layout: object offsets, access ranges and their overlaps (see layout.h). */
#include "layout.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

enum { OFFSET_TOP, OFFSET_KNOWN, OFFSET_UNKNOWN };

/* An offset counts from the start of an object (BASE_OBJECT) or from where
 * parameter `base` points: a caller may pass a pointer into the middle of
 * its object, so the two kinds of count compare only with their own kind. */
enum { BASE_OBJECT = -1, BASE_NONE = -2, BASE_MIXED = -3 };

typedef struct Offset {
  uint8_t state;
  int32_t base;
  int64_t value;
} Offset;

static const Offset top = {OFFSET_TOP, BASE_OBJECT, 0}, unknown = {OFFSET_UNKNOWN, BASE_OBJECT, 0};

static Offset known(int32_t base, int64_t value) { return (Offset){OFFSET_KNOWN, base, value}; }

static Offset meet(Offset a, Offset b) {
  if (a.state == OFFSET_TOP)
    return b;
  if (b.state == OFFSET_TOP)
    return a;
  if (a.state == OFFSET_KNOWN && b.state == OFFSET_KNOWN && a.value == b.value &&
      a.base == b.base)
    return a;
  return unknown;
}

static bool same(Offset a, Offset b) {
  return a.state == b.state &&
         (a.state != OFFSET_KNOWN || (a.value == b.value && a.base == b.base));
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
  int32_t *base;     /* by class: the base of its accesses' offsets, BASE_MIXED if several */
  PointerValue *pointers; /* the function's pointer instructions with nodes, in order */
  uint32_t pointer_count;
} Layouts;

static void record(EscGraph *g, EscAccess access) {
  if (access.node == ESC_NONE)
    return; /* memory of a constant: a global, foreign anyway */
  esc_grow((void **)&g->accesses, &g->access_capacity, sizeof *g->accesses, g->access_count + 1);
  g->accesses[g->access_count++] = access;
}

static void record_at(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, int64_t offset,
                      uint64_t size, EscAccessKind kind) {
  uint32_t node = LLVMIsAConstant(address) ? ESC_NONE : esc_node(g, address);
  record(g, (EscAccess){inst, address, node, offset, size, kind});
}

void esc_record_access(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, uint64_t size,
                       EscAccessKind kind) {
  record_at(g, inst, address, 0, size, kind);
}

void esc_record_class_access(EscGraph *g, LLVMValueRef inst, uint32_t node, EscAccessKind kind) {
  record(g, (EscAccess){inst, NULL, node, 0, UINT64_MAX, kind});
}

void esc_record_words(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, uint64_t words,
                      EscAccessKind kind) {
  for (unsigned k = 0; k < 64;) {
    if (!(words >> k & 1)) {
      k++;
      continue;
    }
    unsigned end = k;
    while (end < 64 && (words >> end & 1))
      end++;
    record_at(g, inst, address, 8 * (int64_t)k, 8 * (uint64_t)(end - k), kind);
    k = end;
  }
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
    return known(BASE_OBJECT, 0);
  case LLVMGetElementPtr: {
    Offset base = offset_of(l, LLVMGetOperand(inst, 0));
    int64_t delta, sum;
    if (base.state != OFFSET_KNOWN)
      return base;
    return gep_offset(g, inst, &delta) && add_checked(base.value, delta, &sum)
               ? known(base.base, sum)
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
    return node != ESC_NONE && !l->interior[esc_find(g, node)] ? known(BASE_OBJECT, 0) : unknown;
  default:
    return node != ESC_NONE && l->fixed[node] ? known(BASE_OBJECT, 0) : unknown;
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

/* Where an access starts, counted from its base, if it is known. */
static bool start_of(const Layouts *l, const EscAccess *a, Offset *out) {
  *out = a->address ? offset_of(l, a->address) : unknown;
  return out->state == OFFSET_KNOWN && add_checked(out->value, a->offset, &out->value);
}

/* [lo, hi) of an access whose place and size are known; unknown ones
 * overlap everything, and so do all of a class whose accesses count from
 * different bases. */
static Range range_of(const Layouts *l, const EscAccess *a, bool trusted) {
  Range r = {esc_find(l->g, a->node), INT64_MIN, INT64_MAX, a};
  Offset o;
  int64_t end;
  if (trusted && l->base[r.rep] != BASE_MIXED && start_of(l, a, &o) && a->size <= INT64_MAX &&
      add_checked(o.value, (int64_t)a->size, &end)) {
    r.lo = o.value;
    r.hi = end;
  }
  return r;
}

/* The base each class's accesses count from. */
static void find_bases(Layouts *l) {
  EscGraph *g = l->g;
  for (uint32_t n = 0; n < g->node_count; n++)
    l->base[n] = BASE_NONE;
  for (uint32_t a = 0; a < g->access_count; a++) {
    int32_t *base = &l->base[esc_find(g, g->accesses[a].node)];
    Offset o;
    if (!start_of(l, &g->accesses[a], &o))
      continue; /* unknown: overlaps everything anyway */
    *base = *base == BASE_NONE || *base == o.base ? o.base : BASE_MIXED;
  }
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

/* ---- data words of parameters ------------------------------------------ */

enum { WORD_BYTES = 8, WORDS = 64 };

/* The class of each parameter the summary describes, ESC_NONE for others. */
static unsigned param_classes(EscGraph *g, uint32_t *reps) {
  unsigned count = LLVMCountParams(g->function);
  if (count > ESC_MAX_SUMMARY_PARAMS)
    return 0; /* no summary */
  for (unsigned i = 0; i < count; i++) {
    uint32_t node = esc_map_get(&g->values, LLVMGetParam(g->function, i));
    reps[i] = node == ESC_NONE ? ESC_NONE : esc_find(g, node);
  }
  return count;
}

/* The words of [lo, hi), or false when some byte lies outside the first WORDS. */
static bool words_of(int64_t lo, uint64_t size, uint64_t *out) {
  const int64_t limit = WORD_BYTES * WORDS;
  if (lo < 0 || lo > limit || size > (uint64_t)limit || lo + (int64_t)size > limit)
    return false;
  *out = 0;
  for (int64_t k = lo / WORD_BYTES; k * WORD_BYTES < lo + (int64_t)size; k++)
    *out |= 1ull << k;
  return true;
}

static void note_words(const Layouts *l, const EscAccess *a, int32_t param, bool trusted,
                       EscDataWords *w) {
  bool read = a->kind == ESC_ACCESS_DATA_READ;
  Offset o;
  uint64_t words;
  if (trusted && start_of(l, a, &o) && o.base == param && words_of(o.value, a->size, &words))
    *(read ? &w->read : &w->written) |= words;
  else
    *(read ? &w->read_anywhere : &w->written_anywhere) = true;
}

/* Rule "data at named places" (summaries-data-words.ll; struct_summary.c):
 * a data access through a parameter's class lands at a known word of the
 * parameter's object only when its address counts from that parameter. An
 * access through any other member of the class (a pointer loaded from
 * memory, another parameter, an alloca merged in) may hit the object at any
 * place: anywhere. */
static void measure_param_words(Layouts *l, bool trusted) {
  EscGraph *g = l->g;
  uint32_t reps[ESC_MAX_SUMMARY_PARAMS];
  unsigned count = param_classes(g, reps);
  for (uint32_t a = 0; a < g->access_count; a++) {
    const EscAccess *access = &g->accesses[a];
    if (access->kind == ESC_ACCESS_POINTERS)
      continue;
    uint32_t rep = esc_find(g, access->node);
    for (unsigned i = 0; i < count; i++)
      if (reps[i] == rep)
        note_words(l, access, (int32_t)i, trusted, &g->param_words[i]);
  }
}

/* True when some parameter's class is accessed as data. */
static bool params_hold_data(EscGraph *g, const uint8_t *holds) {
  uint32_t reps[ESC_MAX_SUMMARY_PARAMS];
  unsigned count = param_classes(g, reps);
  for (unsigned i = 0; i < count; i++)
    if (reps[i] != ESC_NONE && (holds[reps[i]] & HOLDS_DATA))
      return true;
  return false;
}

/* Offsets count from where each parameter points. */
static void start_params(Layouts *l) {
  unsigned count = LLVMCountParams(l->g->function);
  for (unsigned i = 0; i < count; i++) {
    uint32_t node = esc_map_get(&l->g->values, LLVMGetParam(l->g->function, i));
    if (node != ESC_NONE)
      l->offsets[node] = known((int32_t)i, 0);
  }
}

/* Rule "data, not a pointer" (field-offsets.ll; struct_fields.c,
 * summary_word_copy.c, memcpy_compare.c copy pointers as words and bytes). */
void esc_resolve_layouts(EscGraph *g) {
  if (!g->access_count)
    return;
  bool any_both;
  uint8_t *holds = access_kinds(g, &any_both);
  bool param_data = params_hold_data(g, holds);
  if (!any_both && !param_data) {
    free(holds);
    return; /* no offsets needed: nothing to judge or measure */
  }
  Layouts l = {g,
               esc_calloc(g->node_count, sizeof(Offset)),
               esc_calloc(g->node_count, 1),
               esc_calloc(g->node_count, 1),
               esc_calloc(g->node_count, sizeof(int32_t)),
               NULL,
               0};
  for (uint32_t s = 0; s < g->site_count; s++)
    l.fixed[g->sites[s].node] = 1;
  start_params(&l);
  collect_pointers(&l);
  bool trusted = solve_offsets(&l);
  find_bases(&l);
  if (any_both)
    judge_overlaps(&l, holds, trusted);
  if (param_data)
    measure_param_words(&l, trusted);
  free(holds);
  free(l.pointers);
  free(l.offsets);
  free(l.interior);
  free(l.fixed);
  free(l.base);
}
