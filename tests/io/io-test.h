/* io-test.h: what the import, export and demo tests share.
 *
 * The fixture and the common checks are cli-test.h's; these add standard
 * input, exact messages and a second database for round trips. */
#ifndef ALLY_IO_TEST_H
#define ALLY_IO_TEST_H

#include "cli-test.h" /* the fixture H, cli_tcase, parse_json, cli_run_suite */

/* Point H at a second, empty database in the same directory (for round
 * trips); the fixture removes the directory with both. */
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
