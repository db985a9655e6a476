// The pass runs after the inliner: an allocation that escapes its helper by
// being returned is promoted in the caller the helper was inlined into, and
// that verdict is at the caller's line (the call of the helper), as Go
// reports inlined code.
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=escape -Rpass-missed=escape -c -o /dev/null -Xclang -verify %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=STACK

#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long sum(const unsigned char *p, int n) { // expected-remark {{%0 does not escape}}
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

// Not static: it stays, and its own copy escapes.
unsigned char *make_buffer(int fill) {
  unsigned char *p = malloc(48); // expected-remark {{malloc(48) escapes to heap: returned}}
  memset(p, fill, 48);
  return p;
}

// Promoted behind the room check (pass/room.h): the stack version has the
// slot, the heap version is the body as it was.
// CHECK-LABEL: define{{.*}} @use_buffer(
// CHECK: musttail call {{.*}}@use_buffer.escape.stack(
// CHECK: musttail call {{.*}}@use_buffer.escape.heap(
// STACK-LABEL: define {{.*}}@use_buffer.escape.stack(
// STACK: alloca [48 x i8], align 16
// STACK-NOT: @malloc
// STACK-NOT: @free
// STACK: ret
long use_buffer(int fill) {
  unsigned char *p = make_buffer(fill); // expected-remark {{moved to stack: malloc(48)}}
  long r = sum(p, 48);
  free(p);
  return r;
}
