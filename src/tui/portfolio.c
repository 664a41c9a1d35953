/* portfolio.c: the Portfolio view's state (include/ally/ui-portfolio.h):
 * rows as the store lists them, put in order in memory, a cursor over
 * them, the incremental search and the filter the next load applies. */
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

struct portfolio *portfolio_new(void)
{
	struct portfolio *pf = xcalloc(1, sizeof *pf);

	listnav_init(&pf->nav);
	partner_filter_init(&pf->filter);
	ui_line_init(&pf->line);
	return pf;
}

static void free_rows(struct portfolio *pf)
{
	for (size_t i = 0; i < pf->list.n; i++) {
		free(pf->keys[i]);
		free(pf->folds[i]);
	}
	free(pf->keys);
	free(pf->folds);
	free(pf->order);
	partner_list_finish(&pf->list);
	pf->keys = NULL;
	pf->folds = NULL;
	pf->order = NULL;
}

void portfolio_free(struct portfolio *pf)
{
	if (pf == NULL)
		return;
	free_rows(pf);
	owner_list_finish(&pf->owners);
	free(pf->owner);
	free(pf->pattern);
	ui_line_finish(&pf->line);
	free(pf);
}

/* ---- rows and the cursor ---- */

size_t portfolio_count(const struct portfolio *pf)
{
	return pf->list.n;
}

const struct partner_row *portfolio_row(const struct portfolio *pf, size_t i)
{
	return i < pf->list.n ? &pf->list.rows[pf->order[i]] : NULL;
}

const struct partner_row *portfolio_selected(const struct portfolio *pf)
{
	return portfolio_row(pf, pf->nav.cur);
}

static size_t find_id(const struct portfolio *pf, int64_t id)
{
	for (size_t i = 0; i < pf->list.n; i++)
		if (portfolio_row(pf, i)->p.id == id)
			return i;
	return SIZE_MAX;
}

/* Select row i keeping it offset rows below the top of the screen, so a
 * reload or a new order does not make the list jump under the reader. */
static void select_at(struct portfolio *pf, size_t i, size_t offset)
{
	struct listnav *l = &pf->nav;

	l->cur = i;
	l->top = i >= offset ? i - offset : 0;
	listnav_set_height(l, l->height); /* restores the invariants */
}

/* Select row i; when it is off the screen, scroll it to the middle, as
 * vim does for a search, so the rows around a match show too. */
static void jump_to(struct portfolio *pf, size_t i)
{
	struct listnav *l = &pf->nav;

	if (i >= l->top && i < l->top + l->height)
		listnav_go(l, i);
	else
		select_at(pf, i, l->height / 2);
}

bool portfolio_select_id(struct portfolio *pf, int64_t id)
{
	size_t i = find_id(pf, id);

	if (i == SIZE_MAX)
		return false;
	listnav_go(&pf->nav, i);
	return true;
}

/* ---- order ---- */

/* A display row being sorted: its partner row and name key. */
struct sort_item {
	const struct partner_row *row;
	const char *key;
	size_t index; /* into list.rows */
};

static int cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int cmp_name(const struct sort_item *x, const struct sort_item *y)
{
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : cmp_int(x->row->p.id, y->row->p.id);
}

/* The primary key of an order, ascending, with missing values reported
 * through *missing so that they can stay last in both directions. */
static int64_t sort_value(const struct partner_row *r, enum pf_sort sort, bool *missing)
{
	*missing = false;
	switch (sort) {
	case PF_SORT_SCORE:
		*missing = r->p.score_w < 0;
		return r->p.score_w;
	case PF_SORT_PHASE:
		return r->p.phase;
	case PF_SORT_NEXT:
		*missing = r->next_action == DATE_NONE;
		return r->next_action;
	default:
		return 0;
	}
}

/* qsort has no context argument, and the state has no globals: each item
 * carries the order it is sorted by. */
struct sort_run {
	struct sort_item item;
	enum pf_sort sort;
	bool desc;
};

static int cmp_run(const void *a, const void *b)
{
	const struct sort_run *x = a, *y = b;
	bool mx, my;
	int64_t vx = sort_value(x->item.row, x->sort, &mx);
	int64_t vy = sort_value(y->item.row, y->sort, &my);

	if (mx != my)
		return mx ? 1 : -1;
	if (!mx && vx != vy)
		return x->desc ? cmp_int(vy, vx) : cmp_int(vx, vy);
	if (x->sort == PF_SORT_NAME && x->desc)
		return cmp_name(&y->item, &x->item);
	return cmp_name(&x->item, &y->item);
}

bool portfolio_sort_descending(const struct portfolio *pf)
{
	return sort_natural_desc[pf->sort] != pf->reversed;
}

