/* partner-each.c: the partner list handed out row by row.
 *
 * Replaced by the lead's window engine at merge: this stand-in reads the
 * whole list with store_partner_list and then hands its rows out, so the
 * command line is written against the final interface (and streams its
 * output already), while the list itself still grows with the portfolio
 * until the engine reads it in chunks. */
#include "store-private.h"

int store_partner_each(struct store *s, const struct partner_filter *f, ally_date today,
		       int (*fn)(void *ctx, const struct partner_row *row, struct ally_err *err),
		       void *ctx, struct ally_err *err)
{
	struct partner_list l = { NULL, 0 };
	int rc = store_partner_list(s, f, today, &l, err);

	for (size_t i = 0; rc == ALLY_OK && i < l.n; i++)
		rc = fn(ctx, &l.rows[i], err);
	partner_list_finish(&l);
	return rc;
}
