// RUN: %difftest %s
// EXPECT-PROMOTED: 3
// DIFFTEST-ARGS: hello
//
// strdup and strndup of strings around the 256-byte slot: a copy whose length
// with its NUL is 256 takes the slot, 257 the heap; strndup's limit below,
// at and above the string's length and the slot's. Each copy is changed and
// compared with its source, which must stay as it was. A copy made in the
// slot and one on the heap are live at once in copy_pair.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t opaque; /* lengths the optimizer cannot see */

__attribute__((noinline)) static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

static unsigned copy(const char *s) {
  char *c = strdup(s);
  if (!c)
    return 0;
  unsigned before = hash(c);
  if (c[0])
    c[0] = '#';
  unsigned after = hash(c) ^ (unsigned)strlen(c) ^ (unsigned)(hash(s) == before);
  free(c);
  return after;
}

static unsigned copy_n(const char *s, size_t limit) {
  char *c = strndup(s, limit);
  if (!c)
    return 0;
  size_t n = strlen(c);
  unsigned h = hash(c) ^ (unsigned)(n * 7919) ^ (unsigned)(n <= limit);
  if (n)
    c[n - 1] = '!';
  h ^= hash(c);
  free(c);
  return h;
}

static unsigned copy_pair(const char *a, const char *b) {
  char *x = strdup(a), *y = strdup(b);
  memset(x, 'x', strlen(x));
  memset(y, 'y', strlen(y));
  unsigned h = hash(x) * 3 + hash(y);
  free(y);
  free(x);
  return h;
}

int main(int argc, char **argv) {
  char text[700];
  for (size_t i = 0; i < sizeof text - 1; i++)
    text[i] = (char)('a' + i % 26);
  text[sizeof text - 1] = 0;
  for (size_t n = 250; n <= 262; n++) {
    opaque = n;
    char saved = text[opaque];
    text[opaque] = 0; /* a string of n bytes */
    printf("%zu: %u %u %u %u %u %u\n", n, copy(text), copy_n(text, 0), copy_n(text, 3),
           copy_n(text, opaque - 1), copy_n(text, 255), copy_n(text, 256));
    printf("    %u %u %u\n", copy_n(text, 257), copy_n(text, (size_t)-1),
           copy_pair(text, text + opaque / 2));
    text[opaque] = saved;
  }
  printf("empty: %u %u\n", copy(""), copy_n("", 10));
  printf("arg: %u %u\n", copy(argc > 1 ? argv[1] : "x"), copy_n(argc > 1 ? argv[1] : "x", 2));
  printf("source: %u\n", hash(text));
  return 0;
}
