/* solve: from the graph to a verdict for every allocation site.
 *
 * Flags flow down the pointee chains: whatever is stored in memory that
 * escapes, or that the function does not own, escapes too. The graph is
 * first solved as if the function had no callers, which is what its summary
 * needs (summary.h); then it is opened to them and solved again. Each site is
 * then judged, in program order, by the first rule it fails: the facts found
 * while building (nobuiltin, non-constant size, ...), a call to setjmp, flow
 * to an escaping class, a musttail call, the size limit, the loop rule, and
 * the stack budget of the function. */
#ifndef ESCAPE_SOLVE_H
#define ESCAPE_SOLVE_H

#include "graph.h"

/* Pushes the flags of every class down its pointee chain, to a fixpoint. May
 * be called again after more flags are set. */
void esc_propagate(EscGraph *g);

/* Opens the function to its callers (parameters become foreign memory,
 * returned pointers escape), propagates, and judges every site. */
void esc_solve(EscGraph *g, const EscOptions *options);

/* The frame bytes the promoted sites take, as the budget counts them. */
uint64_t esc_promoted_bytes(EscGraph *g);

/* The sites of the class of `node`, as a list through next_in_class. */
uint32_t esc_first_site(EscGraph *g, uint32_t node);

#endif
