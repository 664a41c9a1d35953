/* flag-dates.h: the dates behind a partner's flags and next action that
 * do not depend on today, so that the store can keep them as indexed
 * columns and a query can compare them with today.
 *
 * partner_flags (flags.h) decides from facts gathered as of today.  Every
 * flag is on from some day on, or on the days of a range, and those days
 * follow from the partner's rows alone: a status is stale from 31 days
 * after it was set, a review is overdue from the day after it is due, a
 * contract lapses the day after its end.  flag_dates_of gives those days;
 * flag_dates_flags gives the same flags as partner_flags from them and
 * what only today can tell (an end or a notice deadline near today, a
 * quarter streak that covers today's quarter).  The tests hold the two
 * equal. */
#ifndef ALLY_FLAG_DATES_H
#define ALLY_FLAG_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include "ally/date.h"
#include "ally/figures.h"

/* Days beyond every real one, for "always" and "never": FLAG_DAY_MIN is
 * before any date, FLAG_DAY_MAX after any (and the next action of a
 * partner that has none, so that it sorts last). */
#define FLAG_DAY_MIN (INT32_MIN + 1)
#define FLAG_DAY_MAX INT32_MAX

/* What the dates are derived from: the partner's own fields and the
 * today-independent facts of its other rows. */
struct flag_basis {
	int phase;              /* enum phase */
	int score_w;            /* -1: never scored */
	ally_date scored_on;
	ally_date status_date;  /* DATE_NONE when never set */
	ally_date first_start;  /* start of its first active contract */
	ally_date last_qbr;     /* its last qbr review */
	ally_date last_steering; /* its last steering review */
	ally_date min_end;      /* earliest end of an active contract */
	bool has_sponsor;
};

struct flag_dates {
	int tier;               /* enum tier of score_w */
	/* LAPSED while today > min_end (DATE_NONE: no active contract). */
	ally_date min_end;
	/* REVIEW_OVERDUE while today > review_due; DATE_NONE when it is
	 * never overdue (no cadence, nothing to count from, or in exit). */
	ally_date review_due;
	/* BEHIND_SCHEDULE from this day on (DATE_NONE: not in launch or
	 * ramp-up, or no active contract to count from). */
	ally_date behind_from;
	/* STATUS_STALE from this day on: 31 days after the status date, or
	 * FLAG_DAY_MIN when never set; DATE_NONE outside the live phases. */
	ally_date stale_from;
	bool no_sponsor;        /* NO_SPONSOR, whatever the day */
	/* RENEWAL_DUE applies while an active contract ends within the
	 * renewal window (the phase is not renewal, expansion or exit). */
	bool renewal_watch;
};

void flag_dates_of(const struct flag_basis *b, struct flag_dates *out);

/* What only today tells, for flag_dates_flags. */
struct flag_today {
	bool end_in_window;     /* an active contract ends today .. today + 90 */
	bool notice_soon;       /* a notice deadline today .. today + 30 */
	bool expansion;         /* a met streak covers today's quarter */
	bool exit_watch;        /* a missed streak does */
};

/* The days of the window and of "notice soon", as the queries bind them. */
#define FLAG_WINDOW_DAYS 90
#define FLAG_NOTICE_DAYS 30

/* The flags (enum partner_flag bits) as partner_flags gives them. */
unsigned flag_dates_flags(const struct flag_dates *d, const struct flag_today *t, ally_date today);

/* ---- the next action ---- */

/* The next action is the nearer of the earliest end (past ones too) and
 * the earliest notice deadline still ahead, so it moves only when today
 * passes a notice deadline.  Each piece says: for today in [from, until]
 * the next action is day.  A partner with no active contract has one
 * piece, day FLAG_DAY_MAX, for every day. */
struct next_piece {
	ally_date day;
	ally_date from;
	ally_date until;
};
/* The pieces for min_end and the notice deadlines (any order, duplicates
 * allowed) of its active contracts; out has room for n + 1.  Returns how
 * many, at least 1, ordered by from. */
size_t next_action_pieces(ally_date min_end, const ally_date *notices, size_t n,
			  struct next_piece *out);

/* ---- streaks of key figures ---- */

/* The quarters C (quarter_of_date(today)) for which the flag holds:
 * [from, until], both inclusive. */
struct quarter_span {
	int from;
	int until;
};
/* Over quarters sorted oldest first, the spans of current quarters for
 * which figures_expansion_candidate (met, need 2) or figures_exit_watch
 * (missed, need 3) is true; out has room for n.  Returns how many. */
size_t figures_streak_spans(const struct quarter_figures *q, size_t n, bool met, int need,
			    struct quarter_span *out);
#define FIGURES_EXPANSION_NEED 2
#define FIGURES_EXIT_NEED 3

#endif
