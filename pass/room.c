/* room: the stack-room check and its per-thread helper (see room.h).
 *
 * Emitted once per module, hidden and linkonce_odr so that a program or
 * shared object keeps one copy:
 *   __escape_stack_bounds  thread-local {lo, hi, asked}: the thread's stack
 *                          as pthread_attr_getstack gives it, zero until asked;
 *   __escape_stack_room    the slow path: asks once per thread, then answers
 *                          as the inline test does.
 * The pthread functions are declared extern_weak where the module does not
 * declare them: a program that does not link them finds no bounds and takes
 * the heap. */
#include "room.h"

#include "attrs.h"
#include "util.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

static const char bounds_name[] = "__escape_stack_bounds";
static const char slow_name[] = "__escape_stack_room";

typedef struct Room {
  LLVMModuleRef module;
  LLVMContextRef context;
  LLVMTypeRef word; /* the target's pointer-sized integer */
  uint64_t word_bytes;
  LLVMTypeRef ptr;
} Room;

static Room room_of(EscGraph *g) {
  LLVMModuleRef m = LLVMGetGlobalParent(g->function);
  LLVMContextRef c = LLVMGetModuleContext(m);
  LLVMTypeRef word = LLVMIntPtrTypeInContext(c, g->layout);
  return (Room){m, c, word, LLVMABISizeOfType(g->layout, word), LLVMPointerTypeInContext(c, 0)};
}

static LLVMValueRef word(const Room *r, uint64_t v) { return LLVMConstInt(r->word, v, false); }

static LLVMValueRef intrinsic(const Room *r, const char *name, LLVMTypeRef *overload,
                              LLVMTypeRef *type) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  bool overloaded = LLVMIntrinsicIsOverloaded(id);
  LLVMValueRef fn = LLVMGetIntrinsicDeclaration(r->module, id, overload, overloaded ? 1 : 0);
  *type = LLVMGlobalGetValueType(fn);
  return fn;
}

/* A helper emitted before is reused only as it was emitted. Under LTO the
 * link step internalizes a compile's helpers and may then change them (a
 * calling convention, a parameter found constant in every call and folded
 * into the body): an internal one is not reused, a new one is made. */
static LLVMValueRef bounds_global(const Room *r) {
  LLVMTypeRef type = LLVMArrayType2(r->word, 3);
  LLVMValueRef g = LLVMGetNamedGlobal(r->module, bounds_name);
  if (g && LLVMGlobalGetValueType(g) == type && LLVMIsThreadLocal(g))
    return g;
  g = LLVMAddGlobal(r->module, type, bounds_name);
  LLVMSetInitializer(g, LLVMConstNull(type));
  /* Initial-exec: one load from the thread pointer, also in shared objects
   * (24 bytes fit the static TLS that glibc keeps for dlopen). */
  LLVMSetThreadLocalMode(g, LLVMInitialExecTLSModel);
  LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
  LLVMSetVisibility(g, LLVMHiddenVisibility);
  LLVMSetAlignment(g, 8);
  return g;
}

/* This thread's copy of the bounds. */
static LLVMValueRef thread_bounds(const Room *r, LLVMBuilderRef b) {
  LLVMTypeRef type, ptr = r->ptr;
  LLVMValueRef fn = intrinsic(r, "llvm.threadlocal.address", &ptr, &type);
  LLVMValueRef g = bounds_global(r);
  return LLVMBuildCall2(b, type, fn, &g, 1, "escape.bounds");
}

static LLVMValueRef field(const Room *r, LLVMBuilderRef b, LLVMValueRef bounds, unsigned i) {
  LLVMValueRef offset = word(r, i * r->word_bytes);
  return LLVMBuildGEP2(b, LLVMInt8TypeInContext(r->context), bounds, &offset, 1, "");
}

