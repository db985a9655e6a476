/* An allocation two helpers deep: inner allocates, outer calls inner, and
 * both are inlined into keep. */
#include <stdlib.h>

static inline void *inner(size_t n) { return malloc(n); }
static inline void *outer(size_t n) { return inner(n + 1); }

void *kept;
void keep(void) { kept = outer(8); }
