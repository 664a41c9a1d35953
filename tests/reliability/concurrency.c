/* concurrency.c: many writers on one database at once, as several people
 * and their scripts on one shared host are.  One program, one promise per
 * meson test (its first argument):
 *
 *   edits-rollback, edits-wal  8 processes x 300 random edits, phase moves
 *                              and renewals through the store, in either
 *                              journal: no lock error reaches anyone, and
 *                              every change reported done is in the
 *                              database exactly once, every refused one
 *                              absent.
 *   writers                    32 `ally status` loops x 50 at once: no
 *                              lock error; the 99th percentile wait is
 *                              printed, and every wait held to
 *                              $ALLY_P99_MAX_MS.
 *   notes                      two scripts that read a partner's notes and
 *                              append to them with --if-version, retrying
 *                              when refused: nothing is lost.
 *   renew                      two `contract renew --if-version` at once,
 *                              20 times: exactly one renews each time. */
#include <check.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../cli/harness.h"
#include "promise.h"
#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/store.h"
#include "ally/util.h"

static const char *mode;
static struct harness H;

#define NPARTNERS 16

static void fail_unless_ok(int rc, const struct ally_err *err, const char *what)
{
	if (rc != ALLY_OK)
		ck_abort_msg("%s: %s", what, err->msg);
}

static struct store *open_store(enum store_journal j, const char *user)
{
	struct store_opts o = { j, 0, user, false, false, NULL };
	struct ally_err err = { 0 };
	struct store *s = store_open(H.db, &o, &err);

	ck_assert_msg(s != NULL, "open: %s", err.msg);
	return s;
}

/* 16 partners and one active contract each, ids 1..16. */
static void fill(enum store_journal j)
{
	struct store *s = open_store(j, "setup");
	struct ally_err err = { 0 };
	char name[32];

	fail_unless_ok(store_migrate(s, &err), &err, "migrate");
	for (int i = 1; i <= NPARTNERS; i++) {
		struct partner p;
		struct contract c;

		partner_init(&p);
		snprintf(name, sizeof name, "P%d", i);
		p.name = xstrdup(name);
		p.type = PTYPE_CHANNEL;
		fail_unless_ok(store_partner_add(s, &p, &err), &err, "partner");
		contract_init(&c);
		c.partner_id = p.id;
		c.title = xstrdup("Deal");
		c.start_date = date_from_ymd(2026, 1, 1);
		c.end_date = date_from_ymd(2026, 12, 31);
		fail_unless_ok(store_contract_add(s, &c, &err), &err, "contract");
		contract_finish(&c);
		partner_finish(&p);
	}
	store_close(s);
}

static void setup(void)
{
	harness_init(&H);
}

static void teardown(void)
{
	harness_finish(&H);
}

/* ---- edits: the store from 8 processes ---- */

enum edit { E_STATUS, E_REGION, E_ADVANCE, E_RENEW, E_KINDS };
#define EDITORS 8
#define EDITS 300

/* One edit, as a child logs it: "kind target rc tag". */
static int edit_one(struct store *s, int kind, int target, const char *tag, ally_date today,
		    struct ally_err *err)
{
	struct partner p;
	ally_date a, b;
	enum phase from, to;
	int rc;

	switch (kind) {
	case E_STATUS:
		return store_status_add(s, target, HEALTH_AMBER, tag, today, err);
	case E_REGION:
		/* Read, then write: another may change the partner between. */
		partner_init(&p);
		rc = store_partner_get(s, target, &p, err);
		if (rc == ALLY_OK) {
			free(p.region);
			p.region = xstrdup(tag);
			rc = store_partner_update(s, &p, err);
			partner_finish(&p);
		}
		return rc;
	case E_ADVANCE:
		return store_phase_move(s, target, -1, tag, today, &from, &to, err);
	default:
		return store_contract_renew(s, target, DATE_NONE, today, &a, &b, err);
	}
}

