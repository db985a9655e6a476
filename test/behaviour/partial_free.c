// RUN: %difftest %s
// EXPECT-PROMOTED: 2
// DIFFTEST-ALLOW-LEAKS
//
// free() on some paths only; the object leaks on the others. A promoted
// object simply dies with the frame on every path; a pass that gets the
// paths wrong may leave a free() of a stack address behind, which crashes
// (or is caught by ASan as a bad free).
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int work(int *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    p[i] = i * n;
    s += p[i] ^ i;
  }
  return s;
}

__attribute__((noinline)) static int sometimes_free(int k) {
  int *p = malloc(16 * sizeof(int));
  int r = work(p, 16);
  if (k % 7 == 0)
    return r; /* leaks */
  if (k % 3 == 0) {
    free(p);
    return r + 1;
  }
  r += work(p, 8);
  if (k % 5 != 0)
    free(p);
  return r; /* leaks when k % 5 == 0 */
}

/* Freed on one side of a diamond, leaked on the other, then a merge. */
__attribute__((noinline)) static int diamond(int k) {
  char *p = malloc(40);
  for (int i = 0; i < 40; i++)
    p[i] = (char)(k + i);
  int r;
  if (k & 1) {
    r = p[3] + p[39];
    free(p);
  } else {
    r = p[5];
  }
  return r * 2;
}

int main(void) {
  long total = 0;
  for (int k = 0; k < 3000; k++)
    total += sometimes_free(k) + diamond(k);
  printf("total %ld\n", total);
  return 0;
}
