/* audit.c: the audit log: who changed which field of which row, when,
 * from what to what.  Written in the same transaction as the change. */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"

/* The partner's name as it is now (NULL when none), kept with the row;
 * ?8 the change it belongs to. */
static const char SQL_AUDIT_ADD[] =
	"INSERT INTO audit_log (user, tbl, row_id, partner_id, partner_name, field, old_value, "
	"  new_value, change_id) "
	"VALUES (?1, ?2, ?3, ?4, (SELECT name FROM partners WHERE id = ?4), ?5, ?6, ?7, ?8)";
/* A new change: its first audit row (?1) takes its own id as the
 * change's, and the change row that id, who, and what made it (NULL when
 * not said). */
static const char SQL_CHANGE_FIRST[] = "UPDATE audit_log SET change_id = ?1 WHERE id = ?1";
static const char SQL_CHANGE_ADD[] =
	"INSERT INTO changes (id, user, what, source) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_CHANGE_LAST[] = "SELECT max(id) FROM changes";

/* The partner's current name, else the one the row was written with. */
#define AUDIT_COLS                                                                            \
	"SELECT a.id, a.at, a.user, a.tbl, a.row_id, a.partner_id, "                          \
	"       COALESCE(p.name, a.partner_name) AS partner, a.field, a.old_value, a.new_value, " \
	"       (SELECT c.source FROM changes c WHERE c.id = a.change_id) "                   \
	"FROM audit_log a LEFT JOIN partners p ON p.id = a.partner_id "

/* ?1 is the filter's text folded (text_fold) or NULL: a substring of a
 * column folded the same way, so letter case is ignored in every script,
 * as the names and the Portfolio search ignore it. */
#define AUDIT_HAS(col) "instr(ally_fold(" col "), ?1) > 0"
#define AUDIT_MATCH                                                                  \
	"(?1 IS NULL OR " AUDIT_HAS("partner") " OR " AUDIT_HAS("a.user") " OR "     \
	AUDIT_HAS("a.field") " OR " AUDIT_HAS("a.old_value") " OR "                  \
	AUDIT_HAS("a.new_value") ") "

/* Newest first.  ?1 is the folded text or NULL; ?2 limit (-1: all). */
static const char SQL_AUDIT_LIST[] =
	AUDIT_COLS "WHERE " AUDIT_MATCH "ORDER BY a.id DESC LIMIT ?2 OFFSET ?3";
/* A keyset page, a range of the primary key whatever its place in the
 * log: the ?4 matching rows with ?2 < id < ?3 nearest ?3 (newest first)
 * or nearest ?2 (oldest first; store_audit_page turns them round). */
static const char SQL_AUDIT_OLDER[] =
	AUDIT_COLS "WHERE a.id > ?2 AND a.id < ?3 AND " AUDIT_MATCH "ORDER BY a.id DESC LIMIT ?4";
static const char SQL_AUDIT_NEWER[] =
	AUDIT_COLS "WHERE a.id > ?2 AND a.id < ?3 AND " AUDIT_MATCH "ORDER BY a.id ASC LIMIT ?4";
/* Counts.  With no filter the partners' names do not matter, so no join:
 * the whole log is the table's own count, and the rows above an id (?1)
 * a range of the primary key.  With a filter, the match of the list over
 * the rows above ?2: a scan, like the filtered list. */
static const char SQL_AUDIT_COUNT_ALL[] = "SELECT count(*) FROM audit_log";
static const char SQL_AUDIT_COUNT_AFTER[] = "SELECT count(*) FROM audit_log WHERE id > ?1";
static const char SQL_AUDIT_COUNT_MATCH[] =
	"SELECT count(*) FROM (" AUDIT_COLS "WHERE a.id > ?2 AND " AUDIT_MATCH ")";
/* The matches below id ?2 (newest first, down the primary key) up to ?3
 * of them: how many, and the oldest id among them. */
static const char SQL_AUDIT_COUNT_BELOW[] =
	"SELECT count(*), min(id) FROM (SELECT a.id, COALESCE(p.name, a.partner_name) AS partner "
	"  FROM audit_log a "
	"  LEFT JOIN partners p ON p.id = a.partner_id "
	"  WHERE a.id < ?2 AND " AUDIT_MATCH "ORDER BY a.id DESC LIMIT ?3)";
/* The newest id (NULL, read as 0, when the log is empty): the end of the
 * primary key, one lookup. */
static const char SQL_AUDIT_LAST_ID[] = "SELECT max(id) FROM audit_log";
/* One partner's rows, newest first, through audit_log_partner
 * (partner_id, id): ?1 the partner, ?2 limit (-1: all), ?3 offset. */
static const char SQL_AUDIT_PARTNER[] =
	AUDIT_COLS "WHERE a.partner_id = ?1 ORDER BY a.id DESC LIMIT ?2 OFFSET ?3";
