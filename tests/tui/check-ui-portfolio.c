/* check-ui-portfolio.c: the Portfolio view's state: order, cursor,
 * search, filter and reloads, without a terminal or a database. */
#include <stdio.h>

#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/text.h"
#include "ally/ui-portfolio.h"
#include "ally/util.h"
#include "core-test.h"

/* One partner of a hand-made list. */
struct spec {
	int64_t id;
	const char *name;
	int score_w;      /* -1: never scored */
	int phase;
	const char *next; /* next action date, NULL: none */
};

static struct partner_list make_list(const struct spec *s, size_t n)
{
	struct partner_list l = { xcalloc(n + 1, sizeof(struct partner_row)), n };

	for (size_t i = 0; i < n; i++) {
		struct partner_row *r = &l.rows[i];

		partner_init(&r->p);
		r->p.id = s[i].id;
		r->p.name = xstrdup(s[i].name);
		r->p.score_w = s[i].score_w;
		r->p.phase = s[i].phase;
		r->next_action = s[i].next != NULL ? D(s[i].next) : DATE_NONE;
	}
	return l;
}

static void load(struct portfolio *pf, const struct spec *s, size_t n)
{
	struct partner_list l = make_list(s, n);

	portfolio_set_rows(pf, &l, (int64_t)n, NULL);
	ck_assert_ptr_null(l.rows);
}

/* Five partners whose four orders all differ, with ties in each. */
static const struct spec five[] = {
	{ 1, "delta", 7000, PHASE_LAUNCH, "2026-07-01" },
	{ 2, "Alpha", 9000, PHASE_PROSPECT, NULL },
	{ 3, "charlie", 7000, PHASE_EXIT, "2026-06-10" },
	{ 4, "Émile", -1, PHASE_LAUNCH, "2026-06-10" },
	{ 5, "bravo", 5000, PHASE_RENEWAL, "2026-06-05" },
};
#define FIVE (sizeof five / sizeof five[0])

static struct portfolio *five_rows(void)
{
	struct portfolio *pf = portfolio_new();

	listnav_set_height(&pf->nav, 10);
	load(pf, five, FIVE);
	return pf;
}

/* The shown names joined by spaces. */
static char *names(const struct portfolio *pf)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < portfolio_count(pf); i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "", portfolio_row(pf, i)->p.name);
	return buf_take(&b);
}

#define ck_assert_names(pf, want)                 \
	do {                                      \
		char *got_ = names(pf);           \
		ck_assert_str_eq(got_, (want));   \
		free(got_);                       \
	} while (0)

static const char *selected(const struct portfolio *pf)
{
	const struct partner_row *r = portfolio_selected(pf);

	return r != NULL ? r->p.name : "(none)";
}

/* Type s at the prompt, one code point a key as the terminal gives them. */
static void type(struct portfolio *pf, const char *s)
{
	uint32_t cp;
	size_t len;

	while ((len = utf8_decode(s, &cp)) > 0) {
		portfolio_search_key(pf, (int)cp);
		s += len;
	}
}

/* ---- cursor ---- */

START_TEST(cursor_scrolls_over_a_long_list)
{
	struct spec s[60];
	char name[60][8];
	struct portfolio *pf = portfolio_new();

	for (int i = 0; i < 60; i++) {
		snprintf(name[i], sizeof name[i], "p%02d", 59 - i);
		s[i] = (struct spec){ i + 1, name[i], -1, PHASE_PROSPECT, NULL };
	}
	listnav_set_height(&pf->nav, 20);
	load(pf, s, 60);
	ck_assert_str_eq(selected(pf), "p00");
	for (int i = 0; i < 25; i++)
		ck_assert(listnav_key(&pf->nav, 'j'));
	ck_assert_str_eq(selected(pf), "p25");
	ck_assert_uint_eq(pf->nav.top, 6);
	listnav_key(&pf->nav, 'G');
	ck_assert_str_eq(selected(pf), "p59");
	ck_assert_uint_eq(pf->nav.top, 40);
	listnav_key(&pf->nav, UK_PGUP);
	ck_assert_uint_eq(pf->nav.top, 20);
	ck_assert(pf->nav.cur >= pf->nav.top && pf->nav.cur < pf->nav.top + 20);
	portfolio_free(pf);
}
END_TEST

