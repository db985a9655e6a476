// Without escape-source (or where it finds no text), the report writes values
// from the IR, as C would: a size computed from an int parameter is `%0 + 1`,
// not `?`; a string literal is "none", not the compiler's &.str; a value
// that comes from several branches is one of them (`a or b`, null pointers
// left out), not phi(...); a pointer turned into an integer is the pointer.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc-no-source -m=2 -c ir-text.c -o %t/ir-text.o 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=phi( --implicit-check-not=.str \
// RUN:       --implicit-check-not=intptr_t --implicit-check-not=?
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *name;
void pick(int c) {
  char *p = malloc(4);
  p[0] = 0;
  const char *r = c ? p : "none";
  name = r;
}
// CHECK:      ir-text.c:[[#@LINE-5]]:13: malloc(4) escapes to heap: stored to global name
// CHECK-NEXT: ir-text.c:[[#@LINE-6]]:13:   flow: {heap} = &{storage for malloc(4)}:
// CHECK-NEXT: ir-text.c:[[#@LINE-7]]:13:     from %0 == 0 ? "none" : malloc(4) (assign) at ir-text.c:[[#@LINE-5]]:19
// CHECK-NEXT: ir-text.c:[[#@LINE-8]]:13:     from name = %0 == 0 ? "none" : malloc(4) (assign to global name) at ir-text.c:[[#@LINE-5]]:8

char *copy(const char *s, int n) {
  // CHECK: ir-text.c:[[#@LINE-1]]:1: leaking param content: %0
  char *p = malloc(n + 1);
  // CHECK: ir-text.c:[[#@LINE-1]]:13: malloc(%1 + 1) escapes to heap: returned
  // CHECK-NEXT: ir-text.c:[[#@LINE-2]]:13:   flow: ~r0 = &{storage for malloc(%1 + 1)}:
  // CHECK-NEXT: ir-text.c:[[#@LINE-3]]:13:     from return malloc(%1 + 1) (return) at ir-text.c:[[#@LINE+3]]:3
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

uintptr_t hash;
void remember(int n) {
  char *q = malloc(n * 2);
  // CHECK: ir-text.c:[[#@LINE-1]]:13: malloc(%0 << 1) escapes to heap: converted to an integer{{.*}}
  // CHECK-NEXT: ir-text.c:[[#@LINE-2]]:13:   flow: {heap} = &{storage for malloc(%0 << 1)}:
  // CHECK-NEXT: ir-text.c:[[#@LINE-3]]:13:     from malloc(%0 << 1) (converted to an integer{{.*}}) at ir-text.c:[[#@LINE+2]]:10
  q[0] = 1;
  hash = (uintptr_t)q;
}

char *last;
void either(int n) {
  char *x = NULL;
  if (n > 2)
    x = malloc(16);
  else if (n > 1)
    x = calloc(4, 8);
  last = x;
}
// CHECK:      ir-text.c:[[#@LINE-5]]:9: malloc(16) escapes to heap: stored to global last
// CHECK-NEXT: ir-text.c:[[#@LINE-6]]:9:   flow: {heap} = &{storage for malloc(16)}:
// CHECK-NEXT: ir-text.c:[[#@LINE-7]]:9:     from last = malloc(16) or calloc(4, 8) (assign to global last) at ir-text.c:[[#@LINE-4]]:8
// CHECK-NEXT: ir-text.c:[[#@LINE-6]]:9: calloc(4, 8) escapes to heap: stored to global last
