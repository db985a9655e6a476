/* names: how explanations call values and instructions.
 *
 * A value is called by the source variable that holds it (debug info, asked
 * of the host), else by its IR name, else by how it was computed, the way C
 * would write it: `*q` for a load through q, `f(p)` for a call, `&g` for a
 * global's address. Instructions are written as the statement they stand
 * for: `*q = p`, `return p`, `free(p)`. Nesting is cut short with "...". */
#ifndef ESCAPE_NAMES_H
#define ESCAPE_NAMES_H

#include "graph.h"
#include "text.h"

#include <llvm-c/Core.h>

/* Appends allocation call `call` as written: "malloc(16)", "calloc(n, 4)",
 * "malloc(n + 1)"; C++ operator new shows its size: "operator new(16)". */
void esc_name_allocation(EscGraph *g, EscText *t, LLVMValueRef call,
                         const EscAllocator *allocator);

/* Appends the name of `value`. */
void esc_name_value(EscGraph *g, EscText *t, LLVMValueRef value);

/* Appends the name of what a node holds: its value, or, for memory behind a
 * pointer, `*p`. */
void esc_name_node(EscGraph *g, EscText *t, uint32_t node);

/* Appends the name of the memory a node points to: `*p`, or `g` for `&g`. */
void esc_name_memory(EscGraph *g, EscText *t, uint32_t node);

/* How explanations call an instruction C has no words for, by its opcode:
 * "inttoptr", "atomicrmw", "insert"; "instruction" for the rest. */
const char *esc_opcode_word(LLVMOpcode op);

/* Appends `inst` written as a statement. */
void esc_name_instruction(EscGraph *g, EscText *t, LLVMValueRef inst);

/* True for instructions that compute the same pointer, for what names are
 * concerned: GEPs, casts, freeze (`&p->next` is still p's object). */
bool esc_is_same_pointer(LLVMValueRef inst);

/* True when a source variable (debug info) holds the value. */
bool esc_value_has_variable(EscGraph *g, LLVMValueRef value);

/* True when the value has a name of its own (source or IR), not one made up
 * from how it was computed. */
bool esc_value_is_named(EscGraph *g, LLVMValueRef value);

#endif
