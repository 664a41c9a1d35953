/* check-ui-partner.c: the partner detail's state over a real (in-memory)
 * database: what each section lists, the score card and renewal texts,
 * moving between sections and items, scrolling over items of several
 * lines, and reloads (selection kept, a partner deleted meanwhile). */
#include "ally/ui-partner.h"
#include "core-test.h"

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/figures.h"
#include "ally/review.h"
#include "ally/store.h"
#include "ally/util.h"

#define TODAY "2026-03-01"

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

#define OK(expr)                                                                    \
	do {                                                                        \
		struct ally_err e_ = { 0 };                                         \
		struct ally_err *err = &e_;                                         \
		int rc_ = (expr);                                                   \
		ck_assert_msg(rc_ == ALLY_OK, "%s: %s", #expr, e_.msg);            \
	} while (0)

static int64_t add_partner(const char *name)
{
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = PTYPE_TECHNOLOGY;
	OK(store_partner_add(db, &p, err));
	id = p.id;
	partner_finish(&p);
	return id;
}

static int64_t add_contact(int64_t pid, const char *name, const char *role)
{
	struct contact c;
	int64_t id;

	contact_init(&c);
	c.partner_id = pid;
	c.name = xstrdup(name);
	c.role = xstrdup(role);
	OK(store_contact_add(db, &c, err));
	id = c.id;
	contact_finish(&c);
	return id;
}

static int64_t add_contract(int64_t pid, const char *title, const char *start, const char *end,
			    int status)
{
	struct contract c;
	int64_t id;

	contract_init(&c);
	c.partner_id = pid;
	c.title = xstrdup(title);
	c.start_date = D(start);
	c.end_date = D(end);
	c.status = status;
	OK(store_contract_add(db, &c, err));
	id = c.id;
	contract_finish(&c);
	return id;
}

static int64_t add_review(int64_t pid, const char *date, const char *notes, const char *decisions)
{
	struct review r;
	int64_t id;

	review_init(&r);
	r.partner_id = pid;
	r.kind = REVIEW_QBR;
	r.date = D(date);
	r.notes = xstrdup(notes);
	r.decisions = xstrdup(decisions);
	OK(store_review_add(db, &r, err));
	id = r.id;
	review_finish(&r);
	return id;
}

static int64_t add_action(int64_t pid, const char *text)
{
	struct action_item a;
	int64_t id;

	action_item_init(&a);
	a.partner_id = pid;
	a.text = xstrdup(text);
	OK(store_action_add(db, &a, err));
	id = a.id;
	action_item_finish(&a);
	return id;
}

static struct ui_partner *loaded(int64_t id, size_t height)
{
	struct ally_err err = { 0 };
	struct ui_partner *d = ui_partner_new(id);

	ck_assert_msg(ui_partner_load(d, db, D(TODAY), &err) == ALLY_OK, "%s", err.msg);
	ui_partner_set_height(d, height);
	return d;
}

static void reload(struct ui_partner *d)
{
	struct ally_err err = { 0 };

	ck_assert_msg(ui_partner_load(d, db, D(TODAY), &err) == ALLY_OK, "%s", err.msg);
}

static void str_is(char *got, const char *want)
{
	ck_assert_str_eq(got, want);
	free(got);
}

/* The selected item, which must exist. */
static struct ui_item sel(const struct ui_partner *d)
{
	struct ui_item it;

	ck_assert(ui_partner_selected(d, &it));
	return it;
}

START_TEST(each_section_lists_its_items)
{
	int64_t id = add_partner("Acme");
	struct score_input in = { 90, 80, 70, 60, 50 };
	struct ui_partner *d;
	struct ui_item it;
	int w;

	add_contact(id, "Ann", "executive sponsor");
	add_contact(id, "Bob", "technical lead");
	add_contract(id, "Reseller", "2025-04-01", "2026-03-31", CSTATUS_ACTIVE);
	add_review(id, "2026-02-01", "went well", NULL);
	add_action(id, "send the deck");
	OK(store_figure_set(db, id, 2026 * 4, METRIC_REVENUE, 100000, 120000, err));
	OK(store_figure_set(db, id, 2026 * 4, METRIC_LEADS, 5000, -1, err));
	OK(store_figure_set(db, id, 2025 * 4 + 3, METRIC_LEADS, 4000, 3000, err));
	OK(store_score_add(db, id, &in, D("2026-01-15"), &w, err));
	d = loaded(id, 20);
	ck_assert(!d->deleted);
	ck_assert_str_eq(d->p.name, "Acme");
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_CONTACTS), 2);
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_CONTRACTS), 1);
	/* The criteria, the total, and one scoring. */
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_SCORE), CRIT_COUNT + 2);
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_REVIEWS), 2);
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_NOTES), UI_T_COUNT);
	ck_assert(ui_partner_item(d, UI_SEC_REVIEWS, 0, &it) && it.kind == UI_ITEM_REVIEW);
	ck_assert(ui_partner_item(d, UI_SEC_REVIEWS, 1, &it) && it.kind == UI_ITEM_ACTION);
	ck_assert(!ui_partner_item(d, UI_SEC_REVIEWS, 2, &it));
	/* Figures: the newest quarter first, only metrics with a value. */
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_FIGURES), 3);
	ui_partner_item(d, UI_SEC_FIGURES, 0, &it);
	ck_assert_int_eq(d->figures.rows[it.index].quarter, 2026 * 4);
	ck_assert_int_eq(it.metric, METRIC_REVENUE);
	ui_partner_item(d, UI_SEC_FIGURES, 2, &it);
	ck_assert_int_eq(d->figures.rows[it.index].quarter, 2025 * 4 + 3);
	ck_assert_str_eq(ui_partner_quarter_met(d, it.index), "missed");
	ui_partner_item(d, UI_SEC_FIGURES, 0, &it);
	ck_assert_str_eq(ui_partner_quarter_met(d, it.index), "met");
	ui_partner_free(d);
}
END_TEST

