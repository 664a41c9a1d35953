/* check-store-audit.c: paging through the audit log by id
 * (store_audit_page), counting it whole or from an id on, and its newest
 * id; and that each is served by the primary key, not a scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/store/store-private.h"
#include "ally/text.h"
#include "ally/util.h"
#include "fixture.h"

#define ROWS 30

/* Partners "Partner 01".."Partner 30", one audit row each: ids[0] is the
 * oldest row's id. */
static int64_t ids[ROWS];

static void audit_setup(void)
{
	struct ally_err err = { 0 };
	struct audit_list l;

	fx_setup();
	for (int i = 0; i < ROWS; i++) {
		char name[16];

		snprintf(name, sizeof name, "Partner %02d", i + 1);
		fx_partner(name, PTYPE_CHANNEL);
	}
	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, ROWS);
	for (int i = 0; i < ROWS; i++)
		ids[i] = l.rows[ROWS - 1 - i].id;
	audit_list_finish(&l);
}

/* The ids of a page, newest first, as "30 29 28". */
static char *page_ids(const struct audit_list *l)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%lld", i ? " " : "", (long long)l->rows[i].id);
	return buf_take(&b);
}

/* The page of store_audit_page has the rows of ids[from] down to
 * ids[to] (indexes into ids, from >= to; from < to: none). */
static void page_is(const char *text, int64_t before, int64_t after, size_t limit, int from,
		    int to)
{
	struct ally_err err = { 0 };
	struct audit_list l = { NULL, 0 };
	struct buf want;
	char *got, *w;

	ck_assert_ok(store_audit_page(fx_store, text, before, after, limit, &l, &err), err);
	buf_init(&want);
	for (int i = from; i >= to; i--)
		buf_printf(&want, "%s%lld", i != from ? " " : "", (long long)ids[i]);
	w = buf_take(&want);
	got = page_ids(&l);
	ck_assert_msg(strcmp(got, w) == 0,
		      "before %lld after %lld limit %zu: got \"%s\", want \"%s\"",
		      (long long)before, (long long)after, limit, got, w);
	free(got);
	free(w);
	audit_list_finish(&l);
}

START_TEST(test_page_newest_and_older)
{
	/* No bound: the newest rows, newest first. */
	page_is(NULL, 0, 0, 3, ROWS - 1, ROWS - 3);
	page_is(NULL, 0, 0, 0, ROWS - 1, 0); /* limit 0: all */
	/* Below an id: the rows just older, newest first. */
	page_is(NULL, ids[10], 0, 4, 9, 6);
	page_is(NULL, ids[2], 0, 10, 1, 0); /* fewer than asked: the end */
	page_is(NULL, ids[0], 0, 10, -1, 0);
}
END_TEST

START_TEST(test_page_newer_and_oldest)
{
	/* Above an id: the rows just newer, still newest first. */
	page_is(NULL, 0, ids[10], 4, 14, 11);
	page_is(NULL, 0, ids[ROWS - 3], 10, ROWS - 1, ROWS - 2);
	page_is(NULL, 0, ids[ROWS - 1], 10, -1, 0);
	/* From the start: the oldest rows. */
	page_is(NULL, 0, STORE_AUDIT_START, 3, 2, 0);
	page_is(NULL, 0, STORE_AUDIT_START, 0, ROWS - 1, 0);
	/* Both bounds: the rows between, those nearest after_id first taken. */
	page_is(NULL, ids[20], ids[10], 0, 19, 11);
	page_is(NULL, ids[20], ids[10], 3, 13, 11);
	page_is(NULL, ids[11], ids[10], 5, -1, 0);
}
END_TEST

/* Page after page either way gives the log of store_audit_list, each page
 * taken from the edge id of the one before. */
