/* check-store-changes.c: what issue 7 added to the store for the command
 * line: every write transaction is one change (schema 002) whose audit
 * rows can be found together; the *_each functions hand out the rows of
 * their lists, in the same order; a snapshot reads the database as it
 * was, holding nothing; and the bulk-import helpers put everything back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/store/store-private.h"
#include "ally/enums.h"
#include "ally/util.h"
#include "fixture.h"

/* ---- changes ---- */

/* The ids and change ids of the rows store_change_each hands out. */
struct seen {
	int64_t ids[64];
	char fields[64][24];
	int n;
};

static int see(void *ctx, const struct audit_entry *e, struct ally_err *err)
{
	struct seen *s = ctx;

	(void)err;
	ck_assert_int_lt(s->n, 64);
	s->ids[s->n] = e->id;
	snprintf(s->fields[s->n], sizeof s->fields[0], "%s", e->field);
	s->n++;
	return ALLY_OK;
}

static int64_t raw_int(const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(fx_store->db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_exec(const char *sql)
{
	ck_assert_msg(sqlite3_exec(fx_store->db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(fx_store->db));
}

/* Two adds in one transaction are one change, labelled, whose id is its
 * first row's; the next transaction is the next change. */
START_TEST(test_one_transaction_one_change)
{
	struct ally_err err = { 0 };
	struct seen a = { .n = 0 }, b = { .n = 0 };
	int64_t first, second;

	store_change_label(fx_store, "import partners p.csv");
	ck_assert_ok(store_begin(fx_store, &err), err);
	fx_partner("Alpha", PTYPE_CHANNEL);
	fx_partner("Beta", PTYPE_REFERRAL);
	ck_assert_ok(store_commit(fx_store, &err), err);
	ck_assert_ok(store_change_last(fx_store, &first, &err), err);
	ck_assert_ok(store_change_each(fx_store, first, see, &a, &err), err);
	ck_assert_int_eq(a.n, 2);
	ck_assert_int_eq(a.ids[0], first);
	ck_assert_int_eq(a.ids[1], first + 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM changes WHERE what = 'import partners p.csv' "
				 "AND user IS NOT NULL"),
			 1);

	store_change_label(fx_store, NULL);
	fx_partner("Gamma", PTYPE_CHANNEL); /* its own transaction */
	ck_assert_ok(store_change_last(fx_store, &second, &err), err);
	ck_assert_int_gt(second, first);
	ck_assert_ok(store_change_each(fx_store, second, see, &b, &err), err);
	ck_assert_int_eq(b.n, 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM changes WHERE what IS NULL"), 1);
	/* The first change's rows stop where the second's begin. */
	a.n = 0;
	ck_assert_ok(store_change_each(fx_store, first, see, &a, &err), err);
	ck_assert_int_eq(a.n, 2);
	/* Every audit row has its change. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit_log a WHERE NOT EXISTS "
				 "(SELECT 1 FROM changes c WHERE c.id = a.change_id)"),
			 0);
	a.n = 0;
	ck_assert_ok(store_change_each(fx_store, 999999, see, &a, &err), err);
	ck_assert_int_eq(a.n, 0);
}
END_TEST

/* A store call that fails after writing the change's first row rolls its
 * savepoint back, change row included: the next call of the same
 * transaction starts the change again, so no audit row names a change
 * that does not exist. */
START_TEST(test_failed_savepoint_forgets_its_change)
{
	struct ally_err err = { 0 };
	struct seen seen = { .n = 0 };
	int64_t id = fx_partner("Alpha", PTYPE_CHANNEL), change;

	/* status_add audits health first, then status_note: refuse the
	 * second, after the change was written. */
	raw_exec("CREATE TEMP TRIGGER refuse_note BEFORE INSERT ON audit_log "
		 "WHEN NEW.field = 'status_note' BEGIN SELECT RAISE(ABORT, 'refused'); END");
	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_int_ne(store_status_add(fx_store, id, HEALTH_AMBER, "slipping", D("2026-03-01"),
					  &err),
			 ALLY_OK);
	fx_partner("Beta", PTYPE_REFERRAL);
	ck_assert_ok(store_commit(fx_store, &err), err);
	raw_exec("DROP TRIGGER temp.refuse_note");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit_log a WHERE NOT EXISTS "
				 "(SELECT 1 FROM changes c WHERE c.id = a.change_id)"),
			 0);
	ck_assert_ok(store_change_last(fx_store, &change, &err), err);
	ck_assert_ok(store_change_each(fx_store, change, see, &seen, &err), err);
	ck_assert_int_eq(seen.n, 1);
	ck_assert_str_eq(seen.fields[0], "*");
}
END_TEST

/* The migration: audit_log_at is gone, change_id is there. */
START_TEST(test_schema)
{
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_at'"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM pragma_table_info('audit_log') "
				 "WHERE name = 'change_id'"),
			 1);
	fx_assert_plan_lacks("SELECT a.id FROM audit_log a WHERE a.id >= 5 AND a.id < "
			     "COALESCE((SELECT min(id) FROM changes WHERE id > 5), 99) AND "
			     "a.change_id = 5 ORDER BY a.id",
			     "SCAN a");
}
END_TEST

