// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// Rule "escaping starts below" (summarize.c): a helper that may leak only
// what lies two dereferences below its parameter leaves the objects one
// dereference below to its caller. `append` (the shape of issue 12: it
// copies bytes into ctx->buf) keeps the buffer, which moves to the stack;
// `leak_inner` leaks what *b->slot points to, so `inner` must stay on the
// heap while `outer`, which b->slot points to, moves; `move` copies a
// pointer from one parameter's object into memory below the other
// parameter's, here a global, so `obj` must stay on the heap. A summary
// that put the escape one level too deep, or lost the pointer `move` moves,
// would leave `leaked` or `kept` pointing into a dead frame: the output and
// AddressSanitizer's use-after-return check see it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
  char *buf;
  size_t len;
};

__attribute__((noinline)) static void append(struct ctx *c, const char *s) {
  size_t n = strlen(s);
  memcpy(c->buf + c->len, s, n + 1);
  c->len += n;
}

__attribute__((noinline)) static int appended(const char *a, const char *b) {
  struct ctx c = {malloc(64), 0};
  append(&c, a);
  append(&c, b);
  int r = (int)c.len * 100 + c.buf[1];
  free(c.buf);
  return r;
}

struct box {
  char **slot;
};

char *kept, *leaked;

__attribute__((noinline)) static void move(struct box *b, char **from) { *b->slot = *from; }

__attribute__((noinline)) static void moved_into_global(const char *text) {
  char *obj = malloc(32);
  strcpy(obj, text);
  char *from = obj;
  struct box b = {&kept};
  move(&b, &from);
}

__attribute__((noinline)) static void leak_inner(struct box *b) { leaked = *b->slot; }

__attribute__((noinline)) static int inner_leaked(const char *text) {
  char *inner = malloc(32);
  strcpy(inner, text);
  char **outer = malloc(sizeof *outer);
  *outer = inner;
  struct box b = {outer};
  leak_inner(&b);
  int r = outer[0][0];
  free(outer);
  return r;
}

/* Overwrites the frames the functions above used. */
__attribute__((noinline)) static int scribble(int seed) {
  volatile char noise[512];
  for (int i = 0; i < 512; i++)
    noise[i] = (char)(seed + i);
  return noise[seed & 511];
}

int main(int argc, char **argv) {
  (void)argv;
  int r = appended("ab", argc > 5 ? "x" : "cd");
  moved_into_global(argc > 5 ? "no" : "kept text");
  int s = inner_leaked(argc > 5 ? "no" : "leaked text");
  int t = scribble(argc);
  printf("%d %s %d %s %d\n", r, kept, s, leaked, t);
  free(kept);
  free(leaked);
  return 0;
}
