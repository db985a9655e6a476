// Under -fno-builtin (and -ffreestanding) malloc may be any function: no
// allocation is touched, and each says why.
// RUN: %clang -O2 -fno-builtin -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -fno-builtin-malloc -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm -o - %s -fno-builtin | FileCheck %s

#include <stdlib.h>

__attribute__((noinline)) static int first(const char *p) { return p[0]; } // expected-remark {{%0 does not escape}}

// CHECK-LABEL: define{{.*}} @scratch(
// CHECK: call{{.*}} @malloc(i64 noundef 16)
// CHECK: call void @free(
int scratch(void) {
  char *p = malloc(16); // expected-remark {{malloc(16) escapes to heap: nobuiltin call}}
  p[0] = 3;
  int r = first(p);
  free(p);
  return r;
}
