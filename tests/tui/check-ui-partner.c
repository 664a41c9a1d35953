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
#include "ally/text.h"
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
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_REVIEWS, 0), 5);
	ck_assert(ui_partner_item(d, UI_SEC_REVIEWS, 1, &it));
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_REVIEWS, 1), 5);
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

/* The lines of ui_text_wrap joined with '|', and their count. */
static char *wrapped(const char *s, size_t width, bool breaks, size_t *n)
{
	char **lines;
	struct buf b;

	*n = ui_text_wrap(s, width, breaks, &lines);
	buf_init(&b);
	for (size_t k = 0; k < *n; k++) {
		buf_printf(&b, "%s%s", k > 0 ? "|" : "", lines[k]);
		free(lines[k]);
	}
	free(lines);
	return buf_take(&b);
}

START_TEST(text_wraps_and_keeps_breaks)
{
	size_t n;
	char **lines;

	ck_assert_uint_eq(ui_text_wrap(NULL, 10, true, &lines), 0);
	ck_assert_ptr_null(lines);
	ck_assert_uint_eq(ui_text_wrap("", 10, true, &lines), 0);
	ck_assert_uint_eq(ui_text_wrap("text", 0, true, &lines), 0);
	str_is(wrapped("one", 10, true, &n), "one");
	ck_assert_uint_eq(n, 1);
	/* Its own breaks kept, an empty line too; a final break starts no
	 * line. */
	str_is(wrapped("one\ntwo\n", 10, true, &n), "one|two");
	str_is(wrapped("one\n\nthree", 10, true, &n), "one||three");
	ck_assert_uint_eq(n, 3);
	/* Each line wraps on its own, at blanks. */
	str_is(wrapped("the quick brown fox\njumps", 10, true, &n), "the quick|brown fox|jumps");
	/* Without breaks a line break is a marker, as tui_text shows it. */
	str_is(wrapped("one\ntwo", 10, false, &n), "one^Jtwo");
	/* Wrapped as shown: control characters become markers first, so
	 * the markers' columns count. */
	str_is(wrapped("ab\x1b[2Jcd", 4, true, &n), "ab^[|[2Jc|d");
	/* Wide characters take two columns. */
	str_is(wrapped("青山データ", 4, true, &n), "青山|デー|タ");
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
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES), 4);
	ck_assert_str_eq(ui_partner_text(d, UI_T_NOTES), "first\nsecond\nthird");
	/* An empty text still has its label and a line that says so. */
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_VALUE_US), 2);
	ck_assert_ptr_null(ui_partner_text(d, UI_T_VALUE_US));
	ck_assert_str_eq(ui_text_fields[UI_T_VALUE_US], "value_us");
	ui_partner_free(d);
}
END_TEST

