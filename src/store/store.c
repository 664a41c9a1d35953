/* store.c: opening the database, its connection settings, transactions
 * and how SQLite failures become messages a user can act on. */
#include "store-private.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "ally/text.h"
#include "ally/util.h"

static const char SQL_FOREIGN_KEYS[] = "PRAGMA foreign_keys = ON";
static const char SQL_SYNCHRONOUS[] = "PRAGMA synchronous = FULL";
static const char SQL_APPLICATION_ID[] = "PRAGMA application_id";
static const char SQL_USER_VERSION[] = "PRAGMA user_version";
static const char SQL_COUNT_SCHEMA[] = "SELECT count(*) FROM sqlite_master";
static const char SQL_JOURNAL_WAL[] = "PRAGMA journal_mode = WAL";
static const char SQL_JOURNAL_DELETE[] = "PRAGMA journal_mode = DELETE";
static const char SQL_JOURNAL_GET[] = "PRAGMA journal_mode";
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";
static const char SQL_BEGIN_IMMEDIATE[] = "BEGIN IMMEDIATE";
static const char SQL_BEGIN[] = "BEGIN";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT store_op";
static const char SQL_RELEASE[] = "RELEASE store_op";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO store_op";

bool store_wal_safe(int v)
{
	return v >= 3051003 || (v >= 3044006 && v <= 3044999) || (v >= 3050007 && v <= 3050999);
}

/* The column of "UNIQUE constraint failed: partners.name" or the first
 * column named in "CHECK constraint failed: length(name) > 0". */
static void constraint_field(const char *msg, char *out, size_t outsz)
{
	const char *p = strstr(msg, "failed: ");
	size_t n = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen("failed: ");
	for (;;) {
		const char *dot = NULL, *q = p;

		while (*q == '_' || *q == '.' || isalnum((unsigned char)*q)) {
			if (*q == '.')
				dot = q;
			q++;
		}
		if (q == p) {
			if (*p == '\0')
				return;
			p++;
			continue;
		}
		if (*q == '(') { /* a function such as length(): its argument names the column */
			p = q + 1;
			continue;
		}
		if (dot != NULL)
			p = dot + 1;
		n = (size_t)(q - p) < outsz - 1 ? (size_t)(q - p) : outsz - 1;
		memcpy(out, p, n);
		out[n] = '\0';
		return;
	}
}

static int constraint_fail(struct store *s, struct ally_err *err)
{
	const char *msg = sqlite3_errmsg(s->db);
	int ext = sqlite3_extended_errcode(s->db);
	char field[64];

	constraint_field(msg, field, sizeof field);
	switch (ext) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return ally_err_set(err, ALLY_EUSER, field, "that value is already used");
	case SQLITE_CONSTRAINT_NOTNULL:
		return ally_err_set(err, ALLY_EUSER, field, "is required");
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return ally_err_set(err, ALLY_EUSER, "partner",
				    "the row it refers to does not exist, or is still in use");
	case SQLITE_CONSTRAINT_CHECK:
		return ally_err_set(err, ALLY_EUSER, field, "value is not allowed here");
	default:
		return ally_err_set(err, ALLY_EUSER, field[0] ? field : NULL, "refused: %s", msg);
	}
}

/* Busy past the deadline.  ally's own writers queue (writer-lock.c), so
 * what held the lock this long is another program, or a reader that
 * kept the rollback journal's shared lock. */
static int busy_fail(struct store *s, struct ally_err *err)
{
	if (s->busy_ms >= 1000 && s->busy_ms % 1000 == 0)
		return ally_err_set(err, ALLY_EDB, "database",
				    "locked by another program or session for more than %d s (%s); "
				    "nothing was changed",
				    s->busy_ms / 1000, s->path);
	return ally_err_set(err, ALLY_EDB, "database",
			    "locked by another program or session for more than %d ms (%s); "
			    "nothing was changed",
			    s->busy_ms, s->path);
}

/* The file as opened (its device and inode), to tell a file deleted or
 * replaced since (another file, or none, at the path) from one that is
 * only read-only. */
static void remember_file(struct store *s)
{
	struct stat st;

	if (strcmp(s->path, ":memory:") != 0 && stat(s->path, &st) == 0) {
		s->dev = st.st_dev;
		s->ino = st.st_ino;
	}
}

