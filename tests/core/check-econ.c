/* check-econ.c: the partner's payout under each economic model, and ROI. */
#include "ally/contract.h"
#include "core-test.h"

static struct econ_terms terms(int model, int32_t p0, int32_t p1, int32_t p2, ally_money amount)
{
	struct econ_terms e = { model, { p0, p1, p2 }, amount };

	return e;
}

static ally_money payout(struct econ_terms e, ally_money revenue, int year)
{
	struct ally_err err;
	ally_money out = -12345;

	ally_err_clear(&err);
	ck_assert_msg(econ_payout(&e, revenue, year, &out, &err) == ALLY_OK, "refused: %s",
		      err.msg);
	return out;
}

START_TEST(revenue_share)
{
	struct econ_terms e = terms(ECON_REVENUE_SHARE, 2000, -1, -1, -1);

	ck_assert_int_eq(payout(e, 100000, 1), 20000);
	ck_assert_int_eq(payout(e, 100000, 5), 20000);
	e.pct[0] = 1500;
	ck_assert_int_eq(payout(e, 3, 1), 0);   /* 0.45 cent */
	ck_assert_int_eq(payout(e, 10, 1), 2);  /* 1.5 cents: half away from zero */
	ck_assert_int_eq(payout(e, -10, 1), -2); /* a refund, the same way */
	ck_assert_int_eq(payout(e, 0, 1), 0);
}
END_TEST

START_TEST(tiered_revenue_share)
{
	struct econ_terms e = terms(ECON_TIERED_REVENUE_SHARE, 3000, 2000, 1500, -1);

	ck_assert_int_eq(payout(e, 100000, 1), 30000);
	ck_assert_int_eq(payout(e, 100000, 2), 20000);
	ck_assert_int_eq(payout(e, 100000, 3), 15000);
	ck_assert_int_eq(payout(e, 100000, 4), 15000);
	ck_assert_int_eq(payout(e, 100000, 10), 15000);
	ck_assert_int_eq(payout(e, 5, 3), 1); /* 0.75 cent */
}
END_TEST

START_TEST(referral_fee)
{
	struct econ_terms flat = terms(ECON_REFERRAL_FEE, -1, -1, -1, 50000);
	struct econ_terms pct = terms(ECON_REFERRAL_FEE, 1000, -1, -1, -1);

	ck_assert_int_eq(payout(flat, 0, 1), 50000);
	ck_assert_int_eq(payout(flat, 9999999, 3), 50000);
	ck_assert_int_eq(payout(pct, 123456, 1), 12346); /* 12345.6 */
	ck_assert_int_eq(payout(pct, 123456, 2), 0);
	ck_assert_int_eq(payout(pct, 123456, 7), 0);
}
END_TEST

START_TEST(reseller_margin)
{
	struct econ_terms e = terms(ECON_RESELLER_MARGIN, 2500, -1, -1, -1);

	ck_assert_int_eq(payout(e, 123456, 1), 30864);
	ck_assert_int_eq(payout(e, 2, 1), 1); /* 0.5 cent */
	ck_assert_int_eq(payout(e, 1, 1), 0); /* 0.25 cent */
	e.pct[0] = 1250;
	ck_assert_int_eq(payout(e, 4, 2), 1); /* 0.5 cent */
}
END_TEST

START_TEST(co_marketing)
{
	struct econ_terms e = terms(ECON_CO_MARKETING, 6000, -1, -1, 1000000);

	/* We pay 60 of a 10000.00 budget: the partner brings 4000.00. */
	ck_assert_int_eq(payout(e, 0, 1), 400000);
	ck_assert_int_eq(payout(e, 999999, 1), 400000); /* revenue plays no part */
	e.pct[0] = 7000;
	ck_assert_int_eq(payout(e, 0, 1), 300000);
	e.pct[0] = 5000;
	e.amount = 1;
	ck_assert_int_eq(payout(e, 0, 1), 1); /* half a cent */
}
END_TEST

START_TEST(flat_fee)
{
	struct econ_terms e = terms(ECON_FLAT_FEE, -1, -1, -1, 120000);

	ck_assert_int_eq(payout(e, 0, 1), 120000);
	ck_assert_int_eq(payout(e, 5000000, 4), 120000);
}
END_TEST

START_TEST(missing_parameters)
{
	struct econ_terms none = terms(-1, -1, -1, -1, -1);
	struct econ_terms share = terms(ECON_REVENUE_SHARE, -1, -1, -1, -1);
	struct econ_terms good = terms(ECON_REVENUE_SHARE, 2000, -1, -1, -1);
	struct ally_err err;
	ally_money out = 77;
	int rc;

	rc = econ_payout(&none, 100, 1, &out, &err);
	ck_assert_user_err(rc, err, "model: is not set");
	rc = econ_payout(&share, 100, 1, &out, &err);
	ck_assert_user_err(rc, err, "model_pct: revenue_share needs the partner's share "
				    "(e.g. model_pct=20)");
	rc = econ_payout(&good, 100, 0, &out, &err);
	ck_assert_user_err(rc, err, "year: 0 is not a contract year (1 or more)");
	ck_assert_int_eq(out, 77);
}
END_TEST

START_TEST(roi)
{
	int64_t bp = 0;

	ck_assert(roi_bp(15000, 10000, &bp));
	ck_assert_int_eq(bp, 5000);
	ck_assert(roi_bp(5000, 10000, &bp));
	ck_assert_int_eq(bp, -5000);
	ck_assert(roi_bp(10000, 10000, &bp));
	ck_assert_int_eq(bp, 0);
	ck_assert(roi_bp(1, 3, &bp));
	ck_assert_int_eq(bp, -6667);
	ck_assert(roi_bp(4, 3, &bp));
	ck_assert_int_eq(bp, 3333);
	ck_assert(roi_bp(20001, 20000, &bp)); /* half a basis point */
	ck_assert_int_eq(bp, 1);
	ck_assert(roi_bp(19999, 20000, &bp));
	ck_assert_int_eq(bp, -1);
	bp = 42;
	ck_assert(!roi_bp(100, 0, &bp));
	ck_assert(!roi_bp(100, -5, &bp));
	ck_assert_int_eq(bp, 42);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "econ_payout", revenue_share },
		{ "econ_payout", tiered_revenue_share },
		{ "econ_payout", referral_fee },
		{ "econ_payout", reseller_margin },
		{ "econ_payout", co_marketing },
		{ "econ_payout", flat_fee },
		{ "econ_payout", missing_parameters },
		{ "roi_bp", roi },
	};

	return run_suite(suite_from("econ", cases, sizeof cases / sizeof cases[0]));
}
