/* negotiations.c: preparing a negotiation: BATNA, the three positions and
 * the terms with their priority. */
#include "store-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/util.h"

static const char SQL_PARTNER_EXISTS[] = "SELECT 1 FROM partners WHERE id = ?";
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

static int negotiation_check(const struct negotiation *n, struct ally_err *err)
{
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

/* The partner exists, and a named contract is one of its own. */
static int negotiation_refs(struct store *s, const struct negotiation *n, struct ally_err *err)
{
	int64_t owner;
	bool found;
	int rc = store_exists(s, SQL_PARTNER_EXISTS, n->partner_id, &found, err);

	if (rc != ALLY_OK)
		return rc;
	if (!found)
		return store_not_found(err, "partner", n->partner_id);
	if (n->contract_id <= 0)
		return ALLY_OK;
	if ((rc = store_contract_partner(s, n->contract_id, &owner, err)) != ALLY_OK)
		return rc;
	if (owner != n->partner_id)
		return ally_err_set(err, ALLY_EUSER, "contract", "%" PRId64
				    " is not a contract of this partner", n->contract_id);
	return ALLY_OK;
}

static int negotiation_insert(struct store *s, struct negotiation *n, struct ally_err *err)
{
	sqlite3_stmt *st;
	char *summary;
	int rc, r;

	if ((rc = negotiation_refs(s, n, err)) != ALLY_OK ||
	    (rc = store_prepare(s, SQL_NEGOTIATION_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, n->partner_id);
	bind_opt_int(st, 2, n->contract_id > 0 ? n->contract_id : -1);
	bind_text(st, 3, n->batna);
	bind_text(st, 4, n->ideal);
	bind_text(st, 5, n->acceptable);
	bind_text(st, 6, n->walk_away);
	if ((r = store_step(s, st, err)) == 1) {
		n->id = col_int(st, 0);
		n->version = col_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	summary = n->contract_id > 0
			  ? xasprintf("negotiation for contract %" PRId64, n->contract_id)
			  : xstrdup("negotiation");
	rc = audit_write(s, "negotiations", n->id, n->partner_id, "*", NULL, summary, err);
	free(summary);
	return rc;
}

int store_negotiation_add(struct store *s, struct negotiation *n, struct ally_err *err)
{
	struct tx t;
	int rc;

	if ((rc = negotiation_check(n, err)) != ALLY_OK || (rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, negotiation_insert(s, n, err), err);
}

static int term_insert(struct store *s, int64_t negotiation_id, const char *text, int priority,
		       struct ally_err *err)
{
	sqlite3_stmt *st;
	int64_t partner_id = 0, id = 0;
	char *summary;
	int rc, r;

	if ((rc = store_prepare(s, SQL_NEGOTIATION_PARTNER, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, negotiation_id);
	if ((r = store_step(s, st, err)) == 1)
		partner_id = col_int(st, 0);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
	if (r == 0)
		return store_not_found(err, "negotiation", negotiation_id);
	if ((rc = store_prepare(s, SQL_TERM_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, negotiation_id);
	bind_text(st, 2, text);
	bind_enum(st, 3, term_priority_names, priority);
	if ((r = store_step(s, st, err)) == 1)
		id = col_int(st, 0);
	sqlite3_finalize(st);
	if (r < 0)
		return -r;
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

int store_negotiation_list(struct store *s, int64_t partner_id, struct negotiation_list *out,
			   struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_NEGOTIATION_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		struct negotiation *n;

		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		n = &out->rows[out->n++];
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
	sqlite3_finalize(st);
	if (r < 0) {
		negotiation_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void negotiation_list_finish(struct negotiation_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		negotiation_finish(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

int store_negotiation_terms(struct store *s, int64_t negotiation_id,
			    struct negotiation_term_list *out, struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_TERM_LIST, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, negotiation_id);
	while ((r = store_step(s, st, err)) == 1) {
		struct negotiation_term *t;

		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		t = &out->rows[out->n++];
		t->id = col_int(st, 0);
		t->text = col_text(st, 1);
		t->priority = col_enum(st, 2, term_priority_names);
	}
	sqlite3_finalize(st);
	if (r < 0) {
		negotiation_term_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void negotiation_term_list_finish(struct negotiation_term_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->rows[i].text);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
