// RUN: %difftest %s
//
// qsort on a heap array with a comparator: the array goes to a library
// function that calls back into the program, and the comparator receives
// pointers into it.
#include <stdio.h>
#include <stdlib.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

struct rec {
  int key;
  char tag;
};

static int cmp_rec(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->tag - y->tag;
}

__attribute__((noinline)) static long sorted_sum(unsigned seed) {
  int *v = malloc(50 * sizeof(int));
  for (int i = 0; i < 50; i++) {
    seed = seed * 1103515245u + 12345u;
    v[i] = (int)(seed >> 16) % 1000;
  }
  qsort(v, 50, sizeof(int), cmp_int);
  long s = 0;
  for (int i = 0; i < 50; i++)
    s += (long)v[i] * (i + 1);
  for (int i = 1; i < 50; i++)
    if (v[i - 1] > v[i])
      s = -1;
  free(v);
  return s;
}

__attribute__((noinline)) static long sorted_recs(unsigned seed) {
  struct rec *r = calloc(20, sizeof *r);
  for (int i = 0; i < 20; i++) {
    seed = seed * 69069u + 1u;
    r[i].key = (int)(seed >> 20) % 7;
    r[i].tag = (char)('a' + i);
  }
  qsort(r, 20, sizeof *r, cmp_rec);
  long s = 0;
  for (int i = 0; i < 20; i++)
    s = s * 3 + r[i].key * 26 + (r[i].tag - 'a');
  free(r);
  return s;
}

int main(void) {
  long total = 0;
  for (unsigned k = 0; k < 1000; k++)
    total += sorted_sum(k) ^ sorted_recs(k);
  printf("total %ld\n", total);
  return 0;
}
