/* build: instructions other than calls (see build.h). */
#include "build.h"

#include "layout.h"
#include "names.h"

#include <llvm-c/Core.h>

/* The result holds whatever its pointer operands hold. */
static void flow_operands(EscGraph *g, LLVMValueRef inst, unsigned first, unsigned last) {
  if (!esc_value_carries_pointers(inst))
    return;
  uint32_t result = esc_node(g, inst);
  for (unsigned i = first; i <= last; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, i);
    if (esc_value_carries_pointers(op))
      esc_unify(g, result, esc_node(g, op), inst);
  }
}

static void make_external(EscGraph *g, LLVMValueRef inst) {
  if (esc_value_carries_pointers(inst))
    esc_mark(g, esc_node(g, inst), ESC_EXTERNAL,
             esc_cause(g, ESC_STORED_UNKNOWN, inst, NULL, ESC_NONE));
}

static void escape_operands(EscGraph *g, LLVMValueRef inst, EscReason reason,
                            const char *detail) {
  unsigned n = (unsigned)LLVMGetNumOperands(inst);
  for (unsigned i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, i);
    if (esc_value_carries_pointers(op))
      esc_escape(g, op, reason, inst, detail);
  }
  make_external(g, inst);
}

enum { MAX_INTEGER_VALUES = 64, MAX_DIFFERENCE_EDGES = 8, MAX_NULL_OFFSETS = 8 };

/* What one side of a difference is on one way into a block: the address of
 * an object, or a number that is no object's address. */
typedef enum { TERM_UNKNOWN, TERM_NO_ADDRESS, TERM_ADDRESS } TermKind;

static bool is_no_value(LLVMValueRef v) {
  return LLVMIsUndef(v) || LLVMIsPoison(v) || LLVMIsAConstantPointerNull(v);
}

/* Null, or an offset from it (`getelementptr null, n`: LLVM 22 leaves an
 * empty vector's end so). */
static bool is_null_based(LLVMValueRef v) {
  /* A bounded walk: unreachable code may hold `%p = getelementptr i8, ptr %p, i64 1`. */
  for (unsigned steps = 0; steps < MAX_NULL_OFFSETS; steps++) {
    bool offset = LLVMIsAGetElementPtrInst(v) ||
                  (LLVMIsAConstantExpr(v) && LLVMGetConstOpcode(v) == LLVMGetElementPtr);
    if (!offset)
      return is_no_value(v);
    v = LLVMGetOperand(v, 0);
  }
  return false;
}

/* The address of a pointer: none for null and offsets from it. */
static TermKind address_term(LLVMValueRef v, LLVMValueRef *pointer) {
  if (is_null_based(v))
    return TERM_NO_ADDRESS;
  *pointer = v;
  return TERM_ADDRESS;
}

/* An integer: a constant, or the address of `*pointer` (a ptrtoint). */
static TermKind integer_term(LLVMValueRef v, LLVMValueRef *pointer) {
  if (LLVMIsAConstantInt(v) || is_no_value(v))
    return TERM_NO_ADDRESS;
  if (!LLVMIsAPtrToIntInst(v) && !(LLVMIsAConstantExpr(v) && LLVMGetConstOpcode(v) == LLVMPtrToInt))
    return TERM_UNKNOWN;
  return address_term(LLVMGetOperand(v, 0), pointer);
}

/* What `phi` receives from `pred` (phis of one block may list their
 * predecessors in different orders). */
static LLVMValueRef incoming_from(LLVMValueRef phi, LLVMBasicBlockRef pred) {
  unsigned n = LLVMCountIncoming(phi);
  for (unsigned i = 0; i < n; i++)
    if (LLVMGetIncomingBlock(phi, i) == pred)
      return LLVMGetIncomingValue(phi, i);
  return NULL;
}

/* One side of `sub` as it is on the way into `block` from `pred`: a phi of
 * `block` (of integers, or of the pointer a ptrtoint reads) takes what it
 * receives from there; anything else is itself. */
