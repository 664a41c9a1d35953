/* score.h: the qualification score, its tier and the review cadence. */
#ifndef ALLY_SCORE_H
#define ALLY_SCORE_H

#include <stdbool.h>

struct ally_err;

/* The five criteria, each an integer 0-100 (domain.md). */
struct score_input {
	int fit;          /* strategic fit, weight 30 */
	int reach;        /* market reach, weight 25 */
	int capabilities; /* weight 20 */
	int financial;    /* financial health, weight 15 */
	int track_record; /* weight 10 */
};

enum criterion { CRIT_FIT, CRIT_REACH, CRIT_CAPABILITIES, CRIT_FINANCIAL, CRIT_TRACK_RECORD, CRIT_COUNT };
extern const char *const criterion_names[];   /* "fit", "reach", ..., "track_record" */
extern const char *const criterion_labels[];  /* "strategic fit", "market reach", ... */
extern const int criterion_weights[];          /* 30, 25, 20, 15, 10 */
int score_criterion(const struct score_input *in, enum criterion c);

/* Tier values are also what JSON shows: 1, 2, 3, and 0 for unqualified.
 * TIER_NONE (never scored) is -1 and shows as null. */
enum tier { TIER_NONE = -1, TIER_UNQUALIFIED = 0, TIER_1 = 1, TIER_2 = 2, TIER_3 = 3 };

/* Each criterion must be 0-100; err names the first one that is not
 * ("track_record: 101 is out of range 0-100"). */
int score_validate(const struct score_input *in, struct ally_err *err);

/* W = 30*fit + 25*reach + 20*capabilities + 15*financial + 10*track_record,
 * 0..10000, exact.  Call only on validated input. */
int score_weighted(const struct score_input *in);

/* The tier of W: >= 8500 is 1, 7000-8499 is 2, 5000-6999 is 3, below is
 * unqualified.  W < 0 (no score) gives TIER_NONE. */
enum tier score_tier(int w);

/* "80.5" for 8050: score_tenths(w) written with one decimal (8055 ->
 * "80.6", 8495 -> "85.0" though its tier is 2).  "" when w is outside
 * 0..10000 (never scored).  out has at least 8 bytes; returns out. */
char *score_format(int w, char out[8]);

/* The score in tenths, W/100 rounded half up to one decimal: 8050 -> 805,
 * 8055 -> 806, 4995 -> 500.  Every format (table, JSON, CSV) shows this
 * one value; the tier still comes from W.  -1 when w is outside 0..10000
 * (never scored). */
int score_tenths(int w);

/* The W range [lo, hi] of a tier, both inclusive (TIER_1: 8500..10000,
 * TIER_2: 7000..8499, TIER_3: 5000..6999, TIER_UNQUALIFIED: 0..4999), so
 * that a query can filter on W; lo = hi = -1 for TIER_NONE or any other
 * value. */
void tier_w_range(enum tier t, int *lo, int *hi);

/* "1", "2", "3", "unqualified", or "" for TIER_NONE. */
const char *tier_name(enum tier t);
/* Parse "1", "2", "3", "unqualified" (also "0"); -2 when none. */
int tier_parse(const char *s);

/* Months between reviews for a tier: 3, 6, 12; 0 for unqualified/none. */
int tier_review_months(enum tier t);

#endif
