/* check-score.c: the qualification score W, its tier and cadence. */
#include "ally/score.h"
#include "core-test.h"

static struct score_input in5(int fit, int reach, int cap, int fin, int track)
{
	struct score_input in = { fit, reach, cap, fin, track };

	return in;
}

START_TEST(weights_are_the_domain_weights)
{
	struct score_input in;

	/* Each criterion alone at 100 shows its weight. */
	in = in5(100, 0, 0, 0, 0);
	ck_assert_int_eq(score_weighted(&in), 3000);
	in = in5(0, 100, 0, 0, 0);
	ck_assert_int_eq(score_weighted(&in), 2500);
	in = in5(0, 0, 100, 0, 0);
	ck_assert_int_eq(score_weighted(&in), 2000);
	in = in5(0, 0, 0, 100, 0);
	ck_assert_int_eq(score_weighted(&in), 1500);
	in = in5(0, 0, 0, 0, 100);
	ck_assert_int_eq(score_weighted(&in), 1000);
	in = in5(100, 100, 100, 100, 100);
	ck_assert_int_eq(score_weighted(&in), 10000);
	in = in5(0, 0, 0, 0, 0);
	ck_assert_int_eq(score_weighted(&in), 0);
	in = in5(80, 80, 80, 80, 85);
	ck_assert_int_eq(score_weighted(&in), 8050);
}
END_TEST

/* Every weight is a multiple of 5, so inputs reach W = ...95 and ...00 on
 * either side of each boundary; W itself is tested at ...99 below. */
START_TEST(inputs_on_either_side_of_each_tier)
{
	static const struct {
		struct score_input in;
		int w;
		enum tier tier;
	} cases[] = {
		{ { 50, 49, 51, 50, 50 }, 4995, TIER_UNQUALIFIED },
		{ { 50, 50, 50, 50, 50 }, 5000, TIER_3 },
		{ { 70, 69, 71, 70, 70 }, 6995, TIER_3 },
		{ { 70, 70, 70, 70, 70 }, 7000, TIER_2 },
		{ { 85, 84, 86, 85, 85 }, 8495, TIER_2 },
		{ { 85, 85, 85, 85, 85 }, 8500, TIER_1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int w = score_weighted(&cases[i].in);

		ck_assert_int_eq(w, cases[i].w);
		ck_assert_int_eq(score_tier(w), cases[i].tier);
	}
}
END_TEST

START_TEST(tier_boundaries)
{
	ck_assert_int_eq(score_tier(-1), TIER_NONE);
	ck_assert_int_eq(score_tier(0), TIER_UNQUALIFIED);
	ck_assert_int_eq(score_tier(4999), TIER_UNQUALIFIED);
	ck_assert_int_eq(score_tier(5000), TIER_3);
	ck_assert_int_eq(score_tier(6999), TIER_3);
	ck_assert_int_eq(score_tier(7000), TIER_2);
	ck_assert_int_eq(score_tier(8499), TIER_2);
	ck_assert_int_eq(score_tier(8500), TIER_1);
	ck_assert_int_eq(score_tier(10000), TIER_1);
}
END_TEST

START_TEST(tier_uses_w_not_the_rounded_score)
{
	struct score_input in = { 85, 84, 86, 85, 85 };
	char out[8];
	int w = score_weighted(&in);

	/* Shown as 85.0, yet below 8500: still tier 2. */
	ck_assert_str_eq(score_format(w, out), "85.0");
	ck_assert_int_eq(score_tier(w), TIER_2);
}
END_TEST

START_TEST(validate_each_criterion)
{
	static const char *const want_low[] = {
		"fit: -1 is out of range 0-100", "reach: -1 is out of range 0-100",
		"capabilities: -1 is out of range 0-100", "financial: -1 is out of range 0-100",
		"track_record: -1 is out of range 0-100",
	};
	static const char *const want_high[] = {
		"fit: 101 is out of range 0-100", "reach: 101 is out of range 0-100",
		"capabilities: 101 is out of range 0-100", "financial: 101 is out of range 0-100",
		"track_record: 101 is out of range 0-100",
	};
	struct ally_err err;

	for (int c = 0; c < CRIT_COUNT; c++) {
		int vals[CRIT_COUNT] = { 50, 50, 50, 50, 50 };
		struct score_input in;
		int rc;

		vals[c] = -1;
		in = in5(vals[0], vals[1], vals[2], vals[3], vals[4]);
		rc = score_validate(&in, &err);
		ck_assert_user_err(rc, err, want_low[c]);
		vals[c] = 101;
		in = in5(vals[0], vals[1], vals[2], vals[3], vals[4]);
		rc = score_validate(&in, &err);
		ck_assert_user_err(rc, err, want_high[c]);
		vals[c] = 0;
		in = in5(vals[0], vals[1], vals[2], vals[3], vals[4]);
		ck_assert_int_eq(score_validate(&in, &err), ALLY_OK);
		vals[c] = 100;
		in = in5(vals[0], vals[1], vals[2], vals[3], vals[4]);
		ck_assert_int_eq(score_validate(&in, &err), ALLY_OK);
	}
}
END_TEST

START_TEST(criterion_tables)
{
	struct score_input in = { 1, 2, 3, 4, 5 };
	int sum = 0;

	for (int c = 0; c < CRIT_COUNT; c++) {
		ck_assert_int_eq(score_criterion(&in, (enum criterion)c), c + 1);
		ck_assert_ptr_nonnull(criterion_names[c]);
		ck_assert_ptr_nonnull(criterion_labels[c]);
		sum += criterion_weights[c];
	}
	ck_assert_int_eq(sum, 100);
	ck_assert_ptr_null(criterion_names[CRIT_COUNT]);
	ck_assert_str_eq(criterion_names[CRIT_TRACK_RECORD], "track_record");
	ck_assert_str_eq(criterion_labels[CRIT_FIT], "strategic fit");
}
END_TEST

START_TEST(format_one_decimal)
{
	char out[8];

	ck_assert_str_eq(score_format(8050, out), "80.5");
	ck_assert_str_eq(score_format(8055, out), "80.6");
	ck_assert_str_eq(score_format(8054, out), "80.5");
	ck_assert_str_eq(score_format(10000, out), "100.0");
	ck_assert_str_eq(score_format(0, out), "0.0");
	ck_assert_str_eq(score_format(5, out), "0.1");
	ck_assert_str_eq(score_format(4, out), "0.0");
	ck_assert_str_eq(score_format(-1, out), "");
	ck_assert_str_eq(score_format(10001, out), "");
	ck_assert_str_eq(score_format(4995, out), "50.0");
	ck_assert_str_eq(score_format(8495, out), "85.0");
}
END_TEST

START_TEST(tenths_round_half_up)
{
	ck_assert_int_eq(score_tenths(8050), 805);
	ck_assert_int_eq(score_tenths(8055), 806);
	ck_assert_int_eq(score_tenths(8054), 805);
	ck_assert_int_eq(score_tenths(0), 0);
	ck_assert_int_eq(score_tenths(10000), 1000);
	ck_assert_int_eq(score_tenths(-1), -1);
	ck_assert_int_eq(score_tenths(10001), -1);
}
END_TEST

START_TEST(tenths_at_the_tier_boundaries)
{
	/* 4995 shows as 50.0 yet is unqualified; 5000 is tier 3. */
	ck_assert_int_eq(score_tenths(4995), 500);
	ck_assert_int_eq(score_tier(4995), TIER_UNQUALIFIED);
	ck_assert_int_eq(score_tenths(4994), 499);
	ck_assert_int_eq(score_tenths(5000), 500);
	ck_assert_int_eq(score_tier(5000), TIER_3);
	/* 8495 shows as 85.0 yet is tier 2: the tier never uses the score. */
	ck_assert_int_eq(score_tenths(8495), 850);
	ck_assert_int_eq(score_tier(8495), TIER_2);
	ck_assert_int_eq(score_tenths(8500), 850);
	ck_assert_int_eq(score_tier(8500), TIER_1);
}
END_TEST

static void expect_range(enum tier t, int lo_want, int hi_want)
{
	int lo = 12345, hi = 12345;

	tier_w_range(t, &lo, &hi);
	ck_assert_int_eq(lo, lo_want);
	ck_assert_int_eq(hi, hi_want);
}

START_TEST(w_ranges)
{
	expect_range(TIER_1, 8500, 10000);
	expect_range(TIER_2, 7000, 8499);
	expect_range(TIER_3, 5000, 6999);
	expect_range(TIER_UNQUALIFIED, 0, 4999);
	expect_range(TIER_NONE, -1, -1);
}
END_TEST

START_TEST(w_ranges_agree_with_score_tier)
{
	static const enum tier all[] = { TIER_UNQUALIFIED, TIER_1, TIER_2, TIER_3 };

	/* Every W falls in exactly the range of its own tier. */
	for (int w = 0; w <= 10000; w++) {
		for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
			int lo, hi;

			tier_w_range(all[i], &lo, &hi);
			ck_assert_int_eq(w >= lo && w <= hi, score_tier(w) == all[i]);
		}
	}
}
END_TEST

