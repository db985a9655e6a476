/* escape: what the C core asks of its host.
 *
 * The host is the C++ shim (pass/plugin.cpp). It owns LLVM's analyses for the
 * function being processed and the remark machinery, neither of which the
 * LLVM C API exposes. Every query is answered for the function the host was
 * created for; the core never keeps answers across functions. */
#ifndef ESCAPE_HOST_H
#define ESCAPE_HOST_H

#include "escape/escape.h"
#include "escape/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why an allocation stays on the heap; ESC_PROMOTED means it did not. The
 * core's verdicts (pass/graph.h), which it puts into words itself
 * (pass/words.c): no host function takes one. */
typedef enum EscReason {
  ESC_PROMOTED = 0,
  ESC_STORED_GLOBAL,    /* stored to a global variable (detail: its name) */
  ESC_STORED_UNKNOWN,   /* stored to memory the function does not own */
  ESC_STORED_ESCAPING,  /* stored into an object that escapes (cause: why that one does) */
  ESC_RETURNED,
  ESC_PASSED,           /* passed to a capturing callee (detail: its name) */
  ESC_PASSED_INDIRECT,  /* passed to an indirect call */
  ESC_PASSED_ASM,       /* passed to inline asm */
  ESC_PASSED_MUSTTAIL,  /* reaches a musttail call, which may not see the caller's stack */
  ESC_CONTENT_READ,     /* pointed to by an object whose contents a callee reads (detail) */
  ESC_PTRTOINT,         /* converted to an integer */
  ESC_ATOMIC,           /* used by an atomic instruction */
  ESC_UNSUPPORTED_USE,  /* used by an instruction the analysis does not model (detail) */
  ESC_REALLOCATED,
  ESC_FREED_OTHER_FAMILY, /* freed by a deallocator of another family (detail) */
  ESC_FREED_BY_INVOKE,  /* deallocated by an invoke */
  ESC_FREED_BY_CALLEE,  /* a callee may free it (detail: its name) */
  ESC_LOOP_CARRIED,     /* live across loop iterations */
  ESC_TOO_LARGE,        /* size > limit */
  ESC_NON_CONSTANT_SIZE,
  ESC_BAD_ALIGNMENT,    /* alignment not a constant power of two */
  ESC_SIZE_OVERFLOW,    /* calloc's count * size overflows */
  ESC_BUDGET,           /* promoted bytes of the function would exceed limit */
  ESC_NOBUILTIN,        /* call marked nobuiltin, or new/delete without builtin */
  ESC_SETJMP,           /* function calls a returns_twice function */
  ESC_STACK_ADDRSPACE,  /* target's stack lives in another address space */
  ESC_TOO_ALIGNED,      /* alignment > limit */
  ESC_OWN_ALLOCATOR,    /* the program defines the allocator or deallocator (detail) */
  ESC_WRONG_PROTOTYPE,  /* declared with another type than the library's (detail) */
  ESC_NOT_VERSIONABLE,  /* the room check cannot forward to the function's versions */
  ESC_NOT_LIBRARY_HERE, /* TargetLibraryInfo does not know the allocator for this target (detail) */
  ESC_OUT_OF_SIGHT,     /* allocated inside a callee whose body the module does not have
                           (detail: its name; none for a function pointer) */
  ESC_NOT_INLINED,      /* allocated inside a callee the module defines (detail) */
  ESC_SHARED_FREES,     /* its frees may free ESC_MAX_SLOTS_PER_FREE promoted objects already */
} EscReason;

/* The most promoted objects one free may free: a free that may free several
 * compares its pointer with each of their slots. */
#define ESC_MAX_SLOTS_PER_FREE 8

/* ---- Messages ----
 *
 * The core puts every message into words itself (pass/words.c); the host
 * only emits them: on stderr at escape<m=N>, as `file:line:col: TEXT`, and
 * as optimization remarks of pass `escape`. A message is a list of parts,
 * in order. Its text, on stderr and as the remark's message (-Rpass), is the
 * parts' texts joined; a part with a key is also that argument of the remark
 * record (what opt-viewer, opt-diff and escape-cc read), the others are its
 * plain "String" arguments. Strings are the caller's and live until the
 * host's function returns. */

