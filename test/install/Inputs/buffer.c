/* What the install tests compile: one buffer the pass moves to the stack. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  char *buf = (char *)malloc(32); /* a cast, so that it compiles as C++ too */
  snprintf(buf, 32, "argc=%d", argc);
  puts(buf);
  free(buf);
  return 0;
}
