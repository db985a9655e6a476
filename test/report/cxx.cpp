// C++ through escape-cc: new-expressions as written, callees demangled, and an
// inlined helper whose copies get different verdicts, each named by the
// function it was inlined into.
// REQUIRES: escape-source
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m=2 -c cxx.cpp -o %t/cxx.o 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=cxx.cpp:
// The escape-c++ name drives clang as clang++ (links the C++ library).
// RUN: cd %S && env ESCAPE_CLANG=%clang ESCAPE_PLUGIN=%plugin ESCAPE_SOURCE=%escape-source \
// RUN:   %S/../../scripts/escape-c++ -### cxx.cpp -o %t/cxx 2>&1 | FileCheck %s --check-prefix=CXX
// CXX: "-lstdc++"

struct Node {
  int v;
  Node *next;
  explicit Node(int x) : v(x), next(nullptr) {}
};

Node *keep;
__attribute__((noinline)) void sink(Node *);
__attribute__((noinline)) static int peek(const int *p) { return *p; }
// CHECK: cxx.cpp:[[#@LINE-1]]:54: p does not escape

void global(int x) { keep = new Node(x); }
// CHECK: cxx.cpp:[[#@LINE-1]]:29: new Node(x) escapes to heap: stored to global keep
// CHECK-NEXT: cxx.cpp:[[#@LINE-2]]:29:   flow: {heap} = &{storage for new Node(x)}:
// CHECK-NEXT: cxx.cpp:[[#@LINE-3]]:29:     from keep = new Node(x) (assign to global keep) at cxx.cpp:[[#@LINE-3]]:27

void passed(int x) {
  Node *n = new Node(x);
  // CHECK: cxx.cpp:[[#@LINE-1]]:13: new Node(x) escapes to heap: passed to sink(Node*)
  // CHECK-NEXT: cxx.cpp:[[#@LINE-2]]:13:   flow: {heap} = &{storage for new Node(x)}:
  // CHECK-NEXT: cxx.cpp:[[#@LINE-3]]:13:     from sink(n) (call parameter) at cxx.cpp:[[#@LINE+1]]:3
  sink(n);
}

// A helper inlined into its callers: each verdict is at the caller's line, as
// Go reports inlined code, with the helper's place as the first line of -m=2.
static inline int *box(int x) {
  int *p = new int(x);
  return p;
}

int unboxed(int x) {
  int *p = box(x);
  // CHECK: cxx.cpp:[[#@LINE-1]]:12: moved to stack: new int(x)
  // CHECK-NEXT: cxx.cpp:[[#@LINE-2]]:12:   inlined: box at cxx.cpp:[[#@LINE-7]]:12
  int r = peek(p);
  delete p;
  return r;
}
int *boxed(int x) { return box(x); }
// CHECK: cxx.cpp:[[#@LINE-1]]:28: new int(x) escapes to heap: returned
// CHECK-NEXT: cxx.cpp:[[#@LINE-2]]:28:   inlined: box at cxx.cpp:[[#@LINE-14]]:12
// CHECK-NEXT: cxx.cpp:[[#@LINE-3]]:28:   flow: ~r0 = &{storage for new int(x)}:
// CHECK-NEXT: cxx.cpp:[[#@LINE-4]]:28:     from return box(x) (return) at cxx.cpp:[[#@LINE-4]]:21
