/* check-ui-history.c: the history view's state over a real (in-memory)
 * database: newest first, paging through a window by id, the end without
 * the whole log, the filter prompt, and rows added while it is open. */
#include "ally/ui-history.h"
#include "core-test.h"

#include <stdio.h>

#include "ally/partner.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

static struct store *db;

static void setup(void)
{
	struct store_opts o = { .user = "tester" };
	struct ally_err err = { 0 };

	db = store_open(":memory:", &o, &err);
	ck_assert_msg(db != NULL, "store_open: %s", err.msg);
	ck_assert_int_eq(store_migrate(db, &err), ALLY_OK);
}

static void teardown(void)
{
	store_close(db);
	db = NULL;
}

static int64_t add_partner(const char *name)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = PTYPE_CHANNEL;
	ck_assert_msg(store_partner_add(db, &p, &err) == ALLY_OK, "%s", err.msg);
	id = p.id;
	partner_finish(&p);
	return id;
}

/* n partners "P001".."Pnnn", one audit row each, in one transaction. */
static void add_partners(int n)
{
	struct ally_err err = { 0 };
	char name[16];

	ck_assert_int_eq(store_begin(db, &err), ALLY_OK);
	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof name, "P%03d", i);
		add_partner(name);
	}
	ck_assert_int_eq(store_commit(db, &err), ALLY_OK);
}

static size_t log_rows(void)
{
	struct ally_err err = { 0 };
	size_t n = 0;

	ck_assert_int_eq(store_audit_count(db, NULL, &n, &err), ALLY_OK);
	return n;
}

static struct ui_history *loaded(size_t height)
{
	struct ally_err err = { 0 };
	struct ui_history *h = ui_history_new(db);

	ui_history_set_height(h, height);
	ck_assert_msg(ui_history_load(h, &err) == ALLY_OK, "%s", err.msg);
	return h;
}

static enum ui_result key(struct ui_history *h, int k)
{
	struct ally_err err = { 0 };
	int64_t open = 0;
	enum ui_result r = ui_history_key(h, k, &open, &err);

	ck_assert_msg(err.status == ALLY_OK, "%s", err.msg);
	return r;
}

static void type(struct ui_history *h, const char *s)
{
	for (; *s; s++)
		ck_assert_int_eq(key(h, (unsigned char)*s), UI_HANDLED);
}

static const char *selected_partner(const struct ui_history *h)
{
	const struct audit_entry *e = ui_history_selected(h);

	ck_assert_ptr_nonnull(e);
	return e->partner;
}

/* The whole log as store_audit_list gives it (filter text or NULL): what
 * the view must show, row for row. */
static struct audit_list whole_log(const char *text)
{
	struct ally_err err = { 0 };
	struct audit_list l = { NULL, 0 };

	ck_assert_msg(store_audit_list(db, text, 0, 0, &l, &err) == ALLY_OK, "%s", err.msg);
	return l;
}

/* Every row on the screen is fetched and is the row of the whole log at
 * that place: no row skipped or repeated where two windows meet. */
static void screen_is(const struct ui_history *h, const struct audit_list *all)
{
	ck_assert_uint_eq(h->nav.n, all->n);
	for (size_t r = h->nav.top; r < h->nav.top + h->nav.height && r < all->n; r++) {
		const struct audit_entry *e = ui_history_row(h, r);

		ck_assert_msg(e != NULL, "row %zu (top %zu) not fetched", r, h->nav.top);
		ck_assert_msg(e->id == all->rows[r].id, "row %zu: id %lld, want %lld", r,
			      (long long)e->id, (long long)all->rows[r].id);
	}
}

/* A partner with n contacts: n + 1 audit rows about it. */
static int64_t partner_with_contacts(const char *name, int n)
{
	struct ally_err err = { 0 };
	int64_t id;

	ck_assert_int_eq(store_begin(db, &err), ALLY_OK);
	id = add_partner(name);
	for (int i = 0; i < n; i++) {
		struct contact c;

		contact_init(&c);
		c.partner_id = id;
		c.name = xasprintf("Person %d", i);
		ck_assert_msg(store_contact_add(db, &c, &err) == ALLY_OK, "%s", err.msg);
		contact_finish(&c);
	}
	ck_assert_int_eq(store_commit(db, &err), ALLY_OK);
	return id;
}

