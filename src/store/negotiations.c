/* negotiations.c: preparing a negotiation: BATNA, the three positions and
 * the terms with their priority. */
#include "store-private.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_NEGOTIATION_PARTNER[] = "SELECT partner_id FROM negotiations WHERE id = ?";
static const char SQL_NEGOTIATION_ADD[] =
	"INSERT INTO negotiations (partner_id, contract_id, batna, ideal, acceptable, walk_away) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id, version";
static const char SQL_NEGOTIATION_LIST[] =
	"SELECT id, partner_id, contract_id, version, batna, ideal, acceptable, walk_away "
	"FROM negotiations WHERE partner_id = ? ORDER BY id DESC";
static const char SQL_TERM_ADD[] =
	"INSERT INTO negotiation_terms (negotiation_id, text, priority) VALUES (?, ?, ?) "
	"RETURNING id";
/* Must-haves first, then in the order they were written down. */
static const char SQL_TERM_LIST[] =
	"SELECT id, text, priority FROM negotiation_terms WHERE negotiation_id = ? "
	"ORDER BY CASE priority WHEN 'must_have' THEN 0 WHEN 'important' THEN 1 ELSE 2 END, id";

static int negotiation_check(const void *row, struct ally_err *err)
{
	const struct negotiation *n = row;
	const char *const texts[] = { n->batna, n->ideal, n->acceptable, n->walk_away };
	const char *const fields[] = { "batna", "ideal", "acceptable", "walk_away" };

	for (int i = 0; i < 4; i++) {
		int rc;

		if (texts[i] != NULL &&
		    (rc = text_check(texts[i], fields[i], TEXT_LONG_MAX, true, err)) != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

/* A named contract is one of the partner's own. */
static int negotiation_refs(struct store *s, void *row, struct ally_err *err)
{
	const struct negotiation *n = row;
	int64_t owner;
	int rc;

	if (n->contract_id <= 0)
		return ALLY_OK;
	if ((rc = store_contract_partner(s, n->contract_id, &owner, err)) != ALLY_OK)
		return rc;
	if (owner != n->partner_id)
		return ally_err_set(err, ALLY_EUSER, "contract", "%" PRId64
				    " is not a contract of this partner", n->contract_id);
	return ALLY_OK;
}

static void bind_negotiation_add(sqlite3_stmt *st, const void *row)
{
	const struct negotiation *n = row;

	bind_int(st, 1, n->partner_id);
	bind_opt_int(st, 2, n->contract_id > 0 ? n->contract_id : -1);
	bind_text(st, 3, n->batna);
	bind_text(st, 4, n->ideal);
	bind_text(st, 5, n->acceptable);
	bind_text(st, 6, n->walk_away);
}

static char *negotiation_summary(const void *row)
{
	const struct negotiation *n = row;

	return n->contract_id > 0 ? xasprintf("negotiation for contract %" PRId64, n->contract_id)
				  : xstrdup("negotiation");
}

static const struct versioned_ops negotiation_ops = {
	.tbl = "negotiations",
	.what = "negotiation",
	.size = sizeof(struct negotiation),
	.id_off = offsetof(struct negotiation, id),
	.version_off = offsetof(struct negotiation, version),
	.partner_off = offsetof(struct negotiation, partner_id),
	.validate = negotiation_check,
	.summary = negotiation_summary,
	.insert_sql = SQL_NEGOTIATION_ADD,
	.bind_insert = bind_negotiation_add,
	.partner_must_exist = true,
	.check_insert = negotiation_refs,
};

int store_negotiation_add(struct store *s, struct negotiation *n, struct ally_err *err)
{
	return store_versioned_add(s, &negotiation_ops, n, err);
}

static int term_insert(struct store *s, int64_t negotiation_id, const char *text, int priority,
		       struct ally_err *err)
{
	sqlite3_stmt *st;
	int64_t partner_id = 0, id = 0;
	char *summary;
	int rc;

	if ((rc = store_query_int(s, SQL_NEGOTIATION_PARTNER, negotiation_id, &partner_id, err)) !=
	    ALLY_OK)
		return rc;
	if (partner_id == 0)
		return store_not_found(err, "negotiation", negotiation_id);
	if ((rc = store_prepare(s, SQL_TERM_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, negotiation_id);
	bind_text(st, 2, text);
	bind_enum(st, 3, term_priority_names, priority);
	if ((rc = store_step_int(s, st, &id, err)) != ALLY_OK)
		return rc;
	summary = xasprintf("%s: %s", enum_name(term_priority_names, priority), text);
	rc = audit_write(s, "negotiation_terms", id, partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_negotiation_term_add(struct store *s, int64_t negotiation_id, const char *text,
			       int priority, struct ally_err *err)
{
	struct tx t;
	int rc;

	if (text == NULL || *text == '\0')
		return ally_err_set(err, ALLY_EUSER, "term", "is required");
	if ((rc = text_check(text, "term", TEXT_LINE_MAX, false, err)) != ALLY_OK)
		return rc;
	if (enum_name(term_priority_names, priority) == NULL)
		return ally_err_set(err, ALLY_EUSER, "priority",
				    "must be one of: must_have, important, nice_to_have");
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, term_insert(s, negotiation_id, text, priority, err), err);
}

static void negotiation_from_row(sqlite3_stmt *st, void *elem)
{
	struct negotiation *n = elem;

	negotiation_init(n);
	n->id = col_int(st, 0);
	n->partner_id = col_int(st, 1);
	n->contract_id = col_opt_int(st, 2) > 0 ? col_int(st, 2) : 0;
	n->version = col_int(st, 3);
	n->batna = col_text(st, 4);
	n->ideal = col_text(st, 5);
	n->acceptable = col_text(st, 6);
	n->walk_away = col_text(st, 7);
}

static void negotiation_free(void *elem)
{
	negotiation_finish(elem);
}

static const struct row_kind negotiation_rows = { sizeof(struct negotiation),
						  negotiation_from_row, negotiation_free };

int store_negotiation_list(struct store *s, int64_t partner_id, struct negotiation_list *out,
			   struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_NEGOTIATION_LIST, store_bind_id, &partner_id,
			       &negotiation_rows, &rows, &out->n, err);

	out->rows = rows;
	return rc;
}

void negotiation_list_finish(struct negotiation_list *l)
{
	store_rows_free(&negotiation_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

static void term_from_row(sqlite3_stmt *st, void *elem)
{
	struct negotiation_term *t = elem;

	t->id = col_int(st, 0);
	t->text = col_text(st, 1);
	t->priority = col_enum(st, 2, term_priority_names);
}

static void term_free(void *elem)
{
	free(((struct negotiation_term *)elem)->text);
}

static const struct row_kind term_rows = { sizeof(struct negotiation_term), term_from_row,
					  term_free };

int store_negotiation_terms(struct store *s, int64_t negotiation_id,
			    struct negotiation_term_list *out, struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_TERM_LIST, store_bind_id, &negotiation_id, &term_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void negotiation_term_list_finish(struct negotiation_term_list *l)
{
	store_rows_free(&term_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
