/* names: values and instructions in words (see names.h). */
#include "names.h"

#include <llvm-c/Core.h>
#include <string.h>

/* Words go MAX_DEPTH steps into how a value was computed. Seeing through a
 * GEP or a cast costs a quarter of a step: cheap, yet a cycle of them (which
 * IR allows in unreachable code: %p = getelementptr i8, ptr %p, i64 1) ends
 * too. An allocation's arguments start afresh wherever it is named, once:
 * the IN_ALLOCATION bit of the depth says they have, and the steps below it
 * go on counting there, so that an allocation within them ends as well
 * (`p = xrealloc(p, n)` in a loop is its own argument's argument, through
 * the loop's phi, and without IR names, which clang discards, nothing else
 * would end the words). */
enum { STEP = 4, MAX_DEPTH = 3 * STEP, IN_ALLOCATION = 1 << 16 };

static int steps(int depth) { return depth & (IN_ALLOCATION - 1); }

static void value(EscGraph *g, EscText *t, LLVMValueRef v, int depth, bool own_name);

/* The source variable, else the IR name; NULL when neither. */
static const char *own_name(EscGraph *g, LLVMValueRef v, bool *is_address) {
  *is_address = false;
  const char *source = esc_host_value_name(g->host, v, is_address);
  if (source)
    return source;
  size_t len;
  const char *ir = LLVMGetValueName2(v, &len);
  return len ? ir : NULL;
}

bool esc_value_is_named(EscGraph *g, LLVMValueRef v) {
  bool address;
  return !LLVMIsAConstant(v) && own_name(g, v, &address) != NULL;
}

bool esc_is_same_pointer(LLVMValueRef inst) {
  switch (LLVMGetInstructionOpcode(inst)) {
  case LLVMGetElementPtr:
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMFreeze: return true;
  default: return false;
  }
}

bool esc_value_has_variable(EscGraph *g, LLVMValueRef v) {
  bool address;
  return esc_host_value_name(g->host, v, &address) != NULL;
}

/* `*x`, except that the memory of `&x` is `x`. */
static void deref(EscText *t, const EscText *pointer) {
  if (pointer->buf[0] == '&')
    esc_text_append(t, "%s", pointer->buf + 1);
  else if (strpbrk(pointer->buf, " ?"))
    esc_text_append(t, "*(%s)", pointer->buf);
  else
    esc_text_append(t, "*%s", pointer->buf);
}

static void operand(EscGraph *g, EscText *t, LLVMValueRef inst, unsigned i, int depth) {
  value(g, t, LLVMGetOperand(inst, i), depth + STEP, true);
}

/* The pointer a GEP or cast was made from, the integer a cast converts. */
static void see_through(EscGraph *g, EscText *t, LLVMValueRef inst, int depth) {
  value(g, t, LLVMGetOperand(inst, 0), depth + 1, true);
}

static void memory_of(EscGraph *g, EscText *t, LLVMValueRef pointer, int depth) {
  EscText p = ESC_TEXT_INIT;
  value(g, &p, pointer, depth, true);
  deref(t, &p);
}

static void argument_slot(EscText *t, LLVMValueRef arg) {
  /* Unnamed arguments print as %0, %1, ... counting unnamed ones only. */
  unsigned slot = 0;
  size_t len;
  for (LLVMValueRef a = LLVMGetFirstParam(LLVMGetParamParent(arg)); a != arg;
       a = LLVMGetNextParam(a))
    if (!*LLVMGetValueName2(a, &len))
      slot++;
  esc_text_append(t, "%%%u", slot);
}

/* llvm.memcpy.p0.p0.i64 is memcpy: the name C would call. */
static void intrinsic_name(EscText *t, const char *name) {
  const char *base = name + strlen("llvm.");
  const char *dot = strchr(base, '.');
  esc_text_append(t, "%.*s", dot ? (int)(dot - base) : (int)strlen(base), base);
}

/* The memory intrinsics' last argument (isvolatile) is not C's. */
static unsigned shown_arguments(LLVMValueRef call) {
  unsigned argc = LLVMGetNumArgOperands(call);
  LLVMValueRef fn = LLVMIsAFunction(LLVMGetCalledValue(call));
  size_t len;
  if (fn && LLVMGetIntrinsicID(fn) && strncmp(LLVMGetValueName2(fn, &len), "llvm.mem", 8) == 0)
    return argc ? argc - 1 : 0;
  return argc;
}

