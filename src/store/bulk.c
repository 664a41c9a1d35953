/* bulk.c: what an import does differently from a single change: one
 * transaction for the whole file (the caller's), the indexes it does not
 * read built once at the end, the schema's CHECK constraints left to the
 * core's checks, and the lookup of a contract's partner by id only.
 * Every row still goes through the same store functions (and the core's
 * validation, and one audit row) as a single add.
 *
 * The CHECK constraints: SQLite 3.40 evaluates each "x IN ('a', 'b',
 * ...)" of a CHECK by building a temporary table for every row written,
 * which made up three quarters of a contract insert (12.6 us of it, 3.4
 * us without: measured with the store's own INSERT).  During an import
 * every value has already passed partner_validate / contract_validate and
 * the parsers behind *_set_field, which refuse everything the CHECKs
 * refuse (and more); NOT NULL, UNIQUE and the foreign keys still apply,
 * and tests/io checks an imported file with PRAGMA integrity_check, which
 * evaluates every CHECK again. */
#include "store-private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"

/* The derived columns need nothing here: every write marks its partner,
 * and derive.c brings the marked ones up to date once, just before the
 * commit (after store_import_end has rebuilt the indexes it reads). */
void store_bulk_begin(struct store *s)
{
	(void)s;
}

int store_bulk_end(struct store *s, struct ally_err *err)
{
	(void)s;
	(void)err;
	return ALLY_OK;
}

/* Indexes an import does not read while it runs (it finds partners by
 * name_key and rows by id, through the primary keys and the UNIQUE
 * index, which stay).  Named one by one rather than "every index of the
 * tables written", so that an index added later keeps being kept up row
 * by row until someone checks that the import never needs it. */
static const char *const partner_import_indexes[] = {
	"partners_phase", "partners_type", "partners_owner", "partners_tier", "partners_score",
	"partners_name", "partners_lapsed", "partners_review_due", "partners_behind",
	"partners_stale", "partners_no_sponsor", "status_updates_partner", "scores_partner",
	"audit_log_partner", NULL,
};
static const char *const contract_import_indexes[] = {
	"contracts_status_end", "contracts_status_notice", "contracts_partner_status",
	"contract_terms_contract", "audit_log_partner", NULL,
};

/* The triggers that count each new row into partner_counts, or into
 * contract_days and tier_values: dropped like the indexes, and the
 * counts made again from the rows at the end (store_counters_rebuild). */
static const char *const partner_import_triggers[] = { "partner_counts_insert", NULL };
static const char *const contract_import_triggers[] = { "contract_days_insert",
							"tier_values_insert", NULL };

static const char SQL_INDEX_SQL[] =
	"SELECT sql FROM sqlite_schema WHERE type = ?2 AND name = ?1 AND sql IS NOT NULL";
static const char SQL_CACHE_GET[] = "PRAGMA cache_size";
static const char SQL_COUNT_PARTNERS[] = "SELECT count(*) FROM partners";
static const char SQL_COUNT_CONTRACTS[] = "SELECT count(*) FROM contracts";
static const char SQL_ID_BY_KEY[] = "SELECT id FROM partners WHERE name_key = ?1";
static const char SQL_ID_BY_ID[] = "SELECT id FROM partners WHERE id = ?1";

/* Run one statement built here, once, uncached: DDL and PRAGMAs, which
 * take no parameters.  Their text is the schema's own (an index's CREATE
 * statement) or a number computed here, never a user's text. */
static int exec_once(struct store *s, const char *sql, struct ally_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
	rc = rc == SQLITE_OK || rc == SQLITE_DONE ? ALLY_OK : store_fail(s, rc, err);
	sqlite3_finalize(st);
	return rc;
}

static int set_cache_kib(struct store *s, int64_t kib, struct ally_err *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %" PRId64, -kib);
	return exec_once(s, sql, err);
}

/* The CREATE statement of index (or trigger) name (*sql NULL when there
 * is no such one, or it is not one a statement made). */
static int index_sql(struct store *s, const char *type, const char *name, char **sql,
		     struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_INDEX_SQL, &st, err);

	*sql = NULL;
	if (rc != ALLY_OK)
		return rc;
	bind_text(st, 1, name);
	bind_text(st, 2, type);
	rc = store_step(s, st, err);
	if (rc == 1 && strncmp((const char *)sqlite3_column_text(st, 0), "CREATE ", 7) == 0)
		*sql = col_text(st, 0);
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

/* Drop one index (or trigger), keeping its CREATE statement for
 * store_import_end. */
static int defer_index(struct store *s, const char *type, const char *name,
		       struct ally_err *err)
{
	char *create, *drop;
	int rc = index_sql(s, type, name, &create, err);

