// Go's parameter verdicts, as remarks at each function (Passed: does not
// escape; Missed: leaking): what it does with each pointer parameter, by the
// name debug info gives it.
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass-missed=escape -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=NODEBUG

#include <stdlib.h>

char *global;

void keep(char *p) { global = p; } // expected-remark {{leaking param: p}}

char *ident(char *q) { return q; } // expected-remark {{leaking param: q to result ~r0 level=0}}

long sum(const char *buf, int n) { // expected-remark {{buf does not escape}}
  long s = 0;
  for (int i = 0; i < n; i++)
    s += buf[i];
  return s;
}

void drop(char *d) { free(d); } // expected-remark {{leaking param: d (freed)}}

void publish(char **pp) { global = *pp; } // expected-remark {{leaking param content: pp}}

// Without debug information, parameters go by their IR names.
// NODEBUG: params.c:[[#@LINE-3]]:{{[0-9]+}}: remark: leaking param content: %0

// A parameter goes by its own variable, not by a parameter of a function
// inlined into it (whose debug variable has an argument number too).
static inline void keep_inline(char *q) { global = q; }
void outer(char *p, int n) { if (n) keep_inline(p); } // expected-remark {{leaking param: p}}