bool store_file_gone(struct store *s)
{
	struct stat st;

	if (s->ino == 0)
		return false;
	return stat(s->path, &st) != 0 || st.st_dev != s->dev || st.st_ino != s->ino;
}

/* Why a write was refused as read-only: the file gone or replaced since
 * it was opened, the file itself read-only, or its folder (where the
 * journal goes). */
static int readonly_fail(struct store *s, int rc, struct ally_err *err)
{
	const char *f = s->path;
	char *dir = store_folder_of(f);
	if (rc == SQLITE_READONLY_DBMOVED || store_file_gone(s)) {
		ally_err_set(err, ALLY_EDB, "database",
			     "%s was deleted or replaced while open; nothing was changed; start ally "
			     "again to open what is there now",
			     f);
		ally_err_because(err, AR_GONE);
	} else if (access(f, W_OK) != 0 && errno == EACCES) {
		ally_err_set(err, ALLY_EDB, "database",
			     "%s is read-only for you (see its mode with 'ls -l'); nothing was changed",
			     f);
		ally_err_because(err, AR_READONLY_FILE);
	} else if (rc == SQLITE_READONLY_DIRECTORY || access(dir, W_OK) != 0) {
		ally_err_set(err, ALLY_EDB, "database",
			     "the folder %s is read-only for you, and a change needs to write its "
			     "journal there; nothing was changed",
			     dir);
		ally_err_because(err, AR_READONLY_DIR);
	} else {
		ally_err_set(err, ALLY_EDB, "database", "%s is read-only; nothing was changed", f);
		ally_err_because(err, AR_READONLY_FILE);
	}
	free(dir);
	return ALLY_EDB;
}

int store_fail(struct store *s, int rc, struct ally_err *err)
{
	const char *f = s->path;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		busy_fail(s, err);
		return ally_err_because(err, AR_LOCKED);
	case SQLITE_FULL:
		ally_err_set(err, ALLY_EDB, "database", "disk full; nothing was changed");
		return ally_err_because(err, AR_DISK_FULL);
	case SQLITE_NOMEM:
		ally_err_set(err, ALLY_EDB, "database", "out of memory; nothing was changed");
		return ally_err_because(err, AR_NO_MEMORY);
	case SQLITE_READONLY:
		return readonly_fail(s, rc, err);
	case SQLITE_CORRUPT:
		/* No session writes to it again until a check passes. */
		store_mark_damaged(s, sqlite3_errmsg(s->db));
		ally_err_set(err, ALLY_EDB, "database",
			     "%s is damaged (corrupt); nothing was changed; run 'ally check', "
			     "and restore a copy made with 'ally backup'",
			     f);
		return ally_err_because(err, AR_CORRUPT);
	case SQLITE_NOTADB:
		return ally_err_set(err, ALLY_EDB, "database", "%s is not an ally database", f);
	case SQLITE_CANTOPEN:
		return ally_err_set(err, ALLY_EDB, "database", "cannot open %s: %s", f,
				    strerror(sqlite3_system_errno(s->db)));
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return ally_err_set(err, ALLY_EDB, "database", "%s: permission denied", f);
	case SQLITE_IOERR:
		return ally_err_set(err, ALLY_EDB, "database",
				    "cannot read or write %s (I/O error); nothing was changed", f);
	case SQLITE_CONSTRAINT:
		return constraint_fail(s, err);
	default:
		return ally_err_set(err, ALLY_EDB, "database", "%s: %s", f, sqlite3_errmsg(s->db));
	}
}

/* The slot of sql in the statement cache: its own, or the empty one
 * where it would go.  cache_cap is a power of two, never full. */
static struct stmt_slot *cache_slot(struct store *s, const char *sql)
{
	size_t mask = s->cache_cap - 1;
	size_t i = (size_t)(((uintptr_t)sql >> 3) * UINT64_C(0x9E3779B97F4A7C15) >> 32) & mask;

	while (s->cache[i].sql != NULL && s->cache[i].sql != sql)
		i = (i + 1) & mask;
	return &s->cache[i];
}

