// RUN: %difftest %s
// EXPECT-PROMOTED: 8
//
// The room check (pass/room.h) on stacks that are not the thread's: a
// sigaltstack signal handler and a makecontext coroutine, each with a small
// stack, call a function that promotes 8 objects of 1000 bytes. The stack
// pointer is outside the thread's bounds there, so the objects take the heap
// and the small stacks hold.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

__attribute__((noinline)) static unsigned use(unsigned char *p, unsigned k) {
  memset(p, (int)k, 1000);
  return p[k % 1000];
}

__attribute__((noinline)) static unsigned work(unsigned k) {
  unsigned char *a[8];
  unsigned r = 0;
  for (unsigned i = 0; i < 8; i++)
    a[i] = malloc(1000);
  for (unsigned i = 0; i < 8; i++)
    r += use(a[i], k + i);
  for (unsigned i = 0; i < 8; i++)
    r += a[i][(i * 7) % 1000];
  for (unsigned i = 0; i < 8; i++)
    free(a[i]);
  return r;
}

static volatile unsigned from_handler;

static void handler(int sig) { from_handler = work((unsigned)sig); }

static ucontext_t main_context, co_context;
static unsigned from_coroutine;

static void coroutine(void) {
  from_coroutine = work(7);
  swapcontext(&co_context, &main_context);
}

int main(void) {
  /* 8 KiB: room for the kernel's signal frame and a handler, not for 8000
   * bytes of slots too */
  size_t alt_size = 8 * 1024;
  stack_t alt = {.ss_sp = malloc(alt_size), .ss_size = alt_size, .ss_flags = 0};
  if (sigaltstack(&alt, NULL) != 0)
    return 2;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("handler %u\n", from_handler);

  size_t co_size = 8 * 1024;
  void *co_stack = malloc(co_size);
  getcontext(&co_context);
  co_context.uc_stack.ss_sp = co_stack;
  co_context.uc_stack.ss_size = co_size;
  co_context.uc_link = &main_context;
  makecontext(&co_context, coroutine, 0);
  swapcontext(&main_context, &co_context);
  printf("coroutine %u\n", from_coroutine);
  printf("main %u\n", work(3));

  alt.ss_flags = SS_DISABLE;
  sigaltstack(&alt, NULL);
  free(alt.ss_sp);
  free(co_stack);
  return 0;
}
