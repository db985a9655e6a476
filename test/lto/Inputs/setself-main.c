#include <stdio.h>
struct S { struct S *self; int v; };
void setself(struct S *s);
__attribute__((noinline)) int via_attribute(int x) {
  struct S a;
  setself(&a);
  a.v = x;
  a.self->v = x + 1;
  return a.v;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", via_attribute(argc + 1));
  return 0;
}