START_TEST(newest_first)
{
	struct ui_history *h;

	add_partners(3);
	h = loaded(10);
	ck_assert_uint_eq(h->nav.n, log_rows());
	ck_assert_str_eq(ui_history_row(h, 0)->partner, "P003");
	ck_assert_str_eq(ui_history_row(h, 2)->partner, "P001");
	ck_assert_str_eq(selected_partner(h), "P003");
	ui_history_free(h);
}
END_TEST

START_TEST(end_reaches_the_oldest_row_without_the_whole_log)
{
	struct ui_history *h;
	size_t n;

	add_partners(400);
	n = log_rows();
	h = loaded(20);
	ck_assert_uint_eq(h->nav.n, n);
	ck_assert_uint_le(h->win.n, UI_HISTORY_WINDOW_MIN);
	ck_assert_int_eq(key(h, 'G'), UI_HANDLED);
	ck_assert_uint_eq(h->nav.cur, n - 1);
	ck_assert_str_eq(selected_partner(h), "P001");
	/* Only a window around the end was fetched, not the log. */
	ck_assert_uint_le(h->win.n, UI_HISTORY_WINDOW_MIN);
	ck_assert_uint_gt(h->win_off, 0);
	ck_assert_ptr_null(ui_history_row(h, 0));
	key(h, UK_HOME);
	ck_assert_str_eq(selected_partner(h), "P400");
	ui_history_free(h);
}
END_TEST

START_TEST(walking_down_crosses_windows_without_gaps)
{
	struct ui_history *h;
	int64_t prev;
	size_t n;

	add_partners(300);
	n = log_rows();
	h = loaded(15);
	prev = ui_history_selected(h)->id;
	for (size_t i = 1; i < n; i++) {
		key(h, 'j');
		ck_assert_uint_eq(h->nav.cur, i);
		/* Every row on the screen is there to draw. */
		for (size_t r = h->nav.top; r < h->nav.top + h->nav.height && r < n; r++)
			ck_assert_ptr_nonnull(ui_history_row(h, r));
		ck_assert_int_lt(ui_history_selected(h)->id, prev);
		prev = ui_history_selected(h)->id;
	}
	ui_history_free(h);
}
END_TEST

START_TEST(pages_fetch_what_the_screen_shows)
{
	struct ui_history *h;

	add_partners(500);
	h = loaded(20);
	for (int i = 0; i < 12; i++)
		key(h, UK_PGDN);
	ck_assert_uint_eq(h->nav.cur, 240);
	ck_assert_str_eq(selected_partner(h), "P260");
	for (size_t r = h->nav.top; r < h->nav.top + 20; r++)
		ck_assert_ptr_nonnull(ui_history_row(h, r));
	ui_history_free(h);
}
END_TEST

START_TEST(filter_prompt_applies_on_enter)
{
	struct ui_history *h;

	add_partners(40);
	h = loaded(10);
	ck_assert_int_eq(key(h, '/'), UI_HANDLED);
	ck_assert(h->prompt);
	/* While the prompt is open, every key is its own: q and 4 are text. */
	type(h, "p02");
	ck_assert_uint_gt(h->nav.n, 10); /* not applied yet */
	ck_assert_int_eq(key(h, UK_ENTER), UI_HANDLED);
	ck_assert(!h->prompt);
	ck_assert_str_eq(h->filter, "p02");
	ck_assert_uint_eq(h->nav.n, 10); /* P020..P029 */
	ck_assert_str_eq(selected_partner(h), "P029");
	ck_assert_str_eq(ui_history_row(h, 9)->partner, "P020");
	ui_history_free(h);
}
END_TEST

