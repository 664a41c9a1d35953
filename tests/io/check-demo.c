/* check-demo.c: `ally demo` gives a portfolio that shows every part of
 * ally at work, dated around whatever today is, and only into an empty
 * database. */
#include <stdbool.h>
#include <stdio.h>

#include "ally/date.h"
#include "ally/util.h"
#include "io-test.h"

static json_t *json_of(const char *cmd, const char *sub)
{
	struct run r;
	json_t *v;

	if (sub != NULL)
		IO_OK(&r, NULL, cmd, sub, "--format", "json");
	else
		IO_OK(&r, NULL, cmd, "--format", "json");
	v = parse_json(r.out);
	run_finish(&r);
	return v;
}

static void demo_ok(void)
{
	struct run r;

	IO_OK(&r, NULL, "demo");
	ck_assert_msg(strncmp(r.out, "demo: ", 6) == 0 &&
			  strchr(r.out, '\n') == strrchr(r.out, '\n'),
		      "not a one-line summary: %s", r.out);
	run_finish(&r);
}

/* Does some row have key equal to the string value? */
static bool has_str(json_t *rows, const char *key, const char *value)
{
	size_t i;
	json_t *row, *v;

	json_array_foreach(rows, i, row)
	{
		v = json_object_get(row, key);
		if (json_is_string(v) && strcmp(json_string_value(v), value) == 0)
			return true;
	}
	return false;
}

static bool has_tier(json_t *rows, int tier)
{
	size_t i;
	json_t *row, *v;

	json_array_foreach(rows, i, row)
	{
		v = json_object_get(row, "tier");
		if (tier < 0 ? json_is_null(v)
			     : json_is_integer(v) && json_integer_value(v) == tier)
			return true;
	}
	return false;
}

static bool has_flag(json_t *rows, const char *flag)
{
	size_t i, j;
	json_t *row, *f;

	json_array_foreach(rows, i, row)
	{
		json_array_foreach(json_object_get(row, "flags"), j, f)
		{
			if (strcmp(json_string_value(f), flag) == 0)
				return true;
		}
	}
	return false;
}

START_TEST(demo_covers_types_phases_tiers)
{
	static const char *const types[] = { "strategic_alliance", "channel", "technology",
					     "co_marketing", "referral", "joint_venture" };
	static const char *const phases[] = { "prospect", "proposal", "negotiation", "launch",
					      "ramp_up", "steady_state", "renewal", "expansion",
					      "exit" };
	json_t *rows;

	demo_ok();
	rows = json_of("partner", "list");
	ck_assert_int_ge(json_array_size(rows), 12);
	for (size_t i = 0; i < 6; i++)
		ck_assert_msg(has_str(rows, "type", types[i]), "no %s partner", types[i]);
	for (size_t i = 0; i < 9; i++)
		ck_assert_msg(has_str(rows, "phase", phases[i]), "no partner in %s", phases[i]);
	ck_assert_msg(has_tier(rows, 1) && has_tier(rows, 2) && has_tier(rows, 3),
		      "tiers 1-3 missing");
	ck_assert_msg(has_tier(rows, 0), "no unqualified partner");
	ck_assert_msg(has_tier(rows, -1), "no partner without a score");
	ck_assert(has_str(rows, "health", "green") && has_str(rows, "health", "amber") &&
		  has_str(rows, "health", "red"));
	json_decref(rows);
}
END_TEST

/* Every warning ally can raise shows up somewhere in the demo. */
START_TEST(demo_raises_every_flag)
{
	static const char *const flags[] = { "renewal_due", "notice_soon", "lapsed",
					     "review_overdue", "behind_schedule", "status_stale",
					     "no_sponsor", "exit_watch", "expansion_candidate" };
	json_t *rows;

	demo_ok();
	rows = json_of("partner", "list");
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		ck_assert_msg(has_flag(rows, flags[i]), "no partner flagged %s", flags[i]);
	json_decref(rows);
}
END_TEST

START_TEST(demo_renewals_in_every_band)
{
	json_t *rows, *row;
	bool ahead = false, passed = false;
	size_t i;

	demo_ok();
	rows = json_of("renewals", NULL);
	ck_assert(has_str(rows, "band", "lapsed"));
	ck_assert(has_str(rows, "band", "urgent"));
	ck_assert(has_str(rows, "band", "window"));
	ck_assert(has_str(rows, "band", "clear"));
	json_array_foreach(rows, i, row)
	{
		json_t *d = json_object_get(row, "days_to_notice");

		if (!json_is_true(json_object_get(row, "auto_renew")))
			continue;
		ck_assert(json_is_string(json_object_get(row, "notice_deadline")));
		ahead |= json_integer_value(d) >= 0 && json_integer_value(d) <= 7;
		passed |= json_integer_value(d) < 0;
	}
	ck_assert_msg(ahead, "no notice deadline a few days ahead");
	ck_assert_msg(passed, "no notice deadline already passed");
	json_decref(rows);
}
END_TEST

