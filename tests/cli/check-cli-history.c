/* check-cli-history.c: `ally history` (the audit log), and the histories
 * partner show and contract show carry: scorings, status updates, phase
 * moves, contract terms.  Today is 2026-11-22 (the harness default). */
#include "cli-test.h"

static json_t *history_json(const char *partner, const char *limit)
{
	struct run r;
	json_t *v;

	if (partner != NULL && limit != NULL)
		RUN_OK(&r, "history", partner, "--limit", limit, "--format", "json");
	else if (partner != NULL)
		RUN_OK(&r, "history", partner, "--format", "json");
	else if (limit != NULL)
		RUN_OK(&r, "history", "--limit", limit, "--format", "json");
	else
		RUN_OK(&r, "history", "--format", "json");
	v = parse_json(r.out);
	ck_assert(json_is_array(v));
	run_finish(&r);
	return v;
}

static const char *str_at(json_t *arr, size_t i, const char *key)
{
	const char *s = json_string_value(json_object_get(json_array_get(arr, i), key));

	ck_assert_msg(s != NULL, "row %zu has no text %s", i, key);
	return s;
}

static void run_ok(const char *a, const char *b, const char *c, const char *d)
{
	struct run r;

	RUN_OK(&r, a, b, c, d);
	run_finish(&r);
}

START_TEST(history_lists_changes_newest_first)
{
	struct run r;
	json_t *arr, *row;

	add_partner("Acme", "channel");
	run_ok("status", "Acme", "--health", "amber");
	run_ok("partner", "set", "Acme", "region=EMEA");
	arr = history_json(NULL, NULL);
	ck_assert_uint_ge(json_array_size(arr), 3);
	row = json_array_get(arr, 0);
	ck_assert_str_eq(str_at(arr, 0, "field"), "region");
	ck_assert_str_eq(str_at(arr, 0, "new_value"), "EMEA");
	ck_assert(json_is_null(json_object_get(row, "old_value")));
	ck_assert_str_eq(str_at(arr, 0, "user"), "tester");
	ck_assert_str_eq(str_at(arr, 0, "partner"), "Acme");
	ck_assert_str_eq(str_at(arr, 0, "table"), "partners");
	/* The first change, adding the partner, comes last. */
	ck_assert_str_eq(str_at(arr, json_array_size(arr) - 1, "field"), "*");
	json_decref(arr);
	RUN_OK(&r, "history");
	ck_assert_msg(strncmp(r.out, "WHEN (UTC)", 10) == 0, "%s", r.out);
	ck_assert_msg(strstr(r.out, "  (none) -> EMEA\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "added: ") != NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

/* Only the partner's own rows, even where its name appears in another's. */
START_TEST(history_of_one_partner)
{
	json_t *arr;
	size_t i;

	add_partner("Acme", "channel");
	add_partner("Beta", "channel");
	run_ok("partner", "set", "Beta", "notes=bought Acme's rival");
	run_ok("partner", "set", "Acme", "region=EMEA");
	arr = history_json("acme", NULL);
	ck_assert_uint_eq(json_array_size(arr), 2); /* added, region */
	for (i = 0; i < json_array_size(arr); i++)
		ck_assert_str_eq(str_at(arr, i, "partner"), "Acme");
	json_decref(arr);
	arr = history_json("Beta", "1");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(str_at(arr, 0, "field"), "notes");
	json_decref(arr);
}
END_TEST

/* A deleted partner's history stays readable by its id, with its name. */
START_TEST(history_of_a_deleted_partner_by_id)
{
	json_t *arr;
	size_t i, n;

	add_partner("Acme", "channel");
	add_partner("Beta", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", NULL);
	run_ok("partner", "set", "Acme", "region=EMEA");
	run_ok("partner", "rm", "Acme", "--force");
	RUN_FAILS(1, "no partner 'Acme'", "history", "Acme");
	arr = history_json("1", NULL);
	n = json_array_size(arr);
	/* Added, contract added, region, the contract (and its terms) and the
	 * partner deleted: the first and the last two are the partner's rows. */
	ck_assert_uint_ge(n, 5);
	ck_assert_str_eq(str_at(arr, n - 1, "table"), "partners");
	ck_assert_str_eq(str_at(arr, n - 1, "field"), "*");
	ck_assert_str_eq(str_at(arr, n - 2, "table"), "contracts");
	ck_assert_str_eq(str_at(arr, n - 3, "field"), "region");
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(str_at(arr, i, "partner"), "Acme");
		ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(arr, i),
								    "partner_id")), 1);
	}
	ck_assert_str_eq(str_at(arr, 0, "table"), "partners");
	ck_assert_str_eq(str_at(arr, 0, "field"), "*");
	ck_assert(json_is_null(json_object_get(json_array_get(arr, 0), "new_value")));
	json_decref(arr);
	arr = history_json("1", "2");
	ck_assert_uint_eq(json_array_size(arr), 2);
	json_decref(arr);
	/* A partner that exists is found by its id as before. */
	arr = history_json("2", NULL);
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(str_at(arr, 0, "partner"), "Beta");
	json_decref(arr);
	/* An id that never was a partner's is still not found. */
	RUN_FAILS(1, "partner: no partner '99'", "history", "99");
}
END_TEST

