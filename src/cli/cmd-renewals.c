/* cmd-renewals.c: `ally renewals [--within DAYS]`, the renewal list of
 * domain.md: what needs a decision soon, by the date to act on. */
#include "cli.h"

#include "ally/parse.h"
#include "ally/renewal.h"
#include "ally/store.h"

#define WITHIN_MAX 3650 /* ten years; anything longer is a typo */

/* action_date orders the list, so the table shows it first. */
static const struct out_col renewal_cols[] = {
	{ "action_date", "ACTION", false, NULL },    { "partner", "PARTNER", false, NULL },
	{ "title", "CONTRACT", false, NULL },	     { "end_date", "END", false, NULL },
	{ "days_left", "DAYS", true, NULL },	     { "band", "BAND", false, NULL },
	{ "auto_renew", "AUTO", false, NULL },	     { "notice_deadline", "NOTICE BY", false, NULL },
	{ "annual_value", "VALUE", true, out_show_value },
};

static const struct out_list renewal_shape = {
	renewal_cols, sizeof renewal_cols / sizeof renewal_cols[0], json_renewal_blank,
};

/* Each row goes out as the store reads it. */
static int renewal_row(void *ctx, const struct renewal *r, struct ally_err *err)
{
	return out_stream_put(ctx, shape_renewal, r, err);
}

static int renewals_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *within = NULL, *pos[1];
	const struct cli_opt opts[] = { { "within", true, &within, NULL },
					{ NULL, false, NULL, NULL } };
	long days = RENEWALS_WITHIN_DEFAULT;
	struct out_stream *o;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK && within != NULL)
		rc = parse_long_field(within, "--within", 0, WITHIN_MAX, &days, err);
	if (rc == ALLY_OK)
		rc = cli_read_snapshot(cli, err);
	if (rc != ALLY_OK)
		return rc;
	o = out_stream_new(cli, cli->format, &renewal_shape, NULL);
	rc = store_renewals_each(cli->store, cli->today, (int)days, renewal_row, o, err);
	return out_stream_end(o, rc, err);
}

const struct cli_command cli_renewal_commands[] = {
	{ "renewals", NULL, "[--within DAYS]",
	  "active contracts ending or with a notice deadline within DAYS (default 90), "
	  "and every lapsed one, by the date to act",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, renewals_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
