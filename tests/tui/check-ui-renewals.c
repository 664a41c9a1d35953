/* check-ui-renewals.c: the Renewals view's state: which section each
 * contract is in, the horizon, a cursor that never rests on a header, and
 * a selection that survives reloads (and a renewal). */
#include <stdlib.h>

#include "ally/ui-renewals.h"
#include "ally/util.h"
#include "core-test.h"

#define TODAY "2026-06-01"

/* Rows as store_renewals gives them: owned texts, computed as of TODAY,
 * in the list's order. */
struct rows {
	struct renewal_list l;
	size_t cap;
};

static void add(struct rows *rs, int64_t id, const char *partner, int days_left, bool auto_renew,
		int notice_days)
{
	struct renewal *r;

	if (rs->l.n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 8;
		rs->l.rows = xrealloc(rs->l.rows, rs->cap * sizeof *rs->l.rows);
	}
	r = &rs->l.rows[rs->l.n++];
	memset(r, 0, sizeof *r);
	r->contract_id = id;
	r->partner_id = id * 10;
	r->partner = xstrdup(partner);
	r->title = xasprintf("Contract %d", (int)id);
	r->end_date = D(TODAY) + days_left;
	r->auto_renew = auto_renew;
	r->notice_days = notice_days;
	r->annual_value = -1;
	renewal_compute(r, D(TODAY));
}

static struct renewal_list done(struct rows *rs)
{
	qsort(rs->l.rows, rs->l.n, sizeof *rs->l.rows, renewal_cmp);
	return rs->l;
}

/* A portfolio with every section: ids tell the section
 * (1x lapsed, 2x urgent, 3x window, 4x notice soon, 5x later). */
static struct renewal_list portfolio(void)
{
	struct rows rs = { { NULL, 0 }, 0 };

	add(&rs, 11, "Aurora", -5, false, 60);
	add(&rs, 21, "Borealis", 10, false, 60);
	add(&rs, 22, "Cobalt", 59, true, 90); /* notice passed: still urgent */
	add(&rs, 31, "Delta", 60, false, 60);
	add(&rs, 32, "Ember", 90, false, 60);
	add(&rs, 41, "Fjord", 100, true, 90);  /* notice in 10 days */
	add(&rs, 51, "Garnet", 150, true, 90); /* notice in 60 days */
	add(&rs, 52, "Harbor", 200, false, 60); /* ends in 200 days, no notice */
	return done(&rs);
}

static struct renewals_state loaded(size_t height)
{
	struct renewals_state s;
	struct renewal_list l = portfolio();

	renewals_init(&s);
	renewals_set_height(&s, height);
	renewals_reload(&s, &l);
	ck_assert_ptr_null(l.rows);
	return s;
}

static int64_t selected_id(const struct renewals_state *s)
{
	const struct renewal *r = renewals_selected(s);

	return r != NULL ? r->contract_id : 0;
}

START_TEST(sections_follow_the_bands_and_the_notice_deadline)
{
	struct renewals_state s = loaded(40);
	static const int want_sec[] = { RSEC_LAPSED, -1,	  RSEC_URGENT, -1, -1, RSEC_WINDOW,
					-1,	     -1,	  RSEC_NOTICE, -1, RSEC_LATER, -1 };
	static const int64_t want_id[] = { 0, 11, 0, 21, 22, 0, 31, 32, 0, 41, 0, 51 };

	/* Horizon 90: Harbor (200 days, no notice) is not listed; Garnet is,
	 * by its notice deadline 60 days ahead. */
	ck_assert_int_eq(s.horizon, 90);
	ck_assert_uint_eq(s.ncontracts, 7);
	ck_assert_uint_eq(s.nlines, 12);
	for (size_t i = 0; i < s.nlines; i++) {
		if (want_id[i] == 0) {
			ck_assert_ptr_null(s.lines[i].r);
			ck_assert_int_eq(s.lines[i].section, want_sec[i]);
		} else {
			ck_assert_ptr_nonnull(s.lines[i].r);
			ck_assert_int_eq(s.lines[i].r->contract_id, want_id[i]);
		}
	}
	ck_assert_uint_eq(s.lines[2].count, 2);   /* Urgent */
	ck_assert_uint_eq(s.counts[RSEC_WINDOW], 2);
	ck_assert_uint_eq(s.counts[RSEC_LATER], 1);
	renewals_finish(&s);
}
END_TEST