START_TEST(test_page_walks_the_log)
{
	struct ally_err err = { 0 };
	struct audit_list all, l;
	size_t at = 0, got;
	int64_t before = 0, after = STORE_AUDIT_START;

	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &all, &err), err);
	do {
		ck_assert_ok(store_audit_page(fx_store, NULL, before, 0, 7, &l, &err), err);
		for (size_t i = 0; i < l.n; i++, at++) {
			ck_assert_uint_lt(at, all.n);
			ck_assert_int_eq(l.rows[i].id, all.rows[at].id);
		}
		before = l.n > 0 ? l.rows[l.n - 1].id : before;
		got = l.n;
		audit_list_finish(&l);
	} while (got > 0);
	ck_assert_uint_eq(at, all.n);
	do {
		ck_assert_ok(store_audit_page(fx_store, NULL, 0, after, 7, &l, &err), err);
		for (size_t i = l.n; i-- > 0;) {
			ck_assert_uint_gt(at, 0);
			ck_assert_int_eq(l.rows[i].id, all.rows[--at].id);
		}
		after = l.n > 0 ? l.rows[0].id : after;
		got = l.n;
		audit_list_finish(&l);
	} while (got > 0);
	ck_assert_uint_eq(at, 0);
	audit_list_finish(&all);
}
END_TEST

/* With text, a page holds the matching rows only: "1" is in the names of
 * Partner 01, 10 to 19 and 21 (ids[0], ids[9..18], ids[20]). */
