/* check-contract.c: contract defaults, fields, validation and terms. */
#include <string.h>

#include "ally/contract.h"
#include "ally/partner.h" /* TEXT_LINE_MAX */
#include "core-test.h"

static void expect_set(struct contract *c, const char *field, const char *value)
{
	struct ally_err err;

	ally_err_clear(&err);
	ck_assert_msg(contract_set_field(c, field, value, &err) == ALLY_OK, "%s=%s refused: %s",
		      field, value, err.msg);
}

static void expect_set_err(struct contract *c, const char *field, const char *value,
			   const char *want)
{
	struct ally_err err;
	int rc;

	ally_err_clear(&err);
	rc = contract_set_field(c, field, value, &err);
	ck_assert_user_err(rc, err, want);
}

/* A contract that validates, to vary one thing at a time. */
static void valid_contract(struct contract *c)
{
	contract_init(c);
	expect_set(c, "title", "Reseller agreement");
	expect_set(c, "start_date", "2026-01-01");
	expect_set(c, "end_date", "2026-12-31");
}

static void expect_invalid(const struct contract *c, const char *want)
{
	struct ally_err err;
	int rc;

	ally_err_clear(&err);
	rc = contract_validate(c, &err);
	ck_assert_user_err(rc, err, want);
}

static void expect_term(const char *end, int months, const char *start_want,
			const char *end_want)
{
	char s[DATE_BUFSZ], e[DATE_BUFSZ];
	ally_date start, new_end;

	contract_next_term(D(end), months, &start, &new_end);
	ck_assert_str_eq(date_format(start, s), start_want);
	ck_assert_str_eq(date_format(new_end, e), end_want);
}

START_TEST(init_defaults)
{
	struct contract c;

	contract_init(&c);
	ck_assert_int_eq(c.status, CSTATUS_ACTIVE);
	ck_assert_int_eq(c.renewal_months, 12);
	ck_assert_int_eq(c.notice_days, 60);
	ck_assert_str_eq(c.currency, "USD");
	ck_assert_int_eq(c.annual_value, -1);
	ck_assert_int_eq(c.econ.model, -1);
	ck_assert_int_eq(c.econ.pct[0], -1);
	ck_assert_int_eq(c.econ.pct[2], -1);
	ck_assert_int_eq(c.econ.amount, -1);
	ck_assert_int_eq(c.exclusivity, -1);
	ck_assert_int_eq(c.exclusivity_end, DATE_NONE);
	ck_assert_int_eq(c.liability_cap, -1);
	ck_assert_int_eq(c.start_date, DATE_NONE);
	ck_assert_int_eq(c.end_date, DATE_NONE);
	ck_assert(!c.auto_renew);
	contract_finish(&c);
}
END_TEST

START_TEST(set_every_field)
{
	struct contract c;

	contract_init(&c);
	expect_set(&c, "title", "Channel deal");
	expect_set(&c, "status", "Negotiating");
	expect_set(&c, "start_date", "2026-02-01");
	expect_set(&c, "end_date", "2027-01-31");
	expect_set(&c, "auto_renew", "yes");
	expect_set(&c, "renewal_months", "24");
	expect_set(&c, "notice_days", "90");
	expect_set(&c, "annual_value", "125000.00");
	expect_set(&c, "currency", "eur");
	expect_set(&c, "model", "tiered_revenue_share");
	expect_set(&c, "model_pct", "30/20/15");
	expect_set(&c, "exclusivity", "sunset");
	expect_set(&c, "exclusivity_end", "2026-12-31");
	expect_set(&c, "liability_cap", "1000000");
	expect_set(&c, "termination_reason", "none yet");
	expect_set(&c, "notes", "signed\nby both");
	ck_assert_str_eq(c.title, "Channel deal");
	ck_assert_int_eq(c.status, CSTATUS_NEGOTIATING);
	ck_assert_int_eq(c.start_date, D("2026-02-01"));
	ck_assert_int_eq(c.end_date, D("2027-01-31"));
	ck_assert(c.auto_renew);
	ck_assert_int_eq(c.renewal_months, 24);
	ck_assert_int_eq(c.notice_days, 90);
	ck_assert_int_eq(c.annual_value, 12500000);
	ck_assert_str_eq(c.currency, "EUR");
	ck_assert_int_eq(c.econ.model, ECON_TIERED_REVENUE_SHARE);
	ck_assert_int_eq(c.econ.pct[0], 3000);
	ck_assert_int_eq(c.econ.pct[1], 2000);
	ck_assert_int_eq(c.econ.pct[2], 1500);
	ck_assert_int_eq(c.exclusivity, EXCL_SUNSET);
	ck_assert_int_eq(c.exclusivity_end, D("2026-12-31"));
	ck_assert_int_eq(c.liability_cap, 100000000);
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	ck_assert_ptr_null(contract_fields[17]);
	contract_finish(&c);
}
END_TEST

