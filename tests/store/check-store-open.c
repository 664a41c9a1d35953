/* check-store-open.c: opening, migrating, refusing what is not ours,
 * journal modes, locking, and transactions. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../../src/store/store-private.h"
#include "ally/util.h"
#include "fixture.h"

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg);
	sqlite3_close(db);
}

static int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The whole file, to prove a refusal wrote nothing. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n = 0, r;

	ck_assert_ptr_nonnull(f);
	do {
		cap += 65536;
		data = xrealloc(data, cap);
		r = fread(data + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return data;
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static struct store *open_mode(const char *path, enum store_journal j, struct ally_err *err)
{
	struct store_opts o = { .journal = j, .user = "tester" };

	return store_open(path, &o, err);
}

START_TEST(test_migrate_from_empty)
{
	struct ally_err err = { 0 };
	struct stat st;

	ck_assert_int_ge(store_schema_latest(), 1);
	ck_assert_int_eq(store_schema_version(fx_store), store_schema_latest());
	ck_assert_int_eq(raw_int(fx_path, "PRAGMA application_id"), STORE_APPLICATION_ID);
	ck_assert_int_eq(raw_int(fx_path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
					  "AND name IN ('partners', 'contracts', 'contract_terms', "
					  "'status_updates', 'scores', 'phase_moves', 'contacts', "
					  "'reviews', 'action_items', 'key_figures', 'conflicts', "
					  "'negotiations', 'negotiation_terms', 'audit_log')"),
			 14);
	/* Migrating again is a no-op. */
	ck_assert_ok(store_migrate(fx_store, &err), err);
	ck_assert_int_eq(store_schema_version(fx_store), store_schema_latest());
	/* The file is private to its owner from the start. */
	ck_assert_int_eq(stat(fx_path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
}
END_TEST

START_TEST(test_journal_mode)
{
	const char *want = fx_journal == STORE_JOURNAL_WAL ? "wal" : "delete";

	if (fx_journal == STORE_JOURNAL_AUTO)
		want = store_wal_safe(sqlite3_libversion_number()) ? "wal" : "delete";
	ck_assert_str_eq(store_journal_mode(fx_store), want);
	ck_assert_str_eq(store_path(fx_store), fx_path);
}
END_TEST

START_TEST(test_wal_safe_boundaries)
{
	ck_assert(!store_wal_safe(3051002));
	ck_assert(store_wal_safe(3051003));
	ck_assert(store_wal_safe(3052000));
	ck_assert(!store_wal_safe(3044005));
	ck_assert(store_wal_safe(3044006));
	ck_assert(store_wal_safe(3044999));
	ck_assert(!store_wal_safe(3050006));
	ck_assert(store_wal_safe(3050007));
	ck_assert(!store_wal_safe(3045000));
	ck_assert(!store_wal_safe(3040001));
	ck_assert(!store_wal_safe(3051000));
}
END_TEST

/* A newer database is refused and stays byte for byte, even when this
 * ally would switch its journal mode. */
START_TEST(test_refuse_newer)
{
	struct ally_err err = { 0 };
	char want[160], *before, *after;
	size_t nb, na;
	struct store *s;

	store_close(fx_store);
	fx_store = NULL;
	raw_exec(fx_path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
	{
		char wal[160];

		snprintf(wal, sizeof wal, "%s-wal", fx_path);
		ck_assert(!exists(wal));
	}
	before = slurp(fx_path, &nb);
	snprintf(want, sizeof want,
		 "database: written by a newer ally (schema 99, this ally knows up to %d); "
		 "not changed",
		 store_schema_latest());
	for (int j = STORE_JOURNAL_AUTO; j <= STORE_JOURNAL_ROLLBACK; j++) {
		s = open_mode(fx_path, (enum store_journal)j, &err);
		ck_assert_ptr_null(s);
		ck_assert_int_eq(err.status, ALLY_EDB);
		ck_assert_str_eq(err.msg, want);
	}
	after = slurp(fx_path, &na);
	ck_assert_uint_eq(na, nb);
	ck_assert(memcmp(before, after, nb) == 0);
	ck_assert_int_eq(raw_int(fx_path, "PRAGMA user_version"), 99);
	free(before);
	free(after);
}
END_TEST

/* A newer ally may migrate while we hold the file open. */
START_TEST(test_refuse_newer_at_migrate)
{
	struct ally_err err = { 0 };

	raw_exec(fx_path, "PRAGMA user_version = 7;");
	ck_assert_int_eq(store_migrate(fx_store, &err), ALLY_EDB);
	ck_assert_ptr_nonnull(strstr(err.msg, "written by a newer ally (schema 7"));
	ck_assert_int_eq(raw_int(fx_path, "PRAGMA user_version"), 7);
}
END_TEST

static void assert_refused(const char *path)
{
	struct ally_err err = { 0 };
	char want[256], *before, *after;
	size_t nb, na;

	before = slurp(path, &nb);
	ck_assert_ptr_null(open_mode(path, STORE_JOURNAL_WAL, &err));
	ck_assert_int_eq(err.status, ALLY_EDB);
	snprintf(want, sizeof want, "database: %s is not an ally database", path);
	ck_assert_str_eq(err.msg, want);
	after = slurp(path, &na);
	ck_assert_uint_eq(na, nb);
	ck_assert(memcmp(before, after, nb) == 0);
	free(before);
	free(after);
}

START_TEST(test_refuse_foreign_application_id)
{
	char path[160];

	snprintf(path, sizeof path, "%s/other.db", fx_dir);
	raw_exec(path, "PRAGMA application_id = 42; CREATE TABLE t (x);");
	assert_refused(path);
}
END_TEST

START_TEST(test_refuse_tables_without_application_id)
{
	char path[160];

	snprintf(path, sizeof path, "%s/plain.db", fx_dir);
	raw_exec(path, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);");
	assert_refused(path);
}
END_TEST

START_TEST(test_refuse_not_sqlite)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof path, "%s/text.db", fx_dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 200; i++)
		fputs("this is not a database, it is a shopping list\n", f);
	fclose(f);
	assert_refused(path);
}
END_TEST

