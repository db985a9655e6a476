// Null pointer constants where the pass expects memory: the copy, the load
// and the store used to crash the compiler in the plugin (cJSON at -O3).
// Each function gets its verdict and nothing else; -verify is exhaustive.
// (LLVM 22 deletes the undefined copies before the pass: d does not escape.)
// RUN: %clang -O1 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -Wno-nonnull -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -Wno-nonnull -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O3 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -Wno-nonnull -c -o /dev/null -Xclang -verify %s
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void copy_from_null(char *d, size_t n) { memcpy(d, NULL, n); } // expected-remark-re {{{{(leaking param content: (d|%0))|((d|%0) does not escape)}}}}
void move_from_null(char *d, size_t n) { memmove(d, NULL, n); } // expected-remark-re {{{{(leaking param content: (d|%0))|((d|%0) does not escape)}}}}
void *load_from_null(void) { return *(void *volatile *)0; }
void store_to_null(void *p) { *(void *volatile *)0 = p; } // expected-remark-re {{leaking param: {{p|%0}}}}

// An object stored at a constant address is not the function's to promote.
void object_to_null(void) {
  char *q = malloc(8); // expected-remark {{malloc(8) escapes to heap: stored to unknown memory}}
  *(char *volatile *)0 = q;
}
