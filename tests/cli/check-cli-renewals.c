/* check-cli-renewals.c: `ally renewals`: bands at their edges, notice
 * deadlines, the order by action date, --within, and the three formats.
 * Today is 2026-11-22 (the harness default). */
#include "cli-test.h"

static json_t *renewals_json(const char *within)
{
	struct run r;
	json_t *v;

	if (within != NULL)
		RUN_OK(&r, "renewals", "--within", within, "--format", "json");
	else
		RUN_OK(&r, "renewals", "--format", "json");
	v = parse_json(r.out);
	ck_assert(json_is_array(v));
	run_finish(&r);
	return v;
}

static json_t *row_titled(json_t *arr, const char *title)
{
	size_t i;

	for (i = 0; i < json_array_size(arr); i++) {
		json_t *row = json_array_get(arr, i);

		if (strcmp(json_string_value(json_object_get(row, "title")), title) == 0)
			return row;
	}
	return NULL;
}

static const char *band_of(json_t *arr, const char *title)
{
	json_t *row = row_titled(arr, title);

	ck_assert_msg(row != NULL, "%s is not listed", title);
	return json_string_value(json_object_get(row, "band"));
}

/* One contract per edge of the bands: days_left -1, 0, 59, 60, 90, 91. */
static void add_edges(void)
{
	add_partner("Acme", "channel");
	add_contract("Acme", "minus1", "2026-01-01", "2026-11-21", NULL);
	add_contract("Acme", "day0", "2026-01-01", "2026-11-22", NULL);
	add_contract("Acme", "day59", "2026-01-01", "2027-01-20", NULL);
	add_contract("Acme", "day60", "2026-01-01", "2027-01-21", NULL);
	add_contract("Acme", "day90", "2026-01-01", "2027-02-20", NULL);
	add_contract("Acme", "day91", "2026-01-01", "2027-02-21", NULL);
}

START_TEST(bands_at_their_edges)
{
	json_t *arr;

	add_edges();
	arr = renewals_json(NULL);
	ck_assert_str_eq(band_of(arr, "minus1"), "lapsed");
	ck_assert_str_eq(band_of(arr, "day0"), "urgent");
	ck_assert_str_eq(band_of(arr, "day59"), "urgent");
	ck_assert_str_eq(band_of(arr, "day60"), "window");
	ck_assert_str_eq(band_of(arr, "day90"), "window");
	ck_assert_ptr_null(row_titled(arr, "day91"));
	ck_assert_int_eq(json_integer_value(json_object_get(row_titled(arr, "minus1"),
							    "days_left")),
			 -1);
	json_decref(arr);
	arr = renewals_json("91");
	ck_assert_str_eq(band_of(arr, "day91"), "clear");
	json_decref(arr);
}
END_TEST

START_TEST(within_narrows_but_lapsed_stay)
{
	json_t *arr;

	add_edges();
	arr = renewals_json("0");
	ck_assert_uint_eq(json_array_size(arr), 2);
	ck_assert_ptr_nonnull(row_titled(arr, "minus1"));
	ck_assert_ptr_nonnull(row_titled(arr, "day0"));
	json_decref(arr);
}
END_TEST

START_TEST(row_shape_and_notice_deadline)
{
	json_t *arr, *row;

	add_partner("Acme", "channel");
	add_contract("Acme", "Auto", "2026-01-01", "2027-03-31", "--auto-renew", "--notice-days",
		     "90", "--value", "125000", NULL);
	arr = renewals_json(NULL);
	ck_assert_uint_eq(json_array_size(arr), 1); /* listed for its notice deadline */
	row = json_array_get(arr, 0);
	ck_assert(json_is_integer(json_object_get(row, "contract_id")));
	ck_assert_str_eq(json_string_value(json_object_get(row, "partner")), "Acme");
	ck_assert_str_eq(json_string_value(json_object_get(row, "end_date")), "2027-03-31");
	ck_assert_int_eq(json_integer_value(json_object_get(row, "days_left")), 129);
	ck_assert_str_eq(json_string_value(json_object_get(row, "band")), "clear");
	ck_assert(json_is_true(json_object_get(row, "auto_renew")));
	ck_assert_int_eq(json_integer_value(json_object_get(row, "notice_days")), 90);
	ck_assert_str_eq(json_string_value(json_object_get(row, "notice_deadline")), "2026-12-31");
	ck_assert_int_eq(json_integer_value(json_object_get(row, "days_to_notice")), 39);
	ck_assert_str_eq(json_string_value(json_object_get(row, "annual_value")), "125000.00");
	ck_assert_str_eq(json_string_value(json_object_get(row, "currency")), "USD");
	json_decref(arr);
}
END_TEST

