/* history.c: the history view's state: a window of the audit log around
 * the cursor, the filter and its prompt.  No terminal; see ui-history.h. */
#include "ally/ui-history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/text.h"
#include "ally/util.h"

struct ui_history *ui_history_new(struct store *s)
{
	struct ui_history *h = xcalloc(1, sizeof *h);

	h->store = s;
	listnav_init(&h->nav);
	ui_line_init(&h->line);
	return h;
}

void ui_history_free(struct ui_history *h)
{
	if (h == NULL)
		return;
	audit_list_finish(&h->win);
	ui_line_finish(&h->line);
	free(h->filter);
	free(h);
}

void ui_history_set_height(struct ui_history *h, size_t rows)
{
	listnav_set_height(&h->nav, rows);
}

/* Rows one fetch asks for: three screens, so that a screen's worth of
 * movement either way stays inside the window, and a taller terminal
 * (a resize before the next key) still finds its rows. */
static size_t window_size(const struct ui_history *h)
{
	size_t n = 3 * h->nav.height;

	return n < UI_HISTORY_WINDOW_MIN ? UI_HISTORY_WINDOW_MIN : n;
}

/* The id of row i when the window holds it. */
static bool id_at(const struct ui_history *h, size_t i, int64_t *id)
{
	const struct audit_entry *e = ui_history_row(h, i);

	if (e == NULL)
		return false;
	*id = e->id;
	return true;
}

/* The id that the rows from i on are older than, when the window tells:
 * row i - 1's, or one more than row i's. */
static bool id_above(const struct ui_history *h, size_t i, int64_t *id)
{
	if (i > 0 && id_at(h, i - 1, id))
		return true;
	if (!id_at(h, i, id))
		return false;
	*id += 1;
	return true;
}

/* Fetch the window that holds the screen (rows top .. top + height - 1)
 * with a screen above it.  Its rows are found by id, next to a row of the
 * window there already (older than the row just above the new window, or
 * newer than the row just below it), so that a fetch costs the same
 * anywhere in the log: g's window is the newest rows, G's the oldest.
 * Only a cursor put far from the window other than by a key (listnav_go,
 * or a screen grown much taller) has no row next to it; that window is
 * read by its offset.  A fetch that reaches the end of the log knows how
 * many rows there are, which corrects a filter's count (see ui-history.h).
 * The old window stays on failure. */
static int fetch_window(struct ui_history *h, struct ally_err *err)
{
	struct audit_list l = { NULL, 0 };
	size_t size = window_size(h), n = h->nav.n, at;
	size_t off = h->nav.top > h->nav.height ? h->nav.top - h->nav.height : 0;
	bool down = false; /* read down from a row: no new row comes in */
	bool up = false;   /* read up to the row at off (then moved to at) */
	int64_t id;
	int rc;

	if (off == 0) {
		rc = store_audit_page(h->store, h->filter, 0, 0, size, &l, err);
	} else if (id_above(h, off, &id)) {
		rc = store_audit_page(h->store, h->filter, id, 0, size, &l, err);
		down = true;
	} else if (off + size >= n) {
		rc = store_audit_page(h->store, h->filter, 0, STORE_AUDIT_START, size, &l, err);
		off = n;
		up = true;
	} else if (id_at(h, off + size, &id)) {
		rc = store_audit_page(h->store, h->filter, 0, id, size, &l, err);
		off += size;
		up = true;
	} else {
		rc = store_audit_list(h->store, h->filter, size, off, &l, err);
	}
	if (rc != ALLY_OK) {
		audit_list_finish(&l);
		return rc;
	}
	at = !up ? off : off > l.n ? off - l.n : 0;
	if (off == 0 && l.n < size) {
		/* Every row there is, some maybe written since the last load
		 * (a key reads outside its snapshot): the next load counts
		 * the rows above these. */
		listnav_set_count(&h->nav, l.n);
		if (l.n > 0 && l.rows[0].id > h->last_id)
			h->last_id = l.rows[0].id;
	} else if (down && l.n < size) {
		/* The oldest rows: the count is exact now. */
		listnav_set_count(&h->nav, at + l.n);
		h->more = false;
	} else if (down && at + l.n > n && !h->more) {
		listnav_set_count(&h->nav, at + l.n);
	}
	audit_list_finish(&h->win);
	h->win = l;
	h->win_off = at;
	return ALLY_OK;
}

/* Is every row the screen shows in the window? */
static bool window_covers(const struct ui_history *h)
{
	size_t end = h->nav.top + h->nav.height;

	if (end > h->nav.n)
		end = h->nav.n;
	if (h->nav.top >= end)
		return true;
	return h->nav.top >= h->win_off && end <= h->win_off + h->win.n;
}

/* Count the next step of a filter's older matches (all of them with
 * all), growing nav.n. */