START_TEST(an_empty_list_has_no_selection)
{
	struct portfolio *pf = portfolio_new();

	load(pf, NULL, 0);
	ck_assert_ptr_null(portfolio_selected(pf));
	ck_assert(!listnav_key(&pf->nav, 'x'));
	listnav_key(&pf->nav, 'j');
	portfolio_sort_next(pf);
	portfolio_search_begin(pf);
	type(pf, "a");
	ck_assert(pf->search_failed);
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_NO_PATTERN);
	portfolio_free(pf);
}
END_TEST

/* ---- sort ---- */

START_TEST(name_order_first_accents_with_their_letter)
{
	struct portfolio *pf = five_rows();

	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	ck_assert_int_eq(pf->sort, PF_SORT_NAME);
	portfolio_free(pf);
}
END_TEST

START_TEST(s_cycles_score_phase_next_name)
{
	struct portfolio *pf = five_rows();

	portfolio_sort_next(pf);
	/* Highest first, the tie by name, never scored last. */
	ck_assert_names(pf, "Alpha charlie delta bravo Émile");
	ck_assert(portfolio_sort_descending(pf));
	portfolio_sort_next(pf);
	/* Along the lifecycle; the two in launch by name. */
	ck_assert_names(pf, "Alpha delta Émile bravo charlie");
	portfolio_sort_next(pf);
	/* Soonest first, the tie by name, none last. */
	ck_assert_names(pf, "bravo charlie Émile delta Alpha");
	portfolio_sort_next(pf);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	portfolio_free(pf);
}
END_TEST

START_TEST(S_reverses_but_ties_stay_by_name_and_missing_last)
{
	struct portfolio *pf = five_rows();

	portfolio_sort_reverse(pf);
	ck_assert_names(pf, "Émile delta charlie bravo Alpha");
	portfolio_sort_reverse(pf);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	portfolio_sort_next(pf); /* score */
	portfolio_sort_reverse(pf);
	ck_assert(!portfolio_sort_descending(pf));
	ck_assert_names(pf, "bravo charlie delta Alpha Émile");
	portfolio_sort_next(pf); /* phase, its own direction again */
	ck_assert(!pf->reversed);
	portfolio_sort_reverse(pf);
	ck_assert_names(pf, "charlie bravo delta Émile Alpha");
	portfolio_sort_next(pf); /* next action */
	portfolio_sort_reverse(pf);
	ck_assert_names(pf, "delta charlie Émile bravo Alpha");
	portfolio_free(pf);
}
END_TEST

START_TEST(sorting_keeps_the_selected_partner)
{
	struct spec s[40];
	char name[40][8];
	struct portfolio *pf = five_rows();

	listnav_go(&pf->nav, 3); /* delta */
	portfolio_sort_next(pf);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_uint_eq(pf->nav.cur, 2);
	portfolio_sort_reverse(pf);
	ck_assert_str_eq(selected(pf), "delta");
	portfolio_free(pf);

	/* A long list: the first row, reversed, is the last, shown at the bottom. */
	pf = portfolio_new();
	for (int i = 0; i < 40; i++) {
		snprintf(name[i], sizeof name[i], "p%02d", i);
		s[i] = (struct spec){ i + 1, name[i], -1, PHASE_PROSPECT, NULL };
	}
	listnav_set_height(&pf->nav, 10);
	load(pf, s, 40);
	portfolio_sort_reverse(pf);
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert_uint_eq(pf->nav.cur, 39);
	ck_assert_uint_eq(pf->nav.top, 30);
	listnav_key(&pf->nav, 'g');
	ck_assert_str_eq(selected(pf), "p39");
	portfolio_free(pf);
}
END_TEST

/* ---- search ---- */

