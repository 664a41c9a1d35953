/* money.c: amounts in minor units, currency codes, percentages, and the
 * one rounding rule (half away from zero). */
#include "ally/money.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "core.h"

int precision_err(const char *s, const char *field, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];

	return ally_err_set(err, ALLY_EUSER, field, "'%s' has more than 2 decimals", quote(s, q));
}

int money_parse_field(const char *s, const char *field, bool allow_negative,
		      ally_money *out, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	int64_t v;

	switch (parse_fixed2(s, allow_negative, MONEY_MAX, &v)) {
	case FIXED2_OK:
		*out = v;
		return ALLY_OK;
	case FIXED2_NEGATIVE:
		return ally_err_set(err, ALLY_EUSER, field, "'%s' must not be negative",
				    quote(s, q));
	case FIXED2_PRECISION:
		return precision_err(s, field, err);
	case FIXED2_TOO_LARGE:
		return ally_err_set(err, ALLY_EUSER, field,
				    "'%s' is too large (at most 9000000000000000.00)", quote(s, q));
	case FIXED2_SYNTAX:
		break;
	}
	return ally_err_set(err, ALLY_EUSER, field, "'%s' is not an amount (e.g. 1250.00)",
			    quote(s, q));
}

bool money_parse(const char *s, ally_money *out)
{
	return money_parse_field(s, NULL, false, out, NULL) == ALLY_OK;
}

char *money_format(ally_money m, char out[MONEY_BUFSZ])
{
	/* The magnitude as unsigned, so that INT64_MIN formats too. */
	uint64_t mag = m < 0 ? 0 - (uint64_t)m : (uint64_t)m;

	snprintf(out, MONEY_BUFSZ, "%s%" PRIu64 ".%02u", m < 0 ? "-" : "", mag / 100,
		 (unsigned)(mag % 100));
	return out;
}

/* The active codes of ISO 4217 (2025) that name a currency, sorted for
 * bsearch.  Left out on purpose: funds codes (BOV, CLF, USN...), precious
 * metals and units of account (XAU, XDR...), the testing and "no
 * currency" codes (XTS, XXX), and withdrawn codes (HRK, SLL, ZWL, ...). */
static const char currency_codes[][4] = {
	"AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
	"BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
	"CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK",
	"DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
	"GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
	"IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
	"KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
	"MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
	"NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
	"QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
	"SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
	"TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES",
	"VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
};

static int code_cmp(const void *key, const void *elem)
{
	return strcmp(key, elem);
}

bool currency_valid(const char *code)
{
	/* strnlen: a char[4] filled by a caller may have no NUL at all. */
	if (code == NULL || strnlen(code, 4) != 3)
		return false;
	return bsearch(code, currency_codes, sizeof currency_codes / sizeof currency_codes[0],
		       sizeof currency_codes[0], code_cmp) != NULL;
}

int64_t muldiv_round(int64_t a, int64_t b, int64_t c)
{
	__int128 p = (__int128)a * b;
	__int128 q = p / c, r = p % c;
	__int128 ar = r < 0 ? -r : r, ac = c < 0 ? -(__int128)c : c;

	/* C truncates toward zero; a remainder of at least half of c moves
	 * the result one further from zero. */
	if (2 * ar >= ac)
		q += (p < 0) == (c < 0) ? 1 : -1;
	return (int64_t)q;
}

int percent_parse_field(const char *s, const char *field, int32_t *bp, struct ally_err *err)
{
	char q[QUOTE_BUFSZ], num[32];
	size_t n = 0;
	int64_t v;

	/* A trailing '%' is what people type; the number is the same. */
	while (s != NULL && s[n] != '\0' && n < sizeof num - 1) {
		num[n] = s[n];
		n++;
	}
	num[n] = '\0';
	if (s != NULL && s[n] != '\0')
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a percentage (e.g. 12.5)",
				    quote(s, q));
	if (n > 0 && num[n - 1] == '%')
		num[n - 1] = '\0';
	switch (parse_fixed2(num, false, 10000, &v)) {
	case FIXED2_OK:
		*bp = (int32_t)v;
		return ALLY_OK;
	case FIXED2_PRECISION:
		return precision_err(s, field, err);
	case FIXED2_NEGATIVE:
	case FIXED2_TOO_LARGE:
		return ally_err_set(err, ALLY_EUSER, field, "%s is out of range 0-100",
				    quote(s, q));
	case FIXED2_SYNTAX:
		break;
	}
	return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a percentage (e.g. 12.5)",
			    quote(s, q));
}

char *percent_format(int32_t bp, char out[16])
{
	uint32_t mag = bp < 0 ? 0 - (uint32_t)bp : (uint32_t)bp;
	const char *sign = bp < 0 ? "-" : "";
	unsigned whole = mag / 100, frac = mag % 100;

	if (frac == 0)
		snprintf(out, 16, "%s%u", sign, whole);
	else if (frac % 10 == 0)
		snprintf(out, 16, "%s%u.%u", sign, whole, frac / 10);
	else
		snprintf(out, 16, "%s%u.%02u", sign, whole, frac);
	return out;
}