/* One part of a message. */
typedef struct EscPart {
  const char *key;       /* the record's name for it ("Allocation"), or NULL */
  const char *text;      /* the words; NULL when the part is `place` itself */
  LLVMMetadataRef place; /* a DILocation, or NULL. With text: the place the argument
                            links to (opt-viewer); without: the part is that place,
                            written file:line:col (on stderr, column 0 as 1) */
} EscPart;

typedef enum EscRemarkKind {
  ESC_REMARK_PASSED,   /* a promotion, a parameter that does not escape */
  ESC_REMARK_MISSED,   /* an escape */
  ESC_REMARK_ANALYSIS, /* explanations and facts */
} EscRemarkKind;

enum { ESC_MESSAGE_PARTS = 16 };

typedef struct EscMessage {
  const char *name; /* the remark's name: "MovedToStack", "EscapeFlow" */
  EscRemarkKind kind;
  unsigned count;
  EscPart parts[ESC_MESSAGE_PARTS];
} EscMessage;

/* Emits the verdict on allocation `site` ("moved to stack: malloc(16)"),
 * placed at the outermost place of the site's inline chain outside system
 * headers (a helper inlined into the user's code reports at the user's call
 * of it); on stderr at escape<m=1> and up. Then its `facts` ("allocator
 * malloc, size 16") as a remark that only a remark file gets (no -Rpass
 * text, no stderr line), without a location: opt-viewer and opt-diff skip
 * it, tools that read records take it as the verdict's. */
void esc_host_report(EscHost *host, LLVMValueRef site, const EscMessage *verdict,
                     const EscMessage *facts);

/* The places of the inline chain of `site` inside the one its verdict is
 * reported at (esc_host_report), innermost first: sets *place to the i-th
 * (a DILocation) and returns the name of the function it is in (its linkage
 * name when it has one); NULL past the last. */
const char *esc_host_inlined(EscHost *host, LLVMValueRef site, unsigned i,
                             LLVMMetadataRef *place);

/* The place esc_host_report reports `site`'s verdict at, or NULL. */
LLVMMetadataRef esc_host_reported_at(EscHost *host, LLVMValueRef site);

/* True when `call` calls a library function that TargetLibraryInfo knows
 * and considers available (false under -fno-builtin or -ffreestanding),
 * including a call to clang's inline builtin declaration of it (a
 * declaration marked nobuiltin and alwaysinline, the call not nobuiltin). */
bool esc_host_is_available_libcall(EscHost *host, LLVMValueRef call);

/* True when `call`'s callee is named like a library function available here
 * but declared with a type that is not the library function's (`void
 * *malloc(unsigned)`, `char *malloc()`). */
bool esc_host_libcall_prototype_differs(EscHost *host, LLVMValueRef call);

/* True when the current function may call the C library function `name`
 * (TargetLibraryInfo has it, builtins are not disabled for it) and the module
 * declares no other function of that name: not defined here, nor declared
 * with another prototype. */
bool esc_host_library_has(EscHost *host, const char *name);

/* Alignment, in bytes, at least what the target's malloc and operator new
 * guarantee: erring high only costs stack. */
unsigned esc_host_heap_alignment(EscHost *host);

/* True when the target puts allocas in address space `addrspace`. */
bool esc_host_stack_in_addrspace(EscHost *host, unsigned addrspace);

/* True when the function is part of a cycle of the direct call graph.
 * Recursion through function pointers or through external code calling back
 * is not seen. */
bool esc_host_function_is_recursive(EscHost *host);

/* True when `block` lies on some CFG cycle. */
bool esc_host_in_cycle(EscHost *host, LLVMBasicBlockRef block);

/* The headers of the reducible cycles around `block`, innermost first: up
 * to `max` of them go to `headers`; returns how many there are. Sets
 * *irreducible when an irreducible cycle is around `block` too (its phis
 * are not only at a header: ask esc_host_carries_around). */
unsigned esc_host_cycle_headers(EscHost *host, LLVMBasicBlockRef block,
                                LLVMBasicBlockRef *headers, unsigned max, bool *irreducible);

/* True when a value defined by a phi in `phi_block` may carry a pointer from
 * one iteration of a cycle containing `block` into the next: `phi_block` is
 * the header of a reducible cycle around `block`, or lies inside an
 * irreducible one. */
bool esc_host_carries_around(EscHost *host, LLVMBasicBlockRef phi_block,
                             LLVMBasicBlockRef block);

