/* cmd-init.c: `ally init`.  The dispatcher already opened and migrated the
 * database (every CMD_DB command does), so init is idempotent by
 * construction and only reports where the database is. */
#include "cli.h"

#include <stdlib.h>

#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

static const struct cli_opt no_opts[] = { { NULL, false, NULL, NULL } };

static int init_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *pos[1];
	int npos, rc, version;
	char *path, *text;
	json_t *obj;

	rc = cli_parse(cli, argc, argv, no_opts, pos, 0, &npos, err);
	if (rc != ALLY_OK)
		return rc;
	/* A path is the user's bytes, not necessarily UTF-8. */
	path = text_visible(cli->db_path, 0);
	version = store_schema_version(cli->store);
	obj = json_pack("{s:s, s:i, s:s}", "database", path, "schema_version", version, "journal",
			store_journal_mode(cli->store));
	text = xasprintf("%s: schema version %d, journal %s", path, version,
			 store_journal_mode(cli->store));
	rc = out_result(cli, obj, text, err);
	free(text);
	free(path);
	return rc;
}

const struct cli_command cli_init_commands[] = {
	{ "init", NULL, "", "create or migrate the database (safe to run again)",
	  CMD_DB | CMD_FORMAT | CMD_CREATE, init_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
