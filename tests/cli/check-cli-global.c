/* check-cli-global.c: what every command shares: global options anywhere,
 * the environment, help, version, usage errors, where the database lives
 * and how a newer database is refused. */
#include "cli-test.h"

#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(version_prints_name_and_version)
{
	struct run r;

	run_ally_raw(&H, &r, NULL, "--version", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(strncmp(r.out, "ally ", 5) == 0 && count_lines(r.out) == 1, "%s", r.out);
	run_finish(&r);
}
END_TEST

START_TEST(help_lists_every_command)
{
	static const char *const cmds[] = { "init",	    "partner add",    "partner list",
					    "partner show", "partner set",    "partner rm",
					    "status",	    "score",	      "advance",
					    "contract add", "contract renew", "renewals",
					    "history" };
	struct run r;
	size_t i;

	run_ally_raw(&H, &r, NULL, "--help", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		ck_assert_msg(strstr(r.out, cmds[i]) != NULL, "'%s' missing from --help", cmds[i]);
	ck_assert_ptr_nonnull(strstr(r.out, "--db"));
	run_finish(&r);
}
END_TEST

START_TEST(help_per_command_and_family)
{
	struct run a, b, fam;

	run_ally_raw(&H, &a, NULL, "partner", "add", "--help", (char *)NULL);
	ck_assert_int_eq(a.status, 0);
	ck_assert_ptr_nonnull(strstr(a.out, "usage: ally partner add NAME --type TYPE"));
	/* `ally help partner add` is the same text. */
	run_ally_raw(&H, &b, NULL, "help", "partner", "add", (char *)NULL);
	ck_assert_int_eq(b.status, 0);
	ck_assert_str_eq(a.out, b.out);
	run_ally_raw(&H, &fam, NULL, "partner", "--help", (char *)NULL);
	ck_assert_int_eq(fam.status, 0);
	ck_assert_ptr_nonnull(strstr(fam.out, "ally partner rm"));
	ck_assert_ptr_nonnull(strstr(fam.out, "ally partner show"));
	run_finish(&a);
	run_finish(&b);
	run_finish(&fam);
}
END_TEST

START_TEST(help_does_not_touch_the_database)
{
	struct run r;

	run_ally(&H, &r, NULL, "partner", "add", "--help", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_int_ne(access(H.db, F_OK), 0);
	run_finish(&r);
}
END_TEST

START_TEST(usage_errors_exit_2_with_a_hint)
{
	RUN_FAILS(2, "unknown command 'frobnicate'; see 'ally --help'", "frobnicate");
	RUN_FAILS(2, "unknown option '--bogus'; see 'ally partner list --help'", "partner", "list",
		  "--bogus");
	RUN_FAILS(2, "see 'ally partner --help'", "partner");
	RUN_FAILS(2, "unknown subcommand 'partner frob'", "partner", "frob");
	RUN_FAILS(2, "missing NAME", "partner", "add", "--type", "channel");
	RUN_FAILS(2, "--type is required; see 'ally partner add --help'", "partner", "add", "Acme");
	RUN_FAILS(2, "unexpected argument", "partner", "show", "a", "b");
}
END_TEST

START_TEST(no_command_is_a_usage_error)
{
	struct run r;

	run_ally(&H, &r, NULL, (char *)NULL);
	check_error(&r, 2, "no command", "ally");
	run_finish(&r);
}
END_TEST

/* Run ally with exactly these words after --db (no --today) and expect
 * the error st with needle. */
static void raw_fails(int st, const char *needle, const char *a, const char *b, const char *c)
{
	struct run r;

	run_ally_raw(&H, &r, NULL, "--db", H.db, a, b, c, (char *)NULL);
	check_error(&r, st, needle, a);
	run_finish(&r);
}

START_TEST(bad_global_values_name_the_option)
{
	struct run r;

	/* A format that does not exist is a usage error, like an unknown option. */
	RUN_FAILS(2, "--format: 'xml' is not one of: table, json, csv; see 'ally partner list --help'",
		  "partner", "list", "--format", "xml");
	RUN_FAILS(2, "--format", "renewals", "--format=");
	raw_fails(1, "--today: '2026-02-30' is not a real date", "renewals", "--today", "2026-02-30");
	raw_fails(1, "--today", "renewals", "--today", "tomorrow");
	run_ally_raw(&H, &r, NULL, "partner", "list", "--db", (char *)NULL);
	check_error(&r, 2, "--db needs a value", "partner list --db");
	run_finish(&r);
}
END_TEST

/* The second value of an option would silently win; it is refused. */
START_TEST(an_option_given_twice_is_a_usage_error)
{
	RUN_FAILS(2, "--type given twice; see 'ally partner list --help'", "partner", "list",
		  "--type", "channel", "--type", "referral");
	RUN_FAILS(2, "--type given twice", "partner", "add", "Acme", "--type", "channel",
		  "--type=referral");
	RUN_FAILS(2, "--within given twice", "renewals", "--within", "30", "--within", "60");
	RUN_FAILS(2, "--auto-renew given twice", "contract", "add", "Acme", "--title", "T",
		  "--start", "2026-01-01", "--end", "2026-12-31", "--auto-renew", "--auto-renew");
	RUN_FAILS(2, "--format given twice", "partner", "list", "--format", "json", "--format",
		  "csv");
	/* run_ally already passes --db and --today once. */
	RUN_FAILS(2, "--db given twice", "partner", "list", "--db", "other.db");
	RUN_FAILS(2, "--today given twice", "renewals", "--today=2026-01-01");
}
END_TEST

START_TEST(version_takes_no_arguments)
{
	struct run r;

	run_ally_raw(&H, &r, NULL, "--version", "extra", (char *)NULL);
	check_error(&r, 2, "--version takes no arguments, got 'extra'", "--version extra");
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "list", "--version", (char *)NULL);
	check_error(&r, 2, "--version takes no arguments", "partner list --version");
	run_finish(&r);
}
END_TEST

/* A bad value given as an option is named by that option, as typed,
 * whichever layer found the fault. */
START_TEST(errors_name_the_option_as_typed)
{
	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", NULL);
	RUN_FAILS(1, "ally: --start: '2026-02-30' is not a real date", "contract", "add", "Acme",
		  "--title", "T", "--start", "2026-02-30", "--end", "2026-12-31");
	RUN_FAILS(1, "ally: --end: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-06-01", "--end", "2026-05-31");
	RUN_FAILS(1, "ally: --value: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--value", "lots");
	RUN_FAILS(1, "ally: --model-pct: ", "contract", "add", "Acme", "--title", "T", "--start",
		  "2026-01-01", "--end", "2026-12-31", "--model", "revenue_share", "--model-pct",
		  "x");
	RUN_FAILS(1, "ally: --type: 'galaxy' is not one of", "partner", "add", "Beta", "--type",
		  "galaxy");
	RUN_FAILS(1, "ally: --until: '2026-02-30' is not a real date", "contract", "renew", "1",
		  "--until", "2026-02-30");
	RUN_FAILS(1, "ally: --until: 2026-06-30 is not after the current end", "contract", "renew",
		  "1", "--until", "2026-06-30");
	RUN_FAILS(1, "ally: --partner: ", "contract", "list", "--partner", "Nobody");
	RUN_FAILS(1, "ally: --health: 'blue' is not one of", "status", "Acme", "--health", "blue");
	RUN_FAILS(1, "ally: --note: ", "advance", "Acme", "--note", "a\x1b[2J");
	RUN_FAILS(1, "ally: --within: ", "renewals", "--within", "x");
}
END_TEST

START_TEST(global_options_after_the_command)
{
	struct run r;
	json_t *v;

	run_ally_raw(&H, &r, NULL, "init", "--db", H.db, (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "add", "Acme", "--db", H.db, "--type", "channel",
		     (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "list", "--format=json", "--db=", (char *)NULL);
	ck_assert_int_eq(r.status, 1); /* an empty --db is refused, not the default */
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "list", "--format=json", "--db", H.db, (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	v = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(v), 1);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(v, 0), "name")), "Acme");
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* After the command word its own parser reads every option, the global
 * ones too: the word after an option that takes a value is that value,
 * even when it looks like an option. */
START_TEST(the_word_after_a_valued_option_is_its_value)
{
	struct run r;
	json_t *v;

	add_partner("Acme", "channel");
	RUN_OK(&r, "status", "Acme", "--health", "green", "--note", "--help");
	ck_assert_msg(strstr(r.out, "usage") == NULL, "help was shown: %s", r.out);
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	v = parse_json(r.out);
	ck_assert_str_eq(json_string_value(json_object_get(v, "status_note")), "--help");
	json_decref(v);
	run_finish(&r);
	/* "--" ends the options: a name may start with dashes. */
	RUN_OK(&r, "partner", "add", "--type", "channel", "--", "--db");
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "--", "--db");
	ck_assert_msg(strncmp(r.out, "--db\n", 5) == 0, "%s", r.out);
	run_finish(&r);
}
END_TEST

/* Global options before the command, after it, between a family and its
 * subcommand, and in the --opt=VALUE form: the same list. */
START_TEST(global_options_before_between_and_after)
{
	const char *const forms[][6] = {
		{ "partner", "list", "--format", "json", NULL },
		{ "--format", "json", "partner", "list", NULL },
		{ "partner", "--format", "json", "list", NULL },
		{ "--format=json", "partner", "list", NULL },
		{ "partner", "list", "--format=json", NULL },
	};
	struct run r;
	size_t i;
	json_t *v;

	add_partner("Acme", "channel");
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		run_ally(&H, &r, NULL, forms[i][0], forms[i][1], forms[i][2], forms[i][3],
			 forms[i][4], (char *)NULL);
		ck_assert_msg(r.status == 0, "form %zu: %s", i, r.err);
		v = parse_json(r.out);
		ck_assert_uint_eq(json_array_size(v), 1);
		json_decref(v);
		run_finish(&r);
	}
	RUN_FAILS(2, "--format given twice", "--format", "json", "partner", "list", "--format",
		  "csv");
}
END_TEST

