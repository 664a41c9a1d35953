/* store-private.h: what the files of src/store share; not a public
 * interface.  The connection, statement helpers that map every SQLite
 * failure to an ally_err, the write-transaction wrapper and the audit
 * writer. */
#ifndef ALLY_STORE_PRIVATE_H
#define ALLY_STORE_PRIVATE_H

#include <sqlite3.h>
#include <sys/types.h>
#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/err.h"
#include "ally/money.h"
#include "ally/store.h"

/* One prepared statement, kept for the connection's life. */
struct stmt_slot {
	const char *sql;        /* the static SQL text: its address is the key */
	sqlite3_stmt *st;
};

struct store {
	sqlite3 *db;            /* the connection */
	/* Statements prepared once (SQLITE_PREPARE_PERSISTENT) and reused: an
	 * open-addressing table of cache_cap (a power of two) slots. */
	struct stmt_slot *cache;
	size_t cache_cap, cache_n;
	char *path;             /* as given to store_open */
	char *user;             /* login name for the audit log */
	char *source;           /* the SSH client's address, or NULL */
	int busy_ms;            /* how long to wait for a lock, in all */
	/* When waiting for a lock must end, in CLOCK_MONOTONIC microseconds
	 * (0: not armed yet).  Within a scope (a store function's own
	 * transaction, a patient step) one deadline covers every wait, SQLite's
	 * busy handler and the store's retries alike; outside, each wait arms
	 * its own. */
	int64_t deadline;
	int scope;              /* depth of nested scopes */
	bool readonly;
	char journal[8];        /* "wal", "delete" or "memory" */
	/* Partners the open write transaction changed (derive.c), in the
	 * order touched; their derived columns are brought up to date just
	 * before it commits. */
	int64_t *touched;
	size_t ntouched, touched_cap;
	/* Those whose name may have changed (added, renamed or deleted): the
	 * search's index of names is looked at for these only. */
	int64_t *named;
	size_t nnamed, named_cap;
	/* The change (a row of changes, schema 002) that the open write
	 * transaction files its audit rows under: 0 until its first audit
	 * row writes it (audit.c), and again once a transaction begins or
	 * the savepoint that wrote it is rolled back. */
	int64_t change_id;
	char *change_what;      /* what the next changes are labelled with, or NULL */
	int64_t snapshot_lock_us; /* the last snapshot's copy under the shared lock */
	/* The writers' queue (writer-lock.c): the side file (-1: none), the
	 * ticket held while a write transaction is open (0: none), and when
	 * a lock outside the queue was first seen by the heads before us. */
	/* This session met a damaged page (check.c): it writes no more. */
	bool damaged;
	/* The file as opened: store_file_gone compares the path's now. */
	dev_t dev;
	ino_t ino;
	int lock_fd;
	bool lock_tried;
	int64_t lock_ticket;
	int64_t lock_busy_since;
	/* Between store_import_begin and _end (bulk.c): the CREATE INDEX
	 * statements of the indexes dropped for the import, to run at its
	 * end, and the page cache size to go back to. */
	char **import_indexes;
	size_t import_nindexes;
	int64_t import_cache;
	bool importing;         /* the import's settings are in force */
	int import_recount;     /* counters to count again at the end: 1 the
				 * partners', 2 the contracts' (0: none) */
};

/* Map a failed SQLite call (rc != OK/ROW/DONE) to err and return the
 * status: locked, full, read-only, corrupt... as ALLY_EDB naming the file;
 * constraint failures as ALLY_EUSER naming the column when SQLite says
 * which. */
int store_fail(struct store *s, int rc, struct ally_err *err);

/* The statement of sql, prepared on first use and cached by the address
 * of sql, so sql must be static text (a string literal or a static
 * array) that never moves.  Every statement obtained here goes back with
 * store_release on every path, errors included: one left stepped keeps a
 * read transaction open, which blocks other sessions' commits and hides
 * their changes from this one.  ALLY_OK, or err filled and *st NULL (also
 * when the statement is still in use further up the stack). */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct ally_err *err);

/* Give a statement of store_prepare back: reset it (ending what it read)
 * and clear its bindings; it stays prepared until store_close.  NULL is a
 * no-op. */
void store_release(sqlite3_stmt *st);

/* Step a statement that returns no rows and release it. */
int store_step_done(struct store *s, sqlite3_stmt *st, struct ally_err *err);

/* Step: 1 for a row, 0 when done; on failure err is filled and the
 * negated status (-ALLY_EDB, -ALLY_EUSER) returned. */
int store_step(struct store *s, sqlite3_stmt *st, struct ally_err *err);

