/* renewal.h: renewal bands, notice deadlines and the renewal list. */
#ifndef ALLY_RENEWAL_H
#define ALLY_RENEWAL_H

#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/money.h"

enum band { BAND_LAPSED, BAND_URGENT, BAND_WINDOW, BAND_CLEAR, BAND_COUNT };
extern const char *const band_names[]; /* "lapsed", "urgent", "window", "clear" */

#define RENEWALS_WITHIN_DEFAULT 90
#define NOTICE_SOON_DAYS 30 /* "notice soon": a notice deadline 0..30 days ahead */

/* lapsed < 0 <= urgent < 60 <= window <= 90 < clear. */
enum band renewal_band(int days_left);

/* end - notice_days for an auto-renewing contract, else DATE_NONE. */
ally_date renewal_notice_deadline(ally_date end, bool auto_renew, int notice_days);

/* One row of the renewal list; texts are borrowed from the caller. */
struct renewal {
	int64_t contract_id;
	int64_t partner_id;
	const char *partner;      /* partner name */
	const char *partner_key;  /* text_sort_key(partner), or NULL: orders ties */
	const char *title;
	int phase;                /* the partner's phase, for display */
	ally_date end_date;
	int days_left;
	enum band band;
	bool auto_renew;
	int notice_days;
	ally_date notice_deadline; /* DATE_NONE unless auto-renew */
	int days_to_notice;        /* meaningful only with a deadline */
	ally_date action_date;     /* the deadline while ahead (today included), else end */
	ally_money annual_value;   /* -1 when unknown */
	char currency[4];
};

/* Fill the computed fields (days_left, band, notice_deadline,
 * days_to_notice, action_date) from end_date, auto_renew, notice_days. */
void renewal_compute(struct renewal *r, ally_date today);

/* Does it belong on `renewals --within N`: days_left <= N, or an auto-renew
 * notice deadline 0..N days away; lapsed ones always. */
bool renewal_listed(const struct renewal *r, int within);

/* Sort order of the list: action date, then partner name as lists order
 * names (text_fold_cmp; partner_key when both rows carry it, which saves
 * folding on every comparison), then contract id.  For qsort over struct
 * renewal. */
int renewal_cmp(const void *a, const void *b);

/* The renewal state of one contract for display (contract show, partner
 * show): fills r from c and computes it as of today (phase is -1: the
 * contract does not know its partner's).  Returns false, and leaves r
 * zeroed with band BAND_COUNT and every date DATE_NONE, when c is not
 * active (only active contracts take part in renewals), or when c has no
 * end date or today is DATE_NONE.  Texts in r borrow from c: keep c
 * alive while r is used. */
struct contract;
bool renewal_of_contract(const struct contract *c, ally_date today, struct renewal *r);

/* Is the notice deadline 0..NOTICE_SOON_DAYS days ahead? */
bool renewal_notice_soon(const struct renewal *r);

#endif
