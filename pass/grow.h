/* grow: realloc of a promoted object, and its move to the heap when returned.
 *
 * An object that a function reallocs may still take a slot, of at least
 * variable-slot bytes, when it is the only promoted object of its class
 * (solve.c, judge_reallocs). Each realloc(p, n) of that class becomes a call
 * of a helper emitted into the module, which does what realloc would, the
 * slot being the object's old place:
 *
 *   p is not the slot         realloc(p, n), as before
 *   n == 0                    NULL (glibc's realloc frees p and returns NULL)
 *   n <= the slot's bytes     the slot: the object grows in place
 *   otherwise                 malloc(n) and a copy of the slot, or NULL with
 *                             the object left in the slot when malloc fails
 *
 * Every free of the class is guarded, as the object may have moved.
 *
 * An object that is also returned, and goes nowhere else (solve.c,
 * judge_returns), is moved at each return by a second helper, Go's
 * move2heap: a pointer into the slot (or just past it) becomes the same
 * place in a heap copy of the slot; any other pointer is returned as it is.
 * The caller gets heap memory, as before, for free or realloc; when malloc
 * fails there, the program traps (README: what the pass assumes). */
#ifndef ESCAPE_GROW_H
#define ESCAPE_GROW_H

#include "graph.h"

/* A call of the helper for `fr` (a realloc of the class of `site`, whose slot
 * exists), built before it: the caller replaces the realloc with it. */
LLVMValueRef esc_grow_in_slot(EscGraph *g, const EscFree *fr, const EscSite *site);

/* Makes `ret` return what the move helper gives for its operand (a pointer
 * of the class of `site`, whose slot exists). */
void esc_grow_move_at_return(EscGraph *g, const EscSite *site, LLVMValueRef ret);

#endif