/* Changes to two contracts of one partner: the ROW column tells them apart,
 * and JSON and CSV carry the table and row id. */
START_TEST(history_names_the_row)
{
	struct run r;
	json_t *arr;

	add_partner("Acme", "channel");
	add_contract("Acme", "One", "2026-01-01", "2026-12-31", NULL);
	add_contract("Acme", "Two", "2026-01-01", "2026-12-31", NULL);
	run_ok("contract", "set", "1", "notes=first");
	run_ok("contract", "set", "2", "notes=second");
	RUN_OK(&r, "history", "Acme");
	ck_assert_msg(strstr(r.out, " ROW ") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "contracts#1 ") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "contracts#2 ") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "partners#1 ") != NULL, "%s", r.out);
	run_finish(&r);
	arr = history_json("Acme", "1");
	ck_assert_str_eq(str_at(arr, 0, "table"), "contracts");
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(arr, 0), "row_id")), 2);
	json_decref(arr);
	RUN_OK(&r, "history", "Acme", "--limit", "1", "--format", "csv");
	ck_assert_msg(strstr(r.out, ",table,row_id,") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, ",contracts,2,notes,,second") != NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

START_TEST(history_limit)
{
	json_t *arr;

	add_partner("Acme", "channel");
	run_ok("partner", "set", "Acme", "region=EMEA");
	run_ok("partner", "set", "Acme", "region=APAC");
	arr = history_json(NULL, "2");
	ck_assert_uint_eq(json_array_size(arr), 2);
	ck_assert_str_eq(str_at(arr, 0, "new_value"), "APAC");
	json_decref(arr);
	arr = history_json(NULL, "0"); /* all */
	ck_assert_uint_eq(json_array_size(arr), 3);
	json_decref(arr);
	RUN_FAILS(1, "--limit: 'many' is not a whole number", "history", "--limit", "many");
	RUN_FAILS(1, "--limit", "history", "--limit", "-1");
	RUN_FAILS(1, "Nobody", "history", "Nobody");
	RUN_FAILS(2, "unexpected argument", "history", "Acme", "Beta");
	RUN_FAILS(2, "--limit given twice", "history", "--limit", "1", "--limit", "2");
}
END_TEST

START_TEST(empty_history_in_each_format)
{
	struct run r;
	char *header;

	RUN_OK(&r, "history");
	ck_assert_int_eq(count_lines(r.out), 1);
	ck_assert_msg(strncmp(r.out, "WHEN (UTC)", 10) == 0, "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "history", "--format", "json");
	ck_assert_str_eq(r.out, "[]\n");
	run_finish(&r);
	RUN_OK(&r, "history", "--format", "csv");
	header = strdup(r.out);
	run_finish(&r);
	add_partner("Acme", "channel");
	RUN_OK(&r, "history", "--format", "csv");
	ck_assert_msg(strncmp(r.out, header, strlen(header)) == 0, "%s vs %s", header, r.out);
	ck_assert_ptr_nonnull(strstr(header, "old_value,new_value"));
	free(header);
	run_finish(&r);
}
END_TEST

/* partner show carries the score history, the status history and the
 * phase timeline, in JSON and on the card. */
START_TEST(partner_show_histories)
{
	struct run r;
	json_t *p, *arr;

	add_partner("Acme", "channel");
	run_ok("status", "Acme", "--health", "amber");
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "80", "--capabilities", "80",
	       "--financial", "80", "--track-record", "80");
	run_finish(&r);
	RUN_OK(&r, "score", "Acme", "--fit", "100", "--reach", "100", "--capabilities", "100",
	       "--financial", "1", "--track-record", "82");
	run_finish(&r);
	run_ok("advance", "Acme", "--note", "proposal sent");
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	p = parse_json(r.out);
	run_finish(&r);
	arr = json_object_get(p, "score_history");
	ck_assert_uint_eq(json_array_size(arr), 2);
	ck_assert_double_eq(json_real_value(json_object_get(json_array_get(arr, 0), "score")),
			    83.4);
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(arr, 1), "fit")), 80);
	ck_assert_str_eq(str_at(arr, 0, "author"), "tester");
	arr = json_object_get(p, "status_history");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(str_at(arr, 0, "health"), "amber");
	arr = json_object_get(p, "phase_history");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(str_at(arr, 0, "from"), "prospect");
	ck_assert_str_eq(str_at(arr, 0, "to"), "proposal");
	ck_assert_str_eq(str_at(arr, 0, "note"), "proposal sent");
	json_decref(p);
	RUN_OK(&r, "partner", "show", "Acme");
	ck_assert_msg(strstr(r.out, "score history\n  2026-11-22  score 83.4, tier 2, by tester\n"
				    "  2026-11-22  score 80.0, tier 2, by tester\n") != NULL,
		      "%s", r.out);
	ck_assert_msg(strstr(r.out, "status history\n  2026-11-22  amber, by tester\n") != NULL,
		      "%s", r.out);
	ck_assert_msg(strstr(r.out, "phase timeline\n  2026-11-22  prospect -> proposal, by "
				    "tester: proposal sent\n") != NULL,
		      "%s", r.out);
	run_finish(&r);
}
END_TEST

