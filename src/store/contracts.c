/* contracts.c: contracts and their renewal history.  The notice deadline
 * column is filled from renewal_notice_deadline() on every write, so the
 * renewal list can find deadlines through an index. */
#include "store-private.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/text.h"
#include "ally/util.h"

#define CONTRACT_COLS                                                                          \
	"c.id, c.partner_id, c.version, p.name, c.title, c.status, c.start_date, c.end_date, " \
	"c.auto_renew, c.renewal_months, c.notice_days, c.annual_value, c.currency, c.model, " \
	"c.pct1, c.pct2, c.pct3, c.amount, c.exclusivity, c.exclusivity_end, c.liability_cap, " \
	"c.termination_reason, c.notes, c.created_at, c.updated_at"

static const char SQL_CONTRACT_GET[] =
	"SELECT " CONTRACT_COLS " FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.id = ?";
/* Status ?2 or any (NULL); ordered as the partner list orders names
 * (text_sort_key, the partner's sort_key), then partner, end date and id,
 * so rows can be written as they are read.  All contracts: one pass over
 * the table and SQLite's sorter (which spills to a temporary file rather
 * than grow), cheaper than walking an index and looking every row up.
 * One partner's (?1): through contracts_partner_status. */
#define CONTRACT_ORDER "ORDER BY p.sort_key, c.partner_id, c.end_date, c.id"
static const char SQL_CONTRACT_LIST_ALL[] =
	"SELECT " CONTRACT_COLS " FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE (?2 IS NULL OR c.status = ?2) " CONTRACT_ORDER;
static const char SQL_CONTRACT_LIST_PARTNER[] =
	"SELECT " CONTRACT_COLS " FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.partner_id = ?1 AND (?2 IS NULL OR c.status = ?2) " CONTRACT_ORDER;
static const char SQL_CONTRACT_EXISTS[] = "SELECT 1 FROM contracts WHERE id = ?";
static const char SQL_CONTRACT_PARTNER[] = "SELECT partner_id FROM contracts WHERE id = ?";
static const char SQL_CONTRACT_ADD[] =
	"INSERT INTO contracts (id, partner_id, title, status, start_date, end_date, auto_renew, "
	"  renewal_months, notice_days, annual_value, currency, model, pct1, pct2, pct3, amount, "
	"  exclusivity, exclusivity_end, liability_cap, termination_reason, notes, "
	"  notice_deadline) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	"  ?19, ?20, ?21, ?22) "
	"RETURNING id, version, created_at, updated_at";
static const char SQL_CONTRACT_UPDATE[] =
	"UPDATE contracts SET title = ?3, status = ?4, start_date = ?5, end_date = ?6, "
	"  auto_renew = ?7, renewal_months = ?8, notice_days = ?9, annual_value = ?10, "
	"  currency = ?11, model = ?12, pct1 = ?13, pct2 = ?14, pct3 = ?15, amount = ?16, "
	"  exclusivity = ?17, exclusivity_end = ?18, liability_cap = ?19, "
	"  termination_reason = ?20, notes = ?21, notice_deadline = ?22, "
	"  version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1 AND version = ?2 "
	"RETURNING version, updated_at";
static const char SQL_CONTRACT_DELETE[] = "DELETE FROM contracts WHERE id = ?";
static const char SQL_CONTRACT_SET_END[] =
	"UPDATE contracts SET end_date = ?2, notice_deadline = ?3, version = version + 1, "
	"  updated_at = datetime('now') WHERE id = ?1";
/* The first and the last (current) term: the same row until a renewal. */
static const char SQL_TERM_FIRST[] =
	"SELECT id, start_date, end_date FROM contract_terms WHERE contract_id = ? "
	"ORDER BY id LIMIT 1";
static const char SQL_TERM_LAST[] =
	"SELECT id, start_date, end_date FROM contract_terms WHERE contract_id = ? "
	"ORDER BY id DESC LIMIT 1";
/* Term ?1 starts on ?2, term ?3 ends on ?4 (an id 0 changes nothing): one
 * statement, so a single term's CHECK sees both new dates at once. */
static const char SQL_TERM_SET_DATES[] =
	"UPDATE contract_terms SET start_date = CASE WHEN id = ?1 THEN ?2 ELSE start_date END, "
	"  end_date = CASE WHEN id = ?3 THEN ?4 ELSE end_date END "
	"WHERE id IN (?1, ?3)";
static const char SQL_TERM_ADD[] =
	"INSERT INTO contract_terms (contract_id, start_date, end_date, renewed_on, author) "
	"VALUES (?, ?, ?, ?, ?) RETURNING id";
