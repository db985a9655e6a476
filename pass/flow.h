/* flow: the path from an escaping allocation to the place where it escapes.
 *
 * The solver decides per class; this file recovers, for one allocation, the
 * instructions behind that decision from what the solver left behind: the
 * merges that built each class (a spanning tree of it, graph.h) and the
 * causes it chained. A class escapes because of something done to one of its
 * members (passed, returned, ...), or because the class that points to it
 * (its container) escaped or is foreign memory. So a path walks inside a
 * class, along merges, from the allocation to the member the cause names,
 * climbs to the container, walks on there, and so on, until a cause that
 * applies in its own class ends it: the path the solver followed, as Go's
 * explainPath reads its graph.
 *
 * Walks inside a class use one breadth-first tree per class and kind of
 * cause (escape, content, other), built on first use: all the paths of a
 * function cost time linear in its graph, plus their length. */
#ifndef ESCAPE_FLOW_H
#define ESCAPE_FLOW_H

#include "graph.h"

typedef enum EscStepKind {
  ESC_STEP_MERGE,     /* inside a class: `inst` joined `from` and `to` */
  ESC_STEP_CONTAINER, /* climb: from memory (`from`) to a pointer to it (`to`) */
  ESC_STEP_CAUSE,     /* the end: `cause` applies at `from` */
} EscStepKind;

typedef struct EscStep {
  EscStepKind kind;
  uint32_t from, to;
  LLVMValueRef inst;
  uint32_t cause;
} EscStep;

typedef struct EscFlow EscFlow;

/* Prepares to find paths in `g`, which must be solved and stay unchanged. */
EscFlow *esc_flow_new(EscGraph *g);
void esc_flow_free(EscFlow *flow);

/* The path from `node`, a member of an ESC_ESCAPED class, written to `steps`
 * (at most `max`); returns how many. A path longer than `max` is cut and has
 * no ESC_STEP_CAUSE at its end. */
uint32_t esc_flow_path(EscFlow *flow, uint32_t node, EscStep *steps, uint32_t max);

#endif
