// Rule "is the library's allocator" (pass/alloc.c): old code declares the
// allocators itself, with other types. Such a call is reported for what it
// is, not as a nobuiltin call.
// RUN: %clang -O2 -w -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
void *malloc(unsigned);
char *calloc();
void free(void *);
int use(char *);

int narrow(void) {
  char *p = malloc(16); // expected-remark {{malloc(16) escapes to heap: malloc declared with a prototype other than the C library's}}
  int r = use(p);
  free(p);
  return r;
}

int unprototyped(void) {
  char *p = calloc(4, 4); // expected-remark {{calloc(4, 4) escapes to heap: calloc declared with a prototype other than the C library's}}
  int r = use(p);
  free(p);
  return r;
}
