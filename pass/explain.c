/* explain: allocation and reason texts (see explain.h). */
#include "explain.h"

#include <inttypes.h>
#include <llvm-c/Core.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct Text {
  char buf[512];
  size_t len;
} Text;

static void append(Text *t, const char *fmt, ...) {
  if (t->len >= sizeof t->buf - 1)
    return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
  va_end(ap);
  if (n > 0)
    t->len += (size_t)n < sizeof t->buf - t->len ? (size_t)n : sizeof t->buf - t->len - 1;
}

static void append_operand(Text *t, LLVMValueRef v) {
  size_t len;
  const char *name = LLVMGetValueName2(v, &len);
  if (LLVMIsAConstantInt(v))
    append(t, "%llu", LLVMConstIntGetZExtValue(v));
  else if (len)
    append(t, "%s", name);
  else
    append(t, "?");
}

/* C allocators show every argument; C++ operator new shows its size. */
static void allocation_text(Text *t, const EscSite *site) {
  const EscAllocator *a = &site->allocator;
  append(t, "%s(", a->display);
  if (strncmp(a->display, "operator new", 12) == 0) {
    append_operand(t, LLVMGetOperand(site->call, a->size_arg));
  } else {
    unsigned argc = LLVMGetNumArgOperands(site->call);
    for (unsigned i = 0; i < argc; i++) {
      append(t, i ? ", " : "");
      append_operand(t, LLVMGetOperand(site->call, i));
    }
  }
  append(t, ")");
}

static void cause_text(Text *t, const EscGraph *g, uint32_t cause);

static void escaping_object_text(Text *t, const EscGraph *g, uint32_t cause) {
  /* Name the root of the chain, not every object along it. */
  while (cause != ESC_NONE && g->causes[cause].reason == ESC_STORED_ESCAPING)
    cause = g->causes[cause].cause;
  append(t, "stored into an object that escapes");
  if (cause != ESC_NONE) {
    append(t, " (");
    cause_text(t, g, cause);
    append(t, ")");
  }
}

static void reason_text(Text *t, EscReason reason, const char *detail) {
  switch (reason) {
  case ESC_PROMOTED: break;
  case ESC_STORED_GLOBAL: append(t, "stored to global %s", detail ? detail : "?"); break;
  case ESC_STORED_UNKNOWN: append(t, "stored to unknown memory"); break;
  case ESC_STORED_ESCAPING: append(t, "stored into an object that escapes"); break;
  case ESC_RETURNED: append(t, "returned"); break;
  case ESC_PASSED: append(t, "passed to %s", detail ? detail : "?"); break;
  case ESC_PASSED_INDIRECT: append(t, "passed to an indirect call"); break;
  case ESC_PASSED_ASM: append(t, "passed to inline asm"); break;
  case ESC_PASSED_MUSTTAIL: append(t, "passed to a musttail call"); break;
  case ESC_CONTENT_READ:
    append(t, "reachable from an argument of %s", detail ? detail : "an indirect call");
    break;
  case ESC_PTRTOINT:
    append(t, detail ? "converted to an integer (%s)" : "converted to an integer", detail);
    break;
  case ESC_ATOMIC: append(t, "used by an atomic operation"); break;
  case ESC_UNSUPPORTED_USE: append(t, "used by unsupported %s", detail ? detail : "instruction"); break;
  case ESC_REALLOCATED: append(t, "reallocated"); break;
  case ESC_FREED_OTHER_FAMILY:
    append(t, "freed by %s, which belongs to another allocator family", detail ? detail : "?");
    break;
  case ESC_FREED_BY_INVOKE: append(t, "freed by an invoke"); break;
  case ESC_FREED_BY_CALLEE: append(t, "freed by callee %s", detail ? detail : "?"); break;
  case ESC_LOOP_CARRIED: append(t, "live across loop iterations"); break;
  case ESC_TOO_LARGE: append(t, "too large for stack"); break;
  case ESC_NON_CONSTANT_SIZE: append(t, "non-constant size"); break;
  case ESC_BAD_ALIGNMENT: append(t, "non-constant or invalid alignment"); break;
  case ESC_SIZE_OVERFLOW: append(t, "size overflows"); break;
  case ESC_BUDGET: append(t, "stack budget exceeded"); break;
  case ESC_NOBUILTIN: append(t, "nobuiltin call"); break;
  case ESC_SETJMP: append(t, "function calls a returns_twice function"); break;
  case ESC_STACK_ADDRSPACE: append(t, "stack is in another address space"); break;
  }
}

static void cause_text(Text *t, const EscGraph *g, uint32_t cause) {
  const EscCause *c = &g->causes[cause];
  if (c->reason == ESC_STORED_ESCAPING)
    escaping_object_text(t, g, c->cause);
  else
    reason_text(t, c->reason, c->detail);
}

static void verdict_text(Text *t, const EscGraph *g, const EscSite *site) {
  if (site->cause != ESC_NONE) {
    cause_text(t, g, site->cause);
    return;
  }
  reason_text(t, site->verdict, NULL);
  if (site->verdict == ESC_TOO_LARGE || site->verdict == ESC_BUDGET)
    append(t, " (%" PRIu64 " > %" PRIu64 " bytes)", site->needed, site->limit);
}

void esc_explain(EscGraph *g) {
  for (uint32_t s = 0; s < g->site_count; s++) {
    const EscSite *site = &g->sites[s];
    Text allocation = {.len = 0}, reason = {.len = 0};
    allocation_text(&allocation, site);
    const EscCause *cause = site->cause != ESC_NONE ? &g->causes[site->cause] : NULL;
    if (site->verdict != ESC_PROMOTED)
      verdict_text(&reason, g, site);
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
  }
}

static void report_param(EscGraph *g, unsigned index, const char *name, const char *fmt) {
  Text t = {.len = 0};
  append(&t, fmt, name);
  esc_host_report_param(g->host, index, t.buf);
}

void esc_explain_params(EscGraph *g, const EscSummary *summary) {
  for (unsigned i = 0; i < summary->param_count; i++) {
    if (LLVMGetTypeKind(LLVMTypeOf(LLVMGetParam(g->function, i))) != LLVMPointerTypeKind)
      continue;
    const char *source = esc_host_param_name(g->host, i);
    char numbered[16];
    snprintf(numbered, sizeof numbered, "#%u", i);
    const char *name = source && *source ? source : numbered;
    uint16_t flags = summary->params[i].flags;
    if (flags & ESC_PARAM_ESCAPES)
      report_param(g, i, name, "leaking param: %s");
    else if (flags & ESC_PARAM_FREES)
      report_param(g, i, name, "leaking param: %s (freed)");
    if ((flags & ESC_PARAM_RETURNED) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, name, "leaking param: %s to result ~r0 level=0");
    if ((flags & ESC_PARAM_CONTENT_ESCAPES) && !(flags & ESC_PARAM_ESCAPES))
      report_param(g, i, name, "leaking param content: %s");
    if (!(flags & (ESC_PARAM_ESCAPES | ESC_PARAM_FREES | ESC_PARAM_RETURNED |
                   ESC_PARAM_CONTENT_ESCAPES)))
      report_param(g, i, name, "%s does not escape");
  }
}