/* Set a text field of partner id. */
static void set_field(int64_t id, const char *field, const char *value)
{
	struct partner p;

	partner_init(&p);
	OK(store_partner_get(db, id, &p, err));
	OK(partner_set_field(&p, field, value, false, err));
	OK(store_partner_update(db, &p, err));
	partner_finish(&p);
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

/* A cell's lines joined with ' ' (the blanks they were broken at). */
static char *joined(const struct ui_cell *c)
{
	struct buf b;

	buf_init(&b);
	for (size_t k = 0; k < c->nlines; k++)
		buf_printf(&b, "%s%s", k > 0 ? " " : "", c->lines[k]);
	return buf_take(&b);
}

/* Every line of the cell fits its width. */
static void fits(const struct ui_cell *c)
{
	for (size_t k = 0; k < c->nlines; k++)
		ck_assert_msg(text_width(c->lines[k]) <= c->width, "\"%s\" is wider than %zu",
			      c->lines[k], c->width);
}

START_TEST(long_notes_wrap_keeping_their_breaks)
{
	int64_t id = add_partner("Quillon Security");
	char *sixty = words(60), *text;
	struct ui_partner *d;
	struct ui_layout l;
	const struct ui_cell *c;

	set_field(id, "notes", sixty);
	set_field(id, "value_us", "Short first line\n\nthen a paragraph that is long enough to "
				  "need a second line at eighty columns, or more");
	d = loaded(id, 20);
	/* At 80 columns: the label, then the text from column 2, in 78. */
	ck_assert(ui_partner_layout(d, UI_SEC_NOTES, UI_T_NOTES, 80, &l));
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_uint_eq(l.rows[0].lines, 1);
	c = &l.rows[1].cells[0];
	ck_assert_uint_eq(c->x, 2);
	ck_assert_uint_eq(c->width, 78);
	ck_assert_uint_gt(c->nlines, 4);
	fits(c);
	text = joined(c);
	ck_assert_str_eq(text, sixty); /* all of it, nothing cut */
	free(text);
	ck_assert_str_eq(c->lines[c->nlines - 1] + strlen(c->lines[c->nlines - 1]) - 6, "word60");
	ck_assert_uint_eq(l.lines, 1 + c->nlines);
	/* The scrolling counts the same lines. */
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES), l.lines);
	ui_layout_finish(&l);
	/* Its own breaks stay: three lines, the last one wrapped in two. */
	ui_partner_layout(d, UI_SEC_NOTES, UI_T_VALUE_US, 80, &l);
	c = &l.rows[1].cells[0];
	ck_assert_uint_eq(c->nlines, 4);
	ck_assert_str_eq(c->lines[0], "Short first line");
	ck_assert_str_eq(c->lines[1], "");
	ck_assert_str_eq(c->lines[3], "or more");
	ui_layout_finish(&l);
	ui_partner_free(d);
	free(sixty);
}
END_TEST

START_TEST(overview_values_wrap_under_the_value)
{
	int64_t id = add_partner("Acme");
	char note[301], *text;
	struct ui_partner *d;
	struct ui_layout l;
	const struct ui_cell *label, *value;

	for (size_t i = 0; i < 300; i++)
		note[i] = i % 10 == 9 ? ' ' : 'x';
	note[299] = 'y';
	note[300] = '\0';
	OK(store_status_add(db, id, HEALTH_GREEN, note, D("2026-02-20"), err));
	d = loaded(id, 20);
	ck_assert(ui_partner_layout(d, UI_SEC_OVERVIEW, UI_F_STATUS_NOTE, 80, &l));
	ck_assert_uint_eq(l.nrows, 1);
	label = &l.rows[0].cells[0];
	value = &l.rows[0].cells[1];
	ck_assert_uint_eq(label->nlines, 1);
	ck_assert_str_eq(label->lines[0], "Status note");
	/* The value's lines all start at its column, after the label's. */
	ck_assert_uint_eq(label->x, 2);
	ck_assert_uint_eq(value->x, 2 + 14 + 1);
	ck_assert_uint_eq(value->width, 80 - 17);
	ck_assert_uint_eq(value->nlines, 5); /* 300 columns in lines of 60 */
	fits(value);
	text = joined(value);
	ck_assert_str_eq(text, note);
	free(text);
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_OVERVIEW, UI_F_STATUS_NOTE), 5);
	ui_layout_finish(&l);
	/* A short value keeps one line; health has its colour. */
	ui_partner_layout(d, UI_SEC_OVERVIEW, UI_F_HEALTH, 80, &l);
	ck_assert_uint_eq(l.lines, 1);
	ck_assert_int_eq(l.rows[0].cells[1].look, UI_LOOK_HEALTH);
	ck_assert_int_eq(l.rows[0].cells[1].arg, HEALTH_GREEN);
	ui_layout_finish(&l);
	ui_partner_free(d);
}
END_TEST

