// RUN: %difftest %s
// EXPECT-PROMOTED: 3
// DIFFTEST-ARGS: 40 3
//
// Sizes at the edges of the rules: a size that is only known at run time
// (from argv) and calloc with a run-time count (both take the stack after a
// run-time test, run_time_sizes.c), an object too large for the stack,
// malloc(0), and a size computed from a constant that the optimizer can fold.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned sum(const unsigned char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 131u + p[i];
  return s;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)atoi(argv[1]) : 40;
  size_t m = argc > 2 ? (size_t)atoi(argv[2]) : 3;
  unsigned total = 0;
  for (int k = 0; k < 200; k++) {
    unsigned char *var = malloc(n);            /* size known at run time */
    unsigned char *big = malloc(1 << 20);      /* too large */
    unsigned char *cnt = calloc(m, 100);       /* count known at run time */
    unsigned char *zero = malloc(0);           /* may be NULL or unique */
    unsigned char *fold = malloc(sizeof(int) * 10 + 1);
    memset(var, k, n);
    memset(big + k * 4096, k + 1, 4096);
    big[0] = (unsigned char)k;
    big[(1 << 20) - 1] = 9;
    memset(fold, 7, 41);
    total += sum(var, n) + sum(big + k * 4096, 4096) + sum(cnt, m * 100) + sum(fold, 41);
    total += big[0] + big[(1 << 20) - 1];
    free(zero);
    free(fold);
    free(cnt);
    free(big);
    free(var);
  }
  printf("total %u\n", total);
  return 0;
}
