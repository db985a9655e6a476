/* attrs: attribute lookup by name (see attrs.h). */
#include "attrs.h"

#include <stdio.h>
#include <string.h>

unsigned esc_attr_kind(const char *name) {
  return LLVMGetEnumAttributeKindForName(name, strlen(name));
}

LLVMAttributeRef esc_attr(LLVMValueRef call, LLVMValueRef fn, LLVMAttributeIndex index,
                          const char *name) {
  unsigned kind = esc_attr_kind(name);
  if (!kind)
    return NULL;
  LLVMAttributeRef a = call ? LLVMGetCallSiteEnumAttribute(call, index, kind) : NULL;
  if (!a && fn)
    a = LLVMGetEnumAttributeAtIndex(fn, index, kind);
  return a;
}

const char *esc_string_fn_attr(LLVMValueRef fn, const char *name) {
  LLVMAttributeRef a =
      LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, name, (unsigned)strlen(name));
  unsigned len;
  return a ? LLVMGetStringAttributeValue(a, &len) : NULL;
}

bool esc_builtins_disabled(LLVMValueRef call, LLVMValueRef fn) {
  LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  char attr[128];
  snprintf(attr, sizeof attr, "no-builtin-%s", name);
  return esc_string_fn_attr(caller, "no-builtins") || esc_string_fn_attr(caller, attr);
}
