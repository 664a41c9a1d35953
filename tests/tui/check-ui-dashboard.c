/* check-ui-dashboard.c: the Dashboard's figures: partners by phase, tier
 * and type, the flagged ones, renewals by 30/60/90 days, value bars per
 * currency, and the scroll position. */
#include <stdlib.h>

#include "ally/ui-dashboard.h"
#include "ally/util.h"
#include "core-test.h"

#define TODAY "2026-06-01"

static struct partner_list partners;
static struct renewal_list renewals;

static void partner(const char *name, int phase, int type, int tier, unsigned flags)
{
	struct partner_row *row;

	partners.rows = xrealloc(partners.rows, (partners.n + 1) * sizeof *partners.rows);
	row = &partners.rows[partners.n++];
	memset(row, 0, sizeof *row);
	partner_init(&row->p);
	row->p.name = xstrdup(name);
	row->p.phase = phase;
	row->p.type = type;
	row->facts.phase = phase;
	row->facts.tier = tier;
	row->flags = flags;
}

static void renewal(int64_t id, int days_left, bool auto_renew, int notice_days)
{
	struct renewal *r;

	renewals.rows = xrealloc(renewals.rows, (renewals.n + 1) * sizeof *renewals.rows);
	r = &renewals.rows[renewals.n++];
	memset(r, 0, sizeof *r);
	r->contract_id = id;
	r->partner = xstrdup("P");
	r->title = xstrdup("C");
	r->end_date = D(TODAY) + days_left;
	r->auto_renew = auto_renew;
	r->notice_days = notice_days;
	renewal_compute(r, D(TODAY));
}

/* The same partners and renewals for each test that uses them. */
static void setup(void)
{
	partners = (struct partner_list){ NULL, 0 };
	renewals = (struct renewal_list){ NULL, 0 };
	partner("Aurora", PHASE_LAUNCH, PTYPE_CHANNEL, TIER_1,
		FLAG_BEHIND_SCHEDULE | FLAG_REVIEW_OVERDUE);
	partner("Borealis", PHASE_LAUNCH, PTYPE_CHANNEL, TIER_2, 0);
	partner("Cobalt", PHASE_PROSPECT, PTYPE_REFERRAL, TIER_NONE, 0);
	partner("Delta", PHASE_STEADY_STATE, PTYPE_TECHNOLOGY, TIER_UNQUALIFIED,
		FLAG_REVIEW_OVERDUE | FLAG_LAPSED);
	partner("Ember", PHASE_RAMP_UP, PTYPE_JOINT_VENTURE, TIER_1, FLAG_BEHIND_SCHEDULE);
	renewal(1, -3, false, 60);
	renewal(2, 0, false, 60);
	renewal(3, 30, false, 60);
	renewal(4, 31, false, 60);
	renewal(5, 60, false, 60);
	renewal(6, 90, false, 60);
	renewal(7, 120, true, 100); /* notice in 20 days: listed, ends later */
}

static void teardown(void)
{
	partner_list_finish(&partners);
	renewal_list_finish(&renewals);
}

START_TEST(partners_by_phase_tier_and_type)
{
	struct dashboard d;

	setup();
	dashboard_build(&d, &partners, &renewals);
	ck_assert_uint_eq(d.partners, 5);
	ck_assert_uint_eq(d.by_phase[PHASE_LAUNCH], 2);
	ck_assert_uint_eq(d.by_phase[PHASE_PROSPECT], 1);
	ck_assert_uint_eq(d.by_phase[PHASE_RENEWAL], 0);
	ck_assert_uint_eq(d.by_tier[DTIER_1], 2);
	ck_assert_uint_eq(d.by_tier[DTIER_2], 1);
	ck_assert_uint_eq(d.by_tier[DTIER_3], 0);
	ck_assert_uint_eq(d.by_tier[DTIER_UNQUALIFIED], 1);
	ck_assert_uint_eq(d.by_tier[DTIER_NONE], 1);
	ck_assert_uint_eq(d.by_type[PTYPE_CHANNEL], 2);
	ck_assert_uint_eq(d.by_type[PTYPE_JOINT_VENTURE], 1);
	ck_assert_uint_eq(dash_max(d.by_phase, PHASE_COUNT), 2);
	dashboard_finish(&d);
	teardown();
}
END_TEST

START_TEST(flagged_partners_are_named_in_list_order)
{
	struct dashboard d;

	setup();
	dashboard_build(&d, &partners, &renewals);
	ck_assert_uint_eq(d.n_overdue, 2);
	ck_assert_str_eq(d.overdue[0]->p.name, "Aurora");
	ck_assert_str_eq(d.overdue[1]->p.name, "Delta");
	ck_assert_uint_eq(d.n_behind, 2);
	ck_assert_str_eq(d.behind[1]->p.name, "Ember");
	ck_assert_uint_eq(d.flagged[2], 1); /* FLAG_LAPSED is bit 2 */
	ck_assert_uint_eq(d.flagged[4], 2); /* FLAG_BEHIND_SCHEDULE */
	dashboard_finish(&d);
	teardown();
}
END_TEST

