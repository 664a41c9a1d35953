/* io-test.h: what the import, export and demo tests share.
 *
 * Each test gets a fresh directory with an initialised database (H); the
 * macros run the built binary and check what a user relies on. */
#ifndef ALLY_IO_TEST_H
#define ALLY_IO_TEST_H

#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

extern struct harness H;

void io_setup(void);
void io_teardown(void);
/* A TCase using the fixture. */
TCase *io_tcase(const char *name);

/* Parse JSON output; fails the test when it does not parse. */
json_t *io_json(const char *text);

/* Point H at a second, empty database in the same directory (for round
 * trips); io_teardown removes both. */
void io_use_db(const char *file);

/* Run ally with --db/--today and stdin (or NULL); expect exit 0 and
 * nothing on stderr.  The caller run_finish'es r. */
#define IO_OK(r, in, ...)                                                                          \
	do {                                                                                       \
		run_ally(&H, (r), (in), __VA_ARGS__, (char *)NULL);                                \
		ck_assert_msg((r)->status == 0, "exit %d, stderr: %s", (r)->status, (r)->err);     \
		ck_assert_str_eq((r)->err, "");                                                    \
	} while (0)

/* Run ally and expect exit st with exactly the line "ally: MSG\n" on
 * stderr (MSG a prefix when prefix is true), nothing on stdout, and the
 * database byte for byte as before. */
void io_fails(int st, const char *msg, int prefix, const char *in, ...);

#endif
