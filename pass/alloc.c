/* alloc: the allocator table and the attribute reader (see alloc.h). */
#include "alloc.h"

#include "attrs.h"

#include <llvm-c/Core.h>
#include <string.h>

#define NO -1

/* The C allocators (and the string copies of POSIX), then the C++
 * replaceable allocation functions for 64- (m) and 32-bit (j) size_t.
 * Families follow LLVM's "alloc-family" names. */
static const EscAllocator known_allocators[] = {
    {"malloc", "malloc", "malloc", 0, NO, NO, 0, false, false},
    {"calloc", "calloc", "malloc", 1, 0, NO, 0, true, false},
    {"aligned_alloc", "aligned_alloc", "malloc", 1, NO, 0, 0, false, false},
    {"memalign", "memalign", "malloc", 1, NO, 0, 0, false, false},
    {"valloc", "valloc", "malloc", 0, NO, NO, 4096, false, false},
    {"strdup", "strdup", "malloc", NO, NO, NO, 0, false, true},
    {"strndup", "strndup", "malloc", 1, NO, NO, 0, false, true},
    {"_Znwm", "operator new", "_Znwm", 0, NO, NO, 0, false, false},
    {"_Znwj", "operator new", "_Znwm", 0, NO, NO, 0, false, false},
    {"_ZnwmRKSt9nothrow_t", "operator new", "_Znwm", 0, NO, NO, 0, false, false},
    {"_ZnwjRKSt9nothrow_t", "operator new", "_Znwm", 0, NO, NO, 0, false, false},
    {"_ZnwmSt11align_val_t", "operator new", "_Znwm", 0, NO, 1, 0, false, false},
    {"_ZnwjSt11align_val_t", "operator new", "_Znwm", 0, NO, 1, 0, false, false},
    {"_ZnwmSt11align_val_tRKSt9nothrow_t", "operator new", "_Znwm", 0, NO, 1, 0, false, false},
    {"_ZnwjSt11align_val_tRKSt9nothrow_t", "operator new", "_Znwm", 0, NO, 1, 0, false, false},
    {"_Znam", "operator new[]", "_Znam", 0, NO, NO, 0, false, false},
    {"_Znaj", "operator new[]", "_Znam", 0, NO, NO, 0, false, false},
    {"_ZnamRKSt9nothrow_t", "operator new[]", "_Znam", 0, NO, NO, 0, false, false},
    {"_ZnajRKSt9nothrow_t", "operator new[]", "_Znam", 0, NO, NO, 0, false, false},
    {"_ZnamSt11align_val_t", "operator new[]", "_Znam", 0, NO, 1, 0, false, false},
    {"_ZnajSt11align_val_t", "operator new[]", "_Znam", 0, NO, 1, 0, false, false},
    {"_ZnamSt11align_val_tRKSt9nothrow_t", "operator new[]", "_Znam", 0, NO, 1, 0, false, false},
    {"_ZnajSt11align_val_tRKSt9nothrow_t", "operator new[]", "_Znam", 0, NO, 1, 0, false, false},
};

typedef struct EscDeallocator {
  const char *name;
  const char *family;
} EscDeallocator;

/* Every deallocator takes the pointer as its first argument. */
static const EscDeallocator known_deallocators[] = {
    {"free", "malloc"},
    {"_ZdlPv", "_Znwm"},
    {"_ZdlPvm", "_Znwm"},
    {"_ZdlPvj", "_Znwm"},
    {"_ZdlPvRKSt9nothrow_t", "_Znwm"},
    {"_ZdlPvSt11align_val_t", "_Znwm"},
    {"_ZdlPvmSt11align_val_t", "_Znwm"},
    {"_ZdlPvjSt11align_val_t", "_Znwm"},
    {"_ZdlPvSt11align_val_tRKSt9nothrow_t", "_Znwm"},
    {"_ZdaPv", "_Znam"},
    {"_ZdaPvm", "_Znam"},
    {"_ZdaPvj", "_Znam"},
    {"_ZdaPvRKSt9nothrow_t", "_Znam"},
    {"_ZdaPvSt11align_val_t", "_Znam"},
    {"_ZdaPvmSt11align_val_t", "_Znam"},
    {"_ZdaPvjSt11align_val_t", "_Znam"},
    {"_ZdaPvSt11align_val_tRKSt9nothrow_t", "_Znam"},
};

