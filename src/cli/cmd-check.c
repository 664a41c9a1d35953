/* cmd-check.c: `ally check` and `ally backup FILE`: is the database
 * whole, and a copy of it that can be restored. */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

/* ---- check ---- */

struct report {
	struct cli *cli;
	json_t *checks; /* JSON: the array; else NULL */
};

static int report_one(void *ctx, const struct check_result *r, struct ally_err *err)
{
	struct report *rep = ctx;
	FILE *f = rep->cli->out;

	(void)err;
	if (rep->checks != NULL) {
		json_t *problems = json_array();

		for (size_t i = 0; i < r->nproblems; i++)
			json_array_append_new(problems, json_string(r->problems[i]));
		json_array_append_new(rep->checks,
				      json_pack("{s:s, s:b, s:I, s:o}", "name", r->name, "ok", r->ok,
						"problems", (json_int_t)r->count, "first", problems));
		return ALLY_OK;
	}
	if (rep->cli->format == FMT_CSV) {
		out_csv_text(f, r->name, true);
		fprintf(f, ",%s,%" PRId64 ",", r->ok ? "true" : "false", r->count);
		out_csv_text(f, r->nproblems > 0 ? r->problems[0] : "", true);
		fputc('\n', f);
		return ALLY_OK;
	}
	fprintf(f, "%-20s %s\n", r->name, r->ok ? "ok" : "FAILED");
	for (size_t i = 0; i < r->nproblems; i++) {
		char *p = text_visible(r->problems[i], 0);

		fprintf(f, "  %s\n", p);
		free(p);
	}
	if ((size_t)r->count > r->nproblems)
		fprintf(f, "  ... and %" PRId64 " more\n", r->count - (int64_t)r->nproblems);
	return ALLY_OK;
}

/* A long read: from a snapshot (the same bytes, damage included). */
static int check_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	struct report rep = { cli, NULL };
	const char *pos[1];
	char *path;
	bool all_ok = false;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 0, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_read_snapshot(cli, err);
	if (rc != ALLY_OK)
		return rc;
	if (cli->format == FMT_JSON)
		rep.checks = json_array();
	if (cli->format == FMT_CSV)
		fputs("check,ok,problems,first\n", cli->out);
	rc = store_check(cli->store, report_one, &rep, &all_ok, err);
	path = text_visible(cli->db_path, 0);
	if (rc == ALLY_OK && rep.checks != NULL) {
		json_t *obj = json_pack("{s:s, s:b, s:o}", "database", path, "ok", all_ok, "checks",
					rep.checks);

		rep.checks = NULL;
		rc = out_json(cli->out, obj, err);
		json_decref(obj);
	} else if (rc == ALLY_OK && cli->format == FMT_TABLE) {
		fprintf(cli->out, "%s: %s\n", path,
			all_ok ? "every check holds" : "damaged or inconsistent; see above");
	}
	json_decref(rep.checks);
	free(path);
	if (rc == ALLY_OK && !all_ok)
		/* The report is the output; the status says it failed. */
		rc = ally_err_set(err, ALLY_EDB, "check",
				  "the database does not pass; restore a copy made with "
				  "'ally backup', or keep this one and ask for help");
	return rc;
}

/* ---- backup ---- */

static int backup_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	bool force = false;
	const struct cli_opt opts[] = { { "force", false, NULL, &force },
					{ NULL, false, NULL, NULL } };
	const char *pos[1];
	char *shown, *text;
	int64_t bytes = 0;
	int npos, rc;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "FILE", err);
	if (rc == ALLY_OK)
		rc = store_backup(cli->store, pos[0], force, &bytes, err);
	if (rc != ALLY_OK)
		return rc;
	shown = text_visible(pos[0], 0);
	text = xasprintf("%s: %" PRId64 " bytes, checked", shown, bytes);
	rc = out_result(cli, json_pack("{s:s, s:I}", "backup", shown, "bytes", (json_int_t)bytes),
			text, err);
	free(text);
	free(shown);
	return rc;
}

const struct cli_command cli_check_commands[] = {
	{ "check", NULL, "",
	  "check the database: SQLite's integrity and foreign keys, and ally's own rules; "
	  "exit 3 when one fails",
	  CMD_DB | CMD_FORMAT | CMD_STREAM, check_run },
	{ "backup", NULL, "FILE [--force]",
	  "copy the database to FILE, safely while others write; the copy is checked",
	  CMD_DB | CMD_FORMAT, backup_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
