/* check-cli-status.c: `ally status`, `ally score` and `ally advance`. */
#include "cli-test.h"

static json_t *show_json(const char *name)
{
	struct run r;
	json_t *v;

	RUN_OK(&r, "partner", "show", name, "--format", "json");
	v = parse_json(r.out);
	run_finish(&r);
	return v;
}

static const char *phase_of(const char *name)
{
	static char phase[32];
	json_t *p = show_json(name);

	snprintf(phase, sizeof phase, "%s", json_string_value(json_object_get(p, "phase")));
	json_decref(p);
	return phase;
}

START_TEST(status_records_health_note_date_author)
{
	struct run r;
	json_t *p;

	add_partner("Acme", "channel");
	RUN_OK(&r, "status", "Acme", "--health", "amber", "--note", "Slow start; Müller is on it");
	ck_assert_str_eq(r.out, "");
	run_finish(&r);
	p = show_json("Acme");
	ck_assert_str_eq(json_string_value(json_object_get(p, "health")), "amber");
	ck_assert_str_eq(json_string_value(json_object_get(p, "status_note")),
			 "Slow start; Müller is on it");
	ck_assert_str_eq(json_string_value(json_object_get(p, "status_date")), "2026-11-22");
	ck_assert_str_eq(json_string_value(json_object_get(p, "status_author")), "tester");
	json_decref(p);
}
END_TEST

START_TEST(status_refuses_bad_input)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "health", "status", "Acme", "--health", "blue");
	RUN_FAILS(1, "note", "status", "Acme", "--health", "red", "--note", "two\nlines");
	RUN_FAILS(1, "Nobody", "status", "Nobody", "--health", "red");
	RUN_FAILS(2, "--health is required", "status", "Acme");
	RUN_FAILS(2, "missing PARTNER", "status", "--health", "red");
}
END_TEST

static void score_all(const char *name, const char *v, struct run *r)
{
	RUN_OK(r, "score", name, "--fit", v, "--reach", v, "--capabilities", v, "--financial", v,
	       "--track-record", v);
}

START_TEST(score_prints_score_and_tier)
{
	struct run r;
	json_t *v;

	add_partner("Acme", "channel");
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "90", "--capabilities", "70",
	       "--financial", "60", "--track-record", "50");
	ck_assert_str_eq(r.out, "74.5 tier 2\n");
	run_finish(&r);
	/* The boundaries of the tiers, W 8500, 7000, 5000 and just below. */
	score_all("Acme", "85", &r);
	ck_assert_str_eq(r.out, "85.0 tier 1\n");
	run_finish(&r);
	score_all("Acme", "70", &r);
	ck_assert_str_eq(r.out, "70.0 tier 2\n");
	run_finish(&r);
	score_all("Acme", "50", &r);
	ck_assert_str_eq(r.out, "50.0 tier 3\n");
	run_finish(&r);
	score_all("Acme", "49", &r);
	ck_assert_str_eq(r.out, "49.0 unqualified\n");
	run_finish(&r);
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "90", "--capabilities", "70",
	       "--financial", "60", "--track-record", "50", "--format", "json");
	v = parse_json(r.out);
	ck_assert_double_eq(json_real_value(json_object_get(v, "score")), 74.5);
	ck_assert_int_eq(json_integer_value(json_object_get(v, "tier")), 2);
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* Does text contain needle?  Fails the test with both shown otherwise. */
static void has(const char *text, const char *needle)
{
	ck_assert_msg(strstr(text, needle) != NULL, "'%s' not in: %s", needle, text);
}

/* W = 3000 + 2500 + 2000 + 15 + 820 = 8335: the score is 83.4 (one
 * decimal, half up) in every format, never 83.35. */
START_TEST(score_is_one_value_in_every_format)
{
	struct run r;
	json_t *v;

	add_partner("Acme", "channel");
	RUN_OK(&r, "score", "Acme", "--fit", "100", "--reach", "100", "--capabilities", "100",
	       "--financial", "1", "--track-record", "82");
	ck_assert_str_eq(r.out, "83.4 tier 2\n");
	run_finish(&r);
	RUN_OK(&r, "partner", "list");
	has(r.out, " 83.4 ");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "csv");
	has(r.out, ",83.4,2,");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	has(r.out, "\"score\": 83.4,");
	v = parse_json(r.out);
	ck_assert_double_eq(json_real_value(json_object_get(json_array_get(v, 0), "score")), 83.4);
	json_decref(v);
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme");
	has(r.out, "score 83.4, tier 2");
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	has(r.out, "\"score\": 83.4,");
	run_finish(&r);
	RUN_OK(&r, "export", "partners");
	has(r.out, ",83.4,2\r\n");
	run_finish(&r);
}
END_TEST

/* A whole score keeps its one decimal in every format. */
START_TEST(whole_scores_keep_one_decimal)
{
	struct run r;

	add_partner("Acme", "channel");
	score_all("Acme", "80", &r);
	ck_assert_str_eq(r.out, "80.0 tier 2\n");
	run_finish(&r);
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "80", "--capabilities", "80",
	       "--financial", "80", "--track-record", "80", "--format", "json");
	has(r.out, "\"score\": 80.0,");
	run_finish(&r);
	RUN_OK(&r, "partner", "list");
	has(r.out, " 80.0 ");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "csv");
	has(r.out, ",80.0,2,");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	has(r.out, "\"score\": 80.0,");
	run_finish(&r);
}
END_TEST

