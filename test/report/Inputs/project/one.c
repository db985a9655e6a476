#include "shared.h"

int one(int n) {
  int *v = malloc(2 * sizeof *v);
  v[0] = n;
  v[1] = n;
  int s = sum2(v);
  free(v);
  int *b = box(n);
  s += sum2(b);
  free(b);
  return s;
}
