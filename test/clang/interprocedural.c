// Interprocedural escape analysis through clang -O2 (issue 4): summaries of
// the module's own functions that the inliner left alone, and the C library
// model. Every allocation site gets exactly one remark.
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=STACK

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// External, no attributes, not inlined: only its body says it reads p.
__attribute__((noinline)) long checksum(const unsigned char *p, int n) { // expected-remark {{p does not escape}}
  long s = 0;
  for (int i = 0; i < n; i++)
    s = s * 31 + p[i];
  return s;
}

// Promoted behind the room check (pass/room.h), in the stack version.
// STACK-LABEL: define{{.*}} @buffer_to_helper.escape.stack(
// STACK: alloca [64 x i8], align 16
// STACK-NOT: @malloc
// STACK-NOT: @free
// STACK: ret
long buffer_to_helper(int fill) {
  unsigned char *buf = malloc(64); // expected-remark {{moved to stack: malloc(64)}}
  memset(buf, fill, 64);
  long r = checksum(buf, 64);
  free(buf);
  return r;
}

int print_heap_string(const char *name) { // expected-remark {{name does not escape}}
  char *s = malloc(32); // expected-remark {{moved to stack: malloc(32)}}
  snprintf(s, 32, "hello, %s", name);
  int r = printf("%s\n", s);
  free(s);
  return r;
}

long parse_heap_string(const char *text) { // expected-remark {{text does not escape}}
  char *s = malloc(24); // expected-remark {{moved to stack: malloc(24)}}
  strncpy(s, text, 23);
  s[23] = 0;
  char *end;
  long v = strtol(s, &end, 10);
  if (*end != 0)
    v = -v;
  free(s);
  return v;
}

// clang emits a static function after its first user: the comparator comes
// after median_of_heap_array in the module.
static int compare_ints(const void *a, const void *b) { // expected-remark {{a does not escape}} expected-remark {{b does not escape}}
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

int median_of_heap_array(const int *in) { // expected-remark {{leaking param content: in}}
  int *a = malloc(16 * sizeof *a); // expected-remark {{moved to stack: malloc(64)}}
  memcpy(a, in, 16 * sizeof *a);
  qsort(a, 16, sizeof *a, compare_ints);
  int m = a[8];
  free(a);
  return m;
}

// An external comparator is emitted where it is written, before its user,
// so its summary is known when the caller is analysed.
int compare_longs(const void *a, const void *b) { // expected-remark {{a does not escape}} expected-remark {{b does not escape}}
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

long max_of_heap_array(const long *in) { // expected-remark {{leaking param content: in}}
  long *a = malloc(8 * sizeof *a); // expected-remark {{moved to stack: malloc(64)}}
  memcpy(a, in, 8 * sizeof *a);
  qsort(a, 8, sizeof *a, compare_longs);
  long m = a[7];
  free(a);
  return m;
}

struct node {
  struct node *next;
  int value;
};

// STACK-LABEL: define{{.*}} @local_list.escape.stack(
// STACK-NOT: @malloc
// STACK-NOT: @free
// STACK: ret
int local_list(int x) {
  struct node *a = malloc(sizeof *a); // expected-remark {{moved to stack: malloc(16)}}
  struct node *b = malloc(sizeof *b); // expected-remark {{moved to stack: malloc(16)}}
  struct node *c = malloc(sizeof *c); // expected-remark {{moved to stack: malloc(16)}}
  a->value = x;
  a->next = b;
  b->value = x + 1;
  b->next = c;
  c->value = x + 2;
  c->next = NULL;
  int s = 0;
  for (struct node *n = a; n; n = n->next)
    s += n->value;
  free(c);
  free(b);
  free(a);
  return s;
}

__attribute__((noinline)) void obj_free(void *p) { free(p); } // expected-remark {{leaking param: p (freed)}}

// CHECK-LABEL: define{{.*}} @freed_by_helper(
// CHECK-NOT: alloca
// CHECK: @malloc
// CHECK: call void @obj_free(
int freed_by_helper(int x) {
  int *p = malloc(sizeof *p); // expected-remark {{malloc(4) escapes to heap: freed by callee obj_free}}
  *p = x;
  int r = *p + 1;
  obj_free(p);
  return r;
}
