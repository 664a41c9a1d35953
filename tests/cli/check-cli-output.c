/* check-cli-output.c: the output rules every command shares: CSV quoting
 * and formula guards, raw UTF-8 in JSON, nothing that can act on a
 * terminal in a table, and no output at all from a failed command. */
#include "cli-test.h"
#include "ally/util.h"

#include <sqlite3.h>
#include <unistd.h>

START_TEST(csv_guards_formula_cells)
{
	static const char *const names[] = { "=SUM(A1)", "+1 Partner", "-dash", "@at", "'quoted" };
	struct run r;
	char want[64];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		add_partner(names[i], "channel");
	RUN_OK(&r, "partner", "list", "--format", "csv");
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(want, sizeof want, ",'%s,", names[i]);
		ck_assert_msg(strstr(r.out, want) != NULL, "%s not guarded: %s", names[i], r.out);
	}
	run_finish(&r);
}
END_TEST

START_TEST(csv_quotes_only_what_needs_it)
{
	struct run r;

	add_partner("Smith, Jones & Co", "channel");
	add_partner("Say \"Hi\"", "channel");
	add_partner("Plain", "channel");
	RUN_OK(&r, "partner", "list", "--format", "csv");
	ck_assert_ptr_nonnull(strstr(r.out, ",\"Smith, Jones & Co\","));
	ck_assert_ptr_nonnull(strstr(r.out, ",\"Say \"\"Hi\"\"\","));
	ck_assert_ptr_nonnull(strstr(r.out, ",Plain,"));
	/* RFC 4180 line ends. */
	ck_assert_ptr_nonnull(strstr(r.out, "next_action\r\n"));
	run_finish(&r);
}
END_TEST

START_TEST(csv_multiline_cell_and_numbers)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Late", "2026-01-01", "2026-11-21", NULL);
	RUN_OK(&r, "partner", "set", "Acme", "notes=line one\nline two");
	run_finish(&r);
	RUN_OK(&r, "partner", "show", "Acme", "--format", "csv");
	ck_assert_ptr_nonnull(strstr(r.out, ",\"line one\nline two\","));
	run_finish(&r);
	/* A negative number is a number, never guarded like text. */
	RUN_OK(&r, "renewals", "--format", "csv");
	ck_assert_msg(strstr(r.out, ",2026-11-21,-1,lapsed,") != NULL, "%s", r.out);
	run_finish(&r);
}
END_TEST

/* The first line of a CSV output, without its CRLF; the caller frees. */
static char *csv_header_of(const char *a, const char *b)
{
	struct run r;
	char *line;

	if (b != NULL)
		RUN_OK(&r, a, b, "--format", "csv");
	else
		RUN_OK(&r, a, "--format", "csv");
	line = strndup(r.out, strcspn(r.out, "\r\n"));
	run_finish(&r);
	return line;
}

/* An empty list's CSV header is the header its rows would have: the JSON
 * keys, never the table's readable columns. */
START_TEST(csv_header_of_an_empty_list_is_its_json_keys)
{
	static const char *const cmds[][2] = { { "partner", "list" },
					       { "contract", "list" },
					       { "renewals", NULL } };
	char *empty[3];
	size_t i;

	for (i = 0; i < 3; i++)
		empty[i] = csv_header_of(cmds[i][0], cmds[i][1]);
	ck_assert_str_eq(empty[0], "id,name,type,phase,owner,health,status_note,status_date,score,"
				   "tier,flags,next_action");
	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-31", "--value", "10", NULL);
	for (i = 0; i < 3; i++) {
		char *full = csv_header_of(cmds[i][0], cmds[i][1]);

		ck_assert_str_eq(empty[i], full);
		ck_assert_msg(strstr(full, "label") == NULL && strstr(full, "marker") == NULL,
			      "%s", full);
		free(full);
		free(empty[i]);
	}
}
END_TEST

/* The table draws readable cells (tier word, value with currency, flag
 * markers) from the JSON keys; JSON keeps only its own keys. */
START_TEST(table_cells_come_from_json_keys)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-01", "--value", "125000", "--currency",
		     "EUR", NULL);
	RUN_OK(&r, "contract", "list");
	ck_assert_msg(strstr(r.out, "125000.00 EUR") != NULL, "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "partner", "list");
	ck_assert_msg(strstr(r.out, "RENEW") != NULL, "%s", r.out);
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_ptr_null(strstr(r.out, "label"));
	ck_assert_ptr_null(strstr(r.out, "marker"));
	ck_assert_ptr_nonnull(strstr(r.out, "\"renewal_due\""));
	run_finish(&r);
}
END_TEST

START_TEST(json_keeps_utf8)
{
	struct run r;

	add_partner("Müller 東京", "channel");
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_ptr_nonnull(strstr(r.out, "\"name\": \"Müller 東京\""));
	run_finish(&r);
}
END_TEST

