// RUN: %difftest %s
// EXPECT-PROMOTED: 3
//
// Objects that live across loop iterations: a linked list built in a loop, a
// pointer to the previous iteration's object kept and freed one iteration
// later, and a buffer kept only on some iterations. Each site's slot takes
// one object at a time (rule "one at a time"), the others go to the heap; a
// slot reused while its object lives would make every node the same node.
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

__attribute__((noinline)) static void set(struct node *n, int v) { n->value = v; }

__attribute__((noinline)) static long build_list(int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct node *nd = malloc(sizeof *nd);
    set(nd, i * 3);
    nd->next = head;
    head = nd;
  }
  long s = 0;
  int pos = 0;
  while (head) {
    struct node *next = head->next;
    s += (long)head->value * ++pos;
    free(head);
    head = next;
  }
  return s;
}

/* Previous iteration's object kept, compared against, freed a round later. */
__attribute__((noinline)) static long keep_previous(int n) {
  int *prev = NULL;
  long s = 0;
  for (int i = 0; i < n; i++) {
    int *cur = malloc(16 * sizeof(int));
    for (int j = 0; j < 16; j++)
      cur[j] = i + j;
    if (prev) {
      s += cur[15] - prev[15]; /* 1 if the two are distinct objects */
      s += cur != prev;
      free(prev);
    }
    prev = cur;
  }
  s += prev[0];
  free(prev);
  return s;
}

/* Kept on some iterations only, in a slot declared outside the loop. */
__attribute__((noinline)) static long keep_some(int n) {
  char *kept[8] = {0};
  int nk = 0;
  long s = 0;
  for (int i = 0; i < n; i++) {
    char *b = malloc(32);
    for (int j = 0; j < 32; j++)
      b[j] = (char)(i + j);
    if (i % 5 == 0 && nk < 8)
      kept[nk++] = b;
    else
      free(b);
  }
  for (int k = 0; k < nk; k++) {
    s = s * 7 + kept[k][0] + kept[k][31];
    free(kept[k]);
  }
  return s;
}

int main(void) {
  long total = 0;
  for (int r = 0; r < 200; r++)
    total += build_list(100 + r) + keep_previous(50 + r) + keep_some(40);
  printf("total %ld\n", total);
  return 0;
}
