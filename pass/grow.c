/* grow: the realloc helper, the move at a return, and their calls (see grow.h). */
#include "grow.h"

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <string.h>

typedef struct Grow {
  LLVMModuleRef module;
  LLVMContextRef context;
  LLVMBuilderRef builder;
  LLVMTypeRef ptr, size; /* the object's pointer type, and the size type of realloc's
                            second argument or of the target's pointers */
  LLVMTypeRef type;      /* the helper's */
} Grow;

/* w->type is the caller's to set. */
static Grow grow_for(EscGraph *g, LLVMTypeRef ptr, LLVMTypeRef size) {
  LLVMModuleRef module = LLVMGetGlobalParent(g->function);
  LLVMContextRef context = LLVMGetModuleContext(module);
  if (!size)
    size = LLVMIntPtrTypeInContext(context, g->layout);
  return (Grow){module, context, LLVMCreateBuilderInContext(context), ptr, size, NULL};
}

static LLVMBasicBlockRef block(Grow *w, LLVMValueRef fn, const char *name) {
  return LLVMAppendBasicBlockInContext(w->context, fn, name);
}

static void at_end(Grow *w, LLVMBasicBlockRef bb) { LLVMPositionBuilderAtEnd(w->builder, bb); }

/* malloc(n), the C library's (the analysis made sure). */
static LLVMValueRef build_malloc(Grow *w, LLVMValueRef n) {
  LLVMTypeRef type = LLVMFunctionType(w->ptr, &w->size, 1, false);
  LLVMValueRef fn = esc_library_function(w->module, "malloc", type, LLVMExternalLinkage);
  return LLVMBuildCall2(w->builder, type, fn, &n, 1, "moved");
}

/* Names a helper's parameters, `count` of them. */
static void name_params(LLVMValueRef fn, const char *const *names, unsigned count) {
  for (unsigned i = 0; i < count; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), names[i], strlen(names[i]));
}

/* At the end of the current block: moved = malloc(size), on to `failed` when
 * it is NULL, else to `copy`, which copies the slot's `bytes` there and is
 * left current. Returns `moved`. */
static LLVMValueRef copy_slot_to_heap(Grow *w, LLVMValueRef size, LLVMValueRef slot,
                                      LLVMValueRef bytes, LLVMBasicBlockRef failed,
                                      LLVMBasicBlockRef copy) {
  LLVMValueRef moved = build_malloc(w, size);
  LLVMBuildCondBr(w->builder, LLVMBuildIsNull(w->builder, moved, ""), failed, copy);
  at_end(w, copy);
  LLVMBuildMemCpy(w->builder, moved, 1, slot, 1, bytes);
  return moved;
}

/* The helper's body, grow.h's table; `realloc_call` shows how to call
 * realloc. */
static void emit_body(Grow *w, LLVMValueRef fn, LLVMValueRef realloc_call) {
  LLVMValueRef p = LLVMGetParam(fn, 0), n = LLVMGetParam(fn, 1), slot = LLVMGetParam(fn, 2),
               bytes = LLVMGetParam(fn, 3), args[2] = {p, n};
  static const char *const names[] = {"p", "n", "slot", "bytes"};
  name_params(fn, names, 4);
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
  LLVMBuildRet(w->builder, copy_slot_to_heap(w, n, slot, bytes, none, copy));
  at_end(w, none);
  LLVMBuildRet(w->builder, LLVMConstNull(w->ptr));
}

/* to_heap(p, slot, bytes), the move at a return: p as it is unless it
 * points into the slot (or just past it); then a heap copy of the slot, and
 * p's place in it. malloc failing there traps: the function cannot return
 * a pointer into its dead frame, nor a null its caller does not expect. */
