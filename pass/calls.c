/* calls: what a call does to the pointers it is handed (see build.h).
 *
 * Allocation functions create sites, deallocators are recorded for the
 * rewrite, a few memory intrinsics are modeled exactly, and every other call
 * is judged by its attributes: a pointer argument does not escape only if the
 * callee neither captures it (nocapture; captures(none) or captures(address)
 * from LLVM 21) nor may free it (nofree, or a callee that writes no memory).
 * What the argument points to is still read or written by the callee, so the
 * pointee class escapes or becomes foreign unless readnone/readonly/writeonly
 * say otherwise. */
#include "build.h"

#include "attrs.h"
#include "layout.h"
#include "summarize.h"

#include <llvm-c/Core.h>
#include <string.h>

typedef enum Capture { CAPTURE_NONE, CAPTURE_ADDRESS, CAPTURE_RETURN, CAPTURE_ALL } Capture;

static unsigned captures_value(LLVMValueRef call, LLVMValueRef fn, unsigned arg) {
  unsigned kind = esc_attr_kind("captures");
  unsigned value = 0xff;
  LLVMAttributeRef a = LLVMGetCallSiteEnumAttribute(call, arg + 1, kind);
  if (a)
    value &= (unsigned)LLVMGetEnumAttributeValue(a);
  if (fn && (a = LLVMGetEnumAttributeAtIndex(fn, arg + 1, kind)))
    value &= (unsigned)LLVMGetEnumAttributeValue(a);
  return value;
}

/* Rule "not captured" (calls-captures.ll, calls-captures-21.ll; tail_calls.c
 * runs a promoted object through callees that keep nothing). */
static Capture capture_of(LLVMValueRef call, LLVMValueRef fn, unsigned arg) {
  if (esc_has_param_attr(call, fn, arg, "nocapture") || esc_has_param_attr(call, fn, arg, "byval"))
    return CAPTURE_NONE;
  if (!esc_attr_kind("captures"))
    return CAPTURE_ALL;
  unsigned value = captures_value(call, fn, arg);
  unsigned other = value >> ESC_CAPTURES_OTHER_SHIFT;
  unsigned ret = value & ((1u << ESC_CAPTURES_OTHER_SHIFT) - 1);
  if (other & ESC_CAPTURE_PROVENANCE)
    return CAPTURE_ALL;
  if (ret & ESC_CAPTURE_PROVENANCE)
    return CAPTURE_RETURN;
  return (other & ESC_CAPTURE_ADDRESS) == ESC_CAPTURE_ADDRESS ? CAPTURE_ADDRESS : CAPTURE_NONE;
}

/* The `memory` attribute packs two ModRef bits per location; Mod is the high
 * one. Returns the union over all locations, or 3 (ModRef) when absent. */
static unsigned memory_effects(LLVMValueRef call, LLVMValueRef fn) {
  LLVMAttributeRef a = esc_attr(call, fn, LLVMAttributeFunctionIndex, "memory");
  if (!a)
    return esc_has_fn_attr(call, fn, "readnone") ? 0 : esc_has_fn_attr(call, fn, "readonly") ? 1 : 3;
  uint64_t bits = LLVMGetEnumAttributeValue(a);
  unsigned modref = 0;
  for (; bits; bits >>= 2)
    modref |= (unsigned)(bits & 3);
  return modref;
}

enum { ACCESS_READ = 1, ACCESS_WRITE = 2 };

static unsigned access_of(LLVMValueRef call, LLVMValueRef fn, unsigned arg) {
  /* A byval argument is copied, which reads it whatever the callee says. */
  if (esc_has_param_attr(call, fn, arg, "byval"))
    return ACCESS_READ;
  unsigned access = memory_effects(call, fn);
  if (esc_has_param_attr(call, fn, arg, "readnone"))
    access = 0;
  if (esc_has_param_attr(call, fn, arg, "readonly"))
    access &= ACCESS_READ;
  if (esc_has_param_attr(call, fn, arg, "writeonly"))
    access &= ACCESS_WRITE;
  return access;
}

/* Rule "not freed" (frees.ll; foreign_free.c, partial_free.c). */
static bool may_free(LLVMValueRef call, LLVMValueRef fn, unsigned arg) {
  return !esc_has_param_attr(call, fn, arg, "nofree") && !esc_has_fn_attr(call, fn, "nofree") &&
         (memory_effects(call, fn) & ACCESS_WRITE);
}

