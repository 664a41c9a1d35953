/* draw.c: putting text on the screen so that it is safe and lines up.
 *
 * Every text that may come from the database goes through tui_text:
 * text_visible turns control characters and escape sequences into
 * visible markers before anything reaches the terminal, and text_fit cuts
 * by display columns, so CJK and emoji keep the columns straight. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/renewal.h"
#include "ally/partner.h"
#include "ally/text.h"
#include "ally/util.h"

/* Without a UTF-8 locale there is no "…" to cut with. */
static int ascii_only(void)
{
	return MB_CUR_MAX == 1;
}

/* In a locale that is not UTF-8 (LANG=C over SSH) the terminal cannot
 * show "é", and curses would leave a gap: show '?' for each character
 * past ASCII instead, so columns still line up. */
static void ascii_fold(char *s)
{
	char *out = s;
	uint32_t cp;

	while (*s != '\0') {
		size_t len = (unsigned char)*s < 0x80 ? 1 : utf8_decode(s, &cp);

		*out++ = len == 1 ? *s : '?';
		s += len > 0 ? len : 1;
	}
	*out = '\0';
}

/* The sanitised text fitted to width, and its width in columns. */
static char *fitted(const char *s, int width, size_t *cols)
{
	char *vis = text_visible(s != NULL ? s : "", 0);
	char *fit;

	if (ascii_only())
		ascii_fold(vis);
	fit = text_fit(vis, (size_t)width, 1, ascii_only());
	free(vis);
	*cols = text_width(fit);
	return fit;
}

static void pad(WINDOW *w, size_t n)
{
	while (n-- > 0)
		waddch(w, ' ');
}

void tui_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	size_t cols;
	char *fit;

	if (width <= 0)
		return;
	fit = fitted(s, width, &cols);
	wattron(w, attr);
	wmove(w, y, x);
	waddstr(w, fit);
	pad(w, (size_t)width - cols);
	wattroff(w, attr);
	free(fit);
}

void tui_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	size_t cols;
	char *fit;

	if (width <= 0)
		return;
	fit = fitted(s, width, &cols);
	wattron(w, attr);
	wmove(w, y, x);
	pad(w, (size_t)width - cols);
	waddstr(w, fit);
	wattroff(w, attr);
	free(fit);
}

void tui_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	tui_text(w, y, x, width, s, attr);
	free(s);
}

void tui_bar(struct tui *t, WINDOW *w, int y, int x, int width, long value, long max, attr_t attr)
{
	long filled = 0;

	if (width <= 0)
		return;
	if (value > 0 && max > 0) {
		filled = (value * width + max / 2) / max;
		if (filled < 1)
			filled = 1; /* something is never drawn as nothing */
		if (filled > width)
			filled = width;
	}
	wattron(w, attr);
	wmove(w, y, x);
	for (long i = 0; i < filled; i++)
		waddstr(w, t->utf8 ? "\u2588" : "#");
	wattroff(w, attr);
	pad(w, (size_t)(width - filled));
}

attr_t tui_attr_pair(const struct tui *t, enum tui_pair p)
{
	if (t->color)
		return COLOR_PAIR(p) | (p == PAIR_RED || p == PAIR_TITLE ? A_BOLD : 0);
	switch (p) {
	case PAIR_TITLE:
		return A_REVERSE;
	case PAIR_RED:
		return A_BOLD;
	case PAIR_AMBER:
		return A_UNDERLINE;
	default:
		return A_NORMAL;
	}
}

attr_t tui_attr_health(const struct tui *t, int health)
{
	switch (health) {
	case HEALTH_GREEN:
		return tui_attr_pair(t, PAIR_GREEN);
	case HEALTH_AMBER:
		return tui_attr_pair(t, PAIR_AMBER);
	case HEALTH_RED:
		return tui_attr_pair(t, PAIR_RED);
	default:
		return A_NORMAL;
	}
}

attr_t tui_attr_band(const struct tui *t, int band)
{
	switch (band) {
	case BAND_LAPSED:
		return tui_attr_pair(t, PAIR_RED) | A_BOLD;
	case BAND_URGENT:
		return tui_attr_pair(t, PAIR_RED);
	case BAND_WINDOW:
		return tui_attr_pair(t, PAIR_AMBER);
	default:
		return A_NORMAL;
	}
}

void tui_rule(struct tui *t, WINDOW *w, int y, int x, int width)
{
	(void)t;
	if (width > 0)
		mvwhline(w, y, x, ACS_HLINE, width);
}

void tui_show_cursor(struct tui *t, WINDOW *w, int y, int x)
{
	int by, bx;

	getbegyx(w, by, bx);
	t->cursor_y = by + y;
	t->cursor_x = bx + x;
}
