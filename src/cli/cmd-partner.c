/* cmd-partner.c: `ally partner add|list|set|rm` (show is in
 * cmd-partner-show.c).  Every value goes through partner_set_field, the
 * same routine that import and the TUI's forms use. */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>

#include "ally/enums.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"

/* ---- add ---- */


/* Option names and the partner fields they set, in the order they are
 * checked (so "name" errors come first). */
static const char *const add_fields[] = { "name",   "type",  "owner",  "phase",   "origin",
					  "power",  "goal",  "region", "website", "notes" };
#define ADD_N (sizeof add_fields / sizeof add_fields[0])

struct add_args {
	const char *values[ADD_N]; /* in the order of add_fields */
};

static int add_parse(struct cli *cli, int argc, char **argv, struct add_args *a,
		     struct ally_err *err)
{
	const char **v = a->values;
	const struct cli_opt opts[] = {
		{ "type", true, &v[1], NULL },    { "owner", true, &v[2], NULL },
		{ "phase", true, &v[3], NULL },   { "origin", true, &v[4], NULL },
		{ "power", true, &v[5], NULL },   { "goal", true, &v[6], NULL },
		{ "region", true, &v[7], NULL },  { "website", true, &v[8], NULL },
		{ "notes", true, &v[9], NULL },   { NULL, false, NULL, NULL },
	};
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, &v[0], 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "NAME", err);
	if (rc == ALLY_OK)
		rc = cli_require(v[1], "type", err);
	return rc;
}

static int partner_add(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct add_args a = { { NULL } };
	struct partner p;
	char *text = NULL;
	size_t i;
	int rc;

	partner_init(&p);
	rc = add_parse(cli, argc, argv, &a, err);
	if (rc != ALLY_OK)
		goto out;
	if (a.values[2] == NULL)
		a.values[2] = cli->user; /* domain.md: the owner defaults to whoever adds it */
	for (i = 0; i < ADD_N && rc == ALLY_OK; i++)
		if (a.values[i] != NULL)
			rc = partner_set_field(&p, add_fields[i], a.values[i], true, err);
	if (rc == ALLY_OK)
		rc = partner_validate(&p, err);
	for (i = 1; i < ADD_N && rc != ALLY_OK; i++) /* every field but NAME is an option */
		cli_err_as_option(err, add_fields[i], add_fields[i]);
	if (rc == ALLY_OK)
		rc = store_partner_add(cli->store, &p, err);
	if (rc != ALLY_OK)
		goto out;
	text = xasprintf("%" PRId64, p.id);
	rc = out_result(cli, json_pack("{s:I}", "id", (json_int_t)p.id), text, err);
out:
	free(text);
	partner_finish(&p);
	return rc;
}

/* ---- list ---- */

static const struct out_col list_cols[] = {
	{ "id", "ID", true, NULL },		{ "name", "NAME", false, NULL },
	{ "type", "TYPE", false, NULL },	{ "phase", "PHASE", false, NULL },
	{ "tier", "TIER", false, out_show_tier }, { "score", "SCORE", true, NULL },
	{ "health", "HEALTH", false, NULL },	{ "owner", "OWNER", false, NULL },
	{ "next_action", "NEXT", false, NULL }, { "flags", "FLAGS", false, out_show_flags },
};

static const struct out_list list_shape = {
	list_cols, sizeof list_cols / sizeof list_cols[0], json_partner_blank,
};

static const char *const sort_names[] = { "name", "score", "phase", "next", NULL };

struct list_args {
	const char *phase, *type, *tier, *owner, *sort;
	bool flagged, reverse;
};

/* "1", "2", "3", "unqualified" (or "0"), and "none" for never scored. */
static int parse_tier(const char *s, int *out, struct ally_err *err)
{
	int t = tier_parse(s);

	if (t == -2 && str_casecmp(s, "none") == 0)
		t = TIER_NONE;
	if (t == -2)
		return ally_err_set(err, ALLY_EUSER, "--tier",
				    "'%s' is not one of: 1, 2, 3, unqualified, none", s);
	*out = t;
	return ALLY_OK;
}

static int list_filter(const struct list_args *a, struct partner_filter *f, struct ally_err *err)
{
	int rc = ALLY_OK, sort = PSORT_NAME;

	partner_filter_init(f);
	if (a->phase != NULL)
		rc = cli_enum(phase_names, a->phase, "--phase", &f->phase, err);
	if (rc == ALLY_OK && a->type != NULL)
		rc = cli_enum(partner_type_names, a->type, "--type", &f->type, err);
	if (rc == ALLY_OK && a->tier != NULL)
		rc = parse_tier(a->tier, &f->tier, err);
	if (rc == ALLY_OK && a->sort != NULL)
		rc = cli_enum(sort_names, a->sort, "--sort", &sort, err);
	f->owner = a->owner;
	f->flagged_only = a->flagged;
	f->sort = (enum partner_sort)sort;
	f->descending = a->reverse;
	return rc;
}