static LLVMValueRef load_field(const Room *r, LLVMBuilderRef b, LLVMValueRef bounds, unsigned i,
                               const char *name) {
  return LLVMBuildLoad2(b, r->word, field(r, b, bounds, i), name);
}

/* sp in [lo, hi), and sp - lo >= need + (hi - lo) / 100 * reserve. Zero
 * bounds (not asked yet, or unknown) fail it. */
static LLVMValueRef room_test(const Room *r, LLVMBuilderRef b, LLVMValueRef bounds,
                              LLVMValueRef sp, LLVMValueRef need, LLVMValueRef reserve) {
  LLVMValueRef lo = load_field(r, b, bounds, 0, "escape.lo");
  LLVMValueRef hi = load_field(r, b, bounds, 1, "escape.hi");
  LLVMValueRef inside = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntUGE, sp, lo, ""),
                                     LLVMBuildICmp(b, LLVMIntULT, sp, hi, ""), "");
  LLVMValueRef size = LLVMBuildSub(b, hi, lo, "");
  LLVMValueRef kept = LLVMBuildMul(b, LLVMBuildUDiv(b, size, word(r, 100), ""), reserve, "");
  LLVMValueRef wanted = LLVMBuildAdd(b, need, kept, "");
  LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntUGE, LLVMBuildSub(b, sp, lo, ""), wanted, "");
  return LLVMBuildAnd(b, inside, fits, "escape.fits");
}

/* A pthread function, declared extern_weak unless the module has it. */
static LLVMValueRef pthread_fn(const Room *r, const char *name, LLVMTypeRef type) {
  return esc_library_function(r->module, name, type, LLVMExternalWeakLinkage);
}

static LLVMBasicBlockRef block(const Room *r, LLVMValueRef fn, const char *name) {
  return LLVMAppendBasicBlockInContext(r->context, fn, name);
}

/* The slow path's locals: pthread_attr_t (56 bytes on 64-bit glibc, 64 on
 * some targets), and what pthread_attr_getstack stores. */
typedef struct AskLocals {
  LLVMValueRef attr, addr, size;
} AskLocals;

static AskLocals ask_locals(const Room *r, LLVMBuilderRef b) {
  LLVMValueRef attr =
      LLVMBuildAlloca(b, LLVMArrayType2(LLVMInt8TypeInContext(r->context), 128), "attr");
  LLVMSetAlignment(attr, 16);
  return (AskLocals){attr, LLVMBuildAlloca(b, r->ptr, "addr"), LLVMBuildAlloca(b, r->word, "size")};
}

/* Asks the thread's stack bounds, once: asked = 1, then lo and hi if every
 * pthread function is there and answers. */
