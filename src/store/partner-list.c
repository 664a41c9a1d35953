/* partner-list.c: what the flags of listed partners need, and the whole
 * list as a walk of windows (partner-window.c reads them).
 *
 * The facts of a window's rows come from one query per kind of fact over
 * those partners only (their ids as a JSON array), never one query per
 * partner; the flags and the next action come from the core. */
#include "store-private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

/* Facts of the partners whose ids are in the JSON array ?1, looked up by
 * partner_id; ?2 is today. */
#define FACTS_IDS "partner_id IN (SELECT value FROM json_each(?1)) "
static const char SQL_FACTS_CONTRACTS[] =
	"SELECT partner_id, min(end_date), min(CASE WHEN end_date >= ?2 THEN end_date END), "
	"       min(CASE WHEN notice_deadline >= ?2 THEN notice_deadline END), min(start_date) "
	"FROM contracts WHERE status = 'active' AND " FACTS_IDS "GROUP BY partner_id";
/* The last qbr and the last steering review: what can count for the
 * cadence (review_counting picks by tier). */
static const char SQL_FACTS_REVIEWS[] =
	"SELECT partner_id, max(CASE WHEN kind = 'qbr' THEN date END), "
	"  max(CASE WHEN kind = 'steering' THEN date END) "
	"FROM reviews WHERE " FACTS_IDS "GROUP BY partner_id";
static const char SQL_FACTS_SPONSORS[] =
	"SELECT DISTINCT partner_id FROM contacts WHERE exec_sponsor = 1 AND " FACTS_IDS;
static const char SQL_FACTS_FIGURES[] =
	"SELECT partner_id, quarter, metric, target, actual FROM key_figures WHERE " FACTS_IDS
	"ORDER BY partner_id, quarter";

/* The rows of a window are read a window at a time in store_partner_list
 * and store_partner_each. */
#define LIST_WINDOW 500

void partner_filter_init(struct partner_filter *f)
{
	memset(f, 0, sizeof *f);
	f->phase = -1;
	f->type = -1;
	f->tier = -2;
	f->sort = PSORT_NAME;
}

/* The rows being given facts, looked up by partner id: rows[order[i]]
 * is the i-th lowest id. */
struct facts_index {
	struct partner_row *rows;
	size_t *order;
	size_t n;
};

