/* explain: allocation, reason and path texts (see explain.h). */
#include "explain.h"

#include "explain_path.h"
#include "names.h"

#include <inttypes.h>
#include <llvm-c/Core.h>

static void cause_text(EscText *t, const EscGraph *g, uint32_t cause);

static void escaping_object_text(EscText *t, const EscGraph *g, uint32_t cause) {
  /* Name the root of the chain, not every object along it. */
  while (cause != ESC_NONE && g->causes[cause].reason == ESC_STORED_ESCAPING)
    cause = g->causes[cause].cause;
  esc_text_append(t, "stored into an object that escapes");
  if (cause != ESC_NONE) {
    esc_text_append(t, " (");
    cause_text(t, g, cause);
    esc_text_append(t, ")");
  }
}

void esc_reason_text(EscText *t, EscReason reason, const char *detail) {
  switch (reason) {
  case ESC_PROMOTED: break;
  case ESC_STORED_GLOBAL: esc_text_append(t, "stored to global %s", detail ? detail : "?"); break;
  case ESC_STORED_UNKNOWN: esc_text_append(t, "stored to unknown memory"); break;
  case ESC_STORED_ESCAPING: esc_text_append(t, "stored into an object that escapes"); break;
  case ESC_RETURNED: esc_text_append(t, "returned"); break;
  case ESC_PASSED: esc_text_append(t, "passed to %s", detail ? detail : "?"); break;
  case ESC_PASSED_INDIRECT: esc_text_append(t, "passed to an indirect call"); break;
  case ESC_PASSED_ASM: esc_text_append(t, "passed to inline asm"); break;
  case ESC_PASSED_MUSTTAIL: esc_text_append(t, "passed to a musttail call"); break;
  case ESC_CONTENT_READ:
    esc_text_append(t, "reachable from an argument of %s", detail ? detail : "an indirect call");
    break;
  case ESC_PTRTOINT:
    if (detail)
      esc_text_append(t, "converted to an integer (%s)", detail);
    else
      esc_text_append(t, "converted to an integer");
    break;
  case ESC_ATOMIC: esc_text_append(t, "used by an atomic operation"); break;
  case ESC_UNSUPPORTED_USE:
    esc_text_append(t, "used by unsupported %s", detail ? detail : "instruction");
    break;
  case ESC_REALLOCATED: esc_text_append(t, "reallocated"); break;
  case ESC_FREED_OTHER_FAMILY:
    esc_text_append(t, "freed by %s, which belongs to another allocator family",
                    detail ? detail : "?");
    break;
  case ESC_FREED_BY_INVOKE: esc_text_append(t, "freed by an invoke"); break;
  case ESC_FREED_BY_CALLEE: esc_text_append(t, "freed by callee %s", detail ? detail : "?"); break;
  case ESC_LOOP_CARRIED: esc_text_append(t, "live across loop iterations"); break;
  case ESC_TOO_LARGE: esc_text_append(t, "too large for stack"); break;
  case ESC_NON_CONSTANT_SIZE: esc_text_append(t, "non-constant size"); break;
  case ESC_BAD_ALIGNMENT: esc_text_append(t, "non-constant or invalid alignment"); break;
  case ESC_SIZE_OVERFLOW: esc_text_append(t, "size overflows"); break;
  case ESC_BUDGET: esc_text_append(t, "stack budget exceeded"); break;
  case ESC_NOBUILTIN: esc_text_append(t, "nobuiltin call"); break;
  case ESC_SETJMP: esc_text_append(t, "function calls a returns_twice function"); break;
  case ESC_STACK_ADDRSPACE: esc_text_append(t, "stack is in another address space"); break;
  case ESC_TOO_ALIGNED: esc_text_append(t, "too aligned for stack"); break;
  case ESC_OWN_ALLOCATOR:
    esc_text_append(t, "calls the program's own %s, not the C library's", detail ? detail : "allocator");
    break;
  case ESC_NOT_LIBRARY_HERE:
    esc_text_append(t, "%s is not known as a C library function on this target",
                    detail ? detail : "allocator");
    break;
  case ESC_NOT_VERSIONABLE:
    esc_text_append(t, "no room check for a variadic function or one with computed gotos");
    break;
  case ESC_WRONG_PROTOTYPE:
    esc_text_append(t, "%s declared with a prototype other than the C library's",
                    detail ? detail : "allocator");
    break;
  }
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
    esc_text_append(t, " (%" PRIu64 " > %" PRIu64 " bytes)", site->needed, site->limit);
}

void esc_explain(EscGraph *g) {
  EscFlow *flow = esc_host_paths_wanted(g->host) ? esc_flow_new(g) : NULL;
  for (uint32_t s = 0; s < g->site_count; s++) {
    const EscSite *site = &g->sites[s];
    EscText allocation = ESC_TEXT_INIT, reason = ESC_TEXT_INIT;
    esc_name_allocation(g, &allocation, site->call, &site->allocator);
    const EscCause *cause = site->cause != ESC_NONE ? &g->causes[site->cause] : NULL;
    if (site->verdict != ESC_PROMOTED)
      esc_verdict_text(&reason, g, site);
    EscVerdict v = {site->call,
                    allocation.buf,
                    site->allocator.name,
                    site->size,
                    site->verdict,
                    cause ? cause->detail : NULL,
                    site->limit,
                    cause ? cause->where : NULL,
                    site->verdict == ESC_PROMOTED ? NULL : reason.buf};
    esc_host_report(g->host, &v);
    if (flow && site->verdict != ESC_PROMOTED)
      esc_explain_path(g, flow, site, allocation.buf);
  }
  esc_flow_free(flow);
}

static void report_param(EscGraph *g, unsigned index, const char *name, const char *fmt,
                         bool leaks) {
  EscText t = ESC_TEXT_INIT;
  esc_text_append(&t, fmt, name);
  esc_host_report_param(g->host, index, t.buf, leaks);
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
      report_param(g, i, name.buf, "leaking param: %s", true);
    else if (flags & ESC_PARAM_FREES)
      report_param(g, i, name.buf, "leaking param: %s (freed)", true);
    if ((flags & ESC_PARAM_RETURNED) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, name.buf, "leaking param: %s to result ~r0 level=0", true);
    if ((flags & ESC_PARAM_CONTENT_ESCAPES) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, name.buf, "leaking param content: %s", true);
    if (!(flags & (ESC_PARAM_ESCAPES | ESC_PARAM_FREES | ESC_PARAM_RETURNED |
                   ESC_PARAM_CONTENT_ESCAPES)))
      report_param(g, i, name.buf, "%s does not escape", false);
  }
}