static void editor(int n, enum store_journal j)
{
	char user[16], tag[32], path[400];
	struct store *s;
	FILE *log;

	snprintf(user, sizeof user, "editor%d", n);
	snprintf(path, sizeof path, "%s/edits.%d", H.dir, n);
	log = fopen(path, "w");
	s = open_store(j, user);
	srand((unsigned)n * 7919u + 1);
	for (int e = 0; e < EDITS; e++) {
		struct ally_err err = { 0 };
		int kind = rand() % E_KINDS, target = 1 + rand() % NPARTNERS;
		int rc;

		snprintf(tag, sizeof tag, "e%d-%d", n, e);
		rc = edit_one(s, kind, target, tag, date_from_ymd(2026, 12, 7), &err);
		fprintf(log, "%d %d %d %s\t%s\n", kind, target, rc, tag, err.msg);
	}
	store_close(s);
	fclose(log);
	_exit(0);
}

static int64_t count(sqlite3 *db, const char *sql, const char *text, int64_t id)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void check_edit(sqlite3 *db, int kind, int target, int rc, const char *tag,
		       int renewed[NPARTNERS + 1])
{
	static const char *const sql[] = {
		"SELECT count(*) FROM status_updates WHERE note = ?1",
		"SELECT count(*) FROM audit_log WHERE field = 'region' AND new_value = ?1",
		"SELECT count(*) FROM phase_moves WHERE note = ?1",
	};
	int64_t n;

	if (kind == E_RENEW) {
		renewed[target] += rc == ALLY_OK;
		return;
	}
	n = count(db, sql[kind], tag, 0);
	ck_assert_msg(n == (rc == ALLY_OK ? 1 : 0), "%s (kind %d, rc %d) is in the database %lld times",
		      tag, kind, rc, (long long)n);
}

static void run_edits(enum store_journal j)
{
	int renewed[NPARTNERS + 1] = { 0 }, done = 0, refused = 0;
	char path[400], line[700], tag[32], msg[600];
	pid_t pids[EDITORS];
	sqlite3 *db;

	fill(j);
	for (int n = 0; n < EDITORS; n++)
		if ((pids[n] = fork()) == 0)
			editor(n, j);
	for (int n = 0; n < EDITORS; n++) {
		int st;

		ck_assert_int_eq(waitpid(pids[n], &st, 0), pids[n]);
		ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "editor %d died", n);
	}
	ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (int n = 0; n < EDITORS; n++) {
		FILE *log;

		snprintf(path, sizeof path, "%s/edits.%d", H.dir, n);
		log = fopen(path, "r");
		ck_assert_ptr_nonnull(log);
		while (fgets(line, sizeof line, log) != NULL) {
			int kind, target, rc;

			msg[0] = '\0';
			ck_assert_int_ge(sscanf(line, "%d %d %d %31s\t%599[^\n]", &kind, &target, &rc,
						tag, msg),
					 4);
			/* A refusal is a rule (a stale read, a move not allowed);
			 * a lock or any database error must never reach a user. */
			ck_assert_msg(rc == ALLY_OK || rc == ALLY_EUSER, "%s: %s", tag, msg);
			check_edit(db, kind, target, rc, tag, renewed);
			done += rc == ALLY_OK;
			refused += rc != ALLY_OK;
		}
		fclose(log);
	}
	for (int i = 1; i <= NPARTNERS; i++)
		ck_assert_int_eq(count(db, "SELECT count(*) FROM contract_terms WHERE contract_id = ?1",
				       NULL, i),
				 1 + renewed[i]);
	sqlite3_close(db);
	printf("%s: %d edits done, %d refused by a rule, none failed\n", mode, done, refused);
	ck_assert_int_gt(done, EDITORS * EDITS / 2);
}

START_TEST(edits_rollback)
{
	run_edits(STORE_JOURNAL_ROLLBACK);
}
END_TEST

START_TEST(edits_wal)
{
	run_edits(STORE_JOURNAL_WAL);
}
END_TEST

/* ---- writers: 32 command lines ---- */

#define WRITERS 32
#define WRITES 50

