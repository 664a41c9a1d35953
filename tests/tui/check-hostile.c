/* check-hostile.c: text that would act on a terminal, written straight
 * into the database (as another program, a bad import of old, or a
 * hand edit could), and then shown everywhere ally shows text: every CLI
 * list and record in every format, on a pipe and on a terminal, and every
 * view of the interface.  None of its bytes may reach the output as they
 * are: the output of the command line is valid UTF-8 with no control
 * character but newline (and tab in tables), no C1 control and no bidi
 * formatting, on a terminal in every format, on a pipe in every format
 * but CSV (data, exact for import, as the man page says); the interface's own output never holds a payload's bytes,
 * and the window title and the clipboard are never set.
 *
 *   hostile-cli  every command and format
 *   hostile-tui  every view, the detail's sections, the help */
#include "tui-test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/util.h"

/* Each payload is text an attacker controls, with the bytes that would
 * act: the distinctive part after its escape is what the output is
 * searched for. */
static const char *const payloads[] = {
	"\x1b[2JCLEARED",               /* clear the screen */
	"\x1b]0;PWNED\x07",             /* set the window title */
	"\x1b]52;c;UFdORUQ=\x07",       /* write the clipboard (OSC 52) */
	"\x1b[5;5HMOVED",               /* move the cursor */
	"AAAA\rBBBB",                   /* overwrite the line */
	"CCCC\b\b\bDDDD",               /* back over it */
	"\xe2\x80\xaeREVERSED",         /* right-to-left override */
	"\xe2\x81\xa6ISOLATED",         /* left-to-right isolate */
	"BAD\xff\xfeUTF8",              /* not UTF-8 */
	"\xc2\x9b" "31mC1CSI",          /* a C1 CSI */
	"\x1bPDCS\x1b\\",               /* a device control string */
};
#define NPAYLOADS (sizeof payloads / sizeof payloads[0])

/* payload i as an SQL literal of char() calls. */
static char *sql_text(const char *s)
{
	struct buf b;
	char n[16];

	buf_init(&b);
	buf_puts(&b, "CAST(x'");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		snprintf(n, sizeof n, "%02x", *p);
		buf_puts(&b, n);
	}
	buf_puts(&b, "' AS TEXT)");
	return buf_take(&b);
}

/* A portfolio where every text ally shows holds a payload; a 10 KB name
 * too.  Written with SQL, past every check ally makes on input. */
static void poison(void)
{
	char sql[4096];

	tui_demo();
	for (size_t i = 0; i < NPAYLOADS; i++) {
		char *t = sql_text(payloads[i]);
		int64_t id = (int64_t)i + 1;

		snprintf(sql, sizeof sql,
			 "UPDATE partners SET name = 'P%zu ' || %s, notes = %s, region = %s, "
			 "owner = %s, status_note = %s, website = %s, value_us = %s WHERE id = %lld",
			 i, t, t, t, t, t, t, t, (long long)id);
		tui_sql_exec(sql);
		snprintf(sql, sizeof sql,
			 "UPDATE contracts SET title = %s, notes = %s WHERE partner_id = %lld", t, t,
			 (long long)id);
		tui_sql_exec(sql);
		snprintf(sql, sizeof sql,
			 "UPDATE contacts SET name = %s, email = %s, role = %s WHERE partner_id = %lld",
			 t, t, t, (long long)id);
		tui_sql_exec(sql);
		snprintf(sql, sizeof sql,
			 "INSERT INTO audit_log (user, tbl, row_id, partner_id, partner_name, field, "
			 "old_value, new_value) VALUES (%s, 'partners', %lld, %lld, %s, 'notes', %s, %s)",
			 t, (long long)id, (long long)id, t, t, t);
		tui_sql_exec(sql);
		free(t);
	}
	tui_sql_exec("PRAGMA ignore_check_constraints = 1; "
		     "UPDATE partners SET name = 'Long ' || replace(hex(zeroblob(5000)), '00', "
		     "'Z' || char(27) || '[') WHERE id = 14");
}

