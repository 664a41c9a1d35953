/* import.c: turning CSV records into partners and contracts.
 *
 * Every value goes through the core's *_set_field and *_validate and every
 * write through the store, exactly as `partner add` and `contract add` do
 * (one store call and one audit row per record); this file only maps
 * columns to those calls and says where a bad value is: "FILE:LINE:
 * column NAME: reason". */
#include "io.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/parse.h"
#include "ally/partner.h"
#include "ally/score.h"
#include "ally/store.h"
#include "ally/util.h"
#include "cli.h"
#include "csv-read.h"

/* One import: the file, its header, the record at hand. */
struct import {
	struct cli *cli;
	const char *name; /* FILE as given, for messages */
	const struct csv_record *header;
	const struct csv_record *rec; /* the record being imported */
	const char *const *keys;      /* the columns this kind knows */
	struct ally_err *err;
	char *last_ref;               /* contracts: the partner cell last looked up */
	int64_t last_id;              /* and the partner it named */
};

/* Columns import must have; the rest may be left out. */
static const char *const partner_required[] = { "name", "type", NULL };
static const char *const contract_required[] = { "partner", "title", "start_date", "end_date",
						  NULL };

/* Fields that have a default: an empty cell keeps it rather than being
 * refused as empty. */
static const char *const contract_defaulted[] = { "status", "auto_renew", "renewal_months",
						  "notice_days", "currency", NULL };

static bool in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* The index of column key in the header, or -1. */
static long column(const struct csv_record *header, const char *key)
{
	for (size_t i = 0; i < header->n; i++)
		if (strcmp(header->fields[i], key) == 0)
			return (long)i;
	return -1;
}

/* The cell of column key in the current record, or NULL when the file has
 * no such column.  Export guards formula-like text with one leading quote;
 * exactly one is taken off again, so the round trip is exact. */
static const char *cell(const struct import *im, const char *key)
{
	long i = column(im->header, key);
	const char *v;

	if (i < 0)
		return NULL;
	v = im->rec->fields[i];
	return v[0] == '\'' ? v + 1 : v;
}

/* No value: the column is absent (NULL) or the cell is empty. */
static bool empty(const char *v)
{
	return v == NULL || *v == '\0';
}

/* Rewrite err (a core or store message "field: reason") as
 * "FILE:LINE: column COLUMN: reason".  With column NULL, the message's own
 * field names the column when it is one of the file's kind.  Database
 * errors are left as they are: they are not about the file. */
static int row_error(const struct import *im, const char *column)
{
	char reason[sizeof im->err->msg], field[sizeof im->err->field];

	if (im->err->status != ALLY_EUSER)
		return im->err->status;
	snprintf(field, sizeof field, "%s", im->err->field);
	snprintf(reason, sizeof reason, "%s", field[0] != '\0' ? ally_err_text(im->err) : im->err->msg);
	if (column == NULL && in_list(im->keys, field))
		column = field;
	if (column == NULL)
		return ally_err_set(im->err, ALLY_EUSER, NULL, "%s:%ld: %s", im->name,
				    im->rec->line, reason);
	return ally_err_set(im->err, ALLY_EUSER, NULL, "%s:%ld: column %s: %s", im->name,
			    im->rec->line, column, reason);
}

/* An error found here, for the record at hand. */
static int col_error(const struct import *im, const char *column, const char *reason)
{
	return ally_err_set(im->err, ALLY_EUSER, NULL, "%s:%ld: column %s: %s", im->name,
			    im->rec->line, column, reason);
}

/* Every column known, none twice, the required ones present. */
static int check_header(const struct import *im, const char *const *required)
{
	const struct csv_record *h = im->header;

	for (size_t i = 0; i < h->n; i++) {
		if (h->fields[i][0] == '\0')
			return ally_err_set(im->err, ALLY_EUSER, NULL, "%s:%ld: column %zu: has no name",
					    im->name, h->line, i + 1);
		if (!in_list(im->keys, h->fields[i]))
			return ally_err_set(im->err, ALLY_EUSER, NULL,
					    "%s:%ld: column %s: unknown column", im->name, h->line,
					    h->fields[i]);
		for (size_t j = 0; j < i; j++)
			if (strcmp(h->fields[i], h->fields[j]) == 0)
				return ally_err_set(im->err, ALLY_EUSER, NULL,
						    "%s:%ld: column %s: appears twice", im->name,
						    h->line, h->fields[i]);
	}
	for (; *required != NULL; required++)
		if (column(h, *required) < 0)
			return ally_err_set(im->err, ALLY_EUSER, NULL, "%s:%ld: column %s: missing",
					    im->name, h->line, *required);
	return ALLY_OK;
}

