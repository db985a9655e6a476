// RUN: %difftest %s
//
// Rule "printf reads its arguments" (pass/libc.c, printf_varargs): glibc lets
// a program register its own conversion (register_printf_specifier); printf
// then hands the argument to user code that may keep it. A module naming
// such a function gets no format model (found by an adversarial review: the
// object was promoted and "last:" printed the dead frame).
#include <printf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static const char *kept;
/* %Y prints a string and remembers it (e.g. for a later error report) */
static int print_Y(FILE *f, const struct printf_info *info, const void *const *args) {
  const char *s = *(const char *const *)args[0];
  kept = s;
  return fprintf(f, "<%s>", s);
}
static int arginfo_Y(const struct printf_info *info, size_t n, int *types, int *size) {
  if (n > 0) types[0] = PA_POINTER;
  return 1;
}
__attribute__((noinline)) static void report(const char *what) {
  char *msg = malloc(32);
  strcpy(msg, what);
  printf("%Y\n", msg);
}
__attribute__((noinline)) static void clob(void) { volatile char junk[400]; for (int i = 0; i < 400; i++) junk[i] = 'Z'; }
int main(void) {
  register_printf_specifier('Y', print_Y, arginfo_Y);
  report("remembered");
  clob();
  printf("last: %s\n", kept);
  return 0;
}
