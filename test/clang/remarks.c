// Every allocation site gets exactly one remark, in Go's words; -verify fails
// on a missing or an unexpected one, as Go's test/escape*.go do.
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O1 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O3 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

void opaque(void *p);             // may capture
char *global_ptr;
jmp_buf env;

__attribute__((noinline)) static long sum(const unsigned char *p, int n) { // expected-remark-re {{{{p|%0}} does not escape}}
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

long scratch_in_loop(int n) {
  long total = 0;
  for (int i = 0; i < n; i++) {
    unsigned char *buf = malloc(64); // expected-remark {{moved to stack: malloc(64)}}
    memset(buf, i, 64);
    total += sum(buf, 64);
    free(buf);
  }
  return total;
}

long zeroed(void) {
  unsigned char *p = calloc(4, 8); // expected-remark {{moved to stack: calloc(4, 8)}}
  p[3] = 1;
  long r = sum(p, 32);
  free(p);
  return r;
}

long aligned(void) {
  unsigned char *p = aligned_alloc(64, 128); // expected-remark {{moved to stack: aligned_alloc(64, 128)}}
  memset(p, 1, 128);
  long r = sum(p, 128) + ((unsigned long)(unsigned char)(p[5]));
  free(p);
  return r;
}

char *returned(void) {
  char *p = malloc(32); // expected-remark {{malloc(32) escapes to heap: returned}}
  memset(p, 'x', 31);
  return p;
}

void to_global(void) {
  global_ptr = malloc(8); // expected-remark {{malloc(8) escapes to heap: stored to global global_ptr}}
}

void to_unknown(void) {
  char *p = malloc(8); // expected-remark {{malloc(8) escapes to heap: passed to opaque}}
  opaque(p);
  free(p);
}

long too_large(void) {
  unsigned char *p = malloc(4096); // expected-remark {{malloc(4096) escapes to heap: too large for stack (4096 > 1024 bytes)}}
  memset(p, 1, 4096);
  long r = sum(p, 4096);
  free(p);
  return r;
}

long variable(int n) {
  unsigned char *p = malloc(n); // expected-remark-re {{moved to stack: malloc({{.*}}) (up to 256 bytes, else heap)}}
  memset(p, 1, n);
  long r = sum(p, n);
  free(p);
  return r;
}

struct node { struct node *next; int value; };

struct node *carried(int n) {
  struct node *head = 0;
  for (int i = 0; i < n; i++) {
    struct node *x = malloc(sizeof *x); // expected-remark {{malloc(16) escapes to heap: stored into an object that escapes (returned)}}
    x->next = head;
    x->value = i;
    head = x;
  }
  return head;
}

long carried_and_freed(int n) {
  struct node *head = 0;
  for (int i = 0; i < n; i++) {
    // Reading head->value below does not read head->next: fields are told
    // apart by offset.
    struct node *x = malloc(sizeof *x); // expected-remark {{moved to stack: malloc(16) (one at a time, else heap)}}
    x->next = head;
    x->value = i;
    head = x;
  }
  long s = 0;
  while (head) {
    struct node *next = head->next;
    s += head->value;
    free(head);
    head = next;
  }
  return s;
}

struct pair { char *name; long length; };

__attribute__((noinline)) long measure(struct pair *p) { return p->length + p->name[0]; } // expected-remark-re {{{{p|%0}} does not escape}}

// A local struct holding a heap pointer next to data: reading the data does
// not read the pointer, here or in measure, whose summary names the word it
// reads (p->length).
long struct_field(long n) {
  struct pair *p = malloc(sizeof *p); // expected-remark {{moved to stack: malloc(16)}}
  p->name = malloc(8); // expected-remark {{moved to stack: malloc(8)}}
  p->name[0] = 'a';
  p->length = n;
  long r = measure(p) + p->length;
  free(p->name);
  free(p);
  return r;
}

int longjumps(void) {
  unsigned char *p = malloc(16); // expected-remark {{malloc(16) escapes to heap: function calls a returns_twice function}}
  memset(p, 2, 16);
  if (setjmp(env))
    return 1;
  long r = sum(p, 16);
  free(p);
  return (int)r;
}

// Grown by realloc, then returned: on the stack while it grows, copied to
// the heap at the return (move-at-return.ll).
char *grown_and_returned(const char *s) { // expected-remark-re {{{{s|%0}} does not escape}}
  size_t cap = 16, len = 0;
  char *buf = malloc(cap); // expected-remark {{moved to stack: malloc(16) (to the heap when returned)}}
  for (; *s; s++) {
    if (len + 2 > cap) {
      cap *= 2;
      char *grown = realloc(buf, cap);
      if (!grown) {
        free(buf);
        return 0;
      }
      buf = grown;
    }
    buf[len++] = *s;
  }
  buf[len] = 0;
  return buf;
}

// The same with a size known only at run time.
char *sized_grown_and_returned(size_t n) {
  char *buf = malloc(n + 1); // expected-remark-re {{moved to stack: malloc({{.*}} + 1) (up to 256 bytes, else heap; to the heap when returned)}}
  buf = realloc(buf, 2 * n + 1);
  memset(buf, 'x', 2 * n);
  buf[2 * n] = 0;
  return buf;
}

// Returned, and kept in a global too: stays.
char *grown_and_published(size_t n) {
  char *buf = malloc(8); // expected-remark {{malloc(8) escapes to heap: stored to global global_ptr}}
  buf = realloc(buf, n);
  global_ptr = buf;
  return buf;
}
