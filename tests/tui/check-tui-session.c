/* check-tui-session.c: the interface as one process among others: how it
 * leaves (q, SIGTERM, SIGHUP in the middle of an edit) and what it leaves
 * behind, other sessions' changes showing without a key, a terminal with
 * neither colour nor much else (vt100), and text from the database that
 * must never act on the terminal. */
#include "tui-test.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ally/util.h"

/* The state folder (where a form left open at a stop keeps what was
 * typed) in the test's directory, never the home of whoever runs the
 * tests: the environment for tui_open, valid until the next call. */
static const char *const *state_env(void)
{
	static char var[sizeof H.dir + 32];
	static const char *const env[] = { var, NULL };

	snprintf(var, sizeof var, "XDG_STATE_HOME=%s/state", H.dir);
	return env;
}

/* What must not change when nothing was saved: the partner's row as
 * stored (its version moves with every update), its status history and
 * the audit log. */
static char *db_state(void)
{
	char *row = tui_sql_text("SELECT group_concat(id || '|' || name || '|' || version || '|' "
				 "|| coalesce(health, '') || '|' || coalesce(status_note, '') "
				 "|| '|' || updated_at, ';') FROM partners");
	char *s = xasprintf("%s #status %lld #audit %lld #moves %lld", row != NULL ? row : "",
			    (long long)tui_sql_int("SELECT count(*) FROM status_updates"),
			    (long long)tui_sql_int("SELECT count(*) FROM audit_log"),
			    (long long)tui_sql_int("SELECT count(*) FROM phase_moves"));

	free(row);
	return s;
}

/* After the program left: the database passes SQLite's check and the
 * command line still reads it. */
static void check_db_usable(const char *name)
{
	char *out;

	ck_assert_msg(tui_db_intact(), "PRAGMA integrity_check is not ok");
	out = tui_cli("partner", "list", NULL);
	ck_assert_msg(strstr(out, name) != NULL, "partner list lacks %s: %s", name, out);
	free(out);
}

/* Find the last occurrence of needle in the raw output (-1: none). */
static long last_at(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	long at = -1;

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			at = (long)i;
	return at;
}

START_TEST(q_quits_and_restores_the_terminal)
{
	const char *raw;
	size_t len;

	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, NULL, "Northwind Labs");
	/* The interface draws on the alternate screen... */
	SCREEN_ASSERT(V, vt_altscreen(V));
	KEY(V, "q");
	ck_assert_int_eq(vt_wait_exit(V, T_WAIT), 0);
	/* ...and gives the terminal back as it found it. */
	ck_assert_msg(!vt_altscreen(V), "still on the alternate screen");
	ck_assert_msg(vt_cursor_visible(V), "the cursor is still hidden");
	raw = vt_output(V, &len);
	/* xterm-256color's rmcup after its last smcup. */
	ck_assert_msg(last_at(raw, len, "\x1b[?1049l") > last_at(raw, len, "\x1b[?1049h"),
		      "no rmcup after the last smcup");
}
END_TEST

START_TEST(sigterm_leaves_within_a_second_and_restores_the_terminal)
{
	int st;

	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, NULL, "Northwind Labs");
	SCREEN_ASSERT(V, vt_altscreen(V));
	vt_kill(V, SIGTERM);
	st = vt_wait_exit(V, T_SIGNAL);
	ck_assert_msg(st >= 0, "still running %d ms after SIGTERM", T_SIGNAL);
	ck_assert_msg(!vt_altscreen(V), "still on the alternate screen after SIGTERM");
	ck_assert_msg(vt_cursor_visible(V), "the cursor is still hidden after SIGTERM");
	check_db_usable("Northwind Labs");
}
END_TEST

START_TEST(sigterm_in_a_menu_leaves_too)
{
	int st;

	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, NULL, "Northwind Labs");
	KEY(V, "f");
	SEE(V, "Flagged only");
	vt_kill(V, SIGTERM);
	st = vt_wait_exit(V, T_SIGNAL);
	ck_assert_msg(st >= 0, "still running %d ms after SIGTERM in a menu", T_SIGNAL);
	ck_assert_msg(!vt_altscreen(V), "still on the alternate screen after SIGTERM");
}
END_TEST