/* Is this the output of a CLI command safe?  The first offence, or NULL. */
static const char *cli_offence(const char *out, size_t len)
{
	const unsigned char *p = (const unsigned char *)out, *end = p + len;

	while (p < end) {
		/* CSV ends its lines with CRLF (RFC 4180): a CR there is fine. */
		if (*p == '\r' && p + 1 < end && p[1] == '\n') {
			p++;
			continue;
		}
		if (*p < 0x20 && *p != '\n' && *p != '\t')
			return "a C0 control character";
		if (*p == 0x7f)
			return "DEL";
		if (*p < 0x80) {
			p++;
			continue;
		}
		/* UTF-8: its length, every continuation byte, no C1, no bidi
		 * formatting (U+202A-202E, U+2066-2069, U+200E/F, U+061C). */
		if (p[0] == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
			return "a C1 control";
		if (p[0] == 0xe2 && p + 2 < end && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			return "a bidi embedding or override";
		if (p[0] == 0xe2 && p + 2 < end && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			return "a bidi isolate";
		{
			int n = (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3
						  : (*p & 0xf8) == 0xf0 ? 4 : 0;

			if (n == 0 || p + n > end)
				return "invalid UTF-8";
			for (int k = 1; k < n; k++)
				if ((p[k] & 0xc0) != 0x80)
					return "invalid UTF-8";
			p += n;
		}
	}
	return NULL;
}

static void check_cli(const char *what, const struct run *r)
{
	const char *bad = cli_offence(r->out, strlen(r->out));

	ck_assert_msg(bad == NULL, "%s: %s in its output", what, bad);
	bad = cli_offence(r->err, strlen(r->err));
	ck_assert_msg(bad == NULL, "%s: %s in its error", what, bad);
}

START_TEST(every_command_in_every_format)
{
	static const char *const cmds[][5] = {
		{ "partner", "list", NULL },      { "partner", "show", "1", NULL },
		{ "partner", "show", "14", NULL }, { "contract", "list", NULL },
		{ "contract", "show", "1", NULL }, { "renewals", "--within", "400", NULL },
		{ "history", "--limit", "0", NULL }, { "history", "3", NULL },
		{ "export", "partners", NULL },   { "export", "contracts", NULL },
		{ "check", NULL },
	};
	static const char *const formats[] = { "table", "json", "csv" };
	char what[128];
	int n = 0;

	poison();
	for (size_t c = 0; c < sizeof cmds / sizeof cmds[0]; c++)
		for (size_t f = 0; f < 3; f++) {
			const char *a[8] = { NULL };
			struct run r;
			int k = 0;

			if (strcmp(cmds[c][0], "export") == 0 && f == 0)
				continue; /* export: csv or json */
			while (cmds[c][k] != NULL) {
				a[k] = cmds[c][k];
				k++;
			}
			a[k++] = "--format";
			a[k++] = formats[f];
			snprintf(what, sizeof what, "%s %s %s %s %s", a[0], a[1], a[2] ? a[2] : "",
				 a[3] ? a[3] : "", a[4] ? a[4] : "");
			/* CSV to a file or a pipe is data, exact, so that import
			 * reads back what export wrote (check-cli-output); every
			 * other format, and CSV on a terminal, is for eyes. */
			run_ally(&H, &r, NULL, a[0], a[1], a[2], a[3], a[4], a[5], (char *)NULL);
			if (f != 2)
				check_cli(what, &r);
			run_finish(&r);
			run_ally_tty(&H, &r, a[0], a[1], a[2], a[3], a[4], a[5], (char *)NULL);
			check_cli(what, &r);
			run_finish(&r);
			n += 2;
		}
	printf("hostile-cli: %zu payloads in every text, %d commands on a pipe and a terminal: "
	       "nothing passed\n",
	       NPAYLOADS, n);
}
END_TEST

static bool holds(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n > 0 && i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return true;
	return false;
}

/* The interface's own bytes are escape sequences too, so its output is
 * searched for the payloads' own: none may appear whole. */
static void check_raw(const char *where)
{
	size_t len;
	const char *raw = vt_output(V, &len);

	for (size_t i = 0; i < NPAYLOADS; i++) {
		const char *p = payloads[i];

		/* Skip the visible lead-in ("AAAA") so only the acting bytes
		 * and what follows them are searched for. */
		while (*p != '\0' && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f)
			p++;
		ck_assert_msg(!holds(raw, len, p),
			      "%s: payload %zu reached the terminal", where, i);
	}
	ck_assert_msg(strcmp(vt_title(V), "PWNED") != 0, "%s: the title was set", where);
}

START_TEST(every_view_and_section)
{
	poison();
	V = tui_open_at(24, 80, NULL, "partners");
	check_raw("Portfolio");
	for (const char *k = "234"; *k; k++) {
		char key[2] = { *k, 0 };

		KEY(V, key);
		vt_settle(V, VT_QUIET_MS, 2000);
		check_raw(key);
	}
	KEY(V, "1");
	vt_settle(V, VT_QUIET_MS, 2000);
	for (int row = 0; row < 14; row++) {
		KEY(V, K_ENTER);
		vt_settle(V, VT_QUIET_MS, 2000);
		for (int s = 0; s < 8; s++) { /* every section of the detail */
			KEY(V, K_TAB);
			vt_settle(V, VT_QUIET_MS, 2000);
		}
		check_raw("detail");
		KEY(V, "q");
		vt_settle(V, VT_QUIET_MS, 2000);
		KEY(V, "j");
	}
	KEY(V, "?");
	vt_settle(V, VT_QUIET_MS, 2000);
	check_raw("help");
	KEY(V, K_ESC);
	tui_quit(V);
	check_raw("leaving");
}
END_TEST

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "cli";
	Suite *s = suite_create("hostile");
	TCase *tc = tui_tcase(what);

	tcase_set_timeout(tc, 120);
	if (strcmp(what, "tui") == 0)
		tcase_add_test(tc, every_view_and_section);
	else
		tcase_add_test(tc, every_command_in_every_format);
	suite_add_tcase(s, tc);
	return tui_run_suite(s);
}
