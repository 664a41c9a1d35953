/* review.h: reviews, their cadence, action items, conflicts and negotiation notes. */
#ifndef ALLY_REVIEW_H
#define ALLY_REVIEW_H

#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/score.h"

struct ally_err;

enum review_kind { REVIEW_WORKING_TEAM, REVIEW_STEERING, REVIEW_QBR, REVIEW_COUNT };
extern const char *const review_kind_names[];

/* Next review due: last review + the tier's cadence in calendar months
 * (clamped to month end).  With no review (last == DATE_NONE) count from
 * first_active_start, else from scored_on.  DATE_NONE when the tier has no
 * cadence (unqualified, never scored), there is nothing to count from, or
 * the due date would fall after 9999-12-31. */
ally_date review_next_due(enum tier tier, ally_date last, ally_date first_active_start,
			  ally_date scored_on);

/* The last review that counts for the tier's cadence (domain.md,
 * "Business reviews and the cadence"): for tier 1 its last QBR; for tiers
 * 2 and 3 the later of its last QBR and its last steering review.  A
 * working-team meeting never counts.  DATE_NONE when none counts, so the
 * cadence counts from the first active contract or the scoring. */
ally_date review_counting(enum tier tier, ally_date last_qbr, ally_date last_steering);

/* A due date before today is overdue. */
bool review_overdue(ally_date due, ally_date today);

struct review {
	int64_t id;
	int64_t partner_id;
	int64_t version;
	int kind;          /* enum review_kind */
	ally_date date;
	char *attendees;
	char *notes;
	char *decisions;
};
void review_init(struct review *r);
void review_finish(struct review *r);
int review_set_field(struct review *r, const char *field, const char *value, struct ally_err *err);

struct action_item {
	int64_t id;
	int64_t partner_id;
	int64_t review_id;  /* 0 when not from a review */
	int64_t version;
	char *text;
	char *owner;
	ally_date due;      /* DATE_NONE allowed */
	bool done;
};
void action_item_init(struct action_item *a);
void action_item_finish(struct action_item *a);
int action_item_set_field(struct action_item *a, const char *field, const char *value,
			  struct ally_err *err);

enum conflict_kind { CONFLICT_PERFORMANCE, CONFLICT_PRIORITIES, CONFLICT_RESOURCES,
		     CONFLICT_COMMUNICATION, CONFLICT_COMPETITION, CONFLICT_MONEY, CONFLICT_COUNT };
enum escalation { ESC_WORKING_TEAM, ESC_STEERING, ESC_EXECUTIVE, ESC_FORMAL, ESC_COUNT };
extern const char *const conflict_kind_names[];
extern const char *const escalation_names[];

struct conflict {
	int64_t id;
	int64_t partner_id;
	int64_t version;
	int kind;            /* enum conflict_kind */
	int level;           /* enum escalation */
	char *summary;
	ally_date opened;
	ally_date resolved;  /* DATE_NONE while open */
	char *resolution;
};
void conflict_init(struct conflict *c);
void conflict_finish(struct conflict *c);
/* Set one field from text: kind, level, summary (required), opened,
 * resolved, resolution.  Errors name the field. */
int conflict_set_field(struct conflict *c, const char *field, const char *value,
		       struct ally_err *err);
/* working_team -> steering -> executive -> formal; false at formal. */
bool conflict_escalate(struct conflict *c);

enum term_priority { TERM_MUST_HAVE, TERM_IMPORTANT, TERM_NICE_TO_HAVE, TERM_PRIORITY_COUNT };
extern const char *const term_priority_names[];

/* Negotiation preparation for one deal (optionally tied to a contract). */
struct negotiation {
	int64_t id;
	int64_t partner_id;
	int64_t contract_id; /* 0 when none */
	int64_t version;
	char *batna;
	char *ideal;
	char *acceptable;
	char *walk_away;
};
void negotiation_init(struct negotiation *n);
void negotiation_finish(struct negotiation *n);
/* Set batna, ideal, acceptable or walk_away (free texts; empty clears). */
int negotiation_set_field(struct negotiation *n, const char *field, const char *value,
			  struct ally_err *err);

#endif
