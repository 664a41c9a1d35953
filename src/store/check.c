/* check.c: is the database whole?  SQLite's own checks (the file's pages
 * and indexes, the foreign keys), then the rules ally keeps that SQL
 * constraints cannot say: each check is one query whose rows are the
 * problems it found, as sentences, so that a report needs no other
 * knowledge of the schema.  And the damage mark: once any session meets
 * a damaged page, no session writes until a check passes again. */
#include "store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ally/enums.h"
#include "ally/util.h"

/* At most this many problems of one check are listed; all are counted. */
#define CHECK_LIST_MAX 10

static const char SQL_INTEGRITY[] = "SELECT * FROM pragma_integrity_check(100)";
static const char SQL_FOREIGN_KEYS[] =
	"SELECT printf('%s row %d refers to a missing %s row', \"table\", rowid, parent) "
	"FROM pragma_foreign_key_check";
/* ?1, ?2: the phase and type names as JSON arrays (the core's tables). */
static const char SQL_PHASE_TYPE[] =
	"SELECT printf('partner %d: phase %Q, type %Q', id, phase, type) FROM partners "
	"WHERE phase NOT IN (SELECT value FROM json_each(?1)) "
	"   OR type NOT IN (SELECT value FROM json_each(?2))";
static const char SQL_CONTRACT_DATES[] =
	"SELECT printf('contract %d: starts %s, after its end %s', id, start_date, end_date) "
	"FROM contracts WHERE status = 'active' AND start_date > end_date";
/* Terms: each the day after the one before; the first starts with the
 * contract, the last ends with it; every contract has one. */
static const char SQL_TERMS[] =
	"WITH t AS (SELECT contract_id, start_date, end_date, "
	"    lag(end_date) OVER w AS prev_end, row_number() OVER w AS n, "
	"    count(*) OVER (PARTITION BY contract_id) AS total "
	"  FROM contract_terms WINDOW w AS (PARTITION BY contract_id ORDER BY start_date, id)) "
	"SELECT printf('contract %d: term %d starts %s, not the day after %s', contract_id, n, "
	"    start_date, prev_end) "
	"  FROM t WHERE prev_end IS NOT NULL AND start_date <> date(prev_end, '+1 day') "
	"UNION ALL SELECT printf('contract %d: its first term starts %s, the contract %s', "
	"    c.id, t.start_date, c.start_date) "
	"  FROM t JOIN contracts c ON c.id = t.contract_id "
	"  WHERE t.n = 1 AND t.start_date <> c.start_date "
	"UNION ALL SELECT printf('contract %d: its last term ends %s, the contract %s', "
	"    c.id, t.end_date, c.end_date) "
	"  FROM t JOIN contracts c ON c.id = t.contract_id "
	"  WHERE t.n = t.total AND t.end_date <> c.end_date "
	"UNION ALL SELECT printf('contract %d: no term in its history', c.id) FROM contracts c "
	"  WHERE NOT EXISTS (SELECT 1 FROM contract_terms WHERE contract_id = c.id)";
static const char SQL_VERSIONS[] =
	"SELECT printf('partner %d: version %d', id, version) FROM partners WHERE version < 1 "
	"UNION ALL SELECT printf('contract %d: version %d', id, version) FROM contracts "
	"  WHERE version < 1";
/* A change's id is the id of its first audit row: never after a row. */
static const char SQL_AUDIT[] =
	"SELECT printf('audit row %d: its change %d comes after it', id, change_id) "
	"  FROM audit_log WHERE change_id > id "
	"UNION ALL SELECT printf('audit row %d: its change %d is missing', a.id, a.change_id) "
	"  FROM audit_log a WHERE a.change_id IS NOT NULL "
	"  AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.id = a.change_id)";

static const struct {
	const char *name;
	const char *sql;
} checks[] = {
	{ "pages and indexes", SQL_INTEGRITY },   { "foreign keys", SQL_FOREIGN_KEYS },
	{ "phases and types", SQL_PHASE_TYPE },   { "contract dates", SQL_CONTRACT_DATES },
	{ "renewal terms", SQL_TERMS },           { "versions", SQL_VERSIONS },
	{ "audit log", SQL_AUDIT },
};

/* names as a JSON array of strings; they are plain words. */
static char *names_json(const char *const *names)
{
	size_t len = 3;
	char *out, *p;

	for (int i = 0; names[i] != NULL; i++)
		len += strlen(names[i]) + 3;
	out = p = xmalloc(len);
	*p++ = '[';
	for (int i = 0; names[i] != NULL; i++)
		p += sprintf(p, "%s\"%s\"", i ? "," : "", names[i]);
	*p++ = ']';
	*p = '\0';
	return out;
}