START_TEST(set_dates)
{
	struct contract c;

	contract_init(&c);
	expect_set_err(&c, "end_date", "2026-02-30",
		       "end_date: '2026-02-30' is not a real date (YYYY-MM-DD)");
	expect_set_err(&c, "end_date", "2027-02-29",
		       "end_date: '2027-02-29' is not a real date (YYYY-MM-DD)");
	expect_set(&c, "end_date", "2028-02-29");
	ck_assert_int_eq(c.end_date, D("2028-02-29"));
	expect_set_err(&c, "start_date", "", "start_date: must not be empty");
	expect_set_err(&c, "start_date", "1/2/2026",
		       "start_date: '1/2/2026' is not a date (YYYY-MM-DD)");
	expect_set(&c, "exclusivity_end", "2026-05-01");
	expect_set(&c, "exclusivity_end", "");
	ck_assert_int_eq(c.exclusivity_end, DATE_NONE);
	contract_finish(&c);
}
END_TEST

START_TEST(set_numbers)
{
	struct contract c;

	contract_init(&c);
	expect_set_err(&c, "renewal_months", "0", "renewal_months: 0 is out of range 1-120");
	expect_set(&c, "renewal_months", "1");
	expect_set(&c, "renewal_months", "120");
	expect_set_err(&c, "renewal_months", "121", "renewal_months: 121 is out of range 1-120");
	expect_set_err(&c, "renewal_months", "12x", "renewal_months: '12x' is not a whole number");
	expect_set_err(&c, "renewal_months", "", "renewal_months: must not be empty");
	ck_assert_int_eq(c.renewal_months, 120);
	expect_set_err(&c, "notice_days", "-1", "notice_days: -1 is out of range 0-365");
	expect_set(&c, "notice_days", "0");
	expect_set(&c, "notice_days", "365");
	expect_set_err(&c, "notice_days", "366", "notice_days: 366 is out of range 0-365");
	expect_set_err(&c, "notice_days", "99999999999999999999",
		       "notice_days: 99999999999999999999 is out of range 0-365");
	ck_assert_int_eq(c.notice_days, 365);
	contract_finish(&c);
}
END_TEST