/* The id column keeps ids across a round trip; empty lets the store pick. */
static int take_id(const struct import *im, int64_t *id)
{
	const char *v = cell(im, "id");

	*id = 0;
	if (empty(v))
		return ALLY_OK;
	if (cli_id(v, "id", id, im->err) != ALLY_OK)
		return row_error(im, "id");
	return ALLY_OK;
}

/* ---- partners ---- */

static int partner_fields_from(const struct import *im, struct partner *p)
{
	for (const char *const *k = partner_fields; *k != NULL; k++) {
		const char *v = cell(im, *k);

		if (strcmp(*k, "owner") == 0 && empty(v))
			v = im->cli->user; /* as `partner add` does */
		if (v == NULL || (strcmp(*k, "phase") == 0 && *v == '\0'))
			continue;
		if (partner_set_field(p, *k, v, true, im->err) != ALLY_OK)
			return row_error(im, *k);
	}
	return ALLY_OK;
}

/* health, status_note, status_date: one status, dated as given (else
 * today), that comes with the partner. */
static int partner_status(const struct import *im, struct partner *p)
{
	const char *health = cell(im, "health"), *note = cell(im, "status_note");
	const char *date = cell(im, "status_date");
	ally_date d = im->cli->today;
	int h;

	if (empty(health)) {
		if (!empty(note) || !empty(date))
			return col_error(im, "health",
					 "missing (a status note or date needs a health)");
		return ALLY_OK;
	}
	h = enum_parse_field(health_names, health, "health", im->err);
	if (h < 0)
		return row_error(im, "health");
	if (!empty(date) && date_parse_field(date, "status_date", &d, im->err) != ALLY_OK)
		return row_error(im, "status_date");
	if (!empty(note) &&
	    text_check(note, "status_note", TEXT_LINE_MAX, false, im->err) != ALLY_OK)
		return row_error(im, "status_note");
	p->health = h;
	p->status_note = empty(note) ? NULL : xstrdup(note);
	p->status_date = d;
	return ALLY_OK;
}

/* The five criteria: all or none.  score and tier follow from them. */
static int partner_score(const struct import *im, struct partner *p)
{
	int vals[CRIT_COUNT], given = 0;
	const char *date = cell(im, "score_date");
	ally_date d = im->cli->today;
	struct score_input in;

	for (int c = 0; c < CRIT_COUNT; c++)
		given += !empty(cell(im, criterion_names[c]));
	if (given == 0) {
		if (!empty(date))
			return col_error(im, "score_date", "given without the five criteria");
		return ALLY_OK;
	}
	for (int c = 0; c < CRIT_COUNT; c++) {
		const char *v = cell(im, criterion_names[c]);
		long n;

		if (empty(v))
			return col_error(im, criterion_names[c],
					 "missing (give all five criteria, or none)");
		if (parse_long_field(v, criterion_names[c], 0, 100, &n, im->err) != ALLY_OK)
			return row_error(im, criterion_names[c]);
		vals[c] = (int)n;
	}
	if (!empty(date) && date_parse_field(date, "score_date", &d, im->err) != ALLY_OK)
		return row_error(im, "score_date");
	in = (struct score_input){ vals[0], vals[1], vals[2], vals[3], vals[4] };
	if (score_validate(&in, im->err) != ALLY_OK)
		return row_error(im, NULL);
	p->score_in = in;
	p->score_w = score_weighted(&in);
	p->score_date = d;
	return ALLY_OK;
}

/* One record, one insert: the partner with the status and the scoring it
 * comes with, their history rows, and one audit row (store_partner_add),
 * rather than an add, a status update and a scoring, each audited field
 * by field.  The history's own rows keep who recorded them and when.  A
 * problem with the status or the score is found before the insert but
 * reported after the partner's own (its name taken, its id used), in the
 * order the three steps used to report them. */