START_TEST(tier_names)
{
	static const enum tier all[] = { TIER_UNQUALIFIED, TIER_1, TIER_2, TIER_3 };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		ck_assert_int_eq(tier_parse(tier_name(all[i])), all[i]);
	ck_assert_str_eq(tier_name(TIER_1), "1");
	ck_assert_str_eq(tier_name(TIER_UNQUALIFIED), "unqualified");
	ck_assert_str_eq(tier_name(TIER_NONE), "");
	ck_assert_int_eq(tier_parse("0"), TIER_UNQUALIFIED);
	ck_assert_int_eq(tier_parse("Unqualified"), TIER_UNQUALIFIED);
	ck_assert_int_eq(tier_parse("4"), -2);
	ck_assert_int_eq(tier_parse(""), -2);
	ck_assert_int_eq(tier_parse(NULL), -2);
}
END_TEST

START_TEST(review_cadence)
{
	ck_assert_int_eq(tier_review_months(TIER_1), 3);
	ck_assert_int_eq(tier_review_months(TIER_2), 6);
	ck_assert_int_eq(tier_review_months(TIER_3), 12);
	ck_assert_int_eq(tier_review_months(TIER_UNQUALIFIED), 0);
	ck_assert_int_eq(tier_review_months(TIER_NONE), 0);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "score_weighted", weights_are_the_domain_weights },
		{ "score_weighted", inputs_on_either_side_of_each_tier },
		{ "score_tier", tier_boundaries },
		{ "score_tier", tier_uses_w_not_the_rounded_score },
		{ "score_validate", validate_each_criterion },
		{ "score_criterion", criterion_tables },
		{ "score_format", format_one_decimal },
		{ "score_tenths", tenths_round_half_up },
		{ "score_tenths", tenths_at_the_tier_boundaries },
		{ "tier_w_range", w_ranges },
		{ "tier_w_range", w_ranges_agree_with_score_tier },
		{ "tier_name", tier_names },
		{ "tier_review_months", review_cadence },
	};

	return run_suite(suite_from("score", cases, sizeof cases / sizeof cases[0]));
}
