/* text.c: making database text safe and measurable for a terminal.
 *
 * Decoding and widths always follow UTF-8 rules, whatever locale the
 * program runs in: the database holds UTF-8, and a C-locale process would
 * otherwise call every accent invalid.  Markers (text_visible) need no
 * locale at all; widths need wcwidth, so when the current locale is not
 * UTF-8 that work runs under a temporary C.UTF-8 thread locale. */
/* wcwidth is an X/Open function. */
#define _XOPEN_SOURCE 700

#include "ally/text.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <string.h>
#include <wchar.h>

#include "ally/util.h"
#include "core.h"

/* The UTF-8 locale in use for one call, and the one to restore. */
struct utf8_scope {
	locale_t made; /* created here, or (locale_t)0 */
	locale_t prev; /* thread locale to restore, or (locale_t)0 */
};

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void utf8_enter(struct utf8_scope *sc)
{
	sc->made = (locale_t)0;
	sc->prev = (locale_t)0;
	if (codeset_is_utf8())
		return;
	sc->made = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (sc->made == (locale_t)0)
		sc->made = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
	if (sc->made != (locale_t)0)
		sc->prev = uselocale(sc->made);
}

static void utf8_leave(struct utf8_scope *sc)
{
	if (sc->made == (locale_t)0)
		return;
	uselocale(sc->prev);
	freelocale(sc->made);
}

/* Decode one character at s (len bytes left).  Returns its length in
 * bytes, or 0 when the byte at s starts no valid character. */
static size_t decode(const char *s, size_t len, wchar_t *wc)
{
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2)
		return 0;
	if (n == 0) /* an embedded NUL cannot happen in a C string */
		return 1;
	/* Surrogates are never valid in UTF-8, whatever libc thinks. */
	if (*wc >= 0xD800 && *wc <= 0xDFFF)
		return 0;
	return n;
}

/* Built from text_mark, as quote() is, so that a message and a listing
 * show one character the same way; no locale is needed for that. */
char *text_visible(const char *s, int keep_newlines)
{
	struct buf b;

	if (s == NULL)
		return xstrdup("");
	buf_init(&b);
	while (*s != '\0') {
		char mark[TEXT_MARK_BUFSZ];
		size_t n;

		if (*s == '\n' && keep_newlines) {
			buf_putc(&b, '\n');
			s++;
			continue;
		}
		n = text_mark(s, mark);
		if (mark[0] != '\0')
			buf_puts(&b, mark);
		else
			buf_add(&b, s, n);
		s += n;
	}
	return buf_take(&b);
}

/* Columns of one decoded character: controls and unprintables take none,
 * as they never reach the screen unescaped. */
static size_t char_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 0 : (size_t)w;
}

/* ASCII needs no locale: printable characters take one column each,
 * controls none.  Most text is ASCII, and a non-UTF-8 locale would
 * otherwise make every call create and free one (LANG=C over SSH). */
static bool ascii_width(const char *s, size_t *cols)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80)
			return false;
		n += c >= 0x20 && c != 0x7f;
	}
	*cols = n;
	return true;
}

size_t text_width(const char *s)
{
	struct utf8_scope sc;
	size_t len, i = 0, cols = 0;

	if (s == NULL)
		return 0;
	if (ascii_width(s, &cols))
		return cols;
	utf8_enter(&sc);
	len = strlen(s);
	while (i < len) {
		wchar_t wc;
		size_t n = decode(s + i, len - i, &wc);

		if (n == 0) {
			cols++; /* an invalid byte shows as one replacement cell */
			i++;
			continue;
		}
		cols += char_width(wc);
		i += n;
	}
	utf8_leave(&sc);
	return cols;
}

/* Length in bytes of the longest prefix of s that fits in cols columns;
 * zero-width characters that follow a fitting prefix stay with it. */
static size_t fit_bytes(const char *s, size_t len, size_t cols)
{
	size_t i = 0, used = 0;

	while (i < len) {
		wchar_t wc;
		size_t n = decode(s + i, len - i, &wc);
		size_t w = n == 0 ? 1 : char_width(wc);

		if (n == 0)
			n = 1;
		if (used + w > cols)
			break;
		used += w;
		i += n;
	}
	return i;
}

char *text_fit(const char *s, size_t cols, int ellipsis, int ascii_only)
{
	struct utf8_scope sc;
	const char *mark = ascii_only ? "~" : "\xe2\x80\xa6" /* … */;
	size_t len, keep;
	char *out;

	if (s == NULL)
		return xstrdup("");
	utf8_enter(&sc);
	len = strlen(s);
	keep = fit_bytes(s, len, cols);
	if (keep < len && ellipsis && cols > 0) {
		keep = fit_bytes(s, len, cols - 1);
		out = xasprintf("%.*s%s", (int)keep, s, mark);
	} else {
		out = xstrndup(s, keep);
	}
	utf8_leave(&sc);
	return out;
}
