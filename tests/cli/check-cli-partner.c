/* check-cli-partner.c: `ally partner add|list|show|set|rm` end to end. */
#include "cli-test.h"

#include <stdio.h>

/* The partner object of `partner show NAME --format json`; caller decrefs. */
static json_t *show_json(const char *name)
{
	struct run r;
	json_t *v;

	RUN_OK(&r, "partner", "show", name, "--format", "json");
	v = parse_json(r.out);
	run_finish(&r);
	return v;
}

static json_t *list_json(const char *opt, const char *val)
{
	struct run r;
	json_t *v;

	if (opt != NULL)
		RUN_OK(&r, "partner", "list", "--format", "json", opt, val);
	else
		RUN_OK(&r, "partner", "list", "--format", "json");
	v = parse_json(r.out);
	ck_assert(json_is_array(v));
	run_finish(&r);
	return v;
}

START_TEST(add_prints_the_new_id)
{
	struct run r;

	RUN_OK(&r, "partner", "add", "Acme", "--type", "channel");
	ck_assert_str_eq(r.out, "1\n");
	run_finish(&r);
	RUN_OK(&r, "partner", "add", "Globex", "--type", "technology", "--format", "json");
	{
		json_t *v = parse_json(r.out);

		ck_assert_int_eq(json_integer_value(json_object_get(v, "id")), 2);
		ck_assert_uint_eq(json_object_size(v), 1);
		json_decref(v);
	}
	run_finish(&r);
}
END_TEST

START_TEST(add_sets_every_option)
{
	struct run r;
	json_t *p;

	RUN_OK(&r, "partner", "add", "Initech", "--type", "joint-venture", "--owner", "bob",
	       "--phase", "negotiation", "--origin", "bd_outreach", "--power", "equal", "--goal",
	       "both", "--region", "EMEA", "--website", "https://initech.example");
	run_finish(&r);
	p = show_json("initech");
	ck_assert_str_eq(json_str(p, "type"), "joint_venture");
	ck_assert_str_eq(json_str(p, "owner"), "bob");
	ck_assert_str_eq(json_str(p, "phase"), "negotiation");
	ck_assert_str_eq(json_str(p, "origin"), "bd_outreach");
	ck_assert_str_eq(json_str(p, "power"), "equal");
	ck_assert_str_eq(json_str(p, "goal"), "both");
	ck_assert_str_eq(json_str(p, "region"), "EMEA");
	ck_assert_str_eq(json_str(p, "website"), "https://initech.example");
	json_decref(p);
}
END_TEST

START_TEST(add_refuses_bad_input)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "type", "partner", "add", "Bad", "--type", "supplier");
	RUN_FAILS(1, "already exists", "partner", "add", "ACME", "--type", "channel");
	RUN_FAILS(1, "name", "partner", "add", "", "--type", "channel");
	RUN_FAILS(1, "name", "partner", "add", "   ", "--type", "channel");
	RUN_FAILS(1, "phase", "partner", "add", "P", "--type", "channel", "--phase", "dating");
	RUN_FAILS(1, "origin", "partner", "add", "O", "--type", "channel", "--origin", "luck");
	RUN_FAILS(1, "power", "partner", "add", "W", "--type", "channel", "--power", "whale");
	RUN_FAILS(1, "goal", "partner", "add", "G", "--type", "channel", "--goal", "fame");
	RUN_FAILS(2, "--type is required", "partner", "add", "NoType");
	RUN_FAILS(2, "missing NAME", "partner", "add", "--type", "channel");
	RUN_FAILS(2, "unknown option '--colour'", "partner", "add", "C", "--type", "channel",
		  "--colour", "red");
}
END_TEST

START_TEST(add_refuses_a_name_over_200_characters)
{
	char name[260];

	memset(name, 'x', 201);
	name[201] = '\0';
	RUN_FAILS(1, "name", "partner", "add", name, "--type", "channel");
	name[200] = '\0';
	add_partner(name, "channel");
}
END_TEST

