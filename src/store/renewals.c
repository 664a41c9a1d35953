/* renewals.c: the renewal list.  SQL narrows the active contracts to those
 * that may be listed, through the (status, end_date) and (status,
 * notice_deadline) indexes, and orders them as renewal_cmp does, so that
 * rows can be handed out as they are read; the core decides band and
 * listing. */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

/* ?1 the last end date that can be listed (today + within), ?2..?3 the
 * notice deadlines that can be (today .. today + within).  A superset of
 * renewal_listed(), which has the final word.  The order is renewal_cmp's:
 * the action date (the notice deadline while it is today or ahead, else
 * the end: renewal_compute), the partner's text_sort_key, the contract. */
static const char SQL_RENEWALS[] =
	"SELECT c.id, c.partner_id, p.name, c.title, p.phase, c.end_date, c.auto_renew, "
	"       c.notice_days, c.annual_value, c.currency "
	"FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.status = 'active' "
	"  AND (c.end_date <= ?1 OR c.notice_deadline BETWEEN ?2 AND ?3) "
	"ORDER BY CASE WHEN c.notice_deadline >= ?2 THEN c.notice_deadline ELSE c.end_date END, "
	"  p.sort_key, c.id";

/* The contract's columns, its texts borrowed from the statement (valid
 * until the next step); renewal_compute fills the rest. */
static void renewal_from_row(sqlite3_stmt *st, void *elem)
{
	struct renewal *r = elem;
	const char *cur = (const char *)sqlite3_column_text(st, 9);

	memset(r, 0, sizeof *r);
	r->contract_id = col_int(st, 0);
	r->partner_id = col_int(st, 1);
	r->partner = (const char *)sqlite3_column_text(st, 2);
	r->title = (const char *)sqlite3_column_text(st, 3);
	r->phase = col_enum(st, 4, phase_names);
	r->end_date = col_date(st, 5);
	r->auto_renew = col_int(st, 6) != 0;
	r->notice_days = (int)col_int(st, 7);
	r->annual_value = col_opt_int(st, 8);
	snprintf(r->currency, sizeof r->currency, "%s", cur != NULL ? cur : "");
}

static const struct row_kind renewal_rows = { sizeof(struct renewal), renewal_from_row, NULL };

/* The window of SQL_RENEWALS: today .. last, today + within clamped to
 * 9999-12-31, the last date the columns can hold: past it the text form
 * ("10000-01-01") would sort before every stored date. */
struct window {
	ally_date today;
	ally_date last;
};

static ally_date window_last(ally_date today, int within)
{
	const int64_t max = date_from_ymd(DATE_YEAR_MAX, 12, 31);
	int64_t last = (int64_t)today + within;

	return (ally_date)(last > max ? max : last);
}

static void bind_window(sqlite3_stmt *st, const void *arg)
{
	const struct window *w = arg;

	bind_date(st, 1, w->last);
	bind_date(st, 2, w->today);
	bind_date(st, 3, w->last);
}

/* The caller's callback, and what the core needs to judge a row. */
struct renewal_visit {
	int (*fn)(void *ctx, const struct renewal *r, struct ally_err *err);
	void *ctx;
	ally_date today;
	int within;
};

/* Hand on the rows the core lists as of today. */
static int visit_renewal(void *ctx, void *elem, struct ally_err *err)
{
	const struct renewal_visit *v = ctx;
	struct renewal *r = elem;

	renewal_compute(r, v->today);
	return renewal_listed(r, v->within) ? v->fn(v->ctx, r, err) : ALLY_OK;
}

int store_renewals_each(struct store *s, ally_date today, int within,
			int (*fn)(void *ctx, const struct renewal *r, struct ally_err *err),
			void *ctx, struct ally_err *err)
{
	const struct window w = { today, window_last(today, within) };
	struct renewal_visit v = { fn, ctx, today, within };

	return store_each(s, SQL_RENEWALS, bind_window, &w, &renewal_rows, visit_renewal, &v, err);
}

/* store_renewals keeps copies: the rows of a store list own their texts
 * (renewal.h borrows them). */
struct renewal_collect {
	struct renewal_list *l;
	size_t cap;
};

static int collect_renewal(void *ctx, const struct renewal *r, struct ally_err *err)
{
	struct renewal_collect *c = ctx;
	struct renewal *copy;

	(void)err;
	c->l->rows = store_grow(c->l->rows, c->l->n, &c->cap, sizeof *c->l->rows);
	copy = &c->l->rows[c->l->n++];
	*copy = *r;
	copy->partner = xstrdup(r->partner);
	copy->partner_key = NULL;
	copy->title = xstrdup(r->title);
	return ALLY_OK;
}

static void renewal_free(struct renewal *r)
{
	free((char *)r->partner);
	free((char *)r->partner_key);
	free((char *)r->title);
}

int store_renewals(struct store *s, ally_date today, int within, struct renewal_list *out,
		   struct ally_err *err)
{
	struct renewal_collect c = { out, 0 };
	int rc;

	out->rows = NULL;
	out->n = 0;
	rc = store_renewals_each(s, today, within, collect_renewal, &c, err);
	if (rc != ALLY_OK)
		renewal_list_finish(out);
	return rc;
}

void renewal_list_finish(struct renewal_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		renewal_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
