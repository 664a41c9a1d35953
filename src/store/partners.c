/* partners.c: adding, reading, finding, editing and deleting partners. */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

static const char SQL_PARTNER_GET[] = "SELECT " PARTNER_COLS " FROM partners WHERE id = ?";
/* ? is text_fold(name): names compare ignoring case in any script, through
 * the unique index on name_key. */
static const char SQL_PARTNER_BY_KEY[] = "SELECT " PARTNER_COLS " FROM partners WHERE name_key = ?";
static const char SQL_PARTNER_EXISTS[] = "SELECT 1 FROM partners WHERE id = ?";
static const char SQL_PARTNER_ADD[] =
	"INSERT INTO partners (id, name, type, phase, owner, origin, power, goal, value_partner, "
	"  value_us, value_together, region, website, notes, health, status_note, status_date, "
	"  status_author, score_w, score_fit, score_reach, score_capabilities, score_financial, "
	"  score_track_record, score_date, name_key, owner_key) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"RETURNING id, version, created_at, updated_at";
static const char SQL_PARTNER_UPDATE[] =
	"UPDATE partners SET name = ?, type = ?, owner = ?, origin = ?, power = ?, goal = ?, "
	"  value_partner = ?, value_us = ?, value_together = ?, region = ?, website = ?, "
	"  notes = ?, name_key = ?, owner_key = ?, version = version + 1, "
	"  updated_at = datetime('now') "
	"WHERE id = ? AND version = ? "
	"RETURNING version, updated_at";
static const char SQL_PARTNER_DELETE[] = "DELETE FROM partners WHERE id = ?";
static const char SQL_ACTIVE_CONTRACTS[] =
	"SELECT count(*) FROM contracts WHERE partner_id = ? AND status = 'active'";
static const char SQL_PARTNER_COUNT[] = "SELECT count(*) FROM partners";

/* The other rows a partner's deletion takes with it (ON DELETE CASCADE),
 * counted for one summary audit row per table; contracts and contacts are
 * logged one by one. */
static const struct cascade {
	const char *tbl;
	const char *count_sql; /* ? is the partner id */
} cascades[] = {
	{ "status_updates", "SELECT count(*) FROM status_updates WHERE partner_id = ?" },
	{ "scores", "SELECT count(*) FROM scores WHERE partner_id = ?" },
	{ "phase_moves", "SELECT count(*) FROM phase_moves WHERE partner_id = ?" },
	{ "contract_terms", "SELECT count(*) FROM contract_terms WHERE contract_id IN "
			    "(SELECT id FROM contracts WHERE partner_id = ?)" },
	{ "reviews", "SELECT count(*) FROM reviews WHERE partner_id = ?" },
	{ "action_items", "SELECT count(*) FROM action_items WHERE partner_id = ?" },
	{ "key_figures", "SELECT count(*) FROM key_figures WHERE partner_id = ?" },
	{ "conflicts", "SELECT count(*) FROM conflicts WHERE partner_id = ?" },
	{ "negotiations", "SELECT count(*) FROM negotiations WHERE partner_id = ?" },
	{ "negotiation_terms", "SELECT count(*) FROM negotiation_terms WHERE negotiation_id IN "
			       "(SELECT id FROM negotiations WHERE partner_id = ?)" },
};
/* The history rows behind a partner that arrives with a status or a
 * score (import), so the history agrees with the current values. */
static const char SQL_STATUS_SEED[] =
	"INSERT INTO status_updates (partner_id, date, health, note, author) "
	"VALUES (?, ?, ?, ?, ?)";
static const char SQL_SCORE_SEED[] =
	"INSERT INTO scores (partner_id, date, fit, reach, capabilities, financial, track_record, "
	"  w, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

