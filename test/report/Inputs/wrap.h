/* An allocation wrapper, as libyaml's yaml_malloc: inlined into its callers. */
#include <stdlib.h>

static inline void *xmalloc(size_t size) {
  return malloc(size ? size : 1);
}
