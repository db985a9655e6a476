// Loop unrolling copies an allocation site: the report has one line per
// distinct verdict at a place, and when the copies' verdicts differ, each line
// says how many copies it is for.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m -c copies.c -o %t/copies.o 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=copies.c:
// RUN: cd %S && %escape-cc --format=json -c copies.c -o %t/copies.o > %t/copies.json
// RUN: python3 %S/Inputs/check_json.py %t/copies.json | FileCheck %s --check-prefix=JSON
#include <stdlib.h>

__attribute__((noinline)) static int use(const int *p) { return p[0]; }
// CHECK: copies.c:[[#@LINE-1]]:53: p does not escape

// Three copies, the same verdict: one line (the IR's sizes differ, 8, 16, 24;
// the source's text does not).
int *slots[4];
void fill(void) {
  for (int i = 1; i <= 3; i++)
    slots[i] = malloc(i * 8);
  // CHECK: copies.c:[[#@LINE-1]]:16: malloc(i * 8) escapes to heap: stored to global slots
}

// Four copies, two verdicts: the first fits on the stack, the others do not.
int sizes(void) {
  int s = 0;
  for (int i = 1; i <= 4; i++) {
    int *p = malloc(i * 256 * sizeof *p);
    // CHECK: copies.c:[[#@LINE-1]]:14: moved to stack: malloc(i * 256 * sizeof *p) (1 of 4 copies)
    // CHECK: copies.c:[[#@LINE-2]]:14: malloc(i * 256 * sizeof *p) escapes to heap: too large for stack (2048 > 1024 bytes) (1 of 4 copies)
    // CHECK: copies.c:[[#@LINE-3]]:14: malloc(i * 256 * sizeof *p) escapes to heap: too large for stack (3072 > 1024 bytes) (1 of 4 copies)
    // CHECK: copies.c:[[#@LINE-4]]:14: malloc(i * 256 * sizeof *p) escapes to heap: too large for stack (4096 > 1024 bytes) (1 of 4 copies)
    p[0] = i;
    s += use(p);
    free(p);
  }
  return s;
}
// JSON: verdicts: 6
