/* versioned.c: how a row is added, updated and deleted, the same for every
 * table: one transaction, the version checked on update, an audit row for
 * each insert, changed field and delete.  Each table describes itself in a
 * struct versioned_ops. */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"

/* The int64_t member of row at offset off (id, version, partner_id). */
static int64_t *member(void *row, size_t off)
{
	return (int64_t *)((char *)row + off);
}

/* The timestamps the database gave a row, held here until the
 * transaction is committed: a failed add or update leaves the caller's
 * row as it was. */
struct stamps {
	char *created_at;
	char *updated_at;
};

/* The text of column i when the struct keeps the stamp (off != 0). */
static char *stamp_col(size_t off, sqlite3_stmt *st, int i)
{
	return off != 0 ? col_text(st, i) : NULL;
}

/* Move the stamps into row's char * members (offset 0: none). */
static void stamps_put(void *row, const struct versioned_ops *ops, struct stamps *t)
{
	char **created = (char **)((char *)row + ops->created_at_off);
	char **updated = (char **)((char *)row + ops->updated_at_off);

	if (ops->created_at_off != 0 && t->created_at != NULL) {
		free(*created);
		*created = t->created_at;
		t->created_at = NULL;
	}
	if (ops->updated_at_off != 0 && t->updated_at != NULL) {
		free(*updated);
		*updated = t->updated_at;
		t->updated_at = NULL;
	}
}

static void stamps_free(struct stamps *t)
{
	free(t->created_at);
	free(t->updated_at);
	t->created_at = t->updated_at = NULL;
}

static int audit_summary(struct store *s, const struct versioned_ops *ops, void *row,
			 bool deleted, struct ally_err *err)
{
	char *summary = ops->summary(row);
	int rc = audit_write(s, ops->tbl, *member(row, ops->id_off),
			     *member(row, ops->partner_off), "*", deleted ? summary : NULL,
			     deleted ? NULL : summary, err);

	free(summary);
	return rc;
}

/* The rows an insert needs: the partner, when the table says so; a free
 * id, when the caller gives one (import keeps ids). */
static int check_refs(struct store *s, const struct versioned_ops *ops, void *row,
		      struct ally_err *err)
{
	int64_t id = *member(row, ops->id_off);
	bool found = false;
	int rc = ALLY_OK;

	if (ops->partner_must_exist)
		rc = store_partner_exists(s, *member(row, ops->partner_off), err);
	if (rc == ALLY_OK && ops->keeps_id && id > 0 &&
	    (rc = store_exists(s, ops->exists_sql, id, &found, err)) == ALLY_OK && found)
		rc = ally_err_set(err, ALLY_EUSER, "id", "%" PRId64 " is already used", id);
	return rc;
}

static int insert(struct store *s, const struct versioned_ops *ops, void *row,
		  struct stamps *stamps, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((rc = check_refs(s, ops, row, err)) != ALLY_OK ||
	    (ops->check_insert != NULL && (rc = ops->check_insert(s, row, err)) != ALLY_OK) ||
	    (rc = store_prepare(s, ops->insert_sql, &st, err)) != ALLY_OK)
		return rc;
	ops->bind_insert(st, row);
	if ((r = store_step(s, st, err)) == 1) {
		*member(row, ops->id_off) = col_int(st, 0);
		*member(row, ops->version_off) = col_int(st, 1);
		stamps->created_at = stamp_col(ops->created_at_off, st, 2);
		stamps->updated_at = stamp_col(ops->updated_at_off, st, 3);
	}
	store_release(st);
	if (r < 0)
		return -r;
	if (ops->after_insert != NULL && (rc = ops->after_insert(s, row, err)) != ALLY_OK)
		return rc;
	return audit_summary(s, ops, row, false, err);
}

int store_versioned_add(struct store *s, const struct versioned_ops *ops, void *row,
			struct ally_err *err)
{
	int64_t id = *member(row, ops->id_off), version = *member(row, ops->version_off);
	int64_t partner_id = *member(row, ops->partner_off);
	struct stamps stamps = { NULL, NULL };
	struct tx t;
	int rc;

