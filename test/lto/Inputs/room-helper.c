#include <stdlib.h>
#include <string.h>
/* Not recursive: promoted at compile time, 1000 bytes. */
unsigned helper(unsigned k) {
  unsigned char *p = malloc(1000);
  memset(p, (int)k, 1000);
  unsigned r = p[k % 1000] + p[(k * 7) % 1000];
  free(p);
  return r;
}
