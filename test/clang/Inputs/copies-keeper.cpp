// The other translation unit's body of peek, linked first so that the linker
// keeps it: it keeps the pointer it is given.
extern int *kept;

inline __attribute__((noinline)) int peek(int *p) {
  kept = p;
  return *p;
}

int peek_here(int *q) { return peek(q); }
