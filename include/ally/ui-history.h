/* ui-history.h: the state of the history view (key 4), with no terminal:
 * the audit log newest first, seen through a window of rows around the
 * cursor, a filter, and the '/' prompt that edits it.
 *
 * The log can grow without bound, so neither a key nor a load costs more
 * in a longer log, or further down it:
 *   - the window is fetched by id (keyset paging, store_audit_page), never
 *     by offset: moving the cursor out of the window fetches the rows next
 *     to the window's first or last row, about three screens of them; g
 *     and Home fetch the newest rows, G and End the oldest;
 *   - the count of rows (nav.n, which places the cursor: "40/45000") is
 *     taken once, when the view is first loaded and when a filter is
 *     applied (Enter in the prompt, or Esc clearing it).  Each later load
 *     (another session committed, or this one) counts only the rows
 *     written since the newest id it saw: the log is only ever appended
 *     to, with growing ids, and its rows are never deleted.  Without a
 *     filter that count is a range of the primary key and the total stays
 *     exact.  With a filter the matches are counted lazily, newest first,
 *     UI_HISTORY_COUNT_STEP at a time (store_audit_count_below): nav.n is
 *     then the matches counted so far and more says there may be older
 *     ones ("200+ matches"); moving near the last counted one counts the
 *     next step, and G (End) counts them all, so a filter never scans the
 *     log further than the screen goes.  The count can be off by older
 *     rows that start or stop matching because their partner was renamed
 *     (the filter matches the current name), until the filter is applied
 *     again.  The rows shown always match.
 * A cursor moved other than by a key (listnav_go) to far from the window
 * has no row there to page from: that one window is read by offset.
 * src/tui/view-history.c draws it. */
#ifndef ALLY_UI_HISTORY_H
#define ALLY_UI_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/store.h"
#include "ally/ui-line.h"
#include "ally/ui.h"

struct ally_err;

/* The fewest rows one fetch asks for; more when the screen is tall. */
#define UI_HISTORY_WINDOW_MIN 120
/* The matches of a filter counted at a time. */
#define UI_HISTORY_COUNT_STEP 200

struct ui_history {
	struct store *store;   /* borrowed: the session's */
	char *filter;          /* applied filter text, NULL when none */
	struct listnav nav;    /* cursor over every matching row (nav.n = total) */
	struct audit_list win; /* rows win_off .. win_off + win.n - 1 of the log */
	size_t win_off;
	bool prompt;           /* the '/' prompt is open and takes every key */
	struct ui_line line;   /* what is typed in it */
	int64_t last_id;       /* the log's newest id at the last load (0: none
				* counted): the next load counts the rows above */
	bool more;             /* a filter's matches older than counted_to may be
				* there, not counted yet (nav.n is a lower bound) */
	int64_t counted_to;    /* the oldest id among the matches counted */
};

/* A state over s with no filter and nothing loaded; never NULL. */
struct ui_history *ui_history_new(struct store *s);
void ui_history_free(struct ui_history *h); /* NULL is a no-op */

/* Rows the screen shows (the body less the header); the cursor stays
 * visible.  Takes effect at the next fetch. */
void ui_history_set_height(struct ui_history *h, size_t rows);

/* Count the matching rows (the first time; later only those written
 * since the last load) and fetch the window the cursor is in, in one
 * snapshot.  Rows that other sessions added since the last load are
 * counted above the cursor, so a scrolled view keeps the rows it showed,
 * while a view at the top shows the new ones.  The window's rows are read
 * again (a partner's name may have changed).  On failure err is filled
 * and the old rows stay. */
int ui_history_load(struct ui_history *h, struct ally_err *err);

/* Apply a filter (NULL or "": none), count its rows and load from the
 * top. */
int ui_history_set_filter(struct ui_history *h, const char *text, struct ally_err *err);

/* One key.  With the prompt open every key is taken: Enter applies the
 * typed filter, Esc closes the prompt and keeps the old filter, other
 * keys edit the line.  Otherwise '/' opens the prompt (holding the
 * current filter), Esc clears an applied filter, the movement keys of
 * listnav_key move (fetching when the cursor leaves the window), and
 * Enter sets *open_partner to the partner of the selected row (0 when it
 * has none).  Returns UI_UNHANDLED for any other key.  A fetch that
 * fails fills err (its status is ALLY_OK otherwise). */
enum ui_result ui_history_key(struct ui_history *h, int key, int64_t *open_partner,
			      struct ally_err *err);

/* Row i of the whole (filtered) log when it is in the window, else NULL
 * (drawn blank until the next fetch). */
const struct audit_entry *ui_history_row(const struct ui_history *h, size_t i);
/* The selected row, or NULL (an empty log). */
const struct audit_entry *ui_history_selected(const struct ui_history *h);

/* The columns of a row as the screen shows them.  ui_history_when gives
 * "YYYY-MM-DD HH:MM" (UTC, seconds cut) in out[17].  ui_history_what says
 * what changed: "health: amber -> green" for a partner's field,
 * "contract 12 end_date: 2026-12-31 -> 2027-12-31" for another row's,
 * "contract 12 added" for an insert, "contact 7 deleted" for a delete,
 * "(none)" for an empty side; line breaks and tabs become spaces.  The
 * caller frees; the text still goes through tui_text to be sanitised. */
char *ui_history_when(const struct audit_entry *e, char out[17]);
char *ui_history_what(const struct audit_entry *e);

/* The whole of a row, for the lines under the table that show the
 * selected one when its columns are cut: "2026-03-04 05:06:07 UTC · dana
 * · Acme · contract 12 end_date: 2026-12-31 -> 2027-12-31" (the time as
 * stored, the partner left out when there is none, the change as
 * ui_history_what says it).  ascii: " - " for " · ".  The caller frees;
 * the text still goes through tui_text to be sanitised. */
char *ui_history_detail(const struct audit_entry *e, bool ascii);

/* The selected change as the lines under the table show it, in cols
 * columns and at most max lines: all of ui_history_detail on one line
 * when it fits; else when, who and the partner on a first line (cut with
 * an ellipsis when the partner's name is long), then what changed
 * wrapped (ui_wrap) over the lines after it, so that the change always
 * shows, whatever the partner's name; a change that needs more lines
 * than max ends cut with an ellipsis.  With max 1, the change alone, cut.
 * The lines are sanitised (text_visible) and fit cols; ascii: " - " and
 * "~" for " · " and "…".  Returns their number (0 for a NULL e) and sets
 * *out to them (NULL when none); the caller frees each and the array. */
size_t ui_history_detail_lines(const struct audit_entry *e, size_t cols, size_t max, bool ascii,
			       char ***out);

#endif
