// RUN: %difftest %s
// EXPECT-PROMOTED: 6
//
// Aliasing through selects and phis: `p = c ? a : b`, a pointer chosen in a
// loop-free diamond, and free() through the merged pointer on some paths and
// through the original names on others. Whatever the pass decides, every
// object must be freed exactly once and read back what was written to it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void put(char *p, char c) { memset(p, c, 32); }

__attribute__((noinline)) static int get(const char *p) {
  int s = 0;
  for (int i = 0; i < 32; i++)
    s += p[i];
  return s;
}

/* select: free the chosen one through p, the other through its own name. */
__attribute__((noinline)) static int via_select(int c) {
  char *a = malloc(32), *b = malloc(32);
  put(a, 'a');
  put(b, 'b');
  char *p = c ? a : b;
  put(p, 'p');
  int r = get(a) * 3 + get(b);
  free(p);
  if (c)
    free(b);
  else
    free(a);
  return r;
}

/* phi: the pointer is chosen on two branches and merged. */
__attribute__((noinline)) static int via_phi(int c) {
  char *a = malloc(32), *b = malloc(32);
  char *p;
  if (c & 1) {
    put(a, 1);
    p = a;
  } else {
    put(b, 2);
    p = b;
  }
  put(c & 1 ? b : a, 7);
  int r = get(p) + 10 * get(c & 1 ? b : a);
  if (c & 2) {
    free(p);
    free(p == a ? b : a);
  } else {
    free(a);
    free(b);
  }
  return r;
}

/* A phi that keeps one of two objects past the free of the other. */
__attribute__((noinline)) static int keep_one(int c) {
  char *a = malloc(32), *b = malloc(32);
  put(a, 3);
  put(b, 4);
  char *keep = a;
  if (c) {
    free(a);
    keep = b;
  } else {
    free(b);
  }
  int r = get(keep);
  free(keep);
  return r;
}

int main(void) {
  long total = 0;
  for (int i = 0; i < 1000; i++)
    total += via_select(i & 1) + via_phi(i % 4) + keep_one(i % 3 == 0);
  printf("total %ld\n", total);
  return 0;
}
