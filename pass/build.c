/* build: instructions other than calls (see build.h). */
#include "build.h"

#include "layout.h"

#include <llvm-c/Core.h>

static bool carries(LLVMValueRef v) { return esc_carries_pointers(LLVMTypeOf(v)); }

/* The result holds whatever its pointer operands hold. */
static void flow_operands(EscGraph *g, LLVMValueRef inst, unsigned first, unsigned last) {
  if (!carries(inst))
    return;
  uint32_t result = esc_node(g, inst);
  for (unsigned i = first; i <= last; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, i);
    if (carries(op))
      esc_unify(g, result, esc_node(g, op), inst);
  }
}

static void make_external(EscGraph *g, LLVMValueRef inst) {
  if (carries(inst))
    esc_mark(g, esc_node(g, inst), ESC_EXTERNAL,
             esc_cause(g, ESC_STORED_UNKNOWN, inst, NULL, ESC_NONE));
}

static void escape_operands(EscGraph *g, LLVMValueRef inst, EscReason reason,
                            const char *detail) {
  unsigned n = (unsigned)LLVMGetNumOperands(inst);
  for (unsigned i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, i);
    if (carries(op))
      esc_escape(g, op, reason, inst, detail);
  }
  make_external(g, inst);
}

static const char *opcode_name(LLVMOpcode op) {
  switch (op) {
  case LLVMIntToPtr: return "inttoptr";
  case LLVMVAArg: return "va_arg";
  case LLVMLandingPad: return "landingpad";
  case LLVMIndirectBr: return "indirectbr";
  case LLVMResume: return "resume";
  case LLVMCatchPad: return "catchpad";
  case LLVMCleanupPad: return "cleanuppad";
  case LLVMCatchSwitch: return "catchswitch";
  default: return "instruction";
  }
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
  if (carries(load)) {
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
  if (carries(value)) {
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
    if (carries(inst)) {
      flow_operands(g, inst, 0, LLVMCountIncoming(inst) - 1);
      esc_grow((void **)&g->phis, &g->phi_capacity, sizeof *g->phis, g->phi_count + 1);
      g->phis[g->phi_count++] = inst;
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
  case LLVMRet:
    /* Escaping by return is decided after the summary (solve.h). */
    if (LLVMGetNumOperands(inst) && carries(LLVMGetOperand(inst, 0))) {
      esc_mark(g, esc_node(g, LLVMGetOperand(inst, 0)), ESC_RETURNS, ESC_NONE);
      esc_grow((void **)&g->returns, &g->return_capacity, sizeof *g->returns, g->return_count + 1);
      g->returns[g->return_count++] = inst;
    }
    return;
  case LLVMPtrToInt:
    escape_operands(g, inst, ESC_PTRTOINT, NULL);
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
    escape_operands(g, inst, ESC_UNSUPPORTED_USE, opcode_name(op));
    return;
  }
}

void esc_build_graph(EscGraph *g) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->function); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst))
      build_instruction(g, inst);
}
