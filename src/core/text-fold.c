/* text-fold.c: the key names are compared by, ignoring letter case.
 *
 * A key is the name trimmed of surrounding white space with its capital
 * letters mapped to small ones, by code point, for the scripts partner
 * names are written in here: ASCII, Latin-1, Latin Extended-A and -B,
 * Greek and Cyrillic.  Everything else (CJK, marks, symbols, invalid
 * bytes) is kept as is, so two keys are equal only when the names differ
 * in case alone.  No locale is involved: the key must be the same in every
 * process that writes the database. */
#include "ally/text.h"

#include <stdint.h>

#include "ally/util.h"
#include "core.h"

/* Runs of capitals [first, last], every stride code points, each mapped
 * to itself + delta.  Sorted and disjoint; built from Unicode's simple
 * lower-case mapping, plus two folds lower-casing alone would miss: İ
 * (U+0130) to a plain i, and the final sigma ς to σ so that a word keys
 * the same wherever its sigma falls. */
static const struct fold_run {
	uint16_t first, last;
	uint8_t stride;
	int16_t delta;
} runs[] = {
	{ 0x0041, 0x005A, 1, 32 }, /* A->a .. Z->z */
	{ 0x00C0, 0x00D6, 1, 32 }, /* À->à .. Ö->ö */
	{ 0x00D8, 0x00DE, 1, 32 }, /* Ø->ø .. Þ->þ */
	{ 0x0100, 0x012E, 2, 1 }, /* Ā->ā .. Į->į */
	{ 0x0130, 0x0130, 1, -199 }, /* İ->i */
	{ 0x0132, 0x0136, 2, 1 }, /* Ĳ->ĳ .. Ķ->ķ */
	{ 0x0139, 0x0147, 2, 1 }, /* Ĺ->ĺ .. Ň->ň */
	{ 0x014A, 0x0176, 2, 1 }, /* Ŋ->ŋ .. Ŷ->ŷ */
	{ 0x0178, 0x0178, 1, -121 }, /* Ÿ->ÿ */
	{ 0x0179, 0x017D, 2, 1 }, /* Ź->ź .. Ž->ž */
	{ 0x0181, 0x0181, 1, 210 }, /* Ɓ->ɓ */
	{ 0x0182, 0x0184, 2, 1 }, /* Ƃ->ƃ .. Ƅ->ƅ */
	{ 0x0186, 0x0186, 1, 206 }, /* Ɔ->ɔ */
	{ 0x0187, 0x0187, 1, 1 }, /* Ƈ->ƈ */
	{ 0x0189, 0x018A, 1, 205 }, /* Ɖ->ɖ .. Ɗ->ɗ */
	{ 0x018B, 0x018B, 1, 1 }, /* Ƌ->ƌ */
	{ 0x018E, 0x018E, 1, 79 }, /* Ǝ->ǝ */
	{ 0x018F, 0x018F, 1, 202 }, /* Ə->ə */
	{ 0x0190, 0x0190, 1, 203 }, /* Ɛ->ɛ */
	{ 0x0191, 0x0191, 1, 1 }, /* Ƒ->ƒ */
	{ 0x0193, 0x0193, 1, 205 }, /* Ɠ->ɠ */
	{ 0x0194, 0x0194, 1, 207 }, /* Ɣ->ɣ */
	{ 0x0196, 0x0196, 1, 211 }, /* Ɩ->ɩ */
	{ 0x0197, 0x0197, 1, 209 }, /* Ɨ->ɨ */
	{ 0x0198, 0x0198, 1, 1 }, /* Ƙ->ƙ */
	{ 0x019C, 0x019C, 1, 211 }, /* Ɯ->ɯ */
	{ 0x019D, 0x019D, 1, 213 }, /* Ɲ->ɲ */
	{ 0x019F, 0x019F, 1, 214 }, /* Ɵ->ɵ */
	{ 0x01A0, 0x01A4, 2, 1 }, /* Ơ->ơ .. Ƥ->ƥ */
	{ 0x01A6, 0x01A6, 1, 218 }, /* Ʀ->ʀ */
	{ 0x01A7, 0x01A7, 1, 1 }, /* Ƨ->ƨ */
	{ 0x01A9, 0x01A9, 1, 218 }, /* Ʃ->ʃ */
	{ 0x01AC, 0x01AC, 1, 1 }, /* Ƭ->ƭ */
	{ 0x01AE, 0x01AE, 1, 218 }, /* Ʈ->ʈ */
	{ 0x01AF, 0x01AF, 1, 1 }, /* Ư->ư */
	{ 0x01B1, 0x01B2, 1, 217 }, /* Ʊ->ʊ .. Ʋ->ʋ */
	{ 0x01B3, 0x01B5, 2, 1 }, /* Ƴ->ƴ .. Ƶ->ƶ */
	{ 0x01B7, 0x01B7, 1, 219 }, /* Ʒ->ʒ */
	{ 0x01B8, 0x01B8, 1, 1 }, /* Ƹ->ƹ */
	{ 0x01BC, 0x01BC, 1, 1 }, /* Ƽ->ƽ */
	{ 0x01C4, 0x01C4, 1, 2 }, /* Ǆ->ǆ */
	{ 0x01C5, 0x01C5, 1, 1 }, /* ǅ->ǆ */
	{ 0x01C7, 0x01C7, 1, 2 }, /* Ǉ->ǉ */
	{ 0x01C8, 0x01C8, 1, 1 }, /* ǈ->ǉ */
	{ 0x01CA, 0x01CA, 1, 2 }, /* Ǌ->ǌ */
	{ 0x01CB, 0x01DB, 2, 1 }, /* ǋ->ǌ .. Ǜ->ǜ */
	{ 0x01DE, 0x01EE, 2, 1 }, /* Ǟ->ǟ .. Ǯ->ǯ */
	{ 0x01F1, 0x01F1, 1, 2 }, /* Ǳ->ǳ */
	{ 0x01F2, 0x01F4, 2, 1 }, /* ǲ->ǳ .. Ǵ->ǵ */
	{ 0x01F6, 0x01F6, 1, -97 }, /* Ƕ->ƕ */
	{ 0x01F7, 0x01F7, 1, -56 }, /* Ƿ->ƿ */
	{ 0x01F8, 0x021E, 2, 1 }, /* Ǹ->ǹ .. Ȟ->ȟ */
	{ 0x0220, 0x0220, 1, -130 }, /* Ƞ->ƞ */
	{ 0x0222, 0x0232, 2, 1 }, /* Ȣ->ȣ .. Ȳ->ȳ */
	{ 0x023A, 0x023A, 1, 10795 }, /* Ⱥ->ⱥ */
	{ 0x023B, 0x023B, 1, 1 }, /* Ȼ->ȼ */
	{ 0x023D, 0x023D, 1, -163 }, /* Ƚ->ƚ */
	{ 0x023E, 0x023E, 1, 10792 }, /* Ⱦ->ⱦ */
	{ 0x0241, 0x0241, 1, 1 }, /* Ɂ->ɂ */
	{ 0x0243, 0x0243, 1, -195 }, /* Ƀ->ƀ */
	{ 0x0244, 0x0244, 1, 69 }, /* Ʉ->ʉ */
	{ 0x0245, 0x0245, 1, 71 }, /* Ʌ->ʌ */
	{ 0x0246, 0x024E, 2, 1 }, /* Ɇ->ɇ .. Ɏ->ɏ */
	{ 0x0370, 0x0372, 2, 1 }, /* Ͱ->ͱ .. Ͳ->ͳ */
	{ 0x0376, 0x0376, 1, 1 }, /* Ͷ->ͷ */
	{ 0x037F, 0x037F, 1, 116 }, /* Ϳ->ϳ */
	{ 0x0386, 0x0386, 1, 38 }, /* Ά->ά */
	{ 0x0388, 0x038A, 1, 37 }, /* Έ->έ .. Ί->ί */
	{ 0x038C, 0x038C, 1, 64 }, /* Ό->ό */
	{ 0x038E, 0x038F, 1, 63 }, /* Ύ->ύ .. Ώ->ώ */
	{ 0x0391, 0x03A1, 1, 32 }, /* Α->α .. Ρ->ρ */
	{ 0x03A3, 0x03AB, 1, 32 }, /* Σ->σ .. Ϋ->ϋ */
	{ 0x03C2, 0x03C2, 1, 1 }, /* ς->σ */
	{ 0x03CF, 0x03CF, 1, 8 }, /* Ϗ->ϗ */
	{ 0x03D8, 0x03EE, 2, 1 }, /* Ϙ->ϙ .. Ϯ->ϯ */
	{ 0x03F4, 0x03F4, 1, -60 }, /* ϴ->θ */
	{ 0x03F7, 0x03F7, 1, 1 }, /* Ϸ->ϸ */
	{ 0x03F9, 0x03F9, 1, -7 }, /* Ϲ->ϲ */
	{ 0x03FA, 0x03FA, 1, 1 }, /* Ϻ->ϻ */
	{ 0x03FD, 0x03FF, 1, -130 }, /* Ͻ->ͻ .. Ͽ->ͽ */
	{ 0x0400, 0x040F, 1, 80 }, /* Ѐ->ѐ .. Џ->џ */
	{ 0x0410, 0x042F, 1, 32 }, /* А->а .. Я->я */
	{ 0x0460, 0x0480, 2, 1 }, /* Ѡ->ѡ .. Ҁ->ҁ */
	{ 0x048A, 0x04BE, 2, 1 }, /* Ҋ->ҋ .. Ҿ->ҿ */
	{ 0x04C0, 0x04C0, 1, 15 }, /* Ӏ->ӏ */
	{ 0x04C1, 0x04CD, 2, 1 }, /* Ӂ->ӂ .. Ӎ->ӎ */
	{ 0x04D0, 0x04FE, 2, 1 }, /* Ӑ->ӑ .. Ӿ->ӿ */
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
