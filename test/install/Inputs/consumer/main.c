/* The consumer project's program: a buffer the pass moves to the stack. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  char *buf = malloc(32);
  snprintf(buf, 32, "argc=%d", argc);
  puts(buf);
  free(buf);
  return 0;
}
