/* check-figures.c: quarters, key-figure values, and the streaks that make
 * a partner an expansion candidate or put it on exit watch. */
#include "ally/figures.h"
#include "core-test.h"

enum outcome { MET, MISSED, SILENT };

/* A quarter whose revenue target was met, missed, or that has no
 * targets at all. */
static struct quarter_figures quarter(int q, enum outcome o)
{
	struct quarter_figures f;

	quarter_figures_init(&f, q);
	if (o != SILENT) {
		f.target[METRIC_REVENUE] = 100000;
		f.actual[METRIC_REVENUE] = o == MET ? 100000 : 99999;
	}
	return f;
}

static void fill(struct quarter_figures *out, int first, const enum outcome *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = quarter(first + (int)i, o[i]);
}

START_TEST(parse_quarters)
{
	struct ally_err err;
	int q = -1, rc;

	ck_assert_int_eq(quarter_parse_field("2026-Q3", "quarter", &q, &err), ALLY_OK);
	ck_assert_int_eq(q, 2026 * 4 + 2);
	ck_assert_int_eq(quarter_parse_field("2026-q1", "quarter", &q, &err), ALLY_OK);
	ck_assert_int_eq(q, 2026 * 4);
	ck_assert_int_eq(quarter_parse_field("2026-Q4", "quarter", &q, &err), ALLY_OK);
	rc = quarter_parse_field("2026-Q5", "quarter", &q, &err);
	ck_assert_user_err(rc, err, "quarter: '2026-Q5' is not a quarter (e.g. 2026-Q3)");
	ck_assert_int_eq(q, 2026 * 4 + 3);
	ck_assert_int_eq(quarter_parse_field("2026-Q0", "quarter", &q, &err), ALLY_EUSER);
	ck_assert_int_eq(quarter_parse_field("2026Q3", "quarter", &q, &err), ALLY_EUSER);
	ck_assert_int_eq(quarter_parse_field("26-Q3", "quarter", &q, &err), ALLY_EUSER);
	ck_assert_int_eq(quarter_parse_field("2026-Q3x", "quarter", &q, &err), ALLY_EUSER);
	ck_assert_int_eq(quarter_parse_field("", "quarter", &q, &err), ALLY_EUSER);
	ck_assert_int_eq(quarter_parse_field(NULL, "quarter", &q, &err), ALLY_EUSER);
}
END_TEST

START_TEST(format_quarters)
{
	char out[8];

	ck_assert_str_eq(quarter_format(2026 * 4 + 2, out), "2026-Q3");
	ck_assert_str_eq(quarter_format(2027 * 4, out), "2027-Q1");
	/* Consecutive quarters differ by one, across a year end too. */
	ck_assert_str_eq(quarter_format(2026 * 4 + 3 + 1, out), "2027-Q1");
}
END_TEST

START_TEST(quarter_of_dates)
{
	ck_assert_int_eq(quarter_of_date(D("2026-01-01")), 2026 * 4);
	ck_assert_int_eq(quarter_of_date(D("2026-03-31")), 2026 * 4);
	ck_assert_int_eq(quarter_of_date(D("2026-04-01")), 2026 * 4 + 1);
	ck_assert_int_eq(quarter_of_date(D("2026-09-30")), 2026 * 4 + 2);
	ck_assert_int_eq(quarter_of_date(D("2026-12-31")), 2026 * 4 + 3);
}
END_TEST