START_TEST(an_empty_section_has_no_header)
{
	struct rows rs = { { NULL, 0 }, 0 };
	struct renewals_state s;
	struct renewal_list l;

	add(&rs, 1, "Only", 30, false, 60);
	l = done(&rs);
	renewals_init(&s);
	renewals_reload(&s, &l);
	ck_assert_uint_eq(s.nlines, 2);
	ck_assert_int_eq(s.lines[0].section, RSEC_URGENT);
	ck_assert_int_eq(selected_id(&s), 1);
	renewals_finish(&s);

	renewals_init(&s);
	l = (struct renewal_list){ NULL, 0 };
	renewals_reload(&s, &l);
	ck_assert_uint_eq(s.nlines, 0);
	ck_assert_ptr_null(renewals_selected(&s));
	ck_assert(renewals_key(&s, 'j'));
	ck_assert_ptr_null(renewals_selected(&s));
	renewals_finish(&s);
}
END_TEST

START_TEST(the_cursor_starts_on_a_contract_and_skips_headers)
{
	struct renewals_state s = loaded(40);

	ck_assert_int_eq(selected_id(&s), 11);
	ck_assert(renewals_key(&s, 'j'));
	ck_assert_int_eq(selected_id(&s), 21); /* over the Urgent header */
	renewals_key(&s, 'k');
	ck_assert_int_eq(selected_id(&s), 11);
	renewals_key(&s, 'k'); /* nothing above but the header: stays */
	ck_assert_int_eq(selected_id(&s), 11);
	renewals_key(&s, 'G');
	ck_assert_int_eq(selected_id(&s), 51);
	renewals_key(&s, 'k');
	ck_assert_int_eq(selected_id(&s), 41);
	renewals_key(&s, UK_HOME);
	ck_assert_int_eq(selected_id(&s), 11);
	ck_assert(!renewals_key(&s, 'R'));
	renewals_finish(&s);
}
END_TEST

START_TEST(pages_land_on_contracts_and_show_their_header)
{
	struct renewals_state s = loaded(4);

	renewals_key(&s, UK_PGDN);
	ck_assert_ptr_nonnull(renewals_selected(&s));
	ck_assert(s.nav.top <= s.nav.cur && s.nav.cur < s.nav.top + 4);
	renewals_key(&s, 'G');
	renewals_key(&s, 'k'); /* over the Later header to Fjord */
	ck_assert_int_eq(selected_id(&s), 41);
	renewals_key(&s, 'k');
	renewals_key(&s, 'k');
	/* Up to Delta, the first of Window, at the top of the screen: the
	 * Window header shows above it. */
	ck_assert_int_eq(selected_id(&s), 31);
	ck_assert_ptr_null(s.lines[s.nav.top].r);
	ck_assert_int_eq(s.lines[s.nav.top].section, RSEC_WINDOW);
	ck_assert_uint_eq(s.nav.top + 1, s.nav.cur);
	renewals_finish(&s);
}
END_TEST

START_TEST(the_horizon_steps_by_30_within_bounds)
{
	struct renewals_state s = loaded(40);

	ck_assert(renewals_step_horizon(&s, -RENEWALS_HORIZON_STEP));
	ck_assert_int_eq(s.horizon, 60);
	/* 60 days: Delta (60) stays, Ember (90) goes; Garnet stays by its
	 * notice deadline 60 days ahead. */
	ck_assert_uint_eq(s.counts[RSEC_WINDOW], 1);
	ck_assert_uint_eq(s.counts[RSEC_LATER], 1);
	ck_assert(renewals_step_horizon(&s, -30));
	ck_assert(!renewals_step_horizon(&s, -30));
	ck_assert_int_eq(s.horizon, RENEWALS_HORIZON_MIN);
	/* 30 days: lapsed always, Borealis (10), Fjord's notice (10). */
	ck_assert_uint_eq(s.ncontracts, 3);
	ck_assert(renewals_set_horizon(&s, 210));
	ck_assert_uint_eq(s.ncontracts, 8);
	ck_assert_uint_eq(s.counts[RSEC_LATER], 2);
	renewals_set_horizon(&s, 9999);
	ck_assert_int_eq(s.horizon, RENEWALS_HORIZON_MAX);
	ck_assert(!renewals_step_horizon(&s, 30));
	renewals_finish(&s);
}
END_TEST

