/* owners.c: the owners of the partners, for the interface's owner filter. */
#include "store-private.h"

#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"

/* One row per owner as the filter compares them (owner_key is
 * text_fold(owner)), through the partners_owner index; of the spellings
 * that fold alike, the smallest, so the same one every time. */
static const char SQL_OWNERS[] =
	"SELECT min(owner COLLATE BINARY) FROM partners WHERE owner_key IS NOT NULL AND owner_key <> '' "
	"GROUP BY owner_key";

static void owner_from_row(sqlite3_stmt *st, void *elem)
{
	*(char **)elem = col_text(st, 0);
}

static void owner_free(void *elem)
{
	free(*(char **)elem);
}

static const struct row_kind owner_rows = { sizeof(char *), owner_from_row, owner_free };

static int cmp_owner(const void *a, const void *b)
{
	return text_fold_cmp(*(char *const *)a, *(char *const *)b);
}

int store_partner_owners(struct store *s, struct owner_list *out, struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_OWNERS, NULL, NULL, &owner_rows, &rows, &out->n, err);

	out->rows = rows;
	if (rc == ALLY_OK && out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, cmp_owner);
	return rc;
}

void owner_list_finish(struct owner_list *l)
{
	store_rows_free(&owner_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
