// The room check decides per call (pass/room.h): in a recursion 20,000 deep
// under an 8 MiB stack, the shallow calls take their slots and the deep ones,
// past half of the stack, take the heap; the same in a thread with a 64 KiB
// stack, 100 deep. mallinfo2 says which: the bytes in
// use grow only on the heap way.
// RUN: %clang -O2 -fpass-plugin=%plugin -pthread %s -o %t
// RUN: sh -c 'ulimit -s 8192 && %t' | FileCheck %s
// CHECK: main thread: stack calls > 0: yes, heap calls > 0: yes
// CHECK: small thread: stack calls > 0: yes, heap calls > 0: yes
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned on_stack, on_heap;

__attribute__((noinline)) static unsigned fill(unsigned char *p, unsigned d) {
  memset(p, (int)d, 1000);
  return p[d % 1000];
}

__attribute__((noinline)) static unsigned descend(unsigned depth) {
  size_t before = mallinfo2().uordblks;
  unsigned char *p = malloc(1000);
  size_t after = mallinfo2().uordblks;
  if (after == before)
    on_stack++;
  else
    on_heap++;
  unsigned r = fill(p, depth);
  if (depth)
    r += descend(depth - 1) * 3;
  r += p[depth % 1000];
  free(p);
  return r;
}

static void *small(void *arg) {
  (void)arg;
  on_stack = on_heap = 0;
  descend(100);
  return NULL;
}

int main(void) {
  descend(20000);
  printf("main thread: stack calls > 0: %s, heap calls > 0: %s\n", on_stack ? "yes" : "no",
         on_heap ? "yes" : "no");
  pthread_attr_t attr;
  pthread_t t;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  pthread_create(&t, &attr, small, NULL);
  pthread_join(t, NULL);
  printf("small thread: stack calls > 0: %s, heap calls > 0: %s\n", on_stack ? "yes" : "no",
         on_heap ? "yes" : "no");
  return 0;
}
