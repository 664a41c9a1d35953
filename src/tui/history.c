/* history.c: the history view's state: a window of the audit log around
 * the cursor, the filter and its prompt.  No terminal; see ui-history.h. */
#include "ally/ui-history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
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

/* Fetch the window that holds the screen (rows top .. top + height - 1)
 * with a screen above it; the old window stays on failure. */
static int fetch_window(struct ui_history *h, struct ally_err *err)
{
	struct audit_list l = { NULL, 0 };
	size_t off = h->nav.top > h->nav.height ? h->nav.top - h->nav.height : 0;
	int rc = store_audit_list(h->store, h->filter, window_size(h), off, &l, err);

	if (rc != ALLY_OK) {
		audit_list_finish(&l);
		return rc;
	}
	audit_list_finish(&h->win);
	h->win = l;
	h->win_off = off;
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

int ui_history_load(struct ui_history *h, struct ally_err *err)
{
	size_t old = h->nav.n, n = 0;
	int rc = store_begin_read(h->store, err);

	/* One snapshot, so that the count and the rows agree. */
	if (rc == ALLY_OK)
		rc = store_audit_count(h->store, h->filter, &n, err);
	if (rc == ALLY_OK) {
		/* The log only grows at its newest end (row 0): the selection
		 * stays on its row, a scrolled screen on the rows it showed,
		 * and a screen at the top shows the new rows. */
		if (h->nav.cur > 0 && n > old) {
			h->nav.cur += n - old;
			if (h->nav.top > 0)
				h->nav.top += n - old;
		}
		listnav_set_count(&h->nav, n);
		rc = fetch_window(h, err);
	}
	store_rollback(h->store);
	return rc;
}

int ui_history_set_filter(struct ui_history *h, const char *text, struct ally_err *err)
{
	free(h->filter);
	h->filter = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
	listnav_set_count(&h->nav, 0);
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
	if (!listnav_key(&h->nav, key))
		return UI_UNHANDLED;
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