START_TEST(sighup_in_an_edit_form_saves_nothing)
{
	char *before, *after;
	int st;

	add_partner("Northwind Labs", "technology");
	before = db_state();
	V = tui_open_at(24, 80, state_env(), "Northwind Labs");
	KEY(V, "e");
	/* The form is up with the name in it; type into it, unsaved. */
	SEE(V, "Website");
	KEY(V, "Unsaved Typing");
	SEE(V, "Unsaved Typing");
	vt_kill(V, SIGHUP);
	st = vt_wait_exit(V, T_SIGNAL);
	ck_assert_msg(st >= 0, "still running %d ms after SIGHUP", T_SIGNAL);
	ck_assert_msg(!vt_altscreen(V), "still on the alternate screen after SIGHUP");
	after = db_state();
	ck_assert_str_eq(after, before);
	check_db_usable("Northwind Labs");
	free(before);
	free(after);
}
END_TEST

START_TEST(sighup_in_a_status_form_saves_nothing)
{
	char *before, *after;
	int st;

	add_partner("Northwind Labs", "technology");
	free(tui_cli("status", "Northwind Labs", "--health", "green", "--note", "all fine", NULL));
	before = db_state();
	V = tui_open_at(24, 80, state_env(), "Northwind Labs");
	KEY(V, "h");
	SEE(V, "Note");
	/* To the note (the second field), typed but not saved. */
	KEY(V, K_TAB);
	KEY(V, "half a thought");
	SEE(V, "half a thought");
	vt_kill(V, SIGHUP);
	st = vt_wait_exit(V, T_SIGNAL);
	ck_assert_msg(st >= 0, "still running %d ms after SIGHUP", T_SIGNAL);
	after = db_state();
	ck_assert_str_eq(after, before);
	check_db_usable("Northwind Labs");
	free(before);
	free(after);
}
END_TEST

/* ...but what was typed is kept, whole, in a private file of the state
 * folder. */
START_TEST(sighup_in_an_edit_form_keeps_what_was_typed)
{
	char *before, *after, *folder, *path = NULL, text[4096];
	struct dirent *e;
	struct stat sb;
	size_t len;
	FILE *fp;
	DIR *d;
	int st;

	add_partner("Northwind Labs", "technology");
	before = db_state();
	V = tui_open_at(24, 80, state_env(), "Northwind Labs");
	KEY(V, "e");
	SEE(V, "Website");
	KEY(V, " (typed, unsaved)");
	SEE(V, "(typed, unsaved)");
	vt_kill(V, SIGHUP);
	st = vt_wait_exit(V, T_SIGNAL);
	ck_assert_msg(st >= 0, "still running %d ms after SIGHUP", T_SIGNAL);
	after = db_state();
	ck_assert_str_eq(after, before);
	folder = xasprintf("%s/state/ally", H.dir);
	ck_assert_msg(stat(folder, &sb) == 0, "no folder %s", folder);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	d = opendir(folder);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "unsaved-", 8) != 0)
			continue;
		ck_assert_msg(path == NULL, "two drafts in %s", folder);
		path = xasprintf("%s/%s", folder, e->d_name);
	}
	closedir(d);
	ck_assert_msg(path != NULL, "no draft in %s", folder);
	ck_assert_msg(strstr(path, "-Edit-Northwind-Labs.txt") != NULL, "named %s", path);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	len = fread(text, 1, sizeof text - 1, fp);
	fclose(fp);
	text[len] = '\0';
	ck_assert_msg(strncmp(text, "Edit Northwind Labs\n", 20) == 0, "the draft:\n%s", text);
	ck_assert_msg(strstr(text, "\n* Name: Northwind Labs (typed, unsaved)\n") != NULL,
		      "the draft:\n%s", text);
	ck_assert_msg(strstr(text, "\n  Type: technology\n") != NULL, "the draft:\n%s", text);
	free(path);
	free(folder);
	free(before);
	free(after);
}
END_TEST

