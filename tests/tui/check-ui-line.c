/* check-ui-line.c: the one-line editor of searches and prompts. */
#include "ally/text.h"
#include "ally/ui-line.h"
#include "ally/ui.h"
#include "core-test.h"

/* Type a UTF-8 string key by key, as the terminal layer delivers it. */
static void type(struct ui_line *l, const char *s)
{
	while (*s != '\0') {
		uint32_t cp;
		size_t n = utf8_decode(s, &cp);

		ck_assert_uint_gt(n, 0);
		ck_assert(ui_line_key(l, (int)cp));
		s += n;
	}
}

static void keys(struct ui_line *l, int key, int times)
{
	for (int i = 0; i < times; i++)
		ck_assert(ui_line_key(l, key));
}

START_TEST(typing_inserts_at_the_cursor)
{
	struct ui_line l;

	ui_line_init(&l);
	ck_assert_str_eq(ui_line_text(&l), "");
	type(&l, "acme");
	keys(&l, UK_LEFT, 2);
	type(&l, "XY");
	ck_assert_str_eq(ui_line_text(&l), "acXYme");
	ck_assert_uint_eq(l.cur, 4);
	ui_line_finish(&l);
}
END_TEST

START_TEST(accents_cjk_and_emoji_are_one_character_each)
{
	struct ui_line l;

	ui_line_init(&l);
	type(&l, "é中😀");
	ck_assert_str_eq(ui_line_text(&l), "é中😀");
	ck_assert_uint_eq(ui_line_cursor_col(&l), 1 + 2 + 2);
	keys(&l, UK_BACKSPACE, 1);
	ck_assert_str_eq(ui_line_text(&l), "é中");
	keys(&l, UK_LEFT, 1);
	ck_assert_uint_eq(ui_line_cursor_col(&l), 1);
	type(&l, "ü");
	ck_assert_str_eq(ui_line_text(&l), "éü中");
	keys(&l, UK_HOME, 1);
	keys(&l, UK_DELETE, 1);
	ck_assert_str_eq(ui_line_text(&l), "ü中");
	ck_assert_uint_eq(l.cur, 0);
	ui_line_finish(&l);
}
END_TEST

START_TEST(controls_and_key_codes_are_never_inserted)
{
	struct ui_line l;

	ui_line_init(&l);
	type(&l, "ab");
	ck_assert(!ui_line_key(&l, UK_ENTER));
	ck_assert(!ui_line_key(&l, UK_ESC));
	ck_assert(!ui_line_key(&l, UK_TAB));
	ck_assert(!ui_line_key(&l, UK_UP));
	ck_assert(!ui_line_key(&l, UK_F2));
	ck_assert(!ui_line_key(&l, '\r'));
	ck_assert(!ui_line_key(&l, 0x1b));
	ck_assert(!ui_line_key(&l, 0x9b)); /* C1 CSI */
	ck_assert(!ui_line_key(&l, 0xD800));
	ck_assert_str_eq(ui_line_text(&l), "ab");
	ui_line_finish(&l);
}
END_TEST

START_TEST(backspace_and_delete_stop_at_the_ends)
{
	struct ui_line l;

	ui_line_init(&l);
	type(&l, "xy");
	keys(&l, UK_DELETE, 1); /* at the end: nothing under the cursor */
	keys(&l, UK_CTRL('h'), 1);
	keys(&l, UK_BACKSPACE, 3);
	ck_assert_str_eq(ui_line_text(&l), "");
	type(&l, "abc");
	keys(&l, UK_CTRL('a'), 1);
	keys(&l, UK_CTRL('d'), 1);
	ck_assert_str_eq(ui_line_text(&l), "bc");
	keys(&l, UK_LEFT, 3);
	ck_assert_uint_eq(l.cur, 0);
	keys(&l, UK_RIGHT, 5);
	ck_assert_uint_eq(l.cur, 2);
	ui_line_finish(&l);
}
END_TEST

START_TEST(home_end_and_kills)
{
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "north  wind co");
	ck_assert_uint_eq(l.cur, 14);
	keys(&l, UK_CTRL('w'), 1);
	ck_assert_str_eq(ui_line_text(&l), "north  wind ");
	keys(&l, UK_CTRL('w'), 1); /* the blanks, then the word */
	ck_assert_str_eq(ui_line_text(&l), "north  ");
	keys(&l, UK_HOME, 1);
	keys(&l, UK_RIGHT, 2);
	keys(&l, UK_CTRL('k'), 1);
	ck_assert_str_eq(ui_line_text(&l), "no");
	keys(&l, UK_END, 1);
	type(&l, "rdic");
	keys(&l, UK_LEFT, 2);
	keys(&l, UK_CTRL('u'), 1);
	ck_assert_str_eq(ui_line_text(&l), "ic");
	ck_assert_uint_eq(l.cur, 0);
	keys(&l, UK_CTRL('e'), 1);
	ck_assert_uint_eq(l.cur, 2);
	ui_line_finish(&l);
}
END_TEST

START_TEST(kill_word_takes_whole_characters)
{
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "Société Générale");
	keys(&l, UK_CTRL('w'), 1);
	ck_assert_str_eq(ui_line_text(&l), "Société ");
	ui_line_finish(&l);
}
END_TEST

