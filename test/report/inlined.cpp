// C++ containers allocate in libstdc++'s headers (new_allocator.h), inlined
// into the user's code: the verdict is at the user's call (v.reserve(8)), the
// headers' places only in the -m=2 chain.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %escape-cc -m -c inlined.cpp -o %t/inlined.o 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=inlined.cpp: --implicit-check-not=/usr/
// RUN: cd %S && %escape-cc -m=2 -c inlined.cpp -o %t/inlined.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=M2
#include <vector>

int sum(int n) {
  std::vector<int> v;
  v.reserve(8);
  // CHECK: inlined.cpp:[[#@LINE-1]]:5: moved to stack: v.reserve(8)
  // M2: inlined.cpp:[[#@LINE-2]]:5: moved to stack: v.reserve(8)
  // M2-NEXT: inlined.cpp:[[#@LINE-3]]:5:   inlined: {{.*}}allocate{{.*}} at {{.*}}new_allocator.h:{{[0-9]+}}:{{[0-9]+}}
  for (int i = 0; i < n; i++)
    v.push_back(i);
  // The buffer a growing push_back makes while the old one is alive takes
  // its slot one at a time.
  // CHECK: inlined.cpp:[[#@LINE-3]]:7: moved to stack: v.push_back(i) (up to 256 bytes, one at a time, else heap)
  int s = 0;
  for (int x : v)
    s += x;
  return s;
}