/* The message naming a draft goes to a terminal that is often gone: the
 * next start of the same user on the same database says so before
 * anything else, and opens the form again with what was typed; saved,
 * the draft goes.  Without a terminal, `ally` says there is one. */
START_TEST(a_kept_draft_is_offered_at_the_next_start)
{
	char *name, *folder, *out;
	const char *bin = getenv("ALLY_BIN");
	struct dirent *e;
	struct run r;
	int n = 0;
	DIR *d;

	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, state_env(), "Northwind Labs");
	KEY(V, "e");
	SEE(V, "Website");
	KEY(V, " Røde \\x41");
	SEE(V, "Røde \\x41");
	vt_kill(V, SIGHUP);
	ck_assert_int_ge(vt_wait_exit(V, T_SIGNAL), 0);
	vt_free(V);
	/* No terminal: one line on stderr says a draft is kept. */
	setenv("XDG_STATE_HOME", state_env()[0] + strlen("XDG_STATE_HOME="), 1);
	run_ally(&H, &r, NULL, (char *)NULL);
	unsetenv("XDG_STATE_HOME");
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "ally: 1 form typed in an earlier session was not saved; "
				    "'ally' on a terminal offers to open it again (kept in ") == r.err,
		      "%s", r.err);
	run_finish(&r);
	(void)bin;
	V = tui_open(24, 80, state_env());
	SEE(V, "Not saved at ");
	SEE(V, ": Edit Northwind Labs");
	SEE(V, "Open the form again with what you typed");
	SEE(V, "Keep the file for later");
	SEE(V, "Delete it");
	KEY(V, K_ENTER);
	SEE(V, "Northwind Labs Røde \\x41");
	KEY(V, K_CTRL_S);
	SEE(V, "its draft is gone");
	tui_quit(V);
	/* Exactly as typed: the file's escapes (non-ASCII, a backslash) undone. */
	name = tui_partner_field("Northwind Labs Røde \\x41", "name");
	ck_assert_str_eq(name, "Northwind Labs Røde \\x41");
	free(name);
	folder = xasprintf("%s/state/ally", H.dir);
	d = opendir(folder);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, "unsaved-", 8) == 0;
	closedir(d);
	ck_assert_int_eq(n, 0);
	free(folder);
	out = tui_cli("partner", "list", NULL);
	free(out);
}
END_TEST

/* The database deleted (or replaced) under an open interface: it says so
 * instead of showing the old data as current, and writes nothing to a
 * file nobody will open again. */
START_TEST(a_deleted_database_is_noticed_and_not_written)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, state_env(), "Northwind Labs");
	ck_assert_int_eq(unlink(H.db), 0);
	SEE_WITHIN(V, "was deleted or replaced", T_LIVE);
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	KEY(V, "\x1b[C"); /* Right: a health, so the form is complete */
	KEY(V, K_CTRL_S);
	SEE(V, "t.db was deleted or replaced while open;");
	SEE(V, "nothing was changed");
	KEY(V, K_ESC);
	SEE(V, "Discard");
	KEY(V, "y");
	GONE(V, "Status of Northwind Labs");
	tui_quit(V);
}
END_TEST

START_TEST(another_sessions_status_shows_within_two_seconds)
{
	add_partner("Northwind Labs", "technology");
	add_partner("Orchard Lane", "channel");
	free(tui_cli("status", "Northwind Labs", "--health", "green", NULL));
	V = tui_open_at(24, 80, NULL, "Orchard Lane");
	ROW_HAS(V, "Northwind Labs", " G ");
	vt_settle(V, 100, 2000);
	/* Another session (the command line) records a status; no key is
	 * pressed here. */
	free(tui_cli("status", "Northwind Labs", "--health", "red", "--note", "x", NULL));
	ROW_HAS_WITHIN(V, "Northwind Labs", " R ", T_LIVE);
	tui_quit(V);
}
END_TEST

