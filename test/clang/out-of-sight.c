// Rule "allocates out of sight" (pass/alloc.c): allocation the pass cannot
// follow is reported, not passed over in silence: a wrapper in another file
// declared with alloc_size or malloc, a hook called through a function pointer
// typed with alloc_size (cJSON's and Lua's allocator hooks), and a wrapper
// whose body is here but was not inlined.
// RUN: %clang -O2 -g -w -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

void *xmalloc(size_t n) __attribute__((malloc, alloc_size(1)));
char *xstrdup(const char *s) __attribute__((malloc));
typedef void *(*alloc_hook)(size_t) __attribute__((alloc_size(1)));
extern alloc_hook allocate;
int use(const char *);

__attribute__((noinline)) static void *checked(size_t n) {
  void *p = malloc(n); // expected-remark {{malloc(n) escapes to heap: returned}}
  if (!p)
    abort();
  return p;
}

int wrappers(size_t n, const char *s) { // expected-remark {{leaking param: s}}
  char *a = xmalloc(n);   // expected-remark {{xmalloc(n) escapes to heap: allocated inside xmalloc, whose body is not here}}
  char *b = xstrdup(s);   // expected-remark {{xstrdup(s) escapes to heap: allocated inside xstrdup, whose body is not here}}
  char *c = allocate(n);  // expected-remark {{(*allocate)(n) escapes to heap: allocated through a function pointer, not analysed}}
  char *d = checked(n);   // expected-remark {{checked(n) escapes to heap: allocated inside checked, not inlined here}}
  FILE *f = fopen(s, "r");
  int r = use(a) + use(b) + use(c) + use(d) + (f != NULL);
  free(a);
  free(b);
  free(c);
  free(d);
  return r;
}
