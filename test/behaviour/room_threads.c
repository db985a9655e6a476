// RUN: %difftest %s
// DIFFTEST-CFLAGS: -pthread
// EXPECT-PROMOTED: 8
//
// The room check (pass/room.h) in a thread with a 64 KiB stack: ten
// functions in a chain, no recursion, each with 8 objects of 1000 bytes. A
// per-function budget let every one promote and overflowed the thread's
// stack; with the check each reads the thread's own bounds.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned use(unsigned char *p, unsigned k) {
  memset(p, (int)k, 1000);
  return p[k % 1000];
}

#define LINK(name, next)                                                                  \
  __attribute__((noinline)) static unsigned name(unsigned k) {                           \
    unsigned char *a[8];                                                                  \
    unsigned r = 0;                                                                       \
    a[0] = malloc(1000); a[1] = malloc(1000); a[2] = malloc(1000); a[3] = malloc(1000);   \
    a[4] = malloc(1000); a[5] = malloc(1000); a[6] = malloc(1000); a[7] = malloc(1000);   \
    for (unsigned i = 0; i < 8; i++)                                                      \
      r += use(a[i], k + i);                                                              \
    r += next(k + 1);                                                                     \
    for (unsigned i = 0; i < 8; i++)                                                      \
      r += a[i][i];                                                                       \
    for (unsigned i = 0; i < 8; i++)                                                      \
      free(a[i]);                                                                         \
    return r;                                                                             \
  }

__attribute__((noinline)) static unsigned bottom(unsigned k) { return k; }
LINK(f9, bottom)
LINK(f8, f9)
LINK(f7, f8)
LINK(f6, f7)
LINK(f5, f6)
LINK(f4, f5)
LINK(f3, f4)
LINK(f2, f3)
LINK(f1, f2)
LINK(f0, f1)

static void *run(void *arg) {
  static unsigned result;
  result = f0(*(unsigned *)arg);
  return &result;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t t;
  unsigned k = 3;
  void *out;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  if (pthread_create(&t, &attr, run, &k) != 0)
    return 2;
  pthread_join(t, &out);
  printf("%u\n", *(unsigned *)out);
  printf("%u\n", f0(5)); /* and on the main thread */
  return 0;
}
