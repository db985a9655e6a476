/* matrix.c: temporaries returned by small helpers.
 *
 * Composes a 4x4 transform per object and frame from helpers that return a
 * new matrix (128 bytes) the caller frees, as in a naive math library. The
 * helpers are inlined, so every temporary ends up in the caller, which is
 * where the pass runs. The stack version writes the results into caller-owned
 * matrices instead. */
#include "bench.h"

typedef struct {
  double m[16];
} Mat;

static void mat_mul_into(Mat *r, const Mat *a, const Mat *b) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      double s = 0;
      for (int k = 0; k < 4; k++)
        s += a->m[i * 4 + k] * b->m[k * 4 + j];
      r->m[i * 4 + j] = s;
    }
}

static void mat_translate_into(Mat *r, double x, double y, double z) {
  memset(r, 0, sizeof *r);
  r->m[0] = r->m[5] = r->m[10] = r->m[15] = 1;
  r->m[3] = x;
  r->m[7] = y;
  r->m[11] = z;
}

static void mat_scale_into(Mat *r, double s) {
  memset(r, 0, sizeof *r);
  r->m[0] = r->m[5] = r->m[10] = s;
  r->m[15] = 1;
}

NOINLINE static double trace(const Mat *m) { return m->m[0] + m->m[5] + m->m[10] + m->m[15]; }

#ifdef STACK
static double frame(int obj, int step) {
  Mat t, s, ts, r;
  mat_translate_into(&t, obj, step, 1);
  mat_scale_into(&s, 1.0 + (obj & 7) / 8.0);
  mat_mul_into(&ts, &t, &s);
  mat_mul_into(&r, &ts, &t);
  return trace(&r);
}
#else
static Mat *mat_new(void) {
  Mat *m = malloc(sizeof *m);
  if (!m)
    abort();
  return m;
}
static Mat *mat_mul(const Mat *a, const Mat *b) {
  Mat *r = mat_new();
  mat_mul_into(r, a, b);
  return r;
}
static Mat *mat_translate(double x, double y, double z) {
  Mat *r = mat_new();
  mat_translate_into(r, x, y, z);
  return r;
}
static Mat *mat_scale(double s) {
  Mat *r = mat_new();
  mat_scale_into(r, s);
  return r;
}
static double frame(int obj, int step) {
  Mat *t = mat_translate(obj, step, 1);
  Mat *s = mat_scale(1.0 + (obj & 7) / 8.0);
  Mat *ts = mat_mul(t, s);
  Mat *r = mat_mul(ts, t);
  double v = trace(r);
  free(r);
  free(ts);
  free(s);
  free(t);
  return v;
}
#endif

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 1500000);
  double total = 0;
  for (long i = 0; i < iterations; i++)
    total += frame((int)(i % 64), (int)(i / 64));
  printf("matrix %ld %.6e\n", iterations, total);
  return 0;
}
