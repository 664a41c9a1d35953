/* menu.c: the small modal screens: a menu of choices (the ncurses menu
 * library in a modal window), a yes/no question, and a one-line prompt on the
 * status line.
 *
 * Each runs its own key loop over tui_getkey and returns when answered,
 * cancelled, or when the program must stop; the caller's screen is then
 * painted again by the main loop.  Every text shown here may come from the
 * database (owners, names), so it goes through text_visible first. */
#include "tui.h"

#include <menu.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui-line.h"
#include "ally/util.h"

/* How often a modal loop looks at the stop flag with nothing typed. */
#define MODAL_TICK_MS 200

static bool ascii_only(void)
{
	return MB_CUR_MAX == 1;
}

/* Below the screens' minimum size none of these shows: the main loop's
 * notice fills the screen, and only the keys that cancel work (a key
 * that answers or picks would act on something nobody sees).  Each comes
 * back as it was when the terminal is large enough again. */
static bool too_small(const struct tui *t)
{
	return t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
}

/* The modal windows under a menu or a question (a form under its list)
 * as they were when it opened.  Below the minimum size they are left off
 * the screen, so that the notice is all there is; and a terminal that
 * shrank below one of them cut it (ncurses shrinks every window to the
 * screen) without growing it back, so a cut one stays off until its owner
 * lays it out again, once this one is done. */
struct under {
	size_t n;
	int *geom; /* n x 4: begin y, x and size y, x */
};

static void under_init(struct tui *t, struct under *u)
{
	u->n = t->nmodal;
	u->geom = xcalloc(u->n * 4 + 1, sizeof *u->geom);
	for (size_t i = 0; i < u->n; i++) {
		getbegyx(t->modal[i], u->geom[i * 4], u->geom[i * 4 + 1]);
		getmaxyx(t->modal[i], u->geom[i * 4 + 2], u->geom[i * 4 + 3]);
	}
}

static bool under_intact(const struct under *u, WINDOW *w, size_t i)
{
	return getbegy(w) == u->geom[i * 4] && getbegx(w) == u->geom[i * 4 + 1] &&
	       getmaxy(w) == u->geom[i * 4 + 2] && getmaxx(w) == u->geom[i * 4 + 3];
}

/* tui_paint with only what may show of the windows under this one. */
static void paint(struct tui *t, const struct under *u)
{
	WINDOW **all = t->modal;
	size_t n = t->nmodal, k = 0;
	WINDOW **shown = xcalloc(n + 1, sizeof *shown);

	for (size_t i = 0; i < n && !too_small(t); i++)
		if (i >= u->n || under_intact(u, all[i], i))
			shown[k++] = all[i];
	t->modal = shown;
	t->nmodal = k;
	tui_paint(t);
	t->modal = all;
	t->nmodal = n;
	free(shown);
}

void tui_frame(struct tui *t, WINDOW *w, const char *title)
{
	int cols = getmaxx(w);
	char *vis, *fit, *label;

	(void)t;
	box(w, 0, 0);
	if (title == NULL || title[0] == '\0' || cols < 8)
		return;
	vis = text_visible(title, 0);
	fit = text_fit(vis, (size_t)cols - 6, 1, ascii_only());
	label = xasprintf(" %s ", fit);
	wattron(w, A_BOLD);
	mvwaddstr(w, 0, 2, label);
	wattroff(w, A_BOLD);
	free(label);
	free(fit);
	free(vis);
}

/* A window of h x w centred on the screen, clamped to it, on top of the
 * modal windows; NULL when the screen has no room for even a small one. */
static WINDOW *centred(struct tui *t, int h, int w)
{
	WINDOW *win;

	if (h > t->rows)
		h = t->rows;
	if (w > t->cols)
		w = t->cols;
	if (h < 3 || w < 10)
		return NULL;
	win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
	if (win == NULL)
		return NULL;
	keypad(win, TRUE);
	tui_modal_push(t, win);
	return win;
}

