/* check-phase.c: the lifecycle's allowed moves, against a table written
 * here from domain.md rather than taken from the code. */
#include <stdio.h>
#include <string.h>

#include "ally/phase.h"
#include "core-test.h"

enum { PR, PP, NE, LA, RU, SS, RE, EX, XT };

/* allowed[from][to], in the order of enum phase. */
static const bool allowed[PHASE_COUNT][PHASE_COUNT] = {
	/*            PR PP NE LA RU SS RE EX XT */
	[PR] = { 0, 1, 0, 0, 0, 0, 0, 0, 1 },
	[PP] = { 0, 0, 1, 0, 0, 0, 0, 0, 1 },
	[NE] = { 0, 0, 0, 1, 0, 0, 0, 0, 1 },
	[LA] = { 0, 0, 0, 0, 1, 0, 0, 0, 1 },
	[RU] = { 0, 0, 0, 0, 0, 1, 0, 0, 1 },
	[SS] = { 0, 0, 0, 0, 0, 0, 1, 1, 1 },
	[RE] = { 0, 0, 0, 0, 0, 1, 0, 1, 1 },
	[EX] = { 0, 0, 0, 0, 0, 1, 1, 0, 1 },
	[XT] = { 1, 0, 0, 0, 0, 0, 0, 0, 0 },
};
static const int default_step[PHASE_COUNT] = { PP, NE, LA, RU, SS, RE, -1, -1, -1 };
static const char *const names[PHASE_COUNT] = { "prospect", "proposal", "negotiation",
						 "launch", "ramp_up", "steady_state",
						 "renewal", "expansion", "exit" };

/* The allowed targets as the messages list them: default step first,
 * then the others in lifecycle order. */
static void expected_targets(int from, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	if (default_step[from] >= 0)
		o += (size_t)snprintf(out + o, size - o, "%s", names[default_step[from]]);
	for (int to = 0; to < PHASE_COUNT; to++)
		if (allowed[from][to] && to != default_step[from])
			o += (size_t)snprintf(out + o, size - o, "%s%s", o > 0 ? ", " : "",
					      names[to]);
}

START_TEST(names_in_order)
{
	for (int p = 0; p < PHASE_COUNT; p++)
		ck_assert_str_eq(phase_names[p], names[p]);
	ck_assert_ptr_null(phase_names[PHASE_COUNT]);
}
END_TEST

START_TEST(every_pair)
{
	for (int from = 0; from < PHASE_COUNT; from++)
		for (int to = 0; to < PHASE_COUNT; to++)
			ck_assert_msg(phase_move_allowed((enum phase)from, (enum phase)to) ==
					      allowed[from][to],
				      "%s -> %s", names[from], names[to]);
}
END_TEST

START_TEST(resolve_every_pair)
{
	char list[200], want[300];
	struct ally_err err;

	for (int from = 0; from < PHASE_COUNT; from++) {
		expected_targets(from, list, sizeof list);
		for (int to = 0; to < PHASE_COUNT; to++) {
			enum phase out = (enum phase)99;
			int rc;

			ally_err_clear(&err);
			rc = phase_resolve_move((enum phase)from, to, &out, &err);
			if (allowed[from][to]) {
				ck_assert_msg(rc == ALLY_OK, "%s -> %s refused: %s", names[from],
					      names[to], err.msg);
				ck_assert_int_eq(out, to);
				continue;
			}
			snprintf(want, sizeof want, "phase: cannot move from %s to %s; allowed: %s",
				 names[from], names[to], list);
			ck_assert_user_err(rc, err, want);
			ck_assert_int_eq(out, 99); /* nothing changes */
		}
	}
}
END_TEST

START_TEST(default_step_along_the_main_line)
{
	struct ally_err err;

	for (int from = 0; from < PHASE_COUNT; from++) {
		enum phase out = (enum phase)99;

		if (default_step[from] < 0)
			continue;
		ck_assert_int_eq(phase_resolve_move((enum phase)from, -1, &out, &err), ALLY_OK);
		ck_assert_int_eq(out, default_step[from]);
	}
}
END_TEST

START_TEST(no_default_step_names_the_targets)
{
	struct ally_err err;
	enum phase out = (enum phase)99;
	int rc;

	rc = phase_resolve_move(PHASE_RENEWAL, -1, &out, &err);
	ck_assert_user_err(rc, err, "phase: from renewal name a target: steady_state, expansion, exit");
	rc = phase_resolve_move(PHASE_EXPANSION, -1, &out, &err);
	ck_assert_user_err(rc, err, "phase: from expansion name a target: steady_state, renewal, exit");
	rc = phase_resolve_move(PHASE_EXIT, -1, &out, &err);
	ck_assert_user_err(rc, err, "phase: from exit name a target: prospect");
	ck_assert_int_eq(out, 99);
	rc = phase_resolve_move(PHASE_PROSPECT, PHASE_LAUNCH, &out, &err);
	ck_assert_user_err(rc, err, "phase: cannot move from prospect to launch; allowed: proposal, exit");
}
END_TEST

