/* field.c: checking and parsing the text of one field, shared by every
 * *_set_field of the core. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/err.h"
#include "ally/partner.h"
#include "ally/util.h"
#include "core.h"

size_t utf8_decode(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len;

	if (s[0] < 0x80) {
		*cp = s[0];
		return s[0] != 0;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2, c = s[0] & 0x1f, min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3, c = s[0] & 0x0f, min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* also stops at the NUL */
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool text_is_space(uint32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return true;
	return cp == 0x00a0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

const char *text_trim(const char *s, size_t *len)
{
	const char *start = NULL, *end = s, *p = s;
	uint32_t cp;

	while (*p != '\0') {
		size_t n = utf8_decode(p, &cp);
		bool space = n != 0 && text_is_space(cp);

		if (n == 0)
			n = 1;
		if (!space) {
			if (start == NULL)
				start = p;
			end = p + n;
		}
		p += n;
	}
	if (start == NULL) {
		*len = 0;
		return p;
	}
	*len = (size_t)(end - start);
	return start;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

bool text_is_line_separator(uint32_t cp)
{
	return cp == 0x2028 || cp == 0x2029;
}

/* Sorted ranges of text_is_invisible_format.  U+200C and U+200D
 * (zero-width non-joiner and joiner) are left out: emoji sequences and
 * Persian or Indic names need them, and they cannot reorder or hide text
 * the way the bidi controls and zero-width space can. */
static const struct { uint32_t first, last; } invisible[] = {
	{ 0x00AD, 0x00AD },   /* soft hyphen */
	{ 0x034F, 0x034F },   /* combining grapheme joiner */
	{ 0x061C, 0x061C },   /* Arabic letter mark (bidi) */
	{ 0x115F, 0x1160 },   /* Hangul choseong and jungseong fillers */
	{ 0x180E, 0x180E },   /* Mongolian vowel separator */
	{ 0x200B, 0x200B },   /* zero-width space */
	{ 0x200E, 0x200F },   /* left-to-right and right-to-left marks (bidi) */
	{ 0x202A, 0x202E },   /* embeddings, pop, overrides (bidi) */
	{ 0x2060, 0x2064 },   /* word joiner, invisible operators */
	{ 0x2066, 0x2069 },   /* isolates (bidi) */
	{ 0x3164, 0x3164 },   /* Hangul filler */
	{ 0xFEFF, 0xFEFF },   /* zero-width no-break space, byte order mark */
	{ 0xFFA0, 0xFFA0 },   /* halfwidth Hangul filler */
	{ 0xFFF9, 0xFFFB },   /* interlinear annotation controls */
	{ 0x1D173, 0x1D17A }, /* musical symbol format controls */
	{ 0xE0000, 0xE007F }, /* tags */
};

bool text_is_invisible_format(uint32_t cp)
{
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
		if (cp >= invisible[i].first && cp <= invisible[i].last)
			return true;
	return false;
}

/* Characters that show nothing by themselves: white space, the invisible
 * formatting characters, the joiners, combining marks (which only change
 * the character before them) and variation selectors. */
static bool shows_nothing(uint32_t cp)
{
	return text_is_space(cp) || text_is_invisible_format(cp) || cp == 0x200c ||
	       cp == 0x200d || (cp >= 0x0300 && cp <= 0x036f) ||
	       (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	       (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	       (cp >= 0xe0100 && cp <= 0xe01ef);
}

bool text_has_visible(const char *s)
{
	uint32_t cp;

	while (s != NULL && *s != '\0') {
		size_t n = utf8_decode(s, &cp);

		if (n == 0 || !shows_nothing(cp))
			return true; /* an invalid byte shows as a marker */
		s += n;
	}
	return false;
}

size_t text_mark(const char *s, char mark[TEXT_MARK_BUFSZ])
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp;
	size_t n = utf8_decode(s, &cp);

	mark[0] = '\0';
	if (n == 0) {
		snprintf(mark, TEXT_MARK_BUFSZ, "\\x%02x", (unsigned)c);
		return 1;
	}
	if (cp < 0x20 || cp == 0x7f)
		snprintf(mark, TEXT_MARK_BUFSZ, "^%c", cp == 0x7f ? '?' : (char)(cp + '@'));
	else if (cp >= 0x80 && cp <= 0x9f)
		snprintf(mark, TEXT_MARK_BUFSZ, "\\x%02x", (unsigned)cp);
	else if (text_is_invisible_format(cp) || text_is_line_separator(cp))
		/* Shown, not obeyed: an override must not reorder what
		 * follows it, a separator must not break the line. */
		snprintf(mark, TEXT_MARK_BUFSZ, "<U+%04X>", (unsigned)cp);
	return n;
}

/* One piece (a marker or the character's own bytes) of len bytes is
 * added to out while both bounds of quote() allow it. */
const char *quote(const char *s, char out[QUOTE_BUFSZ])
{
	size_t o = 0, n = 0;

	out[0] = '\0';
	if (s == NULL)
		return out;
	while (*s != '\0') {
		char mark[TEXT_MARK_BUFSZ];
		size_t len = text_mark(s, mark);
		const char *piece = mark[0] != '\0' ? mark : s;
		size_t plen = mark[0] != '\0' ? strlen(mark) : len;

		if (n == QUOTE_MAX || o + plen > QUOTE_BYTES) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		s += len;
		n++;
	}
	out[o] = '\0';
	return out;
}

int text_check(const char *s, const char *field, size_t max, bool multiline, struct ally_err *err)
{
	size_t n = 0;
	uint32_t cp;

	if (s == NULL)
		return ALLY_OK;
	while (*s != '\0') {
		size_t len = utf8_decode(s, &cp);

		if (len == 0)
			return ally_err_set(err, ALLY_EUSER, field, "is not valid UTF-8");
		if (is_control(cp) && !(multiline && (cp == '\n' || cp == '\t')))
			return ally_err_set(err, ALLY_EUSER, field,
					    "contains a control character (U+%04X)", (unsigned)cp);
		if (!multiline && text_is_line_separator(cp))
			return ally_err_set(err, ALLY_EUSER, field,
					    "contains a line break (U+%04X)", (unsigned)cp);
		if (!multiline && text_is_invisible_format(cp))
			return ally_err_set(err, ALLY_EUSER, field,
					    "contains an invisible formatting character (U+%04X)",
					    (unsigned)cp);
		s += len;
		n++;
	}
	if (n > max)
		return ally_err_set(err, ALLY_EUSER, field, "is longer than %zu characters (%zu)",
				    max, n);
	return ALLY_OK;
}

char *text_unix_newlines(const char *s)
{
	char *out = xstrdup(s != NULL ? s : ""), *o = out;

	for (const char *p = out; *p != '\0'; p++) {
		if (*p != '\r') {
			*o++ = *p;
			continue;
		}
		*o++ = '\n';
		if (p[1] == '\n')
			p++; /* CRLF is one line break */
	}
	*o = '\0';
	return out;
}

int set_text(char **dst, const char *value, const char *field, size_t max, bool multiline,
	     bool required, struct ally_err *err)
{
	char *text;
	int rc;

	if (value == NULL || *value == '\0') {
		if (required)
			return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
		str_set(dst, NULL);
		return ALLY_OK;
	}
	/* Pasted Windows text and CSV cells end lines in CRLF: the same
	 * text, so it is stored with the LF the checks accept. */
	text = multiline ? text_unix_newlines(value) : xstrdup(value);
	rc = text_check(text, field, max, multiline, err);
	if (rc == ALLY_OK) {
		free(*dst);
		*dst = text;
	} else {
		free(text);
	}
	return rc;
}

int parse_long_field(const char *s, const char *field, long min, long max, long *out,
		     struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	bool neg = s != NULL && *s == '-', big = false;
	const char *digits = neg ? s + 1 : s;
	long v = 0;

	if (!str_all_digits(digits))
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a whole number", quote(s, q));
	/* Accumulated as a negative number, whose range is the larger one,
	 * so that LONG_MIN itself parses; past the range is out of range. */
	for (const char *p = digits; *p != '\0' && !big; p++) {
		int d = *p - '0';

		if (v < (LONG_MIN + d) / 10)
			big = true;
		else
			v = v * 10 - d;
	}
	if (!neg && v == LONG_MIN)
		big = true;
	if (!neg && !big)
		v = -v;
	if (big || v < min || v > max)
		return ally_err_set(err, ALLY_EUSER, field, "%s is out of range %ld-%ld",
				    quote(s, q), min, max);
	*out = v;
	return ALLY_OK;
}

int parse_bool_field(const char *s, const char *field, bool *out, struct ally_err *err)
{
	static const char *const yes[] = { "yes", "true", "1", "y", "on" };
	static const char *const no[] = { "no", "false", "0", "n", "off" };
	char q[QUOTE_BUFSZ];

	for (size_t i = 0; s != NULL && i < sizeof yes / sizeof yes[0]; i++) {
		if (str_casecmp(s, yes[i]) == 0) {
			*out = true;
			return ALLY_OK;
		}
		if (str_casecmp(s, no[i]) == 0) {
			*out = false;
			return ALLY_OK;
		}
	}
	return ally_err_set(err, ALLY_EUSER, field, "'%s' is not yes or no", quote(s, q));
}

enum fixed2_result parse_fixed2(const char *s, bool allow_negative, int64_t max, int64_t *out)
{
	bool neg = false, big = false, fine = false;
	int64_t whole = 0, frac = 0;
	int ndec = 0;

	if (s == NULL)
		return FIXED2_SYNTAX;
	if (*s == '-') {
		neg = true;
		s++;
	}
	if (*s < '0' || *s > '9')
		return FIXED2_SYNTAX;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (whole > max / 100)
			big = true; /* keep scanning: bad syntax still wins */
		else
			whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return FIXED2_SYNTAX;
		/* Two decimals are kept; a non-zero digit after them would
		 * have to be rounded away, which is refused. */
		for (; *s >= '0' && *s <= '9'; s++, ndec++) {
			if (ndec < 2)
				frac = frac * 10 + (*s - '0');
			else if (*s != '0')
				fine = true;
		}
	}
	if (*s != '\0')
		return FIXED2_SYNTAX;
	if (ndec == 1)
		frac *= 10;
	if (neg && !allow_negative)
		return FIXED2_NEGATIVE;
	if (fine)
		return FIXED2_PRECISION;
	if (big || whole > (max - frac) / 100)
		return FIXED2_TOO_LARGE;
	*out = whole * 100 + frac;
	if (neg)
		*out = -*out;
	return FIXED2_OK;
}

int set_enum(int *dst, const char *const *names, const char *value, const char *field,
	     bool required, struct ally_err *err)
{
	int v;

	if (value == NULL || *value == '\0') {
		if (required)
			return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
		*dst = -1;
		return ALLY_OK;
	}
	v = enum_parse_field(names, value, field, err);
	if (v < 0)
		return ALLY_EUSER;
	*dst = v;
	return ALLY_OK;
}

int set_date(int32_t *dst, const char *value, const char *field, bool required,
	     struct ally_err *err)
{
	if (value == NULL || *value == '\0') {
		if (required)
			return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
		*dst = DATE_NONE;
		return ALLY_OK;
	}
	return date_parse_field(value, field, dst, err);
}
