// RUN: %difftest %s
// EXPECT-PROMOTED: 3
//
// C++ allocation: `new`/`delete` of a small struct in a loop, `new[]` and
// `delete[]` of ints, nothrow new, a class whose destructor does work (and
// owns a second allocation), an array of such objects (array cookie),
// over-aligned `new`, and a direct call of `operator new`, which is not a
// new-expression and may not be elided.
#include <cstdint>
#include <cstdio>
#include <new>

struct Point {
  int x, y;
};

__attribute__((noinline)) static int norm1(const Point *p) { return (p->x < 0 ? -p->x : p->x) + p->y; }

__attribute__((noinline)) static void fill(int *v, int n, int k) {
  for (int i = 0; i < n; i++)
    v[i] = k * i - n;
}

static int dtors;

class Tracker {
public:
  explicit Tracker(int n) : n_(n), data_(new int[n]) { fill(data_, n_, n); }
  ~Tracker() {
    dtors++;
    delete[] data_;
  }
  Tracker(const Tracker &) = delete;
  Tracker &operator=(const Tracker &) = delete;
  __attribute__((noinline)) int sum() const {
    int s = 0;
    for (int i = 0; i < n_; i++)
      s += data_[i];
    return s;
  }

private:
  int n_;
  int *data_;
};

struct alignas(64) Line {
  unsigned char bytes[64];
};

__attribute__((noinline)) static long points(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    Point *p = new Point{i - n / 2, i};
    s += norm1(p);
    delete p;
  }
  return s;
}

__attribute__((noinline)) static long arrays(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    int *v = new int[16];
    fill(v, 16, i);
    s += v[15] - v[3];
    delete[] v;
  }
  return s;
}

__attribute__((noinline)) static long nothrow(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    Point *p = new (std::nothrow) Point{i, -i};
    if (!p)
      return -1;
    s += norm1(p);
    delete p;
  }
  return s;
}

__attribute__((noinline)) static long trackers(int n) {
  long s = 0;
  for (int i = 1; i <= n; i++) {
    Tracker *t = new Tracker(i % 20 + 1);
    s += t->sum();
    delete t;
    Tracker *arr = new Tracker[1]{Tracker(3)};
    s += arr[0].sum();
    delete[] arr;
  }
  return s;
}

__attribute__((noinline)) static int aligned(int n) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    Line *l = new Line();
    bad += reinterpret_cast<std::uintptr_t>(l) % 64 != 0;
    bad += l->bytes[i % 64] != 0;
    delete l;
  }
  return bad;
}

__attribute__((noinline)) static int direct(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    int *raw = static_cast<int *>(::operator new(32));
    fill(raw, 8, i);
    s += raw[7];
    ::operator delete(raw);
  }
  return s;
}

int main() {
  long total = points(5000) + arrays(5000) + nothrow(5000) + trackers(2000);
  int misaligned = aligned(1000);
  total += direct(1000);
  std::printf("total %ld dtors %d misaligned %d\n", total, dtors, misaligned);
  return misaligned != 0;
}