START_TEST(tables_show_controls_as_text)
{
	struct run r;

	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2027-12-31", NULL);
	RUN_OK(&r, "contract", "set", "1", "notes=tab\there");
	run_finish(&r);
	RUN_OK(&r, "contract", "show", "1");
	ck_assert_ptr_nonnull(strstr(r.out, "tab^Ihere"));
	ck_assert_ptr_null(strchr(r.out, '\t'));
	run_finish(&r);
	/* JSON escapes it instead. */
	RUN_OK(&r, "contract", "show", "1", "--format", "json");
	ck_assert_ptr_nonnull(strstr(r.out, "tab\\there"));
	run_finish(&r);
}
END_TEST

START_TEST(write_results_in_each_format)
{
	struct run r;

	RUN_OK(&r, "partner", "add", "Acme", "--type", "channel", "--format", "csv");
	ck_assert_str_eq(r.out, "id\r\n1\r\n");
	run_finish(&r);
	RUN_OK(&r, "advance", "Acme", "--format", "csv");
	ck_assert_str_eq(r.out, "from,to\r\nprospect,proposal\r\n");
	run_finish(&r);
}
END_TEST

START_TEST(a_failed_write_prints_nothing)
{
	/* The partner is found and the move refused: no half output. */
	add_partner("Acme", "channel");
	RUN_FAILS(1, "allowed", "advance", "Acme", "--to", "renewal", "--format", "json");
}
END_TEST

/* A full disk at the terminal's end: a write that committed says its
 * change was saved, so the user does not retry it; a read just fails. */
START_TEST(output_failure_after_a_commit_says_the_change_was_saved)
{
	struct run r;

	if (access("/dev/full", W_OK) != 0)
		return; /* nothing to write to that always fails */
	run_ally_to(&H, &r, "/dev/full", "partner", "add", "Acme", "--type", "channel",
		    (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output (the change was saved)",
		    "partner add > /dev/full");
	run_finish(&r);
	RUN_OK(&r, "partner", "list", "--format", "json");
	ck_assert_msg(strstr(r.out, "\"Acme\"") != NULL, "the partner was not saved: %s", r.out);
	run_finish(&r);
	run_ally_to(&H, &r, "/dev/full", "partner", "list", (char *)NULL);
	check_error(&r, 1, "ally: output: cannot write to standard output", "partner list");
	ck_assert_ptr_null(strstr(r.err, "saved"));
	run_finish(&r);
}
END_TEST

/* Stored text that can act on a terminal or reorder what follows it: ESC
 * (a colour sequence), DEL, C1 CSI (U+009B), RIGHT-TO-LEFT OVERRIDE
 * (U+202E), ZERO WIDTH SPACE (U+200B), BYTE ORDER MARK (U+FEFF).  The
 * core's checks keep it out; another program writing the database may
 * not, so it is put there with SQLite directly. */
static const char EVIL[] = "a\x1b[31mb\x7f" "c\xc2\x9b" "d\xe2\x80\xae" "e\xe2\x80\x8b"
			   "f\xef\xbb\xbf" "g";

static void store_text(const char *sql, const char *text)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(H.db, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void store_evil(const char *sql)
{
	store_text(sql, EVIL);
}

static void evil_partner_and_contract(void)
{
	add_partner("Acme", "channel");
	add_contract("Acme", "Deal", "2026-01-01", "2026-12-01", NULL);
	store_evil("UPDATE partners SET notes = ?1, region = ?1");
	store_evil("UPDATE contracts SET title = ?1");
}

/* None of the raw bytes of EVIL's dangerous characters are in text. */
static void no_raw_controls(const char *text, const char *where)
{
	static const char *const raw[] = { "\x1b", "\x7f", "\xc2\x9b", "\xe2\x80\xae",
					   "\xe2\x80\x8b", "\xef\xbb\xbf" };

	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++)
		ck_assert_msg(strstr(text, raw[i]) == NULL, "%s: raw byte %zu in: %s", where, i,
			      text);
}

START_TEST(json_escapes_what_jansson_leaves_raw)
{
	/* Upper-case hex digits, as jansson writes its own escapes. */
	static const char *const escaped[] = { "\\u001B", "\\u007F", "\\u009B",
					       "\\u202E", "\\u200B", "\\uFEFF" };
	struct run r;
	json_t *v;

	evil_partner_and_contract();
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	no_raw_controls(r.out, "partner show json");
	for (size_t i = 0; i < sizeof escaped / sizeof escaped[0]; i++)
		ck_assert_msg(strstr(r.out, escaped[i]) != NULL, "%s not in: %s", escaped[i], r.out);
	/* Still valid JSON with the same value. */
	v = parse_json(r.out);
	ck_assert_str_eq(json_string_value(json_object_get(v, "notes")), EVIL);
	json_decref(v);
	run_finish(&r);
	/* Past U+FFFF (a tag character) as a surrogate pair, and the line
	 * separator: valid JSON that reads back the same. */
	store_text("UPDATE partners SET notes = ?1", "t\xf3\xa0\x80\x81u\xe2\x80\xa8v");
	RUN_OK(&r, "partner", "show", "Acme", "--format", "json");
	ck_assert_msg(strstr(r.out, "t\\uDB40\\uDC01u\\u2028v") != NULL, "%s", r.out);
	v = parse_json(r.out);
	ck_assert_str_eq(json_string_value(json_object_get(v, "notes")),
			 "t\xf3\xa0\x80\x81u\xe2\x80\xa8v");
	json_decref(v);
	run_finish(&r);
	RUN_OK(&r, "contract", "list", "--format", "json");
	no_raw_controls(r.out, "contract list json");
	v = parse_json(r.out);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(v, 0), "title")), EVIL);
	json_decref(v);
	run_finish(&r);
}
END_TEST

