/* harness.h: run the built ally binary as a user would, for end-to-end tests. */
#ifndef ALLY_TEST_HARNESS_H
#define ALLY_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

struct run {
	int status;  /* exit status, or 128+signal */
	char *out;   /* everything written to stdout (NUL-terminated) */
	char *err;   /* everything written to stderr */
};

/* A fresh temporary directory with a database path inside; removed by
 * harness_finish.  The binary is $ALLY_BIN (set by meson). */
struct harness {
	char dir[256];
	char db[300];
	const char *today; /* passed as --today; default "2026-11-22" */
};
void harness_init(struct harness *h);
void harness_finish(struct harness *h);

/* Run `ally --db H->db --today H->today ARGS...` (NULL-terminated), with
 * stdin_text (or nothing) on standard input.  The caller frees with
 * run_finish. */
void run_ally(struct harness *h, struct run *r, const char *stdin_text, ...);
/* Same, without the automatic --db/--today (to test option handling). */
void run_ally_raw(struct harness *h, struct run *r, const char *stdin_text, ...);
/* As run_ally, with standard output written to out_path (e.g. /dev/full)
 * instead of being captured; r->out stays empty. */
void run_ally_to(struct harness *h, struct run *r, const char *out_path, ...);
/* An out_path for run_ally_to: a pipe whose reader has already gone, as
 * in `ally renewals | head -1` once head has quit. */
#define HARNESS_CLOSED_PIPE "|closed-pipe|"
/* As run_ally with no input, standard output a terminal (a pseudo-
 * terminal in raw mode, so bytes arrive as written). */
void run_ally_tty(struct harness *h, struct run *r, ...);
/* Can this machine give us a pseudo-terminal?  (A bare chroot or a
 * container without /dev/pts cannot; tests that need one are skipped.) */
bool harness_have_pty(void);
void run_finish(struct run *r);

/* Write text to DIR/name and return the full path (static storage until
 * the next call). */
const char *harness_write(struct harness *h, const char *name, const char *text);

/* A hash of the database file (and its WAL, if any), to prove a failure
 * changed nothing: harness_db_digest before and after must match.  The
 * caller frees it. */
char *harness_db_digest(struct harness *h);

#endif
