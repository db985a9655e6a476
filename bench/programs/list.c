/* list.c: objects live across loop iterations.
 *
 * Each call builds a short linked list of 8 nodes, one malloc per node in a
 * loop, walks it and frees it. A node is stored into the next one, so it is
 * live across loop iterations: a node site's slot takes one node at a time
 * (rule "one at a time"), and a list longer than the loop's unrolling would
 * have its other nodes on the heap. The stack version is an array of 8
 * nodes. */
#include "bench.h"

struct node {
  struct node *next;
  long value;
};

static long run(long seed) {
  struct node *head = NULL;
#ifdef STACK
  struct node pool[8];
#endif
  for (int i = 0; i < 8; i++) {
#ifdef STACK
    struct node *n = &pool[i];
#else
    struct node *n = malloc(sizeof *n);
    if (!n)
      abort();
#endif
    n->value = seed * (i + 1) % 1009;
    n->next = head;
    head = n;
  }
  long sum = 0;
  for (struct node *n = head; n; n = n->next)
    sum = sum * 31 + n->value;
#ifndef STACK
  while (head) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
#endif
  return sum;
}

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 1500000);
  long total = 0;
  for (long i = 0; i < iterations; i++)
    total ^= run(i);
  printf("list %ld %ld\n", iterations, total);
  return 0;
}