/* ---- each ---- */

/* The contract ids handed out, as "3 1 2". */
struct ids {
	struct buf b;
	int n;
	int stop_after; /* 0: never */
};

static int add_contract_id(void *ctx, const struct contract *c, struct ally_err *err)
{
	struct ids *x = ctx;

	buf_printf(&x->b, "%s%lld", x->n++ ? " " : "", (long long)c->id);
	if (x->stop_after != 0 && x->n == x->stop_after)
		return ally_err_set(err, ALLY_EUSER, "output", "stop");
	return ALLY_OK;
}

static int add_renewal_id(void *ctx, const struct renewal *r, struct ally_err *err)
{
	struct ids *x = ctx;

	(void)err;
	buf_printf(&x->b, "%s%lld", x->n++ ? " " : "", (long long)r->contract_id);
	return ALLY_OK;
}

/* Names that sort differently by text_sort_key than by bytes or by
 * name_key: "Émile" between "Emil" and "Emily". */
static void portfolio(void)
{
	int64_t emily = fx_partner("Emily", PTYPE_CHANNEL);
	int64_t emile = fx_partner("Émile", PTYPE_CHANNEL);
	int64_t emil = fx_partner("Emil", PTYPE_CHANNEL);

	fx_contract(emily, "E2", "2026-01-01", "2026-12-31", true, 60);
	fx_contract(emily, "E1", "2026-01-01", "2026-11-30", false, 0);
	fx_contract(emile, "M1", "2026-01-01", "2026-12-31", true, 90);
	fx_contract(emil, "L1", "2026-01-01", "2027-06-30", false, 0);
	fx_contract(emil, "L2", "2025-01-01", "2025-12-31", false, 0); /* lapsed */
}

START_TEST(test_each_same_order_as_list)
{
	struct ally_err err = { 0 };
	struct ids x = { .n = 0 };
	struct contract_list cl;
	struct renewal_list rl;
	struct buf want;

	portfolio();
	buf_init(&x.b);
	buf_init(&want);
	ck_assert_ok(store_contract_each(fx_store, 0, -1, add_contract_id, &x, &err), err);
	ck_assert_ok(store_contract_list(fx_store, 0, -1, &cl, &err), err);
	for (size_t i = 0; i < cl.n; i++)
		buf_printf(&want, "%s%lld", i ? " " : "", (long long)cl.rows[i].id);
	/* Emil (L2 ends first, then L1), Émile, Emily (E1, then E2). */
	ck_assert_str_eq(x.b.data, "5 4 3 2 1");
	ck_assert_str_eq(x.b.data, want.data);
	contract_list_finish(&cl);

	buf_finish(&x.b);
	buf_finish(&want);
	buf_init(&x.b);
	buf_init(&want);
	x.n = 0;
	ck_assert_ok(store_renewals_each(fx_store, D("2026-10-15"), 90, add_renewal_id, &x, &err),
		     err);
	ck_assert_ok(store_renewals(fx_store, D("2026-10-15"), 90, &rl, &err), err);
	for (size_t i = 0; i < rl.n; i++)
		buf_printf(&want, "%s%lld", i ? " " : "", (long long)rl.rows[i].contract_id);
	ck_assert_str_eq(x.b.data, want.data);
	/* Lapsed L2 (acts on its end), then E2's notice 2026-11-01 and M1's
	 * 2026-10-02 passed (acts on the end 2026-12-31), E1 2026-11-30. */
	for (size_t i = 1; i < rl.n; i++)
		ck_assert_int_le(renewal_cmp(&rl.rows[i - 1], &rl.rows[i]), 0);
	renewal_list_finish(&rl);
	buf_finish(&x.b);
	buf_finish(&want);
}
END_TEST

