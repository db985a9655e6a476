/* Included by one.c and two.c: box's allocation is judged in each caller it
 * is inlined into, with a different verdict in each. */
#include <stdlib.h>

__attribute__((noinline)) static int sum2(const int *v) { return v[0] + v[1]; }

static inline int *box(int x) {
  int *p = malloc(2 * sizeof *p);
  p[0] = x;
  p[1] = x + 1;
  return p;
}
