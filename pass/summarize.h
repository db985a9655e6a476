/* summarize: a function's summary (include/escape/summary.h), read off its
 * graph solved as if it had no callers, and what it proves written back as
 * LLVM attributes. */
#ifndef ESCAPE_SUMMARIZE_H
#define ESCAPE_SUMMARIZE_H

#include "escape/summary.h"
#include "graph.h"

/* False when callers may not rely on `fn`'s definition (a body of other
 * source may replace it at link or run time) or it has too many parameters.
 * A summary of a definition that another body of the same source may
 * replace has `through_copy`. */
bool esc_summarizable(LLVMValueRef fn);

/* Fills `out` for g->function, which says what this definition does even
 * when callers may not rely on it (check esc_summarizable before publishing
 * it). Returns false when it has too many parameters. Call after
 * esc_propagate and before esc_solve. */
bool esc_summarize(EscGraph *g, EscSummary *out);

/* Adds nocapture (LLVM < 21) or captures(address) (LLVM 21+) to parameters
 * the summary proves are neither kept, returned nor freed; for a summary
 * without `through_copy` only (every caller trusts an attribute, not only
 * those that call the copy). Returns true when an attribute was added. */
bool esc_write_back(EscGraph *g, const EscSummary *summary);

/* The summary of a call to a C library or POSIX function `fn`, when the
 * model knows it (libc.c). */
bool esc_libc_summary(EscHost *host, LLVMValueRef call, LLVMValueRef fn, EscSummary *out);

#endif
