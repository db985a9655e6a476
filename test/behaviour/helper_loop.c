// RUN: %difftest %s
// EXPECT-PROMOTED: 1
//
// The pass's main case: a loop that mallocs a 64-byte buffer, hands it to a
// non-inlined helper that only reads and writes it, and frees it before the
// next iteration. The buffer is promoted; its contents must still be right in
// every iteration (the helper reads what the previous statement wrote).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned fill(unsigned char *buf, unsigned seed) {
  for (int i = 0; i < 64; i++)
    buf[i] = (unsigned char)(seed * 31u + (unsigned)i * 7u);
  return buf[seed % 64];
}

__attribute__((noinline)) static unsigned sum(const unsigned char *buf) {
  unsigned s = 0;
  for (int i = 0; i < 64; i++)
    s = s * 33u + buf[i];
  return s;
}

int main(void) {
  unsigned total = 0;
  for (unsigned it = 0; it < 100000; it++) {
    unsigned char *buf = malloc(64);
    if (!buf)
      return 1;
    total += fill(buf, it);
    buf[it % 64] ^= 0x5a;
    total ^= sum(buf);
    free(buf);
  }
  printf("total %u\n", total);
  return 0;
}
