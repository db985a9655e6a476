// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
// EXPECT-PROMOTED: 1
//
// Ten million iterations that each malloc and free 64 bytes, run under an
// 8 MiB stack. A promotion that puts a fresh alloca in the loop body (as the
// Attributor does) grows the stack by 64 bytes per iteration, 640 MB in all,
// and crashes; the promoted object must reuse one stack slot.
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static unsigned touch(unsigned *p, unsigned i) {
  p[i % 16] = i;
  p[(i + 5) % 16] = i * 3u;
  return p[i % 16] + p[(i + 5) % 16];
}

int main(void) {
  unsigned acc = 0;
  for (unsigned i = 0; i < 10000000; i++) {
    unsigned *p = malloc(64);
    acc += touch(p, i);
    free(p);
  }
  printf("acc %u\n", acc);
  return 0;
}
