/* check-parse.c: whole numbers and yes/no from the text of one field. */
#include <limits.h>

#include "ally/parse.h"
#include "ally/util.h"
#include "core-test.h"

static void expect_long(const char *s, long min, long max, long want)
{
	struct ally_err err;
	long got = 12345;

	ally_err_clear(&err);
	ck_assert_msg(parse_long_field(s, "n", min, max, &got, &err) == ALLY_OK, "'%s': %s", s,
		      err.msg);
	ck_assert_int_eq(got, want);
}

static void expect_long_err(const char *s, long min, long max, const char *want)
{
	struct ally_err err;
	long got = 12345;
	int rc;

	ally_err_clear(&err);
	rc = parse_long_field(s, "n", min, max, &got, &err);
	ck_assert_user_err(rc, err, want);
	ck_assert_int_eq(got, 12345);
}

START_TEST(long_in_range)
{
	expect_long("0", 0, 10, 0);
	expect_long("10", 0, 10, 10);
	expect_long("007", 0, 10, 7);
	expect_long("-3", -5, 5, -3);
	expect_long("-0", 0, 0, 0);
#if LONG_MAX == 9223372036854775807L
	expect_long("9223372036854775807", LONG_MIN, LONG_MAX, LONG_MAX);
	expect_long("-9223372036854775808", LONG_MIN, LONG_MAX, LONG_MIN);
#endif
}
END_TEST

START_TEST(long_out_of_range)
{
	expect_long_err("11", 0, 10, "n: 11 is out of range 0-10");
	expect_long_err("-1", 0, 10, "n: -1 is out of range 0-10");
	/* Past what a long holds: out of range, never wrapped around. */
#if LONG_MAX == 9223372036854775807L
	expect_long_err("9223372036854775808", LONG_MIN, LONG_MAX,
			"n: 9223372036854775808 is out of range "
			"-9223372036854775808-9223372036854775807");
	expect_long_err("-9223372036854775809", LONG_MIN, LONG_MAX,
			"n: -9223372036854775809 is out of range "
			"-9223372036854775808-9223372036854775807");
	expect_long_err("18446744073709551626", 0, LONG_MAX,
			"n: 18446744073709551626 is out of range 0-9223372036854775807");
#endif
	expect_long_err("99999999999999999999", 0, 365, "n: 99999999999999999999 is out of range 0-365");
}
END_TEST

START_TEST(long_not_a_number)
{
	expect_long_err("", 0, 10, "n: '' is not a whole number");
	expect_long_err("-", 0, 10, "n: '-' is not a whole number");
	expect_long_err("+5", 0, 10, "n: '+5' is not a whole number");
	expect_long_err(" 5", 0, 10, "n: ' 5' is not a whole number");
	expect_long_err("5 ", 0, 10, "n: '5 ' is not a whole number");
	expect_long_err("1.5", 0, 10, "n: '1.5' is not a whole number");
	expect_long_err("--5", -10, 10, "n: '--5' is not a whole number");
	expect_long_err("0x10", 0, 100, "n: '0x10' is not a whole number");
	expect_long_err("\xd9\xa3", 0, 10, "n: '\xd9\xa3' is not a whole number"); /* Arabic 3 */
	expect_long_err(NULL, 0, 10, "n: '' is not a whole number");
}
END_TEST

START_TEST(bool_words)
{
	static const char *const yes[] = { "yes", "YES", "true", "True", "1", "y", "on", "ON" };
	static const char *const no[] = { "no", "No", "false", "FALSE", "0", "n", "off", "Off" };
	struct ally_err err;
	bool v;
	int rc;

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		v = false;
		ck_assert_int_eq(parse_bool_field(yes[i], "auto_renew", &v, &err), ALLY_OK);
		ck_assert(v);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		v = true;
		ck_assert_int_eq(parse_bool_field(no[i], "auto_renew", &v, &err), ALLY_OK);
		ck_assert(!v);
	}
	v = true;
	rc = parse_bool_field("maybe", "auto_renew", &v, &err);
	ck_assert_user_err(rc, err, "auto_renew: 'maybe' is not yes or no");
	rc = parse_bool_field("", "auto_renew", &v, &err);
	ck_assert_user_err(rc, err, "auto_renew: '' is not yes or no");
	rc = parse_bool_field(NULL, "auto_renew", &v, &err);
	ck_assert_user_err(rc, err, "auto_renew: '' is not yes or no");
	ck_assert(v);
}
END_TEST

/* The message parse_bool_field gives for value: it quotes the value
 * whole, so it shows what quote() makes of it. */
