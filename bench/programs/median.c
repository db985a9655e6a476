/* median.c: a temporary buffer per output element.
 *
 * A 3x3 median filter over a synthetic 8-bit image: for every pixel the nine
 * neighbours are gathered into a temporary buffer, sorted, and the middle one
 * is kept. The buffer lives for one pixel. */
#include "bench.h"

#define W 256
#define H 256

static void sort9(unsigned char *v) {
  for (int i = 1; i < 9; i++) {
    unsigned char x = v[i];
    int j = i - 1;
    while (j >= 0 && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

static unsigned char median_at(const unsigned char *img, int x, int y) {
  TEMP_ARRAY(unsigned char, v, 9);
  int n = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      v[n++] = img[(y + dy) * W + (x + dx)];
  sort9(v);
  unsigned char m = v[4];
  TEMP_FREE(v);
  return m;
}

NOINLINE static void filter(const unsigned char *in, unsigned char *out) {
  for (int y = 1; y < H - 1; y++)
    for (int x = 1; x < W - 1; x++)
      out[y * W + x] = median_at(in, x, y);
}

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 40);
  unsigned char *a = calloc(W * H, 1), *b = calloc(W * H, 1);
  if (!a || !b)
    return 1;
  unsigned seed = 12345;
  for (int i = 0; i < W * H; i++) {
    seed = seed * 1103515245u + 12345u;
    a[i] = (unsigned char)(seed >> 16);
  }
  unsigned long sum = 0;
  for (long it = 0; it < iterations; it++) {
    filter(a, b);
    for (int i = 0; i < W * H; i++)
      sum += b[i];
    a[(it * 131) % (W * H)] ^= 0x5a;
  }
  printf("median %ld %lu\n", iterations, sum);
  free(a);
  free(b);
  return 0;
}
