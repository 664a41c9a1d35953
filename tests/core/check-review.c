/* check-review.c: review cadence, reviews, action items, conflicts and
 * negotiation notes. */
#include "ally/review.h"
#include "core-test.h"

static void expect_due(enum tier t, const char *last, const char *want)
{
	char out[DATE_BUFSZ];

	ck_assert_str_eq(date_format(review_next_due(t, D(last), DATE_NONE, DATE_NONE), out),
			 want);
}

START_TEST(next_due_by_tier)
{
	expect_due(TIER_1, "2026-01-15", "2026-04-15");
	expect_due(TIER_2, "2026-01-15", "2026-07-15");
	expect_due(TIER_3, "2026-01-15", "2027-01-15");
	ck_assert_int_eq(review_next_due(TIER_UNQUALIFIED, D("2026-01-15"), DATE_NONE, DATE_NONE),
			 DATE_NONE);
	/* A due date past 9999-12-31 does not exist, so it is never overdue. */
	ck_assert_int_eq(review_next_due(TIER_3, D("9999-06-01"), DATE_NONE, DATE_NONE), DATE_NONE);
	ck_assert(!review_overdue(DATE_NONE, D("9999-12-31")));
	ck_assert_int_eq(review_next_due(TIER_NONE, D("2026-01-15"), DATE_NONE, DATE_NONE),
			 DATE_NONE);
}
END_TEST

START_TEST(next_due_month_ends)
{
	expect_due(TIER_1, "2026-11-30", "2027-02-28");
	expect_due(TIER_1, "2027-11-30", "2028-02-29");
	expect_due(TIER_2, "2026-08-31", "2027-02-28");
	expect_due(TIER_1, "2026-05-31", "2026-08-31");
	expect_due(TIER_3, "2028-02-29", "2029-02-28");
}
END_TEST

START_TEST(next_due_without_a_review)
{
	ally_date start = D("2026-03-10"), scored = D("2026-05-20");

	/* The first active contract counts before the scoring date. */
	ck_assert_int_eq(review_next_due(TIER_1, DATE_NONE, start, scored), D("2026-06-10"));
	ck_assert_int_eq(review_next_due(TIER_1, DATE_NONE, DATE_NONE, scored), D("2026-08-20"));
	ck_assert_int_eq(review_next_due(TIER_1, DATE_NONE, DATE_NONE, DATE_NONE), DATE_NONE);
	/* A review, once held, wins over both. */
	ck_assert_int_eq(review_next_due(TIER_1, D("2026-07-01"), start, scored), D("2026-10-01"));
}
END_TEST

START_TEST(overdue)
{
	ally_date today = D("2026-06-15");

	ck_assert(!review_overdue(today, today));
	ck_assert(review_overdue(today - 1, today));
	ck_assert(!review_overdue(today + 1, today));
	ck_assert(!review_overdue(DATE_NONE, today));
}
END_TEST

START_TEST(review_fields)
{
	struct review r;
	struct ally_err err;
	int rc;

	review_init(&r);
	ck_assert_int_eq(r.date, DATE_NONE);
	ck_assert_int_eq(review_set_field(&r, "kind", "QBR", &err), ALLY_OK);
	ck_assert_int_eq(r.kind, REVIEW_QBR);
	ck_assert_int_eq(review_set_field(&r, "date", "2026-03-31", &err), ALLY_OK);
	ck_assert_int_eq(r.date, D("2026-03-31"));
	ck_assert_int_eq(review_set_field(&r, "attendees", "ana, jo", &err), ALLY_OK);
	ck_assert_int_eq(review_set_field(&r, "notes", "went well\nnext: pricing", &err), ALLY_OK);
	ck_assert_int_eq(review_set_field(&r, "decisions", "extend", &err), ALLY_OK);
	ck_assert_str_eq(r.attendees, "ana, jo");
	rc = review_set_field(&r, "kind", "party", &err);
	ck_assert_user_err(rc, err, "kind: 'party' is not one of: working_team, steering, qbr");
	rc = review_set_field(&r, "date", "2026-04-31", &err);
	ck_assert_user_err(rc, err, "date: '2026-04-31' is not a real date (YYYY-MM-DD)");
	rc = review_set_field(&r, "date", "", &err);
	ck_assert_user_err(rc, err, "date: must not be empty");
	ck_assert_int_eq(r.date, D("2026-03-31"));
	rc = review_set_field(&r, "mood", "good", &err);
	ck_assert_user_err(rc, err, "mood: no such field");
	review_finish(&r);
}
END_TEST

