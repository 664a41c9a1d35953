/* view-history.c: the History view (key 4), the audit log newest first.
 * The state (history.c) holds a window of rows around the cursor and the
 * filter; this file draws it and opens the partner of a row. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui-history.h"
#include "ally/util.h"

/* The body's lines above the rows: the head line and the column titles. */
#define HI_HEAD_LINES 2
/* Below them, the selected row in full, as the columns cut it: a rule
 * and two lines of wrapped text. */
#define HI_DETAIL_LINES 3
#define HI_WHEN 16 /* "YYYY-MM-DD HH:MM" */

struct hi_columns {
	int who, partner, what;
};

/* When is fixed; Who and Partner take a share of a wider screen; What,
 * the change itself, gets the rest. */
static void hi_columns(int cols, struct hi_columns *c)
{
	c->who = cols >= 120 ? 14 : 9;
	c->partner = cols >= 120 ? 28 : cols >= 100 ? 22 : 17;
	c->what = cols - HI_WHEN - c->who - c->partner - 3;
	if (c->what < 10)
		c->what = 10;
}

static void *hi_new(struct tui *t)
{
	return ui_history_new(t->store);
}

static void hi_free(void *st)
{
	ui_history_free(st);
}

/* Rows of the table in a body of rows lines: what the head and the
 * detail leave. */
static size_t table_rows(int rows)
{
	int n = rows - HI_HEAD_LINES - HI_DETAIL_LINES;

	return n > 0 ? (size_t)n : 1;
}

static void hi_sync_height(struct tui *t, struct ui_history *h)
{
	ui_history_set_height(h, table_rows(t->rows - 2));
}

static int hi_load(struct tui *t, void *st, struct ally_err *err)
{
	struct ui_history *h = st;

	hi_sync_height(t, h);
	return ui_history_load(h, err);
}

/* ---- drawing ---- */

/* The prompt while it is open; else how many rows, the filter, where. */
static void draw_head(struct tui *t, struct ui_history *h, WINDOW *w, int cols)
{
	int x;

	if (h->prompt) {
		static const char label[] = "Filter: ";
		int lw = (int)sizeof label - 1;

		tui_text(w, 0, 0, lw, label, A_BOLD);
		tui_text(w, 0, lw, cols - lw, ui_line_text(&h->line), A_NORMAL);
		x = lw + (int)ui_line_cursor_col(&h->line);
		if (x + 40 < cols)
			tui_text(w, 0, cols - 36, 36, "Enter applies, Esc cancels", A_NORMAL);
		tui_show_cursor(t, w, 0, x < cols ? x : cols - 1);
		return;
	}
	if (h->filter != NULL)
		tui_textf(w, 0, 0, cols, A_BOLD, "%zu change%s matching \"%s\"  (Esc clears)",
			  h->nav.n, h->nav.n == 1 ? "" : "s", h->filter);
	else
		tui_textf(w, 0, 0, cols, A_BOLD, "%zu change%s, newest first", h->nav.n,
			  h->nav.n == 1 ? "" : "s");
	if (h->nav.n > 0 && cols > 60) {
		char *pos = xasprintf("%zu/%zu", h->nav.cur + 1, h->nav.n);

		tui_text_right(w, 0, cols - 20, 20, pos, A_NORMAL);
		free(pos);
	}
}

static void draw_titles(WINDOW *w, const struct hi_columns *c, int cols)
{
	attr_t a = A_BOLD | A_UNDERLINE;
	int x = 0;

	tui_text(w, 1, 0, cols, NULL, A_UNDERLINE);
	tui_text(w, 1, x, HI_WHEN, "When (UTC)", a);
	x += HI_WHEN + 1;
	tui_text(w, 1, x, c->who, "Who", a);
	x += c->who + 1;
	tui_text(w, 1, x, c->partner, "Partner", a);
	x += c->partner + 1;
	tui_text(w, 1, x, c->what, "What changed", a);
}

static void draw_row(struct ui_history *h, WINDOW *w, int y, size_t i, const struct hi_columns *c,
		     int cols)
{
	const struct audit_entry *e = ui_history_row(h, i);
	attr_t sel = i == h->nav.cur ? A_REVERSE : 0;
	char when[17], *what;
	int x = 0;

	tui_text(w, y, 0, cols, NULL, sel);
	if (e == NULL)
		return; /* not fetched yet: the next key brings it */
	tui_text(w, y, x, HI_WHEN, ui_history_when(e, when), sel);
	x += HI_WHEN + 1;
	tui_text(w, y, x, c->who, e->user, sel);
	x += c->who + 1;
	tui_text(w, y, x, c->partner, e->partner != NULL ? e->partner : "-", sel);
	x += c->partner + 1;
	what = ui_history_what(e);
	tui_text(w, y, x, c->what, what, sel);
	free(what);
}

