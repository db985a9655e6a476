// Words for allocations in loops, without IR names (clang discards them) and
// without variables (line tables only): `p = xrealloc(p, n)` makes the
// allocation its own argument's argument through the loop's phi, and the
// words of its arguments must end (pass/names.c, IN_ALLOCATION). A plugin
// that restarts the words at every allocation it meets recurses until the
// stack runs out and crashes clang (diffutils' dir.c and io.c did).
// RUN: %clang -O2 -gline-tables-only -w -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
#include <stddef.h>
#include <stdlib.h>

void *xrealloc(void *p, size_t n) __attribute__((alloc_size(2)));
char *grow_wrapped(char *p, size_t n) { // expected-remark {{leaking param: %0}}
  for (size_t i = 0; i < n; i++)
    p = xrealloc(p, i + 16); // expected-remark {{xrealloc(xrealloc(..., ... + 16) or %0, ... + 1 + 16) escapes to heap: allocated inside xrealloc, whose body is not here}}
  return p;
}

char *grow(char *p, size_t n) { // expected-remark {{leaking param: %0 (freed)}} expected-remark {{leaking param: %0 to result ~r0 level=0}}
  for (size_t i = 0; i < n; i++) {
    char *q = realloc(p, i + 16);
    if (!q)
      break;
    p = q;
  }
  return p;
}

char *grow_sized(size_t n) {
  char *p = malloc(16); // expected-remark {{moved to stack: malloc(16) (to the heap when returned)}}
  for (size_t i = 0; p && i < n; i++)
    p = realloc(p, (size_t)p[0] + i);
  return p;
}
