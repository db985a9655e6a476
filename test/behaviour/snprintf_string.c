// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// Strings built with snprintf into malloc'ed buffers, then printed with
// printf("%s") and puts, and freed. The library calls read the buffers but do
// not keep them (the "everything passed to Println escapes" complaint about
// Go's analysis, in C), so `line` and `name` can live on the stack. `tag`
// is passed through printf's variadic arguments, where no attribute says
// that it is not captured: it may stay on the heap, and must print the same.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void report(int k) {
  char *line = malloc(64);
  char *name = malloc(32);
  snprintf(name, 32, "item%03d", k);
  int n = snprintf(line, 64, "#%d: ", k);
  size_t len = strlen(name);
  memcpy(line + n, name, len);
  snprintf(line + n + len, (size_t)(64 - n) - len, "%s", k % 3 ? " odd-ish" : " even-ish");
  if (k % 2)
    printf("%s\n", line);
  else
    puts(line);
  free(name);
  free(line);
}

__attribute__((noinline)) static void tagged(int k) {
  char *tag = malloc(16);
  snprintf(tag, 16, "<%x>", k * 2654435761u);
  printf("%d %s %zu\n", k, tag, strlen(tag));
  free(tag);
}

int main(void) {
  for (int k = 0; k < 20; k++) {
    report(k);
    tagged(k);
  }
  return 0;
}
