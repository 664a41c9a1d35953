/* contract.c: a contract's defaults, validation and term arithmetic. */
#include "ally/contract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/err.h"
#include "ally/partner.h"
#include "ally/util.h"
#include "core.h"

const char *const contract_status_names[] = { "draft", "negotiating", "active", "terminated",
					      "expired", NULL };
const char *const exclusivity_names[] = { "exclusive", "non_exclusive", "limited", "sunset",
					  NULL };
const char *const econ_model_names[] = { "revenue_share", "tiered_revenue_share",
					 "referral_fee", "reseller_margin", "co_marketing",
					 "flat_fee", NULL };

void contract_init(struct contract *c)
{
	memset(c, 0, sizeof *c);
	c->status = CSTATUS_ACTIVE;
	c->start_date = DATE_NONE;
	c->end_date = DATE_NONE;
	c->renewal_months = RENEWAL_MONTHS_DEFAULT;
	c->notice_days = NOTICE_DAYS_DEFAULT;
	c->annual_value = -1;
	memcpy(c->currency, "USD", 4);
	c->econ.model = -1;
	c->econ.pct[0] = c->econ.pct[1] = c->econ.pct[2] = -1;
	c->econ.amount = -1;
	c->exclusivity = -1;
	c->exclusivity_end = DATE_NONE;
	c->liability_cap = -1;
}

void contract_finish(struct contract *c)
{
	free(c->partner_name);
	free(c->title);
	free(c->termination_reason);
	free(c->notes);
	free(c->created_at);
	free(c->updated_at);
	contract_init(c);
}

void contract_copy(struct contract *dst, const struct contract *src)
{
	*dst = *src;
	dst->partner_name = xstrdup(src->partner_name);
	dst->title = xstrdup(src->title);
	dst->termination_reason = xstrdup(src->termination_reason);
	dst->notes = xstrdup(src->notes);
	dst->created_at = xstrdup(src->created_at);
	dst->updated_at = xstrdup(src->updated_at);
}

static int check_range(long v, long min, long max, const char *field, struct ally_err *err)
{
	if (v < min || v > max)
		return ally_err_set(err, ALLY_EUSER, field, "%ld is out of range %ld-%ld", v, min,
				    max);
	return ALLY_OK;
}

static int check_money(ally_money m, const char *field, struct ally_err *err)
{
	if (m != -1 && (m < 0 || m > MONEY_MAX))
		return ally_err_set(err, ALLY_EUSER, field, "is out of range");
	return ALLY_OK;
}

static int check_dates(const struct contract *c, struct ally_err *err)
{
	char s[DATE_BUFSZ], e[DATE_BUFSZ];

	if (c->start_date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "start_date", "must not be empty");
	if (c->end_date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "end_date", "must not be empty");
	if (c->end_date < c->start_date)
		return ally_err_set(err, ALLY_EUSER, "end_date", "%s is before start_date %s",
				    date_format(c->end_date, e), date_format(c->start_date, s));
	return ALLY_OK;
}

static int check_enums(const struct contract *c, struct ally_err *err)
{
	if (c->status < 0 || c->status >= CSTATUS_COUNT)
		return ally_err_set(err, ALLY_EUSER, "status", "must not be empty");
	if (c->exclusivity < -1 || c->exclusivity >= EXCL_COUNT)
		return ally_err_set(err, ALLY_EUSER, "exclusivity", "%d is not a known value",
				    c->exclusivity);
	return ALLY_OK;
}

/* The field is a char[4] that a caller may have filled without a NUL:
 * all four bytes are quoted then, so "JPYX" is not shown as a valid JPY. */
static int currency_err(const char currency[4], struct ally_err *err)
{
	char code[5], q[QUOTE_BUFSZ];
	size_t n = strnlen(currency, 4);

	memcpy(code, currency, n);
	code[n] = '\0';
	return ally_err_set(err, ALLY_EUSER, "currency",
			    "'%s' is not a currency code (ISO 4217, e.g. EUR)", quote(code, q));
}

/* Parameters without a model would be shown and exported as if they
 * meant something, and picked up by whatever model is set next. */
static int check_no_model(const struct econ_terms *e, struct ally_err *err)
{
	if (e->pct[0] != -1 || e->pct[1] != -1 || e->pct[2] != -1)
		return ally_err_set(err, ALLY_EUSER, "model_pct", "needs a model (set model first)");
	if (e->amount != -1)
		return ally_err_set(err, ALLY_EUSER, "model_amount",
				    "needs a model (set model first)");
	return ALLY_OK;
}

