/* store-private.h: what the files of src/store share; not a public
 * interface.  The connection, statement helpers that map every SQLite
 * failure to an ally_err, the write-transaction wrapper and the audit
 * writer. */
#ifndef ALLY_STORE_PRIVATE_H
#define ALLY_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/err.h"
#include "ally/money.h"
#include "ally/store.h"

struct store {
	sqlite3 *db;            /* the connection */
	char *path;             /* as given to store_open */
	char *user;             /* login name for the audit log */
	int busy_ms;            /* busy_timeout, for the "locked" message */
	bool readonly;
	char journal[8];        /* "wal", "delete" or "memory" */
};

/* Map a failed SQLite call (rc != OK/ROW/DONE) to err and return the
 * status: locked, full, read-only, corrupt... as ALLY_EDB naming the file;
 * constraint failures as ALLY_EUSER naming the column when SQLite says
 * which. */
int store_fail(struct store *s, int rc, struct ally_err *err);

/* Prepare one statement of static SQL.  ALLY_OK, or err filled and *st
 * NULL. */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct ally_err *err);

/* Step a statement that returns no rows and finalize it. */
int store_step_done(struct store *s, sqlite3_stmt *st, struct ally_err *err);

/* Step: 1 for a row, 0 when done; on failure err is filled and the
 * negated status (-ALLY_EDB, -ALLY_EUSER) returned. */
int store_step(struct store *s, sqlite3_stmt *st, struct ally_err *err);

/* Step once and finalize: *out gets the first column of the row, or 0
 * when there is none (an UPDATE ... RETURNING that matched nothing). */
int store_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, struct ally_err *err);

/* PRAGMA user_version, and the error for a database that a newer ally
 * wrote. */
int store_user_version(struct store *s, int64_t *out, struct ally_err *err);
int store_newer_fail(int64_t version, struct ally_err *err);

/* Run one static statement that takes no parameters (BEGIN, PRAGMA...). */
int store_exec1(struct store *s, const char *sql, struct ally_err *err);

/* Binding: NULL for "not set" (NULL text, DATE_NONE, negative enum or
 * money of -1), so a column reads back exactly as written. */
void bind_text(sqlite3_stmt *st, int i, const char *v);
void bind_int(sqlite3_stmt *st, int i, int64_t v);
void bind_opt_int(sqlite3_stmt *st, int i, int64_t v); /* v < 0 binds NULL */
void bind_date(sqlite3_stmt *st, int i, ally_date d);
void bind_enum(sqlite3_stmt *st, int i, const char *const *names, int v);

/* Reading columns back: owned copies, DATE_NONE, -1 for NULL. */
char *col_text(sqlite3_stmt *st, int i);
int64_t col_int(sqlite3_stmt *st, int i);
int64_t col_opt_int(sqlite3_stmt *st, int i); /* NULL reads -1 */
ally_date col_date(sqlite3_stmt *st, int i);
int col_enum(sqlite3_stmt *st, int i, const char *const *names);

/* A write transaction around one store function: BEGIN IMMEDIATE when the
 * caller has none open, else a savepoint inside the caller's, so a failing
 * function undoes its own half-done writes either way.  tx_end commits or
 * releases when rc is ALLY_OK, else rolls back; it returns the final
 * status (a failing COMMIT turns OK into an error). */
struct tx {
	bool own;       /* we began the transaction */
	bool savepoint; /* we opened a savepoint in the caller's */
};
int tx_begin(struct store *s, struct tx *t, struct ally_err *err);
int tx_end(struct store *s, struct tx *t, int rc, struct ally_err *err);

/* A read transaction, so several queries see one snapshot: BEGIN when
 * none is open (a no-op otherwise); rtx_end commits it. */
int rtx_begin(struct store *s, bool *own, struct ally_err *err);
void rtx_end(struct store *s, bool own);

/* Append one audit row (who and when are filled here).  partner_id 0 when
 * none; old/new NULL for insert/delete. */
int audit_write(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
		const char *field, const char *old_value, const char *new_value,
		struct ally_err *err);

/* For an update: an audit row for each i where old[i] and new[i] differ
 * (NULLs equal each other), field names from fields[]. */
int audit_diff(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
	       const char *const *fields, char *const *old_v, char *const *new_v, int n,
	       struct ally_err *err);
/* Room for one more element in a growing array of n: returns the array,
 * reallocated when n reached *cap. */
void *store_grow(void *rows, size_t n, size_t *cap, size_t size);

/* How many of n values differ (NULLs equal each other). */
int values_changed(char *const *old_v, char *const *new_v, int n);

/* Free n strings of a values array. */
void values_free(char **v, int n);

/* Text forms used in audit values. */
char *text_date(ally_date d);                 /* NULL for DATE_NONE */
char *text_money(ally_money m);               /* NULL for -1 */
char *text_int(int64_t v);
char *text_opt_int(int64_t v);                /* NULL when v < 0 */
char *text_enum(const char *const *names, int v); /* NULL when unset */
char *text_bool(bool b);                      /* "yes" / "no" */

/* "partner: no partner N" and friends, for a row that is missing. */
int store_not_found(struct ally_err *err, const char *what, int64_t id);

/* Version check after an UPDATE ... WHERE id=? AND version=? changed no
 * row: not found when the row is gone, else the "changed by someone else"
 * error for what. */
int store_stale(struct store *s, const char *exists_sql, const char *what, int64_t id,
		struct ally_err *err);

/* The columns partner_from_row reads, in its order. */
#define PARTNER_COLS                                                                              \
	"id, version, name, type, phase, owner, origin, power, goal, value_partner, value_us, "   \
	"value_together, region, website, notes, health, status_note, status_date, "             \
	"status_author, score_w, score_fit, score_reach, score_capabilities, score_financial, "  \
	"score_track_record, score_date, created_at, updated_at"
/* Fill p (treated as uninitialised) from a row of PARTNER_COLS. */
void partner_from_row(sqlite3_stmt *st, struct partner *p);

/* Before a partner's rows go with it (ON DELETE CASCADE): one audit row
 * per contract and per contact it has, field "*" with the row's summary. */
int contract_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err);
int contact_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err);

/* The partner of a contract into *partner_id (0 when the contract does not
 * exist); a failed query is reported, not taken for "no such contract". */
int store_contract_partner(struct store *s, int64_t contract_id, int64_t *partner_id,
			   struct ally_err *err);

/* Does a row with this id exist (exists_sql takes one id parameter)? */
int store_exists(struct store *s, const char *exists_sql, int64_t id, bool *out,
		 struct ally_err *err);

#endif
