/* grow: the realloc helper and its calls (see grow.h). */
#include "grow.h"

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <string.h>

static const char helper_name[] = "__escape_realloc";

typedef struct Grow {
  LLVMModuleRef module;
  LLVMContextRef context;
  LLVMBuilderRef builder;
  LLVMTypeRef ptr, size; /* realloc's pointer and size types */
  LLVMTypeRef type;      /* the helper's: ptr (ptr p, size n, ptr slot, size bytes) */
} Grow;

static LLVMBasicBlockRef block(Grow *w, LLVMValueRef fn, const char *name) {
  return LLVMAppendBasicBlockInContext(w->context, fn, name);
}

static void at_end(Grow *w, LLVMBasicBlockRef bb) { LLVMPositionBuilderAtEnd(w->builder, bb); }

/* malloc(n): the module's declaration (the analysis made sure it is the C
 * library's), added if missing. */
static LLVMValueRef build_malloc(Grow *w, LLVMValueRef n) {
  LLVMTypeRef type = LLVMFunctionType(w->ptr, &w->size, 1, false);
  LLVMValueRef fn = LLVMGetNamedFunction(w->module, "malloc");
  if (!fn)
    fn = LLVMAddFunction(w->module, "malloc", type);
  return LLVMBuildCall2(w->builder, type, fn, &n, 1, "moved");
}

/* The helper's body, grow.h's table; `realloc_call` shows how to call
 * realloc. */
static void emit_body(Grow *w, LLVMValueRef fn, LLVMValueRef realloc_call) {
  LLVMValueRef p = LLVMGetParam(fn, 0), n = LLVMGetParam(fn, 1), slot = LLVMGetParam(fn, 2),
               bytes = LLVMGetParam(fn, 3), args[2] = {p, n};
  static const char *const names[] = {"p", "n", "slot", "bytes"};
  for (unsigned i = 0; i < 4; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), names[i], strlen(names[i]));
  LLVMBasicBlockRef entry = block(w, fn, "entry"), other = block(w, fn, "other"),
                    mine = block(w, fn, "mine"), sized = block(w, fn, "sized"),
                    stays = block(w, fn, "stays"), moves = block(w, fn, "moves"),
                    copy = block(w, fn, "copy"), none = block(w, fn, "none");
  at_end(w, entry);
  LLVMBuildCondBr(w->builder, LLVMBuildICmp(w->builder, LLVMIntEQ, p, slot, ""), mine, other);
  at_end(w, other);
  LLVMBuildRet(w->builder, LLVMBuildCall2(w->builder, LLVMGetCalledFunctionType(realloc_call),
                                          LLVMGetCalledValue(realloc_call), args, 2, ""));
  at_end(w, mine);
  LLVMValueRef zero = LLVMBuildICmp(w->builder, LLVMIntEQ, n, LLVMConstNull(w->size), "");
  LLVMBuildCondBr(w->builder, zero, none, sized);
  at_end(w, sized);
  LLVMBuildCondBr(w->builder, LLVMBuildICmp(w->builder, LLVMIntULE, n, bytes, ""), stays, moves);
  at_end(w, stays);
  LLVMBuildRet(w->builder, slot);
  at_end(w, moves);
  LLVMValueRef moved = build_malloc(w, n);
  LLVMBuildCondBr(w->builder, LLVMBuildIsNull(w->builder, moved, ""), none, copy);
  at_end(w, copy);
  LLVMBuildMemCpy(w->builder, moved, 1, slot, 1, bytes);
  LLVMBuildRet(w->builder, moved);
  at_end(w, none);
  LLVMBuildRet(w->builder, LLVMConstNull(w->ptr));
}

/* The module's helper for this realloc's types, emitted on first use. */
static LLVMValueRef helper(Grow *w, LLVMValueRef realloc_call) {
  LLVMValueRef fn = LLVMGetNamedFunction(w->module, helper_name);
  if (fn && LLVMGlobalGetValueType(fn) == w->type && LLVMGetLinkage(fn) == LLVMInternalLinkage)
    return fn;
  fn = LLVMAddFunction(w->module, helper_name, w->type);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  emit_body(w, fn, realloc_call);
  return fn;
}

/* The realloc's place; line 0 of the function when it has none, as a call
 * of an inlinable function in a function with debug info must have one. */
static LLVMMetadataRef call_location(EscGraph *g, LLVMValueRef call) {
  LLVMMetadataRef at = LLVMInstructionGetDebugLoc(call), scope = LLVMGetSubprogram(g->function);
  if (at || !scope)
    return at;
  return LLVMDIBuilderCreateDebugLocation(LLVMGetModuleContext(LLVMGetGlobalParent(g->function)),
                                          0, 0, scope, NULL);
}

LLVMValueRef esc_grow_in_slot(EscGraph *g, const EscFree *fr, const EscSite *site) {
  LLVMValueRef call = fr->call;
  LLVMValueRef p = LLVMGetOperand(call, fr->ptr_arg), n = LLVMGetOperand(call, 1);
  LLVMModuleRef module = LLVMGetGlobalParent(g->function);
  LLVMContextRef context = LLVMGetModuleContext(module);
  Grow w = {module, context, LLVMCreateBuilderInContext(context), LLVMTypeOf(p), LLVMTypeOf(n),
            NULL};
  LLVMTypeRef params[4] = {w.ptr, w.size, w.ptr, w.size};
  w.type = LLVMFunctionType(w.ptr, params, 4, false);
  LLVMValueRef fn = helper(&w, call);
  LLVMPositionBuilderBefore(w.builder, call);
  LLVMSetCurrentDebugLocation2(w.builder, call_location(g, call));
  LLVMValueRef slot = site->slot;
  if (LLVMTypeOf(slot) != w.ptr)
    slot = LLVMBuildAddrSpaceCast(w.builder, slot, w.ptr, "");
  LLVMValueRef args[4] = {p, n, slot, LLVMConstInt(w.size, site->capacity, false)};
  LLVMValueRef grown = LLVMBuildCall2(w.builder, w.type, fn, args, 4, "");
  LLVMDisposeBuilder(w.builder);
  return grown;
}
