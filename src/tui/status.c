/* status.c: the top line (which view), the status line (keys, the
 * database, messages), the help screen and the too-small notice. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui.h"
#include "ally/util.h"

/* The keys every view has, listed after the view's own on each help
 * screen, under the line of the views' digit keys (views_help). */
static const struct keyhelp global_help[] = {
	{ "Enter", "open the selected partner (Portfolio, Renewals, History)", NULL },
	{ "q", "back from a partner; quit from a view", NULL },
	{ "Esc", "back; clear a search or filter", NULL },
	{ "?", "this help (j k scroll it; any other key closes it)", NULL },
	{ "Ctrl-L", "redraw the screen", NULL },
	{ "Ctrl-Z", "suspend to the shell (fg comes back)", NULL },
	{ "j k Up Down", "move the selection", NULL },
	{ "PgDn PgUp ^F ^B", "a page down / up (also Space)", NULL },
	{ "^D ^U", "half a page down / up", NULL },
	{ "g G Home End", "first / last row", NULL },
	{ NULL, NULL, NULL },
};

void tui_msg(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = false;
}

void tui_error(struct tui *t, const struct ally_err *err)
{
	snprintf(t->msg, sizeof t->msg, "%s", err->msg[0] != '\0' ? err->msg : "failed");
	t->msg_error = true;
}

static int shown_width(const char *s);

char *tui_view_keys(const struct view *v)
{
	struct buf b;

	buf_init(&b);
	for (const struct keyhelp *k = v->help; k->keys != NULL; k++)
		if (k->status != NULL)
			buf_printf(&b, "%s  ", k->status);
	buf_puts(&b, "? help");
	return buf_take(&b);
}

void tui_draw_top(struct tui *t, const char *title)
{
	attr_t bar = tui_attr_pair(t, PAIR_TITLE);
	char day[DATE_BUFSZ];
	int x = 0;

	tui_text(stdscr, 0, 0, t->cols, NULL, bar);
	tui_text(stdscr, 0, x, 6, " ally", bar | A_BOLD);
	x += 6;
	if (title != NULL) {
		/* A screen over a view: the way back, then what it shows. */
		char *from = xasprintf("%d %s %s ", t->cur + 1, t->views[t->cur]->name,
				       t->utf8 ? "\u203a" : ">");

		tui_text(stdscr, 0, x, (int)strlen(from), from, bar);
		x += shown_width(from);
		free(from);
		tui_text(stdscr, 0, x, t->cols - x - 13, title, bar | A_BOLD);
		tui_text_right(stdscr, 0, t->cols - 12, 11, date_format(t->today, day), bar);
		return;
	}
	for (int i = 0; i < t->nviews; i++) {
		bool cur = i == t->cur && t->over == NULL;
		char *tab = cur ? xasprintf("[%d %s]", i + 1, t->views[i]->name)
				: xasprintf(" %d %s ", i + 1, t->views[i]->name);
		int w = (int)strlen(tab);

		tui_text(stdscr, 0, x, w, tab, bar | (cur ? A_BOLD : 0));
		free(tab);
		x += w;
	}
	tui_text_right(stdscr, 0, t->cols - 12, 11, date_format(t->today, day), bar);
}

/* Columns s takes once sanitised, as tui_text draws it. */
static int shown_width(const char *s)
{
	char *vis = text_visible(s, 0);
	int w = (int)text_width(vis);

	free(vis);
	return w;
}

/* The keys (or the message) come first: the database's name gets what
 * they leave, at most a quarter of the line, so that the default
 * "portfolio.db" never cuts "? help" off the hints at 80 columns. */
/* A message too long for the status line (a conflict's reason, the path
 * of a kept file) takes up to MSG_LINES lines from the bottom, over the
 * view's last rows until the next key: cutting it would drop the part
 * that says what to do. */
#define MSG_LINES 3

static void draw_long_message(struct tui *t)
{
	const char *lines[MSG_LINES], *p = t->msg, *next;
	size_t lens[MSG_LINES];
	int n = 0;
	attr_t attr = t->msg_error ? tui_attr_pair(t, PAIR_RED) | A_BOLD : A_BOLD;

	while (*p != '\0' && n < MSG_LINES) {
		lens[n] = ui_wrap(p, (size_t)t->cols, &next);
		lines[n++] = p;
		p = next;
	}
	for (int i = 0; i < n; i++) {
		/* The last line shown takes the rest, cut with an ellipsis. */
		char *line = i == n - 1 ? xstrdup(lines[i]) : xstrndup(lines[i], lens[i]);

		tui_text(stdscr, t->rows - n + i, 0, t->cols, line, attr);
		free(line);
	}
}

void tui_draw_status(struct tui *t, const char *hint)
{
	const char *base = strrchr(t->db_path, '/');
	const char *left = t->msg[0] != '\0' ? t->msg : hint;
	int y = t->rows - 1, dbw, room;
	char *db;

	base = base != NULL ? base + 1 : t->db_path;
	db = xasprintf(" %s ", base);
	dbw = shown_width(db);
	room = t->cols - shown_width(left != NULL ? left : "") - 1;
	if (dbw > t->cols / 4)
		dbw = t->cols / 4;
	if (dbw > room)
		dbw = room > 0 ? room : 0;
	if (t->msg[0] != '\0' && shown_width(t->msg) > t->cols - dbw) {
		draw_long_message(t);
		free(db);
		return;
	}
	if (t->msg[0] != '\0')
		tui_text(stdscr, y, 0, t->cols - dbw, t->msg,
			 t->msg_error ? tui_attr_pair(t, PAIR_RED) | A_BOLD : A_BOLD);
	else
		tui_text(stdscr, y, 0, t->cols - dbw, hint, A_NORMAL);
	tui_text_right(stdscr, y, t->cols - dbw, dbw, db, tui_attr_pair(t, PAIR_TITLE));
	free(db);
}