int contract_validate(const struct contract *c, struct ally_err *err)
{
	int rc;

	if (c->title == NULL || *c->title == '\0')
		return ally_err_set(err, ALLY_EUSER, "title", "must not be empty");
	rc = text_check(c->title, "title", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = check_enums(c, err);
	if (rc == ALLY_OK)
		rc = check_dates(c, err);
	if (rc == ALLY_OK)
		rc = check_range(c->renewal_months, 1, RENEWAL_MONTHS_MAX, "renewal_months", err);
	if (rc == ALLY_OK)
		rc = check_range(c->notice_days, 0, NOTICE_DAYS_MAX, "notice_days", err);
	if (rc == ALLY_OK)
		rc = check_money(c->annual_value, "annual_value", err);
	if (rc == ALLY_OK)
		rc = check_money(c->liability_cap, "liability_cap", err);
	if (rc == ALLY_OK && !currency_valid(c->currency))
		rc = currency_err(c->currency, err);
	if (rc == ALLY_OK)
		rc = c->econ.model >= 0 ? econ_check(&c->econ, err) : check_no_model(&c->econ, err);
	if (rc == ALLY_OK)
		rc = text_check(c->termination_reason, "termination_reason", TEXT_LONG_MAX, true,
				err);
	if (rc == ALLY_OK)
		rc = text_check(c->notes, "notes", TEXT_LONG_MAX, true, err);
	return rc;
}

char *econ_pct_format(const struct econ_terms *e, char out[48])
{
	char one[16];
	size_t o = 0;

	out[0] = '\0';
	for (int i = 0; i < 3 && e->pct[i] >= 0; i++) {
		percent_format(e->pct[i], one);
		o += (size_t)snprintf(out + o, 48 - o, "%s%s", i > 0 ? "/" : "", one);
	}
	return out;
}

static bool month_end(ally_date date)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return d == date_days_in_month(y, m);
}

void contract_next_term(ally_date end, int months, ally_date *start, ally_date *new_end)
{
	ally_date to = date_add_months(end, months);
	int y, m, d;

	*start = end + 1;
	*new_end = to;
	/* A term that ends on a month end renews to a month end: adding to
	 * the old end alone would drift (02-28 + 1 month is 03-28), and
	 * counting from the new start would lose the clamp (01-30 + 1 month
	 * must end 02-28, not 02-29 or 03-01). */
	if (to == DATE_NONE || !month_end(end))
		return;
	date_to_ymd(to, &y, &m, &d);
	*new_end = date_from_ymd(y, m, date_days_in_month(y, m));
}

int contract_renew_term(const struct contract *c, ally_date until, ally_date *start,
			ally_date *end, struct ally_err *err)
{
	char e[DATE_BUFSZ], u[DATE_BUFSZ];
	ally_date s, n;

	const char *status = enum_name(contract_status_names, c->status);

	if (c->status != CSTATUS_ACTIVE)
		return ally_err_set(err, ALLY_EUSER, "status",
				    "only active contracts renew; this one is %s",
				    status != NULL ? status : "unset");
	if (c->end_date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "end_date", "must not be empty");
	if (check_range(c->renewal_months, 1, RENEWAL_MONTHS_MAX, "renewal_months", err) != ALLY_OK)
		return ALLY_EUSER;
	date_format(c->end_date, e);
	if (until != DATE_NONE && until <= c->end_date)
		return ally_err_set(err, ALLY_EUSER, "until",
				    "%s is not after the current end %s", date_format(until, u), e);
	contract_next_term(c->end_date, c->renewal_months, &s, &n);
	if (until != DATE_NONE)
		n = until;
	/* The new term must be writable: DATE_NONE from contract_next_term,
	 * or a start past 9999-12-31, means it is not. */
	if (n == DATE_NONE || s > date_from_ymd(DATE_YEAR_MAX, 12, 31))
		return ally_err_set(err, ALLY_EUSER, "end_date",
				    "renewing %s for %d month%s would end after 9999-12-31, "
				    "the last date ally can hold",
				    e, c->renewal_months, c->renewal_months == 1 ? "" : "s");
	*start = s;
	*end = n;
	return ALLY_OK;
}

int contract_check_term_end(ally_date term_start, ally_date end, struct ally_err *err)
{
	char e[DATE_BUFSZ], s[DATE_BUFSZ];

	if (end == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "end_date", "must not be empty");
	if (term_start != DATE_NONE && end < term_start)
		return ally_err_set(err, ALLY_EUSER, "end_date",
				    "%s is before the current term's start %s",
				    date_format(end, e), date_format(term_start, s));
	return ALLY_OK;
}

int contract_check_term_start(ally_date first_term_end, ally_date start, struct ally_err *err)
{
	char s[DATE_BUFSZ], e[DATE_BUFSZ];

	if (start == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "start_date", "must not be empty");
	if (first_term_end != DATE_NONE && start > first_term_end)
		return ally_err_set(err, ALLY_EUSER, "start_date",
				    "%s is after the end of the first term (%s)",
				    date_format(start, s), date_format(first_term_end, e));
	return ALLY_OK;
}