static const char *const known_reallocators[] = {"realloc", "reallocf", "reallocarray"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* allockind bits, as LLVM encodes them. */
enum { KIND_ALLOC = 1, KIND_REALLOC = 2, KIND_FREE = 4, KIND_ZEROED = 16 };

static LLVMAttributeRef fn_attr(LLVMValueRef fn, const char *name) {
  return esc_attr(NULL, fn, LLVMAttributeFunctionIndex, name);
}

static bool call_has(LLVMValueRef call, const char *name) {
  return esc_has_fn_attr(call, NULL, name);
}

/* CallBase::isNoBuiltin: nobuiltin on the call, or on the callee and not
 * overridden by `builtin` on the call. */
static bool is_nobuiltin(LLVMValueRef call, LLVMValueRef fn) {
  if (call_has(call, "nobuiltin"))
    return true;
  return fn_attr(fn, "nobuiltin") && !call_has(call, "builtin");
}

static bool is_cxx_replaceable(const char *family) {
  return strcmp(family, "_Znwm") == 0 || strcmp(family, "_Znam") == 0;
}

/* Rule "is the library's allocator" (wrong-prototypes.ll, own-allocator.ll).
 * A standard allocation function may be treated as one only where the
 * language allows it: C++ new/delete at call sites marked `builtin`
 * ([expr.new] allows eliding even a replaced operator new), the C library
 * where TargetLibraryInfo allows builtins, for a declaration of the
 * library's type, and not when the module defines the function itself
 * (valloc is not reserved by ISO C; interposed allocators). */
static EscReason standard_call_refused(EscHost *host, LLVMValueRef call, LLVMValueRef fn,
                                       const char *family) {
  if (is_nobuiltin(call, fn))
    return ESC_NOBUILTIN;
  if (is_cxx_replaceable(family))
    return call_has(call, "builtin") ? ESC_PROMOTED : ESC_NOBUILTIN;
  if (!LLVMIsDeclaration(fn))
    return ESC_OWN_ALLOCATOR;
  if (esc_host_is_available_libcall(host, call))
    return ESC_PROMOTED;
  if (esc_host_libcall_prototype_differs(host, call))
    return ESC_WRONG_PROTOTYPE;
  return esc_builtins_disabled(call, fn) ? ESC_NOBUILTIN : ESC_NOT_LIBRARY_HERE;
}

static bool args_are_integers(LLVMValueRef call, const int *indices, unsigned n) {
  unsigned argc = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < n; i++) {
    if (indices[i] == NO)
      continue;
    if ((unsigned)indices[i] >= argc ||
        LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, indices[i]))) != LLVMIntegerTypeKind)
      return false;
  }
  return true;
}

static bool returns_pointer(LLVMValueRef call) {
  return LLVMGetTypeKind(LLVMTypeOf(call)) == LLVMPointerTypeKind;
}

static bool string_arg_is_pointer(LLVMValueRef call, const EscAllocator *a) {
  return !a->copies_string ||
         (LLVMGetNumArgOperands(call) >= 1 &&
          LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, 0))) == LLVMPointerTypeKind);
}

static bool match_known_allocator(LLVMValueRef call, const char *name, EscAllocator *out) {
  for (unsigned i = 0; i < COUNT(known_allocators); i++) {
    const EscAllocator *a = &known_allocators[i];
    int args[3] = {a->size_arg, a->count_arg, a->align_arg};
    if (strcmp(a->name, name) == 0 && returns_pointer(call) && args_are_integers(call, args, 3) &&
        string_arg_is_pointer(call, a)) {
      *out = *a;
      return true;
    }
  }
  return false;
}

