// RUN: %difftest %s
// EXPECT-PROMOTED: 8
// DIFFTEST-ARGS: a b c
//
// Twelve objects that one pointer may be, each freed through it: the first
// eight (in program order) take the stack, and every free compares its
// pointer with their slots; the other four stay on the heap, and the frees
// must still free them (LeakSanitizer) and never free a slot (ASan).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EACH(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11)

__attribute__((noinline)) static int pick_and_free(int k) {
#define MAKE(i)                                                                                    \
  char *o##i = malloc(8 + i);                                                                      \
  if (!o##i)                                                                                       \
    return -1;                                                                                     \
  snprintf(o##i, 8 + i, "obj%d", i);
  EACH(MAKE)
#undef MAKE
  char *chosen = o0;
#define CHOOSE(i)                                                                                  \
  if (k == i)                                                                                      \
    chosen = o##i;
  EACH(CHOOSE)
#undef CHOOSE
  int r = (int)strlen(chosen) * 100 + chosen[3];
#define RELEASE(i)                                                                                 \
  if (o##i != chosen)                                                                              \
    free(o##i);
  EACH(RELEASE)
#undef RELEASE
  free(chosen);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  long sum = 0;
  for (int k = 0; k < 12; k++)
    sum += pick_and_free((k + argc) % 12);
  printf("%ld\n", sum);
  return 0;
}
