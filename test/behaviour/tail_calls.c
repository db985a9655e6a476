// RUN: %difftest %s
// EXPECT-PROMOTED: 2
//
// `tail` markers. Calls that received a heap pointer may carry `tail` (the
// callee does not touch the caller's allocas); once the object is an alloca,
// the marker is a lie. In `handoff` the call is in tail position once the
// free is gone: left marked, the backend turns it into a jump, the caller's
// frame (and the buffer) is gone, and the callee's own big frame overwrites
// it. In `via_read` the buffer is filled by read(2) from a pipe; with `tail`
// left on the call, the optimizer may forward the bytes stored before it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((noinline)) static void fill(unsigned char *p, int k) {
  for (int i = 0; i < 64; i++)
    p[i] = (unsigned char)(k * 7 + i);
}

/* Reads the buffer after clobbering a big frame of its own. */
__attribute__((noinline)) static unsigned consume(const unsigned char *p) {
  volatile unsigned char scratch[512];
  for (int i = 0; i < 512; i++)
    scratch[i] = (unsigned char)(0xEE ^ i);
  unsigned h = scratch[17];
  for (int i = 0; i < 64; i++)
    h = h * 31u + p[i];
  return h;
}

__attribute__((noinline)) static unsigned handoff(int k) {
  unsigned char *p = malloc(64);
  fill(p, k);
  unsigned r = consume(p);
  free(p);
  return r;
}

static int fds[2];

__attribute__((noinline)) static unsigned via_read(int k) {
  char msg[16];
  memset(msg, 'a' + k % 26, sizeof msg);
  if (write(fds[1], msg, sizeof msg) != (ssize_t)sizeof msg)
    return 0;
  char *buf = malloc(16);
  memset(buf, 'x', 16);
  ssize_t n = read(fds[0], buf, 16);
  unsigned r = (unsigned)n * 1000u + (unsigned char)buf[0] + (unsigned char)buf[15];
  free(buf);
  return r;
}

int main(void) {
  if (pipe(fds) != 0)
    return 2;
  unsigned total = 0;
  for (int k = 0; k < 2000; k++)
    total = total * 3u + handoff(k);
  printf("handoff %u\n", total);
  total = 0;
  for (int k = 0; k < 200; k++)
    total = total * 5u + via_read(k);
  printf("read %u\n", total);
  return 0;
}