START_TEST(score_card_total_and_tier)
{
	int64_t id = add_partner("Acme");
	struct score_input in = { 90, 80, 70, 60, 50 }; /* 2700+2000+1400+900+500 */
	struct ui_partner *d;
	int w;

	d = loaded(id, 20);
	str_is(ui_partner_score_total(d), "not scored yet");
	ui_partner_free(d);
	OK(store_score_add(db, id, &in, D("2026-01-15"), &w, err));
	d = loaded(id, 20);
	ck_assert_int_eq(d->p.score_w, 7500);
	str_is(ui_partner_score_total(d), "75.0, tier 2 (W 7500, scored 2026-01-15)");
	ui_partner_free(d);
	in = (struct score_input){ 40, 40, 40, 40, 45 };
	OK(store_score_add(db, id, &in, D("2026-02-01"), &w, err));
	d = loaded(id, 20);
	str_is(ui_partner_score_total(d), "40.5, unqualified (W 4050, scored 2026-02-01)");
	ck_assert_uint_eq(d->scores.n, 2);
	ui_partner_free(d);
}
END_TEST

START_TEST(contracts_show_band_and_days_left)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;

	add_contract(id, "A", "2025-01-01", "2026-03-31", CSTATUS_ACTIVE);  /* 30 days */
	add_contract(id, "B", "2025-01-01", "2026-02-27", CSTATUS_ACTIVE);  /* 2 days ago */
	add_contract(id, "C", "2025-01-01", "2026-05-30", CSTATUS_ACTIVE);  /* 90 days */
	add_contract(id, "D", "2025-01-01", "2026-03-31", CSTATUS_DRAFT);
	d = loaded(id, 20);
	ck_assert_uint_eq(d->contracts.n, 4);
	for (size_t i = 0; i < d->contracts.n; i++) {
		const char *t = d->contracts.rows[i].title;
		char *band = ui_partner_contract_band(d, i);

		if (strcmp(t, "A") == 0)
			ck_assert_str_eq(band, "urgent, 30 days left");
		else if (strcmp(t, "B") == 0)
			ck_assert_str_eq(band, "lapsed 2 days ago");
		else if (strcmp(t, "C") == 0)
			ck_assert_str_eq(band, "window, 90 days left");
		else
			ck_assert_str_eq(band, ""); /* not active: no renewal */
		free(band);
	}
	/* An active contract in the urgent band, phase prospect: flagged. */
	ck_assert(d->flags & FLAG_RENEWAL_DUE);
	ui_partner_free(d);
}
END_TEST