/* Put the rows in the current order; the caller restores the selection. */
static void sort_rows(struct portfolio *pf)
{
	size_t n = pf->list.n;
	struct sort_run *runs;

	if (n == 0)
		return;
	runs = xcalloc(n, sizeof *runs);
	for (size_t i = 0; i < n; i++) {
		runs[i].item.row = &pf->list.rows[i];
		runs[i].item.key = pf->keys[i];
		runs[i].item.index = i;
		runs[i].sort = pf->sort;
		runs[i].desc = portfolio_sort_descending(pf);
	}
	qsort(runs, n, sizeof *runs, cmp_run);
	for (size_t i = 0; i < n; i++)
		pf->order[i] = runs[i].item.index;
	free(runs);
}

/* Sort again, keeping the selected partner selected at the same height
 * on the screen (g shows the new top). */
static void resort(struct portfolio *pf)
{
	const struct partner_row *sel = portfolio_selected(pf);
	int64_t id = sel != NULL ? sel->p.id : 0;
	size_t offset = pf->nav.cur - pf->nav.top, i;

	sort_rows(pf);
	i = find_id(pf, id);
	if (i != SIZE_MAX)
		select_at(pf, i, offset);
}

void portfolio_sort_next(struct portfolio *pf)
{
	pf->sort = (enum pf_sort)((pf->sort + 1) % PF_SORT_COUNT);
	pf->reversed = false;
	resort(pf);
}

void portfolio_sort_reverse(struct portfolio *pf)
{
	pf->reversed = !pf->reversed;
	resort(pf);
}

/* ---- loading ---- */

void portfolio_set_rows(struct portfolio *pf, struct partner_list *list, int64_t total,
			struct owner_list *owners)
{
	const struct partner_row *sel = portfolio_selected(pf);
	int64_t id = pf->want_id != 0 ? pf->want_id : sel != NULL ? sel->p.id : 0;
	size_t cur = pf->nav.cur, offset = pf->nav.cur - pf->nav.top, i;

	free_rows(pf);
	pf->list = *list;
	list->rows = NULL;
	list->n = 0;
	pf->total = total;
	if (owners != NULL) {
		owner_list_finish(&pf->owners);
		pf->owners = *owners;
		owners->rows = NULL;
		owners->n = 0;
	}
	pf->keys = xcalloc(pf->list.n + 1, sizeof *pf->keys);
	pf->folds = xcalloc(pf->list.n + 1, sizeof *pf->folds);
	pf->order = xcalloc(pf->list.n + 1, sizeof *pf->order);
	for (i = 0; i < pf->list.n; i++) {
		pf->keys[i] = text_sort_key(pf->list.rows[i].p.name);
		pf->folds[i] = text_fold(pf->list.rows[i].p.name);
		pf->order[i] = i;
	}
	sort_rows(pf);
	listnav_set_count(&pf->nav, pf->list.n);
	i = find_id(pf, id);
	if (i != SIZE_MAX) {
		select_at(pf, i, offset);
		pf->want_id = 0;
	} else if (pf->list.n > 0) {
		/* The partner went (deleted, or out of the filter): stay at its row. */
		select_at(pf, cur < pf->list.n ? cur : pf->list.n - 1, offset);
	}
	if (pf->search_from >= pf->list.n)
		pf->search_from = pf->list.n > 0 ? pf->list.n - 1 : 0;
}

int portfolio_load(struct portfolio *pf, struct store *s, ally_date today, struct ally_err *err)
{
	struct partner_list list = { NULL, 0 };
	struct owner_list owners = { NULL, 0 };
	int64_t total = 0;
	int rc;

	/* One snapshot for the three reads, so the count agrees with the rows. */
	rc = store_begin_read(s, err);
	if (rc == ALLY_OK)
		rc = store_partner_list(s, &pf->filter, today, &list, err);
	if (rc == ALLY_OK)
		rc = store_partner_count(s, &total, err);
	if (rc == ALLY_OK)
		rc = store_partner_owners(s, &owners, err);
	store_rollback(s);
	if (rc != ALLY_OK) {
		partner_list_finish(&list);
		owner_list_finish(&owners);
		return rc;
	}
	portfolio_set_rows(pf, &list, total, &owners);
	return ALLY_OK;
}

/* ---- search ---- */

/* Does the name of row i contain folded, a needle already folded?  As
 * ui_match, on the names folded once at load: a keystroke that reads
 * every name allocates nothing per row. */
static bool row_has(const struct portfolio *pf, size_t i, const char *folded)
{
	return strstr(pf->folds[pf->order[i]], folded) != NULL;
}

/* The first row from start on (dir 1) or back (dir -1) whose name
 * contains needle, start itself first when with_start, else last (so a
 * lone match is found again); wraps around.  SIZE_MAX when none.
 * *wrapped tells whether the search passed an end of the list. */
