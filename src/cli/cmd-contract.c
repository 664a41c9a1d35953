/* cmd-contract.c: `ally contract add|list|show|set|renew`.  Values go
 * through contract_set_field, the routine import and the TUI use too;
 * renewal terms are computed by the core (contract_next_term) inside the
 * store's renew. */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/money.h"
#include "ally/renewal.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

/* ---- add ---- */

/* Options of `contract add` and the contract fields they set, in the
 * order they are checked. */
static const struct {
	const char *opt;
	const char *field;
} add_map[] = {
	{ "title", "title" },
	{ "start", "start_date" },
	{ "end", "end_date" },
	{ "status", "status" },
	{ "renewal-months", "renewal_months" },
	{ "notice-days", "notice_days" },
	{ "value", "annual_value" },
	{ "currency", "currency" },
	{ "model", "model" },
	{ "model-pct", "model_pct" },
	{ "model-amount", "model_amount" },
	{ "exclusivity", "exclusivity" },
	{ "exclusivity-end", "exclusivity_end" },
	{ "liability-cap", "liability_cap" },
	{ "notes", "notes" },
};
#define ADD_N (sizeof add_map / sizeof add_map[0])

struct add_args {
	const char *values[ADD_N];
	bool auto_renew;
	const char *partner;
};

static int add_parse(struct cli *cli, int argc, char **argv, struct add_args *a,
		     struct ally_err *err)
{
	struct cli_opt opts[ADD_N + 2];
	int npos, rc;
	size_t i;

	for (i = 0; i < ADD_N; i++)
		opts[i] = (struct cli_opt){ add_map[i].opt, true, &a->values[i], NULL };
	opts[ADD_N] = (struct cli_opt){ "auto-renew", false, NULL, &a->auto_renew };
	opts[ADD_N + 1] = (struct cli_opt){ NULL, false, NULL, NULL };
	rc = cli_parse(cli, argc, argv, opts, &a->partner, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	for (i = 0; i < 3 && rc == ALLY_OK; i++) /* title, start, end */
		rc = cli_require(a->values[i], add_map[i].opt, err);
	return rc;
}

/* Set and check every field given; an error names the option it came
 * from ("--end: ..."), not the field behind it. */
static int add_fields(struct contract *c, const struct add_args *a, struct ally_err *err)
{
	int rc = ALLY_OK;
	size_t i;

	for (i = 0; i < ADD_N && rc == ALLY_OK; i++)
		if (a->values[i] != NULL)
			rc = contract_set_field(c, add_map[i].field, a->values[i], err);
	if (rc == ALLY_OK && a->auto_renew)
		rc = contract_set_field(c, "auto_renew", "yes", err);
	if (rc == ALLY_OK)
		rc = contract_validate(c, err);
	for (i = 0; i < ADD_N && rc != ALLY_OK; i++)
		cli_err_as_option(err, add_map[i].field, add_map[i].opt);
	if (rc != ALLY_OK)
		cli_err_as_option(err, "auto_renew", "auto-renew");
	return rc;
}

static int print_id(struct cli *cli, int64_t id, struct ally_err *err)
{
	char *text = xasprintf("%" PRId64, id);
	int rc = out_result(cli, json_pack("{s:I}", "id", (json_int_t)id), text, err);

	free(text);
	return rc;
}

static int contract_add(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct add_args a = { { NULL }, false, NULL };
	struct contract c;
	int rc;

	contract_init(&c);
	rc = add_parse(cli, argc, argv, &a, err);
	if (rc == ALLY_OK)
		rc = add_fields(&c, &a, err);
	if (rc == ALLY_OK)
		rc = cli_partner_id(cli, a.partner, &c.partner_id, err);
	if (rc == ALLY_OK)
		rc = store_contract_add(cli->store, &c, err);
	if (rc == ALLY_OK)
		rc = print_id(cli, c.id, err);
	contract_finish(&c);
	return rc;
}

/* ---- list ---- */

static const struct out_col list_cols[] = {
	{ "id", "ID", true, NULL },		{ "partner", "PARTNER", false, NULL },
	{ "title", "TITLE", false, NULL },	{ "status", "STATUS", false, NULL },
	{ "start_date", "START", false, NULL }, { "end_date", "END", false, NULL },
	{ "auto_renew", "AUTO", false, NULL },	{ "annual_value", "VALUE", true, out_show_value },
	{ "model", "MODEL", false, NULL },
};

static const struct out_list list_shape = {
	list_cols, sizeof list_cols / sizeof list_cols[0], json_contract_blank,
};

/* Each row goes out as the store reads it. */
static int list_row(void *ctx, const struct contract *c, struct ally_err *err)
{
	return out_stream_put(ctx, shape_contract, c, err);
}

/* Every contract is a long read, from a snapshot; one partner's are a few
 * rows of an index, read in place (copying the file would cost more). */
static int contract_list(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *partner = NULL, *status = NULL, *pos[1];
	const struct cli_opt opts[] = { { "partner", true, &partner, NULL },
					{ "status", true, &status, NULL },
					{ NULL, false, NULL, NULL } };
	struct out_stream *o;
	int64_t pid = 0;
	int npos, st = -1, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK && status != NULL)
		rc = cli_enum(contract_status_names, status, "--status", &st, err);
	if (rc == ALLY_OK)
		rc = partner == NULL ? cli_read_snapshot(cli, err) : cli_read_in_place(cli, err);
	if (rc == ALLY_OK && partner != NULL && cli_partner_id(cli, partner, &pid, err) != ALLY_OK)
		rc = cli_err_as_option(err, "partner", "partner");
	if (rc != ALLY_OK)
		return rc;
	o = out_stream_new(cli, cli->format, &list_shape, NULL);
	rc = store_contract_each(cli->store, pid, st, list_row, o, err);
	return out_stream_end(o, rc, err);
}

