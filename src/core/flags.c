/* flags.c: the warnings a partner carries, and their names. */
#include "ally/flags.h"

#include "ally/phase.h"
#include "ally/review.h"

#define STATUS_STALE_DAYS 30

/* Names of each flag, in bit order. */
static const struct {
	const char *key;
	const char *marker;
	const char *text;
} flag_info[FLAG_COUNT] = {
	{ "renewal_due", "RENEW", "renewal due: move to the renewal phase" },
	{ "notice_soon", "NOTICE", "notice deadline within 30 days" },
	{ "lapsed", "LAPSED", "an active contract is past its end date" },
	{ "review_overdue", "REVIEW", "review overdue" },
	{ "behind_schedule", "BEHIND", "behind schedule for its phase" },
	{ "status_stale", "STALE", "status older than 30 days or never set" },
	{ "no_sponsor", "NOSPONSOR", "no executive sponsor" },
	{ "exit_watch", "EXITWATCH", "exit watch: below target 3 quarters running" },
	{ "expansion_candidate", "EXPAND", "expansion candidate: met target 2 quarters running" },
};

/* The phases in which a partnership is running and needs tending. */
static bool live_phase(int phase)
{
	return phase == PHASE_LAUNCH || phase == PHASE_RAMP_UP || phase == PHASE_STEADY_STATE ||
	       phase == PHASE_RENEWAL || phase == PHASE_EXPANSION;
}

static bool renewal_due(const struct partner_facts *f, ally_date today)
{
	enum band b;

	if (f->min_end_ahead == DATE_NONE || f->phase == PHASE_RENEWAL ||
	    f->phase == PHASE_EXPANSION || f->phase == PHASE_EXIT)
		return false;
	b = renewal_band(f->min_end_ahead - today);
	return b == BAND_URGENT || b == BAND_WINDOW;
}

static bool notice_soon(const struct partner_facts *f, ally_date today)
{
	return f->min_notice != DATE_NONE && f->min_notice >= today &&
	       f->min_notice - today <= NOTICE_SOON_DAYS;
}

static bool status_stale(const struct partner_facts *f, ally_date today)
{
	return live_phase(f->phase) &&
	       (f->status_date == DATE_NONE || today - f->status_date > STATUS_STALE_DAYS);
}

ally_date partner_next_review(const struct partner_facts *f)
{
	return review_next_due(f->tier, review_counting(f->tier, f->last_qbr, f->last_steering),
			       f->first_active_start, f->scored_on);
}

unsigned partner_flags(const struct partner_facts *f, ally_date today)
{
	unsigned flags = 0;
	ally_date due = partner_next_review(f);

	if (renewal_due(f, today))
		flags |= FLAG_RENEWAL_DUE;
	if (notice_soon(f, today))
		flags |= FLAG_NOTICE_SOON;
	if (f->min_end != DATE_NONE && f->min_end < today)
		flags |= FLAG_LAPSED;
	/* A partnership that has ended holds no more reviews. */
	if (f->phase != PHASE_EXIT && review_overdue(due, today))
		flags |= FLAG_REVIEW_OVERDUE;
	if (phase_behind_schedule((enum phase)f->phase, f->first_active_start, today))
		flags |= FLAG_BEHIND_SCHEDULE;
	if (status_stale(f, today))
		flags |= FLAG_STATUS_STALE;
	if (live_phase(f->phase) && !f->has_sponsor)
		flags |= FLAG_NO_SPONSOR;
	if (f->exit_watch)
		flags |= FLAG_EXIT_WATCH;
	if (f->expansion_candidate)
		flags |= FLAG_EXPANSION_CANDIDATE;
	return flags;
}

/* The index of a single flag bit, or -1 when f is not exactly one flag. */
static int flag_index(enum partner_flag f)
{
	for (int i = 0; i < FLAG_COUNT; i++)
		if ((unsigned)f == 1u << i)
			return i;
	return -1;
}

const char *flag_marker(enum partner_flag f)
{
	int i = flag_index(f);

	return i < 0 ? "" : flag_info[i].marker;
}

const char *flag_text(enum partner_flag f)
{
	int i = flag_index(f);

	return i < 0 ? "" : flag_info[i].text;
}

const char *flag_key(enum partner_flag f)
{
	int i = flag_index(f);

	return i < 0 ? "" : flag_info[i].key;
}

ally_date partner_next_action(const struct partner_facts *f)
{
	if (f->min_end == DATE_NONE)
		return f->min_notice;
	if (f->min_notice == DATE_NONE)
		return f->min_end;
	return f->min_notice < f->min_end ? f->min_notice : f->min_end;
}
