/* explain: what each verdict says (see explain.h). */
#include "explain.h"

#include "attrs.h"
#include "explain_path.h"
#include "names.h"
#include "words.h"

#include <llvm-c/Core.h>

static void cause_text(EscText *t, const EscGraph *g, uint32_t cause);

/* Names the root of the chain, not every object along it. */
static void escaping_object_text(EscText *t, const EscGraph *g, uint32_t cause) {
  while (cause != ESC_NONE && g->causes[cause].reason == ESC_STORED_ESCAPING)
    cause = g->causes[cause].cause;
  EscText root = ESC_TEXT_INIT;
  if (cause != ESC_NONE)
    cause_text(&root, g, cause);
  esc_reason_text(t, ESC_STORED_ESCAPING, cause != ESC_NONE ? root.buf : NULL);
}

static void cause_text(EscText *t, const EscGraph *g, uint32_t cause) {
  const EscCause *c = &g->causes[cause];
  if (c->reason == ESC_STORED_ESCAPING)
    escaping_object_text(t, g, c->cause);
  else
    esc_reason_text(t, c->reason, c->detail);
}

void esc_verdict_text(EscText *t, const EscGraph *g, const EscSite *site) {
  if (site->cause != ESC_NONE) {
    cause_text(t, g, site->cause);
    return;
  }
  esc_reason_text(t, site->verdict, NULL);
  if (esc_reason_has_limit(site->verdict))
    esc_limit_text(t, site->needed, site->limit);
}

/* Where the call is, when its verdict is reported elsewhere (at the user's
 * call of the helper it was inlined from). */
static LLVMMetadataRef made_at(EscGraph *g, LLVMValueRef call) {
  LLVMMetadataRef own = esc_source_place(call);
  LLVMMetadataRef reported = esc_host_reported_at(g->host, call);
  return own && reported && reported != own ? own : NULL;
}

static void report_site(EscGraph *g, const EscSite *site, const char *allocation) {
  const EscCause *cause = site->cause != ESC_NONE ? &g->causes[site->cause] : NULL;
  LLVMMetadataRef escapes_at = esc_source_place(cause ? cause->where : NULL);
  bool promoted = site->verdict == ESC_PROMOTED;
  EscWords verdict, facts;
  EscText reason = ESC_TEXT_INIT;
  if (promoted) {
    EscMovedWhen when = {esc_run_time_size(site), site->limit, site->one_at_a_time,
                         site->moves_at_return};
    esc_say_moved(&verdict, allocation, &when);
  } else {
    esc_verdict_text(&reason, g, site);
    esc_say_escapes(&verdict, allocation, reason.buf, escapes_at);
  }
  EscSiteFacts f = {
      .allocator = site->allocator.name,
      .size = site->size,
      .detail = cause ? cause->detail : NULL,
      .has_limit = esc_reason_has_limit(site->verdict) || (promoted && esc_run_time_size(site)),
      .limit = site->limit,
      .escapes_at = escapes_at,
      .made_at = made_at(g, site->call),
  };
  esc_say_site_facts(&facts, &f);
  esc_host_report(g->host, site->call, &verdict.message, &facts.message);
}

/* The -m=2 lines of the inline chain the call was made in, innermost first. */
static void report_inlined(EscGraph *g, LLVMValueRef call) {
  LLVMMetadataRef place;
  const char *function;
  for (unsigned i = 0; (function = esc_host_inlined(g->host, call, i, &place)); i++) {
    EscWords line;
    esc_say_inlined(&line, function, place);
    esc_host_report_line(g->host, call, &line.message);
  }
}

enum { COPY_CHAIN_STEPS = 64 };

/* Does a pointer of class `node`, or what it points to, lie in class `rep`?
 * (Followed for at most COPY_CHAIN_STEPS dereferences: the line it decides
 * explains, the rewrite decides for itself.) */
