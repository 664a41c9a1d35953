/* migrate.c: bringing a database up to the schema this ally knows.
 *
 * Migration N (schema/00N_*.sql, embedded as store_migrations[N-1]) takes
 * a database from user_version N-1 to N.  Each runs in its own BEGIN
 * IMMEDIATE transaction and sets user_version itself, so a crash or a
 * failure leaves the database at the previous version, whole. */
#include "store-private.h"

#include <stdlib.h>
#include "ally/util.h"

extern const char *const store_migrations[];
extern const int store_migration_count;

int store_schema_latest(void)
{
	return store_migration_count;
}

int store_schema_version(struct store *s)
{
	int64_t v = -1;

	if (store_user_version(s, &v, NULL) != ALLY_OK)
		return -1;
	return (int)v;
}

/* Every statement of a script in turn: sqlite3_prepare_v2 reports where
 * the next one starts. */
static int run_script(struct store *s, const char *sql, struct ally_err *err)
{
	while (*sql != '\0') {
		sqlite3_stmt *st = NULL;
		const char *tail = NULL;
		int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, &tail);

		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return store_fail(s, rc, err);
		}
		/* Run once: stepped and finalized here, never cached. */
		while (st != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (st != NULL && rc != SQLITE_DONE) {
			rc = store_fail(s, rc, err);
			sqlite3_finalize(st);
			return rc;
		}
		sqlite3_finalize(st);
		if (tail == NULL || tail == sql)
			break;
		sql = tail;
	}
	return ALLY_OK;
}

/* What a migration needs from C after its script, in the same
 * transaction: values the core derives, which SQL cannot compute. */
static int after_script(struct store *s, int n, struct ally_err *err)
{
	if (n == 3) { /* 003_windows.sql: the derived columns, then the counters */
		int rc = derive_all(s, err);

		return rc == ALLY_OK ? store_counters_rebuild(s, true, true, err) : rc;
	}
	if (n == 5) /* 005_review_cadence.sql: review dates by the new rule */
		return derive_all(s, err);
	return ALLY_OK;
}

/* Apply migration number n (1-based) unless another session did it while
 * we waited for the write lock: the version is read again once we hold it,
 * so processes migrating a new file at once each apply it at most once. */
static int apply(struct store *s, int n, struct ally_err *err)
{
	int64_t version;
	int rc;

	if ((rc = store_begin(s, err)) != ALLY_OK)
		return rc;
	if ((rc = store_user_version(s, &version, err)) != ALLY_OK)
		goto out;
	if (version > store_schema_latest()) {
		rc = store_newer_fail(version, err);
		goto out;
	}
	if (version >= n)
		goto out;
	if ((rc = run_script(s, store_migrations[n - 1], err)) != ALLY_OK)
		goto out;
	if ((rc = after_script(s, n, err)) != ALLY_OK)
		goto out;
	if ((rc = store_user_version(s, &version, err)) != ALLY_OK)
		goto out;
	if (version != n)
		rc = ally_err_set(err, ALLY_EDB, "database",
				  "migration %d left the schema at version %lld; nothing was changed", n,
				  (long long)version);
out:
	if (rc == ALLY_OK)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

/* Before a migration changes a database that holds data, a copy of it
 * as it was, beside it and named by its schema version
 * (portfolio.db.schema-2.bak): an older ally can open it, and nothing
 * the migration does is beyond undoing.  No copy, no migration. */
static int backup_first(struct store *s, int64_t version, struct ally_err *err)
{
	char *path = xasprintf("%s.schema-%lld.bak", s->path, (long long)version);
	int64_t bytes;
	int rc = store_backup(s, path, true, &bytes, err);
	char *why;

	if (rc != ALLY_OK) {
		why = xstrdup(err->msg);
		ally_err_set(err, ALLY_EDB, "database",
			     "cannot keep a copy as %s before migrating (%s); nothing was changed",
			     path, why);
		free(why);
	}
	free(path);
	return rc == ALLY_OK ? ALLY_OK : ALLY_EDB;
}

int store_migrate(struct store *s, struct ally_err *err)
{
	int64_t version;
	int rc;

	if ((rc = store_user_version(s, &version, err)) != ALLY_OK)
		return rc;
	/* Checked before any write, so a newer database stays byte for byte. */
	if (version > store_schema_latest())
		return store_newer_fail(version, err);
	if (version >= 1 && version < store_schema_latest() && !s->readonly &&
	    (rc = backup_first(s, version, err)) != ALLY_OK)
		return rc;
	for (int n = (int)version + 1; n <= store_schema_latest(); n++)
		if ((rc = apply(s, n, err)) != ALLY_OK)
			return rc;
	return ALLY_OK;
}
