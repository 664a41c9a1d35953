/* check-cli-output.c: the output rules every command shares: CSV quoting
 * and formula guards, raw UTF-8 in JSON, nothing that can act on a
 * terminal in a table, and no output at all from a failed command. */
#include "cli-test.h"

#include <unistd.h>

START_TEST(csv_guards_formula_cells)
{
	static const char *const names[] = { "=SUM(A1)", "+1 Partner", "-dash", "@at", "'quoted" };
	struct run r;
	char want[64];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		add_partner(names[i], "channel");
	RUN_OK(&r, "partner", "list", "--format", "csv");
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(want, sizeof want, ",'%s,", names[i]);
		ck_assert_msg(strstr(r.out, want) != NULL, "%s not guarded: %s", names[i], r.out);
	}
	run_finish(&r);
}
END_TEST

START_TEST(csv_quotes_only_what_needs_it)
{
	struct run r;

	add_partner("Smith, Jones & Co", "channel");
	add_partner("Say \"Hi\"", "channel");
	add_partner("Plain", "channel");
	RUN_OK(&r, "partner", "list", "--format", "csv");
	ck_assert_ptr_nonnull(strstr(r.out, ",\"Smith, Jones & Co\","));
	ck_assert_ptr_nonnull(strstr(r.out, ",\"Say \"\"Hi\"\"\","));
	ck_assert_ptr_nonnull(strstr(r.out, ",Plain,"));
	/* RFC 4180 line ends. */
	ck_assert_ptr_nonnull(strstr(r.out, "next_action\r\n"));
	run_finish(&r);
}
END_TEST

START_TEST(csv_multiline_cell_and_numbers)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Late", "2026-01-01", "2026-11-21", NULL);
	RUN_OK(&r, "partner", "set", "Acme", "notes=line one\nline two");
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "csv");
	ck_assert_ptr_nonnull(strstr(r.out, ",\"line one\nline two\","));
	run_finish(&r);
	/* A negative number is a number, never guarded like text. */
	RUN_OK(&r, "renewals", "--format", "csv");
	ck_assert_msg(strstr(r.out, ",2026-11-21,-1,lapsed,") != NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

/* The first line of a CSV output, without its CRLF; the caller frees. */
static char *csv_header_of(const char *a, const char *b)
{
	struct run r;
	char *line;

	if (b != NULL)
		RUN_OK(&r, a, b, "--format", "csv");
	else
		RUN_OK(&r, a, "--format", "csv");
	line = strndup(r.out, strcspn(r.out, "\r\n"));
	run_finish(&r);
	return line;
}

/* An empty list's CSV header is the header its rows would have: the JSON
 * keys, never the table's readable columns. */
START_TEST(csv_header_of_an_empty_list_is_its_json_keys)
{
	static const char *const cmds[][2] = { { "partner", "list" },
					       { "contract", "list" },
					       { "renewals", NULL } };
	char *empty[3];
	size_t i;

	for (i = 0; i < 3; i++)
		empty[i] = csv_header_of(cmds[i][0], cmds[i][1]);
	ck_assert_str_eq(empty[0], "id,name,type,phase,owner,health,status_note,status_date,score,"
				   "tier,flags,next_action");
	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", "--value", "10", NULL);
	for (i = 0; i < 3; i++) {
		char *full = csv_header_of(cmds[i][0], cmds[i][1]);

		ck_assert_str_eq(empty[i], full);
		ck_assert_msg(strstr(full, "label") == NULL && strstr(full, "marker") == NULL,
			      "%s", full);
		free(full);
		free(empty[i]);
	}
}
END_TEST

/* The table draws readable cells (tier word, value with currency, flag
 * markers) from the JSON keys; JSON keeps only its own keys. */
START_TEST(table_cells_come_from_json_keys)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-01", "--value", "125000", "--currency",
		     "EUR", NULL);
	RUN_OK(&r, "contract", "list");
	ck_assert_msg(strstr(r.out, "125000.00 EUR") != NULL, "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "partner", "list");
	ck_assert_msg(strstr(r.out, "RENEW") != NULL, "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_ptr_null(strstr(r.out, "label"));
	ck_assert_ptr_null(strstr(r.out, "marker"));
	ck_assert_ptr_nonnull(strstr(r.out, "\"renewal_due\""));
	run_finish(&r);
}
END_TEST

START_TEST(json_keeps_utf8)
{
	struct run r;

	add_partner("Müller 東京", "channel");
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_ptr_nonnull(strstr(r.out, "\"name\": \"Müller 東京\""));
	run_finish(&r);
}
END_TEST

START_TEST(tables_show_controls_as_text)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2027-12-31", NULL);
	RUN_OK(&r, "contract", "set", "1", "notes=tab\there");
	run_finish(&r);
	RUN_OK(&r, "contract", "show", "1");
	ck_assert_ptr_nonnull(strstr(r.out, "tab^Ihere"));
	ck_assert_ptr_null(strchr(r.out, '\t'));
	run_finish(&r);
	/* JSON escapes it instead. */
	RUN_OK(&r, "contract", "show", "1", "--format", "json");
	ck_assert_ptr_nonnull(strstr(r.out, "tab\\there"));
	run_finish(&r);
}
END_TEST

