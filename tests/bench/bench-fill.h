/* bench-fill.h: the portfolio both benchmarks measure on. */
#ifndef ALLY_BENCH_FILL_H
#define ALLY_BENCH_FILL_H

#include "ally/date.h"
#include "ally/err.h"

struct store;

/* Milliseconds on the monotonic clock. */
double bench_now_ms(void);
/* Print "PROG: what: message" and exit 2: a benchmark that cannot set up
 * measures nothing. */
void bench_die(const char *prog, const char *what, const struct ally_err *err);
/* Add n partners in one transaction, each with a scoring, a status, two
 * contracts (ends spread over -1..+2 years around today, so every band is
 * large) and two contacts (a third of them executive sponsors). */
void bench_fill(struct store *s, int n, ally_date today);

#endif