static void result_add(struct check_result *r, const char *problem)
{
	r->count++;
	if (r->nproblems < CHECK_LIST_MAX) {
		r->problems = xrealloc(r->problems, (r->nproblems + 1) * sizeof *r->problems);
		r->problems[r->nproblems++] = xstrdup(problem != NULL ? problem : "?");
	}
}

/* integrity_check's rows may hold several lines: one problem each,
 * without its "ok" and its heading. */
static void add_lines(struct check_result *r, const char *text)
{
	char *copy, *line, *save = NULL;

	if (text == NULL || strcmp(text, "ok") == 0)
		return;
	copy = xstrdup(text);
	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "*** in database", 15) != 0)
			result_add(r, line);
	free(copy);
}

/* One check into r.  A query that fails (a damaged page on its way) is
 * itself a problem of that check, and the next check still runs. */
static void run_one(struct store *s, int i, struct check_result *r)
{
	char *phases = NULL, *types = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	r->name = checks[i].name;
	rc = sqlite3_prepare_v2(s->db, checks[i].sql, -1, &st, NULL);
	if (rc == SQLITE_OK && checks[i].sql == SQL_PHASE_TYPE) {
		phases = names_json(phase_names);
		types = names_json(partner_type_names);
		sqlite3_bind_text(st, 1, phases, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, types, -1, SQLITE_STATIC);
	}
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		const char *text;

		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		text = (const char *)sqlite3_column_text(st, 0);
		if (checks[i].sql == SQL_INTEGRITY)
			add_lines(r, text);
		else
			result_add(r, text);
	}
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		char *msg = xasprintf("could not be checked: %s", sqlite3_errmsg(s->db));

		if ((rc & 0xff) == SQLITE_CORRUPT)
			store_mark_damaged(s, sqlite3_errmsg(s->db));
		result_add(r, msg);
		free(msg);
	}
	sqlite3_finalize(st);
	free(phases);
	free(types);
	r->ok = r->count == 0;
}

static void result_finish(struct check_result *r)
{
	for (size_t i = 0; i < r->nproblems; i++)
		free(r->problems[i]);
	free(r->problems);
}

int store_check(struct store *s, int (*fn)(void *ctx, const struct check_result *r, struct ally_err *err),
		void *ctx, bool *all_ok, struct ally_err *err)
{
	bool own;
	int rc = rtx_begin(s, &own, err);

	*all_ok = true;
	for (size_t i = 0; rc == ALLY_OK && i < sizeof checks / sizeof checks[0]; i++) {
		struct check_result r = { NULL, true, NULL, 0, 0 };

		run_one(s, (int)i, &r);
		*all_ok = *all_ok && r.ok;
		rc = fn(ctx, &r, err);
		result_finish(&r);
	}
	rtx_end(s, own);
	if (rc == ALLY_OK && *all_ok)
		store_clear_damaged(s);
	return rc;
}

/* ---- the damage mark: PATH-damaged ---- */

static char *mark_path(const struct store *s)
{
	return xasprintf("%s-damaged", s->path);
}

void store_mark_damaged(struct store *s, const char *what)
{
	char *path, stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	FILE *f;
	int fd;

	if (s->damaged || strcmp(s->path, ":memory:") == 0)
		return;
	s->damaged = true;
	path = mark_path(s);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
		  store_in_team_folder(s->path) ? 0660 : 0600);
	if (fd >= 0 && (f = fdopen(fd, "w")) != NULL) {
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M UTC", &tm);
		fprintf(f, "%s by %s: %s\n", stamp, s->user, what);
		fclose(f);
	} else if (fd >= 0) {
		close(fd);
	}
	free(path);
}

void store_clear_damaged(struct store *s)
{
	char *path = mark_path(s);

	if (unlink(path) == 0 || errno == ENOENT)
		s->damaged = false;
	free(path);
}

int store_refuse_damaged(struct store *s, struct ally_err *err)
{
	char *path, line[256] = "";
	FILE *f;

	if (strcmp(s->path, ":memory:") == 0)
		return ALLY_OK;
	path = mark_path(s);
	f = fopen(path, "r");
	free(path);
	if (f == NULL && !s->damaged)
		return ALLY_OK;
	if (f != NULL) {
		if (fgets(line, sizeof line, f) != NULL)
			line[strcspn(line, "\n")] = '\0';
		fclose(f);
	}
	ally_err_set(err, ALLY_EDB, "database",
		     "%s is damaged%s%s%s; nothing is written until 'ally check' passes "
		     "(restore a copy made with 'ally backup' if it does not); nothing was "
		     "changed",
		     s->path, line[0] ? " (found " : "", line, line[0] ? ")" : "");
	return ally_err_because(err, AR_CORRUPT);
}
