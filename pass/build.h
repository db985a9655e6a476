/* build: turns the instructions of a function into the location graph.
 *
 * One walk over the function, constant work per operand, so the graph is
 * linear in the size of the function. Anything the walk does not model makes
 * the pointers involved escape: the analysis is sound by default. */
#ifndef ESCAPE_BUILD_H
#define ESCAPE_BUILD_H

#include "graph.h"

void esc_build_graph(EscGraph *g);

/* Calls are modeled in calls.c. */
void esc_build_call(EscGraph *g, LLVMValueRef call);

#endif
