/* portfolio.c: the Portfolio view's state (include/ally/ui-portfolio.h):
 * a window of the partner list as the store orders it, a cursor over
 * it, the incremental search and the filter.
 *
 * The window is the screen's rows and about a screen more on each side.
 * A move that leaves it reads the next rows from the edge row's position
 * (keyset), so a key costs a window at any size; base keeps where the
 * window starts in the whole list, for the position in the header. */
#include "ally/ui-portfolio.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/err.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/score.h"
#include "ally/text.h"
#include "ally/util.h"

const char *const pf_sort_names[] = { "name", "score", "phase", "next", NULL };

/* Each order's own direction: a score list starts with the best. */
static const bool sort_natural_desc[PF_SORT_COUNT] = { false, true, false, false };
static const enum partner_sort store_sorts[PF_SORT_COUNT] = { PSORT_NAME, PSORT_SCORE,
							      PSORT_PHASE, PSORT_NEXT_ACTION };

struct portfolio *portfolio_new(struct store *s, ally_date today)
{
	struct portfolio *pf = xcalloc(1, sizeof *pf);

	pf->store = s;
	pf->today = today;
	pf->base = -1;
	listnav_init(&pf->nav);
	partner_filter_init(&pf->filter);
	ui_line_init(&pf->line);
	return pf;
}

void portfolio_free(struct portfolio *pf)
{
	if (pf == NULL)
		return;
	partner_list_finish(&pf->win);
	owner_list_finish(&pf->owners);
	partner_pos_finish(&pf->search_pos);
	free(pf->owner);
	free(pf->pattern);
	free(pf->pattern_fold);
	ui_line_finish(&pf->line);
	free(pf);
}

/* ---- the window ---- */

size_t portfolio_count(const struct portfolio *pf)
{
	return pf->win.n;
}

const struct partner_row *portfolio_row(const struct portfolio *pf, size_t i)
{
	return i < pf->win.n ? &pf->win.rows[i] : NULL;
}

const struct partner_row *portfolio_selected(const struct portfolio *pf)
{
	return portfolio_row(pf, pf->nav.cur);
}

int64_t portfolio_position(const struct portfolio *pf)
{
	return pf->base >= 0 && pf->win.n > 0 ? pf->base + (int64_t)pf->nav.cur : -1;
}

void portfolio_set_height(struct portfolio *pf, size_t height)
{
	listnav_set_height(&pf->nav, height > 0 ? height : 1);
}

/* Rows kept beyond the screen on each side. */
static size_t margin(const struct portfolio *pf)
{
	return pf->nav.height;
}

/* The store's filter for the current sort. */
static const struct partner_filter *query(struct portfolio *pf)
{
	pf->filter.sort = store_sorts[pf->sort];
	pf->filter.values_reversed = pf->reversed;
	pf->filter.descending = false;
	return &pf->filter;
}

static int fetch(struct portfolio *pf, const struct partner_pos *from, int dir, size_t n,
		 struct partner_list *out, struct ally_err *err)
{
	return store_partner_page(pf->store, query(pf), pf->today, from, dir, n, out, err);
}

/* From pos's own row on. */
static int fetch_from(struct portfolio *pf, const struct partner_pos *pos, size_t n,
		      struct partner_list *out, struct ally_err *err)
{
	return store_partner_page_from(pf->store, query(pf), pf->today, pos, n, out, err);
}

/* Rows read after the window's last one (in order) go at its end. */
static void win_append(struct portfolio *pf, struct partner_list *l)
{
	struct partner_list *w = &pf->win;

	w->rows = xrealloc(w->rows, (w->n + l->n + 1) * sizeof *w->rows);
	if (l->n > 0) /* l->rows may be NULL then */
		memcpy(w->rows + w->n, l->rows, l->n * sizeof *l->rows);
	w->n += l->n;
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
	listnav_set_count(&pf->nav, w->n);
}

/* Rows read backward from the first one (nearest first) go before it. */
static void win_prepend(struct portfolio *pf, struct partner_list *l)
{
	struct partner_list *w = &pf->win;
	size_t k = l->n;

	w->rows = xrealloc(w->rows, (w->n + k + 1) * sizeof *w->rows);
	memmove(w->rows + k, w->rows, w->n * sizeof *w->rows);
	for (size_t i = 0; i < k; i++)
		w->rows[k - 1 - i] = l->rows[i];
	w->n += k;
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
	pf->nav.n = w->n;
	pf->nav.cur += k;
	pf->nav.top += k;
	if (pf->base >= 0)
		pf->base = pf->base >= (int64_t)k ? pf->base - (int64_t)k : 0;
	listnav_set_count(&pf->nav, w->n);
}

