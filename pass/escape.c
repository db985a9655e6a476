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
#include "util.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
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

struct EscAnalysis {
  EscGraph graph;
};

void esc_summarize_function(LLVMValueRef fn, EscHost *host, EscAnalysis **keep) {
  if (keep)
    *keep = NULL;
  if (skipped(fn))
    return;
  EscAnalysis *analysis = esc_calloc(1, sizeof *analysis);
  EscGraph *g = &analysis->graph;
  EscSummary summary;
  analyse(g, fn, host);
  if (esc_summarizable(fn) && esc_summarize(g, &summary))
    esc_host_set_summary(host, &summary);
  if (keep)
    *keep = analysis;
  else
    esc_free_analysis(analysis);
}

/* What esc_run_function does once the graph is built: publish the summary,
 * judge the sites, report, rewrite. */
static unsigned finish(EscGraph *g, const EscOptions *options) {
  EscSummary summary;
  unsigned changed = ESC_UNCHANGED;
  if (esc_summarize(g, &summary)) {
    /* The verdicts say what this definition does; only one that callers can
     * rely on is published, as a summary and as attributes. */
    if (esc_host_params_wanted(g->host))
      esc_explain_params(g, &summary);
    if (esc_summarizable(g->function)) {
      esc_host_set_summary(g->host, &summary);
      if (!summary.through_copy && esc_write_back(g, &summary))
        changed |= ESC_ATTRIBUTES_CHANGED;
    }
  }
  if (g->site_count) {
    esc_solve(g, options);
    esc_explain(g);
    if (esc_rewrite(g, options))
      changed |= ESC_CODE_CHANGED;
  }
  return changed;
}

unsigned esc_run_function(LLVMValueRef fn, const EscOptions *options, EscHost *host) {
  if (skipped(fn))
    return ESC_UNCHANGED;
  EscGraph g;
  analyse(&g, fn, host);
  unsigned changed = finish(&g, options);
  esc_graph_free(&g);
  return changed;
}

unsigned esc_run_analysis(EscAnalysis *analysis, const EscOptions *options, EscHost *host) {
  analysis->graph.host = host;
  unsigned changed = finish(&analysis->graph, options);
  esc_free_analysis(analysis);
  return changed;
}

void esc_free_analysis(EscAnalysis *analysis) {
  if (!analysis)
    return;
  esc_graph_free(&analysis->graph);
  free(analysis);
}
