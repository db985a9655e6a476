// RUN: %difftest %s
// DIFFTEST-STACK-LIMIT: 8192
// EXPECT-PROMOTED: 1
//
// The room check (pass/room.h): recursion 100,000 deep, one 112-byte object
// per frame, live across the recursive call. A static budget let each frame
// promote it and overflowed the 8 MiB stack at every level; with the check
// the shallow frames promote and the deep ones take the heap.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned fill(unsigned char *p, unsigned d) {
  memset(p, (int)(d & 0xff), 112);
  return p[d % 112];
}

__attribute__((noinline)) static unsigned descend(unsigned depth) {
  unsigned char *p = malloc(112);
  unsigned v = fill(p, depth);
  unsigned below = depth ? descend(depth - 1) : 0;
  unsigned r = below * 3u + v + p[depth % 112];
  free(p);
  return r;
}

int main(void) {
  printf("%u\n", descend(100000));
  return 0;
}