void partner_from_row(sqlite3_stmt *st, struct partner *p)
{
	partner_init(p);
	p->id = col_int(st, 0);
	p->version = col_int(st, 1);
	p->name = col_text(st, 2);
	p->type = col_enum(st, 3, partner_type_names);
	p->phase = col_enum(st, 4, phase_names);
	p->owner = col_text(st, 5);
	p->origin = col_enum(st, 6, partner_origin_names);
	p->power = col_enum(st, 7, partner_power_names);
	p->goal = col_enum(st, 8, partner_goal_names);
	p->value_partner = col_text(st, 9);
	p->value_us = col_text(st, 10);
	p->value_together = col_text(st, 11);
	p->region = col_text(st, 12);
	p->website = col_text(st, 13);
	p->notes = col_text(st, 14);
	p->health = col_enum(st, 15, health_names);
	p->status_note = col_text(st, 16);
	p->status_date = col_date(st, 17);
	p->status_author = col_text(st, 18);
	p->score_w = (int)col_opt_int(st, 19);
	p->score_in.fit = (int)col_opt_int(st, 20);
	p->score_in.reach = (int)col_opt_int(st, 21);
	p->score_in.capabilities = (int)col_opt_int(st, 22);
	p->score_in.financial = (int)col_opt_int(st, 23);
	p->score_in.track_record = (int)col_opt_int(st, 24);
	if (p->score_w < 0)
		memset(&p->score_in, 0, sizeof p->score_in);
	p->score_date = col_date(st, 25);
	p->created_at = col_text(st, 26);
	p->updated_at = col_text(st, 27);
}

/* Run a query of PARTNER_COLS bound to an id or a name; *found tells. */
static int partner_query(struct store *s, const char *sql, int64_t id, const char *name,
			 struct partner *out, bool *found, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	*found = false;
	if (rc != ALLY_OK)
		return rc;
	if (name != NULL)
		bind_text(st, 1, name);
	else
		bind_int(st, 1, id);
	rc = store_step(s, st, err);
	if (rc == 1) {
		partner_from_row(st, out);
		*found = true;
	}
	sqlite3_finalize(st);
	return rc < 0 ? -rc : ALLY_OK;
}

int store_partner_get(struct store *s, int64_t id, struct partner *out, struct ally_err *err)
{
	bool found;
	int rc = partner_query(s, SQL_PARTNER_GET, id, NULL, out, &found, err);

	if (rc == ALLY_OK && !found)
		return store_not_found(err, "partner", id);
	return rc;
}

/* The partner whose name folds to the same key as name. */
static int partner_by_name(struct store *s, const char *name, struct partner *out, bool *found,
			   struct ally_err *err)
{
	char *key = text_fold(name);
	int rc = partner_query(s, SQL_PARTNER_BY_KEY, 0, key, out, found, err);

	free(key);
	return rc;
}

int store_partner_find(struct store *s, const char *ref, struct partner *out, struct ally_err *err)
{
	char *key = text_fold(ref); /* trimmed: "  12 " is id 12 too */
	bool found;
	int rc = partner_query(s, SQL_PARTNER_BY_KEY, 0, key, out, &found, err);

	if (rc == ALLY_OK && !found && str_all_digits(key) && strlen(key) <= 18)
		rc = partner_query(s, SQL_PARTNER_GET, strtoll(key, NULL, 10), NULL, out, &found,
				   err);
	free(key);
	if (rc != ALLY_OK || found)
		return rc;
	return ally_err_set(err, ALLY_EUSER, "partner", "no partner '%s'", ref);
}

/* Refuse a duplicate before the UNIQUE index does, to name it clearly. */
static int check_unique(struct store *s, const struct partner *p, struct ally_err *err)
{
	struct partner other;
	bool found;
	int rc = partner_by_name(s, p->name, &other, &found, err);

	if (rc != ALLY_OK)
		return rc;
	if (found) {
		bool self = other.id == p->id;

		partner_finish(&other);
		if (!self)
			return ally_err_set(err, ALLY_EUSER, "name",
					    "a partner named '%s' already exists", p->name);
	}
	if (p->id > 0 && p->version == 0) { /* an insert with the caller's id */
		rc = store_exists(s, SQL_PARTNER_EXISTS, p->id, &found, err);
		if (rc == ALLY_OK && found)
			rc = ally_err_set(err, ALLY_EUSER, "id", "%" PRId64 " is already used",
					  p->id);
	}
	return rc;
}

