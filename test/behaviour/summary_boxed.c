// RUN: %difftest %s
// DIFFTEST-ALLOW-LEAKS
//
// A helper that stores its parameter into a new object it returns: the
// parameter leaks through the result, so the caller's string must stay on
// the heap (a summary bug once printed garbage here).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) void **box(void *p) {
  void **b = malloc(sizeof *b);
  *b = p;
  return b;
}
__attribute__((noinline)) void **make(void) {
  char *s = malloc(16);
  strcpy(s, "hello");
  return box(s);
}
__attribute__((noinline)) void clobber(void) {
  volatile char junk[256];
  for (int i = 0; i < 256; i++) junk[i] = 'X';
}
int main(void) {
  void **b = make();
  clobber();
  printf("%.5s\n", (char *)*b);
  return 0;
}
