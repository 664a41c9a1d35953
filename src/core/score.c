/* score.c: the qualification score W, its tier and review cadence. */
#include "ally/score.h"

#include <stdio.h>

#include "ally/err.h"
#include "ally/util.h"

const char *const criterion_names[] = { "fit", "reach", "capabilities", "financial",
					"track_record", NULL };
const char *const criterion_labels[] = { "strategic fit", "market reach", "capabilities",
					 "financial health", "track record", NULL };
const int criterion_weights[] = { 30, 25, 20, 15, 10 };

int score_criterion(const struct score_input *in, enum criterion c)
{
	switch (c) {
	case CRIT_FIT:
		return in->fit;
	case CRIT_REACH:
		return in->reach;
	case CRIT_CAPABILITIES:
		return in->capabilities;
	case CRIT_FINANCIAL:
		return in->financial;
	case CRIT_TRACK_RECORD:
		return in->track_record;
	case CRIT_COUNT:
		break;
	}
	return -1;
}

int score_validate(const struct score_input *in, struct ally_err *err)
{
	for (int c = 0; c < CRIT_COUNT; c++) {
		int v = score_criterion(in, (enum criterion)c);

		if (v < 0 || v > 100)
			return ally_err_set(err, ALLY_EUSER, criterion_names[c],
					    "%d is out of range 0-100", v);
	}
	return ALLY_OK;
}

int score_weighted(const struct score_input *in)
{
	int w = 0;

	for (int c = 0; c < CRIT_COUNT; c++)
		w += criterion_weights[c] * score_criterion(in, (enum criterion)c);
	return w;
}

enum tier score_tier(int w)
{
	if (w < 0)
		return TIER_NONE;
	if (w >= 8500)
		return TIER_1;
	if (w >= 7000)
		return TIER_2;
	if (w >= 5000)
		return TIER_3;
	return TIER_UNQUALIFIED;
}

int score_tenths(int w)
{
	if (w < 0 || w > 10000)
		return -1;
	/* W is in hundredths of a point; + 5 rounds the hundredths half up. */
	return (w + 5) / 10;
}

char *score_format(int w, char out[8])
{
	int tenths = score_tenths(w);

	/* The upper bound is already true; saying it lets the compiler see
	 * that the text fits in 8 bytes. */
	if (tenths < 0 || tenths > 1000) {
		out[0] = '\0';
		return out;
	}
	snprintf(out, 8, "%d.%d", tenths / 10, tenths % 10);
	return out;
}

void tier_w_range(enum tier t, int *lo, int *hi)
{
	switch (t) {
	case TIER_1:
		*lo = 8500, *hi = 10000;
		return;
	case TIER_2:
		*lo = 7000, *hi = 8499;
		return;
	case TIER_3:
		*lo = 5000, *hi = 6999;
		return;
	case TIER_UNQUALIFIED:
		*lo = 0, *hi = 4999;
		return;
	case TIER_NONE:
		break;
	}
	*lo = *hi = -1;
}

const char *tier_name(enum tier t)
{
	switch (t) {
	case TIER_1:
		return "1";
	case TIER_2:
		return "2";
	case TIER_3:
		return "3";
	case TIER_UNQUALIFIED:
		return "unqualified";
	case TIER_NONE:
		break;
	}
	return "";
}

int tier_parse(const char *s)
{
	static const struct {
		const char *text;
		enum tier tier;
	} names[] = {
		{ "1", TIER_1 }, { "2", TIER_2 }, { "3", TIER_3 },
		{ "unqualified", TIER_UNQUALIFIED }, { "0", TIER_UNQUALIFIED },
	};

	for (size_t i = 0; s != NULL && i < sizeof names / sizeof names[0]; i++)
		if (str_casecmp(s, names[i].text) == 0)
			return names[i].tier;
	return -2;
}

int tier_review_months(enum tier t)
{
	switch (t) {
	case TIER_1:
		return 3;
	case TIER_2:
		return 6;
	case TIER_3:
		return 12;
	case TIER_UNQUALIFIED:
	case TIER_NONE:
		break;
	}
	return 0;
}
