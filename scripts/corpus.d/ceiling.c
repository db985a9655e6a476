/* ceiling.c: the run-time half of scripts/corpus's `ceiling` mode.
 *
 * The mode builds a package at -O2 with -finstrument-functions-after-inlining
 * (the hooks go in after the last inliner, so a frame is a function as the
 * pass sees it: inlined helpers belong to their caller's frame) and links
 * every program with this library, which
 *   - keeps a shadow stack of the instrumented frames of each thread
 *     (__cyg_profile_func_enter/exit);
 *   - replaces malloc, calloc, realloc, free, aligned_alloc, memalign,
 *     posix_memalign, valloc and operator new/delete (on top of glibc's
 *     __libc_* functions and the C++ library's own operators), giving each
 *     object its allocation site (the return address of the call) and the
 *     frame on top of the shadow stack when it was made;
 *   - when a frame returns with objects of its own still live, marks their
 *     sites as escaping; so does an object never freed, or one realloc'd.
 * At exit, when CEILING_OUT names a directory, each process writes one line
 * per site: module, offset in the module, kind, objects made, objects that
 * outlived their frame. scripts/corpus resolves the offsets to file:line:col
 * and keeps the sites in the package's own code. A site whose objects all
 * died in their frame is one that an escape analysis could have promoted:
 * the ceiling.
 *
 * Frames left by longjmp or an exception are dropped when the next hook or
 * allocation sees a stack pointer above them (the stack grows down). Not
 * instrumented, so not frames: the C and C++ libraries and code not compiled
 * by the wrapper; an allocation with no frame under it escapes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NO_INSTR __attribute__((no_instrument_function, visibility("default")))

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);

enum { K_MALLOC, K_CALLOC, K_ALIGNED, K_NEW, K_REALLOC };
static const char *const kind_name[] = {"malloc", "calloc", "aligned", "new", "realloc"};

/* Sites: open addressing on the return address, never deleted. */
#define SITE_BITS 18
typedef struct {
  uintptr_t ra;
  uint64_t made, escaped;
  int kind;
} Site;
static Site *sites;
static uint32_t *used, nused; /* the sites in use, for the dump */

/* Objects: records in one big lazily-backed array, found by a chained hash
 * on the pointer; a record on a frame is also on that frame's list. */
#define OBJ_MAX (1u << 26)
#define BUCKET_BITS 22
#define NONE 0u /* record 0 is never used: fresh (zero) memory is empty */
typedef struct Frame Frame;
typedef struct {
  uintptr_t ptr;
  uint32_t site, hnext, fprev, fnext;
  Frame *frame; /* NULL: not on a frame (escaped already, or none) */
} Obj;
static Obj *objs;
static uint32_t *buckets, obj_top = 1, obj_free = NONE;

struct Frame {
  void *fn;
  uintptr_t sp;
  uint32_t head; /* live objects made in this frame */
};
#define FRAME_MAX (1 << 16)
typedef struct {
  Frame *f;
  int depth;  /* may exceed FRAME_MAX: the frames over it are not kept */
  int inside; /* in our operator new/delete: the malloc under it is ours */
} Shadow;
static __thread Shadow shadow __attribute__((tls_model("initial-exec")));

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int ready;

