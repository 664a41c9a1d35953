/* fixture.c: a migrated database in a fresh temporary directory. */
#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ally/util.h"

enum store_journal fx_journal = STORE_JOURNAL_ROLLBACK;
struct store *fx_store;
char fx_dir[64];
char fx_path[128];

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[512];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

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
	remove_dir(fx_dir);
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