/* Step once and release: *out gets the first column of the row, or 0
 * when there is none (an UPDATE ... RETURNING that matched nothing). */
int store_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, struct ally_err *err);

/* The single integer of a PRAGMA or a count query: prepare sql, bind key
 * to ?1 when sql has a parameter, step once; *out gets the first column,
 * 0 when there is no row. */
int store_query_int(struct store *s, const char *sql, int64_t key, int64_t *out,
		    struct ally_err *err);

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
	int64_t change_before; /* s->change_id when the savepoint opened */
};
int tx_begin(struct store *s, struct tx *t, struct ally_err *err);
int tx_end(struct store *s, struct tx *t, int rc, struct ally_err *err);

/* writer-lock.c: ally's writers take turns in the order they came, on
 * the side file PATH-lock, opened at the first write (none: no queue,
 * only SQLite's busy handler); close closes it.  take waits for our turn
 * before BEGIN IMMEDIATE (ALLY_EDB naming the process that has held it
 * past busy_ms) and arms the deadline of the wait for SQLite's lock;
 * release ends the turn after COMMIT or ROLLBACK (busy: the head gave up
 * on a lock held outside the queue, so that the next one fails sooner).
 * Both are no-ops without a queue or a turn. */
void writer_lock_close(struct store *s);
int writer_lock_take(struct store *s, struct ally_err *err);
void writer_lock_release(struct store *s, bool busy);
/* check.c: the damage mark, PATH-damaged.  mark records that this
 * session met a damaged page (what: SQLite's words), so that no session
 * writes again until a check passes (clear); refuse is ALLY_EDB for a
 * write while the mark is there, naming 'ally check' and 'ally backup'. */
void store_mark_damaged(struct store *s, const char *what);
void store_clear_damaged(struct store *s);
int store_refuse_damaged(struct store *s, struct ally_err *err);
/* The folder of path: "/" for one at the root, "." for a bare name (the
 * caller frees; file-mode.c). */
char *store_folder_of(const char *path);
/* The wait for a lock ends us microseconds from now (store.c). */
void store_arm_deadline(struct store *s, int64_t us);

/* A read transaction, so several queries see one snapshot: BEGIN when
 * none is open (a no-op otherwise); rtx_end commits it. */
int rtx_begin(struct store *s, bool *own, struct ally_err *err);
void rtx_end(struct store *s, bool own);

/* derive.c: the derived columns of partners (003_windows.sql).
 * derive_touch marks a partner changed by the open write transaction
 * (audit_write does, for every change); derive_flush, just before the
 * COMMIT, writes the derived columns of every touched partner that
 * differ from what its rows give; derive_forget drops the marks (after a
 * rollback).  derive_all derives every partner (the migration). */
void derive_touch(struct store *s, int64_t partner_id);
/* The same, for a change of the partner row itself (field "*" or "name"),
 * which may change its name. */
void derive_touch_name(struct store *s, int64_t partner_id);
int derive_flush(struct store *s, struct ally_err *err);
void derive_forget(struct store *s);
int derive_all(struct store *s, struct ally_err *err);
/* counters.c: count partner_counts (partners) and contract_days and
 * tier_values (contracts) again from the rows, in the caller's
 * transaction: for the migration that creates them and after an import
 * that ran without their triggers. */
int store_counters_rebuild(struct store *s, bool partners, bool contracts, struct ally_err *err);

/* Bind the derived columns of a new partner p (no contracts, reviews or
 * contacts yet) to parameters i .. i + 8 of its INSERT, in the order
 * sort_key, phase_no, tier, min_end, review_due, behind_from, stale_from,
 * no_sponsor, renewal_watch. */
void derive_bind_new(sqlite3_stmt *st, int i, const struct partner *p);

/* The facts, flags and next action of rows (any order), read for those
 * partners only (partner-list.c). */
int partner_rows_facts(struct store *s, struct partner_row *rows, size_t n, ally_date today,
		       struct ally_err *err);

/* Append one audit row (who and when are filled here, and the partner's
 * current name, so write it while the partner row exists).  partner_id 0
 * when none; old/new NULL for insert/delete. */
int audit_write(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
		const char *field, const char *old_value, const char *new_value,
		struct ally_err *err);

/* For an update: an audit row for each i where old[i] and new[i] differ
 * (NULLs equal each other), field names from fields[]. */
int audit_diff(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
	       const char *const *fields, char *const *old_v, char *const *new_v, int n,
	       struct ally_err *err);
/* Read the row of sql (which takes one id) into out with from_row; no row
 * is ALLY_EUSER "what: no what N". */
