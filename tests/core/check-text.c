/* check-text.c: database text is made harmless and measured for a terminal. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"

static void expect_visible(const char *in, int keep, const char *want)
{
	char *got = text_visible(in, keep);

	ck_assert_str_eq(got, want);
	free(got);
}

static void expect_fit(const char *in, size_t cols, int ell, int ascii, const char *want)
{
	char *got = text_fit(in, cols, ell, ascii);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(visible_escapes_terminal_controls)
{
	/* A name that would clear the screen or retitle the window must show
	 * as inert text. */
	expect_visible("a\x1b[2Jb", 0, "a^[[2Jb");
	expect_visible("x\ty\rz", 0, "x^Iy^Mz");
	expect_visible("del\x7f", 0, "del^?");
	expect_visible("one\ntwo", 0, "one^Jtwo");
	expect_visible("one\ntwo", 1, "one\ntwo");
	expect_visible("\x01", 0, "^A");
}
END_TEST

START_TEST(visible_marks_c1_and_invalid_bytes)
{
	/* U+009B is CSI on 8-bit terminals. */
	expect_visible("a\xc2\x9b" "b", 0, "a\\x9bb");
	expect_visible("bad\xff", 0, "bad\\xff");
	expect_visible("cut\xc3", 0, "cut\\xc3");
	/* An overlong '/' and a UTF-8 encoded surrogate are not text. */
	expect_visible("\xc0\xaf", 0, "\\xc0\\xaf");
	expect_visible("\xed\xa0\x80", 0, "\\xed\\xa0\\x80");
}
END_TEST

START_TEST(visible_marks_invisible_formatting)
{
	/* A right-to-left override would show "Acme" + reversed text; it
	 * must show as a marker and leave the order alone. */
	expect_visible("Acme\xe2\x80\xae" "gnp.exe", 0, "Acme<U+202E>gnp.exe");
	expect_visible("a\xe2\x80\xaa" "b\xe2\x80\xac", 0, "a<U+202A>b<U+202C>");
	expect_visible("\xe2\x81\xa6x\xe2\x81\xa9", 0, "<U+2066>x<U+2069>");
	expect_visible("zero\xe2\x80\x8bwidth", 0, "zero<U+200B>width");
	expect_visible("\xe2\x80\x8f\xe2\x81\xa0\xe2\x81\xa4", 0, "<U+200F><U+2060><U+2064>");
	expect_visible("\xef\xbb\xbf" "bom", 0, "<U+FEFF>bom");
	/* Also in multi-line text, and next to the neighbours that are
	 * ordinary text (U+2010 hyphen, U+2065 unassigned, U+2070). */
	expect_visible("l1\n\xe2\x80\xae" "l2", 1, "l1\n<U+202E>l2");
	expect_visible("\xe2\x80\x90\xe2\x80\xaf\xe2\x81\xb0", 0, "\xe2\x80\x90\xe2\x80\xaf\xe2\x81\xb0");
}
END_TEST

START_TEST(visible_keeps_real_text)
{
	expect_visible("Müller & Söhne", 0, "Müller & Söhne");
	expect_visible("東京パートナー", 0, "東京パートナー");
	expect_visible("rocket \xf0\x9f\x9a\x80", 0, "rocket \xf0\x9f\x9a\x80");
	expect_visible(NULL, 0, "");
	expect_visible("", 0, "");
}
END_TEST

START_TEST(width_counts_columns_not_bytes)
{
	ck_assert_uint_eq(text_width("abc"), 3);
	ck_assert_uint_eq(text_width("Müller"), 6);
	ck_assert_uint_eq(text_width("東京"), 4);
	ck_assert_uint_eq(text_width("\xf0\x9f\x9a\x80"), 2);
	/* e + combining acute accent is one column. */
	ck_assert_uint_eq(text_width("e\xcc\x81"), 1);
	ck_assert_uint_eq(text_width(""), 0);
	ck_assert_uint_eq(text_width(NULL), 0);
}
END_TEST

START_TEST(fit_cuts_on_character_boundaries)
{
	expect_fit("abcdef", 6, 1, 0, "abcdef");
	expect_fit("abcdef", 4, 0, 0, "abcd");
	expect_fit("abcdef", 4, 1, 0, "abc\xe2\x80\xa6");
	expect_fit("abcdef", 4, 1, 1, "abc~");
	/* A wide character that would straddle the edge is left out whole. */
	expect_fit("東京都", 5, 0, 0, "東京");
	expect_fit("東京都", 5, 1, 0, "東京\xe2\x80\xa6");
	expect_fit("東京都", 4, 1, 0, "東\xe2\x80\xa6");
	expect_fit("Müller", 2, 0, 0, "Mü");
	expect_fit("abc", 0, 1, 0, "");
	expect_fit(NULL, 3, 1, 0, "");
}
END_TEST

static void expect_fold(const char *in, const char *want)
{
	char *got = text_fold(in);

	ck_assert_str_eq(got, want);
	free(got);
}

/* Do a and b get one key? */
static void expect_same_key(const char *a, const char *b)
{
	char *ka = text_fold(a), *kb = text_fold(b);

	ck_assert_msg(strcmp(ka, kb) == 0, "'%s' -> '%s' but '%s' -> '%s'", a, ka, b, kb);
	free(ka);
	free(kb);
}