START_TEST(write_results_in_each_format)
{
	struct run r;

	RUN_OK(&r, "partner", "add", "Acme", "--type", "channel", "--format", "csv");
	ck_assert_str_eq(r.out, "id\r\n1\r\n");
	run_finish(&r);
	RUN_OK(&r, "advance", "Acme", "--format", "csv");
	ck_assert_str_eq(r.out, "from,to\r\nprospect,proposal\r\n");
	run_finish(&r);
}
END_TEST

START_TEST(a_failed_write_prints_nothing)
{
	/* The partner is found and the move refused: no half output. */
	add_partner("Acme", "channel");
	RUN_FAILS(1, "allowed", "advance", "Acme", "--to", "renewal", "--format", "json");
}
END_TEST

/* A full disk at the terminal's end: a write that committed says its
 * change was saved, so the user does not retry it; a read just fails. */
START_TEST(output_failure_after_a_commit_says_the_change_was_saved)
{
	struct run r;

	if (access("/dev/full", W_OK) != 0)
		return; /* nothing to write to that always fails */
	run_ally_to(&H, &r, "/dev/full", "partner", "add", "Acme", "--type", "channel",
		    (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output (the change was saved)",
		    "partner add > /dev/full");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_msg(strstr(r.out, "\"Acme\"") != NULL, "the partner was not saved: %s", r.out);
	run_finish(&r);
	run_ally_to(&H, &r, "/dev/full", "partner", "list", (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output", "partner list");
	ck_assert_ptr_null(strstr(r.err, "saved"));
	run_finish(&r);
}
END_TEST

static Suite *output_suite(void)
{
	Suite *s = suite_create("cli-output");
	TCase *tc = cli_tcase("csv");

	tcase_add_test(tc, csv_guards_formula_cells);
	tcase_add_test(tc, csv_quotes_only_what_needs_it);
	tcase_add_test(tc, csv_multiline_cell_and_numbers);
	tcase_add_test(tc, csv_header_of_an_empty_list_is_its_json_keys);
	tcase_add_test(tc, table_cells_come_from_json_keys);
	suite_add_tcase(s, tc);
	tc = cli_tcase("terminal");
	tcase_add_test(tc, json_keeps_utf8);
	tcase_add_test(tc, tables_show_controls_as_text);
	tcase_add_test(tc, write_results_in_each_format);
	tcase_add_test(tc, a_failed_write_prints_nothing);
	tcase_add_test(tc, output_failure_after_a_commit_says_the_change_was_saved);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(output_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
