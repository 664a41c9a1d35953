/* check-ui-dashboard.c: the Dashboard's state over a real (in-memory)
 * database: partners by phase, tier and type, the flagged ones and the
 * first of their names, renewals by 30/60/90 days, all as of the state's
 * day; value bars per currency; a reload keeps the scroll, and the
 * scroll position. */
#include <stdio.h>
#include <stdlib.h>

#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/review.h"
#include "ally/store.h"
#include "ally/ui-dashboard.h"
#include "ally/util.h"
#include "core-test.h"

#define TODAY "2026-06-01"

static struct store *db;

static void setup(void)
{
	struct store_opts o = { .user = "tester" };
	struct ally_err err = { 0 };

	db = store_open(":memory:", &o, &err);
	ck_assert_msg(db != NULL, "store_open: %s", err.msg);
	ck_assert_int_eq(store_migrate(db, &err), ALLY_OK);
}

static void teardown(void)
{
	store_close(db);
	db = NULL;
}

/* A partner scored all criteria at score (-1: never scored) on TODAY. */
static int64_t partner(const char *name, int phase, int type, int score)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.phase = phase;
	p.type = type;
	ck_assert_msg(store_partner_add(db, &p, &err) == ALLY_OK, "%s", err.msg);
	id = p.id;
	partner_finish(&p);
	if (score >= 0) {
		struct score_input in = { score, score, score, score, score };

		ck_assert_msg(store_score_add(db, id, &in, D(TODAY), NULL, &err) == ALLY_OK, "%s",
			      err.msg);
	}
	return id;
}

/* An active contract from start to TODAY + days_left. */
static void contract(int64_t partner_id, const char *start, int days_left, bool auto_renew,
		     int notice_days)
{
	struct ally_err err = { 0 };
	struct contract c;

	contract_init(&c);
	c.partner_id = partner_id;
	c.title = xstrdup("Agreement");
	c.start_date = D(start);
	c.end_date = D(TODAY) + days_left;
	c.auto_renew = auto_renew;
	c.notice_days = notice_days;
	ck_assert_msg(store_contract_add(db, &c, &err) == ALLY_OK, "%s", err.msg);
	contract_finish(&c);
}

static void review(int64_t partner_id, const char *date)
{
	struct ally_err err = { 0 };
	struct review r;

	review_init(&r);
	r.partner_id = partner_id;
	r.kind = REVIEW_QBR;
	r.date = D(date);
	ck_assert_msg(store_review_add(db, &r, &err) == ALLY_OK, "%s", err.msg);
	review_finish(&r);
}

/* Six partners and seven contracts for each test that uses them.
 * Aurora (launch since a year) and Ember (ramp-up) are behind schedule;
 * Aurora (tier 1, no review in a year) and Delta (tier 3, none in two)
 * are overdue for a review; Delta's contract has lapsed. */
static void portfolio(void)
{
	int64_t aurora = partner("Aurora", PHASE_LAUNCH, PTYPE_CHANNEL, 90);
	int64_t cobalt, delta, ember;

	partner("Borealis", PHASE_LAUNCH, PTYPE_CHANNEL, 75);
	cobalt = partner("Cobalt", PHASE_PROSPECT, PTYPE_REFERRAL, -1);
	delta = partner("Delta", PHASE_STEADY_STATE, PTYPE_TECHNOLOGY, 60);
	ember = partner("Ember", PHASE_RAMP_UP, PTYPE_JOINT_VENTURE, 90);
	partner("Fjord", PHASE_EXIT, PTYPE_TECHNOLOGY, 40);
	contract(aurora, "2025-06-01", 365, false, 60);
	contract(ember, "2025-06-01", 365, false, 60);
	review(ember, "2026-05-01");
	contract(delta, "2024-01-01", -3, false, 60);
	contract(cobalt, "2026-01-01", 0, false, 60);
	contract(cobalt, "2026-01-01", 30, false, 60);
	contract(cobalt, "2026-01-01", 31, false, 60);
	contract(cobalt, "2026-01-01", 60, false, 60);
	contract(cobalt, "2026-01-01", 90, false, 60);
	contract(cobalt, "2026-01-01", 120, true, 100); /* notice in 20 days */
}

