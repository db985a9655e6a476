/* alloc: which calls allocate, which free, and with what guarantees.
 *
 * Allocators are recognized by name, from a table of the C and C++ standard
 * allocation functions, and by LLVM's allocator attributes (allockind,
 * allocsize, "alloc-family", allocalign, allocptr) for the rest. A call that
 * names an allocator but may not be treated as one (nobuiltin, a C++
 * replaceable function called without `builtin`, a library function that
 * TargetLibraryInfo says is unavailable) is reported with ESC_NOBUILTIN; one
 * the module defines itself, with ESC_OWN_ALLOCATOR; one declared with
 * another type than the library's, with ESC_WRONG_PROTOTYPE; one the target's
 * library is not known to have (no target triple), ESC_NOT_LIBRARY_HERE.
 * A call that only says it allocates (allocsize, a noalias result) is an
 * allocation site refused with ESC_OUT_OF_SIGHT (ESC_NOT_INLINED when the
 * module has its body), so that it gets a verdict. */
#ifndef ESCAPE_ALLOC_H
#define ESCAPE_ALLOC_H

#include "escape/host.h"

#include <stdbool.h>

typedef struct EscAllocator {
  const char *name;    /* callee symbol */
  const char *display; /* how the report spells it: "malloc", "operator new"; NULL: as
                          the called value (a function pointer) */
  const char *family;  /* frees must belong to the same family */
  int size_arg;        /* bytes, or bytes per element with count_arg */
  int count_arg;       /* -1 when absent */
  int align_arg;       /* -1 when absent */
  unsigned fixed_align; /* alignment promised regardless of arguments, 0: the heap's */
  bool zeroed;
  bool copies_string; /* strdup, strndup: a copy of the string at argument 0, of at most
                         size_arg's bytes (strndup); the size is always a run-time one */
} EscAllocator;

typedef enum EscCallRole {
  ESC_ROLE_OTHER,       /* not an allocation function */
  ESC_ROLE_ALLOCATE,    /* an allocation site */
  ESC_ROLE_FREE,        /* deallocates its argument `ptr_arg` */
  ESC_ROLE_REALLOCATE,  /* realloc-like: argument `ptr_arg` escapes */
} EscCallRole;

typedef struct EscCallInfo {
  EscCallRole role;
  EscAllocator allocator; /* ESC_ROLE_ALLOCATE */
  const char *family;     /* ESC_ROLE_FREE */
  unsigned ptr_arg;       /* ESC_ROLE_FREE, ESC_ROLE_REALLOCATE */
  int size_arg;           /* ESC_ROLE_REALLOCATE: the C library's realloc(ptr, size), which
                             a promoted object may grow in (grow.h); -1 for the others */
  EscReason refused;      /* recognized, but must not be treated as such, because:
                             ESC_NOBUILTIN, ESC_OWN_ALLOCATOR, ESC_WRONG_PROTOTYPE,
                             ESC_NOT_LIBRARY_HERE, ESC_OUT_OF_SIGHT or
                             ESC_NOT_INLINED;
                             ESC_PROMOTED when it may */
} EscCallInfo;

/* True for an allocation that only the call's attributes announce: the
 * callee is any function, which may keep its arguments. */
static inline bool esc_allocates_out_of_sight(const EscCallInfo *info) {
  return info->refused == ESC_OUT_OF_SIGHT || info->refused == ESC_NOT_INLINED;
}

/* Classifies a call or invoke. */
EscCallInfo esc_classify_call(EscHost *host, LLVMValueRef call);

#endif
