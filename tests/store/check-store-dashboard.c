/* check-store-dashboard.c: the Dashboard's numbers.  The annual value of
 * active contracts by the tier of their partner, one total per currency,
 * and totals too large for 64 bits reported as such instead of failing
 * the query; every other number (store_dashboard_read) against the same
 * counted the slow way, from the whole partner list with its flags and
 * the renewal list, on a random portfolio as of several days, before and
 * after writes; and the plan of every statement it runs: no full scan of
 * partners or contracts. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/flags.h"
#include "ally/phase.h"
#include "ally/text.h"
#include "ally/util.h"
#include "../../src/store/store-private.h"
#include "fixture.h"

static int64_t scored(const char *name, int all)
{
	struct ally_err err = { 0 };
	int64_t id = fx_partner(name, PTYPE_CHANNEL);

	if (all >= 0) {
		struct score_input in = { all, all, all, all, all };

		ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-05-01"), NULL, &err), err);
	}
	return id;
}

static void valued(int64_t partner_id, int status, ally_money value, const char *currency)
{
	struct ally_err err = { 0 };
	struct contract c;

	contract_init(&c);
	c.partner_id = partner_id;
	c.title = xstrdup("Agreement");
	c.status = status;
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	c.annual_value = value;
	memcpy(c.currency, currency, 4);
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	contract_finish(&c);
}

static void assert_row(const struct tier_value_list *l, size_t i, int tier, const char *cur,
		       ally_money total, int64_t contracts)
{
	ck_assert_uint_lt(i, l->n);
	ck_assert_int_eq(l->rows[i].tier, tier);
	ck_assert_str_eq(l->rows[i].currency, cur);
	ck_assert_int_eq(l->rows[i].total, total);
	ck_assert_int_eq(l->rows[i].contracts, contracts);
}

START_TEST(test_value_by_tier_and_currency)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };
	int64_t t1 = scored("One", 85); /* W 8500: tier 1 at its lowest W */
	int64_t t2 = scored("Two", 75);
	int64_t t3 = scored("Three", 60);
	int64_t un = scored("Low", 40);
	int64_t none = scored("Unscored", -1);

	valued(t1, CSTATUS_ACTIVE, 1999999999, "EUR");
	valued(t1, CSTATUS_ACTIVE, 1, "EUR");
	valued(t1, CSTATUS_ACTIVE, 500000, "USD");
	valued(t1, CSTATUS_DRAFT, 700000, "USD");      /* not in force */
	valued(t1, CSTATUS_TERMINATED, 700000, "EUR"); /* not in force */
	valued(t2, CSTATUS_ACTIVE, 250000, "USD");
	valued(t2, CSTATUS_ACTIVE, -1, "USD");          /* no value */
	valued(t3, CSTATUS_ACTIVE, 100, "JPY");
	valued(un, CSTATUS_ACTIVE, 0, "GBP");
	valued(none, CSTATUS_ACTIVE, 300, "CHF");
	valued(none, CSTATUS_ACTIVE, 400, "AUD");

	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 7);
	assert_row(&l, 0, TIER_1, "EUR", 2000000000, 2);
	assert_row(&l, 1, TIER_1, "USD", 500000, 1);
	assert_row(&l, 2, TIER_2, "USD", 250000, 1);
	assert_row(&l, 3, TIER_3, "JPY", 100, 1);
	assert_row(&l, 4, TIER_UNQUALIFIED, "GBP", 0, 1);
	assert_row(&l, 5, TIER_NONE, "AUD", 400, 1);
	assert_row(&l, 6, TIER_NONE, "CHF", 300, 1);
	tier_value_list_finish(&l);
	ck_assert_ptr_null(l.rows);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_value_past_64_bits)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };
	int64_t id = scored("Huge", 90);

	/* 11 x 9e17 is past INT64_MAX (9.22e18); 10 x 9e17 is not. */
	for (int i = 0; i < 10; i++)
		valued(id, CSTATUS_ACTIVE, MONEY_MAX, "EUR");
	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	assert_row(&l, 0, TIER_1, "EUR", 10 * MONEY_MAX, 10);
	tier_value_list_finish(&l);
	valued(id, CSTATUS_ACTIVE, MONEY_MAX, "EUR");
	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	assert_row(&l, 0, TIER_1, "EUR", -1, 11);
	tier_value_list_finish(&l);
}
END_TEST

START_TEST(test_value_of_empty_database)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };

	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	tier_value_list_finish(&l);
}
END_TEST

