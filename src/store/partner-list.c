/* partner-list.c: the partner list with what its flags need.
 *
 * One query for the partners, then one query per kind of fact (GROUP BY
 * partner_id), never one query per partner: over every partner for the
 * whole list, over the listed partners only (their ids as a JSON array)
 * when a filter narrows it.  The flags, the next action and the sort
 * orders come from the core. */
#include "store-private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

/* Every filter in one statement; an unset one is bound NULL.  ?1 phase,
 * ?2 type, ?3 text_fold(owner), ?4..?5 the tier's W range (tier_w_range;
 * -1..-1 is never scored, score_w NULL).  The first term only chooses the
 * index that finds the rows, by the first filter set in this order:
 * partners_phase for a phase, partners_type for a type, partners_owner for
 * an owner, partners_score_w for a tier, else the rowid (every partner).
 * SQLite runs one branch per index and skips those whose constant guard
 * on the parameters is false, so a filtered list reads only the rows of
 * one index entry or range; a plain "(?2 IS NULL OR type = ?2)" alone
 * would scan.  The later terms apply the other filters to those rows.  No
 * ORDER BY: sorting would make SQLite prefer a scan; list_partners sorts. */
static const char SQL_LIST[] =
	"SELECT " PARTNER_COLS " FROM partners "
	"WHERE (phase = ?1 "
	"       OR (?1 IS NULL AND type = ?2) "
	"       OR (?1 IS NULL AND ?2 IS NULL AND owner_key = ?3) "
	"       OR (?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND score_w BETWEEN ?4 AND ?5) "
	"       OR (?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 = -1 AND score_w IS NULL) "
	"       OR (?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND id > 0)) "
	"  AND (?2 IS NULL OR type = ?2) "
	"  AND (?3 IS NULL OR owner_key = ?3) "
	"  AND (?4 IS NULL OR score_w BETWEEN ?4 AND ?5 OR (?4 = -1 AND score_w IS NULL))";

/* Facts of every partner (_ALL) or of those whose ids are in the JSON
 * array ?1 (_IDS: the listed partners, or one), looked up by partner_id;
 * ?2 is today. */
#define FACTS_IDS "partner_id IN (SELECT value FROM json_each(?1)) "
#define FACTS_CONTRACTS                                                                        \
	"SELECT partner_id, min(end_date), min(CASE WHEN end_date >= ?2 THEN end_date END), "  \
	"       min(CASE WHEN notice_deadline >= ?2 THEN notice_deadline END), min(start_date) " \
	"FROM contracts WHERE status = 'active' "
static const char SQL_FACTS_CONTRACTS_ALL[] = FACTS_CONTRACTS "GROUP BY partner_id";
static const char SQL_FACTS_CONTRACTS_IDS[] =
	FACTS_CONTRACTS "AND " FACTS_IDS "GROUP BY partner_id";
#define FACTS_REVIEWS "SELECT partner_id, max(date) FROM reviews "
static const char SQL_FACTS_REVIEWS_ALL[] = FACTS_REVIEWS "GROUP BY partner_id";
static const char SQL_FACTS_REVIEWS_IDS[] = FACTS_REVIEWS "WHERE " FACTS_IDS "GROUP BY partner_id";
#define FACTS_SPONSORS "SELECT DISTINCT partner_id FROM contacts WHERE exec_sponsor = 1 "
static const char SQL_FACTS_SPONSORS_ALL[] = FACTS_SPONSORS;
static const char SQL_FACTS_SPONSORS_IDS[] = FACTS_SPONSORS "AND " FACTS_IDS;
#define FACTS_FIGURES "SELECT partner_id, quarter, metric, target, actual FROM key_figures "
static const char SQL_FACTS_FIGURES_ALL[] = FACTS_FIGURES "ORDER BY partner_id, quarter";
static const char SQL_FACTS_FIGURES_IDS[] =
	FACTS_FIGURES "WHERE " FACTS_IDS "ORDER BY partner_id, quarter";

/* One kind of fact: its two queries, and what a row of them fills. */
struct facts_kind {
	const char *all_sql;
	const char *ids_sql;
	void (*fill)(sqlite3_stmt *st, struct partner_facts *f);
};

