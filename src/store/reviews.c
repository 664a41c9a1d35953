/* reviews.c: meetings held with a partner and the action items they
 * produce. */
#include "store-private.h"

#include <stddef.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_REVIEW_PARTNER[] = "SELECT partner_id FROM reviews WHERE id = ?";
static const char SQL_REVIEW_ADD[] =
	"INSERT INTO reviews (partner_id, kind, date, attendees, notes, decisions) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id, version";
static const char SQL_REVIEW_LIST[] =
	"SELECT id, partner_id, version, kind, date, attendees, notes, decisions FROM reviews "
	"WHERE partner_id = ? ORDER BY date DESC, id DESC";
static const char SQL_ACTION_ADD[] =
	"INSERT INTO action_items (partner_id, review_id, text, owner, due, done) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id, version";
static const char SQL_ACTION_GET[] =
	"SELECT id, partner_id, review_id, version, text, owner, due, done FROM action_items "
	"WHERE id = ?";
static const char SQL_ACTION_DONE[] =
	"UPDATE action_items SET done = ?2, version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1";
/* Open items first, soonest due first, undated last. */
static const char SQL_ACTION_LIST[] =
	"SELECT id, partner_id, review_id, version, text, owner, due, done FROM action_items "
	"WHERE partner_id = ? ORDER BY done, due IS NULL, due, id";

/* ---- reviews ---- */

static int review_check(const void *row, struct ally_err *err)
{
	const struct review *r = row;
	int rc = ALLY_OK;

	if (enum_name(review_kind_names, r->kind) == NULL)
		return ally_err_set(err, ALLY_EUSER, "kind", "must be one of: working_team, "
							     "steering, qbr");
	if (r->date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "date", "is required");
	if ((r->attendees != NULL &&
	     (rc = text_check(r->attendees, "attendees", TEXT_LONG_MAX, true, err)) != ALLY_OK) ||
	    (r->notes != NULL &&
	     (rc = text_check(r->notes, "notes", TEXT_LONG_MAX, true, err)) != ALLY_OK) ||
	    (r->decisions != NULL &&
	     (rc = text_check(r->decisions, "decisions", TEXT_LONG_MAX, true, err)) != ALLY_OK))
		return rc;
	return rc;
}

static void bind_review_add(sqlite3_stmt *st, const void *row)
{
	const struct review *r = row;

	bind_int(st, 1, r->partner_id);
	bind_enum(st, 2, review_kind_names, r->kind);
	bind_date(st, 3, r->date);
	bind_text(st, 4, r->attendees);
	bind_text(st, 5, r->notes);
	bind_text(st, 6, r->decisions);
}

static char *review_summary(const void *row)
{
	const struct review *r = row;
	char day[DATE_BUFSZ];

	return xasprintf("%s on %s", enum_name(review_kind_names, r->kind),
			 date_format(r->date, day));
}

static const struct versioned_ops review_ops = {
	.tbl = "reviews",
	.what = "review",
	.size = sizeof(struct review),
	.id_off = offsetof(struct review, id),
	.version_off = offsetof(struct review, version),
	.partner_off = offsetof(struct review, partner_id),
	.validate = review_check,
	.summary = review_summary,
	.insert_sql = SQL_REVIEW_ADD,
	.bind_insert = bind_review_add,
	.partner_must_exist = true,
};

int store_review_add(struct store *s, struct review *r, struct ally_err *err)
{
	return store_versioned_add(s, &review_ops, r, err);
}

static void review_from_row(sqlite3_stmt *st, void *elem)
{
	struct review *v = elem;

	review_init(v);
	v->id = col_int(st, 0);
	v->partner_id = col_int(st, 1);
	v->version = col_int(st, 2);
	v->kind = col_enum(st, 3, review_kind_names);
	v->date = col_date(st, 4);
	v->attendees = col_text(st, 5);
	v->notes = col_text(st, 6);
	v->decisions = col_text(st, 7);
}

static void review_free(void *elem)
{
	review_finish(elem);
}

static const struct row_kind review_rows = { sizeof(struct review), review_from_row,
					    review_free };

