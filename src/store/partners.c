/* partners.c: adding, reading, finding, editing and deleting partners. */
#include "store-private.h"

#include <inttypes.h>
#include <stddef.h>
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
/* ?3..?16 are the editable fields and keys in both (bind_partner). */
static const char SQL_PARTNER_ADD[] =
	"INSERT INTO partners (id, name, type, owner, origin, power, goal, value_partner, "
	"  value_us, value_together, region, website, notes, name_key, owner_key, phase, health, "
	"  status_note, status_date, status_author, score_w, score_fit, score_reach, "
	"  score_capabilities, score_financial, score_track_record, score_date, "
	"  sort_key, phase_no, tier, min_end, review_due, behind_from, stale_from, no_sponsor, "
	"  renewal_watch) "
	"VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	"  ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, "
	"  ?37) "
	"RETURNING id, version, created_at, updated_at";
static const char SQL_PARTNER_UPDATE[] =
	"UPDATE partners SET name = ?3, type = ?4, owner = ?5, origin = ?6, power = ?7, "
	"  goal = ?8, value_partner = ?9, value_us = ?10, value_together = ?11, region = ?12, "
	"  website = ?13, notes = ?14, name_key = ?15, owner_key = ?16, version = version + 1, "
	"  updated_at = datetime('now') "
	"WHERE id = ?1 AND version = ?2 "
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
	store_release(st);
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
	ally_err_set(err, ALLY_EUSER, "partner", "no partner '%s'", ref);
	return ally_err_because(err, AR_NOT_FOUND);
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
		if (!self) {
			ally_err_set(err, ALLY_EUSER, "name", "a partner named '%s' already exists",
				     p->name);
			return ally_err_because(err, AR_DUPLICATE);
		}
	}
	return ALLY_OK;
}

/* A score arriving with the partner counts only when its criteria give
 * its W; otherwise W is kept without criteria (an import of a score). */
static bool score_complete(const struct partner *p)
{
	return p->score_w >= 0 && score_validate(&p->score_in, NULL) == ALLY_OK &&
	       score_weighted(&p->score_in) == p->score_w;
}

/* Parameters 3..16 of SQL_PARTNER_ADD and SQL_PARTNER_UPDATE: the
 * editable fields, and the keys folded from name and owner. */
static void bind_partner(sqlite3_stmt *st, const struct partner *p)
{
	char *name_key = text_fold(p->name);
	char *owner_key = p->owner != NULL ? text_fold(p->owner) : NULL;

	bind_text(st, 3, p->name);
	bind_enum(st, 4, partner_type_names, p->type);
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
	bind_text(st, 15, name_key);
	bind_text(st, 16, owner_key);
	free(name_key);
	free(owner_key);
}

/* The rest of an insert: the caller's id, and the phase, status and score
 * a partner may arrive with (import). */
static void bind_partner_add(sqlite3_stmt *st, const void *row)
{
	const struct partner *p = row;
	bool full = score_complete(p);

	bind_opt_int(st, 1, p->id > 0 ? p->id : -1);
	bind_partner(st, p);
	bind_enum(st, 17, phase_names, p->phase);
	bind_enum(st, 18, health_names, p->health);
	bind_text(st, 19, p->status_note);
	bind_date(st, 20, p->status_date);
	bind_text(st, 21, p->health >= 0 ? p->status_author : NULL);
	bind_opt_int(st, 22, p->score_w);
	bind_opt_int(st, 23, full ? p->score_in.fit : -1);
	bind_opt_int(st, 24, full ? p->score_in.reach : -1);
	bind_opt_int(st, 25, full ? p->score_in.capabilities : -1);
	bind_opt_int(st, 26, full ? p->score_in.financial : -1);
	bind_opt_int(st, 27, full ? p->score_in.track_record : -1);
	bind_date(st, 28, p->score_w >= 0 ? p->score_date : DATE_NONE);
	derive_bind_new(st, 29, p); /* derive_flush then finds them right */
}

/* History rows for a status or a complete score given on insert
 * (import), so the history agrees with the current values. */
static int seed_history(struct store *s, const struct partner *p, const char *author,
			struct ally_err *err)
{
	int64_t hist_id;
	int rc = ALLY_OK;

	if (p->health >= 0 && p->status_date != DATE_NONE)
		rc = status_history_insert(s, p->id, p->status_date, p->health, p->status_note,
					   author, &hist_id, err);
	if (rc == ALLY_OK && score_complete(p) && p->score_date != DATE_NONE)
		rc = score_history_insert(s, p->id, p->score_date, &p->score_in, p->score_w, author,
					  &hist_id, err);
	return rc;
}

/* Before the insert: a free name. */
static int insert_check(struct store *s, void *row, struct ally_err *err)
{
	return check_unique(s, row, err);
}

/* After it: the history behind a status or a score it came with. */
static int insert_history(struct store *s, void *row, struct ally_err *err)
{
	struct partner *p = row;

	if (!score_complete(p))
		memset(&p->score_in, 0, sizeof p->score_in);
	return seed_history(s, p, p->health >= 0 ? p->status_author : s->user, err);
}

static char *partner_summary(const void *row)
{
	const struct partner *p = row;

	return xasprintf("%s (%s)", p->name, enum_name(partner_type_names, p->type));
}

#define PARTNER_EDIT_COUNT 12
static const char *const partner_edit_fields[PARTNER_EDIT_COUNT] = {
	"name", "type", "owner", "origin", "power", "goal", "value_partner", "value_us",
	"value_together", "region", "website", "notes",
};