/* contract show lists the terms as sentences, not as "-" items. */
START_TEST(contract_show_term_history)
{
	struct run r;
	json_t *c, *terms;

	add_partner("Acme", "channel");
	add_contract("Acme", "Year", "2026-01-01", "2026-12-31", NULL);
	/* The first term is listed from the start. */
	RUN_OK(&r, "contract", "show", "1");
	ck_assert_msg(strstr(r.out, "term history\n  2026-01-01 to 2026-12-31, the first term\n") !=
			      NULL,
		      "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "contract", "show", "1", "--format", "json");
	terms = json_object_get(c = parse_json(r.out), "terms");
	ck_assert_uint_eq(json_array_size(terms), 1);
	ck_assert(json_is_null(json_object_get(json_array_get(terms, 0), "renewed_on")));
	ck_assert(json_is_null(json_object_get(json_array_get(terms, 0), "renewed_by")));
	json_decref(c);
	run_finish(&r);
	run_ok("contract", "renew", "1", NULL);
	RUN_OK(&r, "contract", "show", "1");
	ck_assert_msg(strstr(r.out, "term history\n"
				    "  2026-01-01 to 2026-12-31, the first term\n"
				    "  2027-01-01 to 2027-12-31, renewed 2026-11-22 by tester\n") !=
			      NULL,
		      "%s", r.out);
	ck_assert_ptr_null(strstr(r.out, "\n  -\n"));
	run_finish(&r);
}
END_TEST

/* Over SSH the client's address is kept with each change, and the log
 * can be narrowed to a day on and to one person. */
START_TEST(history_says_where_from_and_filters_by_day_and_user)
{
	struct run r;
	json_t *v;

	setenv("SSH_CONNECTION", "203.0.113.7 52814 10.0.0.2 22", 1);
	setenv("ALLY_USER", "dana", 1);
	add_partner("Acme", "channel");
	unsetenv("SSH_CONNECTION");
	setenv("SSH_CLIENT", "2001:db8::5 40000 22", 1);
	setenv("ALLY_USER", "lee", 1);
	RUN_OK(&r, "status", "Acme", "--health", "red");
	run_finish(&r);
	unsetenv("SSH_CLIENT");
	/* Not an address: not kept. */
	setenv("SSH_CONNECTION", "\x1b[2J 1 2 3", 1);
	RUN_OK(&r, "status", "Acme", "--health", "green");
	run_finish(&r);
	unsetenv("SSH_CONNECTION");
	setenv("ALLY_USER", "tester", 1);
	RUN_OK(&r, "history", "--user", "dana", "--format", "json");
	v = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(v), 1);
	ck_assert_str_eq(json_str(json_array_get(v, 0), "from"), "203.0.113.7");
	ck_assert_str_eq(json_str(json_array_get(v, 0), "user"), "dana");
	json_decref(v);
	run_finish(&r);
	RUN_OK(&r, "history", "--user", "lee", "--format", "json");
	v = parse_json(r.out);
	/* health and its date, then the health again (the same day) */
	ck_assert_uint_eq(json_array_size(v), 3);
	ck_assert_ptr_null(strstr(r.out, "\\u001b"));
	ck_assert_msg(strstr(r.out, "\"from\": \"2001:db8::5\"") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "\"from\": null") != NULL, "%s", r.out);
	json_decref(v);
	run_finish(&r);
	RUN_OK(&r, "history", "--since", "2999-01-01");
	ck_assert_int_eq(count_lines(r.out), 1); /* the heading alone */
	run_finish(&r);
	RUN_OK(&r, "history", "Acme", "--since", "2000-01-01", "--user", "dana");
	ck_assert_int_eq(count_lines(r.out), 2);
	ck_assert_msg(strstr(r.out, "203.0.113.7") != NULL, "%s", r.out);
	run_finish(&r);
	RUN_FAILS(1, "--since: ", "history", "--since", "2026-02-30");
	RUN_FAILS(1, "--user: ", "history", "--user", "a\x1b[2J");
}
END_TEST

static Suite *history_suite(void)
{
	Suite *s = suite_create("cli-history");
	TCase *tc = cli_tcase("history");

	tcase_add_test(tc, history_lists_changes_newest_first);
	tcase_add_test(tc, history_of_one_partner);
	tcase_add_test(tc, history_limit);
	tcase_add_test(tc, history_of_a_deleted_partner_by_id);
	tcase_add_test(tc, history_names_the_row);
	tcase_add_test(tc, empty_history_in_each_format);
	tcase_add_test(tc, history_says_where_from_and_filters_by_day_and_user);
	suite_add_tcase(s, tc);
	tc = cli_tcase("show");
	tcase_add_test(tc, partner_show_histories);
	tcase_add_test(tc, contract_show_term_history);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(history_suite());
}
