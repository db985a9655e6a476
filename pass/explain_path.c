/* explain_path: Go's -m=2 lines for one escaping allocation (see
 * explain_path.h). */
#include "explain_path.h"

#include "explain.h"
#include "names.h"

#include <llvm-c/Core.h>
#include <string.h>

/* A path is printed a line late, so that a cause with no instruction of its
 * own can name itself on the statement that led to it. */
typedef struct PathPrinter {
  EscGraph *g;
  LLVMValueRef site;
  EscText pending;
  LLVMValueRef pending_at;
  bool has_pending;
} PathPrinter;

static void flush(PathPrinter *p) {
  if (p->has_pending)
    esc_host_report_flow(p->g->host, p->site, p->pending.buf, p->pending_at);
  p->has_pending = false;
}

static void flow_line(PathPrinter *p, const char *dst, const char *holder) {
  flush(p);
  EscText t = ESC_TEXT_INIT;
  esc_text_append(&t, "  flow: %s = %s:", dst, holder);
  esc_host_report_flow(p->g->host, p->site, t.buf, NULL);
}

static void from_line(PathPrinter *p, const char *what, const char *why, LLVMValueRef at) {
  EscText line = ESC_TEXT_INIT;
  esc_text_append(&line, "    from %s (%s)", what, why);
  if (p->has_pending && strcmp(line.buf, p->pending.buf) == 0)
    return; /* the same statement again (copies of one line): said once */
  flush(p);
  p->pending = line;
  p->pending_at = at;
  p->has_pending = true;
}

/* Gives the pending line another reason: the cause it led to. */
static void reason_of_pending(PathPrinter *p, const char *why) {
  char *open = strrchr(p->pending.buf, '(');
  if (!open)
    return;
  p->pending.len = (size_t)(open - p->pending.buf);
  esc_text_append(&p->pending, "(%s)", why);
}

/* Go's words for the step a merge stands for. */
static const char *merge_reason(LLVMValueRef inst) {
  switch (LLVMGetInstructionOpcode(inst)) {
  case LLVMStore: return "assign";
  case LLVMLoad: return "indirection";
  case LLVMCall:
  case LLVMInvoke: {
    LLVMValueRef fn = LLVMIsAFunction(LLVMGetCalledValue(inst));
    return fn && LLVMGetIntrinsicID(fn) ? "copy" : "call result";
  }
  default: return "assign";
  }
}

/* Go's words for the cause that ends a path. */
static void cause_reason(EscText *t, EscGraph *g, const EscCause *c) {
  switch (c->reason) {
  case ESC_STORED_GLOBAL: esc_text_append(t, "assign to global %s", c->detail); break;
  case ESC_STORED_UNKNOWN:
    if (c->node != ESC_NONE && g->nodes[c->node].value &&
        LLVMIsAArgument(g->nodes[c->node].value)) {
      esc_text_append(t, "assign to memory of param ");
      esc_name_node(g, t, c->node);
    } else {
      esc_text_append(t, "assign to unknown memory");
    }
    break;
  case ESC_RETURNED: esc_text_append(t, "return"); break;
  case ESC_PASSED: esc_text_append(t, "call parameter"); break;
  case ESC_PASSED_INDIRECT: esc_text_append(t, "indirect call parameter"); break;
  case ESC_CONTENT_READ: esc_text_append(t, "content read by callee"); break;
  default: esc_reason_text(t, c->reason, c->detail); break;
  }
}

/* Go's words for memory that is not the function's own, when no store into
 * it ends the path: what it is. */
static void foreign_memory(EscText *t, const EscCause *c) {
  switch (c->reason) {
  case ESC_STORED_GLOBAL: esc_text_append(t, "global"); break;
  case ESC_STORED_UNKNOWN: esc_text_append(t, "unknown memory"); break;
  default: esc_reason_text(t, c->reason, c->detail); break;
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
    cause_reason(&why, p->g, c);
    reason_of_pending(p, why.buf);
  } else {
    foreign_memory(&why, c);
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
      esc_text_append(&dst, "...");
    else if (stop->kind == ESC_STEP_CONTAINER && !foreign)
      esc_name_memory(p->g, &dst, stop->to);
    else {
      const EscStep *cause = foreign ? stop + 1 : stop;
      esc_text_append(&dst, p->g->causes[cause->cause].reason == ESC_RETURNED ? "~r0" : "{heap}");
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
  esc_text_append(&holder, "&{storage for %s}", allocation);
  if (esc_value_has_variable(g, site->call)) {
    EscText name = ESC_TEXT_INIT;
    esc_name_value(g, &name, site->call);
    flow_line(&p, name.buf, holder.buf);
    esc_text_append(&what, "%s = %s", name.buf, allocation);
    from_line(&p, what.buf, "assign", site->call);
    holder = name;
  }
  EscStep steps[MAX_PATH];
  uint32_t count = esc_flow_path(flow, site->node, steps, MAX_PATH);
  print_path(&p, steps, count, &holder);
}