START_TEST(the_horizon_lists_what_store_renewals_lists)
{
	struct renewals_state s = loaded(40);

	for (int h = RENEWALS_HORIZON_MIN; h <= RENEWALS_HORIZON_MAX; h += 30) {
		size_t want = 0;

		renewals_set_horizon(&s, h);
		for (size_t i = 0; i < s.all.n; i++)
			want += renewal_listed(&s.all.rows[i], h);
		ck_assert_uint_eq(s.ncontracts, want);
	}
	renewals_finish(&s);
}
END_TEST

START_TEST(a_horizon_change_keeps_the_selected_contract)
{
	struct renewals_state s = loaded(40);

	while (selected_id(&s) != 41)
		renewals_key(&s, 'j');
	renewals_step_horizon(&s, -30);
	ck_assert_int_eq(selected_id(&s), 41);
	renewals_finish(&s);
}
END_TEST

START_TEST(a_reload_follows_the_contract_by_id)
{
	struct renewals_state s = loaded(40);
	struct rows rs = { { NULL, 0 }, 0 };
	struct renewal_list l;

	renewals_key(&s, 'j');
	renewals_key(&s, 'j');
	ck_assert_int_eq(selected_id(&s), 22);
	/* Another session added a contract ahead of it and moved Cobalt's end
	 * into the window. */
	add(&rs, 11, "Aurora", -5, false, 60);
	add(&rs, 12, "Azure", -1, false, 60);
	add(&rs, 21, "Borealis", 10, false, 60);
	add(&rs, 22, "Cobalt", 75, false, 30);
	l = done(&rs);
	renewals_reload(&s, &l);
	ck_assert_int_eq(selected_id(&s), 22);
	ck_assert_int_eq(s.lines[s.nav.cur].section, RSEC_WINDOW);
	renewals_finish(&s);
}
END_TEST

START_TEST(a_contract_gone_leaves_the_cursor_at_its_position)
{
	struct renewals_state s = loaded(40);
	struct rows rs = { { NULL, 0 }, 0 };
	struct renewal_list l;

	renewals_key(&s, 'j'); /* Borealis, second contract */
	add(&rs, 11, "Aurora", -5, false, 60);
	add(&rs, 22, "Cobalt", 59, true, 30);
	add(&rs, 31, "Delta", 60, false, 60);
	l = done(&rs);
	renewals_reload(&s, &l);
	ck_assert_int_eq(selected_id(&s), 22);
	/* The last one goes: the one before it is selected. */
	renewals_key(&s, 'G');
	rs = (struct rows){ { NULL, 0 }, 0 };
	add(&rs, 11, "Aurora", -5, false, 60);
	add(&rs, 22, "Cobalt", 59, true, 30);
	l = done(&rs);
	renewals_reload(&s, &l);
	ck_assert_int_eq(selected_id(&s), 22);
	renewals_finish(&s);
}
END_TEST

START_TEST(after_a_renewal_the_next_contract_takes_its_place)
{
	struct renewals_state s = loaded(40);
	struct rows rs = { { NULL, 0 }, 0 };
	struct renewal_list l;

	renewals_set_horizon(&s, 360);
	renewals_key(&s, 'j'); /* Borealis, position 1 */
	ck_assert_int_eq(selected_id(&s), 21);
	renewals_keep_position(&s);
	/* Renewed for a year: Borealis is still listed at 360 days, far
	 * down; the cursor stays where it was, on Cobalt now. */
	add(&rs, 11, "Aurora", -5, false, 60);
	add(&rs, 21, "Borealis", 375, true, 60);
	add(&rs, 22, "Cobalt", 59, true, 30);
	l = done(&rs);
	renewals_reload(&s, &l);
	ck_assert_int_eq(selected_id(&s), 22);
	/* Only once: the next reload follows Cobalt again. */
	rs = (struct rows){ { NULL, 0 }, 0 };
	add(&rs, 22, "Cobalt", 59, true, 30);
	add(&rs, 21, "Borealis", 375, true, 60);
	l = done(&rs);
	renewals_reload(&s, &l);
	ck_assert_int_eq(selected_id(&s), 22);
	renewals_finish(&s);
}
END_TEST