static void callee(EscGraph *g, EscText *t, LLVMValueRef call, int depth) {
  LLVMValueRef target = LLVMGetCalledValue(call);
  size_t len;
  if (LLVMIsAFunction(target) && LLVMGetIntrinsicID(target))
    intrinsic_name(t, LLVMGetValueName2(target, &len));
  else if (LLVMIsAFunction(target))
    esc_text_append(t, "%s", LLVMGetValueName2(target, &len));
  else if (LLVMIsAInlineAsm(target))
    esc_text_append(t, "asm");
  else {
    esc_text_append(t, "(");
    memory_of(g, t, target, depth + STEP);
    esc_text_append(t, ")");
  }
}

/* A size or count: a constant as its number, else as the value is named or
 * computed (`n + 1` for a sign-extended int n plus one). */
static void append_operand(EscGraph *g, EscText *t, LLVMValueRef v, int depth) {
  if (LLVMIsAConstantInt(v))
    esc_text_append(t, "%llu", LLVMConstIntGetZExtValue(v));
  else
    value(g, t, v, depth + STEP, true);
}

static void allocation(EscGraph *g, EscText *t, LLVMValueRef call, const EscAllocator *a,
                       int depth) {
  depth = depth & IN_ALLOCATION ? depth : IN_ALLOCATION;
  if (a->display)
    esc_text_append(t, "%s", a->display);
  else
    callee(g, t, call, depth);
  esc_text_append(t, "(");
  if (a->display && strncmp(a->display, "operator new", 12) == 0) {
    append_operand(g, t, LLVMGetOperand(call, a->size_arg), depth);
  } else {
    unsigned argc = LLVMGetNumArgOperands(call);
    for (unsigned i = 0; i < argc; i++) {
      esc_text_append(t, i ? ", " : "");
      append_operand(g, t, LLVMGetOperand(call, i), depth);
    }
  }
  esc_text_append(t, ")");
}

void esc_name_allocation(EscGraph *g, EscText *t, LLVMValueRef call, const EscAllocator *a) {
  allocation(g, t, call, a, 0);
}

static void call(EscGraph *g, EscText *t, LLVMValueRef inst, int depth) {
  EscCallInfo info = esc_classify_call(g->host, inst);
  if (info.role == ESC_ROLE_ALLOCATE) {
    allocation(g, t, inst, &info.allocator, depth);
    return;
  }
  callee(g, t, inst, depth);
  esc_text_append(t, "(");
  unsigned argc = shown_arguments(inst);
  for (unsigned i = 0; i < argc; i++) {
    esc_text_append(t, i ? ", " : "");
    operand(g, t, inst, i, depth);
  }
  esc_text_append(t, ")");
}

/* A global the program declares, not one the compiler made (`.str.24`,
 * `__const.main.buf`, unnamed). */
static bool is_source_global(LLVMValueRef g) {
  size_t len;
  const char *name = LLVMGetValueName2(g, &len);
  return len && name[0] != '.' && strncmp(name, "__const.", 8) != 0 &&
         strncmp(name, "__compound_literal.", 19) != 0;
}

/* A global the compiler made: a string literal as C writes it, else what it
 * is. */
static void literal(EscText *t, LLVMValueRef g) {
  LLVMValueRef init = LLVMGetInitializer(g);
  size_t len = 0;
  const char *s = init && LLVMIsAConstantDataSequential(init) && LLVMIsConstantString(init)
                      ? LLVMGetAsString(init, &len)
                      : NULL;
  if (!s) {
    esc_text_append(t, "a constant");
    return;
  }
  if (len && s[len - 1] == '\0')
    len--;
  esc_text_append(t, "\"");
  for (size_t i = 0; i < len && i < 24; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '"' || ch == '\\')
      esc_text_append(t, "\\%c", ch);
    else if (ch == '\n')
      esc_text_append(t, "\\n");
    else if (ch < 32 || ch >= 127)
      esc_text_append(t, "\\x%02x", ch);
    else
      esc_text_append(t, "%c", ch);
  }
  esc_text_append(t, len > 24 ? "...\"" : "\"");
}

static void constant(EscText *t, LLVMValueRef c) {
  size_t len;
  if (LLVMIsAConstantInt(c))
    esc_text_append(t, "%lld", LLVMConstIntGetSExtValue(c));
  else if (LLVMIsNull(c))
    esc_text_append(t, "NULL");
  else if (LLVMIsAGlobalVariable(c) && !is_source_global(c))
    literal(t, c);
  else if (LLVMIsAGlobalVariable(c))
    esc_text_append(t, "&%s", LLVMGetValueName2(c, &len));
  else if (LLVMIsAFunction(c))
    esc_text_append(t, "%s", LLVMGetValueName2(c, &len));
  else if (LLVMIsAConstantExpr(c) && LLVMGetNumOperands(c))
    constant(t, LLVMGetOperand(c, 0)); /* a global plus an offset, mostly */
  else
    esc_text_append(t, "constant");
}