/* The help as lines on the screen: the keys (on the first line of an
 * entry only) and a line of what they do. */
struct hline {
	const char *keys;
	char *text;
	attr_t attr;
};

struct hlines {
	struct hline *l;
	size_t n, cap;
	char *views_keys; /* the keys of the views' line (owned) */
};

static void hl_add(struct hlines *h, const char *keys, char *text, attr_t attr)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->l = xrealloc(h->l, h->cap * sizeof *h->l);
	}
	h->l[h->n++] = (struct hline){ keys, text, attr };
}

/* Entry k and the entries that continue it (no keys, some text) as one
 * text, wrapped to width: the tables break lines for one width, the
 * screen may have another.  Returns the next entry's index. */
static size_t hl_entry(struct hlines *h, const struct keyhelp *k, size_t i, size_t width)
{
	struct buf b;
	const char *s, *next;
	const char *keys = k[i].keys;
	char *text;

	buf_init(&b);
	buf_puts(&b, k[i].what);
	for (i++; k[i].keys != NULL && k[i].keys[0] == '\0' && k[i].what[0] != '\0'; i++)
		buf_printf(&b, " %s", k[i].what);
	text = buf_take(&b);
	if (text[0] == '\0')
		hl_add(h, keys, xstrdup(""), A_NORMAL);
	for (s = text; *s != '\0'; s = next, keys = "") {
		size_t n = ui_wrap(s, width, &next);

		hl_add(h, keys, xstrndup(s, n), A_NORMAL);
	}
	free(text);
	return i;
}

static void hl_table(struct hlines *h, const struct keyhelp *k, size_t width)
{
	for (size_t i = 0; k != NULL && k[i].keys != NULL;)
		i = hl_entry(h, k, i, width);
}

/* Keys in 18 columns from x 2, what they do from x 21. */
#define HELP_KEYS_W 18
#define HELP_TEXT_X 21

/* The first line of the keys everywhere: "1 2 3 4  Portfolio, Renewals,
 * Dashboard, History", from the views' table. */
static void views_help(const struct tui *t, struct hlines *h, size_t width)
{
	struct buf keys, names;
	struct keyhelp line[2] = { { NULL, NULL, NULL }, { NULL, NULL, NULL } };

	buf_init(&keys);
	buf_init(&names);
	for (int i = 0; i < t->nviews; i++) {
		buf_printf(&keys, "%s%d", i > 0 ? " " : "", i + 1);
		buf_printf(&names, "%s%s", i > 0 ? ", " : "", t->views[i]->name);
	}
	h->views_keys = buf_take(&keys);
	line[0].keys = h->views_keys;
	line[0].what = names.data;
	hl_table(h, line, width);
	buf_finish(&names);
}

void tui_draw_help(struct tui *t, const struct view *v)
{
	size_t width = t->cols > HELP_TEXT_X + 3 ? (size_t)(t->cols - HELP_TEXT_X - 2) : 1;
	size_t rows = (size_t)getmaxy(t->body);
	struct hlines h = { NULL, 0, 0, NULL };

	hl_add(&h, NULL, xasprintf("Keys of %s", v->name), A_BOLD);
	hl_table(&h, v->help, width);
	hl_add(&h, NULL, xstrdup(""), A_NORMAL);
	hl_add(&h, NULL, xstrdup("Everywhere"), A_BOLD);
	views_help(t, &h, width);
	hl_table(&h, global_help, width);
	if (t->help_top + rows > h.n)
		t->help_top = h.n > rows ? h.n - rows : 0;
	werase(t->body);
	for (size_t i = t->help_top; i < h.n && i < t->help_top + rows; i++) {
		const struct hline *l = &h.l[i];
		int y = (int)(i - t->help_top);

		if (l->keys == NULL) {
			tui_text(t->body, y, 0, t->cols, l->text, l->attr);
		} else {
			tui_text(t->body, y, 2, HELP_KEYS_W, l->keys, A_BOLD);
			tui_text(t->body, y, HELP_TEXT_X, (int)width, l->text, A_NORMAL);
		}
	}
	for (size_t i = 0; i < h.n; i++)
		free(h.l[i].text);
	free(h.l);
	free(h.views_keys);
}

void tui_draw_too_small(struct tui *t)
{
	char msg[128];
	int len;

	erase();
	len = snprintf(msg, sizeof msg, "Terminal too small (%dx%d): ally needs %dx%d.", t->cols,
		       t->rows, TUI_MIN_COLS, TUI_MIN_ROWS);
	if (len > t->cols)
		len = snprintf(msg, sizeof msg, "too small: %dx%d", TUI_MIN_COLS, TUI_MIN_ROWS);
	mvaddnstr(t->rows / 2, len < t->cols ? (t->cols - len) / 2 : 0, msg, t->cols);
	if (t->rows > 2)
		mvaddnstr(t->rows / 2 + 1, 0, "Enlarge the window to go on; q quits (a changed form asks first).", t->cols);
}
