// RUN: %difftest %s
// EXPECT-PROMOTED: 3
// DIFFTEST-ARGS: 200
//
// Rule "fits at run time" in C++: new T[n] and std::vector<T>(n) whose sizes
// come from the input, on either side of the 256-byte slot, freed by
// delete[] on the normal path and by destructors while an exception unwinds
// (the frees are guarded: the object may be in the slot or on the heap). A
// constructor that throws inside new T[n] makes the compiler free the array
// in a landing pad, after the heap way's invoke or the slot.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

static volatile int schedule; // when to throw, unknown to the optimizer

__attribute__((noinline)) static unsigned checksum(const unsigned char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 131u + p[i];
  return s;
}

class Buffer {
public:
  explicit Buffer(size_t n) : p_(new unsigned char[n]), n_(n) {}
  ~Buffer() { delete[] p_; }
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  unsigned char *data() const { return p_; }

private:
  unsigned char *p_;
  size_t n_;
};

static unsigned with_buffer(size_t n, int round) {
  Buffer b(n);
  memset(b.data(), round, n);
  if (round % 7 == schedule)
    throw std::runtime_error("scheduled");
  return checksum(b.data(), n);
}

struct Counted {
  static int live;
  int v;
  Counted() : v(live++) {
    if (live % 53 == schedule + 52)
      throw std::runtime_error("constructor");
  }
  ~Counted() { live--; }
};
int Counted::live = 0;

static int with_array(size_t n) {
  Counted *a = new Counted[n];
  int s = 0;
  for (size_t i = 0; i < n; i++)
    s += a[i].v;
  delete[] a;
  return s;
}

static unsigned with_vector(size_t n) {
  std::vector<unsigned> v(n);
  for (size_t i = 0; i < n; i++)
    v[i] = (unsigned)(i * i);
  return checksum(reinterpret_cast<const unsigned char *>(v.data()), n * sizeof v[0]);
}

int main(int argc, char **argv) {
  size_t base = argc > 1 ? (size_t)atoi(argv[1]) : 200;
  unsigned total = 0;
  int thrown = 0;
  for (int round = 0; round < 300; round++) {
    size_t n = base + (size_t)(round % 120) - 60; // 140 .. 259 bytes and elements
    try {
      total += with_buffer(n, round);
    } catch (const std::exception &) {
      thrown++;
    }
    try {
      total += (unsigned)with_array(n / 8);
    } catch (const std::exception &) {
      thrown++;
    }
    total += with_vector(n / 4) + with_vector(n);
  }
  printf("total %u thrown %d live %d\n", total, thrown, Counted::live);
  return 0;
}
