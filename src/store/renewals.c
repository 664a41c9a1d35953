/* renewals.c: the renewal list.  SQL narrows the active contracts to those
 * that may be listed, through the (status, end_date) and (status,
 * notice_deadline) indexes; the core decides band, listing and order. */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
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

static void renewal_from_row(sqlite3_stmt *st, struct renewal *r, ally_date today)
{
	const char *cur = (const char *)sqlite3_column_text(st, 9);

	memset(r, 0, sizeof *r);
	r->contract_id = col_int(st, 0);
	r->partner_id = col_int(st, 1);
	r->partner = col_text(st, 2);
	r->title = col_text(st, 3);
	r->phase = col_enum(st, 4, phase_names);
	r->end_date = col_date(st, 5);
	r->auto_renew = col_int(st, 6) != 0;
	r->notice_days = (int)col_int(st, 7);
	r->annual_value = col_opt_int(st, 8);
	snprintf(r->currency, sizeof r->currency, "%s", cur != NULL ? cur : "");
	renewal_compute(r, today);
}

static void renewal_free(struct renewal *r)
{
	/* The rows of a store list own their texts (renewal.h borrows them). */
	free((char *)r->partner);
	free((char *)r->title);
}

int store_renewals(struct store *s, ally_date today, int within, struct renewal_list *out,
		   struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_RENEWALS, &st, err)) != ALLY_OK)
		return rc;
	bind_date(st, 1, today + within);
	bind_date(st, 2, today);
	bind_date(st, 3, today + within);
	while ((r = store_step(s, st, err)) == 1) {
		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		renewal_from_row(st, &out->rows[out->n], today);
		if (renewal_listed(&out->rows[out->n], within))
			out->n++;
		else
			renewal_free(&out->rows[out->n]);
	}
	sqlite3_finalize(st);
	if (r < 0) {
		renewal_list_finish(out);
		return -r;
	}
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, renewal_cmp);
	return ALLY_OK;
}

void renewal_list_finish(struct renewal_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		renewal_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
