// RUN: %difftest %s
//
// Rule "is the library's allocator" (pass/alloc.c): a program may define its
// own valloc (ISO C does not reserve the name) or its own free. Its calls are
// not the C library's and must run: with the calls turned into stack slots,
// the program's allocator never ran and printed "1 0 1".
// DIFFTEST-NO-ASAN: ASan replaces valloc and free itself
#include <stdio.h>
#include <stddef.h>
static char pool[1 << 16];
static size_t used;
static int frees;
__attribute__((noinline)) void *valloc(size_t n) { void *p = pool + used; used += (n + 15) & ~(size_t)15; return p; }
__attribute__((noinline)) void free(void *p) { (void)p; frees++; }
__attribute__((noinline)) int work(int x) {
  char *p = valloc(16);
  p[0] = (char)x;
  int r = ((volatile char *)p)[0];
  free(p);
  return r;
}
int main(int argc, char **argv) {
  (void)argv;
  int r = work(argc);
  printf("%d %zu %d\n", r, used, frees);
  return 0;
}
