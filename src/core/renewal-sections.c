/* renewal-sections.c: which contracts each section of the Renewals view
 * holds, as ranges of days (include/ally/renewal-sections.h). */
#include "ally/renewal-sections.h"

/* The bands' bounds in days left (renewal_band): urgent 0-59, window
 * 60-90. */
#define URGENT_LAST 59
#define WINDOW_FIRST 60
#define WINDOW_LAST 90

enum rsection renewal_section(const struct renewal *r)
{
	switch (r->band) {
	case BAND_LAPSED:
		return RSEC_LAPSED;
	case BAND_URGENT:
		return RSEC_URGENT;
	case BAND_WINDOW:
		return RSEC_WINDOW;
	default:
		return renewal_notice_soon(r) ? RSEC_NOTICE : RSEC_LATER;
	}
}

bool day_range_has(const struct day_range *r, ally_date d)
{
	return (r->lo == DATE_NONE || d >= r->lo) && (r->hi == DATE_NONE || d <= r->hi);
}

static struct day_range days(ally_date lo, ally_date hi)
{
	return (struct day_range){ lo, hi };
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* A band of ends [first, last] days ahead: listed when it ends within
 * the horizon, or its deadline does. */
static void band(ally_date t, int horizon, int first, int last, struct section_ranges *out)
{
	out->notice_notice = days(t, t + horizon);
	out->notice_end = days(t + first, t + last);
	out->end = days(t + first, t + min_int(last, horizon));
}

void renewal_section_ranges(enum rsection sec, ally_date t, int horizon, struct section_ranges *out)
{
	const struct day_range none = { t + 1, t };

	out->notice_notice = out->notice_end = out->end = none;
	switch (sec) {
	case RSEC_LAPSED:
		/* Always listed; a deadline comes before the end, so it has
		 * passed too. */
		out->end = days(DATE_NONE, t - 1);
		break;
	case RSEC_URGENT:
		band(t, horizon, 0, URGENT_LAST, out);
		break;
	case RSEC_WINDOW:
		band(t, horizon, WINDOW_FIRST, WINDOW_LAST, out);
		break;
	case RSEC_NOTICE:
		out->notice_notice = days(t, t + min_int(NOTICE_SOON_DAYS, horizon));
		out->notice_end = days(t + WINDOW_LAST + 1, DATE_NONE);
		break;
	case RSEC_LATER:
		out->notice_notice = days(t + NOTICE_SOON_DAYS + 1, t + horizon);
		out->notice_end = days(t + WINDOW_LAST + 1, DATE_NONE);
		out->end = days(t + WINDOW_LAST + 1, t + horizon);
		break;
	default:
		break;
	}
}
