// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
//
// Deep recursion: 20,000 levels, each mallocing 2,000 bytes that stay live
// across the recursive call, under an 8 MiB stack. On the heap that is 40 MB;
// moved to the stack it would be 40 MB of frames and overflow. The pass must
// keep the stack budget of a recursive function small.
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void fill(unsigned char *p, unsigned n, unsigned d) {
  for (unsigned i = 0; i < n; i += 97)
    p[i] = (unsigned char)(d + i);
}

__attribute__((noinline)) static unsigned dive(unsigned depth) {
  unsigned char *p = malloc(2000);
  fill(p, 2000, depth);
  unsigned below = depth ? dive(depth - 1) : 0;
  unsigned r = below * 7u + p[97 * (depth % 20)] + p[1999 - 1999 % 97];
  free(p);
  return r;
}

int main(void) {
  printf("r %u\n", dive(20000));
  return 0;
}
