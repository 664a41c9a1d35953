/* demo-data.h: the tables of the sample portfolio.  Private to src/demo.
 *
 * The data (demo-data.c) is plain tables with dates as day offsets from
 * today, so the portfolio always looks current (a contract is given by the
 * end of its term and the term's length in whole months, so every band
 * shows whatever today is); demo-load.c turns them into store calls.
 * Rows refer to partners and contracts by their index in demo_partners /
 * demo_contracts. */
#ifndef ALLY_DEMO_DATA_H
#define ALLY_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_partner {
	const char *name;
	const char *type;
	const char *phase; /* reached through recorded phase moves */
	const char *owner; /* NULL: the user loading the demo */
	const char *origin;
	const char *power;
	const char *goal;
	const char *region;
	const char *website;
	const char *value_partner;
	const char *value_us;
	const char *value_together;
	const char *notes;
	int crit[5]; /* fit, reach, capabilities, financial, track record; crit[0] < 0: never scored
		      */
	int scored_ago;     /* days before today */
	const char *health; /* NULL: no status ever recorded */
	int status_ago;
	const char *status_note;
	int moved_ago[8]; /* days before today of each phase move on the way to phase, 0-ended */
};

struct demo_contract {
	int partner;
	const char *title;
	const char *status;
	int months; /* length of the current term: it starts so that it ends on end */
	int end;    /* days from today (negative: past) */
	bool auto_renew;
	const char *notice_days; /* NULL: the default */
	const char *renewal_months;
	const char *value;
	const char *currency;
	const char *model;
	const char *model_pct;
	const char *model_amount;
	const char *exclusivity;
	const char *notes;
	const char *termination_reason;
	int renewals; /* terms renewed before today's term: adds term history */
};

struct demo_contact {
	int partner;
	const char *name;
	const char *role;
	const char *email;
	const char *phone;
};

struct demo_review {
	int partner;
	const char *kind;
	int ago;
	const char *attendees;
	const char *notes;
	const char *decisions;
};

struct demo_action {
	int partner;
	const char *text;
	const char *owner;
	int due; /* days from today */
	bool done;
};

/* Revenue per quarter for the last quarters before the current one,
 * oldest first; a quarter met target when actual >= target. */
#define DEMO_QUARTERS 4
struct demo_figures {
	int partner;
	int64_t target[DEMO_QUARTERS]; /* revenue in major units */
	int64_t actual[DEMO_QUARTERS];
	int64_t leads[DEMO_QUARTERS]; /* actual leads, no target */
};

struct demo_conflict {
	int partner;
	const char *kind;
	const char *level;
	const char *summary;
	int opened_ago;
	int resolved_ago; /* < 0: still open */
	const char *resolution;
};

struct demo_negotiation {
	int partner;
	int contract; /* index into demo_contracts, or -1 */
	const char *batna;
	const char *ideal;
	const char *acceptable;
	const char *walk_away;
	const char *terms[4]; /* NULL-terminated */
	const char *priorities[4];
};

extern const struct demo_partner demo_partners[];
extern const size_t demo_partners_n;
extern const struct demo_contract demo_contracts[];
extern const size_t demo_contracts_n;
extern const struct demo_contact demo_contacts[];
extern const size_t demo_contacts_n;
extern const struct demo_review demo_reviews[];
extern const size_t demo_reviews_n;
extern const struct demo_action demo_actions[];
extern const size_t demo_actions_n;
extern const struct demo_figures demo_figures[];
extern const size_t demo_figures_n;
extern const struct demo_conflict demo_conflicts[];
extern const size_t demo_conflicts_n;
extern const struct demo_negotiation demo_negotiations[];
extern const size_t demo_negotiations_n;

#endif