static void win_clear(struct portfolio *pf)
{
	partner_list_finish(&pf->win);
	listnav_set_count(&pf->nav, 0);
	pf->nav.cur = pf->nav.top = 0;
	pf->at_start = pf->at_end = false;
	pf->base = -1;
}

/* Keep the screen's rows and a margin on each side. */
static void win_trim(struct portfolio *pf)
{
	struct partner_list *w = &pf->win;
	size_t m = margin(pf), front = pf->nav.top > m ? pf->nav.top - m : 0;
	size_t keep_end = pf->nav.top + pf->nav.height + m;

	if (keep_end < w->n) {
		for (size_t i = keep_end; i < w->n; i++) {
			partner_finish(&w->rows[i].p);
			partner_pos_finish(&w->rows[i].pos);
		}
		w->n = keep_end;
		pf->at_end = false;
	}
	if (front > 0) {
		for (size_t i = 0; i < front; i++) {
			partner_finish(&w->rows[i].p);
			partner_pos_finish(&w->rows[i].pos);
		}
		memmove(w->rows, w->rows + front, (w->n - front) * sizeof *w->rows);
		w->n -= front;
		pf->nav.cur -= front;
		pf->nav.top -= front;
		pf->at_start = false;
		if (pf->base >= 0)
			pf->base += (int64_t)front;
	}
	pf->nav.n = w->n;
}

/* Make the window hold its row upto (an index into it), or reach the end. */
static int ensure_after(struct portfolio *pf, size_t upto, struct ally_err *err)
{
	while (!pf->at_end && pf->win.n <= upto) {
		struct partner_list l;
		size_t want = upto - pf->win.n + 1 + margin(pf);
		const struct partner_pos *from =
			pf->win.n > 0 ? &pf->win.rows[pf->win.n - 1].pos : NULL;
		int rc = fetch(pf, from, 1, want, &l, err);

		if (rc != ALLY_OK)
			return rc;
		if (pf->win.n == 0) {
			pf->at_start = true;
			pf->base = 0;
		}
		pf->at_end = l.n < want;
		win_append(pf, &l);
	}
	return ALLY_OK;
}

/* Make the window hold rows rows before the screen's top, or reach the
 * start. */
static int ensure_before(struct portfolio *pf, size_t rows, struct ally_err *err)
{
	if (pf->at_start || pf->win.n == 0 || pf->nav.top >= rows) {
		return ALLY_OK;
	} else {
		struct partner_list l;
		size_t want = rows - pf->nav.top + margin(pf);
		int rc = fetch(pf, &pf->win.rows[0].pos, -1, want, &l, err);

		if (rc != ALLY_OK)
			return rc;
		pf->at_start = l.n < want;
		win_prepend(pf, &l);
		if (pf->at_start)
			pf->base = 0;
		return ALLY_OK;
	}
}

/* The window at one end of the list: the first rows (dir 1) or the last. */
static int load_edge(struct portfolio *pf, int dir, struct ally_err *err)
{
	struct partner_list l;
	size_t want = pf->nav.height + margin(pf);
	int rc = fetch(pf, NULL, dir, want, &l, err);

	if (rc != ALLY_OK)
		return rc;
	win_clear(pf);
	if (dir > 0) {
		win_append(pf, &l);
		pf->at_start = true;
		pf->at_end = pf->win.n < want;
		pf->base = 0;
		listnav_go(&pf->nav, 0);
	} else {
		win_prepend(pf, &l);
		pf->at_end = true;
		pf->at_start = pf->win.n < want;
		pf->base = pf->at_start ? 0
			 : pf->listed_more ? -1 : pf->listed - (int64_t)pf->win.n;
		listnav_go(&pf->nav, pf->win.n > 0 ? pf->win.n - 1 : 0);
	}
	return ALLY_OK;
}

/* Where the row at index `at` of a window read around pos stands in the
 * whole list: counted from the nearer end when the count is exact. */
static int locate_base(struct portfolio *pf, const struct partner_pos *pos, size_t at,
		       int64_t estimate, struct ally_err *err)
{
	int64_t n = 0;
	int rc;

	if (pf->at_start) {
		pf->base = 0;
		return ALLY_OK;
	}
	if (pf->at_end && !pf->listed_more) {
		pf->base = pf->listed - (int64_t)pf->win.n;
		return ALLY_OK;
	}
	if (!pf->listed_more && estimate > pf->listed / 2) {
		/* The rows after pos's row: the row at `at` is pos's or,
		 * when pos's partner is gone, the first after it. */
		bool own = at < pf->win.n && pf->win.rows[at].p.id == pos->id;

		rc = store_partner_rank(pf->store, query(pf), pf->today, pos, 1, &n, err);
		if (rc == ALLY_OK)
			pf->base = pf->listed - n - (own ? 1 : 0) - (int64_t)at;
		return rc;
	}
	rc = store_partner_rank(pf->store, query(pf), pf->today, pos, -1, &n, err);
	if (rc == ALLY_OK)
		pf->base = n - (int64_t)at;
	return rc;
}

