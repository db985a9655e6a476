// RUN: %difftest %s
// EXPECT-PROMOTED: 2
// DIFFTEST-ALLOW-LEAKS
//
// Early returns: some free the buffer before returning, some leak it, one
// returns a value read from it after the free of another object. The
// returned values are plain integers, so the buffer itself never escapes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int parse(char *buf, int k) {
  int n = snprintf(buf, 64, "item-%d-%d", k, k * k);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += buf[i];
  return s;
}

__attribute__((noinline)) static int early(int k) {
  char *buf = malloc(64);
  if (!buf)
    return -1;
  int s = parse(buf, k);
  if (k % 4 == 0) {
    free(buf);
    return s; /* frees */
  }
  if (k % 4 == 1)
    return s + buf[0]; /* leaks */
  char *tmp = malloc(64);
  memcpy(tmp, buf, 64);
  free(buf);
  if (k % 4 == 2) {
    int r = tmp[2] + s;
    free(tmp);
    return r; /* frees both */
  }
  return tmp[1]; /* leaks tmp */
}

int main(void) {
  long total = 0;
  for (int k = 0; k < 4000; k++)
    total += early(k);
  printf("total %ld\n", total);
  return 0;
}
