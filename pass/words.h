/* words: everything the pass says about its verdicts, in one place.
 *
 * A verdict is said in layers: its reason, from the table in words.c (one
 * row per EscReason: the verdict's words, and Go's word where a -m=2 path
 * ends); the frame around it ("moved to stack: X", "X escapes to heap: R");
 * the lines that explain it at -m=2 ("  flow: DST = SRC:", "    from S (R)",
 * " at PLACE"); and the facts tools read from the remark record. explain.c
 * and explain_path.c decide what to say and this file says it, down to the
 * messages the host emits as they are (host.h): words, some of which are
 * arguments of the record. */
#ifndef ESCAPE_WORDS_H
#define ESCAPE_WORDS_H

#include "escape/host.h"
#include "text.h"

#include <llvm-c/Types.h>

/* ---- Reasons ---- */

/* The verdict's words for `reason` ("returned", "passed to foo"); `detail`
 * is what it names, may be NULL. */
void esc_reason_text(EscText *t, EscReason reason, const char *detail);

/* What a verdict that compares a need with a limit adds: " (N > L bytes)". */
void esc_limit_text(EscText *t, uint64_t needed, uint64_t limit);

/* Go's word for `reason` where a path ends ("return", "call parameter"); the
 * verdict's words where Go has none. */
void esc_path_reason_text(EscText *t, EscReason reason, const char *detail);

/* Go's words for a store into memory parameter `param` points to, which
 * ends a path as ESC_STORED_UNKNOWN does: "assign to memory of param p". */
void esc_param_memory_text(EscText *t, const char *param);

/* Go's word for memory that is not the function's own ("global", "unknown
 * memory") when no store into it ends the path; the verdict's words for a
 * reason of another kind. */
void esc_foreign_memory_text(EscText *t, EscReason reason, const char *detail);

/* ---- Lines of a path (-m=2) ---- */

typedef enum EscPathWord {
  ESC_WORD_ASSIGN,      /* a store; a value given a name */
  ESC_WORD_INDIRECTION, /* a load */
  ESC_WORD_COPY,        /* an intrinsic's result (memcpy's) */
  ESC_WORD_CALL_RESULT, /* another call's result */
  ESC_WORD_RESULT,      /* where a flow ends: the function's result, "~r0" */
  ESC_WORD_HEAP,        /* where a flow ends: anywhere else outside, "{heap}" */
  ESC_WORD_CUT,         /* a path cut short: "..." */
} EscPathWord;

const char *esc_path_word(EscPathWord word);

/* "  flow: DST = SRC:" */
void esc_flow_text(EscText *t, const char *dst, const char *src);

/* "    from WHAT (WHY)" */
void esc_from_text(EscText *t, const char *what, const char *why);

/* What an allocation's address is before any variable holds it:
 * "&{storage for malloc(16)}". */
void esc_storage_text(EscText *t, const char *allocation);

/* ---- Messages, as the host emits them ---- */

/* A message being put into words, with room for the numbers among its
 * parts. Built in place by the functions below, each of which starts it
 * anew; its parts point into it and to the strings they were given, so it
 * must not be copied, and those strings must outlive its use. */
typedef struct EscWords {
  EscMessage message;
  char room[64]; /* a message has at most two numbers, of at most 20 digits */
  size_t used;
} EscWords;

/* When a promoted object is in its slot, as its remark says. */
typedef struct EscMovedWhen {
  bool run_time;      /* its size is known only at run time: "up to LIMIT bytes" */
  uint64_t limit;
  bool one_at_a_time; /* its slot takes one object at a time: "one at a time" */
  bool until_return;  /* it is copied to the heap at its returns */
} EscMovedWhen;

/* "moved to stack: ALLOCATION", then the conditions of `when`:
 * " (up to LIMIT bytes, one at a time, else heap)" with the ones that
 * apply, and " (to the heap when returned)", after a "; " when both. */
void esc_say_moved(EscWords *w, const char *allocation, const EscMovedWhen *when);

/* "ALLOCATION escapes to heap: REASON", the reason linked to `at`, the
 * place of the escape (may be NULL). */
void esc_say_escapes(EscWords *w, const char *allocation, const char *reason,
                     LLVMMetadataRef at);

/* What tools read about a site's verdict beyond its text. */
typedef struct EscSiteFacts {
  const char *allocator;      /* callee name: "malloc", "_Znwm" */
  int64_t size;               /* bytes, or -1 when not a constant */
  const char *detail;         /* callee, global or opcode the reason names; may be NULL */
  bool has_limit;             /* `limit` says something: the reason compares a need with
                                 it, or the size is known only at run time */
  uint64_t limit;
  LLVMMetadataRef escapes_at; /* where the escape happens; may be NULL */
  LLVMMetadataRef made_at;    /* where the call is, when its verdict is reported
                                 elsewhere (inlined); may be NULL */
} EscSiteFacts;

/* "allocator malloc, size 16, naming g, limit 256, escapes at a.c:4:3, made
 * at h.h:2:10", each item only when it applies. */
void esc_say_site_facts(EscWords *w, const EscSiteFacts *facts);

/* What a function does with a pointer parameter, in Go's words. */
typedef enum EscParamWords {
  ESC_SAY_LEAKS,           /* "leaking param: p" */
  ESC_SAY_LEAKS_FREED,     /* "leaking param: p (freed)" */
  ESC_SAY_LEAKS_TO_RESULT, /* "leaking param: p to result ~r0 level=0" */
  ESC_SAY_LEAKS_CONTENT,   /* "leaking param content: p" */
  ESC_SAY_STAYS,           /* "p does not escape" */
} EscParamWords;

void esc_say_param(EscWords *w, EscParamWords words, const char *param);

/* "parameter INDEX of COUNT", and ", sret" when the function returns a
 * struct through a parameter: what escape-cc needs to find the parameter in
 * the source (the IR counts `this` and the sret pointer). */
void esc_say_param_facts(EscWords *w, unsigned index, unsigned count, bool sret);

/* One line of a path (esc_flow_text, esc_from_text), and " at PLACE" when
 * `at` is not NULL. */
void esc_say_path_line(EscWords *w, const char *line, LLVMMetadataRef at);

/* "  inlined: FUNCTION at PLACE": a place of the site's inline chain. */
void esc_say_inlined(EscWords *w, const char *function, LLVMMetadataRef at);

/* "  calls a private copy of FUNCTION at PLACE": a call the promotion rests
 * on, which calls the body its summary was read from (rewrite.h). */
void esc_say_private_copy(EscWords *w, const char *function, LLVMMetadataRef at);

/* The place of `inst` in the source, for the messages above: NULL when it
 * has none, or is on line 0 (code the compiler made). */
LLVMMetadataRef esc_source_place(LLVMValueRef inst);

#endif