/* NULL is a no-op. */
static void drop_window(struct tui *t, WINDOW *win)
{
	if (win == NULL)
		return;
	tui_modal_pop(t, win);
	delwin(win);
}

/* ---- tui_menu ---- */

struct menu_box {
	int n;
	int preselect;
	int cur;          /* the selected item, kept while the menu is not shown */
	char **text;      /* each item as shown: sanitised, marked, fitted */
	ITEM **items;     /* n + 1, NULL-terminated */
	MENU *menu;
	WINDOW *win, *sub;
};

/* The shown text of each item: the preselected one is marked with '*'
 * (it may be the current value, or the default), so it stays visible
 * when the selection moves away from it. */
static void menu_texts(struct tui *t, struct menu_box *m, const char *const *items)
{
	size_t maxw = t->cols > 16 ? (size_t)t->cols - 12 : 4;

	m->text = xcalloc((size_t)m->n, sizeof *m->text);
	for (int i = 0; i < m->n; i++) {
		char *vis = text_visible(items[i] != NULL ? items[i] : "", 0);
		char *fit = text_fit(vis, maxw, 1, ascii_only());

		/* The menu library refuses an empty name. */
		m->text[i] = xasprintf("%c %s", i == m->preselect ? '*' : ' ',
				       fit[0] != '\0' ? fit : " ");
		free(fit);
		free(vis);
	}
}

static void menu_unbuild(struct tui *t, struct menu_box *m)
{
	if (m->menu != NULL) {
		unpost_menu(m->menu);
		free_menu(m->menu);
	}
	m->menu = NULL;
	if (m->sub != NULL)
		delwin(m->sub);
	m->sub = NULL;
	drop_window(t, m->win);
	m->win = NULL;
}

/* Lay the menu out for the screen as it is now, with item m->cur
 * selected; nothing when the screen is too small. */
static void menu_build(struct tui *t, struct menu_box *m, const char *title)
{
	int rows, cols, tw = (int)text_width(title) + 6;

	if (too_small(t))
		return;
	m->menu = new_menu(m->items);
	if (m->menu == NULL)
		return;
	set_menu_mark(m->menu, "> ");
	rows = t->rows - 6;
	if (rows > m->n)
		rows = m->n;
	if (rows < 1)
		rows = 1;
	set_menu_format(m->menu, rows, 1);
	scale_menu(m->menu, &rows, &cols);
	if (cols < tw)
		cols = tw;
	if (cols > t->cols - 6)
		cols = t->cols - 6;
	m->win = centred(t, rows + 2, cols + 4);
	if (m->win == NULL || (m->sub = derwin(m->win, rows, cols, 1, 2)) == NULL) {
		free_menu(m->menu);
		m->menu = NULL;
		return;
	}
	set_menu_win(m->menu, m->win);
	set_menu_sub(m->menu, m->sub);
	if (!t->color)
		set_menu_fore(m->menu, A_REVERSE);
	else
		set_menu_fore(m->menu, tui_attr_pair(t, PAIR_TITLE));
	tui_frame(t, m->win, title);
	set_current_item(m->menu, m->items[m->cur]);
	post_menu(m->menu);
}

static int menu_index(const struct menu_box *m)
{
	ITEM *it = m->menu != NULL ? current_item(m->menu) : NULL;

	return it != NULL ? item_index(it) : m->cur;
}

/* Typing a letter moves to the next item whose text starts with it, in
 * any letter case, wrapping around. */
static void menu_jump(struct menu_box *m, int key)
{
	char typed[5];
	char *want;
	int cur = menu_index(m);

	ui_utf8_encode((uint32_t)key, typed);
	want = text_fold(typed);
	for (int k = 1; k <= m->n; k++) {
		int i = (cur + k) % m->n;
		char *name = text_fold(m->text[i] + 2); /* past the mark */
		bool hit = strncmp(name, want, strlen(want)) == 0;

		free(name);
		if (hit) {
			set_current_item(m->menu, m->items[i]);
			break;
		}
	}
	free(want);
}

