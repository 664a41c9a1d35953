/* status.c: the top line (which view), the status line (keys, the
 * database, messages), the help screen and the too-small notice. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/util.h"

/* The keys every view has, listed first on each help screen. */
static const struct keyhelp global_help[] = {
	{ "1 2 3 4", "Portfolio, Renewals, Dashboard, History" },
	{ "Enter", "open the selected partner" },
	{ "q", "back from a partner; quit from a view" },
	{ "Esc", "back; clear a search or filter" },
	{ "?", "this help (j k scroll it; any other key closes it)" },
	{ "Ctrl-L", "redraw the screen" },
	{ "j k Up Down", "move the selection" },
	{ "PgDn PgUp ^F ^B", "a page down / up (also Space)" },
	{ "^D ^U", "half a page down / up" },
	{ "g G Home End", "first / last row" },
	{ NULL, NULL },
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

void tui_draw_top(struct tui *t, const char *title)
{
	static const char *const names[TUI_VIEWS] = { "Portfolio", "Renewals", "Dashboard",
						      "History" };
	attr_t bar = tui_attr_pair(t, PAIR_TITLE);
	char day[DATE_BUFSZ];
	int x = 0;

	tui_text(stdscr, 0, 0, t->cols, NULL, bar);
	tui_text(stdscr, 0, x, 6, " ally", bar | A_BOLD);
	x += 6;
	for (int i = 0; i < TUI_VIEWS; i++) {
		bool cur = i == t->cur && t->over == NULL;
		char *tab = cur ? xasprintf("[%d %s]", i + 1, names[i])
				: xasprintf(" %d %s ", i + 1, names[i]);
		int w = (int)strlen(tab);

		tui_text(stdscr, 0, x, w, tab, bar | (cur ? A_BOLD : 0));
		free(tab);
		x += w;
	}
	if (title != NULL && x + 4 < t->cols)
		tui_text(stdscr, 0, x + 1, t->cols - x - 14, title, bar | A_BOLD);
	tui_text_right(stdscr, 0, t->cols - 12, 11, date_format(t->today, day), bar);
}

void tui_draw_status(struct tui *t, const char *hint)
{
	const char *base = strrchr(t->db_path, '/');
	int y = t->rows - 1, dbw;
	char *db;

	base = base != NULL ? base + 1 : t->db_path;
	db = xasprintf(" %s ", base);
	dbw = (int)strlen(db) > t->cols / 4 ? t->cols / 4 : (int)strlen(db);
	if (t->msg[0] != '\0')
		tui_text(stdscr, y, 0, t->cols - dbw, t->msg,
			 t->msg_error ? tui_attr_pair(t, PAIR_RED) | A_BOLD : A_BOLD);
	else
		tui_text(stdscr, y, 0, t->cols - dbw, hint, A_NORMAL);
	tui_text_right(stdscr, y, t->cols - dbw, dbw, db, tui_attr_pair(t, PAIR_TITLE));
	free(db);
}

static size_t help_count(const struct keyhelp *h)
{
	size_t n = 0;

	while (h != NULL && h[n].keys != NULL)
		n++;
	return n;
}

/* One line of the help: keys, then what they do. */
static void help_line(struct tui *t, int y, const struct keyhelp *k)
{
	tui_text(t->body, y, 2, 18, k->keys, A_BOLD);
	tui_text(t->body, y, 21, t->cols - 23, k->what, A_NORMAL);
}

void tui_draw_help(struct tui *t, const struct view *v)
{
	size_t nv = help_count(v->help), ng = help_count(global_help);
	size_t total = nv + ng + 3, rows = (size_t)getmaxy(t->body);

	if (t->help_top + rows > total)
		t->help_top = total > rows ? total - rows : 0;
	werase(t->body);
	for (size_t i = 0; i < total; i++) {
		int y = (int)(i - t->help_top);

		if (i < t->help_top || y >= (int)rows)
			continue;
		if (i == 0)
			tui_textf(t->body, y, 0, t->cols, A_BOLD, "Keys of %s", v->name);
		else if (i <= nv)
			help_line(t, y, &v->help[i - 1]);
		else if (i == nv + 2)
			tui_text(t->body, y, 0, t->cols, "Everywhere", A_BOLD);
		else if (i > nv + 2)
			help_line(t, y, &global_help[i - nv - 3]);
	}
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
		mvaddnstr(t->rows / 2 + 1, 0, "Enlarge the window, or press q to quit.", t->cols);
}
