/* figures.h: quarterly key figures, targets, and what they say. */
#ifndef ALLY_FIGURES_H
#define ALLY_FIGURES_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

struct ally_err;

enum metric { METRIC_REVENUE, METRIC_NEW_CUSTOMERS, METRIC_LEADS, METRIC_LEAD_CONVERSION,
	      METRIC_JOINT_CUSTOMERS, METRIC_SATISFACTION, METRIC_CAMPAIGNS, METRIC_REFERRALS,
	      METRIC_COUNT };
extern const char *const metric_names[]; /* "revenue", "new_customers", ..., "lead_conversion", ... */

/* A quarter is year * 4 + (q - 1): 2026-Q3 is 2026*4+2.  Consecutive
 * quarters differ by one. */
int quarter_parse_field(const char *s, const char *field, int *out, struct ally_err *err);
char *quarter_format(int quarter, char out[8]); /* "2026-Q3" */
int quarter_of_date(int32_t date);             /* ally_date -> quarter */

/* Every value is fixed point with two decimals (x100): revenue in cents,
 * conversion 12.5% as 1250, satisfaction 8.5 as 850, counts as n*100.
 * Satisfaction must be 0-10 and conversion 0-100. */
int metric_value_parse(enum metric m, const char *s, int64_t *out, struct ally_err *err);
char *metric_value_format(enum metric m, int64_t v, char out[32]);

/* One partner's figures for one quarter; a missing value is -1. */
struct quarter_figures {
	int quarter;
	int64_t target[METRIC_COUNT];
	int64_t actual[METRIC_COUNT];
};
void quarter_figures_init(struct quarter_figures *q, int quarter);

/* Met target: with a revenue target, decided by revenue alone (actual >=
 * target); with a revenue target but no revenue actual yet, the quarter
 * says nothing (*known false), whatever the other figures say.  Without a
 * revenue target: actual >= target for a strict majority of the figures
 * that have both.  With no such figure, *known is false.  The result is
 * false whenever *known is. */
bool figures_quarter_met(const struct quarter_figures *q, bool *known);

/* Over quarters sorted oldest first, counted back from the last completed
 * quarter (current_quarter - 1; the quarter in progress and any later one
 * are ignored): an expansion candidate met target in each of the last 2
 * quarters; exit watch missed it in each of the last 3.  A missing
 * quarter, or one that says nothing, ends the streak, so figures that
 * stop before current_quarter - 1 raise no flag.  current_quarter is
 * quarter_of_date(today). */
bool figures_expansion_candidate(const struct quarter_figures *q, size_t n, int current_quarter);
bool figures_exit_watch(const struct quarter_figures *q, size_t n, int current_quarter);

#endif
