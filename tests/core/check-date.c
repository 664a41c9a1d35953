/* check-date.c: calendar dates, ISO text and month arithmetic. */
#include <string.h>

#include "ally/date.h"
#include "ally/err.h"
#include "core-test.h"

static void expect_add(const char *from, int months, const char *want)
{
	char out[DATE_BUFSZ];

	ck_assert_str_eq(date_format(date_add_months(D(from), months), out), want);
}

START_TEST(leap_years)
{
	ck_assert(date_is_leap(2024));
	ck_assert(date_is_leap(2028));
	ck_assert(date_is_leap(2000));
	ck_assert(!date_is_leap(2027));
	ck_assert(!date_is_leap(1900));
	ck_assert(!date_is_leap(2100));
}
END_TEST

START_TEST(days_in_month)
{
	ck_assert_int_eq(date_days_in_month(2028, 2), 29);
	ck_assert_int_eq(date_days_in_month(2027, 2), 28);
	ck_assert_int_eq(date_days_in_month(2026, 4), 30);
	ck_assert_int_eq(date_days_in_month(2026, 12), 31);
	ck_assert_int_eq(date_days_in_month(2026, 1), 31);
	ck_assert_int_eq(date_days_in_month(2026, 13), 0);
	ck_assert_int_eq(date_days_in_month(2026, 0), 0);
}
END_TEST

START_TEST(valid_ymd)
{
	ck_assert(date_valid_ymd(2028, 2, 29));
	ck_assert(!date_valid_ymd(2027, 2, 29));
	ck_assert(!date_valid_ymd(2026, 2, 30));
	ck_assert(!date_valid_ymd(2026, 4, 31));
	ck_assert(date_valid_ymd(2026, 12, 31));
	ck_assert(!date_valid_ymd(2026, 12, 32));
	ck_assert(!date_valid_ymd(2026, 0, 1));
	ck_assert(!date_valid_ymd(2026, 13, 1));
	ck_assert(!date_valid_ymd(2026, 1, 0));
	ck_assert(!date_valid_ymd(999, 1, 1));
	ck_assert(date_valid_ymd(1000, 1, 1));
	ck_assert(date_valid_ymd(9999, 12, 31));
	ck_assert(!date_valid_ymd(10000, 1, 1));
}
END_TEST

START_TEST(day_numbers)
{
	int y, m, d;
	ally_date n;

	/* Fixed points: the epoch, and 2026-01-01 (Unix time 1767225600). */
	ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(date_from_ymd(2026, 1, 1), 20454);
	ck_assert_int_eq(date_from_ymd(1969, 12, 31), -1);

	/* Walk every day from 1600 to 2400 by hand: consecutive days must
	 * have consecutive numbers, and converting back must give the day. */
	n = date_from_ymd(1600, 1, 1);
	for (int yy = 1600; yy <= 2400; yy++) {
		for (int mm = 1; mm <= 12; mm++) {
			for (int dd = 1; dd <= date_days_in_month(yy, mm); dd++, n++) {
				ck_assert_int_eq(date_from_ymd(yy, mm, dd), n);
				date_to_ymd(n, &y, &m, &d);
				ck_assert(y == yy && m == mm && d == dd);
			}
		}
	}
}
END_TEST

START_TEST(parse_accepts_real_dates)
{
	ally_date d;
	int y, m, dd;

	ck_assert(date_parse("2028-02-29", &d));
	date_to_ymd(d, &y, &m, &dd);
	ck_assert(y == 2028 && m == 2 && dd == 29);
	ck_assert(date_parse("1000-01-01", &d));
	ck_assert(date_parse("9999-12-31", &d));
}
END_TEST

START_TEST(parse_refuses_the_rest)
{
	static const char *const bad[] = {
		"2026-02-30", "2027-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-1-01",  "2026-01-1",  "20260101",   "2026/01/01",
		"2026-01-01 ", " 2026-01-01", "",         "abcd-ef-gh", "0999-12-31",
		"2026-01-01T00:00", "+026-01-01", "2026-0a-01",
	};
	ally_date d = 12345;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(!date_parse(bad[i], &d), "accepted '%s'", bad[i]);
		ck_assert_int_eq(d, 12345); /* left alone */
	}
	ck_assert(!date_parse(NULL, &d));
}
END_TEST