/* One key; returns -2 to go on, -1 cancelled, or the chosen index. */
static int menu_key(struct tui *t, struct menu_box *m, const char *title, int key)
{
	switch (key) {
	case UK_ENTER:
		return m->menu != NULL ? menu_index(m) : -2;
	case UK_ESC:
	case 'q':
	case UK_CTRL('c'):
		return -1;
	case UK_RESIZE:
		m->cur = menu_index(m);
		menu_unbuild(t, m);
		menu_build(t, m, title);
		return -2;
	}
	if (m->menu == NULL)
		return -2;
	switch (key) {
	case UK_DOWN:
	case 'j':
		menu_driver(m->menu, REQ_DOWN_ITEM);
		break;
	case UK_UP:
	case 'k':
		menu_driver(m->menu, REQ_UP_ITEM);
		break;
	case UK_HOME:
	case 'g':
		menu_driver(m->menu, REQ_FIRST_ITEM);
		break;
	case UK_END:
	case 'G':
		menu_driver(m->menu, REQ_LAST_ITEM);
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
		if (menu_driver(m->menu, REQ_SCR_DPAGE) != E_OK)
			menu_driver(m->menu, REQ_LAST_ITEM);
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		if (menu_driver(m->menu, REQ_SCR_UPAGE) != E_OK)
			menu_driver(m->menu, REQ_FIRST_ITEM);
		break;
	default:
		if (key > 0x20 && key < UK_NONE && key != 0x7f)
			menu_jump(m, key);
		break;
	}
	return -2;
}

int tui_menu(struct tui *t, const char *title, const char *const *items, int n, int preselect)
{
	struct menu_box m;
	struct under under;
	int result = -2;
	bool repaint = true;

	if (n <= 0 || tui_stopping(t))
		return -1;
	memset(&m, 0, sizeof m);
	m.n = n;
	m.preselect = preselect >= 0 && preselect < n ? preselect : -1;
	menu_texts(t, &m, items);
	m.items = xcalloc((size_t)n + 1, sizeof *m.items);
	for (int i = 0; i < n; i++)
		m.items[i] = new_item(m.text[i], "");
	m.cur = m.preselect >= 0 ? m.preselect : 0;
	under_init(t, &under);
	menu_build(t, &m, title);
	while (result == -2) {
		int key;

		if (repaint)
			paint(t, &under);
		key = tui_getkey(t, MODAL_TICK_MS);
		repaint = key != UK_NONE;
		if (tui_stopping(t))
			result = -1;
		else if (repaint)
			result = menu_key(t, &m, title, key);
	}
	menu_unbuild(t, &m);
	for (int i = 0; i < n; i++) {
		free_item(m.items[i]);
		free(m.text[i]);
	}
	free(m.items);
	free(m.text);
	free(under.geom);
	return result;
}

/* ---- tui_confirm ---- */

#define CONFIRM_KEYS "y yes / n no"

