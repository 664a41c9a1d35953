/* check-io.c: `ally export` and `ally import` end to end: what export
 * writes, import reads back byte for byte, and a bad file is refused at
 * its first bad row with FILE:LINE: column NAME: reason, changing
 * nothing. */
#include <sqlite3.h>
#include <stdio.h>

#include "ally/util.h"
#include "io-test.h"

/* One value of a query on H's database, as text (static storage). */
static const char *db_text(const char *sql, long long arg)
{
	static char out[512];
	sqlite3 *db;
	sqlite3_stmt *st;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_open(H.db, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static void db_exec(const char *sql, long long arg)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(H.db, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s", sql);
	sqlite3_bind_int64(st, 1, arg);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static const char PARTNER_HEADER[] =
	"id,name,type,phase,owner,origin,power,goal,region,website,value_partner,value_us,"
	"value_together,notes,health,status_note,status_date,fit,reach,capabilities,financial,"
	"track_record,score_date,score,tier";

/* Values a spreadsheet or a naive parser gets wrong: commas, quotes,
 * newlines, spaces around text, formula starts, a leading quote (written guarded, as ''), a
 * tab, accents, CJK, emoji, empty optional fields.  score and tier are
 * derived, so the 99s are ignored. */
static const char TRICKY_PARTNERS[] =
	"id,name,type,phase,owner,origin,power,goal,region,website,value_partner,value_us,"
	"value_together,notes,health,status_note,status_date,fit,reach,capabilities,financial,"
	"track_record,score_date,score,tier\n"
	"7,\"Comma, Inc.\",channel,launch,,bd_outreach,big_fish,both,=SUM(A1),+44 20 7946,"
	"@cmd,-5 margin,''quoted',\"He said \"\"hi\"\"\nsecond line\",amber,"
	"\"Ça va — 東京 🚀\",2026-10-01,90,80,70,60,50,2026-09-15,99,99\n"
	"3,東京データ 🚀,technology,,,,,,,,,,,,,,,,,,,,,,\n"
	"12,Société Générale de Test,referral,exit,mlopez,other,equal,capability,Île-de-France,"
	"https://sgt.example,  two spaces  ,,,\"\ttabbed, then "
	"text\",red,,2026-11-01,10,20,30,40,50,,,\n";

static const char TRICKY_CONTRACTS[] =
	"id,partner,title,status,start_date,end_date,auto_renew,renewal_months,notice_days,"
	"annual_value,currency,model,model_pct,model_amount,exclusivity,exclusivity_end,"
	"liability_cap,termination_reason,notes\n"
	"40,\"comma, inc.\",=cmd|' /C calc'!A0,active,2026-01-01,2026-12-31,yes,12,45,125000.5,"
	"eur,tiered_revenue_share,30/20/15,,sunset,2027-06-30,1000000,,"
	"\"multi\nline, with \"\"quotes\"\"\"\n"
	"41,3,Lizenz für 東京,terminated,2025-02-01,2026-01-31,no,6,30,,JPY,flat_fee,,5000,,,,"
	"Went another way,\n";

/* Import text as FILE name for kind; returns stdout. */
static char *import_text(const char *kind, const char *name, const char *text)
{
	struct run r;
	char *path = xstrdup(harness_write(&H, name, text)), *out;

	IO_OK(&r, NULL, "import", kind, path);
	out = xstrdup(r.out);
	run_finish(&r);
	free(path);
	return out;
}

static char *export_of(const char *kind, const char *format)
{
	struct run r;
	char *out;

	if (format != NULL)
		IO_OK(&r, NULL, "export", kind, "--format", format);
	else
		IO_OK(&r, NULL, "export", kind);
	out = xstrdup(r.out);
	run_finish(&r);
	return out;
}

/* export, import into an empty database, export again: the same bytes. */
static void check_round_trip(void)
{
	char *p1 = export_of("partners", NULL), *c1 = export_of("contracts", NULL);
	char *p2, *c2;

	io_use_db("second.db");
	free(import_text("partners", "p1.csv", p1));
	free(import_text("contracts", "c1.csv", c1));
	p2 = export_of("partners", NULL);
	c2 = export_of("contracts", NULL);
	/* An import leaves CHECK constraints to the core's validation:
	 * integrity_check evaluates every one of them again. */
	ck_assert_str_eq(db_text("PRAGMA integrity_check", 0), "ok");
	ck_assert_str_eq(p2, p1);
	ck_assert_str_eq(c2, c1);
	free(p1);
	free(c1);
	free(p2);
	free(c2);
}

static json_t *find_by(json_t *rows, const char *key, const char *value)
{
	size_t i;
	json_t *row;

	json_array_foreach(rows, i, row)
	{
		if (json_is_string(json_object_get(row, key)) &&
		    strcmp(json_string_value(json_object_get(row, key)), value) == 0)
			return row;
	}
	ck_abort_msg("no row with %s = %s", key, value);
	return NULL;
}

START_TEST(round_trip_tricky_values)
{
	char *out = import_text("partners", "p.csv", TRICKY_PARTNERS);

	ck_assert_str_eq(out, "imported 3 partners\n");
	free(out);
	out = import_text("contracts", "c.csv", TRICKY_CONTRACTS);
	ck_assert_str_eq(out, "imported 2 contracts\n");
	free(out);
	check_round_trip();
}
END_TEST

/* The values arrive as written, ids kept, derived fields recomputed. */
START_TEST(import_keeps_values_and_ids)
{
	json_t *rows, *p, *c;
	char *out;

	free(import_text("partners", "p.csv", TRICKY_PARTNERS));
	free(import_text("contracts", "c.csv", TRICKY_CONTRACTS));
	out = export_of("partners", "json");
	rows = parse_json(out);
	p = find_by(rows, "name", "Comma, Inc.");
	ck_assert_int_eq(json_integer_value(json_object_get(p, "id")), 7);
	ck_assert_str_eq(json_string_value(json_object_get(p, "notes")),
			 "He said \"hi\"\nsecond line");
	ck_assert_str_eq(json_string_value(json_object_get(p, "region")), "=SUM(A1)");
	ck_assert_str_eq(json_string_value(json_object_get(p, "value_together")), "'quoted'");
	ck_assert_str_eq(json_string_value(json_object_get(p, "status_note")), "Ça va — 東京 🚀");
	ck_assert_str_eq(json_string_value(json_object_get(p, "owner")), "tester");
	/* W = 30*90 + 25*80 + 20*70 + 15*60 + 10*50 = 7500: tier 2, not the file's 99 */
	ck_assert_int_eq(json_integer_value(json_object_get(p, "tier")), 2);
	ck_assert(json_real_value(json_object_get(p, "score")) == 75.0);
	ck_assert_str_eq(json_string_value(json_object_get(p, "score_date")), "2026-09-15");
	p = find_by(rows, "name", "東京データ 🚀");
	ck_assert_str_eq(json_string_value(json_object_get(p, "phase")), "prospect");
	ck_assert(json_is_null(json_object_get(p, "tier")));
	ck_assert(json_is_null(json_object_get(p, "health")));
	p = find_by(rows, "name", "Société Générale de Test");
	ck_assert_str_eq(json_string_value(json_object_get(p, "notes")), "\ttabbed, then text");
	ck_assert_str_eq(json_string_value(json_object_get(p, "value_partner")), "  two spaces  ");
	ck_assert_str_eq(json_string_value(json_object_get(p, "score_date")), "2026-11-22");
	json_decref(rows);
	free(out);

	out = export_of("contracts", "json");
	rows = parse_json(out);
	c = find_by(rows, "title", "=cmd|' /C calc'!A0");
	ck_assert_int_eq(json_integer_value(json_object_get(c, "id")), 40);
	ck_assert_str_eq(json_string_value(json_object_get(c, "partner")), "Comma, Inc.");
	ck_assert_str_eq(json_string_value(json_object_get(c, "annual_value")), "125000.50");
	ck_assert_str_eq(json_string_value(json_object_get(c, "currency")), "EUR");
	ck_assert_str_eq(json_string_value(json_object_get(c, "model_pct")), "30/20/15");
	ck_assert(json_is_true(json_object_get(c, "auto_renew")));
	c = find_by(rows, "title", "Lizenz für 東京");
	ck_assert_str_eq(json_string_value(json_object_get(c, "partner")), "東京データ 🚀");
	json_decref(rows);
	free(out);
}
END_TEST

/* Windows tools write a byte order mark and CRLF, also inside quoted
 * fields; the data must come out as if written with LF. */
START_TEST(crlf_and_bom_read_like_lf)
{
	static const char LF[] = "name,type,notes\nAcme,channel,\"line one\nline two\"\n"
				 "Zeta,referral,\n";
	static const char CRLF[] = "\xEF\xBB\xBFname,type,notes\r\nAcme,channel,\"line one\r\n"
				   "line two\"\r\nZeta,referral,\r\n";
	char *a, *b, *out;
	json_t *rows;

	free(import_text("partners", "crlf.csv", CRLF));
	a = export_of("partners", NULL);
	rows = parse_json(out = export_of("partners", "json"));
	ck_assert_int_eq(json_array_size(rows), 2);
	ck_assert_str_eq(json_string_value(json_object_get(find_by(rows, "name", "Acme"), "notes")),
			 "line one\nline two");
	json_decref(rows);
	free(out);
	io_use_db("lf.db");
	free(import_text("partners", "lf.csv", LF));
	b = export_of("partners", NULL);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

START_TEST(export_guards_formula_cells)
{
	char *out;

	free(import_text("partners", "p.csv", TRICKY_PARTNERS));
	out = export_of("partners", NULL);
	ck_assert_msg(strstr(out, ",'=SUM(A1),'+44 20 7946,'@cmd,'-5 margin,''quoted',") != NULL,
		      "formula cells not guarded: %s", out);
	ck_assert_msg(strstr(out, ",\"'\ttabbed, then text\",") != NULL, "tab not guarded: %s",
		      out);
	ck_assert_msg(strstr(out, "\"He said \"\"hi\"\"\nsecond line\"") != NULL,
		      "quotes and newline not escaped: %s", out);
	free(out);
	free(import_text("contracts", "c.csv", TRICKY_CONTRACTS));
	out = export_of("contracts", "csv");
	ck_assert_msg(strstr(out, ",'=cmd|' /C calc'!A0,") != NULL, "title not guarded: %s", out);
	free(out);
}
END_TEST

/* CSV by default (and for --format table): the header and one line per row. */
START_TEST(export_csv_shape)
{
	char *out, *want;

	out = export_of("partners", NULL);
	want = xasprintf("%s\r\n", PARTNER_HEADER);
	ck_assert_str_eq(out, want);
	free(out);
	free(import_text("partners", "p.csv", "name,type\nSolo,channel\n"));
	out = export_of("partners", "table");
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "no CSV header: %s", out);
	ck_assert_str_eq(out + strlen(want),
			 "1,Solo,channel,prospect,tester,,,,,,,,,,,,,,,,,,,,\r\n");
	free(want);
	free(out);
	out = export_of("contracts", NULL);
	ck_assert_str_eq(out, "id,partner,title,status,start_date,end_date,auto_renew,"
			      "renewal_months,notice_days,annual_value,currency,model,model_pct,"
			      "model_amount,exclusivity,exclusivity_end,liability_cap,"
			      "termination_reason,notes\r\n");
	free(out);
}
END_TEST

/* JSON export: an array of objects with exactly the export keys, in order. */
START_TEST(export_json_shape)
{
	static const char *const keys[] = {
		"id", "name", "type", "phase", "owner", "origin", "power", "goal", "region",
		"website", "value_partner", "value_us", "value_together", "notes", "health",
		"status_note", "status_date", "fit", "reach", "capabilities", "financial",
		"track_record", "score_date", "score", "tier", NULL,
	};
	char *out;
	json_t *rows, *row, *v;
	const char *k;
	size_t i = 0;

	out = export_of("partners", "json");
	rows = parse_json(out);
	ck_assert(json_is_array(rows));
	ck_assert_int_eq(json_array_size(rows), 0);
	json_decref(rows);
	free(out);
	free(import_text("partners", "p.csv", TRICKY_PARTNERS));
	out = export_of("partners", "json");
	rows = parse_json(out);
	ck_assert_int_eq(json_array_size(rows), 3);
	row = json_array_get(rows, 0);
	json_object_foreach(row, k, v)
	{
		ck_assert_msg(keys[i] != NULL, "extra key %s", k);
		ck_assert_str_eq(k, keys[i]);
		i++;
	}
	ck_assert_msg(keys[i] == NULL, "missing key %s", keys[i]);
	json_decref(rows);
	free(out);
}
END_TEST

START_TEST(import_from_stdin)
{
	struct run r;

	IO_OK(&r, "name,type\nAlpha,channel\nBeta,technology\n", "import", "partners", "-");
	ck_assert_str_eq(r.out, "imported 2 partners\n");
	run_finish(&r);
	IO_OK(&r, "partner,title,start_date,end_date\nBeta,Deal,2026-01-01,2026-12-31\n", "import",
	      "contracts", "-");
	ck_assert_str_eq(r.out, "imported 1 contract\n");
	run_finish(&r);
	io_fails(1, "-:2: column type: 'galaxy' is not one of: ", 1, "name,type\nGamma,galaxy\n",
		 "import", "partners", "-", NULL);
}
END_TEST


/* An import is one change: one audit row per record, all with its id,
 * labelled with the file; deleting what those rows added takes the
 * database back to where it was, as an undo of the import will. */
static void undo_import(const char *tbl)
{
	long long change = atoll(db_text("SELECT max(id) FROM changes", 0));

	if (strcmp(tbl, "partners") == 0)
		db_exec("DELETE FROM partners WHERE id IN (SELECT row_id FROM audit_log WHERE "
			"change_id = ?1 AND tbl = 'partners' AND field = '*' AND old_value IS NULL)",
			change);
	else
		db_exec("DELETE FROM contracts WHERE id IN (SELECT row_id FROM audit_log WHERE "
			"change_id = ?1 AND tbl = 'contracts' AND field = '*' AND old_value IS NULL)",
			change);
}

START_TEST(import_is_one_change)
{
	char *p0, *c0, *p1, *c1, *path, *want;
	long long change;

	free(import_text("partners", "seed.csv", "name,type\nExisting Partner,channel\n"));
	p0 = export_of("partners", NULL);
	c0 = export_of("contracts", NULL);
	path = xstrdup(harness_write(&H, "p.csv", TRICKY_PARTNERS));
	free(import_text("partners", "p.csv", TRICKY_PARTNERS));
	change = atoll(db_text("SELECT max(id) FROM changes", 0));
	want = xasprintf("import partners %s", path);
	ck_assert_str_eq(db_text("SELECT what FROM changes WHERE id = ?1", change), want);
	ck_assert_str_eq(db_text("SELECT user FROM changes WHERE id = ?1", change), "tester");
	/* Three records, three rows: status and scoring are in their own
	 * history, not field by field in the log. */
	ck_assert_str_eq(db_text("SELECT count(*) FROM audit_log WHERE change_id = ?1", change), "3");
	ck_assert_str_eq(db_text("SELECT count(*) FROM audit_log WHERE change_id = ?1 AND "
				 "tbl = 'partners' AND field = '*' AND user = 'tester'",
				 change),
			 "3");
	ck_assert_str_eq(db_text("SELECT min(id) FROM audit_log WHERE change_id = ?1", change),
			 db_text("SELECT id FROM changes WHERE id = ?1", change));
	ck_assert_str_eq(db_text("SELECT count(*) FROM status_updates", 0), "2");
	ck_assert_str_eq(db_text("SELECT count(*) FROM scores", 0), "2");
	free(import_text("contracts", "c.csv", TRICKY_CONTRACTS));
	ck_assert_str_eq(db_text("SELECT count(*) FROM audit_log WHERE change_id = "
				 "(SELECT max(id) FROM changes) AND tbl = 'contracts'",
				 0),
			 "2");
	undo_import("contracts");
	c1 = export_of("contracts", NULL);
	ck_assert_str_eq(c1, c0);
	/* The contracts' change was the newest: take the partners' one. */
	db_exec("DELETE FROM changes WHERE id > ?1", change);
	undo_import("partners");
	p1 = export_of("partners", NULL);
	ck_assert_str_eq(p1, p0);
	free(p0);
	free(c0);
	free(p1);
	free(c1);
	free(path);
	free(want);
}
END_TEST

/* Each bad file: exit 1, the exact message, nothing written. */
static void bad_file(const char *kind, const char *text, const char *msg_after_path, int prefix)
{
	char *path = xstrdup(harness_write(&H, "bad.csv", text));
	char *msg = xasprintf("%s:%s", path, msg_after_path);

	io_fails(1, msg, prefix, NULL, "import", kind, path, NULL);
	free(msg);
	free(path);
}

/* A database with one partner, so "unchanged" means something. */
static void one_partner(void)
{
	free(import_text("partners", "seed.csv", "name,type\nExisting Partner,channel\n"));
}

/* A file without a header is refused, not taken for "0 imported": it is
 * more likely the wrong or a truncated file. */
START_TEST(import_empty_files)
{
	struct run r;

	io_fails(1, "-:1: column name: missing", 0, "", "import", "partners", "-", NULL);
	io_fails(1, "-:1: column name: missing", 0, "\xEF\xBB\xBF", "import", "partners", "-",
		 NULL);
	io_fails(1, "-:1: column partner: missing", 0, "", "import", "contracts", "-", NULL);
	bad_file("partners", "", "1: column name: missing", 0);
	/* A header alone is a file with no records. */
	IO_OK(&r, "\xEF\xBB\xBFname,type\r\n", "import", "partners", "-");
	ck_assert_str_eq(r.out, "imported 0 partners\n");
	run_finish(&r);
	IO_OK(&r, "partner,title,start_date,end_date\n", "import", "contracts", "-");
	ck_assert_str_eq(r.out, "imported 0 contracts\n");
	run_finish(&r);
}
END_TEST

START_TEST(import_header_errors)
{
	one_partner();
	bad_file("partners", "name,type,colour\nA,channel,blue\n",
		 "1: column colour: unknown column", 0);
	bad_file("partners", "name,type,name\nA,channel,B\n", "1: column name: appears twice", 0);
	bad_file("partners", "id,type\n1,channel\n", "1: column name: missing", 0);
	bad_file("contracts", "partner,title,start_date\nExisting Partner,T,2026-01-01\n",
		 "1: column end_date: missing", 0);
	bad_file("contracts", "partner,title,start_date,end_date,flags\n",
		 "1: column flags: unknown column", 0);
}
END_TEST

START_TEST(import_bad_enum_on_line_3)
{
	one_partner();
	bad_file("partners", "name,type\nGood One,channel\nBad One,galaxy\n",
		 "3: column type: 'galaxy' is not one of: ", 1);
}
END_TEST

/* Lines are physical lines: a quoted newline moves the next record down. */
START_TEST(import_line_numbers_count_quoted_newlines)
{
	one_partner();
	bad_file("partners",
		 "name,type,notes,health,status_date\n"
		 "Two,channel,\"first\nsecond\",green,2026-01-01\n"
		 "\n"
		 "Third,channel,,green,2026-02-30\n",
		 "5: column status_date: '2026-02-30' is not a real date", 1);
}
END_TEST

START_TEST(import_bad_date)
{
	one_partner();
	bad_file("contracts",
		 "partner,title,start_date,end_date\nExisting Partner,T,2026-01-01,2026-02-30\n",
		 "2: column end_date: '2026-02-30' is not a real date", 1);
	bad_file("contracts",
		 "partner,title,start_date,end_date\nExisting Partner,T,2026-12-01,2026-01-01\n",
		 "2: column end_date: ", 1);
}
END_TEST

START_TEST(import_duplicate_names)
{
	one_partner();
	bad_file("partners", "name,type\nTwin,channel\nTWIN,referral\n",
		 "3: column name: a partner named 'TWIN' already exists", 0);
	bad_file("partners", "name,type\nFresh,channel\nexisting partner,referral\n",
		 "3: column name: a partner named 'existing partner' already exists", 0);
	bad_file("partners", "id,name,type\n1,Other,channel\n", "2: column id: 1 is already used",
		 0);
}
END_TEST

START_TEST(import_malformed_csv)
{
	one_partner();
	bad_file("partners", "name,type,notes\nA,channel,fine\nB,channel,\"never closed\n\n",
		 "3: malformed CSV: a quoted field is never closed", 0);
	bad_file("partners", "name,type\nA,chan\"nel\n",
		 "2: malformed CSV: stray quote (quote the whole field and double each quote "
		 "inside it)",
		 0);
	bad_file("partners", "name,type\nA,channel,extra\n",
		 "2: malformed CSV: 3 fields, but the header has 2", 0);
}
END_TEST

/* The earliest problem is the one reported, whatever its kind. */
START_TEST(import_malformed_first_problem_wins)
{
	static const char text[] = "name,type\nA,channel\nB\nC,chan\"nel\n";
	static const char nul[] = "name,type\nA,chan\0nel\n";
	char *path = xasprintf("%s/nul.csv", H.dir), *msg;
	FILE *f;

	one_partner();
	bad_file("partners", text, "3: malformed CSV: 1 fields, but the header has 2", 0);
	bad_file("partners", "name,type,\nA,channel,\n", "1: column 3: has no name", 0);
	f = fopen(path, "wb");
	ck_assert(f != NULL);
	fwrite(nul, 1, sizeof nul - 1, f);
	fclose(f);
	msg = xasprintf("%s:2: malformed CSV: a NUL byte", path);
	io_fails(1, msg, 0, NULL, "import", "partners", path, NULL);
	free(msg);
	free(path);
}
END_TEST

START_TEST(import_contract_errors)
{
	one_partner();
	bad_file("contracts", "partner,title,start_date,end_date\nNobody,T,2026-01-01,2026-12-31\n",
		 "2: column partner: no partner 'Nobody'", 0);
	bad_file("contracts",
		 "partner,title,start_date,end_date,annual_value\n"
		 "Existing Partner,T,2026-01-01,2026-12-31,12k\n",
		 "2: column annual_value: ", 1);
	bad_file("contracts",
		 "partner,title,start_date,end_date,status\n"
		 "Existing Partner,T,2026-01-01,2026-12-31,pending\n",
		 "2: column status: 'pending' is not one of: ", 1);
}
END_TEST

START_TEST(import_partial_score)
{
	one_partner();
	bad_file("partners", "name,type,fit,reach\nHalf,channel,80,\n",
		 "2: column reach: missing (give all five criteria, or none)", 0);
	bad_file("partners",
		 "name,type,fit,reach,capabilities,financial,track_record\n"
		 "Over,channel,80,80,80,80,101\n",
		 "2: column track_record: 101 is out of range 0-100", 0);
	bad_file("partners", "name,type,status_note\nNoHealth,channel,all good\n",
		 "2: column health: missing (a status note or date needs a health)", 0);
}
END_TEST

START_TEST(import_usage_and_missing_file)
{
	char *path = xasprintf("%s/nope.csv", H.dir), *msg;

	one_partner();
	msg = xasprintf("%s: cannot open: No such file or directory", path);
	io_fails(1, msg, 0, NULL, "import", "partners", path, NULL);
	io_fails(2, "missing FILE", 1, NULL, "import", "partners", NULL);
	io_fails(2, "unknown subcommand 'import people'", 1, NULL, "import", "people", "x.csv",
		 NULL);
	free(msg);
	free(path);
}
END_TEST

START_TEST(round_trip_demo)
{
	struct run r;

	IO_OK(&r, NULL, "demo");
	run_finish(&r);
	check_round_trip();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("io");
	TCase *tc = cli_tcase("round trip");

	tcase_add_test(tc, round_trip_tricky_values);
	tcase_add_test(tc, import_keeps_values_and_ids);
	tcase_add_test(tc, crlf_and_bom_read_like_lf);
	tcase_add_test(tc, round_trip_demo);
	suite_add_tcase(s, tc);
	tc = cli_tcase("export");
	tcase_add_test(tc, export_guards_formula_cells);
	tcase_add_test(tc, export_csv_shape);
	tcase_add_test(tc, export_json_shape);
	suite_add_tcase(s, tc);
	tc = cli_tcase("import");
	tcase_add_test(tc, import_from_stdin);
	tcase_add_test(tc, import_is_one_change);
	tcase_add_test(tc, import_empty_files);
	tcase_add_test(tc, import_header_errors);
	tcase_add_test(tc, import_bad_enum_on_line_3);
	tcase_add_test(tc, import_line_numbers_count_quoted_newlines);
	tcase_add_test(tc, import_bad_date);
	tcase_add_test(tc, import_duplicate_names);
	tcase_add_test(tc, import_malformed_csv);
	tcase_add_test(tc, import_malformed_first_problem_wins);
	tcase_add_test(tc, import_contract_errors);
	tcase_add_test(tc, import_partial_score);
	tcase_add_test(tc, import_usage_and_missing_file);
	suite_add_tcase(s, tc);
	return cli_run_suite(s);
}
