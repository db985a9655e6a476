// RUN: %difftest %s
// DIFFTEST-ARGS: some-text
//
// A program's own strdup is not the C library's: it keeps its argument (in
// `kept`), so the buffer passed to it must stay on the heap, and its result
// is not an allocation the pass may move. (own_strnlen.c: the program's own
// strnlen.)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kept;

__attribute__((noinline)) char *strdup(const char *s) {
  kept = s; /* remembered, read by report() after the caller returns */
  size_t n = strlen(s) + 1;
  char *c = malloc(n);
  memcpy(c, s, n);
  return c;
}

__attribute__((noinline)) static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

static char *leaked_buffer;

__attribute__((noinline)) static unsigned copy_via_own(const char *text) {
  char *buffer = malloc(64); /* strdup keeps it: must stay on the heap */
  snprintf(buffer, 64, "<%s>", text);
  char *c = strdup(buffer);
  unsigned h = hash(c);
  free(c);
  leaked_buffer = buffer; /* freed in main, after report() read it through kept */
  return h;
}

__attribute__((noinline)) static void report(void) { printf("kept: %s\n", kept); }

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "x";
  printf("own: %u\n", copy_via_own(text));
  report();
  free(leaked_buffer);
  return 0;
}
