/* graph: nodes, classes and causes (see graph.h). */
#include "graph.h"

#include <llvm-c/Core.h>
#include <stdlib.h>
#include <string.h>

void esc_graph_init(EscGraph *g, LLVMValueRef function, EscHost *host) {
  memset(g, 0, sizeof *g);
  g->host = host;
  g->function = function;
  g->layout = LLVMGetModuleDataLayout(LLVMGetGlobalParent(function));
  esc_map_init(&g->values);
}

void esc_graph_free(EscGraph *g) {
  esc_map_free(&g->values);
  free(g->nodes);
  free(g->causes);
  free(g->sites);
  free(g->frees);
  free(g->musttail_calls);
  free(g->copy_calls);
  free(g->phis);
  free(g->pointer_insts);
  free(g->returns);
  free(g->differences);
  free(g->accesses);
  free(g->merges);
  memset(g, 0, sizeof *g);
}

bool esc_carries_pointers(LLVMTypeRef type) {
  switch (LLVMGetTypeKind(type)) {
  case LLVMPointerTypeKind:
    return true;
  case LLVMVectorTypeKind:
  case LLVMScalableVectorTypeKind:
  case LLVMArrayTypeKind:
    return esc_carries_pointers(LLVMGetElementType(type));
  case LLVMStructTypeKind: {
    unsigned n = LLVMCountStructElementTypes(type);
    for (unsigned i = 0; i < n; i++)
      if (esc_carries_pointers(LLVMStructGetTypeAtIndex(type, i)))
        return true;
    return false;
  }
  default:
    return false;
  }
}

bool esc_value_carries_pointers(LLVMValueRef value) {
  return esc_carries_pointers(LLVMTypeOf(value));
}

static uint32_t new_node(EscGraph *g, LLVMValueRef value, uint32_t owner) {
  esc_grow((void **)&g->nodes, &g->node_capacity, sizeof *g->nodes, g->node_count + 1);
  uint32_t id = g->node_count++;
  g->nodes[id] = (EscNode){.value = value, .owner = owner, .parent = id, .pointee = ESC_NONE,
                           .escape_cause = ESC_NONE, .content_cause = ESC_NONE,
                           .kept_cause = ESC_NONE,
                           .first_site = ESC_NONE, .last_site = ESC_NONE};
  return id;
}

uint32_t esc_cause(EscGraph *g, EscReason reason, LLVMValueRef where, const char *detail,
                   uint32_t cause) {
  esc_grow((void **)&g->causes, &g->cause_capacity, sizeof *g->causes, g->cause_count + 1);
  g->causes[g->cause_count] = (EscCause){reason, where, detail, cause, ESC_NONE};
  return g->cause_count++;
}

static bool points_nowhere(LLVMValueRef c) {
  return LLVMIsNull(c) || LLVMIsUndef(c) || LLVMIsPoison(c) || LLVMIsAConstantInt(c) ||
         LLVMIsAConstantFP(c);
}

/* The global a constant address is computed from (a field of a global
 * struct, an element of a global array), or the constant itself. */
static LLVMValueRef constant_base(LLVMValueRef c) {
  while (LLVMIsAConstantExpr(c)) {
    LLVMOpcode op = LLVMGetConstOpcode(c);
    if (op != LLVMGetElementPtr && op != LLVMBitCast && op != LLVMAddrSpaceCast)
      break;
    c = LLVMGetOperand(c, 0);
  }
  return c;
}

static uint32_t external_constant(EscGraph *g, LLVMValueRef c) {
  uint32_t id = new_node(g, c, ESC_NONE);
  EscReason r = ESC_STORED_UNKNOWN;
  const char *name = NULL;
  LLVMValueRef base = constant_base(c);
  if (LLVMIsAGlobalVariable(base)) {
    size_t len;
    r = ESC_STORED_GLOBAL;
    name = LLVMGetValueName2(base, &len);
  }
  esc_mark(g, id, ESC_EXTERNAL, esc_cause(g, r, NULL, name, ESC_NONE));
  return id;
}

uint32_t esc_node(EscGraph *g, LLVMValueRef value) {
  if (LLVMIsAConstant(value))
    return points_nowhere(value) ? ESC_NONE : external_constant(g, value);
  uint32_t id = esc_map_get(&g->values, value);
  if (id != ESC_NONE)
    return id;
  id = new_node(g, value, ESC_NONE);
  esc_map_put(&g->values, value, id);
  return id;
}

uint32_t esc_address(EscGraph *g, LLVMValueRef value) {
  uint32_t node = esc_node(g, value);
  return node != ESC_NONE ? node : external_constant(g, value);
}

uint32_t esc_find(EscGraph *g, uint32_t node) {
  uint32_t root = node;
  while (g->nodes[root].parent != root)
    root = g->nodes[root].parent;
  while (g->nodes[node].parent != root) {
    uint32_t next = g->nodes[node].parent;
    g->nodes[node].parent = root;
    node = next;
  }
  return root;
}

