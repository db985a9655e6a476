/* words: the pass's vocabulary and the messages made of it (see words.h). */
#include "words.h"

#include <inttypes.h>
#include <llvm-c/DebugInfo.h>
#include <stdarg.h>
#include <stdio.h>

/* ---- Reasons ---- */

/* How one reason is said. */
typedef struct ReasonWords {
  const char *alone;       /* without a detail */
  const char *with_detail; /* a format of the detail; NULL: the detail is not said */
  const char *path;        /* Go's word where a path ends (a format of the detail);
                              NULL: the verdict's words */
  const char *foreign;     /* Go's word for memory of this kind; NULL: the verdict's words */
} ReasonWords;

/* The table of reasons, one row each. A switch, so that the compiler
 * reports a reason without one. */
static ReasonWords reason_words(EscReason reason) {
  switch (reason) {
  case ESC_PROMOTED: return (ReasonWords){.alone = ""};
  case ESC_STORED_GLOBAL:
    return (ReasonWords){.alone = "stored to global ?", .with_detail = "stored to global %s",
                         .path = "assign to global %s", .foreign = "global"};
  case ESC_STORED_UNKNOWN:
    return (ReasonWords){.alone = "stored to unknown memory", .path = "assign to unknown memory",
                         .foreign = "unknown memory"};
  case ESC_STORED_ESCAPING: /* the detail: why that object escapes */
    return (ReasonWords){.alone = "stored into an object that escapes",
                         .with_detail = "stored into an object that escapes (%s)"};
  case ESC_RETURNED: return (ReasonWords){.alone = "returned", .path = "return"};
  case ESC_PASSED:
    return (ReasonWords){.alone = "passed to ?", .with_detail = "passed to %s",
                         .path = "call parameter"};
  case ESC_PASSED_INDIRECT:
    return (ReasonWords){.alone = "passed to an indirect call", .path = "indirect call parameter"};
  case ESC_PASSED_ASM: return (ReasonWords){.alone = "passed to inline asm"};
  case ESC_PASSED_MUSTTAIL: return (ReasonWords){.alone = "passed to a musttail call"};
  case ESC_CONTENT_READ:
    return (ReasonWords){.alone = "reachable from an argument of an indirect call",
                         .with_detail = "reachable from an argument of %s",
                         .path = "content read by callee"};
  case ESC_PTRTOINT:
    return (ReasonWords){.alone = "converted to an integer",
                         .with_detail = "converted to an integer (%s)"};
  case ESC_ATOMIC: return (ReasonWords){.alone = "used by an atomic operation"};
  case ESC_UNSUPPORTED_USE:
    return (ReasonWords){.alone = "used by unsupported instruction",
                         .with_detail = "used by unsupported %s"};
  case ESC_REALLOCATED: return (ReasonWords){.alone = "reallocated"};
  case ESC_FREED_OTHER_FAMILY:
    return (ReasonWords){.alone = "freed by ?, which belongs to another allocator family",
                         .with_detail = "freed by %s, which belongs to another allocator family"};
  case ESC_FREED_BY_INVOKE: return (ReasonWords){.alone = "freed by an invoke"};
  case ESC_FREED_BY_CALLEE:
    return (ReasonWords){.alone = "freed by callee ?", .with_detail = "freed by callee %s"};
  case ESC_LOOP_CARRIED: return (ReasonWords){.alone = "live across loop iterations"};
  case ESC_TOO_LARGE: return (ReasonWords){.alone = "too large for stack"};
  case ESC_NON_CONSTANT_SIZE: return (ReasonWords){.alone = "non-constant size"};
  case ESC_BAD_ALIGNMENT: return (ReasonWords){.alone = "non-constant or invalid alignment"};
  case ESC_SIZE_OVERFLOW: return (ReasonWords){.alone = "size overflows"};
  case ESC_BUDGET: return (ReasonWords){.alone = "stack budget exceeded"};
  case ESC_NOBUILTIN: return (ReasonWords){.alone = "nobuiltin call"};
  case ESC_SETJMP: return (ReasonWords){.alone = "function calls a returns_twice function"};
  case ESC_STACK_ADDRSPACE: return (ReasonWords){.alone = "stack is in another address space"};
  case ESC_TOO_ALIGNED: return (ReasonWords){.alone = "too aligned for stack"};
  case ESC_OWN_ALLOCATOR:
    return (ReasonWords){.alone = "calls the program's own allocator, not the C library's",
                         .with_detail = "calls the program's own %s, not the C library's"};
  case ESC_WRONG_PROTOTYPE:
    return (ReasonWords){
        .alone = "allocator declared with a prototype other than the C library's",
        .with_detail = "%s declared with a prototype other than the C library's"};
  case ESC_NOT_VERSIONABLE:
    return (ReasonWords){
        .alone = "no room check for a variadic function or one with computed gotos"};
  case ESC_NOT_LIBRARY_HERE:
    return (ReasonWords){
        .alone = "allocator is not known as a C library function on this target",
        .with_detail = "%s is not known as a C library function on this target"};
  case ESC_OUT_OF_SIGHT:
    return (ReasonWords){.alone = "allocated through a function pointer, not analysed",
                         .with_detail = "allocated inside %s, whose body is not here"};
  case ESC_NOT_INLINED:
    return (ReasonWords){.alone = "allocated inside a function not inlined here",
                         .with_detail = "allocated inside %s, not inlined here"};
  case ESC_SHARED_FREES:
    return (ReasonWords){.alone = "its frees may free too many objects on the stack already"};
  }
  return (ReasonWords){.alone = ""};
}

