/* money.h: amounts in integer minor units and ISO 4217 currency codes. */
#ifndef ALLY_MONEY_H
#define ALLY_MONEY_H

#include <stdbool.h>
#include <stdint.h>

struct ally_err;

/* An amount in minor units (cents).  Never a float. */
typedef int64_t ally_money;
#define MONEY_BUFSZ 32
#define MONEY_MAX ((ally_money)900000000000000000LL) /* 9e15 major units */

/* Parse a decimal amount: digits, an optional '.' and decimals, an optional
 * leading '-' only when allow_negative.  No thousands separators, no
 * currency signs, no exponent.  At most two decimals: more are refused
 * ("annual_value: '1.005' has more than 2 decimals") unless they are
 * zeros ("1.500"), since an amount is never silently rounded on input;
 * rounding (half away from zero) belongs to computations only, see
 * muldiv_round.  Refuses amounts over MONEY_MAX.  Fills err with
 * "FIELD: 'S' is not an amount (e.g. 1250.00)", "FIELD: 'S' must not be
 * negative", "... has more than 2 decimals" or "... is too large". */
int money_parse_field(const char *s, const char *field, bool allow_negative,
		      ally_money *out, struct ally_err *err);
bool money_parse(const char *s, ally_money *out); /* non-negative only */

/* "125000.00", "-3.50": always two decimals, no separators.  Returns out. */
char *money_format(ally_money m, char out[MONEY_BUFSZ]);

/* Is code one of the ~155 active ISO 4217 currency codes ("EUR", "JPY")?
 * Exactly three capital letters: "usd" is refused here (the contract
 * setter upper-cases input first).  Codes that name no currency (XXX,
 * XTS, XAU, XDR), funds codes and withdrawn ones are refused.  At most
 * 4 bytes are read, so a char[4] without a NUL is refused, not overrun. */
bool currency_valid(const char *code);

/* a * b / c, rounded half away from zero, computed without overflow in
 * between (c != 0).  The one rounding rule of computations (payouts,
 * ROI); parsed input is never rounded. */
int64_t muldiv_round(int64_t a, int64_t b, int64_t c);

/* Percentages are kept in basis points (hundredths of a percent):
 * "15" is 1500, "12.5" is 1250, "30%" is 3000.  Range 0-100%, at most two
 * decimals as for amounts.  Fills err on failure. */
int percent_parse_field(const char *s, const char *field, int32_t *bp, struct ally_err *err);
char *percent_format(int32_t bp, char out[16]); /* "12.5", "30" */

#endif
