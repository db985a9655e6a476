struct S { struct S *self; int v; };
__attribute__((noinline)) void setself(struct S *s) { s->self = s; }