typedef struct Callee {
  LLVMValueRef fn; /* NULL for indirect calls and inline asm */
  const char *name;
  EscReason passed; /* ESC_PASSED, ESC_PASSED_INDIRECT or ESC_PASSED_ASM */
  const EscSummary *summary; /* NULL: judge by attributes */
  EscSummary model;          /* storage for the C library model's summary */
} Callee;

/* A summary applies when the call matches the callee's own type: the
 * module's analysed functions, then the C library model. */
static const EscSummary *summary_of(EscGraph *g, LLVMValueRef call, Callee *c) {
  if (!c->fn || LLVMGlobalGetValueType(c->fn) != LLVMGetCalledFunctionType(call))
    return NULL;
  if (!LLVMIsDeclaration(c->fn))
    return esc_host_summary(g->host, c->fn);
  return esc_libc_summary(g->host, call, c->fn, &c->model) ? &c->model : NULL;
}

static void callee_of(EscGraph *g, LLVMValueRef call, Callee *c) {
  LLVMValueRef target = LLVMGetCalledValue(call);
  size_t len;
  *c = (Callee){.fn = LLVMIsAFunction(target), .passed = ESC_PASSED};
  if (c->fn)
    c->name = LLVMGetValueName2(c->fn, &len);
  else
    c->passed = LLVMIsAInlineAsm(target) ? ESC_PASSED_ASM : ESC_PASSED_INDIRECT;
  c->summary = summary_of(g, call, c);
}

/* What the callee's summary says it does with argument `arg`. */
static void apply_summary(EscGraph *g, LLVMValueRef call, const Callee *callee, unsigned arg,
                          uint32_t node) {
  const EscSummary *s = callee->summary;
  EscParamSummary p = arg < s->param_count ? s->params[arg] : s->varargs;
  if (p.flags & ESC_PARAM_RETURNED)
    esc_unify(g, esc_node(g, call), node, call);
  if (p.stored_into >= 0 && (unsigned)p.stored_into < LLVMGetNumArgOperands(call)) {
    uint32_t into = esc_node(g, LLVMGetOperand(call, (unsigned)p.stored_into));
    if (into != ESC_NONE) {
      esc_unify(g, node, esc_pointee(g, into), call);
      esc_mark_kept(g, node, ESC_STORED, call);
    }
  }
  if (p.flags & ESC_PARAM_ESCAPES)
    esc_mark(g, node, ESC_ESCAPED, esc_cause(g, ESC_PASSED, call, callee->name, ESC_NONE));
  if (p.flags & ESC_PARAM_FREES)
    esc_mark(g, node, ESC_ESCAPED, esc_cause(g, ESC_FREED_BY_CALLEE, call, callee->name, ESC_NONE));
  if (p.flags & ESC_PARAM_CONTENT_ESCAPES) {
    uint32_t from = node;
    for (unsigned d = 0; d < p.content_escapes_below; d++)
      from = esc_pointee(g, from);
    esc_mark(g, from, ESC_CONTENT_ESCAPES,
             esc_cause(g, ESC_CONTENT_READ, call, callee->name, ESC_NONE));
  }
  if (p.flags & ESC_PARAM_CONTENT_WRITTEN)
    esc_mark(g, node, ESC_CONTENT_FOREIGN, ESC_NONE);
  if (p.flags & ESC_PARAM_ADDRESS_KEPT)
    esc_mark_kept(g, node, ESC_ADDRESS_CAPTURED, call);
  if (p.flags & ESC_PARAM_ADDRESS_EXPOSED)
    esc_mark(g, node, ESC_ADDRESS_EXPOSED, ESC_NONE);
  /* The words the callee named, counted from the argument; other bytes it
   * touches may be any of them. */
  esc_record_words(g, call, LLVMGetOperand(call, arg), p.read_words, ESC_ACCESS_DATA_READ);
  esc_record_words(g, call, LLVMGetOperand(call, arg), p.written_words, ESC_ACCESS_DATA_WRITE);
  if (p.flags & ESC_PARAM_READS_DATA)
    esc_record_class_access(g, call, node, ESC_ACCESS_DATA_READ);
  if (p.flags & ESC_PARAM_WRITES_DATA)
    esc_record_class_access(g, call, node, ESC_ACCESS_DATA_WRITE);
  if (p.flags & ESC_PARAM_CONTENT_READS_DATA)
    esc_record_class_access(g, call, esc_pointee(g, node), ESC_ACCESS_DATA_READ);
  if (p.flags & ESC_PARAM_CONTENT_WRITES_DATA)
    esc_record_class_access(g, call, esc_pointee(g, node), ESC_ACCESS_DATA_WRITE);
}