/* The selected row whole, under the table: the columns cut a long value
 * ("end_date: 2027-04-01 ->..." at 80 columns); here it wraps, and only
 * what is past the detail's last line is cut. */
static void draw_detail(struct tui *t, struct ui_history *h, WINDOW *w, int y, int cols)
{
	const struct audit_entry *e = ui_history_selected(h);
	char *detail, *shown;
	const char *s, *next;
	int line;

	tui_rule(t, w, y++, 0, cols);
	if (e == NULL)
		return;
	detail = ui_history_detail(e, !t->utf8);
	shown = text_visible(detail, 0); /* valid UTF-8, as ui_wrap wants */
	s = shown;
	for (line = 1; line < HI_DETAIL_LINES - 1 && *s != '\0'; line++, s = next) {
		size_t n = ui_wrap(s, (size_t)cols, &next);
		char *part = xstrndup(s, n);

		tui_text(w, y++, 0, cols, part, A_NORMAL);
		free(part);
	}
	tui_text(w, y, 0, cols, s, A_NORMAL); /* the rest, cut when too long */
	free(shown);
	free(detail);
}

static void draw_empty(struct ui_history *h, WINDOW *w, int cols)
{
	if (h->filter == NULL) {
		tui_text(w, 3, 2, cols - 2, "No changes recorded yet.", A_BOLD);
		tui_text(w, 5, 2, cols - 2,
			 "Every change made here or with the ally command is listed.", A_NORMAL);
		return;
	}
	tui_text(w, 3, 2, cols - 2, "No change matches the filter.", A_BOLD);
	tui_text(w, 5, 2, cols - 2, "Press / to change it, or Esc to clear it.", A_NORMAL);
}

static void hi_draw(struct tui *t, void *st, WINDOW *w, int rows, int cols)
{
	struct ui_history *h = st;
	struct hi_columns c;
	size_t visible = table_rows(rows);
	size_t top = h->nav.top;

	hi_columns(cols, &c);
	if (h->nav.n == 0) {
		draw_empty(h, w, cols);
	} else {
		/* A resize not yet seen by a key: keep the cursor in view here
		 * without changing the state. */
		if (h->nav.cur >= top + visible)
			top = h->nav.cur - visible + 1;
		draw_titles(w, &c, cols);
		for (size_t i = top; i < h->nav.n && i < top + visible; i++)
			draw_row(h, w, HI_HEAD_LINES + (int)(i - top), i, &c, cols);
		draw_detail(t, h, w, HI_HEAD_LINES + (int)visible, cols);
	}
	draw_head(t, h, w, cols); /* last: the prompt places the cursor */
}

/* ---- keys ---- */

static enum ui_result hi_key(struct tui *t, void *st, int key)
{
	struct ui_history *h = st;
	struct ally_err err;
	bool was_prompt = h->prompt;
	char *before = h->filter != NULL ? xstrdup(h->filter) : NULL;
	int64_t partner = 0;
	enum ui_result r;

	hi_sync_height(t, h);
	r = ui_history_key(h, key, &partner, &err);
	if (err.status != ALLY_OK)
		tui_error(t, &err);
	else if (key == UK_ENTER && !was_prompt && partner > 0)
		tui_open_partner(t, partner);
	else if (key == UK_ENTER && !was_prompt && r == UI_HANDLED && h->nav.n > 0)
		tui_msg(t, "This change is not about a partner.");
	else if (before != NULL && h->filter == NULL)
		tui_msg(t, "Filter cleared.");
	free(before);
	return r;
}

static const struct keyhelp hi_help[] = {
	{ "/", "filter: the rows whose partner, user, field or values contain the text" },
	{ "", "in any letter case (Enter applies it, Esc in the prompt cancels)" },
	{ "Esc", "clear the filter" },
	{ "Enter", "open the partner the selected change is about" },
	{ "", "" },
	{ "Columns", "When in UTC; Who made the change; What: field: old -> new," },
	{ "", "or the row added or deleted (\"contract 12 added: ...\"); the selected" },
	{ "", "change is shown whole under the table" },
	{ NULL, NULL },
};

const struct view view_history = {
	.name = "History",
	.hint = "/ filter  Esc clear  Enter open partner  g G first/last  ? help",
	.help = hi_help,
	.new = hi_new,
	.free = hi_free,
	.load = hi_load,
	.draw = hi_draw,
	.key = hi_key,
};
