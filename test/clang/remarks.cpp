// C++ allocation sites: new-expressions carry `builtin` and may be promoted;
// a direct call of operator new may not.
// RUN: %clangxx -O2 -g -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s

#include <cstddef>
#include <new>

struct Point {
  long x, y;
};

__attribute__((noinline)) long norm(const Point *p) { return p->x * p->x + p->y * p->y; } // expected-remark {{p does not escape}}
__attribute__((noinline)) long total(const long *v, int n) { // expected-remark {{v does not escape}}
  long s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}
void keep(Point *p);

long scalar(long a) {
  Point *p = new Point{a, a + 1}; // expected-remark {{moved to stack: operator new(16)}}
  long r = norm(p);
  delete p;
  return r;
}

long array(int n) {
  long *v = new long[8]; // expected-remark {{moved to stack: operator new[](64)}}
  for (int i = 0; i < 8; i++)
    v[i] = i * n;
  long r = total(v, 8);
  delete[] v;
  return r;
}

long nothrow(long a) {
  Point *p = new (std::nothrow) Point{a, a}; // expected-remark {{moved to stack: operator new(16)}}
  if (!p)
    return -1;
  long r = norm(p);
  delete p;
  return r;
}

struct alignas(64) Line {
  long data[8];
};

long overaligned(long a) {
  Line *l = new Line{}; // expected-remark {{moved to stack: operator new(64)}}
  l->data[3] = a;
  long r = total(l->data, 8);
  delete l;
  return r;
}

void escapes(long a) {
  Point *p = new Point{a, a}; // expected-remark {{operator new(16) escapes to heap: passed to _Z4keepP5Point}}
  keep(p);
}

long direct(long a) {
  void *raw = operator new(16); // expected-remark {{operator new(16) escapes to heap: nobuiltin call}}
  Point *p = static_cast<Point *>(raw);
  p->x = a;
  p->y = a;
  long r = norm(p);
  operator delete(raw);
  return r;
}
