// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// RAII with exceptions: a unique_ptr-like owner whose destructor deletes the
// object, a std::unique_ptr to an array, a constructor that throws inside a
// new-expression (the compiler frees the memory in a landing pad), and a
// malloc'ed buffer freed both on the normal path and in a catch block before
// rethrowing. Exceptions are thrown and caught on a fixed schedule, so the
// invoke/landingpad paths run many times.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

template <class T> class Owner {
public:
  explicit Owner(T *p) : p_(p) {}
  ~Owner() { delete p_; }
  Owner(const Owner &) = delete;
  Owner &operator=(const Owner &) = delete;
  T *get() const { return p_; }
  T *operator->() const { return p_; }

private:
  T *p_;
};

struct Buf {
  int v[8];
};

static int destroyed;

struct Counted {
  int v;
  explicit Counted(int k) : v(k) {
    if (k % 7 == 3)
      throw std::runtime_error("ctor");
  }
  ~Counted() { destroyed++; }
};

__attribute__((noinline)) static void step(Buf *b, int k) {
  for (int i = 0; i < 8; i++)
    b->v[i] += k + i;
  if (k % 5 == 0)
    throw std::runtime_error("step");
}

__attribute__((noinline)) static int owned(int k) {
  Owner<Buf> o(new Buf());
  step(o.get(), k);
  step(o.get(), k + 1);
  return o->v[7];
}

__attribute__((noinline)) static void fill(Buf *b, int k) {
  for (int i = 0; i < 8; i++)
    b->v[i] = k * i;
}

/* The throw is in this function: the owner's delete runs on the normal path
 * and in the landing pad that unwinds through it. The helper neither
 * captures nor frees, so the object may be promoted, and then both deletes
 * must go. */
__attribute__((noinline)) static int owned_local_throw(int k) {
  Owner<Buf> o(new Buf());
  fill(o.get(), k);
  if (k % 6 == 1)
    throw std::runtime_error("local");
  return o->v[5];
}

/* try/catch in the same function as the allocation. */
__attribute__((noinline)) static int caught_locally(int k) {
  Buf *b = new Buf();
  int r = 0;
  try {
    fill(b, k);
    if (k % 4 == 2)
      throw k;
    r = b->v[3];
  } catch (int e) {
    r = -e + b->v[2];
  }
  delete b;
  return r;
}

__attribute__((noinline)) static int array_owned(int k) {
  std::unique_ptr<int[]> a(new int[12]());
  for (int i = 0; i < 12; i++)
    a[i] = k - i;
  if (k % 4 == 1)
    throw std::out_of_range("array");
  return a[11];
}

__attribute__((noinline)) static int throwing_ctor(int k) {
  Counted *c = new Counted(k);
  int v = c->v;
  delete c;
  return v;
}

__attribute__((noinline)) static int c_buffer(int k) {
  char *buf = static_cast<char *>(std::malloc(40));
  std::memset(buf, 0, 40);
  try {
    step(reinterpret_cast<Buf *>(buf), k + 2);
  } catch (...) {
    std::free(buf);
    throw;
  }
  int r = buf[0];
  std::free(buf);
  return r;
}

int main() {
  long total = 0;
  int caught = 0;
  for (int k = 0; k < 4000; k++) {
    try {
      total += owned(k);
    } catch (const std::runtime_error &) {
      caught++;
    }
    try {
      total += array_owned(k);
    } catch (const std::out_of_range &) {
      caught += 10;
    }
    try {
      total += throwing_ctor(k);
    } catch (const std::exception &) {
      caught += 100;
    }
    try {
      total += owned_local_throw(k);
    } catch (const std::runtime_error &) {
      caught += 10000;
    }
    total += caught_locally(k);
    try {
      total += c_buffer(k);
    } catch (...) {
      caught += 1000;
    }
  }
  std::printf("total %ld caught %d destroyed %d\n", total, caught, destroyed);
  return 0;
}
