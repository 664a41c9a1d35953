/* check-store-owners.c: the owners the interface's owner filter offers. */
#include <stdlib.h>
#include <string.h>
#include "ally/util.h"
#include "fixture.h"

static int64_t owned_partner(const char *name, const char *owner)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = PTYPE_CHANNEL;
	p.owner = xstrdup(owner);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	id = p.id;
	partner_finish(&p);
	return id;
}

/* One entry per owner as the filter folds them, in name order, so every
 * entry the menu offers lists at least one partner. */
START_TEST(test_owners_once_each_in_name_order)
{
	struct ally_err err = { 0 };
	struct owner_list l = { NULL, 0 };
	struct partner_filter f;
	struct partner_list pl = { NULL, 0 };

	owned_partner("a", "robin");
	owned_partner("b", "Émile");
	owned_partner("c", "dana");
	owned_partner("d", "Dana");
	owned_partner("e", "ROBIN");
	owned_partner("f", "zoë");
	ck_assert_ok(store_partner_owners(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(l.rows[0], "Dana"); /* min() of the two spellings */
	ck_assert_str_eq(l.rows[1], "Émile"); /* with the e's, not after z */
	ck_assert_str_eq(l.rows[2], "ROBIN");
	ck_assert_str_eq(l.rows[3], "zoë");
	partner_filter_init(&f);
	f.owner = l.rows[0];
	ck_assert_ok(store_partner_list(fx_store, &f, D("2026-06-01"), &pl, &err), err);
	ck_assert_uint_eq(pl.n, 2);
	partner_list_finish(&pl);
	owner_list_finish(&l);
	ck_assert_ptr_null(l.rows);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_no_partners_no_owners)
{
	struct ally_err err = { 0 };
	struct owner_list l = { NULL, 0 };

	ck_assert_ok(store_partner_owners(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	owner_list_finish(&l);
}
END_TEST

/* A renamed owner leaves the list with its last partner. */
START_TEST(test_owner_follows_updates)
{
	struct ally_err err = { 0 };
	struct owner_list l = { NULL, 0 };
	struct partner p;
	int64_t id = owned_partner("a", "robin");

	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	str_set(&p.owner, "sam");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	partner_finish(&p);
	ck_assert_ok(store_partner_owners(fx_store, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.rows[0], "sam");
	owner_list_finish(&l);
}
END_TEST

START_TEST(test_owners_use_the_owner_index)
{
	fx_assert_plan_has("SELECT min(owner COLLATE BINARY) FROM partners WHERE owner_key IS NOT NULL AND "
			   "owner_key <> '' GROUP BY owner_key",
			   "partners_owner");
}
END_TEST

static Suite *store_owners_suite(void)
{
	Suite *s = suite_create("store-owners");
	TCase *tc = tcase_create("owners");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_owners_once_each_in_name_order);
	tcase_add_test(tc, test_no_partners_no_owners);
	tcase_add_test(tc, test_owner_follows_updates);
	tcase_add_test(tc, test_owners_use_the_owner_index);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_owners_suite(), argc, argv);
}
