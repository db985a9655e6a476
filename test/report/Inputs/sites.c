/* Three allocation sites, one verdict each: the input of the JSON, SARIF and
 * record tests. Each helper is judged in its own function. */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int first(const int *p) { return *p; }

__attribute__((noinline)) int moved(int x) {
  int *p = malloc(sizeof *p);
  *p = x;
  int r = first(p);
  free(p);
  return r;
}

__attribute__((noinline)) int *returned(int x) {
  int *p = malloc(sizeof *p);
  *p = x;
  return p;
}

__attribute__((noinline)) int large(void) {
  char *buf = malloc(4096);
  memset(buf, 1, 4096);
  int r = first((const int *)buf);
  free(buf);
  return r;
}