static TermKind term_on_edge(LLVMValueRef side, LLVMBasicBlockRef block, LLVMBasicBlockRef pred,
                             LLVMValueRef *pointer) {
  LLVMValueRef in;
  if (LLVMIsAPHINode(side) && LLVMGetInstructionParent(side) == block)
    return (in = incoming_from(side, pred)) ? integer_term(in, pointer) : TERM_UNKNOWN;
  if (LLVMIsAPtrToIntInst(side)) {
    LLVMValueRef from = LLVMGetOperand(side, 0);
    if (LLVMIsAPHINode(from) && LLVMGetInstructionParent(from) == block)
      return (in = incoming_from(from, pred)) ? address_term(in, pointer) : TERM_UNKNOWN;
  }
  return integer_term(side, pointer);
}

/* The block whose phis a side of `sub` reads, NULL for none. */
static LLVMBasicBlockRef phi_block_of(LLVMValueRef side) {
  if (LLVMIsAPtrToIntInst(side))
    side = LLVMGetOperand(side, 0);
  return LLVMIsAPHINode(side) ? LLVMGetInstructionParent(side) : NULL;
}

/* The pointers whose addresses `sub a, b` subtracts, into out[] (at most
 * 2 * MAX_DIFFERENCE_EDGES); 0 when it is not a difference of addresses.
 * Either a - b of two ptrtoints, or, with a side that is a phi (of ptrtoints
 * or constants) or a ptrtoint of a phi, the same on every way into the phis'
 * block: on each, two addresses, or two numbers that are no object's address
 * (GVN leaves `end - begin` of a vector as `ptrtoint (phi [null, end]) -
 * phi [0, ptrtoint begin]`). Two pointer phis are judged so too: null - p is
 * p's address, though both phis are of p's class. */
static unsigned difference_pointers(LLVMValueRef sub, LLVMValueRef *out) {
  if (LLVMGetInstructionOpcode(sub) != LLVMSub ||
      LLVMGetTypeKind(LLVMTypeOf(sub)) != LLVMIntegerTypeKind)
    return 0;
  LLVMValueRef sides[2] = {LLVMGetOperand(sub, 0), LLVMGetOperand(sub, 1)};
  LLVMBasicBlockRef block = phi_block_of(sides[0]), other = phi_block_of(sides[1]);
  if (!block)
    block = other;
  if (other && other != block)
    return 0;
  if (!block) {
    bool both = LLVMIsAPtrToIntInst(sides[0]) && LLVMIsAPtrToIntInst(sides[1]);
    if (!both)
      return 0;
    out[0] = LLVMGetOperand(sides[0], 0);
    out[1] = LLVMGetOperand(sides[1], 0);
    return 2;
  }
  LLVMValueRef phi = LLVMGetFirstInstruction(block);
  unsigned edges = LLVMCountIncoming(phi), count = 0;
  if (edges > MAX_DIFFERENCE_EDGES)
    return 0;
  for (unsigned k = 0; k < edges; k++) {
    LLVMBasicBlockRef pred = LLVMGetIncomingBlock(phi, k);
    LLVMValueRef pointers[2];
    TermKind terms[2] = {term_on_edge(sides[0], block, pred, &pointers[0]),
                         term_on_edge(sides[1], block, pred, &pointers[1])};
    if (terms[0] != terms[1] || terms[0] == TERM_UNKNOWN)
      return 0;
    if (terms[0] == TERM_ADDRESS) {
      out[count++] = pointers[0];
      out[count++] = pointers[1];
    }
  }
  return count;
}

/* `sub` of two addresses, judged as a whole (esc_judge_address_differences). */
static bool is_address_difference(LLVMValueRef inst) {
  LLVMValueRef pointers[2 * MAX_DIFFERENCE_EDGES];
  return difference_pointers(inst, pointers) > 0;
}

/* Where the address a ptrtoint makes goes, as an escape's detail; NULL when
 * it stays an integer: it and the integers computed from it (arithmetic,
 * casts, selects, phis, freeze; at most MAX_INTEGER_VALUES of them) are only
 * compared or switched on, never stored, passed, returned or made a pointer
 * again. README "What the pass assumes" says why that is sound. */
