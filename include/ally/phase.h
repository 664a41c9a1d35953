/* phase.h: the partnership lifecycle and which moves it allows. */
#ifndef ALLY_PHASE_H
#define ALLY_PHASE_H

#include <stdbool.h>
#include <stddef.h>
#include "ally/date.h"

struct ally_err;

enum phase {
	PHASE_PROSPECT,
	PHASE_PROPOSAL,
	PHASE_NEGOTIATION,
	PHASE_LAUNCH,
	PHASE_RAMP_UP,
	PHASE_STEADY_STATE,
	PHASE_RENEWAL,
	PHASE_EXPANSION,
	PHASE_EXIT,
	PHASE_COUNT
};
extern const char *const phase_names[]; /* "prospect", ..., "ramp_up", ... */

/* Is from -> to one of the moves of domain.md?  from == to is refused. */
bool phase_move_allowed(enum phase from, enum phase to);

/* The allowed targets of from, in lifecycle order, default step first when
 * there is one.  Returns how many were written to out. */
size_t phase_targets(enum phase from, enum phase out[PHASE_COUNT]);

/* Resolve an advance: with to < 0, the default step along the main line;
 * from renewal, expansion and exit there is none and err says
 * "phase: from renewal name a target: steady_state, expansion, exit".
 * A refused move fills err with "phase: cannot move from X to Y; allowed:
 * ...".  On success *out is the target and ALLY_OK is returned. */
int phase_resolve_move(enum phase from, int to, enum phase *out, struct ally_err *err);

/* Is a partner in launch (after month 3) or ramp_up (after month 6),
 * counted from the start of its first active contract, behind schedule?
 * first_start == DATE_NONE gives false. */
bool phase_behind_schedule(enum phase p, ally_date first_start, ally_date today);

/* May a phase move be dated date, when the partner's last recorded move
 * was on last_move?  Moves are history and stay in order: a move dated
 * before the last one is refused with ALLY_EUSER and "date: 2026-02-01 is
 * before the last phase move on 2026-06-01"; the same day is fine.
 * last_move == DATE_NONE (no move yet) always gives ALLY_OK; so does
 * date == DATE_NONE, which the caller resolves to today first. */
int phase_check_move_date(ally_date last_move, ally_date date, struct ally_err *err);

#endif
