/* file-mode.c: who may read and write the database file, and its folder.
 *
 * A portfolio holds deal values and notes: private (0600, folders 0700)
 * unless it lives in a team folder, one with the setgid bit (chmod 2770,
 * group of the team), where every file ally makes is 0660 and every
 * folder 2770, whatever the umask, so that a colleague in the group can
 * write what another created.  SQLite gives its journal the database's
 * mode, and the writers' queue (writer-lock.c) does the same.
 *
 * A file that anyone may write, or one in a folder where anyone may
 * replace it (writable by all without the sticky bit of /tmp), is
 * refused: its history could be rewritten by someone ally never sees. */
#include "store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ally/util.h"

char *store_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static bool is_team_folder(const char *dir)
{
	struct stat st;

	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_ISGID);
}

bool store_in_team_folder(const char *path)
{
	char *dir = store_folder_of(path);
	bool team = is_team_folder(dir);

	free(dir);
	return team;
}

int store_check_modes(const char *path, struct ally_err *err)
{
	char *dir = store_folder_of(path);
	struct stat st;
	int rc = ALLY_OK;

	if (stat(dir, &st) == 0 && (st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
		rc = ally_err_set(err, ALLY_EDB, "database",
				  "the folder %s can be written by anyone and is not sticky (mode "
				  "%04o), so anyone could replace the portfolio; run 'chmod o-w %s' "
				  "(or 'chmod +t %s')",
				  dir, (unsigned)(st.st_mode & 07777), dir, dir);
	else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & S_IWOTH))
		rc = ally_err_set(err, ALLY_EDB, "database",
				  "%s can be written by anyone (mode %04o), so anyone could change "
				  "the portfolio and its history; run 'chmod o-w %s'",
				  path, (unsigned)(st.st_mode & 07777), path);
	free(dir);
	return rc == ALLY_OK ? rc : ally_err_because(err, AR_UNSAFE);
}

/* One folder of the way: 2770 inside a team folder (Linux gives it the
 * setgid bit and the group already; the umask would take the group's
 * write), else 0700. */
static int make_one(const char *dir, struct ally_err *err)
{
	char *parent = store_folder_of(dir);
	mode_t mode = is_team_folder(parent) ? 02770 : 0700;

	free(parent);
	if (mkdir(dir, mode & 0777) == 0) {
		chmod(dir, mode);
		return ALLY_OK;
	}
	if (errno == EEXIST)
		return ALLY_OK;
	return ally_err_set(err, ALLY_EDB, "database", "cannot create folder %s: %s", dir,
			    strerror(errno));
}

int store_make_folders(const char *path, struct ally_err *err)
{
	char *dir = store_folder_of(path), *p;
	int rc = ALLY_OK;

	for (p = dir + 1; rc == ALLY_OK; p++) {
		bool end = *p == '\0';

		if (*p != '/' && !end)
			continue;
		*p = '\0';
		rc = make_one(dir, err);
		if (end)
			break;
		*p = '/';
	}
	free(dir);
	return rc;
}
