#include "shared.h"

int *kept;

int two(int n) {
  kept = box(n);
  return sum2(kept);
}
