/* flag-dates.c: the today-independent days behind the flags, the pieces
 * of the next action, and the quarters a streak of key figures covers
 * (include/ally/flag-dates.h). */
#include "ally/flag-dates.h"

#include <stdlib.h>

#include "ally/flags.h"
#include "ally/phase.h"
#include "ally/renewal.h"
#include "ally/review.h"
#include "ally/score.h"

/* flags.c's rules, restated as the first day each holds: keep the two in
 * step (check-flag-dates holds them equal over every day of a range). */
#define STATUS_STALE_DAYS 30

static bool live_phase(int phase)
{
	return phase == PHASE_LAUNCH || phase == PHASE_RAMP_UP || phase == PHASE_STEADY_STATE ||
	       phase == PHASE_RENEWAL || phase == PHASE_EXPANSION;
}

/* The first day phase_behind_schedule is true: launch is late from the
 * start plus 3 months, ramp-up from plus 6. */
static ally_date behind_from(int phase, ally_date first_start)
{
	int months = phase == PHASE_LAUNCH ? 3 : phase == PHASE_RAMP_UP ? 6 : 0;

	if (months == 0 || first_start == DATE_NONE)
		return DATE_NONE;
	return date_add_months(first_start, months);
}

void flag_dates_of(const struct flag_basis *b, struct flag_dates *out)
{
	out->tier = score_tier(b->score_w);
	out->min_end = b->min_end;
	out->review_due = b->phase == PHASE_EXIT
				  ? DATE_NONE
				  : review_next_due((enum tier)out->tier,
						    review_counting((enum tier)out->tier, b->last_qbr,
								    b->last_steering),
						    b->first_start, b->scored_on);
	out->behind_from = behind_from(b->phase, b->first_start);
	if (!live_phase(b->phase))
		out->stale_from = DATE_NONE;
	else if (b->status_date == DATE_NONE)
		out->stale_from = FLAG_DAY_MIN;
	else
		out->stale_from = b->status_date + STATUS_STALE_DAYS + 1;
	out->no_sponsor = live_phase(b->phase) && !b->has_sponsor;
	out->renewal_watch = b->phase != PHASE_RENEWAL && b->phase != PHASE_EXPANSION &&
			     b->phase != PHASE_EXIT;
}

static bool from_on(ally_date from, ally_date today)
{
	return from != DATE_NONE && today >= from;
}

unsigned flag_dates_flags(const struct flag_dates *d, const struct flag_today *t, ally_date today)
{
	unsigned flags = 0;

	if (d->renewal_watch && t->end_in_window)
		flags |= FLAG_RENEWAL_DUE;
	if (t->notice_soon)
		flags |= FLAG_NOTICE_SOON;
	if (d->min_end != DATE_NONE && d->min_end < today)
		flags |= FLAG_LAPSED;
	if (review_overdue(d->review_due, today))
		flags |= FLAG_REVIEW_OVERDUE;
	if (from_on(d->behind_from, today))
		flags |= FLAG_BEHIND_SCHEDULE;
	if (from_on(d->stale_from, today))
		flags |= FLAG_STATUS_STALE;
	if (d->no_sponsor)
		flags |= FLAG_NO_SPONSOR;
	if (t->exit_watch)
		flags |= FLAG_EXIT_WATCH;
	if (t->expansion)
		flags |= FLAG_EXPANSION_CANDIDATE;
	return flags;
}

static int cmp_date(const void *a, const void *b)
{
	ally_date x = *(const ally_date *)a, y = *(const ally_date *)b;

	return (x > y) - (x < y);
}

size_t next_action_pieces(ally_date min_end, const ally_date *notices, size_t n,
			  struct next_piece *out)
{
	ally_date *sorted, from = FLAG_DAY_MIN;
	size_t k = 0;

	if (min_end == DATE_NONE) {
		out[0] = (struct next_piece){ FLAG_DAY_MAX, FLAG_DAY_MIN, FLAG_DAY_MAX };
		return 1;
	}
	sorted = malloc((n + 1) * sizeof *sorted);
	if (sorted == NULL)
		abort();
	for (size_t i = 0; i < n; i++)
		sorted[i] = notices[i];
	qsort(sorted, n, sizeof *sorted, cmp_date);
	/* Until a deadline before the earliest end passes, it is the next
	 * action; once every such one has passed, the end is. */
	for (size_t i = 0; i < n; i++) {
		if (sorted[i] == DATE_NONE || sorted[i] >= min_end || sorted[i] < from)
			continue;
		out[k++] = (struct next_piece){ sorted[i], from, sorted[i] };
		from = sorted[i] + 1;
	}
	out[k++] = (struct next_piece){ min_end, from, FLAG_DAY_MAX };
	free(sorted);
	return k;
}

/* Does the quarter say met (met true) or missed (false)? */
static bool says(const struct quarter_figures *q, bool met)
{
	bool known, m = figures_quarter_met(q, &known);

	return known && m == met;
}

size_t figures_streak_spans(const struct quarter_figures *q, size_t n, bool met, int need,
			    struct quarter_span *out)
{
	size_t k = 0, i = 0;

	while (i < n) {
		size_t j = i;

		/* A run: consecutive quarters that each say met (or missed). */
		while (j < n && says(&q[j], met) && (j == i || q[j].quarter == q[j - 1].quarter + 1))
			j++;
		if (j == i) {
			i++;
			continue;
		}
		/* The flag holds in quarter C when C-1 .. C-need are all in
		 * the run [a, b]: C from a + need to b + 1. */
		if ((int)(j - i) >= need)
			out[k++] = (struct quarter_span){ q[i].quarter + need, q[j - 1].quarter + 1 };
		i = j;
	}
	return k;
}