/* ---- store_dashboard_read against the slow way ---- */

#define N_PARTNERS 160

static uint32_t seed;

static int pick(int lo, int hi)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return lo + (int)(seed % (uint32_t)(hi - lo + 1));
}

/* check-store-window.c's random partner: names with case and accents,
 * every phase and type, scores and none, statuses of all ages, contracts
 * in every band (some auto-renewing, some terminated), reviews, sponsors
 * and key-figure streaks either way. */
static const char *const stems[] = { "Acme", "acme labs", "Émile", "Emily", "Zeta", "ÄLPHA",
				     "beta", "Ørsted", "Nord", "nord wind" };

static void add_partner(int i, ally_date base)
{
	struct ally_err err = { 0 };
	struct partner p;

	partner_init(&p);
	p.name = xasprintf("%s %d", stems[pick(0, 9)], i);
	p.type = pick(0, PTYPE_COUNT - 1);
	p.phase = pick(0, PHASE_COUNT - 1);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	if (pick(0, 4) > 0) {
		struct score_input in = { pick(0, 100), pick(0, 100), pick(0, 100), pick(0, 100),
					  pick(0, 100) };

		ck_assert_ok(store_score_add(fx_store, p.id, &in, base - pick(0, 500), NULL, &err),
			     err);
	}
	if (pick(0, 3) > 0)
		ck_assert_ok(store_status_add(fx_store, p.id, pick(0, 2), "x", base - pick(0, 90),
					      &err),
			     err);
	for (int k = pick(0, 3); k > 0; k--) {
		struct contract c;

		contract_init(&c);
		c.partner_id = p.id;
		c.title = xstrdup("deal");
		c.start_date = base - pick(0, 700);
		c.end_date = base + pick(-200, 400);
		if (c.end_date < c.start_date)
			c.end_date = c.start_date;
		c.auto_renew = pick(0, 1);
		c.notice_days = 30 * pick(0, 3);
		if (pick(0, 6) == 0)
			c.status = CSTATUS_TERMINATED;
		ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
		contract_finish(&c);
	}
	if (pick(0, 2) == 0) {
		struct review r;

		review_init(&r);
		r.partner_id = p.id;
		r.kind = REVIEW_QBR;
		r.date = base - pick(0, 400);
		ck_assert_ok(store_review_add(fx_store, &r, &err), err);
		review_finish(&r);
	}
	if (pick(0, 2) == 0) {
		struct contact c;

		contact_init(&c);
		c.partner_id = p.id;
		c.name = xstrdup("Pat");
		c.role = xstrdup(pick(0, 1) ? "executive sponsor" : "engineer");
		ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
		contact_finish(&c);
	}
	if (pick(0, 3) == 0) {
		int q = quarter_of_date(base) - 4;
		bool met = pick(0, 1);

		for (int k = 0; k < 4; k++, q++) {
			bool odd = pick(0, 4) == 0; /* now and then the other way */

			ck_assert_ok(store_figure_set(fx_store, p.id, q, METRIC_REVENUE, 100,
						      met != odd ? 150 : 50, &err),
				     err);
		}
	}
	partner_finish(&p);
}

/* A partner of a name list as the slow way sees it: the order of the
 * lists is the name's text_sort_key, then the id. */
struct named {
	char *key;
	int64_t id;
	const char *name;
};

static int named_cmp(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/* The names the list of flag holds, in order; the caller frees with
 * named_free. */
static size_t flag_names(const struct partner_list *pl, unsigned flag, struct named *out)
{
	size_t n = 0;

	for (size_t i = 0; i < pl->n; i++)
		if (pl->rows[i].flags & flag)
			out[n++] = (struct named){ text_sort_key(pl->rows[i].p.name),
						   pl->rows[i].p.id, pl->rows[i].p.name };
	qsort(out, n, sizeof *out, named_cmp);
	return n;
}

static void named_free(struct named *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i].key);
}

static void check_names(const char *what, const struct store_dash_names *got,
			const struct partner_list *pl, unsigned flag, size_t limit, ally_date today)
{
	struct named want[N_PARTNERS];
	size_t n = flag_names(pl, flag, want), shown = n < limit ? n : limit;

	ck_assert_msg(got->n == shown, "%s, day %d, limit %zu: %zu names, want %zu", what, today,
		      limit, got->n, shown);
	for (size_t i = 0; i < shown; i++)
		ck_assert_msg(strcmp(got->names[i], want[i].name) == 0,
			      "%s, day %d, limit %zu: name %zu is '%s', want '%s'", what, today, limit,
			      i, got->names[i], want[i].name);
	named_free(want, n);
}