START_TEST(set_money_and_currency)
{
	struct contract c;

	contract_init(&c);
	expect_set(&c, "annual_value", "0.01");
	ck_assert_int_eq(c.annual_value, 1);
	expect_set_err(&c, "annual_value", "1.005",
		       "annual_value: '1.005' has more than 2 decimals");
	expect_set_err(&c, "annual_value", "1,000",
		       "annual_value: '1,000' is not an amount (e.g. 1250.00)");
	expect_set_err(&c, "annual_value", "-5", "annual_value: '-5' must not be negative");
	ck_assert_int_eq(c.annual_value, 1);
	expect_set(&c, "annual_value", "");
	ck_assert_int_eq(c.annual_value, -1);
	expect_set_err(&c, "currency", "EURO",
		       "currency: 'EURO' is not a currency code (ISO 4217, e.g. EUR)");
	expect_set_err(&c, "currency", "", "currency: '' is not a currency code (ISO 4217, e.g. EUR)");
	expect_set_err(&c, "currency", "E1R", "currency: 'E1R' is not a currency code (ISO 4217, e.g. EUR)");
	expect_set_err(&c, "currency", "xxx", "currency: 'xxx' is not a currency code (ISO 4217, e.g. EUR)");
	expect_set_err(&c, "currency", "ABC", "currency: 'ABC' is not a currency code (ISO 4217, e.g. EUR)");
	ck_assert_str_eq(c.currency, "USD");
	/* Lower case is what people type; it means the same code. */
	expect_set(&c, "currency", "chf");
	ck_assert_str_eq(c.currency, "CHF");
	expect_set(&c, "currency", "Jpy");
	ck_assert_str_eq(c.currency, "JPY");
	expect_set(&c, "liability_cap", "250000.50");
	ck_assert_int_eq(c.liability_cap, 25000050);
	contract_finish(&c);
}
END_TEST

START_TEST(set_enums_and_flags)
{
	static const char *const yes[] = { "yes", "true", "1", "Y", "ON" };
	static const char *const no[] = { "no", "false", "0", "N", "off" };
	struct contract c;

	contract_init(&c);
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		expect_set(&c, "auto_renew", yes[i]);
		ck_assert(c.auto_renew);
		expect_set(&c, "auto_renew", no[i]);
		ck_assert(!c.auto_renew);
	}
	expect_set_err(&c, "auto_renew", "maybe", "auto_renew: 'maybe' is not yes or no");
	expect_set_err(&c, "status", "paused",
		       "status: 'paused' is not one of: draft, negotiating, active, terminated, "
		       "expired");
	expect_set_err(&c, "status", "", "status: must not be empty");
	expect_set(&c, "model", "flat-fee");
	ck_assert_int_eq(c.econ.model, ECON_FLAT_FEE);
	expect_set(&c, "model", "");
	ck_assert_int_eq(c.econ.model, -1);
	expect_set_err(&c, "exclusivity", "total",
		       "exclusivity: 'total' is not one of: exclusive, non_exclusive, limited, "
		       "sunset");
	expect_set_err(&c, "id", "4", "id: is read-only");
	expect_set_err(&c, "colour", "red", "colour: no such field");
	expect_set_err(&c, "title", "", "title: must not be empty");
	contract_finish(&c);
}
END_TEST

START_TEST(set_model_pct)
{
	struct contract c;
	char out[48];

	contract_init(&c);
	expect_set(&c, "model_pct", "20");
	ck_assert_int_eq(c.econ.pct[0], 2000);
	ck_assert_int_eq(c.econ.pct[1], -1);
	ck_assert_str_eq(econ_pct_format(&c.econ, out), "20");
	expect_set(&c, "model_pct", "30/20/12.5");
	ck_assert_str_eq(econ_pct_format(&c.econ, out), "30/20/12.5");
	expect_set_err(&c, "model_pct", "30/20/15/10",
		       "model_pct: '30/20/15/10' has more than three percentages");
	expect_set_err(&c, "model_pct", "30//20",
		       "model_pct: '30//20' is not a percentage or a list like 30/20/15");
	expect_set_err(&c, "model_pct", "30/", "model_pct: '30/' is not a percentage or a list like 30/20/15");
	expect_set_err(&c, "model_pct", "30/120", "model_pct: 120 is out of range 0-100");
	ck_assert_str_eq(econ_pct_format(&c.econ, out), "30/20/12.5");
	expect_set(&c, "model_pct", "");
	ck_assert_str_eq(econ_pct_format(&c.econ, out), "");
	ck_assert_int_eq(c.econ.pct[0], -1);
	contract_finish(&c);
}
END_TEST

