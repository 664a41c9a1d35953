/* check-cli-contract.c: `ally contract add|list|show|set|renew`. */
#include "cli-test.h"

static json_t *contract_json(const char *id)
{
	struct run r;
	json_t *v;

	RUN_OK(&r, "contract", "show", id, "--format", "json");
	v = parse_json(r.out);
	run_finish(&r);
	return v;
}

START_TEST(add_prints_id_with_defaults)
{
	struct run r;
	json_t *c;

	add_partner("Acme", "channel");
	RUN_OK(&r, "contract", "add", "Acme", "--title", "Reseller", "--start", "2026-01-01",
	       "--end", "2026-12-31");
	ck_assert_str_eq(r.out, "1\n");
	run_finish(&r);
	c = contract_json("1");
	ck_assert_str_eq(json_str(c, "partner"), "Acme");
	ck_assert_str_eq(json_str(c, "status"), "active");
	ck_assert(json_is_false(json_object_get(c, "auto_renew")));
	ck_assert_int_eq(json_integer_value(json_object_get(c, "renewal_months")), 12);
	ck_assert_int_eq(json_integer_value(json_object_get(c, "notice_days")), 60);
	ck_assert(json_is_null(json_object_get(c, "annual_value")));
	ck_assert(json_is_null(json_object_get(c, "model")));
	json_decref(c);
}
END_TEST

START_TEST(add_with_every_option)
{
	struct run r;
	json_t *c;

	add_partner("Acme", "channel");
	RUN_OK(&r, "contract", "add", "Acme", "--title", "Tiered", "--start", "2026-01-01", "--end",
	       "2026-12-31", "--status", "negotiating", "--auto-renew", "--renewal-months", "24",
	       "--notice-days", "90", "--value", "125000", "--currency", "EUR", "--model",
	       "tiered_revenue_share", "--model-pct", "30/20/15", "--format", "json");
	ck_assert_ptr_nonnull(strstr(r.out, "\"id\": 1"));
	run_finish(&r);
	c = contract_json("1");
	ck_assert_str_eq(json_str(c, "status"), "negotiating");
	ck_assert(json_is_true(json_object_get(c, "auto_renew")));
	ck_assert_int_eq(json_integer_value(json_object_get(c, "renewal_months")), 24);
	ck_assert_int_eq(json_integer_value(json_object_get(c, "notice_days")), 90);
	ck_assert_str_eq(json_str(c, "annual_value"), "125000.00");
	ck_assert_str_eq(json_str(c, "currency"), "EUR");
	ck_assert_str_eq(json_str(c, "model"), "tiered_revenue_share");
	ck_assert_str_eq(json_str(c, "model_pct"), "30/20/15");
	/* Only active contracts have a band. */
	ck_assert(json_is_null(json_object_get(c, "band")));
	json_decref(c);
}
END_TEST

START_TEST(add_refuses_bad_input)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "--start: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-02-30", "--end", "2026-12-31");
	RUN_FAILS(1, "--end: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2027-02-29");
	RUN_FAILS(1, "--end: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-06-01", "--end", "2026-05-31");
	RUN_FAILS(1, "--value: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--value", "12,5");
	RUN_FAILS(1, "--value: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--value", "-5");
	RUN_FAILS(1, "--status: ", "contract", "add", "Acme", "--title", "T", "--start", "2026-01-01",
		  "--end", "2026-12-31", "--status", "signed");
	RUN_FAILS(1, "--currency: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--currency", "euro");
	RUN_FAILS(1, "--renewal-months: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--renewal-months", "0");
	RUN_FAILS(1, "--model: ", "contract", "add", "Acme", "--title", "T", "--start", "2026-01-01",
		  "--end", "2026-12-31", "--model", "barter");
	RUN_FAILS(1, "Nobody", "contract", "add", "Nobody", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31");
	RUN_FAILS(2, "--title is required", "contract", "add", "Acme", "--start", "2026-01-01",
		  "--end", "2026-12-31");
	RUN_FAILS(2, "--end is required", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01");
	RUN_FAILS(2, "missing PARTNER", "contract", "add", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31");
}
END_TEST

START_TEST(list_filters_by_partner_and_status)
{
	struct run r;
	json_t *arr, *c;

	add_partner("Acme", "channel");
	add_partner("Globex", "technology");
	add_contract("Acme", "A1", "2026-01-01", "2026-12-31", "--value", "1000", NULL);
	add_contract("Acme", "A2", "2026-01-01", "2027-12-31", "--status", "draft", NULL);
	add_contract("Globex", "G1", "2026-01-01", "2027-06-30", NULL);
	RUN_OK(&r, "contract", "list", "--format", "json");
	arr = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(arr), 3);
	c = json_array_get(arr, 0);
	ck_assert_str_eq(json_str(c, "partner"), "Acme");
	ck_assert(json_is_boolean(json_object_get(c, "auto_renew")));
	ck_assert_str_eq(json_str(c, "start_date"), "2026-01-01");
	json_decref(arr);
	run_finish(&r);
	RUN_OK(&r, "contract", "list", "--partner", "globex", "--format", "json");
	arr = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(json_str(json_array_get(arr, 0), "title"), "G1");
	json_decref(arr);
	run_finish(&r);
	RUN_OK(&r, "contract", "list", "--status", "draft", "--format", "json");
	arr = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(arr), 1);
	ck_assert_str_eq(json_str(json_array_get(arr, 0), "title"), "A2");
	json_decref(arr);
	run_finish(&r);
	RUN_OK(&r, "contract", "list");
	ck_assert_ptr_nonnull(strstr(r.out, "1000.00 USD"));
	ck_assert_int_eq(count_lines(r.out), 4);
	run_finish(&r);
	RUN_FAILS(1, "--status", "contract", "list", "--status", "signed");
	RUN_FAILS(1, "Nobody", "contract", "list", "--partner", "Nobody");
}
END_TEST

