/* tui-test.h: what the end-to-end tests of the interface share.
 *
 * Each test gets a fresh temporary database (H, the command line tests'
 * fixture), fills it with the command line (the same binary), opens the
 * interface on it in a pseudo-terminal (vt.h) and types keys, waiting for
 * what the screen must show.  Every wait has a deadline and returns as
 * soon as the screen shows it; a failure prints the screen. */
#ifndef ALLY_TUI_TEST_H
#define ALLY_TUI_TEST_H

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "cli-test.h"
#include "vt.h"

/* The day every test plans for (the demo's dates and the bands follow). */
#define TUI_TODAY "2026-11-22"

/* Deadlines.  T_WAIT is for what must come eventually (a screen after a
 * key): generous, since a wait ends the moment the text shows.  T_LIVE
 * and T_SIGNAL are promises the interface makes (another session's change
 * within 2 s, leaving within 1 s of SIGHUP/SIGTERM); a sanitized build
 * (TUI_SANITIZED, set by meson) runs slower, so they stretch there. */
#ifdef TUI_SANITIZED
#define TUI_SLOW 2
#else
#define TUI_SLOW 1
#endif
#define T_WAIT   (5000 * TUI_SLOW)
#define T_LIVE   (2000 * TUI_SLOW)
#define T_SIGNAL (1000 * TUI_SLOW)

/* Open the interface on H.db in a rows x cols terminal: xterm-256color,
 * C.UTF-8, ALLY_TODAY=TUI_TODAY, ALLY_USER=tester, then env (KEY=VALUE,
 * NULL-terminated, may be NULL) over them. */
struct vt *tui_open(int rows, int cols, const char *const env[]);
/* The same, waiting until the screen shows text (the first view). */
struct vt *tui_open_at(int rows, int cols, const char *const env[], const char *text);

/* Quit with q (Esc first, to leave anything open) and check the way out:
 * exit status 0, the alternate screen left and the cursor shown. */
void tui_quit(struct vt *vt);

/* Wait up to ms until the row holding name shows cell (a column's value
 * with the blanks around it: " R "), on a settled screen. */
bool tui_wait_row_has(struct vt *vt, const char *name, const char *cell, int ms);

/* Type a search for text in the current list ('/', text, Enter). */
void tui_search(struct vt *vt, const char *text);

/* In a menu on screen, move the selection (Down, then Up) to the item
 * that reads label and pick it with Enter.  The selected item is the one
 * after the menu's mark ("> "), in colour or not; fails the test when no
 * item reads label. */
void tui_menu_pick(struct vt *vt, const char *label);

/* Run ally with --db/--today and arguments (NULL-terminated); fail the
 * test unless it succeeds.  Returns its standard output; the caller
 * frees it. */
char *tui_cli(const char *arg, ...);
/* A field of `ally partner show PARTNER --format json`: its text (the
 * caller frees), or NULL when the field is null. */
char *tui_partner_field(const char *partner, const char *field);
/* Import partners from CSV text (a header row and records). */
void tui_import_partners(const char *csv);
/* Fill the database with the demo portfolio. */
void tui_demo(void);

/* One integer from a query of the test database (opened read-only); fails
 * the test on an SQL error or no row. */
int64_t tui_sql_int(const char *sql);
/* One text from a query (the caller frees; NULL for SQL NULL). */
char *tui_sql_text(const char *sql);
/* Run SQL that changes the database, as another program might have. */
void tui_sql_exec(const char *sql);
/* PRAGMA integrity_check says "ok". */
bool tui_db_intact(void);

/* Check fixtures: H with an initialised database; teardown frees the
 * current vt (V) if a test left one. */
extern struct vt *V;
void tui_setup(void);
void tui_teardown(void);
TCase *tui_tcase(const char *name);

/* ---- assertions that print the screen when they fail ---- */

/* text shows on the screen within T_WAIT. */
#define SEE(vt, text)                                                                  \
	do {                                                                           \
		if (!vt_wait_text((vt), (text), T_WAIT))                               \
			ck_abort_msg("'%s' never appeared; the screen:\n%s", (text),   \
				     vt_screen(vt));                                   \
	} while (0)
/* The same with a deadline of ms. */
#define SEE_WITHIN(vt, text, ms)                                                       \
	do {                                                                           \
		if (!vt_wait_text((vt), (text), (ms)))                                 \
			ck_abort_msg("'%s' did not appear within %d ms; the screen:\n%s", \
				     (text), (ms), vt_screen(vt));                      \
	} while (0)
/* text leaves the screen within T_WAIT. */
#define GONE(vt, text)                                                                 \
	do {                                                                           \
		if (!vt_wait_gone((vt), (text), T_WAIT))                               \
			ck_abort_msg("'%s' is still on the screen:\n%s", (text),       \
				     vt_screen(vt));                                   \
	} while (0)
/* text is not on the screen now (check after something that must show,
 * so that the screen is up to date). */
#define ABSENT(vt, text)                                                               \
	do {                                                                           \
		if (vt_has((vt), (text)))                                              \
			ck_abort_msg("'%s' should not be on the screen:\n%s", (text),  \
				     vt_screen(vt));                                   \
	} while (0)
/* A condition about the screen, which is printed when it fails. */
#define SCREEN_ASSERT(vt, cond)                                                        \
	do {                                                                           \
		if (!(cond))                                                           \
			ck_abort_msg("%s: the screen:\n%s", #cond, vt_screen(vt));     \
	} while (0)

/* The row of partner name shows cell within ms. */
#define ROW_HAS_WITHIN(vt, name, cell, ms)                                                 \
	do {                                                                               \
		if (!tui_wait_row_has((vt), (name), (cell), (ms)))                         \
			ck_abort_msg("the row of %s does not show '%s' within %d ms:\n%s", \
				     (name), (cell), (ms), vt_screen(vt));                 \
	} while (0)
#define ROW_HAS(vt, name, cell) ROW_HAS_WITHIN(vt, name, cell, T_WAIT)

#define KEY(vt, bytes) vt_send((vt), (bytes))

/* Keys as a terminal (xterm) sends them. */
#define K_ESC    "\x1b"
#define K_ENTER  "\r"
#define K_TAB    "\t"
#define K_BTAB   "\x1b[Z"
#define K_UP     "\x1b[A"
#define K_DOWN   "\x1b[B"
#define K_PGUP   "\x1b[5~"
#define K_PGDN   "\x1b[6~"
#define K_F2     "\x1bOQ"
#define K_BS     "\x7f"
#define K_CTRL_B "\x02"
#define K_CTRL_F "\x06"
#define K_CTRL_L "\x0c"
#define K_CTRL_S "\x13"
#define K_CTRL_U "\x15"

/* Run a suite (fork mode, so a failed test leaves the others alone);
 * 77 (skipped) when this machine has no pseudo-terminals. */
int tui_run_suite(Suite *s);

#endif