START_TEST(action_item_fields)
{
	struct action_item a;
	struct ally_err err;
	int rc;

	action_item_init(&a);
	ck_assert_int_eq(a.due, DATE_NONE);
	ck_assert(!a.done);
	rc = action_item_set_field(&a, "text", "", &err);
	ck_assert_user_err(rc, err, "text: must not be empty");
	ck_assert_int_eq(action_item_set_field(&a, "text", "send pricing", &err), ALLY_OK);
	ck_assert_int_eq(action_item_set_field(&a, "owner", "jo", &err), ALLY_OK);
	ck_assert_int_eq(action_item_set_field(&a, "due", "2026-07-01", &err), ALLY_OK);
	ck_assert_int_eq(action_item_set_field(&a, "done", "yes", &err), ALLY_OK);
	ck_assert(a.done);
	ck_assert_int_eq(a.due, D("2026-07-01"));
	ck_assert_int_eq(action_item_set_field(&a, "due", "", &err), ALLY_OK);
	ck_assert_int_eq(a.due, DATE_NONE);
	rc = action_item_set_field(&a, "done", "almost", &err);
	ck_assert_user_err(rc, err, "done: 'almost' is not yes or no");
	action_item_finish(&a);
}
END_TEST

START_TEST(conflict_escalation)
{
	struct conflict c;

	conflict_init(&c);
	ck_assert_int_eq(c.level, ESC_WORKING_TEAM);
	ck_assert_int_eq(c.resolved, DATE_NONE);
	ck_assert(conflict_escalate(&c));
	ck_assert_int_eq(c.level, ESC_STEERING);
	ck_assert(conflict_escalate(&c));
	ck_assert_int_eq(c.level, ESC_EXECUTIVE);
	ck_assert(conflict_escalate(&c));
	ck_assert_int_eq(c.level, ESC_FORMAL);
	ck_assert(!conflict_escalate(&c));
	ck_assert_int_eq(c.level, ESC_FORMAL);
	conflict_finish(&c);
}
END_TEST

START_TEST(conflict_fields)
{
	struct conflict c;
	struct ally_err err;
	int rc;

	conflict_init(&c);
	ck_assert_int_eq(conflict_set_field(&c, "kind", "money", &err), ALLY_OK);
	ck_assert_int_eq(c.kind, CONFLICT_MONEY);
	ck_assert_int_eq(conflict_set_field(&c, "level", "executive", &err), ALLY_OK);
	ck_assert_int_eq(c.level, ESC_EXECUTIVE);
	ck_assert_int_eq(conflict_set_field(&c, "summary", "late payments", &err), ALLY_OK);
	ck_assert_int_eq(conflict_set_field(&c, "opened", "2026-02-01", &err), ALLY_OK);
	ck_assert_int_eq(conflict_set_field(&c, "resolved", "2026-03-01", &err), ALLY_OK);
	ck_assert_int_eq(conflict_set_field(&c, "resolution", "paid", &err), ALLY_OK);
	ck_assert_int_eq(conflict_set_field(&c, "resolved", "", &err), ALLY_OK);
	ck_assert_int_eq(c.resolved, DATE_NONE);
	rc = conflict_set_field(&c, "level", "court", &err);
	ck_assert_user_err(rc, err, "level: 'court' is not one of: working_team, steering, "
				    "executive, formal");
	conflict_finish(&c);
}
END_TEST

START_TEST(negotiation_notes)
{
	struct negotiation n;
	struct ally_err err;
	int rc;

	negotiation_init(&n);
	ck_assert_int_eq(negotiation_set_field(&n, "batna", "build it ourselves", &err), ALLY_OK);
	ck_assert_int_eq(negotiation_set_field(&n, "walk_away", "15%", &err), ALLY_OK);
	ck_assert_str_eq(n.batna, "build it ourselves");
	ck_assert_str_eq(n.walk_away, "15%");
	ck_assert_int_eq(negotiation_set_field(&n, "batna", "", &err), ALLY_OK);
	ck_assert_ptr_null(n.batna);
	rc = negotiation_set_field(&n, "bluff", "x", &err);
	ck_assert_user_err(rc, err, "bluff: no such field");
	ck_assert_str_eq(term_priority_names[TERM_NICE_TO_HAVE], "nice_to_have");
	negotiation_finish(&n);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "review_next_due", next_due_by_tier },
		{ "review_next_due", next_due_month_ends },
		{ "review_next_due", next_due_without_a_review },
		{ "review_overdue", overdue },
		{ "review_set_field", review_fields },
		{ "action_item_set_field", action_item_fields },
		{ "conflict_escalate", conflict_escalation },
		{ "conflict_set_field", conflict_fields },
		{ "negotiation_set_field", negotiation_notes },
	};

	return run_suite(suite_from("review", cases, sizeof cases / sizeof cases[0]));
}
