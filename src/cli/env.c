/* env.c: where the database lives, what day it is, and who is working:
 * options first, then the environment, then the system's own answer. */
#include "cli.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ally/partner.h"
#include "ally/util.h"

static const char *env_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

int cli_resolve_today(const char *opt, ally_date *out, struct ally_err *err)
{
	const char *env = env_nonempty("ALLY_TODAY");
	time_t now;
	struct tm tm;

	if (opt != NULL)
		return date_parse_field(opt, "--today", out, err);
	if (env != NULL)
		return date_parse_field(env, "ALLY_TODAY", out, err);
	now = time(NULL);
	localtime_r(&now, &tm);
	*out = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return ALLY_OK;
}

#define USER_MAX 100 /* characters; a login name, written to every audit row */

/* Where the user name comes from, and the name ("ALLY_USER" names the
 * variable in errors). */
static const char *find_user(const char **source)
{
	const char *env = env_nonempty("ALLY_USER");
	struct passwd *pw;

	*source = "ALLY_USER";
	if (env != NULL)
		return env;
	*source = "login name";
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		return pw->pw_name;
	*source = "LOGNAME";
	env = env_nonempty("LOGNAME");
	return env != NULL ? env : "unknown";
}

int cli_resolve_user(char **out, struct ally_err *err)
{
	const char *source;
	const char *name = find_user(&source);
	int rc = text_check(name, source, USER_MAX, false, err);

	if (rc != ALLY_OK)
		return rc;
	*out = xstrdup(name);
	return ALLY_OK;
}

static char *default_db_path(void)
{
	const char *xdg = env_nonempty("XDG_DATA_HOME");
	const char *home = env_nonempty("HOME");
	struct passwd *pw;

	/* The XDG spec ignores a relative XDG_DATA_HOME. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ally/portfolio.db", xdg);
	if (home == NULL && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return xasprintf("%s/.local/share/ally/portfolio.db", home != NULL ? home : ".");
}

int cli_resolve_db(const char *opt, char **out, struct ally_err *err)
{
	const char *env = env_nonempty("ALLY_DB");
	char *path;

	if (opt != NULL && *opt == '\0')
		return ally_err_set(err, ALLY_EUSER, "--db", "must not be empty");
	if (opt != NULL)
		path = xstrdup(opt);
	else if (env != NULL)
		path = xstrdup(env);
	else
		path = default_db_path();
	*out = path;
	return ALLY_OK;
}

bool cli_db_is_default(const char *opt)
{
	return opt == NULL && env_nonempty("ALLY_DB") == NULL;
}

/* The first word of $SSH_CONNECTION ("client port server port"), else of
 * $SSH_CLIENT, when it looks like an address (hex digits, '.', ':', '%'
 * and at most 64 of them): anything else is not kept, so that no text
 * from the environment reaches the log unchecked. */
char *cli_resolve_source(void)
{
	const char *vars[] = { "SSH_CONNECTION", "SSH_CLIENT" };

	for (size_t i = 0; i < 2; i++) {
		const char *v = env_nonempty(vars[i]);
		size_t n;

		if (v == NULL)
			continue;
		n = strspn(v, "0123456789abcdefABCDEF.:%");
		if (n == 0 || n > 64 || (v[n] != ' ' && v[n] != '\0'))
			continue;
		return xstrndup(v, n);
	}
	return NULL;
}
