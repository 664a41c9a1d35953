/* cli.c: the dispatcher.  It takes the global options out of argv, finds
 * the command in the family tables, opens and migrates the database,
 * runs the command inside one transaction and reports the outcome.
 *
 * A command's output is collected in memory and printed only once its
 * transaction has committed, so a command that fails (even at COMMIT)
 * prints nothing but its error. */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally/enums.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

/* In the order --help lists them. */
static const struct cli_command *const families[] = {
	cli_init_commands,   cli_demo_commands,    cli_partner_commands, cli_status_commands,
	cli_contract_commands, cli_renewal_commands, cli_history_commands, cli_io_commands,
	NULL,
};

static const char *const format_names[] = { "table", "json", "csv", NULL };

/* The global options, found anywhere before "--". */
struct globals {
	const char *db;
	const char *today;
	const char *format;
	bool help;
	bool version;
};

/* What a usage error points to: "ally partner add --help". */
struct hint {
	const char *name; /* NULL: the program's help */
	const char *sub;
};

static bool opt_match(const char *arg, const char *name, const char **inline_value)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0)
		return false;
	if (arg[n] == '\0') {
		*inline_value = NULL;
		return true;
	}
	if (arg[n] == '=') {
		*inline_value = arg + n + 1;
		return true;
	}
	return false;
}

/* One valued global option at argv[*i]; false when it is not one. */
static bool take_valued(int argc, char **argv, int *i, struct globals *g, int *rc,
			struct ally_err *err)
{
	static const char *const names[] = { "--db", "--today", "--format" };
	const char **slots[] = { &g->db, &g->today, &g->format };
	const char *inl;
	size_t k;

	for (k = 0; k < 3; k++) {
		if (!opt_match(argv[*i], names[k], &inl))
			continue;
		if (*slots[k] != NULL)
			*rc = ally_err_set(err, ALLY_EUSAGE, NULL, "%s given twice", names[k]);
		else if (inl != NULL)
			*slots[k] = inl;
		else if (*i + 1 < argc)
			*slots[k] = argv[++*i];
		else
			*rc = ally_err_set(err, ALLY_EUSAGE, NULL, "%s needs a value", names[k]);
		return true;
	}
	return false;
}

/* Split argv into the global options and the rest (the command and its
 * own arguments), which goes to rest[0..*nrest). */
static int take_globals(int argc, char **argv, struct globals *g, char **rest, int *nrest,
			struct ally_err *err)
{
	bool options = true;
	int i, rc = ALLY_OK;

	*nrest = 0;
	for (i = 1; i < argc && rc == ALLY_OK; i++) {
		const char *a = argv[i];

		if (options && strcmp(a, "--") == 0) {
			options = false;
			rest[(*nrest)++] = argv[i]; /* the command's own parser needs it too */
		} else if (options && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0))
			g->help = true;
		else if (options && strcmp(a, "--version") == 0)
			g->version = true;
		else if (options && take_valued(argc, argv, &i, g, &rc, err))
			continue;
		else
			rest[(*nrest)++] = argv[i];
	}
	rest[*nrest] = NULL;
	return rc;
}

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

/* Find the command named by argv; *shift is how many words name it less
 * one (so argv + *shift starts at the (sub)command's own name).  With
 * *out NULL and ALLY_OK, the family's help was asked for. */
static int lookup(int argc, char **argv, bool help, const struct cli_command **out, int *shift,
		  struct hint *hint, struct ally_err *err)
{
	const char *name = argv[0];

	*out = NULL;
	*shift = 0;
	if (!known_name(name))
		return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown command '%s'", name);
	if (argc > 1 && argv[1][0] != '-' && has_subs(name) && (*out = find_row(name, argv[1]))) {
		*shift = 1;
		return ALLY_OK;
	}
	if ((*out = find_row(name, NULL)) != NULL)
		return ALLY_OK;
	hint->name = name;
	if (argc > 1 && argv[1][0] != '-')
		return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown subcommand '%s %s'", name,
				    argv[1]);
	if (help)
		return ALLY_OK;
	return ally_err_set(err, ALLY_EUSAGE, NULL, "%s: missing subcommand", name);
}

/* Open and migrate the database, then begin the command's transaction:
 * BEGIN IMMEDIATE (store_begin) for a write, a deferred read transaction
 * (store_begin_read) for a read, so that its queries see one snapshot
 * without waiting for a writer.  Should even that fail, the read goes on
 * without one rather than fail: each store call then reads on its own. */
static int open_db(struct cli *cli, const struct cli_command *c, const char *db_opt, char **path,
		   bool *in_tx, struct ally_err *err)
{
	struct store_opts opts = { STORE_JOURNAL_AUTO, 0, cli->user, false };
	struct ally_err ignored;
	int rc;

	rc = cli_resolve_db(db_opt, path, err);
	if (rc != ALLY_OK)
		return rc;
	cli->db_path = *path;
	cli->store = store_open(*path, &opts, err);
	if (cli->store == NULL)
		return err->status != ALLY_OK ? err->status : ALLY_EDB;
	rc = store_migrate(cli->store, err);
	if (rc != ALLY_OK)
		return rc;
	if (c->flags & CMD_WRITE) {
		rc = store_begin(cli->store, err);
		*in_tx = rc == ALLY_OK;
		return rc;
	}
	*in_tx = store_begin_read(cli->store, &ignored) == ALLY_OK;
	return ALLY_OK;
}

