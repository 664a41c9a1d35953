/* contacts.c: the people at a partner.  exec_sponsor is filled from
 * contact_is_exec_sponsor() on every write, so "has a sponsor" is a plain
 * column test for the lists. */
#include "store-private.h"

#include <stddef.h>
#include <stdlib.h>
#include "ally/util.h"

static const char SQL_CONTACT_GET[] =
	"SELECT id, partner_id, version, name, role, email, phone FROM contacts WHERE id = ?";
static const char SQL_CONTACT_LIST[] =
	"SELECT id, partner_id, version, name, role, email, phone FROM contacts "
	"WHERE partner_id = ? ORDER BY exec_sponsor DESC, name COLLATE NOCASE, id";
static const char SQL_CONTACT_EXISTS[] = "SELECT 1 FROM contacts WHERE id = ?";
static const char SQL_CONTACT_ADD[] =
	"INSERT INTO contacts (partner_id, name, role, email, phone, exec_sponsor) "
	"VALUES (?1, ?3, ?4, ?5, ?6, ?7) RETURNING id, version";
static const char SQL_CONTACT_UPDATE[] =
	"UPDATE contacts SET name = ?3, role = ?4, email = ?5, phone = ?6, exec_sponsor = ?7, "
	"  version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1 AND version = ?2 RETURNING version";
static const char SQL_CONTACT_DELETE[] = "DELETE FROM contacts WHERE id = ?";

#define CONTACT_EDIT_COUNT 4
static const char *const contact_edit_fields[CONTACT_EDIT_COUNT] = { "name", "role", "email",
								      "phone" };

static void contact_from_row(sqlite3_stmt *st, void *row)
{
	struct contact *c = row;

	contact_init(c);
	c->id = col_int(st, 0);
	c->partner_id = col_int(st, 1);
	c->version = col_int(st, 2);
	c->name = col_text(st, 3);
	c->role = col_text(st, 4);
	c->email = col_text(st, 5);
	c->phone = col_text(st, 6);
}

static void contact_values(const void *row, char **v)
{
	const struct contact *c = row;

	v[0] = xstrdup(c->name);
	v[1] = xstrdup(c->role);
	v[2] = xstrdup(c->email);
	v[3] = xstrdup(c->phone);
}

static char *contact_summary(const void *row)
{
	const struct contact *c = row;

	return c->role != NULL ? xasprintf("%s (%s)", c->name, c->role) : xstrdup(c->name);
}

static int contact_get(struct store *s, int64_t id, void *out, struct ally_err *err)
{
	return store_get(s, SQL_CONTACT_GET, id, contact_from_row, out, "contact", err);
}

static void contact_free(void *row)
{
	contact_finish(row);
}

static int contact_check(const void *row, struct ally_err *err)
{
	return contact_validate(row, err);
}

/* Parameters 3..7 of SQL_CONTACT_ADD and SQL_CONTACT_UPDATE. */
static void bind_contact(sqlite3_stmt *st, const struct contact *c)
{
	bind_text(st, 3, c->name);
	bind_text(st, 4, c->role);
	bind_text(st, 5, c->email);
	bind_text(st, 6, c->phone);
	bind_int(st, 7, contact_is_exec_sponsor(c->role));
}

static void bind_contact_add(sqlite3_stmt *st, const void *row)
{
	const struct contact *c = row;

	bind_int(st, 1, c->partner_id);
	bind_contact(st, c);
}

static void bind_contact_update(sqlite3_stmt *st, const void *row)
{
	const struct contact *c = row;

	bind_int(st, 1, c->id);
	bind_int(st, 2, c->version);
	bind_contact(st, c);
}

static const struct versioned_ops contact_ops = {
	.tbl = "contacts",
	.what = "contact",
	.exists_sql = SQL_CONTACT_EXISTS,
	.size = sizeof(struct contact),
	.id_off = offsetof(struct contact, id),
	.version_off = offsetof(struct contact, version),
	.partner_off = offsetof(struct contact, partner_id),
	.validate = contact_check,
	.summary = contact_summary,
	.insert_sql = SQL_CONTACT_ADD,
	.bind_insert = bind_contact_add,
	.partner_must_exist = true,
	.update_sql = SQL_CONTACT_UPDATE,
	.fields = contact_edit_fields,
	.nfields = CONTACT_EDIT_COUNT,
	.get = contact_get,
	.values = contact_values,
	.bind_update = bind_contact_update,
	.finish = contact_free,
	.delete_sql = SQL_CONTACT_DELETE,
};

int store_contact_add(struct store *s, struct contact *c, struct ally_err *err)
{
	return store_versioned_add(s, &contact_ops, c, err);
}

int store_contact_update(struct store *s, struct contact *c, struct ally_err *err)
{
	return store_versioned_update(s, &contact_ops, c, err);
}

static int contact_set(void *row, const char *field, const char *value, struct ally_err *err)
{
	return contact_set_field(row, field, value, err);
}

int store_contact_merge(struct store *s, struct contact *base, struct contact *c,
			const char *since, struct ally_err *err)
{
	return store_versioned_merge(s, &contact_ops, contact_set, base, c, since, err);
}

int store_contact_delete(struct store *s, int64_t id, struct ally_err *err)
{
	return store_versioned_delete(s, &contact_ops, id, err);
}

static const struct row_kind contact_rows = { sizeof(struct contact), contact_from_row,
					     contact_free };

int store_contact_list(struct store *s, int64_t partner_id, struct contact_list *out,
		       struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_CONTACT_LIST, store_bind_id, &partner_id, &contact_rows,
			       &rows, &out->n, err);

	out->rows = rows;
	return rc;
}

int contact_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err)
{
	struct contact_list l;
	int rc = store_contact_list(s, partner_id, &l, err);

	for (size_t i = 0; rc == ALLY_OK && i < l.n; i++) {
		char *summary = contact_summary(&l.rows[i]);

		rc = audit_write(s, "contacts", l.rows[i].id, partner_id, "*", summary, NULL, err);
		free(summary);
	}
	contact_list_finish(&l);
	return rc;
}

void contact_list_finish(struct contact_list *l)
{
	store_rows_free(&contact_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