START_TEST(no_deadline_is_null)
{
	json_t *arr, *row;

	add_partner("Acme", "channel");
	add_contract("Acme", "Plain", "2026-01-01", "2026-12-31", NULL);
	arr = renewals_json(NULL);
	row = json_array_get(arr, 0);
	ck_assert(json_is_false(json_object_get(row, "auto_renew")));
	ck_assert(json_is_null(json_object_get(row, "notice_deadline")));
	ck_assert(json_is_null(json_object_get(row, "days_to_notice")));
	ck_assert(json_is_null(json_object_get(row, "annual_value")));
	json_decref(arr);
}
END_TEST

START_TEST(sorted_by_action_date)
{
	json_t *arr;

	add_partner("Zeta", "channel");
	add_partner("Alpha", "channel");
	/* Ends last but must be acted on first: its notice deadline is
	 * 2026-11-30. */
	add_contract("Zeta", "Z", "2026-01-01", "2027-02-28", "--auto-renew", "--notice-days", "90",
		     NULL);
	add_contract("Alpha", "A", "2026-01-01", "2026-12-15", NULL);
	add_contract("Zeta", "Same", "2026-01-01", "2026-12-15", NULL);
	arr = renewals_json(NULL);
	ck_assert_uint_eq(json_array_size(arr), 3);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(arr, 0), "title")), "Z");
	/* Same action date: by partner name. */
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(arr, 1), "title")), "A");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(arr, 2), "title")),
			 "Same");
	json_decref(arr);
}
END_TEST

START_TEST(only_active_contracts)
{
	json_t *arr;

	add_partner("Acme", "channel");
	add_contract("Acme", "Gone", "2026-01-01", "2026-12-01", "--status", "terminated", NULL);
	add_contract("Acme", "Draft", "2026-01-01", "2026-12-01", "--status", "draft", NULL);
	arr = renewals_json(NULL);
	ck_assert_uint_eq(json_array_size(arr), 0);
	json_decref(arr);
}
END_TEST

START_TEST(table_and_csv)
{
	static const char hdr[] = "contract_id,partner,title,end_date,days_left,band,auto_renew,"
				  "notice_days,notice_deadline,days_to_notice,annual_value,currency";
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Reseller", "2026-01-01", "2026-12-31", "--value", "125000", NULL);
	RUN_OK(&r, "renewals");
	ck_assert_msg(strncmp(r.out, "ACTION", 6) == 0, "%s", r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "NOTICE BY"));
	ck_assert_ptr_nonnull(strstr(r.out, "2026-12-31  Acme     Reseller"));
	ck_assert_ptr_nonnull(strstr(r.out, "125000.00 USD"));
	ck_assert_int_eq(count_lines(r.out), 2);
	run_finish(&r);
	RUN_OK(&r, "renewals", "--format", "csv");
	ck_assert_msg(strncmp(r.out, hdr, strlen(hdr)) == 0, "%s", r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "\r\n1,Acme,Reseller,2026-12-31,39,urgent,false,60,,,"
					    "125000.00,USD"));
	run_finish(&r);
}
END_TEST

START_TEST(empty_renewals)
{
	struct run r;

	RUN_OK(&r, "renewals");
	ck_assert_str_eq(r.out, "ACTION  PARTNER  CONTRACT  END  DAYS  BAND  AUTO  NOTICE BY  VALUE\n");
	run_finish(&r);
	RUN_OK(&r, "renewals", "--format", "csv");
	ck_assert_int_eq(count_lines(r.out), 1);
	run_finish(&r);
	RUN_OK(&r, "contract", "list");
	ck_assert_msg(strncmp(r.out, "ID  PARTNER  TITLE", 18) == 0 && count_lines(r.out) == 1,
		      "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "renewals", "--format", "json");
	ck_assert_str_eq(r.out, "[]\n");
	run_finish(&r);
}
END_TEST

START_TEST(within_is_checked)
{
	RUN_FAILS(1, "--within", "renewals", "--within", "-1");
	RUN_FAILS(1, "--within", "renewals", "--within", "abc");
	RUN_FAILS(1, "--within", "renewals", "--within", "3651");
	RUN_FAILS(2, "unexpected argument", "renewals", "soon");
}
END_TEST

static Suite *renewals_suite(void)
{
	Suite *s = suite_create("cli-renewals");
	TCase *tc = cli_tcase("bands");

	tcase_add_test(tc, bands_at_their_edges);
	tcase_add_test(tc, within_narrows_but_lapsed_stay);
	tcase_add_test(tc, row_shape_and_notice_deadline);
	tcase_add_test(tc, no_deadline_is_null);
	tcase_add_test(tc, sorted_by_action_date);
	tcase_add_test(tc, only_active_contracts);
	suite_add_tcase(s, tc);
	tc = cli_tcase("formats");
	tcase_add_test(tc, table_and_csv);
	tcase_add_test(tc, empty_renewals);
	tcase_add_test(tc, within_is_checked);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(renewals_suite());
}
