// escape-cc -m=2 names the calls a promotion rests on through a private copy
// of the callee (README, "Across functions"), demangled, under the verdict.
// REQUIRES: escape-source
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m=2 -g -c private-copies.cpp -o %t/private-copies.o 2>&1 | FileCheck %s
#include <algorithm>
#include <vector>

int median(const int *xs, int n) {
  std::vector<int> v(xs, xs + n);
  std::sort(v.begin(), v.end());
  return v[n / 2];
}
// CHECK: private-copies.cpp:11:20: moved to stack: v(xs, xs + n) (up to 256 bytes, else heap)
// CHECK: private-copies.cpp:11:20:   calls a private copy of void std::__introsort_loop<{{.*}}) at {{.*}}stl_algo.h:{{[0-9]+}}:{{[0-9]+}}
// CHECK: private-copies.cpp:11:20:   calls a private copy of void std::__final_insertion_sort<{{.*}}) at {{.*}}stl_algo.h:{{[0-9]+}}:{{[0-9]+}}
