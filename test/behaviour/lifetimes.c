// RUN: %difftest %s
// DIFFTEST-ALLOW-LEAKS
// DIFFTEST-STACK-LIMIT: 8192
//
// Lifetimes of promoted objects. Stack coloring lets objects whose
// lifetimes do not overlap share memory, so the lifetime markers the pass
// places must be right: here objects are born and die interleaved in a loop
// body, one dies only on some paths (and leaks on the others), and each is
// checked to hold its own contents while the others are written. A second
// function keeps twelve 1000-byte objects alive at once, more than the
// per-function budget: the ones promoted and the ones left on the heap must
// not overlap either.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void stamp(unsigned char *p, int n, int v) { memset(p, v, (size_t)n); }

__attribute__((noinline)) static int intact(const unsigned char *p, int n, int v) {
  for (int i = 0; i < n; i++)
    if (p[i] != (unsigned char)v)
      return 0;
  return 1;
}

__attribute__((noinline)) static long interleaved(int rounds) {
  long ok = 0;
  for (int r = 0; r < rounds; r++) {
    unsigned char *a = malloc(100);
    stamp(a, 100, 1);
    unsigned char *b = malloc(100);
    stamp(b, 100, 2);
    ok += intact(a, 100, 1);
    free(a);
    unsigned char *c = malloc(100);
    stamp(c, 100, 3);
    ok += intact(b, 100, 2);
    unsigned char *d = malloc(100);
    stamp(d, 100, 4);
    ok += intact(c, 100, 3) + intact(b, 100, 2);
    if (r % 3 == 0)
      free(c); /* leaks on the other rounds */
    free(b);
    unsigned char *e = malloc(100);
    stamp(e, 100, 5);
    ok += intact(d, 100, 4) + intact(e, 100, 5);
    free(e);
    free(d);
  }
  return ok;
}

__attribute__((noinline)) static long many_at_once(int k) {
  unsigned char *p[12];
  for (int i = 0; i < 12; i++) {
    p[i] = malloc(1000);
    stamp(p[i], 1000, k + i);
  }
  long ok = 0;
  for (int i = 0; i < 12; i++)
    ok += intact(p[i], 1000, k + i);
  for (int i = 0; i < 12; i++)
    free(p[i]);
  return ok;
}

/* Twelve named objects, so that each is a site of its own. */
__attribute__((noinline)) static long many_named(int k) {
  unsigned char *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  unsigned char *e = malloc(1000), *f = malloc(1000), *g = malloc(1000), *h = malloc(1000);
  unsigned char *i = malloc(1000), *j = malloc(1000), *l = malloc(1000), *m = malloc(1000);
  stamp(a, 1000, k + 1); stamp(b, 1000, k + 2); stamp(c, 1000, k + 3); stamp(d, 1000, k + 4);
  stamp(e, 1000, k + 5); stamp(f, 1000, k + 6); stamp(g, 1000, k + 7); stamp(h, 1000, k + 8);
  stamp(i, 1000, k + 9); stamp(j, 1000, k + 10); stamp(l, 1000, k + 11); stamp(m, 1000, k + 12);
  long ok = intact(a, 1000, k + 1) + intact(b, 1000, k + 2) + intact(c, 1000, k + 3) +
            intact(d, 1000, k + 4) + intact(e, 1000, k + 5) + intact(f, 1000, k + 6) +
            intact(g, 1000, k + 7) + intact(h, 1000, k + 8) + intact(i, 1000, k + 9) +
            intact(j, 1000, k + 10) + intact(l, 1000, k + 11) + intact(m, 1000, k + 12);
  free(a); free(b); free(c); free(d); free(e); free(f);
  free(g); free(h); free(i); free(j); free(l); free(m);
  return ok;
}

int main(void) {
  long ok = interleaved(20000);
  for (int k = 0; k < 300; k++)
    ok += many_at_once(k) + many_named(k);
  printf("ok %ld\n", ok);
  return 0;
}
