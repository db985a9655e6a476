/* text: bounded strings for messages.
 *
 * Messages are short and a cut message is still useful, so text is built in
 * a fixed buffer: appending past its end truncates, never fails. */
#ifndef ESCAPE_TEXT_H
#define ESCAPE_TEXT_H

#include <stddef.h>

typedef struct EscText {
  char buf[512];
  size_t len;
} EscText;

#define ESC_TEXT_INIT {.len = 0}

void esc_text_append(EscText *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