/* The question's lines, sanitised (a name in it may hold anything). */
static char **confirm_lines(const char *question, int *n)
{
	char *vis = text_visible(question, 1);
	char **lines = NULL;
	char *p = vis;

	*n = 0;
	for (;;) {
		char *nl = strchr(p, '\n');

		lines = xrealloc(lines, ((size_t)*n + 1) * sizeof *lines);
		lines[(*n)++] = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(vis);
	return lines;
}

static WINDOW *confirm_build(struct tui *t, char **lines, int n)
{
	int w = (int)strlen(CONFIRM_KEYS), h;
	WINDOW *win;

	if (too_small(t))
		return NULL;
	for (int i = 0; i < n; i++)
		if ((int)text_width(lines[i]) > w)
			w = (int)text_width(lines[i]);
	w += 6;
	if (w > t->cols - 2)
		w = t->cols - 2;
	h = n + 4;
	if (h > t->rows - 2)
		h = t->rows - 2;
	win = centred(t, h, w);
	if (win == NULL)
		return NULL;
	h = getmaxy(win);
	w = getmaxx(win);
	tui_frame(t, win, NULL);
	/* The answer keys always show: the question is cut first. */
	for (int i = 0; i < n && i + 1 < h - 3; i++)
		tui_text(win, 1 + i, 3, w - 6, lines[i], A_NORMAL);
	tui_text(win, h - 2, 3, w - 6, CONFIRM_KEYS, A_BOLD);
	return win;
}

bool tui_confirm(struct tui *t, const char *question)
{
	WINDOW *win;
	int n;
	char **lines = confirm_lines(question != NULL ? question : "", &n);
	struct under under;
	int answer = -1;
	bool repaint = true;

	under_init(t, &under);
	win = confirm_build(t, lines, n);
	while (answer < 0) {
		int key;

		if (tui_stopping(t))
			break;
		if (repaint)
			paint(t, &under);
		key = tui_getkey(t, MODAL_TICK_MS);
		repaint = key != UK_NONE;
		switch (key) {
		case 'y':
		case 'Y':
		case UK_ENTER:
			/* Not shown: only no (which cancels) is taken. */
			if (win != NULL)
				answer = key == UK_ENTER ? 0 : 1;
			break;
		case 'n':
		case 'N':
		case 'q':
		case UK_ESC:
		case UK_CTRL('c'):
			answer = 0;
			break;
		case UK_RESIZE:
			drop_window(t, win);
			win = confirm_build(t, lines, n);
			break;
		default:
			break;
		}
	}
	drop_window(t, win);
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(under.geom);
	return answer == 1;
}

/* ---- tui_prompt ---- */

/* Draw label and the line on the last row, scrolled so that the cursor
 * shows, and leave the terminal's cursor there. */
static void prompt_draw(struct tui *t, const char *label, const struct ui_line *l)
{
	int y = t->rows - 1, lw;
	char *vlabel = text_visible(label, 0);
	char *flabel = text_fit(vlabel, (size_t)(t->cols / 2), 1, ascii_only());
	char *view;
	size_t col;

	lw = (int)text_width(flabel) + 1;
	view = ui_line_view(l, t->cols > lw ? (size_t)(t->cols - lw) : 1, &col);
	move(y, 0);
	clrtoeol();
	attron(A_BOLD);
	mvaddstr(y, 0, flabel);
	attroff(A_BOLD);
	mvaddstr(y, lw, view);
	curs_set(1);
	move(y, lw + (int)col);
	wnoutrefresh(stdscr);
	doupdate();
	free(view);
	free(flabel);
	free(vlabel);
}

bool tui_prompt(struct tui *t, const char *label, const char *initial, char **out)
{
	struct ui_line l;
	struct under under;
	bool done = false, ok = false, repaint = true;

	*out = NULL;
	under_init(t, &under);
	ui_line_init(&l);
	ui_line_set(&l, initial);
	while (!done && !tui_stopping(t)) {
		int key;

		if (repaint) {
			paint(t, &under);
			if (!too_small(t))
				prompt_draw(t, label != NULL ? label : "", &l);
		}
		key = tui_getkey(t, MODAL_TICK_MS);
		repaint = key != UK_NONE;
		if (key == UK_ESC || key == UK_CTRL('c') || key == UK_CTRL('g')) {
			done = true;
		} else if (too_small(t)) {
			/* Not shown: q cancels, as the notice offers; the rest waits. */
			done = key == 'q';
		} else if (key == UK_ENTER) {
			ok = done = true;
		} else {
			ui_line_key(&l, key);
		}
	}
	curs_set(0);
	if (ok && !tui_stopping(t))
		*out = xstrdup(ui_line_text(&l));
	ui_line_finish(&l);
	free(under.geom);
	return *out != NULL;
}
