/* attrs: attribute lookup by name (see attrs.h). */
#include "attrs.h"

#include <stdio.h>
#include <string.h>

/* The C API finds an attribute's kind by a search over every attribute
 * name, and the core asks for the same dozen kinds on every call it meets:
 * each thread (ThinLTO backends run in several) remembers the answers, by
 * the address of the name, which attrs.h asks to be a literal. */
enum { KIND_CACHE_SLOTS = 64 };

typedef struct KindEntry {
  const char *name; /* NULL: a free slot */
  unsigned kind;
} KindEntry;

static _Thread_local KindEntry kind_cache[KIND_CACHE_SLOTS];

unsigned esc_attr_kind(const char *name) {
  uintptr_t slot = ((uintptr_t)name >> 3) % KIND_CACHE_SLOTS;
  for (unsigned probe = 0; probe < KIND_CACHE_SLOTS; probe++) {
    KindEntry *e = &kind_cache[(slot + probe) % KIND_CACHE_SLOTS];
    if (e->name == name)
      return e->kind;
    if (!e->name) {
      e->kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
      e->name = name;
      return e->kind;
    }
  }
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