int store_get(struct store *s, const char *sql, int64_t id,
	      void (*from_row)(sqlite3_stmt *st, void *out), void *out, const char *what,
	      struct ally_err *err);

/* How the rows of a list query become the elements of an array. */
struct row_kind {
	size_t size;                                    /* of one element */
	void (*from_row)(sqlite3_stmt *st, void *elem); /* fill elem from the row */
	void (*finish)(void *elem);                     /* free what elem owns, or NULL */
};

/* Every row of sql (bind, when not NULL, binds arg to it) as a new array
 * *rows of *n elements, which the caller frees with store_rows_free.  On
 * failure *rows is NULL and *n 0. */
int store_collect(struct store *s, const char *sql,
		  void (*bind)(sqlite3_stmt *st, const void *arg), const void *arg,
		  const struct row_kind *kind, void **rows, size_t *n, struct ally_err *err);
void store_rows_free(const struct row_kind *kind, void *rows, size_t n);

/* A bind callback for store_collect: ?1 = *(const int64_t *)id. */
void store_bind_id(sqlite3_stmt *st, const void *id);

/* Room for one more element in a growing array of n: returns the array,
 * reallocated when n reached *cap. */
void *store_grow(void *rows, size_t n, size_t *cap, size_t size);

/* One kind of row (a table) for store_versioned_add, _update and _delete.
 * The row struct has int64_t members id, version and partner_id (a
 * partner's own id for partners) at the offsets given.  Hooks may be NULL
 * where a table has nothing to do or does not support the operation. */
struct versioned_ops {
	const char *tbl;           /* the table, as the audit log names it */
	const char *what;          /* "contact": for "no contact N", "changed by..." */
	const char *exists_sql;    /* SELECT 1 FROM tbl WHERE id = ? */
	size_t size;               /* of the row struct */
	size_t id_off, version_off, partner_off;
	size_t created_at_off;     /* of a char * member; 0 (id's offset): none */
	size_t updated_at_off;     /* likewise */
	int (*validate)(const void *row, struct ally_err *err);
	char *(*summary)(const void *row); /* the audit value of an insert or delete */

	/* INSERT ... RETURNING id, version (and created_at, updated_at when
	 * the struct keeps them); check runs first (the rows it refers to
	 * exist), after once the row is in. */
	const char *insert_sql;
	void (*bind_insert)(sqlite3_stmt *st, const void *row);
	int (*check_insert)(struct store *s, void *row, struct ally_err *err);
	int (*after_insert)(struct store *s, void *row, struct ally_err *err);
	bool partner_must_exist;   /* the row's partner_id, before check_insert */
	bool keeps_id;             /* an id > 0 is inserted as is, when free */

	/* UPDATE ... WHERE id = ? AND version = ? RETURNING version (and
	 * updated_at when the struct keeps it) */
	const char *update_sql;
	const char *const *fields; /* the editable fields, in values() order */
	int nfields;
	int (*get)(struct store *s, int64_t id, void *out, struct ally_err *err);
	void (*values)(const void *row, char **v); /* the fields as text, owned */
	void (*bind_update)(sqlite3_stmt *st, const void *row); /* every parameter */
	/* around the UPDATE; cur is the stored row */
	int (*check_update)(struct store *s, const void *row, const void *cur,
			    struct ally_err *err);
	int (*after_update)(struct store *s, const void *row, const void *cur,
			    struct ally_err *err);
	void (*finish)(void *row);

	const char *delete_sql;    /* DELETE FROM tbl WHERE id = ? */
	/* Before the DELETE, cur the stored row: audit what goes (ON DELETE
	 * CASCADE) or changes (SET NULL) with it. */
	int (*before_delete)(struct store *s, const void *cur, struct ally_err *err);
};

/* Validate row, then in one transaction: check, insert, audit the new row
 * (field "*").  With row's id > 0 that id is used.  Once committed, row's
 * id, version and stamps (created_at, updated_at) are set; on failure
 * nothing is written and row is as it was. */
int store_versioned_add(struct store *s, const struct versioned_ops *ops, void *row,
			struct ally_err *err);

/* Validate row, then in one transaction: read the stored row, refuse a
 * stale version, write the fields that differ and audit each one.  Once
 * committed, row's version and updated_at are the new ones and its
 * partner_id the stored one; on failure nothing is written and row is as
 * it was. */
int store_versioned_update(struct store *s, const struct versioned_ops *ops, void *row,
			   struct ally_err *err);

/* One field of a row set from text, as the core's setter for the table
 * (partner_set_field...): how a merge writes a field's value onto a row. */
