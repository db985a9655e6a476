/* The caller half of lto.test: hands a heap buffer to a helper defined in
 * checksum.c, which only the link-time pipeline can see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
long checksum(const unsigned char *p, int n);
int main(int argc, char **argv) {
  unsigned char *buf = malloc(64);
  memset(buf, argc, 64);
  long r = checksum(buf, 64);
  free(buf);
  printf("%ld\n", r);
  return 0;
}
