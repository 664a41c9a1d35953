/* tui-test.c: fixtures and helpers of the interface's end-to-end tests. */
#include "tui-test.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ally/util.h"

struct vt *V;

void tui_setup(void)
{
	cli_setup();
	H.today = TUI_TODAY;
	V = NULL;
}

void tui_teardown(void)
{
	vt_free(V);
	V = NULL;
	cli_teardown();
}

TCase *tui_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, tui_setup, tui_teardown);
	return tc;
}

int tui_run_suite(Suite *s)
{
	/* No pseudo-terminal here (a bare container): meson shows SKIP. */
	if (!harness_have_pty()) {
		srunner_free(srunner_create(s)); /* frees s */
		return 77;
	}
	return cli_run_suite(s);
}

#define ENV_MAX 16

struct vt *tui_open(int rows, int cols, const char *const env[])
{
	const char *bin = getenv("ALLY_BIN");
	const char *argv[] = { bin != NULL ? bin : "build/ally", "--db", H.db, NULL };
	const char *e[ENV_MAX + 3] = { "ALLY_TODAY=" TUI_TODAY, "ALLY_USER=tester", NULL };
	int n = 2;

	for (int i = 0; env != NULL && env[i] != NULL && n < ENV_MAX; i++)
		e[n++] = env[i];
	e[n] = NULL;
	return vt_spawn(argv, e, rows, cols);
}

struct vt *tui_open_at(int rows, int cols, const char *const env[], const char *text)
{
	struct vt *vt = tui_open(rows, cols, env);

	if (!vt_wait_text(vt, text, T_WAIT)) {
		char *screen = vt_screen(vt);
		int st = vt_wait_exit(vt, 0);

		ck_abort_msg("the interface did not show '%s' (exit %d); the screen:\n%s", text,
			     st, screen);
	}
	return vt;
}

void tui_quit(struct vt *vt)
{
	int st;

	/* Esc leaves a detail, a menu or the help; q then quits a top view
	 * (or leaves a detail that Esc did not). */
	for (int i = 0; i < 3; i++) {
		KEY(vt, "q");
		st = vt_wait_exit(vt, 1000 * TUI_SLOW);
		if (st >= 0)
			break;
	}
	if (st < 0)
		ck_abort_msg("q did not quit; the screen:\n%s", vt_screen(vt));
	ck_assert_msg(st == 0, "exit status %d after q", st);
	ck_assert_msg(!vt_altscreen(vt), "the alternate screen is still on after quitting");
	ck_assert_msg(vt_cursor_visible(vt), "the cursor is still hidden after quitting");
}

static bool row_has(struct vt *vt, const char *name, const char *cell)
{
	int row = vt_find_row(vt, name);
	char *line = row >= 0 ? vt_line(vt, row) : NULL;
	bool hit = line != NULL && strstr(line, cell) != NULL;

	free(line);
	return hit;
}

bool tui_wait_row_has(struct vt *vt, const char *name, const char *cell, int ms)
{
	for (int waited = 0;; waited += 20) {
		vt_pump(vt, 0);
		if (row_has(vt, name, cell)) {
			vt_settle(vt, VT_QUIET_MS, 2000);
			if (row_has(vt, name, cell))
				return true;
		}
		if (waited >= ms)
			return false;
		vt_pump(vt, 20);
	}
}

void tui_search(struct vt *vt, const char *text)
{
	KEY(vt, "/");
	KEY(vt, text);
	KEY(vt, K_ENTER);
}

/* Is label an item of the menu on screen, and is it the selected one?
 * Menu items read "* label" (the preselected item) or "  label", after
 * the menu's mark "> " on the selected one. */
static bool menu_item(struct vt *vt, const char *label, bool *selected)
{
	static const char *const forms[] = { "> * ", ">   ", "  * ", "    " };
	bool found = false;

	*selected = false;
	for (int row = 0; row < vt_rows(vt); row++) {
		char *line = vt_line(vt, row);

		for (int i = 0; i < 4; i++) {
			size_t lead = strlen(forms[i]), n = strlen(label);

			for (char *at = strstr(line, forms[i]); at != NULL;
			     at = strstr(at + 1, forms[i])) {
				char after;

				if (strncmp(at + lead, label, n) != 0)
					continue;
				/* The whole label: "red", not "reddish". */
				after = at[lead + n];
				if (isalnum((unsigned char)after) || after == '_')
					continue;
				found = true;
				if (i < 2)
					*selected = true;
			}
		}
		free(line);
	}
	return found;
}

