// Go's -m=2 paths in clang's remarks: with -Rpass-analysis=escape, every
// escaping allocation is followed by the path from it to where it escapes,
// each line a remark at the allocation, with the variables debug info names
// and the place of each step. Checked exhaustively by -verify: the expected
// remarks are listed at the end, by line, in the order the pass emits them.
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape \
// RUN:   -Rpass-analysis=escape -c -o /dev/null -Xclang -verify %s
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; int value; };
struct node *list;
char *saved;

void keep(char *p) { saved = p; }

void stored_global(void) {
  char *buf = malloc(16);
  saved = buf;
}

struct node *returned(int v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = 0;
  return n;
}

struct node *boxed(int v) {
  struct node *head = malloc(sizeof *head);
  struct node *tail = malloc(sizeof *tail);
  tail->value = v;
  tail->next = 0;
  head->next = tail;
  head->value = 0;
  return head;
}

void passed(void) {
  char *tmp = malloc(8);
  memset(tmp, 0, 8);
  keep(tmp);
}

void out_param(char **out) {
  char *s = malloc(32);
  memset(s, 'x', 32);
  *out = s;
}

void pushed(int v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = list;
  list = n;
}


// A result merged from two allocations by a select: the comparison reads as C.
char *pick(int n) {
  char *a = malloc(16);
  char *b = malloc(32);
  a[0] = b[0] = 0;
  if (n)
    return a;
  return b;
}


// Made in a loop and kept by the next iteration's object: the slot takes one
// node at a time, the others go to the heap. A promotion has no path.
long chain(int n) {
  struct node *head = 0;
  for (int i = 0; i < n; i++) {
    struct node *c = malloc(sizeof *c);
    c->value = i;
    c->next = head;
    head = c;
  }
  long sum = 0;
  while (head) {
    struct node *next = head->next;
    sum += head->value;
    free(head);
    head = next;
  }
  return sum;
}

// Grown by realloc and kept for the next iteration: the growing slot takes
// no one-at-a-time flag, so Go's loop rule, with the phi that keeps it.
long grown_pairs(int n) {
  long sum = 0;
  char *prev = 0;
  for (int i = 0; i < n; i++) {
    char *c = malloc(16);
    char *g = realloc(c, 32);
    if (!g)
      abort();
    g[0] = (char)i;
    if (prev)
      sum += prev[0];
    free(prev);
    prev = g;
  }
  free(prev);
  return sum;
}

// expected-remark@15 {{leaking param: p}}
// expected-remark@18 {{malloc(16) escapes to heap: stored to global saved}}
// expected-remark@18 {{  flow: buf = &{storage for malloc(16)}:}}
// expected-remark-re@18 {{    from buf = malloc(16) (assign) at {{.*}}paths.c:18:15}}
// expected-remark@18 {{  flow: {heap} = buf:}}
// expected-remark-re@18 {{    from saved = buf (assign to global saved) at {{.*}}paths.c:19:9}}
// expected-remark@23 {{malloc(16) escapes to heap: returned}}
// expected-remark@23 {{  flow: n = &{storage for malloc(16)}:}}
// expected-remark-re@23 {{    from n = malloc(16) (assign) at {{.*}}paths.c:23:20}}
// expected-remark@23 {{  flow: ~r0 = n:}}
// expected-remark-re@23 {{    from return n (return) at {{.*}}paths.c:26:3}}
// expected-remark@30 {{malloc(16) escapes to heap: returned}}
// expected-remark@30 {{  flow: head = &{storage for malloc(16)}:}}
// expected-remark-re@30 {{    from head = malloc(16) (assign) at {{.*}}paths.c:30:23}}
// expected-remark@30 {{  flow: ~r0 = head:}}
// expected-remark-re@30 {{    from return head (return) at {{.*}}paths.c:36:3}}
// expected-remark@31 {{malloc(16) escapes to heap: stored into an object that escapes (returned)}}
// expected-remark@31 {{  flow: tail = &{storage for malloc(16)}:}}
// expected-remark-re@31 {{    from tail = malloc(16) (assign) at {{.*}}paths.c:31:23}}
// expected-remark@31 {{  flow: *head = tail:}}
// expected-remark-re@31 {{    from *head = tail (assign) at {{.*}}paths.c:34:14}}
// expected-remark@31 {{  flow: ~r0 = head:}}
// expected-remark-re@31 {{    from return head (return) at {{.*}}paths.c:36:3}}
// expected-remark@40 {{malloc(8) escapes to heap: stored to global saved}}
// expected-remark@40 {{  flow: tmp = &{storage for malloc(8)}:}}
// expected-remark-re@40 {{    from tmp = malloc(8) (assign) at {{.*}}paths.c:40:15}}
// expected-remark@40 {{  flow: {heap} = tmp:}}
// expected-remark-re@40 {{    from saved = tmp (assign to global saved) at {{.*}}paths.c:15:28}}
// expected-remark@45 {{out does not escape}}
// expected-remark@46 {{malloc(32) escapes to heap: stored to unknown memory}}
// expected-remark@46 {{  flow: s = &{storage for malloc(32)}:}}
// expected-remark-re@46 {{    from s = malloc(32) (assign) at {{.*}}paths.c:46:13}}
// expected-remark@46 {{  flow: {heap} = s:}}
// expected-remark-re@46 {{    from *out = s (assign to memory of param out) at {{.*}}paths.c:48:8}}
// expected-remark@52 {{malloc(16) escapes to heap: stored to global list}}
// expected-remark@52 {{  flow: n = &{storage for malloc(16)}:}}
// expected-remark-re@52 {{    from n = malloc(16) (assign) at {{.*}}paths.c:52:20}}
// expected-remark@52 {{  flow: {heap} = n:}}
// expected-remark-re@52 {{    from list = n (assign to global list) at {{.*}}paths.c:55:8}}
// expected-remark@61 {{malloc(16) escapes to heap: returned}}
// expected-remark@61 {{  flow: a = &{storage for malloc(16)}:}}
// expected-remark-re@61 {{    from a = malloc(16) (assign) at {{.*}}paths.c:61:13}}
// expected-remark@61 {{  flow: ~r0 = a:}}
// expected-remark@61 {{    from n == 0 ? b : a (assign)}}
// expected-remark-re@61 {{    from return n == 0 ? b : a (return) at {{.*}}paths.c:67:1}}
// expected-remark@62 {{malloc(32) escapes to heap: returned}}
// expected-remark@62 {{  flow: b = &{storage for malloc(32)}:}}
// expected-remark-re@62 {{    from b = malloc(32) (assign) at {{.*}}paths.c:62:13}}
// expected-remark@62 {{  flow: ~r0 = b:}}
// expected-remark@62 {{    from n == 0 ? b : a (assign)}}
// expected-remark-re@62 {{    from return n == 0 ? b : a (return) at {{.*}}paths.c:67:1}}
// expected-remark@75 {{moved to stack: malloc(16) (one at a time, else heap)}}
// expected-remark@96 {{malloc(16) escapes to heap: live across loop iterations}}
// expected-remark@96 {{    from prev = g (live across loop iterations)}}
