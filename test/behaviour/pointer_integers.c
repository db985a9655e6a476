// RUN: %difftest %s
// EXPECT-PROMOTED: 2
// DIFFTEST-ARGS: 12345xyz
//
// Rule "an address that stays an integer" (ptrtoint.ll): an alignment test
// and an address hash that are only compared leave their objects free to
// move; an address that is stored, returned or turned back into a pointer
// keeps its object on the heap, where the program reads it after the
// function returned (ASan: stack-use-after-return if it were moved). The
// loop rule for addresses: pointer_integers_loop.c.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned sum(const unsigned char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 31 + p[i];
  return s;
}

static unsigned aligned_sum(size_t n) {
  unsigned char *p = malloc(64);
  memset(p, (int)n, 64);
  unsigned s = sum(p, 64) + ((uintptr_t)p % 16 == 0); /* malloc and the slot: aligned */
  free(p);
  return s;
}

static int bucket_is_small(void) {
  unsigned char *p = malloc(32);
  memset(p, 7, 32);
  uintptr_t h = ((uintptr_t)p * 2654435761u) >> 7;
  int small = (h % 1024) < 2048; /* always true, but computed from the address */
  int s = small + (int)sum(p, 32);
  free(p);
  return s;
}

static uintptr_t remembered;

static unsigned remember(void) {
  unsigned char *p = malloc(16);
  memset(p, 9, 16);
  remembered = (uintptr_t)p; /* stored: p must stay on the heap */
  return sum(p, 16);
}

static unsigned through_integer(const char *text) {
  char *copy = malloc(32);
  strncpy(copy, text, 31);
  copy[31] = 0;
  char *end;
  long v = strtol(copy, &end, 10);
  uintptr_t offset = (uintptr_t)end - (uintptr_t)copy; /* returned: stays on the heap */
  free(copy);
  return (unsigned)(v % 1000) * 100 + (unsigned)offset;
}

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "42abc";
  printf("aligned: %u\n", aligned_sum(3) + aligned_sum(200));
  printf("bucket: %d\n", bucket_is_small());
  printf("remember: %u\n", remember());
  unsigned char *back = (unsigned char *)remembered;
  printf("read back: %u\n", sum(back, 16));
  free(back);
  printf("through integer: %u\n", through_integer(text));
  return 0;
}
