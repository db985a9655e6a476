// RUN: %difftest %s
// EXPECT-PROMOTED: 6
// DIFFTEST-CFLAGS: -D_FORTIFY_SOURCE=2
// DIFFTEST-ARGS: /usr/lib/x86_64-linux-gnu
//
// _FORTIFY_SOURCE turns memcpy, strcpy, sprintf and printf into glibc's
// checking variants (__memcpy_chk, __strcpy_chk, __sprintf_chk,
// __printf_chk), which the pass models as the functions they check, and
// gives fread an inline body that calls the library's fread, whose
// declaration clang marks nobuiltin. Buffers
// that only receive bytes move to the stack; a result of __strcpy_chk that is
// returned, and an address printed with %p and read back, keep their objects
// on the heap: used after the function returns, a promoted one would be a
// stack-use-after-return under ASan.
#define _GNU_SOURCE
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile size_t opaque = 7; /* a length the optimizer cannot see */

__attribute__((noinline)) static unsigned hash(const char *s, size_t n) {
  unsigned h = 5381;
  for (size_t i = 0; i < n; i++)
    h = h * 33 + (unsigned char)s[i];
  return h;
}

static unsigned copy_bytes(const char *src) {
  char *b = malloc(32);
  memcpy(b, src, opaque);
  memset(b + opaque, '-', opaque);
  unsigned h = hash(b, 2 * opaque);
  free(b);
  return h;
}

static unsigned format_into(const char *word, int k) {
  char *b = malloc(48);
  sprintf(b, "%s:%d", word, k);
  size_t n = strlen(b);
  snprintf(b + n, 48 - n, "/%s", word);
  unsigned h = hash(b, strlen(b));
  printf("formatted %s\n", b);
  free(b);
  return h;
}

static unsigned string_ops(const char *a, const char *b) {
  char *s = malloc(64);
  strcpy(s, a);
  strcat(s, "/");
  strncat(s, b, opaque);
  mempcpy(s + strlen(s), "!", 2);
  const char *slash = memrchr(s, '/', strlen(s));
  const char *nul = rawmemchr(s, '\0');
  const char *colon = strchrnul(s, ':');
  /* The places found are compared: an offset printed would expose s. */
  size_t n = strlen(s);
  unsigned h = hash(s, n) ^ (unsigned)(slash == s + 4) ^ (unsigned)(nul == s + n) * 3 ^
               (unsigned)(colon == s + n) * 5;
  free(s);
  return h;
}

static unsigned directory_of(const char *path) {
  char *p = malloc(128);
  stpncpy(p, path, 127)[0] = '\0';
  p[127] = '\0';
  const char *d = dirname(p);
  printf("dirname %s\n", d);
  unsigned h = hash(d, strlen(d));
  free(p);
  return h;
}

static unsigned current_directory(void) {
  char *b = malloc(256);
  unsigned h = getcwd(b, 256) ? (unsigned)(strlen(b) > 0) : 2;
  free(b);
  return h;
}

/* A length only known at run time: fread's inline body calls the library's
 * fread, not __fread_chk. */
static unsigned read_back(const char *text) {
  FILE *f = fmemopen((void *)text, strlen(text), "r");
  char *b = malloc(opaque * 4);
  size_t n = fread(b, 1, opaque * 4, f);
  fclose(f);
  unsigned h = hash(b, n);
  free(b);
  return h;
}

/* The result of __strcpy_chk is the destination: it outlives the call. */
__attribute__((noinline)) static char *copy_out(const char *s) {
  char *b = malloc(24);
  return strcpy(b, s);
}

/* The address printed as text comes back as a pointer. */
static char *kept;
__attribute__((noinline)) static void keep_by_text(const char *s) {
  char *b = malloc(16);
  strncpy(b, s, 15);
  b[15] = '\0';
  char text[32];
  sprintf(text, "%p", (void *)b);
  void *back = NULL;
  sscanf(text, "%p", &back);
  kept = back;
}

int main(int argc, char **argv) {
  const char *arg = argc > 1 ? argv[1] : "/tmp/x";
  unsigned h = copy_bytes("abcdefghijklmnopq");
  h ^= format_into("word", 42) * 3;
  h ^= string_ops("left", "right-hand") * 5;
  h ^= directory_of(arg) * 7;
  h ^= current_directory() * 11;
  h ^= read_back("read back through fread") * 13;
  char *c = copy_out("copied out");
  keep_by_text("kept by text");
  char noise[256];
  memset(noise, 'z', sizeof noise); /* reuses the frames the two used */
  printf("%s %s %u %c\n", c, kept, h, noise[opaque]);
  free(c);
  free(kept);
  return 0;
}
