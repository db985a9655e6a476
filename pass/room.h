/* room: the run-time check that a frame's promoted objects fit on the stack.
 *
 * C stacks do not grow, so no static budget is right for every recursion,
 * thread and link step. A function with promoted objects asks instead, once
 * per call and before any of its slots exists, how much of the current
 * thread's stack is left: the stack pointer against the thread's stack
 * bounds, which a helper emitted into the module reads once per thread
 * (pthread_getattr_np, pthread_attr_getstack) and keeps in a thread-local.
 * Only when the room left after the slots is at least `reserve` percent of
 * the whole stack does the call allocate its slot area (a dynamic alloca of
 * `need` bytes, 0 otherwise); every allocation then takes the heap path
 * exactly as without the pass. A stack pointer outside the thread's stack (a
 * sigaltstack handler, a makecontext coroutine) or a thread whose bounds
 * cannot be read takes the heap.
 *
 * The guarantee. Let S be a thread's stack size and r = S * reserve / 100.
 * Write orig(t) for the stack the program uses at moment t without the pass
 * and E(t) for the slot areas live at t; with the pass it uses orig(t) +
 * E(t). Let k be the live area allocated last, at depth d_k <= orig(t) (its
 * frame is still live). Its check admitted it with d_k + E(t) <= S - r, so
 * orig(t) + E(t) <= S - r + (orig(t) - d_k) <= S - r + orig(t). Hence:
 *
 *   A program that never uses more than r bytes of a thread's stack without
 *   the pass (half of it, by default) never overflows that stack with it,
 *   whatever its recursion, its threads' stack sizes, or the inlining done
 *   after the pass (an inlined area stays dynamic: the inliner brackets it
 *   with stacksave/stackrestore, and the check goes with it).
 *
 * The stack pointer is read with llvm.stacksave, after the function's fixed
 * frame; the fixed frame is part of orig(t). */
#ifndef ESCAPE_ROOM_H
#define ESCAPE_ROOM_H

#include "graph.h"

/* Emits, after the static allocas at the top of the function's entry block,
 * the check that `need` bytes fit on the current thread's stack, leaving
 * `reserve` percent of it. The rest of the entry block moves to a new block,
 * which every block but the entry and the check's slow path is dominated by;
 * returns the i1 answer, a phi at the top of that block, and leaves the
 * builder right after it. */
LLVMValueRef esc_room_check(EscGraph *g, LLVMBuilderRef b, uint64_t need, unsigned reserve);

#endif
