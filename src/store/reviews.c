/* reviews.c: meetings held with a partner and the action items they
 * produce. */
#include "store-private.h"

#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_PARTNER_EXISTS[] = "SELECT 1 FROM partners WHERE id = ?";
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

static int review_check(const struct review *r, struct ally_err *err)
{
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

static int partner_must_exist(struct store *s, int64_t id, struct ally_err *err)
{
	bool found;
	int rc = store_exists(s, SQL_PARTNER_EXISTS, id, &found, err);

	if (rc == ALLY_OK && !found)
		rc = store_not_found(err, "partner", id);
	return rc;
}

static int review_insert(struct store *s, struct review *r, struct ally_err *err)
{
	sqlite3_stmt *st;
	char *summary;
	char day[DATE_BUFSZ];
	int rc, n;

	if ((rc = partner_must_exist(s, r->partner_id, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_REVIEW_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, r->partner_id);
	bind_enum(st, 2, review_kind_names, r->kind);
	bind_date(st, 3, r->date);
	bind_text(st, 4, r->attendees);
	bind_text(st, 5, r->notes);
	bind_text(st, 6, r->decisions);
	if ((n = store_step(s, st, err)) == 1) {
		r->id = col_int(st, 0);
		r->version = col_int(st, 1);
	}
	sqlite3_finalize(st);
	if (n < 0)
		return -n;
	summary = xasprintf("%s on %s", enum_name(review_kind_names, r->kind),
			    date_format(r->date, day));
	rc = audit_write(s, "reviews", r->id, r->partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_review_add(struct store *s, struct review *r, struct ally_err *err)
{
	struct tx t;
	int rc;

	if ((rc = review_check(r, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, review_insert(s, r, err), err);
}

int store_review_list(struct store *s, int64_t partner_id, struct review_list *out,
		      struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_REVIEW_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		struct review *v;

		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		v = &out->rows[out->n++];
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
	sqlite3_finalize(st);
	if (r < 0) {
		review_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void review_list_finish(struct review_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		review_finish(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

/* ---- action items ---- */

/* An item from a review belongs to that review's partner. */
static int action_owner_partner(struct store *s, struct action_item *a, struct ally_err *err)
{
	sqlite3_stmt *st;
	int64_t pid = 0;
	int rc, r;

	if (a->review_id <= 0)
		return partner_must_exist(s, a->partner_id, err);
	if ((rc = store_prepare(s, SQL_REVIEW_PARTNER, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, a->review_id);
	if ((r = store_step(s, st, err)) == 1)
		pid = col_int(st, 0);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	if (r == 0)
		return store_not_found(err, "review", a->review_id);
	if (a->partner_id > 0 && a->partner_id != pid)
		return ally_err_set(err, ALLY_EUSER, "review", "belongs to another partner");
	a->partner_id = pid;
	return ALLY_OK;
}

static int action_insert(struct store *s, struct action_item *a, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((rc = action_owner_partner(s, a, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_ACTION_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, a->partner_id);
	bind_opt_int(st, 2, a->review_id > 0 ? a->review_id : -1);
	bind_text(st, 3, a->text);
	bind_text(st, 4, a->owner);
	bind_date(st, 5, a->due);
	bind_int(st, 6, a->done);
	if ((r = store_step(s, st, err)) == 1) {
		a->id = col_int(st, 0);
		a->version = col_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	return audit_write(s, "action_items", a->id, a->partner_id, "*", NULL, a->text, err);
}

int store_action_add(struct store *s, struct action_item *a, struct ally_err *err)
{
	struct tx t;
	int rc;

	if (a->text == NULL || a->text[0] == '\0')
		return ally_err_set(err, ALLY_EUSER, "text", "is required");
	if ((rc = text_check(a->text, "text", TEXT_LINE_MAX, false, err)) != ALLY_OK ||
	    (a->owner != NULL &&
	     (rc = text_check(a->owner, "owner", TEXT_LINE_MAX, false, err)) != ALLY_OK))
		return rc;
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, action_insert(s, a, err), err);
}

static void action_from_row(sqlite3_stmt *st, struct action_item *a)
{
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
	int rc, r;

	if ((rc = store_prepare(s, SQL_ACTION_GET, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	if ((r = store_step(s, st, err)) == 1)
		action_from_row(st, &a);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	if (r == 0)
		return store_not_found(err, "action", id);
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

int store_action_list(struct store *s, int64_t partner_id, struct action_list *out,
		      struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_ACTION_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		action_from_row(st, &out->rows[out->n++]);
	}
	sqlite3_finalize(st);
	if (r < 0) {
		action_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void action_list_finish(struct action_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		action_item_finish(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
