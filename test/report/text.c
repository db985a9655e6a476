// The text report of escape-cc: -m, -m=2 (also as -m -m), source text from
// escape-source, the remarks' own text without it; the object file is the one
// plain clang makes with the plugin.
// REQUIRES: escape-source
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m -c text.c -o %t/report.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M1 --match-full-lines --implicit-check-not=text.c:
// RUN: cd %S && %escape-cc -m=2 -c text.c -o %t/report.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M2 --match-full-lines
// RUN: cd %S && %escape-cc -m -m -c text.c -o %t/report.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M2 --match-full-lines
// RUN: cd %S && %escape-cc-no-source -m=2 -c text.c -o %t/report.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IR --match-full-lines
//
// One compile makes the report and the object, which is byte for byte the one
// clang makes without the report (no debug information is added for it).
// RUN: cd %S && %clang -O2 -fpass-plugin=%plugin -c text.c -o %t/plain.o
// RUN: cmp %t/report.o %t/plain.o
// RUN: cd %S && %escape-cc -m -g -O1 -c text.c -o %t/report-g.o 2>/dev/null
// RUN: cd %S && %clang -g -O1 -fpass-plugin=%plugin -c text.c -o %t/plain-g.o
// RUN: cmp %t/report-g.o %t/plain-g.o
//
// Without -m, escape-cc is clang with the plugin: no report.
// RUN: cd %S && %escape-cc -c text.c -o %t/quiet.o 2>&1 | count 0
// RUN: cmp %t/quiet.o %t/plain.o
//
// Paths are shown relative to the current directory when under it, else absolute.
// RUN: cd %t && %escape-cc -m -c %s -o %t/report.o 2>&1 | FileCheck %s --check-prefix=ABS
// ABS: {{^/.*}}/report/text.c:[[#LOCAL:]]:14: moved to stack: malloc(2 * sizeof *buf)

#include <stdlib.h>
#include <string.h>

struct node { struct node *next; int v; };
static struct node *last;
#define NEW(T) ((T *)malloc(sizeof(T)))

__attribute__((noinline)) static int use(const int *p) { return p[0] + p[1]; }
// Parameters get Go's verdicts too. Without debug info the pass knows neither
// their names nor their places (the remark is at the function's line, column
// 1 as clang prints it); escape-source names the parameter and points at it.
// M1: text.c:[[#@LINE-4]]:53: p does not escape
// M2: text.c:[[#@LINE-5]]:53: p does not escape
// IR: text.c:[[#@LINE-6]]:1: %0 does not escape

__attribute__((noinline)) int local(int x) {
  int *buf = malloc(2 * sizeof *buf);
  // M1: text.c:[[#@LINE-1]]:14: moved to stack: malloc(2 * sizeof *buf)
  // M2: text.c:[[#@LINE-2]]:14: moved to stack: malloc(2 * sizeof *buf)
  // IR: text.c:[[#@LINE-3]]:14: moved to stack: malloc(8)
  buf[0] = x;
  buf[1] = x + 1;
  int r = use(buf);
  free(buf);
  return r;
}

// An allocation made by a macro reads as the macro's invocation.
__attribute__((noinline)) struct node *make(int v) {
  struct node *n = NEW(struct node);
  // M1: text.c:[[#@LINE-1]]:20: NEW(struct node) escapes to heap: returned
  // M2: text.c:[[#@LINE-2]]:20: NEW(struct node) escapes to heap: returned
  // At -m=2, the path: Go's flow lines, each step as the source writes it.
  // M2-NEXT: text.c:[[#@LINE-4]]:20:   flow: ~r0 = &{storage for NEW(struct node)}:
  // M2-NEXT: text.c:[[#@LINE-5]]:20:     from return n (return) at text.c:[[#@LINE+6]]:3
  // IR: text.c:[[#@LINE-6]]:20: malloc(16) escapes to heap: returned
  // IR-NEXT: text.c:[[#@LINE-7]]:20:   flow: ~r0 = &{storage for malloc(16)}:
  // IR-NEXT: text.c:[[#@LINE-8]]:20:     from return malloc(16) (return) at text.c:[[#@LINE+3]]:3
  n->v = v;
  n->next = 0;
  return n;
}

__attribute__((noinline)) void remember(int v) {
  struct node *n = malloc(sizeof *n);
  // M1: text.c:[[#@LINE-1]]:20: malloc(sizeof *n) escapes to heap: stored to global last
  // M2: text.c:[[#@LINE-2]]:20: malloc(sizeof *n) escapes to heap: stored to global last
  // M2-NEXT: text.c:[[#@LINE-3]]:20:   flow: {heap} = &{storage for malloc(sizeof *n)}:
  // M2-NEXT: text.c:[[#@LINE-4]]:20:     from last = n (assign to global last) at text.c:[[#@LINE+6]]:8
  // IR: text.c:[[#@LINE-5]]:20: malloc(16) escapes to heap: stored to global last
  // IR-NEXT: text.c:[[#@LINE-6]]:20:   flow: {heap} = &{storage for malloc(16)}:
  // IR-NEXT: text.c:[[#@LINE-7]]:20:     from last = malloc(16) (assign to global last) at text.c:[[#@LINE+3]]:8
  n->v = v;
  n->next = last;
  last = n;
}

__attribute__((noinline)) int big(void) {
  int *p = malloc(1 << 20);
  // M1: text.c:[[#@LINE-1]]:12: malloc(1 << 20) escapes to heap: too large for stack (1048576 > 1024 bytes)
  // M2: text.c:[[#@LINE-2]]:12: malloc(1 << 20) escapes to heap: too large for stack (1048576 > 1024 bytes)
  // M2-NEXT: text.c:[[#@LINE-3]]:12:     from malloc(1 << 20) (too large for stack (1048576 > 1024 bytes)) at text.c:[[#@LINE-3]]:12
  // IR: text.c:[[#@LINE-4]]:12: malloc(1048576) escapes to heap: too large for stack (1048576 > 1024 bytes)
  // IR-NEXT: text.c:[[#@LINE-5]]:12:     from malloc(1048576) (too large for stack (1048576 > 1024 bytes)) at text.c:[[#@LINE-5]]:12
  memset(p, 1, 1 << 20);
  int r = use(p);
  free(p);
  return r;
}

// A call over two lines reads as one.
__attribute__((noinline)) int sized(size_t n) {
  int *p = calloc(n + 2,
                  sizeof *p);
  // M1: text.c:[[#@LINE-2]]:12: moved to stack: calloc(n + 2, sizeof *p) (up to 256 bytes, else heap)
  // M2: text.c:[[#@LINE-3]]:12: moved to stack: calloc(n + 2, sizeof *p) (up to 256 bytes, else heap)
  // IR: text.c:[[#@LINE-4]]:12: moved to stack: calloc({{.*}}) (up to 256 bytes, else heap)
  int r = use(p);
  free(p);
  return r;
}
