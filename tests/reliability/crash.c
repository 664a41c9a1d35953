/* crash.c: `kill -9` at a random moment loses nothing that was reported
 * done and leaves a database that passes `ally check`.  One promise per
 * meson test (its first argument):
 *
 *   writes N   N times: a `status` command killed after a random 0-15 ms,
 *              with another writer queued behind it; after each, `ally
 *              check` passes, and every command that exited 0 (reported
 *              done) is in the database, every one killed is there or not
 *              (never half), and no lock is left behind
 *   import N   N times: an import of 2,000 partners killed at a random
 *              moment: afterwards there are either none of them or all
 *
 * The random moments come from a fixed seed ($ALLY_CRASH_SEED), so that
 * a failure can be run again. */
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../cli/harness.h"
#include "promise.h"

static struct harness H;
static const char *mode;
static int rounds;

static void setup(void)
{
	struct run r;

	harness_init(&H);
	run_ally(&H, &r, NULL, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "init: %s", r.err);
	run_finish(&r);
	run_ally(&H, &r, NULL, "partner", "add", "Acme", "--type", "channel", (char *)NULL);
	ck_assert_msg(r.status == 0, "add: %s", r.err);
	run_finish(&r);
}

static void teardown(void)
{
	harness_finish(&H);
}

/* Read-write, as the next session to open it would: it rolls back the
 * journal a killed writer left. */
static int64_t sql_int(const char *sql, const char *text)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* `ally --db DB --today ... ARGS` as a child of ours, its output thrown
 * away; the pid. */
static pid_t spawn(const char *const *args)
{
	const char *bin = getenv("ALLY_BIN");
	char *argv[16];
	int n = 0;
	pid_t pid;

	argv[n++] = (char *)bin;
	argv[n++] = (char *)"--db";
	argv[n++] = H.db;
	for (int i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	pid = fork();
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL || freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		execv(bin, argv);
		_exit(127);
	}
	return pid;
}

static void pause_us(long us)
{
	const struct timespec t = { us / 1000000, (us % 1000000) * 1000 };

	nanosleep(&t, NULL);
}

static void check_passes(int round)
{
	struct run r;

	run_ally(&H, &r, NULL, "check", (char *)NULL);
	ck_assert_msg(r.status == 0, "round %d: check failed:\n%s%s", round, r.out, r.err);
	run_finish(&r);
}

START_TEST(writes_survive_kill_9)
{
	int done = 0, killed = 0;
	char tag[32];

	for (int i = 0; i < rounds; i++) {
		const char *args[] = { "status", "Acme", "--health", "red", "--note", tag, NULL };
		const char *next[] = { "status", "Acme", "--health", "green", NULL };
		pid_t victim, behind;
		int st, st2;
		int64_t n;

		snprintf(tag, sizeof tag, "crash-%d", i);
		victim = spawn(args);
		behind = spawn(next); /* queued behind it: must not be stuck by its death */
		pause_us(rand() % 15000);
		kill(victim, SIGKILL);
		ck_assert_int_eq(waitpid(victim, &st, 0), victim);
		ck_assert_int_eq(waitpid(behind, &st2, 0), behind);
		ck_assert_msg(WIFEXITED(st2) && WEXITSTATUS(st2) == 0,
			      "round %d: the writer behind the killed one failed", i);
		n = sql_int("SELECT count(*) FROM status_updates WHERE note = ?1", tag);
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
			ck_assert_msg(n == 1, "round %d: reported done, but in the database %lld times",
				      i, (long long)n);
			done++;
		} else {
			ck_assert_msg(n == 0 || n == 1, "round %d: %lld rows", i, (long long)n);
			killed++;
		}
		check_passes(i);
	}
	printf("writes: %d rounds, %d finished before the kill, %d killed; every reported change "
	       "present, every check passed\n",
	       rounds, done, killed);
	ck_assert_int_gt(killed, 0);
}
END_TEST

START_TEST(import_is_all_or_nothing)
{
	char path[400];
	int64_t before = 1, whole = 0, none = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/partners.csv", H.dir);
	for (int i = 0; i < rounds; i++) {
		const char *args[] = { "import", "partners", path, NULL };
		int64_t n;
		pid_t pid;
		int st;

		f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs("name,type\n", f);
		for (int k = 0; k < 2000; k++)
			fprintf(f, "Round %d partner %d,channel\n", i, k);
		fclose(f);
		pid = spawn(args);
		pause_us(rand() % 300000);
		kill(pid, SIGKILL);
		ck_assert_int_eq(waitpid(pid, &st, 0), pid);
		n = sql_int("SELECT count(*) FROM partners", NULL);
		ck_assert_msg(n == before || n == before + 2000,
			      "round %d: %lld partners, want %lld or %lld", i, (long long)n,
			      (long long)before, (long long)(before + 2000));
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			ck_assert_int_eq(n, before + 2000);
		whole += n != before;
		none += n == before;
		before = n;
		check_passes(i);
	}
	printf("import: %d rounds killed at random: %lld whole, %lld not at all, never a part\n",
	       rounds, (long long)whole, (long long)none);
}
END_TEST

int main(int argc, char **argv)
{
	const char *seed = getenv("ALLY_CRASH_SEED");
	const struct promise promises[] = {
		{ "writes", writes_survive_kill_9 },
		{ "import", import_is_all_or_nothing },
	};

	mode = argc > 1 ? argv[1] : "";
	rounds = argc > 2 ? atoi(argv[2]) : 20;
	srand(seed != NULL ? (unsigned)atoi(seed) : 20261207u);
	return promise_run("crash", mode, promises, sizeof promises / sizeof promises[0], setup,
			   teardown, 900);
}
