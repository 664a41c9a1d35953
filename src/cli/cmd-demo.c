/* cmd-demo.c: `ally demo`, loading the sample portfolio (src/demo) into
 * an empty database and reporting what it added. */
#include <stdlib.h>

#include "ally/date.h"
#include "ally/demo.h"
#include "ally/util.h"
#include "cli.h"

/* One line, or the counts as JSON. */
static int demo_report(struct cli *cli, const struct demo_counts *n, struct ally_err *err)
{
	char today[DATE_BUFSZ], *text;
	json_t *obj;
	int rc;

	text = xasprintf("demo: added %zu partners, %zu contracts, %zu contacts, %zu reviews and "
			 "%zu conflicts, dated around %s",
			 n->partners, n->contracts, n->contacts, n->reviews, n->conflicts,
			 date_format(cli->today, today));
	obj = json_pack("{s:I, s:I, s:I, s:I, s:I, s:s}", "partners", (json_int_t)n->partners,
			"contracts", (json_int_t)n->contracts, "contacts", (json_int_t)n->contacts,
			"reviews", (json_int_t)n->reviews, "conflicts", (json_int_t)n->conflicts,
			"today", today);
	rc = out_result(cli, obj, text, err);
	free(text);
	return rc;
}

/* The dispatcher holds the transaction (CMD_WRITE) that demo_load runs
 * in, and rolls it back when anything fails. */
static int run_demo(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	struct demo_counts n;
	const char *pos[1];
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	/* After parsing: --today may follow the command. */
	if (rc == ALLY_OK)
		rc = demo_load(cli->store, cli->today,
			       cli->g.today != NULL ? "--today" : "ALLY_TODAY", cli->user, &n, err);
	if (rc == ALLY_OK)
		rc = demo_report(cli, &n, err);
	return rc;
}

const struct cli_command cli_demo_commands[] = {
	{ "demo", NULL, "", "fill an empty database with a sample portfolio dated around today",
	  CMD_DB | CMD_WRITE | CMD_FORMAT | CMD_CREATE, run_demo },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
