/* ui-portfolio.h: the Portfolio view's state, with no terminal: the
 * partners as loaded, their order, the cursor, the incremental search and
 * the filter.  src/tui/view-portfolio.c draws it and feeds it keys; Check
 * tests drive it directly.
 *
 * The store is asked only by portfolio_load (the filter narrows that
 * query); sorting, moving and searching work on the rows in memory, so no
 * keypress waits on work that grows with the portfolio. */
#ifndef ALLY_UI_PORTFOLIO_H
#define ALLY_UI_PORTFOLIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/store.h"
#include "ally/ui-line.h"
#include "ally/ui.h"

struct ally_err;

/* The orders 's' cycles through, in that order. */
enum pf_sort {
	PF_SORT_NAME,  /* A to Z (text_sort_key) */
	PF_SORT_SCORE, /* highest first */
	PF_SORT_PHASE, /* along the lifecycle */
	PF_SORT_NEXT,  /* soonest next action first */
	PF_SORT_COUNT
};
extern const char *const pf_sort_names[]; /* "name", "score", "phase", "next" */

struct portfolio {
	struct partner_list list; /* as loaded (owned), in the store's order */
	char **keys;              /* text_sort_key of each list row's name (owned) */
	char **folds;             /* text_fold of each list row's name, for the
				   * search (owned; freed with keys) */
	size_t *order;            /* display position -> index into list.rows */
	int64_t total;            /* partners in the database, filter or not */
	struct listnav nav;       /* over the displayed rows */
	int64_t want_id;          /* select this partner at the next load (0: none) */

	enum pf_sort sort;
	bool reversed;            /* 'S': the opposite of the sort's own direction */

	struct partner_filter filter; /* what load asks the store for; sort unused */
	char *owner;              /* filter.owner points here (owned) */

	struct owner_list owners; /* every owner, for the filter menu (owned) */

	bool searching;           /* the '/' prompt is open: it takes every key */
	struct ui_line line;      /* what is typed at the prompt */
	size_t search_from;       /* the row selected when '/' was pressed */
	bool search_failed;       /* the text typed so far matches no name */
	char *pattern;            /* the last search, for n and N (owned; NULL: none) */
};

struct portfolio *portfolio_new(void);
void portfolio_free(struct portfolio *pf); /* NULL is a no-op */

/* Load what the view shows from s as of today: the partners of the filter
 * (one store_partner_list), the number of all partners and the owners.
 * Keeps the selection on the same partner id when it is still listed
 * (else on the same row number), the search, the filter and the sort.
 * On failure err is filled and the state is left as it was. */
int portfolio_load(struct portfolio *pf, struct store *s, ally_date today, struct ally_err *err);

/* What portfolio_load does with what it read: takes list and owners
 * (both left empty; owners may be NULL), sorts, and keeps the selection
 * as described there, or selects want_id when it is listed. */
void portfolio_set_rows(struct portfolio *pf, struct partner_list *list, int64_t total,
			struct owner_list *owners);

/* The rows as shown: n of them; row i in display order; the selected
 * one (NULL when there are none). */
size_t portfolio_count(const struct portfolio *pf);
const struct partner_row *portfolio_row(const struct portfolio *pf, size_t i);
const struct partner_row *portfolio_selected(const struct portfolio *pf);
/* Select partner id when it is shown (and scroll to it); false when not. */
bool portfolio_select_id(struct portfolio *pf, int64_t id);

/* 's' and 'S': the next order, or the same one reversed.  The selected
 * partner stays selected, at the same height on the screen when it can.
 * Missing values (never scored, no next action) stay last either way,
 * and ties are always by name, A to Z. */
void portfolio_sort_next(struct portfolio *pf);
void portfolio_sort_reverse(struct portfolio *pf);
/* Is the current order descending (highest score first is)? */
bool portfolio_sort_descending(const struct portfolio *pf);

/* The search, as less and vim do it.  '/' opens the prompt; every key
 * while it is open goes to portfolio_search_key, and each change of the
 * text selects the first name that contains it (ignoring case) at or
 * after the row selected when '/' was pressed, wrapping at the end; with
 * no match the selection goes back there.  A match off the screen is
 * scrolled to its middle (here and for n and N).  Enter closes the prompt and
 * keeps the text for n and N (an empty text keeps the previous search);
 * Esc, or Backspace on an empty prompt, closes it and goes back to that
 * row, keeping the previous search. */
void portfolio_search_begin(struct portfolio *pf);
void portfolio_search_key(struct portfolio *pf, int key);

