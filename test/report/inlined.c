// Code inlined from a helper is reported at the line of the user's code that
// called it (the outermost place of the inline chain), as Go reports inlined
// code (Go prints the outermost position); -m=2 shows the chain, innermost
// first. The allocation reads as written where it is made, as Go's does.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m -c inlined.c -o %t/inlined.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M1 --match-full-lines --implicit-check-not=.c:
// RUN: cd %S && %escape-cc -m=2 -c inlined.c -o %t/inlined.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M2 --match-full-lines
// clang's own remarks are at the same lines.
// RUN: cd %S && %clang -O2 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c inlined.c \
// RUN:   -o /dev/null 2>&1 | FileCheck %s --check-prefix=RPASS
#include "Inputs/wrap.h"

__attribute__((noinline)) static int first(const char *p) { return p[0]; }
// M1: inlined.c:[[#@LINE-1]]:56: p does not escape

int local(void) {
  char *p = xmalloc(16);
  // M1: inlined.c:[[#@LINE-1]]:13: moved to stack: malloc(size ? size : 1)
  // M2: inlined.c:[[#@LINE-2]]:13: moved to stack: malloc(size ? size : 1)
  // M2-NEXT: inlined.c:[[#@LINE-3]]:13:   inlined: xmalloc at Inputs/wrap.h:5:10
  // RPASS: inlined.c:[[#@LINE-4]]:13: remark: moved to stack: malloc(16)
  p[0] = 1;
  int r = first(p);
  free(p);
  return r;
}

char *kept;
void keep(void) {
  kept = xmalloc(8);
  // M1: inlined.c:[[#@LINE-1]]:10: malloc(size ? size : 1) escapes to heap: stored to global kept
  // M2: inlined.c:[[#@LINE-2]]:10: malloc(size ? size : 1) escapes to heap: stored to global kept
  // M2-NEXT: inlined.c:[[#@LINE-3]]:10:   inlined: xmalloc at Inputs/wrap.h:5:10
  // M2-NEXT: inlined.c:[[#@LINE-4]]:10:   flow: {heap} = &{storage for malloc(size ? size : 1)}:
  // RPASS: inlined.c:[[#@LINE-5]]:10: remark: malloc(8) escapes to heap: stored to global kept
}