void partner_filter_init(struct partner_filter *f)
{
	memset(f, 0, sizeof *f);
	f->phase = -1;
	f->type = -1;
	f->tier = -2;
	f->sort = PSORT_NAME;
}

/* What SQL_LIST is bound to: the filter, and its owner folded. */
struct list_args {
	const struct partner_filter *f;
	const char *owner_key;
};

/* Bind f's tier to ?4..?5: NULL for any tier, an empty range for an
 * unknown one. */
static void bind_tier(sqlite3_stmt *st, int tier)
{
	int lo = 1, hi = 0;

	if (tier == -2) {
		sqlite3_bind_null(st, 4);
		sqlite3_bind_null(st, 5);
		return;
	}
	if (tier >= TIER_NONE && tier <= TIER_3)
		tier_w_range((enum tier)tier, &lo, &hi);
	bind_int(st, 4, lo);
	bind_int(st, 5, hi);
}

static void bind_list(sqlite3_stmt *st, const void *arg)
{
	const struct list_args *a = arg;

	bind_enum(st, 1, phase_names, a->f->phase);
	bind_enum(st, 2, partner_type_names, a->f->type);
	bind_text(st, 3, a->owner_key);
	bind_tier(st, a->f->tier);
}

static void row_from_partner(sqlite3_stmt *st, void *elem)
{
	struct partner_row *r = elem;

	memset(r, 0, sizeof *r);
	partner_from_row(st, &r->p);
}

static void row_free(void *elem)
{
	partner_finish(&((struct partner_row *)elem)->p);
}

static const struct row_kind partner_rows = { sizeof(struct partner_row), row_from_partner,
					     row_free };

static void facts_init(struct partner_facts *f, const struct partner *p)
{
	memset(f, 0, sizeof *f);
	f->phase = p->phase;
	f->tier = score_tier(p->score_w);
	f->status_date = p->status_date;
	f->scored_on = p->score_date;
	f->first_active_start = f->last_review = DATE_NONE;
	f->min_end = f->min_end_ahead = f->min_notice = DATE_NONE;
}