START_TEST(renewals_ahead_count_days_inclusive)
{
	struct dashboard d;

	setup();
	dashboard_build(&d, &partners, &renewals);
	ck_assert_uint_eq(d.lapsed, 1);
	ck_assert_uint_eq(d.ending[0], 2); /* today and day 30 */
	ck_assert_uint_eq(d.ending[1], 4); /* and 31, 60 */
	ck_assert_uint_eq(d.ending[2], 5); /* and 90; not 120 */
	ck_assert_uint_eq(d.notice_soon, 1);
	dashboard_finish(&d);
	teardown();
}
END_TEST

START_TEST(empty_lists_count_nothing)
{
	struct partner_list pl = { NULL, 0 };
	struct renewal_list rl = { NULL, 0 };
	struct dashboard d;

	dashboard_build(&d, &pl, &rl);
	ck_assert_uint_eq(d.partners, 0);
	ck_assert_uint_eq(d.n_overdue, 0);
	ck_assert_uint_eq(d.ending[2], 0);
	ck_assert_uint_eq(dash_max(d.by_tier, DTIER_COUNT), 1); /* never divides by 0 */
	dashboard_finish(&d);
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

START_TEST(a_reload_takes_the_lists_and_keeps_the_scroll)
{
	struct dashboard_state s;
	struct tier_value_list vl = { NULL, 0 };

	setup();
	dashboard_state_init(&s);
	ck_assert(dashboard_scroll_key(&s, 'j', 40, 10));
	ck_assert(dashboard_scroll_key(&s, 'j', 40, 10));
	dashboard_state_reload(&s, &partners, &renewals, &vl);
	ck_assert_ptr_null(partners.rows);
	ck_assert_uint_eq(renewals.n, 0);
	ck_assert_uint_eq(s.d.partners, 5);
	ck_assert_uint_eq(s.d.ending[2], 5);
	ck_assert_uint_eq(s.top, 2);
	dashboard_state_finish(&s);
	teardown();
}
END_TEST

START_TEST(scrolling_stays_within_the_content)
{
	struct dashboard_state s;

	dashboard_state_init(&s);
	dashboard_scroll_key(&s, 'k', 40, 10);
	ck_assert_uint_eq(s.top, 0);
	dashboard_scroll_key(&s, 'G', 40, 10);
	ck_assert_uint_eq(s.top, 30);
	dashboard_scroll_key(&s, 'j', 40, 10);
	ck_assert_uint_eq(s.top, 30);
	dashboard_scroll_key(&s, UK_PGUP, 40, 10);
	ck_assert_uint_eq(s.top, 20);
	dashboard_scroll_key(&s, UK_PGDN, 25, 10); /* the content shrank */
	ck_assert_uint_eq(s.top, 15);
	dashboard_scroll_key(&s, 'j', 8, 10); /* all of it fits */
	ck_assert_uint_eq(s.top, 0);
	ck_assert(!dashboard_scroll_key(&s, 'R', 40, 10));
	dashboard_state_finish(&s);
}
END_TEST

/* Ctrl-D and Ctrl-U: half a page, as in the lists. */
START_TEST(half_a_page_down_and_up)
{
	struct dashboard_state s;

	dashboard_state_init(&s);
	ck_assert(dashboard_scroll_key(&s, UK_CTRL('d'), 40, 10));
	ck_assert_uint_eq(s.top, 5);
	dashboard_scroll_key(&s, UK_CTRL('d'), 40, 10);
	ck_assert_uint_eq(s.top, 10);
	ck_assert(dashboard_scroll_key(&s, UK_CTRL('u'), 40, 10));
	ck_assert_uint_eq(s.top, 5);
	dashboard_scroll_key(&s, UK_CTRL('u'), 40, 9); /* 4 lines: past the top */
	dashboard_scroll_key(&s, UK_CTRL('u'), 40, 9);
	ck_assert_uint_eq(s.top, 0);
	for (int i = 0; i < 10; i++)
		dashboard_scroll_key(&s, UK_CTRL('d'), 40, 10);
	ck_assert_uint_eq(s.top, 30); /* no further than the last screen */
	dashboard_scroll_key(&s, UK_CTRL('d'), 40, 1);
	ck_assert_uint_eq(s.top, 31); /* one line shown: a line at least */
	dashboard_state_finish(&s);
}
END_TEST

/* Every key that moves a list scrolls the dashboard, and no other. */
START_TEST(every_movement_key_of_the_lists_scrolls)
{
	for (int key = 0; key <= UK_RESIZE; key = key == 127 ? UK_NONE : key + 1) {
		struct dashboard_state s;
		struct listnav l;

		dashboard_state_init(&s);
		listnav_init(&l);
		ck_assert_msg(dashboard_scroll_key(&s, key, 40, 10) == listnav_key(&l, key),
			      "key %d", key);
		dashboard_state_finish(&s);
	}
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "dashboard_build", partners_by_phase_tier_and_type },
		{ "dashboard_build", flagged_partners_are_named_in_list_order },
		{ "dashboard_build", renewals_ahead_count_days_inclusive },
		{ "dashboard_build", empty_lists_count_nothing },
		{ "dash_value_max", value_bars_compare_within_one_currency },
		{ "dashboard_state_reload", a_reload_takes_the_lists_and_keeps_the_scroll },
		{ "dashboard_scroll_key", scrolling_stays_within_the_content },
		{ "dashboard_scroll_key", half_a_page_down_and_up },
		{ "dashboard_scroll_key", every_movement_key_of_the_lists_scrolls },
	};

	return run_suite(suite_from("ui-dashboard", cases, sizeof cases / sizeof cases[0]));
}
