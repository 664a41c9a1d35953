/* check-renewal.c: bands, notice deadlines and the renewal list. */
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/renewal.h"
#include "ally/text.h"
#include "core-test.h"

#define TODAY "2026-06-15"

static struct renewal row(const char *partner, int64_t id, ally_date end, bool auto_renew,
			  int notice_days)
{
	struct renewal r;

	memset(&r, 0, sizeof r);
	r.contract_id = id;
	r.partner = partner;
	r.title = "deal";
	r.end_date = end;
	r.auto_renew = auto_renew;
	r.notice_days = notice_days;
	memcpy(r.currency, "USD", 4);
	renewal_compute(&r, D(TODAY));
	return r;
}

START_TEST(bands_at_their_edges)
{
	ck_assert_int_eq(renewal_band(-1), BAND_LAPSED);
	ck_assert_int_eq(renewal_band(-400), BAND_LAPSED);
	ck_assert_int_eq(renewal_band(0), BAND_URGENT);
	ck_assert_int_eq(renewal_band(59), BAND_URGENT);
	ck_assert_int_eq(renewal_band(60), BAND_WINDOW);
	ck_assert_int_eq(renewal_band(90), BAND_WINDOW);
	ck_assert_int_eq(renewal_band(91), BAND_CLEAR);
	ck_assert_str_eq(band_names[BAND_LAPSED], "lapsed");
	ck_assert_str_eq(band_names[BAND_CLEAR], "clear");
}
END_TEST

START_TEST(notice_deadline)
{
	ck_assert_int_eq(renewal_notice_deadline(D("2026-12-31"), true, 60), D("2026-11-01"));
	ck_assert_int_eq(renewal_notice_deadline(D("2026-12-31"), true, 0), D("2026-12-31"));
	ck_assert_int_eq(renewal_notice_deadline(D("2026-03-31"), true, 30), D("2026-03-01"));
	ck_assert_int_eq(renewal_notice_deadline(D("2026-12-31"), false, 60), DATE_NONE);
	ck_assert_int_eq(renewal_notice_deadline(DATE_NONE, true, 60), DATE_NONE);
}
END_TEST

START_TEST(compute_days_and_bands)
{
	static const struct {
		int days;
		enum band band;
	} cases[] = { { -1, BAND_LAPSED }, { 0, BAND_URGENT },  { 59, BAND_URGENT },
		      { 60, BAND_WINDOW }, { 90, BAND_WINDOW }, { 91, BAND_CLEAR } };
	ally_date today = D(TODAY);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct renewal r = row("Acme", 1, today + cases[i].days, false, 60);

		ck_assert_int_eq(r.days_left, cases[i].days);
		ck_assert_int_eq(r.band, cases[i].band);
		ck_assert_int_eq(r.notice_deadline, DATE_NONE);
		ck_assert_int_eq(r.action_date, r.end_date);
	}
}
END_TEST

START_TEST(compute_action_date)
{
	ally_date today = D(TODAY);
	struct renewal ahead = row("A", 1, today + 100, true, 60);
	struct renewal on_day = row("A", 2, today + 60, true, 60);
	struct renewal passed = row("A", 3, today + 59, true, 60);

	ck_assert_int_eq(ahead.notice_deadline, today + 40);
	ck_assert_int_eq(ahead.days_to_notice, 40);
	ck_assert_int_eq(ahead.action_date, today + 40);
	/* The deadline is still actionable on its own day. */
	ck_assert_int_eq(on_day.days_to_notice, 0);
	ck_assert_int_eq(on_day.action_date, today);
	/* Once it has passed, the end of the term is what is left. */
	ck_assert_int_eq(passed.days_to_notice, -1);
	ck_assert_int_eq(passed.action_date, today + 59);
}
END_TEST

START_TEST(deadline_follows_the_renewed_term)
{
	struct contract c;
	struct renewal r;
	ally_date start;
	char out[DATE_BUFSZ];

	contract_init(&c);
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	c.auto_renew = true;
	contract_next_term(c.end_date, c.renewal_months, &start, &c.end_date);
	r = row("Acme", 1, c.end_date, c.auto_renew, c.notice_days);
	ck_assert_str_eq(date_format(r.end_date, out), "2027-12-31");
	ck_assert_str_eq(date_format(r.notice_deadline, out), "2027-11-01");
	ck_assert_int_ne(r.notice_deadline, D("2026-11-01"));
	ck_assert_int_eq(r.band, BAND_CLEAR);
	contract_finish(&c);
}
END_TEST

