/* escape: what a function does with the pointers it is given.
 *
 * The interprocedural half of the analysis. A summary is computed for each
 * function the module defines (bottom-up over the call graph, so callees come
 * first) and kept by the host; a model of the C library supplies summaries
 * for declarations LLVM's attributes describe too coarsely. A call site uses
 * the callee's summary instead of its attributes.
 *
 * Per pointer parameter, in Go's terms (Go's `leaks` encoding, coarsened to
 * two dereference levels: the pointer, and everything reachable from it):
 *   ESC_PARAM_ESCAPES          the pointer may outlive the call ("leaking param: p")
 *   ESC_PARAM_RETURNED         it may be the return value ("leaking param: p to result")
 *   ESC_PARAM_FREES            the callee may free it
 *   ESC_PARAM_CONTENT_ESCAPES  pointers reachable from it may outlive the call
 *                              ("leaking param content: p")
 *   ESC_PARAM_CONTENT_WRITTEN  the callee may store pointers, or data over
 *                              pointers, into what it points to
 *   ESC_PARAM_READS_DATA       the callee reads the object's bytes as data,
 *   ESC_PARAM_WRITES_DATA      or writes data into them, at places it cannot
 *                              name (`read_words` and `written_words` name
 *                              the others): harmless for a buffer of chars,
 *                              not where the caller keeps pointers (the
 *                              caller judges that by offset)
 *   ESC_PARAM_CONTENT_READS_DATA, ESC_PARAM_CONTENT_WRITES_DATA
 *                              the same, one dereference down
 *   ESC_PARAM_ADDRESS_KEPT     the callee may keep the address, not the object
 *   ESC_PARAM_ADDRESS_EXPOSED  ...as an integer it made with ptrtoint (and kept
 *                              an integer): no capture attribute may say less
 * A parameter with none of these "does not escape". `stored_into` names a
 * parameter whose pointee receives this pointer (strtol's nptr into
 * *endptr), -1 for none. */
#ifndef ESCAPE_SUMMARY_H
#define ESCAPE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  ESC_PARAM_ESCAPES = 1 << 0,
  ESC_PARAM_RETURNED = 1 << 1,
  ESC_PARAM_FREES = 1 << 2,
  ESC_PARAM_CONTENT_ESCAPES = 1 << 3,
  ESC_PARAM_CONTENT_WRITTEN = 1 << 4,
  ESC_PARAM_READS_DATA = 1 << 5,
  ESC_PARAM_WRITES_DATA = 1 << 6,
  ESC_PARAM_ADDRESS_KEPT = 1 << 7,
  ESC_PARAM_CONTENT_READS_DATA = 1 << 8,
  ESC_PARAM_CONTENT_WRITES_DATA = 1 << 9,
  ESC_PARAM_ADDRESS_EXPOSED = 1 << 10,
  /* What is assumed of a pointer the summary does not follow (a variadic
   * argument, a pointer inside an aggregate passed by value, a parameter
   * whose pointee chain is too long): it escapes, and so does everything
   * reachable from it, which may be written and whose bytes may be read and
   * written. */
  ESC_PARAM_ALL_ESCAPES = ESC_PARAM_ESCAPES | ESC_PARAM_CONTENT_ESCAPES |
                          ESC_PARAM_CONTENT_WRITTEN | ESC_PARAM_READS_DATA |
                          ESC_PARAM_WRITES_DATA,
};

#define ESC_MAX_SUMMARY_PARAMS 16

/* The data the callee reads and writes in the parameter's own object at
 * places it can name: bit k of `read_words` (`written_words`) says it may
 * read (write) bytes [8k, 8k + 8) counted from where the pointer points, as
 * data. Everything else it reads or writes as data is ESC_PARAM_READS_DATA
 * (ESC_PARAM_WRITES_DATA): anywhere in the object. A summary with words but
 * without those flags touches no other byte as data. */
typedef struct EscParamSummary {
  uint16_t flags;
  int8_t stored_into;
  /* With ESC_PARAM_CONTENT_ESCAPES: how many dereferences below the
   * parameter's pointee the escaping starts; 0, the pointee itself (what
   * everything but summarize.c says). A helper that keeps ctx->buf but may
   * leak what the buffer holds has 1. */
  uint8_t content_escapes_below;
  uint64_t read_words, written_words;
} EscParamSummary;

typedef struct EscSummary {
  unsigned param_count; /* parameters beyond ESC_MAX_SUMMARY_PARAMS: no summary */
  EscParamSummary params[ESC_MAX_SUMMARY_PARAMS];
  EscParamSummary varargs; /* what happens to each variadic argument */
  /* A caller may rely on this summary only where it calls the function's
   * private copy (esc_host_private_copy, host.h): the body analysed here may
   * not be the one the program runs (linkonce_odr, weak_odr and
   * available_externally definitions: another translation unit's body of the
   * same source, compiled and refined differently, may be linked in its
   * place), or what it does with its parameters rests on a callee's summary
   * of that kind. */
  bool through_copy;
} EscSummary;

#ifdef __cplusplus
}
#endif

#endif
