/* dashboard.c: the Dashboard's numbers, none of them read by going
 * through every partner or contract: the counters the triggers of
 * 003_windows.sql keep (partners by phase, type and tier; active
 * contracts per end and notice deadline; the annual value by tier and
 * currency), counts of the flags over the derived days' partial
 * indexes, and the first names of two flags' partners in name order. */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/flag-dates.h"
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

/* ---- the numbers ---- */

const int store_dash_horizons[STORE_DASH_HORIZONS] = { 30, 60, 90 };

/* The partner counters: 'all', and one row per phase, type and tier
 * there has been (the owners' are left alone: there may be many). */
static const char SQL_D_COUNTERS[] =
	"SELECT dim, val, n FROM partner_counts WHERE dim IN ('all', 'phase', 'type', 'tier')";

/* The partners carrying each flag, a column per bit in enum partner_flag
 * order (flag-dates.h says what each derived day means):
 *   ?1 today (a day number, as the derived columns)
 *   ?2 today, ?3 today + 90, ?4 today + 30 (text, as contracts keep dates)
 *   ?5 quarter_of_date(today)
 * Every count is one range of one index and reads the rows it counts:
 * the derived days' partial indexes hold only the partners that have
 * such a day; the renewal and notice counts read the active contracts of
 * their window (the first its partners too, for renewal_watch, in id
 * order); the streaks, the rows that cover today's quarter or a later
 * one. */
static const char SQL_D_FLAGS[] =
	"SELECT "
	/* FLAG_RENEWAL_DUE: an active contract ends in the window, and the
	 * phase is one that renewal_watch marks.  The window's contracts
	 * are looked up in rowid order, then their partners in id order
	 * (each IN list is a sorted temporary index), so that each page of
	 * the two tables is read once rather than once per row on it: at
	 * 100,000 partners the window holds 45,000 contracts spread over
	 * nearly every page, and this is a third faster than in date order. */
	"(SELECT count(*) FROM partners WHERE renewal_watch = 1 AND id IN "
	"  (SELECT partner_id FROM contracts WHERE rowid IN "
	"    (SELECT rowid FROM contracts INDEXED BY contracts_status_end "
	"     WHERE status = 'active' AND end_date BETWEEN ?2 AND ?3))), "
	/* FLAG_NOTICE_SOON */
	"(SELECT count(DISTINCT partner_id) FROM contracts INDEXED BY contracts_status_notice "
	"  WHERE status = 'active' AND notice_deadline BETWEEN ?2 AND ?4), "
	/* FLAG_LAPSED, FLAG_REVIEW_OVERDUE, FLAG_BEHIND_SCHEDULE,
	 * FLAG_STATUS_STALE, FLAG_NO_SPONSOR */
	"(SELECT count(*) FROM partners INDEXED BY partners_lapsed WHERE min_end < ?1), "
	"(SELECT count(*) FROM partners INDEXED BY partners_review_due WHERE review_due < ?1), "
	"(SELECT count(*) FROM partners INDEXED BY partners_behind WHERE behind_from <= ?1), "
	"(SELECT count(*) FROM partners INDEXED BY partners_stale WHERE stale_from <= ?1), "
	"(SELECT count(*) FROM partners INDEXED BY partners_no_sponsor WHERE no_sponsor = 1), "
	/* FLAG_EXIT_WATCH (128), FLAG_EXPANSION_CANDIDATE (256) */
	"(SELECT count(DISTINCT partner_id) FROM figure_streaks INDEXED BY figure_streaks_until "
	"  WHERE flag = 128 AND until_q >= ?5 AND from_q <= ?5), "
	"(SELECT count(DISTINCT partner_id) FROM figure_streaks INDEXED BY figure_streaks_until "
	"  WHERE flag = 256 AND until_q >= ?5 AND from_q <= ?5)";