void esc_reason_text(EscText *t, EscReason reason, const char *detail) {
  ReasonWords w = reason_words(reason);
  if (detail && w.with_detail)
    esc_text_append(t, w.with_detail, detail);
  else
    esc_text_append(t, "%s", w.alone);
}

void esc_limit_text(EscText *t, uint64_t needed, uint64_t limit) {
  esc_text_append(t, " (%" PRIu64 " > %" PRIu64 " bytes)", needed, limit);
}

void esc_path_reason_text(EscText *t, EscReason reason, const char *detail) {
  ReasonWords w = reason_words(reason);
  if (w.path)
    esc_text_append(t, w.path, detail ? detail : "?");
  else
    esc_reason_text(t, reason, detail);
}

void esc_param_memory_text(EscText *t, const char *param) {
  esc_text_append(t, "assign to memory of param %s", param);
}

void esc_foreign_memory_text(EscText *t, EscReason reason, const char *detail) {
  ReasonWords w = reason_words(reason);
  if (w.foreign)
    esc_text_append(t, "%s", w.foreign);
  else
    esc_reason_text(t, reason, detail);
}

/* ---- Lines of a path ---- */

const char *esc_path_word(EscPathWord word) {
  switch (word) {
  case ESC_WORD_ASSIGN: return "assign";
  case ESC_WORD_INDIRECTION: return "indirection";
  case ESC_WORD_COPY: return "copy";
  case ESC_WORD_CALL_RESULT: return "call result";
  case ESC_WORD_RESULT: return "~r0";
  case ESC_WORD_HEAP: return "{heap}";
  case ESC_WORD_CUT: return "...";
  }
  return "?";
}

void esc_flow_text(EscText *t, const char *dst, const char *src) {
  esc_text_append(t, "  flow: %s = %s:", dst, src);
}

void esc_from_text(EscText *t, const char *what, const char *why) {
  esc_text_append(t, "    from %s (%s)", what, why);
}

void esc_storage_text(EscText *t, const char *allocation) {
  esc_text_append(t, "&{storage for %s}", allocation);
}

/* ---- Messages ---- */

static void start(EscWords *w, const char *name, EscRemarkKind kind) {
  w->message = (EscMessage){.name = name, .kind = kind};
  w->used = 0;
}

static void part(EscWords *w, const char *key, const char *text, LLVMMetadataRef place) {
  if (w->message.count < ESC_MESSAGE_PARTS)
    w->message.parts[w->message.count++] = (EscPart){key, text, place};
}

static void say(EscWords *w, const char *text) { part(w, NULL, text, NULL); }

