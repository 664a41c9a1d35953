/* args.c: options, numbers, ids and partner references, checked the same
 * way for every command so that every error names what was wrong. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"

int cli_partner_id(struct cli *cli, const char *ref, int64_t *id, struct ally_err *err)
{
	struct partner p;
	int rc;

	partner_init(&p);
	rc = store_partner_find(cli->store, ref, &p, err);
	if (rc == ALLY_OK)
		*id = p.id;
	partner_finish(&p);
	return rc;
}

int cli_id(const char *s, const char *field, int64_t *out, struct ally_err *err)
{
	long long v;

	if (!str_all_digits(s))
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not an id (a whole number)", s);
	errno = 0;
	v = strtoll(s, NULL, 10);
	if (errno == ERANGE || v <= 0)
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not an id (a whole number)", s);
	*out = v;
	return ALLY_OK;
}

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

/* One "--name[=value]" at argv[*i]; takes the next word as the value when
 * the option needs one and no '=' was given.  seen has a bit per option
 * of opts: the second --type is refused rather than silently winning. */
static int take_opt(int argc, char **argv, int *i, const struct cli_opt *opts, uint64_t *seen,
		    struct ally_err *err)
{
	const char *arg = argv[*i] + 2;
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct cli_opt *o = find_opt(opts, arg, len);
	uint64_t bit;

	if (o == NULL)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown option '--%.*s'", (int)len,
				    arg);
	bit = (uint64_t)1 << (o - opts);
	if (*seen & bit)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--%s given twice", o->name);
	*seen |= bit;
	if (!o->has_arg && eq != NULL)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--%s takes no value", o->name);
	if (o->has_arg) {
		if (eq != NULL) {
			*o->value = eq + 1;
		} else if (*i + 1 < argc) {
			*o->value = argv[++*i];
		} else {
			return ally_err_set(err, ALLY_EUSAGE, NULL, "--%s needs a value", o->name);
		}
	}
	if (o->set != NULL)
		*o->set = true;
	return ALLY_OK;
}

/* The global options as rows of a table (help is not among them: asking
 * for help twice is harmless, so is_help takes it first). */
#define GLOBAL_N 5
static void global_opts(struct cli_globals *g, struct cli_opt out[GLOBAL_N])
{
	out[0] = (struct cli_opt){ "db", true, &g->db, NULL };
	out[1] = (struct cli_opt){ "today", true, &g->today, NULL };
	out[2] = (struct cli_opt){ "format", true, &g->format, NULL };
	out[3] = (struct cli_opt){ "help", false, NULL, &g->help };
	out[4] = (struct cli_opt){ "version", false, NULL, &g->version };
}

/* The bits of seen for the global rows at opts[first..first+GLOBAL_N)
 * already given (before the command, or between its words). */
static uint64_t globals_seen(const struct cli_opt *opts, size_t first)
{
	uint64_t seen = 0;
	size_t k;

	for (k = first; k < first + GLOBAL_N; k++)
		if ((opts[k].value != NULL && *opts[k].value != NULL) ||
		    (opts[k].value == NULL && *opts[k].set))
			seen |= (uint64_t)1 << k;
	return seen;
}

static bool is_help(const char *a)
{
	return strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0;
}

int cli_take_globals(struct cli_globals *g, int argc, char **argv, int *i,
		     struct ally_err *err)
{
	struct cli_opt opts[GLOBAL_N + 1];
	uint64_t seen;
	int rc;

