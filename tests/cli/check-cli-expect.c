/* check-cli-expect.c: compare-and-set on the command line (--if-version,
 * advance --from, contract renew --if-end).  A script reads a row's
 * version, decides, and writes only if nobody moved the row meanwhile:
 * a refusal changes nothing, exits 1, and names who moved it, when, and
 * what it is now. */
#include "cli-test.h"

static int64_t version_of(const char *what, const char *ref)
{
	struct run r;
	json_t *v;
	int64_t n;

	RUN_OK(&r, what, "show", ref, "--format", "json");
	v = parse_json(r.out);
	n = json_integer_value(json_object_get(v, "version"));
	json_decref(v);
	run_finish(&r);
	return n;
}

/* The runs that follow are a colleague's (the binary inherits
 * ALLY_USER); "tester" is the suite's own user. */
static void run_as(const char *user)
{
	setenv("ALLY_USER", user, 1);
}

static void colleague_sets_notes(const char *partner, const char *notes)
{
	struct run r;
	char pair[128];

	snprintf(pair, sizeof pair, "notes=%s", notes);
	run_as("dana");
	RUN_OK(&r, "partner", "set", partner, pair);
	run_as("tester");
	run_finish(&r);
}

START_TEST(partner_set_writes_when_the_version_holds)
{
	struct run r;
	char v[32];

	add_partner("Acme", "channel");
	snprintf(v, sizeof v, "%lld", (long long)version_of("partner", "Acme"));
	RUN_OK(&r, "partner", "set", "Acme", "notes=first", "--if-version", v);
	run_finish(&r);
	ck_assert_int_eq(version_of("partner", "Acme"), 2);
}
END_TEST

START_TEST(partner_set_refuses_a_moved_row_naming_who_when_and_the_version)
{
	struct run r;

	add_partner("Acme", "channel");
	colleague_sets_notes("Acme", "theirs");
	/* The script read version 1; dana's edit made it 2. */
	RUN_FAILS(1, "partner 'Acme': changed by dana at ", "partner", "set", "Acme", "notes=mine",
		  "--if-version", "1");
	run_ally(&H, &r, NULL, "partner", "set", "Acme", "notes=mine", "--if-version", "1",
		 (char *)NULL);
	ck_assert_msg(strstr(r.err, " UTC (version 2, expected 1); nothing changed\n") != NULL,
		      "message: %s", r.err);
	run_finish(&r);
}
END_TEST

START_TEST(every_row_command_takes_if_version)
{
	struct run r;
	int64_t c;

	add_partner("Acme", "channel");
	c = add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", (char *)NULL);
	ck_assert_int_eq(c, 1);
	colleague_sets_notes("Acme", "moved");
	RUN_FAILS(1, "(version 2, expected 1)", "status", "Acme", "--health", "red",
		  "--if-version", "1");
	RUN_FAILS(1, "(version 2, expected 1)", "score", "Acme", "--fit", "50", "--reach", "50",
		  "--capabilities", "50", "--financial", "50", "--track-record", "50",
		  "--if-version", "1");
	RUN_FAILS(1, "(version 2, expected 1)", "advance", "Acme", "--if-version", "1");
	RUN_FAILS(1, "(version 2, expected 1)", "partner", "rm", "Acme", "--force",
		  "--if-version", "1");
	run_as("dana");
	RUN_OK(&r, "contract", "set", "1", "notes=moved");
	run_as("tester");
	run_finish(&r);
	RUN_FAILS(1, "contract 1: changed by dana", "contract", "set", "1", "title=X",
		  "--if-version", "1");
	RUN_FAILS(1, "(version 2, expected 1)", "contract", "renew", "1", "--if-version", "1");
	/* And each writes with the version it has now. */
	RUN_OK(&r, "status", "Acme", "--health", "red", "--if-version", "2");
	run_finish(&r);
	RUN_OK(&r, "advance", "Acme", "--if-version", "3");
	run_finish(&r);
	RUN_OK(&r, "contract", "renew", "1", "--if-version", "2");
	run_finish(&r);
	RUN_OK(&r, "partner", "rm", "Acme", "--force", "--if-version", "4");
	run_finish(&r);
}
END_TEST

START_TEST(advance_from_refuses_a_partner_in_another_phase)
{
	struct run r;

	add_partner("Acme", "channel");
	RUN_FAILS(1, "(phase prospect, expected proposal); nothing changed", "advance", "Acme",
		  "--from", "proposal");
	RUN_OK(&r, "advance", "Acme", "--from", "prospect");
	ck_assert_str_eq(r.out, "prospect -> proposal\n");
	run_finish(&r);
	/* The same script run twice moves the partner once. */
	RUN_FAILS(1, "(phase proposal, expected prospect)", "advance", "Acme", "--from",
		  "prospect");
	RUN_FAILS(1, "--from: 'dating' is not one of", "advance", "Acme", "--from", "dating");
}
END_TEST

START_TEST(renew_if_end_renews_once)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", (char *)NULL);
	RUN_FAILS(1, "contract 1: changed by tester at ", "contract", "renew", "1", "--if-end",
		  "2026-11-30");
	RUN_OK(&r, "contract", "renew", "1", "--if-end", "2026-12-31");
	ck_assert_str_eq(r.out, "2027-01-01 2027-12-31\n");
	run_finish(&r);
	RUN_FAILS(1, "(end 2027-12-31, expected 2026-12-31); nothing changed", "contract", "renew",
		  "1", "--if-end", "2026-12-31");
	RUN_FAILS(1, "--if-end: ", "contract", "renew", "1", "--if-end", "2026-02-30");
}
END_TEST

START_TEST(a_bad_expectation_is_one_line_and_changes_nothing)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "--if-version: 'abc' is not a whole number", "partner", "set", "Acme",
		  "notes=x", "--if-version", "abc");
	RUN_FAILS(1, "--if-version: 0 is out of range", "status", "Acme", "--health", "red",
		  "--if-version", "0");
	RUN_FAILS(2, "--if-version", "partner", "set", "Acme", "notes=x", "--if-version");
	RUN_FAILS(1, "no partner 'Nobody'", "status", "Nobody", "--health", "red",
		  "--if-version", "1");
	RUN_FAILS(1, "no contract 9", "contract", "renew", "9", "--if-version", "1");
}
END_TEST

static Suite *expect_suite(void)
{
	Suite *s = suite_create("cli-expect");
	TCase *tc = cli_tcase("expect");

	tcase_add_test(tc, partner_set_writes_when_the_version_holds);
	tcase_add_test(tc, partner_set_refuses_a_moved_row_naming_who_when_and_the_version);
	tcase_add_test(tc, every_row_command_takes_if_version);
	tcase_add_test(tc, advance_from_refuses_a_partner_in_another_phase);
	tcase_add_test(tc, renew_if_end_renews_once);
	tcase_add_test(tc, a_bad_expectation_is_one_line_and_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(expect_suite());
}