/* A score arriving with the partner counts only when its criteria give
 * its W; otherwise W is kept without criteria (an import of a score). */
static bool score_complete(const struct partner *p)
{
	return p->score_w >= 0 && score_validate(&p->score_in, NULL) == ALLY_OK &&
	       score_weighted(&p->score_in) == p->score_w;
}

/* name_key and owner_key, at parameters i and i + 1. */
static void bind_keys(sqlite3_stmt *st, int i, const struct partner *p)
{
	char *name_key = text_fold(p->name);
	char *owner_key = p->owner != NULL ? text_fold(p->owner) : NULL;

	bind_text(st, i, name_key);
	bind_text(st, i + 1, owner_key);
	free(name_key);
	free(owner_key);
}

static void bind_partner_add(sqlite3_stmt *st, const struct partner *p, const char *author)
{
	bool full = score_complete(p);

	bind_opt_int(st, 1, p->id > 0 ? p->id : -1);
	bind_text(st, 2, p->name);
	bind_enum(st, 3, partner_type_names, p->type);
	bind_enum(st, 4, phase_names, p->phase);
	bind_text(st, 5, p->owner);
	bind_enum(st, 6, partner_origin_names, p->origin);
	bind_enum(st, 7, partner_power_names, p->power);
	bind_enum(st, 8, partner_goal_names, p->goal);
	bind_text(st, 9, p->value_partner);
	bind_text(st, 10, p->value_us);
	bind_text(st, 11, p->value_together);
	bind_text(st, 12, p->region);
	bind_text(st, 13, p->website);
	bind_text(st, 14, p->notes);
	bind_enum(st, 15, health_names, p->health);
	bind_text(st, 16, p->status_note);
	bind_date(st, 17, p->status_date);
	bind_text(st, 18, p->health >= 0 ? author : NULL);
	bind_opt_int(st, 19, p->score_w);
	bind_opt_int(st, 20, full ? p->score_in.fit : -1);
	bind_opt_int(st, 21, full ? p->score_in.reach : -1);
	bind_opt_int(st, 22, full ? p->score_in.capabilities : -1);
	bind_opt_int(st, 23, full ? p->score_in.financial : -1);
	bind_opt_int(st, 24, full ? p->score_in.track_record : -1);
	bind_date(st, 25, p->score_w >= 0 ? p->score_date : DATE_NONE);
	bind_keys(st, 26, p);
}

/* History rows for a status or a complete score given on insert. */
static int seed_history(struct store *s, const struct partner *p, const char *author,
			struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = ALLY_OK;

	if (p->health >= 0 && p->status_date != DATE_NONE &&
	    (rc = store_prepare(s, SQL_STATUS_SEED, &st, err)) == ALLY_OK) {
		bind_int(st, 1, p->id);
		bind_date(st, 2, p->status_date);
		bind_enum(st, 3, health_names, p->health);
		bind_text(st, 4, p->status_note);
		bind_text(st, 5, author);
		rc = store_step_done(s, st, err);
	}
	if (rc == ALLY_OK && score_complete(p) && p->score_date != DATE_NONE &&
	    (rc = store_prepare(s, SQL_SCORE_SEED, &st, err)) == ALLY_OK) {
		bind_int(st, 1, p->id);
		bind_date(st, 2, p->score_date);
		bind_int(st, 3, p->score_in.fit);
		bind_int(st, 4, p->score_in.reach);
		bind_int(st, 5, p->score_in.capabilities);
		bind_int(st, 6, p->score_in.financial);
		bind_int(st, 7, p->score_in.track_record);
		bind_int(st, 8, p->score_w);
		bind_text(st, 9, author);
		rc = store_step_done(s, st, err);
	}
	return rc;
}