START_TEST(set_replaces_and_moves_to_the_end)
{
	struct ui_line l;

	ui_line_init(&l);
	type(&l, "old");
	ui_line_set(&l, "Ünïcødé");
	ck_assert_str_eq(ui_line_text(&l), "Ünïcødé");
	ck_assert_uint_eq(ui_line_cursor_col(&l), 7);
	ui_line_set(&l, NULL);
	ck_assert_str_eq(ui_line_text(&l), "");
	ck_assert_uint_eq(l.cur, 0);
	ui_line_finish(&l);
}
END_TEST

START_TEST(invalid_bytes_move_one_at_a_time)
{
	struct ui_line l;

	/* Text from elsewhere may hold bytes that are not UTF-8: each is a
	 * character of its own, so the cursor never lands inside one. */
	ui_line_init(&l);
	ui_line_set(&l, "a\x80\xff" "é");
	keys(&l, UK_LEFT, 1);
	ck_assert_uint_eq(l.cur, 3);
	keys(&l, UK_LEFT, 1);
	ck_assert_uint_eq(l.cur, 2);
	keys(&l, UK_BACKSPACE, 1);
	ck_assert_str_eq(ui_line_text(&l), "a\xff" "é");
	ui_line_finish(&l);
}
END_TEST

START_TEST(cursor_column_counts_markers_of_controls)
{
	struct ui_line l;

	/* A tab from the database shows as "^I": the cursor goes after the
	 * marker, where the next character really is on screen. */
	ui_line_init(&l);
	ui_line_set(&l, "a\tb");
	ck_assert_uint_eq(ui_line_cursor_col(&l), 4);
	ui_line_finish(&l);
}
END_TEST

START_TEST(a_long_line_grows)
{
	struct ui_line l;

	ui_line_init(&l);
	for (int i = 0; i < 1000; i++)
		ck_assert(ui_line_key(&l, 'z'));
	ck_assert_uint_eq(strlen(ui_line_text(&l)), 1000);
	ck_assert_uint_eq(ui_line_cursor_col(&l), 1000);
	ui_line_finish(&l);
}
END_TEST

/* The view of a box of cols columns, and the cursor's column in it. */
static void assert_view(const struct ui_line *l, size_t cols, const char *want, size_t want_col)
{
	size_t col = 99;
	char *v = ui_line_view(l, cols, &col);

	ck_assert_str_eq(v, want);
	ck_assert_uint_eq(col, want_col);
	ck_assert_uint_le(text_width(v), cols);
	free(v);
}

START_TEST(a_short_line_shows_whole)
{
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "Acme");
	assert_view(&l, 10, "Acme", 4);
	ui_line_key(&l, UK_HOME);
	assert_view(&l, 10, "Acme", 0);
	ui_line_finish(&l);
}
END_TEST

START_TEST(a_long_line_scrolls_to_keep_the_cursor_in_the_box)
{
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "abcdefghijklmnopqrstuvwxyz");
	assert_view(&l, 10, "rstuvwxyz", 9); /* a cell left for the cursor */
	ui_line_key(&l, UK_HOME);
	assert_view(&l, 10, "abcdefghij", 0);
	for (int i = 0; i < 12; i++)
		ui_line_key(&l, UK_RIGHT);
	assert_view(&l, 10, "defghijklm", 9);
	ui_line_finish(&l);
}
END_TEST

START_TEST(wide_characters_are_never_cut_in_half)
{
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "中文中文中文");
	assert_view(&l, 8, "文中文", 6);
	ui_line_key(&l, UK_HOME);
	assert_view(&l, 7, "中文中", 0);
	ui_line_set(&l, "a\tb");
	assert_view(&l, 10, "a^Ib", 4);
	ui_line_finish(&l);
}
END_TEST

START_TEST(encode_writes_one_to_four_bytes)
{
	char out[5];

	ck_assert_uint_eq(ui_utf8_encode('a', out), 1);
	ck_assert_str_eq(out, "a");
	ck_assert_uint_eq(ui_utf8_encode(0xE9, out), 2);
	ck_assert_str_eq(out, "é");
	ck_assert_uint_eq(ui_utf8_encode(0x4E2D, out), 3);
	ck_assert_str_eq(out, "中");
	ck_assert_uint_eq(ui_utf8_encode(0x1F600, out), 4);
	ck_assert_str_eq(out, "😀");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "ui_line_key", typing_inserts_at_the_cursor },
		{ "ui_line_key", accents_cjk_and_emoji_are_one_character_each },
		{ "ui_line_key", controls_and_key_codes_are_never_inserted },
		{ "ui_line_key", backspace_and_delete_stop_at_the_ends },
		{ "ui_line_key", home_end_and_kills },
		{ "ui_line_key", kill_word_takes_whole_characters },
		{ "ui_line_key", invalid_bytes_move_one_at_a_time },
		{ "ui_line_key", a_long_line_grows },
		{ "ui_line_set", set_replaces_and_moves_to_the_end },
		{ "ui_line_cursor_col", cursor_column_counts_markers_of_controls },
		{ "ui_line_view", a_short_line_shows_whole },
		{ "ui_line_view", a_long_line_scrolls_to_keep_the_cursor_in_the_box },
		{ "ui_line_view", wide_characters_are_never_cut_in_half },
		{ "ui_utf8_encode", encode_writes_one_to_four_bytes },
	};

	return run_suite(suite_from("ui-line", cases, sizeof cases / sizeof cases[0]));
}