START_TEST(another_sessions_new_partner_shows_within_two_seconds)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, NULL, "Northwind Labs");
	SEE(V, "1 partner");
	vt_settle(V, 100, 2000);
	add_partner("Newcomer Inc", "referral");
	SEE_WITHIN(V, "Newcomer Inc", T_LIVE);
	SEE(V, "2 partners");
	tui_quit(V);
}
END_TEST

START_TEST(another_sessions_change_shows_in_an_open_detail)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, NULL, "Northwind Labs");
	KEY(V, K_ENTER);
	SEE(V, "Overview");
	vt_settle(V, 100, 2000);
	free(tui_cli("status", "Northwind Labs", "--health", "amber", "--note",
		     "integration slipping a sprint", NULL));
	SEE_WITHIN(V, "integration slipping a sprint", T_LIVE);
	tui_quit(V);
}
END_TEST

START_TEST(vt100_without_colour_works_at_80x24)
{
	const char *env[] = { "TERM=vt100", "NO_COLOR=1", NULL };

	tui_demo();
	V = tui_open_at(24, 80, env, "[1 Portfolio]");
	SEE(V, "Brightwater");
	SEE(V, "15 partners");
	KEY(V, "G");
	SEE(V, "Tidewater");
	KEY(V, K_ENTER);
	SEE(V, "Overview");
	GONE(V, "Brightwater");
	KEY(V, "q");
	SEE(V, "[1 Portfolio]");
	KEY(V, "2");
	SEE(V, "[2 Renewals]");
	KEY(V, "3");
	SEE(V, "[3 Dashboard]");
	KEY(V, "4");
	SEE(V, "[4 History]");
	KEY(V, "q");
	ck_assert_int_eq(vt_wait_exit(V, T_WAIT), 0);
}
END_TEST

/* vt100's terminfo names no Shift-Tab, PgDn or End, but terminals send
 * them anyway: they must act as those keys, not as Esc ("back") followed
 * by stray characters. */
START_TEST(vt100_keys_its_terminfo_lacks_still_work)
{
	const char *env[] = { "TERM=vt100", "NO_COLOR=1", NULL };

	tui_demo();
	V = tui_open_at(24, 80, env, "[1 Portfolio]");
	KEY(V, K_ENTER);
	SEE(V, "[Overview]");
	KEY(V, K_TAB);
	SEE(V, "[Score]");
	KEY(V, K_BTAB);
	SEE(V, "[Overview]");
	KEY(V, K_PGDN);
	KEY(V, "\x1b[4~"); /* End, as VT220-style keypads send it */
	KEY(V, K_TAB);
	SEE(V, "[Score]");
	GONE(V, "[1 Portfolio]");
	KEY(V, "q");
	SEE(V, "[1 Portfolio]");
	tui_quit(V);
}
END_TEST

/* A name and texts holding escape sequences, written by another program
 * (the command line refuses them): the interface shows markers and the
 * sequences never reach the terminal. */
START_TEST(escape_sequences_in_stored_text_show_as_markers)
{
	add_partner("Alpha Works", "technology");
	add_partner("Evil name", "channel");
	add_partner("Zulu Partners", "referral");
	tui_sql_exec("UPDATE partners SET"
		     " name = 'Evil' || char(27) || '[2J' || char(27) || '[Hname',"
		     " notes = 'note' || char(27) || ']0;pwned' || char(7) || 'end',"
		     " status_note = 'st' || char(27) || '[31mred' || char(13) || 'x',"
		     " health = 'amber', status_date = '2026-11-20', status_author = 'tester'"
		     " WHERE name = 'Evil name'");
	/* A right-to-left override would turn the rest of the line around. */
	add_partner("Bidi Corp", "technology");
	tui_sql_exec("UPDATE partners SET name = 'Bidi' || char(8238) || 'proC'"
		     " WHERE name = 'Bidi Corp'");
	V = tui_open_at(24, 80, NULL, "Zulu Partners");
	SEE(V, "Bidi<U+202E>proC");
	SEE(V, "Evil^[[2J");
	/* The clear-screen in the name did not clear anything. */
	SEE(V, "Alpha Works");
	SEE(V, "[1 Portfolio]");
	SEE(V, "4 partners");
	/* Its detail: the status note and the notes, shown as markers. */
	tui_search(V, "Evil");
	KEY(V, K_ENTER);
	GONE(V, "Zulu Partners");
	SEE(V, "Evil^[[2J");
	SEE(V, "st^[[31mred");
	KEY(V, K_BTAB); /* Overview back to the last section: the notes */
	SEE(V, "note^[]0;pwned^Gend");
	ck_assert_msg(strcmp(vt_title(V), "pwned") != 0, "the notes set the window title");
	SEE(V, "Evil^[[2J");
	KEY(V, "q");
	SEE(V, "Alpha Works");
	tui_quit(V);
}
END_TEST