static double mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void writer(int n)
{
	char path[400], partner[16], note[32];
	FILE *log;

	snprintf(path, sizeof path, "%s/writes.%d", H.dir, n);
	log = fopen(path, "w");
	for (int e = 0; e < WRITES; e++) {
		struct run r;
		double t0 = mono_ms();

		snprintf(partner, sizeof partner, "P%d", 1 + (n + e) % NPARTNERS);
		snprintf(note, sizeof note, "w%d-%d", n, e);
		run_ally(&H, &r, NULL, "status", partner, "--health", "red", "--note", note,
			 (char *)NULL);
		fprintf(log, "%d %.1f %s\t%s", r.status, mono_ms() - t0, note,
			r.err[0] ? r.err : "\n");
		run_finish(&r);
	}
	fclose(log);
	_exit(0);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

START_TEST(writers)
{
	static double ms[WRITERS * WRITES];
	char path[400], line[700], note[32], msg[600];
	const char *max_env = getenv("ALLY_P99_MAX_MS");
	pid_t pids[WRITERS];
	size_t n = 0;
	double p50, p99;
	sqlite3 *db;

	fill(STORE_JOURNAL_AUTO);
	for (int i = 0; i < WRITERS; i++)
		if ((pids[i] = fork()) == 0)
			writer(i);
	for (int i = 0; i < WRITERS; i++) {
		int st;

		ck_assert_int_eq(waitpid(pids[i], &st, 0), pids[i]);
		ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (int i = 0; i < WRITERS; i++) {
		FILE *log;

		snprintf(path, sizeof path, "%s/writes.%d", H.dir, i);
		log = fopen(path, "r");
		ck_assert_ptr_nonnull(log);
		while (fgets(line, sizeof line, log) != NULL && n < WRITERS * WRITES) {
			int rc;

			msg[0] = '\0';
			ck_assert_int_ge(sscanf(line, "%d %lf %31s\t%599[^\n]", &rc, &ms[n], note, msg),
					 3);
			ck_assert_msg(rc == 0, "%s: exit %d: %s", note, rc, msg);
			ck_assert_int_eq(count(db, "SELECT count(*) FROM status_updates WHERE note = ?1",
					       note, 0),
					 1);
			n++;
		}
		fclose(log);
	}
	sqlite3_close(db);
	ck_assert_int_eq(n, WRITERS * WRITES);
	qsort(ms, n, sizeof ms[0], cmp_double);
	p50 = ms[n / 2];
	p99 = ms[n * 99 / 100];
	printf("writers: %d x %d status commands at once: none failed; wall time per command "
	       "p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
	       WRITERS, WRITES, p50, p99, ms[n - 1]);
	/* The bound holds for every command, not only the 99th percentile:
	 * with SQLite's busy handler alone, one in a few hundred waited
	 * 2.5 s or more while newcomers went first. */
	if (max_env != NULL)
		ck_assert_msg(ms[n - 1] <= atof(max_env), "p99 %.0f ms, max %.0f ms > %s ms", p99,
			      ms[n - 1], max_env);
}
END_TEST

/* ---- notes: read, append, write with --if-version ---- */

#define APPENDS 60

static json_t *show(const char *partner)
{
	struct run r;
	json_t *v;

	run_ally(&H, &r, NULL, "partner", "show", partner, "--format", "json", (char *)NULL);
	ck_assert_msg(r.status == 0, "show: %s", r.err);
	v = json_loads(r.out, 0, NULL);
	ck_assert_ptr_nonnull(v);
	run_finish(&r);
	return v;
}

static void appender(int n)
{
	int refused = 0;

	for (int e = 0; e < APPENDS; e++) {
		for (;;) {
			json_t *p = show("P1");
			const char *notes = json_string_value(json_object_get(p, "notes"));
			char version[32], *pair;
			struct run r;

			snprintf(version, sizeof version, "%lld",
				 (long long)json_integer_value(json_object_get(p, "version")));
			pair = xasprintf("notes=%s[a%d-%d]", notes ? notes : "", n, e);
			run_ally(&H, &r, NULL, "partner", "set", "P1", pair, "--if-version", version,
				 (char *)NULL);
			free(pair);
			json_decref(p);
			if (r.status == 0) {
				run_finish(&r);
				break;
			}
			/* Refused: someone wrote first; read again and retry. */
			if (r.status != 1 || strstr(r.err, "nothing changed") == NULL)
				_exit(2);
			refused++;
			run_finish(&r);
		}
	}
	_exit(refused > 0 ? 0 : 3);
}

START_TEST(notes_appended)
{
	pid_t pids[2];
	int raced = 0;
	json_t *p;
	const char *text;
	char tag[32];

	fill(STORE_JOURNAL_AUTO);
	for (int i = 0; i < 2; i++)
		if ((pids[i] = fork()) == 0)
			appender(i);
	for (int i = 0; i < 2; i++) {
		int st;

		ck_assert_int_eq(waitpid(pids[i], &st, 0), pids[i]);
		ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) != 2, "appender %d failed", i);
		raced += WEXITSTATUS(st) == 0;
	}
	p = show("P1");
	text = json_string_value(json_object_get(p, "notes"));
	ck_assert_ptr_nonnull(text);
	for (int i = 0; i < 2; i++)
		for (int e = 0; e < APPENDS; e++) {
			const char *at;

			snprintf(tag, sizeof tag, "[a%d-%d]", i, e);
			at = strstr(text, tag);
			ck_assert_msg(at != NULL, "%s was lost", tag);
			ck_assert_msg(strstr(at + 1, tag) == NULL, "%s is there twice", tag);
		}
	printf("notes: 2 scripts x %d appends with --if-version: none lost (%d of them were "
	       "refused at least once and retried)\n",
	       APPENDS, raced);
	json_decref(p);
}
END_TEST

