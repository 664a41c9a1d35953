/* stmt.c: binding values to statements and reading columns back, with
 * NULL standing for "not set" both ways; reading one row or a list of
 * rows into structs; the text forms of values that the audit log
 * records. */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/util.h"

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

void bind_opt_int(sqlite3_stmt *st, int i, int64_t v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

void bind_date(sqlite3_stmt *st, int i, ally_date d)
{
	char buf[DATE_BUFSZ];

	if (d == DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, date_format(d, buf), -1, SQLITE_TRANSIENT);
}

void bind_enum(sqlite3_stmt *st, int i, const char *const *names, int v)
{
	bind_text(st, i, enum_name(names, v));
}

char *col_text(sqlite3_stmt *st, int i)
{
	return xstrdup((const char *)sqlite3_column_text(st, i));
}

int64_t col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int64_t col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

ally_date col_date(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	ally_date d = DATE_NONE;

	if (t != NULL)
		date_parse(t, &d);
	return d;
}

int col_enum(sqlite3_stmt *st, int i, const char *const *names)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	return t == NULL ? -1 : enum_parse(names, t);
}

char *text_date(ally_date d)
{
	char buf[DATE_BUFSZ];

	return d == DATE_NONE ? NULL : xstrdup(date_format(d, buf));
}

char *text_money(ally_money m)
{
	char buf[MONEY_BUFSZ];

	return m < 0 ? NULL : xstrdup(money_format(m, buf));
}

char *text_int(int64_t v)
{
	return xasprintf("%" PRId64, v);
}

char *text_opt_int(int64_t v)
{
	return v < 0 ? NULL : text_int(v);
}

char *text_enum(const char *const *names, int v)
{
	return xstrdup(enum_name(names, v));
}

char *text_bool(bool b)
{
	return xstrdup(b ? "yes" : "no");
}

int store_not_found(struct ally_err *err, const char *what, int64_t id)
{
	ally_err_set(err, ALLY_EUSER, what, "no %s %" PRId64, what, id);
	return ally_err_because(err, AR_NOT_FOUND);
}

int store_exists(struct store *s, const char *exists_sql, int64_t id, bool *out,
		 struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, exists_sql, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	rc = store_step(s, st, err);
	store_release(st);
	if (rc < 0)
		return -rc;
	*out = rc == 1;
	return ALLY_OK;
}

int store_stale(struct store *s, const char *exists_sql, const char *what, int64_t id,
		struct ally_err *err)
{
	bool found;
	int rc = store_exists(s, exists_sql, id, &found, err);

	if (rc != ALLY_OK)
		return rc;
	if (!found)
		return store_not_found(err, what, id);
	ally_err_set(err, ALLY_EUSER, what,
		     "changed by someone else since it was read; reload and try again");
	return ally_err_because(err, AR_STALE);
}

void *store_grow(void *rows, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return rows;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(rows, *cap * size);
}

void store_bind_id(sqlite3_stmt *st, const void *id)
{
	bind_int(st, 1, *(const int64_t *)id);
}

int store_get(struct store *s, const char *sql, int64_t id,
	      void (*from_row)(sqlite3_stmt *st, void *out), void *out, const char *what,
	      struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	if ((rc = store_step(s, st, err)) == 1)
		from_row(st, out);
	store_release(st);
	if (rc < 0)
		return -rc;
	return rc == 1 ? ALLY_OK : store_not_found(err, what, id);
}

void store_rows_free(const struct row_kind *kind, void *rows, size_t n)
{
	for (size_t i = 0; kind->finish != NULL && i < n; i++)
		kind->finish((char *)rows + i * kind->size);
	free(rows);
}

int store_collect(struct store *s, const char *sql,
		  void (*bind)(sqlite3_stmt *st, const void *arg), const void *arg,
		  const struct row_kind *kind, void **rows, size_t *n, struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = store_prepare(s, sql, &st, err), r;

	*rows = NULL;
	*n = 0;
	if (rc != ALLY_OK)
		return rc;
	if (bind != NULL)
		bind(st, arg);
	while ((r = store_step(s, st, err)) == 1) {
		*rows = store_grow(*rows, *n, &cap, kind->size);
		kind->from_row(st, (char *)*rows + (*n)++ * kind->size);
	}
	store_release(st);
	if (r == 0)
		return ALLY_OK;
	store_rows_free(kind, *rows, *n);
	*rows = NULL;
	*n = 0;
	return -r;
}
