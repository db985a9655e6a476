// RUN: %difftest %s
//
// The many shapes of free(): through a pointer moved forward and back
// again, through a cast to another type, through a copy stored in and
// loaded from a local array, through `free` held in a function pointer, of
// a pointer that is malloc'ed or NULL (a select), and guarded by `if (p)`.
// Whatever the pass promotes, no free() may ever see a stack address and no
// heap object may lose its free.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned use(unsigned char *p, int n, int k) {
  unsigned h = 0;
  for (int i = 0; i < n; i++) {
    p[i] = (unsigned char)(i ^ k);
    h = h * 33u + p[i];
  }
  return h;
}

__attribute__((noinline)) static unsigned round_trip(int k) {
  unsigned char *p = malloc(64);
  unsigned char *q = p + 8;
  unsigned h = use(q, 56, k);
  free(q - 8);
  return h;
}

struct item {
  int a, b;
};

__attribute__((noinline)) static unsigned other_type(int k) {
  struct item *it = malloc(4 * sizeof *it);
  unsigned h = use((unsigned char *)it, 4 * (int)sizeof *it, k);
  it[2].a += k;
  h += (unsigned)it[2].a;
  free((void *)it);
  return h;
}

__attribute__((noinline)) static unsigned stored_copy(int k) {
  void *slots[3];
  for (int i = 0; i < 3; i++)
    slots[i] = malloc(24);
  unsigned h = 0;
  for (int i = 0; i < 3; i++)
    h += use(slots[i], 24, k + i);
  for (int i = 2; i >= 0; i--)
    free(slots[(i + k) % 3]);
  return h;
}

static void (*volatile releaser)(void *) = free;

__attribute__((noinline)) static unsigned through_pointer(int k) {
  void (*release)(void *) = free;
  unsigned char *a = malloc(32), *b = malloc(32);
  unsigned h = use(a, 32, k) + use(b, 32, k + 1);
  release(a);
  releaser(b);
  return h;
}

__attribute__((noinline)) static unsigned maybe_null(int k) {
  unsigned char *p = (k % 3) ? malloc(40) : NULL;
  unsigned h = p ? use(p, 40, k) : 7u;
  free(p);
  unsigned char *q = NULL;
  if (k & 1)
    q = malloc(40);
  if (q) {
    h += use(q, 40, k);
    free(q);
  }
  return h;
}

int main(void) {
  unsigned total = 0;
  for (int k = 0; k < 5000; k++)
    total += round_trip(k) ^ other_type(k) ^ stored_copy(k) ^ through_pointer(k) ^ maybe_null(k);
  printf("total %u\n", total);
  return 0;
}
