/* each.c: reading a query row by row, handing each row to a callback
 * instead of collecting an array, so that a command can write what it
 * reads with memory that does not grow with the portfolio; and the SQL
 * function that lets such a query sort names as the lists do. */
#include "store-private.h"

#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"

int store_each(struct store *s, const char *sql, void (*bind)(sqlite3_stmt *st, const void *arg),
	       const void *arg, const struct row_kind *kind,
	       int (*fn)(void *ctx, void *elem, struct ally_err *err), void *ctx,
	       struct ally_err *err)
{
	sqlite3_stmt *st;
	void *elem;
	int rc = store_prepare(s, sql, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	if (bind != NULL)
		bind(st, arg);
	elem = xcalloc(1, kind->size);
	while ((r = store_step(s, st, err)) == 1) {
		kind->from_row(st, elem);
		rc = fn(ctx, elem, err);
		if (kind->finish != NULL)
			kind->finish(elem);
		if (rc != ALLY_OK)
			break;
	}
	store_release(st);
	free(elem);
	if (rc != ALLY_OK)
		return rc;
	return r < 0 ? -r : ALLY_OK;
}

/* The last name ally_sort_key was asked for and its key: a join hands
 * the function the same partner's name for each of its rows in a row, so
 * the key is computed once per partner rather than once per contract.
 * One per connection (the function's user data). */
struct sort_key_memo {
	char *name;
	char *key;
	size_t key_len;
};

static void memo_free(void *p)
{
	struct sort_key_memo *m = p;

	free(m->name);
	free(m->key);
	free(m);
}

/* ally_sort_key(name): text_sort_key(name); NULL gives NULL. */
static void sql_sort_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sort_key_memo *m = sqlite3_user_data(ctx);
	const char *text;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	text = (const char *)sqlite3_value_text(argv[0]);
	if (text == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (m->name == NULL || strcmp(m->name, text) != 0) {
		free(m->name);
		free(m->key);
		m->name = xstrdup(text);
		m->key = text_sort_key(text);
		m->key_len = strlen(m->key);
	}
	sqlite3_result_text(ctx, m->key, (int)m->key_len, SQLITE_TRANSIENT);
}

int store_sql_sort_key(sqlite3 *db)
{
	struct sort_key_memo *m = xcalloc(1, sizeof *m);

	/* SQLite calls memo_free when the function goes, also on failure. */
	return sqlite3_create_function_v2(db, "ally_sort_key", 1,
					  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, m,
					  sql_sort_key, NULL, NULL, memo_free);
}
