/* check-ui-plans.c: every statement the interface runs on a keypress or
 * a reload, and the renewals query of the command line, reads partners
 * and contracts through an index, never a full scan.
 *
 * The view states are driven through their loads and keys on a small
 * portfolio with a trace on the connection; each distinct statement met
 * (triggers and the derived columns' upkeep included) is then explained
 * (EXPLAIN QUERY PLAN) on a connection of its own.  A plan line "SCAN
 * partners" or "SCAN contracts" (or their aliases p and c) fails the
 * test: at 100,000 partners it is what a person would wait for. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/store-private.h"
#include "ally/enums.h"
#include "ally/ui-history.h"
#include "ally/ui-partner.h"
#include "ally/ui-portfolio.h"
#include "ally/ui-renewals.h"
#include "ally/util.h"
#include "../store/fixture.h"

#define MAX_SQL 512

/* The distinct statements traced. */
static char *seen[MAX_SQL];
static size_t nseen;

static int trace(unsigned type, void *ctx, void *p, void *x)
{
	const char *sql = sqlite3_sql(p);

	(void)type;
	(void)ctx;
	(void)x;
	if (sql == NULL || strncmp(sql, "--", 2) == 0) /* a trigger's own statement */
		return 0;
	for (size_t i = 0; i < nseen; i++)
		if (strcmp(seen[i], sql) == 0)
			return 0;
	if (nseen < MAX_SQL)
		seen[nseen++] = xstrdup(sql);
	return 0;
}

static void fold_stub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_value(ctx, argv[0]);
}

/* A scan of a partial index reads only the rows it holds (those with a
 * flag's day set, say): not a full scan. */
static bool partial_index_scan(sqlite3 *db, const char *line)
{
	const char *at = strstr(line, " INDEX ");
	sqlite3_stmt *st;
	bool partial = false;

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

/* Does a line of sql's plan scan one of the big tables? */
static void assert_no_scan(sqlite3 *db, const char *sql)
{
	static const char *const scans[] = { "SCAN partners", "SCAN p", "SCAN contracts",
					     "SCAN c", NULL };
	char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;

	if (strncmp(sql, "BEGIN", 5) == 0 || strncmp(sql, "COMMIT", 6) == 0 ||
	    strncmp(sql, "ROLLBACK", 8) == 0 || strncmp(sql, "PRAGMA", 6) == 0 ||
	    strncmp(sql, "SAVEPOINT", 9) == 0 || strncmp(sql, "RELEASE", 7) == 0) {
		free(eqp);
		return;
	}
	ck_assert_msg(sqlite3_prepare_v2(db, eqp, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 3);

		for (const char *const *s = scans; *s != NULL; s++) {
			size_t n = strlen(*s);

			ck_assert_msg(strncmp(line, *s, n) != 0 ||
					      (line[n] != '\0' && line[n] != ' ') ||
					      partial_index_scan(db, line),
				      "a full scan: %s\nin: %s", line, sql);
		}
	}
	sqlite3_finalize(st);
	free(eqp);
}

static void assert_seen_no_scan(void)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_create_function_v2(db, "ally_fold", 1,
						    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
						    fold_stub, NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_uint_gt(nseen, 10);
	for (size_t i = 0; i < nseen; i++) {
		assert_no_scan(db, seen[i]);
		free(seen[i]);
	}
	nseen = 0;
	sqlite3_close(db);
}

/* A portfolio with every kind of row the views read. */
static void fill(ally_date today)
{
	struct ally_err err = { 0 };

	for (int i = 1; i <= 80; i++) {
		struct partner p;
		struct score_input in = { i % 100, 60, 70, 80, 90 };
		struct contract c;
		char name[32];

		partner_init(&p);
		snprintf(name, sizeof name, "Partner %02d", i);
		p.name = xstrdup(name);
		p.type = i % PTYPE_COUNT;
		p.phase = i % PHASE_COUNT;
		p.owner = xstrdup(i % 3 ? "ana" : "bo");
		ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
		ck_assert_ok(store_score_add(fx_store, p.id, &in, today - i, NULL, &err), err);
		ck_assert_ok(store_status_add(fx_store, p.id, i % 3, "ok", today - i, &err), err);
		contract_init(&c);
		c.partner_id = p.id;
		c.title = xstrdup("Deal");
		c.start_date = today - 400;
		c.end_date = today - 30 + i * 5;
		c.auto_renew = i % 2;
		c.annual_value = 1000 * i;
		ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
		contract_finish(&c);
		partner_finish(&p);
	}
}

static const int moves[] = { 'j', 'j', UK_PGDN, UK_CTRL('d'), 'G', 'k', UK_PGUP, UK_CTRL('u'),
			     'g', 'j' };

static void drive_portfolio(ally_date today)
{
	struct ally_err err = { 0 };
	struct portfolio *pf = portfolio_new(fx_store, today);

	portfolio_set_height(pf, 10);
	ck_assert_ok(portfolio_load(pf, &err), err);
	for (int sort = 0; sort < PF_SORT_COUNT; sort++) {
		for (int rev = 0; rev < 2; rev++) {
			for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++)
				ck_assert(portfolio_move_key(pf, moves[k], &err));
			ck_assert_ok(portfolio_sort_reverse(pf, &err), err);
		}
		ck_assert_ok(portfolio_sort_next(pf, &err), err);
	}
	for (int f = 0; f < 5; f++) {
		portfolio_clear(pf);
		if (f == 0)
			portfolio_filter_phase(pf, PHASE_LAUNCH);
		if (f == 1)
			portfolio_filter_type(pf, PTYPE_CHANNEL);
		if (f == 2)
			portfolio_filter_tier(pf, TIER_2);
		if (f == 3)
			portfolio_filter_owner(pf, "ana");
		if (f == 4)
			portfolio_filter_flagged(pf, true);
		for (int sort = 0; sort < PF_SORT_COUNT; sort++) {
			ck_assert_ok(portfolio_load(pf, &err), err);
			for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++)
				ck_assert(portfolio_move_key(pf, moves[k], &err));
			ck_assert_ok(portfolio_sort_next(pf, &err), err);
		}
	}
	portfolio_clear(pf);
	ck_assert_ok(portfolio_load(pf, &err), err);
	portfolio_search_begin(pf);
	ck_assert_ok(portfolio_search_key(pf, '4', &err), err);
	ck_assert_ok(portfolio_search_key(pf, UK_ENTER, &err), err);
	ck_assert_int_ne(portfolio_search_next(pf, 1, &err), PF_FAILED);
	ck_assert_int_ne(portfolio_search_next(pf, -1, &err), PF_FAILED);
	ck_assert_ok(portfolio_load_owners(pf, &err), err);
	portfolio_free(pf);
}

