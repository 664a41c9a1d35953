/* tui.h: the ncurses interface that `ally` opens with no command. */
#ifndef ALLY_TUI_H
#define ALLY_TUI_H

#include "ally/date.h"

struct ally_err;
struct store;

struct tui_opts {
	struct store *store;   /* open and migrated; stays the caller's */
	const char *db_path;   /* shown on the status line */
	const char *user;      /* login name: the audit log's author */
	ally_date today;       /* the date every band and flag is computed for */
};

/* Run the interface on the terminal of stdin/stdout until the user quits
 * or SIGHUP/SIGTERM arrives; the terminal is restored on every way out.
 * Returns ALLY_OK, or fills err when the terminal cannot be used. */
int tui_run(const struct tui_opts *opts, struct ally_err *err);

/* How many forms' typing an earlier session of user on db_path kept
 * because it had to stop (SIGHUP, SIGTERM), and the folder they are in
 * (*folder, the caller frees; NULL when there is none): for `ally`
 * without a terminal, which cannot offer them as the interface does. */
int tui_count_drafts(const char *db_path, const char *user, char **folder);

#endif