static const char *comparison(LLVMIntPredicate predicate) {
  switch (predicate) {
  case LLVMIntEQ: return "==";
  case LLVMIntNE: return "!=";
  case LLVMIntUGT:
  case LLVMIntSGT: return ">";
  case LLVMIntUGE:
  case LLVMIntSGE: return ">=";
  case LLVMIntULT:
  case LLVMIntSLT: return "<";
  default: return "<=";
  }
}

static const char *binary_operator(LLVMOpcode op) {
  switch (op) {
  case LLVMAdd: return "+";
  case LLVMSub: return "-";
  case LLVMMul: return "*";
  case LLVMShl: return "<<";
  case LLVMUDiv:
  case LLVMSDiv: return "/";
  case LLVMLShr:
  case LLVMAShr: return ">>";
  case LLVMAnd: return "&";
  default: return "|";
  }
}

/* A phi: the value is one of its incoming values, as C would have it in a
 * variable assigned on several branches. Null pointers and repeats are left
 * out (they carry no object): `p`, `p or q`, `p, q or ...`. */
static void alternatives(EscGraph *g, EscText *t, LLVMValueRef phi, int depth) {
  enum { MAX_SHOWN = 3 };
  EscText seen[MAX_SHOWN];
  unsigned shown = 0, n = LLVMCountIncoming(phi);
  bool more = false;
  for (unsigned i = 0; i < n; i++) {
    LLVMValueRef in = LLVMGetIncomingValue(phi, i);
    bool nothing = LLVMIsAConstant(in) && (LLVMIsNull(in) || LLVMIsUndef(in) || LLVMIsPoison(in));
    if (in == phi || nothing)
      continue;
    EscText one = ESC_TEXT_INIT;
    value(g, &one, in, depth + STEP, true);
    bool repeat = false;
    for (unsigned k = 0; k < shown && !repeat; k++)
      repeat = strcmp(seen[k].buf, one.buf) == 0;
    if (repeat)
      continue;
    if (shown == MAX_SHOWN) {
      more = true;
      break;
    }
    seen[shown++] = one;
  }
  if (!shown) {
    esc_text_append(t, "NULL");
    return;
  }
  for (unsigned k = 0; k < shown; k++)
    esc_text_append(t, "%s%s", k == 0 ? "" : k + 1 == shown && !more ? " or " : ", ",
                    seen[k].buf);
  if (more)
    esc_text_append(t, " or ...");
}

/* How the value was computed, ignoring any name it has. */
static void computed(EscGraph *g, EscText *t, LLVMValueRef v, int depth) {
  if (!LLVMIsAInstruction(v)) {
    esc_text_append(t, "?");
    return;
  }
  if (esc_is_same_pointer(v)) {
    see_through(g, t, v, depth);
    return;
  }
  switch (LLVMGetInstructionOpcode(v)) {
  case LLVMLoad:
    memory_of(g, t, LLVMGetOperand(v, 0), depth + STEP);
    return;
  case LLVMCall:
  case LLVMInvoke:
    call(g, t, v, depth);
    return;
  case LLVMICmp:
    operand(g, t, v, 0, depth);
    esc_text_append(t, " %s ", comparison(LLVMGetICmpPredicate(v)));
    operand(g, t, v, 1, depth);
    return;
  case LLVMSelect:
    operand(g, t, v, 0, depth);
    esc_text_append(t, " ? ");
    operand(g, t, v, 1, depth);
    esc_text_append(t, " : ");
    operand(g, t, v, 2, depth);
    return;
  case LLVMPHI:
    alternatives(g, t, v, depth);
    return;
  case LLVMSExt:
  case LLVMZExt:
  case LLVMTrunc:
    see_through(g, t, v, depth); /* C converts integers silently */
    return;
  case LLVMAdd:
  case LLVMSub:
  case LLVMMul:
  case LLVMShl:
  case LLVMUDiv:
  case LLVMSDiv:
  case LLVMLShr:
  case LLVMAShr:
  case LLVMAnd:
  case LLVMOr:
    operand(g, t, v, 0, depth);
    esc_text_append(t, " %s ", binary_operator(LLVMGetInstructionOpcode(v)));
    operand(g, t, v, 1, depth);
    return;
  default:
    esc_text_append(t, "?");
    return;
  }
}