START_TEST(listed_within)
{
	ally_date today = D(TODAY);
	struct renewal r;

	r = row("A", 1, today + 90, false, 60);
	ck_assert(renewal_listed(&r, 90));
	ck_assert(!renewal_listed(&r, 89));
	r = row("A", 1, today + 91, false, 60);
	ck_assert(!renewal_listed(&r, 90));
	r = row("A", 1, today, false, 60);
	ck_assert(renewal_listed(&r, 0));
	r = row("A", 1, today + 30, false, 60);
	ck_assert(renewal_listed(&r, 30));
	ck_assert(!renewal_listed(&r, 29));
}
END_TEST

START_TEST(listed_lapsed_always)
{
	struct renewal r = row("A", 1, D(TODAY) - 1, false, 60);

	ck_assert(renewal_listed(&r, 0));
	ck_assert(renewal_listed(&r, 90));
	r = row("A", 1, D(TODAY) - 400, true, 60);
	ck_assert(renewal_listed(&r, 0));
}
END_TEST

START_TEST(listed_by_notice_deadline)
{
	ally_date today = D(TODAY);
	struct renewal r;

	/* Ends in 150 days, notice deadline in 90: on the 90-day list. */
	r = row("A", 1, today + 150, true, 60);
	ck_assert_int_eq(r.days_to_notice, 90);
	ck_assert(renewal_listed(&r, 90));
	ck_assert(!renewal_listed(&r, 89));
	r = row("A", 1, today + 151, true, 60);
	ck_assert(!renewal_listed(&r, 90));
	/* A passed deadline does not list a contract that ends far ahead. */
	r = row("A", 1, today + 150, true, 151);
	ck_assert_int_eq(r.days_to_notice, -1);
	ck_assert(!renewal_listed(&r, 90));
	/* Without auto-renew the same end is not listed. */
	r = row("A", 1, today + 150, false, 60);
	ck_assert(!renewal_listed(&r, 90));
}
END_TEST

START_TEST(sort_by_action_date_then_name)
{
	ally_date today = D(TODAY);
	struct renewal rows[5];
	static const int64_t want[] = { 5, 2, 4, 1, 3 };

	rows[0] = row("Zeta", 1, today + 30, false, 0);       /* action +30 */
	rows[1] = row("beta", 2, today + 70, true, 60);       /* action +10 */
	rows[2] = row("Alpha", 3, today + 40, false, 0);      /* action +40 */
	rows[3] = row("Beta", 4, today + 10, false, 0);       /* action +10, ties by name */
	rows[4] = row("Omega", 5, today - 5, false, 0);       /* lapsed: action -5 */
	qsort(rows, 5, sizeof rows[0], renewal_cmp);
	for (size_t i = 0; i < 5; i++)
		ck_assert_int_eq(rows[i].contract_id, want[i]);
}
END_TEST

START_TEST(cmp_ties)
{
	ally_date end = D(TODAY) + 20;
	struct renewal a = row("acme", 1, end, false, 0);
	struct renewal b = row("Beta", 2, end, false, 0);
	struct renewal a2 = row("ACME", 7, end, false, 0);

	ck_assert_int_lt(renewal_cmp(&a, &b), 0); /* acme before Beta, ignoring case */
	ck_assert_int_gt(renewal_cmp(&b, &a), 0);
	ck_assert_int_lt(renewal_cmp(&a, &a2), 0); /* same name: by contract id */
	ck_assert_int_eq(renewal_cmp(&a, &a), 0);
}
END_TEST

/* Ties list names as every other list does: Émile with the E's, not
 * after Zulu; with or without the sort keys the store precomputes. */
START_TEST(cmp_ties_like_name_lists)
{
	ally_date end = D(TODAY) + 20;
	struct renewal e = row("\xc3\x89mile SA", 1, end, false, 0);
	struct renewal z = row("Zulu", 2, end, false, 0);
	struct renewal y = row("Ezra", 3, end, false, 0);
	char *ke = text_sort_key(e.partner), *kz = text_sort_key(z.partner);

	ck_assert_int_lt(renewal_cmp(&e, &z), 0);
	ck_assert_int_lt(renewal_cmp(&e, &y), 0); /* emile < ezra */
	e.partner_key = ke;
	z.partner_key = kz;
	ck_assert_int_lt(renewal_cmp(&e, &z), 0);
	ck_assert_int_gt(renewal_cmp(&z, &e), 0);
	free(ke);
	free(kz);
}
END_TEST

START_TEST(notice_soon)
{
	ally_date today = D(TODAY);
	struct renewal r;

	r = row("A", 1, today + 60 + 30, true, 60);
	ck_assert(renewal_notice_soon(&r));
	r = row("A", 1, today + 60 + 31, true, 60);
	ck_assert(!renewal_notice_soon(&r));
	r = row("A", 1, today + 60, true, 60);
	ck_assert(renewal_notice_soon(&r));
	r = row("A", 1, today + 59, true, 60);
	ck_assert(!renewal_notice_soon(&r));
	r = row("A", 1, today + 70, false, 60);
	ck_assert(!renewal_notice_soon(&r));
}
END_TEST

