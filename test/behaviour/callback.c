// RUN: %difftest %s
//
// The buffer is handed to a callback through a function pointer chosen at
// run time. An indirect call may capture its argument (one of the callbacks
// here stores it in a global and frees it later), so the buffer must stay
// on the heap unless the pass can prove otherwise.
#include <stdio.h>
#include <stdlib.h>

typedef int (*visit_fn)(int *buf, int n);

static int *saved;

static int sum_cb(int *buf, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += buf[i];
  return s;
}

static int square_cb(int *buf, int n) {
  for (int i = 0; i < n; i++)
    buf[i] *= buf[i];
  return buf[n - 1];
}

/* Captures the buffer: main frees it on the next round. */
static int keep_cb(int *buf, int n) {
  saved = buf;
  return n;
}

static visit_fn callbacks[3] = {sum_cb, square_cb, keep_cb};

__attribute__((noinline)) static int run(visit_fn f, int seed) {
  int *buf = malloc(10 * sizeof(int));
  for (int i = 0; i < 10; i++)
    buf[i] = seed + i;
  int r = f(buf, 10);
  if (saved != buf)
    free(buf);
  return r;
}

/* A direct call through a constant function pointer: may be resolved. */
__attribute__((noinline)) static int run_known(int seed) {
  visit_fn f = sum_cb;
  int *buf = malloc(10 * sizeof(int));
  for (int i = 0; i < 10; i++)
    buf[i] = seed * i;
  int r = f(buf, 10);
  free(buf);
  return r;
}

int main(void) {
  long total = 0;
  for (int k = 0; k < 3000; k++) {
    total += run(callbacks[k % 3], k) + run_known(k);
    if (saved) {
      total += saved[9];
      free(saved);
      saved = NULL;
    }
  }
  printf("total %ld\n", total);
  return 0;
}
