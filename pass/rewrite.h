/* rewrite: moves the promoted objects to the stack.
 *
 * Each promoted site gets one alloca in the entry block with the site's size
 * and the allocator's alignment, so a site in a loop reuses one slot rather
 * than growing the frame. Where the call was: llvm.lifetime.start, and for
 * zeroing allocators a memset, every time it runs. A site whose size is known
 * only at run time keeps its call, taken only when the size does not fit its
 * slot (variable-slot bytes). Frees that can only free promoted objects
 * disappear (with llvm.lifetime.end when they free exactly one); frees that
 * may also see a heap object get `p == slot ? NULL : p`.
 * Calls that may reach a promoted object lose `tail`, which promises the
 * callee does not touch the caller's allocas (LLVM issue #58744), and call
 * the callee's private copy where its summary holds only for that copy. */
#ifndef ESCAPE_REWRITE_H
#define ESCAPE_REWRITE_H

#include "graph.h"

/* Returns true when the function changed. With options->room_check, the
 * function becomes the room check in front of two versions of itself
 * (room.h). */
bool esc_rewrite(EscGraph *g, const EscOptions *options);

#endif
