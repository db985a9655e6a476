// RUN: %difftest %s
// EXPECT-PROMOTED: 5
//
// free() of a pointer that is either a promotable malloc or a heap object
// from somewhere the analysis does not own: strdup, realloc, a helper that
// returns its own malloc, a global, a slot of a local array. Only the guard
// the pass puts on such a free tells the two apart at run time; the heap
// object must still be freed (the leak check watches) and the stack object
// must never reach free().
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned use(char *p, int n) {
  unsigned h = 0;
  for (int i = 0; i < n; i++) {
    p[i] = (char)(p[i] + i);
    h = h * 31u + (unsigned char)p[i];
  }
  return h;
}

__attribute__((noinline)) static char *make(int n, int v) {
  char *p = malloc((size_t)n);
  memset(p, v, (size_t)n);
  return p;
}

static char *global;

__attribute__((noinline)) static unsigned from_strdup(int k) {
  char *p = (k & 1) ? malloc(32) : strdup("0123456789abcdef0123456789abcdef");
  if (k & 1)
    memset(p, 2, 32);
  unsigned h = use(p, 32);
  free(p);
  return h;
}

__attribute__((noinline)) static unsigned from_realloc(int k) {
  char *q = malloc(16);
  memset(q, 3, 16);
  q = realloc(q, 32);
  memset(q + 16, 4, 16);
  char *p = (k & 1) ? malloc(32) : q;
  memset(p, 5, 8);
  if (k & 1)
    memset(p + 8, 9, 24);
  unsigned h = use(p, 32);
  free(p);
  if (k & 1)
    free(q);
  return h;
}

__attribute__((noinline)) static unsigned from_helper(int k) {
  char *p = (k & 1) ? malloc(32) : make(32, 1);
  memset(p, 6, 32);
  unsigned h = use(p, 32);
  free(p);
  return h;
}

__attribute__((noinline)) static unsigned from_global(int k) {
  global = make(32, 7);
  char *m = malloc(32);
  memset(m, 8, 32);
  char *p = (k & 1) ? m : global;
  unsigned h = use(p, 32);
  free(p);
  if (k & 1)
    free(global);
  else
    free(m);
  global = NULL;
  return h;
}

__attribute__((noinline)) static unsigned from_array(int k) {
  char *slots[2];
  slots[0] = malloc(32);
  slots[1] = make(32, 9);
  memset(slots[0], 10, 32);
  unsigned h = use(slots[k & 1], 32) + use(slots[0], 32);
  free(slots[k & 1]);
  free(slots[1 - (k & 1)]);
  return h;
}

int main(void) {
  unsigned total = 0;
  for (int k = 0; k < 2000; k++)
    total += from_strdup(k) ^ from_realloc(k) ^ from_helper(k) ^ from_global(k) ^ from_array(k);
  printf("total %u\n", total);
  return 0;
}
