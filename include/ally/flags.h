/* flags.h: the warnings a partner can carry, from facts the store gathers. */
#ifndef ALLY_FLAGS_H
#define ALLY_FLAGS_H

#include <stdbool.h>
#include "ally/date.h"
#include "ally/renewal.h"
#include "ally/score.h"

enum partner_flag {
	FLAG_RENEWAL_DUE = 1 << 0,       /* urgent/window contract, phase not renewal/expansion/exit */
	FLAG_NOTICE_SOON = 1 << 1,       /* an auto-renew notice deadline 0..30 days ahead */
	FLAG_LAPSED = 1 << 2,            /* an active contract past its end date */
	FLAG_REVIEW_OVERDUE = 1 << 3,
	FLAG_BEHIND_SCHEDULE = 1 << 4,
	FLAG_STATUS_STALE = 1 << 5,      /* live phase, status older than 30 days or never set */
	FLAG_NO_SPONSOR = 1 << 6,        /* live phase (launch..expansion), no executive sponsor */
	FLAG_EXIT_WATCH = 1 << 7,
	FLAG_EXPANSION_CANDIDATE = 1 << 8,
};
#define FLAG_COUNT 9

/* What the flags are computed from; the store fills it in one query for a
 * whole list, never one query per partner. */
struct partner_facts {
	int phase;                  /* enum phase */
	enum tier tier;
	ally_date status_date;      /* DATE_NONE when never set */
	ally_date first_active_start; /* start of the first active contract */
	ally_date last_qbr;         /* its last review of kind qbr */
	ally_date last_steering;    /* its last steering review (review_counting) */
	ally_date scored_on;
	ally_date min_end;          /* earliest end of an active contract (may be past) */
	ally_date min_end_ahead;    /* earliest such end that is today or later */
	ally_date min_notice;       /* earliest notice deadline still ahead (>= today) */
	bool has_sponsor;           /* a contact whose role is executive sponsor */
	bool expansion_candidate;   /* from figures_* over its key figures */
	bool exit_watch;
};

/* When the next business review is due: the tier's cadence from the last
 * review that counts for it (review_counting), else from the first
 * active contract or the scoring; DATE_NONE with no cadence. */
ally_date partner_next_review(const struct partner_facts *f);

/* The bitmask of enum partner_flag that apply today. */
unsigned partner_flags(const struct partner_facts *f, ally_date today);

/* Short marker for tables ("RENEW", "NOTICE", ...) and the full sentence
 * ("renewal due: move to the renewal phase") of one flag bit. */
const char *flag_marker(enum partner_flag f);
const char *flag_text(enum partner_flag f);
/* The JSON name ("renewal_due", "notice_soon", ...). */
const char *flag_key(enum partner_flag f);

/* The next action date: the nearer of min_end and min_notice; DATE_NONE
 * when there is neither. */
ally_date partner_next_action(const struct partner_facts *f);

#endif
