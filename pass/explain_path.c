/* explain_path: Go's -m=2 lines for one escaping allocation (see
 * explain_path.h). */
#include "explain_path.h"

#include "explain.h"
#include "names.h"
#include "words.h"

#include <llvm-c/Core.h>
#include <string.h>

/* A path is printed a line late, so that a cause with no instruction of its
 * own can name itself on the statement that led to it. */
typedef struct PathPrinter {
  EscGraph *g;
  LLVMValueRef site;
  EscText what, why; /* the pending `from` line */
  LLVMValueRef pending_at;
  bool has_pending;
} PathPrinter;

static void report(PathPrinter *p, const char *line, LLVMValueRef at) {
  EscWords w;
  esc_say_path_line(&w, line, esc_source_place(at));
  esc_host_report_line(p->g->host, p->site, &w.message);
}

static void flush(PathPrinter *p) {
  if (!p->has_pending)
    return;
  EscText line = ESC_TEXT_INIT;
  esc_from_text(&line, p->what.buf, p->why.buf);
  report(p, line.buf, p->pending_at);
  p->has_pending = false;
}

static void flow_line(PathPrinter *p, const char *dst, const char *holder) {
  flush(p);
  EscText line = ESC_TEXT_INIT;
  esc_flow_text(&line, dst, holder);
  report(p, line.buf, NULL);
}

static void set_text(EscText *t, const char *text) {
  *t = (EscText)ESC_TEXT_INIT;
  esc_text_append(t, "%s", text);
}

static void from_line(PathPrinter *p, const char *what, const char *why, LLVMValueRef at) {
  if (p->has_pending && strcmp(what, p->what.buf) == 0 && strcmp(why, p->why.buf) == 0)
    return; /* the same statement again (copies of one line): said once */
  flush(p);
  set_text(&p->what, what);
  set_text(&p->why, why);
  p->pending_at = at;
  p->has_pending = true;
}

/* Go's word for the step a merge stands for. */
static const char *merge_reason(LLVMValueRef inst) {
  switch (LLVMGetInstructionOpcode(inst)) {
  case LLVMStore: return esc_path_word(ESC_WORD_ASSIGN);
  case LLVMLoad: return esc_path_word(ESC_WORD_INDIRECTION);
  case LLVMCall:
  case LLVMInvoke: {
    LLVMValueRef fn = LLVMIsAFunction(LLVMGetCalledValue(inst));
    return esc_path_word(fn && LLVMGetIntrinsicID(fn) ? ESC_WORD_COPY : ESC_WORD_CALL_RESULT);
  }
  default: return esc_path_word(ESC_WORD_ASSIGN);
  }
}

static bool is_param_memory(EscGraph *g, const EscCause *c) {
  return c->reason == ESC_STORED_UNKNOWN && c->node != ESC_NONE && g->nodes[c->node].value &&
         LLVMIsAArgument(g->nodes[c->node].value);
}

/* Go's words for the cause that ends a path. */
static void cause_reason(EscText *t, EscGraph *g, const EscCause *c) {
  if (is_param_memory(g, c)) {
    EscText param = ESC_TEXT_INIT;
    esc_name_node(g, &param, c->node);
    esc_param_memory_text(t, param.buf);
  } else {
    esc_path_reason_text(t, c->reason, c->detail);
  }
}

static bool stores(LLVMValueRef inst) {
  return inst && (LLVMIsAStoreInst(inst) || LLVMIsACallInst(inst) || LLVMIsAInvokeInst(inst));
}

static void cause_line(PathPrinter *p, const EscStep *step) {
  const EscCause *c = &p->g->causes[step->cause];
  EscText why = ESC_TEXT_INIT, what = ESC_TEXT_INIT;
  if (c->where) {
    cause_reason(&why, p->g, c);
    esc_name_instruction(p->g, &what, c->where);
    from_line(p, what.buf, why.buf, c->where);
  } else if (p->has_pending && stores(p->pending_at)) {
    /* The store into foreign memory is the escape: say so on its line. */
    p->why = (EscText)ESC_TEXT_INIT;
    cause_reason(&p->why, p->g, c);
  } else {
    esc_foreign_memory_text(&why, c->reason, c->detail);
    esc_name_memory(p->g, &what, step->from);
    from_line(p, what.buf, why.buf, NULL);
  }
}

