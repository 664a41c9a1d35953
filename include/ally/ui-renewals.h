/* ui-renewals.h: the state of the Renewals view, with no terminal: the
 * renewal list of domain.md for a horizon, grouped into sections, and a
 * cursor that moves over contracts only.
 *
 * The view loads the list once for the longest horizon
 * (RENEWALS_HORIZON_MAX) and the state keeps the rows a horizon lists
 * (renewal_listed, the rule store_renewals applies), so + and - work on
 * what is in memory and never wait on the store.
 *
 * Sections, decided by the core's band (renewal_band) and notice rule
 * (renewal_notice_soon), in this order, each in the list's order (by the
 * date to act on):
 *   Lapsed       the end date has passed (days left < 0)
 *   Urgent       ends within 60 days (0-59 days left)
 *   Window       ends in 60-90 days
 *   Notice soon  ends later than 90 days, but the auto-renew notice
 *                deadline is 0-30 days ahead
 *   Later        ends later than 90 days: ending within a horizon longer
 *                than 90 days, or with a notice deadline 31 days or more
 *                ahead, inside the horizon
 * A section with no contract is not shown. */
#ifndef ALLY_UI_RENEWALS_H
#define ALLY_UI_RENEWALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/money.h"
#include "ally/renewal.h"
#include "ally/renewal-sections.h"
#include "ally/store.h"
#include "ally/ui.h"

#define RENEWALS_HORIZON_MIN 30
#define RENEWALS_HORIZON_MAX 360
#define RENEWALS_HORIZON_STEP 30

/* "Lapsed", "Urgent", "Window", "Notice soon", "Later". */
extern const char *const rsection_names[];
/* What each section holds, in words: "ending within 60 days", ... */
extern const char *const rsection_about[];


/* One line of the list: a section header or a contract. */
struct rline {
	int section;             /* enum rsection */
	const struct renewal *r; /* the contract; NULL on a header */
	size_t count;            /* a header: contracts in its section */
};

struct renewals_state {
	struct renewal_list all; /* owned: every row for RENEWALS_HORIZON_MAX */
	int horizon;             /* days; RENEWALS_WITHIN_DEFAULT at first */
	struct rline *lines;     /* headers and contracts listed for horizon */
	size_t nlines;
	size_t ncontracts;       /* contract lines among them */
	size_t counts[RSEC_COUNT];
	struct listnav nav;      /* over lines; cur is on a contract when any */
	/* What the next reload selects: the contract with this id when it is
	 * still listed, else the contract at position keep_pos (counted in
	 * contracts, not lines). */
	int64_t keep_id;
	size_t keep_pos;
	bool by_position;        /* the next reload ignores keep_id */
};

void renewals_init(struct renewals_state *s);
void renewals_finish(struct renewals_state *s);

/* Take the rows of list (store_renewals for RENEWALS_HORIZON_MAX as of one
 * day; list is left empty) in place of the old ones.  The selection stays
 * on the same contract when it is still listed, else on the same
 * position. */
void renewals_reload(struct renewals_state *s, struct renewal_list *list);

/* The next reload keeps the cursor's position rather than following the
 * selected contract (after renewing it: the next one takes its place). */
void renewals_keep_position(struct renewals_state *s);

/* Change the horizon by delta days, within RENEWALS_HORIZON_MIN..MAX;
 * the selection stays on its contract when still listed.  Returns false
 * when the horizon did not change (at a bound). */
bool renewals_set_horizon(struct renewals_state *s, int horizon);
bool renewals_step_horizon(struct renewals_state *s, int delta);

/* Visible lines (at least 1). */
void renewals_set_height(struct renewals_state *s, size_t height);

/* The movement keys of listnav_key, skipping section headers.  Returns
 * true when key is one of them. */
bool renewals_key(struct renewals_state *s, int key);

/* The selected contract, or NULL when none is listed. */
const struct renewal *renewals_selected(const struct renewals_state *s);

/* The Notice by column: the deadline ("2026-12-01"); once it has passed,
 * marked in words, as a date that cannot be acted on any more: wide
 * "2026-10-28 passed" (RENEWALS_NOTICE_WIDE columns), else "10-28 past"
 * (10 columns) or, more than RENEWALS_NOTICE_NEAR days ago, "passed";
 * for a contract that does not renew by itself, "no auto" when not wide
 * (the wide table has an Auto column) and "" when wide.  out has
 * RENEWALS_NOTICE_BUFSZ bytes; returns out. */
#define RENEWALS_NOTICE_BUFSZ 32
#define RENEWALS_NOTICE_WIDE 17
#define RENEWALS_NOTICE_NEAR 300
char *renewals_notice_text(const struct renewal *r, bool wide, char out[RENEWALS_NOTICE_BUFSZ]);
/* Has the notice deadline of an auto-renewing contract passed? */
bool renewals_notice_passed(const struct renewal *r);

/* Days left as the Days column shows them in width columns: "-1234",
 * "35"; in years when the days do not fit ("-27y": a contract lapsed
 * that long ago), never cut.  out has RENEWALS_DAYS_BUFSZ bytes; returns
 * out. */
#define RENEWALS_DAYS_BUFSZ 16
char *renewals_days_text(int days, size_t width, char out[RENEWALS_DAYS_BUFSZ]);

/* "125K EUR", "1.3M USD", "9500 EUR": an annual value short enough for a
 * column (at most 11 columns), rounded half away from zero; "" for an
 * unknown value (< 0).  out has MONEY_BUFSZ bytes; returns out. */
char *ui_money_short(ally_money m, const char *currency, char out[MONEY_BUFSZ]);

#endif
