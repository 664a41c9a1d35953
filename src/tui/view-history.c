/* view-history.c: the History view (key 4), the audit log newest first.
 * The state (history.c) holds a window of rows around the cursor and the
 * filter; this file draws it and opens the partner of a row. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/ui-history.h"
#include "ally/util.h"

/* The body's lines above the rows: the head line and the column titles. */
#define HI_HEAD_LINES 2
/* Below the rows, the selected row in full, as the columns cut it: a
 * rule and the lines of ui_history_detail_lines, at least two of them
 * (so that moving over ordinary changes keeps the table still), at most
 * what leaves the table half the body. */
#define HI_DETAIL_MIN 2
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

/* The most lines the selected change may have in a body of rows lines:
 * with its rule, about half the body. */
static size_t detail_max(int rows)
{
	int n = rows / 2 - 1;

	return n > HI_DETAIL_MIN ? (size_t)n : HI_DETAIL_MIN;
}

/* The selected change's lines in a body of rows x cols (*lines NULL:
 * only counted). */
static size_t detail_lines(struct tui *t, const struct ui_history *h, int rows, int cols,
			   char ***lines)
{
	char **got;
	size_t n = ui_history_detail_lines(ui_history_selected(h), cols > 0 ? (size_t)cols : 1,
					   detail_max(rows), !t->utf8, &got);

	if (lines != NULL) {
		*lines = got;
		return n;
	}
	for (size_t k = 0; k < n; k++)
		free(got[k]);
	free(got);
	return n;
}

/* Rows of the table in a body of rows lines: what the head, the rule and
 * a detail of n lines leave. */
static size_t table_rows(int rows, size_t n)
{
	int left = rows - HI_HEAD_LINES - 1 - (int)(n > HI_DETAIL_MIN ? n : HI_DETAIL_MIN);

	return left > 0 ? (size_t)left : 1;
}

/* The table's height for the change selected now: called before a key
 * (a resize) and after it (another change selected, which may need
 * another number of lines). */
static void hi_sync_height(struct tui *t, struct ui_history *h)
{
	int rows = t->rows - 2;

	ui_history_set_height(h, table_rows(rows, detail_lines(t, h, rows, t->cols, NULL)));
}

static int hi_load(struct tui *t, void *st, struct ally_err *err)
{
	struct ui_history *h = st;
	int rc;

	hi_sync_height(t, h);
	rc = ui_history_load(h, err);
	hi_sync_height(t, h);
	return rc;
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
		tui_textf(w, 0, 0, cols, A_BOLD, "%zu%s change%s matching \"%s\"  (Esc clears)",
			  h->nav.n, h->more ? "+" : "", h->nav.n == 1 && !h->more ? "" : "s",
			  h->filter);
	else
		tui_textf(w, 0, 0, cols, A_BOLD, "%zu change%s, newest first", h->nav.n,
			  h->nav.n == 1 ? "" : "s");
	if (h->nav.n > 0 && cols > 60) {
		char *pos = xasprintf("%zu/%zu%s", h->nav.cur + 1, h->nav.n, h->more ? "+" : "");

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

/* The selected row whole under the table, after a rule: the columns
 * cut a long value ("end_date: 2027-04-01 ->..." at 80 columns); here
 * it wraps over as many lines as it needs, up to about half the body. */
static void draw_detail(struct tui *t, WINDOW *w, int y, int cols, char **lines, size_t n)
{
	tui_rule(t, w, y++, 0, cols);
	for (size_t k = 0; k < n; k++)
		tui_text(w, y++, 0, cols, lines[k], A_NORMAL);
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
	char **lines = NULL;
	size_t n = detail_lines(t, h, rows, cols, &lines);
	size_t visible = table_rows(rows, n), top = h->nav.top;

	hi_columns(cols, &c);
	if (h->nav.n == 0) {
		draw_empty(h, w, cols);
	} else {
		/* A resize not yet seen by a key: keep the cursor in view here
		 * without changing the state. */
		if (h->nav.cur >= top + visible)
			top = h->nav.cur - visible + 1;
		if (h->nav.cur < top)
			top = h->nav.cur;
		draw_titles(w, &c, cols);
		for (size_t i = top; i < h->nav.n && i < top + visible; i++)
			draw_row(h, w, HI_HEAD_LINES + (int)(i - top), i, &c, cols);
		draw_detail(t, w, HI_HEAD_LINES + (int)visible, cols, lines, n);
	}
	for (size_t k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
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
	hi_sync_height(t, h);
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
	{ "/", "filter: the rows whose partner, user, field or values contain the text",
	  "/ filter" },
	{ "", "in any letter case (Enter applies it, Esc in the prompt cancels)", NULL },
	{ "Esc", "clear the filter", "Esc clear" },
	{ "Enter", "open the partner the selected change is about", "Enter open partner" },
	{ "g G", "the newest / the oldest change", "g G first/last" },
	{ "", "", NULL },
	{ "Columns", "When in UTC; Who made the change; What: field: old -> new,", NULL },
	{ "", "or the row added or deleted (\"contract 12 added: ...\"); the selected", NULL },
	{ "", "change is shown whole under the table", NULL },
	{ NULL, NULL, NULL },
};

const struct view view_history = {
	.name = "History",
	.help = hi_help,
	.new = hi_new,
	.free = hi_free,
	.load = hi_load,
	.draw = hi_draw,
	.key = hi_key,
};