	global_opts(g, opts);
	opts[GLOBAL_N] = (struct cli_opt){ NULL, false, NULL, NULL };
	seen = globals_seen(opts, 0);
	for (; *i < argc && argv[*i][0] == '-' && argv[*i][1] != '\0'; ++*i) {
		const char *a = argv[*i];

		if (strcmp(a, "--") == 0) {
			++*i;
			break;
		}
		if (is_help(a)) {
			g->help = true;
			continue;
		}
		if (a[1] != '-')
			return ally_err_set(err, ALLY_EUSAGE, NULL, "unknown option '%s'", a);
		rc = take_opt(argc, argv, i, opts, &seen, err);
		if (rc != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

/* opts followed by the global options into all[]; *first is where the
 * global rows start. */
#define CLI_OPTS_MAX 64
static void merge_opts(struct cli *cli, const struct cli_opt *opts,
		       struct cli_opt all[CLI_OPTS_MAX + 1], size_t *first)
{
	size_t n = 0;

	for (; opts[n].name != NULL; n++) {
		if (n + GLOBAL_N >= CLI_OPTS_MAX) {
			fputs("ally: internal error: too many options\n", stderr);
			abort();
		}
		all[n] = opts[n];
	}
	*first = n;
	global_opts(&cli->g, all + n);
	all[n + GLOBAL_N] = (struct cli_opt){ NULL, false, NULL, NULL };
}

int cli_parse(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int maxpos, int *npos, struct ally_err *err)
{
	struct cli_opt all[CLI_OPTS_MAX + 1];
	bool options = true;
	uint64_t seen;
	size_t first;
	int i, rc;

	merge_opts(cli, opts, all, &first);
	seen = globals_seen(all, first);
	*npos = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (options && strcmp(a, "--") == 0) {
			options = false;
		} else if (options && is_help(a)) {
			cli->g.help = true;
		} else if (options && a[0] == '-' && a[1] == '-') {
			rc = take_opt(argc, argv, &i, all, &seen, err);
			if (rc != ALLY_OK)
				return rc;
		} else if (*npos >= maxpos) {
			return ally_err_set(err, ALLY_EUSAGE, NULL, "unexpected argument '%s'", a);
		} else {
			pos[(*npos)++] = a;
		}
	}
	return cli_start(cli, err);
}

int cli_require(const char *value, const char *opt, struct ally_err *err)
{
	if (value == NULL)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "--%s is required", opt);
	return ALLY_OK;
}

int cli_need_args(int npos, int need, const char *what, struct ally_err *err)
{
	if (npos < need)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "missing %s", what);
	return ALLY_OK;
}

int cli_enum(const char *const *names, const char *s, const char *opt, int *out,
	     struct ally_err *err)
{
	int v = enum_parse_field(names, s, opt, err);

	if (v < 0)
		return ALLY_EUSER;
	*out = v;
	return ALLY_OK;
}

/* Usage first, as options are checked before values: every pair has
 * FIELD=, and no FIELD comes twice (the second value would silently win). */
static int check_pairs(int n, const char **pairs, char **fields, const char **values,
		       struct ally_err *err)
{
	int i, j, rc = ALLY_OK;

	for (i = 0; i < n && rc == ALLY_OK; i++)
		rc = cli_pair(pairs[i], &fields[i], &values[i], err);
	for (i = 0; i < n && rc == ALLY_OK; i++)
		for (j = 0; j < i && rc == ALLY_OK; j++)
			if (strcmp(fields[i], fields[j]) == 0)
				rc = ally_err_set(err, ALLY_EUSAGE, NULL, "%s given twice",
						  fields[i]);
	return rc;
}

int cli_apply_pairs(int n, const char **pairs, cli_setter *set, void *obj, struct ally_err *err)
{
	char **fields = xcalloc((size_t)n + 1, sizeof *fields);
	const char **values = xcalloc((size_t)n + 1, sizeof *values);
	int i, rc = check_pairs(n, pairs, fields, values, err);

	for (i = 0; i < n && rc == ALLY_OK; i++)
		rc = set(obj, fields[i], values[i], err);
	for (i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
	free(values);
	return rc;
}

int cli_pair(const char *arg, char **field, const char **value, struct ally_err *err)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return ally_err_set(err, ALLY_EUSAGE, NULL, "expected FIELD=VALUE, got '%s'", arg);
	*field = xstrndup(arg, (size_t)(eq - arg));
	*value = eq + 1;
	return ALLY_OK;
}

int cli_err_as_option(struct ally_err *err, const char *field, const char *opt)
{
	char name[sizeof err->field];

	if (strcmp(err->field, field) != 0)
		return err->status;
	snprintf(name, sizeof name, "--%s", opt);
	return ally_err_rename(err, name);
}
