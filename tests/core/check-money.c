/* check-money.c: amounts, currencies, rounding and percentages. */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ally/money.h"
#include "core-test.h"

static void expect_money(const char *in, bool neg, ally_money want)
{
	struct ally_err err;
	ally_money got = -999;

	ally_err_clear(&err);
	ck_assert_msg(money_parse_field(in, "annual_value", neg, &got, &err) == ALLY_OK,
		      "'%s' refused: %s", in, err.msg);
	ck_assert_msg(got == want, "'%s' gave %lld, want %lld", in, (long long)got,
		      (long long)want);
}

static void expect_refused(const char *in, bool neg, const char *msg)
{
	struct ally_err err;
	ally_money got = -999;
	int rc;

	ally_err_clear(&err);
	rc = money_parse_field(in, "annual_value", neg, &got, &err);
	ck_assert_msg(rc == ALLY_EUSER, "'%s' accepted as %lld", in, (long long)got);
	ck_assert_int_eq(got, -999);
	if (msg != NULL)
		ck_assert_str_eq(err.msg, msg);
}

START_TEST(parse_amounts)
{
	expect_money("0", false, 0);
	expect_money("12", false, 1200);
	expect_money("12.5", false, 1250);
	expect_money("12.34", false, 1234);
	expect_money("0012.30", false, 1230);
	expect_money("125000.00", false, 12500000);
	expect_money("9000000000000000", false, MONEY_MAX);
	expect_money("9000000000000000.00", false, MONEY_MAX);
	expect_money("-3.50", true, -350);
	expect_money("-0", true, 0);
}
END_TEST

START_TEST(parse_refuses_more_than_two_decimals)
{
	/* An amount is stored as written or not at all: never rounded. */
	expect_refused("1.005", false, "annual_value: '1.005' has more than 2 decimals");
	expect_refused("0.005", false, "annual_value: '0.005' has more than 2 decimals");
	expect_refused("0.0049999", false, NULL);
	expect_refused("1.994", false, NULL);
	expect_refused("2.0050", false, NULL);
	expect_refused("-1.995", true, "annual_value: '-1.995' has more than 2 decimals");
	/* Zeros after the second decimal change nothing and are fine. */
	expect_money("1.500", false, 150);
	expect_money("2.0100", false, 201);
	expect_money("-3.000", true, -300);
	/* The sign is the first complaint, syntax before everything. */
	expect_refused("-1.005", false, "annual_value: '-1.005' must not be negative");
	expect_refused("1.005x", false, "annual_value: '1.005x' is not an amount (e.g. 1250.00)");
}
END_TEST

START_TEST(parse_refuses_non_amounts)
{
	expect_refused("-", true, "annual_value: '-' is not an amount (e.g. 1250.00)");
	expect_refused("1e5", false, "annual_value: '1e5' is not an amount (e.g. 1250.00)");
	expect_refused("1,000", false, "annual_value: '1,000' is not an amount (e.g. 1250.00)");
	expect_refused("", false, "annual_value: '' is not an amount (e.g. 1250.00)");
	expect_refused("abc", false, NULL);
	expect_refused("1.", false, NULL);
	expect_refused(".5", false, NULL);
	expect_refused("+5", false, NULL);
	expect_refused(" 5", false, NULL);
	expect_refused("5 ", false, NULL);
	expect_refused("$5", false, NULL);
	expect_refused("5 USD", false, NULL);
	expect_refused("1.2.3", false, NULL);
	expect_refused("--5", true, NULL);
	expect_refused(NULL, false, NULL);
	expect_refused("-5", false, "annual_value: '-5' must not be negative");
}
END_TEST

START_TEST(parse_refuses_overflow)
{
	const char *big = "annual_value: '9000000000000000.01' is too large "
			  "(at most 9000000000000000.00)";

	expect_refused("9000000000000000.01", false, big);
	expect_refused("9000000000000000.005", false,
		       "annual_value: '9000000000000000.005' has more than 2 decimals");
	expect_refused("9000000000000000.010", false, NULL);
	expect_refused("9000000000000001", false, NULL);
	expect_refused("99999999999999999999999999", false, NULL);
	expect_refused("-99999999999999999999999999", true, NULL);
}
END_TEST

START_TEST(parse_plain)
{
	ally_money m = 0;

	ck_assert(money_parse("19.99", &m));
	ck_assert_int_eq(m, 1999);
	ck_assert(!money_parse("-1", &m));
	ck_assert(!money_parse("x", &m));
	ck_assert_int_eq(m, 1999);
}
END_TEST

START_TEST(format)
{
	char out[MONEY_BUFSZ];
	static const ally_money round_trip[] = { 0, 1, 99, 100, 12345, -1, -350, MONEY_MAX };
	ally_money back;
	struct ally_err err;

	ck_assert_str_eq(money_format(12500000, out), "125000.00");
	ck_assert_str_eq(money_format(-350, out), "-3.50");
	ck_assert_str_eq(money_format(-5, out), "-0.05");
	ck_assert_str_eq(money_format(0, out), "0.00");
	ck_assert_str_eq(money_format(1, out), "0.01");
	ck_assert_str_eq(money_format(MONEY_MAX, out), "9000000000000000.00");
	ck_assert_str_eq(money_format(INT64_MIN, out), "-92233720368547758.08");
	for (size_t i = 0; i < sizeof round_trip / sizeof round_trip[0]; i++) {
		ck_assert_int_eq(money_parse_field(money_format(round_trip[i], out), "x", true,
						   &back, &err),
				 ALLY_OK);
		ck_assert_int_eq(back, round_trip[i]);
	}
}
END_TEST

