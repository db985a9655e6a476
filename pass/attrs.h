/* attrs: reading LLVM attributes by name, the same way everywhere.
 *
 * An attribute of a call counts when the call site or its callee carries it,
 * as CallBase::hasFnAttr and paramHasAttr do. Names unknown to the LLVM the
 * plugin runs in (nocapture in 21+, captures before 21) are simply absent. */
#ifndef ESCAPE_ATTRS_H
#define ESCAPE_ATTRS_H

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stddef.h>

/* The enum attribute kind of `name`, 0 when this LLVM has none. */
unsigned esc_attr_kind(const char *name);

/* The attribute at `index` (LLVMAttributeIndex: function, return, 1 + arg)
 * of the call site `call` or, failing that, of the function `fn`; either may
 * be NULL. */
LLVMAttributeRef esc_attr(LLVMValueRef call, LLVMValueRef fn, LLVMAttributeIndex index,
                          const char *name);

static inline bool esc_has_fn_attr(LLVMValueRef call, LLVMValueRef fn, const char *name) {
  return esc_attr(call, fn, LLVMAttributeFunctionIndex, name) != NULL;
}

static inline bool esc_has_param_attr(LLVMValueRef call, LLVMValueRef fn, unsigned arg,
                                      const char *name) {
  return esc_attr(call, fn, arg + 1, name) != NULL;
}

/* The value of the string attribute `name` of function `fn`, or NULL. */
const char *esc_string_fn_attr(LLVMValueRef fn, const char *name);

/* True when the function making `call` may not treat its callee `fn` as a
 * builtin: -fno-builtin, -ffreestanding ("no-builtins") or -fno-builtin-NAME
 * ("no-builtin-NAME"). */
bool esc_builtins_disabled(LLVMValueRef call, LLVMValueRef fn);

#endif
