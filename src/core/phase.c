/* phase.c: the partnership lifecycle and which moves it allows. */
#include "ally/phase.h"

#include "ally/err.h"
#include "ally/util.h"

const char *const phase_names[] = { "prospect", "proposal", "negotiation", "launch", "ramp_up",
				    "steady_state", "renewal", "expansion", "exit", NULL };

/* The default step along the main line; -1 where the user must name the
 * target (domain.md: renewal, expansion, exit). */
static const int default_step[PHASE_COUNT] = {
	[PHASE_PROSPECT] = PHASE_PROPOSAL,
	[PHASE_PROPOSAL] = PHASE_NEGOTIATION,
	[PHASE_NEGOTIATION] = PHASE_LAUNCH,
	[PHASE_LAUNCH] = PHASE_RAMP_UP,
	[PHASE_RAMP_UP] = PHASE_STEADY_STATE,
	[PHASE_STEADY_STATE] = PHASE_RENEWAL,
	[PHASE_RENEWAL] = -1,
	[PHASE_EXPANSION] = -1,
	[PHASE_EXIT] = -1,
};

#define BIT(p) (1u << (p))

/* The moves off the main line, from the table of domain.md; exit is
 * reachable from every phase but itself and is added in code. */
static const unsigned other_moves[PHASE_COUNT] = {
	[PHASE_STEADY_STATE] = BIT(PHASE_EXPANSION),
	[PHASE_RENEWAL] = BIT(PHASE_STEADY_STATE) | BIT(PHASE_EXPANSION),
	[PHASE_EXPANSION] = BIT(PHASE_STEADY_STATE) | BIT(PHASE_RENEWAL),
	[PHASE_EXIT] = BIT(PHASE_PROSPECT),
};

static bool phase_valid(int p)
{
	return p >= 0 && p < PHASE_COUNT;
}

bool phase_move_allowed(enum phase from, enum phase to)
{
	if (!phase_valid((int)from) || !phase_valid((int)to) || from == to)
		return false;
	if (default_step[from] == (int)to)
		return true;
	if (to == PHASE_EXIT)
		return true;
	return (other_moves[from] & BIT(to)) != 0;
}

size_t phase_targets(enum phase from, enum phase out[PHASE_COUNT])
{
	size_t n = 0;

	if (!phase_valid((int)from))
		return 0;
	if (default_step[from] >= 0)
		out[n++] = (enum phase)default_step[from];
	for (int p = 0; p < PHASE_COUNT; p++)
		if (p != default_step[from] && phase_move_allowed(from, (enum phase)p))
			out[n++] = (enum phase)p;
	return n;
}

/* "a, b, c": the allowed targets of from, for messages. */
static void targets_text(enum phase from, struct buf *b)
{
	enum phase t[PHASE_COUNT];
	size_t n = phase_targets(from, t);

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		buf_puts(b, phase_names[t[i]]);
	}
}

int phase_resolve_move(enum phase from, int to, enum phase *out, struct ally_err *err)
{
	struct buf allowed;
	int rc = ALLY_OK;

	if (!phase_valid((int)from))
		return ally_err_set(err, ALLY_EUSER, "phase", "the current phase %d is unknown",
				    (int)from);
	if (to >= PHASE_COUNT)
		return ally_err_set(err, ALLY_EUSER, "phase", "%d is not a phase", to);
	if (to < 0 && default_step[from] >= 0) {
		*out = (enum phase)default_step[from];
		return ALLY_OK;
	}
	if (to >= 0 && phase_move_allowed(from, (enum phase)to)) {
		*out = (enum phase)to;
		return ALLY_OK;
	}
	buf_init(&allowed);
	targets_text(from, &allowed);
	if (to < 0)
		rc = ally_err_set(err, ALLY_EUSER, "phase", "from %s name a target: %s",
				  phase_names[from], allowed.data);
	else
		rc = ally_err_set(err, ALLY_EUSER, "phase", "cannot move from %s to %s; allowed: %s",
				  phase_names[from], phase_names[to], allowed.data);
	buf_finish(&allowed);
	return rc;
}

/* Is today on or after start + months?  A deadline past year 9999
 * (DATE_NONE) is never reached. */
static bool late(ally_date start, int months, ally_date today)
{
	ally_date due = date_add_months(start, months);

	return due != DATE_NONE && today >= due;
}

bool phase_behind_schedule(enum phase p, ally_date first_start, ally_date today)
{
	if (first_start == DATE_NONE || today == DATE_NONE)
		return false;
	/* Launch is months 1-3 and ramp-up months 4-6: the first day of
	 * month 4 (or 7) is already late. */
	if (p == PHASE_LAUNCH)
		return late(first_start, 3, today);
	if (p == PHASE_RAMP_UP)
		return late(first_start, 6, today);
	return false;
}

int phase_check_move_date(ally_date last_move, ally_date date, struct ally_err *err)
{
	char d[DATE_BUFSZ], l[DATE_BUFSZ];

	if (last_move == DATE_NONE || date == DATE_NONE || date >= last_move)
		return ALLY_OK;
	return ally_err_set(err, ALLY_EUSER, "date", "%s is before the last phase move on %s",
			    date_format(date, d), date_format(last_move, l));
}