/* An argument whose value is a number, written in the message's room. */
static void number(EscWords *w, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void number(EscWords *w, const char *key, const char *fmt, ...) {
  char *text = w->room + w->used;
  size_t left = sizeof w->room - w->used;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(text, left, fmt, ap);
  va_end(ap);
  w->used += n < 0 ? 0 : (size_t)n < left ? (size_t)n + 1 : left; /* never full (words.h) */
  part(w, key, text, NULL);
}

void esc_say_moved(EscWords *w, const char *allocation, const EscMovedWhen *when) {
  start(w, "MovedToStack", ESC_REMARK_PASSED);
  say(w, "moved to stack: ");
  part(w, "Allocation", allocation, NULL);
  bool tested = when->run_time || when->one_at_a_time;
  if (tested)
    say(w, " (");
  if (when->run_time) {
    say(w, "up to ");
    number(w, "Limit", "%" PRIu64, when->limit);
    say(w, " bytes, ");
  }
  if (when->one_at_a_time)
    say(w, "one at a time, ");
  if (tested)
    say(w, "else heap");
  if (when->until_return)
    say(w, tested ? "; to the heap when returned" : " (to the heap when returned");
  if (tested || when->until_return)
    say(w, ")");
}

void esc_say_escapes(EscWords *w, const char *allocation, const char *reason,
                     LLVMMetadataRef at) {
  start(w, "EscapesToHeap", ESC_REMARK_MISSED);
  part(w, "Allocation", allocation, NULL);
  say(w, " escapes to heap: ");
  part(w, "Reason", reason, at);
}

void esc_say_site_facts(EscWords *w, const EscSiteFacts *f) {
  start(w, "EscapeFacts", ESC_REMARK_ANALYSIS);
  say(w, "allocator ");
  part(w, "Allocator", f->allocator, NULL);
  if (f->size >= 0) {
    say(w, ", size ");
    number(w, "Size", "%" PRId64, f->size);
  }
  if (f->detail) {
    say(w, ", naming ");
    part(w, "Detail", f->detail, NULL);
  }
  if (f->has_limit) {
    say(w, ", limit ");
    number(w, "Limit", "%" PRIu64, f->limit);
  }
  if (f->escapes_at) {
    say(w, ", escapes at ");
    part(w, "EscapesAt", NULL, f->escapes_at);
  }
  if (f->made_at) {
    say(w, ", made at ");
    part(w, "MadeAt", NULL, f->made_at);
  }
}

void esc_say_param(EscWords *w, EscParamWords said, const char *param) {
  static const struct {
    const char *before, *after;
  } frames[] = {
      [ESC_SAY_LEAKS] = {"leaking param: ", NULL},
      [ESC_SAY_LEAKS_FREED] = {"leaking param: ", " (freed)"},
      [ESC_SAY_LEAKS_TO_RESULT] = {"leaking param: ", " to result ~r0 level=0"},
      [ESC_SAY_LEAKS_CONTENT] = {"leaking param content: ", NULL},
      [ESC_SAY_STAYS] = {NULL, " does not escape"},
  };
  start(w, "ParamVerdict", said == ESC_SAY_STAYS ? ESC_REMARK_PASSED : ESC_REMARK_MISSED);
  if (frames[said].before)
    say(w, frames[said].before);
  part(w, "Param", param, NULL);
  if (frames[said].after)
    say(w, frames[said].after);
}

void esc_say_param_facts(EscWords *w, unsigned index, unsigned count, bool sret) {
  start(w, "EscapeFacts", ESC_REMARK_ANALYSIS);
  say(w, "parameter ");
  number(w, "ParamIndex", "%u", index);
  say(w, " of ");
  number(w, "Params", "%u", count);
  if (!sret)
    return;
  say(w, ", ");
  part(w, "StructRet", "sret", NULL);
}

/* " at PLACE" */
static void at(EscWords *w, LLVMMetadataRef place) {
  say(w, " at ");
  part(w, "At", NULL, place);
}

void esc_say_path_line(EscWords *w, const char *line, LLVMMetadataRef place) {
  start(w, "EscapeFlow", ESC_REMARK_ANALYSIS);
  part(w, "Flow", line, NULL);
  if (place)
    at(w, place);
}

void esc_say_inlined(EscWords *w, const char *function, LLVMMetadataRef place) {
  start(w, "EscapeInlined", ESC_REMARK_ANALYSIS);
  say(w, "  inlined: ");
  part(w, "Callee", function, NULL);
  at(w, place);
}

void esc_say_private_copy(EscWords *w, const char *function, LLVMMetadataRef place) {
  start(w, "EscapePrivateCopy", ESC_REMARK_ANALYSIS);
  say(w, "  calls a private copy of ");
  part(w, "Callee", function, NULL);
  if (place)
    at(w, place);
}

LLVMMetadataRef esc_source_place(LLVMValueRef inst) {
  LLVMMetadataRef place = inst ? LLVMInstructionGetDebugLoc(inst) : NULL;
  return place && LLVMDILocationGetLine(place) ? place : NULL;
}