START_TEST(validate_dates_and_text)
{
	struct contract c;

	valid_contract(&c);
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	c.end_date = c.start_date; /* a one-day term is a term */
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	c.end_date = c.start_date - 1;
	expect_invalid(&c, "end_date: 2025-12-31 is before start_date 2026-01-01");
	c.end_date = DATE_NONE;
	expect_invalid(&c, "end_date: must not be empty");
	contract_finish(&c);

	contract_init(&c);
	expect_invalid(&c, "title: must not be empty");
	contract_finish(&c);

	valid_contract(&c);
	c.renewal_months = 0;
	expect_invalid(&c, "renewal_months: 0 is out of range 1-120");
	c.renewal_months = 12;
	c.notice_days = 366;
	expect_invalid(&c, "notice_days: 366 is out of range 0-365");
	c.notice_days = 60;
	memcpy(c.currency, "us", 3);
	expect_invalid(&c, "currency: 'us' is not a currency code (ISO 4217, e.g. EUR)");
	memcpy(c.currency, "XXX", 4);
	expect_invalid(&c, "currency: 'XXX' is not a currency code (ISO 4217, e.g. EUR)");
	memcpy(c.currency, "JPYX", 4); /* no NUL in the field */
	expect_invalid(&c, "currency: 'JPYX' is not a currency code (ISO 4217, e.g. EUR)");
	contract_finish(&c);
}
END_TEST

START_TEST(validate_model_parameters)
{
	struct contract c;

	valid_contract(&c);
	expect_set(&c, "model", "revenue_share");
	expect_invalid(&c, "model_pct: revenue_share needs the partner's share (e.g. model_pct=20)");
	expect_set(&c, "model_pct", "20/10");
	expect_invalid(&c, "model_pct: revenue_share takes 1 percentage, not 2 (clear with model_pct=)");
	expect_set(&c, "model_pct", "20");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	expect_set(&c, "model_amount", "10");
	expect_invalid(&c, "model_amount: revenue_share takes no amount (clear with model_amount=)");
	expect_set(&c, "model_amount", "");

	expect_set(&c, "model", "tiered_revenue_share");
	expect_invalid(&c, "model_pct: tiered_revenue_share needs the shares of year 1, 2 and 3 on "
			   "(e.g. model_pct=30/20/15)");
	expect_set(&c, "model_pct", "30/20/15");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);

	expect_set(&c, "model", "referral_fee");
	expect_set(&c, "model_pct", "");
	expect_invalid(&c, "model_amount: referral_fee needs a flat fee (model_amount) or a share "
			   "of first-year revenue (model_pct)");
	expect_set(&c, "model_amount", "500");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	expect_set(&c, "model_pct", "10");
	expect_invalid(&c, "model_pct: referral_fee takes a flat fee or a percentage, not both "
			   "(clear one with model_pct= or model_amount=)");
	expect_set(&c, "model_amount", "");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);

	expect_set(&c, "model", "co_marketing");
	expect_invalid(&c, "model_amount: co_marketing needs the campaign budget");
	expect_set(&c, "model_amount", "20000");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	expect_set(&c, "model_pct", "");
	expect_invalid(&c, "model_pct: co_marketing needs our share of the budget (e.g. model_pct=60)");

	expect_set(&c, "model", "flat_fee");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	expect_set(&c, "model_amount", "");
	expect_invalid(&c, "model_amount: flat_fee needs the amount per year");

	expect_set(&c, "model", "reseller_margin");
	expect_invalid(&c, "model_pct: reseller_margin needs the discount off list (e.g. model_pct=30)");
	contract_finish(&c);
}
END_TEST

