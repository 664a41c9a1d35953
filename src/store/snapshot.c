/* snapshot.c: a consistent copy of the database for one long read, so
 * that an export does not hold every colleague's write up.
 *
 * With the rollback journal a reader holds a shared lock for as long as
 * it reads, and a writer cannot commit until every shared lock is gone:
 * an export that takes seconds, or waits on a pipe nobody reads, would
 * make each colleague's change fail after busy_ms.  Copying the file
 * under the shared lock takes tens of milliseconds (the issue measured
 * 74 ms for 293 MB; SQLite's backup API held the lock 0.8-1.3 s, and its
 * stepped form restarts on every write by another process), after which
 * the long read goes to the private copy and holds nothing.  In WAL mode
 * readers never block writers, so a second connection is enough. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* copy_file_range */
#endif
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

/* Reading the header takes the shared lock (rolling back a hot journal
 * first, when there is one) and keeps it until the read transaction
 * ends. */
static const char SQL_SCHEMA_VERSION[] = "PRAGMA schema_version";

#define COPY_CHUNK (1 << 20) /* the fallback's one buffer: memory does not grow with the file */

static int64_t now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The portable copy, from offset off on. */
static int copy_rw(int from, int to, off_t off, off_t size)
{
	char *buf = xmalloc(COPY_CHUNK);
	int rc = 0;

	while (off < size && rc == 0) {
		ssize_t n = pread(from, buf, COPY_CHUNK, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = -1;
			break;
		}
		rc = write_all(to, buf, (size_t)n);
		off += n;
	}
	free(buf);
	return rc;
}

/* Copy the file from into to: in the kernel with copy_file_range (a few
 * times faster than through a buffer here, and no copy at all where the
 * file system can share blocks), else through one buffer. */
static int copy_fd(int from, int to)
{
	struct stat st;
	off_t off = 0;

	if (fstat(from, &st) != 0)
		return -1;
#ifdef __linux__
	while (off < st.st_size) {
		ssize_t n = copy_file_range(from, &off, to, NULL, (size_t)(st.st_size - off), 0);

		if (n > 0)
			continue;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && off == 0 &&
		    (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP))
			break; /* not here: the buffer */
		return n == 0 ? 0 : -1;
	}
	if (off >= st.st_size)
		return 0;
#endif
	return copy_rw(from, to, off, st.st_size);
}

/* Copy s's file into fd while holding the shared lock, for as short a
 * time as the copy takes.  The data is read through a descriptor of our
 * own, opened before the lock is taken and closed only once the read
 * transaction is over: closing any descriptor of a file drops every POSIX
 * lock the process holds on it, SQLite's shared lock included (hence also
 * "no other connection of this process in a transaction on the file"). */
static int copy_locked(struct store *s, int fd, const char *tmp, struct ally_err *err)
{
	int64_t version, start;
	int from = open(s->path, O_RDONLY | O_CLOEXEC), saved = 0;
	bool own, failed = false;
	int rc;

	if (from < 0)
		return ally_err_set(err, ALLY_EDB, "database", "cannot read %s: %s", s->path,
				    strerror(errno));
	start = now_us();
	rc = rtx_begin(s, &own, err);
	if (rc == ALLY_OK)
		rc = store_query_int(s, SQL_SCHEMA_VERSION, 0, &version, err);
	if (rc == ALLY_OK && copy_fd(from, fd) != 0) {
		saved = errno;
		failed = true;
	}
	rtx_end(s, own);
	s->snapshot_lock_us = now_us() - start;
	close(from);
	if (failed)
		rc = ally_err_set(err, ALLY_EDB, "database", "cannot copy %s to %s: %s", s->path,
				  tmp, strerror(saved != 0 ? saved : EIO));
	return rc;
}

/* The copy's place: a new file only we can read, in $TMPDIR or /tmp. */
static int make_temp(char **path, struct ally_err *err)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	*path = xasprintf("%s/ally-snapshot-XXXXXX", dir);
	fd = mkstemp(*path); /* mode 0600 */
	if (fd >= 0)
		fcntl(fd, F_SETFD, FD_CLOEXEC); /* an editor started later must not inherit it */
	if (fd < 0) {
		ally_err_set(err, ALLY_EDB, "database", "cannot create a copy in %s: %s", dir,
			     strerror(errno));
		free(*path);
		*path = NULL;
	}
	return fd;
}

/* WAL: a connection of its own, its read transaction begun (and pinned
 * by a first read), so that every later query sees that one state. */
static struct store *wal_snapshot(struct store *s, struct ally_err *err)
{
	const struct store_opts opts = { STORE_JOURNAL_WAL, s->busy_ms, s->user, false, true, NULL };
	struct store *snap = store_open(s->path, &opts, err);
	int64_t version;

	s->snapshot_lock_us = 0;
	if (snap == NULL)
		return NULL;
	if (store_begin_read(snap, err) != ALLY_OK ||
	    store_query_int(snap, SQL_SCHEMA_VERSION, 0, &version, err) != ALLY_OK) {
		store_close(snap);
		return NULL;
	}
	return snap;
}

struct store *store_snapshot_open(struct store *s, struct ally_err *err)
{
	const struct store_opts opts = { STORE_JOURNAL_ROLLBACK, s->busy_ms, s->user, true, true, NULL };
	struct store *snap = NULL;
	char *tmp = NULL;
	int fd;

	if (strcmp(s->journal, "wal") == 0)
		return wal_snapshot(s, err);
	if (strcmp(s->path, ":memory:") == 0 || !sqlite3_get_autocommit(s->db)) {
		ally_err_set(err, ALLY_EDB, "database", "no snapshot of %s in this state", s->path);
		return NULL;
	}
	if ((fd = make_temp(&tmp, err)) < 0)
		return NULL;
	if (copy_locked(s, fd, tmp, err) != ALLY_OK) {
		close(fd);
	} else if (close(fd) != 0) {
		ally_err_set(err, ALLY_EDB, "database", "cannot copy %s to %s: %s", s->path, tmp,
			     strerror(errno));
	} else {
		/* Read-only on a file nobody else knows: no journal, and the
		 * shared locks it takes stop no one. */
		snap = store_open(tmp, &opts, err);
	}
	/* Once open, the name is not needed: the space goes when the handle
	 * closes, or the process ends, however it ends. */
	unlink(tmp);
	free(tmp);
	if (snap != NULL) {
		free(snap->path); /* messages name the database, not the copy */
		snap->path = xstrdup(s->path);
	}
	return snap;
}

int64_t store_snapshot_lock_us(struct store *s)
{
	return s->snapshot_lock_us;
}
