/* conflicts.c: conflicts with a partner and the notes that prepare a
 * negotiation (BATNA, positions, terms). */
#include "store-private.h"

#include <stddef.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_CONFLICT_COLS_GET[] =
	"SELECT id, partner_id, version, kind, level, summary, opened, resolved, resolution "
	"FROM conflicts WHERE id = ?";
/* Open ones first, newest first. */
static const char SQL_CONFLICT_LIST[] =
	"SELECT id, partner_id, version, kind, level, summary, opened, resolved, resolution "
	"FROM conflicts WHERE partner_id = ? ORDER BY resolved IS NOT NULL, opened DESC, id DESC";
static const char SQL_CONFLICT_EXISTS[] = "SELECT 1 FROM conflicts WHERE id = ?";
static const char SQL_CONFLICT_ADD[] =
	"INSERT INTO conflicts (partner_id, kind, level, summary, opened, resolved, resolution) "
	"VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id, version";
static const char SQL_CONFLICT_UPDATE[] =
	"UPDATE conflicts SET kind = ?3, level = ?4, summary = ?5, opened = ?6, resolved = ?7, "
	"  resolution = ?8, version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1 AND version = ?2 RETURNING version";

/* ---- conflicts ---- */

#define CONFLICT_EDIT_COUNT 6
static const char *const conflict_edit_fields[CONFLICT_EDIT_COUNT] = {
	"kind", "level", "summary", "opened", "resolved", "resolution",
};

static int conflict_check(const void *row, struct ally_err *err)
{
	const struct conflict *c = row;
	int rc = ALLY_OK;

	if (enum_name(conflict_kind_names, c->kind) == NULL)
		return ally_err_set(err, ALLY_EUSER, "kind", "is not a kind of conflict");
	if (enum_name(escalation_names, c->level) == NULL)
		return ally_err_set(err, ALLY_EUSER, "level", "is not an escalation level");
	if (c->opened == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "opened", "is required");
	if (c->resolved != DATE_NONE && c->resolved < c->opened)
		return ally_err_set(err, ALLY_EUSER, "resolved", "must not be before opened");
	if (c->summary != NULL)
		rc = text_check(c->summary, "summary", TEXT_LONG_MAX, true, err);
	if (rc == ALLY_OK && c->resolution != NULL)
		rc = text_check(c->resolution, "resolution", TEXT_LONG_MAX, true, err);
	return rc;
}

static void conflict_from_row(sqlite3_stmt *st, void *row)
{
	struct conflict *c = row;

	conflict_init(c);
	c->id = col_int(st, 0);
	c->partner_id = col_int(st, 1);
	c->version = col_int(st, 2);
	c->kind = col_enum(st, 3, conflict_kind_names);
	c->level = col_enum(st, 4, escalation_names);
	c->summary = col_text(st, 5);
	c->opened = col_date(st, 6);
	c->resolved = col_date(st, 7);
	c->resolution = col_text(st, 8);
}

static void conflict_values(const void *row, char **v)
{
	const struct conflict *c = row;

	v[0] = text_enum(conflict_kind_names, c->kind);
	v[1] = text_enum(escalation_names, c->level);
	v[2] = xstrdup(c->summary);
	v[3] = text_date(c->opened);
	v[4] = text_date(c->resolved);
	v[5] = xstrdup(c->resolution);
}

/* Parameters 3..8 of SQL_CONFLICT_ADD and SQL_CONFLICT_UPDATE. */
static void bind_conflict(sqlite3_stmt *st, const struct conflict *c)
{
	bind_enum(st, 3, conflict_kind_names, c->kind);
	bind_enum(st, 4, escalation_names, c->level);
	bind_text(st, 5, c->summary);
	bind_date(st, 6, c->opened);
	bind_date(st, 7, c->resolved);
	bind_text(st, 8, c->resolution);
}

static char *conflict_summary(const void *row)
{
	const struct conflict *c = row;

	return xasprintf("%s conflict at %s level", enum_name(conflict_kind_names, c->kind),
			 enum_name(escalation_names, c->level));
}

static void bind_conflict_add(sqlite3_stmt *st, const void *row)
{
	const struct conflict *c = row;

	bind_int(st, 1, c->partner_id);
	bind_conflict(st, c);
}

static void bind_conflict_update(sqlite3_stmt *st, const void *row)
{
	const struct conflict *c = row;

	bind_int(st, 1, c->id);
	bind_int(st, 2, c->version);
	bind_conflict(st, c);
}

static int conflict_get(struct store *s, int64_t id, void *out, struct ally_err *err)
{
	return store_get(s, SQL_CONFLICT_COLS_GET, id, conflict_from_row, out, "conflict", err);
}

static void conflict_free(void *row)
{
	conflict_finish(row);
}

static const struct versioned_ops conflict_ops = {
	.tbl = "conflicts",
	.what = "conflict",
	.exists_sql = SQL_CONFLICT_EXISTS,
	.size = sizeof(struct conflict),
	.id_off = offsetof(struct conflict, id),
	.version_off = offsetof(struct conflict, version),
	.partner_off = offsetof(struct conflict, partner_id),
	.validate = conflict_check,
	.summary = conflict_summary,
	.insert_sql = SQL_CONFLICT_ADD,
	.bind_insert = bind_conflict_add,
	.partner_must_exist = true,
	.update_sql = SQL_CONFLICT_UPDATE,
	.fields = conflict_edit_fields,
	.nfields = CONFLICT_EDIT_COUNT,
	.get = conflict_get,
	.values = conflict_values,
	.bind_update = bind_conflict_update,
	.finish = conflict_free,
};

int store_conflict_add(struct store *s, struct conflict *c, struct ally_err *err)
{
	return store_versioned_add(s, &conflict_ops, c, err);
}

int store_conflict_update(struct store *s, struct conflict *c, struct ally_err *err)
{
	return store_versioned_update(s, &conflict_ops, c, err);
}

static const struct row_kind conflict_rows = { sizeof(struct conflict), conflict_from_row,
					      conflict_free };

int store_conflict_list(struct store *s, int64_t partner_id, struct conflict_list *out,
			struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_CONFLICT_LIST, store_bind_id, &partner_id, &conflict_rows,
			       &rows, &out->n, err);

	out->rows = rows;
	return rc;
}

void conflict_list_finish(struct conflict_list *l)
{
	store_rows_free(&conflict_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
