/* fixture.h: what the store tests share: a migrated database in a fresh
 * temporary directory, opened in the journal mode the test program was
 * started with ("wal" or "rollback" as its first argument). */
#ifndef ALLY_TEST_STORE_FIXTURE_H
#define ALLY_TEST_STORE_FIXTURE_H

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/err.h"
#include "ally/store.h"

extern enum store_journal fx_journal; /* from argv[1] */
extern struct store *fx_store;        /* open and migrated by fx_setup */
extern char fx_dir[64];               /* the temporary directory */
extern char fx_path[128];             /* fx_dir/test.db */

/* Checked fixture: a new directory and database per test. */
void fx_setup(void);
void fx_teardown(void);

/* Another connection to fx_path, as another user would open it. */
struct store *fx_open(const char *user, int busy_ms);

/* A date from ISO text; aborts the test on a typo. */
ally_date D(const char *iso);

/* Store a partner / an active contract, asserting success; return the id. */
int64_t fx_partner(const char *name, int type);
int64_t fx_contract(int64_t partner_id, const char *title, const char *start, const char *end,
		    bool auto_renew, int notice_days);

/* How many audit rows match tbl, field, old and new (NULL matches any
 * old/new; "" matches NULL). */
int fx_audit_count(const char *tbl, const char *field, const char *old_v, const char *new_v);

/* The statements fx_store runs between fx_trace_start and fx_trace_stop
 * (the first 32) that begin with prefix ("SELECT" when NULL), as their
 * SQL text. */
struct fx_traced {
	char *sql[32];
	int n;
	const char *prefix;
};
void fx_trace_start(struct fx_traced *t);
void fx_trace_stop(void);
void fx_traced_free(struct fx_traced *t);

/* EXPLAIN QUERY PLAN of sql, on a connection of its own: some line of the
 * plan contains want / none does. */
void fx_assert_plan_has(const char *sql, const char *want);
void fx_assert_plan_lacks(const char *sql, const char *unwanted);
/* No "SCAN t" of the tables named (NULL-terminated), and an index search. */
void fx_assert_no_scan(const char *sql, const char *const *tables);

/* Refuse every audit row on fx_store's connection (a temporary trigger),
 * or allow them again: a change then fails after its own rows were
 * written, and must roll back. */
void fx_refuse_audit(bool on);

/* Run the suite in the journal mode named by argv[1]; the exit status. */
int fx_run(Suite *s, int argc, char **argv);

#define ck_assert_ok(expr, err)                                                                   \
	do {                                                                                      \
		int rc_ = (expr);                                                                 \
		ck_assert_msg(rc_ == ALLY_OK, "%s failed (%d): %s", #expr, rc_, (err).msg);     \
	} while (0)

#endif
