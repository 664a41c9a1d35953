/* renewals.c: the renewal list.  SQL narrows the active contracts to those
 * that may be listed, through the (status, end_date) and (status,
 * notice_deadline) indexes; the core decides band, listing and order. */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

/* ?1 the last end date that can be listed (today + within), ?2..?3 the
 * notice deadlines that can be (today .. today + within).  A superset of
 * renewal_listed(), which has the final word. */
static const char SQL_RENEWALS[] =
	"SELECT c.id, c.partner_id, p.name, c.title, p.phase, c.end_date, c.auto_renew, "
	"       c.notice_days, c.annual_value, c.currency "
	"FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.status = 'active' "
	"  AND (c.end_date <= ?1 OR c.notice_deadline BETWEEN ?2 AND ?3)";

/* The contract's columns; renewal_compute fills the rest. */
static void renewal_from_row(sqlite3_stmt *st, void *elem)
{
	struct renewal *r = elem;
	const char *cur = (const char *)sqlite3_column_text(st, 9);

	memset(r, 0, sizeof *r);
	r->contract_id = col_int(st, 0);
	r->partner_id = col_int(st, 1);
	r->partner = col_text(st, 2);
	r->partner_key = text_sort_key(r->partner);
	r->title = col_text(st, 3);
	r->phase = col_enum(st, 4, phase_names);
	r->end_date = col_date(st, 5);
	r->auto_renew = col_int(st, 6) != 0;
	r->notice_days = (int)col_int(st, 7);
	r->annual_value = col_opt_int(st, 8);
	snprintf(r->currency, sizeof r->currency, "%s", cur != NULL ? cur : "");
}

static void renewal_free(void *elem)
{
	struct renewal *r = elem;

	/* The rows of a store list own their texts (renewal.h borrows them). */
	free((char *)r->partner);
	free((char *)r->partner_key);
	free((char *)r->title);
}

static const struct row_kind renewal_rows = { sizeof(struct renewal), renewal_from_row,
					     renewal_free };

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

/* Keep, in place, the rows the core lists as of today. */
static void keep_listed(struct renewal_list *l, ally_date today, int within)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++) {
		renewal_compute(&l->rows[i], today);
		if (renewal_listed(&l->rows[i], within))
			l->rows[k++] = l->rows[i];
		else
			renewal_free(&l->rows[i]);
	}
	l->n = k;
}

int store_renewals(struct store *s, ally_date today, int within, struct renewal_list *out,
		   struct ally_err *err)
{
	const struct window w = { today, window_last(today, within) };
	void *rows;
	int rc = store_collect(s, SQL_RENEWALS, bind_window, &w, &renewal_rows, &rows, &out->n,
			       err);

	out->rows = rows;
	if (rc != ALLY_OK)
		return rc;
	keep_listed(out, today, within);
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, renewal_cmp);
	return ALLY_OK;
}

void renewal_list_finish(struct renewal_list *l)
{
	store_rows_free(&renewal_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
