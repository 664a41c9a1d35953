/* vt.h: run a program in a pseudo-terminal and read its screen through
 * libvterm, as a user's terminal would show it.
 *
 * The end-to-end tests of the interface drive the real binary with the
 * bytes a terminal sends for each key, and wait (with a deadline, never a
 * fixed sleep) for text to appear on or leave the emulated screen. */
#ifndef ALLY_TEST_VT_H
#define ALLY_TEST_VT_H

#include <stdbool.h>
#include <stddef.h>

struct vt;

/* Start argv[0] (a path; argv NULL-terminated) on a new pseudo-terminal of
 * rows x cols.  The child gets the caller's environment with TERM set to
 * xterm-256color, LANG and LC_ALL to C.UTF-8, LINES, COLUMNS, NO_COLOR,
 * VISUAL and EDITOR removed, then each KEY=VALUE of env (NULL-terminated;
 * env may be NULL) applied over it, so env can override TERM.  Exits the
 * test process with 77 (a skip) when no pseudo-terminal can be had.  The
 * caller ends it with vt_free. */
struct vt *vt_spawn(const char *const argv[], const char *const env[], int rows, int cols);

/* Kill the child if it still runs (SIGKILL), reap it, and free everything.
 * vt_free(NULL) does nothing. */
void vt_free(struct vt *vt);

/* Type bytes as the terminal sends them ("j", "\r", "\x1b").  The keys
 * without a character are written as xterm's normal-mode sequences
 * ("\x1b[A" Up, "\x1b[6~" PgDn, "\x1b[Z" Shift-Tab, "\x1bOQ" F2) and sent
 * as the emulated terminal sends them in its current mode (after the
 * program's keypad-transmit, Up is "\x1bOA").  A lone Esc ("\x1b") is
 * followed by a pause of VT_ESC_GAP_MS while the screen keeps being read,
 * so that the next key is not taken for Alt+key. */
#define VT_ESC_GAP_MS 150
void vt_send(struct vt *vt, const char *bytes);

/* Feed bytes to the emulated screen as if something else had written to
 * the terminal (another program's output over ours), for Ctrl-L. */
void vt_inject(struct vt *vt, const char *bytes);

/* Read whatever the child wrote, for up to timeout_ms (0: only what is
 * already there).  Returns false once the child has closed the terminal. */
bool vt_pump(struct vt *vt, int timeout_ms);

/* Wait up to timeout_ms until text (UTF-8) is somewhere on the screen
 * (within one line) / is nowhere on it, on a screen whose output has
 * paused for VT_QUIET_MS (not one caught in the middle of an update).
 * Returns at once, false, when the child has gone and its output is
 * read. */
#define VT_QUIET_MS 30
bool vt_wait_text(struct vt *vt, const char *text, int timeout_ms);
bool vt_wait_gone(struct vt *vt, const char *text, int timeout_ms);
/* Wait until the screen has stopped changing for quiet_ms (at most
 * timeout_ms in all); true when it did settle. */
bool vt_settle(struct vt *vt, int quiet_ms, int timeout_ms);

/* Is text on the screen now (once the output has paused for
 * VT_QUIET_MS)? */
bool vt_has(struct vt *vt, const char *text);
/* The row (0-based) of the first line holding text, or -1. */
int vt_find_row(struct vt *vt, const char *text);

/* Where text first shows: its row and screen column (0-based); false
 * when it is not on the screen. */
bool vt_find(struct vt *vt, const char *text, int *row, int *col);
/* Is the cell at row, col shown in reverse video (a selected item)? */
bool vt_cell_reverse(struct vt *vt, int row, int col);

/* One line (row 0-based) / the whole screen ('\n' after each line) as
 * UTF-8 text, trailing blanks of each line removed, a wide character
 * once.  The caller frees. */
char *vt_line(struct vt *vt, int row);
char *vt_screen(struct vt *vt);
/* Is most of row shown in reverse video (a selected list row)? */
bool vt_row_reverse(struct vt *vt, int row);

int vt_rows(const struct vt *vt);
int vt_cols(const struct vt *vt);

/* Resize the terminal (the kernel sends the child SIGWINCH). */
void vt_resize(struct vt *vt, int rows, int cols);

/* Close the terminal as a dropped connection does: the master side goes,
 * the kernel sends SIGHUP to the child's session, and its reads fail.
 * Then wait up to timeout_ms for the child to exit: its status as
 * vt_wait_exit gives it (-1: still running), and in *cpu_ms the CPU time
 * it used in all (user and system). */
int vt_hang_up(struct vt *vt, int timeout_ms, long *cpu_ms);
/* The child's pid (0 once reaped). */
int vt_pid(const struct vt *vt);
/* Send signal sig to the child; kill's return value. */
int vt_kill(struct vt *vt, int sig);
/* Wait up to timeout_ms for the child to exit, reading its output
 * meanwhile.  Returns its exit status, 128+signal when a signal ended it,
 * or -1 when it is still running at the deadline. */
int vt_wait_exit(struct vt *vt, int timeout_ms);

/* Terminal state the child set: the alternate screen (smcup/rmcup), as
 * libvterm last saw it, and the cursor's visibility (civis/cnorm), as the
 * last of them in the output left it. */
bool vt_altscreen(const struct vt *vt);
bool vt_cursor_visible(const struct vt *vt);
/* The window title the child set (OSC 0/2), "" when none; stays the vt's. */
const char *vt_title(const struct vt *vt);
/* Everything the child wrote, raw (NUL-terminated; len in *len if not
 * NULL); stays the vt's. */
const char *vt_output(const struct vt *vt, size_t *len);

#endif
