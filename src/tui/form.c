/* form.c: a form (struct uform, include/ally/ui-form.h) shown with the
 * ncurses form library, in a boxed modal window centred on the screen.
 *
 * The model decides everything: which field is current, whether a field
 * may be left, what is wrong with it, whether the form changed.  This file
 * only shows it and turns keys into model calls.  The curses form is
 * built from the model, and built again whenever what it shows changes
 * shape (an error appears or goes, the terminal is resized): labels and
 * errors are inactive fields of the same form, so the library pages them
 * with their inputs when a form is taller than the screen.
 *
 * The library's own editing is not used for text: ncurses 6.4 scrolls a
 * one-line field by cells, not characters, so a CJK or emoji text longer
 * than its input shows "^" and comes back from field_buffer with "^@" in
 * it.  The current input is edited through a ui_line (the line editor of
 * searches and prompts, tested in check-ui-line) straight into the model,
 * and the library shows the part of it that fits, sanitised
 * (ui_line_view).  Other inputs show their value sanitised and cut; what
 * is saved is the model's value, so a value nobody edited is saved
 * exactly as it was.
 *
 * A form the program must leave (SIGHUP, SIGTERM) with changes neither
 * saved nor discarded writes nothing to the database, but what was typed
 * goes to a private file (tui_keep_draft, draft.c), whose path
 * t->draft_path gives. */
#include "tui.h"

#include <form.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/ui-form.h"
#include "ally/ui-line.h"
#include "ally/util.h"

#define FORM_TICK_MS 200
/* Keys closer together than this (5 ticks: a second) are typed ahead, not
 * answers to what the screen shows (uform_choice_key). */
#define TYPE_AHEAD_TICKS 5
#define FORM_MAX_W       90 /* wider forms are harder to read, not easier */
#define REASON_LINES     2  /* a reason longer than this is cut */
#define KEY_ROWS         3  /* the lines of keys under the form's own error */

/* The keys, on three lines under the form: moving, the whole form, the
 * current field (each fits 74 columns, the inside of a form at 80). */
#define HINT_MOVE        "Tab/Down next  Shift-Tab/Up previous  Enter next (saves on the last)"
#define HINT_FORM        "Ctrl-S/F2 save  Esc/Ctrl-C cancel"
#define HINT_PAGES       "  PgDn/PgUp page"
#define HINT_TEXT        "Ctrl-A/E start/end  Ctrl-U/K erase to start/end  Ctrl-W erase word"
#define HINT_CHOICE      "Space/Enter list  Left/Right change"
#define HINT_CHOICE_LAST "Space list  Left/Right change"

/* Where one field of the model goes on the form. */
struct slot {
	int page;
	int row;       /* in the page */
	int input_w;   /* columns of the input */
	int err_lines; /* the reason's rows (0: none), from err_row on */
	int err_row;
	int err_x;
	int err_w;
};

struct form_box {
	struct tui *t;
	const char *title;
	struct uform *f;
	size_t n;
	struct slot *slot; /* n */
	int pages;
	int page_rows;              /* rows of the tallest page */
	int label_w;                /* the label column, "> " mark included */
	int inner_w;                /* inside the box and its margins */
	bool fits;                  /* the screen has room for the form */
	int footer_rows;            /* the form's own error (a blank line if none), the keys */
	bool cancelling;            /* Esc while hidden: ask when the form shows again */
	bool discarded;             /* the user said yes to "Discard your changes?" */
	int built_rows, built_cols; /* the screen it was laid out for */
	int win_h, win_w;           /* the window as made: the terminal shrinking below
	                             * it while a list was up cut it (see stale) */
	FIELD **fields;             /* all of them, NULL-terminated, page by page */
	FIELD **input;              /* n: the input of each */
	FIELD **label;              /* n */
	FORM *form;
	WINDOW *win, *sub;
	struct ui_line line; /* the current text input, as typed */
	bool edited;         /* line was changed since the field was entered */
	size_t cursor_col;   /* the cursor's column in the current input */
};