static const char SQL_TERM_LIST[] =
	"SELECT start_date, end_date, renewed_on, author FROM contract_terms "
	"WHERE contract_id = ? ORDER BY id";
/* What a contract's deletion takes with it or changes. */
static const char SQL_TERM_COUNT[] = "SELECT count(*) FROM contract_terms WHERE contract_id = ?";
static const char SQL_CONTRACT_NEGOTIATIONS[] =
	"SELECT id FROM negotiations WHERE contract_id = ? ORDER BY id";

static void contract_from_row(sqlite3_stmt *st, void *row)
{
	struct contract *c = row;
	const char *cur;

	contract_init(c);
	c->id = col_int(st, 0);
	c->partner_id = col_int(st, 1);
	c->version = col_int(st, 2);
	c->partner_name = col_text(st, 3);
	c->title = col_text(st, 4);
	c->status = col_enum(st, 5, contract_status_names);
	c->start_date = col_date(st, 6);
	c->end_date = col_date(st, 7);
	c->auto_renew = col_int(st, 8) != 0;
	c->renewal_months = (int)col_int(st, 9);
	c->notice_days = (int)col_int(st, 10);
	c->annual_value = col_opt_int(st, 11);
	cur = (const char *)sqlite3_column_text(st, 12);
	snprintf(c->currency, sizeof c->currency, "%s", cur != NULL ? cur : "");
	c->econ.model = col_enum(st, 13, econ_model_names);
	for (int i = 0; i < 3; i++)
		c->econ.pct[i] = (int32_t)col_opt_int(st, 14 + i);
	c->econ.amount = col_opt_int(st, 17);
	c->exclusivity = col_enum(st, 18, exclusivity_names);
	c->exclusivity_end = col_date(st, 19);
	c->liability_cap = col_opt_int(st, 20);
	c->termination_reason = col_text(st, 21);
	c->notes = col_text(st, 22);
	c->created_at = col_text(st, 23);
	c->updated_at = col_text(st, 24);
}

/* Parameters 3..22 of SQL_CONTRACT_ADD and SQL_CONTRACT_UPDATE. */
static void bind_contract(sqlite3_stmt *st, const struct contract *c)
{
	bind_text(st, 3, c->title);
	bind_enum(st, 4, contract_status_names, c->status);
	bind_date(st, 5, c->start_date);
	bind_date(st, 6, c->end_date);
	bind_int(st, 7, c->auto_renew);
	bind_int(st, 8, c->renewal_months);
	bind_int(st, 9, c->notice_days);
	bind_opt_int(st, 10, c->annual_value);
	bind_text(st, 11, c->currency);
	bind_enum(st, 12, econ_model_names, c->econ.model);
	for (int i = 0; i < 3; i++)
		bind_opt_int(st, 13 + i, c->econ.pct[i]);
	bind_opt_int(st, 16, c->econ.amount);
	bind_enum(st, 17, exclusivity_names, c->exclusivity);
	bind_date(st, 18, c->exclusivity_end);
	bind_opt_int(st, 19, c->liability_cap);
	bind_text(st, 20, c->termination_reason);
	bind_text(st, 21, c->notes);
	bind_date(st, 22, renewal_notice_deadline(c->end_date, c->auto_renew, c->notice_days));
}

int store_contract_get(struct store *s, int64_t id, struct contract *out, struct ally_err *err)
{
	return store_get(s, SQL_CONTRACT_GET, id, contract_from_row, out, "contract", err);
}

int store_contract_partner(struct store *s, int64_t contract_id, int64_t *partner_id,
			   struct ally_err *err)
{
	return store_query_int(s, SQL_CONTRACT_PARTNER, contract_id, partner_id, err);
}

static char *contract_summary(const void *row)
{
	const struct contract *c = row;
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	return xasprintf("%s (%s, %s..%s)", c->title, enum_name(contract_status_names, c->status),
			 date_format(c->start_date, a), date_format(c->end_date, b));
}

static void bind_contract_add(sqlite3_stmt *st, const void *row)
{
	const struct contract *c = row;

	bind_opt_int(st, 1, c->id > 0 ? c->id : -1);
	bind_int(st, 2, c->partner_id);
	bind_contract(st, c);
}

#define CONTRACT_EDIT_COUNT 17
static const char *const contract_edit_fields[CONTRACT_EDIT_COUNT] = {
	"title", "status", "start_date", "end_date", "auto_renew", "renewal_months",
	"notice_days", "annual_value", "currency", "model", "model_pct", "model_amount",
	"exclusivity", "exclusivity_end", "liability_cap", "termination_reason", "notes",
};

