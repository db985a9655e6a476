// RUN: %difftest %s
// EXPECT-PROMOTED: 9
// DIFFTEST-ARGS: 256 alpha beta-gamma
//
// Rule "fits at run time" (run-time-sizes.ll): an object whose size is known
// only at run time uses a 256-byte slot when it fits and the heap otherwise.
// Each function below breaks if the rule were wrong: a size one byte over
// the slot writes past it (ASan: stack-buffer-overflow; without ASan the
// checksum of the neighbour changes), a calloc whose count * size wraps
// around must fail as it does on the heap, a failing malloc must still return
// NULL, a reused slot must be zeroed again by calloc, and two live objects of
// run-time size must not share bytes.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A failing malloc returns NULL under AddressSanitizer too.
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static volatile size_t opaque_size; /* sizes the optimizer cannot see */

__attribute__((noinline)) static unsigned checksum(const unsigned char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 131u + p[i];
  return s;
}

/* Every byte of the object is written and read back, at each size around the
 * slot's. */
static unsigned fill_and_sum(size_t n, unsigned char seed) {
  unsigned char *p = malloc(n);
  if (!p)
    return 0;
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char)(seed + i);
  unsigned s = checksum(p, n);
  free(p);
  return s;
}

/* Two objects live at once: neither may overwrite the other. */
static int disjoint(size_t n, size_t m) {
  unsigned char *a = malloc(n), *b = malloc(m);
  if (!a || !b) {
    free(a);
    free(b);
    return -1;
  }
  memset(a, 1, n);
  memset(b, 2, m);
  int bad = 0;
  for (size_t i = 0; i < n; i++)
    bad += a[i] != 1;
  for (size_t i = 0; i < m; i++)
    bad += b[i] != 2;
  free(a);
  free(b);
  return bad;
}

/* count * size wraps around to a small number: calloc must fail. */
static int calloc_overflow(size_t count, size_t size) {
  unsigned char *p = calloc(count, size);
  if (!p)
    return 1;
  p[0] = 1;
  int sum = (int)checksum(p, 1);
  free(p);
  return -sum;
}

/* A slot dirtied by the previous iteration is zeroed again. */
static int calloc_rezeroed(size_t rounds) {
  int nonzero = 0;
  for (size_t r = 1; r <= rounds; r++) {
    size_t n = (r * 37) % 60 + 1;
    int *v = calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++)
      nonzero += v[i] != 0;
    for (size_t i = 0; i < n; i++)
      v[i] = (int)(r + i);
    nonzero += checksum((unsigned char *)v, n * sizeof *v) == 0;
    free(v);
  }
  return nonzero;
}

/* Too large for the heap: NULL, and the program's check sees it. */
static int malloc_fails(size_t n) {
  unsigned char *p = malloc(n);
  if (!p)
    return 1;
  p[0] = 0;
  int sum = (int)checksum(p, 1);
  free(p);
  return -sum;
}

/* The C idiom: a copy sized by strlen, used and freed. */
static size_t joined_length(const char *a, const char *b) {
  char *s = malloc(strlen(a) + strlen(b) + 2);
  strcpy(s, a);
  strcat(s, "/");
  strcat(s, b);
  size_t n = strlen(s);
  unsigned sum = checksum((const unsigned char *)s, n);
  free(s);
  return n * 1000 + sum % 1000;
}

/* Recursion with a run-time size in every frame. */
static unsigned nested(size_t depth, size_t n) {
  if (!depth)
    return 1;
  unsigned char *p = malloc(n);
  memset(p, (int)depth, n);
  unsigned s = checksum(p, n) + nested(depth - 1, n);
  free(p);
  return s;
}

int main(int argc, char **argv) {
  size_t slot = argc > 1 ? (size_t)atoi(argv[1]) : 256;
  opaque_size = slot;
  size_t sizes[] = {0, 1, 15, slot - 1, slot, slot + 1, slot + 100, 4 * slot, 100000};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf("fill %zu: %u\n", sizes[i], fill_and_sum(sizes[i], (unsigned char)i));
  printf("disjoint: %d %d %d\n", disjoint(opaque_size, opaque_size),
         disjoint(opaque_size + 1, 3), disjoint(0, opaque_size));
  opaque_size = SIZE_MAX / 2 + 2; /* times 2 wraps around to 2 */
  printf("calloc overflow: %d", calloc_overflow(opaque_size, 2));
  opaque_size = (SIZE_MAX >> 4) + 1; /* times 32 wraps around to 0 */
  printf(" %d\n", calloc_overflow(32, opaque_size));
  opaque_size = slot;
  printf("calloc rezeroed: %d\n", calloc_rezeroed(200));
  printf("malloc fails: %d\n", malloc_fails(opaque_size << 54));
  for (int i = 2; i + 1 < argc; i++)
    printf("joined: %zu\n", joined_length(argv[i], argv[i + 1]));
  printf("nested: %u %u\n", nested(1000, opaque_size / 2), nested(50, opaque_size * 3));
  return 0;
}