START_TEST(metric_values)
{
	struct ally_err err;
	int64_t v = -9;
	char out[32];
	int rc;

	ck_assert_int_eq(metric_value_parse(METRIC_REVENUE, "1250.50", &v, &err), ALLY_OK);
	ck_assert_int_eq(v, 125050);
	ck_assert_str_eq(metric_value_format(METRIC_REVENUE, v, out), "1250.50");
	ck_assert_int_eq(metric_value_parse(METRIC_LEAD_CONVERSION, "12.5", &v, &err), ALLY_OK);
	ck_assert_int_eq(v, 1250);
	ck_assert_str_eq(metric_value_format(METRIC_LEAD_CONVERSION, v, out), "12.5");
	rc = metric_value_parse(METRIC_LEAD_CONVERSION, "101", &v, &err);
	ck_assert_user_err(rc, err, "lead_conversion: 101 is out of range 0-100");
	ck_assert_int_eq(metric_value_parse(METRIC_SATISFACTION, "8.5", &v, &err), ALLY_OK);
	ck_assert_int_eq(v, 850);
	ck_assert_str_eq(metric_value_format(METRIC_SATISFACTION, v, out), "8.5");
	ck_assert_int_eq(metric_value_parse(METRIC_SATISFACTION, "10", &v, &err), ALLY_OK);
	ck_assert_int_eq(v, 1000);
	rc = metric_value_parse(METRIC_SATISFACTION, "10.01", &v, &err);
	ck_assert_user_err(rc, err, "satisfaction: 10.01 is out of range 0-10");
	rc = metric_value_parse(METRIC_SATISFACTION, "good", &v, &err);
	ck_assert_user_err(rc, err, "satisfaction: 'good' is not a number (e.g. 8.5)");
	rc = metric_value_parse(METRIC_SATISFACTION, "8.555", &v, &err);
	ck_assert_user_err(rc, err, "satisfaction: '8.555' has more than 2 decimals");
	rc = metric_value_parse(METRIC_REVENUE, "100.001", &v, &err);
	ck_assert_user_err(rc, err, "revenue: '100.001' has more than 2 decimals");
	ck_assert_int_eq(metric_value_parse(METRIC_LEADS, "12", &v, &err), ALLY_OK);
	ck_assert_int_eq(v, 1200);
	ck_assert_str_eq(metric_value_format(METRIC_LEADS, v, out), "12");
	rc = metric_value_parse(METRIC_LEADS, "1.5", &v, &err);
	ck_assert_user_err(rc, err, "leads: '1.5' is not a whole number");
	rc = metric_value_parse(METRIC_REFERRALS, "-1", &v, &err);
	ck_assert_user_err(rc, err, "referrals: -1 is out of range 0-1000000000");
	ck_assert_str_eq(metric_names[METRIC_LEAD_CONVERSION], "lead_conversion");
}
END_TEST

START_TEST(quarter_met_by_revenue)
{
	struct quarter_figures q;
	bool known = false;

	quarter_figures_init(&q, 8100);
	q.target[METRIC_REVENUE] = 500000;
	q.actual[METRIC_REVENUE] = 500000;
	ck_assert(figures_quarter_met(&q, &known));
	ck_assert(known);
	q.actual[METRIC_REVENUE] = 499999;
	/* Revenue decides even when every other figure is met. */
	for (int m = METRIC_NEW_CUSTOMERS; m < METRIC_COUNT; m++) {
		q.target[m] = 100;
		q.actual[m] = 200;
	}
	ck_assert(!figures_quarter_met(&q, &known));
	ck_assert(known);
}
END_TEST

START_TEST(quarter_with_revenue_target_but_no_actual)
{
	struct quarter_figures q;
	bool known = true;

	/* Every other figure met, revenue not in yet: the majority rule
	 * does not stand in for revenue; the quarter says nothing. */
	quarter_figures_init(&q, 8100);
	q.target[METRIC_REVENUE] = 500000;
	for (int m = METRIC_NEW_CUSTOMERS; m < METRIC_COUNT; m++) {
		q.target[m] = 100;
		q.actual[m] = 200;
	}
	ck_assert(!figures_quarter_met(&q, &known));
	ck_assert(!known);
	/* Nor does it read as a miss when the others were missed. */
	for (int m = METRIC_NEW_CUSTOMERS; m < METRIC_COUNT; m++)
		q.actual[m] = 0;
	known = true;
	ck_assert(!figures_quarter_met(&q, &known));
	ck_assert(!known);
	/* A revenue actual without a target leaves the majority rule. */
	quarter_figures_init(&q, 8100);
	q.actual[METRIC_REVENUE] = 1;
	q.target[METRIC_LEADS] = 100, q.actual[METRIC_LEADS] = 100;
	ck_assert(figures_quarter_met(&q, &known));
	ck_assert(known);
}
END_TEST

