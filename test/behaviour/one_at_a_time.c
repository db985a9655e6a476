// RUN: %difftest %s
// EXPECT-PROMOTED: 8
//
// Rule "one at a time": a site in a loop whose object may still live when
// the site runs again keeps one slot, which takes an object only while the
// object it last took has been freed. Each function below keeps objects
// alive across iterations in another way; every value is checked after the
// objects that could have overwritten it were made, so a slot handed out
// twice, or a flag cleared by the wrong free, changes the output (and ASan
// sees the slot reused while a pointer to it lives).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void fill(unsigned char *p, size_t n,
                                           unsigned seed) {
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char)(seed * 131u + i * 7u);
}

__attribute__((noinline)) static unsigned check(const unsigned char *p,
                                                size_t n, unsigned seed) {
  unsigned bad = 0;
  for (size_t i = 0; i < n; i++)
    bad += p[i] != (unsigned char)(seed * 131u + i * 7u);
  return bad;
}

/* Checks and frees the live buffers of a ring of `n`; inlined, since a
 * callee that frees what its argument points to keeps the objects on the
 * heap. */
static inline __attribute__((always_inline)) unsigned
drain(unsigned char **live, const unsigned *seeds, int n, size_t len) {
  unsigned bad = 0;
  for (int k = 0; k < n; k++)
    if (live[k]) {
      bad += check(live[k], len, seeds[k]);
      free(live[k]);
    }
  return bad;
}

/* A ring of four live buffers: each is freed four iterations after it was
 * made, when its place in the ring is taken again. */
__attribute__((noinline)) static unsigned ring(int n) {
  unsigned char *live[4] = {0};
  unsigned seeds[4] = {0}, bad = 0;
  for (int i = 0; i < n; i++) {
    int k = i % 4;
    if (live[k]) {
      bad += check(live[k], 48, seeds[k]);
      free(live[k]);
    }
    live[k] = malloc(48);
    seeds[k] = (unsigned)i;
    fill(live[k], 48, seeds[k]);
    for (int j = 0; j < 4; j++)
      if (live[j])
        bad += check(live[j], 48, seeds[j]);
  }
  return bad + drain(live, seeds, 4, 48);
}

/* All alive at once, freed in a second loop: only the first may take the
 * slot. */
__attribute__((noinline)) static unsigned all_live(int n) {
  unsigned char *p[64];
  unsigned bad = 0;
  for (int i = 0; i < n; i++) {
    p[i] = malloc(24);
    fill(p[i], 24, (unsigned)i + 1000);
  }
  for (int i = 0; i < n; i++) {
    bad += check(p[i], 24, (unsigned)i + 1000);
    free(p[i]);
  }
  return bad;
}

/* A buffer that grows by copying, as std::vector does: the new one is made
 * while the old one lives, then the old one is freed. Run-time sizes, so the
 * slot must both fit and be free. */
__attribute__((noinline)) static unsigned grow_by_copy(int n) {
  size_t cap = 4, len = 0;
  unsigned char *buf = malloc(cap);
  unsigned bad = 0;
  for (int i = 0; i < n; i++) {
    if (len == cap) {
      unsigned char *bigger = malloc(cap * 2);
      memcpy(bigger, buf, len);
      free(buf);
      buf = bigger;
      cap *= 2;
    }
    buf[len++] = (unsigned char)(i * 7u + 3u);
  }
  for (size_t i = 0; i < len; i++)
    bad += buf[i] != (unsigned char)(i * 7u + 3u);
  free(buf);
  return bad;
}

/* Freed on even iterations only: the odd ones' objects stay alive (kept in
 * a list) until the end. */
struct cell {
  struct cell *next;
  unsigned seed;
  unsigned char data[20];
};

