/* room: the run-time check that a frame's promoted objects fit on the stack.
 *
 * C stacks do not grow, so no static budget is right for every recursion,
 * thread and link step. A function with promoted objects asks instead, once
 * per call and before any of its slots exists, how much of the current
 * thread's stack is left: the stack pointer against the thread's stack
 * bounds, which a helper emitted into the module reads once per thread
 * (pthread_getattr_np, pthread_attr_getstack) and keeps in a thread-local.
 * Only when the room left after the slots is at least `reserve` percent of
 * the whole stack does the call go on in the function's stack version, whose
 * promoted objects are static slots (so SROA can still make registers of
 * them); otherwise it goes on in the heap version, the function's body as it
 * was without the pass, whose frame is the original one. Each is reached by
 * a musttail call from the function itself, now only the check. A stack pointer outside the thread's stack (a
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
 *   after the pass (the stack version is noinline, so its slots never join
 *   another frame; the check may be inlined, and goes with its calls).
 *
 * `need` covers what the stack version's frame may add to the heap
 * version's: its slots, their alignment, and a margin for the registers and
 * spills of different code. The heap version is a copy of the original
 * body, so on that way the program's frames are the ones it had. */
#ifndef ESCAPE_ROOM_H
#define ESCAPE_ROOM_H

#include "graph.h"

/* Makes the function `fn` a dispatcher between two versions of the same
 * type: `stack`, whose promoted objects are static slots taking at most
 * `need` bytes more than `heap`'s frame, and `heap`, the body as it was
 * without the pass. The check runs first; each way is a musttail call, so the
 * dispatcher leaves no frame behind. `fn` must have no blocks. */
void esc_room_dispatch(EscGraph *g, LLVMValueRef fn, LLVMValueRef stack, LLVMValueRef heap,
                       uint64_t need, unsigned reserve);

#endif
