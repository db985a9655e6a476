/* explain_path: the path of an escape in Go's -m=2 words.
 *
 * Turns the steps flow.h finds into the lines Go prints under "x escapes to
 * heap:": a `flow: DST = SRC:` line for each location the allocation's
 * address is stored into (`*head`, then `~r0` for the result or `{heap}`),
 * under it a `from STATEMENT (REASON)` line for each instruction on the way,
 * with its place after it (" at a.c:3:5"). A verdict that is not about flow
 * (size, loops, setjmp, another allocator family) gets one `from` line
 * naming its rule. The words are words.h's. */
#ifndef ESCAPE_EXPLAIN_PATH_H
#define ESCAPE_EXPLAIN_PATH_H

#include "flow.h"

/* Reports, line by line, why `site` (not promoted) escapes; `allocation` is
 * its text, "malloc(16)". */
void esc_explain_path(EscGraph *g, EscFlow *flow, const EscSite *site, const char *allocation);

#endif