static const char *integer_leaves(LLVMValueRef ptrtoint) {
  if (LLVMGetTypeKind(LLVMTypeOf(ptrtoint)) != LLVMIntegerTypeKind)
    return "a vector of addresses";
  LLVMValueRef values[MAX_INTEGER_VALUES];
  unsigned count = 0;
  values[count++] = ptrtoint;
  for (unsigned i = 0; i < count; i++)
    for (LLVMUseRef u = LLVMGetFirstUse(values[i]); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (is_address_difference(user))
        continue;
      switch (LLVMGetInstructionOpcode(user)) {
      case LLVMICmp:
      case LLVMSwitch:
      case LLVMBr:
        continue;
      case LLVMSelect:
        if (LLVMGetOperand(user, 0) == values[i])
          continue; /* the condition */
        break;
      case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMUDiv: case LLVMSDiv:
      case LLVMURem: case LLVMSRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
      case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMTrunc: case LLVMZExt:
      case LLVMSExt: case LLVMPHI: case LLVMFreeze:
        break;
      case LLVMStore: return "stored to memory";
      case LLVMCall: case LLVMInvoke: case LLVMCallBr: return "passed to a call";
      case LLVMRet: return "returned";
      case LLVMIntToPtr: return "made a pointer again";
      default: return "used by an instruction that is not arithmetic";
      }
      bool seen = false;
      for (unsigned k = 0; k < count && !seen; k++)
        seen = values[k] == user;
      if (seen)
        continue;
      if (count == MAX_INTEGER_VALUES)
        return "used too widely to follow";
      values[count++] = user;
    }
  return NULL;
}

/* Rule "a distance is not an address" (pointer-differences.ll;
 * pointer_differences.cpp): a - b of two pointers of one class that holds
 * nothing foreign (not EXTERNAL: no global, parameter or pointer loaded from
 * memory the function does not own) is an offset between the function's own
 * objects, such as a vector's size, `end - begin`. Wherever it goes, no one
 * can add it to an address of the class to forge a pointer: none leaves the
 * function (the class would escape). So is a difference that, on each way
 * into a block, is one of those or of two constants (difference_pointers).
 * Any other difference may be an address: it goes where its integer goes, as
 * for a ptrtoint (integer_leaves). A pointer that is not in the graph (a
 * constant) has a class of its own. */
bool esc_judge_address_differences(EscGraph *g) {
  bool marked = false;
  for (uint32_t i = 0; i < g->difference_count; i++) {
    LLVMValueRef difference = g->differences[i];
    LLVMValueRef pointers[2 * MAX_DIFFERENCE_EDGES];
    unsigned count = difference_pointers(difference, pointers);
    uint32_t first = esc_map_get(&g->values, pointers[0]);
    bool distance = first != ESC_NONE && !esc_has(g, first, ESC_EXTERNAL);
    for (unsigned k = 1; k < count && distance; k++) {
      uint32_t node = esc_map_get(&g->values, pointers[k]);
      distance = node != ESC_NONE && esc_find(g, node) == esc_find(g, first);
    }
    const char *leaves = distance ? NULL : integer_leaves(difference);
    for (unsigned k = 0; k < count && leaves; k++)
      if (!esc_has(g, esc_node(g, pointers[k]), ESC_ESCAPED)) {
        esc_escape(g, pointers[k], ESC_PTRTOINT, difference, leaves);
        marked = true;
      }
  }
  return marked;
}

/* Rule "an address that stays an integer" (ptrtoint.ll; pointer_integers.c). */
static void build_ptrtoint(EscGraph *g, LLVMValueRef inst) {
  LLVMValueRef pointer = LLVMGetOperand(inst, 0);
  const char *leaves = integer_leaves(inst);
  if (leaves) {
    escape_operands(g, inst, ESC_PTRTOINT, leaves);
    return;
  }
  /* Not the object, its address: callers' loops (the address of one
   * iteration's object may meet the next one's) and the written-back
   * attributes (ptrtoint exposes provenance) must know. */
  uint32_t node = esc_value_carries_pointers(pointer) ? esc_node(g, pointer) : ESC_NONE;
  esc_mark_kept(g, node, ESC_ADDRESS_CAPTURED, inst);
  esc_mark(g, node, ESC_ADDRESS_EXPOSED, ESC_NONE);
}

static bool is_atomic(LLVMValueRef inst) {
  return LLVMGetOrdering(inst) != LLVMAtomicOrderingNotAtomic;
}

static void build_load(EscGraph *g, LLVMValueRef load) {
  LLVMValueRef address = LLVMGetOperand(load, 0);
  if (is_atomic(load)) {
    escape_operands(g, load, ESC_ATOMIC, NULL);
    return;
  }
  uint32_t memory = esc_address(g, address);
  uint64_t size = esc_store_size(g, LLVMTypeOf(load));
  if (esc_value_carries_pointers(load)) {
    esc_unify(g, esc_node(g, load), esc_pointee(g, memory), load);
    esc_record_access(g, load, address, size, ESC_ACCESS_POINTERS);
  } else {
    esc_record_access(g, load, address, size, ESC_ACCESS_DATA_READ);
  }
}