static struct dashboard_state *loaded(ally_date today)
{
	struct ally_err err = { 0 };
	struct dashboard_state *s = dashboard_state_new(db, today);

	ck_assert_msg(dashboard_state_load(s, &err) == ALLY_OK, "%s", err.msg);
	return s;
}

#define FLAGGED(s, flag) ((s)->d.flagged[__builtin_ctz(flag)])

START_TEST(partners_by_phase_tier_and_type)
{
	struct dashboard_state *s;

	portfolio();
	s = loaded(D(TODAY));
	ck_assert_int_eq(s->d.partners, 6);
	ck_assert_int_eq(s->d.by_phase[PHASE_LAUNCH], 2);
	ck_assert_int_eq(s->d.by_phase[PHASE_PROSPECT], 1);
	ck_assert_int_eq(s->d.by_phase[PHASE_RENEWAL], 0);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_1), 2);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_2), 1);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_3), 1);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_UNQUALIFIED), 1);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_NONE), 1);
	ck_assert_int_eq(s->d.by_type[PTYPE_CHANNEL], 2);
	ck_assert_int_eq(s->d.by_type[PTYPE_TECHNOLOGY], 2);
	ck_assert_int_eq(s->d.by_type[PTYPE_JOINT_VENTURE], 1);
	ck_assert_int_eq(dash_max(s->d.by_phase, PHASE_COUNT), 2);
	dashboard_state_free(s);
}
END_TEST

START_TEST(flagged_partners_are_named_in_name_order)
{
	struct dashboard_state *s;

	portfolio();
	s = loaded(D(TODAY));
	ck_assert_int_eq(FLAGGED(s, FLAG_REVIEW_OVERDUE), 2);
	ck_assert_uint_eq(s->d.overdue.n, 2);
	ck_assert_str_eq(s->d.overdue.names[0], "Aurora");
	ck_assert_str_eq(s->d.overdue.names[1], "Delta");
	ck_assert_int_eq(FLAGGED(s, FLAG_BEHIND_SCHEDULE), 2);
	ck_assert_uint_eq(s->d.behind.n, 2);
	ck_assert_str_eq(s->d.behind.names[0], "Aurora");
	ck_assert_str_eq(s->d.behind.names[1], "Ember");
	ck_assert_int_eq(FLAGGED(s, FLAG_LAPSED), 1);
	ck_assert_int_eq(FLAGGED(s, FLAG_NOTICE_SOON), 1);
	dashboard_state_free(s);
}
END_TEST

/* More than DASH_NAMES_MAX: the first ones in name order, and the count
 * of all (the view says "and N more"). */
START_TEST(a_long_list_keeps_its_first_names_and_its_count)
{
	struct dashboard_state *s;
	char name[32];

	portfolio();
	for (int i = 9; i >= 1; i--) { /* added Z to A */
		snprintf(name, sizeof name, "Late %d", i);
		contract(partner(name, PHASE_LAUNCH, PTYPE_CHANNEL, 90), "2025-01-01", 400, false,
			 60);
	}
	s = loaded(D(TODAY));
	ck_assert_int_eq(FLAGGED(s, FLAG_BEHIND_SCHEDULE), 11);
	ck_assert_uint_eq(s->d.behind.n, DASH_NAMES_MAX);
	ck_assert_str_eq(s->d.behind.names[0], "Aurora");
	ck_assert_str_eq(s->d.behind.names[1], "Ember");
	ck_assert_str_eq(s->d.behind.names[2], "Late 1");
	ck_assert_str_eq(s->d.behind.names[DASH_NAMES_MAX - 1], "Late 4");
	ck_assert_int_eq(FLAGGED(s, FLAG_REVIEW_OVERDUE), 11);
	ck_assert_uint_eq(s->d.overdue.n, DASH_NAMES_MAX);
	dashboard_state_free(s);
}
END_TEST

