/* bench.h: one source, two allocation strategies.
 *
 * Each program in bench/programs allocates its short-lived objects through
 * these macros. Built normally they are malloc/calloc/free (the code the pass
 * is meant to improve); built with -DSTACK they are local arrays and
 * variables: the hand-written stack version of the very same code, the limit
 * of what moving heap objects to the stack can gain.
 *
 * Every program takes an iteration count as argv[1] (a default otherwise) and
 * prints a checksum, so that the builds can be compared for equal output.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef STACK
#define TEMP_ARRAY(T, name, n) T name##_storage_[n]; T *name = name##_storage_
#define TEMP_ZEROED(T, name, n) T name##_storage_[n]; T *name = name##_storage_; memset(name, 0, sizeof(T) * (n))
#define TEMP_OBJECT(T, name) T name##_storage_; T *name = &name##_storage_
#define TEMP_FREE(name) ((void)0)
#else
#define TEMP_ARRAY(T, name, n) T *name = malloc(sizeof(T) * (n)); if (!name) abort()
#define TEMP_ZEROED(T, name, n) T *name = calloc((n), sizeof(T)); if (!name) abort()
#define TEMP_OBJECT(T, name) T *name = malloc(sizeof(T)); if (!name) abort()
#define TEMP_FREE(name) free(name)
#endif

#define NOINLINE __attribute__((noinline))

static inline long bench_iterations(int argc, char **argv, long dflt) {
  if (argc > 1) {
    char *end;
    long n = strtol(argv[1], &end, 10);
    if (*end == 0 && n > 0)
      return n;
  }
  return dflt;
}

#endif