/* A callback's failure stops the walk with its status, and the statement
 * is given back (another walk can start). */
START_TEST(test_each_stops)
{
	struct ally_err err = { 0 };
	struct ids x = { .n = 0, .stop_after = 2 };

	portfolio();
	buf_init(&x.b);
	ck_assert_int_eq(store_contract_each(fx_store, 0, -1, add_contract_id, &x, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "output: stop");
	ck_assert_int_eq(x.n, 2);
	x.n = 0;
	x.stop_after = 0;
	ck_assert_ok(store_contract_each(fx_store, 0, -1, add_contract_id, &x, &err), err);
	ck_assert_int_eq(x.n, 5);
	buf_finish(&x.b);
}
END_TEST

static int count_audit(void *ctx, const struct audit_entry *e, struct ally_err *err)
{
	(void)e;
	(void)err;
	++*(int *)ctx;
	return ALLY_OK;
}

START_TEST(test_audit_each)
{
	struct ally_err err = { 0 };
	int all = 0, one = 0, limited = 0;
	int64_t id;

	portfolio();
	id = fx_partner("Zeta", PTYPE_CHANNEL);
	fx_contract(id, "Z1", "2026-01-01", "2026-12-31", false, 0);
	ck_assert_ok(store_audit_each(fx_store, 0, 0, NULL, count_audit, &all, &err), err);
	ck_assert_int_eq(all, 10); /* 4 partners, 6 contracts */
	ck_assert_ok(store_audit_each(fx_store, id, 0, NULL, count_audit, &one, &err), err);
	ck_assert_int_eq(one, 2);
	ck_assert_ok(store_audit_each(fx_store, 0, 3, NULL, count_audit, &limited, &err), err);
	ck_assert_int_eq(limited, 3);
}
END_TEST

/* ---- snapshots ---- */

static int64_t partners_in(struct store *s)
{
	struct ally_err err = { 0 };
	int64_t n = -1;

	ck_assert_ok(store_partner_count(s, &n, &err), err);
	return n;
}

/* The snapshot keeps reading the state it was taken in, while another
 * connection commits (which it may: the snapshot holds no lock), and
 * leaves no file behind. */
START_TEST(test_snapshot_reads_the_past_and_holds_nothing)
{
	struct ally_err err = { 0 };
	struct store *snap, *other;
	char pattern[160];

	fx_partner("Alpha", PTYPE_CHANNEL);
	setenv("TMPDIR", fx_dir, 1);
	snap = store_snapshot_open(fx_store, &err);
	ck_assert_msg(snap != NULL, "%s", err.msg);
	ck_assert_ok(store_begin_read(snap, &err), err);
	ck_assert_int_eq(partners_in(snap), 1);
	other = fx_open("colleague", 1000);
	{
		struct partner p;

		partner_init(&p);
		p.name = xstrdup("Beta");
		p.type = PTYPE_CHANNEL;
		/* Within 1 s: nothing holds the file. */
		ck_assert_ok(store_partner_add(other, &p, &err), err);
		partner_finish(&p);
	}
	ck_assert_int_eq(partners_in(snap), 1);
	ck_assert_int_eq(partners_in(other), 2);
	ck_assert_str_eq(store_path(snap), fx_path);
	if (fx_journal != STORE_JOURNAL_WAL) {
		/* A copy, unlinked at once: nothing named ally-snapshot-* is left. */
		snprintf(pattern, sizeof pattern, "%s/ally-snapshot-", fx_dir);
		ck_assert_int_gt(store_snapshot_lock_us(fx_store), 0);
		ck_assert_int_eq(access(fx_path, F_OK), 0);
		{
			char cmd[300];

			snprintf(cmd, sizeof cmd, "ls %s* >/dev/null 2>&1", pattern);
			ck_assert_int_ne(system(cmd), 0);
		}
	}
	store_close(snap);
	store_close(other);
	unsetenv("TMPDIR");
}
END_TEST

/* No place for the copy: NULL and a message; the caller reads in place. */
START_TEST(test_snapshot_without_room)
{
	struct ally_err err = { 0 };
	struct store *snap;

	if (fx_journal == STORE_JOURNAL_WAL)
		return; /* WAL takes no copy */
	setenv("TMPDIR", "/nonexistent/ally", 1);
	snap = store_snapshot_open(fx_store, &err);
	unsetenv("TMPDIR");
	ck_assert_ptr_null(snap);
	ck_assert_int_eq(err.status, ALLY_EDB);
	ck_assert_msg(strstr(err.msg, "/nonexistent/ally") != NULL, "%s", err.msg);
	/* The store is untouched and usable. */
	fx_partner("Alpha", PTYPE_CHANNEL);
}
END_TEST

/* ---- bulk import ---- */

/* The import helpers drop the indexes they defer, build them again at
 * the end (or leave them to the rollback on failure) and put the
 * connection's settings back either way. */
START_TEST(test_import_begin_end)
{
	struct ally_err err = { 0 };
	int64_t cache = raw_int("PRAGMA cache_size"), id;

	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_ok(store_import_begin(fx_store, STORE_IMPORT_PARTNERS, 10, &err), err);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'partners_phase'"),
			 0);
	ck_assert_int_eq(raw_int("PRAGMA ignore_check_constraints"), 1);
	id = fx_partner("Alpha", PTYPE_CHANNEL);
	ck_assert_ok(store_import_end(fx_store, ALLY_OK, &err), err);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'partners_phase'"),
			 1);
	ck_assert_int_eq(raw_int("PRAGMA ignore_check_constraints"), 0);
	ck_assert_int_eq(raw_int("PRAGMA cache_size"), cache);
	ck_assert_ok(store_commit(fx_store, &err), err);
	{
		sqlite3_stmt *st;

		ck_assert_int_eq(sqlite3_prepare_v2(fx_store->db, "PRAGMA integrity_check", -1, &st,
						    NULL),
				 SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}

	/* A failed import: the settings come back, the rollback the index. */
	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_ok(store_import_begin(fx_store, STORE_IMPORT_CONTRACTS, 10, &err), err);
	ck_assert_int_eq(
		raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'contracts_status_end'"), 0);
	ck_assert_int_eq(store_import_end(fx_store, ALLY_EUSER, &err), ALLY_EUSER);
	ck_assert_int_eq(raw_int("PRAGMA ignore_check_constraints"), 0);
	store_rollback(fx_store);
	ck_assert_int_eq(
		raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'contracts_status_end'"), 1);
	(void)id;
}
END_TEST

/* Into a portfolio larger than the import, no index is rebuilt. */
START_TEST(test_import_keeps_indexes_when_small)
{
	struct ally_err err = { 0 };

	fx_partner("Alpha", PTYPE_CHANNEL);
	fx_partner("Beta", PTYPE_CHANNEL);
	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_ok(store_import_begin(fx_store, STORE_IMPORT_PARTNERS, 1, &err), err);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'partners_phase'"),
			 1);
	ck_assert_ok(store_import_end(fx_store, ALLY_OK, &err), err);
	ck_assert_ok(store_commit(fx_store, &err), err);
}
END_TEST

START_TEST(test_import_partner_id)
{
	struct ally_err err = { 0 };
	int64_t id = fx_partner("Société Générale", PTYPE_CHANNEL), got = 0;

	ck_assert_ok(store_import_partner_id(fx_store, "  SOCIÉTÉ générale ", &got, &err), err);
	ck_assert_int_eq(got, id);
	ck_assert_ok(store_import_partner_id(fx_store, " 1 ", &got, &err), err);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(store_import_partner_id(fx_store, "Nobody", &got, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 'Nobody'");
	ck_assert_int_eq(store_import_partner_id(fx_store, "99", &got, &err), ALLY_EUSER);
}
END_TEST

static Suite *store_changes_suite(void)
{
	const struct {
		const char *name;
		const TTest *test;
	} cases[] = {
		{ "changes", test_one_transaction_one_change },
		{ "changes", test_failed_savepoint_forgets_its_change },
		{ "changes", test_schema },
		{ "each", test_each_same_order_as_list },
		{ "each", test_each_stops },
		{ "each", test_audit_each },
		{ "snapshot", test_snapshot_reads_the_past_and_holds_nothing },
		{ "snapshot", test_snapshot_without_room },
		{ "import", test_import_begin_end },
		{ "import", test_import_keeps_indexes_when_small },
		{ "import", test_import_partner_id },
	};
	Suite *s = suite_create("store-changes");
	TCase *tc = NULL;
	const char *prev = "";

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (strcmp(prev, cases[i].name) != 0) {
			tc = tcase_create(cases[i].name);
			tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
			suite_add_tcase(s, tc);
			prev = cases[i].name;
		}
		tcase_add_test(tc, cases[i].test);
	}
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_changes_suite(), argc, argv);
}
