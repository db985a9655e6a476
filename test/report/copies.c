// Loop unrolling copies an allocation site: the report has one line per
// distinct verdict at a place, and when the copies' verdicts differ, each line
// says how many copies it is for. JSON has the same lines, each with the
// number of copies it stands for, of how many, and their sizes.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m -c copies.c -o %t/copies.o 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=copies.c:
// RUN: cd %S && %escape-cc --format=json -c copies.c -o %t/copies.o > %t/copies.json
// RUN: python3 %S/Inputs/check_json.py %t/copies.json | FileCheck %s --check-prefix=JSON
// SARIF says it with occurrenceCount and the properties siteCopies and sizes.
// RUN: cd %S && %escape-cc --format=sarif -c copies.c -o %t/copies.o > %t/copies.sarif
// RUN: cd %S && python3 %S/Inputs/check_sarif.py %t/copies.sarif | FileCheck %s --check-prefix=SARIF
//
// Without escape-source the copies read as the IR has them (malloc(8),
// malloc(16)...): lines of their own in both formats.
// RUN: cd %S && %escape-cc-no-source -m -c copies.c -o %t/ir.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IR --implicit-check-not=copies.c:
// RUN: cd %S && %escape-cc-no-source --format=json -c copies.c -o %t/ir.o > %t/ir.json
// RUN: python3 %S/Inputs/check_json.py %t/ir.json | FileCheck %s --check-prefix=IR-JSON
#include <stdlib.h>

__attribute__((noinline)) static int use(const int *p) { return p[0]; }
// CHECK: copies.c:[[#@LINE-1]]:53: p does not escape
// JSON: param copies.c:[[#@LINE-2]] p does not escape | use
// IR: copies.c:[[#@LINE-3]]:1: %0 does not escape
// IR-JSON: param copies.c:[[#@LINE-4]] %0 does not escape | use

// Three copies, the same verdict: one line (the IR's sizes differ, 8, 16, 24;
// the source's text does not).
int *slots[4];
void fill(void) {
  for (int i = 1; i <= 3; i++)
    slots[i] = malloc(i * 8);
  // CHECK: copies.c:[[#@LINE-1]]:16: malloc(i * 8) escapes to heap: stored to global slots
  // JSON-NEXT: escapes copies.c:[[#@LINE-2]]:16 malloc(i * 8) | stored to global slots | malloc None | fill | copies 3 of 3, sizes 8 16 24
  // IR: copies.c:[[#@LINE-3]]:16: malloc(16) escapes to heap: stored to global slots (1 of 3 copies)
  // IR: copies.c:[[#@LINE-4]]:16: malloc(24) escapes to heap: stored to global slots (1 of 3 copies)
  // IR: copies.c:[[#@LINE-5]]:16: malloc(8) escapes to heap: stored to global slots (1 of 3 copies)
  // IR-JSON: escapes copies.c:[[#@LINE-6]]:16 malloc(16) | stored to global slots | malloc 16 | fill | copies 1 of 3, sizes 16
  // IR-JSON: escapes copies.c:[[#@LINE-7]]:16 malloc(24) | stored to global slots | malloc 24 | fill | copies 1 of 3, sizes 24
  // IR-JSON: escapes copies.c:[[#@LINE-8]]:16 malloc(8) | stored to global slots | malloc 8 | fill | copies 1 of 3, sizes 8
  // SARIF: escape/escapes-to-heap note copies.c:[[#@LINE-9]]:16 [malloc(i * 8);]: malloc(i * 8) escapes to heap: stored to global slots
  // SARIF-NEXT: copies 3 of 3, sizes 8 16 24
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
    // JSON: moved copies.c:[[#@LINE-5]]:14 malloc(i * 256 * sizeof *p) | None | malloc 1024 | sizes | copies 1 of 4, sizes 1024
    // JSON: escapes copies.c:[[#@LINE-6]]:14 {{.*}} (2048 > 1024 bytes) | malloc 2048 | sizes | copies 1 of 4, sizes 2048
    // JSON: escapes copies.c:[[#@LINE-7]]:14 {{.*}} (3072 > 1024 bytes) | malloc 3072 | sizes | copies 1 of 4, sizes 3072
    // JSON: escapes copies.c:[[#@LINE-8]]:14 {{.*}} (4096 > 1024 bytes) | malloc 4096 | sizes | copies 1 of 4, sizes 4096
    // IR: copies.c:[[#@LINE-9]]:14: moved to stack: malloc(1024) (1 of 4 copies)
    // IR-COUNT-3: copies.c:[[#@LINE-10]]:14: malloc({{[0-9]+}}) escapes to heap: too large for stack ({{.*}}) (1 of 4 copies)
    // IR-JSON: moved copies.c:[[#@LINE-11]]:14 malloc(1024) | None | malloc 1024 | sizes | copies 1 of 4, sizes 1024
    // SARIF: escape/moved-to-stack note copies.c:[[#@LINE-12]]:14 [malloc(i * 256 *]: moved to stack: malloc(i * 256 * sizeof *p) (1 of 4 copies)
    // SARIF-NEXT: copies 1 of 4, sizes 1024
    p[0] = i;
    s += use(p);
    free(p);
  }
  return s;
}
// JSON: verdicts: 6
// IR-JSON: verdicts: 8