static bool ascii_only(void)
{
	return MB_CUR_MAX == 1;
}

/* s sanitised and cut to cols columns (the caller frees). */
static char *shown(const char *s, int cols)
{
	char *vis = text_visible(s != NULL ? s : "", 0);
	char *fit = text_fit(vis, cols > 0 ? (size_t)cols : 0, 1, ascii_only());

	free(vis);
	return fit;
}

/* Below the screens' minimum size the view under the form says so, and
 * the form is not shown: what is typed then would go where nobody sees. */
static bool too_small(const struct tui *t)
{
	return t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
}

static bool is_choice(const struct form_box *fb, size_t i)
{
	return uform_spec(fb->f, i)->kind == UF_CHOICE;
}

/* ---- layout: where everything goes, from the model and the screen ---- */

/* A reason (msg) as at most REASON_LINES lines of width columns: "! "
 * before the first, its words wrapped under it, the last cut with an
 * ellipsis when there is more.  Returns how many lines; with out, each
 * is stored there (the caller frees). */
static int reason_lines(const char *msg, int width, char **out)
{
	char *vis = text_visible(msg, 0);
	const char *p = vis, *next;
	size_t w = width > 3 ? (size_t)width - 2 : 1;
	int n = 0;

	while (*p == ' ')
		p++;
	do {
		char *text;

		if (n == REASON_LINES - 1 || text_width(p) <= w) {
			text = text_fit(p, w, 1, ascii_only());
			next = "";
		} else {
			text = xstrndup(p, ui_wrap(p, w, &next));
		}
		if (out != NULL)
			out[n] = xasprintf("%s%s", n == 0 ? "! " : "  ", text);
		free(text);
		n++;
		p = next;
	} while (*p != '\0' && n < REASON_LINES);
	free(vis);
	return n;
}

/* The widest choice (or "(none)"), and the room for the list mark. */
static int choice_width(const struct form_box *fb, size_t i)
{
	const struct ufield_spec *sp = uform_spec(fb->f, i);
	int w = 6; /* "(none)" */

	for (int c = 0; sp->choices != NULL && sp->choices[c] != NULL; c++)
		if ((int)text_width(sp->choices[c]) > w)
			w = (int)text_width(sp->choices[c]);
	return w + 2;
}

static int input_width(const struct form_box *fb, size_t i, int room)
{
	const struct ufield_spec *sp = uform_spec(fb->f, i);
	int w = room;

	if (sp->kind == UF_CHOICE)
		w = choice_width(fb, i);
	else if (sp->width > 0)
		w = sp->width + 1; /* a cell for the cursor after the last character */
	return w < room ? w : room;
}

/* The reason a field was refused goes on the rows below it, from the
 * input's column to the box's edge, wrapped to two lines at most: always
 * there, so that it is found in the same place for every field; a text
 * input fills its row, so there was never room beside one anyway, and a
 * reason beside a narrow input was cut or squeezed the value.  Returns
 * the rows the field takes. */
static int place_error(struct form_box *fb, size_t i, int x, int room)
{
	struct slot *s = &fb->slot[i];
	const char *err = uform_error(fb->f, i);

	s->err_lines = err != NULL ? reason_lines(err, room, NULL) : 0;
	s->err_row = s->row + 1;
	s->err_x = x;
	s->err_w = room;
	return 1 + s->err_lines;
}