START_TEST(quarter_met_by_majority)
{
	struct quarter_figures q;
	bool known = false;

	quarter_figures_init(&q, 8100);
	/* No revenue target: 2 of 3 figures met is a majority. */
	q.target[METRIC_LEADS] = 1000, q.actual[METRIC_LEADS] = 1000;
	q.target[METRIC_REFERRALS] = 500, q.actual[METRIC_REFERRALS] = 600;
	q.target[METRIC_CAMPAIGNS] = 300, q.actual[METRIC_CAMPAIGNS] = 200;
	ck_assert(figures_quarter_met(&q, &known));
	ck_assert(known);
	/* 2 of 4 is not a strict majority. */
	q.target[METRIC_SATISFACTION] = 800, q.actual[METRIC_SATISFACTION] = 700;
	ck_assert(!figures_quarter_met(&q, &known));
	ck_assert(known);
	/* 1 of 2 neither. */
	quarter_figures_init(&q, 8100);
	q.target[METRIC_LEADS] = 1000, q.actual[METRIC_LEADS] = 1000;
	q.target[METRIC_REFERRALS] = 500, q.actual[METRIC_REFERRALS] = 400;
	ck_assert(!figures_quarter_met(&q, &known));
}
END_TEST

START_TEST(quarter_without_targets_says_nothing)
{
	struct quarter_figures q;
	bool known = true;

	quarter_figures_init(&q, 8100);
	q.actual[METRIC_REVENUE] = 100000;
	ck_assert(!figures_quarter_met(&q, &known));
	ck_assert(!known);
	/* Targets set but no actuals yet (a quarter in progress). */
	q.actual[METRIC_REVENUE] = -1;
	q.target[METRIC_REVENUE] = 100000;
	known = true;
	figures_quarter_met(&q, &known);
	ck_assert(!known);
}
END_TEST

/* 2026-Q1 is 8104; "now" in these tests is 2026-Q4 (8107), so the last
 * completed quarter is 2026-Q3 (8106). */
#define NOW 8107

START_TEST(expansion_candidate)
{
	struct quarter_figures q[5];

	fill(q, 8105, (enum outcome[]){ MET, MET }, 2);
	ck_assert(figures_expansion_candidate(q, 2, NOW));
	ck_assert(!figures_expansion_candidate(q, 1, NOW));
	ck_assert(!figures_expansion_candidate(q, 0, NOW));
	fill(q, 8104, (enum outcome[]){ MISSED, MET, MET }, 3);
	ck_assert(figures_expansion_candidate(q, 3, NOW));
	fill(q, 8104, (enum outcome[]){ MET, MET, MISSED }, 3);
	ck_assert(!figures_expansion_candidate(q, 3, NOW));
	fill(q, 8105, (enum outcome[]){ MISSED, MET }, 2);
	ck_assert(!figures_expansion_candidate(q, 2, NOW));
}
END_TEST

START_TEST(expansion_ignores_the_quarter_in_progress)
{
	struct quarter_figures q[5];

	/* Q2, Q3 met; Q4 (now) missed so far, or silent, or met: the
	 * quarter in progress never counts. */
	fill(q, 8105, (enum outcome[]){ MET, MET, MISSED }, 3);
	ck_assert(figures_expansion_candidate(q, 3, NOW));
	fill(q, 8105, (enum outcome[]){ MET, MET, SILENT }, 3);
	ck_assert(figures_expansion_candidate(q, 3, NOW));
	/* Q3 missed, Q4 met so far: not yet a streak. */
	fill(q, 8105, (enum outcome[]){ MET, MISSED, MET }, 3);
	ck_assert(!figures_expansion_candidate(q, 3, NOW));
	/* Figures entered ahead, for next year, are ignored too. */
	fill(q, 8105, (enum outcome[]){ MET, MET, SILENT, MISSED }, 4);
	ck_assert(figures_expansion_candidate(q, 4, NOW));
}
END_TEST

START_TEST(expansion_gaps_and_silence_end_the_streak)
{
	struct quarter_figures q[5];

	/* A quarter that says nothing is not skipped. */
	fill(q, 8104, (enum outcome[]){ MET, SILENT, MET }, 3);
	ck_assert(!figures_expansion_candidate(q, 3, NOW));
	fill(q, 8104, (enum outcome[]){ MET, MET, SILENT }, 3);
	ck_assert(!figures_expansion_candidate(q, 3, NOW));
	/* A missing quarter: Q1 and Q3 met, Q2 not recorded. */
	q[0] = quarter(8104, MET);
	q[1] = quarter(8106, MET);
	ck_assert(!figures_expansion_candidate(q, 2, NOW));
	/* The last completed quarter itself missing. */
	fill(q, 8104, (enum outcome[]){ MET, MET }, 2);
	ck_assert(!figures_expansion_candidate(q, 2, NOW));
}
END_TEST