/* The window around pos: offset rows above it on the screen when there
 * are, pos's row selected (or, when its partner is gone, the next one). */
static int load_around(struct portfolio *pf, const struct partner_pos *pos, size_t offset,
		       int64_t estimate, struct ally_err *err)
{
	struct partner_list before = { NULL, 0 }, after = { NULL, 0 };
	size_t m = margin(pf), want_after = pf->nav.height + m;
	int rc;

	rc = fetch(pf, pos, -1, offset + m, &before, err);
	if (rc == ALLY_OK)
		rc = fetch_from(pf, pos, want_after, &after, err);
	if (rc != ALLY_OK) {
		partner_list_finish(&before);
		partner_list_finish(&after);
		return rc;
	}
	win_clear(pf);
	pf->at_start = before.n < offset + m;
	pf->at_end = after.n < want_after;
	{
		size_t at = before.n;

		win_append(pf, &after);
		win_prepend(pf, &before);
		pf->nav.cur = at < pf->win.n ? at : pf->win.n > 0 ? pf->win.n - 1 : 0;
		pf->nav.top = pf->nav.cur > offset ? pf->nav.cur - offset : 0;
		listnav_set_count(&pf->nav, pf->win.n);
		return locate_base(pf, pos, at, estimate, err);
	}
}

/* ---- loading ---- */

static int load_counts(struct portfolio *pf, struct ally_err *err)
{
	bool more;
	int rc = store_partner_count_where(pf->store, NULL, pf->today, 0, &pf->total, &more, err);

	if (rc == ALLY_OK)
		rc = store_partner_count_where(pf->store, query(pf), pf->today, PF_COUNT_CAP,
					       &pf->listed, &pf->listed_more, err);
	return rc;
}

/* Read the window again around partner id, else around pos (where the
 * selection stood), else from the top; offset rows above it. */
static int reload_at(struct portfolio *pf, int64_t id, const struct partner_pos *pos,
		     size_t offset, struct ally_err *err)
{
	struct partner_pos at = { 0, false, NULL, 0 };
	int64_t estimate = portfolio_position(pf);
	bool found = false;
	int rc = ALLY_OK;

	if (id > 0)
		rc = store_partner_locate(pf->store, query(pf), pf->today, id, &at, &found, err);
	if (rc != ALLY_OK)
		return rc;
	if (found)
		rc = load_around(pf, &at, offset, estimate, err);
	else if (pos != NULL && pos->sort_key != NULL)
		rc = load_around(pf, pos, offset, estimate, err);
	else
		rc = load_edge(pf, 1, err);
	partner_pos_finish(&at);
	return rc;
}

/* Every read of a load in one short read transaction: the counts agree
 * with the rows, and no writer waits longer than the load takes. */
static int reload(struct portfolio *pf, int64_t id, size_t offset, struct ally_err *err)
{
	const struct partner_row *sel = portfolio_selected(pf);
	struct partner_pos pos = { 0, false, NULL, 0 };
	int rc;

	if (sel != NULL)
		partner_pos_copy(&pos, &sel->pos);
	if ((rc = store_begin_read(pf->store, err)) == ALLY_OK) {
		int64_t total = pf->total, listed = pf->listed;
		bool listed_more = pf->listed_more;

		rc = load_counts(pf, err);
		if (rc == ALLY_OK)
			rc = reload_at(pf, id, sel != NULL ? &pos : NULL, offset, err);
		store_rollback(pf->store);
		if (rc != ALLY_OK) { /* the counts of the window still shown */
			pf->total = total;
			pf->listed = listed;
			pf->listed_more = listed_more;
		}
	}
	partner_pos_finish(&pos);
	return rc;
}

int portfolio_load(struct portfolio *pf, struct ally_err *err)
{
	const struct partner_row *sel = portfolio_selected(pf);
	int64_t id = pf->want_id != 0 ? pf->want_id : sel != NULL ? sel->p.id : 0;
	int rc = reload(pf, id, pf->nav.cur - pf->nav.top, err);

	if (rc == ALLY_OK && pf->want_id != 0 && portfolio_selected(pf) != NULL &&
	    portfolio_selected(pf)->p.id == pf->want_id)
		pf->want_id = 0;
	return rc;
}

bool portfolio_select_id(struct portfolio *pf, int64_t id, struct ally_err *err)
{
	for (size_t i = 0; i < pf->win.n; i++) {
		if (pf->win.rows[i].p.id == id) {
			listnav_go(&pf->nav, i);
			return true;
		}
	}
	if (reload(pf, id, pf->nav.height / 2, err) != ALLY_OK)
		return false;
	return portfolio_selected(pf) != NULL && portfolio_selected(pf)->p.id == id;
}

