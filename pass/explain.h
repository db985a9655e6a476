/* explain: the words of a verdict.
 *
 * Spells each allocation as the program wrote it ("calloc(n, 4)") and each
 * reason the way Go's -m output does, following the chain of causes the
 * solver recorded, and hands the verdict to the host's remark machinery. */
#ifndef ESCAPE_EXPLAIN_H
#define ESCAPE_EXPLAIN_H

#include "escape/summary.h"
#include "graph.h"
#include "text.h"

/* Appends Go's words for `reason` ("returned", "passed to foo"); `detail`
 * is what it names, may be NULL. */
void esc_reason_text(EscText *t, EscReason reason, const char *detail);

/* Appends why `site` stays on the heap, following the chain of causes to
 * its root: "stored into an object that escapes (returned)". */
void esc_verdict_text(EscText *t, const EscGraph *g, const EscSite *site);

/* Reports one verdict per allocation site, and, when the host wants them,
 * the path of each escape (explain_path.h). */
void esc_explain(EscGraph *g);

/* Reports, as Go's -m does, what the function does with each pointer
 * parameter: "leaking param: p", "leaking param: p to result ~r0 level=0",
 * "leaking param content: p", "p does not escape". */
void esc_explain_params(EscGraph *g, const EscSummary *summary);

#endif