START_TEST(expansion_old_figures_raise_no_flag)
{
	struct quarter_figures q[5];

	/* Met in 2025-Q4 and 2026-Q1, nothing since: three quarters ago. */
	fill(q, 8103, (enum outcome[]){ MET, MET }, 2);
	ck_assert(!figures_expansion_candidate(q, 2, NOW));
	/* The same figures seen from 2026-Q2 still count. */
	ck_assert(figures_expansion_candidate(q, 2, 8105));
}
END_TEST

START_TEST(exit_watch)
{
	struct quarter_figures q[5];

	fill(q, 8104, (enum outcome[]){ MISSED, MISSED, MISSED }, 3);
	ck_assert(figures_exit_watch(q, 3, NOW));
	ck_assert(!figures_exit_watch(q, 2, NOW));
	fill(q, 8103, (enum outcome[]){ MISSED, MISSED, MISSED, MET }, 4);
	ck_assert(!figures_exit_watch(q, 4, NOW));
	fill(q, 8103, (enum outcome[]){ MET, MISSED, MISSED, MISSED }, 4);
	ck_assert(figures_exit_watch(q, 4, NOW));
	fill(q, 8103, (enum outcome[]){ MISSED, MET, MISSED, MISSED }, 4);
	ck_assert(!figures_exit_watch(q, 4, NOW));
	/* The quarter in progress, met so far, changes nothing. */
	fill(q, 8104, (enum outcome[]){ MISSED, MISSED, MISSED, MET }, 4);
	ck_assert(figures_exit_watch(q, 4, NOW));
}
END_TEST

START_TEST(exit_watch_gaps_and_silence_end_the_streak)
{
	struct quarter_figures q[5];

	/* A silent quarter between misses is no longer skipped. */
	fill(q, 8103, (enum outcome[]){ MISSED, MISSED, SILENT, MISSED }, 4);
	ck_assert(!figures_exit_watch(q, 4, NOW));
	/* A gap: 2026-Q1 and Q3 missed, 2025-Q4 missed, Q2 not recorded. */
	q[0] = quarter(8103, MISSED);
	q[1] = quarter(8104, MISSED);
	q[2] = quarter(8106, MISSED);
	ck_assert(!figures_exit_watch(q, 3, NOW));
}
END_TEST

START_TEST(exit_watch_old_figures_raise_no_flag)
{
	struct quarter_figures q[5];

	/* Missed 2025-Q3 to 2026-Q1; nothing recorded since. */
	fill(q, 8102, (enum outcome[]){ MISSED, MISSED, MISSED }, 3);
	ck_assert(!figures_exit_watch(q, 3, NOW));
	ck_assert(figures_exit_watch(q, 3, 8105));
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "quarter_parse_field", parse_quarters },
		{ "quarter_format", format_quarters },
		{ "quarter_of_date", quarter_of_dates },
		{ "metric_value_parse", metric_values },
		{ "figures_quarter_met", quarter_met_by_revenue },
		{ "figures_quarter_met", quarter_with_revenue_target_but_no_actual },
		{ "figures_quarter_met", quarter_met_by_majority },
		{ "figures_quarter_met", quarter_without_targets_says_nothing },
		{ "figures_expansion_candidate", expansion_candidate },
		{ "figures_expansion_candidate", expansion_ignores_the_quarter_in_progress },
		{ "figures_expansion_candidate", expansion_gaps_and_silence_end_the_streak },
		{ "figures_expansion_candidate", expansion_old_figures_raise_no_flag },
		{ "figures_exit_watch", exit_watch },
		{ "figures_exit_watch", exit_watch_gaps_and_silence_end_the_streak },
		{ "figures_exit_watch", exit_watch_old_figures_raise_no_flag },
	};

	return run_suite(suite_from("figures", cases, sizeof cases / sizeof cases[0]));
}