static int partner_insert(struct store *s, struct partner *p, struct ally_err *err)
{
	const char *author = p->status_author != NULL ? p->status_author : s->user;
	sqlite3_stmt *st;
	int rc, r;
	char *summary;

	if ((rc = check_unique(s, p, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_PARTNER_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_partner_add(st, p, author);
	if ((r = store_step(s, st, err)) == 1) {
		p->id = col_int(st, 0);
		p->version = col_int(st, 1);
		str_set(&p->created_at, (const char *)sqlite3_column_text(st, 2));
		str_set(&p->updated_at, (const char *)sqlite3_column_text(st, 3));
		if (p->health >= 0)
			str_set(&p->status_author, author);
		if (!score_complete(p))
			memset(&p->score_in, 0, sizeof p->score_in);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	if ((rc = seed_history(s, p, author, err)) != ALLY_OK)
		return rc;
	summary = xasprintf("%s (%s)", p->name, enum_name(partner_type_names, p->type));
	rc = audit_write(s, "partners", p->id, p->id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_partner_add(struct store *s, struct partner *p, struct ally_err *err)
{
	struct tx t;
	int64_t id = p->id, version = p->version;
	int rc;

	if (p->owner == NULL) /* domain.md: the owner defaults to whoever creates it */
		p->owner = xstrdup(s->user);
	if ((rc = partner_validate(p, err)) != ALLY_OK)
		return rc;
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	p->version = 0;
	rc = tx_end(s, &t, partner_insert(s, p, err), err);
	if (rc != ALLY_OK) { /* the caller may retry with the same struct */
		p->id = id;
		p->version = version;
	}
	return rc;
}

#define PARTNER_EDIT_COUNT 12
static const char *const partner_edit_fields[PARTNER_EDIT_COUNT] = {
	"name", "type", "owner", "origin", "power", "goal", "value_partner", "value_us",
	"value_together", "region", "website", "notes",
};

/* The editable fields as text, in partner_edit_fields order. */
static void partner_values(const struct partner *p, char *v[PARTNER_EDIT_COUNT])
{
	v[0] = xstrdup(p->name);
	v[1] = text_enum(partner_type_names, p->type);
	v[2] = xstrdup(p->owner);
	v[3] = text_enum(partner_origin_names, p->origin);
	v[4] = text_enum(partner_power_names, p->power);
	v[5] = text_enum(partner_goal_names, p->goal);
	v[6] = xstrdup(p->value_partner);
	v[7] = xstrdup(p->value_us);
	v[8] = xstrdup(p->value_together);
	v[9] = xstrdup(p->region);
	v[10] = xstrdup(p->website);
	v[11] = xstrdup(p->notes);
}

static int partner_write(struct store *s, struct partner *p, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((rc = store_prepare(s, SQL_PARTNER_UPDATE, &st, err)) != ALLY_OK)
		return rc;
	bind_text(st, 1, p->name);
	bind_enum(st, 2, partner_type_names, p->type);
	bind_text(st, 3, p->owner);
	bind_enum(st, 4, partner_origin_names, p->origin);
	bind_enum(st, 5, partner_power_names, p->power);
	bind_enum(st, 6, partner_goal_names, p->goal);
	bind_text(st, 7, p->value_partner);
	bind_text(st, 8, p->value_us);
	bind_text(st, 9, p->value_together);
	bind_text(st, 10, p->region);
	bind_text(st, 11, p->website);
	bind_text(st, 12, p->notes);
	bind_keys(st, 13, p);
	bind_int(st, 15, p->id);
	bind_int(st, 16, p->version);
	r = store_step(s, st, err);
	if (r == 1) {
		p->version = col_int(st, 0);
		str_set(&p->updated_at, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	return r == 1 ? ALLY_OK : store_stale(s, SQL_PARTNER_EXISTS, "partner", p->id, err);
}

static int partner_update(struct store *s, struct partner *p, struct ally_err *err)
{
	struct partner cur;
	char *old_v[PARTNER_EDIT_COUNT] = { 0 }, *new_v[PARTNER_EDIT_COUNT] = { 0 };
	int rc;

	if ((rc = store_partner_get(s, p->id, &cur, err)) != ALLY_OK)
		return rc;
	if (cur.version != p->version) {
		rc = store_stale(s, SQL_PARTNER_EXISTS, "partner", p->id, err);
		goto out;
	}
	partner_values(&cur, old_v);
	partner_values(p, new_v);
	if (values_changed(old_v, new_v, PARTNER_EDIT_COUNT) == 0)
		goto out;
	if ((rc = check_unique(s, p, err)) != ALLY_OK || (rc = partner_write(s, p, err)) != ALLY_OK)
		goto out;
	rc = audit_diff(s, "partners", p->id, p->id, partner_edit_fields, old_v, new_v,
			PARTNER_EDIT_COUNT, err);
out:
	values_free(old_v, PARTNER_EDIT_COUNT);
	values_free(new_v, PARTNER_EDIT_COUNT);
	partner_finish(&cur);
	return rc;
}

int store_partner_update(struct store *s, struct partner *p, struct ally_err *err)
{
	struct tx t;
	int64_t version = p->version;
	int rc;

	if ((rc = partner_validate(p, err)) != ALLY_OK)
		return rc;
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	rc = tx_end(s, &t, partner_update(s, p, err), err);
	if (rc != ALLY_OK)
		p->version = version;
	return rc;
}

static int count_query(struct store *s, const char *sql, int64_t id, int64_t *out,
		       struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	if (rc != ALLY_OK)
		return rc;
	if (id > 0)
		bind_int(st, 1, id);
	rc = store_step(s, st, err);
	*out = rc == 1 ? col_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc < 0 ? -rc : ALLY_OK;
}

/* Audit rows for what deleting partner id takes with it, written before
 * the rows are gone. */
static int audit_cascade(struct store *s, int64_t id, struct ally_err *err)
{
	int rc;

	if ((rc = contract_audit_cascade(s, id, err)) != ALLY_OK ||
	    (rc = contact_audit_cascade(s, id, err)) != ALLY_OK)
		return rc;
	for (size_t i = 0; i < sizeof cascades / sizeof cascades[0]; i++) {
		int64_t n;
		char *summary;

		if ((rc = count_query(s, cascades[i].count_sql, id, &n, err)) != ALLY_OK)
			return rc;
		if (n == 0)
			continue;
		summary = xasprintf("%" PRId64 " row(s) deleted with the partner", n);
		rc = audit_write(s, cascades[i].tbl, id, id, "*", summary, NULL, err);
		free(summary);
		if (rc != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

static int partner_delete(struct store *s, int64_t id, bool force, struct ally_err *err)
{
	struct partner p;
	sqlite3_stmt *st;
	int64_t active;
	char *summary = NULL;
	int rc;

	if ((rc = store_partner_get(s, id, &p, err)) != ALLY_OK)
		return rc;
	if ((rc = count_query(s, SQL_ACTIVE_CONTRACTS, id, &active, err)) != ALLY_OK)
		goto out;
	if (active > 0 && !force) {
		rc = ally_err_set(err, ALLY_EUSER, "partner",
				  "'%s' has %" PRId64 " active contract(s); use --force", p.name,
				  active);
		goto out;
	}
	if ((rc = audit_cascade(s, id, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_PARTNER_DELETE, &st, err)) != ALLY_OK)
		goto out;
	bind_int(st, 1, id);
	if ((rc = store_step_done(s, st, err)) != ALLY_OK)
		goto out;
	if (active > 0)
		summary = xasprintf("%s (%s) with %" PRId64 " active contract(s)", p.name,
				    enum_name(partner_type_names, p.type), active);
	else
		summary = xasprintf("%s (%s)", p.name, enum_name(partner_type_names, p.type));
	rc = audit_write(s, "partners", id, id, "*", summary, NULL, err);
out:
	free(summary);
	partner_finish(&p);
	return rc;
}

int store_partner_delete(struct store *s, int64_t id, bool force, struct ally_err *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);

	if (rc != ALLY_OK)
		return rc;
	return tx_end(s, &t, partner_delete(s, id, force, err), err);
}

int store_partner_count(struct store *s, int64_t *out, struct ally_err *err)
{
	return count_query(s, SQL_PARTNER_COUNT, 0, out, err);
}