static const char *quoted(const char *value, struct ally_err *err)
{
	bool v;

	ck_assert_int_eq(parse_bool_field(value, "f", &v, err), ALLY_EUSER);
	return err->msg;
}

START_TEST(quote_marks_like_text_visible)
{
	struct ally_err err;

	/* The markers of text_visible, so a message loses nothing and a
	 * terminal obeys nothing. */
	ck_assert_str_eq(quoted("a\x1b[2Jb", &err), "f: 'a^[[2Jb' is not yes or no");
	ck_assert_str_eq(quoted("tab\there\r\n", &err), "f: 'tab^Ihere^M^J' is not yes or no");
	ck_assert_str_eq(quoted("del\x7f", &err), "f: 'del^?' is not yes or no");
	ck_assert_str_eq(quoted("c1\xc2\x9b" "2J", &err), "f: 'c1\\x9b2J' is not yes or no");
	ck_assert_str_eq(quoted("bad\xff\xc3", &err), "f: 'bad\\xff\\xc3' is not yes or no");
	ck_assert_str_eq(quoted("\xe2\x80\xae" "evil", &err), "f: '<U+202E>evil' is not yes or no");
	ck_assert_str_eq(quoted("l1\xe2\x80\xa8l2", &err), "f: 'l1<U+2028>l2' is not yes or no");
	ck_assert_str_eq(quoted("\xf3\xa0\x81\x81", &err), "f: '<U+E0041>' is not yes or no");
	ck_assert_str_eq(quoted("soft\xc2\xadhyphen", &err), "f: 'soft<U+00AD>hyphen' is not yes or no");
	/* Real text, joiners included, is quoted as it is. */
	ck_assert_str_eq(quoted("Müller \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", &err),
			 "f: 'Müller \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb' is not yes or no");
}
END_TEST

/* want = count copies of unit, then the end of the message. */
static char *repeated(const char *unit, int count)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < count; i++)
		buf_puts(&b, unit);
	buf_puts(&b, "...' is not yes or no");
	return buf_take(&b);
}

START_TEST(quote_is_bounded)
{
	char value[400], *want;
	struct ally_err err;

	/* 60 code points, then "...". */
	memset(value, 'x', 61);
	value[61] = '\0';
	want = repeated("x", 60);
	ck_assert_str_eq(quoted(value, &err) + 4, want);
	free(want);
	value[60] = '\0';
	ck_assert_ptr_nonnull(strstr(quoted(value, &err), "x' is not yes or no"));
	/* Markers take more room than the characters they show: at most
	 * 240 bytes of quote, so 30 "<U+202E>" of 60, and the message still
	 * ends as it should. */
	for (int i = 0; i < 60; i++)
		memcpy(value + 3 * i, "\xe2\x80\xae", 3);
	value[180] = '\0';
	want = repeated("<U+202E>", 30);
	ck_assert_str_eq(quoted(value, &err) + 4, want);
	free(want);
	/* Nine-byte markers: 26 fit in 240 bytes. */
	for (int i = 0; i < 60; i++)
		memcpy(value + 4 * i, "\xf3\xa0\x81\x81", 4);
	value[240] = '\0';
	want = repeated("<U+E0041>", 26);
	ck_assert_str_eq(quoted(value, &err) + 4, want);
	free(want);
	/* Four-byte characters: 60 of them are exactly 240 bytes. */
	for (int i = 0; i < 61; i++)
		memcpy(value + 4 * i, "\xf0\x9f\x9a\x80", 4);
	value[244] = '\0';
	want = repeated("\xf0\x9f\x9a\x80", 60);
	ck_assert_str_eq(quoted(value, &err) + 4, want);
	free(want);
}
END_TEST

START_TEST(all_digits)
{
	ck_assert(str_all_digits("0"));
	ck_assert(str_all_digits("0123456789"));
	ck_assert(!str_all_digits(""));
	ck_assert(!str_all_digits(NULL));
	ck_assert(!str_all_digits("-1"));
	ck_assert(!str_all_digits("12a"));
	ck_assert(!str_all_digits(" 1"));
	ck_assert(!str_all_digits("\xd9\xa3"));
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "parse_long_field", long_in_range },
		{ "parse_long_field", long_out_of_range },
		{ "parse_long_field", long_not_a_number },
		{ "parse_bool_field", bool_words },
		{ "quote", quote_marks_like_text_visible },
		{ "quote", quote_is_bounded },
		{ "str_all_digits", all_digits },
	};

	return run_suite(suite_from("parse", cases, sizeof cases / sizeof cases[0]));
}
