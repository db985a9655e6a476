// RUN: %difftest %s
// EXPECT-PROMOTED: 3
//
// Things the pass must not break: memcpy and memmove between heap objects,
// null checks right after malloc (a stack object is never null), two or
// three objects alive at once in one loop body (they must not share a stack
// slot), and pointer comparisons made at run time by a helper: two live
// objects are never equal, a pointer equals itself, a pointer into an object
// is not another object.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void fill(unsigned char *p, int n, int seed) {
  for (int i = 0; i < n; i++)
    p[i] = (unsigned char)(seed + 3 * i);
}

__attribute__((noinline)) static unsigned hash(const unsigned char *p, int n) {
  unsigned h = 2166136261u;
  for (int i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

__attribute__((noinline)) static int same(const void *a, const void *b) { return a == b; }

__attribute__((noinline)) static unsigned copies(int k, int *nulls) {
  unsigned char *a = malloc(96);
  unsigned char *b = malloc(96);
  unsigned char *c = malloc(48);
  if (!a || !b || !c) {
    ++*nulls;
    free(a);
    free(b);
    free(c);
    return 0;
  }
  fill(a, 96, k);
  fill(b, 96, k + 1);
  memcpy(c, a + 16, 48);
  memmove(a + 1, a, 64);
  unsigned h = hash(a, 96) ^ hash(b, 96) ^ hash(c, 48);
  memcpy(b, c, 48);
  h += hash(b, 96);
  free(c);
  free(b);
  free(a);
  return h;
}

__attribute__((noinline)) static int compares(int k) {
  char *a = malloc(32);
  char *b = malloc(32);
  char *p = (k & 1) ? a : b;
  fill((unsigned char *)a, 32, k);
  fill((unsigned char *)b, 32, k);
  int r = same(a, b) * 100      /* never */
          + same(p, a) * 10     /* on odd k */
          + same(a + 16, b)     /* never */
          + same(b, b) * 1000;  /* always */
  r += (p == a) * 10000;        /* on odd k */
  free(b);
  free(a);
  return r;
}

int main(void) {
  unsigned total = 0;
  int nulls = 0;
  long cmp = 0;
  for (int k = 0; k < 20000; k++) {
    total += copies(k, &nulls);
    cmp += compares(k);
  }
  printf("total %u compares %ld nulls %d\n", total, cmp, nulls);
  return 0;
}