START_TEST(test_cannot_create)
{
	struct ally_err err = { 0 };
	char path[160];

	snprintf(path, sizeof path, "%s/missing/dir/x.db", fx_dir);
	ck_assert_ptr_null(open_mode(path, STORE_JOURNAL_ROLLBACK, &err));
	ck_assert_int_eq(err.status, ALLY_EDB);
	ck_assert_ptr_nonnull(strstr(err.msg, "database: cannot create "));
	ck_assert_ptr_nonnull(strstr(err.msg, path));
}
END_TEST

START_TEST(test_readonly)
{
	struct store_opts o = { .journal = fx_journal, .user = "tester", .readonly = true };
	struct ally_err err = { 0 };
	struct store *ro;
	struct partner p;
	int64_t n = -1;

	fx_partner("Acme", PTYPE_CHANNEL);
	ro = store_open(fx_path, &o, &err);
	ck_assert_msg(ro != NULL, "%s", err.msg);
	ck_assert_ok(store_partner_count(ro, &n, &err), err);
	ck_assert_int_eq(n, 1);
	partner_init(&p);
	p.name = xstrdup("Beta");
	p.type = PTYPE_REFERRAL;
	ck_assert_int_eq(store_partner_add(ro, &p, &err), ALLY_EDB);
	ck_assert_ptr_nonnull(strstr(err.msg, "is read-only; nothing was changed"));
	partner_finish(&p);
	store_close(ro);
}
END_TEST

START_TEST(test_data_version)
{
	struct store *other = fx_open("other", 0);
	int64_t v = store_data_version(fx_store);

	ck_assert_int_eq(store_data_version(fx_store), v);
	{
		struct ally_err err = { 0 };
		struct partner p;

		partner_init(&p);
		p.name = xstrdup("Acme");
		p.type = PTYPE_CHANNEL;
		ck_assert_ok(store_partner_add(other, &p, &err), err);
		partner_finish(&p);
	}
	ck_assert_int_ne(store_data_version(fx_store), v);
	store_close(other);
}
END_TEST