static int import_partner(struct import *im)
{
	struct ally_err later = { 0 };
	struct import checks = *im;
	struct partner p;
	bool bad = false;
	int rc;

	partner_init(&p);
	rc = take_id(im, &p.id);
	if (rc == ALLY_OK)
		rc = partner_fields_from(im, &p);
	if (rc == ALLY_OK && partner_validate(&p, im->err) != ALLY_OK)
		rc = row_error(im, NULL);
	if (rc == ALLY_OK) {
		checks.err = &later;
		bad = partner_status(&checks, &p) != ALLY_OK || partner_score(&checks, &p) != ALLY_OK;
		if (bad) { /* store the partner alone, for its own errors */
			free(p.status_note);
			p.status_note = NULL;
			p.health = -1;
			p.status_date = DATE_NONE;
			p.score_w = -1;
			p.score_date = DATE_NONE;
		}
		if (store_partner_add(im->cli->store, &p, im->err) != ALLY_OK) {
			rc = row_error(im, NULL);
		} else if (bad) {
			*im->err = later;
			rc = later.status;
		}
	}
	partner_finish(&p);
	return rc;
}

/* ---- contracts ---- */

/* The partner a contract names, by its id only; files list a partner's
 * contracts together, so the last one found is asked for again first
 * (nothing else writes the partners while the import holds the write
 * lock). */
static int contract_partner(struct import *im, struct contract *c)
{
	const char *ref = cell(im, "partner");

	if (im->last_ref == NULL || strcmp(im->last_ref, ref) != 0) {
		free(im->last_ref);
		im->last_ref = NULL;
		if (store_import_partner_id(im->cli->store, ref, &im->last_id, im->err) != ALLY_OK)
			return row_error(im, "partner");
		im->last_ref = xstrdup(ref);
	}
	c->partner_id = im->last_id;
	return ALLY_OK;
}

static int contract_fields_from(const struct import *im, struct contract *c)
{
	for (const char *const *k = contract_fields; *k != NULL; k++) {
		const char *v = cell(im, *k);

		if (v == NULL || (*v == '\0' && in_list(contract_defaulted, *k)))
			continue;
		if (contract_set_field(c, *k, v, im->err) != ALLY_OK)
			return row_error(im, *k);
	}
	return ALLY_OK;
}

static int import_contract(struct import *im)
{
	struct contract c;
	int rc;

	contract_init(&c);
	rc = take_id(im, &c.id);
	if (rc == ALLY_OK)
		rc = contract_partner(im, &c);
	if (rc == ALLY_OK)
		rc = contract_fields_from(im, &c);
	if (rc == ALLY_OK && (contract_validate(&c, im->err) != ALLY_OK ||
			      store_contract_add(im->cli->store, &c, im->err) != ALLY_OK))
		rc = row_error(im, NULL);
	contract_finish(&c);
	return rc;
}

/* ---- both ---- */

/* The rows of doc in the caller's transaction, between the store's bulk
 * hooks: derived upkeep and the indexes the import does not read are
 * deferred to the end, when they are brought up to date once. */
static int import_rows(struct import *im, const struct csv_doc *doc, const char *const *required,
		       enum store_import_kind kind, int (*one)(struct import *), size_t *count)
{
	/* An empty file (or one with only a byte order mark) has no header:
	 * as a header without columns, it is refused for its first required
	 * one, so a wrong or truncated file never passes for "0 imported". */
	static const struct csv_record no_header = { NULL, 0, 1 };
	struct store *s = im->cli->store;
	int rc;

	*count = 0;
	im->header = doc->n > 0 ? &doc->rows[0] : &no_header;
	rc = check_header(im, required);
	if (rc != ALLY_OK)
		return rc;
	store_bulk_begin(s);
	rc = store_import_begin(s, kind, doc->n - 1, im->err);
	for (size_t i = 1; i < doc->n && rc == ALLY_OK; i++) {
		im->rec = &doc->rows[i];
		rc = one(im);
		*count += rc == ALLY_OK;
	}
	rc = store_import_end(s, rc, im->err);
	if (rc == ALLY_OK)
		rc = store_bulk_end(s, im->err);
	free(im->last_ref);
	return rc;
}

int import_partners(struct cli *cli, const char *name, const struct csv_doc *doc, size_t *count,
		    struct ally_err *err)
{
	struct import im = { cli, name, NULL, NULL, io_partner_keys, err, NULL, 0 };

	return import_rows(&im, doc, partner_required, STORE_IMPORT_PARTNERS, import_partner,
			   count);
}

int import_contracts(struct cli *cli, const char *name, const struct csv_doc *doc, size_t *count,
		     struct ally_err *err)
{
	struct import im = { cli, name, NULL, NULL, io_contract_keys, err, NULL, 0 };

	return import_rows(&im, doc, contract_required, STORE_IMPORT_CONTRACTS, import_contract,
			   count);
}
