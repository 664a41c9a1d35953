/* date.c: calendar dates as day numbers, ISO text, month arithmetic. */
#include "ally/date.h"

#include <stdio.h>

#include "ally/err.h"
#include "core.h"

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil: eras of 400 years make the leap rule
 * regular, and starting the year in March puts the leap day last. */
ally_date date_from_ymd(int y, int m, int d)
{
	int yy = m <= 2 ? y - 1 : y;
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_to_ymd(ally_date date, int *y, int *m, int *d)
{
	/* 64-bit, so that any day number (even past year 9999) converts
	 * without overflow. */
	int64_t z = (int64_t)date + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Does s have the YYYY-MM-DD shape?  Checked apart from the calendar so
 * that a message can tell "not a date" from "not a real date". */
static bool date_shape(const char *s, int *y, int *m, int *d)
{
	if (s == NULL)
		return false;
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return false;
	if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
		return false;
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	return *y >= 0 && *m >= 0 && *d >= 0;
}

bool date_parse(const char *s, ally_date *out)
{
	int y, m, d;

	if (!date_shape(s, &y, &m, &d) || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

int date_parse_field(const char *s, const char *field, ally_date *out, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	int y, m, d;

	if (!date_shape(s, &y, &m, &d))
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a date (YYYY-MM-DD)",
				    quote(s, q));
	if (!date_valid_ymd(y, m, d))
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a real date (YYYY-MM-DD)",
				    quote(s, q));
	*out = date_from_ymd(y, m, d);
	return ALLY_OK;
}

char *date_format(ally_date date, char out[DATE_BUFSZ])
{
	int y, m, d;

	out[0] = '\0';
	if (date == DATE_NONE)
		return out;
	date_to_ymd(date, &y, &m, &d);
	/* A year outside 1000-9999 (only day arithmetic past the calendar's
	 * ends makes one) is printed as it is, never capped: "10000-01-01"
	 * is visibly wrong and date_parse refuses it, where a capped year
	 * would silently be another date. */
	if (y < 1000 || y > 9999) {
		snprintf(out, DATE_BUFSZ, "%04d-%02d-%02d", y, m, d);
		return out;
	}
	/* The digits by hand: an export or an import formats a million
	 * dates, and snprintf was a tenth of the work. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

ally_date date_add_months(ally_date date, int months)
{
	int y, m, d, dim;
	int64_t total;

	if (date == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(date, &y, &m, &d);
	total = (int64_t)y * 12 + (m - 1) + months;
	if (total < (int64_t)DATE_YEAR_MIN * 12 || total > (int64_t)DATE_YEAR_MAX * 12 + 11)
		return DATE_NONE;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}