/* got == want, or a failure naming the day and what (printf's format). */
static void __attribute__((format(printf, 4, 5)))
ck_num(ally_date today, int64_t got, int64_t want, const char *fmt, ...)
{
	char what[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	ck_assert_msg(got == want, "day %d: %s is %lld, want %lld", today, what, (long long)got,
		      (long long)want);
}
#define CK_NUM(got, want, ...) ck_num(today, got, want, __VA_ARGS__)

/* Every number of store_dashboard_read as of today, and its name lists
 * with each limit, equal to what the partner list (with the flags
 * partner_flags gives) and the renewal list count. */
static void check_day(ally_date today)
{
	static const size_t limits[] = { 1, 6, 50, 1000 };
	struct ally_err err = { 0 };
	struct partner_filter f;
	struct partner_list pl;
	struct renewal_list rl;
	int64_t phase[PHASE_COUNT] = { 0 }, type[PTYPE_COUNT] = { 0 };
	int64_t tier[STORE_DASH_TIERS] = { 0 }, flagged[FLAG_COUNT] = { 0 };
	int64_t lapsed = 0, ending[STORE_DASH_HORIZONS] = { 0 }, notice = 0;

	partner_filter_init(&f);
	ck_assert_ok(store_partner_list(fx_store, &f, today, &pl, &err), err);
	ck_assert_ok(store_renewals(fx_store, today, 90, &rl, &err), err);
	for (size_t i = 0; i < pl.n; i++) {
		const struct partner_row *r = &pl.rows[i];

		phase[r->p.phase]++;
		type[r->p.type]++;
		tier[r->facts.tier - TIER_NONE]++;
		for (int bit = 0; bit < FLAG_COUNT; bit++)
			flagged[bit] += (r->flags >> bit) & 1;
	}
	for (size_t i = 0; i < rl.n; i++) {
		const struct renewal *r = &rl.rows[i];

		lapsed += r->days_left < 0;
		for (int h = 0; h < STORE_DASH_HORIZONS; h++)
			ending[h] += r->days_left >= 0 && r->days_left <= store_dash_horizons[h];
		notice += renewal_notice_soon(r);
	}
	for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
		struct store_dashboard d;

		ck_assert_ok(store_dashboard_read(fx_store, today, limits[l], &d, &err), err);
		CK_NUM(d.partners, (int64_t)pl.n, "partners");
		for (int i = 0; i < PHASE_COUNT; i++)
			CK_NUM(d.by_phase[i], phase[i], "phase %s", phase_names[i]);
		for (int i = 0; i < PTYPE_COUNT; i++)
			CK_NUM(d.by_type[i], type[i], "type %s", partner_type_names[i]);
		for (int i = 0; i < STORE_DASH_TIERS; i++)
			CK_NUM(d.by_tier[i], tier[i], "tier %d", i + TIER_NONE);
		for (int bit = 0; bit < FLAG_COUNT; bit++)
			CK_NUM(d.flagged[bit], flagged[bit], "flag %s",
			       flag_key((enum partner_flag)(1u << bit)));
		CK_NUM(d.lapsed, lapsed, "lapsed");
		for (int h = 0; h < STORE_DASH_HORIZONS; h++)
			CK_NUM(d.ending[h], ending[h], "ending within %d", store_dash_horizons[h]);
		CK_NUM(d.notice_soon, notice, "notice soon");
		check_names("overdue", &d.overdue, &pl, FLAG_REVIEW_OVERDUE, limits[l], today);
		check_names("behind", &d.behind, &pl, FLAG_BEHIND_SCHEDULE, limits[l], today);
		store_dashboard_finish(&d);
		ck_assert_ptr_null(d.overdue.names);
	}
	partner_list_finish(&pl);
	renewal_list_finish(&rl);
}

/* Writes the counters and derived days must follow: partners deleted
 * (with their contracts), phases moved, contracts terminated, rescored. */
