/* cli.c: the dispatcher.  It takes the global options out of argv, finds
 * the command in the family tables, opens and migrates the database,
 * runs the command inside one transaction and reports the outcome.
 *
 * A command's output is collected in memory and printed only once its
 * transaction has committed, so a command that fails (even at COMMIT)
 * prints nothing but its error.  The lists (CMD_STREAM: they only read)
 * are the exception: they write each row as they read it, so that their
 * memory does not grow with the portfolio.  They check everything they
 * can before the first row; a failure after it (a damaged file) leaves
 * the rows written so far, and the exit status says it failed. */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally/enums.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/tui.h"
#include "ally/util.h"

/* In the order --help lists them. */
static const struct cli_command *const families[] = {
	cli_init_commands,   cli_demo_commands,    cli_partner_commands, cli_status_commands,
	cli_contract_commands, cli_renewal_commands, cli_history_commands, cli_io_commands,
	cli_check_commands,    cli_tui_commands,
	NULL,
};

static const char *const format_names[] = { "table", "json", "csv", NULL };

/* What a usage error points to: "ally partner add --help". */
struct hint {
	const char *name; /* NULL: the program's help */
	const char *sub;
};

static bool has_subs(const char *name)
{
	const struct cli_command *const *fam;
	const struct cli_command *c;

	for (fam = families; *fam != NULL; fam++)
		for (c = *fam; c->name != NULL; c++)
			if (strcmp(c->name, name) == 0 && c->sub != NULL)
				return true;
	return false;
}

/* The row for name and sub; sub NULL finds a command without one. */
static const struct cli_command *find_row(const char *name, const char *sub)
{
	const struct cli_command *const *fam;
	const struct cli_command *c;

	for (fam = families; *fam != NULL; fam++)
		for (c = *fam; c->name != NULL; c++)
			if (strcmp(c->name, name) == 0 &&
			    (sub == NULL ? c->sub == NULL : c->sub != NULL && strcmp(c->sub, sub) == 0))
				return c;
	return NULL;
}

static bool known_name(const char *name)
{
	return has_subs(name) || find_row(name, NULL) != NULL;
}

/* The command whose name is argv[*i] (and, for a family, whose
 * subcommand is the next word; global options may come between the two).
 * *i ends on the command's last word.  With *out NULL and ALLY_OK, the
 * family's help was asked for (g->help). */
static int lookup(int argc, char **argv, int *i, struct cli_globals *g,
		  const struct cli_command **out, struct hint *hint, struct ally_err *err)
{
	const char *name = argv[*i];
	int rc;

	*out = NULL;
	if (!known_name(name))
		return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown command '%s'", name);
	if (!has_subs(name)) {
		*out = find_row(name, NULL);
		return ALLY_OK;
	}
	hint->name = name;
	++*i;
	rc = cli_take_globals(g, argc, argv, i, err);
	if (rc != ALLY_OK || (*i >= argc && g->help))
		return rc;
	if (*i >= argc)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "%s: missing subcommand", name);
	*out = find_row(name, argv[*i]);
	if (*out == NULL)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown subcommand '%s %s'", name,
				    argv[*i]);
	return ALLY_OK;
}

/* Open and migrate the database, then begin the command's transaction:
 * BEGIN IMMEDIATE (store_begin) for a write, a deferred read transaction
 * (store_begin_read) for a read, so that its queries see one snapshot
 * without waiting for a writer.  Should even that fail, the read goes on
 * without one rather than fail: each store call then reads on its own. */
/* May this command make the database at path, missing now?  init and
 * demo may; the interface may make the default one, and asks for any
 * other (on the terminal, before the screen is taken). */
static bool may_create(struct cli *cli, const char *path)
{
	char answer[16], *shown;

	if (cli->cmd->flags & CMD_CREATE)
		return true;
	if (!(cli->cmd->flags & CMD_ASK_CREATE) || access(path, F_OK) == 0 || errno != ENOENT)
		return false;
	if (cli_db_is_default(cli->g.db))
		return true;
	shown = text_visible(path, 0);
	fprintf(stderr, "No portfolio at %s. Create it? y/n ", shown);
	fflush(stderr);
	free(shown);
	if (fgets(answer, sizeof answer, stdin) == NULL)
		return false;
	return answer[0] == 'y' || answer[0] == 'Y';
}