static void layout(struct form_box *fb)
{
	struct tui *t = fb->t;
	int width = t->cols - 2 < FORM_MAX_W ? t->cols - 2 : FORM_MAX_W;
	int labels = 0, room, page = 0, row = 0, per_page;
	const char *ferr = uform_form_error(fb->f);

	fb->inner_w = width - 4;
	/* The form's own error has the whole width, on up to two lines. */
	fb->footer_rows = KEY_ROWS + (ferr != NULL ? reason_lines(ferr, fb->inner_w, NULL) : 1);
	per_page = t->rows - 2 - 2 - fb->footer_rows;
	for (size_t i = 0; i < fb->n; i++) {
		int w = (int)text_width(uform_spec(fb->f, i)->label);

		if (w > labels)
			labels = w;
	}
	fb->label_w = labels + 2;
	if (fb->label_w > fb->inner_w / 3)
		fb->label_w = fb->inner_w / 3;
	room = fb->inner_w - fb->label_w - 1;
	fb->fits = !too_small(t) && per_page >= 2 && room >= 8 && fb->n > 0;
	fb->pages = 1;
	fb->page_rows = 1;
	if (!fb->fits)
		return;
	for (size_t i = 0; i < fb->n; i++) {
		struct slot *s = &fb->slot[i];
		int need;

		s->input_w = input_width(fb, i, room);
		s->row = row;
		need = place_error(fb, i, fb->label_w + 1, room);
		if (row > 0 && row + need > per_page) {
			page++;
			row = 0;
			s->row = 0;
			place_error(fb, i, fb->label_w + 1, room);
		}
		s->page = page;
		row += need;
		if (row > fb->page_rows)
			fb->page_rows = row > per_page ? per_page : row;
	}
	fb->pages = page + 1;
}

/* ---- the curses form, built from the layout ---- */

static void unbuild(struct form_box *fb)
{
	if (fb->form != NULL) {
		unpost_form(fb->form);
		free_form(fb->form);
	}
	fb->form = NULL;
	for (size_t i = 0; fb->fields != NULL && fb->fields[i] != NULL; i++)
		free_field(fb->fields[i]);
	free(fb->fields);
	fb->fields = NULL;
	for (size_t i = 0; i < fb->n; i++)
		fb->input[i] = fb->label[i] = NULL;
	if (fb->sub != NULL)
		delwin(fb->sub);
	fb->sub = NULL;
	if (fb->win != NULL) {
		tui_modal_pop(fb->t, fb->win);
		delwin(fb->win);
	}
	fb->win = NULL;
}

/* What an input shows: a choice's name (or "(none)") with a mark that
 * says it opens a list; the current text input the part of its line
 * around the cursor; another text its start, sanitised. */
static void fill_input(struct form_box *fb, size_t i)
{
	const char *v = uform_value(fb->f, i);
	char *text;

	if (fb->input[i] == NULL)
		return;
	if (i == uform_current(fb->f) && !is_choice(fb, i)) {
		text = ui_line_view(&fb->line, (size_t)fb->slot[i].input_w, &fb->cursor_col);
	} else if (is_choice(fb, i)) {
		int w = fb->slot[i].input_w - 2;
		char *name = shown(v[0] != '\0' ? v : "(none)", w);
		int pad = w - (int)text_width(name);

		text = xasprintf("%s%*s %s", name, pad > 0 ? pad : 0, "",
				 ascii_only() ? "v" : "\u25be");
		free(name);
	} else {
		text = shown(v, fb->slot[i].input_w);
	}
	set_field_buffer(fb->input[i], 0, text);
	free(text);
}

static FIELD *static_field(int w, int y, int x, const char *text, attr_t attr)
{
	FIELD *fd = new_field(1, w, y, x, 0, 0);
	char *s;

	if (fd == NULL)
		return NULL;
	field_opts_off(fd, O_ACTIVE | O_EDIT);
	set_field_back(fd, attr);
	s = shown(text, w);
	set_field_buffer(fd, 0, s);
	free(s);
	return fd;
}

static FIELD *input_field(struct form_box *fb, size_t i)
{
	const struct slot *s = &fb->slot[i];
	FIELD *fd = new_field(1, s->input_w, s->row, fb->label_w + 1, 0, 0);

	if (fd == NULL)
		return NULL;
	/* Keys never reach the library's editing (see the top). */
	field_opts_off(fd, O_AUTOSKIP | O_BLANK | O_EDIT);
	set_field_back(fd, A_UNDERLINE);
	return fd;
}

