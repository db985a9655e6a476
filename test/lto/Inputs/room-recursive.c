#include <stdio.h>
unsigned helper(unsigned k);
/* Recursive; the link-time inliner brings helper into it. */
unsigned descend(unsigned depth) {
  unsigned here = helper(depth);
  unsigned below = depth ? descend(depth - 1) : 0;
  return below * 3 + here;
}
int main(void) {
  printf("%u\n", descend(9000));
  return 0;
}