	if (rc != ALLY_OK || create == NULL)
		return rc;
	/* An identifier cannot be a parameter; the name is one of ours. */
	drop = xasprintf("DROP %s \"%s\"", strcmp(type, "trigger") == 0 ? "TRIGGER" : "INDEX",
			 name);
	rc = exec_once(s, drop, err);
	free(drop);
	if (rc != ALLY_OK) {
		free(create);
		return rc;
	}
	s->import_indexes = xrealloc(s->import_indexes,
				     (s->import_nindexes + 1) * sizeof *s->import_indexes);
	s->import_indexes[s->import_nindexes++] = create;
	return ALLY_OK;
}

/* The page cache during an import, in KiB: measured at 300,000
 * contracts, a cache that holds the whole transaction (256 MiB) was
 * slower than a modest one, as the heap grew and shrank with it. */
#define IMPORT_CACHE_KIB (16 * 1024)

/* Measured at 100,000 partners and 300,000 contracts: building the
 * indexes once after the rows, sorted, costs a fraction of growing them
 * row by row in random key order.  Rebuilding covers the rows already
 * there too, so it only pays while the import is at least as large. */
static bool defer_pays(struct store *s, enum store_import_kind kind, size_t rows,
		       struct ally_err *err, int *rc)
{
	int64_t there = 0;

	*rc = store_query_int(s, kind == STORE_IMPORT_PARTNERS ? SQL_COUNT_PARTNERS
							     : SQL_COUNT_CONTRACTS,
			      0, &there, err);
	return *rc == ALLY_OK && rows > 0 && (int64_t)rows >= there;
}

void store_import_forget(struct store *s)
{
	for (size_t i = 0; i < s->import_nindexes; i++)
		free(s->import_indexes[i]);
	free(s->import_indexes);
	s->import_indexes = NULL;
	s->import_nindexes = 0;
}

int store_import_begin(struct store *s, enum store_import_kind kind, size_t rows,
		       struct ally_err *err)
{
	const char *const *names =
		kind == STORE_IMPORT_PARTNERS ? partner_import_indexes : contract_import_indexes;
	const char *const *triggers =
		kind == STORE_IMPORT_PARTNERS ? partner_import_triggers : contract_import_triggers;
	int rc;

	store_import_forget(s);
	if ((rc = store_query_int(s, SQL_CACHE_GET, 0, &s->import_cache, err)) != ALLY_OK ||
	    (rc = set_cache_kib(s, IMPORT_CACHE_KIB, err)) != ALLY_OK ||
	    (rc = exec_once(s, "PRAGMA ignore_check_constraints = ON", err)) != ALLY_OK)
		return rc;
	s->importing = true;
	if (!defer_pays(s, kind, rows, err, &rc))
		return rc;
	for (; *names != NULL && rc == ALLY_OK; names++)
		rc = defer_index(s, "index", *names, err);
	for (; *triggers != NULL && rc == ALLY_OK; triggers++)
		rc = defer_index(s, "trigger", *triggers, err);
	if (rc == ALLY_OK)
		s->import_recount = kind == STORE_IMPORT_PARTNERS ? 1 : 2;
	return rc;
}

int store_import_end(struct store *s, int rc, struct ally_err *err)
{
	char sql[64];
	int r;

	for (size_t i = 0; i < s->import_nindexes && rc == ALLY_OK; i++)
		rc = exec_once(s, s->import_indexes[i], err);
	if (rc == ALLY_OK && s->import_recount != 0)
		rc = store_counters_rebuild(s, s->import_recount == 1, s->import_recount == 2, err);
	s->import_recount = 0;
	store_import_forget(s);
	if (!s->importing)
		return rc;
	s->importing = false;
	/* What PRAGMA cache_size read back: a negative number is KiB, a
	 * positive one pages. */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %" PRId64, s->import_cache);
	r = exec_once(s, "PRAGMA ignore_check_constraints = OFF", rc == ALLY_OK ? err : NULL);
	if (r == ALLY_OK)
		r = exec_once(s, sql, rc == ALLY_OK ? err : NULL);
	return rc != ALLY_OK ? rc : r;
}

/* The id of the partner found by sql bound to key or id. */
static int id_query(struct store *s, const char *sql, const char *key, int64_t id, int64_t *out,
		    struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	*out = 0;
	if (rc != ALLY_OK)
		return rc;
	if (key != NULL)
		bind_text(st, 1, key);
	else
		bind_int(st, 1, id);
	return store_step_int(s, st, out, err);
}

int store_import_partner_id(struct store *s, const char *ref, int64_t *id,
			    struct ally_err *err)
{
	char *key = text_fold(ref); /* trimmed: "  12 " is id 12 too */
	int rc = id_query(s, SQL_ID_BY_KEY, key, 0, id, err);

	if (rc == ALLY_OK && *id == 0 && str_all_digits(key) && strlen(key) <= 18)
		rc = id_query(s, SQL_ID_BY_ID, NULL, strtoll(key, NULL, 10), id, err);
	free(key);
	if (rc != ALLY_OK || *id != 0)
		return rc;
	ally_err_set(err, ALLY_EUSER, "partner", "no partner '%s'", ref);
	return ally_err_because(err, AR_NOT_FOUND);
}
