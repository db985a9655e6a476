/* graph: the location graph of one function.
 *
 * Every pointer-carrying value of the function is a node. Nodes that may hold
 * the same pointers are unified into one class (Steensgaard's analysis:
 * flow-insensitive, near-linear with union-find). A class has at most one
 * pointee: the class of the pointers stored in the memory its members point
 * to. Loads, stores and memcpy join classes through their pointees, so a
 * pointer stored into a local object and loaded back is followed.
 *
 * Facts attach to classes as flags, each with the first reason that set it:
 *   EXTERNAL  members may point to memory the function does not own (globals,
 *             what unknown calls return; parameters, once summarized);
 *   ESCAPED   members' objects are reachable from outside the function;
 *   CONTENT_ESCAPES / CONTENT_FOREIGN
 *             what the members point to is read / written by code we do not
 *             see, so the pointee class escapes / becomes external.
 * graph.c owns the data structure; build.c and calls.c fill it in; solve.c
 * propagates the flags and decides. */
#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H

#include "alloc.h"
#include "escape/host.h"
#include "escape/summary.h"
#include "util.h"

#include <llvm-c/Target.h>
#include <stdbool.h>

enum {
  ESC_EXTERNAL = 1 << 0,
  ESC_ESCAPED = 1 << 1,
  ESC_CONTENT_ESCAPES = 1 << 2,
  ESC_CONTENT_FOREIGN = 1 << 3,
  ESC_STORED = 1 << 4,           /* members are written to memory */
  ESC_ADDRESS_CAPTURED = 1 << 5, /* a callee may keep members' addresses as integers */
  ESC_REACHES_MUSTTAIL = 1 << 6, /* a musttail call may reach members' objects */
  ESC_RETURNS = 1 << 7,          /* members may be the function's return value */
  ESC_ADDRESS_EXPOSED = 1 << 8,  /* members' addresses become integers (that stay integers) */
};

/* Why a flag was set. `node` is where the reason applies: a member of the
 * class it was set on, or, for ESC_STORED_ESCAPING and for a reason passed
 * down from a container, a member of the container's class. `cause` chains
 * ESC_STORED_ESCAPING to the reason of the object it was stored into. */
typedef struct EscCause {
  EscReason reason;
  LLVMValueRef where;
  const char *detail;
  uint32_t cause;
  uint32_t node;
} EscCause;

/* One union of two classes: `a` and `b` were members of the two, joined
 * because of `inst` (directly, or because their containers were). The merges
 * of a class form a spanning tree of it, which is what flow.c walks. */
typedef struct EscMerge {
  uint32_t a, b;
  LLVMValueRef inst;
} EscMerge;

typedef struct EscNode {
  LLVMValueRef value; /* NULL for the memory behind a pointer (see owner) */
  uint32_t owner;     /* for those: the node whose pointee this node was made as */
  uint32_t parent;
  uint32_t rank;
  uint32_t pointee;
  uint32_t flags;
  uint32_t escape_cause;  /* why ESC_ESCAPED */
  uint32_t content_cause; /* why ESC_CONTENT_ESCAPES, or what EXTERNAL memory is */
  uint32_t kept_cause;    /* where ESC_STORED or ESC_ADDRESS_CAPTURED was set */
  uint32_t first_site, last_site; /* allocation sites in the class, a list */
} EscNode;

typedef struct EscSite {
  LLVMValueRef call;
  EscAllocator allocator;
  uint32_t node;
  uint32_t next_in_class;
  int64_t size;      /* bytes; -1 when known only at run time */
  uint64_t capacity; /* bytes of its stack slot: the size (1 for malloc(0)), or the
                        largest run-time size the slot takes (solve.c decides) */
  uint64_t align;    /* bytes, a power of two */
  EscReason verdict;
  uint32_t cause; /* the flow cause when verdict came from the graph */
  uint64_t needed, limit; /* for ESC_TOO_LARGE, ESC_BUDGET, ESC_TOO_ALIGNED: needed > limit;
                             promoted with a run-time size: limit is the capacity */
  LLVMValueRef slot; /* the alloca, once promoted */
  bool reallocated;  /* its class is realloc'd: the slot takes variable-slot bytes to grow
                        in, and the object may move to the heap (grow.h) */
  bool moves_at_return; /* returned, and only that: copied to the heap at each return
                           while it is still in its slot (grow.h) */
  bool one_at_a_time;   /* made in a cycle while its last object may still live: the
                           slot takes a new object only once the last one is freed,
                           as `busy` tells (solve.c, rule "one at a time") */
  LLVMValueRef busy;    /* the i1 alloca saying the slot holds a live object */
} EscSite;

/* True for the reasons that compare a need with a limit (EscSite.needed, limit). */
static inline bool esc_reason_has_limit(EscReason r) {
  return r == ESC_TOO_LARGE || r == ESC_BUDGET || r == ESC_TOO_ALIGNED;
}

typedef struct EscFree {
  LLVMValueRef call;
  const char *family;
  unsigned ptr_arg; /* which argument is freed */
  uint32_t node;    /* the freed pointer */
  bool reallocates; /* realloc: its result, in the same class, continues the object */
} EscFree;

