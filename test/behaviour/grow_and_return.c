// RUN: %difftest %s
// EXPECT-PROMOTED: 4
// DIFFTEST-ARGS: 0 1 200 254 255 256 257 1000 5000
//
// Go 1.26's move2heap in C (grow.h): a buffer grown by realloc and then
// returned keeps its slot while it grows, and each return hands back a heap
// copy if it is still there. The lengths around the 256-byte slot: kept in
// the slot, filling it (a returned end pointer is one past the slot), moved
// by realloc before the return. The callers free, realloc and keep the
// results long after the frames that made them are gone; the ASan run's
// stack-use-after-return check catches a result that still points into one.
// Objects that must stay on the heap sit beside them: a buffer also stored
// through an out-parameter, one a callee keeps, one whose element's address is kept in a global
// (golang/go #81612), and one that holds a pointer to itself.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "0123..." of length n, grown from 8 bytes; NULL when realloc fails. */
__attribute__((noinline)) static char *digits(size_t n) {
  size_t cap = 8, len = 0;
  char *buf = malloc(cap);
  if (!buf)
    return NULL;
  while (len < n) {
    if (len + 2 > cap) {
      cap *= 2;
      char *grown = realloc(buf, cap);
      if (!grown) {
        free(buf);
        return NULL;
      }
      buf = grown;
    }
    buf[len] = (char)('0' + len % 10);
    len++;
  }
  buf[len] = '\0';
  return buf;
}

/* The same, returning the end of the string: an interior pointer. */
__attribute__((noinline)) static char *digits_end(size_t n, char **start) {
  char *buf = malloc(4);
  size_t cap = 4;
  for (size_t i = 0; i < n; i++) {
    if (i + 1 >= cap) {
      cap = cap * 3 / 2 + 1;
      buf = realloc(buf, cap);
    }
    buf[i] = (char)('a' + i % 26);
  }
  buf[n] = '\0';
  *start = NULL; /* the caller finds the start from the length */
  return buf + n;
}

/* A pointer just past the object, which fills the whole slot. */
__attribute__((noinline)) static char *past_end(size_t size) {
  char *buf = malloc(16);
  buf = realloc(buf, size);
  memset(buf, 'p', size);
  buf[size - 1] = (char)('0' + size % 10);
  return buf + size;
}

/* Returned on one path, freed on the other. */
__attribute__((noinline)) static int *squares(int n, int keep) {
  int *v = malloc(sizeof(int));
  for (int i = 0; i < n; i++) {
    v = realloc(v, (size_t)(i + 1) * sizeof(int));
    v[i] = i * i;
  }
  if (keep)
    return v;
  free(v);
  return NULL;
}

/* Returned, and stored where the caller looks: the return is the first
 * reason the buffer escapes, but not the only one. */
__attribute__((noinline)) static char *also_out(size_t n, char **out) {
  char *buf = malloc(8);
  buf = realloc(buf, n + 1);
  memset(buf, 'o', n);
  buf[n] = '\0';
  *out = buf;
  return buf;
}

/* Returned, and kept by a callee. */
static char *registered;
__attribute__((noinline)) static void keep(char *p) { registered = p; }
__attribute__((noinline)) static char *kept_by_callee(size_t n) {
  char *buf = malloc(8);
  buf = realloc(buf, n + 1);
  memset(buf, 'k', n);
  buf[n] = '\0';
  keep(buf);
  return buf;
}

/* golang/go #81612: an element's address outlives the function. */
static char *kept_element;
__attribute__((noinline)) static char *element_kept(size_t n) {
  char *buf = malloc(8);
  buf = realloc(buf, n + 8);
  memset(buf, 'e', n + 7);
  buf[n + 7] = '\0';
  kept_element = &buf[n];
  return buf;
}

/* A buffer that holds a pointer into itself. */
struct cursor {
  char *at;
  char text[24];
};
__attribute__((noinline)) static struct cursor *self_pointing(int k) {
  struct cursor *c = malloc(sizeof *c);
  c = realloc(c, sizeof *c + 8);
  snprintf(c->text, sizeof c->text, "cursor %d", k);
  c->at = c->text + 7;
  return c;
}

static unsigned long hash(const char *s) {
  unsigned long h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

int main(int argc, char **argv) {
  char noise[512];
  for (int a = 1; a < argc; a++) {
    size_t n = strtoul(argv[a], NULL, 10);
    char *d = digits(n);
    char *start, *end = digits_end(n, &start);
    start = end - n;
    int *v = squares((int)(n % 300), (int)(n & 1) || n == 0);
    memset(noise, 'z', sizeof noise); /* reuses the frames of the builders */
    d = realloc(d, n + 2);
    strcat(d, "!");
    long sum = 0;
    if (v)
      for (int i = 0; i < (int)(n % 300); i++)
        sum += v[i] % 97;
    printf("n=%zu len=%zu hash=%lx end=%lx sum=%ld v=%s %c\n", n, strlen(d), hash(d),
           hash(start), sum, v ? "kept" : "freed", noise[n % sizeof noise]);
    free(d);
    free(start);
    free(v);
  }
  for (size_t size = 255; size <= 257; size++) {
    char *end = past_end(size);
    memset(noise, 'x', sizeof noise);
    printf("past end %zu: %c %c\n", size, end[-1], end[-2]);
    free(end - size);
  }
  char *out, *o = also_out(30, &out);
  memset(noise, 'w', sizeof noise);
  printf("%s %d\n", out, o == out);
  free(o);
  char *k = kept_by_callee(12);
  memset(noise, 'v', sizeof noise);
  printf("%s %s\n", k, registered);
  free(k);
  char *e = element_kept(20);
  struct cursor *c = self_pointing(argc);
  memset(noise, 'y', sizeof noise);
  printf("%s %s %s %c\n", e, kept_element, c->at, noise[3]);
  free(e);
  free(c);
  return 0;
}