START_TEST(search_moves_to_the_first_match_from_the_start_row)
{
	struct portfolio *pf = five_rows();

	listnav_go(&pf->nav, 1); /* bravo */
	portfolio_search_begin(pf);
	ck_assert(pf->searching);
	type(pf, "r");
	ck_assert_str_eq(selected(pf), "bravo"); /* the start row itself matches */
	portfolio_search_key(pf, UK_BACKSPACE);
	type(pf, "l");
	ck_assert_str_eq(selected(pf), "charlie"); /* the first "l" after bravo */
	type(pf, "p");
	ck_assert_str_eq(selected(pf), "Alpha"); /* wrapped round to the top */
	ck_assert(!pf->search_failed);
	portfolio_search_key(pf, UK_BACKSPACE);
	ck_assert_str_eq(selected(pf), "charlie"); /* again from bravo, not from Alpha */
	portfolio_free(pf);
}
END_TEST

START_TEST(search_ignores_case_and_accents_are_letters)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "ÉMI");
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert(portfolio_row_matches(pf, 4));
	ck_assert(!portfolio_row_matches(pf, 0));
	portfolio_free(pf);
}
END_TEST

START_TEST(no_match_goes_back_to_the_start_row)
{
	struct portfolio *pf = five_rows();

	listnav_go(&pf->nav, 2);
	portfolio_search_begin(pf);
	type(pf, "delt");
	ck_assert_str_eq(selected(pf), "delta");
	type(pf, "x");
	ck_assert(pf->search_failed);
	ck_assert_str_eq(selected(pf), "charlie");
	portfolio_search_key(pf, UK_ENTER);
	ck_assert(!pf->searching);
	ck_assert_ptr_null(pf->pattern); /* a failed search is not kept for n */
	portfolio_free(pf);
}
END_TEST

START_TEST(the_prompt_takes_every_key)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "q1/n");
	ck_assert_str_eq(ui_line_text(&pf->line), "q1/n");
	ck_assert(pf->searching);
	portfolio_search_key(pf, UK_CTRL('u'));
	ck_assert_str_eq(ui_line_text(&pf->line), "");
	portfolio_search_key(pf, UK_BACKSPACE); /* on an empty prompt: closes it */
	ck_assert(!pf->searching);
	portfolio_free(pf);
}
END_TEST

START_TEST(esc_in_the_prompt_returns_and_keeps_the_last_search)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "ha");
	portfolio_search_key(pf, UK_ENTER);
	ck_assert_str_eq(pf->pattern, "ha");
	ck_assert_str_eq(selected(pf), "Alpha");
	listnav_go(&pf->nav, 1);
	portfolio_search_begin(pf);
	type(pf, "delta");
	ck_assert_str_eq(selected(pf), "delta");
	portfolio_search_key(pf, UK_ESC);
	ck_assert(!pf->searching);
	ck_assert_str_eq(selected(pf), "bravo");
	ck_assert_str_eq(pf->pattern, "ha");
	portfolio_free(pf);
}
END_TEST

START_TEST(n_and_N_wrap_around)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "A"); /* Alpha bravo charlie delta, not Émile */
	portfolio_search_key(pf, UK_ENTER);
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "bravo");
	portfolio_search_next(pf, 1);
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert_int_eq(portfolio_search_next(pf, -1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(portfolio_search_next(pf, -1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "charlie");
	portfolio_free(pf);
}
END_TEST

START_TEST(a_lone_match_is_found_again_and_none_stays)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "mil");
	portfolio_search_key(pf, UK_ENTER);
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "Émile");
	str_set(&pf->pattern, "zulu");
	listnav_go(&pf->nav, 1);
	ck_assert_int_eq(portfolio_search_next(pf, -1), PF_NOT_FOUND);
	ck_assert_str_eq(selected(pf), "bravo");
	portfolio_free(pf);
}
END_TEST