/* ---- moving ---- */

bool portfolio_move_key(struct portfolio *pf, int key, struct ally_err *err)
{
	size_t h = pf->nav.height, half = h > 1 ? h / 2 : 1, top = pf->nav.top;
	int rc;

	switch (key) {
	case UK_DOWN:
	case 'j':
		rc = ensure_after(pf, pf->nav.cur + 1, err);
		break;
	case UK_UP:
	case 'k':
		rc = pf->nav.cur == 0 ? ensure_before(pf, h, err) : ALLY_OK;
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		rc = ensure_after(pf, top + 2 * h - 1, err);
		break;
	case UK_CTRL('d'):
		rc = ensure_after(pf, top + h + half, err);
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		rc = ensure_before(pf, h, err);
		break;
	case UK_CTRL('u'):
		rc = pf->nav.cur < half ? ensure_before(pf, h, err) : ALLY_OK;
		break;
	case UK_HOME:
	case 'g':
		rc = pf->at_start ? ALLY_OK : load_edge(pf, 1, err);
		break;
	case UK_END:
	case 'G':
		rc = pf->at_end ? ALLY_OK : load_edge(pf, -1, err);
		break;
	default:
		return false;
	}
	if (rc != ALLY_OK)
		return true;
	listnav_key(&pf->nav, key);
	/* Up on the first row of the window: it was read above it. */
	win_trim(pf);
	return true;
}

/* Select window row i; when it is off the screen, scroll it to the
 * middle, as vim does for a search, so the rows around a match show too. */
static void jump_in_window(struct portfolio *pf, size_t i)
{
	struct listnav *l = &pf->nav;

	if (i >= l->top && i < l->top + l->height) {
		listnav_go(l, i);
		return;
	}
	l->cur = i;
	l->top = i >= l->height / 2 ? i - l->height / 2 : 0;
	listnav_set_height(l, l->height);
}

/* Select the partner of row (read anywhere in the order). */
static int jump_to(struct portfolio *pf, const struct partner_row *row, struct ally_err *err)
{
	struct partner_pos pos;
	int rc;

	for (size_t i = 0; i < pf->win.n; i++) {
		if (pf->win.rows[i].p.id == row->p.id) {
			jump_in_window(pf, i);
			win_trim(pf);
			return ensure_after(pf, pf->nav.top + pf->nav.height, err);
		}
	}
	partner_pos_copy(&pos, &row->pos);
	rc = load_around(pf, &pos, pf->nav.height / 2, -1, err);
	partner_pos_finish(&pos);
	return rc;
}

/* ---- order ---- */

bool portfolio_sort_descending(const struct portfolio *pf)
{
	return sort_natural_desc[pf->sort] != pf->reversed;
}

/* Read the new order around the selected partner, at the same height
 * on the screen. */
static int resort(struct portfolio *pf, struct ally_err *err)
{
	const struct partner_row *sel = portfolio_selected(pf);

	return reload(pf, sel != NULL ? sel->p.id : 0, pf->nav.cur - pf->nav.top, err);
}

int portfolio_sort_next(struct portfolio *pf, struct ally_err *err)
{
	pf->sort = (enum pf_sort)((pf->sort + 1) % PF_SORT_COUNT);
	pf->reversed = false;
	return resort(pf, err);
}

int portfolio_sort_reverse(struct portfolio *pf, struct ally_err *err)
{
	pf->reversed = !pf->reversed;
	return resort(pf, err);
}

/* ---- search ---- */

/* The first row matching folded after from (dir 1) or before it (dir
 * -1), or from an end when from is NULL: the store reads that one row.
 * *row is the caller's to free (partner_list_finish); empty: none. */
static int find_one(struct portfolio *pf, const char *folded, const struct partner_pos *from,
		    int dir, bool inclusive, struct partner_list *row, struct ally_err *err)
{
	return store_partner_search(pf->store, query(pf), pf->today, folded, from, dir, inclusive,
				    row, err);
}

/* Search for needle from `from` (at or after it when inclusive), wrapping
 * once at the end.  *found_row is filled when a match is. */
static int search_from(struct portfolio *pf, const char *needle, const struct partner_pos *from,
		       int dir, bool inclusive, struct partner_list *found_row, bool *wrapped,
		       struct ally_err *err)
{
	char *folded = text_fold(needle);
	bool have = from != NULL && from->sort_key != NULL;
	int rc;

	*wrapped = false;
	rc = find_one(pf, folded, have ? from : NULL, dir, inclusive && have, found_row, err);
	if (rc == ALLY_OK && found_row->n == 0 && have) {
		*wrapped = true;
		rc = find_one(pf, folded, NULL, dir, false, found_row, err);
	}
	free(folded);
	return rc;
}