/* CSV to a terminal is for eyes: text is made visible.  To a file or a
 * pipe it stays exact, so that import reads back what export wrote. */
START_TEST(csv_to_a_terminal_is_made_visible)
{
	struct run r;

	evil_partner_and_contract();
	run_ally_tty(&H, &r, "partner", "show", "Acme", "--format", "csv", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	no_raw_controls(r.out, "partner show csv on a terminal");
	ck_assert_msg(strstr(r.out, "a^[[31mb^?") != NULL, "%s", r.out);
	run_finish(&r);
	run_ally_tty(&H, &r, "export", "contracts", (char *)NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	no_raw_controls(r.out, "export on a terminal");
	run_finish(&r);
	run_ally_tty(&H, &r, "renewals", "--format", "csv", (char *)NULL);
	no_raw_controls(r.out, "renewals csv on a terminal");
	run_finish(&r);
	RUN_OK(&r, "export", "contracts");
	ck_assert_ptr_nonnull(strstr(r.out, EVIL));
	run_finish(&r);
	/* Tables, to a terminal or not, never carry them. */
	run_ally_tty(&H, &r, "partner", "show", "Acme", (char *)NULL);
	no_raw_controls(r.out, "partner show on a terminal");
	run_finish(&r);
	RUN_OK(&r, "contract", "list");
	no_raw_controls(r.out, "contract list");
	run_finish(&r);
}
END_TEST

/* A list is written as it is read: a table's widths come from its first
 * 200 rows.  A wider cell after them pushes the rest of its line right,
 * and the line is aligned again where a cell leaves room; JSON and CSV
 * are the same as ever, row for row. */
START_TEST(table_widths_come_from_the_first_200_rows)
{
	struct buf csv;
	struct run r;
	const char *path, *line;
	char *out;
	int n = 0;

	buf_init(&csv);
	buf_puts(&csv, "name,type\n");
	for (int i = 1; i <= 200; i++)
		buf_printf(&csv, "P%03d,channel\n", i);
	buf_puts(&csv, "Q with a much longer name,channel\n");
	path = harness_write(&H, "p.csv", csv.data);
	RUN_OK(&r, "import", "partners", path);
	run_finish(&r);
	buf_finish(&csv);
	RUN_OK(&r, "partner", "list");
	out = r.out;
	/* The heading is laid out for "P200" and the ids up to 200. */
	ck_assert_msg(strncmp(out, " ID  NAME  TYPE     PHASE     TIER  SCORE  HEALTH  OWNER   NEXT  FLAGS\n", 71) ==
			      0,
		      "%.200s", out);
	ck_assert_ptr_nonnull(strstr(out, "\n200  P200  channel  prospect"));
	/* The wider row: its name pushes TYPE right, by as much as it is wider. */
	line = strstr(out, "\n201  Q with a much longer name  channel  prospect");
	ck_assert_msg(line != NULL, "%s", out + strlen(out) - 200);
	for (const char *p = out; *p; p++)
		n += *p == '\n';
	ck_assert_int_eq(n, 202);
	run_finish(&r);
}
END_TEST

static Suite *output_suite(void)
{
	Suite *s = suite_create("cli-output");
	TCase *tc = cli_tcase("csv");

	tcase_add_test(tc, csv_guards_formula_cells);
	tcase_add_test(tc, csv_quotes_only_what_needs_it);
	tcase_add_test(tc, csv_multiline_cell_and_numbers);
	tcase_add_test(tc, csv_header_of_an_empty_list_is_its_json_keys);
	tcase_add_test(tc, table_cells_come_from_json_keys);
	tcase_add_test(tc, table_widths_come_from_the_first_200_rows);
	suite_add_tcase(s, tc);
	tc = cli_tcase("terminal");
	tcase_add_test(tc, json_keeps_utf8);
	tcase_add_test(tc, tables_show_controls_as_text);
	tcase_add_test(tc, write_results_in_each_format);
	tcase_add_test(tc, a_failed_write_prints_nothing);
	tcase_add_test(tc, output_failure_after_a_commit_says_the_change_was_saved);
	tcase_add_test(tc, json_escapes_what_jansson_leaves_raw);
	if (harness_have_pty())
		tcase_add_test(tc, csv_to_a_terminal_is_made_visible);
	else
		fputs("SKIP csv_to_a_terminal_is_made_visible: no pseudo-terminal here\n", stderr);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return cli_run_suite(output_suite());
}
