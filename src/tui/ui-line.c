/* ui-line.c: the one-line editor of searches and prompts. */
#include "ally/ui-line.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui.h"
#include "ally/util.h"

void ui_line_init(struct ui_line *l)
{
	l->cap = 16;
	l->text = xmalloc(l->cap);
	l->text[0] = '\0';
	l->len = 0;
	l->cur = 0;
}

void ui_line_finish(struct ui_line *l)
{
	free(l->text);
	l->text = NULL;
	l->len = l->cap = l->cur = 0;
}

static void line_reserve(struct ui_line *l, size_t extra)
{
	if (l->len + extra + 1 <= l->cap)
		return;
	while (l->len + extra + 1 > l->cap)
		l->cap *= 2;
	l->text = xrealloc(l->text, l->cap);
}

void ui_line_set(struct ui_line *l, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	l->len = 0;
	line_reserve(l, n);
	if (n > 0)
		memcpy(l->text, s, n);
	l->text[n] = '\0';
	l->len = l->cur = n;
}

const char *ui_line_text(const struct ui_line *l)
{
	return l->text;
}

/* Bytes of the code point starting at i (1 for an invalid byte). */
static size_t next_len(const struct ui_line *l, size_t i)
{
	uint32_t cp;
	size_t n;

	if (i >= l->len)
		return 0;
	n = utf8_decode(l->text + i, &cp);
	return n > 0 ? n : 1;
}

/* Offset of the code point before i: walk back over continuation bytes,
 * then make sure they really belong to one valid sequence; when they do
 * not, the byte just before i stands alone, as next_len counts it. */
static size_t prev_start(const struct ui_line *l, size_t i)
{
	size_t j = i;

	if (i == 0)
		return 0;
	while (j > 0 && i - j < 4 && ((unsigned char)l->text[j - 1] & 0xC0) == 0x80)
		j--;
	if (j > 0 && i - j < 4)
		j--;
	if (next_len(l, j) == i - j)
		return j;
	return i - 1;
}

static void line_delete(struct ui_line *l, size_t from, size_t to)
{
	memmove(l->text + from, l->text + to, l->len - to + 1);
	l->len -= to - from;
	if (l->cur >= to)
		l->cur -= to - from;
	else if (l->cur > from)
		l->cur = from;
}

size_t ui_utf8_encode(uint32_t cp, char out[5])
{
	size_t n;

	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

/* A character that may be typed into the text: not a C0 or C1 control,
 * not DEL, not a surrogate (no UTF-8 for it), not a key code. */
static bool insertable(int key)
{
	if (key < 0x20 || key == 0x7F || (key >= 0x80 && key < 0xA0))
		return false;
	if (key >= 0xD800 && key <= 0xDFFF)
		return false;
	return key < 0x110000;
}

static void line_insert(struct ui_line *l, uint32_t cp)
{
	char enc[5];
	size_t n = ui_utf8_encode(cp, enc);

	line_reserve(l, n);
	memmove(l->text + l->cur + n, l->text + l->cur, l->len - l->cur + 1);
	memcpy(l->text + l->cur, enc, n);
	l->len += n;
	l->cur += n;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Ctrl-W as in a shell: the blanks before the cursor, then the word. */
static void line_kill_word(struct ui_line *l)
{
	size_t i = l->cur;

	while (i > 0 && is_blank(l->text[i - 1]))
		i--;
	while (i > 0 && !is_blank(l->text[i - 1]))
		i = prev_start(l, i);
	line_delete(l, i, l->cur);
}

bool ui_line_key(struct ui_line *l, int key)
{
	if (insertable(key)) {
		line_insert(l, (uint32_t)key);
		return true;
	}
	switch (key) {
	case UK_BACKSPACE:
	case UK_CTRL('h'):
	case 0x7F:
		if (l->cur > 0)
			line_delete(l, prev_start(l, l->cur), l->cur);
		return true;
	case UK_DELETE:
	case UK_CTRL('d'):
		if (l->cur < l->len)
			line_delete(l, l->cur, l->cur + next_len(l, l->cur));
		return true;
	case UK_LEFT:
	case UK_CTRL('b'):
		l->cur = prev_start(l, l->cur);
		return true;
	case UK_RIGHT:
	case UK_CTRL('f'):
		l->cur += next_len(l, l->cur);
		return true;
	case UK_HOME:
	case UK_CTRL('a'):
		l->cur = 0;
		return true;
	case UK_END:
	case UK_CTRL('e'):
		l->cur = l->len;
		return true;
	case UK_CTRL('u'):
		line_delete(l, 0, l->cur);
		return true;
	case UK_CTRL('k'):
		line_delete(l, l->cur, l->len);
		return true;
	case UK_CTRL('w'):
		line_kill_word(l);
		return true;
	default:
		return false;
	}
}

size_t ui_line_cursor_col(const struct ui_line *l)
{
	char *prefix = xstrndup(l->text, l->cur);
	char *shown = text_visible(prefix, 0);
	size_t cols = text_width(shown);

	free(shown);
	free(prefix);
	return cols;
}

char *ui_line_view(const struct ui_line *l, size_t cols, size_t *cursor_col)
{
	char *prefix = xstrndup(l->text, l->cur);
	char *before = text_visible(prefix, 0);
	char *after = text_visible(l->text + l->cur, 0);
	const char *from = before;
	char *rest, *view;
	size_t bw;

	/* A line longer than the box scrolls: the characters just before the
	 * cursor stay, the first ones go. */
	while (*from != '\0' && text_width(from) + 1 > cols) {
		uint32_t cp;
		size_t n = utf8_decode(from, &cp);

		from += n > 0 ? n : 1;
	}
	bw = text_width(from);
	rest = text_fit(after, cols > bw ? cols - bw : 0, 0, 1);
	view = xasprintf("%s%s", from, rest);
	*cursor_col = bw;
	free(rest);
	free(after);
	free(before);
	free(prefix);
	return view;
}
