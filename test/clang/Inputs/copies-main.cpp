// This translation unit's body of peek keeps nothing: make's object is
// promoted on the strength of it, so make must run this body (its private
// copy), not the one the linker keeps. The two bodies stand for one source
// compiled and refined differently (different flags, different inlining);
// that they differ in source is only how a test can tell them apart.
#include <cstdio>
#include <cstdlib>

int *kept;

inline __attribute__((noinline)) int peek(int *p) { return *p; }

__attribute__((noinline)) int make(int v) {
  int *p = (int *)malloc(sizeof *p);
  *p = v;
  return peek(p);
}

__attribute__((noinline)) int scribble(int n) {
  volatile int junk[64];
  for (int i = 0; i < 64; i++)
    junk[i] = n;
  return junk[n % 64];
}

int main() {
  int r = make(7);
  scribble(3);
  std::printf("%d %d\n", r, kept ? *kept : -1);
  return 0;
}
