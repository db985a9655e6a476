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
#include <stdint.h>

/* The enum attribute kind of `name`, 0 when this LLVM has none. Here and
 * below, `name` is a string literal (the kinds are remembered by its
 * address). */
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

/* captures(...) of LLVM 21+, an int attribute in the C API: the
 * CaptureComponents captured other than through the return value, shifted
 * left by ESC_CAPTURES_OTHER_SHIFT, or'd with those captured through it.
 * Address is 3 (AddressIsNull, 1, is part of it), Provenance 12
 * (ReadProvenance, 4, is part of it); captures(none) is 0. */
enum {
  ESC_CAPTURE_ADDRESS = 3,
  ESC_CAPTURE_PROVENANCE = 12,
  ESC_CAPTURES_OTHER_SHIFT = 4,
};

/* The value of captures(...) that captures `other` other than through the
 * return value and `ret` through it: captures(address) is
 * esc_captures(ESC_CAPTURE_ADDRESS, 0). */
static inline uint64_t esc_captures(unsigned other, unsigned ret) {
  return (uint64_t)other << ESC_CAPTURES_OTHER_SHIFT | ret;
}

/* The value of the string attribute `name` of function `fn`, or NULL. */
const char *esc_string_fn_attr(LLVMValueRef fn, const char *name);

/* True when the function making `call` may not treat its callee `fn` as a
 * builtin: -fno-builtin, -ffreestanding ("no-builtins") or -fno-builtin-NAME
 * ("no-builtin-NAME"). */
bool esc_builtins_disabled(LLVMValueRef call, LLVMValueRef fn);

#endif