static void value(EscGraph *g, EscText *t, LLVMValueRef v, int depth, bool use_own_name) {
  if (LLVMIsAConstant(v)) {
    constant(t, v);
    return;
  }
  bool address;
  const char *name = use_own_name ? own_name(g, v, &address) : NULL;
  if (name)
    esc_text_append(t, address ? "&%s" : "%s", name);
  else if (steps(depth) > MAX_DEPTH)
    esc_text_append(t, "...");
  else if (LLVMIsAArgument(v))
    argument_slot(t, v);
  else
    computed(g, t, v, depth);
}

void esc_name_value(EscGraph *g, EscText *t, LLVMValueRef v) { value(g, t, v, 0, true); }

void esc_name_node(EscGraph *g, EscText *t, uint32_t node) {
  const EscNode *n = &g->nodes[node];
  if (n->value)
    esc_name_value(g, t, n->value);
  else if (n->owner != ESC_NONE)
    esc_name_memory(g, t, n->owner);
  else
    esc_text_append(t, "?");
}

void esc_name_memory(EscGraph *g, EscText *t, uint32_t node) {
  EscText p = ESC_TEXT_INIT;
  esc_name_node(g, &p, node);
  deref(t, &p);
}

/* Instructions C has no words for, by opcode. `statement`: a path also
 * writes the instruction as its word; the others it writes "instruction",
 * their reason naming them ("used by unsupported inttoptr"). */
typedef struct OpcodeWord {
  LLVMOpcode op;
  const char *word;
  bool statement;
} OpcodeWord;

static const OpcodeWord opcode_words[] = {
    {LLVMAtomicRMW, "atomicrmw", true},
    {LLVMAtomicCmpXchg, "cmpxchg", true},
    {LLVMInsertValue, "insert", true},
    {LLVMInsertElement, "insert", true},
    {LLVMExtractValue, "extract", true},
    {LLVMExtractElement, "extract", true},
    {LLVMShuffleVector, "shufflevector", true},
    {LLVMVAArg, "va_arg", true},
    {LLVMIntToPtr, "inttoptr", false},
    {LLVMLandingPad, "landingpad", false},
    {LLVMIndirectBr, "indirectbr", false},
    {LLVMResume, "resume", false},
    {LLVMCatchPad, "catchpad", false},
    {LLVMCleanupPad, "cleanuppad", false},
    {LLVMCatchSwitch, "catchswitch", false},
};

static const OpcodeWord *opcode_word(LLVMOpcode op) {
  for (size_t i = 0; i < sizeof opcode_words / sizeof *opcode_words; i++)
    if (opcode_words[i].op == op)
      return &opcode_words[i];
  return NULL;
}

const char *esc_opcode_word(LLVMOpcode op) {
  const OpcodeWord *w = opcode_word(op);
  return w ? w->word : "instruction";
}

/* `lhs = rhs`, or `rhs` alone when the value has no name of its own. */
static void assignment(EscGraph *g, EscText *t, LLVMValueRef inst) {
  if (esc_value_is_named(g, inst)) {
    esc_name_value(g, t, inst);
    esc_text_append(t, " = ");
  }
  computed(g, t, inst, 0);
}

void esc_name_instruction(EscGraph *g, EscText *t, LLVMValueRef inst) {
  if (esc_is_same_pointer(inst)) {
    esc_name_value(g, t, inst);
    esc_text_append(t, " = ");
    operand(g, t, inst, 0, 0);
    return;
  }
  switch (LLVMGetInstructionOpcode(inst)) {
  case LLVMStore:
    memory_of(g, t, LLVMGetOperand(inst, 1), 0);
    esc_text_append(t, " = ");
    operand(g, t, inst, 0, 0);
    return;
  case LLVMRet:
    esc_text_append(t, "return");
    if (LLVMGetNumOperands(inst)) {
      esc_text_append(t, " ");
      operand(g, t, inst, 0, 0);
    }
    return;
  case LLVMLoad:
  case LLVMCall:
  case LLVMInvoke:
  case LLVMSelect:
  case LLVMPHI:
    assignment(g, t, inst);
    return;
  case LLVMPtrToInt: /* the pointer as an integer: the reason says so, C need not */
    operand(g, t, inst, 0, 0);
    return;
  default: {
    const OpcodeWord *w = opcode_word(LLVMGetInstructionOpcode(inst));
    esc_text_append(t, "%s", w && w->statement ? w->word : "instruction");
    return;
  }
  }
}
