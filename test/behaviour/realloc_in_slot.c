// RUN: %difftest %s
// EXPECT-PROMOTED: 3
// DIFFTEST-ARGS: 7
//
// Rule "grows in its slot" (realloc.ll) at its edges: an object realloc'd
// within its 256-byte slot, to exactly 256 and 257 bytes (moved to the heap
// with its bytes), back down after moving, to 0 (glibc returns NULL and frees
// it), and to a size malloc cannot give (NULL, and the object stays where it
// was, intact). Every byte written is read back; ASan checks that no byte
// outside the slot or the heap block is touched.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A failing malloc returns NULL under AddressSanitizer too.
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static volatile size_t opaque; /* sizes the optimizer cannot see */

__attribute__((noinline)) static unsigned sum(const unsigned char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 131u + p[i];
  return s;
}

/* Grows from 16 bytes to `to`, filling each new byte, then checks them all. */
static unsigned grow_to(size_t to, int seed) {
  unsigned char *p = malloc(16);
  for (size_t i = 0; i < 16; i++)
    p[i] = (unsigned char)(seed + i);
  size_t size = 16;
  while (size < to) {
    size_t next = size * 2 < to ? size * 2 : to;
    unsigned char *q = realloc(p, next);
    if (!q) {
      free(p);
      return 0;
    }
    p = q;
    for (size_t i = size; i < next; i++)
      p[i] = (unsigned char)(seed + i);
    size = next;
  }
  unsigned s = sum(p, size);
  free(p);
  return s;
}

/* Past the slot, then back under it: the object stays on the heap. */
static unsigned out_and_back(int seed) {
  unsigned char *p = malloc(200);
  memset(p, seed, 200);
  unsigned char *q = realloc(p, opaque + 300);
  memset(q + 200, seed + 1, opaque + 100);
  unsigned char *r = realloc(q, 100);
  unsigned s = sum(r, 100);
  free(r);
  return s;
}

/* realloc(p, 0): glibc frees p and returns NULL. */
static int to_zero(void) {
  unsigned char *p = malloc(32);
  memset(p, 3, 32);
  unsigned char *q = realloc(p, opaque - opaque);
  int was_null = q == NULL;
  free(q);
  return was_null;
}

/* Too large: NULL, and the old object keeps its bytes. */
static unsigned too_large(void) {
  unsigned char *p = malloc(64);
  memset(p, 5, 64);
  unsigned char *q = realloc(p, (size_t)1 << 62 | opaque);
  unsigned s = q ? 1 : sum(p, 64);
  free(q ? q : p);
  return s;
}

int main(int argc, char **argv) {
  opaque = argc > 1 ? (size_t)atoi(argv[1]) : 7;
  size_t sizes[] = {16, 17, 100, 255, 256, 257, 300, 1000, 5000};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf("grow to %zu: %u\n", sizes[i], grow_to(sizes[i], (int)i));
  printf("out and back: %u\n", out_and_back(9));
  printf("to zero: %d\n", to_zero());
  printf("too large: %u\n", too_large());
  return 0;
}