static double mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* A session that holds the write lock past the other's busy timeout: the
 * other is told so, and nothing it tried is written. */
START_TEST(test_locked)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("other", 1000);
	struct partner p;
	int64_t n = -1;
	double t0, elapsed;

	ck_assert_ok(store_begin(fx_store, &err), err);
	partner_init(&p);
	p.name = xstrdup("Acme");
	p.type = PTYPE_CHANNEL;
	t0 = mono_ms();
	ck_assert_int_eq(store_partner_add(other, &p, &err), ALLY_EDB);
	elapsed = mono_ms() - t0;
	/* Both are ally's: the other queued behind the first, and names it. */
	ck_assert_msg(strstr(err.msg, "database: locked by another ally session (process ") ==
			      err.msg &&
			      strstr(err.msg, ") for more than 1 s (") != NULL &&
			      strstr(err.msg, "/test.db); nothing was changed") != NULL,
		      "message: %s", err.msg);
	/* One deadline for SQLite's busy handler and the store's retries. */
	ck_assert_msg(elapsed >= 1000 && elapsed < 2500, "gave up after %.0f ms", elapsed);
	store_rollback(fx_store);
	ck_assert_ok(store_partner_count(other, &n, &err), err);
	ck_assert_int_eq(n, 0);
	/* Once the lock is gone the same struct can be written. */
	ck_assert_ok(store_partner_add(other, &p, &err), err);
	partner_finish(&p);
	store_close(other);
}
END_TEST

/* Hold the write lock of path for ms, then let go: a child process, which
 * tells through the pipe once it holds the lock. */