START_TEST(test_page_filter)
{
	struct ally_err err = { 0 };
	struct audit_list l = { NULL, 0 };

	ck_assert_ok(store_audit_page(fx_store, "1", 0, 0, 3, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(l.rows[0].id, ids[20]);
	ck_assert_int_eq(l.rows[1].id, ids[18]);
	ck_assert_int_eq(l.rows[2].id, ids[17]);
	audit_list_finish(&l);
	/* Below Partner 10: only Partner 01 matches. */
	page_is("1", ids[9], 0, 5, 0, 0);
	/* Above Partner 01, the nearest first taken: Partner 10 and 11. */
	ck_assert_ok(store_audit_page(fx_store, "partner 1", 0, ids[0], 2, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].id, ids[10]);
	ck_assert_int_eq(l.rows[1].id, ids[9]);
	audit_list_finish(&l);
	/* LIKE's wildcards are text. */
	ck_assert_ok(store_audit_page(fx_store, "%", 0, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	audit_list_finish(&l);
}
END_TEST

/* The count of rows text matches, and that the list and a page of them
 * agree with it. */
static size_t matching(const char *text)
{
	struct ally_err err = { 0 };
	struct audit_list l = { NULL, 0 }, page = { NULL, 0 };
	size_t n = 0;

	ck_assert_ok(store_audit_count(fx_store, text, &n, &err), err);
	ck_assert_ok(store_audit_list(fx_store, text, 0, 0, &l, &err), err);
	ck_assert_ok(store_audit_page(fx_store, text, 0, 0, 0, &page, &err), err);
	ck_assert_uint_eq(l.n, n);
	ck_assert_uint_eq(page.n, n);
	audit_list_finish(&l);
	audit_list_finish(&page);
	return n;
}

/* Letter case is ignored in every script, as text_fold ignores it, in the
 * partner's name, the user and the values alike: MÜLLER finds Müller,
 * ελληνική finds ΕΛΛΗΝΙΚΗ, not only FJORD fjord. */
START_TEST(test_filter_unicode_case)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("Åsa", 1000);
	struct partner p;
	int64_t id;

	fx_partner("Müller Logistik", PTYPE_CHANNEL);
	fx_partner("ΕΛΛΗΝΙΚΉ Εταιρεία", PTYPE_CHANNEL);
	fx_partner("Fjord Systems", PTYPE_CHANNEL);
	partner_init(&p);
	p.name = xstrdup("Δέλτα");
	p.type = PTYPE_CHANNEL;
	ck_assert_ok(store_partner_add(other, &p, &err), err);
	id = p.id;
	partner_finish(&p);
	ck_assert_ok(store_partner_get(other, id, &p, &err), err);
	str_set(&p.region, "Straße ÖSTERREICH");
	ck_assert_ok(store_partner_update(other, &p, &err), err);
	partner_finish(&p);
	store_close(other);

	ck_assert_uint_eq(matching("FJORD"), 1);
	ck_assert_uint_eq(matching("MÜLLER"), 1);
	ck_assert_uint_eq(matching("müller"), 1);
	ck_assert_uint_eq(matching("ελληνική"), 1);
	ck_assert_uint_eq(matching("Ελληνικη"), 0); /* no accent: not the same letters */
	ck_assert_uint_eq(matching("δΈΛΤΑ"), 2);    /* the name, on its two rows */
	ck_assert_uint_eq(matching("åSA"), 2);      /* the user */
	ck_assert_uint_eq(matching("österreich"), 1); /* a new value */
	ck_assert_uint_eq(matching("STRASSE"), 0);  /* simple lower-casing, no ß = ss */
	/* Every row the filter matches is counted from an id on too. */
	{
		size_t n = 0;

		ck_assert_ok(store_audit_count_after(fx_store, "MÜLLER", ids[ROWS - 1], &n, &err),
			     err);
		ck_assert_uint_eq(n, 1);
	}
}
END_TEST

/* ally_fold in SQL is text_fold, on its short way for ASCII too. */
START_TEST(test_sql_fold_is_text_fold)
{
	static const char *const texts[] = {
		"Fjord", "  MIXED Case\t\n", "\v\f", "", "plain", "Müller", " ΕΛΛΗΝΙΚΉ ",
		"\xc2\xa0Åsa\xe3\x80\x80", "bad \xff BYTE", "A_B%C", "\x7f DEL",
	};
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_prepare_v2(fx_store->db, "SELECT ally_fold(?1), ally_fold(NULL)",
					    -1, &st, NULL),
			 SQLITE_OK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *want = text_fold(texts[i]);

		sqlite3_bind_text(st, 1, texts[i], -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), want);
		ck_assert_int_eq(sqlite3_column_type(st, 1), SQLITE_NULL);
		sqlite3_reset(st);
		free(want);
	}
	sqlite3_finalize(st);
}
END_TEST

/* Each page is a range of the primary key, already in order, whether it
 * reads down or up, with or without text. */
START_TEST(test_page_plan)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	struct fx_traced t = { .n = 0 };

	fx_trace_start(&t);
	ck_assert_ok(store_audit_page(fx_store, NULL, ids[10], 0, 5, &l, &err), err);
	audit_list_finish(&l);
	ck_assert_ok(store_audit_page(fx_store, "x", 0, ids[10], 5, &l, &err), err);
	audit_list_finish(&l);
	fx_trace_stop();
	ck_assert_int_eq(t.n, 2);
	for (int i = 0; i < t.n; i++) {
		fx_assert_plan_has(t.sql[i],
				   "SEARCH a USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)");
		fx_assert_plan_lacks(t.sql[i], "TEMP B-TREE");
		fx_assert_plan_lacks(t.sql[i], "SCAN a");
	}
	fx_traced_free(&t);
}
END_TEST