static void drive_renewals(ally_date today)
{
	struct ally_err err = { 0 };
	struct renewals_state *s = renewals_new(fx_store, today);
	bool changed;

	renewals_set_height(s, 8);
	ck_assert_ok(renewals_load(s, &err), err);
	for (int h = 0; h < 3; h++) {
		for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++)
			ck_assert(renewals_key(s, moves[k], &err));
		ck_assert_ok(renewals_step_horizon(s, 120, &changed, &err), err);
	}
	renewals_free(s);
}

static void drive_history_and_detail(ally_date today)
{
	struct ally_err err = { 0 };
	struct ui_history *h = ui_history_new(fx_store);
	struct ui_partner *d = ui_partner_new(3);
	int64_t open = 0;

	ui_history_set_height(h, 10);
	ck_assert_ok(ui_history_load(h, &err), err);
	for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++)
		ui_history_key(h, moves[k], &open, &err);
	ck_assert_ok(ui_history_set_filter(h, "partner 4", &err), err);
	for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++)
		ui_history_key(h, moves[k], &open, &err);
	ui_history_free(h);
	ck_assert_ok(ui_partner_load(d, fx_store, today, &err), err);
	ui_partner_free(d);
}

START_TEST(test_views_use_indexes)
{
	struct ally_err err = { 0 };
	ally_date today = D("2026-06-15");
	struct renewal_list rl;

	fill(today);
	sqlite3_trace_v2(fx_store->db, SQLITE_TRACE_STMT, trace, NULL);
	drive_portfolio(today);
	drive_renewals(today);
	drive_history_and_detail(today);
	/* The command line's renewals, and a colleague's write the views
	 * then reload after (the derived columns' upkeep included). */
	ck_assert_ok(store_renewals(fx_store, today, 90, &rl, &err), err);
	renewal_list_finish(&rl);
	ck_assert_ok(store_status_add(fx_store, 5, HEALTH_RED, "late", today, &err), err);
	sqlite3_trace_v2(fx_store->db, 0, NULL, NULL);
	assert_seen_no_scan();
}
END_TEST

int main(int argc, char **argv)
{
	Suite *s = suite_create("ui-plans");
	TCase *tc = tcase_create("plans");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_views_use_indexes);
	suite_add_tcase(s, tc);
	return fx_run(s, argc, argv);
}
