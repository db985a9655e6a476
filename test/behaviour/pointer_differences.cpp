// RUN: %difftest %s
// EXPECT-PROMOTED: 2
// DIFFTEST-ARGS: 5 40 64 100
//
// Rule "a distance is not an address" (pointer-differences.ll): a vector's
// size (end - begin) passed to a function, an offset kept in a global, leave
// the buffer on the stack. A distance to a global or to the caller's memory
// is an address in disguise, and so is one to an object kept in a global:
// the caller adds it back and reads the object
// long after the frame that made it is gone, which ASan's
// stack-use-after-return check catches if the object was promoted.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

static unsigned long shown;
__attribute__((noinline)) static void show(unsigned long n) { shown = shown * 31 + n; }

__attribute__((noinline)) static int squares(int n) {
  std::vector<int> v(n);
  for (int i = 0; i < n; i++)
    v[i] = i * i;
  show(v.size());
  return v[n / 2];
}

static uintptr_t offset;
__attribute__((noinline)) static int offset_of(int n) {
  char *p = static_cast<char *>(malloc(64));
  snprintf(p, 64, "%d:%d", n, n * n);
  char *at = p;
  while (*at && *at != ':')
    at++;
  offset = (uintptr_t)at - (uintptr_t)p;
  int r = at[1];
  free(p);
  return r;
}

/* The object's place, relative to a global everyone knows. */
static char anchor[16];
static uintptr_t delta;
__attribute__((noinline)) static void remember(uintptr_t d) { delta = d; }
__attribute__((noinline)) static void from_global(int k) {
  char *p = static_cast<char *>(malloc(32));
  snprintf(p, 32, "global %d", k);
  remember((uintptr_t)p - (uintptr_t)anchor);
}

/* Relative to another object, kept in a global. */
static char *kept;
static uintptr_t kept_delta;
__attribute__((noinline)) static void remember_kept(uintptr_t d) { kept_delta = d; }
__attribute__((noinline)) static void from_kept(int k) {
  kept = static_cast<char *>(malloc(8));
  char *p = static_cast<char *>(malloc(32));
  snprintf(p, 32, "kept %d", k);
  remember_kept((uintptr_t)p - (uintptr_t)kept);
}

/* Relative to the caller's own buffer, which the caller adds back. */
__attribute__((noinline)) static uintptr_t from_caller(char *base, int k) {
  char *p = static_cast<char *>(malloc(32));
  snprintf(p, 32, "caller %d", k);
  char *r = k > 0 ? p : base;
  return (uintptr_t)r - (uintptr_t)base;
}

int main(int argc, char **argv) {
  char noise[512], base[8] = "base";
  for (int a = 1; a < argc; a++) {
    int n = atoi(argv[a]);
    int s = squares(n) + offset_of(n);
    from_global(n);
    from_kept(n);
    uintptr_t d = from_caller(base, n);
    memset(noise, 'z', sizeof noise); /* reuses the frames of the callees */
    char *g = (char *)((uintptr_t)anchor + delta);
    char *c = (char *)((uintptr_t)base + d);
    char *k = (char *)((uintptr_t)kept + kept_delta);
    printf("%d %lu %lu %s %s %s %c\n", s, shown, (unsigned long)offset, g, c, k, noise[n]);
    free(g);
    free(k);
    free(kept);
    if (c != base)
      free(c);
  }
  return 0;
}