START_TEST(clearing_the_model_clears_its_parameters)
{
	struct contract c;

	valid_contract(&c);
	expect_set(&c, "model", "tiered_revenue_share");
	expect_set(&c, "model_pct", "30/20/15");
	c.econ.amount = 500; /* as a stored record could hold */
	expect_set(&c, "model", "");
	ck_assert_int_eq(c.econ.model, -1);
	ck_assert_int_eq(c.econ.pct[0], -1);
	ck_assert_int_eq(c.econ.pct[1], -1);
	ck_assert_int_eq(c.econ.pct[2], -1);
	ck_assert_int_eq(c.econ.amount, -1);
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	/* Changing to another model keeps them, for the new model to check;
	 * a refused model changes nothing. */
	expect_set(&c, "model", "co_marketing");
	expect_set(&c, "model_pct", "60");
	expect_set(&c, "model_amount", "20000");
	expect_set(&c, "model", "reseller_margin");
	ck_assert_int_eq(c.econ.pct[0], 6000);
	ck_assert_int_eq(c.econ.amount, 2000000);
	expect_set_err(&c, "model", "pyramid",
		       "model: 'pyramid' is not one of: revenue_share, tiered_revenue_share, "
		       "referral_fee, reseller_margin, co_marketing, flat_fee");
	ck_assert_int_eq(c.econ.model, ECON_RESELLER_MARGIN);
	ck_assert_int_eq(c.econ.pct[0], 6000);
	contract_finish(&c);
}
END_TEST

START_TEST(validate_parameters_need_a_model)
{
	struct contract c;

	valid_contract(&c);
	expect_set(&c, "model_pct", "20");
	expect_invalid(&c, "model_pct: needs a model (set model first)");
	expect_set(&c, "model_pct", "");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	expect_set(&c, "model_amount", "0");
	expect_invalid(&c, "model_amount: needs a model (set model first)");
	expect_set(&c, "model_amount", "");
	/* Any slot counts, not only the first. */
	c.econ.pct[2] = 0;
	expect_invalid(&c, "model_pct: needs a model (set model first)");
	c.econ.pct[2] = -1;
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	/* With a model, the model's own rules apply. */
	expect_set(&c, "model_pct", "20");
	expect_set(&c, "model", "revenue_share");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	contract_finish(&c);
}
END_TEST

START_TEST(multi_line_texts_take_crlf)
{
	struct contract c;
	char *long_reason = malloc(TEXT_LINE_MAX + 2);

	valid_contract(&c);
	expect_set(&c, "notes", "line 1\r\nline 2\rline 3\n\r\nend\r");
	ck_assert_str_eq(c.notes, "line 1\nline 2\nline 3\n\nend\n");
	expect_set(&c, "termination_reason", "Partner pivoted.\r\nSee the board minutes.");
	ck_assert_str_eq(c.termination_reason, "Partner pivoted.\nSee the board minutes.");
	expect_set(&c, "termination_reason", "\r");
	ck_assert_str_eq(c.termination_reason, "\n");
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	/* termination_reason is a long text now, like notes. */
	memset(long_reason, 'r', TEXT_LINE_MAX + 1);
	long_reason[TEXT_LINE_MAX + 1] = '\0';
	expect_set(&c, "termination_reason", long_reason);
	ck_assert_int_eq(contract_validate(&c, NULL), ALLY_OK);
	/* Other controls are still refused; the title stays one line. */
	expect_set_err(&c, "notes", "a\r\n\x1b[2J", "notes: contains a control character (U+001B)");
	ck_assert_str_eq(c.notes, "line 1\nline 2\nline 3\n\nend\n");
	expect_set_err(&c, "title", "Deal\r\n", "title: contains a control character (U+000D)");
	expect_set_err(&c, "title", "Deal\xe2\x80\xa8" "2", "title: contains a line break (U+2028)");
	free(long_reason);
	contract_finish(&c);
}
END_TEST

