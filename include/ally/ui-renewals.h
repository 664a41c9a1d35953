/* ui-renewals.h: the state of the Renewals view, with no terminal: the
 * renewal list of domain.md for a horizon, in sections
 * (renewal-sections.h), a window of it at a time, and a cursor that moves
 * over contracts only.
 *
 * The state holds the lines on the screen and about a screen more on
 * each side; a move past them reads the next ones from the store
 * (store_renewal_page, a range of the contracts' indexes), and the
 * sections' sizes come from the store's counts per day.  + and - read
 * the window again for the new horizon.  A section with no contract is
 * not shown. */
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
	int section;       /* enum rsection */
	struct renewal *r; /* the contract (owned, with its texts); NULL on a header */
	int64_t count;     /* a header: contracts in its section */
};

struct renewals_state {
	struct store *store;     /* borrowed */
	ally_date today;
	int horizon;             /* days; RENEWALS_WITHIN_DEFAULT at first */
	int64_t counts[RSEC_COUNT];
	int64_t ncontracts;      /* listed in all sections */
	/* The window: consecutive lines of the list, headers included. */
	struct rline *lines;
	size_t nlines;
	bool at_start, at_end;   /* the window reaches the list's first / last line */
	struct listnav nav;      /* over lines; cur is on a contract when any */
	bool by_position;        /* the next load keeps the place, not the contract */
};

/* A state reading s as of today; nothing is read until renewals_load. */
struct renewals_state *renewals_new(struct store *s, ally_date today);
void renewals_free(struct renewals_state *s); /* NULL is a no-op */

/* (Re)load the counts and the window, in one short read transaction: the
 * selection stays on the same contract when it is still listed, else the
 * contract that came after it takes its place.  On failure err is
 * filled and the state is as it was. */
int renewals_load(struct renewals_state *s, struct ally_err *err);

/* The next load keeps the cursor's place rather than following the
 * selected contract (after renewing it: the next one takes its place). */
void renewals_keep_position(struct renewals_state *s);

/* Change the horizon by delta days, within RENEWALS_HORIZON_MIN..MAX,
 * and load for it; the selection stays on its contract when still
 * listed.  *changed is false when the horizon was at a bound. */
int renewals_step_horizon(struct renewals_state *s, int delta, bool *changed,
			  struct ally_err *err);

/* Visible lines (at least 1). */
void renewals_set_height(struct renewals_state *s, size_t height);

/* The movement keys of listnav_key, skipping section headers, reading
 * the next lines when the move leaves the window.  Returns true when key
 * is one of them; err is filled when a read failed. */
bool renewals_key(struct renewals_state *s, int key, struct ally_err *err);

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