START_TEST(prompt_takes_every_key)
{
	struct ui_history *h;

	add_partners(5);
	h = loaded(10);
	key(h, '/');
	ck_assert_int_eq(key(h, 'q'), UI_HANDLED);
	ck_assert_int_eq(key(h, '4'), UI_HANDLED);
	ck_assert_int_eq(key(h, 'j'), UI_HANDLED);
	ck_assert_str_eq(ui_line_text(&h->line), "q4j");
	ck_assert_uint_eq(h->nav.cur, 0);
	ui_history_free(h);
}
END_TEST

START_TEST(esc_in_the_prompt_keeps_the_filter)
{
	struct ui_history *h;
	struct ally_err err = { 0 };

	add_partners(40);
	h = loaded(10);
	ck_assert_int_eq(ui_history_set_filter(h, "P01", &err), ALLY_OK);
	ck_assert_uint_eq(h->nav.n, 10);
	key(h, '/');
	ck_assert_str_eq(ui_line_text(&h->line), "P01"); /* to edit, not retype */
	type(h, "9");
	ck_assert_int_eq(key(h, UK_ESC), UI_HANDLED);
	ck_assert(!h->prompt);
	ck_assert_str_eq(h->filter, "P01");
	ck_assert_uint_eq(h->nav.n, 10);
	ui_history_free(h);
}
END_TEST

START_TEST(esc_outside_clears_the_filter)
{
	struct ui_history *h;
	struct ally_err err = { 0 };

	add_partners(40);
	h = loaded(10);
	ui_history_set_filter(h, "P01", &err);
	key(h, 'j');
	ck_assert_int_eq(key(h, UK_ESC), UI_HANDLED);
	ck_assert_ptr_null(h->filter);
	ck_assert_uint_eq(h->nav.n, log_rows());
	ck_assert_uint_eq(h->nav.cur, 0);
	/* With no filter, Esc is not the view's. */
	ck_assert_int_eq(key(h, UK_ESC), UI_UNHANDLED);
	ui_history_free(h);
}
END_TEST

START_TEST(empty_filter_shows_everything)
{
	struct ui_history *h;

	add_partners(5);
	h = loaded(10);
	key(h, '/');
	key(h, UK_ENTER);
	ck_assert_ptr_null(h->filter);
	ck_assert_uint_eq(h->nav.n, log_rows());
	ui_history_free(h);
}
END_TEST

START_TEST(enter_opens_the_rows_partner)
{
	struct ally_err err = { 0 };
	struct ui_history *h;
	int64_t id, open = -1;

	add_partners(3);
	id = add_partner("Acme");
	h = loaded(10);
	ck_assert_int_eq(ui_history_key(h, UK_ENTER, &open, &err), UI_HANDLED);
	ck_assert_int_eq(open, id);
	ui_history_free(h);
}
END_TEST

START_TEST(other_keys_are_the_main_loops)
{
	struct ui_history *h;

	add_partners(3);
	h = loaded(10);
	ck_assert_int_eq(key(h, 'q'), UI_UNHANDLED);
	ck_assert_int_eq(key(h, '1'), UI_UNHANDLED);
	ck_assert_int_eq(key(h, '?'), UI_UNHANDLED);
	ui_history_free(h);
}
END_TEST

START_TEST(new_rows_keep_a_scrolled_selection)
{
	struct ally_err err = { 0 };
	struct ui_history *h;
	int64_t id;

	add_partners(50);
	h = loaded(10);
	for (int i = 0; i < 5; i++)
		key(h, 'j');
	id = ui_history_selected(h)->id;
	add_partner("Later 1");
	add_partner("Later 2");
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_int_eq(ui_history_selected(h)->id, id);
	ck_assert_uint_eq(h->nav.cur, 7);
	ck_assert_uint_eq(h->nav.top, 0); /* the new rows show above it */
	/* Scrolled down, the screen keeps the rows it showed. */
	for (int i = 0; i < 20; i++)
		key(h, 'j');
	ck_assert_uint_eq(h->nav.top, 18);
	id = ui_history_selected(h)->id;
	add_partner("Later 3");
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_int_eq(ui_history_selected(h)->id, id);
	ck_assert_uint_eq(h->nav.top, 19);
	ui_history_free(h);
}
END_TEST

