// RUN: %difftest %s
// EXPECT-PROMOTED: 4
// DIFFTEST-ARGS: 3
//
// Issue 12, item 4 (clang/summary-shapes.c has the remarks): a helper that
// only reads through a struct's pointer fields leaves both buffers to its
// caller, and one that returns one of two parameters by a select leaves both
// to its caller's own use; those four move to the stack. Their counterparts
// keep a field's buffer, or the selected parameter, in a global that main
// reads after the function returned: a summary that missed the keeping
// would leave `kept` pointing into a dead frame, which the output and
// AddressSanitizer's use-after-return check see.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair {
  const int *a, *b;
  int n;
};

const int *kept_field, *kept_pick;

__attribute__((noinline)) static long sum_pair(const struct pair *p) {
  long s = 0;
  for (int i = 0; i < p->n; i++)
    s += p->a[i] * 3 + p->b[i];
  return s;
}

__attribute__((noinline)) static long keep_first(const struct pair *p) {
  kept_field = p->a;
  return p->n;
}

__attribute__((noinline)) static const int *pick(int c, const int *x, const int *y) {
  return c ? x : y;
}

__attribute__((noinline)) static void keep_pick(int c, const int *x, const int *y) {
  kept_pick = c ? x : y;
}

static int *filled(int n, int v) {
  int *p = malloc(n * sizeof *p);
  for (int i = 0; i < n; i++)
    p[i] = v + i;
  return p;
}

__attribute__((noinline)) static long pair_of_buffers(int v) {
  int *a = malloc(16 * sizeof *a);
  int *b = malloc(16 * sizeof *b);
  for (int i = 0; i < 16; i++)
    a[i] = b[i] = v + i;
  struct pair p = {a, b, 16};
  long s = sum_pair(&p);
  free(a);
  free(b);
  return s;
}

__attribute__((noinline)) static long pair_kept(int v) {
  int *a = filled(16, v);
  int *b = filled(16, 2 * v);
  struct pair p = {a, b, 16};
  long s = keep_first(&p) + b[3];
  free(b);
  return s;
}

__attribute__((noinline)) static int picked(int c) {
  int *x = malloc(8 * sizeof *x);
  int *y = malloc(8 * sizeof *y);
  for (int i = 0; i < 8; i++) {
    x[i] = i;
    y[i] = 10 * i;
  }
  int r = pick(c, x, y)[5];
  free(x);
  free(y);
  return r;
}

__attribute__((noinline)) static const int *picked_kept(int c) {
  int *x = filled(8, 100);
  int *y = filled(8, 200);
  keep_pick(c, x, y);
  return c ? y : x; /* the one not kept, for main to free */
}

/* Overwrites the frames the functions above used. */
__attribute__((noinline)) static int scribble(int seed) {
  volatile char noise[1024];
  for (int i = 0; i < 1024; i++)
    noise[i] = (char)(seed + i);
  return noise[seed & 1023];
}

int main(int argc, char **argv) {
  int v = argc > 1 ? atoi(argv[1]) : 1;
  long s = pair_of_buffers(v);
  long k = pair_kept(v);
  int r = picked(v & 1) + picked(!(v & 1));
  const int *other = picked_kept(v & 1);
  int t = scribble(v);
  printf("%ld %ld %d %d %d %d\n", s, k, r, kept_field[5], kept_pick[5], t);
  free((void *)kept_field);
  free((void *)kept_pick);
  free((void *)other);
  return 0;
}