static void shake(ally_date base)
{
	struct ally_err err = { 0 };
	enum phase from, to;

	for (int64_t id = 3; id <= N_PARTNERS; id += 11)
		ck_assert_ok(store_partner_delete(fx_store, id, true, &err), err);
	for (int64_t id = 5; id <= N_PARTNERS; id += 9) {
		struct score_input in = { 95, 90, 90, 90, 90 };

		if ((id - 3) % 11 == 0) /* deleted */
			continue;
		if (store_phase_move(fx_store, id, PHASE_LAUNCH, NULL, base, &from, &to, &err) !=
		    ALLY_OK)
			err = (struct ally_err){ 0 }; /* not a move from every phase */
		ck_assert_ok(store_score_add(fx_store, id, &in, base, NULL, &err), err);
	}
	for (int64_t id = 2; id <= 4 * N_PARTNERS; id += 13) {
		struct contract c;

		if (store_contract_get(fx_store, id, &c, &err) != ALLY_OK) {
			err = (struct ally_err){ 0 };
			continue;
		}
		c.status = CSTATUS_TERMINATED;
		ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
		contract_finish(&c);
	}
}

/* The middle one of the values sql gives (one column, ordered), as a
 * day number: NULL and text dates as the renewal list compares them. */
static ally_date middle(const char *sql)
{
	sqlite3_stmt *st;
	ally_date out = DATE_NONE;
	int n = 0, i = 0;

	ck_assert_int_eq(sqlite3_prepare_v2(fx_store->db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		n++;
	sqlite3_reset(st);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (i++ == n / 2) {
			if (sqlite3_column_type(st, 0) == SQLITE_INTEGER)
				out = (ally_date)sqlite3_column_int64(st, 0);
			else
				ck_assert(date_parse((const char *)sqlite3_column_text(st, 0), &out));
		}
	sqlite3_finalize(st);
	ck_assert_msg(out != DATE_NONE, "no value: %s", sql);
	return out;
}

/* The days on which a flag or a count starts or stops, taken from the
 * rows: the day itself of a partner's derived day (is it "before today"
 * or "from today on"?), and the days a contract's end or notice deadline
 * enters or leaves each window. */
static void check_edges(void)
{
	static const char *const days[] = {
		"SELECT min_end FROM partners WHERE min_end IS NOT NULL ORDER BY 1",
		"SELECT review_due FROM partners WHERE review_due IS NOT NULL ORDER BY 1",
		"SELECT behind_from FROM partners WHERE behind_from IS NOT NULL ORDER BY 1",
		"SELECT stale_from FROM partners WHERE stale_from > -2147483647 ORDER BY 1",
	};
	ally_date end = middle("SELECT end_date FROM contracts WHERE status = 'active' ORDER BY 1");
	ally_date notice = middle("SELECT notice_deadline FROM contracts "
				  "WHERE status = 'active' AND notice_deadline IS NOT NULL ORDER BY 1");

	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
		check_day(middle(days[i]));
	check_day(end);
	check_day(end + 1);
	for (int h = 0; h < STORE_DASH_HORIZONS; h++) {
		check_day(end - store_dash_horizons[h]);
		check_day(end - store_dash_horizons[h] - 1);
	}
	check_day(notice);
	check_day(notice + 1);
	check_day(notice - NOTICE_SOON_DAYS);
	check_day(notice - NOTICE_SOON_DAYS - 1);
}

START_TEST(test_numbers_equal_the_slow_way)
{
	ally_date base = D("2026-06-15");
	const ally_date days[] = { base - 120, base - 1, base, base + 61, base + 200 };

	seed = 0x2545f491u;
	for (int i = 1; i <= N_PARTNERS; i++)
		add_partner(i, base);
	for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
		check_day(days[d]);
	check_edges();
	shake(base);
	check_day(base);
	check_day(base + 30);
	check_edges();
}
END_TEST

START_TEST(test_empty_database)
{
	struct ally_err err = { 0 };
	struct store_dashboard d;

	ck_assert_ok(store_dashboard_read(fx_store, D("2026-06-15"), 6, &d, &err), err);
	ck_assert_int_eq(d.partners, 0);
	for (int bit = 0; bit < FLAG_COUNT; bit++)
		ck_assert_int_eq(d.flagged[bit], 0);
	ck_assert_int_eq(d.lapsed + d.ending[2] + d.notice_soon, 0);
	ck_assert_uint_eq(d.overdue.n + d.behind.n, 0);
	store_dashboard_finish(&d);
}
END_TEST

/* A day whose windows reach past 9999-12-31 still counts the contracts
 * ending before then (the dates are text: "10000-01-19" would sort
 * before them all). */
START_TEST(test_windows_stop_at_the_last_date)
{
	struct ally_err err = { 0 };
	struct store_dashboard d;
	int64_t id = fx_partner("Last", PTYPE_CHANNEL);

	fx_contract(id, "End of time", "9999-01-01", "9999-12-31", true, 10);
	ck_assert_ok(store_dashboard_read(fx_store, D("9999-12-20"), 6, &d, &err), err);
	ck_assert_int_eq(d.ending[0], 1);
	ck_assert_int_eq(d.ending[2], 1);
	ck_assert_int_eq(d.notice_soon, 1);
	ck_assert_int_eq(d.flagged[__builtin_ctz(FLAG_NOTICE_SOON)], 1);
	ck_assert_int_eq(d.flagged[__builtin_ctz(FLAG_RENEWAL_DUE)], 1);
	store_dashboard_finish(&d);
}
END_TEST

/* ---- the plans ---- */

static void fold_stub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_value(ctx, argv[0]);
}

/* Is the index a line of a plan names a partial one (it holds only the
 * rows of one flag)? */
static bool partial_index(sqlite3 *db, const char *line)
{
	const char *at = strstr(line, " INDEX ");
	sqlite3_stmt *st;
	bool partial;

	if (at == NULL)
		return false;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
					    "SELECT 1 FROM sqlite_schema WHERE type = 'index' "
					    "AND name = ?1 AND sql LIKE '% WHERE %'",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, at + strlen(" INDEX "), -1, SQLITE_TRANSIENT);
	partial = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return partial;
}

