/* escape: the driver of the C core.
 *
 * For one function: build the location graph (build.c, calls.c, with the
 * summaries of its callees), tell pointer fields from data (layout.c), solve
 * it as if it had no callers to summarize it for its own callers
 * (summarize.c), then solve it for real into a verdict per allocation site
 * (solve.c), report every verdict (explain.c), and move the promoted objects
 * to the stack (rewrite.c).
 *
 * The design follows Go's escape analysis: an allocation stays on the heap
 * unless the analysis proves that no pointer to it outlives the function or,
 * in a loop, the iteration that made it. Where Go's graph has variables, this
 * one has classes of LLVM values joined by unification (graph.h), because
 * LLVM IR moves pointers through memory as freely as through registers. */
#include "escape/escape.h"

#include "attrs.h"
#include "build.h"
#include "explain.h"
#include "layout.h"
#include "rewrite.h"
#include "solve.h"
#include "summarize.h"

#include <llvm-c/Core.h>
#include <string.h>

EscOptions esc_default_options(void) {
  return (EscOptions){
      .max_object = 1024, .max_frame = 8192, .max_recursive_frame = 128, .max_align = 64,
      .variable_slot = 256, .room_check = true, .stack_reserve = 50};
}

static bool skipped(LLVMValueRef fn) {
  /* Coroutines are split later; their frames are not ours to shape. */
  return LLVMIsDeclaration(fn) || esc_has_fn_attr(NULL, fn, "optnone") ||
         esc_has_fn_attr(NULL, fn, "presplitcoroutine");
}

/* Builds the graph and solves it as if the function had no callers. */
static void analyse(EscGraph *g, LLVMValueRef fn, EscHost *host) {
  esc_graph_init(g, fn, host);
  esc_build_graph(g);
  esc_resolve_layouts(g);
  esc_propagate(g);
  if (esc_judge_address_differences(g))
    esc_propagate(g);
}

bool esc_can_summarize(LLVMValueRef fn) { return !skipped(fn) && esc_summarizable(fn); }

void esc_summarize_function(LLVMValueRef fn, EscHost *host) {
  if (skipped(fn))
    return;
  EscGraph g;
  EscSummary summary;
  analyse(&g, fn, host);
  if (esc_summarizable(fn) && esc_summarize(&g, &summary))
    esc_host_set_summary(host, &summary);
  esc_graph_free(&g);
}

bool esc_run_function(LLVMValueRef fn, const EscOptions *options, EscHost *host) {
  if (skipped(fn))
    return false;
  EscGraph g;
  EscSummary summary;
  bool changed = false;
  analyse(&g, fn, host);
  if (esc_summarize(&g, &summary)) {
    /* The verdicts say what this definition does; only one that callers can
     * rely on is published, as a summary and as attributes. */
    if (esc_host_params_wanted(host))
      esc_explain_params(&g, &summary);
    if (esc_summarizable(fn)) {
      esc_host_set_summary(host, &summary);
      changed = esc_write_back(&g, &summary);
    }
  }
  if (g.site_count) {
    esc_solve(&g, options);
    esc_explain(&g);
    changed |= esc_rewrite(&g, options);
  }
  esc_graph_free(&g);
  return changed;
}
