// RUN: %difftest %s
//
// setjmp/longjmp in functions that malloc. After a longjmp back into a
// function, its objects must still hold what was stored before the jump;
// frees on the normal and the jump path must both still happen.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;

__attribute__((noinline)) static void maybe_jump(int *p, int k) {
  p[0] += k;
  if (k % 3 == 0)
    longjmp(env, k + 1);
}

__attribute__((noinline)) static int guarded(int k) {
  int *volatile p = malloc(8 * sizeof(int));
  memset(p, 0, 8 * sizeof(int));
  p[1] = 100;
  int r;
  int j = setjmp(env);
  if (j == 0) {
    maybe_jump(p, k);
    r = p[0] + p[1];
  } else {
    r = -j + p[0] + p[1]; /* p[0] was updated before the jump */
  }
  free(p);
  return r;
}

/* The jump skips a frame that holds a buffer; that frame frees nothing. */
__attribute__((noinline)) static int inner(int k) {
  char *buf = malloc(16);
  memset(buf, k, 16);
  int v = buf[3];
  free(buf);
  if (k % 4 == 1)
    longjmp(env, 7);
  return v;
}

__attribute__((noinline)) static int outer(int k) {
  char *mine = malloc(24);
  memset(mine, 1, 24);
  int r;
  if (setjmp(env) == 0)
    r = inner(k);
  else
    r = -7;
  r += mine[5];
  free(mine);
  return r;
}

int main(void) {
  long total = 0;
  for (int k = 0; k < 3000; k++)
    total += guarded(k) * 3 + outer(k);
  printf("total %ld\n", total);
  return 0;
}