static void set_fold(struct portfolio *pf, const char *text)
{
	free(pf->pattern_fold);
	pf->pattern_fold = text != NULL && text[0] != '\0' ? text_fold(text) : NULL;
}

void portfolio_search_begin(struct portfolio *pf)
{
	const struct partner_row *sel = portfolio_selected(pf);

	pf->searching = true;
	ui_line_set(&pf->line, "");
	partner_pos_finish(&pf->search_pos);
	pf->search_from = sel != NULL ? sel->p.id : 0;
	if (sel != NULL)
		partner_pos_copy(&pf->search_pos, &sel->pos);
	pf->search_failed = false;
	set_fold(pf, NULL);
}

/* Back to the partner selected when '/' was pressed. */
static int search_return(struct portfolio *pf, struct ally_err *err)
{
	const struct partner_row *sel = portfolio_selected(pf);

	if (pf->search_from == 0 || (sel != NULL && sel->p.id == pf->search_from))
		return ALLY_OK;
	/* Still in the window: the screen stays where it was when it shows it. */
	for (size_t i = 0; i < pf->win.n; i++) {
		if (pf->win.rows[i].p.id == pf->search_from) {
			jump_in_window(pf, i);
			win_trim(pf);
			return ensure_after(pf, pf->nav.top + pf->nav.height, err);
		}
	}
	return reload(pf, pf->search_from, pf->nav.height / 2, err);
}

static int search_close(struct portfolio *pf, bool keep, struct ally_err *err)
{
	const char *text = ui_line_text(&pf->line);

	pf->searching = false;
	pf->search_failed = false;
	if (keep && text[0] != '\0') {
		str_set(&pf->pattern, text);
		set_fold(pf, pf->pattern);
		return ALLY_OK;
	}
	set_fold(pf, pf->pattern);
	return search_return(pf, err);
}

/* Incremental: select the first match of what is typed so far. */
static int search_update(struct portfolio *pf, struct ally_err *err)
{
	const char *text = ui_line_text(&pf->line);
	struct partner_list row = { NULL, 0 };
	bool wrapped;
	int rc;

	set_fold(pf, text);
	if (text[0] == '\0') {
		pf->search_failed = false;
		return search_return(pf, err);
	}
	rc = search_from(pf, text, &pf->search_pos, 1, true, &row, &wrapped, err);
	if (rc == ALLY_OK) {
		pf->search_failed = row.n == 0;
		rc = row.n > 0 ? jump_to(pf, &row.rows[0], err) : search_return(pf, err);
	}
	partner_list_finish(&row);
	return rc;
}

int portfolio_search_key(struct portfolio *pf, int key, struct ally_err *err)
{
	if (!pf->searching)
		return ALLY_OK;
	if (key == UK_ENTER)
		return search_close(pf, !pf->search_failed, err);
	if (key == UK_ESC || ((key == UK_BACKSPACE || key == UK_CTRL('h')) && pf->line.len == 0))
		return search_close(pf, false, err);
	if (ui_line_key(&pf->line, key))
		return search_update(pf, err);
	return ALLY_OK;
}

enum pf_find portfolio_search_next(struct portfolio *pf, int dir, struct ally_err *err)
{
	const struct partner_row *sel = portfolio_selected(pf);
	struct partner_list row = { NULL, 0 };
	enum pf_find r;
	bool wrapped;

	if (pf->pattern == NULL)
		return PF_NO_PATTERN;
	if (search_from(pf, pf->pattern, sel != NULL ? &sel->pos : NULL, dir, false, &row,
			&wrapped, err) != ALLY_OK)
		return PF_FAILED;
	if (row.n == 0) {
		r = PF_NOT_FOUND;
	} else if (jump_to(pf, &row.rows[0], err) != ALLY_OK) {
		r = PF_FAILED;
	} else {
		r = wrapped ? PF_WRAPPED : PF_FOUND;
	}
	partner_list_finish(&row);
	return r;
}

bool portfolio_row_matches(const struct portfolio *pf, size_t i)
{
	const struct partner_row *r = portfolio_row(pf, i);
	char *folded;
	bool found;

	if (r == NULL || pf->pattern_fold == NULL)
		return false;
	folded = text_fold(r->p.name);
	found = strstr(folded, pf->pattern_fold) != NULL;
	free(folded);
	return found;
}

/* ---- filter ---- */

bool portfolio_filtered(const struct portfolio *pf)
{
	const struct partner_filter *f = &pf->filter;

	return f->phase >= 0 || f->type >= 0 || f->tier != -2 || f->owner != NULL ||
	       f->flagged_only;
}

