/* conflicts.c: conflicts with a partner and the notes that prepare a
 * negotiation (BATNA, positions, terms). */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_PARTNER_EXISTS[] = "SELECT 1 FROM partners WHERE id = ?";
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

static int conflict_check(const struct conflict *c, struct ally_err *err)
{
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

static void conflict_from_row(sqlite3_stmt *st, struct conflict *c)
{
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

static void conflict_values(const struct conflict *c, char *v[CONFLICT_EDIT_COUNT])
{
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

static int conflict_insert(struct store *s, struct conflict *c, struct ally_err *err)
{
	sqlite3_stmt *st;
	bool found;
	char *summary;
	int rc, r;

	if ((rc = store_exists(s, SQL_PARTNER_EXISTS, c->partner_id, &found, err)) != ALLY_OK)
		return rc;
	if (!found)
		return store_not_found(err, "partner", c->partner_id);
	if ((rc = store_prepare(s, SQL_CONFLICT_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, c->partner_id);
	bind_conflict(st, c);
	if ((r = store_step(s, st, err)) == 1) {
		c->id = col_int(st, 0);
		c->version = col_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	summary = xasprintf("%s conflict at %s level", enum_name(conflict_kind_names, c->kind),
			    enum_name(escalation_names, c->level));
	rc = audit_write(s, "conflicts", c->id, c->partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_conflict_add(struct store *s, struct conflict *c, struct ally_err *err)
{
	struct tx t;
	int rc;

	if ((rc = conflict_check(c, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, conflict_insert(s, c, err), err);
}

static int conflict_get(struct store *s, int64_t id, struct conflict *out, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CONFLICT_COLS_GET, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	if ((rc = store_step(s, st, err)) == 1)
		conflict_from_row(st, out);
	sqlite3_finalize(st);
	if (rc < 0)
		return -rc;
	return rc == 1 ? ALLY_OK : store_not_found(err, "conflict", id);
}

static int conflict_write(struct store *s, struct conflict *c, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CONFLICT_UPDATE, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, c->id);
	bind_int(st, 2, c->version);
	bind_conflict(st, c);
	if ((r = store_step(s, st, err)) == 1)
		c->version = col_int(st, 0);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	return r == 1 ? ALLY_OK : store_stale(s, SQL_CONFLICT_EXISTS, "conflict", c->id, err);
}

static int conflict_update(struct store *s, struct conflict *c, struct ally_err *err)
{
	struct conflict cur;
	char *old_v[CONFLICT_EDIT_COUNT] = { 0 }, *new_v[CONFLICT_EDIT_COUNT] = { 0 };
	int rc;

	if ((rc = conflict_get(s, c->id, &cur, err)) != ALLY_OK)
		return rc;
	if (cur.version != c->version) {
		rc = store_stale(s, SQL_CONFLICT_EXISTS, "conflict", c->id, err);
		goto out;
	}
	c->partner_id = cur.partner_id;
	conflict_values(&cur, old_v);
	conflict_values(c, new_v);
	if (values_changed(old_v, new_v, CONFLICT_EDIT_COUNT) == 0)
		goto out;
	if ((rc = conflict_write(s, c, err)) == ALLY_OK)
		rc = audit_diff(s, "conflicts", c->id, c->partner_id, conflict_edit_fields, old_v,
				new_v, CONFLICT_EDIT_COUNT, err);
out:
	values_free(old_v, CONFLICT_EDIT_COUNT);
	values_free(new_v, CONFLICT_EDIT_COUNT);
	conflict_finish(&cur);
	return rc;
}

int store_conflict_update(struct store *s, struct conflict *c, struct ally_err *err)
{
	struct tx t;
	int64_t version = c->version;
	int rc;

	if ((rc = conflict_check(c, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	rc = tx_end(s, &t, conflict_update(s, c, err), err);
	if (rc != ALLY_OK)
		c->version = version;
	return rc;
}

int store_conflict_list(struct store *s, int64_t partner_id, struct conflict_list *out,
			struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_CONFLICT_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		conflict_from_row(st, &out->rows[out->n++]);
	}
	sqlite3_finalize(st);
	if (r < 0) {
		conflict_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void conflict_list_finish(struct conflict_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		conflict_finish(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
