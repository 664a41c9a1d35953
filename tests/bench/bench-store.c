/* bench-store: how long the queries behind the daily review take on a large
 * portfolio, and whether they stay within their targets.
 *
 * Builds a temporary database of N partners (default 5000), each with two
 * contracts, two contacts, a scoring and a status, then times the renewal
 * list, the full partner list with flags, a partner lookup by name and one
 * status update.  Prints one line per measurement and exits 1 when one is
 * over its target, so `meson benchmark` turns red on a regression.
 * Usage: bench-store [N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ally/err.h"
#include "ally/store.h"
#include "ally/util.h"
#include "bench-fill.h"
#include "tmpdir.h"

#define RUNS 5


/* The best of RUNS runs: the least disturbed by the rest of the machine. */
#define MEASURE(best, body)                                      \
	do {                                                     \
		best = 1e9;                                      \
		for (int r_ = 0; r_ < RUNS; r_++) {              \
			double t0_ = bench_now_ms();             \
			body;                                    \
			double t_ = bench_now_ms() - t0_;        \
			if (t_ < best)                           \
				best = t_;                       \
		}                                                \
	} while (0)

static int report(const char *what, double ms, double target, size_t rows)
{
	int over = ms > target;

	printf("%-34s %9.2f ms  (target %6.0f ms, %zu rows)%s\n", what, ms, target, rows,
	       over ? "  OVER TARGET" : "");
	return over;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	char dir[] = "/tmp/ally-bench-XXXXXX", path[64];
	struct store_opts opts = { .journal = STORE_JOURNAL_AUTO, .user = "bench" };
	struct ally_err err;
	struct store *s;
	ally_date today = date_from_ymd(2026, 11, 22);
	double ms;
	int over = 0;
	size_t rows = 0;
	struct rusage ru;

	if (n < 1 || mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/bench.db", dir);
	s = store_open(path, &opts, &err);
	if (s == NULL || store_migrate(s, &err) != ALLY_OK)
		bench_die("bench-store", "open", &err);
	ms = bench_now_ms();
	bench_fill(s, n, today);
	printf("filled %d partners, %d contracts in %.0f ms (%s journal)\n", n, 2 * n,
	       bench_now_ms() - ms, store_journal_mode(s));

	MEASURE(ms, {
		struct renewal_list l;
		if (store_renewals(s, today, 90, &l, &err) != ALLY_OK)
			bench_die("bench-store", "renewals", &err);
		rows = l.n;
		renewal_list_finish(&l);
	});
	over |= report("renewals --within 90", ms, 50, rows);

	MEASURE(ms, {
		struct partner_list l;
		struct partner_filter f;
		partner_filter_init(&f);
		if (store_partner_list(s, &f, today, &l, &err) != ALLY_OK)
			bench_die("bench-store", "list", &err);
		rows = l.n;
		partner_list_finish(&l);
	});
	over |= report("partner list (all, with flags)", ms, 250, rows);

	MEASURE(ms, {
		struct partner p;
		partner_init(&p);
		if (store_partner_find(s, "PARTNER 04242", &p, &err) != ALLY_OK &&
		    n >= 4242)
			bench_die("bench-store", "find", &err);
		partner_finish(&p);
	});
	over |= report("partner lookup by name", ms, 2, 1);

	MEASURE(ms, {
		if (store_status_add(s, 1, HEALTH_AMBER, "bench", today, &err) != ALLY_OK)
			bench_die("bench-store", "status", &err);
	});
	over |= report("status update (one transaction)", ms, 100, 1);

	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory %ld KiB\n", ru.ru_maxrss);
	if (ru.ru_maxrss > 64 * 1024) {
		printf("peak memory over the 64 MiB target\n");
		over = 1;
	}
	store_close(s);
	if (tmpdir_remove(dir) != 0)
		fprintf(stderr, "bench-store: could not remove %s\n", dir);
	return over;
}