/* All fields, page by page: each model field's label, input and reason. */
static bool make_fields(struct form_box *fb)
{
	size_t k = 0;
	attr_t err_attr = tui_attr_pair(fb->t, PAIR_RED) | A_BOLD;

	fb->fields = xcalloc(fb->n * (2 + REASON_LINES) + 1, sizeof *fb->fields);
	for (size_t i = 0; i < fb->n; i++) {
		const struct slot *s = &fb->slot[i];
		const char *err = uform_error(fb->f, i);
		bool first = i == 0 || fb->slot[i - 1].page != s->page;

		fb->label[i] = static_field(fb->label_w, s->row, 0, "", A_NORMAL);
		fb->input[i] = input_field(fb, i);
		if (fb->label[i] == NULL || fb->input[i] == NULL)
			return false;
		if (first)
			set_new_page(fb->label[i], TRUE);
		fb->fields[k++] = fb->label[i];
		fb->fields[k++] = fb->input[i];
		if (err != NULL) {
			char *lines[REASON_LINES];
			int n = reason_lines(err, s->err_w, lines);
			bool ok = true;

			for (int l = 0; l < n; l++) {
				FIELD *e = ok ? static_field(s->err_w, s->err_row + l, s->err_x,
							     lines[l], err_attr)
					      : NULL;

				if (e != NULL)
					fb->fields[k++] = e;
				ok = e != NULL;
				free(lines[l]);
			}
			if (!ok)
				return false;
		}
	}
	return true;
}

/* Build everything for the screen as it is; the model's current field is
 * the form's.  A screen too small for the form gets no window at all
 * (the main loop's notice says the terminal is too small); the model and
 * the line being typed stay as they were, for when it is shown again. */
static void build(struct form_box *fb)
{
	int h, w;

	unbuild(fb);
	fb->built_rows = fb->t->rows;
	fb->built_cols = fb->t->cols;
	layout(fb);
	if (!fb->fits)
		return;
	if (!make_fields(fb)) {
		fb->fits = false;
		return;
	}
	h = fb->page_rows + 2 + fb->footer_rows;
	w = fb->inner_w + 4;
	fb->win_h = h;
	fb->win_w = w;
	fb->win = newwin(h, w, (fb->t->rows - h) / 2, (fb->t->cols - w) / 2);
	if (fb->win == NULL ||
	    (fb->sub = derwin(fb->win, fb->page_rows, fb->inner_w, 1, 2)) == NULL) {
		fb->fits = false;
		return;
	}
	keypad(fb->win, TRUE);
	tui_modal_push(fb->t, fb->win);
	fb->form = new_form(fb->fields);
	if (fb->form == NULL) {
		fb->fits = false;
		return;
	}
	set_form_win(fb->form, fb->win);
	set_form_sub(fb->form, fb->sub);
	if (post_form(fb->form) != E_OK)
		fb->fits = false;
}

/* Must the form be built again?  The screen changed size, or it shrank
 * and grew back while a list or a question was up over the form: such a
 * resize reached only that one, and ncurses cut the form's window to the
 * smaller screen without growing it back. */
static bool stale(const struct form_box *fb)
{
	if (fb->built_rows != fb->t->rows || fb->built_cols != fb->t->cols)
		return true;
	return fb->win != NULL && (getmaxy(fb->win) != fb->win_h || getmaxx(fb->win) != fb->win_w);
}

/* ---- showing the current field and the rest ---- */

/* Mark the current field (its label "> " and bold) and the refused ones;
 * move the form to it, its page included. */