START_TEST(show_and_its_errors)
{
	struct run r;
	json_t *c;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", "--auto-renew", "--notice-days",
		     "30", NULL);
	c = contract_json("1");
	ck_assert_int_eq(json_integer_value(json_object_get(c, "days_left")), 39);
	ck_assert_str_eq(json_str(c, "band"), "urgent");
	ck_assert_str_eq(json_str(c, "notice_deadline"), "2026-12-01");
	ck_assert(json_is_array(json_object_get(c, "terms")));
	json_decref(c);
	RUN_OK(&r, "contract", "show", "1");
	ck_assert_ptr_nonnull(strstr(r.out, "title:"));
	ck_assert_ptr_nonnull(strstr(r.out, "Reseller"));
	run_finish(&r);
	/* CSV: one row with the renewal state, without the terms. */
	RUN_OK(&r, "contract", "show", "1", "--format", "csv");
	ck_assert_int_eq(count_lines(r.out), 2);
	ck_assert_msg(strstr(r.out, ",days_left,band,notice_deadline,days_to_notice\r\n") != NULL,
		      "%s", r.out);
	ck_assert_msg(strstr(r.out, ",39,urgent,2026-12-01,9\r\n") != NULL, "%s", r.out);
	ck_assert_ptr_null(strstr(r.out, "terms"));
	run_finish(&r);
	RUN_FAILS(1, "contract", "contract", "show", "99");
	RUN_FAILS(1, "contract", "contract", "show", "abc");
	RUN_FAILS(2, "missing ID", "contract", "show");
}
END_TEST

/* Is obj[key] null (present, not missing)? */
static bool null_at(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return v != NULL && json_is_null(v);
}

/* contract show and the contracts of partner show carry the core's renewal
 * state: days_left, band, notice_deadline, days_to_notice; null where the
 * contract takes no part in renewals or does not auto-renew. */
