/* check-ui-list.c: the list cursor every view scrolls with, and search. */
#include "ally/ui.h"
#include "core-test.h"

static struct listnav nav(size_t n, size_t height)
{
	struct listnav l;

	listnav_init(&l);
	listnav_set_height(&l, height);
	listnav_set_count(&l, n);
	return l;
}

START_TEST(down_scrolls_at_the_bottom_edge)
{
	struct listnav l = nav(100, 10);

	for (int i = 0; i < 9; i++)
		ck_assert(listnav_key(&l, 'j'));
	ck_assert_uint_eq(l.cur, 9);
	ck_assert_uint_eq(l.top, 0);
	listnav_key(&l, UK_DOWN);
	ck_assert_uint_eq(l.cur, 10);
	ck_assert_uint_eq(l.top, 1);
}
END_TEST

START_TEST(ends_stop_the_cursor)
{
	struct listnav l = nav(5, 10);

	listnav_key(&l, 'k');
	ck_assert_uint_eq(l.cur, 0);
	listnav_key(&l, 'G');
	ck_assert_uint_eq(l.cur, 4);
	listnav_key(&l, 'j');
	ck_assert_uint_eq(l.cur, 4);
	ck_assert_uint_eq(l.top, 0);
	listnav_key(&l, 'g');
	ck_assert_uint_eq(l.cur, 0);
}
END_TEST

START_TEST(pages_keep_the_cursor_row_on_screen)
{
	struct listnav l = nav(100, 10);

	listnav_go(&l, 3);
	listnav_key(&l, UK_PGDN);
	ck_assert_uint_eq(l.top, 10);
	ck_assert_uint_eq(l.cur, 13);
	listnav_key(&l, UK_CTRL('f'));
	ck_assert_uint_eq(l.cur, 23);
	listnav_key(&l, UK_CTRL('b'));
	ck_assert_uint_eq(l.top, 10);
	ck_assert_uint_eq(l.cur, 13);
	listnav_key(&l, 'G');
	ck_assert_uint_eq(l.top, 90);
	ck_assert_uint_eq(l.cur, 99);
	listnav_key(&l, UK_PGDN); /* at the end: stays */
	ck_assert_uint_eq(l.cur, 99);
	listnav_key(&l, UK_PGUP);
	ck_assert_uint_eq(l.top, 80);
	ck_assert_uint_eq(l.cur, 89);
}
END_TEST

START_TEST(half_pages)
{
	struct listnav l = nav(100, 10);

	listnav_key(&l, UK_CTRL('d'));
	ck_assert_uint_eq(l.cur, 5);
	listnav_key(&l, UK_CTRL('u'));
	ck_assert_uint_eq(l.cur, 0);
}
END_TEST

START_TEST(a_shorter_list_clamps_the_cursor)
{
	struct listnav l = nav(100, 10);

	listnav_key(&l, 'G');
	listnav_set_count(&l, 20);
	ck_assert_uint_eq(l.cur, 19);
	ck_assert_uint_eq(l.top, 10);
	listnav_set_count(&l, 0);
	ck_assert_uint_eq(l.cur, 0);
	ck_assert(listnav_key(&l, 'j'));
	ck_assert_uint_eq(l.cur, 0);
}
END_TEST

START_TEST(a_smaller_window_keeps_the_cursor_visible)
{
	struct listnav l = nav(100, 40);

	listnav_go(&l, 35);
	listnav_set_height(&l, 10);
	ck_assert_uint_eq(l.cur, 35);
	ck_assert(l.top <= 35 && 35 < l.top + 10);
	listnav_set_height(&l, 0); /* never below one row */
	ck_assert_uint_eq(l.height, 1);
	ck_assert_uint_eq(l.top, 35);
}
END_TEST

START_TEST(other_keys_are_not_movement)
{
	struct listnav l = nav(10, 5);

	ck_assert(!listnav_key(&l, 'x'));
	ck_assert(!listnav_key(&l, UK_ENTER));
	ck_assert_uint_eq(l.cur, 0);
}
END_TEST

START_TEST(match_ignores_case_in_any_script)
{
	ck_assert(ui_match("Acme Corp", "acme"));
	ck_assert(ui_match("ÉCOLE Lumière", "école"));
	ck_assert(ui_match("Δέλτα Systems", "δέλτα"));
	ck_assert(ui_match("Anything", ""));
	ck_assert(!ui_match("Acme", "acne"));
	ck_assert(!ui_match(NULL, "a"));
}
END_TEST

/* The lines ui_wrap makes of s in width columns, joined with '|'. */
static char *wrapped(const char *s, size_t width)
{
	char *out = calloc(strlen(s) * 2 + 2, 1);
	const char *next;

	while (*s != '\0') {
		size_t n = ui_wrap(s, width, &next);

		if (out[0] != '\0')
			strcat(out, "|");
		strncat(out, s, n);
		ck_assert_ptr_ne(next, s); /* every line moves on */
		s = next;
	}
	return out;
}

START_TEST(wrap_breaks_at_blanks_that_fit)
{
	char *w = wrapped("annual value of active contracts by tier", 16);

	ck_assert_str_eq(w, "annual value of|active contracts|by tier");
	free(w);
	w = wrapped("fits", 10);
	ck_assert_str_eq(w, "fits");
	free(w);
	w = wrapped("exactly ten words", 10);
	ck_assert_str_eq(w, "exactly|ten words");
	free(w);
}
END_TEST

START_TEST(wrap_counts_columns_and_cuts_long_words)
{
	/* Wide characters take two columns; a word wider than the line is
	 * cut between characters, never through one. */
	char *w = wrapped("青山データ株式会社 ok", 7);

	ck_assert_str_eq(w, "青山デ|ータ株|式会社|ok");
	free(w);
	w = wrapped("abcdefgh", 3);
	ck_assert_str_eq(w, "abc|def|gh");
	free(w);
	w = wrapped("青", 1); /* wider than the line: still one per line */
	ck_assert_str_eq(w, "青");
	free(w);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "listnav_key", down_scrolls_at_the_bottom_edge },
		{ "listnav_key", ends_stop_the_cursor },
		{ "listnav_key", pages_keep_the_cursor_row_on_screen },
		{ "listnav_key", half_pages },
		{ "listnav_key", other_keys_are_not_movement },
		{ "listnav_set_count", a_shorter_list_clamps_the_cursor },
		{ "listnav_set_height", a_smaller_window_keeps_the_cursor_visible },
		{ "ui_match", match_ignores_case_in_any_script },
		{ "ui_wrap", wrap_breaks_at_blanks_that_fit },
		{ "ui_wrap", wrap_counts_columns_and_cuts_long_words },
	};

	return run_suite(suite_from("ui-list", cases, sizeof cases / sizeof cases[0]));
}
