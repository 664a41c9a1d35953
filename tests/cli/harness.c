/* harness.c: fork and exec the built binary, capturing its output. */
#include "harness.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "ally/util.h"
#include "tmpdir.h"

void harness_init(struct harness *h)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(h->dir, sizeof h->dir, "%s/ally-test-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(h->dir) == NULL) {
		perror("mkdtemp");
		exit(77);
	}
	snprintf(h->db, sizeof h->db, "%s/t.db", h->dir);
	h->today = "2026-11-22";
}

void harness_finish(struct harness *h)
{
	if (tmpdir_remove(h->dir) != 0)
		fprintf(stderr, "harness: could not remove %s\n", h->dir);
}

static void drain(int fd, struct buf *b, bool *open)
{
	char chunk[4096];
	ssize_t n = read(fd, chunk, sizeof chunk);

	if (n > 0)
		buf_add(b, chunk, (size_t)n);
	else if (n == 0 || errno != EINTR)
		*open = false;
}

/* In the child: standard output goes to out_path instead of the pipe, or
 * (HARNESS_CLOSED_PIPE) to a pipe whose reader is gone, with SIGPIPE at
 * its default so the program must protect itself as under a shell. */
static void redirect_stdout(const char *out_path)
{
	int fd, gone[2];

	if (strcmp(out_path, HARNESS_CLOSED_PIPE) == 0) {
		if (pipe(gone) != 0)
			_exit(127);
		close(gone[0]);
		signal(SIGPIPE, SIG_DFL);
		dup2(gone[1], 1);
		close(gone[1]);
		return;
	}
	fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0) {
		perror(out_path);
		_exit(127);
	}
	dup2(fd, 1);
	close(fd);
}

/* Read the child's standard output and error until both are closed (a
 * pty master reports that as EIO, which drain takes as the end). */
static void collect(int out, int err, struct buf *bo, struct buf *be)
{
	bool oo = true, eo = true;

	buf_init(bo);
	buf_init(be);
	while (oo || eo) {
		struct pollfd p[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };

		p[0].fd = oo ? out : -1;
		p[1].fd = eo ? err : -1;
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents)
			drain(out, bo, &oo);
		if (p[1].revents)
			drain(err, be, &eo);
	}
}

static void run_argv(struct run *r, const char *stdin_text, const char *out_path, char **argv)
{
	int in[2], out[2], err[2], st;
	pid_t pid;
	struct buf bo, be;

	if (pipe(in) || pipe(out) || pipe(err)) {
		perror("pipe");
		exit(99);
	}
	pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		if (out_path != NULL)
			redirect_stdout(out_path);
		close(in[1]);
		close(out[0]);
		close(err[0]);
		execv(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(err[1]);
	if (stdin_text != NULL) {
		size_t len = strlen(stdin_text), off = 0;

		while (off < len) {
			ssize_t n = write(in[1], stdin_text + off, len - off);
			if (n <= 0)
				break;
			off += (size_t)n;
		}
	}
	close(in[1]);
	collect(out[0], err[0], &bo, &be);
	close(out[0]);
	close(err[0]);
	waitpid(pid, &st, 0);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r->out = buf_take(&bo);
	r->err = buf_take(&be);
}

static void run_va(struct harness *h, struct run *r, const char *stdin_text, bool globals,
		   const char *out_path, va_list ap)
{
	char *argv[128];
	int argc = 0;
	const char *bin = getenv("ALLY_BIN");
	const char *a;

	argv[argc++] = (char *)(bin ? bin : "build/ally");
	if (globals) {
		argv[argc++] = (char *)"--db";
		argv[argc++] = h->db;
		argv[argc++] = (char *)"--today";
		argv[argc++] = (char *)h->today;
	}
	while ((a = va_arg(ap, const char *)) != NULL && argc < 127)
		argv[argc++] = (char *)a;
	argv[argc] = NULL;
	run_argv(r, stdin_text, out_path, argv);
}

void run_ally(struct harness *h, struct run *r, const char *stdin_text, ...)
{
	va_list ap;

	va_start(ap, stdin_text);
	run_va(h, r, stdin_text, true, NULL, ap);
	va_end(ap);
}

void run_ally_raw(struct harness *h, struct run *r, const char *stdin_text, ...)
{
	va_list ap;

	va_start(ap, stdin_text);
	run_va(h, r, stdin_text, false, NULL, ap);
	va_end(ap);
}

void run_ally_to(struct harness *h, struct run *r, const char *out_path, ...)
{
	va_list ap;

	va_start(ap, out_path);
	run_va(h, r, NULL, true, out_path, ap);
	va_end(ap);
}

bool harness_have_pty(void)
{
	int master, slave;

	if (openpty(&master, &slave, NULL, NULL, NULL) != 0)
		return false;
	close(master);
	close(slave);
	return true;
}

static void run_tty_argv(struct run *r, char **argv)
{
	int master, slave, err[2], st;
	struct termios raw;
	struct buf bo, be;
	pid_t pid;

	if (openpty(&master, &slave, NULL, NULL, NULL) != 0 || pipe(err) != 0) {
		perror("openpty");
		exit(77);
	}
	/* Raw: the terminal must not turn "\n" into "\r\n" behind our back. */
	tcgetattr(slave, &raw);
	cfmakeraw(&raw);
	tcsetattr(slave, TCSANOW, &raw);
	pid = fork();
	if (pid == 0) {
		dup2(slave, 1);
		dup2(err[1], 2);
		close(master);
		close(err[0]);
		close(0);
		execv(argv[0], argv);
		_exit(127);
	}
	close(slave);
	close(err[1]);
	collect(master, err[0], &bo, &be);
	close(err[0]);
	close(master);
	waitpid(pid, &st, 0);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r->out = buf_take(&bo);
	r->err = buf_take(&be);
}

void run_ally_tty(struct harness *h, struct run *r, ...)
{
	char *argv[128];
	const char *bin = getenv("ALLY_BIN"), *a;
	int argc = 0;
	va_list ap;

	argv[argc++] = (char *)(bin ? bin : "build/ally");
	argv[argc++] = (char *)"--db";
	argv[argc++] = h->db;
	argv[argc++] = (char *)"--today";
	argv[argc++] = (char *)h->today;
	va_start(ap, r);
	while ((a = va_arg(ap, const char *)) != NULL && argc < 127)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	run_tty_argv(r, argv);
}

void run_finish(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

const char *harness_write(struct harness *h, const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", h->dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

static void fnv_file(const char *path, uint64_t *h)
{
	FILE *f = fopen(path, "rb");
	int c;

	if (f == NULL)
		return;
	while ((c = getc(f)) != EOF) {
		*h ^= (unsigned char)c;
		*h *= 1099511628211ULL;
	}
	fclose(f);
}

char *harness_db_digest(struct harness *h)
{
	uint64_t hash = 1469598103934665603ULL;
	char wal[320];

	snprintf(wal, sizeof wal, "%s-wal", h->db);
	fnv_file(h->db, &hash);
	fnv_file(wal, &hash);
	return xasprintf("%016llx", (unsigned long long)hash);
}