static void emit_to_heap_body(Grow *w, LLVMValueRef fn) {
  LLVMValueRef p = LLVMGetParam(fn, 0), slot = LLVMGetParam(fn, 1), bytes = LLVMGetParam(fn, 2);
  static const char *const names[] = {"p", "slot", "bytes"};
  name_params(fn, names, 3);
  LLVMBasicBlockRef entry = block(w, fn, "entry"), keep = block(w, fn, "keep"),
                    move = block(w, fn, "move"), copy = block(w, fn, "copy"),
                    fail = block(w, fn, "fail");
  at_end(w, entry);
  LLVMValueRef offset = LLVMBuildSub(w->builder, LLVMBuildPtrToInt(w->builder, p, w->size, ""),
                                     LLVMBuildPtrToInt(w->builder, slot, w->size, ""), "offset");
  LLVMBuildCondBr(w->builder, LLVMBuildICmp(w->builder, LLVMIntULE, offset, bytes, ""), move,
                  keep);
  at_end(w, keep);
  LLVMBuildRet(w->builder, p);
  at_end(w, move);
  LLVMValueRef moved = copy_slot_to_heap(w, bytes, slot, bytes, fail, copy);
  LLVMBuildRet(w->builder, LLVMBuildGEP2(w->builder, LLVMInt8TypeInContext(w->context), moved,
                                         &offset, 1, ""));
  at_end(w, fail);
  unsigned trap = LLVMLookupIntrinsicID("llvm.trap", 9);
  LLVMValueRef trap_fn = LLVMGetIntrinsicDeclaration(w->module, trap, NULL, 0);
  LLVMBuildCall2(w->builder, LLVMGlobalGetValueType(trap_fn), trap_fn, NULL, 0, "");
  LLVMBuildUnreachable(w->builder);
}

/* The module's helper `name` of w->type, or NULL before its first use. */
static LLVMValueRef existing_helper(Grow *w, const char *name) {
  LLVMValueRef fn = LLVMGetNamedFunction(w->module, name);
  bool ours = fn && LLVMGlobalGetValueType(fn) == w->type &&
              LLVMGetLinkage(fn) == LLVMInternalLinkage;
  return ours ? fn : NULL;
}

/* A new helper `name` of w->type, for the caller to emit. */
static LLVMValueRef new_helper(Grow *w, const char *name) {
  LLVMValueRef fn = LLVMAddFunction(w->module, name, w->type);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
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

/* The builder placed before `inst`, at its place; the slot as a w->ptr. */
static LLVMValueRef slot_before(Grow *w, EscGraph *g, LLVMValueRef inst, const EscSite *site) {
  LLVMPositionBuilderBefore(w->builder, inst);
  LLVMSetCurrentDebugLocation2(w->builder, call_location(g, inst));
  LLVMValueRef slot = site->slot;
  return LLVMTypeOf(slot) == w->ptr ? slot : LLVMBuildAddrSpaceCast(w->builder, slot, w->ptr, "");
}

LLVMValueRef esc_grow_in_slot(EscGraph *g, const EscFree *fr, const EscSite *site) {
  LLVMValueRef call = fr->call;
  LLVMValueRef p = LLVMGetOperand(call, fr->ptr_arg), n = LLVMGetOperand(call, 1);
  Grow w = grow_for(g, LLVMTypeOf(p), LLVMTypeOf(n));
  LLVMTypeRef params[4] = {w.ptr, w.size, w.ptr, w.size};
  w.type = LLVMFunctionType(w.ptr, params, 4, false);
  LLVMValueRef fn = existing_helper(&w, "__escape_realloc");
  if (!fn)
    emit_body(&w, fn = new_helper(&w, "__escape_realloc"), call);
  LLVMValueRef slot = slot_before(&w, g, call, site);
  LLVMValueRef args[4] = {p, n, slot, LLVMConstInt(w.size, site->capacity, false)};
  LLVMValueRef grown = LLVMBuildCall2(w.builder, w.type, fn, args, 4, "");
  LLVMDisposeBuilder(w.builder);
  return grown;
}

void esc_grow_move_at_return(EscGraph *g, const EscSite *site, LLVMValueRef ret) {
  LLVMValueRef p = LLVMGetOperand(ret, 0);
  Grow w = grow_for(g, LLVMTypeOf(p), NULL);
  LLVMTypeRef params[3] = {w.ptr, w.ptr, w.size};
  w.type = LLVMFunctionType(w.ptr, params, 3, false);
  LLVMValueRef fn = existing_helper(&w, "__escape_to_heap");
  if (!fn)
    emit_to_heap_body(&w, fn = new_helper(&w, "__escape_to_heap"));
  LLVMValueRef slot = slot_before(&w, g, ret, site);
  LLVMValueRef args[3] = {p, slot, LLVMConstInt(w.size, site->capacity, false)};
  LLVMSetOperand(ret, 0, LLVMBuildCall2(w.builder, w.type, fn, args, 3, "escape.returned"));
  LLVMDisposeBuilder(w.builder);
}