/* Room for one more statement: the table doubles at half full. */
static void cache_grow(struct store *s)
{
	struct stmt_slot *old = s->cache;
	size_t old_cap = s->cache_cap;

	if (s->cache_n * 2 < s->cache_cap)
		return;
	s->cache_cap = old_cap ? old_cap * 2 : 128;
	s->cache = xcalloc(s->cache_cap, sizeof *s->cache);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].sql != NULL)
			*cache_slot(s, old[i].sql) = old[i];
	free(old);
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct ally_err *err)
{
	struct stmt_slot *slot;
	int rc;

	cache_grow(s);
	slot = cache_slot(s, sql);
	*st = slot->st;
	if (*st != NULL) {
		/* In use further up the stack: resetting it would cut that short. */
		if (sqlite3_stmt_busy(*st)) {
			*st = NULL;
			return ally_err_set(err, ALLY_EDB, "database",
					    "internal error: a statement is used twice at once");
		}
		return ALLY_OK;
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
		return store_fail(s, rc, err);
	}
	slot->sql = sql;
	slot->st = *st;
	s->cache_n++;
	return ALLY_OK;
}

void store_release(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Finalize every cached statement (before the connection closes). */
static void cache_free(struct store *s)
{
	for (size_t i = 0; i < s->cache_cap; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	s->cache = NULL;
	s->cache_cap = s->cache_n = 0;
}

int store_step(struct store *s, sqlite3_stmt *st, struct ally_err *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return -store_fail(s, rc, err);
}

int store_step_done(struct store *s, sqlite3_stmt *st, struct ally_err *err)
{
	int rc = sqlite3_step(st);

	while (rc == SQLITE_ROW) /* a PRAGMA that echoes its value */
		rc = sqlite3_step(st);
	/* Map before the reset, while the connection still holds the detail. */
	rc = rc == SQLITE_DONE ? ALLY_OK : store_fail(s, rc, err);
	store_release(st);
	return rc;
}

int store_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, struct ally_err *err)
{
	int rc = store_step(s, st, err);

	*out = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

static int64_t now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static void sleep_us(int64_t us)
{
	const struct timespec pause = { (time_t)(us / 1000000), (long)(us % 1000000) * 1000L };

	nanosleep(&pause, NULL);
}

/* A scope shares one deadline among all its waits; the outermost resets
 * it on the way in and out. */
static void scope_enter(struct store *s)
{
	if (s->scope++ == 0)
		s->deadline = 0;
}

static void scope_leave(struct store *s)
{
	if (--s->scope == 0)
		s->deadline = 0;
}

/* Arm the deadline busy_ms from now unless a scope armed it already (a
 * new wait outside scopes arms its own); the microseconds left. */
static int64_t deadline_left(struct store *s, bool new_wait)
{
	int64_t now = now_us();

	if (s->deadline == 0 || (new_wait && s->scope == 0))
		s->deadline = now + (int64_t)s->busy_ms * 1000;
	return s->deadline - now;
}

/* SQLite's busy handler: sleep a little and retry until the deadline,
 * then give up.  Writers queue before they get here (writer-lock.c), so
 * what waits here is a reader held off by a commit, or a commit held off
 * by readers, for milliseconds: SQLite's own handler sleeps up to 100 ms
 * between tries, which made a reader wait ten times as long as the
 * commit it waited for (32 writers: p99 1 s), so no sleep is longer than
 * 5 ms. */
static int busy_wait(void *arg, int count)
{
	static const int delays_ms[] = { 1, 1, 2, 2, 5 };
	const int n = (int)(sizeof delays_ms / sizeof delays_ms[0]);
	struct store *s = arg;
	int64_t left = deadline_left(s, count == 0);
	int64_t delay = (int64_t)(count < n ? delays_ms[count] : 5) * 1000;

	if (left <= 0)
		return 0;
	sleep_us(delay < left ? delay : left);
	return 1;
}

/* sqlite3_step, stepped again while SQLite says busy, until the deadline
 * the busy handler shares: SQLite skips the handler where waiting could
 * deadlock, as when several processes switch a new file to WAL at once.
 * Only for statements that hold no lock once they fail (BEGIN IMMEDIATE,
 * PRAGMA journal_mode). */
static int step_patient(struct store *s, sqlite3_stmt *st)
{
	int64_t left;
	int rc;

	scope_enter(s);
	deadline_left(s, false);
	while (((rc = sqlite3_step(st)) & 0xff) == SQLITE_BUSY &&
	       (left = deadline_left(s, false)) > 0) {
		sqlite3_reset(st);
		sleep_us(left < 5000 ? left : 5000);
	}
	scope_leave(s);
	return rc;
}

void store_arm_deadline(struct store *s, int64_t us)
{
	s->deadline = now_us() + us;
}

/* BEGIN IMMEDIATE: the write lock, after our turn among ally's writers
 * (writer-lock.c), waiting up to busy_ms for SQLite's. */
static int begin_immediate(struct store *s, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_BEGIN_IMMEDIATE, &st, err), step;

	if (rc != ALLY_OK || (rc = store_refuse_damaged(s, err)) != ALLY_OK)
		return rc;
	/* SQLite would go on writing to a deleted file's inode: a change
	 * nobody would ever see. */
	if (store_file_gone(s))
		return readonly_fail(s, SQLITE_READONLY_DBMOVED, err);
	scope_enter(s);
	rc = writer_lock_take(s, err);
	if (rc == ALLY_OK) {
		step = step_patient(s, st);
		rc = step == SQLITE_DONE ? ALLY_OK : store_fail(s, step, err);
		if (rc != ALLY_OK)
			writer_lock_release(s, (step & 0xff) == SQLITE_BUSY);
	}
	scope_leave(s);
	store_release(st);
	s->change_id = 0; /* a new transaction is a new change */
	return rc;
}

int store_exec1(struct store *s, const char *sql, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	return rc != ALLY_OK ? rc : store_step_done(s, st, err);
}

int store_query_int(struct store *s, const char *sql, int64_t key, int64_t *out,
		    struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	*out = 0;
	if (rc != ALLY_OK)
		return rc;
	if (sqlite3_bind_parameter_count(st) > 0)
		bind_int(st, 1, key);
	return store_step_int(s, st, out, err);
}

int store_user_version(struct store *s, int64_t *out, struct ally_err *err)
{
	return store_query_int(s, SQL_USER_VERSION, 0, out, err);
}

int store_newer_fail(int64_t version, struct ally_err *err)
{
	return ally_err_set(err, ALLY_EDB, "database",
			    "written by a newer ally (schema %lld, this ally knows up to %d); not changed",
			    (long long)version, store_schema_latest());
}

/* The three marks of an ally database, read in one read transaction:
 * read one by one, another process migrating the new file in between
 * would show tables without our application_id. */
static int read_identity(struct store *s, int64_t *app, int64_t *tables, int64_t *version,
			 struct ally_err *err)
{
	bool own;
	int rc = rtx_begin(s, &own, err);

	if (rc != ALLY_OK)
		return rc;
	if ((rc = store_query_int(s, SQL_APPLICATION_ID, 0, app, err)) == ALLY_OK &&
	    (rc = store_query_int(s, SQL_COUNT_SCHEMA, 0, tables, err)) == ALLY_OK)
		rc = store_user_version(s, version, err);
	rtx_end(s, own);
	return rc;
}

/* Refuse a file that another program owns, or a newer ally wrote, before
 * anything (even the journal mode) is written to it. */
static int check_identity(struct store *s, struct ally_err *err)
{
	int64_t app, tables, version;
	int rc = read_identity(s, &app, &tables, &version, err);

	if (rc != ALLY_OK)
		return rc;
	if ((app != 0 && app != STORE_APPLICATION_ID) || (app == 0 && tables > 0))
		return ally_err_set(err, ALLY_EDB, "database", "%s is not an ally database",
				    s->path);
	if (version > store_schema_latest())
		return store_newer_fail(version, err);
	return ALLY_OK;
}

static int set_journal(struct store *s, enum store_journal want, struct ally_err *err)
{
	const char *sql = SQL_JOURNAL_GET;
	sqlite3_stmt *st;
	int rc;

	if (!s->readonly && strcmp(s->path, ":memory:") != 0) {
		if (want == STORE_JOURNAL_AUTO)
			want = store_wal_safe(sqlite3_libversion_number()) ? STORE_JOURNAL_WAL
									  : STORE_JOURNAL_ROLLBACK;
		sql = want == STORE_JOURNAL_WAL ? SQL_JOURNAL_WAL : SQL_JOURNAL_DELETE;
	}
	if ((rc = store_prepare(s, sql, &st, err)) != ALLY_OK)
		return rc;
	rc = step_patient(s, st);
	if (rc == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);

		snprintf(s->journal, sizeof s->journal, "%s", mode ? mode : "delete");
		for (char *c = s->journal; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? ALLY_OK : store_fail(s, rc, err);
	store_release(st);
	return rc;
}

/* Create a missing file ourselves so that it is private (0600) from the
 * first byte; SQLite would create it with the umask's mode. */
/* Check who may write the file and its folder (file-mode.c), then create
 * it when missing and allowed: 0600, or 0660 in a team folder, whatever
 * the umask. */
static int create_private(struct store *s, bool must_exist, struct ally_err *err)
{
	int fd, rc;

	if (strcmp(s->path, ":memory:") == 0)
		return ALLY_OK;
	if ((rc = store_check_modes(s->path, err)) != ALLY_OK)
		return rc;
	if (s->readonly)
		return ALLY_OK;
	if (must_exist) {
		if (access(s->path, F_OK) != 0 && errno == ENOENT)
			return ally_err_set(err, ALLY_EDB, NULL,
					    "no portfolio at %s; 'ally init' creates one", s->path),
			       ally_err_because(err, AR_NO_PORTFOLIO);
		return ALLY_OK;
	}
	fd = open(s->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return ally_err_set(err, ALLY_EDB, "database", "cannot create %s: %s", s->path,
				    strerror(errno));
	if (fd >= 0) {
		if (store_in_team_folder(s->path))
			fchmod(fd, 0660);
		close(fd);
	}
	return ALLY_OK;
}

/* ally_fold(text) in SQL: text_fold, so that a filter ignores letter case
 * in every script as names and the Portfolio search do (LIKE and lower()
 * fold ASCII only).  NULL gives NULL. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text;
	char *out;
	size_t len, i;

	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	text = (const char *)sqlite3_value_text(argv[0]);
	if (text == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	len = strlen(text);
	for (i = 0; i < len && (unsigned char)text[i] < 0x80; i++)
		;
	if (i < len) {
		sqlite3_result_text(ctx, text_fold(text), -1, free);
		return;
	}
	/* ASCII, most of a log: what text_fold does to it (the ASCII blanks
	 * trimmed, A-Z lowered), in one buffer SQLite takes over, as a
	 * filter reads every row of the log. */
	while (len > 0 && (text[len - 1] == ' ' || (text[len - 1] >= '\t' && text[len - 1] <= '\r')))
		len--;
	while (len > 0 && (*text == ' ' || (*text >= '\t' && *text <= '\r'))) {
		text++;
		len--;
	}
	out = sqlite3_malloc64(len + 1);
	if (out == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (i = 0; i < len; i++)
		out[i] = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] - 'A' + 'a') : text[i];
	out[len] = '\0';
	sqlite3_result_text64(ctx, out, len, sqlite3_free, SQLITE_UTF8);
}

static int db_connect(struct store *s, struct ally_err *err)
{
	int flags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc;

	if (strcmp(s->path, ":memory:") == 0)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CANTOPEN && sqlite3_system_errno(s->db) == 0)
			return ally_err_set(err, ALLY_EDB, "database", "cannot open %s", s->path);
		return store_fail(s, rc, err);
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_handler(s->db, busy_wait, s);
	rc = sqlite3_create_function_v2(s->db, "ally_fold", 1,
					SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
					sql_fold, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ALLY_OK : store_fail(s, rc, err);
}

struct store *store_open(const char *path, const struct store_opts *opts, struct ally_err *err)
{
	static const struct store_opts defaults = { .journal = STORE_JOURNAL_AUTO };
	struct store *s = xcalloc(1, sizeof *s);
	int rc;

	if (opts == NULL)
		opts = &defaults;
	s->path = xstrdup(path);
	s->user = xstrdup(opts->user != NULL && opts->user[0] != '\0' ? opts->user : "unknown");
	s->source = opts->source != NULL && opts->source[0] != '\0' ? xstrdup(opts->source) : NULL;
	s->busy_ms = opts->busy_ms > 0 ? opts->busy_ms : STORE_BUSY_MS_DEFAULT;
	s->readonly = opts->readonly;
	snprintf(s->journal, sizeof s->journal, "delete");
	s->lock_fd = -1;
	if ((rc = create_private(s, opts->must_exist, err)) != ALLY_OK ||
	    (rc = db_connect(s, err)) != ALLY_OK ||
	    (rc = store_exec1(s, SQL_FOREIGN_KEYS, err)) != ALLY_OK ||
	    (rc = store_exec1(s, SQL_SYNCHRONOUS, err)) != ALLY_OK ||
	    (rc = check_identity(s, err)) != ALLY_OK ||
	    (rc = set_journal(s, opts->journal, err)) != ALLY_OK) {
		store_close(s);
		return NULL;
	}
	remember_file(s);
	return s;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	cache_free(s);
	writer_lock_close(s);
	free(s->touched);
	free(s->named);
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s->user);
	free(s->source);
	free(s->change_what);
	store_import_forget(s);
	free(s);
}