START_TEST(overview_fields_and_flags)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;
	struct ui_item it;
	size_t n;

	OK(store_status_add(db, id, HEALTH_AMBER, "slow start", D("2026-02-20"), err));
	add_contract(id, "A", "2025-01-01", "2026-03-31", CSTATUS_ACTIVE);
	d = loaded(id, 20);
	str_is(ui_partner_field_value(d, UI_F_TYPE), "technology");
	str_is(ui_partner_field_value(d, UI_F_PHASE), "prospect");
	str_is(ui_partner_field_value(d, UI_F_HEALTH), "amber, 2026-02-20 by tester");
	str_is(ui_partner_field_value(d, UI_F_STATUS_NOTE), "slow start");
	str_is(ui_partner_field_value(d, UI_F_REGION), "");
	str_is(ui_partner_field_value(d, UI_F_NEXT_ACTION), "2026-03-31");
	/* The flags follow the fields, one item each. */
	n = ui_partner_count(d, UI_SEC_OVERVIEW);
	ck_assert_uint_gt(n, UI_F_COUNT);
	ck_assert(ui_partner_item(d, UI_SEC_OVERVIEW, UI_F_COUNT, &it));
	ck_assert_int_eq(it.kind, UI_ITEM_FLAG);
	ck_assert(d->flags & (1u << it.index));
	ui_partner_free(d);
}
END_TEST

START_TEST(tab_cycles_sections_both_ways)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d = loaded(id, 20);

	ck_assert_int_eq(d->sec, UI_SEC_OVERVIEW);
	ck_assert_int_eq(ui_partner_key(d, UK_TAB), UI_HANDLED);
	ck_assert_int_eq(d->sec, UI_SEC_SCORE);
	for (int i = 0; i < UI_SEC_COUNT - 1; i++)
		ui_partner_key(d, UK_TAB);
	ck_assert_int_eq(d->sec, UI_SEC_OVERVIEW); /* wrapped */
	ck_assert_int_eq(ui_partner_key(d, UK_BTAB), UI_HANDLED);
	ck_assert_int_eq(d->sec, UI_SEC_NOTES);
	ui_partner_key(d, UK_LEFT);
	ck_assert_int_eq(d->sec, UI_SEC_REVIEWS);
	ui_partner_free(d);
}
END_TEST

START_TEST(each_section_keeps_its_cursor)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;

	add_contact(id, "Ann", "");
	add_contact(id, "Bob", "");
	add_contact(id, "Cy", "");
	d = loaded(id, 20);
	d->sec = UI_SEC_CONTACTS;
	ui_partner_key(d, 'j');
	ui_partner_key(d, 'j');
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Cy");
	ui_partner_key(d, 'j'); /* at the end: stays */
	ck_assert_uint_eq(d->pos[UI_SEC_CONTACTS].cur, 2);
	ui_partner_key(d, UK_TAB);
	ck_assert_uint_eq(d->pos[UI_SEC_CONTRACTS].cur, 0);
	ui_partner_key(d, UK_BTAB);
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Cy");
	ui_partner_key(d, 'g');
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Ann");
	ui_partner_key(d, 'G');
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Cy");
	ui_partner_free(d);
}
END_TEST

