// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
//
// Deep recursion with smaller objects: 20,000 levels of 512 bytes each, live
// across the recursive call, under an 8 MiB stack, once through a function
// that calls itself and once through two functions that call each other.
// 512 bytes is well inside the size limit for a single object, so only the
// budget for recursive functions keeps these on the heap; promoted, they
// need 10 MB of stack.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned use(unsigned *p, unsigned d) {
  for (unsigned i = 0; i < 128; i += 9)
    p[i] = d * i;
  return p[d % 128 / 9 * 9];
}

__attribute__((noinline)) static unsigned self(unsigned depth) {
  unsigned *p = malloc(512);
  memset(p, 0, 512);
  unsigned v = use(p, depth);
  unsigned below = depth ? self(depth - 1) : 0;
  unsigned r = below * 5u + v + p[27];
  free(p);
  return r;
}

/* Recursion through a pair of functions: a cycle in the call graph. */
static unsigned odd(unsigned depth);

__attribute__((noinline)) static unsigned even(unsigned depth) {
  unsigned *p = malloc(512);
  memset(p, 0, 512);
  unsigned v = use(p, depth);
  unsigned below = depth ? odd(depth - 1) : 0;
  unsigned r = (below ^ v) + p[9];
  free(p);
  return r;
}

__attribute__((noinline)) static unsigned odd(unsigned depth) {
  unsigned *p = malloc(512);
  memset(p, 0, 512);
  unsigned v = use(p, depth + 1);
  unsigned below = depth ? even(depth - 1) : 0;
  unsigned r = (below + v) * 3u + p[18];
  free(p);
  return r;
}

int main(void) {
  printf("self %u\n", self(20000));
  printf("pair %u\n", even(20000));
  return 0;
}
