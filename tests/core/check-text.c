/* check-text.c: database text is made harmless and measured for a terminal. */
#include <check.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "core-test.h"
#include "fold-pairs.h"

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

START_TEST(visible_marks_every_invisible_format)
{
	/* The whole Bidi_Control set and the other invisible formatting
	 * characters, each at the edges of its range. */
	expect_visible("\xd8\x9c", 0, "<U+061C>");
	expect_visible("\xc2\xad", 0, "<U+00AD>");
	expect_visible("\xcd\x8f", 0, "<U+034F>");
	expect_visible("\xe1\x85\x9f\xe1\x85\xa0", 0, "<U+115F><U+1160>");
	expect_visible("\xe1\xa0\x8e", 0, "<U+180E>");
	expect_visible("\xe3\x85\xa4\xef\xbe\xa0", 0, "<U+3164><U+FFA0>");
	expect_visible("\xef\xbf\xb9\xef\xbf\xbb", 0, "<U+FFF9><U+FFFB>");
	expect_visible("\xf0\x9d\x85\xb3\xf0\x9d\x85\xba", 0, "<U+1D173><U+1D17A>");
	/* Tags: a tag sequence could spell hidden text after a flag. */
	expect_visible("\xf3\xa0\x80\x80\xf3\xa0\x81\x81\xf3\xa0\x81\xbf", 0,
		       "<U+E0000><U+E0041><U+E007F>");
	/* Neighbours that are text: U+00AC, U+00AE, U+034E, U+0350, U+061B,
	 * U+1161, U+3165, U+FFF8 is unassigned but not a format
	 * character, U+FFFC, U+1D172, U+1D17B, U+E0080 is unassigned too. */
	expect_visible("\xc2\xac\xc2\xae", 0, "\xc2\xac\xc2\xae");
	expect_visible("a\xcd\x8e\xcd\x90", 0, "a\xcd\x8e\xcd\x90");
	expect_visible("\xd8\x9b\xe1\x85\xa1\xe3\x85\xa5", 0,
		       "\xd8\x9b\xe1\x85\xa1\xe3\x85\xa5");
	expect_visible("\xef\xbf\xbc\xf0\x9d\x85\xb2\xf0\x9d\x85\xbb", 0,
		       "\xef\xbf\xbc\xf0\x9d\x85\xb2\xf0\x9d\x85\xbb");
	/* The joiners stay: emoji sequences and some scripts need them. */
	expect_visible("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 0,
		       "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	expect_visible("\xd9\x85\xe2\x80\x8c\xd9\x86", 0, "\xd9\x85\xe2\x80\x8c\xd9\x86");
}
END_TEST

START_TEST(visible_marks_line_separators)
{
	/* No terminal breaks the line on U+2028 or U+2029, so even text that
	 * keeps its newlines shows them as markers. */
	expect_visible("a\xe2\x80\xa8" "b", 0, "a<U+2028>b");
	expect_visible("a\xe2\x80\xa9" "b", 1, "a<U+2029>b");
	expect_visible("l1\n\xe2\x80\xa8", 1, "l1\n<U+2028>");
	/* U+2027, just before them, is text. */
	expect_visible("\xe2\x80\xa7", 0, "\xe2\x80\xa7");
}
END_TEST

START_TEST(invisible_format_ranges)
{
	static const unsigned in[] = { 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x180E,
				       0x200B, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060,
				       0x2064, 0x2066, 0x2069, 0x3164, 0xFEFF, 0xFFA0,
				       0xFFF9, 0xFFFB, 0x1D173, 0x1D17A, 0xE0000, 0xE0001,
				       0xE007F };
	static const unsigned out[] = { 0x00AC, 0x00AE, 0x034E, 0x0350, 0x061B, 0x061D,
					0x115E, 0x1161, 0x180D, 0x180F, 0x200A, 0x200C,
					0x200D, 0x2010, 0x2028, 0x2029, 0x202F,
					0x205F, 0x2065, 0x206A, 0x3163, 0x3165, 0xFEFE,
					0xFF00, 0xFF9F, 0xFFA1, 0xFFF8, 0xFFFC, 0x1D172,
					0x1D17B, 0xDFFFF, 0xE0080, 0xE0100 };

	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		ck_assert_msg(text_is_invisible_format(in[i]), "U+%04X", in[i]);
	for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
		ck_assert_msg(!text_is_invisible_format(out[i]), "U+%04X", out[i]);
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

START_TEST(fold_vietnamese_and_latin_extended)
{
	/* Latin Extended Additional: even/odd pairs from Ḁ to ỿ. */
	expect_same_key("CÔNG TY VIỆT NAM", "công ty việt nam");
	expect_fold("CÔNG TY VIỆT NAM", "công ty việt nam");
	expect_fold("NGUYỄN THỊ HỒNG ĐỨC", "nguyễn thị hồng đức");
	expect_fold("ḀḔẀẔẠỸỺỼỾ", "ḁḕẁẕạỹỻỽỿ");
	/* ẞ is the capital of ß; ẖ-ẝ and ẟ have none and stay. */
	expect_fold("STRAẞE", "straße");
	expect_same_key("GROẞ", "groß");
	expect_fold("ẖẗẘẙẚẛẜẝẟ", "ẖẗẘẙẚẛẜẝẟ");
	/* Latin Extended-C and -D, where Unicode lower-cases them. */
	expect_fold("ⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿ", "ⱡɫᵽɽⱨⱪⱬɑɱɐɒⱳⱶȿɀ");
	expect_fold("ꜢꜲꝹꝽꞋꞍꞐꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ", "ꜣꜳꝺᵹꞌɥꞑɦɜɡɬɪʞʇʝꭓꞵꟃꞔʂᶎꟈꟊꟑꟗꟙꟶ");
	/* Small letters of those blocks stay. */
	expect_fold("ⱡⱥⱦⱱⱴꜣꝰꞎꞏꟷ", "ⱡⱥⱦⱱⱴꜣꝰꞎꞏꟷ");
}
END_TEST

START_TEST(fold_signs)
{
	/* Signs that are letters in disguise: KELVIN SIGN, ANGSTROM SIGN
	 * and OHM SIGN key as the letters they look like. */
	expect_fold("\xe2\x84\xaa", "k");
	expect_same_key("5 \xe2\x84\xaa" "elvin", "5 kelvin");
	expect_fold("\xe2\x84\xab" "ngström", "ångström");
	expect_fold("\xe2\x84\xa6", "ω");
	expect_same_key("\xe2\x84\xa6mega", "ΩMEGA");
	/* Roman numerals, circled letters, fullwidth letters. */
	expect_fold("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅬⅭⅮⅯ", "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻⅼⅽⅾⅿ");
	expect_fold("Ⓐ Ⓩ", "ⓐ ⓩ");
	expect_same_key("ＡＣＭＥ ＺＥＴＡ", "ａｃｍｅ ｚｅｔａ");
	expect_fold("Ａ＠Ｚ［", "ａ＠ｚ［");
	/* The fullwidth capitals do not become ASCII: no normalisation. */
	ck_assert_int_ne(text_fold_cmp("ＡＣＭＥ", "acme"), 0);
}
END_TEST

START_TEST(fold_other_scripts)
{
	/* Armenian U+0531-U+0556 to U+0561-U+0586. */
	expect_same_key("ԵՐԵՎԱՆ", "երեվան");
	expect_fold("ԱՖ", "աֆ");
	/* Georgian: Asomtavruli to Nuskhuri, Mtavruli to Mkhedruli. */
	expect_fold("ႠჅჇჍ", "ⴀⴥⴧⴭ");
	expect_same_key("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "საქართველო");
	expect_fold("ᲐᲺᲽᲾᲿ", "აჺჽჾჿ");
	/* The gaps between them (U+10C6, U+10C8-U+10CC) stay. */
	expect_fold("\xe1\x83\x86\xe1\x83\x88\xe1\x83\x8c", "\xe1\x83\x86\xe1\x83\x88\xe1\x83\x8c");
	/* Cherokee: U+13A0-U+13EF to U+AB70-U+ABBF, U+13F0-U+13F5 to
	 * U+13F8-U+13FD. */
	expect_fold("ᎠᏯ", "ꭰꮿ");
	expect_fold("ᏰᏵ", "ᏸᏽ");
	expect_same_key("ᏣᎳᎩ", "ꮳꮃꭹ");
	/* Glagolitic, Coptic (pairs U+2C80-U+2CE3). */
	expect_fold("ⰀⰮⰯ", "ⰰⱞⱟ");
	expect_fold("ⲀⲂⳢ", "ⲁⲃⳣ");
	/* Deseret, Osage, Adlam: past U+FFFF, four bytes each. */
	expect_fold("\xf0\x90\x90\x80\xf0\x90\x90\xa7", "\xf0\x90\x90\xa8\xf0\x90\x91\x8f");
	expect_fold("\xf0\x90\x92\xb0\xf0\x90\x93\x93", "\xf0\x90\x93\x98\xf0\x90\x93\xbb");
	expect_fold("\xf0\x9e\xa4\x80\xf0\x9e\xa4\xa1", "\xf0\x9e\xa4\xa2\xf0\x9e\xa5\x83");
	/* Polytonic Greek and the Cyrillic supplement. */
	expect_same_key("ἈΘῆΝΑΙ", "ἀθῆναι");
	expect_fold("ᾈᾼῼ", "ᾀᾳῳ");
	expect_fold("ԀԮ", "ԁԯ");
}
END_TEST

START_TEST(fold_is_not_normalisation)
{
	/* é as one code point and as e + combining acute stay two keys, and
	 * a ligature is not its letters: names are case-folded, not
	 * normalised (text.h). */
	ck_assert_int_ne(text_fold_cmp("CAF\xc3\x89", "cafe\xcc\x81"), 0);
	expect_fold("CAFE\xcc\x81", "cafe\xcc\x81");
	ck_assert_int_ne(text_fold_cmp("\xef\xac\x81le", "file"), 0);
}
END_TEST

/* The small letter the pairs list gives cp, or cp. */
static unsigned expected_small(unsigned cp)
{
	size_t lo = 0, hi = sizeof fold_pairs / sizeof fold_pairs[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (fold_pairs[mid].cap == cp)
			return fold_pairs[mid].small;
		if (fold_pairs[mid].cap < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

static void put_cp(char *s, unsigned cp);

/* The Unicode white space text_fold trims (the ASCII one is below '!'). */
static bool trimmed(unsigned cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

START_TEST(fold_matches_unicode)
{
	/* Every code point but white space and surrogates (not UTF-8): its
	 * key is its small letter per the list, or itself. */
	for (unsigned cp = 0x21; cp <= 0x10FFFF; cp++) {
		char in[5], want[5], *got;

		if ((cp >= 0xD800 && cp <= 0xDFFF) || trimmed(cp))
			continue;
		put_cp(in, cp);
		put_cp(want, expected_small(cp));
		got = text_fold(in);
		if (strcmp(got, want) != 0)
			ck_assert_msg(0, "U+%04X -> '%s', want '%s'", cp, got, want);
		free(got);
	}
}
END_TEST

/* Accented Latin letters list with their base letter; the accent only
 * breaks ties.  Identity is unchanged: Émile and Emile stay two names. */
START_TEST(sort_key_puts_accents_with_their_letter)
{
	static const char *const sorted[] = { "Ærø Shipping", "Aesop", "Emil", "Emile", "émile",
					      "Émilea", "Emily", "Lodz", "Łódź Works", "Strasse",
					      "Straße AG", "Strazz", "Zeta",
					      "Ωmega", "東京" };
	size_t n = sizeof sorted / sizeof sorted[0];
	char *k;

	for (size_t i = 0; i + 1 < n; i++)
		ck_assert_msg(text_fold_cmp(sorted[i], sorted[i + 1]) < 0, "%s should sort before %s",
			      sorted[i], sorted[i + 1]);
	ck_assert_int_ne(text_fold_cmp("Émile", "Emile"), 0);
	ck_assert_int_eq(text_fold_cmp("ÉMILE", "émile"), 0);
	ck_assert_int_gt(text_fold_cmp("Z", "É"), 0); /* É sorts as E: before Z */
	k = text_sort_key(" Crème Brûlée ");
	ck_assert_str_eq(k, "creme brulee\1crème brûlée");
	free(k);
}
END_TEST

START_TEST(fold_cmp_orders_by_key)
{
	ck_assert_int_eq(text_fold_cmp("ACME", "acme"), 0);
	ck_assert_int_eq(text_fold_cmp(" Müller ", "MÜLLER"), 0);
	ck_assert_int_eq(text_fold_cmp("CÔNG TY", "công ty"), 0);
	ck_assert_int_eq(text_fold_cmp(NULL, ""), 0);
	ck_assert_int_eq(text_fold_cmp(NULL, "  "), 0);
	ck_assert_int_lt(text_fold_cmp(NULL, "a"), 0);
	/* Case does not decide: "acme" < "Beta" although 'B' < 'a'. */
	ck_assert_int_lt(text_fold_cmp("acme", "Beta"), 0);
	ck_assert_int_gt(text_fold_cmp("Beta", "acme"), 0);
	ck_assert_int_lt(text_fold_cmp("ACME", "acme 2"), 0);
	/* Past Latin, bytes compare unsigned: U+FFFF before U+10000, which
	 * is code point order. */
	ck_assert_int_lt(text_fold_cmp("\xef\xbf\xbd", "\xf0\x90\x80\x80"), 0);
	/* Antisymmetric on a mixed sample. */
	{
		static const char *const names[] = { "acme", "ÄCME", "Beta", "ΣΙΓΜΑ", "σίγμα",
						     "東京", "ẞ", "ß", "\xe2\x84\xaa", "k", "" };
		size_t n = sizeof names / sizeof names[0];

		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++) {
				int ij = text_fold_cmp(names[i], names[j]);
				int ji = text_fold_cmp(names[j], names[i]);

				ck_assert_msg((ij > 0) - (ij < 0) == -((ji > 0) - (ji < 0)),
					      "%s / %s", names[i], names[j]);
			}
		ck_assert_int_eq(text_fold_cmp("ẞ", "ß"), 0);
		ck_assert_int_eq(text_fold_cmp("\xe2\x84\xaa", "K"), 0);
	}
}
END_TEST

START_TEST(fold_keeps_the_rest)
{
	expect_fold("東京パートナー", "東京パートナー");
	expect_fold("株式会社ABC", "株式会社abc");
	expect_fold("rocket \xf0\x9f\x9a\x80 ①", "rocket \xf0\x9f\x9a\x80 ①");
	/* Letters without case, digits and symbols. */
	expect_fold("한국 ٣٤ ☃ ℃ №", "한국 ٣٤ ☃ ℃ №");
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
	TCase *tc = tcase_create("text_visible");

	tcase_add_test(tc, visible_escapes_terminal_controls);
	tcase_add_test(tc, visible_marks_c1_and_invalid_bytes);
	tcase_add_test(tc, visible_marks_invisible_formatting);
	tcase_add_test(tc, visible_marks_every_invisible_format);
	tcase_add_test(tc, visible_marks_line_separators);
	tcase_add_test(tc, visible_keeps_real_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_is_invisible_format");
	tcase_add_test(tc, invisible_format_ranges);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_width");
	tcase_add_test(tc, width_counts_columns_not_bytes);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_fit");
	tcase_add_test(tc, fit_cuts_on_character_boundaries);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_fold");
	tcase_add_test(tc, fold_latin);
	tcase_add_test(tc, fold_greek_and_cyrillic);
	tcase_add_test(tc, fold_vietnamese_and_latin_extended);
	tcase_add_test(tc, fold_signs);
	tcase_add_test(tc, fold_other_scripts);
	tcase_add_test(tc, fold_is_not_normalisation);
	tcase_add_test(tc, fold_keeps_the_rest);
	tcase_add_test(tc, fold_trims_white_space);
	tcase_add_test(tc, fold_is_stable);
	tcase_add_test(tc, fold_matches_unicode);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_fold_cmp");
	tcase_add_test(tc, fold_cmp_orders_by_key);
	tcase_add_test(tc, sort_key_puts_accents_with_their_letter);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	/* The rules must hold in the C locale too, where a naive mbrtowc
	 * would reject every accent; argv[1] "utf8" runs the same under a
	 * UTF-8 locale. */
	if (argc > 1 && strcmp(argv[1], "utf8") == 0 && setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	return run_suite(text_suite());
}