START_TEST(short_money_fits_a_column)
{
	char out[MONEY_BUFSZ];

	ck_assert_str_eq(ui_money_short(950000, "EUR", out), "9500 EUR");
	ck_assert_str_eq(ui_money_short(950050, "EUR", out), "9500.50 EUR");
	ck_assert_str_eq(ui_money_short(12500000, "USD", out), "125K USD");
	ck_assert_str_eq(ui_money_short(12550000, "USD", out), "125.5K USD");
	ck_assert_str_eq(ui_money_short(99995000, "USD", out), "1M USD");
	ck_assert_str_eq(ui_money_short(125000000, "JPY", out), "1.3M JPY");
	ck_assert_str_eq(ui_money_short(0, "EUR", out), "0 EUR");
	ck_assert_str_eq(ui_money_short(-1, "EUR", out), "");
	ck_assert_uint_le(strlen(ui_money_short(MONEY_MAX, "EUR", out)), 11);
}
END_TEST

/* A notice deadline behind today reads as passed, with or without
 * colour; one ahead (or today) as its date. */
START_TEST(a_passed_notice_deadline_says_so)
{
	struct rows rs = { { NULL, 0 }, 0 };
	char out[RENEWALS_NOTICE_BUFSZ];
	const struct renewal *r;

	add(&rs, 1, "Société", 35, true, 60);  /* notice 25 days ago */
	add(&rs, 2, "Fjord", 100, true, 90);   /* notice in 10 days */
	add(&rs, 3, "Today", 60, true, 60);    /* notice today */
	add(&rs, 4, "Old", -1241, true, 30);   /* lapsed years ago */
	add(&rs, 5, "Manual", 20, false, 60);  /* no auto-renew */
	r = &rs.l.rows[0];
	ck_assert(renewals_notice_passed(r));
	ck_assert_str_eq(renewals_notice_text(r, true, out), "2026-05-07 passed");
	ck_assert_str_eq(renewals_notice_text(r, false, out), "05-07 past");
	ck_assert_uint_le(strlen(out), 10);
	r = &rs.l.rows[1];
	ck_assert(!renewals_notice_passed(r));
	ck_assert_str_eq(renewals_notice_text(r, false, out), "2026-06-11");
	ck_assert_str_eq(renewals_notice_text(r, true, out), "2026-06-11");
	r = &rs.l.rows[2];
	ck_assert(!renewals_notice_passed(r));
	ck_assert_str_eq(renewals_notice_text(r, false, out), "2026-06-01");
	r = &rs.l.rows[3];
	ck_assert(renewals_notice_passed(r));
	ck_assert_str_eq(renewals_notice_text(r, false, out), "passed");
	ck_assert_uint_le(strlen(renewals_notice_text(r, true, out)), RENEWALS_NOTICE_WIDE);
	r = &rs.l.rows[4];
	ck_assert(!renewals_notice_passed(r));
	ck_assert_str_eq(renewals_notice_text(r, false, out), "no auto");
	ck_assert_str_eq(renewals_notice_text(r, true, out), "");
	renewal_list_finish(&rs.l);
}
END_TEST

/* A contract lapsed years ago keeps its sign and size in the column. */
START_TEST(days_fit_their_column)
{
	char out[RENEWALS_DAYS_BUFSZ];

	ck_assert_str_eq(renewals_days_text(35, 5, out), "35");
	ck_assert_str_eq(renewals_days_text(0, 5, out), "0");
	ck_assert_str_eq(renewals_days_text(-1234, 5, out), "-1234");
	ck_assert_str_eq(renewals_days_text(-12345, 6, out), "-12345");
	ck_assert_str_eq(renewals_days_text(-12345, 5, out), "-33y");
	ck_assert_str_eq(renewals_days_text(-1234, 4, out), "-3y");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "renewals_reload", sections_follow_the_bands_and_the_notice_deadline },
		{ "renewals_reload", an_empty_section_has_no_header },
		{ "renewals_reload", a_reload_follows_the_contract_by_id },
		{ "renewals_reload", a_contract_gone_leaves_the_cursor_at_its_position },
		{ "renewals_keep_position", after_a_renewal_the_next_contract_takes_its_place },
		{ "renewals_key", the_cursor_starts_on_a_contract_and_skips_headers },
		{ "renewals_key", pages_land_on_contracts_and_show_their_header },
		{ "renewals_set_horizon", the_horizon_steps_by_30_within_bounds },
		{ "renewals_set_horizon", the_horizon_lists_what_store_renewals_lists },
		{ "renewals_set_horizon", a_horizon_change_keeps_the_selected_contract },
		{ "ui_money_short", short_money_fits_a_column },
		{ "renewals_days_text", days_fit_their_column },
		{ "renewals_notice_text", a_passed_notice_deadline_says_so },
	};

	return run_suite(suite_from("ui-renewals", cases, sizeof cases / sizeof cases[0]));
}