static void show_current(struct form_box *fb)
{
	size_t cur = uform_current(fb->f);
	attr_t red = tui_attr_pair(fb->t, PAIR_RED) | A_BOLD;

	if (fb->form == NULL)
		return;
	for (size_t i = 0; i < fb->n; i++) {
		char *text = xasprintf("%s%s", i == cur ? "> " : "  ", uform_spec(fb->f, i)->label);
		char *fit = shown(text, fb->label_w);
		attr_t attr = uform_error(fb->f, i) != NULL ? red : A_NORMAL;

		set_field_buffer(fb->label[i], 0, fit);
		set_field_fore(fb->label[i], i == cur ? attr | A_BOLD : attr);
		set_field_back(fb->label[i], i == cur ? attr | A_BOLD : attr);
		set_field_back(fb->input[i], i == cur ? A_UNDERLINE | A_BOLD : A_UNDERLINE);
		set_field_fore(fb->input[i], i == cur ? A_UNDERLINE | A_BOLD : A_UNDERLINE);
		free(fit);
		free(text);
	}
	set_current_field(fb->form, fb->input[cur]);
	for (size_t i = 0; i < fb->n; i++)
		fill_input(fb, i);
}

/* Entering a field: its line starts as the model's value, the cursor
 * after it. */
static void enter_field(struct form_box *fb)
{
	ui_line_set(&fb->line, uform_value(fb->f, uform_current(fb->f)));
	fb->edited = false;
	show_current(fb);
}

static void draw_footer(struct form_box *fb)
{
	int h = getmaxy(fb->win), w = getmaxx(fb->win), y = h - 1 - fb->footer_rows;
	const char *ferr = uform_form_error(fb->f);
	const char *field;
	char *keys, *lines[REASON_LINES];
	int n;

	tui_frame(fb->t, fb->win, fb->title);
	if (ferr != NULL) {
		n = reason_lines(ferr, fb->inner_w, lines);
		for (int k = 0; k < n; k++) {
			tui_text(fb->win, y++, 2, fb->inner_w, lines[k],
				 tui_attr_pair(fb->t, PAIR_RED) | A_BOLD);
			free(lines[k]);
		}
	} else {
		tui_text(fb->win, y++, 2, fb->inner_w, NULL, A_NORMAL);
	}
	tui_text(fb->win, y, 2, fb->inner_w, HINT_MOVE, A_NORMAL);
	keys = xasprintf("%s%s", HINT_FORM, fb->pages > 1 ? HINT_PAGES : "");
	tui_text(fb->win, y + 1, 2, fb->inner_w, keys, A_NORMAL);
	free(keys);
	if (!is_choice(fb, uform_current(fb->f)))
		field = HINT_TEXT;
	else if (uform_enter(fb->f) == UF_ENTER_SAVE)
		field = HINT_CHOICE_LAST;
	else
		field = HINT_CHOICE;
	tui_text(fb->win, y + 2, 2, fb->inner_w, field, A_NORMAL);
	if (fb->pages > 1) {
		char *page = xasprintf(" page %d/%d ", form_page(fb->form) + 1, fb->pages);
		int pw = (int)strlen(page);

		if (pw + 4 < w)
			mvwaddstr(fb->win, h - 1, w - pw - 2, page);
		free(page);
	}
}

/* The view, the form over it, and the terminal's cursor in the current
 * input (hidden on a choice: nothing is typed there). */
static void paint(struct form_box *fb)
{
	if (fb->form == NULL) {
		tui_paint(fb->t);
		return;
	}
	draw_footer(fb);
	tui_paint(fb->t);
	if (is_choice(fb, uform_current(fb->f))) {
		curs_set(0);
	} else {
		const struct slot *s = &fb->slot[uform_current(fb->f)];

		curs_set(1);
		wmove(fb->sub, s->row, fb->label_w + 1 + (int)fb->cursor_col);
		wnoutrefresh(fb->sub);
	}
	doupdate();
}

/* ---- keys ---- */

/* The model has every key's result already; leaving a text the user
 * edited drops the blanks around it, as a padded field buffer would. */
static void sync_current(struct form_box *fb)
{
	size_t cur = uform_current(fb->f);
	const char *v = ui_line_text(&fb->line);
	size_t len;

	if (!fb->edited || is_choice(fb, cur))
		return;
	v += strspn(v, " \t");
	len = strlen(v);
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len != strlen(ui_line_text(&fb->line))) {
		char *trimmed = xstrndup(v, len);

		uform_set(fb->f, cur, trimmed);
		free(trimmed);
	}
}