START_TEST(fold_latin)
{
	expect_same_key("MÜLLER-KRANZ", "müller-kranz");
	expect_fold("MÜLLER-KRANZ", "müller-kranz");
	expect_same_key("ÉCOLE", "école");
	expect_fold("ACME Corp", "acme corp");
	/* Latin-1: À-Þ but not the multiplication sign; ß has no capital here. */
	expect_fold("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ", "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ");
	expect_fold("2×3 Straße", "2×3 straße");
	/* Latin Extended-A: even/odd pairs, then odd/even from Ĺ to Ň. */
	expect_fold("ĀĂĄĆČĎĐĒĘĚĞĠĢĦĪĮ", "āăąćčďđēęěğġģħīį");
	expect_fold("ĹĻĽĿŁŃŅŇ", "ĺļľŀłńņň");
	expect_fold("ŊŌŐŒŘŚŞŠŢŤŦŪŮŰŲŴŶ", "ŋōőœřśşšţťŧūůűųŵŷ");
	expect_fold("ŹŻŽ", "źżž");
	expect_fold("İSTANBUL", "istanbul");
	expect_fold("ŸVES", "ÿves");
	/* Small letters that sit between capitals stay as they are. */
	expect_fold("āĺıĸŉſ", "āĺıĸŉſ");
	/* Latin Extended-B: pairs where they hold, and the odd ones. */
	expect_fold("ƏLIYEV", "əliyev");
	expect_fold("ǍǏǑǓǕǗǙǛ", "ǎǐǒǔǖǘǚǜ");
	expect_fold("ǄǅǆǇǈǉ", "ǆǆǆǉǉǉ");
	expect_fold("ȘȚ", "șț");
	expect_fold("Ɓ Ɗ Ƴ Ȝ", "ɓ ɗ ƴ ȝ");
}
END_TEST

START_TEST(fold_greek_and_cyrillic)
{
	expect_same_key("ΑΘΗΝΑ", "αθηνα");
	expect_fold("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", "αβγδεζηθικλμνξοπρστυφχψω");
	expect_fold("ΆΈΉΊΌΎΏΪΫ", "άέήίόύώϊϋ");
	/* A final sigma keys as a sigma. */
	expect_same_key("ΟΔΥΣΣΕΑΣ", "οδυσσεας");
	expect_same_key("МОСКВА", "москва");
	expect_fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдежзийклмнопрстуфхцчшщъыьэюя");
	expect_fold("ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ", "ѐёђѓєѕіїјљњћќѝўџ");
	expect_fold("ҐУДЗ", "ґудз");
}
END_TEST

START_TEST(fold_keeps_the_rest)
{
	expect_fold("東京パートナー", "東京パートナー");
	expect_fold("株式会社ABC", "株式会社abc");
	expect_fold("rocket \xf0\x9f\x9a\x80 ①", "rocket \xf0\x9f\x9a\x80 ①");
	/* Fullwidth and other scripts' capitals are not folded here. */
	expect_fold("ＡＢＣ Ⴀ", "ＡＢＣ Ⴀ");
	/* Invalid UTF-8 passes through byte for byte. */
	expect_fold("AB\xff\xc3(C", "ab\xff\xc3(c");
	expect_fold("\xed\xa0\x80X", "\xed\xa0\x80x");
	expect_fold(NULL, "");
	expect_fold("", "");
}
END_TEST

START_TEST(fold_trims_white_space)
{
	expect_fold("  Padded  ", "padded");
	expect_fold("\tTab\r\n", "tab");
	/* No-break and ideographic spaces count as white space too. */
	expect_fold("\xc2\xa0" "Acme\xe3\x80\x80", "acme");
	/* Inside, nothing changes. */
	expect_fold(" A  B ", "a  b");
	expect_fold("   ", "");
	expect_same_key("Acme", " ACME ");
}
END_TEST

static void put_cp(char *s, unsigned cp)
{
	if (cp < 0x80) {
		s[0] = (char)cp, s[1] = '\0';
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3f)), s[2] = '\0';
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f)), s[3] = '\0';
	} else {
		s[0] = (char)(0xf0 | cp >> 18), s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), s[3] = (char)(0x80 | (cp & 0x3f));
		s[4] = '\0';
	}
}

START_TEST(fold_is_stable)
{
	/* Folding a key again changes nothing, for every character of the
	 * folded blocks and beyond: no small letter is mapped on. */
	for (unsigned cp = 0x21; cp < 0x3000; cp++) {
		char in[5], *once, *twice;

		put_cp(in, cp);
		once = text_fold(in);
		twice = text_fold(once);
		ck_assert_msg(strcmp(once, twice) == 0, "U+%04X", cp);
		free(once);
		free(twice);
	}
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("visible");

	tcase_add_test(tc, visible_escapes_terminal_controls);
	tcase_add_test(tc, visible_marks_c1_and_invalid_bytes);
	tcase_add_test(tc, visible_marks_invisible_formatting);
	tcase_add_test(tc, visible_keeps_real_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("width");
	tcase_add_test(tc, width_counts_columns_not_bytes);
	suite_add_tcase(s, tc);
	tc = tcase_create("fit");
	tcase_add_test(tc, fit_cuts_on_character_boundaries);
	suite_add_tcase(s, tc);
	tc = tcase_create("fold");
	tcase_add_test(tc, fold_latin);
	tcase_add_test(tc, fold_greek_and_cyrillic);
	tcase_add_test(tc, fold_keeps_the_rest);
	tcase_add_test(tc, fold_trims_white_space);
	tcase_add_test(tc, fold_is_stable);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	SRunner *sr;
	int failed;

	/* The rules must hold in the C locale too, where a naive mbrtowc
	 * would reject every accent; argv[1] "utf8" runs the same under a
	 * UTF-8 locale. */
	if (argc > 1 && strcmp(argv[1], "utf8") == 0 && setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	sr = srunner_create(text_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
