// RUN: %difftest %s
// DIFFTEST-ARGS: some-text
//
// The stack version of strdup measures the string with strnlen: in a program
// that defines its own strnlen (here one that counts its calls), the pass
// must not call it, and leaves strdup on the heap (own_string_functions.c:
// the program's own strdup).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int strnlen_calls;

size_t strnlen(const char *s, size_t n) {
  strnlen_calls++;
  size_t i = 0;
  while (i < n && s[i])
    i++;
  return i;
}

__attribute__((noinline)) static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

static unsigned copy(const char *s) {
  char *c = strdup(s);
  unsigned h = hash(c);
  free(c);
  return h;
}

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "x";
  unsigned h = 0;
  for (int i = 0; i < 10; i++)
    h += copy(text) + (unsigned)strnlen(text, (size_t)i);
  printf("%u, strnlen called %d times\n", h, strnlen_calls);
  return 0;
}
