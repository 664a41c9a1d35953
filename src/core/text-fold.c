/* text-fold.c: the key names are compared by, ignoring letter case.
 *
 * A key is the name trimmed of surrounding white space with every capital
 * letter mapped to its small one by Unicode's simple lower-case mapping:
 * Latin (Extended-A to -E and Additional, so Vietnamese too), Greek
 * (polytonic too), Cyrillic, Armenian, Georgian, Cherokee, Glagolitic,
 * Coptic, Deseret, Osage, Adlam and the rest, fullwidth letters, Roman
 * numerals and circled letters.  One character always maps to one: no
 * full case mapping, no normalisation (a precomposed "é" and "e" plus a
 * combining accent stay different keys).  Everything else is kept as is,
 * invalid bytes included, so two keys are equal only when the names
 * differ in case alone.  No locale is involved: the key must be the same
 * in every process that writes the database, whatever its libc knows. */
#include "ally/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ally/util.h"
#include "core.h"

/* Runs of capitals [first, last], every stride code points, each mapped
 * to itself + delta.  Sorted and disjoint.  Generated once (not at build
 * time) from the simple lower-case mapping of Unicode 14.0 (UnicodeData
 * field 13, as python3 3.11's str.lower gives it one code point at a
 * time), plus two folds lower-casing alone would miss: İ (U+0130) to a
 * plain i, and the final sigma ς to σ so that a word keys the same
 * wherever its sigma falls.  check-text.c lists every pair and checks the
 * whole code space against it; changing a row changes stored keys, so
 * bump TEXT_FOLD_VERSION with it. */
