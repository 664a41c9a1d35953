/* cmd-tui.c: `ally tui`, also what `ally` with no command runs on a
 * terminal: the interactive interface over the same store. */
#include "cli.h"

#include <unistd.h>

#include "ally/store.h"
#include "ally/tui.h"

static const struct cli_opt no_opts[] = { { NULL, false, NULL, NULL } };

static int tui_cmd(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	struct tui_opts o;
	const char *pos[1];
	int npos, rc;

	/* Before the database is opened: a pipe gets the reason at once. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return ally_err_set(err, ALLY_EUSAGE, NULL,
				    "the interface needs a terminal; see 'ally --help' for the commands");
	rc = cli_parse(cli, argc, argv, no_opts, pos, 0, &npos, err);
	if (rc != ALLY_OK)
		return rc;
	/* cli_parse began the read transaction every command runs in.  Held
	 * for a whole session it would hide other sessions' changes and, with
	 * a rollback journal, keep them from committing at all (a terminal
	 * too small to load a view never ended it): the interface begins and
	 * ends its own, one per load. */
	store_rollback(cli->store);
	o.store = cli->store;
	o.db_path = cli->db_path;
	o.user = cli->user;
	o.today = cli->today;
	return tui_run(&o, err);
}

const struct cli_command cli_tui_commands[] = {
	{ "tui", NULL, "", "the interactive interface (also what 'ally' alone opens on a terminal)",
	  CMD_DB | CMD_ASK_CREATE, tui_cmd },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