const char *store_journal_mode(struct store *s)
{
	return s->journal;
}

const char *store_path(struct store *s)
{
	return s->path;
}

int64_t store_data_version(struct store *s)
{
	int64_t v = -1;
	struct ally_err err;

	store_query_int(s, SQL_DATA_VERSION, 0, &v, &err);
	return v;
}

int store_begin(struct store *s, struct ally_err *err)
{
	return begin_immediate(s, err);
}

int store_begin_read(struct store *s, struct ally_err *err)
{
	bool own;

	return rtx_begin(s, &own, err);
}

int store_commit(struct store *s, struct ally_err *err)
{
	int rc = derive_flush(s, err);

	if (rc == ALLY_OK)
		rc = store_exec1(s, SQL_COMMIT, err);

	if (rc != ALLY_OK)
		store_rollback(s);
	writer_lock_release(s, false);
	return rc;
}

void store_rollback(struct store *s)
{
	derive_forget(s);
	if (!sqlite3_get_autocommit(s->db))
		store_exec1(s, SQL_ROLLBACK, NULL);
	writer_lock_release(s, false);
}

/* Our own transaction is one scope: the wait for the write lock and the
 * commit's wait for readers share busy_ms. */
int tx_begin(struct store *s, struct tx *t, struct ally_err *err)
{
	int rc;

	t->own = sqlite3_get_autocommit(s->db) != 0;
	/* An import (store_import_begin) fails as a whole, rolled back by its
	 * caller: a savepoint per row would only cost two statements. */
	t->savepoint = !t->own && !s->importing;
	t->change_before = s->change_id;
	if (t->savepoint)
		return store_exec1(s, SQL_SAVEPOINT, err);
	if (!t->own)
		return ALLY_OK;
	scope_enter(s);
	if ((rc = begin_immediate(s, err)) != ALLY_OK) {
		scope_leave(s);
		t->own = false;
	}
	return rc;
}

