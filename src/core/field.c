/* field.c: checking and parsing the text of one field, shared by every
 * *_set_field of the core. */
#include <limits.h>
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

/* U+200C and U+200D (zero-width non-joiner and joiner) are left out: emoji
 * sequences and Persian or Indic names need them, and they cannot reorder
 * or hide text the way the bidi controls and zero-width space can. */
bool text_is_invisible_format(uint32_t cp)
{
	return cp == 0x200b || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

const char *quote(const char *s, char out[QUOTE_BUFSZ])
{
	size_t o = 0, n = 0;
	uint32_t cp;

	out[0] = '\0';
	if (s == NULL)
		return out;
	while (*s != '\0') {
		size_t len = utf8_decode(s, &cp);

		if (n == QUOTE_MAX) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		/* An override quoted back in a message would reorder the
		 * message itself. */
		if (len == 0 || is_control(cp) || text_is_invisible_format(cp)) {
			out[o++] = '?';
			s += len ? len : 1;
		} else {
			memcpy(out + o, s, len);
			o += len;
			s += len;
		}
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

int set_text(char **dst, const char *value, const char *field, size_t max, bool multiline,
	     bool required, struct ally_err *err)
{
	int rc;

	if (value == NULL || *value == '\0') {
		if (required)
			return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
		str_set(dst, NULL);
		return ALLY_OK;
	}
	rc = text_check(value, field, max, multiline, err);
	if (rc != ALLY_OK)
		return rc;
	str_set(dst, value);
	return ALLY_OK;
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
