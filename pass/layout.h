/* layout: which bytes of an object hold pointers.
 *
 * The graph has one pointee class per class, with no fields. Reading an int
 * field of an object that also holds a pointer must not count as reading the
 * pointer, yet reading the pointer's bytes as data (memcpy lowered to i64
 * loads, a byte-wise copy, a union) must. So every load, store, memcpy and
 * memset through a class is recorded as an access: a byte range relative to
 * the start of the object, and whether it moves pointers or data. A data
 * read that overlaps a pointer range makes the class's pointees escape; a
 * data write over one makes them foreign.
 *
 * Ranges need each address's offset from its object's start: 0 at an
 * allocation or alloca, shifted by constant GEPs, kept by casts, merged by
 * phi and select. A parameter may point into the middle of its caller's
 * object, so offsets from it count from where it points and compare only
 * with each other: a class whose accesses count from two bases has unknown
 * ranges. The same offsets say at which words of a parameter's own object
 * the function reads and writes data (EscGraph.param_words), which its
 * summary hands to callers (summary.h). A pointer loaded from memory is at offset 0 unless some
 * pointer stored into that class of memory may point inside an object; the
 * two facts depend on each other, so they are solved together to a fixpoint
 * (optimistic, monotone: offsets only lose precision, classes only become
 * "interior"). Unknown offsets and sizes overlap everything. */
#ifndef ESCAPE_LAYOUT_H
#define ESCAPE_LAYOUT_H

#include "graph.h"

typedef enum EscAccessKind {
  ESC_ACCESS_POINTERS, /* loads or stores values that carry pointers; memcpy */
  ESC_ACCESS_DATA_READ,
  ESC_ACCESS_DATA_WRITE,
} EscAccessKind;

/* Records that `inst` accesses `size` bytes (UINT64_MAX: unknown) at
 * `address`. */
void esc_record_access(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, uint64_t size,
                       EscAccessKind kind);

/* Records that `inst` accesses bytes somewhere in the objects of the class
 * of `node` (a callee's doing, seen through its summary). */
void esc_record_class_access(EscGraph *g, LLVMValueRef inst, uint32_t node, EscAccessKind kind);

/* Records that `inst` accesses as data the words `words` of the object
 * `address` points into, counted from `address` (EscParamSummary's
 * read_words and written_words). */
void esc_record_words(EscGraph *g, LLVMValueRef inst, LLVMValueRef address, uint64_t words,
                      EscAccessKind kind);

/* The size in bytes of a value of `type` in memory, UINT64_MAX if unknown. */
uint64_t esc_store_size(EscGraph *g, LLVMTypeRef type);

/* Marks ESC_CONTENT_ESCAPES / ESC_CONTENT_FOREIGN on the classes whose
 * objects are read / written as data where they hold pointers, and fills in
 * g->param_words. Call once, after the graph is built and before it is
 * solved. */
void esc_resolve_layouts(EscGraph *g);

#endif
