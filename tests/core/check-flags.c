/* check-flags.c: each warning a partner carries, on and just off. */
#include <string.h>

#include "ally/flags.h"
#include "ally/review.h"
#include "ally/phase.h"
#include "core-test.h"

#define TODAY "2026-06-15"

/* A healthy partner in steady state: no flag applies. */
static struct partner_facts healthy(void)
{
	struct partner_facts f;
	ally_date today = D(TODAY);

	memset(&f, 0, sizeof f);
	f.phase = PHASE_STEADY_STATE;
	f.tier = TIER_2;
	f.status_date = today - 5;
	f.first_active_start = D("2025-01-01");
	f.last_qbr = today - 10;
	f.last_steering = DATE_NONE;
	f.scored_on = D("2025-01-01");
	f.min_end = today + 200;
	f.min_end_ahead = today + 200;
	f.min_notice = DATE_NONE;
	f.has_sponsor = true;
	return f;
}

static unsigned flags_of(const struct partner_facts *f)
{
	return partner_flags(f, D(TODAY));
}

START_TEST(healthy_has_none)
{
	struct partner_facts f = healthy();

	ck_assert_uint_eq(flags_of(&f), 0);
}
END_TEST

START_TEST(renewal_due)
{
	struct partner_facts f = healthy();
	ally_date today = D(TODAY);

	f.min_end = f.min_end_ahead = today + 90;
	ck_assert_uint_eq(flags_of(&f), FLAG_RENEWAL_DUE);
	f.min_end = f.min_end_ahead = today + 0;
	ck_assert_uint_eq(flags_of(&f), FLAG_RENEWAL_DUE);
	f.min_end = f.min_end_ahead = today + 91;
	ck_assert_uint_eq(flags_of(&f), 0);
	f.min_end = f.min_end_ahead = today + 30;
	for (int p = 0; p < PHASE_COUNT; p++) {
		bool want = p != PHASE_RENEWAL && p != PHASE_EXPANSION && p != PHASE_EXIT;

		f.phase = p;
		ck_assert_msg(((flags_of(&f) & FLAG_RENEWAL_DUE) != 0) == want, "phase %s",
			      phase_names[p]);
	}
}
END_TEST

START_TEST(notice_soon)
{
	struct partner_facts f = healthy();
	ally_date today = D(TODAY);

	f.min_notice = today + 30;
	ck_assert_uint_eq(flags_of(&f), FLAG_NOTICE_SOON);
	f.min_notice = today;
	ck_assert_uint_eq(flags_of(&f), FLAG_NOTICE_SOON);
	f.min_notice = today + 31;
	ck_assert_uint_eq(flags_of(&f), 0);
	f.min_notice = today - 1;
	ck_assert_uint_eq(flags_of(&f), 0);
}
END_TEST

START_TEST(lapsed)
{
	struct partner_facts f = healthy();
	ally_date today = D(TODAY);

	f.min_end = today - 1; /* another active contract still runs */
	ck_assert_uint_eq(flags_of(&f), FLAG_LAPSED);
	f.min_end = today;
	f.min_end_ahead = today + 200;
	ck_assert_uint_eq(flags_of(&f) & FLAG_LAPSED, 0);
}
END_TEST

START_TEST(review_overdue_flag)
{
	struct partner_facts f = healthy();

	f.tier = TIER_1;
	f.last_qbr = D("2026-03-14"); /* due 2026-06-14 */
	ck_assert_uint_eq(flags_of(&f), FLAG_REVIEW_OVERDUE);
	f.last_qbr = D("2026-03-15"); /* due today */
	ck_assert_uint_eq(flags_of(&f), 0);
	/* Never reviewed: counted from the first active contract. */
	f.last_qbr = DATE_NONE;
	f.first_active_start = D("2026-03-14");
	ck_assert_uint_eq(flags_of(&f), FLAG_REVIEW_OVERDUE);
	f.first_active_start = D("2026-03-15");
	ck_assert_uint_eq(flags_of(&f), 0);
	/* A partnership that has ended holds no more reviews. */
	f.first_active_start = D("2026-03-14");
	f.phase = PHASE_EXIT;
	ck_assert_uint_eq(flags_of(&f) & FLAG_REVIEW_OVERDUE, 0);
	f.phase = PHASE_STEADY_STATE;
	/* Unqualified partners have no cadence. */
	f.tier = TIER_UNQUALIFIED;
	f.first_active_start = D("2020-01-01");
	ck_assert_uint_eq(flags_of(&f) & FLAG_REVIEW_OVERDUE, 0);
}
END_TEST

/* domain.md, "Business reviews and the cadence": a tier 1 partner's
 * cadence counts from its last QBR only; a tier 2 or 3 partner's from its
 * last QBR or steering review, whichever is later.  (Working-team
 * meetings never reach the facts: the store leaves them out.) */
START_TEST(only_business_reviews_count)
{
	struct partner_facts f = healthy();

	f.tier = TIER_1;
	f.last_qbr = D("2026-03-14");      /* due 2026-06-14: overdue */
	f.last_steering = D("2026-06-10"); /* does not count for tier 1 */
	ck_assert_uint_eq(flags_of(&f), FLAG_REVIEW_OVERDUE);
	ck_assert_int_eq(partner_next_review(&f), D("2026-06-14"));
	f.tier = TIER_2;                   /* 6 months: from the later of the two */
	ck_assert_uint_eq(flags_of(&f), 0);
	ck_assert_int_eq(partner_next_review(&f), D("2026-12-10"));
	f.last_qbr = DATE_NONE;
	ck_assert_int_eq(partner_next_review(&f), D("2026-12-10"));
	f.last_steering = DATE_NONE;       /* none counts: from the first contract */
	ck_assert_int_eq(partner_next_review(&f), D("2025-07-01"));
	ck_assert_int_eq(review_counting(TIER_1, DATE_NONE, D("2026-01-01")), DATE_NONE);
	ck_assert_int_eq(review_counting(TIER_3, D("2026-01-02"), D("2026-01-01")),
			 D("2026-01-02"));
	ck_assert_int_eq(review_counting(TIER_3, D("2026-01-01"), D("2026-01-02")),
			 D("2026-01-02"));
}
END_TEST