/* Each row goes out as the store reads it. */
static int list_row(void *ctx, const struct partner_row *r, struct ally_err *err)
{
	return out_stream_put(ctx, shape_partner_row, r, err);
}

/* A long read: from a snapshot. */
static int partner_list(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct list_args a = { 0 };
	const struct cli_opt opts[] = {
		{ "phase", true, &a.phase, NULL },  { "type", true, &a.type, NULL },
		{ "tier", true, &a.tier, NULL },    { "owner", true, &a.owner, NULL },
		{ "sort", true, &a.sort, NULL },    { "flagged", false, NULL, &a.flagged },
		{ "reverse", false, NULL, &a.reverse }, { NULL, false, NULL, NULL },
	};
	struct partner_filter f;
	struct out_stream *o;
	const char *pos[1];
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK)
		rc = list_filter(&a, &f, err);
	if (rc == ALLY_OK)
		rc = cli_read_snapshot(cli, err);
	if (rc != ALLY_OK)
		return rc;
	o = out_stream_new(cli, cli->format, &list_shape, NULL);
	rc = store_partner_each(cli->store, &f, cli->today, list_row, o, err);
	return out_stream_end(o, rc, err);
}

/* ---- set ---- */

/* `partner set` edits; the phase only moves through `advance`. */
static int set_partner_field(void *p, const char *field, const char *value, struct ally_err *err)
{
	return partner_set_field(p, field, value, false, err);
}

#define SET_MAX 64

static int partner_set(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = { { "if-version", true, &want.version_text, NULL },
					{ NULL, false, NULL, NULL } };
	const char *pos[SET_MAX + 1];
	struct partner p;
	int npos, rc;

	partner_init(&p);
	rc = cli_parse(cli, argc, argv, opts, pos, SET_MAX + 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 2, "FIELD=VALUE", err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = store_partner_find(cli->store, pos[0], &p, err);
	if (rc == ALLY_OK)
		rc = cli_expect_partner(cli, p.id, &want, err);
	if (rc == ALLY_OK)
		rc = cli_apply_pairs(npos - 1, pos + 1, set_partner_field, &p, err);
	if (rc == ALLY_OK)
		rc = partner_validate(&p, err);
	if (rc == ALLY_OK)
		rc = store_partner_update(cli->store, &p, err);
	partner_finish(&p);
	return rc;
}

/* ---- rm ---- */

static int partner_rm(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct cli_expect want = { 0 };
	bool force = false;
	const struct cli_opt opts[] = { { "force", false, NULL, &force },
					{ "if-version", true, &want.version_text, NULL },
					{ NULL, false, NULL, NULL } };
	const char *pos[1];
	int64_t id = 0;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = cli_partner_id(cli, pos[0], &id, err);
	if (rc == ALLY_OK)
		rc = cli_expect_partner(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = store_partner_delete(cli->store, id, force, err);
	return rc;
}

const struct cli_command cli_partner_commands[] = {
	{ "partner", "add",
	  "NAME --type TYPE [--owner W] [--phase P] [--origin O] [--power P] [--goal G] "
	  "[--region R] [--website U] [--notes TEXT]",
	  "add a partner; prints its id", CMD_DB | CMD_WRITE | CMD_FORMAT, partner_add },
	{ "partner", "list",
	  "[--phase P] [--type T] [--tier 1|2|3|unqualified|none] [--owner W] [--flagged] "
	  "[--sort name|score|phase|next] [--reverse]",
	  "list partners with tier, score, health, next action and flags",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, partner_list },
	{ "partner", "show", "PARTNER", "everything about one partner, its contracts and flags",
	  CMD_DB | CMD_FORMAT, cli_partner_show },
	{ "partner", "set", "PARTNER FIELD=VALUE... [--if-version N]",
	  "edit fields (name, type, owner, origin, power, goal, region, website, notes, "
	  "value_partner, value_us, value_together)",
	  CMD_DB | CMD_WRITE, partner_set },
	{ "partner", "rm", "PARTNER [--force] [--if-version N]",
	  "delete a partner and its history; refused while it has active contracts unless --force",
	  CMD_DB | CMD_WRITE, partner_rm },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
