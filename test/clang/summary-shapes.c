// Issue 12, item 4: what a helper does with pointers it reaches through a
// struct or merges with a select, said by its summary; each "does not
// escape" has its counterpart that keeps the pointer and stays on the heap
// (behaviour/summary_shapes.c runs both).
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s

#include <stdlib.h>
#include <string.h>

struct pair {
  const int *a, *b;
  int n;
};

const int *kept;

// Reads through the struct's pointer fields, keeps nothing.
__attribute__((noinline)) long sum_pair(const struct pair *p) { // expected-remark {{p does not escape}}
  long s = 0;
  for (int i = 0; i < p->n; i++)
    s += p->a[i] * 3 + p->b[i];
  return s;
}

// Keeps the first field.
__attribute__((noinline)) long keep_first(const struct pair *p) { // expected-remark {{leaking param content: p}}
  kept = p->a;
  return p->n;
}

// Two parameters merged by a select, the one chosen returned.
__attribute__((noinline)) const int *pick(int c, const int *x, const int *y) { // expected-remark {{leaking param: x to result ~r0 level=0}} expected-remark {{leaking param: y to result ~r0 level=0}}
  return c ? x : y;
}

// The same select, kept.
__attribute__((noinline)) void keep_pick(int c, const int *x, const int *y) { // expected-remark {{leaking param: x}} expected-remark {{leaking param: y}}
  kept = c ? x : y;
}

long pair_of_buffers(int v) {
  int *a = malloc(16 * sizeof *a); // expected-remark {{moved to stack: malloc(64)}}
  int *b = malloc(16 * sizeof *b); // expected-remark {{moved to stack: malloc(64)}}
  for (int i = 0; i < 16; i++)
    a[i] = b[i] = v + i;
  struct pair p = {a, b, 16};
  long s = sum_pair(&p);
  free(a);
  free(b);
  return s;
}

// The fields' objects share one class below p: b leaves with a.
long pair_kept(int v) {
  int *a = malloc(16 * sizeof *a); // expected-remark {{malloc(64) escapes to heap: reachable from an argument of keep_first}}
  int *b = malloc(16 * sizeof *b); // expected-remark {{malloc(64) escapes to heap: reachable from an argument of keep_first}}
  memset(a, v, 64);
  memset(b, v, 64);
  struct pair p = {a, b, 16};
  return keep_first(&p) + b[3];
}

int picked(int c) {
  int *x = malloc(8 * sizeof *x); // expected-remark {{moved to stack: malloc(32)}}
  int *y = malloc(8 * sizeof *y); // expected-remark {{moved to stack: malloc(32)}}
  memset(x, 1, 32);
  memset(y, 2, 32);
  int r = pick(c, x, y)[5];
  free(x);
  free(y);
  return r;
}

void picked_kept(int c) {
  int *x = malloc(8 * sizeof *x); // expected-remark {{malloc(32) escapes to heap: passed to keep_pick}}
  int *y = malloc(8 * sizeof *y); // expected-remark {{malloc(32) escapes to heap: passed to keep_pick}}
  memset(x, 1, 32);
  memset(y, 2, 32);
  keep_pick(c, x, y);
}
