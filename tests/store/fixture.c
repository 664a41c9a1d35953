/* fixture.c: a migrated database in a fresh temporary directory. */
#include "fixture.h"
#include "tmpdir.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/store/store-private.h"
#include "ally/util.h"

enum store_journal fx_journal = STORE_JOURNAL_ROLLBACK;
struct store *fx_store;
char fx_dir[64];
char fx_path[128];

struct store *fx_open(const char *user, int busy_ms)
{
	struct store_opts o = { .journal = fx_journal, .busy_ms = busy_ms, .user = user };
	struct ally_err err = { 0 };
	struct store *s = store_open(fx_path, &o, &err);

	ck_assert_msg(s != NULL, "store_open: %s", err.msg);
	ck_assert_ok(store_migrate(s, &err), err);
	return s;
}

void fx_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(fx_dir, sizeof fx_dir, "%s/ally-store-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(fx_dir));
	snprintf(fx_path, sizeof fx_path, "%s/test.db", fx_dir);
	fx_store = fx_open("tester", 0);
}

void fx_teardown(void)
{
	store_close(fx_store);
	fx_store = NULL;
	tmpdir_remove(fx_dir);
}

ally_date D(const char *iso)
{
	ally_date d = DATE_NONE;

	ck_assert_msg(date_parse(iso, &d), "bad date in test: %s", iso);
	return d;
}

int64_t fx_partner(const char *name, int type)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = type;
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	id = p.id;
	partner_finish(&p);
	return id;
}

int64_t fx_contract(int64_t partner_id, const char *title, const char *start, const char *end,
		    bool auto_renew, int notice_days)
{
	struct ally_err err = { 0 };
	struct contract c;
	int64_t id;

	contract_init(&c);
	c.partner_id = partner_id;
	c.title = xstrdup(title);
	c.start_date = D(start);
	c.end_date = D(end);
	c.auto_renew = auto_renew;
	c.notice_days = notice_days;
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	id = c.id;
	contract_finish(&c);
	return id;
}

static bool match(const char *want, const char *got)
{
	if (want == NULL)
		return true;
	if (*want == '\0')
		return got == NULL;
	return got != NULL && strcmp(want, got) == 0;
}

int fx_audit_count(const char *tbl, const char *field, const char *old_v, const char *new_v)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	int n = 0;

	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &l, &err), err);
	for (size_t i = 0; i < l.n; i++) {
		struct audit_entry *e = &l.rows[i];

		n += strcmp(e->tbl, tbl) == 0 && strcmp(e->field, field) == 0 &&
		     match(old_v, e->old_value) && match(new_v, e->new_value);
	}
	audit_list_finish(&l);
	return n;
}

static int trace_cb(unsigned type, void *ctx, void *p, void *x)
{
	struct fx_traced *t = ctx;
	const char *sql = sqlite3_sql(p);
	const char *prefix = t->prefix != NULL ? t->prefix : "SELECT";

	(void)type;
	(void)x;
	if (t->n < 32 && sql != NULL && strncmp(sql, prefix, strlen(prefix)) == 0)
		t->sql[t->n++] = xstrdup(sql);
	return 0;
}

void fx_trace_start(struct fx_traced *t)
{
	t->n = 0;
	sqlite3_trace_v2(fx_store->db, SQLITE_TRACE_STMT, trace_cb, t);
}

void fx_trace_stop(void)
{
	sqlite3_trace_v2(fx_store->db, 0, NULL, NULL);
}

void fx_traced_free(struct fx_traced *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->sql[i]);
	t->n = 0;
}

/* The lines of sql's query plan, joined by newlines; the caller frees. */
/* The store's ally_fold on a plain connection: a
 * plan needs the name only, never its value. */
static void fold_stub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_value(ctx, argv[0]);
}

static char *plan_of(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_create_function_v2(db, "ally_fold", 1,
						    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
						    fold_stub, NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, eqp, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		buf_puts(&b, (const char *)sqlite3_column_text(st, 3));
		buf_putc(&b, '\n');
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(eqp);
	return buf_take(&b);
}

void fx_assert_plan_has(const char *sql, const char *want)
{
	char *plan = plan_of(sql);

	ck_assert_msg(strstr(plan, want) != NULL, "%s\nplan lacks: %s\nplan:\n%s", sql, want,
		      plan);
	free(plan);
}

void fx_assert_plan_lacks(const char *sql, const char *unwanted)
{
	char *plan = plan_of(sql);

	ck_assert_msg(strstr(plan, unwanted) == NULL, "%s\nplan has: %s\nplan:\n%s", sql,
		      unwanted, plan);
	free(plan);
}

void fx_assert_no_scan(const char *sql, const char *const *tables)
{
	char *plan = plan_of(sql);

	for (const char *const *t = tables; *t != NULL; t++) {
		char scan[64];

		snprintf(scan, sizeof scan, "SCAN %s", *t);
		for (const char *line = plan; *line; line = strchr(line, '\n') + 1)
			ck_assert_msg(strncmp(line, scan, strlen(scan)) != 0 ||
					      (line[strlen(scan)] != '\n' && line[strlen(scan)] != ' '),
				      "%s\nplan:\n%s", sql, plan);
	}
	ck_assert_msg(strstr(plan, "SEARCH") != NULL, "no index search in: %s\nplan:\n%s", sql,
		      plan);
	free(plan);
}

void fx_refuse_audit(bool on)
{
	const char *sql = on ? "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log "
			       "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
			     : "DROP TRIGGER temp.refuse_audit";

	ck_assert_int_eq(sqlite3_exec(fx_store->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

int fx_run(Suite *s, int argc, char **argv)
{
	SRunner *sr;
	int failed;

	if (argc > 1 && strcmp(argv[1], "wal") == 0)
		fx_journal = STORE_JOURNAL_WAL;
	else if (argc > 1 && strcmp(argv[1], "auto") == 0)
		fx_journal = STORE_JOURNAL_AUTO;
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