typedef int (*versioned_set_fn)(void *row, const char *field, const char *value,
				struct ally_err *err);

/* Merge an edit into the stored row, in one transaction: base is the row
 * as read when the editing began, row the same with the user's changes.
 * The stored row is read again; each field where row's values() text
 * differs from base's is set onto it (set, in fields order), the others
 * keep their stored values, and it is updated as store_versioned_update
 * with the version just read.  A field row changed that has also changed
 * in the store since base, to another value than row's, is refused:
 * ALLY_EUSER "FIELD: changed by someone else to 'VALUE' since SINCE"
 * (since NULL: "it was read"), and base takes the stored value of that
 * field (only), so that the same merge again writes row's value over the
 * one the message named.  Likewise a field row did not change that
 * another session did and that setting row's fields would change again
 * (a contract's model cleared clears its parameters).  Once committed, row is the stored row with the
 * merge written (its ops->finish'ed old contents replaced); on failure
 * row is as it was. */
int store_versioned_merge(struct store *s, const struct versioned_ops *ops, versioned_set_fn set,
			  void *base, void *row, const char *since, struct ally_err *err);

/* Delete row id, audited with its summary; not found is ALLY_EUSER. */
int store_versioned_delete(struct store *s, const struct versioned_ops *ops, int64_t id,
			   struct ally_err *err);

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

/* One history row of a partner's status updates / scorings (status.c),
 * written as given (the caller checked it); its id in *id.  Whether it
 * also becomes the current one is the caller's business. */
int status_history_insert(struct store *s, int64_t partner_id, ally_date date, int health,
			  const char *note, const char *author, int64_t *id, struct ally_err *err);
int score_history_insert(struct store *s, int64_t partner_id, ally_date date,
			 const struct score_input *in, int w, const char *author, int64_t *id,
			 struct ally_err *err);

/* The columns partner_from_row reads, in its order. */
#define PARTNER_COLS                                                                              \
	"id, version, name, type, phase, owner, origin, power, goal, value_partner, value_us, "   \
	"value_together, region, website, notes, health, status_note, status_date, "             \
	"status_author, score_w, score_fit, score_reach, score_capabilities, score_financial, "  \
	"score_track_record, score_date, created_at, updated_at"
/* Fill p (treated as uninitialised) from a row of PARTNER_COLS. */
void partner_from_row(sqlite3_stmt *st, struct partner *p);

/* Before rows go with the one deleted (ON DELETE CASCADE): one audit row
 * filed against the deleted parent (parent_tbl#parent_id, field child_tbl)
 * from "N row(s)" to "deleted with the <with>", when count_sql (one
 * parameter, parent_id) counts any.  The children's own ids are gone with
 * them; the parent's is the one a reader can look up. */
int audit_cascade_count(struct store *s, const char *parent_tbl, int64_t parent_id,
			const char *child_tbl, const char *count_sql, int64_t partner_id,
			const char *with, struct ally_err *err);

/* Before a partner's rows go with it (ON DELETE CASCADE): one audit row
 * per contract and per contact it has, field "*" with the row's summary. */
int contract_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err);
int contact_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err);

/* The partner of a contract into *partner_id (0 when the contract does not
 * exist); a failed query is reported, not taken for "no such contract". */
int store_contract_partner(struct store *s, int64_t contract_id, int64_t *partner_id,
			   struct ally_err *err);

/* ALLY_OK when partner id exists, else ALLY_EUSER "partner: no partner N". */
int store_partner_exists(struct store *s, int64_t id, struct ally_err *err);

/* Does a row with this id exist (exists_sql takes one id parameter)? */
int store_exists(struct store *s, const char *exists_sql, int64_t id, bool *out,
		 struct ally_err *err);

/* ---- reading row by row (each.c), for the *_each functions ---- */

/* Step through every row of sql (bind, when not NULL, binds arg to it):
 * each row is filled into the one element of kind that the walk holds,
 * handed to fn, then finished, so memory does not grow with the rows.  fn returning anything but ALLY_OK stops the
 * walk with that status (its err filled).  The statement stays stepped
 * while fn runs: fn must not use the same query.  Returns ALLY_OK, fn's
 * status, or the query's failure. */
int store_each(struct store *s, const char *sql, void (*bind)(sqlite3_stmt *st, const void *arg),
	       const void *arg, const struct row_kind *kind,
	       int (*fn)(void *ctx, void *elem, struct ally_err *err), void *ctx,
	       struct ally_err *err);

/* Free what store_import_begin kept for store_import_end (bulk.c);
 * store_close calls it for an import that failed. */
void store_import_forget(struct store *s);


#endif
