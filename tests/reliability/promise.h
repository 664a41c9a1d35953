/* promise.h: a reliability program holds several promises, and meson runs
 * one of them per test (named concurrency-writers, fault-sync-write...):
 * the program's first argument picks it from its table. */
#ifndef ALLY_TEST_PROMISE_H
#define ALLY_TEST_PROMISE_H

#include <check.h>
#include <stdio.h>
#include <string.h>

struct promise {
	const char *name;
	const TTest *test;
};

/* Run the promise called name (setup and teardown around it, at most
 * timeout_s seconds); the exit status for main: 0 kept, 1 broken, 2 no
 * such promise (the usage, listing them, on stderr). */
static inline int promise_run(const char *program, const char *name, const struct promise *all,
			      size_t n, SFun setup, SFun teardown, double timeout_s)
{
	Suite *s;
	TCase *tc;
	SRunner *sr;
	int failed;
	size_t i;

	for (i = 0; i < n && strcmp(all[i].name, name != NULL ? name : "") != 0; i++)
		;
	if (i == n) {
		fprintf(stderr, "usage: %s", program);
		for (size_t k = 0; k < n; k++)
			fprintf(stderr, "%s%s", k ? "|" : " ", all[k].name);
		fputc('\n', stderr);
		return 2;
	}
	s = suite_create(program);
	tc = tcase_create(all[i].name);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, timeout_s);
	tcase_add_test(tc, all[i].test);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

#endif