START_TEST(currency_codes)
{
	static const char *const real[] = { "USD", "EUR", "JPY", "GBP", "CHF", "AED", "ZWG",
					    "XCG", "XOF", "VES", "SLE", "BOB", "ZAR" };
	static const char *const fake[] = {
		"XXX", "XTS", "ZZZ", "ABC", "XAU", "XDR", "BOV", "USN", /* no currency */
		"HRK", "ZWL", "VEF", "DEM",                             /* withdrawn */
		"usd", "Eur", "US", "USDX", "U1D", "", "AAA", "ZZZZ",
	};

	for (size_t i = 0; i < sizeof real / sizeof real[0]; i++)
		ck_assert_msg(currency_valid(real[i]), "%s refused", real[i]);
	for (size_t i = 0; i < sizeof fake / sizeof fake[0]; i++)
		ck_assert_msg(!currency_valid(fake[i]), "%s accepted", fake[i]);
	ck_assert(!currency_valid(NULL));
}
END_TEST

START_TEST(currency_code_without_nul)
{
	/* A char[4] filled with four letters has no NUL: currency_valid must
	 * stop at 4 bytes, not run on.  The field sits at the very end of a
	 * readable page, so reading a fifth byte crashes the test. */
	long page = sysconf(_SC_PAGESIZE);
	char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *code;

	ck_assert_ptr_ne(mem, MAP_FAILED);
	ck_assert_int_eq(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
	code = mem + page - 4;
	memcpy(code, "EURO", 4);
	ck_assert(!currency_valid(code));
	memcpy(code, "JPY", 4);
	ck_assert(currency_valid(code));
	munmap(mem, (size_t)page * 2);
}
END_TEST

START_TEST(muldiv)
{
	ck_assert_int_eq(muldiv_round(1, 1, 2), 1);
	ck_assert_int_eq(muldiv_round(-1, 1, 2), -1);
	ck_assert_int_eq(muldiv_round(1, -1, 2), -1);
	ck_assert_int_eq(muldiv_round(1, 1, -2), -1);
	ck_assert_int_eq(muldiv_round(-1, -1, 2), 1);
	ck_assert_int_eq(muldiv_round(3, 1, 4), 1);
	ck_assert_int_eq(muldiv_round(1, 1, 4), 0);
	ck_assert_int_eq(muldiv_round(-1, 1, 4), 0);
	ck_assert_int_eq(muldiv_round(5, 1, 3), 2);
	ck_assert_int_eq(muldiv_round(-5, 1, 10), -1);
	ck_assert_int_eq(muldiv_round(-4, 1, 10), 0);
	ck_assert_int_eq(muldiv_round(6, 4, 3), 8);
	/* The product does not fit 64 bits; the result does. */
	ck_assert_int_eq(muldiv_round(INT64_MAX, 10000, 10000), INT64_MAX);
	ck_assert_int_eq(muldiv_round(MONEY_MAX, 3000, 10000), MONEY_MAX / 10 * 3);
}
END_TEST

static void expect_pct(const char *in, int32_t want)
{
	struct ally_err err;
	int32_t got = -7;

	ck_assert_msg(percent_parse_field(in, "model_pct", &got, &err) == ALLY_OK, "'%s': %s",
		      in, err.msg);
	ck_assert_int_eq(got, want);
}

START_TEST(percent_parse)
{
	struct ally_err err;
	int32_t got = -7;
	int rc;

	expect_pct("15", 1500);
	expect_pct("12.5", 1250);
	expect_pct("12.25", 1225);
	expect_pct("12.25%", 1225);
	expect_pct("0", 0);
	expect_pct("100", 10000);
	rc = percent_parse_field("0.125", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: '0.125' has more than 2 decimals");
	rc = percent_parse_field("12.345%", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: '12.345%' has more than 2 decimals");
	expect_pct("12.500", 1250);
	rc = percent_parse_field("101", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: 101 is out of range 0-100");
	rc = percent_parse_field("100.01", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: 100.01 is out of range 0-100");
	rc = percent_parse_field("-1", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: -1 is out of range 0-100");
	rc = percent_parse_field("abc", "model_pct", &got, &err);
	ck_assert_user_err(rc, err, "model_pct: 'abc' is not a percentage (e.g. 12.5)");
	rc = percent_parse_field("%", "model_pct", &got, &err);
	ck_assert_int_eq(rc, ALLY_EUSER);
	rc = percent_parse_field("", "model_pct", &got, &err);
	ck_assert_int_eq(rc, ALLY_EUSER);
	ck_assert_int_eq(got, -7);
}
END_TEST

START_TEST(percent_fmt)
{
	char out[16];

	ck_assert_str_eq(percent_format(1250, out), "12.5");
	ck_assert_str_eq(percent_format(3000, out), "30");
	ck_assert_str_eq(percent_format(1225, out), "12.25");
	ck_assert_str_eq(percent_format(5, out), "0.05");
	ck_assert_str_eq(percent_format(0, out), "0");
	ck_assert_str_eq(percent_format(10000, out), "100");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "money_parse_field", parse_amounts },
		{ "money_parse_field", parse_refuses_more_than_two_decimals },
		{ "money_parse_field", parse_refuses_non_amounts },
		{ "money_parse_field", parse_refuses_overflow },
		{ "money_parse", parse_plain },
		{ "money_format", format },
		{ "currency_valid", currency_codes },
		{ "currency_valid", currency_code_without_nul },
		{ "muldiv_round", muldiv },
		{ "percent_parse_field", percent_parse },
		{ "percent_format", percent_fmt },
	};

	return run_suite(suite_from("money", cases, sizeof cases / sizeof cases[0]));
}