static int count_more(struct ui_history *h, bool all, struct ally_err *err)
{
	while (h->more) {
		size_t n;
		int64_t oldest;
		int rc = store_audit_count_below(h->store, h->filter, h->counted_to,
						 UI_HISTORY_COUNT_STEP, &n, &oldest, err);

		if (rc != ALLY_OK)
			return rc;
		h->counted_to = oldest;
		h->more = n == UI_HISTORY_COUNT_STEP;
		listnav_set_count(&h->nav, h->nav.n + n);
		if (!all)
			break;
	}
	return ALLY_OK;
}

/* A filter's first count: its newest matches, a step of them. */
static int count_first(struct ui_history *h, int64_t last, struct ally_err *err)
{
	listnav_set_count(&h->nav, 0);
	h->counted_to = last + 1;
	h->more = true;
	return count_more(h, false, err);
}

int ui_history_load(struct ui_history *h, struct ally_err *err)
{
	struct listnav nav = h->nav;
	size_t win_off = h->win_off, added = 0;
	int64_t last = 0;
	int rc = store_begin_read(h->store, err);

	/* One snapshot, so that the count and the rows agree.  Only the rows
	 * written since the last load are counted: the log only grows. */
	if (rc == ALLY_OK)
		rc = store_audit_last_id(h->store, &last, err);
	if (rc == ALLY_OK && h->filter != NULL && h->last_id == 0)
		rc = count_first(h, last, err); /* then added stays 0 */
	else if (rc == ALLY_OK)
		rc = store_audit_count_after(h->store, h->filter, h->last_id, &added, err);
	if (rc == ALLY_OK) {
		/* The new rows come at the newest end (row 0): the selection
		 * stays on its row, a scrolled screen on the rows it showed,
		 * and a screen at the top shows the new rows. */
		if (h->nav.cur > 0) {
			h->nav.cur += added;
			if (h->nav.top > 0)
				h->nav.top += added;
		}
		h->win_off += added;
		listnav_set_count(&h->nav, h->nav.n + added);
		rc = fetch_window(h, err);
	}
	store_rollback(h->store);
	if (rc == ALLY_OK) {
		h->last_id = last;
	} else {
		h->nav = nav;
		h->win_off = win_off;
	}
	return rc;
}

int ui_history_set_filter(struct ui_history *h, const char *text, struct ally_err *err)
{
	free(h->filter);
	h->filter = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
	/* Counted from nothing, from the top: the rows of the old filter
	 * are no place to page from. */
	listnav_set_count(&h->nav, 0);
	h->last_id = 0;
	h->more = false;
	audit_list_finish(&h->win);
	h->win_off = 0;
	return ui_history_load(h, err);
}

/* The '/' prompt has every key while it is open. */
static enum ui_result prompt_key(struct ui_history *h, int key, struct ally_err *err)
{
	switch (key) {
	case UK_ENTER:
		h->prompt = false;
		ui_history_set_filter(h, ui_line_text(&h->line), err);
		break;
	case UK_ESC:
		h->prompt = false;
		break;
	default:
		ui_line_key(&h->line, key);
		break;
	}
	return UI_HANDLED;
}

enum ui_result ui_history_key(struct ui_history *h, int key, int64_t *open_partner,
			      struct ally_err *err)
{
	const struct audit_entry *e;

	ally_err_clear(err);
	*open_partner = 0;
	if (h->prompt)
		return prompt_key(h, key, err);
	switch (key) {
	case '/':
		h->prompt = true;
		ui_line_set(&h->line, h->filter);
		return UI_HANDLED;
	case UK_ESC:
		if (h->filter == NULL)
			return UI_UNHANDLED;
		ui_history_set_filter(h, NULL, err);
		return UI_HANDLED;
	case UK_ENTER:
		e = ui_history_selected(h);
		*open_partner = e != NULL ? e->partner_id : 0;
		return UI_HANDLED;
	default:
		break;
	}
	/* G counts what is left of a filter's matches; a move near the last
	 * one counted counts the next step. */
	if ((key == 'G' || key == UK_END) && count_more(h, true, err) != ALLY_OK)
		return UI_HANDLED;
	if (!listnav_key(&h->nav, key))
		return UI_UNHANDLED;
	if (h->more && h->nav.cur + 2 * h->nav.height >= h->nav.n &&
	    count_more(h, false, err) != ALLY_OK)
		return UI_HANDLED;
	if (!window_covers(h))
		fetch_window(h, err);
	return UI_HANDLED;
}

const struct audit_entry *ui_history_row(const struct ui_history *h, size_t i)
{
	if (i < h->win_off || i - h->win_off >= h->win.n || i >= h->nav.n)
		return NULL;
	return &h->win.rows[i - h->win_off];
}