static void emit_ask(const Room *r, LLVMBuilderRef b, LLVMValueRef fn, LLVMValueRef bounds,
                     const AskLocals *l, LLVMBasicBlockRef done) {
  LLVMTypeRef i32 = LLVMInt32TypeInContext(r->context), ptr = r->ptr;
  LLVMValueRef attr = l->attr, addr = l->addr, size = l->size;
  LLVMTypeRef self_type = LLVMFunctionType(r->word, NULL, 0, false);
  LLVMTypeRef getattr_params[] = {r->word, ptr}, getstack_params[] = {ptr, ptr, ptr};
  LLVMTypeRef getattr_type = LLVMFunctionType(i32, getattr_params, 2, false);
  LLVMTypeRef getstack_type = LLVMFunctionType(i32, getstack_params, 3, false);
  LLVMTypeRef destroy_type = LLVMFunctionType(i32, &ptr, 1, false);
  LLVMValueRef self = pthread_fn(r, "pthread_self", self_type);
  LLVMValueRef getattr = pthread_fn(r, "pthread_getattr_np", getattr_type);
  LLVMValueRef getstack = pthread_fn(r, "pthread_attr_getstack", getstack_type);
  LLVMValueRef destroy = pthread_fn(r, "pthread_attr_destroy", destroy_type);

  LLVMBuildStore(b, word(r, 1), field(r, b, bounds, 2));
  LLVMValueRef all = LLVMBuildAnd(
      b, LLVMBuildAnd(b, LLVMBuildIsNotNull(b, self, ""), LLVMBuildIsNotNull(b, getattr, ""), ""),
      LLVMBuildAnd(b, LLVMBuildIsNotNull(b, getstack, ""), LLVMBuildIsNotNull(b, destroy, ""), ""),
      "");
  LLVMBasicBlockRef ask = block(r, fn, "ask"), get = block(r, fn, "get"), keep = block(r, fn, "keep");
  LLVMBuildCondBr(b, all, ask, done);

  LLVMPositionBuilderAtEnd(b, ask);
  LLVMValueRef thread = LLVMBuildCall2(b, self_type, self, NULL, 0, "self");
  LLVMValueRef args[] = {thread, attr};
  LLVMValueRef got = LLVMBuildCall2(b, getattr_type, getattr, args, 2, "");
  LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, got, LLVMConstNull(i32), ""), get, done);

  LLVMPositionBuilderAtEnd(b, get);
  LLVMValueRef stack_args[] = {attr, addr, size};
  LLVMValueRef stack = LLVMBuildCall2(b, getstack_type, getstack, stack_args, 3, "");
  LLVMBuildCall2(b, destroy_type, destroy, &attr, 1, "");
  LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, stack, LLVMConstNull(i32), ""), keep, done);

  LLVMPositionBuilderAtEnd(b, keep);
  LLVMValueRef lo = LLVMBuildPtrToInt(b, LLVMBuildLoad2(b, ptr, addr, ""), r->word, "lo");
  LLVMValueRef hi = LLVMBuildAdd(b, lo, LLVMBuildLoad2(b, r->word, size, ""), "hi");
  LLVMBuildStore(b, lo, field(r, b, bounds, 0));
  LLVMBuildStore(b, hi, field(r, b, bounds, 1));
  LLVMBuildBr(b, done);
}

/* i1 __escape_stack_room(word sp, word need, word reserve): the slow path,
 * taken when the inline test fails. */
static LLVMValueRef slow_path(const Room *r) {
  LLVMValueRef fn = LLVMGetNamedFunction(r->module, slow_name);
  LLVMTypeRef params[] = {r->word, r->word, r->word};
  LLVMTypeRef type = LLVMFunctionType(LLVMInt1TypeInContext(r->context), params, 3, false);
  if (fn && LLVMGetLinkage(fn) == LLVMLinkOnceODRLinkage && LLVMGlobalGetValueType(fn) == type &&
      LLVMGetFunctionCallConv(fn) == LLVMCCallConv && !LLVMIsDeclaration(fn))
    return fn;
  fn = LLVMAddFunction(r->module, slow_name, type);
  LLVMSetLinkage(fn, LLVMLinkOnceODRLinkage);
  LLVMSetVisibility(fn, LLVMHiddenVisibility);
  static const char *const attrs[] = {"noinline", "cold", "nounwind"};
  for (unsigned i = 0; i < 3; i++)
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(r->context, esc_attr_kind(attrs[i]), 0));
  LLVMBuilderRef b = LLVMCreateBuilderInContext(r->context);
  LLVMBasicBlockRef entry = block(r, fn, "entry"), fresh = block(r, fn, "fresh"),
                    answer = block(r, fn, "answer");
  LLVMPositionBuilderAtEnd(b, entry);
  AskLocals locals = ask_locals(r, b);
  LLVMValueRef bounds = thread_bounds(r, b);
  LLVMValueRef asked = load_field(r, b, bounds, 2, "asked");
  LLVMBuildCondBr(b, LLVMBuildIsNull(b, asked, ""), fresh, answer);
  LLVMPositionBuilderAtEnd(b, fresh);
  emit_ask(r, b, fn, bounds, &locals, answer);
  LLVMPositionBuilderAtEnd(b, answer);
  LLVMBuildRet(b, room_test(r, b, bounds, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1),
                            LLVMGetParam(fn, 2)));
  LLVMDisposeBuilder(b);
  return fn;
}

