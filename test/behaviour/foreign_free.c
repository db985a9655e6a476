// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// A free() through a pointer that is either the function's own allocation or
// a heap object that came from the caller. If the pass promotes the local
// one it must guard this free: skip it for the stack object, still free the
// caller's object. ASan's leak check and double-free check both watch it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned mix(unsigned char *p, unsigned n, unsigned seed) {
  unsigned h = seed;
  for (unsigned i = 0; i < n; i++) {
    p[i] = (unsigned char)(p[i] + h);
    h = h * 16777619u ^ p[i];
  }
  return h;
}

/* Takes ownership of `theirs`. Frees exactly one of the two objects through
 * `p`, and the other one through its own name. */
__attribute__((noinline)) static unsigned consume(unsigned char *theirs, int use_own) {
  unsigned char *own = malloc(48);
  memset(own, 1, 48);
  unsigned char *p = use_own ? own : theirs;
  unsigned h = mix(p, 48, (unsigned)use_own);
  free(p);
  if (use_own)
    free(theirs);
  else
    free(own);
  return h;
}

/* Same, with the choice made by a phi and the free on a path of its own. */
__attribute__((noinline)) static unsigned consume_phi(unsigned char *theirs, unsigned k) {
  unsigned char *own = malloc(48);
  memset(own, 2, 48);
  unsigned char *p = theirs;
  if (k % 3 == 0)
    p = own;
  unsigned h = mix(p, 48, k);
  if (k & 1) {
    free(p);
    free(p == own ? theirs : own);
  } else {
    free(own);
    free(theirs);
  }
  return h;
}

int main(void) {
  unsigned total = 0;
  for (unsigned k = 0; k < 4000; k++) {
    unsigned char *a = malloc(48);
    memset(a, 3, 48);
    total += consume(a, (int)(k & 1));
    unsigned char *b = malloc(48);
    memset(b, 4, 48);
    total ^= consume_phi(b, k);
  }
  printf("total %u\n", total);
  return 0;
}