int tx_end(struct store *s, struct tx *t, int rc, struct ally_err *err)
{
	if (t->own) {
		if (rc == ALLY_OK)
			rc = derive_flush(s, err);
		if (rc == ALLY_OK)
			rc = store_exec1(s, SQL_COMMIT, err);
		if (rc != ALLY_OK)
			store_rollback(s);
		writer_lock_release(s, false);
		scope_leave(s);
	} else if (t->savepoint) {
		/* An I/O error may have ended the caller's transaction already. */
		if (rc != ALLY_OK && !sqlite3_get_autocommit(s->db))
			store_exec1(s, SQL_ROLLBACK_TO, NULL);
		/* The change row may have gone with the savepoint. */
		if (rc != ALLY_OK)
			s->change_id = t->change_before;
		if (!sqlite3_get_autocommit(s->db)) {
			int r = store_exec1(s, SQL_RELEASE, rc == ALLY_OK ? err : NULL);

			if (rc == ALLY_OK)
				rc = r;
		}
	}
	t->own = t->savepoint = false;
	return rc;
}

int rtx_begin(struct store *s, bool *own, struct ally_err *err)
{
	*own = sqlite3_get_autocommit(s->db) != 0;
	return *own ? store_exec1(s, SQL_BEGIN, err) : ALLY_OK;
}

void rtx_end(struct store *s, bool own)
{
	if (own && !sqlite3_get_autocommit(s->db) && store_exec1(s, SQL_COMMIT, NULL) != ALLY_OK)
		store_rollback(s);
}
