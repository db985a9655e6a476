/* scratch.c: per-iteration scratch space.
 *
 * Every record id is rendered as a decimal key into a 64-byte scratch buffer,
 * the key is hashed by a helper that is not inlined, and the buffer is
 * dropped: the allocation is the dominant cost of each iteration, as in code
 * that builds short-lived strings for lookups. */
#include "bench.h"

static unsigned render(char *buf, unsigned long id, unsigned tag) {
  char digits[24];
  unsigned n = 0, len = 0;
  do {
    digits[n++] = (char)('0' + id % 10);
    id /= 10;
  } while (id);
  buf[len++] = (char)('a' + tag % 26);
  buf[len++] = ':';
  while (n)
    buf[len++] = digits[--n];
  buf[len] = 0;
  return len;
}

NOINLINE static unsigned hash(const char *s, unsigned n) {
  unsigned h = 2166136261u;
  for (unsigned i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static unsigned process(unsigned long id, unsigned tag) {
  TEMP_ARRAY(char, key, 64);
  unsigned n = render(key, id, tag);
  unsigned h = hash(key, n);
  TEMP_FREE(key);
  return h;
}

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 8000000);
  unsigned total = 0;
  for (long i = 0; i < iterations; i++)
    total += process((unsigned long)i * 2654435761u, (unsigned)i);
  printf("scratch %ld %08x\n", iterations, total);
  return 0;
}