START_TEST(list_json_has_the_issue_shape)
{
	json_t *arr, *p;

	add_partner("Acme", "channel");
	arr = list_json(NULL, NULL);
	ck_assert_uint_eq(json_array_size(arr), 1);
	p = json_array_get(arr, 0);
	ck_assert(json_is_integer(json_object_get(p, "id")));
	ck_assert_str_eq(json_str(p, "name"), "Acme");
	ck_assert_str_eq(json_str(p, "type"), "channel");
	ck_assert_str_eq(json_str(p, "phase"), "prospect");
	ck_assert_str_eq(json_str(p, "owner"), "tester");
	ck_assert(json_is_null(json_object_get(p, "health")));
	ck_assert(json_is_null(json_object_get(p, "status_note")));
	ck_assert(json_is_null(json_object_get(p, "status_date")));
	ck_assert(json_is_null(json_object_get(p, "score")));
	ck_assert(json_is_null(json_object_get(p, "tier")));
	ck_assert(json_is_array(json_object_get(p, "flags")));
	json_decref(arr);
}
END_TEST

START_TEST(list_shows_score_and_tier)
{
	struct run r;
	json_t *arr, *p;

	add_partner("Acme", "channel");
	add_partner("Tiny", "referral");
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "90", "--capabilities", "70",
	       "--financial", "60", "--track-record", "50");
	run_finish(&r);
	RUN_OK(&r, "score", "Tiny", "--fit", "42", "--reach", "42", "--capabilities", "42",
	       "--financial", "42", "--track-record", "42");
	run_finish(&r);
	arr = list_json(NULL, NULL);
	p = json_array_get(arr, 0); /* by name: Acme first */
	ck_assert(json_is_real(json_object_get(p, "score")));
	ck_assert_double_eq(json_real_value(json_object_get(p, "score")), 74.5);
	ck_assert_int_eq(json_integer_value(json_object_get(p, "tier")), 2);
	p = json_array_get(arr, 1);
	ck_assert_double_eq(json_real_value(json_object_get(p, "score")), 42.0);
	ck_assert(json_is_integer(json_object_get(p, "tier")));
	ck_assert_int_eq(json_integer_value(json_object_get(p, "tier")), 0);
	json_decref(arr);
	/* The raw text keeps one decimal, as the domain shows scores. */
	RUN_OK(&r, "partner", "list", "--format", "json", "--tier", "unqualified");
	ck_assert_ptr_nonnull(strstr(r.out, "\"score\": 42.0"));
	run_finish(&r);
}
END_TEST

static size_t count_named(json_t *arr, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < json_array_size(arr); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(arr, i), "name")),
			   name) == 0)
			n++;
	return n;
}

START_TEST(list_table_shows_one_decimal)
{
	struct run r;
	json_t *arr;

	add_partner("Acme", "channel");
	/* W = 1200 + 1000 + 800 + 615 + 350 = 3965: 39.65 has one value,
	 * 39.7, in the table and in JSON alike. */
	RUN_OK(&r, "score", "Acme", "--fit", "40", "--reach", "40", "--capabilities", "40",
	       "--financial", "41", "--track-record", "35");
	ck_assert_str_eq(r.out, "39.7 unqualified\n");
	run_finish(&r);
	RUN_OK(&r, "partner", "list");
	ck_assert_msg(strstr(r.out, "unqualified   39.7") != NULL, "%s", r.out);
	run_finish(&r);
	arr = list_json(NULL, NULL);
	ck_assert_double_eq(json_real_value(json_object_get(json_array_get(arr, 0), "score")),
			    39.7);
	json_decref(arr);
}
END_TEST