/* The editable fields as text, in contract_edit_fields order. */
static void contract_values(const void *row, char **v)
{
	const struct contract *c = row;
	char pct[48];

	v[0] = xstrdup(c->title);
	v[1] = text_enum(contract_status_names, c->status);
	v[2] = text_date(c->start_date);
	v[3] = text_date(c->end_date);
	v[4] = text_bool(c->auto_renew);
	v[5] = text_int(c->renewal_months);
	v[6] = text_int(c->notice_days);
	v[7] = text_money(c->annual_value);
	v[8] = xstrdup(c->currency);
	v[9] = text_enum(econ_model_names, c->econ.model);
	econ_pct_format(&c->econ, pct);
	v[10] = pct[0] != '\0' ? xstrdup(pct) : NULL;
	v[11] = text_money(c->econ.amount);
	v[12] = text_enum(exclusivity_names, c->exclusivity);
	v[13] = text_date(c->exclusivity_end);
	v[14] = text_money(c->liability_cap);
	v[15] = xstrdup(c->termination_reason);
	v[16] = xstrdup(c->notes);
}

/* One row of a contract's term history. */
struct term_row {
	int64_t id; /* 0: none */
	ally_date start, end;
};

/* The first or last (sql) term of a contract: t->id 0 when it has none. */
static int term_get(struct store *s, const char *sql, int64_t contract_id, struct term_row *t,
		    struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	memset(t, 0, sizeof *t);
	t->start = t->end = DATE_NONE;
	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, contract_id);
	if ((rc = store_step(s, st, err)) == 1) {
		t->id = col_int(st, 0);
		t->start = col_date(st, 1);
		t->end = col_date(st, 2);
	}
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

/* A contract's first and current term. */
static int term_ends(struct store *s, int64_t contract_id, struct term_row *first,
		     struct term_row *last, struct ally_err *err)
{
	int rc = term_get(s, SQL_TERM_FIRST, contract_id, first, err);

	return rc != ALLY_OK ? rc : term_get(s, SQL_TERM_LAST, contract_id, last, err);
}

/* The edited dates stay inside the term history, as the core judges: a
 * changed start_date not after the first term's end, a changed end_date
 * not before the current term's start.  Until a renewal both are the one
 * term being edited, which contract_validate already keeps in order. */
static int term_check(struct store *s, const void *row, const void *cur, struct ally_err *err)
{
	const struct contract *c = row, *old = cur;
	struct term_row first, last;
	bool renewed;
	int rc;

	if (c->start_date == old->start_date && c->end_date == old->end_date)
		return ALLY_OK;
	if ((rc = term_ends(s, c->id, &first, &last, err)) != ALLY_OK)
		return rc;
	renewed = first.id != last.id;
	if (c->start_date != old->start_date &&
	    (rc = contract_check_term_start(renewed ? first.end : DATE_NONE, c->start_date,
					    err)) != ALLY_OK)
		return rc;
	if (c->end_date != old->end_date)
		return contract_check_term_end(renewed ? last.start : c->start_date, c->end_date,
					       err);
	return ALLY_OK;
}

/* The term history follows edited dates: start_date is the first term's
 * start, end_date the current term's end. */