START_TEST(a_match_off_the_screen_scrolls_to_the_middle)
{
	struct spec s[60];
	char name[60][8];
	struct portfolio *pf = portfolio_new();

	for (int i = 0; i < 60; i++) {
		snprintf(name[i], sizeof name[i], "p%02d", i);
		s[i] = (struct spec){ i + 1, name[i], -1, PHASE_PROSPECT, NULL };
	}
	listnav_set_height(&pf->nav, 20);
	load(pf, s, 60);
	portfolio_search_begin(pf);
	type(pf, "p4");
	ck_assert_str_eq(selected(pf), "p40");
	ck_assert_uint_eq(pf->nav.top, 30); /* p30..p49: rows on both sides */
	type(pf, "5");
	ck_assert_str_eq(selected(pf), "p45");
	ck_assert_uint_eq(pf->nav.top, 30); /* on the screen already: no jump */
	portfolio_search_key(pf, UK_ENTER);
	str_set(&pf->pattern, "p0");
	ck_assert_int_eq(portfolio_search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert_uint_eq(pf->nav.top, 0);
	portfolio_free(pf);
}
END_TEST

/* ---- filter ---- */

START_TEST(esc_clears_search_and_filter)
{
	struct portfolio *pf = five_rows();

	ck_assert(!portfolio_clear(pf)); /* nothing to clear: no reload */
	str_set(&pf->pattern, "al");
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_owner(pf, "dana");
	ck_assert(portfolio_filtered(pf));
	ck_assert(portfolio_clear(pf));
	ck_assert(!portfolio_filtered(pf));
	ck_assert_ptr_null(pf->pattern);
	ck_assert_ptr_null(pf->filter.owner);
	ck_assert_int_eq(pf->filter.phase, -1);
	ck_assert(!portfolio_row_matches(pf, 0));
	portfolio_free(pf);
}
END_TEST

START_TEST(filter_text_names_every_filter)
{
	struct portfolio *pf = portfolio_new();
	char *s;

	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "");
	free(s);
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_type(pf, PTYPE_CHANNEL);
	portfolio_filter_tier(pf, TIER_1);
	portfolio_filter_owner(pf, "ana");
	portfolio_filter_flagged(pf, true);
	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "phase=launch, type=channel, tier=1, owner=ana, flagged");
	free(s);
	portfolio_filter_phase(pf, -1);
	portfolio_filter_type(pf, -1);
	portfolio_filter_owner(pf, NULL);
	portfolio_filter_tier(pf, TIER_NONE);
	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "tier=none, flagged");
	free(s);
	portfolio_filter_flagged(pf, false);
	portfolio_filter_tier(pf, -2);
	ck_assert(!portfolio_filtered(pf));
	portfolio_free(pf);
}
END_TEST

START_TEST(header_counts_filter_and_sort)
{
	struct portfolio *pf = five_rows();
	struct partner_list l = make_list(five, 2);
	char *s;

	s = portfolio_header(pf, false);
	ck_assert_str_eq(s, "5 partners · sort: name ↑");
	free(s);
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_flagged(pf, true);
	portfolio_set_rows(pf, &l, 12, NULL);
	portfolio_sort_next(pf);
	s = portfolio_header(pf, false);
	ck_assert_str_eq(s, "2 of 12 partners · filter: phase=launch, flagged · sort: score ↓");
	free(s);
	str_set(&pf->pattern, "acme");
	s = portfolio_header(pf, true);
	ck_assert_str_eq(s, "2 of 12 partners | filter: phase=launch, flagged | sort: score desc"
			    " | search: acme");
	free(s);
	portfolio_free(pf);
}
END_TEST

/* The header as drawn: count left, sort right, both whole at 80 columns
 * whatever is filtered; the filter in words when it fits, else short. */