START_TEST(parse_field_messages)
{
	struct ally_err err;
	ally_date d = 7;
	char long_value[100];
	int rc;

	ally_err_clear(&err);
	rc = date_parse_field("2026-02-30", "end_date", &d, &err);
	ck_assert_user_err(rc, err, "end_date: '2026-02-30' is not a real date (YYYY-MM-DD)");
	rc = date_parse_field("2027-02-29", "start_date", &d, &err);
	ck_assert_user_err(rc, err, "start_date: '2027-02-29' is not a real date (YYYY-MM-DD)");
	rc = date_parse_field("next week", "end_date", &d, &err);
	ck_assert_user_err(rc, err, "end_date: 'next week' is not a date (YYYY-MM-DD)");
	ck_assert_int_eq(d, 7);

	/* A long or hostile value is quoted short and without controls. */
	memset(long_value, 'x', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	rc = date_parse_field(long_value, "end_date", &d, &err);
	ck_assert_int_eq(rc, ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "'xxxxxxxxxx"));
	ck_assert_ptr_nonnull(strstr(err.msg, "x...' is not a date"));
	ck_assert_uint_lt(strlen(err.msg), 120);
	rc = date_parse_field("\x1b[2J", "end_date", &d, &err);
	ck_assert_user_err(rc, err, "end_date: '^[[2J' is not a date (YYYY-MM-DD)");
	/* A bidi override quoted back would reorder the message itself. */
	rc = date_parse_field("\xe2\x80\xae" "10-20-2026", "end_date", &d, &err);
	ck_assert_user_err(rc, err, "end_date: '<U+202E>10-20-2026' is not a date (YYYY-MM-DD)");

	rc = date_parse_field("2028-02-29", "end_date", &d, &err);
	ck_assert_int_eq(rc, ALLY_OK);
	ck_assert_int_eq(d, D("2028-02-29"));
}
END_TEST

START_TEST(format)
{
	char out[DATE_BUFSZ];

	ck_assert_str_eq(date_format(date_from_ymd(2028, 2, 29), out), "2028-02-29");
	ck_assert_str_eq(date_format(date_from_ymd(1999, 1, 5), out), "1999-01-05");
	ck_assert_str_eq(date_format(DATE_NONE, out), "");
	ck_assert_str_eq(date_format(D("2026-12-31"), out), "2026-12-31");
	ck_assert_str_eq(date_format(D("1000-01-01"), out), "1000-01-01");
	ck_assert_str_eq(date_format(D("9999-12-31"), out), "9999-12-31");
}
END_TEST

START_TEST(format_never_caps_the_year)
{
	char out[DATE_BUFSZ];
	ally_date d;

	/* One day past the calendar shows as what it is, and does not parse
	 * back: it can never be stored as another date. */
	ck_assert_str_eq(date_format(D("9999-12-31") + 1, out), "10000-01-01");
	ck_assert(!date_parse(out, &d));
	ck_assert_str_eq(date_format(D("1000-01-01") - 1, out), "0999-12-31");
	/* The extremes of a day number fit the buffer. */
	date_format(INT32_MAX, out);
	ck_assert_uint_lt(strlen(out), DATE_BUFSZ);
	date_format(INT32_MIN + 1, out);
	ck_assert_uint_lt(strlen(out), DATE_BUFSZ);
	ck_assert(!date_parse(out, &d));
}
END_TEST

START_TEST(add_months_clamps_to_month_end)
{
	expect_add("2026-01-31", 1, "2026-02-28");
	expect_add("2028-01-31", 1, "2028-02-29");
	expect_add("2026-03-31", 1, "2026-04-30");
	expect_add("2026-03-31", -1, "2026-02-28");
	expect_add("2026-11-30", 3, "2027-02-28");
	expect_add("2028-02-29", 12, "2029-02-28");
	expect_add("2028-02-29", 48, "2032-02-29");
	expect_add("2026-08-31", 6, "2027-02-28");
}
END_TEST

START_TEST(add_months_across_years)
{
	expect_add("2026-12-15", 1, "2027-01-15");
	expect_add("2027-01-15", -1, "2026-12-15");
	expect_add("2026-01-01", 12, "2027-01-01");
	expect_add("2026-01-01", -13, "2024-12-01");
	expect_add("2026-06-10", 0, "2026-06-10");
	expect_add("2026-06-10", 120, "2036-06-10");
	ck_assert_int_eq(date_add_months(DATE_NONE, 3), DATE_NONE);
}
END_TEST

START_TEST(add_months_past_the_calendar)
{
	/* The last month that fits, and the first that does not. */
	expect_add("9999-11-30", 1, "9999-12-30");
	expect_add("9999-12-31", 0, "9999-12-31");
	ck_assert_int_eq(date_add_months(D("9999-12-20"), 1), DATE_NONE);
	ck_assert_int_eq(date_add_months(D("9999-12-31"), 12), DATE_NONE);
	ck_assert_int_eq(date_add_months(D("9990-01-01"), 120), DATE_NONE);
	expect_add("1000-02-28", -1, "1000-01-28");
	ck_assert_int_eq(date_add_months(D("1000-01-31"), -1), DATE_NONE);
	/* Month counts that would overflow an int's worth of months. */
	ck_assert_int_eq(date_add_months(D("2026-01-01"), INT32_MAX), DATE_NONE);
	ck_assert_int_eq(date_add_months(D("2026-01-01"), INT32_MIN), DATE_NONE);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "date_is_leap", leap_years },
		{ "date_days_in_month", days_in_month },
		{ "date_valid_ymd", valid_ymd },
		{ "date_from_ymd", day_numbers },
		{ "date_parse", parse_accepts_real_dates },
		{ "date_parse", parse_refuses_the_rest },
		{ "date_parse_field", parse_field_messages },
		{ "date_format", format },
		{ "date_format", format_never_caps_the_year },
		{ "date_add_months", add_months_clamps_to_month_end },
		{ "date_add_months", add_months_across_years },
		{ "date_add_months", add_months_past_the_calendar },
	};

	return run_suite(suite_from("date", cases, sizeof cases / sizeof cases[0]));
}
