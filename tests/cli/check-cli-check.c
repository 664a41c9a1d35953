/* check-cli-check.c: `ally check`, `ally backup`, and what a damaged
 * database does to writes: refused, in every session, until a check
 * passes again. */
#include "cli-test.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern const char *const store_migrations[];

static void sql(const char *path, const char *text)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, text, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", text, msg);
	sqlite3_close(db);
}

static int64_t sql_int(const char *path, const char *text)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, text, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void demo(void)
{
	struct run r;

	RUN_OK(&r, "demo");
	run_finish(&r);
}

/* Overwrite the start of a table's root page: its cells point nowhere. */
static void damage(const char *table)
{
	char q[128];
	int64_t root, size;
	FILE *f;

	snprintf(q, sizeof q, "SELECT rootpage FROM sqlite_master WHERE name = '%s'", table);
	root = sql_int(H.db, q);
	size = sql_int(H.db, "PRAGMA page_size");
	f = fopen(H.db, "r+b");
	ck_assert_ptr_nonnull(f);
	fseek(f, (long)((root - 1) * size + 8), SEEK_SET);
	for (int i = 0; i < 200; i++)
		fputc(0xff, f);
	fclose(f);
}

START_TEST(check_passes_on_a_sound_portfolio)
{
	struct run r;
	json_t *v;

	demo();
	RUN_OK(&r, "check");
	ck_assert_msg(strstr(r.out, "pages and indexes    ok\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "renewal terms        ok\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, ": every check holds\n") != NULL, "%s", r.out);
	ck_assert_ptr_null(strstr(r.out, "FAILED"));
	run_finish(&r);
	RUN_OK(&r, "check", "--format", "json");
	v = parse_json(r.out);
	ck_assert(json_is_true(json_object_get(v, "ok")));
	ck_assert_uint_eq(json_array_size(json_object_get(v, "checks")), 7);
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* ally's own rules, broken behind its back: each is named, exit 3. */
START_TEST(check_names_each_broken_rule)
{
	struct run r;
	json_t *v;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", (char *)NULL);
	RUN_OK(&r, "contract", "renew", "1");
	run_finish(&r);
	sql(H.db, "UPDATE contract_terms SET start_date = '2027-01-05' WHERE renewed_on IS NOT NULL;"
		  "PRAGMA ignore_check_constraints = 1;"
		  "UPDATE partners SET phase = 'dating', version = 0 WHERE id = 1;");
	run_ally(&H, &r, NULL, "check", (char *)NULL);
	ck_assert_int_eq(r.status, 3);
	ck_assert_msg(strstr(r.out, "renewal terms        FAILED\n"
				    "  contract 1: term 2 starts 2027-01-05, not the day after "
				    "2026-12-31\n") != NULL,
		      "%s", r.out);
	ck_assert_msg(strstr(r.out, "  partner 1: phase 'dating', type 'channel'\n") != NULL, "%s",
		      r.out);
	ck_assert_msg(strstr(r.out, "  partner 1: version 0\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "pages and indexes    ok\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.err, "ally: check: the database does not pass") == r.err, "%s",
		      r.err);
	run_finish(&r);
	run_ally(&H, &r, NULL, "check", "--format", "json", (char *)NULL);
	ck_assert_int_eq(r.status, 3);
	v = parse_json(r.out);
	ck_assert(json_is_false(json_object_get(v, "ok")));
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* The case: a damaged page made reads fail, and writes went on. */
START_TEST(a_damaged_page_stops_every_write_until_a_check_passes)
{
	char good[400], *before, *after;
	struct run r;

	demo();
	snprintf(good, sizeof good, "%s/good.db", H.dir);
	RUN_OK(&r, "backup", good);
	run_finish(&r);
	damage("partners");
	RUN_FAILS(3, "is damaged (corrupt); nothing was changed; run 'ally check', and restore a "
		     "copy made with 'ally backup'",
		  "partner", "list");
	/* From now on, in any session, no write: not even one that would
	 * touch no damaged page. */
	RUN_FAILS(3, "nothing is written until 'ally check' passes", "partner", "add", "Zed",
		  "--type", "channel");
	RUN_FAILS(3, "'ally backup'", "status", "1", "--health", "red");
	before = harness_db_digest(&H);
	run_ally(&H, &r, NULL, "check", (char *)NULL);
	ck_assert_int_eq(r.status, 3);
	ck_assert_msg(strstr(r.out, "pages and indexes    FAILED\n") != NULL, "%s", r.out);
	run_finish(&r);
	after = harness_db_digest(&H);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	/* A damaged database makes no backup that passes for one. */
	RUN_FAILS(3, "does not pass integrity_check", "backup", "--force", good);
	/* Restored: still refused until a check says it is whole. */
	ck_assert_int_eq(rename(good, H.db), 0);
	RUN_FAILS(3, "nothing is written until 'ally check' passes", "partner", "add", "Zed",
		  "--type", "channel");
	RUN_OK(&r, "check");
	run_finish(&r);
	RUN_OK(&r, "partner", "add", "Zed", "--type", "channel");
	run_finish(&r);
}
END_TEST

START_TEST(backup_copies_checked_and_never_overwrites_unasked)
{
	char copy[400], arg[420];
	struct stat st;
	struct run r;

	demo();
	snprintf(copy, sizeof copy, "%s/copy.db", H.dir);
	RUN_OK(&r, "backup", copy);
	ck_assert_msg(strstr(r.out, "copy.db: ") != NULL && strstr(r.out, " bytes, checked\n"),
		      "%s", r.out);
	run_finish(&r);
	ck_assert_int_eq(stat(copy, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(sql_int(copy, "SELECT count(*) FROM partners"),
			 sql_int(H.db, "SELECT count(*) FROM partners"));
	RUN_FAILS(1, "copy.db already exists; --force replaces it", "backup", copy);
	add_partner("Later", "channel");
	RUN_OK(&r, "backup", copy, "--force");
	run_finish(&r);
	ck_assert_int_eq(sql_int(copy, "SELECT count(*) FROM partners WHERE name = 'Later'"), 1);
	/* The copy is a portfolio of its own that passes every check. */
	snprintf(arg, sizeof arg, "--db=%s", copy);
	run_ally_raw(&H, &r, NULL, arg, "check", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_finish(&r);
	RUN_FAILS(2, "missing FILE", "backup");
	RUN_FAILS(1, "FILE: must not be empty", "backup", "");
}
END_TEST

/* A backup taken while another process writes is one state, whole. */
START_TEST(backup_while_others_write)
{
	char copy[400], arg[420], name[32];
	struct run r;
	pid_t writer;
	int st;

	demo();
	writer = fork();
	if (writer == 0) {
		for (int i = 0; i < 40; i++) {
			snprintf(name, sizeof name, "W%d", i);
			run_ally(&H, &r, NULL, "partner", "add", name, "--type", "channel",
				 (char *)NULL);
			if (r.status != 0)
				_exit(1);
			run_finish(&r);
		}
		_exit(0);
	}
	snprintf(copy, sizeof copy, "%s/during.db", H.dir);
	for (int i = 0; i < 5; i++) {
		RUN_OK(&r, "backup", "--force", copy);
		run_finish(&r);
		snprintf(arg, sizeof arg, "--db=%s", copy);
		run_ally_raw(&H, &r, NULL, arg, "check", (char *)NULL);
		ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
		run_finish(&r);
	}
	ck_assert_int_eq(waitpid(writer, &st, 0), writer);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the writer failed");
}
END_TEST

/* A database at schema 1 (as an older ally left it), migrated by any
 * command: a copy as it was is kept beside it first. */
START_TEST(a_migration_keeps_a_copy_first)
{
	char bak[400];
	struct run r;

	unlink(H.db);
	sql(H.db, store_migrations[0]);
	sql(H.db, "INSERT INTO partners (name, name_key, type) VALUES ('Old', 'old', 'channel')");
	ck_assert_int_eq(sql_int(H.db, "PRAGMA user_version"), 1);
	RUN_OK(&r, "partner", "list");
	run_finish(&r);
	snprintf(bak, sizeof bak, "%s.schema-1.bak", H.db);
	ck_assert_int_eq(access(bak, F_OK), 0);
	ck_assert_int_eq(sql_int(bak, "PRAGMA user_version"), 1);
	ck_assert_int_eq(sql_int(bak, "SELECT count(*) FROM partners"), 1);
	ck_assert_int_gt(sql_int(H.db, "PRAGMA user_version"), 1);
}
END_TEST

static Suite *check_suite(void)
{
	Suite *s = suite_create("cli-check");
	TCase *tc = cli_tcase("check");

	tcase_add_test(tc, check_passes_on_a_sound_portfolio);
	tcase_add_test(tc, check_names_each_broken_rule);
	tcase_add_test(tc, a_damaged_page_stops_every_write_until_a_check_passes);
	suite_add_tcase(s, tc);
	tc = cli_tcase("backup");
	tcase_add_test(tc, backup_copies_checked_and_never_overwrites_unasked);
	tcase_add_test(tc, backup_while_others_write);
	tcase_add_test(tc, a_migration_keeps_a_copy_first);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(check_suite());
}
