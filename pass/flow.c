/* flow: paths from allocations to escapes (see flow.h). */
#include "flow.h"

#include <stdlib.h>

enum { TREE_ESCAPE, TREE_CONTENT, TREE_OTHER, TREE_KINDS };

struct EscFlow {
  EscGraph *g;
  uint32_t *first, *adjacent; /* merges at each node: adjacent[first[n] .. first[n+1]) */
  uint32_t *toward[TREE_KINDS]; /* per node: the merge one step closer to the exit */
  uint32_t *exit[TREE_KINDS];   /* per node: the exit its tree was built for */
  uint32_t *queue;
};

EscFlow *esc_flow_new(EscGraph *g) {
  EscFlow *f = esc_calloc(1, sizeof *f);
  uint32_t n = g->node_count;
  f->g = g;
  f->first = esc_calloc(n + 1, sizeof *f->first);
  f->adjacent = esc_calloc(2 * (size_t)g->merge_count + 1, sizeof *f->adjacent);
  f->queue = esc_calloc(n + 1, sizeof *f->queue);
  for (uint32_t m = 0; m < g->merge_count; m++) {
    f->first[g->merges[m].a + 1]++;
    f->first[g->merges[m].b + 1]++;
  }
  for (uint32_t i = 0; i < n; i++)
    f->first[i + 1] += f->first[i];
  uint32_t *fill = f->queue; /* borrowed: per node, merges placed so far */
  for (uint32_t m = 0; m < g->merge_count; m++) {
    uint32_t a = g->merges[m].a, b = g->merges[m].b;
    f->adjacent[f->first[a] + fill[a]++] = m;
    f->adjacent[f->first[b] + fill[b]++] = m;
  }
  for (int k = 0; k < TREE_KINDS; k++) {
    f->toward[k] = esc_calloc(n + 1, sizeof *f->toward[k]);
    f->exit[k] = esc_calloc(n + 1, sizeof *f->exit[k]);
    for (uint32_t i = 0; i < n; i++)
      f->exit[k][i] = ESC_NONE;
  }
  return f;
}

void esc_flow_free(EscFlow *f) {
  if (!f)
    return;
  for (int k = 0; k < TREE_KINDS; k++) {
    free(f->toward[k]);
    free(f->exit[k]);
  }
  free(f->first);
  free(f->adjacent);
  free(f->queue);
  free(f);
}

static uint32_t other_end(const EscMerge *m, uint32_t node) { return m->a == node ? m->b : m->a; }

/* Breadth-first from `exit` over the merges of its class. */
static void build_tree(EscFlow *f, int kind, uint32_t exit) {
  uint32_t head = 0, tail = 0;
  f->queue[tail++] = exit;
  f->exit[kind][exit] = exit;
  f->toward[kind][exit] = ESC_NONE;
  while (head < tail) {
    uint32_t n = f->queue[head++];
    for (uint32_t i = f->first[n]; i < f->first[n + 1]; i++) {
      uint32_t m = f->adjacent[i], next = other_end(&f->g->merges[m], n);
      if (f->exit[kind][next] == exit)
        continue;
      f->exit[kind][next] = exit;
      f->toward[kind][next] = m;
      f->queue[tail++] = next;
    }
  }
}

typedef struct Path {
  EscStep *steps;
  uint32_t count, max;
} Path;

static bool add(Path *p, EscStep step) {
  if (p->count == p->max)
    return false;
  p->steps[p->count++] = step;
  return true;
}

static bool walk(EscFlow *f, int kind, uint32_t from, uint32_t exit, Path *p) {
  if (f->exit[kind][from] != exit)
    build_tree(f, kind, exit);
  for (uint32_t n = from; n != exit;) {
    const EscMerge *m = &f->g->merges[f->toward[kind][n]];
    uint32_t next = other_end(m, n);
    if (!add(p, (EscStep){ESC_STEP_MERGE, n, next, m->inst, ESC_NONE}))
      return false;
    n = next;
  }
  return true;
}

static int tree_kind(const EscNode *home, uint32_t cause) {
  if (cause == home->escape_cause)
    return TREE_ESCAPE;
  return cause == home->content_cause ? TREE_CONTENT : TREE_OTHER;
}

uint32_t esc_flow_path(EscFlow *f, uint32_t node, EscStep *steps, uint32_t max) {
  EscGraph *g = f->g;
  Path p = {steps, 0, max};
  uint32_t home = esc_find(g, node);
  uint32_t cause = g->nodes[home].escape_cause;
  /* Each climb follows a cause to the older one it chains to, or keeps one
   * that applies in the container: the loop ends. */
  while (cause != ESC_NONE) {
    const EscCause *c = &g->causes[cause];
    bool climbs = c->node != ESC_NONE && (c->cause != ESC_NONE || esc_find(g, c->node) != home);
    uint32_t exit = climbs ? g->nodes[esc_find(g, c->node)].pointee : c->node;
    if (exit != ESC_NONE && esc_find(g, exit) == home &&
        !walk(f, tree_kind(&g->nodes[home], cause), node, exit, &p))
      return p.count;
    if (!climbs || exit == ESC_NONE || esc_find(g, exit) != home) {
      add(&p, (EscStep){ESC_STEP_CAUSE, exit != ESC_NONE ? exit : node, ESC_NONE, NULL, cause});
      return p.count;
    }
    uint32_t container = g->nodes[exit].owner;
    if (!add(&p, (EscStep){ESC_STEP_CONTAINER, exit, container, NULL, ESC_NONE}))
      return p.count;
    node = container;
    home = esc_find(g, container);
    if (c->cause != ESC_NONE)
      cause = c->cause;
  }
  return p.count;
}