/* The newest row of one row (?2 table, ?3 id) among its partner's (?1),
 * through the same index: what a refused compare-and-set names. */
static const char SQL_AUDIT_ROW_LAST[] =
	AUDIT_COLS "WHERE a.partner_id = ?1 AND a.tbl = ?2 AND a.row_id = ?3 "
	"ORDER BY a.id DESC LIMIT 1";
/* The same two, for store_audit_each: the whole log newest first down
 * the primary key, or one partner's down audit_log_partner; ?1 limit
 * (-1: all), ?2 the partner. */
/* ?3: rows at or after this UTC time ("YYYY-MM-DD" or longer), ?4: of
 * this user; NULL: any. */
#define AUDIT_SINCE_USER "(?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.user = ?4) "
static const char SQL_AUDIT_EACH[] =
	AUDIT_COLS "WHERE " AUDIT_SINCE_USER "ORDER BY a.id DESC LIMIT ?1";
static const char SQL_AUDIT_EACH_PARTNER[] =
	AUDIT_COLS "WHERE a.partner_id = ?2 AND " AUDIT_SINCE_USER "ORDER BY a.id DESC LIMIT ?1";
/* One change's rows in the order written: from its first row to the
 * next change's first, a range of the primary key. */
static const char SQL_AUDIT_CHANGE[] =
	AUDIT_COLS "WHERE a.id >= ?1 AND a.id < "
	"  COALESCE((SELECT min(id) FROM changes WHERE id > ?1), 9223372036854775807) "
	"  AND a.change_id = ?1 ORDER BY a.id";

/* The first audit row of a change (just written, its id in row) takes
 * its own id as the change's, and the change's row is written. */
static int start_change(struct store *s, int64_t row, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CHANGE_FIRST, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, row);
	if ((rc = store_step_done(s, st, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_CHANGE_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, row);
	bind_text(st, 2, s->user);
	bind_text(st, 3, s->change_what);
	bind_text(st, 4, s->source);
	if ((rc = store_step_done(s, st, err)) == ALLY_OK)
		s->change_id = row;
	return rc;
}

void store_change_label(struct store *s, const char *what)
{
	free(s->change_what);
	s->change_what = what != NULL ? xstrdup(what) : NULL;
}

int store_change_last(struct store *s, int64_t *out, struct ally_err *err)
{
	return store_query_int(s, SQL_CHANGE_LAST, 0, out, err);
}

/* The change of the open write transaction is written with its first
 * audit row, so a transaction that audits nothing leaves none behind.
 * The store forgets it when a transaction begins, and when the savepoint
 * that wrote it rolls back (tx_end). */
int audit_write(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
		const char *field, const char *old_value, const char *new_value,
		struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_AUDIT_ADD, &st, err);

	if (rc != ALLY_OK)
		return rc;
	derive_touch(s, partner_id);
	if (strcmp(tbl, "partners") == 0 && (strcmp(field, "*") == 0 || strcmp(field, "name") == 0))
		derive_touch_name(s, partner_id);
	bind_text(st, 1, s->user);
	bind_text(st, 2, tbl);
	bind_int(st, 3, row_id);
	bind_opt_int(st, 4, partner_id > 0 ? partner_id : -1);
	bind_text(st, 5, field);
	bind_text(st, 6, old_value);
	bind_text(st, 7, new_value);
	bind_opt_int(st, 8, s->change_id > 0 ? s->change_id : -1);
	if ((rc = store_step_done(s, st, err)) != ALLY_OK || s->change_id > 0)
		return rc;
	return start_change(s, sqlite3_last_insert_rowid(s->db), err);
}

int audit_cascade_count(struct store *s, const char *parent_tbl, int64_t parent_id,
			const char *child_tbl, const char *count_sql, int64_t partner_id,
			const char *with, struct ally_err *err)
{
	int64_t n = 0;
	char *count, *gone;
	int rc = store_query_int(s, count_sql, parent_id, &n, err);

	if (rc != ALLY_OK || n == 0)
		return rc;
	count = xasprintf("%" PRId64 " row(s)", n);
	gone = xasprintf("deleted with the %s", with);
	rc = audit_write(s, parent_tbl, parent_id, partner_id, child_tbl, count, gone, err);
	free(count);
	free(gone);
	return rc;
}

static bool same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int audit_diff(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
	       const char *const *fields, char *const *old_v, char *const *new_v, int n,
	       struct ally_err *err)
{
	for (int i = 0; i < n; i++) {
		int rc;

		if (same(old_v[i], new_v[i]))
			continue;
		rc = audit_write(s, tbl, row_id, partner_id, fields[i], old_v[i], new_v[i], err);
		if (rc != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

int values_changed(char *const *old_v, char *const *new_v, int n)
{
	int changed = 0;

	for (int i = 0; i < n; i++)
		changed += !same(old_v[i], new_v[i]);
	return changed;
}

void values_free(char **v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i]);
		v[i] = NULL;
	}
}