static bool chain_meets(EscGraph *g, uint32_t node, uint32_t rep) {
  uint32_t k = node == ESC_NONE ? ESC_NONE : esc_find(g, node);
  for (unsigned step = 0; k != ESC_NONE && step < COPY_CHAIN_STEPS; step++) {
    if (k == rep)
      return true;
    k = esc_pointee_if_any(g, k);
  }
  return false;
}

/* The -m=2 lines of the calls a promoted site rests on through a private
 * copy of the callee: those whose arguments or result may reach its class,
 * as rewrite.c decides. */
static void report_private_copies(EscGraph *g, const EscSite *site) {
  uint32_t rep = esc_find(g, site->node);
  for (uint32_t c = 0; c < g->copy_call_count; c++) {
    LLVMValueRef call = g->copy_calls[c];
    unsigned args = LLVMGetNumArgOperands(call);
    bool meets = false;
    for (unsigned i = 0; i <= args && !meets; i++) /* its arguments, then its result */
      meets = chain_meets(g, esc_map_get(&g->values, i < args ? LLVMGetOperand(call, i) : call), rep);
    if (!meets)
      continue;
    size_t len;
    EscWords line;
    esc_say_private_copy(&line, LLVMGetValueName2(LLVMGetCalledValue(call), &len),
                         esc_source_place(call));
    esc_host_report_line(g->host, site->call, &line.message);
  }
}

void esc_explain(EscGraph *g) {
  EscFlow *flow = esc_host_paths_wanted(g->host) ? esc_flow_new(g) : NULL;
  for (uint32_t s = 0; s < g->site_count; s++) {
    const EscSite *site = &g->sites[s];
    EscText allocation = ESC_TEXT_INIT;
    esc_name_allocation(g, &allocation, site->call, &site->allocator);
    report_site(g, site, allocation.buf);
    if (flow)
      report_inlined(g, site->call);
    if (flow && site->verdict != ESC_PROMOTED)
      esc_explain_path(g, flow, site, allocation.buf);
    if (flow && site->verdict == ESC_PROMOTED)
      report_private_copies(g, site);
  }
  esc_flow_free(flow);
}

/* Function::hasStructRetAttr: the sret pointer comes first, or after `this`. */
static bool returns_struct(LLVMValueRef fn) {
  return esc_has_param_attr(NULL, fn, 0, "sret") || esc_has_param_attr(NULL, fn, 1, "sret");
}

static void report_param(EscGraph *g, unsigned index, EscParamWords said, const char *name) {
  EscWords verdict, facts;
  esc_say_param(&verdict, said, name);
  esc_say_param_facts(&facts, index, LLVMCountParams(g->function), returns_struct(g->function));
  esc_host_report_param(g->host, index, &verdict.message, &facts.message);
}

void esc_explain_params(EscGraph *g, const EscSummary *summary) {
  for (unsigned i = 0; i < summary->param_count; i++) {
    LLVMValueRef param = LLVMGetParam(g->function, i);
    if (LLVMGetTypeKind(LLVMTypeOf(param)) != LLVMPointerTypeKind)
      continue;
    EscText name = ESC_TEXT_INIT;
    esc_name_value(g, &name, param);
    uint16_t flags = summary->params[i].flags;
    if (flags & ESC_PARAM_ESCAPES)
      report_param(g, i, ESC_SAY_LEAKS, name.buf);
    else if (flags & ESC_PARAM_FREES)
      report_param(g, i, ESC_SAY_LEAKS_FREED, name.buf);
    if ((flags & ESC_PARAM_RETURNED) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, ESC_SAY_LEAKS_TO_RESULT, name.buf);
    if ((flags & ESC_PARAM_CONTENT_ESCAPES) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, ESC_SAY_LEAKS_CONTENT, name.buf);
    if (!(flags & (ESC_PARAM_ESCAPES | ESC_PARAM_FREES | ESC_PARAM_RETURNED |
                   ESC_PARAM_CONTENT_ESCAPES)))
      report_param(g, i, ESC_SAY_STAYS, name.buf);
  }
}