/* The editable fields as text, in partner_edit_fields order. */
static void partner_values(const void *row, char **v)
{
	const struct partner *p = row;

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

static void bind_partner_update(sqlite3_stmt *st, const void *row)
{
	const struct partner *p = row;

	bind_int(st, 1, p->id);
	bind_int(st, 2, p->version);
	bind_partner(st, p);
}

static int partner_check(const void *row, struct ally_err *err)
{
	return partner_validate(row, err);
}

static int partner_get_row(struct store *s, int64_t id, void *out, struct ally_err *err)
{
	return store_partner_get(s, id, out, err);
}

/* A renamed partner must not take another one's name. */
static int rename_check(struct store *s, const void *row, const void *cur, struct ally_err *err)
{
	(void)cur;
	return check_unique(s, row, err);
}

static void partner_free(void *row)
{
	partner_finish(row);
}

static const struct versioned_ops partner_ops = {
	.tbl = "partners",
	.what = "partner",
	.exists_sql = SQL_PARTNER_EXISTS,
	.size = sizeof(struct partner),
	.id_off = offsetof(struct partner, id),
	.version_off = offsetof(struct partner, version),
	.partner_off = offsetof(struct partner, id),
	.created_at_off = offsetof(struct partner, created_at),
	.updated_at_off = offsetof(struct partner, updated_at),
	.validate = partner_check,
	.summary = partner_summary,
	.insert_sql = SQL_PARTNER_ADD,
	.bind_insert = bind_partner_add,
	.check_insert = insert_check,
	.after_insert = insert_history,
	.keeps_id = true,
	.update_sql = SQL_PARTNER_UPDATE,
	.fields = partner_edit_fields,
	.nfields = PARTNER_EDIT_COUNT,
	.get = partner_get_row,
	.values = partner_values,
	.bind_update = bind_partner_update,
	.check_update = rename_check,
	.finish = partner_free,
};

/* The insert works on a shallow copy with the defaults filled in: the
 * owner (domain.md: whoever creates it) and the author of a status that
 * comes with the partner (import).  Only once it is committed does the
 * caller's p take them, so a failed add leaves p as it was. */
int store_partner_add(struct store *s, struct partner *p, struct ally_err *err)
{
	struct partner row = *p;
	char *owner = NULL, *author = NULL;
	int rc;

	if (row.owner == NULL)
		row.owner = owner = xstrdup(s->user);
	if (row.health >= 0 && row.status_author == NULL)
		row.status_author = author = xstrdup(s->user);
	rc = store_versioned_add(s, &partner_ops, &row, err);
	if (rc != ALLY_OK) {
		free(owner);
		free(author);
		return rc;
	}
	*p = row; /* the stamps replaced (and freed) p's own */
	return ALLY_OK;
}

int store_partner_update(struct store *s, struct partner *p, struct ally_err *err)
{
	return store_versioned_update(s, &partner_ops, p, err);
}

static int partner_set(void *row, const char *field, const char *value, struct ally_err *err)
{
	return partner_set_field(row, field, value, false, err);
}

int store_partner_merge(struct store *s, struct partner *base, struct partner *p,
			const char *since, struct ally_err *err)
{
	return store_versioned_merge(s, &partner_ops, partner_set, base, p, since, err);
}

/* Audit rows for what deleting partner id takes with it, written before
 * the rows are gone. */
static int audit_cascade(struct store *s, int64_t id, struct ally_err *err)
{
	int rc;

	if ((rc = contract_audit_cascade(s, id, err)) != ALLY_OK ||
	    (rc = contact_audit_cascade(s, id, err)) != ALLY_OK)
		return rc;
	for (size_t i = 0; i < sizeof cascades / sizeof cascades[0]; i++)
		if ((rc = audit_cascade_count(s, "partners", id, cascades[i].tbl,
					      cascades[i].count_sql, id, "partner", err)) != ALLY_OK)
			return rc;
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
	if ((rc = store_query_int(s, SQL_ACTIVE_CONTRACTS, id, &active, err)) != ALLY_OK)
		goto out;
	if (active > 0 && !force) {
		rc = ally_err_set(err, ALLY_EUSER, "partner",
				  "'%s' has %" PRId64 " active contract(s); use --force", p.name,
				  active);
		goto out;
	}
	if (active > 0)
		summary = xasprintf("%s (%s) with %" PRId64 " active contract(s)", p.name,
				    enum_name(partner_type_names, p.type), active);
	else
		summary = xasprintf("%s (%s)", p.name, enum_name(partner_type_names, p.type));
	/* Audited while the row is there: audit_write keeps its name. */
	if ((rc = audit_cascade(s, id, err)) != ALLY_OK ||
	    (rc = audit_write(s, "partners", id, id, "*", summary, NULL, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_PARTNER_DELETE, &st, err)) != ALLY_OK)
		goto out;
	bind_int(st, 1, id);
	rc = store_step_done(s, st, err);
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

int store_partner_exists(struct store *s, int64_t id, struct ally_err *err)
{
	bool found;
	int rc = store_exists(s, SQL_PARTNER_EXISTS, id, &found, err);

	if (rc == ALLY_OK && !found)
		rc = store_not_found(err, "partner", id);
	return rc;
}

int store_partner_count(struct store *s, int64_t *out, struct ally_err *err)
{
	return store_query_int(s, SQL_PARTNER_COUNT, 0, out, err);
}
