/* date.h: calendar dates as day numbers, ISO text, month arithmetic. */
#ifndef ALLY_DATE_H
#define ALLY_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar, so that the
 * difference of two dates is plain subtraction.  DATE_NONE is "no date". */
typedef int32_t ally_date;
#define DATE_NONE INT32_MIN
/* "YYYY-MM-DD" and its NUL, with room for the sign and the longer year
 * of a day number outside 1000-9999 (see date_format). */
#define DATE_BUFSZ 16

/* The years a date may have: the ones YYYY can write. */
#define DATE_YEAR_MIN 1000
#define DATE_YEAR_MAX 9999

/* Does y-m-d name a day that exists, in the years DATE_YEAR_MIN to
 * DATE_YEAR_MAX?  (2028-02-29 yes, 2027-02-29 and 2026-04-31 no.) */
bool date_valid_ymd(int y, int m, int d);

/* Days in month m (1-12) of year y: 28-31, or 0 when m is not a month. */
int date_days_in_month(int y, int m);

/* Gregorian leap year: divisible by 4, and not by 100 unless by 400. */
bool date_is_leap(int y);

/* Day number of a valid y-m-d (callers check with date_valid_ymd; other
 * input gives a meaningless number, never an error). */
ally_date date_from_ymd(int y, int m, int d);

/* The year, month and day of a day number.  Any value but DATE_NONE
 * converts, including days outside 1000-9999 that arithmetic produced;
 * callers that need a storable date check the year. */
void date_to_ymd(ally_date date, int *y, int *m, int *d);

/* Strict YYYY-MM-DD, years 1000-9999, and the day must exist
 * (2026-02-30 and 2027-02-29 are refused).  Returns false on any error,
 * leaving *out alone. */
bool date_parse(const char *s, ally_date *out);

/* As date_parse, filling err with "FIELD: 'S' is not a real date
 * (YYYY-MM-DD)" or "... is not a date (YYYY-MM-DD)". Returns ALLY_OK or
 * ALLY_EUSER. */
struct ally_err;
int date_parse_field(const char *s, const char *field, ally_date *out, struct ally_err *err);

/* Writes "YYYY-MM-DD" (or "" for DATE_NONE) into out, which has DATE_BUFSZ
 * bytes; returns out.  A day outside the years 1000-9999 (only reached by
 * day arithmetic such as 9999-12-31 + 1) shows its real year, e.g.
 * "10000-01-01": never a capped year that would read as another date. */
char *date_format(ally_date date, char out[DATE_BUFSZ]);

/* Add (or with months < 0 subtract) calendar months; a day that the target
 * month lacks clamps to its last day (2026-01-31 + 1 month = 2026-02-28).
 * Returns DATE_NONE when date is DATE_NONE or when the result would fall
 * outside the years 1000-9999 (9999-12-20 + 1 month): callers test for it
 * instead of getting a silently wrong date. */
ally_date date_add_months(ally_date date, int months);

#endif