/* The portfolio is built relative to today, whatever today is. */
START_TEST(demo_on_other_days)
{
	static const char *const days[] = { "2028-02-29", "2027-01-01", "2026-12-31" };
	json_t *rows;

	for (size_t i = 0; i < 3; i++) {
		char db[32];

		snprintf(db, sizeof db, "day%zu.db", i);
		H.today = days[i];
		io_use_db(db);
		demo_ok();
		rows = json_of("renewals", NULL);
		ck_assert(has_str(rows, "band", "lapsed") && has_str(rows, "band", "urgent") &&
			  has_str(rows, "band", "window"));
		json_decref(rows);
	}
}
END_TEST

/* Is [start, end] a whole number of months, as domain.md's inclusive
 * terms are: end = start + N months - 1 day? */
static bool whole_months(const char *start, const char *end)
{
	ally_date s, e;

	ck_assert_msg(date_parse(start, &s) && date_parse(end, &e), "%s %s", start, end);
	for (int n = 1; n <= 120; n++)
		if (date_add_months(s, n) - 1 == e)
			return true;
	return false;
}

/* Every term of every demo contract, the first one (listed from the
 * start) to the current one: each a whole number of months, together
 * running from the contract's start to its end. */
static void check_terms_of(const char *id)
{
	struct run r;
	json_t *c, *terms, *t;
	size_t i, n;

	IO_OK(&r, NULL, "contract", "show", id, "--format", "json");
	c = parse_json(r.out);
	terms = json_object_get(c, "terms");
	n = json_array_size(terms);
	ck_assert_msg(n > 0, "contract %s has no terms", id);
	json_array_foreach(terms, i, t)
	{
		const char *s = json_str(t, "start_date"), *e = json_str(t, "end_date");

		ck_assert_msg(whole_months(s, e), "contract %s term %s to %s", id, s, e);
		ck_assert(json_is_null(json_object_get(t, "renewed_on")) == (i == 0));
	}
	ck_assert_str_eq(json_str(json_array_get(terms, 0), "start_date"), json_str(c, "start_date"));
	ck_assert_str_eq(json_str(json_array_get(terms, n - 1), "end_date"), json_str(c, "end_date"));
	json_decref(c);
	run_finish(&r);
}

START_TEST(demo_terms_are_whole_months)
{
	static const char *const days[] = { "2026-11-22", "2028-02-29", "2027-03-30" };
	json_t *rows, *row;
	size_t i;

	for (size_t k = 0; k < 3; k++) {
		char db[32];

		snprintf(db, sizeof db, "terms%zu.db", k);
		H.today = days[k];
		io_use_db(db);
		demo_ok();
		rows = json_of("contract", "list");
		json_array_foreach(rows, i, row)
		{
			char id[24];

			snprintf(id, sizeof id, "%lld",
				 (long long)json_integer_value(json_object_get(row, "id")));
			check_terms_of(id);
		}
		json_decref(rows);
	}
}
END_TEST

/* The demo's dates reach 1125 days ahead (a contract's end; its start is
 * computed from the day after) and a few years back: a today too close to
 * 9999-12-31 or 1000-01-01 is refused before anything is written, not
 * met with a contract without a start. */
START_TEST(demo_needs_a_today_its_dates_fit_around)
{
	json_t *rows;

	H.today = "9996-12-01";
	io_fails(1, "--today: the demo needs a date before 9996-12-01", 0, NULL, "demo", NULL);
	H.today = "9999-12-31";
	io_fails(1, "--today: the demo needs a date before 9996-12-01", 0, NULL, "demo", NULL);
	H.today = "1000-01-01";
	io_fails(1, "--today: the demo needs a date after ", 1, NULL, "demo", NULL);
	/* The last day that works, and every band on it. */
	H.today = "9996-11-30";
	demo_ok();
	rows = json_of("renewals", NULL);
	ck_assert(has_str(rows, "band", "lapsed") && has_str(rows, "band", "urgent"));
	json_decref(rows);
}
END_TEST

START_TEST(demo_refuses_a_database_with_partners)
{
	char *msg;

	demo_ok();
	msg = xasprintf("demo: the database already has %d partners; use an empty one", 15);
	io_fails(1, msg, 0, NULL, "demo", NULL);
	free(msg);
}
END_TEST

START_TEST(demo_refuses_one_partner)
{
	struct run r;

	IO_OK(&r, "name,type\nMine,channel\n", "import", "partners", "-");
	run_finish(&r);
	io_fails(1, "demo: the database already has 1 partner; use an empty one", 0, NULL, "demo",
		 NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = cli_tcase("demo");

	tcase_add_test(tc, demo_covers_types_phases_tiers);
	tcase_add_test(tc, demo_raises_every_flag);
	tcase_add_test(tc, demo_renewals_in_every_band);
	tcase_add_test(tc, demo_on_other_days);
	tcase_add_test(tc, demo_terms_are_whole_months);
	tcase_add_test(tc, demo_refuses_a_database_with_partners);
	tcase_add_test(tc, demo_refuses_one_partner);
	tcase_add_test(tc, demo_needs_a_today_its_dates_fit_around);
	suite_add_tcase(s, tc);
	return cli_run_suite(s);
}