/* ---- show ---- */

static json_t *terms_json(const struct term_list *l)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(arr, json_term(&l->rows[i]));
	return arr;
}

/* "  2024-01-24 to 2025-01-23, renewed 2025-01-10 by dana", oldest first. */
static void terms_table(FILE *f, const struct term_list *l)
{
	char start[DATE_BUFSZ], end[DATE_BUFSZ], on[DATE_BUFSZ];
	size_t i;

	fputs("\nterm history\n", f);
	if (l->n == 0)
		fputs("  never renewed\n", f);
	for (i = 0; i < l->n; i++) {
		const struct term_entry *t = &l->rows[i];
		char *by = text_visible(t->author ? t->author : "?", 0);

		fprintf(f, "  %s to %s", date_format(t->start, start), date_format(t->end, end));
		if (t->renewed_on == DATE_NONE)
			fputs(", the first term\n", f);
		else
			fprintf(f, ", renewed %s by %s\n", date_format(t->renewed_on, on), by);
		free(by);
	}
}

static int id_arg(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
		  int64_t *id, struct ally_err *err)
{
	const char *pos[1];
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "ID", err);
	if (rc == ALLY_OK)
		rc = cli_id(pos[0], "contract", id, err);
	return rc;
}

static int contract_show(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	struct term_list terms = { NULL, 0 };
	struct contract c;
	json_t *obj = NULL;
	int64_t id = 0;
	int rc;

	contract_init(&c);
	rc = id_arg(cli, argc, argv, opts, &id, err);
	if (rc == ALLY_OK)
		rc = store_contract_get(cli->store, id, &c, err);
	if (rc == ALLY_OK)
		rc = store_contract_terms(cli->store, id, &terms, err);
	if (rc != ALLY_OK)
		goto out;
	obj = json_contract_renewal(&c, cli->today);
	/* A list does not fit in a CSV cell; the one row is the contract.  A
	 * table shows the terms as sentences under the fields. */
	if (cli->format == FMT_JSON)
		json_object_set_new(obj, "terms", terms_json(&terms));
	rc = out_object(cli, obj, err);
	if (rc == ALLY_OK && cli->format == FMT_TABLE)
		terms_table(cli->out, &terms);
out:
	json_decref(obj);
	term_list_finish(&terms);
	contract_finish(&c);
	return rc;
}