START_TEST(header_fit_keeps_count_and_sort)
{
	struct portfolio *pf = five_rows();
	struct partner_list none = make_list(five, 0);
	char *s;

	s = portfolio_header_fit(pf, false, 40);
	ck_assert_str_eq(s, "5 partners             sort: name ↑  1/5");
	free(s);
	portfolio_filter_phase(pf, PHASE_STEADY_STATE);
	portfolio_filter_type(pf, PTYPE_TECHNOLOGY);
	portfolio_filter_owner(pf, "lchen");
	portfolio_filter_flagged(pf, true);
	portfolio_set_rows(pf, &none, 15, NULL);
	s = portfolio_header_fit(pf, false, 80);
	ck_assert_uint_eq(text_width(s), 80);
	ck_assert_str_eq(s, "0 of 15 partners · filter: steady tech lchen flagged"
			    "                sort: name ↑");
	free(s);
	s = portfolio_header_fit(pf, false, 120);
	ck_assert_str_eq(s, "0 of 15 partners · filter: phase=steady_state, type=technology, "
			    "owner=lchen, flagged                        sort: name ↑");
	free(s);
	/* A long owner and a search: the owner cut, the ends whole. */
	portfolio_filter_owner(pf, "a-very-long-owner-name-that-goes-on-and-on");
	portfolio_filter_tier(pf, TIER_1);
	str_set(&pf->pattern, "acme");
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 a-very-long~ flagged ~"
			    "  sort: name asc");
	free(s);
	s = portfolio_header_fit(pf, true, 100);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 a-very-long~ flagged | /acme"
			    "                sort: name asc");
	free(s);
	portfolio_filter_owner(pf, NULL);
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 flagged | /acme"
			    "         sort: name asc");
	free(s);
	/* Text from the database cannot move the sort: markers count. */
	portfolio_filter_owner(pf, "e\x1b[2Jvil");
	s = portfolio_header_fit(pf, true, 100);
	ck_assert_ptr_null(strchr(s, '\x1b'));
	ck_assert_uint_eq(text_width(s), 100);
	free(s);
	portfolio_free(pf);
}
END_TEST

/* Where the selection is, at the right as in History ("1/244"): it
 * follows the cursor, and a long filter is cut for it, not the ends. */
START_TEST(header_fit_shows_the_position)
{
	struct portfolio *pf = five_rows();
	struct partner_list two = make_list(five, 2);
	char *s;

	listnav_go(&pf->nav, 3);
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s + 80 - strlen("sort: name asc  4/5"), "sort: name asc  4/5");
	free(s);
	listnav_key(&pf->nav, 'G');
	s = portfolio_header_fit(pf, false, 80);
	ck_assert_ptr_nonnull(strstr(s, "sort: name ↑  5/5"));
	free(s);
	portfolio_filter_owner(pf, "a-very-long-owner-name-that-goes-on-and-on");
	portfolio_filter_phase(pf, PHASE_STEADY_STATE);
	portfolio_filter_type(pf, PTYPE_TECHNOLOGY);
	portfolio_filter_flagged(pf, true);
	str_set(&pf->pattern, "acme");
	portfolio_set_rows(pf, &two, 300, NULL);
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s, "2 of 300 partners | filter: steady tech a-very-long~ flagg~"
			    "  sort: name asc  2/2");
	free(s);
	portfolio_free(pf);
}
END_TEST

START_TEST(one_partner_is_singular)
{
	struct portfolio *pf = portfolio_new();
	char *s;

	load(pf, five, 1);
	s = portfolio_header(pf, true);
	ck_assert_str_eq(s, "1 partner | sort: name asc");
	free(s);
	portfolio_free(pf);
}
END_TEST

/* ---- reload ---- */

START_TEST(reload_keeps_the_selection_by_id)
{
	struct portfolio *pf = five_rows();
	/* Another session renamed bravo (id 5) to "zulu" and added "aaron". */
	const struct spec after[] = {
		{ 1, "delta", 7000, PHASE_LAUNCH, NULL },  { 2, "Alpha", 9000, PHASE_PROSPECT, NULL },
		{ 3, "charlie", 7000, PHASE_EXIT, NULL },  { 4, "Émile", -1, PHASE_LAUNCH, NULL },
		{ 5, "zulu", 5000, PHASE_RENEWAL, NULL },  { 6, "aaron", -1, PHASE_PROSPECT, NULL },
	};

	portfolio_sort_next(pf); /* score */
	portfolio_sort_next(pf); /* phase */
	listnav_go(&pf->nav, 4);
	ck_assert_str_eq(selected(pf), "charlie");
	str_set(&pf->pattern, "a");
	portfolio_filter_flagged(pf, true);
	load(pf, after, 6);
	ck_assert_str_eq(selected(pf), "charlie");
	ck_assert_int_eq(pf->sort, PF_SORT_PHASE);
	ck_assert_str_eq(pf->pattern, "a");
	ck_assert(pf->filter.flagged_only);
	ck_assert_names(pf, "aaron Alpha delta Émile zulu charlie");
	portfolio_free(pf);
}
END_TEST