static int open_db(struct cli *cli, struct ally_err *err)
{
	struct store_opts opts = { STORE_JOURNAL_AUTO, 0, cli->user, false, true, NULL };
	struct ally_err ignored;
	char *path = NULL, *source;
	int rc;

	rc = cli_resolve_db(cli->g.db, &path, err);
	if (rc != ALLY_OK)
		return rc;
	cli->db_path = path;
	source = cli_resolve_source();
	if (may_create(cli, path)) {
		opts.must_exist = false;
		rc = store_make_folders(path, err);
	}
	opts.source = source;
	if (rc == ALLY_OK)
		cli->store = store_open(path, &opts, err);
	free(source);
	if (rc != ALLY_OK)
		return rc;
	if (cli->store == NULL)
		return err->status != ALLY_OK ? err->status : ALLY_EDB;
	rc = store_migrate(cli->store, err);
	if (rc != ALLY_OK)
		return rc;
	if (cli->cmd->flags & CMD_WRITE) {
		rc = store_begin(cli->store, err);
		cli->in_tx = rc == ALLY_OK;
		return rc;
	}
	cli->in_tx = store_begin_read(cli->store, &ignored) == ALLY_OK;
	return ALLY_OK;
}

static int end_tx(struct cli *cli, int rc, struct ally_err *err)
{
	if (!cli->in_tx)
		return rc;
	cli->in_tx = false;
	if (rc == ALLY_OK && (cli->cmd->flags & CMD_WRITE)) {
		rc = store_commit(cli->store, err);
		cli->committed = rc == ALLY_OK;
		return rc;
	}
	store_rollback(cli->store);
	return rc;
}

static int output_failed(bool saved, struct ally_err *err)
{
	ally_err_set(err, ALLY_EUSER, "output", "cannot write to standard output%s",
		     saved ? " (the change was saved)" : "");
	return ally_err_because(err, AR_OUTPUT);
}

/* Print what the command wrote, once its transaction is over.  After a
 * write has committed, a failure here must not read as "nothing changed". */
static int flush_output(const struct cli *cli, const char *text, size_t len,
			struct ally_err *err)
{
	if (fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0)
		return ALLY_OK;
	return output_failed(cli->committed, err);
}

/* A bad --format is a usage error: the command was called wrongly, and
 * nothing about the data is at fault. */
static int parse_format(struct cli *cli, struct ally_err *err)
{
	int f = FMT_TABLE;

	if (cli->g.format != NULL &&
	    cli_enum(format_names, cli->g.format, "--format", &f, err) != ALLY_OK)
		return err->status = ALLY_EUSAGE;
	cli->format = (enum out_format)f;
	cli->format_given = cli->g.format != NULL;
	return ALLY_OK;
}

int cli_start(struct cli *cli, struct ally_err *err)
{
	char *user = NULL;
	int rc;

	cli->started = true;
	if (cli->g.help) {
		cli_help_command(cli->out, cli->cmd);
		cli->helped = true;
		return ally_err_set(err, ALLY_EUSAGE, NULL, "help");
	}
	if (cli->g.version)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--version takes no arguments");
	rc = parse_format(cli, err);
	if (rc == ALLY_OK)
		rc = cli_resolve_today(cli->g.today, &cli->today, err);
	if (rc == ALLY_OK)
		rc = cli_resolve_user(&user, err);
	cli->user = user;
	if (rc == ALLY_OK && (cli->cmd->flags & CMD_DB))
		rc = open_db(cli, err);
	return rc;
}

/* Run the command with its output collected in memory (*text, the
 * caller's to free), so that nothing is printed before the commit. */
static int run_buffered(struct cli *cli, int argc, char **argv, char **text, size_t *len,
			struct ally_err *err)
{
	int rc;

	cli->out = open_memstream(text, len);
	if (cli->out == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
				    strerror(errno));
	rc = cli->cmd->run(cli, argc, argv, err);
	if (!cli->started && rc == ALLY_OK) /* every command must begin with cli_parse */
		rc = ally_err_set(err, ALLY_EUSAGE, NULL, "internal error: options not parsed");
	if (cli->helped) {
		ally_err_clear(err);
		rc = ALLY_OK;
	}
	if (fclose(cli->out) != 0 && rc == ALLY_OK)
		rc = ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
				  strerror(errno));
	cli->out = NULL;
	return rc;
}