static const struct fold_run {
	uint32_t first, last;
	uint8_t stride;
	int32_t delta;
} runs[] = {
	{ 0x00041, 0x0005A, 1, 32 }, /* A->a .. Z->z */
	{ 0x000C0, 0x000D6, 1, 32 }, /* À->à .. Ö->ö */
	{ 0x000D8, 0x000DE, 1, 32 }, /* Ø->ø .. Þ->þ */
	{ 0x00100, 0x0012E, 2, 1 }, /* Ā->ā .. Į->į */
	{ 0x00130, 0x00130, 1, -199 }, /* İ->i, not i + dot above */
	{ 0x00132, 0x00136, 2, 1 }, /* Ĳ->ĳ .. Ķ->ķ */
	{ 0x00139, 0x00147, 2, 1 }, /* Ĺ->ĺ .. Ň->ň */
	{ 0x0014A, 0x00176, 2, 1 }, /* Ŋ->ŋ .. Ŷ->ŷ */
	{ 0x00178, 0x00178, 1, -121 }, /* Ÿ->ÿ */
	{ 0x00179, 0x0017D, 2, 1 }, /* Ź->ź .. Ž->ž */
	{ 0x00181, 0x00181, 1, 210 }, /* Ɓ->ɓ */
	{ 0x00182, 0x00184, 2, 1 }, /* Ƃ->ƃ .. Ƅ->ƅ */
	{ 0x00186, 0x00186, 1, 206 }, /* Ɔ->ɔ */
	{ 0x00187, 0x00187, 1, 1 }, /* Ƈ->ƈ */
	{ 0x00189, 0x0018A, 1, 205 }, /* Ɖ->ɖ .. Ɗ->ɗ */
	{ 0x0018B, 0x0018B, 1, 1 }, /* Ƌ->ƌ */
	{ 0x0018E, 0x0018E, 1, 79 }, /* Ǝ->ǝ */
	{ 0x0018F, 0x0018F, 1, 202 }, /* Ə->ə */
	{ 0x00190, 0x00190, 1, 203 }, /* Ɛ->ɛ */
	{ 0x00191, 0x00191, 1, 1 }, /* Ƒ->ƒ */
	{ 0x00193, 0x00193, 1, 205 }, /* Ɠ->ɠ */
	{ 0x00194, 0x00194, 1, 207 }, /* Ɣ->ɣ */
	{ 0x00196, 0x00196, 1, 211 }, /* Ɩ->ɩ */
	{ 0x00197, 0x00197, 1, 209 }, /* Ɨ->ɨ */
	{ 0x00198, 0x00198, 1, 1 }, /* Ƙ->ƙ */
	{ 0x0019C, 0x0019C, 1, 211 }, /* Ɯ->ɯ */
	{ 0x0019D, 0x0019D, 1, 213 }, /* Ɲ->ɲ */
	{ 0x0019F, 0x0019F, 1, 214 }, /* Ɵ->ɵ */
	{ 0x001A0, 0x001A4, 2, 1 }, /* Ơ->ơ .. Ƥ->ƥ */
	{ 0x001A6, 0x001A6, 1, 218 }, /* Ʀ->ʀ */
	{ 0x001A7, 0x001A7, 1, 1 }, /* Ƨ->ƨ */
	{ 0x001A9, 0x001A9, 1, 218 }, /* Ʃ->ʃ */
	{ 0x001AC, 0x001AC, 1, 1 }, /* Ƭ->ƭ */
	{ 0x001AE, 0x001AE, 1, 218 }, /* Ʈ->ʈ */
	{ 0x001AF, 0x001AF, 1, 1 }, /* Ư->ư */
	{ 0x001B1, 0x001B2, 1, 217 }, /* Ʊ->ʊ .. Ʋ->ʋ */
	{ 0x001B3, 0x001B5, 2, 1 }, /* Ƴ->ƴ .. Ƶ->ƶ */
	{ 0x001B7, 0x001B7, 1, 219 }, /* Ʒ->ʒ */
	{ 0x001B8, 0x001B8, 1, 1 }, /* Ƹ->ƹ */
	{ 0x001BC, 0x001BC, 1, 1 }, /* Ƽ->ƽ */
	{ 0x001C4, 0x001C4, 1, 2 }, /* Ǆ->ǆ */
	{ 0x001C5, 0x001C5, 1, 1 }, /* ǅ->ǆ */
	{ 0x001C7, 0x001C7, 1, 2 }, /* Ǉ->ǉ */
	{ 0x001C8, 0x001C8, 1, 1 }, /* ǈ->ǉ */
	{ 0x001CA, 0x001CA, 1, 2 }, /* Ǌ->ǌ */
	{ 0x001CB, 0x001DB, 2, 1 }, /* ǋ->ǌ .. Ǜ->ǜ */
	{ 0x001DE, 0x001EE, 2, 1 }, /* Ǟ->ǟ .. Ǯ->ǯ */
	{ 0x001F1, 0x001F1, 1, 2 }, /* Ǳ->ǳ */
	{ 0x001F2, 0x001F4, 2, 1 }, /* ǲ->ǳ .. Ǵ->ǵ */
	{ 0x001F6, 0x001F6, 1, -97 }, /* Ƕ->ƕ */
	{ 0x001F7, 0x001F7, 1, -56 }, /* Ƿ->ƿ */
	{ 0x001F8, 0x0021E, 2, 1 }, /* Ǹ->ǹ .. Ȟ->ȟ */
	{ 0x00220, 0x00220, 1, -130 }, /* Ƞ->ƞ */
	{ 0x00222, 0x00232, 2, 1 }, /* Ȣ->ȣ .. Ȳ->ȳ */
	{ 0x0023A, 0x0023A, 1, 10795 }, /* Ⱥ->ⱥ */
	{ 0x0023B, 0x0023B, 1, 1 }, /* Ȼ->ȼ */
	{ 0x0023D, 0x0023D, 1, -163 }, /* Ƚ->ƚ */
	{ 0x0023E, 0x0023E, 1, 10792 }, /* Ⱦ->ⱦ */
	{ 0x00241, 0x00241, 1, 1 }, /* Ɂ->ɂ */
	{ 0x00243, 0x00243, 1, -195 }, /* Ƀ->ƀ */
	{ 0x00244, 0x00244, 1, 69 }, /* Ʉ->ʉ */
	{ 0x00245, 0x00245, 1, 71 }, /* Ʌ->ʌ */
	{ 0x00246, 0x0024E, 2, 1 }, /* Ɇ->ɇ .. Ɏ->ɏ */
	{ 0x00370, 0x00372, 2, 1 }, /* Ͱ->ͱ .. Ͳ->ͳ */
	{ 0x00376, 0x00376, 1, 1 }, /* Ͷ->ͷ */
	{ 0x0037F, 0x0037F, 1, 116 }, /* Ϳ->ϳ */
	{ 0x00386, 0x00386, 1, 38 }, /* Ά->ά */
	{ 0x00388, 0x0038A, 1, 37 }, /* Έ->έ .. Ί->ί */
	{ 0x0038C, 0x0038C, 1, 64 }, /* Ό->ό */
	{ 0x0038E, 0x0038F, 1, 63 }, /* Ύ->ύ .. Ώ->ώ */
	{ 0x00391, 0x003A1, 1, 32 }, /* Α->α .. Ρ->ρ */
	{ 0x003A3, 0x003AB, 1, 32 }, /* Σ->σ .. Ϋ->ϋ */
	{ 0x003C2, 0x003C2, 1, 1 }, /* final ς->σ (not a lower-casing) */
	{ 0x003CF, 0x003CF, 1, 8 }, /* Ϗ->ϗ */
	{ 0x003D8, 0x003EE, 2, 1 }, /* Ϙ->ϙ .. Ϯ->ϯ */
	{ 0x003F4, 0x003F4, 1, -60 }, /* ϴ->θ */
	{ 0x003F7, 0x003F7, 1, 1 }, /* Ϸ->ϸ */
	{ 0x003F9, 0x003F9, 1, -7 }, /* Ϲ->ϲ */
	{ 0x003FA, 0x003FA, 1, 1 }, /* Ϻ->ϻ */
	{ 0x003FD, 0x003FF, 1, -130 }, /* Ͻ->ͻ .. Ͽ->ͽ */
	{ 0x00400, 0x0040F, 1, 80 }, /* Ѐ->ѐ .. Џ->џ */
	{ 0x00410, 0x0042F, 1, 32 }, /* А->а .. Я->я */
	{ 0x00460, 0x00480, 2, 1 }, /* Ѡ->ѡ .. Ҁ->ҁ */
	{ 0x0048A, 0x004BE, 2, 1 }, /* Ҋ->ҋ .. Ҿ->ҿ */
	{ 0x004C0, 0x004C0, 1, 15 }, /* Ӏ->ӏ */
	{ 0x004C1, 0x004CD, 2, 1 }, /* Ӂ->ӂ .. Ӎ->ӎ */
	{ 0x004D0, 0x0052E, 2, 1 }, /* Ӑ->ӑ .. Ԯ->ԯ */
	{ 0x00531, 0x00556, 1, 48 }, /* Ա->ա .. Ֆ->ֆ */
	{ 0x010A0, 0x010C5, 1, 7264 }, /* Ⴀ->ⴀ .. Ⴥ->ⴥ */
	{ 0x010C7, 0x010C7, 1, 7264 }, /* Ⴧ->ⴧ */
	{ 0x010CD, 0x010CD, 1, 7264 }, /* Ⴭ->ⴭ */
	{ 0x013A0, 0x013EF, 1, 38864 }, /* Ꭰ->ꭰ .. Ꮿ->ꮿ */
	{ 0x013F0, 0x013F5, 1, 8 }, /* Ᏸ->ᏸ .. Ᏽ->ᏽ */
	{ 0x01C90, 0x01CBA, 1, -3008 }, /* Ა->ა .. Ჺ->ჺ */
	{ 0x01CBD, 0x01CBF, 1, -3008 }, /* Ჽ->ჽ .. Ჿ->ჿ */
	{ 0x01E00, 0x01E94, 2, 1 }, /* Ḁ->ḁ .. Ẕ->ẕ */
	{ 0x01E9E, 0x01E9E, 1, -7615 }, /* ẞ->ß */
	{ 0x01EA0, 0x01EFE, 2, 1 }, /* Ạ->ạ .. Ỿ->ỿ */
	{ 0x01F08, 0x01F0F, 1, -8 }, /* Ἀ->ἀ .. Ἇ->ἇ */
	{ 0x01F18, 0x01F1D, 1, -8 }, /* Ἐ->ἐ .. Ἕ->ἕ */
	{ 0x01F28, 0x01F2F, 1, -8 }, /* Ἠ->ἠ .. Ἧ->ἧ */
	{ 0x01F38, 0x01F3F, 1, -8 }, /* Ἰ->ἰ .. Ἷ->ἷ */
	{ 0x01F48, 0x01F4D, 1, -8 }, /* Ὀ->ὀ .. Ὅ->ὅ */
	{ 0x01F59, 0x01F5F, 2, -8 }, /* Ὑ->ὑ .. Ὗ->ὗ */
	{ 0x01F68, 0x01F6F, 1, -8 }, /* Ὠ->ὠ .. Ὧ->ὧ */
	{ 0x01F88, 0x01F8F, 1, -8 }, /* ᾈ->ᾀ .. ᾏ->ᾇ */
	{ 0x01F98, 0x01F9F, 1, -8 }, /* ᾘ->ᾐ .. ᾟ->ᾗ */
	{ 0x01FA8, 0x01FAF, 1, -8 }, /* ᾨ->ᾠ .. ᾯ->ᾧ */
	{ 0x01FB8, 0x01FB9, 1, -8 }, /* Ᾰ->ᾰ .. Ᾱ->ᾱ */
	{ 0x01FBA, 0x01FBB, 1, -74 }, /* Ὰ->ὰ .. Ά->ά */
	{ 0x01FBC, 0x01FBC, 1, -9 }, /* ᾼ->ᾳ */
	{ 0x01FC8, 0x01FCB, 1, -86 }, /* Ὲ->ὲ .. Ή->ή */
	{ 0x01FCC, 0x01FCC, 1, -9 }, /* ῌ->ῃ */
	{ 0x01FD8, 0x01FD9, 1, -8 }, /* Ῐ->ῐ .. Ῑ->ῑ */
	{ 0x01FDA, 0x01FDB, 1, -100 }, /* Ὶ->ὶ .. Ί->ί */
	{ 0x01FE8, 0x01FE9, 1, -8 }, /* Ῠ->ῠ .. Ῡ->ῡ */
	{ 0x01FEA, 0x01FEB, 1, -112 }, /* Ὺ->ὺ .. Ύ->ύ */
	{ 0x01FEC, 0x01FEC, 1, -7 }, /* Ῥ->ῥ */
	{ 0x01FF8, 0x01FF9, 1, -128 }, /* Ὸ->ὸ .. Ό->ό */
	{ 0x01FFA, 0x01FFB, 1, -126 }, /* Ὼ->ὼ .. Ώ->ώ */
	{ 0x01FFC, 0x01FFC, 1, -9 }, /* ῼ->ῳ */
	{ 0x02126, 0x02126, 1, -7517 }, /* OHM SIGN->ω */
	{ 0x0212A, 0x0212A, 1, -8383 }, /* KELVIN SIGN->k */
	{ 0x0212B, 0x0212B, 1, -8262 }, /* ANGSTROM SIGN->å */
	{ 0x02132, 0x02132, 1, 28 }, /* Ⅎ->ⅎ */
	{ 0x02160, 0x0216F, 1, 16 }, /* Ⅰ->ⅰ .. Ⅿ->ⅿ */
	{ 0x02183, 0x02183, 1, 1 }, /* Ↄ->ↄ */
	{ 0x024B6, 0x024CF, 1, 26 }, /* Ⓐ->ⓐ .. Ⓩ->ⓩ */
	{ 0x02C00, 0x02C2F, 1, 48 }, /* Ⰰ->ⰰ .. Ⱟ->ⱟ */
	{ 0x02C60, 0x02C60, 1, 1 }, /* Ⱡ->ⱡ */
	{ 0x02C62, 0x02C62, 1, -10743 }, /* Ɫ->ɫ */
	{ 0x02C63, 0x02C63, 1, -3814 }, /* Ᵽ->ᵽ */
	{ 0x02C64, 0x02C64, 1, -10727 }, /* Ɽ->ɽ */
	{ 0x02C67, 0x02C6B, 2, 1 }, /* Ⱨ->ⱨ .. Ⱬ->ⱬ */
	{ 0x02C6D, 0x02C6D, 1, -10780 }, /* Ɑ->ɑ */
	{ 0x02C6E, 0x02C6E, 1, -10749 }, /* Ɱ->ɱ */
	{ 0x02C6F, 0x02C6F, 1, -10783 }, /* Ɐ->ɐ */
	{ 0x02C70, 0x02C70, 1, -10782 }, /* Ɒ->ɒ */
	{ 0x02C72, 0x02C72, 1, 1 }, /* Ⱳ->ⱳ */
	{ 0x02C75, 0x02C75, 1, 1 }, /* Ⱶ->ⱶ */
	{ 0x02C7E, 0x02C7F, 1, -10815 }, /* Ȿ->ȿ .. Ɀ->ɀ */
	{ 0x02C80, 0x02CE2, 2, 1 }, /* Ⲁ->ⲁ .. Ⳣ->ⳣ */
	{ 0x02CEB, 0x02CED, 2, 1 }, /* Ⳬ->ⳬ .. Ⳮ->ⳮ */
	{ 0x02CF2, 0x02CF2, 1, 1 }, /* Ⳳ->ⳳ */
	{ 0x0A640, 0x0A66C, 2, 1 }, /* Ꙁ->ꙁ .. Ꙭ->ꙭ */
	{ 0x0A680, 0x0A69A, 2, 1 }, /* Ꚁ->ꚁ .. Ꚛ->ꚛ */
	{ 0x0A722, 0x0A72E, 2, 1 }, /* Ꜣ->ꜣ .. Ꜯ->ꜯ */
	{ 0x0A732, 0x0A76E, 2, 1 }, /* Ꜳ->ꜳ .. Ꝯ->ꝯ */
	{ 0x0A779, 0x0A77B, 2, 1 }, /* Ꝺ->ꝺ .. Ꝼ->ꝼ */
	{ 0x0A77D, 0x0A77D, 1, -35332 }, /* Ᵹ->ᵹ */
	{ 0x0A77E, 0x0A786, 2, 1 }, /* Ꝿ->ꝿ .. Ꞇ->ꞇ */
	{ 0x0A78B, 0x0A78B, 1, 1 }, /* Ꞌ->ꞌ */
	{ 0x0A78D, 0x0A78D, 1, -42280 }, /* Ɥ->ɥ */
	{ 0x0A790, 0x0A792, 2, 1 }, /* Ꞑ->ꞑ .. Ꞓ->ꞓ */
	{ 0x0A796, 0x0A7A8, 2, 1 }, /* Ꞗ->ꞗ .. Ꞩ->ꞩ */
	{ 0x0A7AA, 0x0A7AA, 1, -42308 }, /* Ɦ->ɦ */
	{ 0x0A7AB, 0x0A7AB, 1, -42319 }, /* Ɜ->ɜ */
	{ 0x0A7AC, 0x0A7AC, 1, -42315 }, /* Ɡ->ɡ */
	{ 0x0A7AD, 0x0A7AD, 1, -42305 }, /* Ɬ->ɬ */
	{ 0x0A7AE, 0x0A7AE, 1, -42308 }, /* Ɪ->ɪ */
	{ 0x0A7B0, 0x0A7B0, 1, -42258 }, /* Ʞ->ʞ */
	{ 0x0A7B1, 0x0A7B1, 1, -42282 }, /* Ʇ->ʇ */
	{ 0x0A7B2, 0x0A7B2, 1, -42261 }, /* Ʝ->ʝ */
	{ 0x0A7B3, 0x0A7B3, 1, 928 }, /* Ꭓ->ꭓ */
	{ 0x0A7B4, 0x0A7C2, 2, 1 }, /* Ꞵ->ꞵ .. Ꟃ->ꟃ */
	{ 0x0A7C4, 0x0A7C4, 1, -48 }, /* Ꞔ->ꞔ */
	{ 0x0A7C5, 0x0A7C5, 1, -42307 }, /* Ʂ->ʂ */
	{ 0x0A7C6, 0x0A7C6, 1, -35384 }, /* Ᶎ->ᶎ */
	{ 0x0A7C7, 0x0A7C9, 2, 1 }, /* Ꟈ->ꟈ .. Ꟊ->ꟊ */
	{ 0x0A7D0, 0x0A7D0, 1, 1 }, /* Ꟑ->ꟑ */
	{ 0x0A7D6, 0x0A7D8, 2, 1 }, /* Ꟗ->ꟗ .. Ꟙ->ꟙ */
	{ 0x0A7F5, 0x0A7F5, 1, 1 }, /* Ꟶ->ꟶ */
	{ 0x0FF21, 0x0FF3A, 1, 32 }, /* Ａ->ａ .. Ｚ->ｚ */
	{ 0x10400, 0x10427, 1, 40 }, /* 𐐀->𐐨 .. 𐐧->𐑏 */
	{ 0x104B0, 0x104D3, 1, 40 }, /* 𐒰->𐓘 .. 𐓓->𐓻 */
	{ 0x10570, 0x1057A, 1, 39 }, /* 𐕰->𐖗 .. 𐕺->𐖡 */
	{ 0x1057C, 0x1058A, 1, 39 }, /* 𐕼->𐖣 .. 𐖊->𐖱 */
	{ 0x1058C, 0x10592, 1, 39 }, /* 𐖌->𐖳 .. 𐖒->𐖹 */
	{ 0x10594, 0x10595, 1, 39 }, /* 𐖔->𐖻 .. 𐖕->𐖼 */
	{ 0x10C80, 0x10CB2, 1, 64 }, /* Old Hungarian U+10C80->U+10CC0 .. */
	{ 0x118A0, 0x118BF, 1, 32 }, /* 𑢠->𑣀 .. 𑢿->𑣟 */
	{ 0x16E40, 0x16E5F, 1, 32 }, /* 𖹀->𖹠 .. 𖹟->𖹿 */
	{ 0x1E900, 0x1E921, 1, 34 }, /* Adlam U+1E900->U+1E922 .. */
};

/* The small letter of cp, or cp when it has none here. */
static uint32_t fold_cp(uint32_t cp)
{
	size_t lo = 0, hi = sizeof runs / sizeof runs[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < runs[mid].first)
			hi = mid;
		else if (cp > runs[mid].last)
			lo = mid + 1;
		else if ((cp - runs[mid].first) % runs[mid].stride == 0)
			return (uint32_t)((int32_t)cp + runs[mid].delta);
		else
			return cp; /* the small letter between two capitals */
	}
	return cp;
}

static void put_utf8(struct buf *b, uint32_t cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		s[0] = (char)(0xf0 | cp >> 18), s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), s[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	buf_add(b, s, n);
}

char *text_fold(const char *s)
{
	struct buf b;
	size_t len, i = 0;
	uint32_t cp;

	buf_init(&b);
	s = text_trim(s != NULL ? s : "", &len);
	while (i < len) {
		size_t n = utf8_decode(s + i, &cp);

		if (n == 0 || i + n > len) {
			buf_add(&b, s + i, 1); /* not UTF-8: the byte as it is */
			i++;
			continue;
		}
		put_utf8(&b, fold_cp(cp));
		i += n;
	}
	return buf_take(&b);
}