/* The needle of AUDIT_MATCH: text folded as the columns are, or NULL
 * (no filter) for NULL or "".  The caller frees. */
static char *needle(const char *text)
{
	return text != NULL && *text != '\0' ? text_fold(text) : NULL;
}

static void audit_from_row(sqlite3_stmt *st, void *elem)
{
	struct audit_entry *e = elem;

	e->id = col_int(st, 0);
	e->at = col_text(st, 1);
	e->user = col_text(st, 2);
	e->tbl = col_text(st, 3);
	e->row_id = col_int(st, 4);
	e->partner_id = col_opt_int(st, 5) > 0 ? col_int(st, 5) : 0;
	e->partner = col_text(st, 6);
	e->field = col_text(st, 7);
	e->old_value = col_text(st, 8);
	e->new_value = col_text(st, 9);
	e->source = col_text(st, 10);
}

static void audit_free(void *elem)
{
	struct audit_entry *e = elem;

	free(e->at);
	free(e->user);
	free(e->tbl);
	free(e->partner);
	free(e->field);
	free(e->old_value);
	free(e->new_value);
	free(e->source);
}

static const struct row_kind audit_rows = { sizeof(struct audit_entry), audit_from_row,
					   audit_free };

/* ?1 the folded text or NULL (store_audit_list), or the partner id
 * (store_audit_list_partner); ?2 limit (-1: all), ?3 offset. */
struct page {
	const char *pattern;
	int64_t partner_id;
	int64_t limit;
	int64_t offset;
};

static void bind_page(sqlite3_stmt *st, const void *arg)
{
	const struct page *p = arg;

	bind_text(st, 1, p->pattern);
	bind_int(st, 2, p->limit);
	bind_int(st, 3, p->offset);
}

static void bind_partner_page(sqlite3_stmt *st, const void *arg)
{
	const struct page *p = arg;

	bind_int(st, 1, p->partner_id);
	bind_int(st, 2, p->limit);
	bind_int(st, 3, p->offset);
}

static int audit_page(struct store *s, const char *sql,
		      void (*bind)(sqlite3_stmt *st, const void *arg), const struct page *page,
		      struct audit_list *out, struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, sql, bind, page, &audit_rows, &rows, &out->n, err);

	out->rows = rows;
	return rc;
}

int store_audit_list(struct store *s, const char *text, size_t limit, size_t offset,
		     struct audit_list *out, struct ally_err *err)
{
	char *pattern = needle(text);
	const struct page page = { pattern, 0, limit == 0 ? -1 : (int64_t)limit,
				   (int64_t)offset };
	int rc = audit_page(s, SQL_AUDIT_LIST, bind_page, &page, out, err);

	free(pattern);
	return rc;
}

/* The keyset of store_audit_page: ?1 folded text, ?2 < id < ?3, ?4 limit. */
struct keyset {
	const char *pattern;
	int64_t above;
	int64_t below;
	int64_t limit;
};

static void bind_keyset(sqlite3_stmt *st, const void *arg)
{
	const struct keyset *k = arg;

	bind_text(st, 1, k->pattern);
	bind_int(st, 2, k->above);
	bind_int(st, 3, k->below);
	bind_int(st, 4, k->limit);
}

int store_audit_page(struct store *s, const char *text, int64_t before_id, int64_t after_id,
		     size_t limit, struct audit_list *out, struct ally_err *err)
{
	char *pattern = needle(text);
	const struct keyset k = { pattern, after_id != 0 ? after_id : INT64_MIN,
				  before_id != 0 ? before_id : INT64_MAX,
				  limit == 0 ? -1 : (int64_t)limit };
	bool up = after_id != 0;
	void *rows;
	int rc = store_collect(s, up ? SQL_AUDIT_NEWER : SQL_AUDIT_OLDER, bind_keyset, &k,
			       &audit_rows, &rows, &out->n, err);

	out->rows = rows;
	free(pattern);
	/* Read oldest first, so that the limit keeps the rows nearest
	 * after_id; the list is newest first like every other. */
	for (size_t i = 0; up && i < out->n / 2; i++) {
		struct audit_entry t = out->rows[i];

		out->rows[i] = out->rows[out->n - 1 - i];
		out->rows[out->n - 1 - i] = t;
	}
	return rc;
}

int store_audit_count_after(struct store *s, const char *text, int64_t after_id, size_t *out,
			    struct ally_err *err)
{
	char *pattern = needle(text);
	const char *sql = pattern != NULL ? SQL_AUDIT_COUNT_MATCH
			  : after_id != 0 ? SQL_AUDIT_COUNT_AFTER
					  : SQL_AUDIT_COUNT_ALL;
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc = store_prepare(s, sql, &st, err);

