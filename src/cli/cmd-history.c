/* cmd-history.c: `ally history [PARTNER] [--limit N]`, the audit log:
 * every change any command made, newest first, with who and when. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "ally/parse.h"
#include "ally/store.h"
#include "ally/util.h"

#define HISTORY_LIMIT_DEFAULT 50
#define HISTORY_LIMIT_MAX 1000000
/* Up to this many rows are read in place (a few milliseconds, the
 * output held until the read is over); more, or all, from a snapshot. */
#define HISTORY_IN_PLACE_MAX 1000

/* A history being written: the list, and how many rows it has had. */
struct history_out {
	struct out_stream *o;
	size_t n;
};

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

/* "contracts#12": which row changed, so that changes to two contracts of
 * one partner can be told apart. */
static char *show_row(json_t *row)
{
	const char *tbl = json_string_value(json_object_get(row, "table"));

	return xasprintf("%s#%" JSON_INTEGER_FORMAT, tbl ? tbl : "?",
			 json_integer_value(json_object_get(row, "row_id")));
}

static const struct out_col history_cols[] = {
	{ "at", "WHEN (UTC)", false, NULL }, { "user", "WHO", false, NULL },
	{ "from", "FROM", false, NULL },
	{ "partner", "PARTNER", false, NULL }, { "row_id", "ROW", false, show_row },
	{ "field", "FIELD", false, NULL },     { "new_value", "CHANGE", false, show_change },
};

static const struct out_list history_shape = {
	history_cols, sizeof history_cols / sizeof history_cols[0], json_audit_blank,
};

/* The partner's id: its name or id now, else (all digits) the id of a
 * partner since deleted, whose audit rows remain.  In that case gone
 * keeps the "not found" error, for when there are no such rows; else
 * its status is ALLY_OK. */
static int history_partner(struct cli *cli, const char *ref, int64_t *id, struct ally_err *gone,
			   struct ally_err *err)
{
	int rc = cli_partner_id(cli, ref, id, err);

	ally_err_clear(gone);
	if (rc != ALLY_EUSER || !str_all_digits(ref) || cli_id(ref, "partner", id, gone) != ALLY_OK) {
		ally_err_clear(gone);
		return rc;
	}
	*gone = *err;
	ally_err_clear(err);
	return ALLY_OK;
}

/* Each row goes out as the store reads it. */
static int history_row(void *ctx, const struct audit_entry *e, struct ally_err *err)
{
	struct history_out *h = ctx;

	h->n++;
	return out_stream_put(h->o, shape_audit, e, err);
}

/* All rows (ref NULL) or one partner's, deleted or not.  The id of a
 * deleted partner that has no rows was never a partner: not found (and
 * nothing was written yet, the list being empty). */
static int history_load(struct cli *cli, const char *ref, size_t limit,
			const struct audit_filter *filter, struct out_stream *o, struct ally_err *err)
{
	struct ally_err gone = { 0 };
	struct history_out h = { o, 0 };
	int64_t id = 0;
	int rc = ALLY_OK;

	if (ref != NULL)
		rc = history_partner(cli, ref, &id, &gone, err);
	if (rc == ALLY_OK)
		rc = store_audit_each(cli->store, id, limit, filter, history_row, &h, err);
	if (rc == ALLY_OK && h.n == 0 && ref != NULL && gone.status != ALLY_OK) {
		*err = gone;
		rc = gone.status;
	}
	return rc;
}

/* The whole log (--limit 0) is a long read, from a snapshot; the last
 * rows are a few pages of an index, read in place. */
static int history_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *limit = NULL, *since = NULL, *user = NULL, *pos[1] = { NULL };
	const struct cli_opt opts[] = { { "limit", true, &limit, NULL },
					{ "since", true, &since, NULL },
					{ "user", true, &user, NULL },
					{ NULL, false, NULL, NULL } };
	struct audit_filter filter = { DATE_NONE, NULL };
	long n = HISTORY_LIMIT_DEFAULT;
	struct out_stream *o;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK && limit != NULL)
		rc = parse_long_field(limit, "--limit", 0, HISTORY_LIMIT_MAX, &n, err);
	if (rc == ALLY_OK && since != NULL)
		rc = date_parse_field(since, "--since", &filter.since, err);
	if (rc == ALLY_OK && user != NULL)
		rc = text_check(user, "--user", TEXT_LINE_MAX, false, err);
	filter.user = user;
	if (rc == ALLY_OK)
		rc = n == 0 || n > HISTORY_IN_PLACE_MAX ? cli_read_snapshot(cli, err)
							 : cli_read_in_place(cli, err);
	if (rc != ALLY_OK)
		return rc;
	o = out_stream_new(cli, cli->format, &history_shape, NULL);
	rc = history_load(cli, npos > 0 ? pos[0] : NULL, (size_t)n, &filter, o, err);
	return out_stream_end(o, rc, err);
}

const struct cli_command cli_history_commands[] = {
	{ "history", NULL, "[PARTNER] [--limit N] [--since DATE] [--user NAME]",
	  "the audit log, newest first: who changed what, when, from where (an SSH client's "
	  "address) and in which row (all of it, or one partner's, also after it was deleted: "
	  "give its id; the last 50 changes unless --limit N, 0 for all; --since and --user "
	  "keep the rows from that day on, by that user)",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, history_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