int store_review_list(struct store *s, int64_t partner_id, struct review_list *out,
		      struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_REVIEW_LIST, store_bind_id, &partner_id, &review_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void review_list_finish(struct review_list *l)
{
	store_rows_free(&review_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

/* ---- action items ---- */

/* An item from a review belongs to that review's partner. */
static int action_owner_partner(struct store *s, void *row, struct ally_err *err)
{
	struct action_item *a = row;
	int64_t pid = 0;
	int rc;

	if (a->review_id <= 0)
		return store_partner_exists(s, a->partner_id, err);
	if ((rc = store_query_int(s, SQL_REVIEW_PARTNER, a->review_id, &pid, err)) != ALLY_OK)
		return rc;
	if (pid == 0)
		return store_not_found(err, "review", a->review_id);
	if (a->partner_id > 0 && a->partner_id != pid)
		return ally_err_set(err, ALLY_EUSER, "review", "belongs to another partner");
	a->partner_id = pid;
	return ALLY_OK;
}

static void bind_action_add(sqlite3_stmt *st, const void *row)
{
	const struct action_item *a = row;

	bind_int(st, 1, a->partner_id);
	bind_opt_int(st, 2, a->review_id > 0 ? a->review_id : -1);
	bind_text(st, 3, a->text);
	bind_text(st, 4, a->owner);
	bind_date(st, 5, a->due);
	bind_int(st, 6, a->done);
}

static int action_check(const void *row, struct ally_err *err)
{
	const struct action_item *a = row;
	int rc = ALLY_OK;

	if (a->text == NULL || a->text[0] == '\0')
		return ally_err_set(err, ALLY_EUSER, "text", "is required");
	if ((rc = text_check(a->text, "text", TEXT_LINE_MAX, false, err)) == ALLY_OK &&
	    a->owner != NULL)
		rc = text_check(a->owner, "owner", TEXT_LINE_MAX, false, err);
	return rc;
}

static char *action_summary(const void *row)
{
	return xstrdup(((const struct action_item *)row)->text);
}

static const struct versioned_ops action_ops = {
	.tbl = "action_items",
	.what = "action",
	.size = sizeof(struct action_item),
	.id_off = offsetof(struct action_item, id),
	.version_off = offsetof(struct action_item, version),
	.partner_off = offsetof(struct action_item, partner_id),
	.validate = action_check,
	.summary = action_summary,
	.insert_sql = SQL_ACTION_ADD,
	.bind_insert = bind_action_add,
	.check_insert = action_owner_partner,
};

int store_action_add(struct store *s, struct action_item *a, struct ally_err *err)
{
	return store_versioned_add(s, &action_ops, a, err);
}

static void action_from_row(sqlite3_stmt *st, void *elem)
{
	struct action_item *a = elem;

	action_item_init(a);
	a->id = col_int(st, 0);
	a->partner_id = col_int(st, 1);
	a->review_id = col_opt_int(st, 2) > 0 ? col_int(st, 2) : 0;
	a->version = col_int(st, 3);
	a->text = col_text(st, 4);
	a->owner = col_text(st, 5);
	a->due = col_date(st, 6);
	a->done = col_int(st, 7) != 0;
}

static int action_set_done(struct store *s, int64_t id, bool done, struct ally_err *err)
{
	struct action_item a;
	sqlite3_stmt *st;
	int rc = store_get(s, SQL_ACTION_GET, id, action_from_row, &a, "action", err);

	if (rc != ALLY_OK)
		return rc;
	if (a.done != done && (rc = store_prepare(s, SQL_ACTION_DONE, &st, err)) == ALLY_OK) {
		bind_int(st, 1, id);
		bind_int(st, 2, done);
		if ((rc = store_step_done(s, st, err)) == ALLY_OK)
			rc = audit_write(s, "action_items", id, a.partner_id, "done",
					 a.done ? "yes" : "no", done ? "yes" : "no", err);
	}
	action_item_finish(&a);
	return rc;
}

int store_action_set_done(struct store *s, int64_t id, bool done, struct ally_err *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);

	if (rc != ALLY_OK)
		return rc;
	return tx_end(s, &t, action_set_done(s, id, done, err), err);
}

static void action_free(void *elem)
{
	action_item_finish(elem);
}

static const struct row_kind action_rows = { sizeof(struct action_item), action_from_row,
					    action_free };

int store_action_list(struct store *s, int64_t partner_id, struct action_list *out,
		      struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_ACTION_LIST, store_bind_id, &partner_id, &action_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void action_list_finish(struct action_list *l)
{
	store_rows_free(&action_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