_Static_assert(FLAG_RENEWAL_DUE == 1 && FLAG_NOTICE_SOON == 2 && FLAG_LAPSED == 4 &&
		       FLAG_REVIEW_OVERDUE == 8 && FLAG_BEHIND_SCHEDULE == 16 &&
		       FLAG_STATUS_STALE == 32 && FLAG_NO_SPONSOR == 64 && FLAG_EXIT_WATCH == 128 &&
		       FLAG_EXPANSION_CANDIDATE == 256 && FLAG_COUNT == 9,
	       "SQL_D_FLAGS has a column per flag bit, in this order");

/* The active contracts of the renewals block, summed over days of
 * contract_days: ?1 today, ?2 ?3 ?4 today + each horizon, ?5 today + 30
 * (text).  A notice deadline of '' (none) is before every day. */
static const char SQL_D_DAYS[] =
	"SELECT (SELECT coalesce(sum(n), 0) FROM contract_days WHERE end_date < ?1), "
	"  (SELECT coalesce(sum(n), 0) FROM contract_days WHERE end_date BETWEEN ?1 AND ?2), "
	"  (SELECT coalesce(sum(n), 0) FROM contract_days WHERE end_date BETWEEN ?1 AND ?3), "
	"  (SELECT coalesce(sum(n), 0) FROM contract_days WHERE end_date BETWEEN ?1 AND ?4), "
	"  (SELECT coalesce(sum(n), 0) FROM contract_days INDEXED BY contract_days_notice "
	"   WHERE notice_deadline BETWEEN ?1 AND ?5)";

/* The first ?2 names of a flag's partners (?1 today, a day number) in
 * the order of the lists (sort_key, id), two ways: the flag's own range,
 * sorted (it reads every partner with the flag), or the name index
 * walked until ?2 match (about ?2 x partners / with-the-flag rows). */
#define D_NAMES(index, cond) \
	"SELECT name FROM partners INDEXED BY " index " WHERE " cond " ORDER BY sort_key, id LIMIT ?2"
static const char SQL_D_OVERDUE_BY_DAY[] = D_NAMES("partners_review_due", "review_due < ?1");
static const char SQL_D_OVERDUE_BY_NAME[] = D_NAMES("partners_name", "review_due < ?1");
static const char SQL_D_BEHIND_BY_DAY[] = D_NAMES("partners_behind", "behind_from <= ?1");
static const char SQL_D_BEHIND_BY_NAME[] = D_NAMES("partners_name", "behind_from <= ?1");

/* today + days as text, no later than the last date the columns hold
 * (past it "10000-01-01" would sort before every stored date). */
static void bind_day_after(sqlite3_stmt *st, int i, ally_date today, int days)
{
	const int64_t max = date_from_ymd(DATE_YEAR_MAX, 12, 31);
	int64_t day = (int64_t)today + days;

	bind_date(st, i, (ally_date)(day > max ? max : day));
}

static void counter_from_row(sqlite3_stmt *st, struct store_dashboard *d)
{
	const char *dim = (const char *)sqlite3_column_text(st, 0);
	int64_t n = col_int(st, 2), v;

	if (strcmp(dim, "all") == 0) {
		d->partners = n;
	} else if (strcmp(dim, "type") == 0) {
		v = col_enum(st, 1, partner_type_names);
		if (v >= 0 && v < PTYPE_COUNT)
			d->by_type[v] = n;
	} else {
		v = col_int(st, 1);
		if (strcmp(dim, "phase") == 0 && v >= 0 && v < PHASE_COUNT)
			d->by_phase[v] = n;
		else if (strcmp(dim, "tier") == 0 && v >= TIER_NONE && v <= TIER_3)
			d->by_tier[v - TIER_NONE] = n;
	}
}