START_TEST(renewals_ahead_count_days_inclusive)
{
	struct dashboard_state *s;

	portfolio();
	s = loaded(D(TODAY));
	ck_assert_int_eq(s->d.lapsed, 1);
	ck_assert_int_eq(s->d.ending[0], 2); /* today and day 30 */
	ck_assert_int_eq(s->d.ending[1], 4); /* and 31, 60 */
	ck_assert_int_eq(s->d.ending[2], 5); /* and 90; not 120 */
	ck_assert_int_eq(s->d.notice_soon, 1);
	dashboard_state_free(s);
}
END_TEST

/* A state counts as of its own day. */
START_TEST(the_numbers_are_as_of_the_state_s_day)
{
	struct dashboard_state *s;

	portfolio();
	s = loaded(D(TODAY) + 61);
	ck_assert_int_eq(s->d.lapsed, 5);    /* the -3, 0, 30, 31 and 60 */
	ck_assert_int_eq(s->d.ending[0], 1); /* 90 is 29 days ahead */
	ck_assert_int_eq(s->d.ending[2], 2); /* and 120 */
	ck_assert_int_eq(s->d.notice_soon, 0);
	dashboard_state_free(s);
}
END_TEST

START_TEST(an_empty_database_counts_nothing)
{
	struct dashboard_state *s = loaded(D(TODAY));

	ck_assert_int_eq(s->d.partners, 0);
	ck_assert_uint_eq(s->d.overdue.n, 0);
	ck_assert_int_eq(s->d.ending[2], 0);
	ck_assert_uint_eq(s->values.n, 0);
	ck_assert_int_eq(dash_max(s->d.by_tier, STORE_DASH_TIERS), 1); /* never divides by 0 */
	dashboard_state_free(s);
}
END_TEST

START_TEST(value_bars_compare_within_one_currency)
{
	struct tier_value rows[] = {
		{ TIER_1, "EUR", 500000, 2 },
		{ TIER_2, "EUR", 900000, 1 },
		{ TIER_2, "USD", 9000000000, 1 },
		{ TIER_3, "GBP", -1, 11 }, /* past 64 bits: not a length */
	};
	struct tier_value_list l = { rows, 4 };

	ck_assert_int_eq(dash_value_max(&l, "EUR"), 900000);
	ck_assert_int_eq(dash_value_max(&l, "USD"), 9000000000);
	ck_assert_int_eq(dash_value_max(&l, "GBP"), 1);
	ck_assert_int_eq(dash_value_max(&l, "JPY"), 1);
	ck_assert_int_eq(dash_tier_of(TIER_3), DTIER_3);
	ck_assert_int_eq(dash_tier_of(TIER_NONE), DTIER_NONE);
	ck_assert_str_eq(dash_tier_labels[dash_tier_of(TIER_UNQUALIFIED)], "Unqualified");
}
END_TEST

START_TEST(a_reload_reads_the_changes_and_keeps_the_scroll)
{
	struct ally_err err = { 0 };
	struct dashboard_state *s;
	struct contract c;

	portfolio();
	s = loaded(D(TODAY));
	ck_assert(dashboard_scroll_key(s, 'j', 40, 10));
	ck_assert(dashboard_scroll_key(s, 'j', 40, 10));
	partner("Garnet", PHASE_RENEWAL, PTYPE_REFERRAL, 88);
	contract_init(&c);
	c.partner_id = 1;
	c.title = xstrdup("Valued");
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	c.annual_value = 123456;
	ck_assert_msg(store_contract_add(db, &c, &err) == ALLY_OK, "%s", err.msg);
	contract_finish(&c);
	ck_assert_int_eq(s->d.partners, 6); /* nothing read until the load */
	ck_assert_int_eq(dashboard_state_load(s, &err), ALLY_OK);
	ck_assert_int_eq(s->d.partners, 7);
	ck_assert_int_eq(s->d.by_phase[PHASE_RENEWAL], 1);
	ck_assert_int_eq(dash_tier_count(&s->d, DTIER_1), 3);
	ck_assert_uint_eq(s->values.n, 1);
	ck_assert_int_eq(s->values.rows[0].tier, TIER_1);
	ck_assert_int_eq(s->values.rows[0].total, 123456);
	ck_assert_uint_eq(s->top, 2);
	dashboard_state_free(s);
}
END_TEST

