// RUN: %difftest %s
// EXPECT-PROMOTED: 1
//
// Rule "stored below a parameter" (pass/summarize.c): a helper that stores a
// parameter into memory reachable from itself keeps it past the call. These
// shapes once got "does not escape" summaries: the caller promoted the object
// and later followed a pointer into a dead frame; and the nocapture written
// back from such a summary let alias analysis forward a store across the
// pointer the helper kept (via_attribute returned x instead of x + 1).
#include <stdio.h>
#include <stdlib.h>

struct S { struct S *self; int v; };
struct node { struct node *prev, *next; int v; };
struct tree { struct tree *parent, *child; int v; };

__attribute__((noinline)) void setself(struct S *s) { s->self = s; }

/* The Linux list_add shape. */
__attribute__((noinline)) void insert_after(struct node *pos, struct node *n) {
  n->prev = pos;
  n->next = pos->next;
  if (pos->next)
    pos->next->prev = n;
  pos->next = n;
}

__attribute__((noinline)) void adopt(struct tree *t) { t->child->parent = t; }

/* Only walks: a cycle on the pointee chain that no store made. */
__attribute__((noinline)) static int length(const struct node *n) {
  int k = 0;
  for (; n; n = n->next)
    k++;
  return k;
}

struct S *kept_s;
struct node *kept_n;
struct tree *kept_t;

__attribute__((noinline)) int via_attribute(int x) {
  struct S a;
  setself(&a);
  a.v = x;
  a.self->v = x + 1;
  return a.v;
}

__attribute__((noinline)) int via_heap(int x) {
  struct S *s = malloc(sizeof *s);
  setself(s);
  kept_s = s->self;
  s->v = x;
  return kept_s->v;
}

__attribute__((noinline)) int via_list(struct node *head, int x) {
  struct node *n = malloc(sizeof *n);
  n->v = x;
  n->next = NULL;
  insert_after(head, n);
  kept_n = head->next;
  return kept_n->v;
}

__attribute__((noinline)) int via_tree(struct tree *child, int x) {
  struct tree *t = malloc(sizeof *t);
  t->child = child;
  t->v = x;
  adopt(t);
  kept_t = child->parent;
  return kept_t->v;
}

__attribute__((noinline)) int walk_local(int x) {
  struct node *a = malloc(sizeof *a);
  a->next = NULL;
  a->v = x;
  int k = length(a) + a->v;
  free(a);
  return k;
}

/* Overwrites the stack where a promoted object of the functions above was. */
__attribute__((noinline)) int scribble(int x) {
  volatile char buf[256];
  for (int i = 0; i < 256; i++)
    buf[i] = (char)(x + i);
  return buf[x & 255];
}

int main(int argc, char **argv) {
  (void)argv;
  struct node head = {NULL, NULL, 0};
  struct tree child = {NULL, NULL, 0};
  printf("%d\n", via_attribute(argc));
  printf("%d\n", via_heap(argc + 5));
  scribble(argc);
  printf("%d %d\n", kept_s->v, kept_s->self == kept_s);
  printf("%d\n", via_list(&head, argc + 7));
  scribble(argc);
  printf("%d %d\n", kept_n->v, kept_n->prev == &head);
  printf("%d\n", via_tree(&child, argc + 9));
  scribble(argc);
  printf("%d %d\n", kept_t->v, kept_t->child == &child);
  printf("%d\n", walk_local(argc));
  free(kept_s);
  free(kept_n);
  free(kept_t);
  return 0;
}