START_TEST(items_wrap_inside_their_columns)
{
	int64_t id = add_partner("Acme");
	char *long_text = words(30);
	struct review r;
	struct action_item a;
	struct contact k;
	struct ui_partner *d;
	struct ui_layout l;
	const struct ui_cell *c;

	review_init(&r);
	r.partner_id = id;
	r.kind = REVIEW_QBR;
	r.date = D("2026-02-01");
	r.notes = xstrdup(long_text);
	r.decisions = xstrdup("renew\nand then a decision long enough to take a second line at "
			      "eighty columns");
	OK(store_review_add(db, &r, err));
	review_finish(&r);
	action_item_init(&a);
	a.partner_id = id;
	a.text = xstrdup(long_text);
	a.owner = xstrdup("ann");
	a.due = D("2026-02-20");
	OK(store_action_add(db, &a, err));
	action_item_finish(&a);
	contact_init(&k);
	k.partner_id = id;
	k.name = xstrdup("Maximiliane Alexandra von Hohenzollern");
	k.role = xstrdup("executive sponsor");
	k.email = xstrdup("maximiliane.alexandra.von.hohenzollern@example.com");
	OK(store_contact_add(db, &k, err));
	contact_finish(&k);
	d = loaded(id, 20);

	/* The review: the meeting, its notes from column 4, its decisions
	 * under "Decided:", continuing under their own first line. */
	ui_partner_layout(d, UI_SEC_REVIEWS, 0, 80, &l);
	ck_assert_uint_eq(l.nrows, 3);
	c = &l.rows[1].cells[0];
	ck_assert_uint_eq(c->x, 4);
	ck_assert_uint_eq(c->nlines, 3);
	fits(c);
	ck_assert_uint_eq(l.rows[2].cells[0].nlines, 1);
	ck_assert_str_eq(l.rows[2].cells[0].lines[0], "Decided:");
	c = &l.rows[2].cells[1];
	ck_assert_uint_eq(c->x, 4 + 9 + 1);
	ck_assert_uint_eq(c->nlines, 3);
	ck_assert_str_eq(c->lines[0], "renew");
	ck_assert_str_eq(c->lines[2], "columns");
	ck_assert_uint_eq(l.lines, 1 + 3 + 3);
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_REVIEWS, 0), 7);
	ui_layout_finish(&l);

	/* The action item: its text in its column, the owner and the due
	 * date (late: an alert) beside its first line. */
	ui_partner_layout(d, UI_SEC_REVIEWS, 1, 80, &l);
	ck_assert_uint_eq(l.rows[0].ncells, 4);
	c = &l.rows[0].cells[1];
	ck_assert_uint_eq(c->x, 4);
	ck_assert_uint_eq(c->width, 80 - 4 - 16 - 23);
	fits(c);
	ck_assert_uint_eq(l.lines, c->nlines);
	ck_assert_uint_gt(c->nlines, 3);
	ck_assert_str_eq(l.rows[0].cells[2].lines[0], "ann");
	ck_assert_uint_eq(l.rows[0].cells[2].x, c->x + c->width + 1);
	ck_assert_int_eq(l.rows[0].cells[3].look, UI_LOOK_ALERT);
	ck_assert_str_eq(l.rows[0].cells[3].lines[0], "due 2026-02-20 (late)");
	ui_layout_finish(&l);

	/* The contact: each field wraps in its own column. */
	ui_partner_layout(d, UI_SEC_CONTACTS, 0, 80, &l);
	ck_assert_uint_eq(l.rows[0].cells[0].width, 22);
	ck_assert_int_eq(l.rows[0].cells[0].look, UI_LOOK_BOLD); /* the sponsor */
	for (size_t i = 0; i < l.rows[0].ncells; i++)
		fits(&l.rows[0].cells[i]);
	ck_assert_uint_eq(l.rows[0].cells[0].nlines, 2);
	ck_assert_str_eq(l.rows[0].cells[0].lines[1], "von Hohenzollern");
	/* An address has no blank to break at: cut where it overflows. */
	ck_assert_uint_eq(l.rows[0].cells[2].width, 24);
	ck_assert_uint_eq(l.rows[0].cells[2].nlines, 3);
	ck_assert_str_eq(l.rows[0].cells[2].lines[2], "om");
	ck_assert_uint_eq(l.lines, 3);
	ui_layout_finish(&l);
	ck_assert(!ui_partner_layout(d, UI_SEC_CONTACTS, 1, 80, &l));
	ck_assert_uint_eq(l.nrows, 0);
	ui_partner_free(d);
	free(long_text);
}
END_TEST