/* Run a list that writes straight to standard output, through a buffer
 * of its own: a pipe's default one costs a write call every 4 KiB.  A
 * short one that reads in place (cli_read_in_place) leaves its output in
 * *text instead, for after its read transaction. */
static int run_streaming(struct cli *cli, int argc, char **argv, char **text, size_t *len,
			 struct ally_err *err)
{
	static char outbuf[1 << 16];
	int rc;

	setvbuf(stdout, outbuf, cli->out_tty ? _IOLBF : _IOFBF, sizeof outbuf);
	cli->out = stdout;
	rc = cli->cmd->run(cli, argc, argv, err);
	if (!cli->started && rc == ALLY_OK)
		rc = ally_err_set(err, ALLY_EUSAGE, NULL, "internal error: options not parsed");
	if (cli->helped) {
		ally_err_clear(err);
		rc = ALLY_OK;
	}
	if (cli->out != stdout) {
		if (fclose(cli->out) != 0 && rc == ALLY_OK)
			rc = ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
					  strerror(errno));
		*text = cli->held;
		*len = cli->held_len;
		cli->held = NULL;
	}
	cli->out = NULL;
	return rc;
}

int cli_read_in_place(struct cli *cli, struct ally_err *err)
{
	FILE *f;

	if (cli->out != stdout)
		return ALLY_OK;
	f = open_memstream(&cli->held, &cli->held_len);
	if (f == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
				    strerror(errno));
	cli->out = f;
	return ALLY_OK;
}

int cli_read_snapshot(struct cli *cli, struct ally_err *err)
{
	struct ally_err why, ignored;
	struct store *snap;

	(void)err;
	if (cli->store == NULL || (cli->cmd->flags & CMD_WRITE))
		return ALLY_OK;
	if (cli->in_tx)
		store_rollback(cli->store);
	cli->in_tx = false;
	snap = store_snapshot_open(cli->store, &why);
	/* No copy (no room in $TMPDIR, none at all): read in place rather than
	 * fail.  The output is the same; only colleagues' writes wait, as
	 * they did before snapshots, up to their 5 s. */
	if (snap != NULL) {
		store_close(cli->store);
		cli->store = snap;
	}
	cli->in_tx = store_begin_read(cli->store, &ignored) == ALLY_OK;
	return ALLY_OK;
}

static int run_command(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	cli->out_tty = isatty(STDOUT_FILENO);
	if (cli->cmd->flags & CMD_STREAM)
		rc = run_streaming(cli, argc, argv, &text, &len, err);
	else
		rc = run_buffered(cli, argc, argv, &text, &len, err);
	rc = end_tx(cli, rc, err);
	if (rc == ALLY_OK && text != NULL)
		rc = flush_output(cli, text, len, err);
	else if (rc == ALLY_OK && fflush(stdout) != 0)
		rc = output_failed(false, err);
	store_close(cli->store);
	free(text);
	free((char *)cli->db_path);
	free((char *)cli->user);
	return rc;
}

static void print_error(int rc, const struct ally_err *err, const struct hint *hint)
{
	char *msg = text_visible(err->msg[0] ? err->msg : "failed", 0);

	if (rc == ALLY_EUSAGE && hint->name == NULL)
		fprintf(stderr, "ally: %s; see 'ally --help'\n", msg);
	else if (rc == ALLY_EUSAGE)
		fprintf(stderr, "ally: %s; see 'ally %s%s%s --help'\n", msg, hint->name,
			hint->sub ? " " : "", hint->sub ? hint->sub : "");
	else
		fprintf(stderr, "ally: %s\n", msg);
	free(msg);
}

