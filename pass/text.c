/* text: bounded strings (see text.h). */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>

void esc_text_append(EscText *t, const char *fmt, ...) {
  if (t->len >= sizeof t->buf - 1)
    return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
  va_end(ap);
  if (n > 0)
    t->len += (size_t)n < sizeof t->buf - t->len ? (size_t)n : sizeof t->buf - t->len - 1;
}