START_TEST(titles_line_up_with_the_items)
{
	int64_t id = add_partner("Acme");
	struct ui_partner *d;
	struct ui_layout l;
	struct ui_row t;

	add_contact(id, "Ann", "sales");
	add_contract(id, "Reseller", "2025-04-01", "2026-03-31", CSTATUS_ACTIVE);
	d = loaded(id, 20);
	for (size_t width = 80; width <= 200; width += 40) {
		const enum ui_section secs[] = { UI_SEC_CONTACTS, UI_SEC_CONTRACTS };

		for (size_t s = 0; s < 2; s++) {
			ui_partner_titles(secs[s], width, &t);
			ui_partner_layout(d, secs[s], 0, width, &l);
			/* The last, Auto-renew, only when the contract has it. */
			ck_assert_uint_ge(t.ncells, l.rows[0].ncells);
			ck_assert_uint_le(t.ncells, l.rows[0].ncells + 1);
			for (size_t c = 0; c < l.rows[0].ncells; c++) {
				ck_assert_uint_eq(t.cells[c].x, l.rows[0].cells[c].x);
				ck_assert_uint_eq(t.cells[c].width, l.rows[0].cells[c].width);
			}
			ui_row_finish(&t);
			ui_layout_finish(&l);
		}
	}
	ui_partner_titles(UI_SEC_OVERVIEW, 80, &t);
	ck_assert_uint_eq(t.ncells, 0);
	ui_partner_free(d);
}
END_TEST

START_TEST(a_new_width_lays_out_again)
{
	int64_t id = add_partner("Acme");
	char *sixty = words(60);
	struct ui_partner *d;
	size_t at80, at200;

	set_field(id, "notes", sixty);
	d = loaded(id, 4);
	d->sec = UI_SEC_NOTES;
	at80 = ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES);
	ck_assert_uint_eq(at80, 1 + 6); /* 415 columns in lines of 78 */
	/* The notes are taller than the screen: their first lines show. */
	ck_assert_uint_eq(ui_partner_top(d, 4), 0);
	/* value_partner (2 lines) shows whole, at the bottom. */
	ui_partner_key(d, 'j');
	ck_assert_uint_eq(ui_partner_top(d, 4), at80 + 2 - 4);
	ui_partner_set_width(d, 200);
	at200 = ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES);
	ck_assert_uint_eq(at200, 1 + 3);
	ck_assert_uint_eq(ui_partner_top(d, 4), at200); /* still the selected item */
	ui_partner_set_width(d, 80);
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES), at80);
	/* A reload lays out at the width set. */
	reload(d);
	ck_assert_uint_eq(ui_partner_item_lines(d, UI_SEC_NOTES, UI_T_NOTES), at80);
	ui_partner_free(d);
	free(sixty);
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
		{ "ui_partner_layout", long_notes_wrap_keeping_their_breaks },
		{ "ui_partner_layout", overview_values_wrap_under_the_value },
		{ "ui_partner_layout", items_wrap_inside_their_columns },
		{ "ui_partner_layout", titles_line_up_with_the_items },
		{ "ui_partner_set_width", a_new_width_lays_out_again },
		{ "ui_text_wrap", text_wraps_and_keeps_breaks },
	};

	return run_suite(suite_from_fixture("ui-partner", cases, sizeof cases / sizeof cases[0], setup,
						teardown));
}
