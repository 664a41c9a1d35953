/* ui-list.c: the scrolling list cursor every view uses, name search, and
 * word wrap. */
#include "ally/ui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui-line.h"

void listnav_init(struct listnav *l)
{
	l->n = 0;
	l->cur = 0;
	l->top = 0;
	l->height = 1;
}

/* Restore the invariants: cur inside the rows, top so cur shows, and no
 * blank space below the last row when the list could fill the screen. */
static void listnav_fix(struct listnav *l)
{
	if (l->height == 0)
		l->height = 1;
	if (l->n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->cur >= l->top + l->height)
		l->top = l->cur - l->height + 1;
	if (l->n >= l->height && l->top > l->n - l->height)
		l->top = l->n - l->height;
	if (l->n < l->height)
		l->top = 0;
}

void listnav_set_count(struct listnav *l, size_t n)
{
	l->n = n;
	listnav_fix(l);
}

void listnav_set_height(struct listnav *l, size_t height)
{
	l->height = height;
	listnav_fix(l);
}

void listnav_go(struct listnav *l, size_t i)
{
	l->cur = i;
	listnav_fix(l);
}

static void listnav_by(struct listnav *l, long delta)
{
	if (l->n == 0)
		return;
	if (delta < 0 && (size_t)-delta > l->cur)
		l->cur = 0;
	else if (delta < 0)
		l->cur -= (size_t)-delta;
	else if ((size_t)delta >= l->n - l->cur)
		l->cur = l->n - 1;
	else
		l->cur += (size_t)delta;
	listnav_fix(l);
}

/* A page moves the view by its height and the cursor with it, as less
 * does, so the row under the cursor keeps its place on screen. */
static void listnav_page(struct listnav *l, long pages)
{
	size_t h = l->height, off = l->cur - l->top;

	if (l->n == 0)
		return;
	if (pages > 0) {
		if (l->top + h >= l->n) {
			l->cur = l->n - 1;
		} else {
			l->top += h;
			if (l->n >= h && l->top > l->n - h)
				l->top = l->n - h;
			l->cur = l->top + off;
		}
	} else {
		if (l->top == 0) {
			l->cur = 0;
		} else {
			l->top = l->top > h ? l->top - h : 0;
			l->cur = l->top + off;
		}
	}
	listnav_fix(l);
}

bool listnav_key(struct listnav *l, int key)
{
	long half = l->height > 1 ? (long)(l->height / 2) : 1;

	switch (key) {
	case UK_UP:
	case 'k':
		listnav_by(l, -1);
		return true;
	case UK_DOWN:
	case 'j':
		listnav_by(l, 1);
		return true;
	case UK_PGUP:
	case UK_CTRL('b'):
		listnav_page(l, -1);
		return true;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		listnav_page(l, 1);
		return true;
	case UK_CTRL('u'):
		listnav_by(l, -half);
		return true;
	case UK_CTRL('d'):
		listnav_by(l, half);
		return true;
	case UK_HOME:
	case 'g':
		listnav_go(l, 0);
		return true;
	case UK_END:
	case 'G':
		if (l->n > 0)
			listnav_go(l, l->n - 1);
		return true;
	default:
		return false;
	}
}

bool ui_match(const char *hay, const char *needle)
{
	char *h, *n;
	bool found;

	if (needle == NULL || needle[0] == '\0')
		return true;
	if (hay == NULL)
		return false;
	h = text_fold(hay);
	n = text_fold(needle);
	found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

/* Columns of the character at s, and its length in bytes (*len). */
static size_t char_cols(const char *s, size_t *len)
{
	char one[5];
	uint32_t cp;

	*len = utf8_decode(s, &cp);
	if (*len == 0) {
		*len = 1;
		return 1;
	}
	ui_utf8_encode(cp, one);
	return text_width(one);
}

size_t ui_wrap(const char *s, size_t width, const char **next)
{
	size_t i = 0, cols = 0, brk = 0, end;

	while (s[i] != '\0') {
		size_t len, w = char_cols(s + i, &len);

		if (s[i] == ' ')
			brk = i;
		if (cols + w > width && i > 0)
			break;
		cols += w;
		i += len;
	}
	/* Break at the blank that ended the last word that fits; a word
	 * longer than the line is cut where it overflows. */
	end = s[i] == '\0' || s[i] == ' ' || brk == 0 ? i : brk;
	*next = s + end;
	while (**next == ' ')
		(*next)++;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	return end;
}
