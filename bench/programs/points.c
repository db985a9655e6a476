/* points.c: small structs.
 *
 * Segment intersection tests in the style of a geometry library: each test
 * allocates two small segment objects (32 bytes), fills them, passes them to
 * a predicate that is not inlined, and frees them. */
#include "bench.h"

struct vec {
  double x, y;
};
struct seg {
  struct vec a, b;
};

static void seg_init(struct seg *s, double ax, double ay, double bx, double by) {
  s->a.x = ax;
  s->a.y = ay;
  s->b.x = bx;
  s->b.y = by;
}

static double cross(const struct vec *o, const struct vec *p, const struct vec *q) {
  return (p->x - o->x) * (q->y - o->y) - (p->y - o->y) * (q->x - o->x);
}

NOINLINE static int intersects(const struct seg *s, const struct seg *t) {
  double d1 = cross(&s->a, &s->b, &t->a), d2 = cross(&s->a, &s->b, &t->b);
  double d3 = cross(&t->a, &t->b, &s->a), d4 = cross(&t->a, &t->b, &s->b);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

static int test(unsigned i) {
  TEMP_OBJECT(struct seg, s);
  TEMP_OBJECT(struct seg, t);
  double f = (double)(i % 1000);
  seg_init(s, f, 0, 1000 - f, 1000);
  seg_init(t, 0, (double)(i % 777), 1000, (double)(777 - i % 777));
  int r = intersects(s, t);
  TEMP_FREE(t);
  TEMP_FREE(s);
  return r;
}

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 6000000);
  long hits = 0;
  for (long i = 0; i < iterations; i++)
    hits += test((unsigned)i * 7u);
  printf("points %ld %ld\n", iterations, hits);
  return 0;
}
