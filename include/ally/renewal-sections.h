/* renewal-sections.h: the sections of the Renewals view, and the days
 * each one spans, so that the store can read a section as ranges of its
 * indexes and the view can show it a window at a time.
 *
 * A listed contract (renewal_listed for the horizon) is in exactly one
 * section, decided by its band (renewal_band) and notice rule
 * (renewal_notice_soon):
 *   Lapsed       the end date has passed (days left < 0)
 *   Urgent       ends within 60 days (0-59 days left)
 *   Window       ends in 60-90 days
 *   Notice soon  ends later than 90 days, but the auto-renew notice
 *                deadline is 0-30 days ahead
 *   Later        ends later than 90 days: ending within a horizon longer
 *                than 90 days, or with a notice deadline 31 days or more
 *                ahead, inside the horizon
 * Within a section the rows go by renewal_cmp: the date to act on (the
 * notice deadline while it is ahead, else the end), the partner's name,
 * the contract id. */
#ifndef ALLY_RENEWAL_SECTIONS_H
#define ALLY_RENEWAL_SECTIONS_H

#include <stdbool.h>
#include "ally/date.h"
#include "ally/renewal.h"

enum rsection { RSEC_LAPSED, RSEC_URGENT, RSEC_WINDOW, RSEC_NOTICE, RSEC_LATER, RSEC_COUNT };

/* The section of a row as of its computed fields (renewal_compute). */
enum rsection renewal_section(const struct renewal *r);

/* An inclusive range of days; lo DATE_NONE: no lower bound, hi
 * DATE_NONE: no upper bound; empty when both are set and lo > hi. */
struct day_range {
	ally_date lo, hi;
};

/* A section's contracts as of today for a horizon, in two disjoint
 * parts: those whose date to act on is their notice deadline (a
 * deadline in by_notice.notice that is today or later, and an end in
 * by_notice.end) and those whose date is their end (no deadline, or one
 * already past, and an end in by_end). */
struct section_ranges {
	struct day_range notice_notice; /* the deadline, of the first part */
	struct day_range notice_end;    /* the end, of the first part */
	struct day_range end;           /* the end, of the second part */
};
void renewal_section_ranges(enum rsection sec, ally_date today, int horizon,
			    struct section_ranges *out);

/* Is d in r? */
bool day_range_has(const struct day_range *r, ally_date d);

#endif
