/* escape: heap-to-stack promotion by escape analysis, the C core's entry point.
 *
 * The core is written against the LLVM C API. It sees one function at a time
 * and asks the host (the C++ shim, see host.h) for the few facts the C API
 * cannot give: cycles of the CFG, recursion in the call graph, the target's
 * malloc alignment, library-function availability, and remark emission.
 *
 * Contract: esc_run_function never changes a function it cannot prove safe to
 * change; it leaves valid IR behind (opt -verify-each stays clean); every
 * allocation site it recognizes receives exactly one verdict through
 * esc_host_report before the function returns. */
#ifndef ESCAPE_ESCAPE_H
#define ESCAPE_ESCAPE_H

#include "escape/summary.h"

#include <llvm-c/Types.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct EscHost EscHost;

/* Limits of the rewrite; all are pass parameters (see README.md). */
typedef struct EscOptions {
  uint64_t max_object;          /* largest object moved to the stack, bytes */
  uint64_t max_frame;           /* bytes promoted per function */
  uint64_t max_recursive_frame; /* bytes promoted per function in a call-graph cycle */
  uint64_t max_align;           /* most-aligned object moved to the stack, bytes */
  uint64_t variable_slot;       /* slot of an object whose size is known only at run time,
                                   bytes (at most max_object); 0: such objects stay on the heap */
  bool room_check;              /* slots only where the thread's stack has room (room.h) */
  unsigned stack_reserve;       /* percent of a thread's stack never given to slots */
} EscOptions;

/* Hard bound of max_align: alignments above it are never promoted. */
#define ESC_MAX_ALIGN_BOUND 65536

/* The documented defaults: 1024, 8192, 128, 64 and 256 bytes; the room check
 * on, keeping half of every stack. */
EscOptions esc_default_options(void);

/* What esc_run_function changed, as a mask. */
typedef enum {
  ESC_UNCHANGED = 0,
  /* Attributes of `fn`'s parameters: its instructions and CFG are as they were. */
  ESC_ATTRIBUTES_CHANGED = 1,
  /* Its code: objects moved to the stack, maybe a room check and versions of
   * `fn` (new functions) made. */
  ESC_CODE_CHANGED = 2,
} EscChange;

/* Analyses `fn` (a definition), hands its summary to the host, reports a
 * verdict for every allocation site, promotes the provably local ones and
 * writes back the parameter attributes it proved. Returns what it changed,
 * a mask of EscChange. */
unsigned esc_run_function(LLVMValueRef fn, const EscOptions *options, EscHost *host);

/* The analysis of one function, kept from its summary for its run. Opaque. */
typedef struct EscAnalysis EscAnalysis;

/* Only computes `fn`'s summary and hands it to the host; changes nothing and
 * reports nothing. Functions that call each other are summarized together,
 * again and again, to a fixpoint (the host's business). With `keep`, *keep
 * receives the analysis (NULL for a function the pass skips), for
 * esc_run_analysis or esc_free_analysis. */
void esc_summarize_function(LLVMValueRef fn, EscHost *host, EscAnalysis **keep);

/* esc_run_function on a kept analysis, with `host` for the run, and frees
 * it. The caller guarantees that nothing the analysis read has changed since
 * it was made: not the function's code, not a summary it read (a member of a
 * call-graph cycle summarized last with its callees' final summaries). */
unsigned esc_run_analysis(EscAnalysis *analysis, const EscOptions *options, EscHost *host);

void esc_free_analysis(EscAnalysis *analysis);

/* Rule "words that keep moving" (summaries-data-words.ll): for the fixpoint of
 * functions that call each other. Where `after`, a function's summary on a
 * later visit, names other data words than `before` did, it says "anywhere"
 * instead: words counted from a pointer that moves with every call (walk(p +
 * 1)) would grow one visit at a time, past any budget. */
void esc_widen_summary(const EscSummary *before, EscSummary *after);

/* True when esc_summarize_function gives `fn` a summary: a definition that
 * no body of other source can replace at link time, analysed by the pass,
 * with few enough parameters. */
bool esc_can_summarize(LLVMValueRef fn);

/* True for a C library function that calls user code back on the caller's
 * stack (qsort's comparator, atexit's handlers, ftw's visitor): the host's
 * rule "cannot re-enter" counts a call of it as a call of unknown code. The
 * C library model (pass/libc.c) also says what some of those callbacks are
 * handed. */
bool esc_library_calls_back(const char *name);

#ifdef __cplusplus
}
#endif

#endif