/* Tab, Shift-Tab, the arrows, Enter: the model decides whether the field
 * may be left; either way what it shows may have changed shape. */
static void leave(struct form_box *fb, int delta)
{
	size_t from = uform_current(fb->f);

	sync_current(fb);
	uform_move(fb->f, delta);
	build(fb);
	if (uform_current(fb->f) != from)
		enter_field(fb);
	else
		show_current(fb);
}

static void go_page(struct form_box *fb, int delta)
{
	size_t cur = uform_current(fb->f);
	int want = fb->slot[cur].page + delta;

	if (!fb->fits || want < 0 || want >= fb->pages)
		return;
	sync_current(fb);
	for (size_t i = 0; i < fb->n; i++) {
		if (fb->slot[i].page == want) {
			uform_go(fb->f, i);
			break;
		}
	}
	build(fb);
	enter_field(fb);
}

static bool save(struct form_box *fb, uform_save_fn fn, void *ctx)
{
	struct ally_err err;

	sync_current(fb);
	uform_clear_errors(fb->f);
	if (uform_check_all(fb->f)) {
		ally_err_clear(&err);
		if (fn(ctx, fb->f, &err) == ALLY_OK)
			return true;
		uform_err_gone(&err);
		if (err.msg[0] == '\0')
			ally_err_set(&err, ALLY_EUSER, NULL, "could not save");
		uform_set_err(fb->f, &err);
	}
	build(fb);
	enter_field(fb);
	return false;
}

/* Esc: leave, asking first when something was typed.  While the form is
 * not shown the question waits until it is (see tui_form). */
static bool cancel(struct form_box *fb)
{
	sync_current(fb);
	if (!uform_dirty(fb->f))
		return true;
	if (fb->form == NULL) {
		fb->cancelling = true;
		return false;
	}
	fb->cancelling = false;
	if (tui_confirm(fb->t, "Discard your changes?")) {
		fb->discarded = true;
		return true;
	}
	return tui_stopping(fb->t);
}

/* The list of a choice: "(none)" first when optional.  True when one
 * was picked (not cancelled). */
static bool pick(struct form_box *fb)
{
	size_t cur = uform_current(fb->f);
	const struct ufield_spec *sp = uform_spec(fb->f, cur);
	int n = uform_choice_count(fb->f, cur), off = sp->optional ? 1 : 0;
	const char **items = xcalloc((size_t)n + 1, sizeof *items);
	int pre = uform_choice(fb->f, cur), got;

	if (sp->optional)
		items[0] = "(none)";
	for (int c = 0; c < n; c++)
		items[c + off] = sp->choices[c];
	got = tui_menu(fb->t, sp->label, items, n + off, pre >= 0 ? pre + off : 0);
	free(items);
	if (got >= 0)
		uform_choose(fb->f, cur, got - off);
	fill_input(fb, cur);
	return got >= 0;
}

/* The keys of a text input: the line editor's, straight into the model. */
static void text_key(struct form_box *fb, int key)
{
	size_t cur = uform_current(fb->f);

	if (!ui_line_key(&fb->line, key))
		return;
	if (strcmp(ui_line_text(&fb->line), uform_value(fb->f, cur)) != 0) {
		uform_set(fb->f, cur, ui_line_text(&fb->line));
		fb->edited = true;
	}
	fill_input(fb, cur);
}

enum form_end { FORM_ON, FORM_SAVED, FORM_CANCELLED };

static enum form_end form_key(struct form_box *fb, int key, uform_save_fn fn, void *ctx)
{
	size_t cur = uform_current(fb->f);