static int term_follow(struct store *s, const void *row, const void *cur, struct ally_err *err)
{
	const struct contract *c = row, *old = cur;
	struct term_row first, last;
	sqlite3_stmt *st;
	int rc;

	if (c->start_date == old->start_date && c->end_date == old->end_date)
		return ALLY_OK;
	if ((rc = term_ends(s, c->id, &first, &last, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_TERM_SET_DATES, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, c->start_date != old->start_date ? first.id : 0);
	bind_date(st, 2, c->start_date);
	bind_int(st, 3, c->end_date != old->end_date ? last.id : 0);
	bind_date(st, 4, c->end_date);
	return store_step_done(s, st, err);
}

static void bind_contract_update(sqlite3_stmt *st, const void *row)
{
	const struct contract *c = row;

	bind_int(st, 1, c->id);
	bind_int(st, 2, c->version);
	bind_contract(st, c);
}

static int contract_check(const void *row, struct ally_err *err)
{
	return contract_validate(row, err);
}

static int contract_get_row(struct store *s, int64_t id, void *out, struct ally_err *err)
{
	return store_contract_get(s, id, out, err);
}

static void contract_free(void *row)
{
	contract_finish(row);
}

/* Insert a term row; its id in *term_id. */
static int term_add(struct store *s, int64_t contract_id, ally_date start, ally_date end,
		    ally_date renewed_on, int64_t *term_id, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_TERM_ADD, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, contract_id);
	bind_date(st, 2, start);
	bind_date(st, 3, end);
	bind_date(st, 4, renewed_on);
	bind_text(st, 5, s->user);
	return store_step_int(s, st, term_id, err);
}

/* Every contract has its first term from the start, so the history holds
 * every term it ran; the contract's own audit row covers it. */
static int first_term(struct store *s, void *row, struct ally_err *err)
{
	const struct contract *c = row;
	int64_t term_id;

	return term_add(s, c->id, c->start_date, c->end_date, DATE_NONE, &term_id, err);
}

/* Before a contract goes: a count of the terms that go with it, and each
 * negotiation that loses its link (ON DELETE SET NULL). */
static int delete_cascade(struct store *s, const void *row, struct ally_err *err)
{
	const struct contract *c = row;
	sqlite3_stmt *st;
	char *old_v = text_int(c->id);
	int rc = audit_cascade_count(s, "contracts", c->id, "contract_terms", SQL_TERM_COUNT,
				     c->partner_id, "contract", err), r = 0;

	if (rc == ALLY_OK && (rc = store_prepare(s, SQL_CONTRACT_NEGOTIATIONS, &st, err)) == ALLY_OK) {
		bind_int(st, 1, c->id);
		while (rc == ALLY_OK && (r = store_step(s, st, err)) == 1)
			rc = audit_write(s, "negotiations", col_int(st, 0), c->partner_id,
					 "contract_id", old_v, NULL, err);
		store_release(st);
		if (rc == ALLY_OK && r < 0)
			rc = -r;
	}
	free(old_v);
	return rc;
}

static const struct versioned_ops contract_ops = {
	.tbl = "contracts",
	.what = "contract",
	.exists_sql = SQL_CONTRACT_EXISTS,
	.size = sizeof(struct contract),
	.id_off = offsetof(struct contract, id),
	.version_off = offsetof(struct contract, version),
	.partner_off = offsetof(struct contract, partner_id),
	.created_at_off = offsetof(struct contract, created_at),
	.updated_at_off = offsetof(struct contract, updated_at),
	.validate = contract_check,
	.summary = contract_summary,
	.insert_sql = SQL_CONTRACT_ADD,
	.bind_insert = bind_contract_add,
	.partner_must_exist = true,
	.keeps_id = true,
	.update_sql = SQL_CONTRACT_UPDATE,
	.fields = contract_edit_fields,
	.nfields = CONTRACT_EDIT_COUNT,
	.get = contract_get_row,
	.values = contract_values,
	.bind_update = bind_contract_update,
	.after_insert = first_term,
	.check_update = term_check,
	.after_update = term_follow,
	.finish = contract_free,
	.delete_sql = SQL_CONTRACT_DELETE,
	.before_delete = delete_cascade,
};

int store_contract_add(struct store *s, struct contract *c, struct ally_err *err)
{
	return store_versioned_add(s, &contract_ops, c, err);
}

int store_contract_update(struct store *s, struct contract *c, struct ally_err *err)
{
	return store_versioned_update(s, &contract_ops, c, err);
}

static int contract_set(void *row, const char *field, const char *value, struct ally_err *err)
{
	return contract_set_field(row, field, value, err);
}

int store_contract_merge(struct store *s, struct contract *base, struct contract *c,
			 const char *since, struct ally_err *err)
{
	return store_versioned_merge(s, &contract_ops, contract_set, base, c, since, err);
}

int store_contract_delete(struct store *s, int64_t id, struct ally_err *err)
{
	return store_versioned_delete(s, &contract_ops, id, err);
}

/* Partner ?1 (one; unbound for all) and status ?2 (NULL: any). */
struct list_args {
	int64_t partner_id;
	int status;
};

static void bind_list(sqlite3_stmt *st, const void *arg)
{
	const struct list_args *a = arg;

	if (a->partner_id > 0)
		bind_int(st, 1, a->partner_id);
	bind_enum(st, 2, contract_status_names, a->status);
}

static const struct row_kind contract_rows = { sizeof(struct contract), contract_from_row,
					      contract_free };

/* store_contract_each's callback behind store_each's. */
struct contract_visit {
	int (*fn)(void *ctx, const struct contract *c, struct ally_err *err);
	void *ctx;
};

static int visit_contract(void *ctx, void *elem, struct ally_err *err)
{
	const struct contract_visit *v = ctx;

	return v->fn(v->ctx, elem, err);
}

int store_contract_each(struct store *s, int64_t partner_id, int status,
			int (*fn)(void *ctx, const struct contract *c, struct ally_err *err),
			void *ctx, struct ally_err *err)
{
	const struct list_args args = { partner_id, status };
	struct contract_visit v = { fn, ctx };

	return store_each(s, partner_id > 0 ? SQL_CONTRACT_LIST_PARTNER : SQL_CONTRACT_LIST_ALL,
			  bind_list, &args, &contract_rows, visit_contract, &v, err);
}

int store_contract_list(struct store *s, int64_t partner_id, int status, struct contract_list *out,
			struct ally_err *err)
{
	const struct list_args args = { partner_id, status };
	void *rows;
	int rc = store_collect(s, partner_id > 0 ? SQL_CONTRACT_LIST_PARTNER : SQL_CONTRACT_LIST_ALL,
			       bind_list, &args, &contract_rows, &rows, &out->n, err);

	out->rows = rows;
	return rc;
}

int contract_audit_cascade(struct store *s, int64_t partner_id, struct ally_err *err)
{
	struct contract_list l;
	int rc = store_contract_list(s, partner_id, -1, &l, err);

	for (size_t i = 0; rc == ALLY_OK && i < l.n; i++) {
		char *summary = contract_summary(&l.rows[i]);

		rc = audit_write(s, "contracts", l.rows[i].id, partner_id, "*", summary, NULL, err);
		free(summary);
	}
	contract_list_finish(&l);
	return rc;
}

void contract_list_finish(struct contract_list *l)
{
	store_rows_free(&contract_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

static int set_end(struct store *s, const struct contract *c, ally_date end,
		   struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_CONTRACT_SET_END, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, c->id);
	bind_date(st, 2, end);
	bind_date(st, 3, renewal_notice_deadline(end, c->auto_renew, c->notice_days));
	return store_step_done(s, st, err);
}

/* The new term's row and its audit row, "2027-01-01..2027-12-31". */
static int term_renew(struct store *s, const struct contract *c, ally_date start, ally_date end,
		      ally_date today, struct ally_err *err)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	char *summary;
	int64_t term_id;
	int rc = term_add(s, c->id, start, end, today, &term_id, err);

	if (rc != ALLY_OK)
		return rc;
	summary = xasprintf("%s..%s", date_format(start, a), date_format(end, b));
	rc = audit_write(s, "contract_terms", term_id, c->partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

static int contract_renew(struct store *s, int64_t id, ally_date until, ally_date today,
			  ally_date *start_out, ally_date *end_out, struct ally_err *err)
{
	struct contract c;
	ally_date start, end;
	char *old_end = NULL, *new_end = NULL;
	int rc;

	if ((rc = store_contract_get(s, id, &c, err)) != ALLY_OK)
		return rc;
	if ((rc = contract_renew_term(&c, until, &start, &end, err)) != ALLY_OK ||
	    (rc = term_renew(s, &c, start, end, today, err)) != ALLY_OK ||
	    (rc = set_end(s, &c, end, err)) != ALLY_OK)
		goto out;
	old_end = text_date(c.end_date);
	new_end = text_date(end);
	if ((rc = audit_write(s, "contracts", id, c.partner_id, "end_date", old_end, new_end,
			      err)) != ALLY_OK)
		goto out;
	*start_out = start;
	*end_out = end;
out:
	free(old_end);
	free(new_end);
	contract_finish(&c);
	return rc;
}

int store_contract_renew(struct store *s, int64_t id, ally_date until, ally_date today,
			 ally_date *start_out, ally_date *end_out, struct ally_err *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);

	if (rc != ALLY_OK)
		return rc;
	return tx_end(s, &t, contract_renew(s, id, until, today, start_out, end_out, err), err);
}

static void term_from_row(sqlite3_stmt *st, void *elem)
{
	struct term_entry *e = elem;

	e->start = col_date(st, 0);
	e->end = col_date(st, 1);
	e->renewed_on = col_date(st, 2);
	e->author = col_text(st, 3);
}

static void term_free(void *elem)
{
	free(((struct term_entry *)elem)->author);
}

static const struct row_kind term_rows = { sizeof(struct term_entry), term_from_row, term_free };

int store_contract_terms(struct store *s, int64_t contract_id, struct term_list *out,
			 struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_TERM_LIST, store_bind_id, &contract_id, &term_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void term_list_finish(struct term_list *l)
{
	store_rows_free(&term_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
