// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
//
// Recursion the direct call graph does not show, under an 8 MiB stack: a
// function that calls itself through a function pointer (20,000 levels of
// 512 bytes), and a function that recurses through qsort, whose comparator
// calls back into it (2,000 levels of four 1,024-byte objects). Each object
// is live across the recursive call. Without the pass both fit easily (under
// 2 MiB of stack; under 8 MiB with ASan's bigger frames); with every level's
// objects moved to the stack they need 10 MiB and more, and the program dies
// of a stack overflow.
//
// The pass must see both as recursion (through code it cannot see: an
// indirect call, a library function that calls back) and give them the
// recursive budget.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned use(unsigned char *p, unsigned n, unsigned d) {
  p[d % n] = (unsigned char)d;
  return p[d % n] + p[0];
}

/* Self-recursion through a function pointer. */
typedef unsigned (*dive_fn)(unsigned);
static dive_fn volatile next;

__attribute__((noinline)) static unsigned dive(unsigned depth) {
  unsigned char *p = malloc(512);
  memset(p, 0, 512);
  unsigned v = use(p, 512, depth);
  unsigned below = depth ? next(depth - 1) : 0;
  unsigned r = below * 3u + v + p[1];
  free(p);
  return r;
}

/* Recursion through a library callback: level -> qsort -> cmp -> level. */
static unsigned levels_left, acc;
static int descend; /* one level per qsort, however often it compares */
static int cmp(const void *a, const void *b);

__attribute__((noinline)) static void level(void) {
  unsigned char *p = malloc(1024), *q = malloc(1024), *r = malloc(1024), *s = malloc(1024);
  memset(p, 0, 1024);
  memset(q, 1, 1024);
  memset(r, 2, 1024);
  memset(s, 3, 1024);
  acc += use(p, 1024, levels_left) + use(q, 1024, levels_left + 1);
  acc += use(r, 1024, levels_left + 2) + use(s, 1024, levels_left + 3);
  if (levels_left) {
    levels_left--;
    int two[2] = {2, 1};
    descend = 1;
    qsort(two, 2, sizeof(int), cmp);
  }
  acc = acc * 3u + p[1] + q[2] + r[3] + s[4];
  free(s);
  free(r);
  free(q);
  free(p);
}

static int cmp(const void *a, const void *b) {
  if (descend) {
    descend = 0;
    level();
  }
  return *(const int *)a - *(const int *)b;
}

int main(void) {
  next = dive;
  printf("dive %u\n", dive(20000));
  levels_left = 2000;
  level();
  printf("qsort %u\n", acc);
  return 0;
}
