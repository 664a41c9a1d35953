/* date.h: calendar dates as day numbers, ISO text, month arithmetic. */
#ifndef ALLY_DATE_H
#define ALLY_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar, so that the
 * difference of two dates is plain subtraction.  DATE_NONE is "no date". */
typedef int32_t ally_date;
#define DATE_NONE INT32_MIN
#define DATE_BUFSZ 11 /* "YYYY-MM-DD" and its NUL */

bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
bool date_is_leap(int y);

/* Day number of a valid y-m-d (callers check with date_valid_ymd). */
ally_date date_from_ymd(int y, int m, int d);
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
 * bytes; returns out. */
char *date_format(ally_date date, char out[DATE_BUFSZ]);

/* Add (or with months < 0 subtract) calendar months; a day that the target
 * month lacks clamps to its last day (2026-01-31 + 1 month = 2026-02-28). */
ally_date date_add_months(ally_date date, int months);

#endif
