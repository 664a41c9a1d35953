/* cmd-history.c: `ally history [PARTNER] [--limit N]`, the audit log:
 * every change any command made, newest first, with who and when. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "ally/parse.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"

#define HISTORY_LIMIT_DEFAULT 50
#define HISTORY_LIMIT_MAX 1000000

/* "green -> red"; a row added or deleted ("*") shows what it was. */
static char *show_change(json_t *row)
{
	const char *field = json_string_value(json_object_get(row, "field"));
	const char *old = json_string_value(json_object_get(row, "old_value"));
	const char *new = json_string_value(json_object_get(row, "new_value"));

	if (field != NULL && strcmp(field, "*") == 0 && old == NULL)
		return xasprintf("added: %s", new ? new : "");
	if (field != NULL && strcmp(field, "*") == 0 && new == NULL)
		return xasprintf("deleted: %s", old ? old : "");
	return xasprintf("%s -> %s", old ? old : "(none)", new ? new : "(none)");
}

static const struct out_col history_cols[] = {
	{ "at", "WHEN (UTC)", false, NULL }, { "user", "WHO", false, NULL },
	{ "partner", "PARTNER", false, NULL }, { "table", "TABLE", false, NULL },
	{ "field", "FIELD", false, NULL },     { "new_value", "CHANGE", false, show_change },
};

static const struct out_list history_shape = {
	history_cols, sizeof history_cols / sizeof history_cols[0], json_audit_blank,
};

/* The rows of one partner: store_audit_list filters by text only, so the
 * partner's name narrows the query and its id picks the rows that are
 * really its own (the name may also occur in other rows' values). */
static void keep_partner(json_t *rows, const struct audit_list *l, int64_t id, size_t limit)
{
	size_t i;

	for (i = 0; i < l->n && (limit == 0 || json_array_size(rows) < limit); i++)
		if (id == 0 || l->rows[i].partner_id == id)
			json_array_append_new(rows, json_audit(&l->rows[i]));
}

static int history_load(struct cli *cli, const char *ref, size_t limit, json_t *rows,
			struct ally_err *err)
{
	struct audit_list l = { NULL, 0 };
	struct partner p;
	int rc = ALLY_OK;

	partner_init(&p);
	if (ref != NULL)
		rc = store_partner_find(cli->store, ref, &p, err);
	if (rc == ALLY_OK)
		rc = store_audit_list(cli->store, ref != NULL ? p.name : NULL,
				      ref != NULL ? 0 : limit, 0, &l, err);
	if (rc == ALLY_OK)
		keep_partner(rows, &l, ref != NULL ? p.id : 0, limit);
	audit_list_finish(&l);
	partner_finish(&p);
	return rc;
}

static int history_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *limit = NULL, *pos[1] = { NULL };
	const struct cli_opt opts[] = { { "limit", true, &limit, NULL },
					{ NULL, false, NULL, NULL } };
	long n = HISTORY_LIMIT_DEFAULT;
	json_t *rows = json_array();
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK && limit != NULL)
		rc = parse_long_field(limit, "--limit", 0, HISTORY_LIMIT_MAX, &n, err);
	if (rc == ALLY_OK)
		rc = history_load(cli, npos > 0 ? pos[0] : NULL, (size_t)n, rows, err);
	if (rc == ALLY_OK)
		rc = out_rows(cli, rows, &history_shape, err);
	json_decref(rows);
	return rc;
}

const struct cli_command cli_history_commands[] = {
	{ "history", NULL, "[PARTNER] [--limit N]",
	  "the audit log, newest first: who changed what and when (all of it, or one partner's; "
	  "the last 50 changes unless --limit N, 0 for all)",
	  CMD_DB | CMD_FORMAT, history_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