static struct partner_facts *facts_of(const struct facts_index *x, int64_t id)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t at = x->rows[x->order[mid]].p.id;

		if (at == id)
			return &x->rows[x->order[mid]].facts;
		if (at < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* One kind of fact: its query, and what a row of it fills. */
struct facts_kind {
	const char *sql;
	void (*fill)(sqlite3_stmt *st, struct partner_facts *f);
};

static void facts_init(struct partner_facts *f, const struct partner *p)
{
	memset(f, 0, sizeof *f);
	f->phase = p->phase;
	f->tier = score_tier(p->score_w);
	f->status_date = p->status_date;
	f->scored_on = p->score_date;
	f->first_active_start = f->last_qbr = f->last_steering = DATE_NONE;
	f->min_end = f->min_end_ahead = f->min_notice = DATE_NONE;
}

static int facts_prepare(struct store *s, const char *sql, const char *ids, ally_date today,
			 sqlite3_stmt **st, struct ally_err *err)
{
	int rc = store_prepare(s, sql, st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_text(*st, 1, ids);
	if (sqlite3_bind_parameter_count(*st) >= 2)
		bind_date(*st, 2, today);
	return ALLY_OK;
}

/* One query of facts: each row's first column is a partner id, and
 * kind->fill copies the rest into that partner's facts. */
static int facts_query(struct store *s, const struct facts_kind *kind, const struct facts_index *x,
		       const char *ids, ally_date today, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = facts_prepare(s, kind->sql, ids, today, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	while ((r = store_step(s, st, err)) == 1) {
		struct partner_facts *f = facts_of(x, col_int(st, 0));

		if (f != NULL)
			kind->fill(st, f);
	}
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

static void fill_contracts(sqlite3_stmt *st, struct partner_facts *f)
{
	f->min_end = col_date(st, 1);
	f->min_end_ahead = col_date(st, 2);
	f->min_notice = col_date(st, 3);
	f->first_active_start = col_date(st, 4);
}

static void fill_reviews(sqlite3_stmt *st, struct partner_facts *f)
{
	f->last_qbr = col_date(st, 1);
	f->last_steering = col_date(st, 2);
}

static void fill_sponsors(sqlite3_stmt *st, struct partner_facts *f)
{
	(void)st;
	f->has_sponsor = true;
}

static const struct facts_kind facts_kinds[] = {
	{ SQL_FACTS_CONTRACTS, fill_contracts },
	{ SQL_FACTS_REVIEWS, fill_reviews },
	{ SQL_FACTS_SPONSORS, fill_sponsors },
};

/* Judge one partner's quarters (oldest first) with the core, which counts
 * back from the last completed quarter, the one before today's. */
static void figures_judge(const struct facts_index *x, int64_t id, const struct quarter_figures *q,
			  size_t nq, int current_quarter)
{
	struct partner_facts *f = facts_of(x, id);

	if (f == NULL || nq == 0)
		return;
	f->expansion_candidate = figures_expansion_candidate(q, nq, current_quarter);
	f->exit_watch = figures_exit_watch(q, nq, current_quarter);
}

static int facts_figures(struct store *s, const struct facts_index *x, const char *ids,
			 ally_date today, struct ally_err *err)
{
	int current = quarter_of_date(today);
	struct quarter_figures *q = NULL;
	size_t nq = 0, cap = 0;
	int64_t cur = 0;
	sqlite3_stmt *st;
	int rc = facts_prepare(s, SQL_FACTS_FIGURES, ids, today, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	while ((r = store_step(s, st, err)) == 1) {
		int64_t id = col_int(st, 0);
		int quarter = (int)col_int(st, 1);
		int m = col_enum(st, 2, metric_names);

		if (id != cur) {
			figures_judge(x, cur, q, nq, current);
			cur = id;
			nq = 0;
		}
		if (nq == 0 || q[nq - 1].quarter != quarter) {
			q = store_grow(q, nq, &cap, sizeof *q);
			quarter_figures_init(&q[nq++], quarter);
		}
		if (m >= 0) {
			q[nq - 1].target[m] = col_opt_int(st, 3);
			q[nq - 1].actual[m] = col_opt_int(st, 4);
		}
	}
	store_release(st);
	if (r >= 0)
		figures_judge(x, cur, q, nq, current);
	free(q);
	return r < 0 ? -r : ALLY_OK;
}

/* The ids of rows as a JSON array, "[3,5,8]"; the caller frees. */
static char *ids_json(const struct partner_row *rows, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%" PRId64, i > 0 ? "," : "", rows[i].p.id);
	buf_putc(&b, ']');
	return buf_take(&b);
}

/* qsort has no context: the rows being ordered by id, through a pointer
 * each index item carries. */
struct id_item {
	int64_t id;
	size_t index;
};

static int cmp_item(const void *a, const void *b)
{
	const struct id_item *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static size_t *order_by_id(const struct partner_row *rows, size_t n)
{
	struct id_item *items = xcalloc(n + 1, sizeof *items);
	size_t *order = xcalloc(n + 1, sizeof *order);

	for (size_t i = 0; i < n; i++)
		items[i] = (struct id_item){ rows[i].p.id, i };
	qsort(items, n, sizeof *items, cmp_item);
	for (size_t i = 0; i < n; i++)
		order[i] = items[i].index;
	free(items);
	return order;
}

int partner_rows_facts(struct store *s, struct partner_row *rows, size_t n, ally_date today,
		       struct ally_err *err)
{
	struct facts_index x = { rows, NULL, n };
	char *ids;
	int rc = ALLY_OK;

	if (n == 0)
		return ALLY_OK;
	x.order = order_by_id(rows, n);
	ids = ids_json(rows, n);
	for (size_t i = 0; i < n; i++)
		facts_init(&rows[i].facts, &rows[i].p);
	for (size_t k = 0; rc == ALLY_OK && k < sizeof facts_kinds / sizeof facts_kinds[0]; k++)
		rc = facts_query(s, &facts_kinds[k], &x, ids, today, err);
	if (rc == ALLY_OK)
		rc = facts_figures(s, &x, ids, today, err);
	for (size_t i = 0; rc == ALLY_OK && i < n; i++) {
		rows[i].flags = partner_flags(&rows[i].facts, today);
		rows[i].next_action = partner_next_action(&rows[i].facts);
	}
	free(ids);
	free(x.order);
	return rc;
}

static void row_free(struct partner_row *r)
{
	partner_finish(&r->p);
	partner_pos_finish(&r->pos);
}

void partner_list_finish(struct partner_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		row_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

/* Walk f's order a window at a time (one read transaction around all of
 * them, so the walk sees one state), handing each row to fn. */
int store_partner_each(struct store *s, const struct partner_filter *f, ally_date today,
		       int (*fn)(void *ctx, const struct partner_row *row, struct ally_err *err),
		       void *ctx, struct ally_err *err)
{
	struct partner_pos at = { 0, false, NULL, 0 };
	bool own, more = true, started = false;
	int rc;

	if ((rc = rtx_begin(s, &own, err)) != ALLY_OK)
		return rc;
	while (rc == ALLY_OK && more) {
		struct partner_list page;

		rc = store_partner_page(s, f, today, started ? &at : NULL, 1, LIST_WINDOW, &page,
					err);
		more = page.n == LIST_WINDOW;
		for (size_t i = 0; rc == ALLY_OK && i < page.n; i++)
			rc = fn(ctx, &page.rows[i], err);
		if (page.n > 0) {
			partner_pos_finish(&at);
			partner_pos_copy(&at, &page.rows[page.n - 1].pos);
			started = true;
		}
		partner_list_finish(&page);
	}
	partner_pos_finish(&at);
	rtx_end(s, own);
	return rc;
}

/* store_partner_list collects what store_partner_each visits. */
static int collect(void *ctx, const struct partner_row *row, struct ally_err *err)
{
	struct partner_list *l = ctx;
	struct partner_row *r;
	size_t cap = l->n;

	(void)err;
	l->rows = store_grow(l->rows, l->n, &cap, sizeof *l->rows);
	r = &l->rows[l->n++];
	*r = *row;
	partner_copy(&r->p, &row->p);
	partner_pos_copy(&r->pos, &row->pos);
	return ALLY_OK;
}

int store_partner_list(struct store *s, const struct partner_filter *f, ally_date today,
		       struct partner_list *out, struct ally_err *err)
{
	int rc;

	out->rows = NULL;
	out->n = 0;
	rc = store_partner_each(s, f, today, collect, out, err);
	if (rc != ALLY_OK)
		partner_list_finish(out);
	return rc;
}

int store_partner_facts_of(struct store *s, const struct partner *p, ally_date today,
			   struct partner_facts *out, struct ally_err *err)
{
	struct partner_row row;
	int rc;

	memset(&row, 0, sizeof row);
	row.p = *p; /* borrowed: partner_rows_facts reads it, and nothing frees it here */
	rc = partner_rows_facts(s, &row, 1, today, err);
	if (rc == ALLY_OK)
		*out = row.facts;
	return rc;
}

int store_partner_facts(struct store *s, int64_t partner_id, ally_date today,
			struct partner_facts *out, struct ally_err *err)
{
	struct partner p;
	bool own;
	int rc;

	if ((rc = rtx_begin(s, &own, err)) != ALLY_OK)
		return rc;
	if ((rc = store_partner_get(s, partner_id, &p, err)) == ALLY_OK) {
		rc = store_partner_facts_of(s, &p, today, out, err);
		partner_finish(&p);
	}
	rtx_end(s, own);
	return rc;
}
