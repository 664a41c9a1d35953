/* check-snapshot.c: a long read does not hold a colleague's write up.
 *
 * An export writes into a pipe that nobody reads, so ally blocks in the
 * middle of its output, as it would behind a pager or a slow network.
 * Meanwhile a colleague records a status.  With the rollback journal a
 * reader holds the shared lock for as long as it reads, and the
 * colleague's commit would wait its 5 s and fail (exit 3); the export
 * reads a private snapshot instead, so the status is saved at once (exit
 * 0), and the export, once read, still shows the portfolio as it was when
 * it began.  The last test runs the same with no room for the snapshot
 * (the export then reads in place, as before snapshots existed) and sees
 * the colleague fail: the first test would catch the old behaviour. */
#define _GNU_SOURCE /* F_GETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ally/util.h"
#include "io-test.h"

#define PARTNERS 5000 /* ~300 KB of CSV: more than a pipe and ally's buffer hold */

/* A portfolio large enough to fill the pipe. */
static void big_portfolio(void)
{
	struct buf b;
	struct run r;
	char *path;

	buf_init(&b);
	buf_puts(&b, "name,type,health,status_date\n");
	for (int i = 1; i <= PARTNERS; i++)
		buf_printf(&b, "Partner %05d,channel,green,2026-11-01\n", i);
	path = xstrdup(harness_write(&H, "big.csv", b.data));
	IO_OK(&r, NULL, "import", "partners", path);
	run_finish(&r);
	free(path);
	buf_finish(&b);
}

/* `ally export partners` with standard output into a pipe; the read end
 * in *out, the process's id returned. */
static pid_t start_export(int *out)
{
	const char *bin = getenv("ALLY_BIN");
	int p[2];
	pid_t pid;

	ck_assert_int_eq(pipe(p), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execl(bin ? bin : "build/ally", "ally", "--db", H.db, "--today", H.today, "export",
		      "partners", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	*out = p[0];
	return pid;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Wait (up to a generous 30 s) until the pipe is full: ally is blocked
 * writing, in the middle of its export. */
static void wait_until_blocked(int fd, pid_t pid)
{
	int cap = fcntl(fd, F_GETPIPE_SZ), queued = 0;
	double end = now() + 30;

	ck_assert_int_gt(cap, 0);
	while (now() < end) {
		int status;

		ck_assert_int_eq(ioctl(fd, FIONREAD, &queued), 0);
		if (queued >= cap)
			return;
		ck_assert_msg(waitpid(pid, &status, WNOHANG) == 0,
			      "the export ended before filling the pipe");
		usleep(10000);
	}
	ck_abort_msg("the pipe never filled (%d of %d bytes)", queued, cap);
}

/* Read the rest of the export and its exit status. */
static char *finish_export(int fd, pid_t pid, int *status)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;

	buf_init(&b);
	while ((n = read(fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			buf_add(&b, chunk, (size_t)n);
	close(fd);
	ck_assert_int_eq(waitpid(pid, status, 0), pid);
	return buf_take(&b);
}

/* The line of text that starts with prefix (static storage). */
static const char *first_line_of(const char *text, const char *prefix)
{
	static char line[1024];
	const char *p = strstr(text, prefix);
	size_t n;

	ck_assert_msg(p != NULL && (p == text || p[-1] == '\n'), "no line %s", prefix);
	n = strcspn(p, "\r\n");
	ck_assert_uint_lt(n, sizeof line);
	memcpy(line, p, n);
	line[n] = '\0';
	return line;
}

/* The journal mode ally uses here: the test is about the rollback one. */
static bool rollback_journal(void)
{
	struct run r;
	bool rollback;

	IO_OK(&r, NULL, "init");
	rollback = strstr(r.out, "journal delete") != NULL;
	run_finish(&r);
	return rollback;
}

START_TEST(colleague_writes_during_a_blocked_export)
{
	struct run r;
	char *out;
	int fd, status;
	pid_t pid;

	big_portfolio();
	pid = start_export(&fd);
	wait_until_blocked(fd, pid);
	run_ally(&H, &r, NULL, "status", "Partner 00001", "--health", "red", "--note", "late",
		 (char *)NULL);
	ck_assert_msg(r.status == 0, "the colleague's status failed (exit %d): %s", r.status, r.err);
	run_finish(&r);
	out = finish_export(fd, pid, &status);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "export: status %d", status);
	ck_assert_int_eq(count_lines(out), PARTNERS + 1);
	/* The snapshot: the export began before the status was recorded. */
	ck_assert_msg(strstr(first_line_of(out, "1,Partner 00001,"), ",green,,2026-11-01,") != NULL,
		      "the export does not show the partner as it was: %.300s", out);
	free(out);
	RUN_OK(&r, "export", "partners");
	ck_assert_ptr_nonnull(strstr(first_line_of(r.out, "1,Partner 00001,"), ",red,late,2026-11-22,"));
	run_finish(&r);
}
END_TEST

/* No room for a copy: the export reads in place, with the same output. */
START_TEST(export_without_room_for_a_snapshot)
{
	struct run r;
	char *with, *without;

	big_portfolio();
	RUN_OK(&r, "export", "partners");
	with = xstrdup(r.out);
	run_finish(&r);
	setenv("TMPDIR", "/nonexistent/ally", 1);
	RUN_OK(&r, "export", "partners");
	unsetenv("TMPDIR");
	without = xstrdup(r.out);
	run_finish(&r);
	ck_assert_str_eq(with, without);
	free(with);
	free(without);
}
END_TEST

/* The premise of the first test: reading in place (no room for the
 * snapshot), the blocked export holds the shared lock and the colleague
 * fails after its 5 s.  So the first test fails without snapshots. */
START_TEST(in_place_the_colleague_fails)
{
	struct run r;
	int fd, status;
	pid_t pid;

	if (!rollback_journal())
		return; /* WAL: readers never block writers */
	big_portfolio();
	setenv("TMPDIR", "/nonexistent/ally", 1);
	pid = start_export(&fd);
	unsetenv("TMPDIR");
	wait_until_blocked(fd, pid);
	run_ally(&H, &r, NULL, "status", "Partner 00001", "--health", "red", (char *)NULL);
	ck_assert_int_eq(r.status, 3);
	ck_assert_ptr_nonnull(strstr(r.err, "locked"));
	run_finish(&r);
	free(finish_export(fd, pid, &status));
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("snapshot");
	TCase *tc = cli_tcase("snapshot");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, colleague_writes_during_a_blocked_export);
	tcase_add_test(tc, export_without_room_for_a_snapshot);
	tcase_add_test(tc, in_place_the_colleague_fails);
	suite_add_tcase(s, tc);
	return cli_run_suite(s);
}
