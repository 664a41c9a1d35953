/* dashboard.c: what the TUI's dashboard adds up in SQL: the annual value
 * of the active contracts by the tier of their partner, one total per
 * currency (amounts in two currencies are never added together). */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/util.h"

/* The totals the triggers of 003_windows.sql keep in tier_values, per
 * tier and currency, in the same transaction as every change: no
 * contract is read.  Billions and the rest are kept apart, since a sum
 * of values as large as MONEY_MAX each could overflow 64 bits;
 * tier_value_total puts them together with a check. */
#define SPLIT 1000000000LL
static const char SQL_VALUE_BY_TIER[] =
	"SELECT tier, currency, n, billions, rest FROM tier_values WHERE n > 0";

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
	int rc = store_collect(s, SQL_VALUE_BY_TIER, NULL, NULL, &tier_value_rows, &rows,
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
