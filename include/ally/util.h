/* util.h: allocation that never returns NULL, and a growable string. */
#ifndef ALLY_UTIL_H
#define ALLY_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation failure prints "ally: out of memory" and aborts: no caller
 * has a better answer, and half-built state is worse than stopping. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);                 /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0), nonnull(1)));

/* Replace *dst with a copy of src (NULL allowed), freeing the old value. */
void str_set(char **dst, const char *src);

/* Is s non-empty and made of ASCII digits only? */
bool str_all_digits(const char *s);

/* Case-insensitive comparison of ASCII letters; other bytes compare as is. */
int str_casecmp(const char *a, const char *b);

/* A growable NUL-terminated byte buffer.  buf_init/buf_finish work on the
 * caller's struct; buf_take hands the string to the caller and resets. */
struct buf {
	char *data; /* always NUL-terminated once anything was added */
	size_t len; /* bytes before the NUL */
	size_t cap; /* bytes allocated */
};

void buf_init(struct buf *b);
void buf_finish(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *buf_take(struct buf *b); /* caller frees; never NULL */

#endif
