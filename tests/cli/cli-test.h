/* cli-test.h: what the end-to-end tests of the command line share.
 *
 * Each test gets a fresh temporary database (the fixture H); the macros
 * run the built binary and check what a user relies on: the exit status,
 * one "ally: " line on stderr for an error, and an unchanged database
 * after a failure. */
#ifndef ALLY_CLI_TEST_H
#define ALLY_CLI_TEST_H

#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

extern struct harness H;

/* Check fixtures: a fresh directory and an initialised database. */
void cli_setup(void);
void cli_setup_nodb(void); /* directory only */
void cli_teardown(void);

/* A TCase with the fixture, for suites that build many. */
TCase *cli_tcase(const char *name);

/* Parse JSON output, failing the test when it does not parse. */
json_t *parse_json(const char *text);

/* The string at key of a JSON object, failing the test when it is not one. */
const char *json_str(json_t *obj, const char *key);

/* Run every test of s and return the exit status for main. */
int cli_run_suite(Suite *s);

/* Number of lines in text (a final line without '\n' counts). */
int count_lines(const char *text);

/* Fail unless r is an error with status st: exactly one line on stderr
 * that starts with "ally: " and contains needle, and nothing on stdout. */
void check_error(const struct run *r, int st, const char *needle, const char *where);

/* Run ally with --db/--today; expect success and no stderr. */
#define RUN_OK(r, ...)                                                                         \
	do {                                                                                   \
		run_ally(&H, (r), NULL, __VA_ARGS__, (char *)NULL);                            \
		ck_assert_msg((r)->status == 0, "exit %d, stderr: %s", (r)->status, (r)->err); \
		ck_assert_str_eq((r)->err, "");                                                \
	} while (0)

/* Run ally; expect failure with status st, a one-line message containing
 * needle, and the database byte for byte as before. */
#define RUN_FAILS(st, needle, ...)                                                             \
	do {                                                                                   \
		struct run r_;                                                                 \
		char *before_ = harness_db_digest(&H), *after_;                                \
		run_ally(&H, &r_, NULL, __VA_ARGS__, (char *)NULL);                            \
		after_ = harness_db_digest(&H);                                                \
		check_error(&r_, (st), (needle), #__VA_ARGS__);                                \
		ck_assert_msg(strcmp(before_, after_) == 0, "database changed by: %s",         \
			      #__VA_ARGS__);                                                   \
		free(before_);                                                                 \
		free(after_);                                                                  \
		run_finish(&r_);                                                               \
	} while (0)

/* Add a partner and return its id. */
int64_t add_partner(const char *name, const char *type);
/* Add a contract for partner (a name) from start to end, extra options
 * (NULL-terminated) after them; returns its id. */
int64_t add_contract(const char *partner, const char *title, const char *start, const char *end,
		     ...);

#endif