START_TEST(score_is_kept_on_the_partner)
{
	struct run r;
	json_t *p;

	add_partner("Acme", "channel");
	RUN_OK(&r, "score", "Acme", "--fit", "80", "--reach", "90", "--capabilities", "70",
	       "--financial", "60", "--track-record", "50");
	run_finish(&r);
	p = show_json("Acme");
	ck_assert_int_eq(json_integer_value(json_object_get(p, "fit")), 80);
	ck_assert_int_eq(json_integer_value(json_object_get(p, "track_record")), 50);
	ck_assert_int_eq(json_integer_value(json_object_get(p, "tier")), 2);
	json_decref(p);
}
END_TEST

START_TEST(score_refuses_bad_input)
{
	add_partner("Acme", "channel");
	RUN_FAILS(1, "--fit", "score", "Acme", "--fit", "abc", "--reach", "1", "--capabilities",
		  "1", "--financial", "1", "--track-record", "1");
	RUN_FAILS(1, "--reach", "score", "Acme", "--fit", "1", "--reach", "101", "--capabilities",
		  "1", "--financial", "1", "--track-record", "1");
	RUN_FAILS(1, "--financial", "score", "Acme", "--fit", "1", "--reach", "1",
		  "--capabilities", "1", "--financial", "-1", "--track-record", "1");
	RUN_FAILS(1, "--capabilities", "score", "Acme", "--fit", "1", "--reach", "1",
		  "--capabilities", "7.5", "--financial", "1", "--track-record", "1");
	RUN_FAILS(2, "--track-record is required", "score", "Acme", "--fit", "1", "--reach", "1",
		  "--capabilities", "1", "--financial", "1");
	RUN_FAILS(1, "Nobody", "score", "Nobody", "--fit", "1", "--reach", "1", "--capabilities",
		  "1", "--financial", "1", "--track-record", "1");
}
END_TEST

START_TEST(advance_steps_along_the_main_line)
{
	static const char *const line[] = { "prospect", "proposal",	"negotiation", "launch",
					    "ramp_up",	"steady_state", "renewal" };
	struct run r;
	char want[64];
	size_t i;

	add_partner("Acme", "channel");
	for (i = 0; i + 1 < sizeof line / sizeof line[0]; i++) {
		RUN_OK(&r, "advance", "Acme");
		snprintf(want, sizeof want, "%s -> %s\n", line[i], line[i + 1]);
		ck_assert_str_eq(r.out, want);
		run_finish(&r);
	}
	ck_assert_str_eq(phase_of("Acme"), "renewal");
}
END_TEST

START_TEST(advance_to_a_named_phase)
{
	struct run r;
	json_t *v;

	add_partner("Acme", "channel");
	RUN_OK(&r, "advance", "Acme", "--to", "exit", "--note", "went elsewhere", "--format",
	       "json");
	v = parse_json(r.out);
	ck_assert_str_eq(json_string_value(json_object_get(v, "from")), "prospect");
	ck_assert_str_eq(json_string_value(json_object_get(v, "to")), "exit");
	json_decref(v);
	run_finish(&r);
	RUN_OK(&r, "advance", "Acme", "--to", "prospect");
	ck_assert_str_eq(r.out, "exit -> prospect\n");
	run_finish(&r);
}
END_TEST

START_TEST(advance_refuses_moves_and_says_what_is_allowed)
{
	struct run r;

	add_partner("Acme", "channel");
	RUN_FAILS(1, "allowed", "advance", "Acme", "--to", "launch");
	RUN_FAILS(1, "proposal", "advance", "Acme", "--to", "launch");
	RUN_FAILS(1, "--to", "advance", "Acme", "--to", "dating");
	RUN_FAILS(1, "Nobody", "advance", "Nobody");
	RUN_OK(&r, "advance", "Acme", "--to", "exit");
	run_finish(&r);
	/* From exit there is no default step: the error names the target. */
	RUN_FAILS(1, "prospect", "advance", "Acme");
	RUN_FAILS(1, "note", "advance", "Acme", "--to", "prospect", "--note", "a\x1b[2J");
	ck_assert_str_eq(phase_of("Acme"), "exit");
}
END_TEST

static Suite *status_suite(void)
{
	Suite *s = suite_create("cli-status");
	TCase *tc = cli_tcase("status");

	tcase_add_test(tc, status_records_health_note_date_author);
	tcase_add_test(tc, status_refuses_bad_input);
	suite_add_tcase(s, tc);
	tc = cli_tcase("score");
	tcase_add_test(tc, score_prints_score_and_tier);
	tcase_add_test(tc, score_is_kept_on_the_partner);
	tcase_add_test(tc, score_is_one_value_in_every_format);
	tcase_add_test(tc, whole_scores_keep_one_decimal);
	tcase_add_test(tc, score_refuses_bad_input);
	suite_add_tcase(s, tc);
	tc = cli_tcase("advance");
	tcase_add_test(tc, advance_steps_along_the_main_line);
	tcase_add_test(tc, advance_to_a_named_phase);
	tcase_add_test(tc, advance_refuses_moves_and_says_what_is_allowed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(status_suite());
}