START_TEST(targets_list)
{
	char list[200];

	for (int from = 0; from < PHASE_COUNT; from++) {
		enum phase t[PHASE_COUNT];
		size_t n = phase_targets((enum phase)from, t);
		char got[200] = "";
		size_t o = 0;

		for (size_t i = 0; i < n; i++)
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", i ? ", " : "",
					      names[t[i]]);
		expected_targets(from, list, sizeof list);
		ck_assert_str_eq(got, list);
	}
}
END_TEST

START_TEST(behind_schedule)
{
	ally_date start = D("2026-01-15");

	/* Launch is months 1-3: behind from the first day of month 4. */
	ck_assert(!phase_behind_schedule(PHASE_LAUNCH, start, D("2026-04-14")));
	ck_assert(phase_behind_schedule(PHASE_LAUNCH, start, D("2026-04-15")));
	/* Ramp-up is months 4-6: behind from the first day of month 7. */
	ck_assert(!phase_behind_schedule(PHASE_RAMP_UP, start, D("2026-07-14")));
	ck_assert(phase_behind_schedule(PHASE_RAMP_UP, start, D("2026-07-15")));
	/* No other phase is ever behind; no contract, no schedule. */
	ck_assert(!phase_behind_schedule(PHASE_STEADY_STATE, start, D("2030-01-01")));
	ck_assert(!phase_behind_schedule(PHASE_NEGOTIATION, start, D("2030-01-01")));
	/* A deadline past 9999-12-31 is never reached. */
	ck_assert(!phase_behind_schedule(PHASE_LAUNCH, D("9999-11-01"), D("9999-12-31")));
	ck_assert(!phase_behind_schedule(PHASE_RAMP_UP, D("9999-08-01"), D("9999-12-31")));
	ck_assert(phase_behind_schedule(PHASE_RAMP_UP, D("9999-06-01"), D("9999-12-31")));
	ck_assert(!phase_behind_schedule(PHASE_LAUNCH, DATE_NONE, D("2030-01-01")));
	/* Month ends clamp: three months after 2025-11-30 is 2026-02-28. */
	ck_assert(!phase_behind_schedule(PHASE_LAUNCH, D("2025-11-30"), D("2026-02-27")));
	ck_assert(phase_behind_schedule(PHASE_LAUNCH, D("2025-11-30"), D("2026-02-28")));
}
END_TEST

START_TEST(move_date_not_before_the_last)
{
	struct ally_err err;
	int rc;

	/* The same day as the last move, or later, keeps the history in
	 * order; a day earlier does not. */
	ck_assert_int_eq(phase_check_move_date(D("2026-06-01"), D("2026-06-01"), &err), ALLY_OK);
	ck_assert_int_eq(phase_check_move_date(D("2026-06-01"), D("2026-06-02"), &err), ALLY_OK);
	rc = phase_check_move_date(D("2026-06-01"), D("2026-05-31"), &err);
	ck_assert_user_err(rc, err, "date: 2026-05-31 is before the last phase move on 2026-06-01");
	rc = phase_check_move_date(D("2026-06-01"), D("2026-02-01"), &err);
	ck_assert_user_err(rc, err, "date: 2026-02-01 is before the last phase move on 2026-06-01");
	/* No move yet: any date; no date given: nothing to compare. */
	ck_assert_int_eq(phase_check_move_date(DATE_NONE, D("1970-01-01"), &err), ALLY_OK);
	ck_assert_int_eq(phase_check_move_date(D("2026-06-01"), DATE_NONE, &err), ALLY_OK);
	ck_assert_int_eq(phase_check_move_date(D("2026-06-01"), D("2026-06-01"), NULL), ALLY_OK);
	ck_assert_int_eq(phase_check_move_date(D("2026-06-01"), D("2025-06-01"), NULL), ALLY_EUSER);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "phase_names", names_in_order },
		{ "phase_move_allowed", every_pair },
		{ "phase_resolve_move", resolve_every_pair },
		{ "phase_resolve_move", default_step_along_the_main_line },
		{ "phase_resolve_move", no_default_step_names_the_targets },
		{ "phase_targets", targets_list },
		{ "phase_behind_schedule", behind_schedule },
		{ "phase_check_move_date", move_date_not_before_the_last },
	};

	return run_suite(suite_from("phase", cases, sizeof cases / sizeof cases[0]));
}
