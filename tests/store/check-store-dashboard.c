/* check-store-dashboard.c: the annual value of active contracts by the
 * tier of their partner, one total per currency, and totals too large
 * for 64 bits reported as such instead of failing the query. */
#include <string.h>
#include "ally/util.h"
#include "fixture.h"

static int64_t scored(const char *name, int all)
{
	struct ally_err err = { 0 };
	int64_t id = fx_partner(name, PTYPE_CHANNEL);

	if (all >= 0) {
		struct score_input in = { all, all, all, all, all };

		ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-05-01"), NULL, &err), err);
	}
	return id;
}

static void valued(int64_t partner_id, int status, ally_money value, const char *currency)
{
	struct ally_err err = { 0 };
	struct contract c;

	contract_init(&c);
	c.partner_id = partner_id;
	c.title = xstrdup("Agreement");
	c.status = status;
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	c.annual_value = value;
	memcpy(c.currency, currency, 4);
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	contract_finish(&c);
}

static void assert_row(const struct tier_value_list *l, size_t i, int tier, const char *cur,
		       ally_money total, int64_t contracts)
{
	ck_assert_uint_lt(i, l->n);
	ck_assert_int_eq(l->rows[i].tier, tier);
	ck_assert_str_eq(l->rows[i].currency, cur);
	ck_assert_int_eq(l->rows[i].total, total);
	ck_assert_int_eq(l->rows[i].contracts, contracts);
}

START_TEST(test_value_by_tier_and_currency)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };
	int64_t t1 = scored("One", 85); /* W 8500: tier 1 at its lowest W */
	int64_t t2 = scored("Two", 75);
	int64_t t3 = scored("Three", 60);
	int64_t un = scored("Low", 40);
	int64_t none = scored("Unscored", -1);

	valued(t1, CSTATUS_ACTIVE, 1999999999, "EUR");
	valued(t1, CSTATUS_ACTIVE, 1, "EUR");
	valued(t1, CSTATUS_ACTIVE, 500000, "USD");
	valued(t1, CSTATUS_DRAFT, 700000, "USD");      /* not in force */
	valued(t1, CSTATUS_TERMINATED, 700000, "EUR"); /* not in force */
	valued(t2, CSTATUS_ACTIVE, 250000, "USD");
	valued(t2, CSTATUS_ACTIVE, -1, "USD");          /* no value */
	valued(t3, CSTATUS_ACTIVE, 100, "JPY");
	valued(un, CSTATUS_ACTIVE, 0, "GBP");
	valued(none, CSTATUS_ACTIVE, 300, "CHF");
	valued(none, CSTATUS_ACTIVE, 400, "AUD");

	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 7);
	assert_row(&l, 0, TIER_1, "EUR", 2000000000, 2);
	assert_row(&l, 1, TIER_1, "USD", 500000, 1);
	assert_row(&l, 2, TIER_2, "USD", 250000, 1);
	assert_row(&l, 3, TIER_3, "JPY", 100, 1);
	assert_row(&l, 4, TIER_UNQUALIFIED, "GBP", 0, 1);
	assert_row(&l, 5, TIER_NONE, "AUD", 400, 1);
	assert_row(&l, 6, TIER_NONE, "CHF", 300, 1);
	tier_value_list_finish(&l);
	ck_assert_ptr_null(l.rows);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_value_past_64_bits)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };
	int64_t id = scored("Huge", 90);

	/* 11 x 9e17 is past INT64_MAX (9.22e18); 10 x 9e17 is not. */
	for (int i = 0; i < 10; i++)
		valued(id, CSTATUS_ACTIVE, MONEY_MAX, "EUR");
	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	assert_row(&l, 0, TIER_1, "EUR", 10 * MONEY_MAX, 10);
	tier_value_list_finish(&l);
	valued(id, CSTATUS_ACTIVE, MONEY_MAX, "EUR");
	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	assert_row(&l, 0, TIER_1, "EUR", -1, 11);
	tier_value_list_finish(&l);
}
END_TEST

START_TEST(test_value_of_empty_database)
{
	struct ally_err err = { 0 };
	struct tier_value_list l = { NULL, 0 };

	ck_assert_ok(store_value_by_tier(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	tier_value_list_finish(&l);
}
END_TEST

static Suite *store_dashboard_suite(void)
{
	Suite *s = suite_create("store-dashboard");
	TCase *tc = tcase_create("store_value_by_tier");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_value_by_tier_and_currency);
	tcase_add_test(tc, test_value_past_64_bits);
	tcase_add_test(tc, test_value_of_empty_database);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_dashboard_suite(), argc, argv);
}