/* No line of sql's plan scans partners or contracts, but for a scan of a
 * partial index, or the walk of the names (partners_name) that the
 * LIMIT stops; returns how many such walks there are. */
static int assert_no_scan(sqlite3 *db, const char *sql)
{
	static const char *const tables[] = { "partners", "contracts", NULL };
	char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	int walks = 0;

	ck_assert_msg(sqlite3_prepare_v2(db, eqp, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 3);

		for (const char *const *t = tables; *t != NULL; t++) {
			char *scan = xasprintf("SCAN %s", *t);
			size_t n = strlen(scan);

			if (strncmp(line, scan, n) == 0 && (line[n] == '\0' || line[n] == ' ')) {
				bool walk = strstr(line, " INDEX partners_name") != NULL &&
					    strstr(sql, " LIMIT ") != NULL;

				ck_assert_msg(walk || partial_index(db, line), "a full scan: %s\nin: %s",
					      line, sql);
				walks += walk;
			}
			free(scan);
		}
	}
	sqlite3_finalize(st);
	free(eqp);
	return walks;
}

/* Every statement of store_dashboard_read, with each way of reading the
 * name lists (a small limit walks the names of a common flag, a large
 * one reads the flag's range). */
START_TEST(test_no_full_scan)
{
	struct fx_traced tr = { .prefix = "SELECT" };
	struct ally_err err = { 0 };
	ally_date base = D("2026-06-15");
	sqlite3 *db;
	int walks = 0, ranges = 0;

	seed = 7;
	for (int i = 1; i <= 60; i++)
		add_partner(i, base);
	fx_trace_start(&tr);
	for (size_t limit = 1; limit <= 1000; limit *= 1000) {
		struct store_dashboard d;

		ck_assert_ok(store_dashboard_read(fx_store, base + 200, limit, &d, &err), err);
		store_dashboard_finish(&d);
	}
	fx_trace_stop();
	ck_assert_int_ge(tr.n, 8); /* 4 statements each time, the lists both ways */
	ck_assert_int_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_create_function_v2(db, "ally_fold", 1,
						    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
						    fold_stub, NULL, NULL, NULL),
			 SQLITE_OK);
	for (int i = 0; i < tr.n; i++) {
		walks += assert_no_scan(db, tr.sql[i]);
		ranges += strstr(tr.sql[i], "ORDER BY sort_key") != NULL &&
			  strstr(tr.sql[i], "partners_name") == NULL;
	}
	ck_assert_int_ge(walks, 1);  /* both ways were explained */
	ck_assert_int_ge(ranges, 1);
	sqlite3_close(db);
	fx_traced_free(&tr);
}
END_TEST

static Suite *store_dashboard_suite(void)
{
	Suite *s = suite_create("store-dashboard");
	TCase *tc = tcase_create("store_value_by_tier");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_value_by_tier_and_currency);
	tcase_add_test(tc, test_value_past_64_bits);
	tcase_add_test(tc, test_value_of_empty_database);
	suite_add_tcase(s, tc);
	tc = tcase_create("store_dashboard_read");
	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_numbers_equal_the_slow_way);
	tcase_add_test(tc, test_empty_database);
	tcase_add_test(tc, test_windows_stop_at_the_last_date);
	tcase_add_test(tc, test_no_full_scan);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_dashboard_suite(), argc, argv);
}