static void build_argument(EscGraph *g, LLVMValueRef call, const Callee *callee, unsigned arg) {
  LLVMValueRef value = LLVMGetOperand(call, arg);
  uint32_t node = esc_value_carries_pointers(value) ? esc_node(g, value) : ESC_NONE;
  if (node == ESC_NONE)
    return;
  bool pointer = LLVMGetTypeKind(LLVMTypeOf(value)) == LLVMPointerTypeKind;
  if (callee->summary && pointer && !esc_has_param_attr(call, callee->fn, arg, "byval")) {
    apply_summary(g, call, callee, arg, node);
    return;
  }
  Capture capture = pointer && callee->passed != ESC_PASSED_ASM
                        ? capture_of(call, callee->fn, arg)
                        : CAPTURE_ALL;
  if (capture == CAPTURE_RETURN || esc_has_param_attr(call, callee->fn, arg, "returned"))
    esc_unify(g, esc_node(g, call), node, call);
  if (capture == CAPTURE_ALL || may_free(call, callee->fn, arg)) {
    esc_mark(g, node, ESC_ESCAPED, esc_cause(g, callee->passed, call, callee->name, ESC_NONE));
    return;
  }
  if (capture == CAPTURE_ADDRESS)
    esc_mark_kept(g, node, ESC_ADDRESS_CAPTURED, call);
  unsigned access = access_of(call, callee->fn, arg);
  if (access & ACCESS_READ)
    esc_mark(g, node, ESC_CONTENT_ESCAPES, esc_cause(g, ESC_CONTENT_READ, call, callee->name, ESC_NONE));
  if (access & ACCESS_WRITE)
    esc_mark(g, node, ESC_CONTENT_FOREIGN, esc_cause(g, ESC_STORED_UNKNOWN, call, NULL, ESC_NONE));
}

/* A call's result is what the callee returns: unknown, unless the only
 * thing it may return is a `returned` argument. */
static void build_result(EscGraph *g, LLVMValueRef call, const Callee *callee) {
  if (!esc_value_carries_pointers(call))
    return;
  unsigned argc = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < argc; i++)
    if (esc_has_param_attr(call, callee->fn, i, "returned"))
      return;
  esc_mark(g, esc_node(g, call), ESC_EXTERNAL, esc_cause(g, ESC_STORED_UNKNOWN, call, NULL, ESC_NONE));
}

static void build_generic_call(EscGraph *g, LLVMValueRef call) {
  Callee callee;
  callee_of(g, call, &callee);
  unsigned argc = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < argc; i++)
    build_argument(g, call, &callee, i);
  /* Operand bundles (deopt, ...) may keep anything. */
  unsigned operands = (unsigned)LLVMGetNumOperands(call);
  for (unsigned i = argc; i + 1 < operands; i++) {
    LLVMValueRef op = LLVMGetOperand(call, i);
    if (esc_value_carries_pointers(op))
      esc_escape(g, op, ESC_UNSUPPORTED_USE, call, "operand bundle");
  }
  build_result(g, call, &callee);
  if (callee.summary && callee.summary->through_copy)
    esc_append_value(&g->copy_calls, &g->copy_call_count, &g->copy_call_capacity, call);
  if (LLVMIsACallInst(call) && LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail) {
    esc_append_value(&g->musttail_calls, &g->musttail_count, &g->musttail_capacity, call);
  }
  if (esc_has_fn_attr(call, callee.fn, "returns_twice"))
    g->returns_twice_call = call;
}

static bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Intrinsics whose pointer operands are neither captured nor dereferenced
 * in a way that matters here. */
static const char *const inert_intrinsics[] = {
    "llvm.lifetime.",   "llvm.dbg.",       "llvm.assume",   "llvm.experimental.noalias.scope.decl",
    "llvm.invariant.",  "llvm.objectsize.", "llvm.prefetch", "llvm.sideeffect",
    "llvm.pseudoprobe", "llvm.donothing",
};