START_TEST(list_filters)
{
	struct run r;
	json_t *arr;

	add_partner("Acme", "channel");
	add_partner("Globex", "technology");
	RUN_OK(&r, "partner", "add", "Bobco", "--type", "channel", "--owner", "bob");
	run_finish(&r);
	RUN_OK(&r, "advance", "Globex");
	run_finish(&r);
	RUN_OK(&r, "score", "Globex", "--fit", "90", "--reach", "90", "--capabilities", "90",
	       "--financial", "90", "--track-record", "90");
	run_finish(&r);

	arr = list_json("--type", "channel");
	ck_assert_uint_eq(json_array_size(arr), 2);
	ck_assert_uint_eq(count_named(arr, "Globex"), 0);
	json_decref(arr);
	arr = list_json("--phase", "proposal");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_uint_eq(count_named(arr, "Globex"), 1);
	json_decref(arr);
	arr = list_json("--tier", "1");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_uint_eq(count_named(arr, "Globex"), 1);
	json_decref(arr);
	arr = list_json("--owner", "BOB");
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_uint_eq(count_named(arr, "Bobco"), 1);
	json_decref(arr);
	arr = list_json("--tier", "2");
	ck_assert_uint_eq(json_array_size(arr), 0);
	json_decref(arr);
}
END_TEST

static const char *name_at(json_t *arr, size_t i)
{
	return json_string_value(json_object_get(json_array_get(arr, i), "name"));
}

START_TEST(list_flagged_sort_reverse)
{
	struct run r;
	json_t *arr;

	add_partner("Acme", "channel");
	add_partner("Zeta", "channel");
	/* An urgent contract while in prospect: "renewal due". */
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", NULL);
	arr = list_json("--flagged", NULL);
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(name_at(arr, 0), "Acme");
	json_decref(arr);
	RUN_OK(&r, "partner", "list", "--format", "json", "--sort", "name", "--reverse");
	arr = parse_json(r.out);
	ck_assert_str_eq(name_at(arr, 0), "Zeta");
	ck_assert_str_eq(name_at(arr, 1), "Acme");
	json_decref(arr);
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json", "--sort", "next");
	arr = parse_json(r.out);
	ck_assert_str_eq(name_at(arr, 0), "Acme"); /* the one with a next action */
	json_decref(arr);
	run_finish(&r);
}
END_TEST

START_TEST(list_refuses_bad_filters)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "--phase", "partner", "list", "--phase", "dating");
	RUN_FAILS(1, "--type", "partner", "list", "--type", "supplier");
	RUN_FAILS(1, "--tier", "partner", "list", "--tier", "4");
	RUN_FAILS(1, "--sort", "partner", "list", "--sort", "size");
	RUN_FAILS(2, "--phase needs a value", "partner", "list", "--phase");
}
END_TEST

START_TEST(list_table_aligns_by_display_width)
{
	struct run r;

	add_partner("Acme", "channel");
	add_partner("東京 Partners", "technology");
	RUN_OK(&r, "partner", "list");
	/* "東京 Partners" is 13 columns (each kanji is 2) in 17 bytes; Acme is
	 * padded to the same 13 columns. */
	ck_assert_msg(strstr(r.out, "Acme           channel") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "東京 Partners  technology") != NULL, "%s", r.out);
	ck_assert_msg(strncmp(r.out, "ID  NAME", 8) == 0, "%s", r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "FLAGS"));
	ck_assert_int_eq(count_lines(r.out), 3);
	run_finish(&r);
}
END_TEST

START_TEST(empty_list_in_each_format)
{
	struct run r;

	/* The heading alone: the columns, and nothing under them. */
	RUN_OK(&r, "partner", "list");
	ck_assert_str_eq(r.out, "ID  NAME  TYPE  PHASE  TIER  SCORE  HEALTH  OWNER  NEXT  FLAGS\n");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_str_eq(r.out, "[]\n");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "csv");
	ck_assert_int_eq(count_lines(r.out), 1);
	ck_assert_msg(strncmp(r.out, "id,name,", 8) == 0, "%s", r.out);
	run_finish(&r);
}
END_TEST

