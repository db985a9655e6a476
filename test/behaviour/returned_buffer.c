// RUN: %difftest %s
//
// Buffers that outlive their function: returned directly, returned through
// an out-parameter, returned inside a struct. All must stay on the heap; the
// caller reads them after the allocating frame is gone (ASan's
// stack-use-after-return check catches a wrong promotion).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static char *make(int k) {
  char *s = malloc(32);
  snprintf(s, 32, "buf%d", k);
  return s;
}

__attribute__((noinline)) static void make_out(int k, int **out) {
  int *v = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    v[i] = k * i;
  *out = v;
}

struct box {
  double *d;
};

__attribute__((noinline)) static struct box make_box(int k) {
  struct box b;
  b.d = malloc(4 * sizeof(double));
  for (int i = 0; i < 4; i++)
    b.d[i] = k + i * 0.5;
  return b;
}

/* Returned through a pointer that might be either of two objects. */
__attribute__((noinline)) static char *pick(int k) {
  char *a = malloc(16), *b = malloc(16);
  memset(a, 'a', 15);
  a[15] = 0;
  memset(b, 'b', 15);
  b[15] = 0;
  if (k & 1) {
    free(a);
    return b;
  }
  free(b);
  return a;
}

int main(void) {
  unsigned long h = 0;
  for (int k = 0; k < 3000; k++) {
    char *s = make(k);
    int *v;
    make_out(k, &v);
    struct box b = make_box(k);
    char *p = pick(k);
    h = h * 31 + strlen(s) + (unsigned long)v[7] + (unsigned long)(b.d[3] * 2) + (unsigned long)p[3];
    free(s);
    free(v);
    free(b.d);
    free(p);
  }
  printf("h %lu\n", h);
  char *last = make(42);
  puts(last);
  free(last);
  return 0;
}
