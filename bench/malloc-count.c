/* malloc-count.c: counts heap allocator calls of a program, via LD_PRELOAD.
 *
 *   cc -O2 -shared -fPIC -o malloc-count.so malloc-count.c -ldl
 *   MALLOC_COUNT_OUT=counts.txt LD_PRELOAD=./malloc-count.so ./program
 *
 * Counts malloc, calloc, realloc, free, aligned_alloc, posix_memalign,
 * memalign, valloc and C++ operator new/new[] (all variants). At exit it
 * appends one line to the file named by $MALLOC_COUNT_OUT, or writes it to
 * stderr when that is unset:
 *
 *   malloc-count pid=N malloc=N calloc=N realloc=N free=N aligned=N new=N
 *
 * The C allocators forward to glibc's __libc_* entry points, so no dlsym is
 * needed on the allocation path (dlsym itself may allocate). libstdc++'s
 * operator new calls malloc, so a `new` is counted under new and under malloc;
 * operator new is forwarded to the next definition through dlsym.
 * Glibc only. Thread-safe (relaxed atomic counters). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static unsigned long n_malloc, n_calloc, n_realloc, n_free, n_aligned, n_new;

#define COUNT(c) __atomic_fetch_add(&(c), 1, __ATOMIC_RELAXED)

void *malloc(size_t n) {
  COUNT(n_malloc);
  return __libc_malloc(n);
}
void *calloc(size_t n, size_t m) {
  COUNT(n_calloc);
  return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n) {
  COUNT(n_realloc);
  return __libc_realloc(p, n);
}
void free(void *p) {
  if (p)
    COUNT(n_free);
  __libc_free(p);
}
void *aligned_alloc(size_t a, size_t n) {
  COUNT(n_aligned);
  return __libc_memalign(a, n);
}
void *memalign(size_t a, size_t n) {
  COUNT(n_aligned);
  return __libc_memalign(a, n);
}
void *valloc(size_t n) {
  COUNT(n_aligned);
  return __libc_memalign((size_t)sysconf(_SC_PAGESIZE), n);
}
int posix_memalign(void **out, size_t a, size_t n) {
  COUNT(n_aligned);
  if (a < sizeof(void *) || (a & (a - 1)))
    return 22; /* EINVAL */
  void *p = __libc_memalign(a, n);
  if (!p && n)
    return 12; /* ENOMEM */
  *out = p;
  return 0;
}

/* operator new and new[], plain, nothrow, aligned: forwarded to the next
 * definition (libstdc++). */
#define FORWARD_NEW(sym, params, args)                                      \
  void *sym params {                                                        \
    static void *(*next) params;                                            \
    COUNT(n_new);                                                           \
    if (!next)                                                              \
      next = (void *(*)params)dlsym(RTLD_NEXT, #sym);                       \
    if (!next) {                                                            \
      static const char msg[] = "malloc-count: no next " #sym "\n";         \
      (void)!write(2, msg, sizeof msg - 1);                                 \
      abort();                                                              \
    }                                                                       \
    return next args;                                                       \
  }

FORWARD_NEW(_Znwm, (size_t n), (n))
FORWARD_NEW(_Znam, (size_t n), (n))
FORWARD_NEW(_ZnwmRKSt9nothrow_t, (size_t n, const void *t), (n, t))
FORWARD_NEW(_ZnamRKSt9nothrow_t, (size_t n, const void *t), (n, t))
FORWARD_NEW(_ZnwmSt11align_val_t, (size_t n, size_t a), (n, a))
FORWARD_NEW(_ZnamSt11align_val_t, (size_t n, size_t a), (n, a))

__attribute__((destructor)) static void report(void) {
  char line[256];
  int len = snprintf(line, sizeof line,
                     "malloc-count pid=%ld malloc=%lu calloc=%lu realloc=%lu free=%lu aligned=%lu new=%lu\n",
                     (long)getpid(), n_malloc, n_calloc, n_realloc, n_free, n_aligned, n_new);
  if (len <= 0)
    return;
  if (len >= (int)sizeof line)
    len = (int)sizeof line - 1;
  const char *path = getenv("MALLOC_COUNT_OUT");
  int fd = 2;
  if (path && *path) {
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
      fd = 2;
  }
  (void)!write(fd, line, (size_t)len);
  if (fd != 2)
    close(fd);
}
