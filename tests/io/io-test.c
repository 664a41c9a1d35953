/* io-test.c: the checks of io-test.h. */
#include "io-test.h"

#include <stdarg.h>
#include <stdio.h>

#include "ally/util.h"

void io_use_db(const char *file)
{
	struct run r;

	snprintf(H.db, sizeof H.db, "%s/%s", H.dir, file);
	IO_OK(&r, NULL, "init");
	run_finish(&r);
}

void io_fails(int st, const char *msg, int prefix, const char *in, ...)
{
	char *argv[32] = { NULL }, *before = harness_db_digest(&H), *after, *want;
	const char *a;
	struct run r;
	va_list ap;
	int n = 0;

	va_start(ap, in);
	while ((a = va_arg(ap, const char *)) != NULL && n < 31)
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n] = NULL;
	/* harness.h runs a NULL-terminated list; pass up to 6 words. */
	ck_assert_msg(n <= 6, "io_fails takes at most 6 words");
	run_ally(&H, &r, in, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], (char *)NULL);
	after = harness_db_digest(&H);
	want = xasprintf("ally: %s%s", msg, prefix ? "" : "\n");
	ck_assert_msg(r.status == st, "exit %d, want %d; stderr: %s", r.status, st, r.err);
	if (prefix)
		ck_assert_msg(strncmp(r.err, want, strlen(want)) == 0 &&
				  strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
			      "stderr '%s' is not one line starting '%s'", r.err, want);
	else
		ck_assert_str_eq(r.err, want);
	ck_assert_str_eq(r.out, "");
	ck_assert_msg(strcmp(before, after) == 0, "the database changed");
	free(want);
	free(before);
	free(after);
	run_finish(&r);
}