/* Before the command, every word with a leading '-' is an option: an
 * unknown one is named as such, not taken for a command. */
START_TEST(unknown_option_before_the_command)
{
	struct run r;

	run_ally(&H, &r, NULL, "-x", (char *)NULL);
	check_error(&r, 2, "ally: unknown option '-x'; see 'ally --help'", "-x");
	run_finish(&r);
	run_ally(&H, &r, NULL, "--bogus", "partner", "list", (char *)NULL);
	check_error(&r, 2, "ally: unknown option '--bogus'", "--bogus");
	run_finish(&r);
	run_ally(&H, &r, NULL, "-x", "partner", "list", (char *)NULL);
	check_error(&r, 2, "ally: unknown option '-x'", "-x partner list");
	run_finish(&r);
}
END_TEST

/* Help and the version fail like any other output when standard output
 * cannot take them. */
START_TEST(help_and_version_to_a_full_disk_fail)
{
	static const char *const calls[][4] = {
		{ "--help", NULL },		{ "--version", NULL },
		{ "partner", "add", "--help", NULL }, { "renewals", "-h", NULL },
		{ "help", "partner", NULL },	{ "partner", "--help", NULL },
	};
	struct run r;
	size_t i;

	if (access("/dev/full", W_OK) != 0)
		return; /* nothing to write to that always fails */
	for (i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		run_ally_to(&H, &r, "/dev/full", calls[i][0], calls[i][1], calls[i][2],
			    (char *)NULL);
		check_error(&r, 1, "ally: output: cannot write to standard output", calls[i][0]);
		ck_assert_ptr_null(strstr(r.err, "saved"));
		run_finish(&r);
	}
}
END_TEST