static void *map(size_t n) {
  void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static void reset_counts(void) {
  for (uint32_t i = 0; i < nused; i++)
    sites[used[i]].made = sites[used[i]].escaped = 0;
}

NO_INSTR static void init(void) {
  if (ready)
    return;
  sites = map(sizeof(Site) << SITE_BITS);
  objs = map(sizeof(Obj) * (size_t)OBJ_MAX);
  buckets = map(sizeof(uint32_t) << BUCKET_BITS);
  used = map(sizeof(uint32_t) << SITE_BITS);
  if (!sites || !objs || !buckets || !used)
    abort();
  pthread_atfork(NULL, NULL, reset_counts); /* a child counts for itself */
  ready = 1;
}

static inline uint32_t hash_ptr(uintptr_t p, int bits) {
  return (uint32_t)((p * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

static uint32_t site_of(uintptr_t ra, int kind) {
  uint32_t mask = (1u << SITE_BITS) - 1, i = hash_ptr(ra, SITE_BITS);
  for (uint32_t n = 0; n <= mask; n++, i = (i + 1) & mask) {
    if (sites[i].ra == ra)
      return i;
    if (sites[i].ra == 0) {
      sites[i].ra = ra;
      sites[i].kind = kind;
      used[nused++] = i;
      return i;
    }
  }
  abort(); /* a quarter of a million call sites */
}

static Frame *frame_of(Shadow *s) {
  return s->f && s->depth > 0 && s->depth <= FRAME_MAX ? &s->f[s->depth - 1] : NULL;
}

static void unlink_frame(uint32_t o) {
  Obj *r = &objs[o];
  if (!r->frame)
    return;
  if (r->fprev != NONE)
    objs[r->fprev].fnext = r->fnext;
  else
    r->frame->head = r->fnext;
  if (r->fnext != NONE)
    objs[r->fnext].fprev = r->fprev;
  r->frame = NULL;
}

/* A frame returns (or was unwound): what it made and still holds escaped. */
NO_INSTR static void pop_frame(Shadow *s) {
  Frame *f = frame_of(s);
  s->depth--;
  if (!f || __atomic_load_n(&f->head, __ATOMIC_ACQUIRE) == NONE)
    return;
  pthread_mutex_lock(&lock);
  for (uint32_t o = f->head; o != NONE; o = objs[o].fnext) {
    sites[objs[o].site].escaped++;
    objs[o].frame = NULL;
  }
  f->head = NONE;
  pthread_mutex_unlock(&lock);
}

/* Frames whose stack pointer is at or below sp were left without a return. */
NO_INSTR static void drop_below(Shadow *s, uintptr_t sp) {
  while (s->depth > 0 && s->depth <= FRAME_MAX && s->f[s->depth - 1].sp < sp)
    pop_frame(s);
}

NO_INSTR void __cyg_profile_func_enter(void *fn, void *call_site) {
  (void)call_site;
  Shadow *s = &shadow;
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (!s->f) {
    s->f = map(sizeof(Frame) * FRAME_MAX);
    if (!s->f)
      return;
  }
  drop_below(s, sp + 1); /* a sibling's frame at the same depth, unwound */
  if (s->depth < FRAME_MAX)
    s->f[s->depth] = (Frame){fn, sp, NONE};
  s->depth++;
}

NO_INSTR void __cyg_profile_func_exit(void *fn, void *call_site) {
  (void)call_site;
  Shadow *s = &shadow;
  if (!s->f || s->depth <= 0)
    return;
  if (s->depth > FRAME_MAX) {
    s->depth--;
    return;
  }
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  drop_below(s, sp - 8); /* callees unwound by an exception */
  if (s->depth > 0 && s->f[s->depth - 1].fn == fn)
    pop_frame(s);
}

static void unlink_ptr(uintptr_t p, int escape);

NO_INSTR static void record(void *p, uintptr_t ra, int kind, uintptr_t sp) {
  if (!p)
    return;
  init();
  Shadow *s = &shadow;
  if (s->f)
    drop_below(s, sp - 8);
  pthread_mutex_lock(&lock);
  unlink_ptr((uintptr_t)p, 0); /* freed where we did not see it */
  uint32_t si = site_of(ra, kind), o;
  sites[si].made++;
  if (obj_free != NONE) {
    o = obj_free;
    obj_free = objs[o].hnext;
  } else if (obj_top < OBJ_MAX) {
    o = obj_top++;
  } else {
    sites[si].escaped++; /* out of records: counted, not followed */
    pthread_mutex_unlock(&lock);
    return;
  }
  Obj *r = &objs[o];
  uint32_t b = hash_ptr((uintptr_t)p, BUCKET_BITS);
  r->ptr = (uintptr_t)p;
  r->site = si;
  r->hnext = buckets[b];
  buckets[b] = o;
  r->frame = frame_of(s);
  r->fprev = NONE;
  if (r->frame) {
    r->fnext = r->frame->head;
    if (r->fnext != NONE)
      objs[r->fnext].fprev = o;
    __atomic_store_n(&r->frame->head, o, __ATOMIC_RELEASE);
  } else {
    r->fnext = NONE;
    sites[si].escaped++; /* made with no frame of the package under it */
  }
  pthread_mutex_unlock(&lock);
}

/* Forgets p (under the lock); with escape set (realloc), its site escapes if
 * the object is still in its frame. */
NO_INSTR static void unlink_ptr(uintptr_t p, int escape) {
  uint32_t *link = &buckets[hash_ptr((uintptr_t)p, BUCKET_BITS)];
  while (*link != NONE && objs[*link].ptr != p)
    link = &objs[*link].hnext;
  if (*link != NONE) {
    uint32_t o = *link;
    if (escape && objs[o].frame)
      sites[objs[o].site].escaped++;
    unlink_frame(o);
    *link = objs[o].hnext;
    objs[o].hnext = obj_free;
    obj_free = o;
  }
}

NO_INSTR static void forget(void *p, int escape) {
  if (!p || !ready)
    return;
  pthread_mutex_lock(&lock);
  unlink_ptr((uintptr_t)p, escape);
  pthread_mutex_unlock(&lock);
}

#define RA ((uintptr_t)__builtin_return_address(0))
#define SP ((uintptr_t)__builtin_frame_address(0))
#define MINE (!shadow.inside)

NO_INSTR void *malloc(size_t n) {
  void *p = __libc_malloc(n);
  if (MINE)
    record(p, RA, K_MALLOC, SP);
  return p;
}
NO_INSTR void *calloc(size_t n, size_t m) {
  void *p = __libc_calloc(n, m);
  if (MINE)
    record(p, RA, K_CALLOC, SP);
  return p;
}
NO_INSTR void *realloc(void *q, size_t n) {
  if (MINE)
    forget(q, 1);
  void *p = __libc_realloc(q, n);
  if (MINE && (p || !q || n))
    record(p ? p : q, RA, K_REALLOC, SP); /* a failed realloc keeps q */
  return p;
}
NO_INSTR void free(void *p) {
  if (MINE)
    forget(p, 0);
  __libc_free(p);
}
NO_INSTR void *aligned_alloc(size_t al, size_t n) {
  void *p = __libc_memalign(al, n);
  if (MINE)
    record(p, RA, K_ALIGNED, SP);
  return p;
}
NO_INSTR void *memalign(size_t al, size_t n) {
  void *p = __libc_memalign(al, n);
  if (MINE)
    record(p, RA, K_ALIGNED, SP);
  return p;
}
NO_INSTR int posix_memalign(void **out, size_t al, size_t n) {
  if (al % sizeof(void *) || (al & (al - 1)))
    return EINVAL;
  void *p = __libc_memalign(al, n);
  if (!p)
    return ENOMEM;
  if (MINE)
    record(p, RA, K_ALIGNED, SP);
  *out = p;
  return 0;
}
NO_INSTR void *valloc(size_t n) {
  void *p = __libc_valloc(n);
  if (MINE)
    record(p, RA, K_ALIGNED, SP);
  return p;
}

/* operator new and delete: the C++ library's own (it throws bad_alloc and
 * calls the new-handler), with the malloc and free under them not counted. */
#define NEW(sym, params, args)                                                  \
  NO_INSTR void *sym params {                                                   \
    static void *(*real) params;                                                \
    if (!real)                                                                  \
      real = (void *(*) params)dlsym(RTLD_NEXT, #sym);                          \
    shadow.inside++;                                                            \
    void *p = real args;                                                        \
    shadow.inside--;                                                            \
    if (MINE)                                                                   \
      record(p, RA, K_NEW, SP);                                                 \
    return p;                                                                   \
  }
#define DELETE(sym, params, args)                                               \
  NO_INSTR void sym params {                                                    \
    static void (*real) params;                                                 \
    if (!real)                                                                  \
      real = (void (*) params)dlsym(RTLD_NEXT, #sym);                           \
    if (MINE)                                                                   \
      forget(p, 0);                                                             \
    shadow.inside++;                                                            \
    real args;                                                                  \
    shadow.inside--;                                                            \
  }
NEW(_Znwm, (size_t n), (n))
NEW(_Znam, (size_t n), (n))
NEW(_ZnwmRKSt9nothrow_t, (size_t n, const void *t), (n, t))
NEW(_ZnamRKSt9nothrow_t, (size_t n, const void *t), (n, t))
NEW(_ZnwmSt11align_val_t, (size_t n, size_t al), (n, al))
NEW(_ZnamSt11align_val_t, (size_t n, size_t al), (n, al))
NEW(_ZnwmSt11align_val_tRKSt9nothrow_t, (size_t n, size_t al, const void *t), (n, al, t))
NEW(_ZnamSt11align_val_tRKSt9nothrow_t, (size_t n, size_t al, const void *t), (n, al, t))
DELETE(_ZdlPv, (void *p), (p))
DELETE(_ZdaPv, (void *p), (p))
DELETE(_ZdlPvm, (void *p, size_t n), (p, n))
DELETE(_ZdaPvm, (void *p, size_t n), (p, n))
DELETE(_ZdlPvRKSt9nothrow_t, (void *p, const void *t), (p, t))
DELETE(_ZdaPvRKSt9nothrow_t, (void *p, const void *t), (p, t))
DELETE(_ZdlPvSt11align_val_t, (void *p, size_t al), (p, al))
DELETE(_ZdaPvSt11align_val_t, (void *p, size_t al), (p, al))
DELETE(_ZdlPvmSt11align_val_t, (void *p, size_t n, size_t al), (p, n, al))
DELETE(_ZdaPvmSt11align_val_t, (void *p, size_t n, size_t al), (p, n, al))

/* At exit: objects still live never died in their frame. */
__attribute__((destructor)) NO_INSTR static void dump(void) {
  const char *dir = getenv("CEILING_OUT");
  if (!ready || !dir || !*dir)
    return;
  char exe[4096], path[4200];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  shadow.inside++; /* stdio allocates */
  pthread_mutex_lock(&lock);
  for (uint32_t o = 1; o < obj_top; o++)
    if (objs[o].frame) {
      sites[objs[o].site].escaped++;
      objs[o].frame = NULL;
    }
  snprintf(path, sizeof path, "%s/ceil.%d", dir, (int)getpid());
  FILE *f = fopen(path, "a");
  if (f) {
    for (uint32_t i = 0; i < nused; i++) {
      Site *s = &sites[used[i]];
      Dl_info info;
      struct link_map *lm = NULL;
      if (!s->ra || !s->made)
        continue;
      if (!dladdr1((void *)s->ra, &info, (void **)&lm, RTLD_DL_LINKMAP) || !lm)
        continue;
      const char *mod = lm->l_name && lm->l_name[0] ? lm->l_name : exe;
      fprintf(f, "%s\t0x%lx\t%s\t%llu\t%llu\n", mod, (unsigned long)(s->ra - 1 - lm->l_addr),
              kind_name[s->kind], (unsigned long long)s->made,
              (unsigned long long)s->escaped);
    }
    fclose(f);
  }
  pthread_mutex_unlock(&lock);
}