START_TEST(reload_without_the_partner_stays_on_its_row)
{
	struct portfolio *pf = five_rows();

	listnav_go(&pf->nav, 2); /* charlie, id 3 */
	load(pf, five, 2);       /* delta and Alpha only */
	ck_assert_uint_eq(pf->nav.cur, 1);
	ck_assert_str_eq(selected(pf), "delta");
	portfolio_free(pf);
}
END_TEST

START_TEST(reload_selects_a_wanted_partner)
{
	struct portfolio *pf = five_rows();

	pf->want_id = 4; /* just added */
	load(pf, five, FIVE);
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert_int_eq(pf->want_id, 0);
	ck_assert(portfolio_select_id(pf, 2));
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert(!portfolio_select_id(pf, 99));
	portfolio_free(pf);
}
END_TEST

START_TEST(reload_keeps_the_row_at_its_height)
{
	struct spec s[40];
	char name[40][8];
	struct portfolio *pf = portfolio_new();

	for (int i = 0; i < 40; i++) {
		snprintf(name[i], sizeof name[i], "p%02d", i);
		s[i] = (struct spec){ i + 1, name[i], -1, PHASE_PROSPECT, NULL };
	}
	listnav_set_height(&pf->nav, 10);
	load(pf, s, 40);
	listnav_go(&pf->nav, 25);
	listnav_key(&pf->nav, 'k');
	ck_assert_uint_eq(pf->nav.cur, 24);
	ck_assert_uint_eq(pf->nav.top, 16);
	load(pf, s + 5, 35); /* five rows above it went */
	ck_assert_str_eq(selected(pf), "p24");
	ck_assert_uint_eq(pf->nav.cur, 19);
	ck_assert_uint_eq(pf->nav.top, 11);
	portfolio_free(pf);
}
END_TEST

/* ---- cells ---- */

START_TEST(flags_show_whole_markers_and_how_many_more)
{
	unsigned three = FLAG_RENEWAL_DUE | FLAG_NOTICE_SOON | FLAG_REVIEW_OVERDUE;
	char *s;

	s = pf_flags_text(three, 40);
	ck_assert_str_eq(s, "RENEW NOTICE REVIEW");
	free(s);
	s = pf_flags_text(three, 19);
	ck_assert_str_eq(s, "RENEW NOTICE REVIEW");
	free(s);
	s = pf_flags_text(three, 18);
	ck_assert_str_eq(s, "RENEW NOTICE +1");
	free(s);
	s = pf_flags_text(three, 14);
	ck_assert_str_eq(s, "RENEW +2");
	free(s);
	s = pf_flags_text(three, 3);
	ck_assert_str_eq(s, "+3");
	free(s);
	s = pf_flags_text(0, 14);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(next_action_shows_days_to_go)
{
	char out[PF_NEXT_BUFSZ];
	ally_date today = D("2026-06-01");

	ck_assert_str_eq(pf_next_text(D("2026-06-13"), today, true, out), "2026-06-13 +12d");
	ck_assert_str_eq(pf_next_text(D("2026-05-29"), today, true, out), "2026-05-29 -3d");
	ck_assert_str_eq(pf_next_text(D("2026-06-01"), today, true, out), "2026-06-01 today");
	ck_assert_str_eq(pf_next_text(DATE_NONE, today, true, out), "");
	ck_assert_str_eq(pf_next_text(D("2027-03-27"), today, false, out), "03-27 +299d");
	ck_assert_str_eq(pf_next_text(D("2025-12-31"), today, false, out), "12-31 -152d");
	ck_assert_str_eq(pf_next_text(today, today, false, out), "06-01 today");
	/* A year off: the year, so that it never reads as a near date. */
	ck_assert_str_eq(pf_next_text(D("2027-03-28"), today, false, out), "2027-03-28");
	ck_assert_str_eq(pf_next_text(D("2027-06-07"), today, false, out), "2027-06-07");
	ck_assert_str_eq(pf_next_text(D("2025-08-05"), today, false, out), "2025-08-05");
	ck_assert_str_eq(pf_next_text(D("2025-08-06"), today, false, out), "08-06 -299d");
	ck_assert_uint_le(strlen(pf_next_text(D("2027-03-28"), today, false, out)), 12);
}
END_TEST

START_TEST(cells_abbreviate)
{
	ck_assert_str_eq(pf_type_abbrev(PTYPE_JOINT_VENTURE), "jv");
	ck_assert_str_eq(pf_type_abbrev(-1), "");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_STEADY_STATE), "steady");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_COUNT), "");
	ck_assert_str_eq(pf_health_letter(HEALTH_AMBER), "A");
	ck_assert_str_eq(pf_health_letter(-1), "-");
}
END_TEST