enum pf_find {
	PF_FOUND,      /* moved to the next match */
	PF_WRAPPED,    /* ... after passing the end (or the start, for N) */
	PF_NOT_FOUND,  /* no name matches: nothing moved */
	PF_NO_PATTERN, /* nothing searched yet */
};
/* 'n' (dir 1) and 'N' (dir -1): the next or previous name matching the
 * last search, wrapping around. */
enum pf_find portfolio_search_next(struct portfolio *pf, int dir);
/* Does row i's name match the active search (the prompt's text while it
 * is open, else the last search)?  False when there is none. */
bool portfolio_row_matches(const struct portfolio *pf, size_t i);

/* Esc: forget the search and the filter.  Returns true when the filter
 * was set (the caller loads again). */
bool portfolio_clear(struct portfolio *pf);

/* The filter: each narrows what the next load lists (the caller loads).
 * phase, type: -1 any; tier: -2 any, else enum tier (TIER_NONE: never
 * scored); owner: NULL any. */
void portfolio_filter_phase(struct portfolio *pf, int phase);
void portfolio_filter_type(struct portfolio *pf, int type);
void portfolio_filter_tier(struct portfolio *pf, int tier);
void portfolio_filter_owner(struct portfolio *pf, const char *owner);
void portfolio_filter_flagged(struct portfolio *pf, bool on);
bool portfolio_filtered(const struct portfolio *pf);
/* "phase=launch, type=channel, tier=1, owner=ana, flagged", or "" when
 * nothing is filtered.  The caller frees. */
char *portfolio_filter_text(const struct portfolio *pf);

/* The header line: "12 partners · filter: phase=launch, flagged · sort:
 * score ↓" ("3 of 12 partners" when filtered).  ascii: " | " for " · "
 * and "desc"/"asc" for the arrows, for terminals without UTF-8.  The
 * caller frees. */
char *portfolio_header(const struct portfolio *pf, bool ascii);
/* The header line as the screen shows it, cols columns wide: the count
 * at the left, and at the right the sort and where the selection is
 * among the rows shown ("sort: name ↑  41/300"; no position with no
 * rows), always whole (from the 80 columns of the smallest screen);
 * between them the filter and the search in words when they fit
 * ("filter: phase=steady_state, type=technology, owner=lchen, flagged ·
 * search: acme"), else in the table's short words ("filter: steady tech
 * lchen flagged · /acme"), cut with an ellipsis only when even those do
 * not.  Sanitised (text_visible), padded with blanks to cols.  The caller
 * frees. */
char *portfolio_header_fit(const struct portfolio *pf, bool ascii, size_t cols);

/* ---- cells of a row, as the table shows them ---- */

/* Short names for narrow columns: "strat", "chan", "tech", "comkt",
 * "ref", "jv"; "prosp", "propo", "negot", "launch", "ramp", "steady",
 * "renew", "expand", "exit"; "" for anything else. */
const char *pf_type_abbrev(int type);
const char *pf_phase_abbrev(int phase);
/* "G", "A", "R"; "-" when never set. */
const char *pf_health_letter(int health);
/* The next action: "2026-03-01 +12d", "2026-02-20 -3d", "2026-03-01 today";
 * without year, "03-01 +12d" while the date is less than
 * PF_NEXT_NEAR_DAYS away either way, else the date alone with its year,
 * "2027-11-28" (so that a date a year off never reads like a near one);
 * "" for DATE_NONE.  out has PF_NEXT_BUFSZ bytes; returns out. */
#define PF_NEXT_BUFSZ 40
#define PF_NEXT_NEAR_DAYS 300
char *pf_next_text(ally_date next, ally_date today, bool year, char out[PF_NEXT_BUFSZ]);
/* The markers of flags (flag_marker, in bit order) separated by spaces,
 * as many whole ones as fit in width columns; when some are left out,
 * the last room goes to "+N" (how many).  The caller frees. */
char *pf_flags_text(unsigned flags, size_t width);

/* Column widths of the table at cols columns, one blank between columns:
 * at 80 the name has 21, the next action 12 (no year: it shows from
 * PF_YEAR_COLS columns on) and the flags 13; past 80 the owner takes a
 * quarter of the extra width (up to 6 more), and the name and the flags
 * share the rest (flags up to what all markers need).  Below 80 the name
 * shrinks, then the flags. */
#define PF_YEAR_COLS 110
struct pf_columns {
	int name, type, tier, score, phase, health, owner, next, flags;
	bool year; /* the next action shows its year */
};
void pf_columns(int cols, struct pf_columns *out);

#endif
