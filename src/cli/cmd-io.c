/* cmd-io.c: `ally export partners|contracts` and `ally import
 * partners|contracts FILE`.  Export writes the JSON shapes of json.c as
 * CSV (or JSON); import (import.c) reads that CSV back unchanged. */
#include <stdio.h>
#include <stdlib.h>

#include "ally/contract.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"
#include "cli.h"
#include "csv-read.h"
#include "io.h"

/* clang-format off */
const char *const io_partner_keys[] = {
	"id", "name", "type", "phase", "owner", "origin", "power", "goal", "region", "website",
	"value_partner", "value_us", "value_together", "notes", "health", "status_note",
	"status_date", "fit", "reach", "capabilities", "financial", "track_record", "score_date",
	"score", "tier", NULL,
};

const char *const io_contract_keys[] = {
	"id", "partner", "title", "status", "start_date", "end_date", "auto_renew",
	"renewal_months", "notice_days", "annual_value", "currency", "model", "model_pct",
	"model_amount", "exclusivity", "exclusivity_end", "liability_cap", "termination_reason",
	"notes", NULL,
};
/* clang-format on */

/* The object restricted to keys, in their order (missing ones null), so
 * that export has one fixed shape whatever json.c adds later. */
static json_t *pick(json_t *full, const char *const *keys)
{
	json_t *o = json_object(), *v;

	for (; *keys != NULL; keys++) {
		v = json_object_get(full, *keys);
		json_object_set(o, *keys, v != NULL ? v : json_null());
	}
	json_decref(full);
	return o;
}

/* Every partner with every field, by name. */
static int collect_partners(struct cli *cli, json_t *rows, struct ally_err *err)
{
	struct partner_filter f;
	struct partner_list l = { NULL, 0 };
	int rc;

	partner_filter_init(&f);
	rc = store_partner_list(cli->store, &f, cli->today, &l, err);
	for (size_t i = 0; i < l.n && rc == ALLY_OK; i++)
		json_array_append_new(rows, pick(json_partner_full(&l.rows[i].p), io_partner_keys));
	partner_list_finish(&l);
	return rc;
}

static int collect_contracts(struct cli *cli, json_t *rows, struct ally_err *err)
{
	struct contract_list l = { NULL, 0 };
	int rc = store_contract_list(cli->store, 0, -1, &l, err);

	for (size_t i = 0; i < l.n && rc == ALLY_OK; i++)
		json_array_append_new(rows, pick(json_contract(&l.rows[i]), io_contract_keys));
	contract_list_finish(&l);
	return rc;
}

/* CSV unless JSON was asked for: export is for spreadsheets and for
 * import, and a table would be neither. */
static int export(struct cli *cli, int argc, char **argv, const char *const *keys,
		  int (*collect)(struct cli *, json_t *, struct ally_err *), struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	const char *pos[1];
	json_t *rows;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc != ALLY_OK)
		return rc;
	rows = json_array();
	rc = collect(cli, rows, err);
	if (rc == ALLY_OK && cli->format == FMT_JSON)
		rc = out_rows(cli, rows, NULL, err);
	else if (rc == ALLY_OK)
		rc = out_csv(cli, rows, keys, err);
	json_decref(rows);
	return rc;
}

static int run_export_partners(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return export(cli, argc, argv, io_partner_keys, collect_partners, err);
}

static int run_export_contracts(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return export(cli, argc, argv, io_contract_keys, collect_contracts, err);
}

/* "imported 3 partners", or {"kind": "partners", "imported": 3}. */
static int report(struct cli *cli, size_t count, const char *what, struct ally_err *err)
{
	const char *plural = count == 1 ? "" : "s";
	char *kind = xasprintf("%ss", what);
	char *text = xasprintf("imported %zu %s%s", count, what, plural);
	int rc = out_result(cli, json_pack("{s:s, s:I}", "kind", kind, "imported", (json_int_t)count),
			    text, err);

	free(kind);
	free(text);
	return rc;
}

typedef int import_fn(struct cli *, const char *, const struct csv_doc *, size_t *,
		      struct ally_err *);

/* The whole file is read and parsed before the first row is written; the
 * dispatcher's transaction makes the import all or nothing. */
static int import(struct cli *cli, int argc, char **argv, import_fn *fn, const char *what,
		  struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	const char *pos[1];
	struct csv_doc doc;
	size_t count = 0;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "FILE (- for standard input)", err);
	if (rc != ALLY_OK)
		return rc;
	csv_doc_init(&doc);
	rc = csv_doc_read(pos[0], &doc, err);
	if (rc == ALLY_OK)
		rc = fn(cli, pos[0], &doc, &count, err);
	if (rc == ALLY_OK)
		rc = report(cli, count, what, err);
	csv_doc_finish(&doc);
	return rc;
}

static int run_import_partners(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return import(cli, argc, argv, import_partners, "partner", err);
}

static int run_import_contracts(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return import(cli, argc, argv, import_contracts, "contract", err);
}

const struct cli_command cli_io_commands[] = {
	{ "export", "partners", "[--format csv|json]", "every partner as CSV (default) or JSON",
	  CMD_DB | CMD_FORMAT, run_export_partners },
	{ "export", "contracts", "[--format csv|json]", "every contract as CSV (default) or JSON",
	  CMD_DB | CMD_FORMAT, run_export_contracts },
	{ "import", "partners", "FILE", "add partners from CSV with a header row (- reads stdin)",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, run_import_partners },
	{ "import", "contracts", "FILE",
	  "add contracts from CSV with a header row (- reads stdin)",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, run_import_contracts },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