static int read_counters(struct store *s, struct store_dashboard *d, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_D_COUNTERS, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	while ((r = store_step(s, st, err)) == 1)
		counter_from_row(st, d);
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

static int read_flags(struct store *s, ally_date today, struct store_dashboard *d,
		      struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_D_FLAGS, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, today);
	bind_date(st, 2, today);
	bind_day_after(st, 3, today, FLAG_WINDOW_DAYS);
	bind_day_after(st, 4, today, FLAG_NOTICE_DAYS);
	bind_int(st, 5, quarter_of_date(today));
	if ((r = store_step(s, st, err)) == 1)
		for (int bit = 0; bit < FLAG_COUNT; bit++)
			d->flagged[bit] = col_int(st, bit);
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

static int read_days(struct store *s, ally_date today, struct store_dashboard *d,
		     struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_D_DAYS, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_date(st, 1, today);
	for (int i = 0; i < STORE_DASH_HORIZONS; i++)
		bind_day_after(st, 2 + i, today, store_dash_horizons[i]);
	bind_day_after(st, 5, today, NOTICE_SOON_DAYS);
	if ((r = store_step(s, st, err)) == 1) {
		d->lapsed = col_int(st, 0);
		for (int i = 0; i < STORE_DASH_HORIZONS; i++)
			d->ending[i] = col_int(st, 1 + i);
		d->notice_soon = col_int(st, 4);
	}
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

/* Which way costs less for the first limit of count partners among
 * total: the flag's range reads count rows; the walk of the names reads
 * about limit * total / count of them when the flag's partners are
 * spread over the alphabet, as names and dates are unrelated.  The two
 * are equal at count = sqrt(limit * total): below it the range is
 * cheaper, above it the walk, and neither reads more than about that
 * many rows (775 for 6 names of 100,000 partners). */
static bool walk_names(int64_t count, int64_t total, size_t limit)
{
	return (double)count * (double)count > (double)limit * (double)total;
}

/* The first limit names of the count partners that by_day and by_name
 * (the two ways above) list. */
static int read_names(struct store *s, const char *by_day, const char *by_name, int64_t count,
		      int64_t total, ally_date today, size_t limit, struct store_dash_names *out,
		      struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc, r = 0;

	out->names = xcalloc(limit + 1, sizeof *out->names);
	if (count <= 0 || limit == 0)
		return ALLY_OK;
	rc = store_prepare(s, walk_names(count, total, limit) ? by_name : by_day, &st, err);
	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, today);
	bind_int(st, 2, (int64_t)limit);
	while (out->n < limit && (r = store_step(s, st, err)) == 1)
		out->names[out->n++] = col_text(st, 0);
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

/* The index in flagged[] of a flag bit. */
#define BIT(flag) __builtin_ctz(flag)

static int read_lists(struct store *s, ally_date today, size_t limit, struct store_dashboard *d,
		      struct ally_err *err)
{
	int rc = read_names(s, SQL_D_OVERDUE_BY_DAY, SQL_D_OVERDUE_BY_NAME,
			    d->flagged[BIT(FLAG_REVIEW_OVERDUE)], d->partners, today, limit,
			    &d->overdue, err);

	if (rc == ALLY_OK)
		rc = read_names(s, SQL_D_BEHIND_BY_DAY, SQL_D_BEHIND_BY_NAME,
				d->flagged[BIT(FLAG_BEHIND_SCHEDULE)], d->partners, today, limit,
				&d->behind, err);
	return rc;
}

int store_dashboard_read(struct store *s, ally_date today, size_t names,
			 struct store_dashboard *out, struct ally_err *err)
{
	bool own;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = rtx_begin(s, &own, err)) != ALLY_OK)
		return rc;
	rc = read_counters(s, out, err);
	if (rc == ALLY_OK)
		rc = read_flags(s, today, out, err);
	if (rc == ALLY_OK)
		rc = read_days(s, today, out, err);
	if (rc == ALLY_OK)
		rc = read_lists(s, today, names, out, err);
	rtx_end(s, own);
	if (rc != ALLY_OK)
		store_dashboard_finish(out);
	return rc;
}

static void names_finish(struct store_dash_names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
}

void store_dashboard_finish(struct store_dashboard *d)
{
	names_finish(&d->overdue);
	names_finish(&d->behind);
	memset(d, 0, sizeof *d);
}
