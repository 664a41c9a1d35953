/* check-err.c: errors as data: the field and the reason travel beside
 * the text, so a caller never reads them back out of the words. */
#include "ally/err.h"
#include "core-test.h"

START_TEST(field_and_text_are_kept_apart)
{
	struct ally_err err;

	ck_assert_int_eq(ally_err_set(&err, ALLY_EUSER, "end_date", "is not a real date: %s",
				      "2026-02-30"),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "end_date: is not a real date: 2026-02-30");
	ck_assert_str_eq(err.field, "end_date");
	ck_assert_str_eq(ally_err_text(&err), "is not a real date: 2026-02-30");
	ck_assert_int_eq(err.reason, AR_INVALID);
	/* No field: the text is the whole message, whatever it looks like. */
	ally_err_set(&err, ALLY_EDB, NULL, "title: looks like a field");
	ck_assert_str_eq(err.field, "");
	ck_assert_str_eq(ally_err_text(&err), "title: looks like a field");
	ck_assert_int_eq(err.reason, AR_DATABASE);
}
END_TEST

START_TEST(a_reason_is_said_once_and_survives_a_rename)
{
	struct ally_err err;

	ally_err_set(&err, ALLY_EUSER, "partner", "no partner 12");
	ck_assert_int_eq(ally_err_because(&err, AR_NOT_FOUND), ALLY_EUSER);
	ck_assert_int_eq(ally_err_rename(&err, "--partner"), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "--partner: no partner 12");
	ck_assert_str_eq(err.field, "--partner");
	ck_assert_int_eq(err.reason, AR_NOT_FOUND);
	/* Its own text as an argument is safe. */
	ally_err_set(&err, ALLY_EUSER, "x", "before: %s", err.msg);
	ck_assert_str_eq(err.msg, "x: before: --partner: no partner 12");
	ally_err_set(&err, ALLY_EUSAGE, NULL, "usage");
	ck_assert_int_eq(err.reason, AR_USAGE);
	ally_err_clear(&err);
	ck_assert_int_eq(err.status, ALLY_OK);
	ck_assert_int_eq(err.reason, AR_NONE);
	ck_assert_str_eq(err.field, "");
	ck_assert_str_eq(err.msg, "");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "ally_err_set", field_and_text_are_kept_apart },
		{ "ally_err_because", a_reason_is_said_once_and_survives_a_rename },
	};

	return run_suite(suite_from("err", cases, sizeof cases / sizeof cases[0]));
}