START_TEST(new_rows_show_at_the_top)
{
	struct ally_err err = { 0 };
	struct ui_history *h;

	add_partners(5);
	h = loaded(10);
	add_partner("Later");
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_uint_eq(h->nav.cur, 0);
	ck_assert_str_eq(selected_partner(h), "Later");
	ui_history_free(h);
}
END_TEST

/* j and k, page by page and row by row, across the edges of the windows
 * both ways: each window is fetched by the ids of the one before, and the
 * rows must follow on as in the whole log. */
START_TEST(keyset_windows_meet_without_gaps)
{
	struct audit_list all;
	struct ui_history *h;

	add_partners(700);
	all = whole_log(NULL);
	h = loaded(17);
	screen_is(h, &all);
	while (h->nav.cur + 1 < all.n) {
		key(h, UK_PGDN);
		screen_is(h, &all);
	}
	while (h->nav.cur > 0) {
		key(h, 'k');
		screen_is(h, &all);
	}
	for (int i = 0; i < 400; i++) {
		key(h, 'j');
		screen_is(h, &all);
	}
	for (int i = 0; i < 50; i++) { /* half a screen: 8 rows */
		key(h, UK_CTRL('u'));
		screen_is(h, &all);
	}
	ck_assert_uint_eq(h->nav.cur, 0);
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

/* G fetches the oldest rows and g the newest, wherever the window was;
 * from either end the rows next to the window follow on. */
START_TEST(g_and_G_fetch_the_ends)
{
	struct audit_list all;
	struct ui_history *h;

	add_partners(500);
	all = whole_log(NULL);
	h = loaded(10);
	key(h, 'G');
	ck_assert_uint_eq(h->nav.cur, all.n - 1);
	ck_assert_int_eq(ui_history_selected(h)->id, all.rows[all.n - 1].id);
	ck_assert_uint_eq(h->win_off + h->win.n, all.n); /* the window ends the log */
	screen_is(h, &all);
	for (int i = 0; i < 150; i++) { /* up out of the oldest window */
		key(h, 'k');
		screen_is(h, &all);
	}
	key(h, 'g');
	ck_assert_uint_eq(h->nav.cur, 0);
	ck_assert_uint_eq(h->win_off, 0);
	ck_assert_int_eq(ui_history_selected(h)->id, all.rows[0].id);
	screen_is(h, &all);
	key(h, UK_END); /* G from the top, and again at the end */
	key(h, UK_END);
	screen_is(h, &all);
	for (int i = 0; i < 40; i++) {
		key(h, UK_PGUP);
		screen_is(h, &all);
	}
	key(h, UK_HOME);
	key(h, UK_HOME);
	screen_is(h, &all);
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

/* With a filter, the windows hold the matching rows only, in order, and
 * the count is theirs. */
START_TEST(keyset_paging_with_a_filter)
{
	struct ally_err err = { 0 };
	struct audit_list all;
	struct ui_history *h;

	add_partners(600); /* "1" in a third of the names: more than a window */
	all = whole_log("1");
	ck_assert_uint_gt(all.n, UI_HISTORY_WINDOW_MIN + 12);
	h = loaded(12);
	ck_assert_int_eq(ui_history_set_filter(h, "1", &err), ALLY_OK);
	screen_is(h, &all);
	key(h, 'G');
	ck_assert_int_eq(ui_history_selected(h)->id, all.rows[all.n - 1].id);
	screen_is(h, &all);
	while (h->nav.cur > 0) {
		key(h, UK_PGUP);
		screen_is(h, &all);
	}
	while (h->nav.cur + 1 < all.n) {
		key(h, 'j');
		screen_is(h, &all);
	}
	/* A new matching row is counted at the next load; one that does not
	 * match is not. */
	add_partner("Later 1");
	add_partner("Later 2");
	audit_list_finish(&all);
	all = whole_log("1");
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_uint_eq(h->nav.cur, all.n - 1);
	screen_is(h, &all);
	key(h, 'g');
	ck_assert_str_eq(selected_partner(h), "Later 1");
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

/* Scrolled deep into the log, a load keeps the rows on the screen and
 * fetches them again by id; the new rows wait above. */
START_TEST(new_rows_keep_a_screen_deep_in_the_log)
{
	struct ally_err err = { 0 };
	struct audit_list all;
	struct ui_history *h;
	size_t top;
	int64_t id;

	add_partners(400);
	h = loaded(10);
	key(h, 'G');
	for (int i = 0; i < 7; i++)
		key(h, UK_PGUP);
	top = h->nav.top;
	id = ui_history_selected(h)->id;
	add_partner("Later 1");
	add_partner("Later 2");
	add_partner("Later 3");
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_int_eq(ui_history_selected(h)->id, id);
	ck_assert_uint_eq(h->nav.top, top + 3);
	all = whole_log(NULL);
	screen_is(h, &all);
	/* Again: now the window starts a screen above the screen's top. */
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	ck_assert_uint_eq(h->win_off + h->nav.height, h->nav.top);
	screen_is(h, &all);
	key(h, 'g');
	screen_is(h, &all);
	ck_assert_str_eq(selected_partner(h), "Later 3");
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

/* A partner renamed while a filter is applied: its older rows stop
 * matching (the filter matches the current name).  The fetch that reaches
 * the end of the log counts them out. */
START_TEST(a_fetch_to_the_end_corrects_a_filters_count)
{
	struct ally_err err = { 0 };
	struct audit_list all;
	struct ui_history *h;
	struct partner p;
	int64_t id = partner_with_contacts("Alpha", 30);

	h = loaded(10);
	ck_assert_int_eq(ui_history_set_filter(h, "alpha", &err), ALLY_OK);
	ck_assert_uint_eq(h->nav.n, 31);
	ck_assert_int_eq(store_partner_get(db, id, &p, &err), ALLY_OK);
	str_set(&p.name, "Omega");
	ck_assert_int_eq(store_partner_update(db, &p, &err), ALLY_OK);
	partner_finish(&p);
	ck_assert_int_eq(ui_history_load(h, &err), ALLY_OK);
	all = whole_log("alpha"); /* the insert's summary, and the rename */
	ck_assert_uint_eq(all.n, 2);
	screen_is(h, &all);
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

/* A filter matching many rows counts a step of them first ("200+"),
 * the next step as the cursor nears the last one counted, and all of
 * them on G: never the whole log on a filter's first screen. */
START_TEST(a_filters_count_is_taken_as_needed)
{
	struct ally_err err = { 0 };
	struct audit_list all;
	struct ui_history *h;
	size_t first;

	add_partners(2 * UI_HISTORY_COUNT_STEP + 50); /* "P001".. all match "p" */
	h = loaded(10);
	ck_assert_int_eq(ui_history_set_filter(h, "p", &err), ALLY_OK);
	ck_assert_uint_eq(h->nav.n, UI_HISTORY_COUNT_STEP);
	ck_assert(h->more);
	first = h->nav.n;
	while (h->nav.cur + 2 * h->nav.height < first)
		key(h, UK_PGDN);
	key(h, 'j');
	ck_assert_uint_eq(h->nav.n, 2 * UI_HISTORY_COUNT_STEP);
	ck_assert(h->more);
	key(h, 'G');
	all = whole_log("p");
	ck_assert(!h->more);
	screen_is(h, &all);
	ck_assert_uint_eq(h->nav.cur, all.n - 1);
	key(h, 'g');
	screen_is(h, &all);
	audit_list_finish(&all);
	ui_history_free(h);
}
END_TEST

START_TEST(empty_log)
{
	struct ui_history *h = loaded(10);

	ck_assert_uint_eq(h->nav.n, 0);
	ck_assert_ptr_null(ui_history_selected(h));
	ck_assert_int_eq(key(h, 'G'), UI_HANDLED);
	ck_assert_int_eq(key(h, 'j'), UI_HANDLED);
	ui_history_free(h);
}
END_TEST

static struct audit_entry entry(const char *tbl, long long row, const char *field, const char *old_v,
				const char *new_v)
{
	struct audit_entry e = { 0 };

	e.at = (char *)"2026-03-04 05:06:07";
	e.tbl = (char *)tbl;
	e.row_id = row;
	e.field = (char *)field;
	e.old_value = (char *)old_v;
	e.new_value = (char *)new_v;
	return e;
}

static void what_is(struct audit_entry e, const char *want)
{
	char *got = ui_history_what(&e);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(what_changed_in_words)
{
	char when[17];
	struct audit_entry e = entry("partners", 3, "health", "amber", "green");

	what_is(e, "health: amber -> green");
	what_is(entry("partners", 3, "region", NULL, "EMEA"), "region: (none) -> EMEA");
	what_is(entry("contracts", 12, "end_date", "2026-12-31", "2027-12-31"),
		"contract 12 end_date: 2026-12-31 -> 2027-12-31");
	what_is(entry("contracts", 12, "*", NULL, "Reseller"), "contract 12 added: Reseller");
	what_is(entry("contacts", 7, "*", "Ann Lee", NULL), "contact 7 deleted: Ann Lee");
	what_is(entry("action_items", 2, "*", NULL, NULL), "action item 2 added");
	what_is(entry("partners", 3, "*", NULL, "Acme (channel)"), "partner added: Acme (channel)");
	what_is(entry("partners", 3, "notes", "a\nb", "c\td"), "notes: a b -> c d");
	ck_assert_str_eq(ui_history_when(&e, when), "2026-03-04 05:06");
}
END_TEST

/* The detail under the table: the whole row, the time to the second. */
START_TEST(detail_is_the_whole_row)
{
	struct audit_entry e = entry("contracts", 1, "end_date", "2027-04-01", "2028-04-01");
	char *got;

	e.user = (char *)"dana";
	e.partner = (char *)"Halvorsen Data Systems";
	got = ui_history_detail(&e, false);
	ck_assert_str_eq(got, "2026-03-04 05:06:07 UTC \u00b7 dana \u00b7 Halvorsen Data Systems "
			      "\u00b7 contract 1 end_date: 2027-04-01 -> 2028-04-01");
	free(got);
	/* No partner: left out; ASCII separators; line breaks as spaces. */
	e = entry("partners", 3, "notes", "a\nb", NULL);
	e.user = (char *)"root";
	got = ui_history_detail(&e, true);
	ck_assert_str_eq(got, "2026-03-04 05:06:07 UTC - root - notes: a b -> (none)");
	free(got);
}
END_TEST

/* The detail's lines, joined with '|'; each must fit cols. */
static char *detail_lines(const struct audit_entry *e, size_t cols, size_t max, bool ascii,
			  size_t *n)
{
	char **lines;
	struct buf b;

	*n = ui_history_detail_lines(e, cols, max, ascii, &lines);
	buf_init(&b);
	for (size_t k = 0; k < *n; k++) {
		ck_assert_msg(text_width(lines[k]) <= cols, "\"%s\" is wider than %zu", lines[k],
			      cols);
		buf_printf(&b, "%s%s", k > 0 ? "|" : "", lines[k]);
		free(lines[k]);
	}
	free(lines);
	return buf_take(&b);
}

/* "word1 word2 ... wordN" */
static char *words(int n)
{
	struct buf b;

	buf_init(&b);
	for (int i = 1; i <= n; i++)
		buf_printf(&b, "%sword%d", i > 1 ? " " : "", i);
	return buf_take(&b);
}

START_TEST(detail_lines_show_the_change_whole)
{
	struct audit_entry e = entry("partners", 3, "health", "amber", "green");
	char *sixty = words(60), *got, *name, **lines;
	size_t n;

	e.user = (char *)"dana";
	e.partner = (char *)"Acme";
	/* What fits one line takes one. */
	got = detail_lines(&e, 80, 10, false, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(got, "2026-03-04 05:06:07 UTC \u00b7 dana \u00b7 Acme \u00b7 health: amber "
			      "-> green");
	free(got);
	/* A 60-word note: when, who and partner, then the change wrapped
	 * over as many lines as it needs, to its last word. */
	e = entry("partners", 3, "notes", NULL, sixty);
	e.user = (char *)"dana";
	e.partner = (char *)"Quillon Security";
	got = detail_lines(&e, 80, 10, false, &n);
	ck_assert_uint_eq(n, 1 + 6);
	ck_assert_msg(strncmp(got, "2026-03-04 05:06:07 UTC \u00b7 dana \u00b7 Quillon Security|"
				   "notes: (none) -> word1 word2 ",
			      strlen("2026-03-04 05:06:07 UTC \u00b7 dana \u00b7 Quillon Security|"
				     "notes: (none) -> word1 word2 ")) == 0,
		      "%s", got);
	ck_assert_str_eq(got + strlen(got) - 13, "word59 word60");
	free(got);
	/* At most max lines: the last one cut, with an ellipsis. */
	got = detail_lines(&e, 80, 4, true, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(got + strlen(got) - 1, "~");
	ck_assert_ptr_nonnull(strstr(got, " - dana - "));
	free(got);
	/* A partner's 170-character name is cut to its line: the change
	 * still shows. */
	name = xasprintf("Partner %s", sixty);
	name[170] = '\0';
	e = entry("partners", 3, "region", "EMEA", "APAC");
	e.user = (char *)"dana";
	e.partner = name;
	n = ui_history_detail_lines(&e, 80, 10, false, &lines);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lines[0] + strlen(lines[0]) - 3, "\u2026");
	ck_assert_str_eq(lines[1], "region: EMEA -> APAC");
	for (size_t k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
	/* With one line only, the change is the one shown. */
	got = detail_lines(&e, 80, 1, false, &n);
	ck_assert_str_eq(got, "region: EMEA -> APAC");
	free(got);
	/* Sanitised: an escape shows as a marker, and counts its columns. */
	e.partner = (char *)"Evil\x1b[2J";
	got = detail_lines(&e, 80, 10, false, &n);
	ck_assert_ptr_nonnull(strstr(got, "Evil^[[2J"));
	free(got);
	ck_assert_uint_eq(ui_history_detail_lines(NULL, 80, 10, false, &lines), 0);
	ck_assert_ptr_null(lines);
	free(name);
	free(sixty);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "ui_history_load", newest_first },
		{ "ui_history_load", new_rows_keep_a_scrolled_selection },
		{ "ui_history_load", new_rows_show_at_the_top },
		{ "ui_history_load", empty_log },
		{ "ui_history_load", new_rows_keep_a_screen_deep_in_the_log },
		{ "ui_history_load", a_fetch_to_the_end_corrects_a_filters_count },
		{ "ui_history_load", a_filters_count_is_taken_as_needed },
		{ "ui_history_key", keyset_windows_meet_without_gaps },
		{ "ui_history_key", g_and_G_fetch_the_ends },
		{ "ui_history_key", keyset_paging_with_a_filter },
		{ "ui_history_key", end_reaches_the_oldest_row_without_the_whole_log },
		{ "ui_history_key", walking_down_crosses_windows_without_gaps },
		{ "ui_history_key", pages_fetch_what_the_screen_shows },
		{ "ui_history_key", filter_prompt_applies_on_enter },
		{ "ui_history_key", prompt_takes_every_key },
		{ "ui_history_key", esc_in_the_prompt_keeps_the_filter },
		{ "ui_history_key", esc_outside_clears_the_filter },
		{ "ui_history_key", empty_filter_shows_everything },
		{ "ui_history_key", enter_opens_the_rows_partner },
		{ "ui_history_key", other_keys_are_the_main_loops },
		{ "ui_history_what", what_changed_in_words },
		{ "ui_history_detail", detail_is_the_whole_row },
		{ "ui_history_detail_lines", detail_lines_show_the_change_whole },
	};

	return run_suite(suite_from_fixture("ui-history", cases, sizeof cases / sizeof cases[0], setup,
						teardown));
}
