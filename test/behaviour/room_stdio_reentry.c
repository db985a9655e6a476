// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
// EXPECT-PROMOTED: 8
//
// The room check (pass/room.h) against re-entry through the C library: an
// unbuffered fopencookie stream's write function calls back into the
// function that wrote to it, 1,500 levels deep, each level holding 8,000
// bytes (12 MB over the frames' own: under 1 MB, under 4 MB with ASan). No
// list of callback-taking functions can know fputs does this; the check
// reads the stack instead.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *stream;
static unsigned long total;
static unsigned depth;

__attribute__((noinline)) static unsigned speak(unsigned level);

static ssize_t cookie_write(void *cookie, const char *buf, size_t size) {
  (void)cookie;
  total += size + (unsigned char)buf[0];
  if (depth < 1500) {
    depth++;
    total += speak(depth);
  }
  return (ssize_t)size;
}

__attribute__((noinline)) static unsigned speak(unsigned level) {
  char *line = malloc(1000), *more[7];
  for (unsigned i = 0; i < 7; i++) {
    more[i] = malloc(1000);
    memset(more[i], (int)(level + i), 1000);
  }
  memset(line, 'a' + (int)(level % 26), 999);
  line[999] = 0;
  line[16] = 0;
  fputs(line, stream);
  unsigned r = (unsigned char)line[level % 16];
  for (unsigned i = 0; i < 7; i++) {
    r += more[i][level % 1000];
    free(more[i]);
  }
  free(line);
  return r;
}

int main(void) {
  cookie_io_functions_t io = {.write = cookie_write};
  stream = fopencookie(NULL, "w", io);
  setvbuf(stream, NULL, _IONBF, 0);
  unsigned r = speak(0);
  fclose(stream);
  printf("%u %lu %u\n", r, total, depth);
  return 0;
}