/* rows are ordered by partner id. */
static struct partner_facts *facts_of(struct partner_row *rows, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].p.id == id)
			return &rows[mid].facts;
		if (rows[mid].p.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The statement of kind for ids (a JSON array; NULL: every partner),
 * bound. */
static int facts_prepare(struct store *s, const char *all_sql, const char *ids_sql,
			 const char *ids, ally_date today, sqlite3_stmt **st,
			 struct ally_err *err)
{
	int rc = store_prepare(s, ids != NULL ? ids_sql : all_sql, st, err);

	if (rc != ALLY_OK)
		return rc;
	if (ids != NULL)
		bind_text(*st, 1, ids);
	if (sqlite3_bind_parameter_count(*st) >= 2)
		bind_date(*st, 2, today);
	return ALLY_OK;
}

/* One query of facts: each row's first column is a partner id, and
 * kind->fill copies the rest into that partner's facts. */
static int facts_query(struct store *s, const struct facts_kind *kind, struct partner_row *rows,
		       size_t n, const char *ids, ally_date today, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = facts_prepare(s, kind->all_sql, kind->ids_sql, ids, today, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	while ((r = store_step(s, st, err)) == 1) {
		struct partner_facts *f = facts_of(rows, n, col_int(st, 0));

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
	f->last_review = col_date(st, 1);
}

static void fill_sponsors(sqlite3_stmt *st, struct partner_facts *f)
{
	(void)st;
	f->has_sponsor = true;
}

static const struct facts_kind facts_kinds[] = {
	{ SQL_FACTS_CONTRACTS_ALL, SQL_FACTS_CONTRACTS_IDS, fill_contracts },
	{ SQL_FACTS_REVIEWS_ALL, SQL_FACTS_REVIEWS_IDS, fill_reviews },
	{ SQL_FACTS_SPONSORS_ALL, SQL_FACTS_SPONSORS_IDS, fill_sponsors },
};

/* Judge one partner's quarters (oldest first) with the core, which counts
 * back from the last completed quarter, the one before today's. */
static void figures_judge(struct partner_row *rows, size_t n, int64_t id,
			  const struct quarter_figures *q, size_t nq, int current_quarter)
{
	struct partner_facts *f = facts_of(rows, n, id);

	if (f == NULL || nq == 0)
		return;
	f->expansion_candidate = figures_expansion_candidate(q, nq, current_quarter);
	f->exit_watch = figures_exit_watch(q, nq, current_quarter);
}

static int facts_figures(struct store *s, struct partner_row *rows, size_t n, const char *ids,
			 ally_date today, struct ally_err *err)
{
	int current = quarter_of_date(today);
	struct quarter_figures *q = NULL;
	size_t nq = 0, cap = 0;
	int64_t cur = 0;
	sqlite3_stmt *st;
	int rc = facts_prepare(s, SQL_FACTS_FIGURES_ALL, SQL_FACTS_FIGURES_IDS, ids, today, &st,
			       err), r;

	if (rc != ALLY_OK)
		return rc;
	while ((r = store_step(s, st, err)) == 1) {
		int64_t id = col_int(st, 0);
		int quarter = (int)col_int(st, 1);
		int m = col_enum(st, 2, metric_names);

		if (id != cur) {
			figures_judge(rows, n, cur, q, nq, current);
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
		figures_judge(rows, n, cur, q, nq, current);
	free(q);
	return r < 0 ? -r : ALLY_OK;
}

/* Facts, flags and next action of rows (ordered by id), read for the
 * partners in ids (a JSON array), or for every partner when ids is NULL. */
static int gather(struct store *s, struct partner_row *rows, size_t n, const char *ids,
		  ally_date today, struct ally_err *err)
{
	int rc = ALLY_OK;

	for (size_t i = 0; i < n; i++)
		facts_init(&rows[i].facts, &rows[i].p);
	for (size_t k = 0; rc == ALLY_OK && k < sizeof facts_kinds / sizeof facts_kinds[0]; k++)
		rc = facts_query(s, &facts_kinds[k], rows, n, ids, today, err);
	if (rc == ALLY_OK)
		rc = facts_figures(s, rows, n, ids, today, err);
	if (rc != ALLY_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		rows[i].flags = partner_flags(&rows[i].facts, today);
		rows[i].next_action = partner_next_action(&rows[i].facts);
	}
	return ALLY_OK;
}

/* The ids of rows as a JSON array, "[3,5,8]"; the caller frees. */
static char *ids_json(const struct partner_row *rows, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		char id[24];

		snprintf(id, sizeof id, "%s%" PRId64, i > 0 ? "," : "", rows[i].p.id);
		buf_puts(&b, id);
	}
	buf_putc(&b, ']');
	return buf_take(&b);
}

/* Does f narrow the list (so the facts of the listed partners are read
 * by id rather than aggregated over all)?  flagged_only needs the facts
 * first, so it does not. */
static bool narrows(const struct partner_filter *f)
{
	return f->phase >= 0 || f->type >= 0 || f->owner != NULL || f->tier != -2;
}

static int cmp_id(const void *a, const void *b)
{
	const struct partner_row *x = a, *y = b;

	return (x->p.id > y->p.id) - (x->p.id < y->p.id);
}

/* A row to sort, with its name's text_sort_key computed once: names order
 * by their keys, byte by byte, as text_fold_cmp orders them (accented
 * Latin letters with their base letter). */
struct sort_item {
	char *key;
	const struct partner_row *row;
};

static int cmp_name(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (x->row->p.id > y->row->p.id) - (x->row->p.id < y->row->p.id);
}

/* Highest score first; never scored last. */
static int cmp_score(const void *a, const void *b)
{
	const struct partner *x = &((const struct sort_item *)a)->row->p;
	const struct partner *y = &((const struct sort_item *)b)->row->p;

	if (x->score_w != y->score_w)
		return x->score_w > y->score_w ? -1 : 1;
	return cmp_name(a, b);
}

static int cmp_phase(const void *a, const void *b)
{
	const struct partner *x = &((const struct sort_item *)a)->row->p;
	const struct partner *y = &((const struct sort_item *)b)->row->p;

	if (x->phase != y->phase)
		return x->phase < y->phase ? -1 : 1;
	return cmp_name(a, b);
}

/* Soonest first; nothing to do last. */
static int cmp_next_action(const void *a, const void *b)
{
	ally_date dx = ((const struct sort_item *)a)->row->next_action;
	ally_date dy = ((const struct sort_item *)b)->row->next_action;

	if (dx != dy) {
		if (dx == DATE_NONE || dy == DATE_NONE)
			return dx == DATE_NONE ? 1 : -1;
		return dx < dy ? -1 : 1;
	}
	return cmp_name(a, b);
}

static void list_sort(struct partner_list *l, enum partner_sort sort, bool descending)
{
	int (*const cmps[])(const void *, const void *) = {
		[PSORT_NAME] = cmp_name,
		[PSORT_SCORE] = cmp_score,
		[PSORT_PHASE] = cmp_phase,
		[PSORT_NEXT_ACTION] = cmp_next_action,
	};
	int (*cmp)(const void *, const void *) =
		(unsigned)sort < sizeof cmps / sizeof cmps[0] ? cmps[sort] : cmp_name;
	struct sort_item *items;
	struct partner_row *sorted;

	if (l->n < 2) /* rows is NULL for an empty list, which qsort may not take */
		return;
	items = xcalloc(l->n, sizeof *items);
	for (size_t i = 0; i < l->n; i++) {
		items[i].key = text_sort_key(l->rows[i].p.name);
		items[i].row = &l->rows[i];
	}
	qsort(items, l->n, sizeof *items, cmp);
	sorted = xcalloc(l->n, sizeof *sorted);
	for (size_t i = 0; i < l->n; i++) {
		sorted[descending ? l->n - 1 - i : i] = *items[i].row;
		free(items[i].key);
	}
	free(items);
	free(l->rows);
	l->rows = sorted;
}

/* The partners of f, ordered by id (as facts_of needs). */
static int list_partners(struct store *s, const struct partner_filter *f,
			 struct partner_list *out, struct ally_err *err)
{
	char *owner = f->owner != NULL ? text_fold(f->owner) : NULL;
	const struct list_args args = { f, owner };
	void *rows;
	int rc = store_collect(s, SQL_LIST, bind_list, &args, &partner_rows, &rows, &out->n, err);

	out->rows = rows;
	free(owner);
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, cmp_id);
	return rc;
}

/* Keep only the flagged rows, in place. */
static void keep_flagged(struct partner_list *l)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (l->rows[i].flags != 0)
			l->rows[k++] = l->rows[i];
		else
			partner_finish(&l->rows[i].p);
	}
	l->n = k;
}

int store_partner_list(struct store *s, const struct partner_filter *f, ally_date today,
		       struct partner_list *out, struct ally_err *err)
{
	struct partner_filter all;
	bool own;
	int rc;

	out->rows = NULL;
	out->n = 0;
	if (f == NULL) {
		partner_filter_init(&all);
		f = &all;
	}
	if ((rc = rtx_begin(s, &own, err)) != ALLY_OK)
		return rc;
	if ((rc = list_partners(s, f, out, err)) == ALLY_OK && out->n > 0) {
		char *ids = narrows(f) ? ids_json(out->rows, out->n) : NULL;

		rc = gather(s, out->rows, out->n, ids, today, err);
		free(ids);
	}
	rtx_end(s, own);
	if (rc != ALLY_OK) {
		partner_list_finish(out);
		return rc;
	}
	if (f->flagged_only)
		keep_flagged(out);
	list_sort(out, f->sort, f->descending);
	return ALLY_OK;
}

void partner_list_finish(struct partner_list *l)
{
	store_rows_free(&partner_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

int store_partner_facts_of(struct store *s, const struct partner *p, ally_date today,
			   struct partner_facts *out, struct ally_err *err)
{
	struct partner_row row;
	int rc;

	char *ids;

	memset(&row, 0, sizeof row);
	row.p = *p; /* borrowed: gather reads it, and nothing frees it here */
	ids = ids_json(&row, 1);
	rc = gather(s, &row, 1, ids, today, err);
	free(ids);
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