static const EscStep *segment_end(const EscStep *s, const EscStep *end) {
  while (s < end && s->kind == ESC_STEP_MERGE)
    s++;
  return s;
}

/* A container that is foreign memory, reached with no step of its own,
 * is where the path ends: the store into it is the escape. */
static bool ends_in_container(EscGraph *g, const EscStep *container, const EscStep *end) {
  const EscStep *next = container + 1;
  return next < end && next->kind == ESC_STEP_CAUSE && !g->causes[next->cause].where;
}

static void merge_lines(PathPrinter *p, const EscStep *s, const EscStep *end) {
  LLVMValueRef last = NULL;
  for (; s < end; s++) {
    /* Steps C does not write: address arithmetic and casts, and the merges
     * of branches (phis) that no variable holds. */
    bool unwritten = esc_is_same_pointer(s->inst) || LLVMIsAPHINode(s->inst);
    if (s->inst == last || (unwritten && !esc_value_is_named(p->g, s->inst)))
      continue;
    last = s->inst;
    EscText what = ESC_TEXT_INIT;
    esc_name_instruction(p->g, &what, s->inst);
    from_line(p, what.buf, merge_reason(s->inst), s->inst);
  }
}

static void print_path(PathPrinter *p, const EscStep *steps, uint32_t count, EscText *holder) {
  const EscStep *s = steps, *end = steps + count;
  while (s < end) {
    const EscStep *stop = segment_end(s, end);
    EscText dst = ESC_TEXT_INIT;
    bool foreign =
        stop < end && stop->kind == ESC_STEP_CONTAINER && ends_in_container(p->g, stop, end);
    if (stop == end)
      esc_text_append(&dst, "%s", esc_path_word(ESC_WORD_CUT));
    else if (stop->kind == ESC_STEP_CONTAINER && !foreign)
      esc_name_memory(p->g, &dst, stop->to);
    else {
      const EscStep *cause = foreign ? stop + 1 : stop;
      bool returned = p->g->causes[cause->cause].reason == ESC_RETURNED;
      esc_text_append(&dst, "%s", esc_path_word(returned ? ESC_WORD_RESULT : ESC_WORD_HEAP));
    }
    flow_line(p, dst.buf, holder->buf);
    merge_lines(p, s, stop);
    if (stop == end)
      break;
    if (foreign)
      stop++;
    if (stop->kind == ESC_STEP_CAUSE) {
      cause_line(p, stop);
      break;
    }
    *holder = (EscText)ESC_TEXT_INIT;
    esc_name_node(p->g, holder, stop->to);
    s = stop + 1;
  }
  flush(p);
}

enum { MAX_PATH = 64 };

static bool escaped_by_flow(EscGraph *g, const EscSite *site) {
  return site->cause != ESC_NONE && esc_has(g, site->node, ESC_ESCAPED) &&
         site->cause == g->nodes[esc_find(g, site->node)].escape_cause;
}

void esc_explain_path(EscGraph *g, EscFlow *flow, const EscSite *site, const char *allocation) {
  PathPrinter p = {.g = g, .site = site->call};
  EscText holder = ESC_TEXT_INIT, what = ESC_TEXT_INIT, why = ESC_TEXT_INIT;
  if (!escaped_by_flow(g, site)) {
    const EscCause *c = site->cause != ESC_NONE ? &g->causes[site->cause] : NULL;
    if (c && c->where)
      esc_name_instruction(g, &what, c->where);
    else
      esc_text_append(&what, "%s", allocation);
    esc_verdict_text(&why, g, site);
    from_line(&p, what.buf, why.buf, c && c->where ? c->where : site->call);
    flush(&p);
    return;
  }
  esc_storage_text(&holder, allocation);
  if (esc_value_has_variable(g, site->call)) {
    EscText name = ESC_TEXT_INIT;
    esc_name_value(g, &name, site->call);
    flow_line(&p, name.buf, holder.buf);
    esc_text_append(&what, "%s = %s", name.buf, allocation);
    from_line(&p, what.buf, esc_path_word(ESC_WORD_ASSIGN), site->call);
    holder = name;
  }
  EscStep steps[MAX_PATH];
  uint32_t count = esc_flow_path(flow, site->node, steps, MAX_PATH);
  print_path(&p, steps, count, &holder);
}
