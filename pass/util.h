/* util: the two containers the core needs, and the module's declaration of
 * a library function the rewrite calls.
 *
 * esc_grow keeps arrays amortized-linear; EscValueMap maps LLVM values to
 * small integers with open addressing, so building the graph stays linear in
 * the size of the function. Allocation failure aborts: a pass that cannot
 * allocate a few kilobytes has nothing sound left to do. */
#ifndef ESCAPE_UTIL_H
#define ESCAPE_UTIL_H

#include <llvm-c/Core.h>
#include <llvm-c/Types.h>
#include <stddef.h>
#include <stdint.h>

#define ESC_NONE UINT32_MAX

/* Ensures *array (of elements of `size` bytes, *capacity of them) has room
 * for `needed` elements. */
void esc_grow(void **array, uint32_t *capacity, size_t size, uint32_t needed);

/* Appends v to a list of values grown by esc_grow. */
void esc_append_value(LLVMValueRef **list, uint32_t *count, uint32_t *capacity, LLVMValueRef v);

/* Like calloc, but never returns NULL. */
void *esc_calloc(size_t count, size_t size);

typedef struct EscValueMap {
  LLVMValueRef *keys;
  uint32_t *values;
  uint32_t capacity; /* a power of two */
  uint32_t count;
} EscValueMap;

void esc_map_init(EscValueMap *map);
void esc_map_free(EscValueMap *map);
/* The value stored for `key`, or ESC_NONE. */
uint32_t esc_map_get(const EscValueMap *map, LLVMValueRef key);
void esc_map_put(EscValueMap *map, LLVMValueRef key, uint32_t value);

/* The function `name` of `module`, or a new declaration of it of `type` with
 * `linkage` (external, or extern_weak for one that may be absent) when the
 * module has none. The caller made sure a function of that name is the
 * library's. */
LLVMValueRef esc_library_function(LLVMModuleRef module, const char *name, LLVMTypeRef type,
                                  LLVMLinkage linkage);

#endif
