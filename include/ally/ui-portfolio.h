/* ui-portfolio.h: the Portfolio view's state, with no terminal: a window
 * of the partner list around the cursor, where it stands in the whole,
 * the incremental search and the filter.  src/tui/view-portfolio.c draws
 * it and feeds it keys; Check tests drive it directly on a database.
 *
 * The state holds the rows on the screen and about a screen more on each
 * side, never the portfolio: a key that moves past them asks the store
 * for the next window (store_partner_page, a range of one index), a
 * search asks for the next match from the cursor, and the counts come
 * from the store's counters.  So no key, load or reload waits on work
 * that grows with the portfolio, but for the position shown after a
 * jump or a reload, which is counted over an index (store_partner_rank)
 * from the nearer end. */
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

/* A count the header shows: exact, or "at least n" (n+). */
#define PF_COUNT_CAP 1000

struct portfolio {
	struct store *store;      /* borrowed */
	ally_date today;

	/* The window: consecutive rows of the order, rows[base] .. */
	struct partner_list win;  /* owned */
	struct listnav nav;       /* over win's rows: cur, top, height */
	int64_t base;             /* the index in the whole order of win.rows[0];
				   * -1 while unknown */
	bool at_start, at_end;    /* win reaches the first / last row */
	int64_t listed;           /* rows the filter lists (exact unless listed_more) */
	bool listed_more;         /* ... at least that many */
	int64_t total;            /* partners in the database, filter or not */
	int64_t want_id;          /* select this partner at the next load (0: none) */

	enum pf_sort sort;
	bool reversed;            /* 'S': the opposite of the sort's own direction */

	struct partner_filter filter; /* what the store is asked; sort set from sort */
	char *owner;              /* filter.owner points here (owned) */

	struct owner_list owners; /* every owner, for the filter menu (owned;
				   * read when the menu opens) */

	bool searching;           /* the '/' prompt is open: it takes every key */
	struct ui_line line;      /* what is typed at the prompt */
	int64_t search_from;      /* the partner selected when '/' was pressed (0: none) */
	struct partner_pos search_pos; /* ... and where it stood (owned) */
	bool search_failed;       /* the text typed so far matches no name */
	char *pattern;            /* the last search, for n and N (owned; NULL: none) */
	char *pattern_fold;       /* the active search folded, for the highlight */
};

/* A state reading s as of today; nothing is read until portfolio_load. */
struct portfolio *portfolio_new(struct store *s, ally_date today);
void portfolio_free(struct portfolio *pf); /* NULL is a no-op */

/* Rows of the window shown at once (the screen's); at least 1. */
void portfolio_set_height(struct portfolio *pf, size_t height);

/* (Re)load the window: around the selected partner when it is still
 * listed (else where it stood, so the next row takes its place), around
 * want_id when set, else from the top; the counts; in one short read
 * transaction.  On failure err is filled and the state is as it was. */
int portfolio_load(struct portfolio *pf, struct ally_err *err);

/* The window: win.n rows, row i of it (NULL past the end), the selected
 * one (NULL when none is listed). */
size_t portfolio_count(const struct portfolio *pf);
const struct partner_row *portfolio_row(const struct portfolio *pf, size_t i);
const struct partner_row *portfolio_selected(const struct portfolio *pf);
/* The selected row's place in the whole list, from 0; -1 when unknown
 * or none. */
int64_t portfolio_position(const struct portfolio *pf);
/* Select partner id when the filter lists it (the window moves to it);
 * false when not, or on failure (err filled). */
bool portfolio_select_id(struct portfolio *pf, int64_t id, struct ally_err *err);

/* The movement keys of listnav_key (j k, arrows, PgUp PgDn, ^B ^F Space,
 * ^U ^D, g G Home End), reading the next window from the store when the
 * move leaves this one.  True when key is one of them; err is filled
 * (and nothing moved) when a read failed. */
bool portfolio_move_key(struct portfolio *pf, int key, struct ally_err *err);

/* 's' and 'S': the next order, or the same one reversed, read anew.
 * The selected partner stays selected, at the same height on the screen
 * when it can.  Missing values (never scored, no next action) stay last
 * either way, and ties are always by name, A to Z. */
int portfolio_sort_next(struct portfolio *pf, struct ally_err *err);
int portfolio_sort_reverse(struct portfolio *pf, struct ally_err *err);
/* Is the current order descending (highest score first is)? */
bool portfolio_sort_descending(const struct portfolio *pf);

/* The search, as less and vim do it.  '/' opens the prompt; every key
 * while it is open goes to portfolio_search_key, and each change of the
 * text selects the first name that contains it (ignoring case) at or
 * after the partner selected when '/' was pressed, wrapping at the end;
 * with no match the selection goes back there.  The store is asked for
 * that one row (the next match in the order, LIMIT 1).  Enter closes the
 * prompt and keeps the text for n and N (an empty text keeps the
 * previous search); Esc, or Backspace on an empty prompt, closes it and
 * goes back to that partner, keeping the previous search. */
void portfolio_search_begin(struct portfolio *pf);
int portfolio_search_key(struct portfolio *pf, int key, struct ally_err *err);

enum pf_find {
	PF_FOUND,      /* moved to the next match */
	PF_WRAPPED,    /* ... after passing the end (or the start, for N) */
	PF_NOT_FOUND,  /* no name matches: nothing moved */
	PF_NO_PATTERN, /* nothing searched yet */
	PF_FAILED,     /* the store failed: err is filled */
};
/* 'n' (dir 1) and 'N' (dir -1): the next or previous name matching the
 * last search, wrapping around. */
enum pf_find portfolio_search_next(struct portfolio *pf, int dir, struct ally_err *err);
/* Does window row i's name match the active search (the prompt's text
 * while it is open, else the last search)?  False when there is none. */
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
/* The owners for the filter menu (store_partner_owners), read now. */
int portfolio_load_owners(struct portfolio *pf, struct ally_err *err);
/* "phase=launch, type=channel, tier=1, owner=ana, flagged", or "" when
 * nothing is filtered.  The caller frees. */
char *portfolio_filter_text(const struct portfolio *pf);

/* The header line: "12 partners · filter: phase=launch, flagged · sort:
 * score ↓" ("3 of 12 partners" when filtered; "1000+ of 100000" when
 * the filter's count stopped at PF_COUNT_CAP).  ascii: " | " for " · "
 * and "desc"/"asc" for the arrows, for terminals without UTF-8.  The
 * caller frees. */
char *portfolio_header(const struct portfolio *pf, bool ascii);
/* The header line as the screen shows it, cols columns wide: the count
 * at the left, and at the right the sort and where the selection is
 * among the rows listed ("sort: name ↑  41/300"; no position with no
 * rows, "?" while it is unknown), always whole (from the 80 columns of
 * the smallest screen); between them the filter and the search in words
 * when they fit ("filter: phase=steady_state, type=technology,
 * owner=lchen, flagged · search: acme"), else in the table's short words
 * ("filter: steady tech lchen flagged · /acme"), cut with an ellipsis
 * only when even those do not.  Sanitised (text_visible), padded with
 * blanks to cols.  The caller frees. */
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
