// objects.cpp: C++ objects made with new and dropped at the end of a call.
//
// A small accumulator object per batch, owned by std::unique_ptr, and a
// scratch array made with new[] and released with delete[]: the C++ spelling
// of the same short-lived heap objects.
#include <cstdio>
#include <cstdlib>
#include <memory>

#define NOINLINE __attribute__((noinline))

struct Accumulator {
  unsigned long sum = 0, count = 0, mix = 1469598103934665603ul;
  void feed(unsigned v) {
    sum += v;
    count++;
    mix = (mix ^ v) * 1099511628211ul;
  }
  unsigned long result() const { return sum ^ mix ^ count; }
};

NOINLINE static unsigned fill(unsigned *out, unsigned n, unsigned seed) {
  for (unsigned i = 0; i < n; i++)
    out[i] = seed = seed * 1664525u + 1013904223u;
  return seed;
}

static unsigned long batch(unsigned seed) {
#ifdef STACK
  Accumulator acc_storage;
  Accumulator *acc = &acc_storage;
  unsigned scratch[16];
#else
  std::unique_ptr<Accumulator> acc(new Accumulator());
  unsigned *scratch = new unsigned[16];
#endif
  fill(scratch, 16, seed);
  for (unsigned i = 0; i < 16; i++)
    acc->feed(scratch[i] >> 7);
  unsigned long r = acc->result();
#ifndef STACK
  delete[] scratch;
#endif
  return r;
}

int main(int argc, char **argv) {
  long iterations = 4000000;
  if (argc > 1)
    iterations = std::strtol(argv[1], nullptr, 10);
  unsigned long total = 0;
  for (long i = 0; i < iterations; i++)
    total += batch((unsigned)i);
  std::printf("objects %ld %016lx\n", iterations, total);
  return 0;
}