/* A stored-looking contract: id 7 of partner 3, ending on end. */
static void contract_ending(struct contract *c, const char *end, bool auto_renew)
{
	contract_init(c);
	c->id = 7;
	c->partner_id = 3;
	c->partner_name = strdup("Acme");
	c->title = strdup("Reseller agreement");
	c->start_date = D("2025-07-01");
	c->end_date = D(end);
	c->auto_renew = auto_renew;
	c->notice_days = 60;
	c->annual_value = 12500000;
	memcpy(c->currency, "EUR", 4);
}

START_TEST(of_contract_active_auto_renew)
{
	char out[DATE_BUFSZ];
	struct contract c;
	struct renewal r;

	contract_ending(&c, "2026-09-12", true); /* 89 days after TODAY */
	ck_assert(renewal_of_contract(&c, D(TODAY), &r));
	ck_assert_int_eq(r.contract_id, 7);
	ck_assert_int_eq(r.partner_id, 3);
	ck_assert_ptr_eq(r.partner, c.partner_name);
	ck_assert_ptr_eq(r.title, c.title);
	ck_assert_int_eq(r.phase, -1);
	ck_assert_int_eq(r.days_left, 89);
	ck_assert_int_eq(r.band, BAND_WINDOW);
	ck_assert(r.auto_renew);
	ck_assert_int_eq(r.notice_days, 60);
	ck_assert_str_eq(date_format(r.notice_deadline, out), "2026-07-14");
	ck_assert_int_eq(r.days_to_notice, 29);
	ck_assert_int_eq(r.action_date, r.notice_deadline);
	ck_assert_int_eq(r.annual_value, 12500000);
	ck_assert_str_eq(r.currency, "EUR");
	contract_finish(&c);
}
END_TEST

START_TEST(of_contract_active_no_auto_renew)
{
	struct contract c;
	struct renewal r;

	contract_ending(&c, "2026-06-14", false);
	ck_assert(renewal_of_contract(&c, D(TODAY), &r));
	ck_assert_int_eq(r.days_left, -1);
	ck_assert_int_eq(r.band, BAND_LAPSED);
	ck_assert(!r.auto_renew);
	ck_assert_int_eq(r.notice_deadline, DATE_NONE);
	ck_assert_int_eq(r.action_date, r.end_date);
	/* The same as the row the renewal list computes. */
	ck_assert(renewal_listed(&r, 0));
	contract_finish(&c);
}
END_TEST

START_TEST(of_contract_not_active)
{
	static const int inactive[] = { CSTATUS_DRAFT, CSTATUS_NEGOTIATING, CSTATUS_TERMINATED,
					CSTATUS_EXPIRED };
	struct contract c;
	struct renewal r;

	for (size_t i = 0; i < sizeof inactive / sizeof inactive[0]; i++) {
		for (int ar = 0; ar < 2; ar++) {
			contract_ending(&c, "2026-07-01", ar);
			c.status = inactive[i];
			memset(&r, 0xff, sizeof r);
			ck_assert(!renewal_of_contract(&c, D(TODAY), &r));
			ck_assert_int_eq(r.band, BAND_COUNT);
			ck_assert_int_eq(r.end_date, DATE_NONE);
			ck_assert_int_eq(r.notice_deadline, DATE_NONE);
			ck_assert_ptr_null(r.partner);
			contract_finish(&c);
		}
	}
	/* An active record without an end has no renewal state either. */
	contract_ending(&c, "2026-07-01", true);
	c.end_date = DATE_NONE;
	ck_assert(!renewal_of_contract(&c, D(TODAY), &r));
	ck_assert_int_eq(r.band, BAND_COUNT);
	contract_finish(&c);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "renewal_band", bands_at_their_edges },
		{ "renewal_notice_deadline", notice_deadline },
		{ "renewal_compute", compute_days_and_bands },
		{ "renewal_compute", compute_action_date },
		{ "renewal_compute", deadline_follows_the_renewed_term },
		{ "renewal_listed", listed_within },
		{ "renewal_listed", listed_lapsed_always },
		{ "renewal_listed", listed_by_notice_deadline },
		{ "renewal_cmp", sort_by_action_date_then_name },
		{ "renewal_cmp", cmp_ties },
		{ "renewal_cmp", cmp_ties_like_name_lists },
		{ "renewal_notice_soon", notice_soon },
		{ "renewal_of_contract", of_contract_active_auto_renew },
		{ "renewal_of_contract", of_contract_active_no_auto_renew },
		{ "renewal_of_contract", of_contract_not_active },
	};

	return run_suite(suite_from("renewal", cases, sizeof cases / sizeof cases[0]));
}
