/* dashboard.c: what the TUI's dashboard adds up in SQL: the annual value
 * of the active contracts by the tier of their partner, one total per
 * currency (amounts in two currencies are never added together).  The
 * tier boundaries come from the core (tier_w_range). */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/util.h"

/* SQLite's sum() of integers fails the whole query on overflow, and the
 * values may be as large as MONEY_MAX each; so the statement sums the
 * billions and the remainders apart (neither can overflow for any
 * number of contracts SQLite can hold) and tier_value_total puts them
 * together with a check.  ?1..?3: the lowest W of tiers 1, 2 and 3. */
#define SPLIT 1000000000LL
static const char SQL_VALUE_BY_TIER[] =
	"SELECT CASE WHEN p.score_w IS NULL THEN -1 WHEN p.score_w >= ?1 THEN 1 "
	"            WHEN p.score_w >= ?2 THEN 2 WHEN p.score_w >= ?3 THEN 3 ELSE 0 END AS tier, "
	"       c.currency, count(*), sum(c.annual_value / 1000000000), "
	"       sum(c.annual_value % 1000000000) "
	"FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.status = 'active' AND c.annual_value IS NOT NULL "
	"GROUP BY tier, c.currency";

static void bind_tiers(sqlite3_stmt *st, const void *arg)
{
	int lo, hi;

	(void)arg;
	tier_w_range(TIER_1, &lo, &hi);
	bind_int(st, 1, lo);
	tier_w_range(TIER_2, &lo, &hi);
	bind_int(st, 2, lo);
	tier_w_range(TIER_3, &lo, &hi);
	bind_int(st, 3, lo);
}

/* billions * SPLIT + rest, or -1 when that does not fit. */
static ally_money tier_value_total(int64_t billions, int64_t rest)
{
	int64_t total;

	if (__builtin_mul_overflow(billions, SPLIT, &total) ||
	    __builtin_add_overflow(total, rest, &total))
		return -1;
	return total;
}

static void tier_value_from_row(sqlite3_stmt *st, void *elem)
{
	struct tier_value *v = elem;
	const char *cur = (const char *)sqlite3_column_text(st, 1);

	memset(v, 0, sizeof *v);
	v->tier = (int)col_int(st, 0);
	snprintf(v->currency, sizeof v->currency, "%s", cur != NULL ? cur : "");
	v->contracts = col_int(st, 2);
	v->total = tier_value_total(col_int(st, 3), col_int(st, 4));
}

static const struct row_kind tier_value_rows = { sizeof(struct tier_value), tier_value_from_row,
						 NULL };

/* Tiers as the dashboard lists them: 1, 2, 3, unqualified, never scored. */
static int tier_rank(int tier)
{
	return tier >= TIER_1 ? tier : tier == TIER_UNQUALIFIED ? 4 : 5;
}

static int tier_value_cmp(const void *a, const void *b)
{
	const struct tier_value *x = a, *y = b;

	if (tier_rank(x->tier) != tier_rank(y->tier))
		return tier_rank(x->tier) < tier_rank(y->tier) ? -1 : 1;
	return strcmp(x->currency, y->currency);
}

int store_value_by_tier(struct store *s, struct tier_value_list *out, struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_VALUE_BY_TIER, bind_tiers, NULL, &tier_value_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	if (rc == ALLY_OK && out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, tier_value_cmp);
	return rc;
}

void tier_value_list_finish(struct tier_value_list *l)
{
	store_rows_free(&tier_value_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