static uint64_t constant_size(LLVMValueRef length) {
  return LLVMIsAConstantInt(length) ? LLVMConstIntGetZExtValue(length) : UINT64_MAX;
}

/* Returns true when the intrinsic was modeled here. */
static bool build_intrinsic(EscGraph *g, LLVMValueRef call, const char *name) {
  for (unsigned i = 0; i < sizeof inert_intrinsics / sizeof *inert_intrinsics; i++)
    if (starts_with(name, inert_intrinsics[i]))
      return true;
  if (starts_with(name, "llvm.memcpy.") || starts_with(name, "llvm.memmove.")) {
    LLVMValueRef dst = LLVMGetOperand(call, 0), src = LLVMGetOperand(call, 1);
    uint32_t copied = esc_pointee(g, esc_address(g, src));
    esc_unify(g, esc_pointee(g, esc_address(g, dst)), copied, call);
    esc_mark_kept(g, copied, ESC_STORED, call);
    /* Bytes are copied as they are: both ranges may hold pointers. */
    uint64_t size = constant_size(LLVMGetOperand(call, 2));
    esc_record_access(g, call, dst, size, ESC_ACCESS_POINTERS);
    esc_record_access(g, call, src, size, ESC_ACCESS_POINTERS);
    return true;
  }
  if (starts_with(name, "llvm.memset.")) {
    LLVMValueRef byte = LLVMGetOperand(call, 1);
    if (!LLVMIsNull(byte))
      esc_record_access(g, call, LLVMGetOperand(call, 0), constant_size(LLVMGetOperand(call, 2)),
                        ESC_ACCESS_DATA_WRITE);
    return true;
  }
  if (starts_with(name, "llvm.ptrmask.") || starts_with(name, "llvm.launder.invariant.group.") ||
      starts_with(name, "llvm.strip.invariant.group.")) {
    esc_unify(g, esc_node(g, call), esc_node(g, LLVMGetOperand(call, 0)), call);
    return true;
  }
  return false;
}

static int64_t constant_or_minus_one(LLVMValueRef v) {
  if (!LLVMIsAConstantInt(v))
    return -1;
  unsigned long long x = LLVMConstIntGetZExtValue(v);
  return x > (unsigned long long)INT64_MAX ? -1 : (int64_t)x;
}

static bool is_power_of_two(uint64_t x) { return x && !(x & (x - 1)); }

/* The rewrite compares a run-time size with its slot's as a 64-bit unsigned
 * number. */
static bool sizes_fit_in_64_bits(LLVMValueRef call, const EscAllocator *a) {
  int args[2] = {a->size_arg, a->count_arg};
  for (unsigned i = 0; i < 2; i++)
    if (args[i] >= 0 && LLVMGetIntTypeWidth(LLVMTypeOf(LLVMGetOperand(call, args[i]))) > 64)
      return false;
  return true;
}

/* Size and alignment of a site, or the reason it cannot have them. */
static EscReason measure(EscGraph *g, LLVMValueRef call, EscSite *site) {
  const EscAllocator *a = &site->allocator;
  site->align = a->fixed_align ? a->fixed_align : esc_host_heap_alignment(g->host);
  if (a->align_arg >= 0) {
    int64_t align = constant_or_minus_one(LLVMGetOperand(call, a->align_arg));
    if (align < 0 || !is_power_of_two((uint64_t)align))
      return ESC_BAD_ALIGNMENT;
    if ((uint64_t)align > site->align)
      site->align = (uint64_t)align;
  }
  if (a->copies_string && !esc_host_library_has(g->host, "strnlen"))
    return ESC_NON_CONSTANT_SIZE; /* the rewrite measures the string with strnlen */
  int64_t size = a->copies_string ? -1 : constant_or_minus_one(LLVMGetOperand(call, a->size_arg));
  if (a->count_arg >= 0 && size >= 0) {
    int64_t count = constant_or_minus_one(LLVMGetOperand(call, a->count_arg));
    if (count < 0)
      size = -1;
    else if (count && size > INT64_MAX / count)
      return ESC_SIZE_OVERFLOW;
    else
      size *= count;
  }
  site->size = size;
  site->capacity = size > 0 ? (uint64_t)size : 1;
  if (size < 0 && !sizes_fit_in_64_bits(call, a))
    return ESC_NON_CONSTANT_SIZE;
  unsigned addrspace = LLVMGetPointerAddressSpace(LLVMTypeOf(call));
  if (!esc_host_stack_in_addrspace(g->host, addrspace))
    return ESC_STACK_ADDRSPACE;
  return ESC_PROMOTED;
}