/* ---- renew: two at once renew once ---- */

START_TEST(renew_once)
{
	int once = 0;

	fill(STORE_JOURNAL_AUTO);
	for (int trial = 0; trial < 20; trial++) {
		json_t *c;
		struct run r;
		char version[32];
		pid_t pids[2];
		int ok = 0, refused = 0;

		run_ally(&H, &r, NULL, "contract", "show", "1", "--format", "json", (char *)NULL);
		c = json_loads(r.out, 0, NULL);
		ck_assert_ptr_nonnull(c);
		snprintf(version, sizeof version, "%lld",
			 (long long)json_integer_value(json_object_get(c, "version")));
		json_decref(c);
		run_finish(&r);
		for (int i = 0; i < 2; i++)
			if ((pids[i] = fork()) == 0) {
				run_ally(&H, &r, NULL, "contract", "renew", "1", "--if-version", version,
					 (char *)NULL);
				_exit(r.status == 1 && strstr(r.err, "nothing changed") == NULL ? 9
												 : r.status);
			}
		for (int i = 0; i < 2; i++) {
			int st;

			ck_assert_int_eq(waitpid(pids[i], &st, 0), pids[i]);
			ck_assert(WIFEXITED(st));
			ok += WEXITSTATUS(st) == 0;
			refused += WEXITSTATUS(st) == 1;
		}
		ck_assert_msg(ok == 1 && refused == 1, "trial %d: %d renewed, %d refused", trial, ok,
			      refused);
		once++;
	}
	{
		sqlite3 *db;

		ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		ck_assert_int_eq(
			count(db, "SELECT count(*) FROM contract_terms WHERE contract_id = ?1", NULL, 1),
			21);
		sqlite3_close(db);
	}
	printf("renew: two renewals at once with the same --if-version, %d times: one renewed "
	       "each time\n",
	       once);
}
END_TEST

int main(int argc, char **argv)
{
	const struct promise promises[] = {
		{ "edits-rollback", edits_rollback }, { "edits-wal", edits_wal },
		{ "writers", writers },               { "notes", notes_appended },
		{ "renew", renew_once },
	};

	mode = argc > 1 ? argv[1] : "";
	return promise_run("concurrency", mode, promises, sizeof promises / sizeof promises[0],
			   setup, teardown, 600);
}
