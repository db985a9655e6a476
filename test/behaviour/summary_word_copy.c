// RUN: %difftest %s
// DIFFTEST-ALLOW-LEAKS
//
// A helper that copies a pointer as an integer word: the caller's pointer
// bytes are read as data by the callee, so the object they point to escapes
// when the copy is published (a summary bug once printed garbage here).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *global;
__attribute__((noinline)) void copy_word(void *dst, const void *src) {
  unsigned long w;
  memcpy(&w, src, sizeof w);   /* read the bytes as an integer */
  memcpy(dst, &w, sizeof w);
}
__attribute__((noinline)) void publish(void) {
  char *o = malloc(16);
  strcpy(o, "hello");
  char *a[1] = {o};
  char *b[1];
  copy_word(b, a);
  global = b[0];
}
__attribute__((noinline)) void clobber(void) {
  volatile char junk[256];
  for (int i = 0; i < 256; i++) junk[i] = 'X';
}
int main(void) {
  publish();
  clobber();
  printf("%.5s\n", global);
  return 0;
}
