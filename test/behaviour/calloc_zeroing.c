// RUN: %difftest %s
// EXPECT-PROMOTED: 1
//
// calloc must hand out zeroed memory every time. The loop dirties the buffer
// and then callocs it again: once promoted to one stack slot, the zeroing
// must happen in every iteration, not once at function entry.
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int count_nonzero(const int *v, int n) {
  int c = 0;
  for (int i = 0; i < n; i++)
    c += v[i] != 0;
  return c;
}

__attribute__((noinline)) static void dirty(int *v, int n, int seed) {
  for (int i = 0; i < n; i++)
    v[i] = seed + i + 1;
}

int main(void) {
  int nonzero_before = 0, nonzero_after = 0;
  for (int it = 0; it < 1000; it++) {
    int *v = calloc(16, sizeof(int));
    if (!v)
      return 1;
    nonzero_before += count_nonzero(v, 16); /* must be 0 every time */
    dirty(v, 16, it);
    nonzero_after += count_nonzero(v, 16);
    free(v);
  }
  printf("nonzero before %d after %d\n", nonzero_before, nonzero_after);
  return nonzero_before != 0;
}