START_TEST(show_json_has_everything)
{
	static const char *const keys[] = {
		"id",	       "name",	       "type",	       "phase",	   "owner",
		"origin",      "power",	       "goal",	       "region",   "website",
		"value_partner", "value_us",    "value_together", "notes",  "health",
		"status_note", "status_date",  "status_author", "fit",	   "reach",
		"capabilities", "financial",   "track_record", "score",	   "tier",
		"version",     "contracts",    "flags",	       "contacts",
	};
	json_t *p, *c;
	size_t i;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", "--value", "125000", NULL);
	p = show_json("acme"); /* names match ignoring case */
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ck_assert_msg(json_object_get(p, keys[i]) != NULL, "no key %s", keys[i]);
	ck_assert(json_is_null(json_object_get(p, "fit"))); /* never scored */
	ck_assert_uint_eq(json_array_size(json_object_get(p, "contracts")), 1);
	c = json_array_get(json_object_get(p, "contracts"), 0);
	ck_assert_str_eq(json_str(c, "title"), "Reseller");
	ck_assert_str_eq(json_str(c, "annual_value"), "125000.00");
	ck_assert_str_eq(json_str(c, "band"), "urgent"); /* 39 days before 2026-12-31 */
	ck_assert_int_eq(json_integer_value(json_object_get(c, "days_left")), 39);
	json_decref(p);
}
END_TEST

START_TEST(show_by_id_and_flags)
{
	json_t *p, *flags;
	size_t i;
	bool renewal_due = false;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", NULL);
	p = show_json("1");
	ck_assert_str_eq(json_str(p, "name"), "Acme");
	flags = json_object_get(p, "flags");
	for (i = 0; i < json_array_size(flags); i++)
		if (strcmp(json_string_value(json_array_get(flags, i)), "renewal_due") == 0)
			renewal_due = true;
	ck_assert_msg(renewal_due, "an urgent contract in prospect flags renewal_due");
	json_decref(p);
}
END_TEST

START_TEST(show_table_is_a_card)
{
	struct run r;

	add_partner("Acme", "channel");
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "90", "--capabilities", "70",
	       "--financial", "60", "--track-record", "50");
	run_finish(&r);
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", NULL);
	RUN_OK(&r, "partner", "set", "Acme", "notes=first\tline\nsecond line");
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme");
	ck_assert_msg(strncmp(r.out, "Acme\n", 5) == 0, "%s", r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "score card"));
	ck_assert_ptr_nonnull(strstr(r.out, "strategic fit"));
	ck_assert_ptr_nonnull(strstr(r.out, "80 x 30 = 2400"));
	ck_assert_ptr_nonnull(strstr(r.out, "score 74.5, tier 2"));
	ck_assert_ptr_nonnull(strstr(r.out, "#1 Reseller: active 2026-01-01 to 2026-12-31, urgent"));
	ck_assert_ptr_nonnull(strstr(r.out, "renewal due: move to the renewal phase"));
	ck_assert_ptr_nonnull(strstr(r.out, "next review due"));
	/* A tab in the notes is shown, never sent to the terminal raw. */
	ck_assert_ptr_nonnull(strstr(r.out, "first^Iline"));
	ck_assert_ptr_null(strchr(r.out, '\t'));
	run_finish(&r);
}
END_TEST

/* The one CSV row: the partner's own fields and what is derived from
 * them (flags joined with ';'); the lists are only in table and JSON. */
START_TEST(show_csv_is_one_row)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", NULL);
	add_contract("Acme", "Old", "2025-01-01", "2025-12-31", NULL);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "csv");
	ck_assert_int_eq(count_lines(r.out), 2);
	ck_assert_msg(strncmp(r.out, "id,name,type,phase,owner,origin,", 32) == 0, "%s", r.out);
	ck_assert_msg(strstr(r.out, ",next_action,next_review,flags\r\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "contracts") == NULL && strstr(r.out, "history") == NULL,
		      "%s", r.out);
	ck_assert_msg(strstr(r.out, ",2025-12-31,,renewal_due;lapsed\r\n") != NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

START_TEST(show_not_found)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "Nobody", "partner", "show", "Nobody");
	RUN_FAILS(1, "99", "partner", "show", "99");
	RUN_FAILS(2, "missing PARTNER", "partner", "show");
}
END_TEST