static uint64_t allockind(LLVMValueRef fn) {
  LLVMAttributeRef a = fn_attr(fn, "allockind");
  return a ? LLVMGetEnumAttributeValue(a) : 0;
}

static int param_with(LLVMValueRef fn, const char *attr) {
  unsigned n = LLVMCountParams(fn);
  for (unsigned i = 0; i < n; i++)
    if (esc_has_param_attr(NULL, fn, i, attr))
      return (int)i;
  return NO;
}

/* An allocator that only LLVM's attributes describe: allockind("alloc"),
 * allocsize and an "alloc-family". */
static bool match_attributed_allocator(LLVMValueRef call, LLVMValueRef fn, const char *name,
                                       EscAllocator *out) {
  uint64_t kind = allockind(fn);
  if (!(kind & KIND_ALLOC) || (kind & KIND_REALLOC))
    return false;
  const char *family = esc_string_fn_attr(fn, "alloc-family");
  LLVMAttributeRef size = fn_attr(fn, "allocsize");
  if (!family || !size || !returns_pointer(call))
    return false;
  uint64_t packed = LLVMGetEnumAttributeValue(size);
  uint32_t elem = (uint32_t)(packed >> 32), count = (uint32_t)packed;
  *out = (EscAllocator){name, name, family, (int)elem, count == UINT32_MAX ? NO : (int)count,
                        param_with(fn, "allocalign"), 0, (kind & KIND_ZEROED) != 0, false};
  int args[3] = {out->size_arg, out->count_arg, out->align_arg};
  return args_are_integers(call, args, 3);
}

static bool match_deallocator(LLVMValueRef call, LLVMValueRef fn, const char *name, bool known,
                              const char **family, unsigned *ptr_arg) {
  unsigned argc = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; known && i < COUNT(known_deallocators); i++)
    if (strcmp(known_deallocators[i].name, name) == 0 && argc >= 1) {
      *family = known_deallocators[i].family;
      *ptr_arg = 0;
      return true;
    }
  if (!(allockind(fn) & KIND_FREE))
    return false;
  const char *attr_family = esc_string_fn_attr(fn, "alloc-family");
  int ptr = param_with(fn, "allocptr");
  if (attr_family && ptr != NO && (unsigned)ptr < argc) {
    *family = attr_family;
    *ptr_arg = (unsigned)ptr;
    return true;
  }
  return false;
}

static bool match_reallocator(LLVMValueRef fn, const char *name, bool known, unsigned *ptr_arg) {
  for (unsigned i = 0; known && i < COUNT(known_reallocators); i++)
    if (strcmp(known_reallocators[i], name) == 0) {
      *ptr_arg = 0;
      return true;
    }
  if (!(allockind(fn) & KIND_REALLOC))
    return false;
  int ptr = param_with(fn, "allocptr");
  if (ptr != NO) {
    *ptr_arg = (unsigned)ptr;
    return true;
  }
  return false;
}

/* realloc(ptr, size) of the C library, as standard_call_refused sees it. */
static bool is_library_realloc(EscHost *host, LLVMValueRef call, LLVMValueRef fn,
                               const char *name) {
  return strcmp(name, "realloc") == 0 && LLVMGetNumArgOperands(call) == 2 &&
         LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, 0))) == LLVMPointerTypeKind &&
         LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, 1))) == LLVMIntegerTypeKind &&
         returns_pointer(call) && standard_call_refused(host, call, fn, "malloc") == ESC_PROMOTED;
}

/* Rule "allocates out of sight" (out-of-sight.ll): a call that says it
 * returns fresh memory (allocsize, which clang's alloc_size gives functions
 * and function pointers, or a noalias result, which clang's malloc attribute
 * gives and LLVM infers for wrappers of malloc) but that no rule above
 * sizes and frees: an allocation site that is never promoted, so that the
 * report names it. The C library's other functions with noalias results
 * (fopen, tmpfile) are not allocations a user would look for. */