/* Turns an invoke into a call followed by a branch to its normal
 * destination, removing the edge to the unwind destination (and that
 * predecessor from its phis). The invoke is erased: the caller must hold no
 * reference to it, or to those phis, afterwards. Returns the call. */
LLVMValueRef esc_host_invoke_to_call(EscHost *host, LLVMValueRef invoke);

/* Splits the block of `inst` before it: the block keeps what came before and
 * ends in a branch to the returned new block, which holds `inst` and the rest
 * (the phis of its successors follow the move). The debug records just
 * before `inst` (#dbg_value and the like) go with it when `records_follow`,
 * else they stay at the end of the block. */
LLVMBasicBlockRef esc_host_split_block(EscHost *host, LLVMValueRef inst, bool records_follow);

/* Puts a new block on the edge from `from` to `to`, returned, which branches
 * to `to`; the phis of `to` now name it instead of `from`. */
LLVMBasicBlockRef esc_host_split_edge(EscHost *host, LLVMBasicBlockRef from,
                                      LLVMBasicBlockRef to);

/* The versions of the function that the room check chooses between
 * (room.h). Both are internal functions of the same type and attributes,
 * named after the function with `suffix`, that the host cleans up (SROA,
 * InstCombine) with the function when asked to.
 * esc_host_clone_function: a copy of the function's body as it is now.
 * esc_host_move_body: a new function that takes over the body (and the debug
 * subprogram); the function is left without blocks, for the caller to give
 * it new ones. */
LLVMValueRef esc_host_clone_function(EscHost *host, const char *suffix);
LLVMValueRef esc_host_move_body(EscHost *host, const char *suffix);

/* True when the function can be versioned and called through a musttail
 * forward: not variadic, no inalloca or preallocated parameter, no block
 * whose address is taken. */
bool esc_host_can_version(EscHost *host);

/* The source variable that holds `value`, from the debug records of the
 * current function; NULL when none does. *is_address is set when the
 * variable is the memory `value` points to (a dbg.declare of an alloca), so
 * that `value` is its address. A parameter of the function is named by its
 * own debug variable, else by its IR name. Lives as long as the function. */
const char *esc_host_value_name(EscHost *host, LLVMValueRef value, bool *is_address);

/* True when parameter verdicts go anywhere (escape<m=1> or more, any remark
 * of pass `escape` asked for): they cost a walk of the summary. */
bool esc_host_params_wanted(EscHost *host);

/* Emits the verdict on parameter `index` ("leaking param: p") at the
 * parameter's line when debug info has it, else the function's; on stderr
 * at escape<m=1> and up. Then its facts, as esc_host_report does. */
void esc_host_report_param(EscHost *host, unsigned index, const EscMessage *verdict,
                           const EscMessage *facts);

/* True when flow paths go anywhere (escape<m=2>, analysis remarks of pass
 * `escape`): they cost a walk of the graph per escaping allocation. */
bool esc_host_paths_wanted(EscHost *host);

/* Emits one line of what explains the verdict on `site`, Go's -m=2 style
 * ("  flow: {heap} = p:", "    from g = p (assign to global g) at
 * a.c:3:5"), placed as the verdict is; on stderr at escape<m=2>. Lines of
 * one site are emitted in order, after its verdict. */
void esc_host_report_line(EscHost *host, LLVMValueRef site, const EscMessage *line);

/* The summary of `fn`, a function of this module analysed before the
 * current one (callees come first), or NULL. */
const EscSummary *esc_host_summary(EscHost *host, LLVMValueRef fn);

/* Keeps the summary of the current function for its callers. A summary
 * with `through_copy` is kept only when the function can be copied (no block
 * whose address is taken); else callers see no summary. */
void esc_host_set_summary(EscHost *host, const EscSummary *summary);

/* The module's private copy of `fn`, a function whose summary has
 * `through_copy`, made on first request: an internal function with `fn`'s
 * body as it is now, in which every direct call of a function whose summary
 * has `through_copy` calls that function's private copy in turn. A call of
 * the copy runs the body the summary was read from, whichever body of `fn`
 * the program links. */
LLVMValueRef esc_host_private_copy(EscHost *host, LLVMValueRef fn);

#ifdef __cplusplus
}
#endif

#endif