bool portfolio_clear(struct portfolio *pf)
{
	bool was = portfolio_filtered(pf);

	free(pf->pattern);
	pf->pattern = NULL;
	set_fold(pf, NULL);
	pf->searching = false;
	pf->search_failed = false;
	free(pf->owner);
	pf->owner = NULL;
	partner_filter_init(&pf->filter);
	return was;
}

void portfolio_filter_phase(struct portfolio *pf, int phase)
{
	pf->filter.phase = phase >= 0 && phase < PHASE_COUNT ? phase : -1;
}

void portfolio_filter_type(struct portfolio *pf, int type)
{
	pf->filter.type = type >= 0 && type < PTYPE_COUNT ? type : -1;
}

void portfolio_filter_tier(struct portfolio *pf, int tier)
{
	pf->filter.tier = tier >= TIER_NONE && tier <= TIER_3 ? tier : -2;
}

void portfolio_filter_owner(struct portfolio *pf, const char *owner)
{
	str_set(&pf->owner, owner);
	pf->filter.owner = pf->owner;
}

void portfolio_filter_flagged(struct portfolio *pf, bool on)
{
	pf->filter.flagged_only = on;
}

char *portfolio_filter_text(const struct portfolio *pf)
{
	const struct partner_filter *f = &pf->filter;
	const char *sep = "";
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	if (f->phase >= 0) {
		buf_printf(&b, "phase=%s", phase_names[f->phase]);
		sep = ", ";
	}
	if (f->type >= 0) {
		buf_printf(&b, "%stype=%s", sep, partner_type_names[f->type]);
		sep = ", ";
	}
	if (f->tier != -2) {
		buf_printf(&b, "%stier=%s", sep,
			   f->tier == TIER_NONE ? "none" : tier_name((enum tier)f->tier));
		sep = ", ";
	}
	if (f->owner != NULL) {
		buf_printf(&b, "%sowner=%s", sep, f->owner);
		sep = ", ";
	}
	if (f->flagged_only)
		buf_printf(&b, "%sflagged", sep);
	return buf_take(&b);
}

/* "3 of 12 partners", "1000+ of 100000 partners", or "12 partners". */
static void header_count(const struct portfolio *pf, struct buf *b)
{
	if (portfolio_filtered(pf))
		buf_printf(b, "%" PRId64 "%s of %" PRId64 " partner%s", pf->listed,
			   pf->listed_more ? "+" : "", pf->total, pf->total == 1 ? "" : "s");
	else
		buf_printf(b, "%" PRId64 " partner%s", pf->total, pf->total == 1 ? "" : "s");
}

char *portfolio_header(const struct portfolio *pf, bool ascii)
{
	const char *dot = ascii ? " | " : " \xc2\xb7 ";
	const char *dir = portfolio_sort_descending(pf) ? (ascii ? " desc" : " \xe2\x86\x93")
							  : (ascii ? " asc" : " \xe2\x86\x91");
	struct buf b;

	buf_init(&b);
	header_count(pf, &b);
	if (portfolio_filtered(pf)) {
		char *filter = portfolio_filter_text(pf);

		buf_printf(&b, "%sfilter: %s", dot, filter);
		free(filter);
	}
	buf_printf(&b, "%ssort: %s%s", dot, pf_sort_names[pf->sort], dir);
	if (pf->pattern != NULL && !pf->searching)
		buf_printf(&b, "%ssearch: %s", dot, pf->pattern);
	return buf_take(&b);
}

/* The filter in the short words of the table's columns: "steady tech T1
 * lchen flagged". */
#define PF_HEAD_OWNER_COLS 12
static void filter_short(const struct portfolio *pf, bool ascii, struct buf *b)
{
	const struct partner_filter *f = &pf->filter;
	const char *sep = "";

	if (f->phase >= 0) {
		buf_puts(b, pf_phase_abbrev(f->phase));
		sep = " ";
	}
	if (f->type >= 0) {
		buf_printf(b, "%s%s", sep, pf_type_abbrev(f->type));
		sep = " ";
	}
	if (f->tier != -2) {
		buf_printf(b, "%s%s", sep,
			   f->tier == TIER_NONE		? "unscored"
			   : f->tier == TIER_UNQUALIFIED ? "unqual"
			   : f->tier == TIER_1		? "T1"
			   : f->tier == TIER_2		? "T2"
							: "T3");
		sep = " ";
	}
	if (f->owner != NULL) {
		/* A long login name cut, so that what follows still shows. */
		char *shown = text_visible(f->owner, 0);
		char *cut = text_fit(shown, PF_HEAD_OWNER_COLS, 1, ascii);

		buf_printf(b, "%s%s", sep, cut);
		free(cut);
		free(shown);
		sep = " ";
	}
	if (f->flagged_only)
		buf_printf(b, "%sflagged", sep);
}

