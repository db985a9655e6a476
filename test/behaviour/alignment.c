// RUN: %difftest %s
// EXPECT-PROMOTED: 5
//
// Alignment. malloc on x86-64 glibc returns 16-byte-aligned memory and code
// may rely on it: a promoted object must get at least that alignment. The
// first part hands promoted buffers to a helper that does 16-byte vector
// loads and stores (movaps faults on a misaligned address); an odd-sized
// promoted object sits next to it in the frame, so an `align 1` alloca would
// likely land misaligned. The second part does the same for
// aligned_alloc(64, ...) and memalign(64, ...) with 64-byte AVX-512 loads and
// stores, which fault unless the object is 64-byte aligned (on a machine
// without AVX-512 it computes the same result with scalar code). The third
// part checks the alignment each allocator promises with explicit address
// arithmetic: `% 16` after malloc, `% 64` after aligned_alloc(64, ...),
// memalign's argument, the page after valloc. The last part attacks rule
// "fits" for alignment: a page-aligned valloc in a recursion 3,000 deep (a
// page per frame would need 12 MiB of an 8 MiB stack) and two 4 MiB-aligned (memalign)
// objects in one frame stay on the heap.
// DIFFTEST-STACK-LIMIT: 8192
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef float v4f __attribute__((vector_size(16)));

__attribute__((noinline)) static float vec_op(v4f *v, int k) {
  v[0] = (v4f){(float)k, 1.0f, 2.0f, 3.0f};
  v[1] = v[0] * 2.0f;
  v[2] = v[0] + v[1];
  v[3] = v[2] - v[0];
  v4f s = v[0] + v[1] + v[2] + v[3];
  return s[0] + s[1] + s[2] + s[3];
}

__attribute__((noinline)) static int odd_op(char *c, int k) {
  for (int i = 0; i < 17; i++)
    c[i] = (char)(k + i);
  return c[k % 17];
}

__attribute__((noinline)) static double vector_part(void) {
  double total = 0;
  for (int k = 0; k < 1000; k++) {
    char *odd = malloc(17);
    v4f *v = malloc(4 * sizeof(v4f));
    total += odd_op(odd, k) + vec_op(v, k);
    free(v);
    free(odd);
  }
  return total;
}

typedef float v16f __attribute__((vector_size(64)));

__attribute__((noinline, target("avx512f"))) static float wide_op(v16f *v, int k) {
  v[0] = (v16f){0} + (float)k;
  v[1] = v[0] * 2.0f;
  v[2] = v[0] + v[1];
  v16f s = v[0] + v[1] + v[2];
  float t = 0;
  for (int i = 0; i < 16; i++)
    t += s[i];
  return t;
}

/* What wide_op computes, without AVX-512, in the same order. */
__attribute__((noinline)) static float scalar_op(float *v, int k) {
  float t = 0;
  for (int i = 0; i < 16; i++) {
    v[i] = (float)k;
    v[16 + i] = v[i] * 2.0f;
    v[32 + i] = v[i] + v[16 + i];
    t += v[i] + v[16 + i] + v[32 + i];
  }
  return t;
}

__attribute__((noinline)) static double wide_part(void) {
  int avx512 = __builtin_cpu_supports("avx512f");
  double total = 0;
  for (int k = 0; k < 1000; k++) {
    char *odd = malloc(17);
    void *a = aligned_alloc(64, 192);
    void *m = memalign(64, 192);
    total += odd_op(odd, k);
    total += avx512 ? wide_op(a, k) + wide_op(m, k) : scalar_op(a, k) + scalar_op(m, k);
    free(m);
    free(a);
    free(odd);
  }
  return total;
}

static int bad;

static void check(void *p, uintptr_t align, const char *what) {
  if (!p) {
    printf("%s: allocation failed\n", what);
    bad++;
  } else if ((uintptr_t)p % align != 0) {
    printf("%s: not %lu-aligned\n", what, (unsigned long)align);
    bad++;
  }
}

__attribute__((noinline)) static void address_part(void) {
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  for (size_t n = 1; n <= 100; n++) {
    void *m = malloc(n);
    check(m, 16, "malloc");
    void *a = aligned_alloc(64, 128);
    check(a, 64, "aligned_alloc(64)");
    void *me = memalign(64, n);
    check(me, 64, "memalign(64)");
    void *big = memalign(256, 40);
    check(big, 256, "memalign(256)");
    void *v = valloc(n);
    check(v, page, "valloc");
    void *c = calloc(n, 3);
    check(c, 16, "calloc");
    free(c);
    free(v);
    free(big);
    free(me);
    free(a);
    free(m);
  }
}

__attribute__((noinline)) static unsigned paged(unsigned depth) {
  /* No address check, which would make it escape; volatile, so that the
   * object is not deleted before the pass sees it. */
  volatile unsigned char *p = valloc(16);
  p[0] = (unsigned char)depth;
  unsigned below = depth ? paged(depth - 1) : 0;
  unsigned r = below + p[0];
  free((void *)p);
  return r;
}

__attribute__((noinline)) static unsigned huge_alignment(void) {
  volatile unsigned char *a = memalign(1u << 22, 16);
  volatile unsigned char *b = memalign(1u << 22, 16);
  a[0] = 1;
  b[0] = 2;
  unsigned r = a[0] + b[0];
  free((void *)a);
  free((void *)b);
  return r;
}

int main(void) {
  printf("paged %u\n", paged(3000));
  printf("huge %u\n", huge_alignment());
  printf("vector %.1f\n", vector_part());
  printf("wide %.1f\n", wide_part());
  address_part();
  printf("misaligned %d\n", bad);
  return bad != 0;
}
