/* help.c: --help for the program, a command family and one command, drawn
 * from the command tables so that help never lists a command that does
 * not exist. */
#include "cli.h"

#include <string.h>

static const char GLOBAL_OPTIONS[] =
	"global options (before or after the command):\n"
	"  --db PATH                 the database (default $ALLY_DB, else\n"
	"                            $XDG_DATA_HOME/ally/portfolio.db, else\n"
	"                            ~/.local/share/ally/portfolio.db)\n"
	"  --today YYYY-MM-DD        plan as of this day (default $ALLY_TODAY, else today)\n"
	"  --format table|json|csv   output format of lists and shows (default table)\n"
	"  --help                    this help; also 'ally COMMAND --help'\n"
	"  --version                 print the version\n";

static char *cmd_label(const struct cli_command *c, char out[64])
{
	snprintf(out, 64, "%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "");
	return out;
}

#define HELP_WIDTH 79

/* Print text from column col on, breaking between words before
 * HELP_WIDTH; continuation lines start at column indent. */
static void wrap(FILE *f, const char *text, int col, int indent)
{
	const char *p = text;

	while (*p != '\0') {
		int len = (int)strcspn(p, " ");

		if (col > indent && col + 1 + len > HELP_WIDTH) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fprintf(f, "%.*s", len, p);
		col += len;
		p += len;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

static void list_line(FILE *f, const struct cli_command *c)
{
	char label[64];

	fprintf(f, "  %-18s ", cmd_label(c, label));
	wrap(f, c->summary, 21, 21);
}

void cli_help_program(FILE *f, const struct cli_command *const *families)
{
	const struct cli_command *const *fam;
	const struct cli_command *c;

	fputs("usage: ally [--db PATH] [--today DATE] [--format FORMAT] COMMAND [ARGS...]\n\n"
	      "ally keeps a portfolio of partnerships: partners, their score and tier,\n"
	      "lifecycle phase and status, contracts and their renewals.\n\n"
	      "commands:\n",
	      f);
	for (fam = families; *fam != NULL; fam++)
		for (c = *fam; c->name != NULL; c++)
			list_line(f, c);
	fprintf(f, "  %-18s %s\n\n", "help [COMMAND]", "show help for a command");
	fputs(GLOBAL_OPTIONS, f);
	fputs("\nexit status: 0 success, 1 bad value or refused, 2 usage error, 3 database error\n",
	      f);
}

void cli_help_family(FILE *f, const struct cli_command *const *families, const char *name)
{
	const struct cli_command *const *fam;
	const struct cli_command *c;

	fprintf(f, "usage: ally %s SUBCOMMAND [ARGS...]\n\nsubcommands:\n", name);
	for (fam = families; *fam != NULL; fam++)
		for (c = *fam; c->name != NULL; c++)
			if (strcmp(c->name, name) == 0) {
				fprintf(f, "  ally %s %s", c->name, c->sub);
				wrap(f, c->args, 7 + (int)(strlen(c->name) + strlen(c->sub)), 6);
				fputs("      ", f);
				wrap(f, c->summary, 6, 6);
			}
	fprintf(f, "\nsee 'ally %s SUBCOMMAND --help' for one of them\n", name);
}

void cli_help_command(FILE *f, const struct cli_command *c)
{
	char label[64];

	fprintf(f, "usage: ally %s", cmd_label(c, label));
	wrap(f, c->args, 12 + (int)strlen(label), 8);
	fputc('\n', f);
	wrap(f, c->summary, 0, 0);
	if (c->flags & CMD_FORMAT)
		fputs("\noutput: --format table (default), json or csv\n", f);
	fputc('\n', f);
	fputs(GLOBAL_OPTIONS, f);
}