static void build_site(EscGraph *g, LLVMValueRef call, const EscCallInfo *info) {
  EscSite site = {.call = call, .allocator = info->allocator, .node = esc_node(g, call),
                  .size = -1, .cause = ESC_NONE};
  site.verdict = info->refused ? info->refused : measure(g, call, &site);
  if (info->refused != ESC_PROMOTED && info->refused != ESC_NOBUILTIN)
    site.cause = esc_cause(g, info->refused, call, info->allocator.display, ESC_NONE);
  if (info->refused) /* some other function answers this call: its memory is unknown */
    esc_mark(g, site.node, ESC_EXTERNAL, esc_cause(g, ESC_STORED_UNKNOWN, call, NULL, ESC_NONE));
  esc_add_site(g, &site);
}

/* strdup reads the bytes of its argument and keeps nothing of it; someone
 * else's strdup (refused) is any other call. */
static void build_string_source(EscGraph *g, LLVMValueRef call, const EscCallInfo *info) {
  if (info->refused != ESC_PROMOTED) {
    build_generic_call(g, call);
    return;
  }
  esc_record_access(g, call, LLVMGetOperand(call, 0), UINT64_MAX, ESC_ACCESS_DATA_READ);
}

static void build_free(EscGraph *g, LLVMValueRef call, const EscCallInfo *info) {
  LLVMValueRef freed = LLVMGetOperand(call, info->ptr_arg);
  if (info->refused) {
    size_t len;
    esc_escape(g, freed, info->refused, call, LLVMGetValueName2(LLVMGetCalledValue(call), &len));
    return;
  }
  if (!LLVMIsACallInst(call)) {
    esc_escape(g, freed, ESC_FREED_BY_INVOKE, call, NULL);
    return;
  }
  uint32_t node = esc_node(g, freed);
  if (node == ESC_NONE)
    return;
  esc_grow((void **)&g->frees, &g->free_capacity, sizeof *g->frees, g->free_count + 1);
  g->frees[g->free_count++] = (EscFree){call, info->family, info->ptr_arg, node, false};
}

/* The C library's realloc(p, n) of a pointer the function has: it frees
 * p's object (for the family check and for callers: a callee's realloc
 * frees their object), and its result continues that object (grow.h). */
static bool build_growth(EscGraph *g, LLVMValueRef call, const EscCallInfo *info) {
  LLVMValueRef old = LLVMGetOperand(call, info->ptr_arg);
  if (info->size_arg < 0 || !LLVMIsACallInst(call) || LLVMIsAConstant(old) ||
      !esc_host_library_has(g->host, "malloc"))
    return false; /* the helper moves an outgrown object with malloc */
  uint32_t node = esc_node(g, old);
  esc_unify(g, esc_node(g, call), node, call);
  esc_grow((void **)&g->frees, &g->free_capacity, sizeof *g->frees, g->free_count + 1);
  g->frees[g->free_count++] = (EscFree){call, "malloc", info->ptr_arg, node, true};
  return true;
}

void esc_build_call(EscGraph *g, LLVMValueRef call) {
  LLVMValueRef fn = LLVMIsAFunction(LLVMGetCalledValue(call));
  size_t len;
  if (fn && LLVMGetIntrinsicID(fn) && build_intrinsic(g, call, LLVMGetValueName2(fn, &len)))
    return;
  EscCallInfo info = esc_classify_call(g->host, call);
  switch (info.role) {
  case ESC_ROLE_ALLOCATE:
    build_site(g, call, &info);
    if (info.allocator.copies_string)
      build_string_source(g, call, &info);
    else if (esc_allocates_out_of_sight(&info))
      build_generic_call(g, call);
    return;
  case ESC_ROLE_FREE:
    build_free(g, call, &info);
    return;
  case ESC_ROLE_REALLOCATE:
    if (!build_growth(g, call, &info)) {
      esc_escape(g, LLVMGetOperand(call, info.ptr_arg), ESC_REALLOCATED, call, NULL);
      build_result(g, call, &(Callee){.fn = fn, .passed = ESC_PASSED});
    }
    return;
  case ESC_ROLE_OTHER:
    build_generic_call(g, call);
    return;
  }
}
