#include <stdio.h>
unsigned helper(unsigned k);
/* Recursive; the link-time inliner brings helper into it. */
unsigned descend(unsigned depth) {
  unsigned here = helper(depth);
  return depth ? here + descend(depth - 1) : here;
}
int main(void) {
  printf("%u\n", descend(9000));
  return 0;
}