START_TEST(behind_schedule)
{
	struct partner_facts f = healthy();

	f.phase = PHASE_LAUNCH;
	f.first_active_start = D("2026-03-15");
	f.last_qbr = DATE_NONE;
	f.tier = TIER_3;
	ck_assert_uint_eq(flags_of(&f), FLAG_BEHIND_SCHEDULE);
	f.first_active_start = D("2026-03-16");
	ck_assert_uint_eq(flags_of(&f), 0);
	f.phase = PHASE_RAMP_UP;
	f.first_active_start = D("2025-12-15");
	ck_assert_uint_eq(flags_of(&f), FLAG_BEHIND_SCHEDULE);
	f.first_active_start = D("2025-12-16");
	ck_assert_uint_eq(flags_of(&f), 0);
}
END_TEST

START_TEST(status_stale)
{
	struct partner_facts f = healthy();
	ally_date today = D(TODAY);

	f.status_date = today - 31;
	ck_assert_uint_eq(flags_of(&f), FLAG_STATUS_STALE);
	f.status_date = today - 30;
	ck_assert_uint_eq(flags_of(&f), 0);
	f.status_date = DATE_NONE;
	ck_assert_uint_eq(flags_of(&f), FLAG_STATUS_STALE);
	/* Only a live partnership goes stale. */
	for (int p = 0; p < PHASE_COUNT; p++) {
		bool live = p >= PHASE_LAUNCH && p <= PHASE_EXPANSION;

		f.phase = p;
		ck_assert_msg(((flags_of(&f) & FLAG_STATUS_STALE) != 0) == live, "phase %s",
			      phase_names[p]);
	}
}
END_TEST

START_TEST(no_sponsor)
{
	struct partner_facts f = healthy();

	f.has_sponsor = false;
	ck_assert_uint_eq(flags_of(&f), FLAG_NO_SPONSOR);
	for (int p = 0; p < PHASE_COUNT; p++) {
		bool live = p >= PHASE_LAUNCH && p <= PHASE_EXPANSION;

		f.phase = p;
		ck_assert_msg(((flags_of(&f) & FLAG_NO_SPONSOR) != 0) == live, "phase %s",
			      phase_names[p]);
	}
}
END_TEST

START_TEST(figures_flags)
{
	struct partner_facts f = healthy();

	f.exit_watch = true;
	ck_assert_uint_eq(flags_of(&f), FLAG_EXIT_WATCH);
	f.exit_watch = false;
	f.expansion_candidate = true;
	ck_assert_uint_eq(flags_of(&f), FLAG_EXPANSION_CANDIDATE);
}
END_TEST

START_TEST(names)
{
	static const char *const keys[FLAG_COUNT] = {
		"renewal_due",     "notice_soon",  "lapsed",     "review_overdue",
		"behind_schedule", "status_stale", "no_sponsor", "exit_watch",
		"expansion_candidate",
	};

	for (int i = 0; i < FLAG_COUNT; i++) {
		enum partner_flag f = (enum partner_flag)(1u << i);

		ck_assert_str_eq(flag_key(f), keys[i]);
		ck_assert_uint_gt(strlen(flag_marker(f)), 0);
		ck_assert_uint_gt(strlen(flag_text(f)), 0);
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(flag_marker(f), flag_marker((enum partner_flag)(1u << j)));
	}
	ck_assert_str_eq(flag_text(FLAG_RENEWAL_DUE), "renewal due: move to the renewal phase");
	ck_assert_str_eq(flag_key((enum partner_flag)(FLAG_LAPSED | FLAG_NOTICE_SOON)), "");
	ck_assert_str_eq(flag_marker((enum partner_flag)0), "");
}
END_TEST

START_TEST(next_action)
{
	struct partner_facts f = healthy();
	ally_date today = D(TODAY);

	f.min_end = today + 100;
	f.min_notice = today + 40;
	ck_assert_int_eq(partner_next_action(&f), today + 40);
	f.min_notice = today + 140;
	ck_assert_int_eq(partner_next_action(&f), today + 100);
	f.min_notice = DATE_NONE;
	ck_assert_int_eq(partner_next_action(&f), today + 100);
	f.min_end = DATE_NONE;
	ck_assert_int_eq(partner_next_action(&f), DATE_NONE);
	f.min_notice = today + 3;
	ck_assert_int_eq(partner_next_action(&f), today + 3);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "partner_flags", healthy_has_none },
		{ "partner_flags", renewal_due },
		{ "partner_flags", notice_soon },
		{ "partner_flags", lapsed },
		{ "partner_flags", review_overdue_flag },
		{ "partner_flags", only_business_reviews_count },
		{ "partner_flags", behind_schedule },
		{ "partner_flags", status_stale },
		{ "partner_flags", no_sponsor },
		{ "partner_flags", figures_flags },
		{ "flag_key", names },
		{ "partner_next_action", next_action },
	};

	return run_suite(suite_from("flags", cases, sizeof cases / sizeof cases[0]));
}
