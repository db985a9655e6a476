// RUN: %difftest %s
// EXPECT-PROMOTED: 3
// DIFFTEST-ARGS: 7 60 5000
//
// Rule "a body of the same source may win" (private-copies.ll): std::sort of
// a local vector. The sort's recursive helpers are linkonce_odr instances of
// libstdc++'s templates; their summaries say the buffer does not escape, so
// the buffer moves to the stack (at run time, when it fits its slot) and the
// calls go to this file's private copies of the helpers. Sizes from the
// command line: a few elements, a buffer at the edge of its slot, and one far
// past it, which stays on the heap.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

static unsigned next_random(unsigned *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return (*seed >> 8) % 1000;
}

template <typename T> static long digest(const std::vector<T> &v) {
  long h = 0;
  for (const T &x : v)
    h = h * 31 + (long)x;
  return h;
}

__attribute__((noinline)) static long ascending(int n, unsigned seed) {
  std::vector<int> v(n);
  for (int &x : v)
    x = (int)next_random(&seed);
  std::sort(v.begin(), v.end());
  return digest(v) ^ v[n / 2];
}

__attribute__((noinline)) static long descending(int n, unsigned seed) {
  std::vector<long> v(n);
  for (long &x : v)
    x = next_random(&seed);
  std::sort(v.begin(), v.end(), std::greater<long>());
  return digest(v) ^ v[0];
}

__attribute__((noinline)) static long by_last_digit(int n, unsigned seed) {
  std::vector<short> v(n);
  for (short &x : v)
    x = (short)next_random(&seed);
  std::sort(v.begin(), v.end(), [](short a, short b) {
    return a % 10 != b % 10 ? a % 10 < b % 10 : a < b;
  });
  return digest(v);
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    int n = atoi(argv[i]);
    printf("%d: %ld %ld %ld\n", n, ascending(n, 1u + i), descending(n, 7u * i),
           by_last_digit(n, 13u + i));
  }
  return 0;
}
