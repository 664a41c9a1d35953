/* figures.c: quarterly key figures, targets, and the streaks they form. */
#include "ally/figures.h"

#include <inttypes.h>
#include <stdio.h>

#include "ally/flag-dates.h"
#include "ally/date.h"
#include "ally/err.h"
#include "ally/money.h"
#include "core.h"

const char *const metric_names[] = { "revenue", "new_customers", "leads", "lead_conversion",
				     "joint_customers", "satisfaction", "campaigns", "referrals",
				     NULL };

#define COUNT_MAX 1000000000L /* a count of customers, leads... */

int quarter_parse_field(const char *s, const char *field, int *out, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	int y = 0;

	for (int i = 0; s != NULL && i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		y = y * 10 + (s[i] - '0');
	if (s == NULL || y < 1000 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') ||
	    s[6] < '1' || s[6] > '4' || s[7] != '\0')
		return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a quarter (e.g. 2026-Q3)",
				    quote(s, q));
	*out = y * 4 + (s[6] - '1');
	return ALLY_OK;
}

char *quarter_format(int quarter, char out[8])
{
	int y = quarter / 4;

	if (quarter < 0 || y > 9999) {
		out[0] = '\0';
		return out;
	}
	snprintf(out, 8, "%04d-Q%d", y, quarter % 4 + 1);
	return out;
}

int quarter_of_date(int32_t date)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return y * 4 + (m - 1) / 3;
}

/* A fixed-point value with two decimals and at most max. */
static int parse_hundredths(const char *s, const char *field, int64_t max, int64_t *out,
			    struct ally_err *err)
{
	char q[QUOTE_BUFSZ];

	switch (parse_fixed2(s, false, max, out)) {
	case FIXED2_OK:
		return ALLY_OK;
	case FIXED2_PRECISION:
		return precision_err(s, field, err);
	case FIXED2_NEGATIVE:
	case FIXED2_TOO_LARGE:
		return ally_err_set(err, ALLY_EUSER, field, "%s is out of range 0-%" PRId64,
				    quote(s, q), max / 100);
	case FIXED2_SYNTAX:
		break;
	}
	return ally_err_set(err, ALLY_EUSER, field, "'%s' is not a number (e.g. 8.5)", quote(s, q));
}

int metric_value_parse(enum metric m, const char *s, int64_t *out, struct ally_err *err)
{
	const char *field = m >= 0 && m < METRIC_COUNT ? metric_names[m] : "metric";
	int32_t bp;
	long n;
	int rc;

	switch (m) {
	case METRIC_REVENUE:
		return money_parse_field(s, field, false, out, err);
	case METRIC_LEAD_CONVERSION:
		rc = percent_parse_field(s, field, &bp, err);
		if (rc == ALLY_OK)
			*out = bp;
		return rc;
	case METRIC_SATISFACTION:
		return parse_hundredths(s, field, 1000, out, err);
	case METRIC_NEW_CUSTOMERS:
	case METRIC_LEADS:
	case METRIC_JOINT_CUSTOMERS:
	case METRIC_CAMPAIGNS:
	case METRIC_REFERRALS:
		rc = parse_long_field(s, field, 0, COUNT_MAX, &n, err);
		if (rc == ALLY_OK)
			*out = (int64_t)n * 100;
		return rc;
	case METRIC_COUNT:
		break;
	}
	return ally_err_set(err, ALLY_EUSER, "metric", "%d is not a key figure", (int)m);
}

char *metric_value_format(enum metric m, int64_t v, char out[32])
{
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	const char *sign = v < 0 ? "-" : "";
	unsigned frac = (unsigned)(mag % 100);

	if (m == METRIC_REVENUE)
		return money_format(v, out);
	/* Counts and ratios show no trailing zeros: "12", "12.5", "8.25". */
	if (frac == 0)
		snprintf(out, 32, "%s%" PRIu64, sign, mag / 100);
	else if (frac % 10 == 0)
		snprintf(out, 32, "%s%" PRIu64 ".%u", sign, mag / 100, frac / 10);
	else
		snprintf(out, 32, "%s%" PRIu64 ".%02u", sign, mag / 100, frac);
	return out;
}

void quarter_figures_init(struct quarter_figures *q, int quarter)
{
	q->quarter = quarter;
	for (int i = 0; i < METRIC_COUNT; i++) {
		q->target[i] = -1;
		q->actual[i] = -1;
	}
}

/* A figure counts only with both a target and an actual: a quarter still
 * in progress, with targets but no actuals yet, says nothing rather than
 * reading as a miss. */
static bool counts(const struct quarter_figures *q, int i)
{
	return q->target[i] >= 0 && q->actual[i] >= 0;
}

bool figures_quarter_met(const struct quarter_figures *q, bool *known)
{
	int with = 0, met = 0;

	/* A revenue target decides the quarter alone: without its actual
	 * the quarter says nothing, even when other figures are in. */
	if (q->target[METRIC_REVENUE] >= 0) {
		*known = counts(q, METRIC_REVENUE);
		return *known && q->actual[METRIC_REVENUE] >= q->target[METRIC_REVENUE];
	}
	for (int i = 0; i < METRIC_COUNT; i++) {
		if (!counts(q, i))
			continue;
		with++;
		met += q->actual[i] >= q->target[i];
	}
	*known = with > 0;
	return with > 0 && 2 * met > with;
}

/* Do the `need` completed quarters before current all have the outcome
 * want_met?  q is sorted oldest first.  Quarters from current on (in
 * progress, or entered ahead) are passed over; then each of the quarters
 * current - 1, current - 2, ... must be there and say want_met: a missing
 * quarter or one that says nothing ends the streak, so old figures raise
 * no flag. */
static bool streak(const struct quarter_figures *q, size_t n, bool want_met, int need,
		   int current)
{
	size_t i = n;
	bool known, met;

	while (i > 0 && q[i - 1].quarter >= current)
		i--;
	for (int k = 1; k <= need; k++) {
		if (i == 0 || q[i - 1].quarter != current - k)
			return false;
		met = figures_quarter_met(&q[--i], &known);
		if (!known || met != want_met)
			return false;
	}
	return true;
}

bool figures_expansion_candidate(const struct quarter_figures *q, size_t n, int current_quarter)
{
	return streak(q, n, true, FIGURES_EXPANSION_NEED, current_quarter);
}

bool figures_exit_watch(const struct quarter_figures *q, size_t n, int current_quarter)
{
	return streak(q, n, false, FIGURES_EXIT_NEED, current_quarter);
}