/* `ally help [COMMAND [SUB]]`, the same as COMMAND [SUB] --help. */
static int help_topic(int argc, char **argv, int i, struct hint *hint, struct ally_err *err)
{
	struct cli_globals g = { .help = true };
	const struct cli_command *c;
	int rc;

	if (i >= argc) {
		cli_help_program(stdout, families);
		return ALLY_OK;
	}
	rc = lookup(argc, argv, &i, &g, &c, hint, err);
	if (rc == ALLY_OK && c != NULL) {
		/* Global options may follow the topic, as they may follow a
		 * command: `ally help partner list --format json`. */
		i++;
		rc = cli_take_globals(&g, argc, argv, &i, err);
		if (rc == ALLY_OK && i < argc)
			rc = ally_err_set(err, ALLY_EUSAGE, NULL, "unexpected argument '%s'", argv[i]);
	}
	if (rc != ALLY_OK)
		return rc;
	if (c == NULL)
		cli_help_family(stdout, families, hint->name);
	else
		cli_help_command(stdout, c);
	return ALLY_OK;
}

/* `ally` alone on a terminal: the interface, as `ally tui`. */
static int run_interface(struct cli *cli, struct ally_err *err)
{
	static char tui_word[] = "tui";
	char *argv[] = { tui_word, NULL };

	cli->cmd = cli_tui_commands;
	return run_command(cli, 1, argv, err);
}

/* `ally` without a terminal cannot offer the typing an interface kept
 * when it had to stop (draft.c) as the interface does at its start: it
 * says there is some, on stderr, so that a login script shows it. */
static void mention_drafts(struct cli *cli)
{
	struct ally_err ignored;
	char *path = NULL, *user = NULL, *folder = NULL, *shown;
	int n;

	if (cli_resolve_db(cli->g.db, &path, &ignored) != ALLY_OK ||
	    cli_resolve_user(&user, &ignored) != ALLY_OK) {
		free(path);
		return;
	}
	n = tui_count_drafts(path, user, &folder);
	if (n > 0 && folder != NULL) {
		shown = text_visible(folder, 0);
		fprintf(stderr,
			"ally: %d form%s typed in an earlier session %s not saved; 'ally' on a "
			"terminal offers to open %s again (kept in %s)\n",
			n, n == 1 ? "" : "s", n == 1 ? "was" : "were", n == 1 ? "it" : "them", shown);
		free(shown);
	}
	free(folder);
	free(path);
	free(user);
}

/* After the global options given before it: the command word on. */
static int dispatch(int argc, char **argv, int i, struct cli *cli, struct hint *hint,
		    struct ally_err *err)
{
	int rc;

	if (cli->g.version && i < argc)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--version takes no arguments, got '%s'",
				    argv[i]);
	if (cli->g.version) {
		printf("ally %s\n", ALLY_VERSION);
		return ALLY_OK;
	}
	if (i >= argc && cli->g.help)
		return help_topic(argc, argv, i, hint, err);
	if (i >= argc && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return run_interface(cli, err);
	if (i >= argc) {
		mention_drafts(cli);
		return ally_err_set(err, ALLY_EUSAGE, NULL, "no command given");
	}
	if (strcmp(argv[i], "help") == 0)
		return help_topic(argc, argv, i + 1, hint, err);
	rc = lookup(argc, argv, &i, &cli->g, &cli->cmd, hint, err);
	if (rc == ALLY_OK && cli->cmd == NULL)
		cli_help_family(stdout, families, hint->name);
	if (rc != ALLY_OK || cli->cmd == NULL)
		return rc;
	hint->name = cli->cmd->name;
	hint->sub = cli->cmd->sub;
	if (cli->g.help && !cli->g.version) {
		cli_help_command(stdout, cli->cmd);
		return ALLY_OK;
	}
	return run_command(cli, argc - i, argv + i, err);
}

int cli_main(int argc, char **argv)
{
	struct cli cli = { 0 };
	struct hint hint = { NULL, NULL };
	struct ally_err err;
	int i = 1, rc;

	/* Only the character type: numbers must keep their '.' everywhere. */
	setlocale(LC_CTYPE, "");
	ally_err_clear(&err);
	rc = cli_take_globals(&cli.g, argc, argv, &i, &err);
	if (rc == ALLY_OK)
		rc = dispatch(argc, argv, i, &cli, &hint, &err);
	/* Help and the version are printed straight to stdout. */
	if (rc == ALLY_OK && fflush(stdout) != 0)
		rc = output_failed(false, &err);
	if (rc != ALLY_OK)
		print_error(rc, &err, &hint);
	return rc;
}
