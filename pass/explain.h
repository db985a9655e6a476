/* explain: what each verdict says.
 *
 * Decides, for every allocation site and pointer parameter, which words of
 * words.h its verdict is said in: the reason, following the chain of causes
 * the solver recorded to its root ("stored into an object that escapes
 * (returned)"), the allocation as the program wrote it ("calloc(n, 4)"),
 * the facts tools read; and hands the messages to the host. */
#ifndef ESCAPE_EXPLAIN_H
#define ESCAPE_EXPLAIN_H

#include "escape/summary.h"
#include "graph.h"
#include "text.h"

/* Appends why `site` stays on the heap, following the chain of causes to
 * its root: "stored into an object that escapes (returned)". */
void esc_verdict_text(EscText *t, const EscGraph *g, const EscSite *site);

/* Reports one verdict per allocation site, and, when the host wants them,
 * the inline chain and the path of each escape (explain_path.h). */
void esc_explain(EscGraph *g);

/* Reports, as Go's -m does, what the function does with each pointer
 * parameter: "leaking param: p", "leaking param: p to result ~r0 level=0",
 * "leaking param content: p", "p does not escape". */
void esc_explain_params(EscGraph *g, const EscSummary *summary);

#endif
