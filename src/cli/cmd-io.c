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

/* Each row of an export goes out as the store reads it, with exactly the
 * export's keys (out_stream_new's), whatever json.c adds later. */
static int export_partner(void *ctx, const struct partner_row *row, struct ally_err *err)
{
	return out_stream_put(ctx, shape_partner_full, &row->p, err);
}

static int export_contract(void *ctx, const struct contract *c, struct ally_err *err)
{
	return out_stream_put(ctx, shape_contract, c, err);
}

/* Every partner with every field, by name. */
static int each_partner(struct cli *cli, struct out_stream *o, struct ally_err *err)
{
	struct partner_filter f;

	partner_filter_init(&f);
	return store_partner_each(cli->store, &f, cli->today, export_partner, o, err);
}

static int each_contract(struct cli *cli, struct out_stream *o, struct ally_err *err)
{
	return store_contract_each(cli->store, 0, -1, export_contract, o, err);
}

/* CSV unless JSON was asked for: export is for spreadsheets and for
 * import, and a table would be neither.  A long read: from a snapshot. */
static int export(struct cli *cli, int argc, char **argv, const char *const *keys,
		  int (*each)(struct cli *, struct out_stream *, struct ally_err *),
		  struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	const char *pos[1];
	struct out_stream *o;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_read_snapshot(cli, err);
	if (rc != ALLY_OK)
		return rc;
	o = out_stream_new(cli, cli->format == FMT_JSON ? FMT_JSON : FMT_CSV, NULL, keys);
	return out_stream_end(o, each(cli, o, err), err);
}

static int run_export_partners(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return export(cli, argc, argv, io_partner_keys, each_partner, err);
}

static int run_export_contracts(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	return export(cli, argc, argv, io_contract_keys, each_contract, err);
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
	if (rc == ALLY_OK) {
		/* The change's label, so that the import can be found (and one
		 * day undone) as one: "import partners FILE". */
		char *label = xasprintf("import %ss %s", what, pos[0]);

		store_change_label(cli->store, label);
		free(label);
		rc = fn(cli, pos[0], &doc, &count, err);
	}
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
	  CMD_DB | CMD_FORMAT | CMD_STREAM, run_export_partners },
	{ "export", "contracts", "[--format csv|json]", "every contract as CSV (default) or JSON",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, run_export_contracts },
	{ "import", "partners", "FILE", "add partners from CSV with a header row (- reads stdin)",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, run_import_partners },
	{ "import", "contracts", "FILE",
	  "add contracts from CSV with a header row (- reads stdin)",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, run_import_contracts },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
