// RUN: %difftest %s
// EXPECT-PROMOTED: 1
//
// Rule "printf reads its arguments" (pass/libc.c): %p turns an address into
// text, and sscanf("%p") or strtoull turns it back into a pointer that
// outlives the frame. Only a constant format without %p lets the argument
// pass as read.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int *global;
__attribute__((noinline)) int via_text(int x) {
  int *q = malloc(sizeof *q);
  char t[64];
  void *r;
  *q = x;
  snprintf(t, sizeof t, "%p", (void *)q);
  sscanf(t, "%p", &r);
  global = r;
  return *global;
}
__attribute__((noinline)) int via_strtoull(int x) {
  int *q = malloc(sizeof *q);
  char t[64];
  *q = x;
  snprintf(t, sizeof t, "%lu %p", 7ul, (void *)q);
  global = (int *)strtoull(strchr(t, ' ') + 1, NULL, 16);
  return *global;
}
__attribute__((noinline)) int via_string(int x) {
  char *s = malloc(16);
  snprintf(s, 16, "<%d>", x);
  int n = printf("%s\n", s);
  free(s);
  return n;
}
__attribute__((noinline)) int scribble(int x) {
  volatile char buf[256];
  for (int i = 0; i < 256; i++) buf[i] = (char)(x + i);
  return buf[x & 255];
}
int main(int argc, char **argv) {
  via_text(argc + 41);
  scribble(argc);
  printf("%d\n", *global);
  free(global);
  via_strtoull(argc + 42);
  scribble(argc);
  printf("%d\n", *global);
  free(global);
  via_string(argc);
  return 0;
}