static bool allocates_out_of_sight(EscHost *host, LLVMValueRef call, LLVMValueRef fn) {
  if (!returns_pointer(call))
    return false;
  if (esc_has_fn_attr(call, fn, "allocsize"))
    return true;
  return fn && esc_attr(call, fn, LLVMAttributeReturnIndex, "noalias") &&
         !esc_host_is_available_libcall(host, call);
}

static EscAllocator out_of_sight_allocator(LLVMValueRef fn) {
  size_t len;
  const char *name = fn ? LLVMGetValueName2(fn, &len) : NULL;
  const char *who = name ? name : "function pointer";
  return (EscAllocator){who, name, who, NO, NO, NO, 0, false, false};
}

/* Most calls name none of the tables' functions: a filter by the first three
 * bytes of the name (a bit per hash, set for every name of the tables) spares
 * them the comparisons with each entry. Built once per thread. */
enum { PREFIX_BITS = 1024 };

static unsigned prefix_hash(const char *name) {
  unsigned h = 0;
  for (unsigned i = 0; i < 3 && name[i]; i++)
    h = h * 31 + (unsigned char)name[i];
  return h % PREFIX_BITS;
}

static _Thread_local uint8_t known_prefixes[PREFIX_BITS / 8];
static _Thread_local bool known_prefixes_ready;

static void add_prefix(const char *name) {
  unsigned h = prefix_hash(name);
  known_prefixes[h / 8] |= (uint8_t)(1u << (h % 8));
}

static bool may_be_known(const char *name) {
  if (!known_prefixes_ready) {
    for (unsigned i = 0; i < COUNT(known_allocators); i++)
      add_prefix(known_allocators[i].name);
    for (unsigned i = 0; i < COUNT(known_deallocators); i++)
      add_prefix(known_deallocators[i].name);
    for (unsigned i = 0; i < COUNT(known_reallocators); i++)
      add_prefix(known_reallocators[i]);
    known_prefixes_ready = true;
  }
  unsigned h = prefix_hash(name);
  return known_prefixes[h / 8] & (1u << (h % 8));
}

static void classify_named_call(EscHost *host, LLVMValueRef call, LLVMValueRef fn,
                                EscCallInfo *info) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  bool known = may_be_known(name);
  if (known && match_known_allocator(call, name, &info->allocator)) {
    info->role = ESC_ROLE_ALLOCATE;
    info->refused = standard_call_refused(host, call, fn, info->allocator.family);
  } else if (match_attributed_allocator(call, fn, name, &info->allocator)) {
    info->role = ESC_ROLE_ALLOCATE;
    info->refused = is_nobuiltin(call, fn) ? ESC_NOBUILTIN : ESC_PROMOTED;
  } else if (match_deallocator(call, fn, name, known, &info->family, &info->ptr_arg)) {
    info->role = ESC_ROLE_FREE;
    if (is_nobuiltin(call, fn) || (is_cxx_replaceable(info->family) && !call_has(call, "builtin")))
      info->refused = ESC_NOBUILTIN;
    else if (!is_cxx_replaceable(info->family) && !LLVMIsDeclaration(fn))
      info->refused = ESC_OWN_ALLOCATOR; /* the program's own free: not ours to remove */
  } else if (match_reallocator(fn, name, known, &info->ptr_arg)) {
    info->role = ESC_ROLE_REALLOCATE;
    info->size_arg = is_library_realloc(host, call, fn, name) ? 1 : NO;
  }
}

EscCallInfo esc_classify_call(EscHost *host, LLVMValueRef call) {
  EscCallInfo info = {0};
  info.size_arg = NO;
  LLVMValueRef fn = LLVMIsAFunction(LLVMGetCalledValue(call));
  if (fn && LLVMGetIntrinsicID(fn))
    return info;
  if (fn)
    classify_named_call(host, call, fn, &info);
  if (info.role == ESC_ROLE_OTHER && allocates_out_of_sight(host, call, fn)) {
    info.role = ESC_ROLE_ALLOCATE;
    info.allocator = out_of_sight_allocator(fn);
    info.refused = fn && !LLVMIsDeclaration(fn) ? ESC_NOT_INLINED : ESC_OUT_OF_SIGHT;
  }
  return info;
}