typedef struct EscAccess {
  LLVMValueRef inst;
  LLVMValueRef address; /* NULL: somewhere in the objects of class `node` */
  uint32_t node;
  int64_t offset; /* bytes past `address` where the access starts */
  uint64_t size;  /* UINT64_MAX: unknown */
  int kind;       /* EscAccessKind (layout.h) */
} EscAccess;

/* Where the function reads and writes data in a parameter's own object,
 * counted from where the parameter points (layout.h fills it in): bit k for
 * bytes [8k, 8k + 8); `*_anywhere` when some access has no such place. */
typedef struct EscDataWords {
  uint64_t read, written;
  bool read_anywhere, written_anywhere;
} EscDataWords;

typedef struct EscGraph {
  EscHost *host;
  LLVMValueRef function;
  LLVMTargetDataRef layout;
  EscValueMap values;
  EscNode *nodes;
  uint32_t node_count, node_capacity;
  EscCause *causes;
  uint32_t cause_count, cause_capacity;
  EscSite *sites;
  uint32_t site_count, site_capacity;
  EscFree *frees;
  uint32_t free_count, free_capacity;
  LLVMValueRef *musttail_calls;
  uint32_t musttail_count, musttail_capacity;
  LLVMValueRef *copy_calls; /* calls of callees whose summary has through_copy */
  uint32_t copy_call_count, copy_call_capacity;
  LLVMValueRef *phis;
  uint32_t phi_count, phi_capacity;
  LLVMValueRef *returns; /* ret instructions returning pointers */
  uint32_t return_count, return_capacity;
  LLVMValueRef *differences; /* `sub (ptrtoint a), (ptrtoint b)` (build.h) */
  uint32_t difference_count, difference_capacity;
  LLVMValueRef *pointer_insts; /* instructions of pointer type, in order (layout.c) */
  uint32_t pointer_inst_count, pointer_inst_capacity;
  EscAccess *accesses;
  uint32_t access_count, access_capacity;
  EscMerge *merges;
  uint32_t merge_count, merge_capacity;
  LLVMValueRef returns_twice_call; /* a call of setjmp or the like, or NULL */
  EscDataWords param_words[ESC_MAX_SUMMARY_PARAMS];
} EscGraph;

void esc_graph_init(EscGraph *g, LLVMValueRef function, EscHost *host);
void esc_graph_free(EscGraph *g);

/* True for pointers and for vectors and aggregates that contain them. */
bool esc_carries_pointers(LLVMTypeRef type);
/* True for a value of such a type. */
bool esc_value_carries_pointers(LLVMValueRef value);

/* The node of a value, created on first use. ESC_NONE for constants that
 * point nowhere (null, undef, poison, zero); a fresh EXTERNAL node for every
 * use of any other constant (globals, constant expressions). */
uint32_t esc_node(EscGraph *g, LLVMValueRef value);
/* The node of a value used as an address, whose memory a load, store or
 * copy reaches: as esc_node, except that a constant pointing nowhere (null,
 * undef, poison) gets a fresh EXTERNAL node. Such an access is undefined
 * only in address space 0, and even there the pass must neither crash nor
 * assume anything about the memory it names. */
uint32_t esc_address(EscGraph *g, LLVMValueRef value);
/* The class representative of a node. */
uint32_t esc_find(EscGraph *g, uint32_t node);
/* Joins two classes and, recursively, their pointees, because of `inst`. */
void esc_unify(EscGraph *g, uint32_t a, uint32_t b, LLVMValueRef inst);
/* The memory the members of `node`'s class point to, as a node of the
 * pointee class made for it (created on first use; its owner is a member of
 * `node`'s class), so that merges through memory name that memory. */
uint32_t esc_pointee(EscGraph *g, uint32_t node);
/* The pointee if the class has one yet, else ESC_NONE. */
uint32_t esc_pointee_if_any(EscGraph *g, uint32_t node);

uint32_t esc_cause(EscGraph *g, EscReason reason, LLVMValueRef where, const char *detail,
                   uint32_t cause);
/* Sets `flags` on the class of `node` (no-op for ESC_NONE). `cause` is kept
 * as escape_cause for ESC_ESCAPED, as content_cause for ESC_EXTERNAL and
 * ESC_CONTENT_ESCAPES, unless the class already has one; a cause without a
 * node gets `node`. Returns true when a flag was new. */
bool esc_mark(EscGraph *g, uint32_t node, uint32_t flags, uint32_t cause);
/* Marks the class of `node` ESC_STORED or ESC_ADDRESS_CAPTURED (`flag`)
 * because of `inst`, which Go's loop rule names when it applies. */
void esc_mark_kept(EscGraph *g, uint32_t node, uint32_t flag, LLVMValueRef inst);

/* Shorthand: esc_mark(ESC_ESCAPED) of value's node with a new cause. */
void esc_escape(EscGraph *g, LLVMValueRef value, EscReason reason, LLVMValueRef where,
                const char *detail);
bool esc_has(EscGraph *g, uint32_t node, uint32_t flags);

void esc_add_site(EscGraph *g, const EscSite *site);

/* True for a site whose size is known only at run time: its object takes the
 * slot when it fits, else the heap as before (rewrite.h). */
static inline bool esc_run_time_size(const EscSite *site) { return site->size < 0; }

#endif