/* What is between the count and the sort: the filter and the last
 * search, in words ("filter: phase=launch, flagged · search: acme") or
 * short ("filter: launch flagged · /acme"); "" when neither is set.
 * Sanitised (owners come from the database, the search is typed), so
 * that its width is what the screen shows. */
static char *header_middle(const struct portfolio *pf, bool ascii, bool brief)
{
	const char *dot = ascii ? " | " : " \xc2\xb7 ", *sep = "";
	struct buf b;
	char *out;

	buf_init(&b);
	buf_puts(&b, "");
	if (portfolio_filtered(pf)) {
		char *filter;

		buf_puts(&b, "filter: ");
		if (brief) {
			filter_short(pf, ascii, &b);
		} else {
			filter = portfolio_filter_text(pf);
			buf_puts(&b, filter);
			free(filter);
		}
		sep = dot;
	}
	if (pf->pattern != NULL && !pf->searching)
		buf_printf(&b, "%s%s%s", sep, brief ? "/" : "search: ", pf->pattern);
	out = text_visible(b.data, 0);
	buf_finish(&b);
	return out;
}

/* "sort: name ↑  41/300": the sort, then where the selection is among
 * the rows listed ("41/1000+" past a capped count, "?/300" while its
 * place is not known); the sort alone with no rows. */
static char *position_text(const struct portfolio *pf, const char *sort)
{
	int64_t at = portfolio_position(pf);
	char here[24];

	if (pf->win.n == 0)
		return xstrdup(sort);
	if (at >= 0)
		snprintf(here, sizeof here, "%" PRId64, at + 1);
	else
		snprintf(here, sizeof here, "?");
	return xasprintf("%s  %s/%" PRId64 "%s", sort, here,
			 pf->listed_more && at + 1 > pf->listed ? at + 1 : pf->listed,
			 pf->listed_more ? "+" : "");
}

char *portfolio_header_fit(const struct portfolio *pf, bool ascii, size_t cols)
{
	const char *dot = ascii ? " | " : " \xc2\xb7 ";
	const char *dir = portfolio_sort_descending(pf) ? (ascii ? " desc" : " \xe2\x86\x93")
							  : (ascii ? " asc" : " \xe2\x86\x91");
	char *sort = xasprintf("sort: %s%s", pf_sort_names[pf->sort], dir);
	char *right = position_text(pf, sort);
	char *out, *mid = NULL;
	size_t sw = text_width(right), lw, room;
	struct buf b;

	buf_init(&b);
	header_count(pf, &b);
	lw = text_width(b.data);
	/* Less than the count, two blanks, the sort and the position: the
	 * line as a whole, cut (only below the smallest screen). */
	if (lw + 2 + sw > cols) {
		char *full = portfolio_header(pf, ascii);

		out = text_fit(full, cols, 1, ascii);
		free(full);
		goto out;
	}
	room = cols - lw - 2 - sw;
	for (int brief = 0; brief < 2 && mid == NULL; brief++) {
		char *m = header_middle(pf, ascii, brief);

		if (m[0] == '\0' || text_width(dot) + text_width(m) <= room || brief)
			mid = m;
		else
			free(m);
	}
	if (mid[0] != '\0' && room > text_width(dot)) {
		/* Even the short words too long (a long owner or search):
		 * cut, but the count and the sort stay whole. */
		char *cut = text_fit(mid, room - text_width(dot), 1, ascii);

		buf_printf(&b, "%s%s", dot, cut);
		free(cut);
	}
	free(mid);
	for (size_t w = text_width(b.data); w + sw < cols; w++)
		buf_putc(&b, ' ');
	buf_puts(&b, right);
	out = buf_take(&b);
out:
	buf_finish(&b);
	free(right);
	free(sort);
	return out;
}


int portfolio_load_owners(struct portfolio *pf, struct ally_err *err)
{
	struct owner_list l = { NULL, 0 };
	int rc = store_partner_owners(pf->store, &l, err);

	if (rc != ALLY_OK)
		return rc;
	owner_list_finish(&pf->owners);
	pf->owners = l;
	return ALLY_OK;
}

/* ---- cells ---- */

const char *pf_type_abbrev(int type)
{
	static const char *const abbrev[PTYPE_COUNT] = { "strat", "chan", "tech",
							 "comkt", "ref",  "jv" };

	return type >= 0 && type < PTYPE_COUNT ? abbrev[type] : "";
}

const char *pf_phase_abbrev(int phase)
{
	static const char *const abbrev[PHASE_COUNT] = { "prosp", "propo", "negot",
							 "launch", "ramp", "steady",
							 "renew", "expand", "exit" };

	return phase >= 0 && phase < PHASE_COUNT ? abbrev[phase] : "";
}