START_TEST(scrolling_stays_within_the_content)
{
	struct dashboard_state *s = dashboard_state_new(NULL, D(TODAY));

	dashboard_scroll_key(s, 'k', 40, 10);
	ck_assert_uint_eq(s->top, 0);
	dashboard_scroll_key(s, 'G', 40, 10);
	ck_assert_uint_eq(s->top, 30);
	dashboard_scroll_key(s, 'j', 40, 10);
	ck_assert_uint_eq(s->top, 30);
	dashboard_scroll_key(s, UK_PGUP, 40, 10);
	ck_assert_uint_eq(s->top, 20);
	dashboard_scroll_key(s, UK_PGDN, 25, 10); /* the content shrank */
	ck_assert_uint_eq(s->top, 15);
	dashboard_scroll_key(s, 'j', 8, 10); /* all of it fits */
	ck_assert_uint_eq(s->top, 0);
	ck_assert(!dashboard_scroll_key(s, 'R', 40, 10));
	dashboard_state_free(s);
	dashboard_state_free(NULL);
}
END_TEST

/* Ctrl-D and Ctrl-U: half a page, as in the lists. */
START_TEST(half_a_page_down_and_up)
{
	struct dashboard_state *s = dashboard_state_new(NULL, D(TODAY));

	ck_assert(dashboard_scroll_key(s, UK_CTRL('d'), 40, 10));
	ck_assert_uint_eq(s->top, 5);
	dashboard_scroll_key(s, UK_CTRL('d'), 40, 10);
	ck_assert_uint_eq(s->top, 10);
	ck_assert(dashboard_scroll_key(s, UK_CTRL('u'), 40, 10));
	ck_assert_uint_eq(s->top, 5);
	dashboard_scroll_key(s, UK_CTRL('u'), 40, 9); /* 4 lines: past the top */
	dashboard_scroll_key(s, UK_CTRL('u'), 40, 9);
	ck_assert_uint_eq(s->top, 0);
	for (int i = 0; i < 10; i++)
		dashboard_scroll_key(s, UK_CTRL('d'), 40, 10);
	ck_assert_uint_eq(s->top, 30); /* no further than the last screen */
	dashboard_scroll_key(s, UK_CTRL('d'), 40, 1);
	ck_assert_uint_eq(s->top, 31); /* one line shown: a line at least */
	dashboard_state_free(s);
}
END_TEST

/* Every key that moves a list scrolls the dashboard, and no other. */
START_TEST(every_movement_key_of_the_lists_scrolls)
{
	for (int key = 0; key <= UK_RESIZE; key = key == 127 ? UK_NONE : key + 1) {
		struct dashboard_state *s = dashboard_state_new(NULL, D(TODAY));
		struct listnav l;

		listnav_init(&l);
		ck_assert_msg(dashboard_scroll_key(s, key, 40, 10) == listnav_key(&l, key), "key %d",
			      key);
		dashboard_state_free(s);
	}
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "dashboard_state_load", partners_by_phase_tier_and_type },
		{ "dashboard_state_load", flagged_partners_are_named_in_name_order },
		{ "dashboard_state_load", a_long_list_keeps_its_first_names_and_its_count },
		{ "dashboard_state_load", renewals_ahead_count_days_inclusive },
		{ "dashboard_state_load", the_numbers_are_as_of_the_state_s_day },
		{ "dashboard_state_load", an_empty_database_counts_nothing },
		{ "dashboard_state_load", a_reload_reads_the_changes_and_keeps_the_scroll },
		{ "dash_value_max", value_bars_compare_within_one_currency },
		{ "dashboard_scroll_key", scrolling_stays_within_the_content },
		{ "dashboard_scroll_key", half_a_page_down_and_up },
		{ "dashboard_scroll_key", every_movement_key_of_the_lists_scrolls },
	};

	return run_suite(suite_from_fixture("ui-dashboard", cases, sizeof cases / sizeof cases[0],
					    setup, teardown));
}
