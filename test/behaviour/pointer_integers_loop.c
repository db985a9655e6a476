// RUN: %difftest %s
// DIFFTEST-ALLOW-LEAKS
// EXPECT-PROMOTED: 1
//
// Rule "an address that stays an integer", in a loop: each iteration makes
// an object that is never freed and compares its address with the previous
// iteration's. On the heap the live objects' addresses all differ; in one
// reused stack slot they would all be equal. The address counts as kept, so
// the slot takes one object at a time: the first, never freed, keeps it, and
// the others are the heap's (ptrtoint.ll, in_loop).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int equal_neighbours(int n) {
  uintptr_t last = 0;
  int same = 0;
  for (int i = 0; i < n; i++) {
    volatile char *p = malloc(16);
    p[0] = (char)i;
    uintptr_t a = (uintptr_t)p;
    same += a == last;
    last = a;
  }
  return same;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("equal neighbours: %d\n", equal_neighbours(50 + argc));
  return 0;
}