/* ---- set ---- */

#define SET_MAX 64

static int set_contract_field(void *c, const char *field, const char *value, struct ally_err *err)
{
	return contract_set_field(c, field, value, err);
}

static int contract_set(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = { { "if-version", true, &want.version_text, NULL },
					{ NULL, false, NULL, NULL } };
	const char *pos[SET_MAX + 1];
	struct contract c;
	int64_t id = 0;
	int npos, rc;

	contract_init(&c);
	rc = cli_parse(cli, argc, argv, opts, pos, SET_MAX + 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "ID", err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 2, "FIELD=VALUE", err);
	if (rc == ALLY_OK)
		rc = cli_id(pos[0], "contract", &id, err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = store_contract_get(cli->store, id, &c, err);
	if (rc == ALLY_OK)
		rc = cli_expect_contract(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = cli_apply_pairs(npos - 1, pos + 1, set_contract_field, &c, err);
	if (rc == ALLY_OK)
		rc = contract_validate(&c, err);
	if (rc == ALLY_OK)
		rc = store_contract_update(cli->store, &c, err);
	contract_finish(&c);
	return rc;
}

/* ---- renew ---- */

static int contract_renew(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *until = NULL;
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = { { "until", true, &until, NULL },
					{ "if-version", true, &want.version_text, NULL },
					{ "if-end", true, &want.end_text, NULL },
					{ NULL, false, NULL, NULL } };
	ally_date to = DATE_NONE, start = DATE_NONE, end = DATE_NONE;
	char s[DATE_BUFSZ], e[DATE_BUFSZ], *text;
	int64_t id = 0;
	int rc;

	rc = id_arg(cli, argc, argv, opts, &id, err);
	if (rc == ALLY_OK && until != NULL)
		rc = date_parse_field(until, "--until", &to, err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = cli_expect_contract(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = store_contract_renew(cli->store, id, to, cli->today, &start, &end, err);
	if (rc != ALLY_OK)
		return cli_err_as_option(err, "until", "until");
	text = xasprintf("%s %s", date_format(start, s), date_format(end, e));
	rc = out_result(cli, json_pack("{s:s, s:s}", "start_date", s, "end_date", e), text, err);
	free(text);
	return rc;
}

const struct cli_command cli_contract_commands[] = {
	{ "contract", "add",
	  "PARTNER --title T --start DATE --end DATE [--status S] [--auto-renew] "
	  "[--renewal-months N] [--notice-days N] [--value AMOUNT] [--currency CUR] [--model M] "
	  "[--model-pct P] [--model-amount A] [--exclusivity E] [--exclusivity-end DATE] "
	  "[--liability-cap AMOUNT] [--notes TEXT]",
	  "add a contract (status defaults to active); prints its id",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, contract_add },
	{ "contract", "list", "[--partner P] [--status S]", "list contracts",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, contract_list },
	{ "contract", "show", "ID", "one contract with its band and its renewal history",
	  CMD_DB | CMD_FORMAT, contract_show },
	{ "contract", "set", "ID FIELD=VALUE... [--if-version N]",
	  "edit fields (title, status, start_date, end_date, auto_renew, renewal_months, "
	  "notice_days, annual_value, currency, model, model_pct, model_amount, exclusivity, "
	  "exclusivity_end, liability_cap, termination_reason, notes)",
	  CMD_DB | CMD_WRITE, contract_set },
	{ "contract", "renew", "ID [--until DATE] [--if-end DATE] [--if-version N]",
	  "start the next term (the day after the end, one renewal term long); prints START END",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, contract_renew },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