START_TEST(next_term_month_ends_and_leap_days)
{
	/* domain.md's own examples. */
	expect_term("2026-12-31", 12, "2027-01-01", "2027-12-31");
	expect_term("2027-01-31", 1, "2027-02-01", "2027-02-28");
	/* A month end renews to a month end. */
	expect_term("2027-02-28", 1, "2027-03-01", "2027-03-31");
	expect_term("2026-04-30", 1, "2026-05-01", "2026-05-31");
	expect_term("2027-02-28", 12, "2027-03-01", "2028-02-29");
	expect_term("2027-12-31", 2, "2028-01-01", "2028-02-29");
	expect_term("2028-02-29", 12, "2028-03-01", "2029-02-28");
	/* 2028-02-28 is not the end of its (leap) month: plain + 12. */
	expect_term("2028-02-28", 12, "2028-02-29", "2029-02-28");
	expect_term("2028-02-28", 1, "2028-02-29", "2028-03-28");
	/* Any other day keeps its day, clamped where the month is short. */
	expect_term("2026-06-15", 12, "2026-06-16", "2027-06-15");
	expect_term("2026-06-14", 3, "2026-06-15", "2026-09-14");
	expect_term("2027-01-30", 1, "2027-01-31", "2027-02-28");
	expect_term("2026-08-30", 6, "2026-08-31", "2027-02-28");
}
END_TEST

START_TEST(next_term_clamped_end_becomes_a_month_end)
{
	/* 01-30 clamps to 02-28, which is a month end: the next month then
	 * ends on 03-31, not 03-28. */
	expect_term("2027-01-30", 1, "2027-01-31", "2027-02-28");
	expect_term("2027-02-28", 1, "2027-03-01", "2027-03-31");
}
END_TEST

START_TEST(next_term_repeated_does_not_drift)
{
	ally_date start, end = D("2027-01-31");
	char out[DATE_BUFSZ], want[DATE_BUFSZ];
	int y = 2027, m = 1, ey, em, ed;

	/* 24 monthly renewals from a month end: each ends on the last day of
	 * the next month, short months included. */
	for (int i = 0; i < 24; i++) {
		ally_date prev = end;

		contract_next_term(end, 1, &start, &end);
		ck_assert_int_eq(start, prev + 1);
		if (++m > 12)
			m = 1, y++;
		date_to_ymd(end, &ey, &em, &ed);
		date_format(date_from_ymd(y, m, date_days_in_month(y, m)), want);
		ck_assert_msg(ey == y && em == m && ed == date_days_in_month(y, m),
			      "term %d ends %s, not %s", i, date_format(end, out), want);
	}
	ck_assert_str_eq(date_format(end, out), "2029-01-31");
}
END_TEST

START_TEST(next_term_past_the_calendar)
{
	ally_date start, end;

	contract_next_term(D("9999-12-20"), 1, &start, &end);
	ck_assert_int_eq(start, D("9999-12-21"));
	ck_assert_int_eq(end, DATE_NONE);
	contract_next_term(D("9999-12-31"), 12, &start, &end);
	ck_assert_int_eq(end, DATE_NONE);
	/* The last term that fits. */
	expect_term("9999-11-30", 1, "9999-12-01", "9999-12-31");
}
END_TEST

/* An active contract ending on end, renewing for months. */
static void renewable(struct contract *c, const char *end, int months)
{
	valid_contract(c);
	expect_set(c, "start_date", "2026-01-01");
	expect_set(c, "end_date", end);
	c->renewal_months = months;
}

static void expect_renew(const char *end, int months, const char *until, const char *start_want,
			 const char *end_want)
{
	char s[DATE_BUFSZ], e[DATE_BUFSZ];
	struct contract c;
	struct ally_err err;
	ally_date start = DATE_NONE, new_end = DATE_NONE;
	int rc;

	renewable(&c, end, months);
	ally_err_clear(&err);
	rc = contract_renew_term(&c, until != NULL ? D(until) : DATE_NONE, &start, &new_end, &err);
	ck_assert_msg(rc == ALLY_OK, "renewing %s refused: %s", end, err.msg);
	ck_assert_str_eq(date_format(start, s), start_want);
	ck_assert_str_eq(date_format(new_end, e), end_want);
	contract_finish(&c);
}

