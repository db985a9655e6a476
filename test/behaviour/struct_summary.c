// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// Helpers that read and write the data fields of a struct holding a heap
// pointer (a length, a capacity) leave the pointer's object to its caller:
// their summaries name the words they touch. Helpers that read the pointer's
// own word as an integer keep it, here in a global that main turns back into
// a pointer after the function returned: promoted, that object would be a
// dead stack slot (ASan: stack-use-after-return; free: not a heap pointer).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
  int *items;
  size_t len, cap;
};

__attribute__((noinline)) static void push(struct vec *v, int x) {
  if (v->len < v->cap)
    v->items[v->len++] = x;
}

__attribute__((noinline)) static size_t room(const struct vec *v) { return v->cap - v->len; }

/* Builds a vector in a local struct; only data fields cross the calls. */
__attribute__((noinline)) static long local_vector(int n) {
  struct vec v = {malloc(16 * sizeof(int)), 0, 16};
  for (int i = 0; i < n; i++)
    push(&v, i * 7);
  long s = (long)room(&v);
  for (size_t i = 0; i < v.len; i++)
    s += v.items[i];
  free(v.items);
  return s;
}

static uintptr_t saved;

/* Reads word 0 of what it is given as an integer and keeps it. */
__attribute__((noinline)) static void keep_word0(const void *p) {
  uintptr_t bits;
  memcpy(&bits, p, sizeof bits);
  saved = bits;
}

/* The pointer itself is word 0 of the struct: kept. */
__attribute__((noinline)) static void pointer_word_kept(void) {
  struct vec v = {malloc(4 * sizeof(int)), 0, 4};
  push(&v, 41);
  keep_word0(&v);
}

struct tagged {
  size_t tag;
  char *name;
};

/* Word 0 of &t.name is the pointer, though it is word 1 of the struct. */
__attribute__((noinline)) static void shifted_pointer_kept(const char *text) {
  struct tagged t = {7, malloc(strlen(text) + 1)};
  strcpy(t.name, text);
  keep_word0(&t.name);
}

/* Word 0 of &t.tag is only the tag: the name's buffer dies here. */
__attribute__((noinline)) static size_t tag_read(const char *text) {
  struct tagged t = {strlen(text), malloc(strlen(text) + 1)};
  strcpy(t.name, text);
  keep_word0(&t.tag);
  size_t r = saved + (size_t)t.name[0];
  free(t.name);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("local_vector: %ld %ld\n", local_vector(5 + argc), local_vector(30));
  pointer_word_kept();
  int *items = (int *)saved;
  printf("pointer_word_kept: %d\n", items[0]);
  free(items);
  shifted_pointer_kept("kept through its word");
  char *name = (char *)saved;
  printf("shifted_pointer_kept: %s\n", name);
  free(name);
  printf("tag_read: %zu\n", tag_read("tagged"));
  return 0;
}
