/* check-hangup.c: the connection drops in the middle of an edit.  One
 * promise per meson test (its first argument), each tried at several
 * keystrokes of the edit, chosen at random from a fixed seed:
 *
 *   close    the terminal closes (the kernel sends SIGHUP, reads fail)
 *   sighup   SIGHUP, the terminal still there
 *   sigterm  SIGTERM
 *   ignored  the terminal closes under a shell that ignores SIGHUP
 *            (trap '' HUP, as nohup does) before it starts ally
 *   blocked  the terminal closes and no SIGHUP arrives at all (blocked in
 *            the mask ally starts with): only its failing reads tell
 *
 * Each time: the process is gone within a second, having used little CPU
 * (it does not spin on a dead terminal), the database is as it was and
 * passes `ally check`, and the next start offers what was typed. */
#include "tui-test.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/util.h"

#define TRIES 4

static const char *how;

static const char *const *state_env(void)
{
	static char var[sizeof H.dir + 32];
	static const char *const env[] = { var, NULL };

	snprintf(var, sizeof var, "XDG_STATE_HOME=%s/state", H.dir);
	return env;
}

/* ally, or ally under a shell that ignores SIGHUP. */
static struct vt *start(void)
{
	const char *bin = getenv("ALLY_BIN");
	const char *e[] = { "ALLY_TODAY=" TUI_TODAY, "ALLY_USER=tester", state_env()[0], NULL };

	if (strcmp(how, "ignored") == 0) {
		const char *argv[] = { "/bin/sh", "-c", "trap '' HUP; exec \"$0\" --db \"$1\"",
				       bin, H.db, NULL };

		return vt_spawn(argv, e, 24, 80);
	}
	if (strcmp(how, "blocked") == 0) {
		sigset_t hup, old;
		struct vt *vt;

		/* The mask is inherited through fork and exec. */
		sigemptyset(&hup);
		sigaddset(&hup, SIGHUP);
		sigprocmask(SIG_BLOCK, &hup, &old);
		vt = tui_open(24, 80, state_env());
		sigprocmask(SIG_SETMASK, &old, NULL);
		return vt;
	}
	return tui_open(24, 80, state_env());
}

static int stop_it(struct vt *vt, long *cpu_ms)
{
	if (strcmp(how, "sighup") != 0 && strcmp(how, "sigterm") != 0)
		return vt_hang_up(vt, 1000 * TUI_SLOW, cpu_ms);
	*cpu_ms = 0;
	vt_kill(vt, strcmp(how, "sighup") == 0 ? SIGHUP : SIGTERM);
	return vt_wait_exit(vt, 1000 * TUI_SLOW);
}

START_TEST(an_edit_cut_off_at_any_keystroke)
{
	const char *typed = " and Partners GmbH";
	char last_words[400] = "";
	char *before, *out, want[64];
	long cpu_ms;

	srand(20261207u + (unsigned)strlen(how));
	add_partner("Northwind Labs", "technology");
	before = tui_cli("partner", "show", "Northwind Labs", "--format", "json", NULL);
	for (int t = 0; t < TRIES; t++) {
		/* At least one letter: a trailing space alone is no change (names
		 * are trimmed), so there would be nothing to keep. */
		int keys = 2 + rand() % ((int)strlen(typed) - 1), st;
		char one[2] = { 0, 0 };

		V = start();
		SEE(V, "Northwind Labs");
		KEY(V, "e");
		SEE(V, "Website");
		for (int k = 0; k < keys; k++) {
			one[0] = typed[k];
			KEY(V, one);
		}
		snprintf(want, sizeof want, "Northwind Labs%.*s", keys, typed);
		SEE(V, want);
		st = stop_it(V, &cpu_ms);
		{
			size_t len;
			const char *raw = vt_output(V, &len);
			const char *tail = len > 300 ? raw + len - 300 : raw;

			snprintf(last_words, sizeof last_words, "%s", tail);
		}
		ck_assert_msg(st >= 0, "%s after %d keys: still running after 1 s", how, keys);
		ck_assert_msg(cpu_ms < 500, "%s: %ld ms of CPU: it spun", how, cpu_ms);
		vt_free(V);
		V = NULL;
		ck_assert_msg(tui_db_intact(), "integrity_check after %s", how);
		out = tui_cli("partner", "show", "Northwind Labs", "--format", "json", NULL);
		ck_assert_str_eq(out, before);
		free(out);
		/* The next start offers it; deleting it leaves no file behind. */
		V = tui_open(24, 80, state_env());
		if (!vt_wait_text(V, "Not saved at ", T_WAIT))
			ck_abort_msg("%s after %d keys (try %d): no draft offered; the stopped "
				     "session said:\n%s",
				     how, keys, t, last_words);
		SEE(V, ": Edit Northwind Labs");
		KEY(V, "\x1b[B");
		KEY(V, "\x1b[B");
		KEY(V, K_ENTER);
		SEE(V, "Deleted the draft of Edit Northwind Labs");
		tui_quit(V);
		vt_free(V);
		V = NULL;
	}
	out = tui_cli("check", NULL);
	ck_assert_msg(strstr(out, "every check holds") != NULL, "%s", out);
	free(out);
	free(before);
}
END_TEST

int main(int argc, char **argv)
{
	Suite *s = suite_create("hangup");
	TCase *tc = tui_tcase("hangup");

	how = argc > 1 ? argv[1] : "close";
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, an_edit_cut_off_at_any_keystroke);
	suite_add_tcase(s, tc);
	return tui_run_suite(s);
}