static uint32_t first_of(uint32_t a, uint32_t b) { return a != ESC_NONE ? a : b; }

static void join_sites(EscGraph *g, EscNode *into, const EscNode *from) {
  if (from->first_site == ESC_NONE)
    return;
  if (into->first_site == ESC_NONE)
    into->first_site = from->first_site;
  else
    g->sites[into->last_site].next_in_class = from->first_site;
  into->last_site = from->last_site;
}

static void record_merge(EscGraph *g, uint32_t a, uint32_t b, LLVMValueRef inst) {
  esc_grow((void **)&g->merges, &g->merge_capacity, sizeof *g->merges, g->merge_count + 1);
  g->merges[g->merge_count++] = (EscMerge){a, b, inst};
}

/* Merges two representatives; returns the pair of pointees still to join
 * through *pa and *pb. */
static void merge(EscGraph *g, uint32_t a, uint32_t b, uint32_t *pa, uint32_t *pb) {
  if (g->nodes[a].rank < g->nodes[b].rank) {
    uint32_t t = a;
    a = b;
    b = t;
  }
  EscNode *root = &g->nodes[a], *child = &g->nodes[b];
  child->parent = a;
  if (root->rank == child->rank)
    root->rank++;
  root->flags |= child->flags;
  root->escape_cause = first_of(root->escape_cause, child->escape_cause);
  root->content_cause = first_of(root->content_cause, child->content_cause);
  root->kept_cause = first_of(root->kept_cause, child->kept_cause);
  join_sites(g, root, child);
  *pa = root->pointee;
  *pb = child->pointee;
  root->pointee = first_of(root->pointee, child->pointee);
}

void esc_unify(EscGraph *g, uint32_t a, uint32_t b, LLVMValueRef inst) {
  /* Iterative: joining two classes joins their pointees, and so on down. */
  while (a != ESC_NONE && b != ESC_NONE) {
    uint32_t ra = esc_find(g, a), rb = esc_find(g, b);
    if (ra == rb)
      return;
    record_merge(g, a, b, inst);
    merge(g, ra, rb, &a, &b);
  }
}

uint32_t esc_pointee_if_any(EscGraph *g, uint32_t node) {
  uint32_t p = g->nodes[esc_find(g, node)].pointee;
  return p == ESC_NONE ? ESC_NONE : esc_find(g, p);
}

uint32_t esc_pointee(EscGraph *g, uint32_t node) {
  EscNode *n = &g->nodes[esc_find(g, node)];
  if (n->pointee != ESC_NONE)
    return n->pointee;
  uint32_t p = new_node(g, NULL, node);
  g->nodes[esc_find(g, node)].pointee = p; /* new_node may have moved the nodes */
  return p;
}

bool esc_mark(EscGraph *g, uint32_t node, uint32_t flags, uint32_t cause) {
  if (node == ESC_NONE)
    return false;
  if (cause != ESC_NONE && g->causes[cause].node == ESC_NONE)
    g->causes[cause].node = node;
  EscNode *n = &g->nodes[esc_find(g, node)];
  uint32_t added = flags & ~n->flags;
  n->flags |= flags;
  if (added & ESC_ESCAPED)
    n->escape_cause = first_of(n->escape_cause, cause);
  if (added & (ESC_EXTERNAL | ESC_CONTENT_ESCAPES))
    n->content_cause = first_of(n->content_cause, cause);
  if (added & (ESC_STORED | ESC_ADDRESS_CAPTURED))
    n->kept_cause = first_of(n->kept_cause, cause);
  return added != 0;
}

void esc_mark_kept(EscGraph *g, uint32_t node, uint32_t flag, LLVMValueRef inst) {
  if (node != ESC_NONE && !esc_has(g, node, flag))
    esc_mark(g, node, flag, esc_cause(g, ESC_LOOP_CARRIED, inst, NULL, ESC_NONE));
}

void esc_escape(EscGraph *g, LLVMValueRef value, EscReason reason, LLVMValueRef where,
                const char *detail) {
  uint32_t node = esc_node(g, value);
  if (node != ESC_NONE && !esc_has(g, node, ESC_ESCAPED))
    esc_mark(g, node, ESC_ESCAPED, esc_cause(g, reason, where, detail, ESC_NONE));
}

bool esc_has(EscGraph *g, uint32_t node, uint32_t flags) {
  return node != ESC_NONE && (g->nodes[esc_find(g, node)].flags & flags) == flags;
}

void esc_add_site(EscGraph *g, const EscSite *site) {
  esc_grow((void **)&g->sites, &g->site_capacity, sizeof *g->sites, g->site_count + 1);
  uint32_t id = g->site_count++;
  g->sites[id] = *site;
  g->sites[id].next_in_class = ESC_NONE;
  EscNode *n = &g->nodes[esc_find(g, site->node)];
  EscNode single = {.first_site = id, .last_site = id};
  join_sites(g, n, &single);
}
