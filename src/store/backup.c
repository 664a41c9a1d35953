/* backup.c: a copy of the database that can be restored: SQLite's online
 * backup API in one pass (a consistent state however busy the others
 * are), into a temporary file beside the target that is checked before it
 * takes the target's name, so that a half-written or damaged copy never
 * passes for a backup. */
#include "store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "ally/util.h"

static void pause_ms(int ms)
{
	const struct timespec t = { 0, ms * 1000000L };

	nanosleep(&t, NULL);
}

/* The whole database in one step; a writer committing at that moment
 * makes it wait, up to busy_ms. */
static int copy_pages(struct store *s, sqlite3 *dst, struct ally_err *err)
{
	sqlite3_backup *bk = sqlite3_backup_init(dst, "main", s->db, "main");
	int rc, waited = 0;

	if (bk == NULL)
		return ally_err_set(err, ALLY_EDB, "backup", "cannot start: %s", sqlite3_errmsg(dst));
	while (((rc = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
	       waited < s->busy_ms) {
		pause_ms(5);
		waited += 5;
	}
	sqlite3_backup_finish(bk);
	if (rc == SQLITE_DONE)
		return ALLY_OK;
	return store_fail(s, rc, err);
}

/* The copy stands alone (no WAL beside it) and passes integrity_check. */
static int finish_copy(sqlite3 *dst, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	bool ok = false;

	if (rc != SQLITE_OK)
		return ally_err_set(err, ALLY_EDB, "backup", "cannot finish the copy: %s",
				    sqlite3_errmsg(dst));
	if (sqlite3_prepare_v2(dst, "PRAGMA integrity_check(1)", -1, &st, NULL) != SQLITE_OK)
		return ally_err_set(err, ALLY_EDB, "backup", "cannot check the copy: %s",
				    sqlite3_errmsg(dst));
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	if (!ok)
		return ally_err_set(err, ALLY_EDB, "backup",
				    "the copy does not pass integrity_check: the database is damaged; "
				    "run 'ally check'");
	return ALLY_OK;
}

static void sync_folder(const char *path)
{
	char *dir = store_folder_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int store_backup(struct store *s, const char *path, bool overwrite, int64_t *bytes,
		 struct ally_err *err)
{
	char *tmp = xasprintf("%s.partial-XXXXXX", path);
	sqlite3 *dst = NULL;
	struct stat st;
	int fd, rc;

	*bytes = 0;
	if (path[0] == '\0') {
		free(tmp);
		return ally_err_set(err, ALLY_EUSER, "FILE", "must not be empty");
	}
	if (!overwrite && lstat(path, &st) == 0) {
		free(tmp);
		return ally_err_set(err, ALLY_EUSER, "FILE", "%s already exists; --force replaces it",
				    path);
	}
	fd = mkstemp(tmp); /* 0600 */
	if (fd < 0) {
		rc = ally_err_set(err, ALLY_EDB, "FILE", "cannot create a file beside %s: %s", path,
				  strerror(errno));
		free(tmp);
		return rc;
	}
	if (store_in_team_folder(path))
		fchmod(fd, 0660);
	close(fd);
	fd = -1; /* closed: the sync below opens the copy again */
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
		     ? ALLY_OK
		     : ally_err_set(err, ALLY_EDB, "FILE", "cannot open %s", tmp);
	if (rc == ALLY_OK)
		rc = copy_pages(s, dst, err);
	if (rc == ALLY_OK)
		rc = finish_copy(dst, err);
	sqlite3_close(dst);
	if (rc == ALLY_OK && ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0))
		rc = ally_err_set(err, ALLY_EDB, "FILE", "cannot write %s: %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	if (rc == ALLY_OK && rename(tmp, path) != 0)
		rc = ally_err_set(err, ALLY_EDB, "FILE", "cannot name the copy %s: %s", path,
				  strerror(errno));
	if (rc == ALLY_OK) {
		sync_folder(path);
		if (stat(path, &st) == 0)
			*bytes = (int64_t)st.st_size;
	} else {
		unlink(tmp);
	}
	free(tmp);
	return rc;
}
