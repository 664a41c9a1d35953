/* cli-test.c: fixtures and checks shared by the command line's tests. */
#include "cli-test.h"

#include <stdarg.h>
#include <stdio.h>

struct harness H;

void cli_setup_nodb(void)
{
	harness_init(&H);
}

void cli_setup(void)
{
	struct run r;

	harness_init(&H);
	run_ally(&H, &r, NULL, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "init failed (%d): %s", r.status, r.err);
	run_finish(&r);
}

void cli_teardown(void)
{
	harness_finish(&H);
}

TCase *cli_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, cli_setup, cli_teardown);
	return tc;
}

json_t *parse_json(const char *text)
{
	json_error_t e;
	json_t *v = json_loads(text, 0, &e);

	ck_assert_msg(v != NULL, "not JSON (%s at line %d): %s", e.text, e.line, text);
	return v;
}

const char *json_str(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	ck_assert_msg(json_is_string(v), "%s is not a string", key);
	return json_string_value(v);
}

int cli_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int count_lines(const char *text)
{
	int n = 0;
	const char *p;

	for (p = text; *p != '\0'; p++)
		if (*p == '\n')
			n++;
	if (p > text && p[-1] != '\n')
		n++;
	return n;
}

void check_error(const struct run *r, int st, const char *needle, const char *where)
{
	ck_assert_msg(r->status == st, "%s: exit %d, want %d; stderr: %s", where, r->status, st,
		      r->err);
	ck_assert_msg(strncmp(r->err, "ally: ", 6) == 0, "%s: stderr lacks 'ally: ': %s", where,
		      r->err);
	ck_assert_msg(count_lines(r->err) == 1, "%s: want one line, got: %s", where, r->err);
	ck_assert_msg(strstr(r->err, needle) != NULL, "%s: '%s' not in: %s", where, needle,
		      r->err);
	ck_assert_msg(r->out[0] == '\0', "%s: printed on stdout: %s", where, r->out);
}

int64_t add_partner(const char *name, const char *type)
{
	struct run r;
	int64_t id;

	run_ally(&H, &r, NULL, "partner", "add", name, "--type", type, (char *)NULL);
	ck_assert_msg(r.status == 0, "partner add %s: %s", name, r.err);
	id = strtoll(r.out, NULL, 10);
	ck_assert_int_gt(id, 0);
	run_finish(&r);
	return id;
}

#define EXTRA_MAX 12

int64_t add_contract(const char *partner, const char *title, const char *start, const char *end,
		     ...)
{
	const char *e[EXTRA_MAX + 1] = { NULL };
	struct run r;
	va_list ap;
	int64_t id;
	int n = 0;

	va_start(ap, end);
	while (n < EXTRA_MAX && (e[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	/* run_ally stops at the first NULL, so unused slots end the list. */
	run_ally(&H, &r, NULL, "contract", "add", partner, "--title", title, "--start", start,
		 "--end", end, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10],
		 e[11], (char *)NULL);
	ck_assert_msg(r.status == 0, "contract add %s: %s", title, r.err);
	id = strtoll(r.out, NULL, 10);
	ck_assert_int_gt(id, 0);
	run_finish(&r);
	return id;
}
