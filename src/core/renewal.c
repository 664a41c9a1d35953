/* renewal.c: renewal bands, notice deadlines and the renewal list. */
#include "ally/renewal.h"

#include <string.h>

#include "ally/contract.h"
#include "ally/text.h"
#include "ally/util.h"

const char *const band_names[] = { "lapsed", "urgent", "window", "clear", NULL };

enum band renewal_band(int days_left)
{
	if (days_left < 0)
		return BAND_LAPSED;
	if (days_left < 60)
		return BAND_URGENT;
	if (days_left <= 90)
		return BAND_WINDOW;
	return BAND_CLEAR;
}

ally_date renewal_notice_deadline(ally_date end, bool auto_renew, int notice_days)
{
	if (!auto_renew || end == DATE_NONE)
		return DATE_NONE;
	return end - notice_days;
}

void renewal_compute(struct renewal *r, ally_date today)
{
	r->days_left = r->end_date - today;
	r->band = renewal_band(r->days_left);
	r->notice_deadline = renewal_notice_deadline(r->end_date, r->auto_renew, r->notice_days);
	r->days_to_notice = r->notice_deadline == DATE_NONE ? 0 : r->notice_deadline - today;
	/* Once the deadline has passed, the contract renews as it is; what
	 * remains to act on is the end of the term. */
	if (r->notice_deadline != DATE_NONE && r->notice_deadline >= today)
		r->action_date = r->notice_deadline;
	else
		r->action_date = r->end_date;
}

static bool notice_within(const struct renewal *r, int days)
{
	return r->notice_deadline != DATE_NONE && r->days_to_notice >= 0 &&
	       r->days_to_notice <= days;
}

bool renewal_listed(const struct renewal *r, int within)
{
	return r->days_left < 0 || r->days_left <= within || notice_within(r, within);
}

int renewal_cmp(const void *a, const void *b)
{
	const struct renewal *x = a, *y = b;
	int c;

	if (x->action_date != y->action_date)
		return x->action_date < y->action_date ? -1 : 1;
	if (x->partner_key != NULL && y->partner_key != NULL)
		c = strcmp(x->partner_key, y->partner_key);
	else
		c = text_fold_cmp(x->partner, y->partner);
	if (c != 0)
		return c < 0 ? -1 : 1;
	if (x->contract_id != y->contract_id)
		return x->contract_id < y->contract_id ? -1 : 1;
	return 0;
}

bool renewal_of_contract(const struct contract *c, ally_date today, struct renewal *r)
{
	memset(r, 0, sizeof *r);
	r->band = BAND_COUNT;
	r->phase = -1;
	r->end_date = DATE_NONE;
	r->notice_deadline = DATE_NONE;
	r->action_date = DATE_NONE;
	r->annual_value = -1;
	if (c->status != CSTATUS_ACTIVE || c->end_date == DATE_NONE || today == DATE_NONE)
		return false;
	r->contract_id = c->id;
	r->partner_id = c->partner_id;
	r->partner = c->partner_name;
	r->title = c->title;
	r->end_date = c->end_date;
	r->auto_renew = c->auto_renew;
	r->notice_days = c->notice_days;
	r->annual_value = c->annual_value;
	memcpy(r->currency, c->currency, sizeof r->currency);
	renewal_compute(r, today);
	return true;
}

bool renewal_notice_soon(const struct renewal *r)
{
	return notice_within(r, NOTICE_SOON_DAYS);
}