	switch (key) {
	case UK_RESIZE:
		return FORM_ON; /* tui_form lays it out again */
	case UK_ESC:
	case UK_CTRL('c'):
		return cancel(fb) ? FORM_CANCELLED : FORM_ON;
	}
	/* Not shown (the terminal is too small): only the keys that cancel
	 * work, q among them since the notice on the screen offers it. */
	if (fb->form == NULL)
		return key == 'q' && cancel(fb) ? FORM_CANCELLED : FORM_ON;
	/* A choice's own keys; the model refuses what is typed there. */
	switch (is_choice(fb, cur) ? uform_choice_key(fb->f, key) : UF_KEY_NOT_MINE) {
	case UF_KEY_LIST:
		pick(fb);
		build(fb); /* a reason may have gone */
		show_current(fb);
		return FORM_ON;
	case UF_KEY_CHANGED:
	case UF_KEY_REFUSED:
		build(fb);
		show_current(fb);
		return FORM_ON;
	case UF_KEY_NOT_MINE:
		break;
	}
	switch (key) {
	case UK_CTRL('s'):
	case UK_F2:
		return save(fb, fn, ctx) ? FORM_SAVED : FORM_ON;
	case UK_TAB:
	case UK_DOWN:
		leave(fb, 1);
		break;
	case UK_BTAB:
	case UK_UP:
		leave(fb, -1);
		break;
	case UK_PGDN:
		go_page(fb, 1);
		break;
	case UK_PGUP:
		go_page(fb, -1);
		break;
	case UK_ENTER:
		/* On a choice before the last Enter opens the list and goes
		 * on once one is picked (Esc in the list stays on the choice);
		 * on the last field it saves, a choice there included. */
		switch (uform_enter(fb->f)) {
		case UF_ENTER_SAVE:
			return save(fb, fn, ctx) ? FORM_SAVED : FORM_ON;
		case UF_ENTER_LIST:
			if (pick(fb))
				leave(fb, 1);
			break;
		case UF_ENTER_NEXT:
			leave(fb, 1);
			break;
		}
		break;
	default:
		if (!is_choice(fb, cur))
			text_key(fb, key);
		break;
	}
	return FORM_ON;
}

bool tui_form(struct tui *t, const char *title, struct uform *f, uform_save_fn save_fn,
	      void *ctx)
{
	struct form_box fb;
	enum form_end end = FORM_ON;
	bool repaint = true;
	int quiet = 0; /* ticks without a key */

	memset(&fb, 0, sizeof fb);
	fb.t = t;
	fb.title = title;
	fb.f = f;
	fb.n = uform_count(f);
	fb.slot = xcalloc(fb.n + 1, sizeof *fb.slot);
	fb.input = xcalloc(fb.n + 1, sizeof *fb.input);
	fb.label = xcalloc(fb.n + 1, sizeof *fb.label);
	ui_line_init(&fb.line);
	tui_draft_apply(t, f);
	build(&fb);
	enter_field(&fb);
	while (end == FORM_ON && !tui_stopping(t)) {
		int key;

		if (stale(&fb)) {
			build(&fb);
			show_current(&fb);
			repaint = true;
		}
		if (repaint)
			paint(&fb);
		/* Esc while it was hidden: the question, now that it shows. */
		if (fb.cancelling && fb.form != NULL) {
			end = cancel(&fb) ? FORM_CANCELLED : FORM_ON;
			repaint = true;
			continue;
		}
		key = tui_getkey(t, FORM_TICK_MS);
		repaint = key != UK_NONE;
		quiet = repaint ? 0 : quiet + 1;
		if (quiet == TYPE_AHEAD_TICKS)
			uform_key_pause(f);
		if (repaint)
			end = form_key(&fb, key, save_fn, ctx);
	}
	/* Stopped with changes neither saved nor discarded: the database
	 * gets nothing, the draft file what was typed. */
	if (end != FORM_SAVED && !fb.discarded && tui_stopping(t)) {
		sync_current(&fb);
		if (uform_dirty(f)) {
			free(t->draft_path);
			t->draft_path = tui_keep_draft(t, title, f);
		}
	}
	t->form.kind = NULL; /* the next form says what it is itself */
	curs_set(0);
	unbuild(&fb);
	free(fb.slot);
	free(fb.input);
	free(fb.label);
	ui_line_finish(&fb.line);
	return end == FORM_SAVED;
}