/* musttail call `callee` with the dispatcher's own arguments and attributes
 * (musttail wants the ABI ones to match), then return what it returns. */
static void forward(LLVMBuilderRef b, LLVMValueRef fn, LLVMValueRef callee) {
  unsigned n = LLVMCountParams(fn);
  LLVMValueRef *args = esc_calloc(n + 1, sizeof *args);
  for (unsigned i = 0; i < n; i++)
    args[i] = LLVMGetParam(fn, i);
  LLVMTypeRef type = LLVMGlobalGetValueType(fn);
  LLVMValueRef result = LLVMBuildCall2(b, type, callee, args, n, "");
  free(args);
  LLVMSetTailCallKind(result, LLVMTailCallKindMustTail);
  LLVMSetInstructionCallConv(result, LLVMGetFunctionCallConv(fn));
  for (LLVMAttributeIndex i = LLVMAttributeReturnIndex; i <= n; i++) {
    unsigned count = LLVMGetAttributeCountAtIndex(fn, i);
    LLVMAttributeRef *attrs = esc_calloc(count + 1, sizeof *attrs);
    LLVMGetAttributesAtIndex(fn, i, attrs);
    for (unsigned k = 0; k < count; k++)
      LLVMAddCallSiteAttribute(result, i, attrs[k]);
    free(attrs);
  }
  if (LLVMGetTypeKind(LLVMGetReturnType(type)) == LLVMVoidTypeKind)
    LLVMBuildRetVoid(b);
  else
    LLVMBuildRet(b, result);
  }

void esc_room_dispatch(EscGraph *g, LLVMValueRef fn, LLVMValueRef stack, LLVMValueRef heap,
                       uint64_t need, unsigned reserve) {
  Room r = room_of(g);
  LLVMBuilderRef b = LLVMCreateBuilderInContext(r.context);
  LLVMBasicBlockRef entry = block(&r, fn, "entry"), slow = block(&r, fn, "escape.slow"),
                    on_stack = block(&r, fn, "escape.stack"), on_heap = block(&r, fn, "escape.heap");
  LLVMPositionBuilderAtEnd(b, entry);
  LLVMTypeRef save_type, ptr = r.ptr;
  LLVMValueRef save = intrinsic(&r, "llvm.stacksave", &ptr, &save_type);
  LLVMValueRef sp = LLVMBuildPtrToInt(b, LLVMBuildCall2(b, save_type, save, NULL, 0, "escape.sp"), r.word, "");
  LLVMValueRef fits = room_test(&r, b, thread_bounds(&r, b), sp, word(&r, need), word(&r, reserve));
  LLVMBuildCondBr(b, fits, on_stack, slow);

  LLVMPositionBuilderAtEnd(b, slow);
  LLVMValueRef args[] = {sp, word(&r, need), word(&r, reserve)};
  LLVMValueRef helper = slow_path(&r);
  LLVMValueRef asked = LLVMBuildCall2(b, LLVMGlobalGetValueType(helper), helper, args, 3, "escape.asked");
  LLVMBuildCondBr(b, asked, on_stack, on_heap);

  LLVMPositionBuilderAtEnd(b, on_stack);
  forward(b, fn, stack);
  LLVMPositionBuilderAtEnd(b, on_heap);
  forward(b, fn, heap);
  LLVMDisposeBuilder(b);
  /* Its slots must stay in its own frame, behind the check. */
  LLVMRemoveEnumAttributeAtIndex(stack, LLVMAttributeFunctionIndex, esc_attr_kind("alwaysinline"));
  LLVMAddAttributeAtIndex(stack, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(r.context, esc_attr_kind("noinline"), 0));
}
