// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// realloc: a buffer grown step by step (its old address dies at each step;
// it grows in its slot and moves to the heap past 256 bytes), realloc to a
// smaller size, realloc(NULL, n) acting as malloc, and a buffer malloc'ed
// with a constant size and then realloc'ed (grown in its slot: realloc.ll,
// realloc_in_slot.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long grow(int steps) {
  size_t cap = 4, len = 0;
  int *v = malloc(cap * sizeof(int));
  for (int i = 0; i < steps; i++) {
    if (len == cap) {
      cap *= 2;
      int *nv = realloc(v, cap * sizeof(int));
      if (!nv) {
        free(v);
        return -1;
      }
      v = nv;
    }
    v[len++] = i * i;
  }
  v = realloc(v, len * sizeof(int)); /* shrink */
  long s = 0;
  for (size_t i = 0; i < len; i++)
    s += v[i] % 1000;
  free(v);
  return s;
}

__attribute__((noinline)) static int from_null(int k) {
  char *p = realloc(NULL, 24);
  snprintf(p, 24, "k=%d", k);
  int n = (int)strlen(p);
  p = realloc(p, 48);
  strcat(p, "-more");
  n += (int)strlen(p);
  free(p);
  return n;
}

__attribute__((noinline)) static int const_then_realloc(int k) {
  char *p = malloc(16);
  memset(p, 'x', 15);
  p[15] = 0;
  if (k & 1) {
    p = realloc(p, 64);
    memset(p + 15, 'y', 48);
    p[63] = 0;
  }
  int n = (int)strlen(p);
  free(p);
  return n;
}

int main(void) {
  long total = 0;
  for (int k = 0; k < 500; k++)
    total += grow(100 + k) + from_null(k) + const_then_realloc(k);
  printf("total %ld\n", total);
  return 0;
}