static void build_store(EscGraph *g, LLVMValueRef store) {
  LLVMValueRef value = LLVMGetOperand(store, 0), address = LLVMGetOperand(store, 1);
  if (is_atomic(store)) {
    escape_operands(g, store, ESC_ATOMIC, NULL);
    return;
  }
  uint32_t memory = esc_address(g, address);
  uint64_t size = esc_store_size(g, LLVMTypeOf(value));
  if (esc_value_carries_pointers(value)) {
    uint32_t stored = esc_node(g, value);
    esc_unify(g, stored, esc_pointee(g, memory), store);
    esc_mark_kept(g, stored, ESC_STORED, store);
    esc_record_access(g, store, address, size, ESC_ACCESS_POINTERS);
  } else if (!LLVMIsNull(value)) {
    /* Only zero is known to forge nothing but null. */
    esc_record_access(g, store, address, size, ESC_ACCESS_DATA_WRITE);
  }
}

static void build_instruction(EscGraph *g, LLVMValueRef inst) {
  LLVMOpcode op = LLVMGetInstructionOpcode(inst);
  switch (op) {
  case LLVMAlloca:
    esc_node(g, inst);
    return;
  case LLVMGetElementPtr:
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMFreeze:
  case LLVMExtractValue:
  case LLVMExtractElement:
    flow_operands(g, inst, 0, 0);
    return;
  case LLVMInsertValue:
  case LLVMInsertElement:
  case LLVMShuffleVector:
    flow_operands(g, inst, 0, 1);
    return;
  case LLVMSelect:
    flow_operands(g, inst, 1, 2);
    return;
  case LLVMPHI:
    if (esc_value_carries_pointers(inst)) {
      flow_operands(g, inst, 0, LLVMCountIncoming(inst) - 1);
      esc_append_value(&g->phis, &g->phi_count, &g->phi_capacity, inst);
    }
    return;
  case LLVMLoad:
    build_load(g, inst);
    return;
  case LLVMStore:
    build_store(g, inst);
    return;
  case LLVMICmp:
  case LLVMFCmp:
    return;
  case LLVMSub:
    if (is_address_difference(inst))
      esc_append_value(&g->differences, &g->difference_count, &g->difference_capacity, inst);
    return;
  case LLVMRet:
    /* Escaping by return is decided after the summary (solve.h). */
    if (LLVMGetNumOperands(inst) && esc_value_carries_pointers(LLVMGetOperand(inst, 0))) {
      esc_mark(g, esc_node(g, LLVMGetOperand(inst, 0)), ESC_RETURNS, ESC_NONE);
      esc_append_value(&g->returns, &g->return_count, &g->return_capacity, inst);
    }
    return;
  case LLVMPtrToInt:
    build_ptrtoint(g, inst);
    return;
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg:
    escape_operands(g, inst, ESC_ATOMIC, NULL);
    return;
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr:
    esc_build_call(g, inst);
    return;
  default:
    /* inttoptr, va_arg, landingpad, ...: unknown pointers in, escape out. */
    escape_operands(g, inst, ESC_UNSUPPORTED_USE, esc_opcode_word(op));
    return;
  }
}

/* In a large module, reading an instruction the first time is most of what
 * the walk costs (its memory was last touched by another pass, long ago):
 * the next instruction, and the operands LLVM keeps just before it, are
 * fetched while this one is built. The pointer-typed instructions are listed
 * on the way, for layout.c, which would otherwise walk the function again. */
void esc_build_graph(EscGraph *g) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->function); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb), next; inst; inst = next) {
      next = LLVMGetNextInstruction(inst);
      if (next) {
        __builtin_prefetch(next);
        __builtin_prefetch((const char *)next - 64);
      }
      build_instruction(g, inst);
      if (LLVMGetTypeKind(LLVMTypeOf(inst)) == LLVMPointerTypeKind)
        esc_append_value(&g->pointer_insts, &g->pointer_inst_count, &g->pointer_inst_capacity,
                         inst);
    }
}
