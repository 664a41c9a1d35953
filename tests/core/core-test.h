/* core-test.h: what the core's test programs share. */
#ifndef ALLY_CORE_TEST_H
#define ALLY_CORE_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ally/date.h"
#include "ally/err.h"

/* A date written in the test; a typo in it fails the test, not the code. */
static inline ally_date D(const char *s)
{
	ally_date d = DATE_NONE;

	ck_assert_msg(date_parse(s, &d), "bad date in the test: %s", s);
	return d;
}

/* Assert that a call failed as a user error with exactly this message. */
#define ck_assert_user_err(rc, err, want)                    \
	do {                                                 \
		ck_assert_int_eq((rc), ALLY_EUSER);          \
		ck_assert_int_eq((err).status, ALLY_EUSER); \
		ck_assert_str_eq((err).msg, (want));         \
	} while (0)

/* ck_assert_msg, except that it does nothing while expr holds: Check
 * writes the place of every passing assertion to its message file (to name
 * the last one reached if the test crashes), and the model-based tests,
 * which compare millions of rows and days, spent seconds in those writes. */
#define check_msg(expr, ...)                                                  \
	do {                                                                  \
		if (!(expr))                                                  \
			ck_abort_msg("Assertion '" #expr "' failed: " __VA_ARGS__); \
	} while (0)

/* One test and the function it is about: tests of the same function
 * (adjacent in the table) share a TCase named after it. */
struct test_case {
	const char *function;
	const TTest *test;
};

/* suite_from, with setup and teardown (either may be NULL) around every
 * test: a fresh database for each, say. */
static inline Suite *suite_from_fixture(const char *name, const struct test_case *cases,
					size_t n, SFun setup, SFun teardown)
{
	Suite *s = suite_create(name);
	TCase *tc = NULL;
	const char *prev = "";

	for (size_t i = 0; i < n; i++) {
		if (strcmp(prev, cases[i].function) != 0) {
			tc = tcase_create(cases[i].function);
			if (setup != NULL || teardown != NULL)
				tcase_add_checked_fixture(tc, setup, teardown);
			suite_add_tcase(s, tc);
			prev = cases[i].function;
		}
		tcase_add_test(tc, cases[i].test);
	}
	return s;
}

static inline Suite *suite_from(const char *name, const struct test_case *cases, size_t n)
{
	return suite_from_fixture(name, cases, n, NULL, NULL);
}

/* Run a suite; the exit status meson reads (0 pass, 1 fail). */
static inline int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