static int columns_total(const struct pf_columns *c)
{
	return c->name + c->type + c->tier + c->score + c->phase + c->health + c->owner + c->next +
	       c->flags + 8;
}

START_TEST(columns_fill_the_width_and_the_name_grows)
{
	struct pf_columns c80, c132, c300;

	pf_columns(80, &c80);
	ck_assert_int_eq(columns_total(&c80), 80);
	ck_assert_int_eq(c80.name, 21); /* "Brightwater Analytics" */
	ck_assert_int_ge(c80.flags, 12); /* "RENEW NOTICE" */
	ck_assert_int_ge(c80.next, 11);  /* "10-18 +330d" */
	ck_assert(!c80.year);
	pf_columns(132, &c132);
	ck_assert_int_eq(columns_total(&c132), 132);
	ck_assert_int_gt(c132.name, c80.name);
	ck_assert_int_gt(c132.flags, c80.flags);
	ck_assert_int_gt(c132.owner, c80.owner);
	ck_assert(c132.year);
	ck_assert_int_ge(c132.next, 16); /* "2027-10-18 +330d" */
	pf_columns(300, &c300);
	ck_assert_int_eq(columns_total(&c300), 300);
	ck_assert_int_gt(c300.name, c300.flags);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "listnav", cursor_scrolls_over_a_long_list },
		{ "listnav", an_empty_list_has_no_selection },
		{ "portfolio_sort", name_order_first_accents_with_their_letter },
		{ "portfolio_sort", s_cycles_score_phase_next_name },
		{ "portfolio_sort", S_reverses_but_ties_stay_by_name_and_missing_last },
		{ "portfolio_sort", sorting_keeps_the_selected_partner },
		{ "portfolio_search_key", search_moves_to_the_first_match_from_the_start_row },
		{ "portfolio_search_key", search_ignores_case_and_accents_are_letters },
		{ "portfolio_search_key", no_match_goes_back_to_the_start_row },
		{ "portfolio_search_key", the_prompt_takes_every_key },
		{ "portfolio_search_key", esc_in_the_prompt_returns_and_keeps_the_last_search },
		{ "portfolio_search_key", a_match_off_the_screen_scrolls_to_the_middle },
		{ "portfolio_search_next", n_and_N_wrap_around },
		{ "portfolio_search_next", a_lone_match_is_found_again_and_none_stays },
		{ "portfolio_clear", esc_clears_search_and_filter },
		{ "portfolio_filter_text", filter_text_names_every_filter },
		{ "portfolio_header", header_counts_filter_and_sort },
		{ "portfolio_header", one_partner_is_singular },
		{ "portfolio_header_fit", header_fit_keeps_count_and_sort },
		{ "portfolio_header_fit", header_fit_shows_the_position },
		{ "portfolio_set_rows", reload_keeps_the_selection_by_id },
		{ "portfolio_set_rows", reload_without_the_partner_stays_on_its_row },
		{ "portfolio_set_rows", reload_selects_a_wanted_partner },
		{ "portfolio_set_rows", reload_keeps_the_row_at_its_height },
		{ "pf_flags_text", flags_show_whole_markers_and_how_many_more },
		{ "pf_next_text", next_action_shows_days_to_go },
		{ "pf_cells", cells_abbreviate },
		{ "pf_columns", columns_fill_the_width_and_the_name_grows },
	};

	return run_suite(suite_from("ui-portfolio", cases, sizeof cases / sizeof cases[0]));
}