	if (rc == ALLY_OK) {
		if (pattern != NULL) {
			bind_text(st, 1, pattern);
			bind_int(st, 2, after_id != 0 ? after_id : INT64_MIN);
		} else if (after_id != 0) {
			bind_int(st, 1, after_id);
		}
		rc = store_step_int(s, st, &n, err);
	}
	free(pattern);
	if (rc == ALLY_OK)
		*out = (size_t)n;
	return rc;
}

int store_audit_count_below(struct store *s, const char *text, int64_t below_id, size_t cap,
			    size_t *out, int64_t *min_id, struct ally_err *err)
{
	char *pattern = needle(text);
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_AUDIT_COUNT_BELOW, &st, err);

	*out = 0;
	*min_id = below_id;
	if (rc == ALLY_OK) {
		bind_text(st, 1, pattern);
		bind_int(st, 2, below_id != 0 ? below_id : INT64_MAX);
		bind_int(st, 3, (int64_t)cap);
		if ((rc = store_step(s, st, err)) == 1) {
			*out = (size_t)col_int(st, 0);
			if (*out > 0)
				*min_id = col_int(st, 1);
		}
		store_release(st);
		rc = rc < 0 ? -rc : ALLY_OK;
	}
	free(pattern);
	return rc;
}

int store_audit_count(struct store *s, const char *text, size_t *out, struct ally_err *err)
{
	return store_audit_count_after(s, text, 0, out, err);
}

int store_audit_last_id(struct store *s, int64_t *out, struct ally_err *err)
{
	return store_query_int(s, SQL_AUDIT_LAST_ID, 0, out, err);
}

int store_audit_list_partner(struct store *s, int64_t partner_id, size_t limit, size_t offset,
			     struct audit_list *out, struct ally_err *err)
{
	const struct page page = { NULL, partner_id, limit == 0 ? -1 : (int64_t)limit,
				   (int64_t)offset };

	return audit_page(s, SQL_AUDIT_PARTNER, bind_partner_page, &page, out, err);
}

struct row_key {
	int64_t partner_id;
	const char *tbl;
	int64_t row_id;
};

static void bind_row_key(sqlite3_stmt *st, const void *arg)
{
	const struct row_key *k = arg;

	bind_int(st, 1, k->partner_id);
	bind_text(st, 2, k->tbl);
	bind_int(st, 3, k->row_id);
}

int store_audit_row_last(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
			 struct audit_list *out, struct ally_err *err)
{
	const struct row_key key = { partner_id, tbl, row_id };
	void *rows;
	int rc = store_collect(s, SQL_AUDIT_ROW_LAST, bind_row_key, &key, &audit_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

/* How store_audit_each and store_change_each hand a row to their caller. */
struct audit_visit {
	int (*fn)(void *ctx, const struct audit_entry *e, struct ally_err *err);
	void *ctx;
};

static int visit_audit(void *ctx, void *elem, struct ally_err *err)
{
	const struct audit_visit *v = ctx;

	return v->fn(v->ctx, elem, err);
}

struct each_args {
	int64_t limit;
	int64_t partner_id;
	const struct audit_filter *filter;
};

static void bind_each(sqlite3_stmt *st, const void *arg)
{
	const struct each_args *a = arg;
	char since[DATE_BUFSZ];

	bind_int(st, 1, a->limit);
	if (a->partner_id != 0)
		bind_int(st, 2, a->partner_id);
	if (a->filter != NULL && a->filter->since != DATE_NONE)
		sqlite3_bind_text(st, 3, date_format(a->filter->since, since), -1, SQLITE_TRANSIENT);
	if (a->filter != NULL)
		bind_text(st, 4, a->filter->user);
}

int store_audit_each(struct store *s, int64_t partner_id, size_t limit,
		     const struct audit_filter *filter,
		     int (*fn)(void *ctx, const struct audit_entry *e, struct ally_err *err),
		     void *ctx, struct ally_err *err)
{
	const struct each_args args = { limit == 0 ? -1 : (int64_t)limit, partner_id, filter };
	struct audit_visit v = { fn, ctx };

	return store_each(s, partner_id != 0 ? SQL_AUDIT_EACH_PARTNER : SQL_AUDIT_EACH, bind_each,
			  &args, &audit_rows, visit_audit, &v, err);
}

int store_change_each(struct store *s, int64_t change_id,
		      int (*fn)(void *ctx, const struct audit_entry *e, struct ally_err *err),
		      void *ctx, struct ally_err *err)
{
	struct audit_visit v = { fn, ctx };

	return store_each(s, SQL_AUDIT_CHANGE, store_bind_id, &change_id, &audit_rows, visit_audit,
			  &v, err);
}

void audit_list_finish(struct audit_list *l)
{
	store_rows_free(&audit_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