static void expect_renew_err(struct contract *c, const char *until, const char *want)
{
	struct ally_err err;
	ally_date start = 1, end = 2;
	int rc;

	ally_err_clear(&err);
	rc = contract_renew_term(c, until != NULL ? D(until) : DATE_NONE, &start, &end, &err);
	ck_assert_user_err(rc, err, want);
	/* Nothing is written on failure. */
	ck_assert_int_eq(start, 1);
	ck_assert_int_eq(end, 2);
}

START_TEST(renew_term_follows_next_term)
{
	expect_renew("2026-12-31", 12, NULL, "2027-01-01", "2027-12-31");
	expect_renew("2027-01-31", 1, NULL, "2027-02-01", "2027-02-28");
	expect_renew("2027-02-28", 1, NULL, "2027-03-01", "2027-03-31");
	expect_renew("2026-06-15", 12, NULL, "2026-06-16", "2027-06-15");
	/* The last term that fits the calendar. */
	expect_renew("9998-12-31", 12, NULL, "9999-01-01", "9999-12-31");
}
END_TEST

START_TEST(renew_term_until)
{
	struct contract c;

	expect_renew("2026-12-31", 12, "2027-06-30", "2027-01-01", "2027-06-30");
	/* The day after the end is the shortest term there is. */
	expect_renew("2026-12-31", 12, "2027-01-01", "2027-01-01", "2027-01-01");
	expect_renew("9999-12-20", 12, "9999-12-31", "9999-12-21", "9999-12-31");

	renewable(&c, "2026-12-31", 12);
	expect_renew_err(&c, "2026-12-31", "until: 2026-12-31 is not after the current end 2026-12-31");
	expect_renew_err(&c, "2026-06-30", "until: 2026-06-30 is not after the current end 2026-12-31");
	contract_finish(&c);
}
END_TEST

START_TEST(renew_term_only_active)
{
	static const struct {
		int status;
		const char *want;
	} refused[] = {
		{ CSTATUS_DRAFT, "status: only active contracts renew; this one is draft" },
		{ CSTATUS_NEGOTIATING, "status: only active contracts renew; this one is negotiating" },
		{ CSTATUS_TERMINATED, "status: only active contracts renew; this one is terminated" },
		{ CSTATUS_EXPIRED, "status: only active contracts renew; this one is expired" },
	};
	struct contract c;

	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		renewable(&c, "2026-12-31", 12);
		c.status = refused[i].status;
		expect_renew_err(&c, NULL, refused[i].want);
		expect_renew_err(&c, "2027-12-31", refused[i].want);
		contract_finish(&c);
	}
}
END_TEST

START_TEST(renew_term_past_9999_refused)
{
	struct contract c;

	renewable(&c, "9999-12-20", 12);
	expect_renew_err(&c, NULL, "end_date: renewing 9999-12-20 for 12 months would end after "
				   "9999-12-31, the last date ally can hold");
	c.renewal_months = 1;
	expect_renew_err(&c, NULL, "end_date: renewing 9999-12-20 for 1 month would end after "
				   "9999-12-31, the last date ally can hold");
	contract_finish(&c);

	renewable(&c, "9999-12-31", 12);
	expect_renew_err(&c, NULL, "end_date: renewing 9999-12-31 for 12 months would end after "
				   "9999-12-31, the last date ally can hold");
	/* No until can be after the last date either. */
	expect_renew_err(&c, "9999-12-31",
			 "until: 9999-12-31 is not after the current end 9999-12-31");
	contract_finish(&c);
}
END_TEST

START_TEST(renew_term_bad_record)
{
	struct contract c;

	renewable(&c, "2026-12-31", 12);
	c.renewal_months = 0;
	expect_renew_err(&c, NULL, "renewal_months: 0 is out of range 1-120");
	c.renewal_months = 12;
	c.end_date = DATE_NONE;
	expect_renew_err(&c, NULL, "end_date: must not be empty");
	contract_finish(&c);
}
END_TEST