const struct audit_entry *ui_history_selected(const struct ui_history *h)
{
	return h->nav.n == 0 ? NULL : ui_history_row(h, h->nav.cur);
}

char *ui_history_when(const struct audit_entry *e, char out[17])
{
	/* "YYYY-MM-DD HH:MM:SS": the minutes are enough to read a log by. */
	snprintf(out, 17, "%s", e->at != NULL ? e->at : "");
	return out;
}

/* "contract 12" for the row of a table ("contract_terms" -> "contract
 * term"); "" for the partner itself, which the Partner column names. */
static char *row_name(const struct audit_entry *e)
{
	struct buf b;
	size_t n;

	if (e->tbl == NULL || strcmp(e->tbl, "partners") == 0)
		return xstrdup("");
	buf_init(&b);
	n = strlen(e->tbl);
	if (n > 1 && e->tbl[n - 1] == 's')
		n--;
	for (size_t i = 0; i < n; i++)
		buf_putc(&b, e->tbl[i] == '_' ? ' ' : e->tbl[i]);
	buf_printf(&b, " %lld", (long long)e->row_id);
	return buf_take(&b);
}

/* Values are one cell of one line: breaks and tabs read as spaces. */
static void flatten(char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

char *ui_history_what(const struct audit_entry *e)
{
	char *who = row_name(e), *out;
	const char *sep = *who != '\0' ? " " : "";
	bool whole = e->field != NULL && strcmp(e->field, "*") == 0;

	if (whole && e->old_value == NULL)
		out = xasprintf("%s%sadded%s%s", *who ? who : "partner", " ",
				e->new_value ? ": " : "", e->new_value ? e->new_value : "");
	else if (whole && e->new_value == NULL)
		out = xasprintf("%s%sdeleted%s%s", *who ? who : "partner", " ",
				e->old_value ? ": " : "", e->old_value ? e->old_value : "");
	else
		out = xasprintf("%s%s%s: %s -> %s", who, sep, e->field ? e->field : "?",
				e->old_value ? e->old_value : "(none)",
				e->new_value ? e->new_value : "(none)");
	free(who);
	flatten(out);
	return out;
}

/* "2026-03-04 05:06:07 UTC · dana · Acme": when, who and the partner. */
static void detail_head(struct buf *b, const struct audit_entry *e, const char *dot)
{
	buf_printf(b, "%s UTC%s%s", e->at != NULL ? e->at : "?", dot,
		   e->user != NULL ? e->user : "?");
	if (e->partner != NULL)
		buf_printf(b, "%s%s", dot, e->partner);
}

char *ui_history_detail(const struct audit_entry *e, bool ascii)
{
	const char *dot = ascii ? " - " : " \xc2\xb7 ";
	char *what = ui_history_what(e);
	struct buf b;
	char *out;

	buf_init(&b);
	detail_head(&b, e, dot);
	buf_printf(&b, "%s%s", dot, what);
	free(what);
	out = buf_take(&b);
	flatten(out);
	return out;
}

/* s as one line of cols columns: sanitised, cut with an ellipsis. */
static char *one_line(const char *s, size_t cols, bool ascii)
{
	char *vis = text_visible(s, 0), *fit = text_fit(vis, cols, 1, ascii);

	free(vis);
	return fit;
}

size_t ui_history_detail_lines(const struct audit_entry *e, size_t cols, size_t max, bool ascii,
			       char ***out)
{
	char **lines, *whole, *what, *vis;
	const char *s, *next;
	struct buf b;
	size_t n = 0;

	*out = NULL;
	if (e == NULL || max == 0 || cols == 0)
		return 0;
	lines = xcalloc(max, sizeof *lines);
	whole = ui_history_detail(e, ascii);
	vis = text_visible(whole, 0);
	free(whole);
	what = ui_history_what(e);
	if (text_width(vis) <= cols || max == 1) {
		/* All on one line; or, with one line only, the change. */
		lines[n++] = one_line(text_width(vis) <= cols ? vis : what, cols, ascii);
		goto out;
	}
	/* When, who and the partner first, cut to their line: a partner's
	 * long name never pushes the change itself out of sight. */
	buf_init(&b);
	detail_head(&b, e, ascii ? " - " : " \xc2\xb7 ");
	whole = buf_take(&b);
	flatten(whole);
	lines[n++] = one_line(whole, cols, ascii);
	free(whole);
	/* Then the change, wrapped; its last line cut when it needs more. */
	free(vis);
	vis = text_visible(what, 0); /* valid UTF-8, as ui_wrap wants */
	for (s = vis; *s != '\0' && n < max; s = next) {
		if (n + 1 == max) {
			lines[n++] = text_fit(s, cols, 1, ascii);
			break;
		}
		lines[n++] = xstrndup(s, ui_wrap(s, cols, &next));
	}
out:
	free(what);
	free(vis);
	*out = lines;
	return n;
}