START_TEST(test_count)
{
	struct ally_err err = { 0 };
	size_t n = 0;

	ck_assert_ok(store_audit_count(fx_store, NULL, &n, &err), err);
	ck_assert_uint_eq(n, ROWS);
	ck_assert_ok(store_audit_count(fx_store, "1", &n, &err), err);
	ck_assert_uint_eq(n, 12);
	ck_assert_ok(store_audit_count(fx_store, "", &n, &err), err); /* "": no filter */
	ck_assert_uint_eq(n, ROWS);
	ck_assert_ok(store_audit_count_after(fx_store, NULL, ids[24], &n, &err), err);
	ck_assert_uint_eq(n, 5);
	ck_assert_ok(store_audit_count_after(fx_store, "1", ids[10], &n, &err), err);
	ck_assert_uint_eq(n, 9); /* Partner 12..19, 21 */
	ck_assert_ok(store_audit_count_after(fx_store, "1", 0, &n, &err), err);
	ck_assert_uint_eq(n, 12);
	ck_assert_ok(store_audit_count_after(fx_store, NULL, ids[ROWS - 1], &n, &err), err);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* With no text neither count reads the partners; from an id on, the count
 * is a range of the primary key. */
START_TEST(test_count_plan)
{
	struct ally_err err = { 0 };
	struct fx_traced t = { .n = 0 };
	size_t n;

	fx_trace_start(&t);
	ck_assert_ok(store_audit_count(fx_store, NULL, &n, &err), err);
	ck_assert_ok(store_audit_count_after(fx_store, NULL, ids[3], &n, &err), err);
	fx_trace_stop();
	ck_assert_int_eq(t.n, 2);
	fx_assert_plan_lacks(t.sql[0], "partners");
	fx_assert_plan_lacks(t.sql[1], "partners");
	fx_assert_plan_has(t.sql[1], "SEARCH audit_log USING INTEGER PRIMARY KEY (rowid>?)");
	fx_traced_free(&t);
}
END_TEST

/* The newest id, and the rows another connection writes after it are
 * exactly the rows counted above it. */
START_TEST(test_last_id)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("other", 1000);
	int64_t last = 0, now = 0;
	size_t n = 0;

	ck_assert_ok(store_audit_last_id(fx_store, &last, &err), err);
	ck_assert_int_eq(last, ids[ROWS - 1]);
	for (int i = 0; i < 3; i++) {
		struct partner p;

		partner_init(&p);
		p.name = xasprintf("Other %d", i);
		p.type = PTYPE_CHANNEL;
		ck_assert_ok(store_partner_add(other, &p, &err), err);
		partner_finish(&p);
	}
	store_close(other);
	ck_assert_ok(store_audit_count_after(fx_store, NULL, last, &n, &err), err);
	ck_assert_uint_eq(n, 3);
	ck_assert_ok(store_audit_count_after(fx_store, "other", last, &n, &err), err);
	ck_assert_uint_eq(n, 3);
	ck_assert_ok(store_audit_last_id(fx_store, &now, &err), err);
	ck_assert_int_gt(now, last);
}
END_TEST

/* (fx_setup only: no partner, no audit row) */
START_TEST(test_empty_log)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	int64_t last = -1;
	size_t n = 1;

	ck_assert_ok(store_audit_last_id(fx_store, &last, &err), err);
	ck_assert_int_eq(last, 0);
	ck_assert_ok(store_audit_count(fx_store, NULL, &n, &err), err);
	ck_assert_uint_eq(n, 0);
	ck_assert_ok(store_audit_count_after(fx_store, "x", 0, &n, &err), err);
	ck_assert_uint_eq(n, 0);
	ck_assert_ok(store_audit_page(fx_store, NULL, 0, STORE_AUDIT_START, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	audit_list_finish(&l);
	ck_assert_ok(store_audit_page(fx_store, NULL, 0, 0, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	audit_list_finish(&l);
}
END_TEST

static Suite *store_audit_suite(void)
{
	Suite *s = suite_create("store-audit");
	struct {
		const char *name;
		const TTest *test;
	} cases[] = {
		{ "store_audit_page", test_page_newest_and_older },
		{ "store_audit_page", test_page_newer_and_oldest },
		{ "store_audit_page", test_page_walks_the_log },
		{ "store_audit_page", test_page_filter },
		{ "store_audit_page", test_filter_unicode_case },
		{ "store_audit_page", test_sql_fold_is_text_fold },
		{ "store_audit_page", test_page_plan },
		{ "store_audit_count", test_count },
		{ "store_audit_count", test_count_plan },
		{ "store_audit_last_id", test_last_id },
	};
	TCase *tc = NULL;
	const char *prev = "";

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (strcmp(prev, cases[i].name) != 0) {
			tc = tcase_create(cases[i].name);
			tcase_add_checked_fixture(tc, audit_setup, fx_teardown);
			suite_add_tcase(s, tc);
			prev = cases[i].name;
		}
		tcase_add_test(tc, cases[i].test);
	}
	tc = tcase_create("empty log");
	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_empty_log);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_audit_suite(), argc, argv);
}