const char *pf_health_letter(int health)
{
	static const char *const letter[HEALTH_COUNT] = { "G", "A", "R" };

	return health >= 0 && health < HEALTH_COUNT ? letter[health] : "-";
}

char *pf_next_text(ally_date next, ally_date today, bool year, char out[PF_NEXT_BUFSZ])
{
	char date[DATE_BUFSZ];
	int64_t days;
	int y, m, d;

	if (next == DATE_NONE) {
		out[0] = '\0';
		return out;
	}
	days = (int64_t)next - today;
	date_to_ymd(next, &y, &m, &d);
	if (!year && (days <= -PF_NEXT_NEAR_DAYS || days >= PF_NEXT_NEAR_DAYS)) {
		/* "11-28 +371d" would read as "11-28 +6d" at a glance: the year,
		 * and no room left for the days. */
		date_format(next, out);
		return out;
	}
	if (year)
		date_format(next, date);
	else
		snprintf(date, sizeof date, "%02d-%02d", m, d);
	if (days == 0)
		snprintf(out, PF_NEXT_BUFSZ, "%s today", date);
	else
		snprintf(out, PF_NEXT_BUFSZ, "%s %+" PRId64 "d", date, days);
	return out;
}

/* Columns of "+N" for n left out. */
static size_t more_width(size_t n)
{
	char tmp[24];

	return (size_t)snprintf(tmp, sizeof tmp, "+%zu", n);
}

char *pf_flags_text(unsigned flags, size_t width)
{
	const char *markers[FLAG_COUNT] = { NULL }; /* the first n are used */
	size_t n = 0, keep, used = 0;
	struct buf b;

	for (int i = 0; i < FLAG_COUNT; i++)
		if (flags & (1u << i))
			markers[n++] = flag_marker((enum partner_flag)(1u << i));
	/* Keep whole markers while they, and the "+N" for the rest, fit. */
	for (keep = 0; keep < n; keep++) {
		size_t w = used + (keep > 0 ? 1 : 0) + strlen(markers[keep]);
		size_t rest = n - keep - 1;

		if (w + (rest > 0 ? 1 + more_width(rest) : 0) > width)
			break;
		used = w;
	}
	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < keep; i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "", markers[i]);
	if (keep < n && used + (keep > 0 ? 1 : 0) + more_width(n - keep) <= width)
		buf_printf(&b, "%s+%zu", keep > 0 ? " " : "", n - keep);
	return buf_take(&b);
}

/* The fixed columns at every width (one blank after each). */
#define COL_TYPE 5
#define COL_TIER 1
#define COL_SCORE 5
#define COL_PHASE 6
#define COL_HEALTH 1
#define COL_OWNER 8
#define COL_OWNER_GROW 6  /* at most, past 80 columns */
#define COL_NEXT 12       /* "12-27 +35d", "09-18 +299d", "2027-11-28" */
#define COL_NEXT_YEAR 17  /* "2026-12-27 +35d", from PF_YEAR_COLS on */
#define COL_NAME_MIN 21   /* at 80 columns */
#define COL_FLAGS_MIN 13  /* "RENEW NOTICE" */
#define COL_FLAGS_MAX 62  /* every marker, blanks between */

void pf_columns(int cols, struct pf_columns *out)
{
	int rest, extra;

	out->type = COL_TYPE;
	out->tier = COL_TIER;
	out->score = COL_SCORE;
	out->phase = COL_PHASE;
	out->health = COL_HEALTH;
	out->owner = COL_OWNER;
	out->year = cols >= PF_YEAR_COLS;
	out->next = out->year ? COL_NEXT_YEAR : COL_NEXT;
	/* What is left for the name and the flags (8 blanks between the 9
	 * columns): 34 at 80 columns. */
	rest = cols - 8 - (out->type + out->tier + out->score + out->phase + out->health +
			   out->owner + out->next);
	if (rest < COL_NAME_MIN + COL_FLAGS_MIN) {
		/* Only reached below the minimum screen: the name gives way
		 * down to 8 columns, then the flags. */
		out->flags = rest - 8 < COL_FLAGS_MIN ? rest - 8 : COL_FLAGS_MIN;
		if (out->flags < 0)
			out->flags = 0;
		out->name = rest - out->flags > 1 ? rest - out->flags : 1;
		return;
	}
	extra = rest - COL_NAME_MIN - COL_FLAGS_MIN;
	/* Login names are short: a little more shows most of them whole. */
	out->owner += extra / 4 < COL_OWNER_GROW ? extra / 4 : COL_OWNER_GROW;
	extra -= out->owner - COL_OWNER;
	out->flags = COL_FLAGS_MIN + extra / 2;
	if (out->flags > COL_FLAGS_MAX)
		out->flags = COL_FLAGS_MAX;
	out->name = rest - (out->owner - COL_OWNER) - out->flags;
}