START_TEST(multi_line_items_scroll_into_view)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;
	struct ui_item it;

	/* Newest first: the 03-01 review (1 + 3 + 1 lines), then 02-01 (1 + 4). */
	add_review(id, "2026-02-01", "a\nb\nc\nd", NULL);
	add_review(id, "2026-03-01", "x\ny\nz\n", "go");
	add_action(id, "one");
	add_action(id, "two");
	d = loaded(id, 6);
	d->sec = UI_SEC_REVIEWS;
	ck_assert(ui_partner_item(d, UI_SEC_REVIEWS, 0, &it));
	ck_assert_uint_eq(ui_partner_item_lines(d, &it), 5);
	ck_assert(ui_partner_item(d, UI_SEC_REVIEWS, 1, &it));
	ck_assert_uint_eq(ui_partner_item_lines(d, &it), 5);
	ck_assert_uint_eq(ui_partner_top(d, 6), 0);
	ui_partner_key(d, 'j'); /* the second review: lines 5..9 */
	ck_assert_uint_eq(ui_partner_top(d, 6), 4);
	ui_partner_key(d, 'j'); /* the first action: line 10 */
	ck_assert_int_eq(sel(d).kind, UI_ITEM_ACTION);
	ck_assert_uint_eq(ui_partner_top(d, 6), 5);
	ui_partner_key(d, 'G'); /* line 11, the last: no blank below */
	ck_assert_uint_eq(ui_partner_top(d, 6), 6);
	ui_partner_key(d, 'g');
	ck_assert_uint_eq(ui_partner_top(d, 6), 0);
	/* A page down shows the lines below (6..11) and selects the first
	 * item that starts there. */
	ui_partner_key(d, UK_PGDN);
	ck_assert_uint_eq(d->pos[UI_SEC_REVIEWS].cur, 2);
	ck_assert_uint_eq(ui_partner_top(d, 6), 6);
	ui_partner_key(d, UK_PGUP);
	ck_assert_uint_eq(d->pos[UI_SEC_REVIEWS].cur, 0);
	ck_assert_uint_eq(ui_partner_top(d, 6), 0);
	/* A taller screen (after a resize) needs no scrolling. */
	ck_assert_uint_eq(ui_partner_top(d, 40), 0);
	ui_partner_free(d);
}
END_TEST

START_TEST(text_lines)
{
	char *l;

	ck_assert_uint_eq(ui_lines_count(NULL), 0);
	ck_assert_uint_eq(ui_lines_count(""), 0);
	ck_assert_uint_eq(ui_lines_count("one"), 1);
	ck_assert_uint_eq(ui_lines_count("one\ntwo\n"), 2);
	ck_assert_uint_eq(ui_lines_count("one\n\nthree"), 3);
	l = ui_lines_get("one\n\nthree", 2);
	ck_assert_str_eq(l, "three");
	free(l);
	l = ui_lines_get("one\n\nthree", 1);
	ck_assert_str_eq(l, "");
	free(l);
}
END_TEST

START_TEST(notes_items_take_their_lines)
{
	int64_t id = add_partner("Acme");
	struct partner p;
	struct ui_partner *d;
	struct ui_item it;

	partner_init(&p);
	OK(store_partner_get(db, id, &p, err));
	OK(partner_set_field(&p, "notes", "first\nsecond\nthird", false, err));
	OK(store_partner_update(db, &p, err));
	partner_finish(&p);
	d = loaded(id, 20);
	ck_assert(ui_partner_item(d, UI_SEC_NOTES, UI_T_NOTES, &it));
	ck_assert_int_eq(it.kind, UI_ITEM_TEXT);
	ck_assert_uint_eq(ui_partner_item_lines(d, &it), 4);
	ck_assert_str_eq(ui_partner_text(d, UI_T_NOTES), "first\nsecond\nthird");
	/* An empty text still has its label and a line that says so. */
	ui_partner_item(d, UI_SEC_NOTES, UI_T_VALUE_US, &it);
	ck_assert_uint_eq(ui_partner_item_lines(d, &it), 2);
	ck_assert_ptr_null(ui_partner_text(d, UI_T_VALUE_US));
	ck_assert_str_eq(ui_text_fields[UI_T_VALUE_US], "value_us");
	ui_partner_free(d);
}
END_TEST