START_TEST(set_changes_fields)
{
	struct run r;
	json_t *p;

	add_partner("Acme", "channel");
	RUN_OK(&r, "partner", "set", "Acme", "region=EMEA", "type=technology", "goal=capability",
	       "name=Acme Corp");
	ck_assert_str_eq(r.out, "");
	run_finish(&r);
	p = show_json("Acme Corp");
	ck_assert_str_eq(json_str(p, "region"), "EMEA");
	ck_assert_str_eq(json_str(p, "type"), "technology");
	ck_assert_str_eq(json_str(p, "goal"), "capability");
	json_decref(p);
	RUN_OK(&r, "partner", "set", "Acme Corp", "region=");
	run_finish(&r);
	p = show_json("Acme Corp");
	ck_assert_msg(json_is_null(json_object_get(p, "region")) ||
			      strcmp(json_str(p, "region"), "") == 0,
		      "region= clears it");
	json_decref(p);
}
END_TEST

START_TEST(set_is_all_or_nothing)
{
	add_partner("Acme", "channel");
	add_partner("Globex", "channel");
	/* The good first pair must not be written either. */
	RUN_FAILS(1, "type", "partner", "set", "Acme", "region=EMEA", "type=supplier");
	RUN_FAILS(1, "phase", "partner", "set", "Acme", "phase=launch");
	RUN_FAILS(1, "colour", "partner", "set", "Acme", "colour=red");
	RUN_FAILS(1, "already exists", "partner", "set", "Acme", "name=globex");
	RUN_FAILS(1, "Nobody", "partner", "set", "Nobody", "region=EMEA");
	RUN_FAILS(2, "FIELD=VALUE", "partner", "set", "Acme", "region");
	RUN_FAILS(2, "FIELD=VALUE", "partner", "set", "Acme");
	/* A field given twice is a usage error, like a repeated option, even
	 * when a bad value comes first. */
	RUN_FAILS(2, "ally: region given twice; see 'ally partner set --help'", "partner", "set",
		  "Acme", "region=EMEA", "notes=x", "region=APAC");
	RUN_FAILS(2, "type given twice", "partner", "set", "Acme", "type=supplier", "type=channel");
}
END_TEST

START_TEST(rm_refuses_active_contracts_without_force)
{
	struct run r;
	json_t *arr;

	add_partner("Acme", "channel");
	add_partner("Globex", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2027-12-31", NULL);
	RUN_FAILS(1, "--force", "partner", "rm", "Acme");
	RUN_OK(&r, "partner", "rm", "Globex");
	run_finish(&r);
	RUN_OK(&r, "partner", "rm", "Acme", "--force");
	run_finish(&r);
	arr = list_json(NULL, NULL);
	ck_assert_uint_eq(json_array_size(arr), 0);
	json_decref(arr);
	RUN_FAILS(1, "Acme", "partner", "rm", "Acme");
}
END_TEST

static Suite *partner_suite(void)
{
	Suite *s = suite_create("cli-partner");
	TCase *tc = cli_tcase("add");

	tcase_add_test(tc, add_prints_the_new_id);
	tcase_add_test(tc, add_sets_every_option);
	tcase_add_test(tc, add_refuses_bad_input);
	tcase_add_test(tc, add_refuses_a_name_over_200_characters);
	suite_add_tcase(s, tc);
	tc = cli_tcase("list");
	tcase_add_test(tc, list_json_has_the_issue_shape);
	tcase_add_test(tc, list_shows_score_and_tier);
	tcase_add_test(tc, list_table_shows_one_decimal);
	tcase_add_test(tc, list_filters);
	tcase_add_test(tc, list_flagged_sort_reverse);
	tcase_add_test(tc, list_refuses_bad_filters);
	tcase_add_test(tc, list_table_aligns_by_display_width);
	tcase_add_test(tc, empty_list_in_each_format);
	suite_add_tcase(s, tc);
	tc = cli_tcase("show");
	tcase_add_test(tc, show_json_has_everything);
	tcase_add_test(tc, show_by_id_and_flags);
	tcase_add_test(tc, show_table_is_a_card);
	tcase_add_test(tc, show_csv_is_one_row);
	tcase_add_test(tc, show_not_found);
	suite_add_tcase(s, tc);
	tc = cli_tcase("set-rm");
	tcase_add_test(tc, set_changes_fields);
	tcase_add_test(tc, set_is_all_or_nothing);
	tcase_add_test(tc, rm_refuses_active_contracts_without_force);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(partner_suite());
}