static size_t find_match(const struct portfolio *pf, const char *needle, size_t start, int dir,
			 bool with_start, bool *wrapped)
{
	size_t n = pf->list.n, first = with_start ? 0 : 1, found = SIZE_MAX;
	char *folded;

	*wrapped = false;
	if (n == 0 || needle == NULL || needle[0] == '\0')
		return SIZE_MAX;
	if (start >= n)
		start = n - 1;
	folded = text_fold(needle);
	for (size_t k = first; k < first + n; k++) {
		size_t step = k % n;
		size_t i = dir > 0 ? (start + step) % n : (start + n - step) % n;

		if (row_has(pf, i, folded)) {
			*wrapped = dir > 0 ? start + k >= n : k > start;
			found = i;
			break;
		}
	}
	free(folded);
	return found;
}

void portfolio_search_begin(struct portfolio *pf)
{
	pf->searching = true;
	ui_line_set(&pf->line, "");
	pf->search_from = pf->nav.cur;
	pf->search_failed = false;
}

static void search_close(struct portfolio *pf, bool keep)
{
	const char *text = ui_line_text(&pf->line);

	pf->searching = false;
	pf->search_failed = false;
	if (keep && text[0] != '\0') {
		str_set(&pf->pattern, text);
		return;
	}
	jump_to(pf, pf->search_from);
}

/* Incremental: select the first match of what is typed so far. */
static void search_update(struct portfolio *pf)
{
	const char *text = ui_line_text(&pf->line);
	bool wrapped;
	size_t i = find_match(pf, text, pf->search_from, 1, true, &wrapped);

	pf->search_failed = text[0] != '\0' && i == SIZE_MAX;
	jump_to(pf, i != SIZE_MAX ? i : pf->search_from);
}

void portfolio_search_key(struct portfolio *pf, int key)
{
	if (!pf->searching)
		return;
	if (key == UK_ENTER) {
		search_close(pf, !pf->search_failed);
		return;
	}
	if (key == UK_ESC || ((key == UK_BACKSPACE || key == UK_CTRL('h')) && pf->line.len == 0)) {
		search_close(pf, false);
		return;
	}
	if (ui_line_key(&pf->line, key))
		search_update(pf);
}

enum pf_find portfolio_search_next(struct portfolio *pf, int dir)
{
	bool wrapped;
	size_t i;

	if (pf->pattern == NULL)
		return PF_NO_PATTERN;
	i = find_match(pf, pf->pattern, pf->nav.cur, dir, false, &wrapped);
	if (i == SIZE_MAX)
		return PF_NOT_FOUND;
	jump_to(pf, i);
	return wrapped ? PF_WRAPPED : PF_FOUND;
}

bool portfolio_row_matches(const struct portfolio *pf, size_t i)
{
	const char *needle = pf->searching ? ui_line_text(&pf->line) : pf->pattern;
	char *folded;
	bool found;

	if (i >= pf->list.n || needle == NULL || needle[0] == '\0')
		return false;
	folded = text_fold(needle);
	found = row_has(pf, i, folded);
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

char *portfolio_header(const struct portfolio *pf, bool ascii)
{
	const char *dot = ascii ? " | " : " \xc2\xb7 ";
	const char *dir = portfolio_sort_descending(pf) ? (ascii ? " desc" : " \xe2\x86\x93")
							  : (ascii ? " asc" : " \xe2\x86\x91");
	size_t n = pf->list.n;
	struct buf b;

	buf_init(&b);
	if (portfolio_filtered(pf)) {
		char *filter = portfolio_filter_text(pf);

		buf_printf(&b, "%zu of %" PRId64 " partner%s%sfilter: %s", n, pf->total,
			   pf->total == 1 ? "" : "s", dot, filter);
		free(filter);
	} else {
		buf_printf(&b, "%zu partner%s", n, n == 1 ? "" : "s");
	}
	buf_printf(&b, "%ssort: %s%s", dot, pf_sort_names[pf->sort], dir);
	if (pf->pattern != NULL && !pf->searching)
		buf_printf(&b, "%ssearch: %s", dot, pf->pattern);
	return buf_take(&b);
}

/* "3 of 12 partners", or "12 partners" with no filter. */
static void header_count(const struct portfolio *pf, struct buf *b)
{
	size_t n = pf->list.n;

	if (portfolio_filtered(pf))
		buf_printf(b, "%zu of %" PRId64 " partner%s", n, pf->total,
			   pf->total == 1 ? "" : "s");
	else
		buf_printf(b, "%zu partner%s", n, n == 1 ? "" : "s");
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

char *portfolio_header_fit(const struct portfolio *pf, bool ascii, size_t cols)
{
	const char *dot = ascii ? " | " : " \xc2\xb7 ";
	const char *dir = portfolio_sort_descending(pf) ? (ascii ? " desc" : " \xe2\x86\x93")
							  : (ascii ? " asc" : " \xe2\x86\x91");
	char *sort = xasprintf("sort: %s%s", pf_sort_names[pf->sort], dir);
	char *right = pf->nav.n > 0 ? xasprintf("%s  %zu/%zu", sort, pf->nav.cur + 1, pf->nav.n)
				    : xstrdup(sort);
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