START_TEST(reload_keeps_the_selected_item)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;

	add_contact(id, "Bob", "");
	add_contact(id, "Cy", "");
	d = loaded(id, 20);
	d->sec = UI_SEC_CONTACTS;
	ui_partner_key(d, 'j');
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Cy");
	add_contact(id, "Abe", ""); /* sorts first: Cy moves down */
	reload(d);
	ck_assert_uint_eq(d->contacts.n, 3);
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Cy");
	ui_partner_free(d);
}
END_TEST

START_TEST(an_added_item_is_selected)
{
	int64_t id = add_partner("Acme"), cid;
	struct ui_partner *d;

	add_contact(id, "Bob", "");
	d = loaded(id, 20);
	d->sec = UI_SEC_CONTACTS;
	cid = add_contact(id, "Zed", "");
	ui_partner_want(d, UI_ITEM_CONTACT, cid);
	reload(d);
	ck_assert_str_eq(d->contacts.rows[sel(d).index].name, "Zed");
	ui_partner_free(d);
}
END_TEST

START_TEST(a_deleted_partner_is_not_an_error)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;

	add_contact(id, "Ann", "");
	d = loaded(id, 20);
	ck_assert(!d->deleted);
	OK(store_partner_delete(db, id, true, err));
	reload(d);
	ck_assert(d->deleted);
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_CONTACTS), 0);
	ck_assert_uint_eq(ui_partner_count(d, UI_SEC_OVERVIEW), 0);
	ui_partner_free(d);
	d = loaded(9999, 20);
	ck_assert(d->deleted);
	ui_partner_free(d);
}
END_TEST

START_TEST(the_views_keys_are_left_to_it)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d = loaded(id, 20);
	const int keys[] = { 'q', UK_ESC, 'a', 'e', 'E', 'h', '>', 'R', UK_ENTER, '1', '?' };

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ck_assert_int_eq(ui_partner_key(d, keys[i]), UI_UNHANDLED);
	ui_partner_free(d);
}
END_TEST

/* suite_from, with a fresh database around every test. */
static Suite *suite_with_db(const char *name, const struct test_case *cases, size_t n)
{
	Suite *s = suite_create(name);
	TCase *tc = NULL;
	const char *prev = "";

	for (size_t i = 0; i < n; i++) {
		if (strcmp(prev, cases[i].function) != 0) {
			tc = tcase_create(cases[i].function);
			tcase_add_checked_fixture(tc, setup, teardown);
			suite_add_tcase(s, tc);
			prev = cases[i].function;
		}
		tcase_add_test(tc, cases[i].test);
	}
	return s;
}

int main(void)
{
	const struct test_case cases[] = {
		{ "ui_partner_load", each_section_lists_its_items },
		{ "ui_partner_load", overview_fields_and_flags },
		{ "ui_partner_load", reload_keeps_the_selected_item },
		{ "ui_partner_load", an_added_item_is_selected },
		{ "ui_partner_load", a_deleted_partner_is_not_an_error },
		{ "ui_partner_score_total", score_card_total_and_tier },
		{ "ui_partner_contract_band", contracts_show_band_and_days_left },
		{ "ui_partner_key", tab_cycles_sections_both_ways },
		{ "ui_partner_key", each_section_keeps_its_cursor },
		{ "ui_partner_key", multi_line_items_scroll_into_view },
		{ "ui_partner_key", the_views_keys_are_left_to_it },
		{ "ui_partner_item_lines", notes_items_take_their_lines },
		{ "ui_lines_count", text_lines },
	};

	return run_suite(suite_with_db("ui-partner", cases, sizeof cases / sizeof cases[0]));
}