static pid_t hold_write_lock(const char *path, int ms)
{
	int fds[2];
	char c;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		sqlite3 *db;
		const struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };

		close(fds[0]);
		if (sqlite3_open(path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		nanosleep(&t, NULL);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

/* Waiting for the write lock, then for a reader at commit (rollback
 * journal), is one wait of busy_ms in all: SQLite's busy handler and the
 * store's retries share one deadline. */
START_TEST(test_locked_one_deadline)
{
	struct store_opts o = { .journal = STORE_JOURNAL_ROLLBACK, .busy_ms = 2000, .user = "w" };
	struct ally_err err = { 0 };
	char path[160];
	struct store *w;
	struct partner p;
	sqlite3 *reader;
	pid_t holder;
	int status;
	double t0, elapsed;

	snprintf(path, sizeof path, "%s/rollback.db", fx_dir);
	w = store_open(path, &o, &err);
	ck_assert_msg(w != NULL, "%s", err.msg);
	ck_assert_ok(store_migrate(w, &err), err);
	/* A reader for the whole test: the commit cannot get its exclusive lock. */
	ck_assert_int_eq(sqlite3_open(path, &reader), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM partners", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	holder = hold_write_lock(path, 1800);
	partner_init(&p);
	p.name = xstrdup("Acme");
	p.type = PTYPE_CHANNEL;
	t0 = mono_ms();
	ck_assert_int_eq(store_partner_add(w, &p, &err), ALLY_EDB);
	elapsed = mono_ms() - t0;
	/* Neither the holder nor the reader queues: the message cannot name them. */
	ck_assert_ptr_nonnull(
		strstr(err.msg, "locked by another program or session for more than 2 s ("));
	ck_assert_msg(elapsed >= 2000 && elapsed < 3500, "gave up after %.0f ms", elapsed);
	ck_assert_int_eq(waitpid(holder, &status, 0), holder);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	sqlite3_exec(reader, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(reader);
	/* The next wait has its own deadline: nothing holds a lock now. */
	ck_assert_ok(store_partner_add(w, &p, &err), err);
	partner_finish(&p);
	store_close(w);
}
END_TEST

/* After fx_store's call, no statement of it is left holding a read
 * transaction: another session can commit (a reader's lock would block
 * that with the rollback journal), and fx_store then sees the change (a
 * WAL snapshot kept open would hide it). */
static void assert_nothing_left_open(const char *after)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("other", 300);
	int64_t before = -1, now = -1;
	struct partner p;
	static int k;

	partner_init(&p);
	p.name = xasprintf("Writer %d", ++k);
	p.type = PTYPE_REFERRAL;
	ck_assert_ok(store_partner_count(other, &before, &err), err);
	ck_assert_msg(store_partner_add(other, &p, &err) == ALLY_OK, "after %s: %s", after,
		      err.msg);
	partner_finish(&p);
	store_close(other);
	ck_assert_ok(store_partner_count(fx_store, &now, &err), err);
	ck_assert_msg(now == before + 1, "after %s: %lld partners seen, %lld written", after,
		      (long long)now, (long long)(before + 1));
}

/* Cached statements are reset on every path, errors included. */
START_TEST(test_no_statement_left_open)
{
	struct ally_err err = { 0 };
	int64_t acme = fx_partner("Acme", PTYPE_CHANNEL), beta = fx_partner("Beta", PTYPE_CHANNEL);
	int64_t cid = 0;
	struct partner p;
	struct contract c;
	struct partner_facts facts;
	struct negotiation n;
	ally_date s, e;

	contract_init(&c);
	c.partner_id = acme;
	c.title = xstrdup("Main");
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	cid = c.id;
	contract_finish(&c);
	ck_assert_ok(store_contract_renew(fx_store, cid, DATE_NONE, D("2026-12-01"), &s, &e, &err),
		     err);
	assert_nothing_left_open("setup");

	/* reads that stop at their one row */
	ck_assert_ok(store_partner_find(fx_store, "acme", &p, &err), err);
	partner_finish(&p);
	assert_nothing_left_open("store_partner_find");
	ck_assert_ok(store_contract_get(fx_store, cid, &c, &err), err);
	assert_nothing_left_open("store_contract_get");
	ck_assert_ok(store_partner_facts(fx_store, acme, D("2026-06-01"), &facts, &err), err);
	assert_nothing_left_open("store_partner_facts");

	/* refusals after a row was read */
	c.start_date = D("2027-06-01"); /* after the first term's end */
	ck_assert_int_eq(store_contract_update(fx_store, &c, &err), ALLY_EUSER);
	contract_finish(&c);
	assert_nothing_left_open("a refused contract update");
	ck_assert_int_eq(store_partner_delete(fx_store, acme, false, &err), ALLY_EUSER);
	assert_nothing_left_open("a refused partner delete");
	negotiation_init(&n);
	n.partner_id = beta;
	n.contract_id = cid; /* Acme's */
	ck_assert_int_eq(store_negotiation_add(fx_store, &n, &err), ALLY_EUSER);
	negotiation_finish(&n);
	assert_nothing_left_open("a refused negotiation");
	ck_assert_ok(store_phase_move(fx_store, acme, -1, NULL, D("2026-06-01"), NULL, NULL, &err),
		     err);
	ck_assert_int_eq(store_phase_move(fx_store, acme, -1, NULL, D("2026-05-01"), NULL, NULL,
					  &err),
			 ALLY_EUSER);
	assert_nothing_left_open("a refused phase move");
	/* a failure inside the transaction, after its rows were written */
	fx_refuse_audit(true);
	ck_assert_int_eq(store_contract_delete(fx_store, cid, &err), ALLY_EUSER);
	fx_refuse_audit(false);
	assert_nothing_left_open("a failed contract delete");
}
END_TEST

/* A reader (the TUI refreshing, a cron job) must not wait for a writer:
 * the read transaction sees the last commit at once. */
START_TEST(test_read_while_writing)
{
	struct ally_err err = { 0 };
	struct store *reader = fx_open("reader", 1000);
	struct partner_list l;
	struct partner_filter f;

	fx_partner("Committed", PTYPE_CHANNEL);
	ck_assert_ok(store_begin(fx_store, &err), err);
	fx_partner("Uncommitted", PTYPE_CHANNEL);
	ck_assert_ok(store_begin_read(reader, &err), err);
	partner_filter_init(&f);
	ck_assert_ok(store_partner_list(reader, &f, D("2026-11-22"), &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.rows[0].p.name, "Committed");
	partner_list_finish(&l);
	store_rollback(reader);
	store_rollback(fx_store);
	store_close(reader);
}
END_TEST

START_TEST(test_caller_transaction)
{
	struct ally_err err = { 0 };
	struct partner a, dup;
	int64_t n = -1;

	ck_assert_ok(store_begin(fx_store, &err), err);
	fx_partner("Acme", PTYPE_CHANNEL);
	store_rollback(fx_store);
	ck_assert_ok(store_partner_count(fx_store, &n, &err), err);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(fx_audit_count("partners", "*", NULL, NULL), 0);

	/* A failing call inside the caller's transaction undoes only itself. */
	ck_assert_ok(store_begin(fx_store, &err), err);
	partner_init(&a);
	a.name = xstrdup("Acme");
	a.type = PTYPE_CHANNEL;
	ck_assert_ok(store_partner_add(fx_store, &a, &err), err);
	partner_init(&dup);
	dup.name = xstrdup("ACME");
	dup.type = PTYPE_CHANNEL;
	ck_assert_int_eq(store_partner_add(fx_store, &dup, &err), ALLY_EUSER);
	ck_assert_ok(store_commit(fx_store, &err), err);
	ck_assert_ok(store_partner_count(fx_store, &n, &err), err);
	ck_assert_int_eq(n, 1);
	partner_finish(&a);
	partner_finish(&dup);
}
END_TEST

/* A statement the schema refuses: the message names the column. */
static void assert_constraint(const char *sql, const char *want)
{
	struct ally_err err = { 0 };
	sqlite3_stmt *st;

	ck_assert_ok(store_prepare(fx_store, sql, &st, &err), err);
	ck_assert_int_eq(store_step_done(fx_store, st, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, want);
}

START_TEST(test_constraint_errors_name_the_field)
{
	fx_partner("Acme", PTYPE_CHANNEL);
	assert_constraint("INSERT INTO partners (name, name_key, type) "
			  "VALUES ('ACME', 'acme', 'channel')",
			  "name_key: that value is already used");
	assert_constraint("INSERT INTO partners (name, name_key, type) "
			  "VALUES ('Beta', 'beta', 'bogus')",
			  "type: value is not allowed here");
	assert_constraint("INSERT INTO partners (name, name_key, type) VALUES ('', '', 'channel')",
			  "name: value is not allowed here");
	assert_constraint("INSERT INTO partners (name, type) VALUES ('Beta', 'channel')",
			  "name_key: is required");
	assert_constraint("INSERT INTO contracts (partner_id, start_date, end_date) "
			  "VALUES (1, '2026-01-01', '2026-12-31')",
			  "title: is required");
	assert_constraint("INSERT INTO contracts (partner_id, title, start_date, end_date) "
			  "VALUES (1, 'x', '2026-01-01', '2025-12-31')",
			  "end_date: value is not allowed here");
	assert_constraint("INSERT INTO contracts (partner_id, title, start_date, end_date, currency) "
			  "VALUES (1, 'x', '2026-01-01', '2026-12-31', 'usd')",
			  "currency: value is not allowed here");
	assert_constraint("INSERT INTO contracts (partner_id, title, start_date, end_date, "
			  "notice_deadline) VALUES (1, 'x', '2026-01-01', '2026-12-31', '2026-1-1')",
			  "notice_deadline: value is not allowed here");
	assert_constraint("INSERT INTO phase_moves (partner_id, date, from_phase, to_phase, author) "
			  "VALUES (1, '2026-01-01', 'limbo', 'launch', 'me')",
			  "from_phase: value is not allowed here");
	assert_constraint("INSERT INTO phase_moves (partner_id, date, from_phase, to_phase, author) "
			  "VALUES (1, '2026-01-01', 'launch', 'Launch', 'me')",
			  "to_phase: value is not allowed here");
	fx_contract(1, "Main", "2026-01-01", "2026-12-31", false, 60);
	assert_constraint("INSERT INTO contract_terms (contract_id, start_date, end_date) "
			  "VALUES (1, '2026/01/01', '2026-12-31')",
			  "start_date: value is not allowed here");
	assert_constraint("INSERT INTO contract_terms (contract_id, start_date, end_date) "
			  "VALUES (1, '2026-01-01', 'soon')",
			  "end_date: value is not allowed here");
	assert_constraint("INSERT INTO contract_terms (contract_id, start_date, end_date, "
			  "renewed_on) VALUES (1, '2026-01-01', '2026-12-31', 'today')",
			  "renewed_on: value is not allowed here");
}
END_TEST

/* One child of test_first_use_race: wait for the start signal (the pipe's
 * end of file), then open and migrate path; the exit status tells. */
static void first_use_child(int start_fd, const char *path)
{
	struct store_opts o = { .journal = fx_journal, .user = "child" };
	struct ally_err err = { 0 };
	struct store *s;
	char c;
	int rc;

	while (read(start_fd, &c, 1) > 0)
		;
	s = store_open(path, &o, &err);
	rc = s != NULL ? store_migrate(s, &err) : (int)ALLY_EDB;
	if (rc != ALLY_OK)
		fprintf(stderr, "child %d: %s\n", (int)getpid(), err.msg);
	store_close(s);
	_exit(rc == ALLY_OK ? 0 : 1);
}

/* Several processes using a new file at once: each either sees an empty
 * file or an ally database, never something in between, and migrating
 * twice is harmless. */
START_TEST(test_first_use_race)
{
	enum { CHILDREN = 8, ROUNDS = 20 };

	for (int round = 0; round < ROUNDS; round++) {
		char path[160];
		int fds[2], failed = 0;

		snprintf(path, sizeof path, "%s/race-%d.db", fx_dir, round);
		ck_assert_int_eq(pipe(fds), 0);
		for (int i = 0; i < CHILDREN; i++) {
			pid_t pid = fork();

			ck_assert_int_ge(pid, 0);
			if (pid == 0) {
				close(fds[1]);
				first_use_child(fds[0], path);
			}
		}
		close(fds[0]);
		close(fds[1]); /* go */
		for (int i = 0; i < CHILDREN; i++) {
			int status = 0;

			ck_assert_int_gt(wait(&status), 0);
			failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
		}
		ck_assert_msg(failed == 0, "round %d: %d of %d first uses failed", round, failed,
			      CHILDREN);
		ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), store_schema_latest());
	}
}
END_TEST

static Suite *store_open_suite(void)
{
	Suite *s = suite_create("store-open");
	TCase *tc = tcase_create("open");
	TCase *race = tcase_create("race");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_migrate_from_empty);
	tcase_add_test(tc, test_journal_mode);
	tcase_add_test(tc, test_wal_safe_boundaries);
	tcase_add_test(tc, test_refuse_newer);
	tcase_add_test(tc, test_refuse_newer_at_migrate);
	tcase_add_test(tc, test_refuse_foreign_application_id);
	tcase_add_test(tc, test_refuse_tables_without_application_id);
	tcase_add_test(tc, test_refuse_not_sqlite);
	tcase_add_test(tc, test_cannot_create);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_data_version);
	tcase_add_test(tc, test_locked);
	tcase_add_test(tc, test_locked_one_deadline);
	tcase_add_test(tc, test_no_statement_left_open);
	tcase_add_test(tc, test_read_while_writing);
	tcase_add_test(tc, test_caller_transaction);
	tcase_add_test(tc, test_constraint_errors_name_the_field);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(race, fx_setup, fx_teardown);
	tcase_set_timeout(race, 120);
	tcase_add_test(race, test_first_use_race);
	suite_add_tcase(s, race);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_open_suite(), argc, argv);
}