/* Press key and wait until the screen changes; false when it does not
 * (the selection is already at that end of the list). */
static bool move_selection(struct vt *vt, const char *key)
{
	char *before = vt_screen(vt), *now = NULL;
	bool moved = false;

	KEY(vt, key);
	for (int waited = 0; waited < 1000 * TUI_SLOW && !moved; waited += 20) {
		vt_pump(vt, 20);
		free(now);
		now = vt_screen(vt);
		moved = strcmp(before, now) != 0;
	}
	if (moved)
		vt_settle(vt, 30, 1000);
	free(before);
	free(now);
	return moved;
}

void tui_menu_pick(struct vt *vt, const char *label)
{
	const char *dir = K_DOWN;
	bool selected = false;
	int moves = 0;

	for (int waited = 0; !menu_item(vt, label, &selected); waited += 50) {
		if (waited >= T_WAIT)
			ck_abort_msg("no menu item '%s'; the screen:\n%s", label, vt_screen(vt));
		vt_pump(vt, 50);
	}
	vt_settle(vt, 50, 1000);
	for (;;) {
		if (!menu_item(vt, label, &selected))
			ck_abort_msg("'%s' left the menu; the screen:\n%s", label, vt_screen(vt));
		if (selected)
			break;
		if (moves++ > 80)
			ck_abort_msg("could not select '%s'; the screen:\n%s", label,
				     vt_screen(vt));
		if (!move_selection(vt, dir)) {
			if (strcmp(dir, K_UP) == 0)
				ck_abort_msg("'%s' is never selected; the screen:\n%s", label,
					     vt_screen(vt));
			dir = K_UP;
		}
	}
	KEY(vt, K_ENTER);
}

#define ARGS_MAX 16

char *tui_cli(const char *arg, ...)
{
	const char *a[ARGS_MAX + 1] = { NULL };
	struct run r;
	va_list ap;
	int n = 0;
	char *out;

	a[n++] = arg;
	va_start(ap, arg);
	while (n < ARGS_MAX && (a[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	run_ally(&H, &r, NULL, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
		 a[10], a[11], a[12], a[13], a[14], a[15], (char *)NULL);
	ck_assert_msg(r.status == 0, "ally %s %s %s: exit %d: %s", a[0], a[1] ? a[1] : "",
		      a[2] ? a[2] : "", r.status, r.err);
	out = r.out;
	r.out = NULL;
	run_finish(&r);
	return out;
}

char *tui_partner_field(const char *partner, const char *field)
{
	char *out = tui_cli("partner", "show", partner, "--format", "json", NULL);
	json_t *obj = parse_json(out), *v = json_object_get(obj, field);
	char *r = NULL;

	ck_assert_msg(v != NULL, "partner show has no %s: %s", field, out);
	if (json_is_string(v))
		r = xstrdup(json_string_value(v));
	else if (!json_is_null(v))
		r = json_dumps(v, JSON_ENCODE_ANY);
	json_decref(obj);
	free(out);
	return r;
}

void tui_import_partners(const char *csv)
{
	const char *path = harness_write(&H, "partners.csv", csv);

	free(tui_cli("import", "partners", path, NULL));
}

void tui_demo(void)
{
	free(tui_cli("demo", NULL));
}

static sqlite3 *db_open(int flags)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(H.db, &db, flags, NULL) != SQLITE_OK)
		ck_abort_msg("cannot open %s: %s", H.db, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 5000);
	return db;
}

int64_t tui_sql_int(const char *sql)
{
	sqlite3 *db = db_open(SQLITE_OPEN_READONLY);
	sqlite3_stmt *st = NULL;
	int64_t v;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) != SQLITE_ROW)
		ck_abort_msg("%s: no row (%s)", sql, sqlite3_errmsg(db));
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

char *tui_sql_text(const char *sql)
{
	sqlite3 *db = db_open(SQLITE_OPEN_READONLY);
	sqlite3_stmt *st = NULL;
	const unsigned char *t;
	char *v;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) != SQLITE_ROW)
		ck_abort_msg("%s: no row (%s)", sql, sqlite3_errmsg(db));
	t = sqlite3_column_text(st, 0);
	v = t != NULL ? xstrdup((const char *)t) : NULL;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

void tui_sql_exec(const char *sql)
{
	sqlite3 *db = db_open(SQLITE_OPEN_READWRITE);
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

bool tui_db_intact(void)
{
	char *r = tui_sql_text("PRAGMA integrity_check");
	bool ok = r != NULL && strcmp(r, "ok") == 0;

	free(r);
	return ok;
}