/* A reader that quits early must not kill ally silently: a write command
 * says its change was saved, a read says the output was lost; exit 1. */
START_TEST(a_closed_pipe_is_reported_not_fatal)
{
	struct run r;

	run_ally_to(&H, &r, HARNESS_CLOSED_PIPE, "partner", "add", "Pipey", "--type", "channel",
		    (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output (the change was saved)",
		    "partner add");
	run_finish(&r);
	run_ally_to(&H, &r, HARNESS_CLOSED_PIPE, "partner", "list", (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output", "partner list");
	ck_assert_ptr_null(strstr(r.err, "saved"));
	run_finish(&r);
	run_ally(&H, &r, NULL, "partner", "show", "Pipey", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	run_finish(&r);
}
END_TEST

/* `ally help TOPIC` takes global options after the topic, as a command
 * does, and names the family it shows. */
START_TEST(help_topic_with_global_options)
{
	static const char *const calls[][5] = {
		{ "help", "partner", "--format", "json", NULL },
		{ "help", "contract", "--today", "2026-01-01", NULL },
		{ "help", "partner", "--help", NULL },
		{ "help", "partner", "list", "--format", "json" },
		{ "help", "status", "--format", "json", NULL },
	};
	static const char *const want[] = { "usage: ally partner SUBCOMMAND",
					    "usage: ally contract SUBCOMMAND",
					    "usage: ally partner SUBCOMMAND", "usage: ally partner list",
					    "usage: ally status PARTNER" };
	struct run r;

	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		run_ally_raw(&H, &r, NULL, calls[i][0], calls[i][1], calls[i][2], calls[i][3],
			     calls[i][4], (char *)NULL);
		ck_assert_msg(r.status == 0, "%s %s: exit %d: %s", calls[i][1], calls[i][2], r.status,
			      r.err);
		ck_assert_msg(strncmp(r.out, want[i], strlen(want[i])) == 0, "%s %s printed: %s",
			      calls[i][1], calls[i][2], r.out);
		run_finish(&r);
	}
	run_ally_raw(&H, &r, NULL, "help", "status", "extra", (char *)NULL);
	ck_assert_int_eq(r.status, 2);
	run_finish(&r);
}
END_TEST

START_TEST(ally_db_from_the_environment)
{
	char other[400];
	struct run r;
	json_t *v;

	setenv("ALLY_DB", H.db, 1);
	run_ally_raw(&H, &r, NULL, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "add", "Envco", "--type", "referral", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	/* --db wins over $ALLY_DB: there is no portfolio there. */
	snprintf(other, sizeof other, "%s/other.db", H.dir);
	run_ally_raw(&H, &r, NULL, "--db", other, "partner", "list", "--format", "json",
		     (char *)NULL);
	check_error(&r, 3, "no portfolio at ", "list with --db of a missing file");
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "list", "--format", "json", (char *)NULL);
	v = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(v), 1);
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* days_left of the one renewal row, as seen with these arguments. */
static long days_left_with(const char *opt_today)
{
	struct run r;
	json_t *v;
	long days;

	if (opt_today != NULL)
		run_ally_raw(&H, &r, NULL, "--db", H.db, "--today", opt_today, "renewals",
			     "--format", "json", (char *)NULL);
	else
		run_ally_raw(&H, &r, NULL, "--db", H.db, "renewals", "--format", "json",
			     (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	v = parse_json(r.out);
	ck_assert_uint_eq(json_array_size(v), 1);
	days = (long)json_integer_value(json_object_get(json_array_get(v, 0), "days_left"));
	json_decref(v);
	run_finish(&r);
	return days;
}

START_TEST(ally_today_from_the_environment)
{
	struct run r;

	add_partner("Timeco", "channel");
	add_contract("Timeco", "Deal", "2026-01-01", "2026-02-15", NULL);
	setenv("ALLY_TODAY", "2026-01-01", 1);
	ck_assert_int_eq(days_left_with(NULL), 45);
	ck_assert_int_eq(days_left_with("2026-02-14"), 1); /* --today wins */
	setenv("ALLY_TODAY", "2026-13-01", 1);
	run_ally_raw(&H, &r, NULL, "--db", H.db, "renewals", (char *)NULL);
	check_error(&r, 1, "ALLY_TODAY", "renewals with a bad $ALLY_TODAY");
	run_finish(&r);
}
END_TEST

static mode_t mode_of(const char *path)
{
	struct stat st;

	ck_assert_msg(stat(path, &st) == 0, "%s does not exist", path);
	return st.st_mode & 07777;
}

START_TEST(new_folder_0700_and_file_0600_under_xdg)
{
	char xdg[300], dir[320], db[340];
	struct run r;

	snprintf(xdg, sizeof xdg, "%s/xdg", H.dir);
	snprintf(dir, sizeof dir, "%s/ally", xdg);
	snprintf(db, sizeof db, "%s/portfolio.db", dir);
	unsetenv("ALLY_DB");
	setenv("XDG_DATA_HOME", xdg, 1);
	umask(022);
	run_ally_raw(&H, &r, NULL, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_int_eq(mode_of(dir), 0700);
	ck_assert_int_eq(mode_of(db), 0600);
	run_finish(&r);
}
END_TEST

/* Only init and demo make a portfolio: any other command given a path
 * with none (a typo) says so, exit 3, and creates nothing, no folder
 * either, not even as root. */
START_TEST(a_mistyped_db_makes_nothing)
{
	const char *const cmds[][6] = {
		{ "partner", "list", NULL },
		{ "partner", "add", "Acme", "--type", "channel", NULL },
		{ "status", "Acme", "--health", "red", NULL },
		{ "renewals", NULL },
		{ "export", "partners", NULL },
		{ "history", NULL },
	};
	char dir[300], db[360];
	struct stat st;
	struct run r;

	snprintf(dir, sizeof dir, "%s/typo", H.dir);
	snprintf(db, sizeof db, "%s/deeper/p.db", dir);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		run_ally_raw(&H, &r, NULL, "--db", db, cmds[i][0], cmds[i][1], cmds[i][2],
			     cmds[i][3], cmds[i][4], cmds[i][5], (char *)NULL);
		check_error(&r, 3, "; 'ally init' creates one", cmds[i][0]);
		ck_assert_msg(strstr(r.err, "ally: no portfolio at ") == r.err, "%s", r.err);
		ck_assert_msg(stat(dir, &st) != 0, "%s made %s", cmds[i][0], dir);
		run_finish(&r);
	}
	run_ally_raw(&H, &r, NULL, "--db", db, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	ck_assert_int_eq(mode_of(dir), 0700);
	ck_assert_int_eq(mode_of(db), 0600);
}
END_TEST

START_TEST(default_path_under_home)
{
	char home[300], db[360];
	struct run r;

	snprintf(home, sizeof home, "%s/home", H.dir);
	snprintf(db, sizeof db, "%s/.local/share/ally/portfolio.db", home);
	mkdir(home, 0755);
	unsetenv("ALLY_DB");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", home, 1);
	run_ally_raw(&H, &r, NULL, "init", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_finish(&r);
	run_ally_raw(&H, &r, NULL, "partner", "add", "Homeco", "--type", "channel", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_int_eq(mode_of(db), 0600);
	run_finish(&r);
}
END_TEST

static void set_user_version(const char *path, int v)
{
	sqlite3 *db;
	char sql[64];

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

START_TEST(newer_database_is_refused_untouched)
{
	add_partner("Oldco", "channel");
	set_user_version(H.db, 999);
	RUN_FAILS(3, "", "partner", "list");
	RUN_FAILS(3, "", "init");
	RUN_FAILS(3, "", "partner", "add", "Newco", "--type", "channel");
}
END_TEST

START_TEST(init_is_idempotent)
{
	struct run r;
	char *before = harness_db_digest(&H), *after;

	RUN_OK(&r, "init");
	ck_assert_ptr_nonnull(strstr(r.out, "schema version"));
	run_finish(&r);
	after = harness_db_digest(&H);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

START_TEST(not_an_ally_database)
{
	harness_write(&H, "t.db", "this is not a database, just text that is long enough.....");
	RUN_FAILS(3, "", "partner", "list");
}
END_TEST

static const char *owner_of(const char *name)
{
	static char owner[64];
	struct run r;
	json_t *v;

	RUN_OK(&r, "partner", "show", name, "--format", "json");
	v = parse_json(r.out);
	snprintf(owner, sizeof owner, "%s", json_string_value(json_object_get(v, "owner")));
	json_decref(v);
	run_finish(&r);
	return owner;
}

START_TEST(user_from_env_then_passwd)
{
	struct passwd *pw = getpwuid(getuid());

	setenv("ALLY_USER", "alice", 1);
	add_partner("Aliceco", "channel");
	ck_assert_str_eq(owner_of("Aliceco"), "alice");
	unsetenv("ALLY_USER");
	add_partner("Pwco", "channel");
	ck_assert_str_eq(owner_of("Pwco"), pw != NULL ? pw->pw_name : "unknown");
}
END_TEST

/* The user name goes into every audit row and owner field: it is checked
 * like a one-line text before anything is written. */
START_TEST(a_bad_user_name_is_refused_before_any_write)
{
	static const char *const bad[][2] = {
		{ "al\x1b[31mice", "ALLY_USER: contains a control character (U+001B)" },
		{ "al\xe2\x80\xaeice", "ALLY_USER: contains an invisible formatting character (U+202E)" },
		{ "al\xffice", "ALLY_USER: is not valid UTF-8" },
	};
	char longname[102], fresh[400];
	struct run r;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("ALLY_USER", bad[i][0], 1);
		RUN_FAILS(1, bad[i][1], "partner", "add", "Acme", "--type", "channel");
		RUN_FAILS(1, bad[i][1], "partner", "list");
	}
	memset(longname, 'a', 101);
	longname[101] = '\0';
	setenv("ALLY_USER", longname, 1);
	RUN_FAILS(1, "ALLY_USER: is longer than 100 characters (101)", "status", "Acme", "--health",
		  "green");
	/* Nor is a database created for it. */
	snprintf(fresh, sizeof fresh, "%s/fresh.db", H.dir);
	run_ally_raw(&H, &r, NULL, "--db", fresh, "init", (char *)NULL);
	check_error(&r, 1, "ALLY_USER: is longer", "init");
	ck_assert_int_ne(access(fresh, F_OK), 0);
	run_finish(&r);
	longname[100] = '\0';
	setenv("ALLY_USER", longname, 1);
	add_partner("Acme", "channel");
	setenv("ALLY_USER", "tester", 1);
}
END_TEST

START_TEST(errors_never_carry_terminal_controls)
{
	struct run r;

	run_ally(&H, &r, NULL, "partner", "show", "evil\x1b]0;pwned\x07", (char *)NULL);
	check_error(&r, 1, "evil^[]0;pwned^G", "partner show with escapes");
	ck_assert_ptr_null(strchr(r.err, '\x1b'));
	run_finish(&r);
}
END_TEST

static Suite *global_suite(void)
{
	Suite *s = suite_create("cli-global");
	TCase *tc = tcase_create("nodb");

	tcase_add_checked_fixture(tc, cli_setup_nodb, cli_teardown);
	tcase_add_test(tc, version_prints_name_and_version);
	tcase_add_test(tc, help_lists_every_command);
	tcase_add_test(tc, help_per_command_and_family);
	tcase_add_test(tc, help_does_not_touch_the_database);
	tcase_add_test(tc, global_options_after_the_command);
	tcase_add_test(tc, ally_db_from_the_environment);
	tcase_add_test(tc, new_folder_0700_and_file_0600_under_xdg);
	tcase_add_test(tc, default_path_under_home);
	tcase_add_test(tc, a_mistyped_db_makes_nothing);
	tcase_add_test(tc, not_an_ally_database);
	suite_add_tcase(s, tc);
	tc = cli_tcase("db");
	tcase_add_test(tc, usage_errors_exit_2_with_a_hint);
	tcase_add_test(tc, no_command_is_a_usage_error);
	tcase_add_test(tc, bad_global_values_name_the_option);
	tcase_add_test(tc, an_option_given_twice_is_a_usage_error);
	tcase_add_test(tc, version_takes_no_arguments);
	tcase_add_test(tc, errors_name_the_option_as_typed);
	tcase_add_test(tc, ally_today_from_the_environment);
	tcase_add_test(tc, newer_database_is_refused_untouched);
	tcase_add_test(tc, init_is_idempotent);
	tcase_add_test(tc, user_from_env_then_passwd);
	tcase_add_test(tc, errors_never_carry_terminal_controls);
	tcase_add_test(tc, a_bad_user_name_is_refused_before_any_write);
	tcase_add_test(tc, the_word_after_a_valued_option_is_its_value);
	tcase_add_test(tc, global_options_before_between_and_after);
	tcase_add_test(tc, unknown_option_before_the_command);
	tcase_add_test(tc, help_and_version_to_a_full_disk_fail);
	tcase_add_test(tc, a_closed_pipe_is_reported_not_fatal);
	tcase_add_test(tc, help_topic_with_global_options);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(global_suite());
}
