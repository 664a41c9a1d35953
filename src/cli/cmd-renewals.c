/* cmd-renewals.c: `ally renewals [--within DAYS]`, the renewal list of
 * domain.md: what needs a decision soon, by the date to act on. */
#include "cli.h"

#include "ally/renewal.h"
#include "ally/store.h"

#define WITHIN_MAX 3650 /* ten years; anything longer is a typo */

static const struct out_col renewal_cols[] = {
	{ "action_date", "ACTION", false }, { "partner", "PARTNER", false },
	{ "title", "CONTRACT", false },	    { "end_date", "END", false },
	{ "days_left", "DAYS", true },	    { "band", "BAND", false },
	{ "auto_renew", "AUTO", false },    { "notice_deadline", "NOTICE BY", false },
	{ "value_label", "VALUE", true },
};

static json_t *renewal_row(const struct cli *cli, const struct renewal *r)
{
	json_t *o = json_renewal(r);

	/* The action date orders the list; the table shows it first.  JSON
	 * and CSV keep the renewal keys of issue 2. */
	if (cli->format == FMT_TABLE) {
		json_object_set_new(o, "action_date", json_date(r->action_date));
		json_object_set_new(o, "value_label", json_value_label(r->annual_value, r->currency));
	}
	return o;
}

static int renewals_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *within = NULL, *pos[1];
	const struct cli_opt opts[] = { { "within", true, &within, NULL },
					{ NULL, false, NULL, NULL } };
	struct renewal_list list = { NULL, 0 };
	long days = RENEWALS_WITHIN_DEFAULT;
	json_t *rows = NULL;
	int npos, rc;
	size_t i;

	rc = cli_parse(argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK && within != NULL)
		rc = cli_int(within, "--within", 0, WITHIN_MAX, &days, err);
	if (rc == ALLY_OK)
		rc = store_renewals(cli->store, cli->today, (int)days, &list, err);
	if (rc != ALLY_OK)
		goto out;
	rows = json_array();
	for (i = 0; i < list.n; i++)
		json_array_append_new(rows, renewal_row(cli, &list.rows[i]));
	rc = out_rows(cli, rows, renewal_cols, sizeof renewal_cols / sizeof renewal_cols[0], err);
out:
	json_decref(rows);
	renewal_list_finish(&list);
	return rc;
}

const struct cli_command cli_renewal_commands[] = {
	{ "renewals", NULL, "[--within DAYS]",
	  "active contracts ending or with a notice deadline within DAYS (default 90), "
	  "and every lapsed one, by the date to act",
	  CMD_DB | CMD_FORMAT, renewals_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
