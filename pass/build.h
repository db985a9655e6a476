/* build: turns the instructions of a function into the location graph.
 *
 * One walk over the function, constant work per operand, so the graph is
 * linear in the size of the function. Anything the walk does not model makes
 * the pointers involved escape: the analysis is sound by default. */
#ifndef ESCAPE_BUILD_H
#define ESCAPE_BUILD_H

#include "graph.h"

void esc_build_graph(EscGraph *g);

/* Rule "a distance is not an address": judges each `sub (ptrtoint a),
 * (ptrtoint b)` the graph holds, once the flags are propagated; one that
 * may be an address after all makes a and b escape as a ptrtoint whose
 * integer leaves would. Returns true when it made a class escape (the
 * flags then need propagating again). Called before the summary and again
 * once the function is opened to its callers (solve.h). */
bool esc_judge_address_differences(EscGraph *g);

/* Calls are modeled in calls.c. */
void esc_build_call(EscGraph *g, LLVMValueRef call);

#endif