START_TEST(renewal_state_in_show)
{
	struct run r;
	json_t *c, *p, *arr;

	add_partner("Acme", "channel");
	add_contract("Acme", "Auto", "2026-01-01", "2026-12-31", "--auto-renew", "--notice-days",
		     "30", NULL);
	add_contract("Acme", "Plain", "2026-01-01", "2027-03-31", NULL);
	add_contract("Acme", "Gone", "2026-01-01", "2026-12-31", "--auto-renew", "--status",
		     "terminated", NULL);
	c = contract_json("1");
	ck_assert_int_eq(json_integer_value(json_object_get(c, "days_left")), 39);
	ck_assert_str_eq(json_str(c, "band"), "urgent");
	ck_assert_str_eq(json_str(c, "notice_deadline"), "2026-12-01");
	ck_assert_int_eq(json_integer_value(json_object_get(c, "days_to_notice")), 9);
	json_decref(c);
	c = contract_json("2");
	ck_assert_int_eq(json_integer_value(json_object_get(c, "days_left")), 129);
	ck_assert_str_eq(json_str(c, "band"), "clear");
	ck_assert(null_at(c, "notice_deadline") && null_at(c, "days_to_notice"));
	json_decref(c);
	c = contract_json("3");
	ck_assert(null_at(c, "days_left") && null_at(c, "band"));
	ck_assert(null_at(c, "notice_deadline") && null_at(c, "days_to_notice"));
	json_decref(c);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	p = parse_json(r.out);
	arr = json_object_get(p, "contracts");
	ck_assert_uint_eq(json_array_size(arr), 3);
	for (size_t i = 0; i < 3; i++) {
		json_t *e = json_array_get(arr, i);

		ck_assert_ptr_nonnull(json_object_get(e, "days_to_notice"));
		if (strcmp(json_str(e, "title"), "Auto") == 0)
			ck_assert_int_eq(json_integer_value(json_object_get(e, "days_to_notice")), 9);
		else
			ck_assert(null_at(e, "days_to_notice"));
	}
	json_decref(p);
	run_finish(&r);
	/* A terminated contract has no notice deadline to meet. */
	RUN_OK(&r, "partner", "show", "Acme");
	ck_assert_msg(strstr(r.out, "notice by 2026-12-01") != NULL, "%s", r.out);
	ck_assert_msg(strstr(strstr(r.out, "Gone"), "notice by") == NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

START_TEST(set_changes_fields_all_or_nothing)
{
	struct run r;
	json_t *c;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", NULL);
	RUN_OK(&r, "contract", "set", "1", "annual_value=99.5", "notes=called them",
	       "auto_renew=yes");
	run_finish(&r);
	c = contract_json("1");
	ck_assert_str_eq(json_str(c, "annual_value"), "99.50");
	ck_assert_str_eq(json_str(c, "notes"), "called them");
	ck_assert(json_is_true(json_object_get(c, "auto_renew")));
	json_decref(c);
	RUN_FAILS(1, "end_date", "contract", "set", "1", "title=New", "end_date=2026-02-30");
	RUN_FAILS(1, "annual_value", "contract", "set", "1", "annual_value=lots");
	RUN_FAILS(1, "colour", "contract", "set", "1", "colour=red");
	RUN_FAILS(1, "contract", "contract", "set", "99", "title=X");
	RUN_FAILS(2, "FIELD=VALUE", "contract", "set", "1", "title");
	RUN_FAILS(2, "ally: notes given twice; see 'ally contract set --help'", "contract", "set",
		  "1", "notes=a", "end_date=2026-02-30", "notes=b");
}
END_TEST

START_TEST(renew_starts_the_next_term)
{
	struct run r;
	json_t *c, *v;

	add_partner("Acme", "channel");
	add_contract("Acme", "Year", "2026-01-01", "2026-12-31", "--auto-renew", "--notice-days",
		     "30", NULL);
	add_contract("Acme", "Month", "2026-12-01", "2027-01-31", "--renewal-months", "1", NULL);
	RUN_OK(&r, "contract", "renew", "1");
	ck_assert_str_eq(r.out, "2027-01-01 2027-12-31\n");
	run_finish(&r);
	/* Month ends clamp: 2027-01-31 + 1 month ends 2027-02-28. */
	RUN_OK(&r, "contract", "renew", "2", "--format", "json");
	v = parse_json(r.out);
	ck_assert_str_eq(json_str(v, "start_date"), "2027-02-01");
	ck_assert_str_eq(json_str(v, "end_date"), "2027-02-28");
	json_decref(v);
	run_finish(&r);
	/* Every deadline is computed from the new end. */
	c = contract_json("1");
	ck_assert_str_eq(json_str(c, "end_date"), "2027-12-31");
	ck_assert_str_eq(json_str(c, "notice_deadline"), "2027-12-01");
	ck_assert_uint_ge(json_array_size(json_object_get(c, "terms")), 1);
	json_decref(c);
	RUN_OK(&r, "contract", "renew", "1", "--until", "2029-06-30");
	ck_assert_str_eq(r.out, "2028-01-01 2029-06-30\n");
	run_finish(&r);
}
END_TEST

START_TEST(renew_refuses)
{
	add_partner("Acme", "channel");
	add_contract("Acme", "Year", "2026-01-01", "2026-12-31", NULL);
	add_contract("Acme", "Draft", "2026-01-01", "2026-12-31", "--status", "draft", NULL);
	RUN_FAILS(1, "--until: ", "contract", "renew", "1", "--until", "2026-02-30");
	RUN_FAILS(1, "", "contract", "renew", "1", "--until", "2026-06-30");
	RUN_FAILS(1, "", "contract", "renew", "2");
	RUN_FAILS(1, "contract", "contract", "renew", "99");
	RUN_FAILS(2, "missing ID", "contract", "renew");
}
END_TEST

static Suite *contract_suite(void)
{
	Suite *s = suite_create("cli-contract");
	TCase *tc = cli_tcase("add");

	tcase_add_test(tc, add_prints_id_with_defaults);
	tcase_add_test(tc, add_with_every_option);
	tcase_add_test(tc, add_refuses_bad_input);
	suite_add_tcase(s, tc);
	tc = cli_tcase("list-show-set");
	tcase_add_test(tc, list_filters_by_partner_and_status);
	tcase_add_test(tc, show_and_its_errors);
	tcase_add_test(tc, renewal_state_in_show);
	tcase_add_test(tc, set_changes_fields_all_or_nothing);
	suite_add_tcase(s, tc);
	tc = cli_tcase("renew");
	tcase_add_test(tc, renew_starts_the_next_term);
	tcase_add_test(tc, renew_refuses);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(contract_suite());
}