START_TEST(check_term_start)
{
	struct ally_err err;
	int rc;

	/* Up to and including the first term's last day. */
	ck_assert_int_eq(contract_check_term_start(D("2026-12-12"), D("2026-12-12"), &err), ALLY_OK);
	ck_assert_int_eq(contract_check_term_start(D("2026-12-12"), D("2020-01-01"), &err), ALLY_OK);
	rc = contract_check_term_start(D("2026-12-12"), D("2026-12-13"), &err);
	ck_assert_user_err(rc, err, "start_date: 2026-12-13 is after the end of the first term (2026-12-12)");
	rc = contract_check_term_start(D("2026-12-12"), D("2027-01-01"), &err);
	ck_assert_user_err(rc, err, "start_date: 2027-01-01 is after the end of the first term (2026-12-12)");
	rc = contract_check_term_start(D("2026-12-12"), DATE_NONE, &err);
	ck_assert_user_err(rc, err, "start_date: must not be empty");
	/* Never renewed: no term history to check against. */
	ck_assert_int_eq(contract_check_term_start(DATE_NONE, D("2030-01-01"), &err), ALLY_OK);
	rc = contract_check_term_start(DATE_NONE, DATE_NONE, &err);
	ck_assert_user_err(rc, err, "start_date: must not be empty");
}
END_TEST

START_TEST(check_term_end)
{
	struct ally_err err;
	int rc;

	ck_assert_int_eq(contract_check_term_end(D("2027-07-01"), D("2027-07-01"), &err), ALLY_OK);
	ck_assert_int_eq(contract_check_term_end(D("2027-07-01"), D("2028-06-30"), &err), ALLY_OK);
	rc = contract_check_term_end(D("2027-07-01"), D("2027-06-30"), &err);
	ck_assert_user_err(rc, err, "end_date: 2027-06-30 is before the current term's start 2027-07-01");
	rc = contract_check_term_end(D("2027-07-01"), D("2026-01-01"), &err);
	ck_assert_user_err(rc, err, "end_date: 2026-01-01 is before the current term's start 2027-07-01");
	rc = contract_check_term_end(D("2027-07-01"), DATE_NONE, &err);
	ck_assert_user_err(rc, err, "end_date: must not be empty");
	ck_assert_int_eq(contract_check_term_end(DATE_NONE, D("2026-01-01"), &err), ALLY_OK);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "contract_init", init_defaults },
		{ "contract_set_field", set_every_field },
		{ "contract_set_field", set_dates },
		{ "contract_set_field", set_numbers },
		{ "contract_set_field", set_money_and_currency },
		{ "contract_set_field", set_enums_and_flags },
		{ "contract_set_field", set_model_pct },
		{ "contract_set_field", clearing_the_model_clears_its_parameters },
		{ "contract_set_field", multi_line_texts_take_crlf },
		{ "contract_validate", validate_dates_and_text },
		{ "contract_validate", validate_model_parameters },
		{ "contract_validate", validate_parameters_need_a_model },
		{ "contract_next_term", next_term_month_ends_and_leap_days },
		{ "contract_next_term", next_term_clamped_end_becomes_a_month_end },
		{ "contract_next_term", next_term_repeated_does_not_drift },
		{ "contract_next_term", next_term_past_the_calendar },
		{ "contract_renew_term", renew_term_follows_next_term },
		{ "contract_renew_term", renew_term_until },
		{ "contract_renew_term", renew_term_only_active },
		{ "contract_renew_term", renew_term_past_9999_refused },
		{ "contract_renew_term", renew_term_bad_record },
		{ "contract_check_term_end", check_term_end },
		{ "contract_check_term_start", check_term_start },
	};

	return run_suite(suite_from("contract", cases, sizeof cases / sizeof cases[0]));
}
