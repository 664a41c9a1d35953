/* each.c: reading a query row by row, handing each row to a callback
 * instead of collecting an array, so that a command can write what it
 * reads with memory that does not grow with the portfolio.  Names sort
 * by the partners' sort_key column (text_sort_key, kept by the store). */
#include "store-private.h"

#include <stdlib.h>
#include <string.h>
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
