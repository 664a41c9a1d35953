/* contacts.c: the people at a partner.  exec_sponsor is filled from
 * contact_is_exec_sponsor() on every write, so "has a sponsor" is a plain
 * column test for the lists. */
#include "store-private.h"

#include <stdlib.h>
#include "ally/util.h"

static const char SQL_CONTACT_GET[] =
	"SELECT id, partner_id, version, name, role, email, phone FROM contacts WHERE id = ?";
static const char SQL_CONTACT_LIST[] =
	"SELECT id, partner_id, version, name, role, email, phone FROM contacts "
	"WHERE partner_id = ? ORDER BY exec_sponsor DESC, name COLLATE NOCASE, id";
static const char SQL_CONTACT_EXISTS[] = "SELECT 1 FROM contacts WHERE id = ?";
static const char SQL_PARTNER_EXISTS[] = "SELECT 1 FROM partners WHERE id = ?";
static const char SQL_CONTACT_ADD[] =
	"INSERT INTO contacts (partner_id, name, role, email, phone, exec_sponsor) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id, version";
static const char SQL_CONTACT_UPDATE[] =
	"UPDATE contacts SET name = ?3, role = ?4, email = ?5, phone = ?6, exec_sponsor = ?7, "
	"  version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1 AND version = ?2 RETURNING version";
static const char SQL_CONTACT_DELETE[] = "DELETE FROM contacts WHERE id = ?";

#define CONTACT_EDIT_COUNT 4
static const char *const contact_edit_fields[CONTACT_EDIT_COUNT] = { "name", "role", "email",
								      "phone" };

static void contact_from_row(sqlite3_stmt *st, struct contact *c)
{
	contact_init(c);
	c->id = col_int(st, 0);
	c->partner_id = col_int(st, 1);
	c->version = col_int(st, 2);
	c->name = col_text(st, 3);
	c->role = col_text(st, 4);
	c->email = col_text(st, 5);
	c->phone = col_text(st, 6);
}

static void contact_values(const struct contact *c, char *v[CONTACT_EDIT_COUNT])
{
	v[0] = xstrdup(c->name);
	v[1] = xstrdup(c->role);
	v[2] = xstrdup(c->email);
	v[3] = xstrdup(c->phone);
}

static char *contact_summary(const struct contact *c)
{
	return c->role != NULL ? xasprintf("%s (%s)", c->name, c->role) : xstrdup(c->name);
}

static int contact_get(struct store *s, int64_t id, struct contact *out, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CONTACT_GET, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	if ((rc = store_step(s, st, err)) == 1)
		contact_from_row(st, out);
	sqlite3_finalize(st);
	if (rc < 0)
		return -rc;
	return rc == 1 ? ALLY_OK : store_not_found(err, "contact", id);
}

static int contact_insert(struct store *s, struct contact *c, struct ally_err *err)
{
	sqlite3_stmt *st;
	bool found;
	char *summary;
	int rc, r;

	if ((rc = store_exists(s, SQL_PARTNER_EXISTS, c->partner_id, &found, err)) != ALLY_OK)
		return rc;
	if (!found)
		return store_not_found(err, "partner", c->partner_id);
	if ((rc = store_prepare(s, SQL_CONTACT_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, c->partner_id);
	bind_text(st, 2, c->name);
	bind_text(st, 3, c->role);
	bind_text(st, 4, c->email);
	bind_text(st, 5, c->phone);
	bind_int(st, 6, contact_is_exec_sponsor(c->role));
	if ((r = store_step(s, st, err)) == 1) {
		c->id = col_int(st, 0);
		c->version = col_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	summary = contact_summary(c);
	rc = audit_write(s, "contacts", c->id, c->partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_contact_add(struct store *s, struct contact *c, struct ally_err *err)
{
	struct tx t;
	int rc;

	if ((rc = contact_validate(c, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, contact_insert(s, c, err), err);
}

static int contact_write(struct store *s, struct contact *c, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CONTACT_UPDATE, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, c->id);
	bind_int(st, 2, c->version);
	bind_text(st, 3, c->name);
	bind_text(st, 4, c->role);
	bind_text(st, 5, c->email);
	bind_text(st, 6, c->phone);
	bind_int(st, 7, contact_is_exec_sponsor(c->role));
	if ((r = store_step(s, st, err)) == 1)
		c->version = col_int(st, 0);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	return r == 1 ? ALLY_OK : store_stale(s, SQL_CONTACT_EXISTS, "contact", c->id, err);
}

static int contact_update(struct store *s, struct contact *c, struct ally_err *err)
{
	struct contact cur;
	char *old_v[CONTACT_EDIT_COUNT] = { 0 }, *new_v[CONTACT_EDIT_COUNT] = { 0 };
	int rc;

	if ((rc = contact_get(s, c->id, &cur, err)) != ALLY_OK)
		return rc;
	if (cur.version != c->version) {
		rc = store_stale(s, SQL_CONTACT_EXISTS, "contact", c->id, err);
		goto out;
	}
	c->partner_id = cur.partner_id;
	contact_values(&cur, old_v);
	contact_values(c, new_v);
	if (values_changed(old_v, new_v, CONTACT_EDIT_COUNT) == 0)
		goto out;
	if ((rc = contact_write(s, c, err)) == ALLY_OK)
		rc = audit_diff(s, "contacts", c->id, c->partner_id, contact_edit_fields, old_v,
				new_v, CONTACT_EDIT_COUNT, err);
out:
	values_free(old_v, CONTACT_EDIT_COUNT);
	values_free(new_v, CONTACT_EDIT_COUNT);
	contact_finish(&cur);
	return rc;
}

int store_contact_update(struct store *s, struct contact *c, struct ally_err *err)
{
	struct tx t;
	int64_t version = c->version;
	int rc;

	if ((rc = contact_validate(c, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	rc = tx_end(s, &t, contact_update(s, c, err), err);
	if (rc != ALLY_OK)
		c->version = version;
	return rc;
}

static int contact_delete(struct store *s, int64_t id, struct ally_err *err)
{
	struct contact c;
	sqlite3_stmt *st;
	char *summary;
	int rc;

	if ((rc = contact_get(s, id, &c, err)) != ALLY_OK)
		return rc;
	if ((rc = store_prepare(s, SQL_CONTACT_DELETE, &st, err)) == ALLY_OK) {
		bind_int(st, 1, id);
		rc = store_step_done(s, st, err);
	}
	if (rc == ALLY_OK) {
		summary = contact_summary(&c);
		rc = audit_write(s, "contacts", id, c.partner_id, "*", summary, NULL, err);
		free(summary);
	}
	contact_finish(&c);
	return rc;
}

int store_contact_delete(struct store *s, int64_t id, struct ally_err *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);

	if (rc != ALLY_OK)
		return rc;
	return tx_end(s, &t, contact_delete(s, id, err), err);
}

int store_contact_list(struct store *s, int64_t partner_id, struct contact_list *out,
		       struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_CONTACT_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		contact_from_row(st, &out->rows[out->n++]);
	}
	sqlite3_finalize(st);
	if (r < 0) {
		contact_list_finish(out);
		return -r;
	}
	return ALLY_OK;
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
	for (size_t i = 0; i < l->n; i++)
		contact_finish(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
