/* hot_loop.c: the example from the README.
 *
 * A hot loop mallocs a 64-byte scratch buffer, hands it to a helper that is
 * not inlined, and frees it: the pass moves the buffer to the stack (one slot,
 * reused by every iteration) and deletes the free. Four other allocations stay
 * on the heap, each for a different reason the remarks name (the helpers are
 * kept out of line so that each allocation is judged in its own function):
 *   make_label   returned to the caller
 *   remember     stored to a global variable
 *   big_table    too large for the stack
 *   scratch_n    size known only at run time
 *
 *   clang -O2 -fpass-plugin=build-19/libEscape.so -Rpass=escape \
 *         -Rpass-missed=escape examples/hot_loop.c -o hot_loop
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned *last_seen;

/* Reads and writes the buffer, keeps no pointer to it. */
__attribute__((noinline)) static unsigned checksum(unsigned char *buf, unsigned seed) {
  unsigned h = 2166136261u ^ seed;
  for (int i = 0; i < 64; i++) {
    buf[i] = (unsigned char)(seed + (unsigned)i * 13u);
    h = (h ^ buf[i]) * 16777619u;
  }
  return h;
}

static unsigned hot_loop(unsigned iterations) {
  unsigned total = 0;
  for (unsigned i = 0; i < iterations; i++) {
    unsigned char *buf = malloc(64); /* moved to stack */
    if (!buf)
      abort();
    total += checksum(buf, i);
    free(buf);
  }
  return total;
}

__attribute__((noinline)) static char *make_label(unsigned total) {
  char *label = malloc(32); /* escapes: returned */
  if (!label)
    abort();
  snprintf(label, 32, "total=%08x", total);
  return label;
}

__attribute__((noinline)) static void remember(unsigned total) {
  unsigned *cell = malloc(sizeof *cell); /* escapes: stored to a global */
  if (!cell)
    abort();
  *cell = total;
  free(last_seen);
  last_seen = cell;
}

__attribute__((noinline)) static unsigned big_table(void) {
  unsigned *table = malloc(256 * 1024); /* escapes: too large for the stack */
  if (!table)
    abort();
  for (unsigned i = 0; i < 65536; i++)
    table[i] = i * 2654435761u;
  unsigned r = checksum((unsigned char *)table + 4096, table[7]);
  free(table);
  return r;
}

__attribute__((noinline)) static unsigned scratch_n(size_t n) {
  unsigned char *s = malloc(n); /* escapes: size not a constant */
  if (!s)
    abort();
  memset(s, 7, n);
  unsigned r = checksum(s, (unsigned)n);
  free(s);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  unsigned total = hot_loop(10000000);
  remember(total);
  total ^= big_table() ^ scratch_n(64 + (size_t)argc);
  char *label = make_label(total);
  printf("%s last=%08x\n", label, *last_seen);
  free(label);
  free(last_seen);
  return 0;
}
