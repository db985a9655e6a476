// RUN: %difftest %s
// EXPECT-PROMOTED: 1
//
// Pointers stored into fields: of a local struct (the holder dies with the
// function, so the pointee may stay local), and of another heap object (the
// pointee lives as long as that object, which here is also freed locally),
// and of a heap object that is returned (the pointee must stay on the heap).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair {
  int *data;
  int len;
  struct pair *next;
};

__attribute__((noinline)) static int sum_pair(const struct pair *p) {
  int s = 0;
  for (int i = 0; i < p->len; i++)
    s += p->data[i] * (i + 1);
  return s;
}

__attribute__((noinline)) static void fill(int *d, int n, int seed) {
  for (int i = 0; i < n; i++)
    d[i] = seed ^ (i * 13);
}

/* Pointer kept in a local struct, read back through it. */
__attribute__((noinline)) static int local_holder(int seed) {
  struct pair pr;
  pr.data = malloc(8 * sizeof(int));
  pr.len = 8;
  pr.next = NULL;
  fill(pr.data, pr.len, seed);
  int r = sum_pair(&pr);
  free(pr.data);
  return r;
}

/* Pointer kept in a heap-allocated holder; both freed here. */
__attribute__((noinline)) static int heap_holder(int seed) {
  struct pair *h = malloc(sizeof *h);
  h->data = malloc(6 * sizeof(int));
  h->len = 6;
  h->next = NULL;
  fill(h->data, h->len, seed);
  int r = sum_pair(h);
  free(h->data);
  free(h);
  return r;
}

/* Holder returned to the caller: what it points to must outlive us. */
__attribute__((noinline)) static struct pair *make_pair(int seed) {
  struct pair *h = malloc(sizeof *h);
  h->data = malloc(4 * sizeof(int));
  h->len = 4;
  h->next = NULL;
  fill(h->data, h->len, seed);
  return h;
}

/* Chain of two holders, the inner one only reachable through the outer. */
__attribute__((noinline)) static int chained(int seed) {
  struct pair outer, *inner = malloc(sizeof *inner);
  int local[3];
  fill(local, 3, seed);
  inner->data = malloc(3 * sizeof(int));
  memcpy(inner->data, local, sizeof local);
  inner->len = 3;
  inner->next = NULL;
  outer.data = local;
  outer.len = 3;
  outer.next = inner;
  int r = sum_pair(&outer) - sum_pair(outer.next);
  free(outer.next->data);
  free(outer.next);
  return r;
}

int main(void) {
  long total = 0;
  for (int i = 0; i < 2000; i++) {
    struct pair *p = make_pair(i);
    int churn = local_holder(i + 1) + heap_holder(i + 2) + chained(i);
    total += churn + sum_pair(p);
    free(p->data);
    free(p);
  }
  printf("total %ld\n", total);
  return 0;
}