	if ((rc = ops->validate(row, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	*member(row, ops->version_off) = 0; /* "not stored yet", for the hooks */
	rc = tx_end(s, &t, insert(s, ops, row, &stamps, err), err);
	if (rc == ALLY_OK) {
		stamps_put(row, ops, &stamps);
		return ALLY_OK;
	}
	/* The caller may retry with the same struct (a check may have set the
	 * partner, as an action item takes its review's). */
	*member(row, ops->id_off) = id;
	*member(row, ops->version_off) = version;
	*member(row, ops->partner_off) = partner_id;
	stamps_free(&stamps);
	return rc;
}

/* The UPDATE of row: version checked in SQL, the new version (and
 * updated_at) read back. */
static int write_row(struct store *s, const struct versioned_ops *ops, void *row,
		     const void *cur, struct stamps *stamps, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((ops->check_update != NULL && (rc = ops->check_update(s, row, cur, err)) != ALLY_OK) ||
	    (rc = store_prepare(s, ops->update_sql, &st, err)) != ALLY_OK)
		return rc;
	ops->bind_update(st, row);
	if ((r = store_step(s, st, err)) == 1) {
		*member(row, ops->version_off) = col_int(st, 0);
		stamps->updated_at = stamp_col(ops->updated_at_off, st, 1);
	}
	store_release(st);
	if (r < 0)
		return -r;
	if (r == 0)
		return store_stale(s, ops->exists_sql, ops->what, *member(row, ops->id_off), err);
	return ops->after_update != NULL ? ops->after_update(s, row, cur, err) : ALLY_OK;
}

/* Diff row against the stored one and write what changed. */
static int update(struct store *s, const struct versioned_ops *ops, void *row,
		  struct stamps *stamps, struct ally_err *err)
{
	void *cur = xcalloc(1, ops->size);
	char **old_v = xcalloc((size_t)ops->nfields, sizeof *old_v);
	char **new_v = xcalloc((size_t)ops->nfields, sizeof *new_v);
	int64_t id = *member(row, ops->id_off);
	int rc;

	if ((rc = ops->get(s, id, cur, err)) != ALLY_OK)
		goto out_free;
	if (*member(cur, ops->version_off) != *member(row, ops->version_off)) {
		rc = store_stale(s, ops->exists_sql, ops->what, id, err);
		goto out;
	}
	/* A row never moves to another partner. */
	*member(row, ops->partner_off) = *member(cur, ops->partner_off);
	ops->values(cur, old_v);
	ops->values(row, new_v);
	if (values_changed(old_v, new_v, ops->nfields) == 0)
		goto out;
	if ((rc = write_row(s, ops, row, cur, stamps, err)) == ALLY_OK)
		rc = audit_diff(s, ops->tbl, id, *member(row, ops->partner_off), ops->fields,
				old_v, new_v, ops->nfields, err);
out:
	values_free(old_v, ops->nfields);
	values_free(new_v, ops->nfields);
	ops->finish(cur);
out_free:
	free(old_v);
	free(new_v);
	free(cur);
	return rc;
}

int store_versioned_update(struct store *s, const struct versioned_ops *ops, void *row,
			   struct ally_err *err)
{
	int64_t version = *member(row, ops->version_off);
	int64_t partner_id = *member(row, ops->partner_off);
	struct stamps stamps = { NULL, NULL };
	struct tx t;
	int rc;

	if ((rc = ops->validate(row, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	rc = tx_end(s, &t, update(s, ops, row, &stamps, err), err);
	if (rc == ALLY_OK) {
		stamps_put(row, ops, &stamps);
		return ALLY_OK;
	}
	/* The caller may retry with the same struct. */
	*member(row, ops->version_off) = version;
	*member(row, ops->partner_off) = partner_id;
	stamps_free(&stamps);
	return rc;
}

/* How a conflict names a value: its first line, cut to 40 columns. */
static char *conflict_value(const char *v)
{
	size_t n = v != NULL ? strcspn(v, "\n") : 0;
	char *line = xstrndup(v != NULL ? v : "", n), *fit = text_fit(line, 40, 0, 0);
	char *out = strcmp(fit, line) != 0 || (v != NULL && v[n] != '\0')
			    ? xasprintf("%s...", fit)
			    : xstrdup(fit);

	free(line);
	free(fit);
	return out;
}

/* Field i refused: cur has it as cur_v[i] since base was read. */
static int merge_refuse(const struct versioned_ops *ops, int i, char **cur_v, const char *since,
			int *bad, struct ally_err *err)
{
	char *v = conflict_value(cur_v[i]);
	int rc = ally_err_set(err, ALLY_EUSER, ops->fields[i],
			      "changed by someone else to '%s' since %s", v,
			      since != NULL ? since : "it was read");

	ally_err_because(err, AR_CONFLICT);
	*bad = i;
	free(v);
	return rc;
}

/* Onto cur (the stored row), the fields row changed from base; the first
 * one cur has also changed since base, to another value, is refused
 * (*bad: its index).  So is a field row left alone that another session
 * changed and that setting row's fields changed again (clearing a
 * contract's model clears its parameters): the user never saw that
 * value. */
static int merge_fields(const struct versioned_ops *ops, versioned_set_fn set, char **base_v,
			char **row_v, char **cur_v, void *cur, const char *since, int *bad,
			struct ally_err *err)
{
	char **merged_v;
	int rc = ALLY_OK;

	for (int i = 0; i < ops->nfields && rc == ALLY_OK; i++) {
		if (values_changed(&row_v[i], &base_v[i], 1) == 0)
			continue;
		if (values_changed(&cur_v[i], &base_v[i], 1) != 0 &&
		    values_changed(&cur_v[i], &row_v[i], 1) != 0)
			return merge_refuse(ops, i, cur_v, since, bad, err);
		rc = set(cur, ops->fields[i], row_v[i] != NULL ? row_v[i] : "", err);
	}
	if (rc != ALLY_OK)
		return rc;
	merged_v = xcalloc((size_t)ops->nfields, sizeof *merged_v);
	ops->values(cur, merged_v);
	for (int i = 0; i < ops->nfields && rc == ALLY_OK; i++)
		if (values_changed(&row_v[i], &base_v[i], 1) == 0 &&
		    values_changed(&cur_v[i], &base_v[i], 1) != 0 &&
		    values_changed(&merged_v[i], &cur_v[i], 1) != 0)
			rc = merge_refuse(ops, i, cur_v, since, bad, err);
	values_free(merged_v, ops->nfields);
	free(merged_v);
	return rc;
}

int store_versioned_merge(struct store *s, const struct versioned_ops *ops, versioned_set_fn set,
			  void *base, void *row, const char *since, struct ally_err *err)
{
	void *cur = xcalloc(1, ops->size);
	char **base_v = xcalloc((size_t)ops->nfields, sizeof *base_v);
	char **row_v = xcalloc((size_t)ops->nfields, sizeof *row_v);
	char **cur_v = xcalloc((size_t)ops->nfields, sizeof *cur_v);
	struct stamps stamps = { NULL, NULL };
	bool got = false;
	int bad = -1, rc;
	struct tx t;

	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		goto out;
	rc = ops->get(s, *member(base, ops->id_off), cur, err);
	if (rc == ALLY_OK) {
		got = true;
		ops->values(base, base_v);
		ops->values(row, row_v);
		ops->values(cur, cur_v);
		rc = merge_fields(ops, set, base_v, row_v, cur_v, cur, since, &bad, err);
	}
	if (rc == ALLY_OK)
		rc = ops->validate(cur, err);
	if (rc == ALLY_OK)
		rc = update(s, ops, cur, &stamps, err);
	rc = tx_end(s, &t, rc, err);
	if (rc == ALLY_OK) {
		stamps_put(cur, ops, &stamps);
		ops->finish(row);
		memcpy(row, cur, ops->size);
		got = false;
	} else if (bad >= 0) {
		set(base, ops->fields[bad], cur_v[bad] != NULL ? cur_v[bad] : "", NULL);
	}
out:
	stamps_free(&stamps);
	if (got)
		ops->finish(cur);
	free(cur);
	values_free(base_v, ops->nfields);
	values_free(row_v, ops->nfields);
	values_free(cur_v, ops->nfields);
	free(base_v);
	free(row_v);
	free(cur_v);
	return rc;
}

static int delete(struct store *s, const struct versioned_ops *ops, int64_t id,
		  struct ally_err *err)
{
	void *cur = xcalloc(1, ops->size);
	sqlite3_stmt *st;
	int rc;

	if ((rc = ops->get(s, id, cur, err)) != ALLY_OK) {
		free(cur);
		return rc;
	}
	if (ops->before_delete != NULL)
		rc = ops->before_delete(s, cur, err);
	if (rc == ALLY_OK && (rc = store_prepare(s, ops->delete_sql, &st, err)) == ALLY_OK) {
		bind_int(st, 1, id);
		rc = store_step_done(s, st, err);
	}
	if (rc == ALLY_OK)
		rc = audit_summary(s, ops, cur, true, err);
	ops->finish(cur);
	free(cur);
	return rc;
}

int store_versioned_delete(struct store *s, const struct versioned_ops *ops, int64_t id,
			   struct ally_err *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);

	if (rc != ALLY_OK)
		return rc;
	return tx_end(s, &t, delete(s, ops, id, err), err);
}