/* A name the command line takes (wide characters, accents) lines up. */
START_TEST(wide_and_accented_names_show_whole)
{
	add_partner("青山データ株式会社", "technology");
	add_partner("Société Lumière", "channel");
	V = tui_open_at(24, 80, NULL, "Société Lumière");
	SEE(V, "青山データ");
	SEE(V, "2 partners");
	tui_quit(V);
}
END_TEST

/* A --db that names no portfolio (a typo) makes none unless asked: the
 * interface asks before it takes the screen, and n leaves nothing. */
START_TEST(a_missing_database_is_made_only_when_asked)
{
	const char *bin = getenv("ALLY_BIN");
	const char *env[] = { "ALLY_TODAY=" TUI_TODAY, "ALLY_USER=tester", NULL };
	char dir[sizeof H.dir + 16], path[sizeof H.dir + 32];
	const char *argv[] = { bin != NULL ? bin : "build/ally", "--db", path, NULL };
	struct stat st;

	snprintf(dir, sizeof dir, "%s/typo", H.dir);
	snprintf(path, sizeof path, "%s/nested/p.db", dir);
	V = vt_spawn(argv, env, 24, 80);
	SEE(V, "No portfolio at ");
	SEE(V, "/typo/nested/p.db. Create it? y/n");
	KEY(V, "n\r");
	ck_assert_int_eq(vt_wait_exit(V, T_WAIT), 3);
	SEE(V, "no portfolio at ");
	ck_assert_msg(stat(dir, &st) != 0, "answering n made %s", dir);
	vt_free(V);
	V = vt_spawn(argv, env, 24, 80);
	SEE(V, "Create it? y/n");
	KEY(V, "y\r");
	SEE(V, "Portfolio");
	tui_quit(V);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui-session");
	TCase *leave = tui_tcase("leaving");
	TCase *live = tui_tcase("live refresh");
	TCase *term = tui_tcase("terminals");

	tcase_add_test(leave, q_quits_and_restores_the_terminal);
	tcase_add_test(leave, a_missing_database_is_made_only_when_asked);
	tcase_add_test(leave, sigterm_leaves_within_a_second_and_restores_the_terminal);
	tcase_add_test(leave, sigterm_in_a_menu_leaves_too);
	tcase_add_test(leave, sighup_in_an_edit_form_saves_nothing);
	tcase_add_test(leave, sighup_in_a_status_form_saves_nothing);
	tcase_add_test(leave, sighup_in_an_edit_form_keeps_what_was_typed);
	tcase_add_test(leave, a_kept_draft_is_offered_at_the_next_start);
	tcase_add_test(leave, a_deleted_database_is_noticed_and_not_written);
	suite_add_tcase(s, leave);
	tcase_add_test(live, another_sessions_status_shows_within_two_seconds);
	tcase_add_test(live, another_sessions_new_partner_shows_within_two_seconds);
	tcase_add_test(live, another_sessions_change_shows_in_an_open_detail);
	suite_add_tcase(s, live);
	tcase_add_test(term, vt100_without_colour_works_at_80x24);
	tcase_add_test(term, vt100_keys_its_terminfo_lacks_still_work);
	tcase_add_test(term, escape_sequences_in_stored_text_show_as_markers);
	tcase_add_test(term, wide_and_accented_names_show_whole);
	suite_add_tcase(s, term);
	return tui_run_suite(s);
}