__attribute__((noinline)) static unsigned some_kept(int n) {
  struct cell *kept = NULL;
  unsigned bad = 0;
  for (int i = 0; i < n; i++) {
    struct cell *c = malloc(sizeof *c);
    c->seed = (unsigned)i;
    fill(c->data, sizeof c->data, c->seed);
    if (i % 2) {
      c->next = kept;
      kept = c;
    } else {
      bad += check(c->data, sizeof c->data, c->seed);
      free(c);
    }
  }
  while (kept) {
    struct cell *next = kept->next;
    bad += check(kept->data, sizeof kept->data, kept->seed);
    free(kept);
    kept = next;
  }
  return bad;
}

/* Made in an inner loop, freed by the outer one: each outer iteration keeps
 * the inner loop's last object. */
__attribute__((noinline)) static unsigned nested(int n) {
  unsigned bad = 0;
  unsigned char *last = NULL;
  unsigned last_seed = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < 3; j++) {
      unsigned char *p = malloc(32);
      fill(p, 32, (unsigned)(i * 3 + j));
      if (last) {
        bad += check(last, 32, last_seed);
        free(last);
      }
      last = p;
      last_seed = (unsigned)(i * 3 + j);
    }
  }
  if (last) {
    bad += check(last, 32, last_seed);
    free(last);
  }
  return bad;
}

/* Two sites whose objects meet in one variable and one array: each has its
 * own slot and flag, and a free clears only the flag of the slot it frees. */
__attribute__((noinline)) static unsigned two_sites(int n) {
  unsigned char *keep[5] = {0};
  unsigned seeds[5] = {0}, bad = 0;
  for (int i = 0; i < n; i++) {
    unsigned char *p = i % 3 ? malloc(40) : calloc(1, 40);
    fill(p, 40, (unsigned)i);
    int k = (i * 3) % 5;
    if (keep[k]) {
      bad += check(keep[k], 40, seeds[k]);
      free(keep[k]);
    }
    keep[k] = p;
    seeds[k] = (unsigned)i;
    for (int j = 0; j < 5; j++)
      if (keep[j])
        bad += check(keep[j], 40, seeds[j]);
  }
  return bad + drain(keep, seeds, 5, 40);
}

/* Recursion inside the loop while the previous node lives: every frame has
 * a slot and a flag of its own, so a deeper call's nodes never take the
 * slot of a shallower frame's live node. */
__attribute__((noinline)) static unsigned recursive(int depth, int width) {
  struct cell *prev = NULL;
  unsigned bad = 0;
  for (int i = 0; i < width; i++) {
    struct cell *c = malloc(sizeof *c);
    c->seed = (unsigned)(depth * 10 + i);
    c->next = prev;
    if (depth > 0)
      bad += recursive(depth - 1, width);
    if (prev) {
      bad += prev->seed != (unsigned)(depth * 10 + i - 1);
      free(prev);
    }
    prev = c;
  }
  bad += prev->seed != (unsigned)(depth * 10 + width - 1);
  free(prev);
  return bad;
}

/* strdup in a loop, the previous copy compared with the new one. */
__attribute__((noinline)) static unsigned strings(int n) {
  char text[32], *prev = NULL;
  unsigned same = 0;
  for (int i = 0; i < n; i++) {
    snprintf(text, sizeof text, "item %d", i / 2);
    char *copy = strdup(text);
    if (prev) {
      same += strcmp(prev, copy) == 0;
      free(prev);
    }
    prev = copy;
  }
  free(prev);
  return same;
}

int main(int argc, char **argv) {
  (void)argv;
  unsigned bad = 0;
  for (int r = 0; r < 50; r++) {
    bad += ring(37 + argc);
    bad += all_live(60 + argc);
    bad += grow_by_copy(200 + r);
    bad += some_kept(41 + argc);
    bad += nested(9 + argc);
    bad += two_sites(23 + argc);
    bad += recursive(3 + argc, 2 + argc);
  }
  printf("bad %u, equal neighbours %u\n", bad, strings(31 + argc));
  return bad != 0;
}