static int end_tx(struct cli *cli, const struct cli_command *c, bool in_tx, int rc,
		  struct ally_err *err)
{
	if (!in_tx)
		return rc;
	if (rc == ALLY_OK && (c->flags & CMD_WRITE))
		return store_commit(cli->store, err);
	store_rollback(cli->store);
	return rc;
}

/* Print what the command wrote, once its transaction is over.  After a
 * write has committed, a failure here must not read as "nothing changed". */
static int flush_output(const struct cli_command *c, const char *text, size_t len,
			struct ally_err *err)
{
	if (fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0)
		return ALLY_OK;
	return ally_err_set(err, ALLY_EUSER, "output", "cannot write to standard output%s",
			    (c->flags & CMD_WRITE) ? " (the change was saved)" : "");
}

/* A bad --format is a usage error: the command was called wrongly, and
 * nothing about the data is at fault. */
static int parse_format(const struct globals *g, struct cli *cli, struct ally_err *err)
{
	int f = FMT_TABLE;

	if (g->format != NULL && cli_enum(format_names, g->format, "--format", &f, err) != ALLY_OK)
		return err->status = ALLY_EUSAGE;
	cli->format = (enum out_format)f;
	cli->format_given = g->format != NULL;
	return ALLY_OK;
}

/* Run the command with its output collected in memory (*text, the
 * caller's to free), so that nothing is printed before the commit. */
static int run_buffered(const struct cli_command *c, struct cli *cli, int argc, char **argv,
			char **text, size_t *len, struct ally_err *err)
{
	int rc;

	cli->out = open_memstream(text, len);
	if (cli->out == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
				    strerror(errno));
	rc = c->run(cli, argc, argv, err);
	if (fclose(cli->out) != 0 && rc == ALLY_OK)
		rc = ally_err_set(err, ALLY_EUSER, "output", "cannot hold the output: %s",
				  strerror(errno));
	cli->out = NULL;
	return rc;
}

static int run_command(const struct cli_command *c, const struct globals *g, int argc,
		       char **argv, struct ally_err *err)
{
	struct cli cli = { 0 };
	char *path = NULL, *user = cli_resolve_user(), *text = NULL;
	size_t len = 0;
	bool in_tx = false;
	int rc;

	cli.user = user;
	cli.out_tty = isatty(STDOUT_FILENO);
	rc = parse_format(g, &cli, err);
	if (rc == ALLY_OK)
		rc = cli_resolve_today(g->today, &cli.today, err);
	if (rc == ALLY_OK && (c->flags & CMD_DB))
		rc = open_db(&cli, c, g->db, &path, &in_tx, err);
	if (rc != ALLY_OK)
		goto out;
	rc = run_buffered(c, &cli, argc, argv, &text, &len, err);
	rc = end_tx(&cli, c, in_tx, rc, err);
	if (rc == ALLY_OK)
		rc = flush_output(c, text, len, err);
out:
	store_close(cli.store);
	free(text);
	free(path);
	free(user);
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
static int help_topic(int argc, char **argv, struct hint *hint, struct ally_err *err)
{
	const struct cli_command *c;
	int shift, rc;

	if (argc == 0) {
		cli_help_program(stdout, families);
		return ALLY_OK;
	}
	rc = lookup(argc, argv, true, &c, &shift, hint, err);
	if (rc != ALLY_OK)
		return rc;
	if (c == NULL)
		cli_help_family(stdout, families, argv[0]);
	else
		cli_help_command(stdout, c);
	return ALLY_OK;
}

static int dispatch(int argc, char **argv, const struct globals *g, struct hint *hint,
		    struct ally_err *err)
{
	const struct cli_command *c;
	int shift, rc;

	if (g->version && argc > 0)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--version takes no arguments, got '%s'",
				    argv[0]);
	if (g->version) {
		printf("ally %s\n", ALLY_VERSION);
		return ALLY_OK;
	}
	if (argc == 0 && g->help)
		return help_topic(0, argv, hint, err);
	if (argc == 0)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "no command given");
	if (strcmp(argv[0], "help") == 0)
		return help_topic(argc - 1, argv + 1, hint, err);
	rc = lookup(argc, argv, g->help, &c, &shift, hint, err);
	if (rc != ALLY_OK || c == NULL) {
		if (rc == ALLY_OK)
			cli_help_family(stdout, families, argv[0]);
		return rc;
	}
	hint->name = c->name;
	hint->sub = c->sub;
	if (g->help) {
		cli_help_command(stdout, c);
		return ALLY_OK;
	}
	return run_command(c, g, argc - shift, argv + shift, err);
}

int cli_main(int argc, char **argv)
{
	struct globals g = { 0 };
	struct hint hint = { NULL, NULL };
	struct ally_err err;
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest, rc;

	/* Only the character type: numbers must keep their '.' everywhere. */
	setlocale(LC_CTYPE, "");
	ally_err_clear(&err);
	rc = take_globals(argc, argv, &g, rest, &nrest, &err);
	if (rc == ALLY_OK)
		rc = dispatch(nrest, rest, &g, &hint, &err);
	if (rc != ALLY_OK)
		print_error(rc, &err, &hint);
	free(rest);
	return rc;
}
