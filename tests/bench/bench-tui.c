/* bench-tui: whether a keypress in the interface waits on work that grows
 * with the portfolio, how long the loads take, and whether both stay
 * within their targets.
 *
 * Builds two temporary databases, of N/10 and of N partners (default
 * 5000), filled by bench_fill (bench-fill.c), and drives the view states
 * of include/ally/ui-*.h on each, with no terminal: the keys of the
 * Portfolio, Renewals, History and partner detail states, what a redraw
 * of the Portfolio reads, and the loads a view makes when it is opened,
 * after its own change or when another session commits.  Prints one line
 * per measurement and size, then one per growth check, and exits 1 when
 * a target is missed, so `meson test --benchmark` turns red on a regression.
 *
 * Targets, set from measurements on a 2-core build machine at N = 5000
 * (in brackets) with room for a slower or busier one:
 *   - a move (j/k, PgDn, G, Tab; [under 0.0001 ms]) needs far less than
 *     a frame: 0.05 ms;
 *   - a key that scans every row in memory stays under 5 ms at 5000
 *     partners, a twentieth of the 100 ms at which a reaction stops
 *     feeling immediate: a search keystroke with no match [1.4 ms], n/N
 *     with one match [1.7 ms], a sort [0.7 ms], the renewal horizon
 *     [0.1 ms].  These are reported as growing with N, not checked for
 *     it: they are linear (the sort O(n log n)), which 5 ms bounds up to
 *     about 15000 partners;
 *   - loads: the Portfolio [34 ms], the renewals [15 ms] and the
 *     dashboard [48 ms] read every partner or contract, 250 ms; one page
 *     of history [4 ms] and one partner's detail [0.05 ms], 20 ms;
 *   - what a redraw of the Portfolio reads from its state [0.03 ms], 1 ms.
 * Growth: a measurement marked flat must take at N at most three times
 * what it takes at N/10 (plus a little absolute slack for timer noise);
 * a cost linear in N takes ten times as long.  The history's page and
 * keys are marked flat because the audit log grows without bound: a
 * page must cost the same in a log of a million rows.
 * Peak memory (ru_maxrss) [20 MiB] stays under 64 MiB.
 * Usage: bench-tui [N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ally/err.h"
#include "ally/store.h"
#include "ally/ui-dashboard.h"
#include "ally/ui-history.h"
#include "ally/ui-partner.h"
#include "ally/ui-portfolio.h"
#include "ally/ui-renewals.h"
#include "ally/ui.h"
#include "ally/util.h"
#include "bench-fill.h"
#include "tmpdir.h"

#define RUNS        5    /* the best of these counts: the least disturbed */
#define MOVES       2000 /* key pairs per run of a movement measurement */
#define SCANS       10   /* key pairs per run of a measurement that scans */
#define HEIGHT      40   /* rows a screen shows */
#define FLAT_FACTOR 3    /* at N at most this times the time at N/10 (plus slack) */


/* Everything one database's measurements work on. */
struct ctx {
	struct store *s;
	int n;                     /* partners */
	ally_date today;
	struct portfolio *pf;
	struct renewals_state rn;
	struct ui_history *hi;
	struct ui_partner *pd;
	struct dashboard_state db;
	char unique[16];           /* a text only one partner's name contains */
	size_t rows;               /* rows the last load read, for the report */
};

/* ---- the loads, as the views make them ---- */

static size_t load_portfolio(struct ctx *c)
{
	struct ally_err err;

	if (portfolio_load(c->pf, c->s, c->today, &err) != ALLY_OK)
		bench_die("bench-tui", "portfolio_load", &err);
	c->rows = portfolio_count(c->pf);
	return 1;
}

/* As view-renewals.c: every row of the longest horizon. */
static size_t load_renewals(struct ctx *c)
{
	struct renewal_list list = { NULL, 0 };
	struct ally_err err;

	if (store_renewals(c->s, c->today, RENEWALS_HORIZON_MAX, &list, &err) != ALLY_OK)
		bench_die("bench-tui", "store_renewals", &err);
	renewals_reload(&c->rn, &list);
	renewal_list_finish(&list);
	c->rows = c->rn.ncontracts;
	return 1;
}

static size_t load_history(struct ctx *c)
{
	struct ally_err err;

	if (ui_history_load(c->hi, &err) != ALLY_OK)
		bench_die("bench-tui", "ui_history_load", &err);
	c->rows = c->hi->win.n;
	return 1;
}

/* The history view scrolled to the oldest rows when another session
 * commits: the load fetches the window there. */
static void history_to_end(struct ctx *c)
{
	listnav_go(&c->hi->nav, c->hi->nav.n);
	load_history(c);
}

static void history_to_top(struct ctx *c)
{
	listnav_go(&c->hi->nav, 0);
	load_history(c);
}

static size_t load_detail(struct ctx *c)
{
	struct ally_err err;

	if (ui_partner_load(c->pd, c->s, c->today, &err) != ALLY_OK || !c->pd->loaded)
		bench_die("bench-tui", "ui_partner_load", &err);
	return 1;
}

/* As view-dashboard.c: the three lists in one snapshot. */
static size_t load_dashboard(struct ctx *c)
{
	struct partner_list pl = { NULL, 0 };
	struct renewal_list rl = { NULL, 0 };
	struct tier_value_list vl = { NULL, 0 };
	struct partner_filter f;
	struct ally_err err;
	int rc;

	partner_filter_init(&f);
	rc = store_begin_read(c->s, &err);
	if (rc == ALLY_OK)
		rc = store_partner_list(c->s, &f, c->today, &pl, &err);
	if (rc == ALLY_OK)
		rc = store_renewals(c->s, c->today, dash_horizons[DASH_HORIZONS - 1], &rl, &err);
	if (rc == ALLY_OK)
		rc = store_value_by_tier(c->s, &vl, &err);
	store_rollback(c->s);
	if (rc != ALLY_OK)
		bench_die("bench-tui", "dashboard", &err);
	dashboard_state_reload(&c->db, &pl, &rl, &vl);
	partner_list_finish(&pl);
	renewal_list_finish(&rl);
	tier_value_list_finish(&vl);
	c->rows = c->db.d.partners;
	return 1;
}

/* ---- keys: each returns how many it pressed ---- */

static size_t pairs(struct listnav *l, int a, int b, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		listnav_key(l, a);
		listnav_key(l, b);
	}
	return 2 * count;
}

static size_t pf_jk(struct ctx *c)
{
	return pairs(&c->pf->nav, 'j', 'k', MOVES);
}

static size_t pf_page(struct ctx *c)
{
	return pairs(&c->pf->nav, UK_PGDN, UK_PGUP, MOVES);
}

static size_t pf_end(struct ctx *c)
{
	return pairs(&c->pf->nav, 'G', 'g', MOVES);
}

/* 's' through every order back to the first, then 'S' twice. */
static size_t pf_sort(struct ctx *c)
{
	for (int i = 0; i < PF_SORT_COUNT; i++)
		portfolio_sort_next(c->pf);
	portfolio_sort_reverse(c->pf);
	portfolio_sort_reverse(c->pf);
	return PF_SORT_COUNT + 2;
}

/* Typing the name of one partner three quarters down the list, digit by
 * digit, then taking the digits back: each key selects the first match
 * from where '/' was pressed. */
static void search_open(struct ctx *c)
{
	listnav_go(&c->pf->nav, 0);
	portfolio_search_begin(c->pf);
}

static void search_close(struct ctx *c)
{
	portfolio_search_key(c->pf, UK_ESC);
}

static size_t pf_type(struct ctx *c)
{
	size_t len = strlen(c->unique);

	for (size_t i = 0; i < len; i++)
		portfolio_search_key(c->pf, (unsigned char)c->unique[i]);
	for (size_t i = 0; i < len; i++)
		portfolio_search_key(c->pf, UK_BACKSPACE);
	return 2 * len;
}

/* The worst keystroke: text no name contains, so each key reads every
 * name before it gives up. */
static void search_open_nomatch(struct ctx *c)
{
	search_open(c);
	portfolio_search_key(c->pf, 'x');
}

static size_t pf_type_nomatch(struct ctx *c)
{
	for (int i = 0; i < SCANS; i++) {
		portfolio_search_key(c->pf, 'y');
		portfolio_search_key(c->pf, UK_BACKSPACE);
	}
	return 2 * SCANS;
}

/* n and N with one partner matching: each goes the full circle. */
static void search_set_unique(struct ctx *c)
{
	search_open(c);
	for (const char *p = c->unique; *p; p++)
		portfolio_search_key(c->pf, (unsigned char)*p);
	portfolio_search_key(c->pf, UK_ENTER);
}

static size_t pf_next(struct ctx *c)
{
	for (int i = 0; i < SCANS; i++) {
		if (portfolio_search_next(c->pf, 1) == PF_NOT_FOUND ||
		    portfolio_search_next(c->pf, -1) == PF_NOT_FOUND) {
			fprintf(stderr, "bench-tui: n found no %s\n", c->unique);
			exit(2);
		}
	}
	return 2 * SCANS;
}

/* What view-portfolio.c reads from the state to draw one screen. */
static size_t pf_redraw(struct ctx *c)
{
	for (int k = 0; k < SCANS; k++) {
		size_t top = c->pf->nav.top, n = portfolio_count(c->pf);
		char *head = portfolio_header(c->pf, false);

		for (size_t i = top; i < n && i < top + HEIGHT; i++) {
			const struct partner_row *r = portfolio_row(c->pf, i);
			char next[PF_NEXT_BUFSZ];
			char *flags = pf_flags_text(r->flags, 13);

			pf_next_text(r->next_action, c->today, false, next);
			(void)portfolio_row_matches(c->pf, i);
			free(flags);
		}
		free(head);
	}
	return SCANS;
}

static size_t rn_jk(struct ctx *c)
{
	size_t k = 0;

	for (int i = 0; i < MOVES; i++, k += 2) {
		renewals_key(&c->rn, 'j');
		renewals_key(&c->rn, 'k');
	}
	return k;
}

static size_t rn_end(struct ctx *c)
{
	size_t k = 0;

	for (int i = 0; i < MOVES; i++, k += 2) {
		renewals_key(&c->rn, 'G');
		renewals_key(&c->rn, 'g');
	}
	return k;
}

/* '-' and '+' from the default 90 days: the lines are laid out again
 * from the rows in memory. */
static size_t rn_horizon(struct ctx *c)
{
	for (int i = 0; i < SCANS; i++) {
		renewals_step_horizon(&c->rn, -RENEWALS_HORIZON_STEP);
		renewals_step_horizon(&c->rn, RENEWALS_HORIZON_STEP);
	}
	return 2 * SCANS;
}

static size_t hi_keys(struct ctx *c, int a, int b, size_t count)
{
	struct ally_err err;
	int64_t open;

	for (size_t i = 0; i < count; i++) {
		ui_history_key(c->hi, a, &open, &err);
		if (err.status != ALLY_OK)
			bench_die("bench-tui", "history key", &err);
		ui_history_key(c->hi, b, &open, &err);
		if (err.status != ALLY_OK)
			bench_die("bench-tui", "history key", &err);
	}
	return 2 * count;
}

static size_t hi_jk(struct ctx *c)
{
	return hi_keys(c, 'j', 'k', MOVES);
}

/* G fetches the oldest window, g the newest. */
static size_t hi_end(struct ctx *c)
{
	return hi_keys(c, 'G', 'g', SCANS);
}

/* Paging on from the middle of the log: a fetch every other page. */
static void history_to_middle(struct ctx *c)
{
	listnav_go(&c->hi->nav, c->hi->nav.n / 2);
	load_history(c);
}

static size_t hi_page(struct ctx *c)
{
	struct ally_err err;
	int64_t open;

	for (int i = 0; i < SCANS; i++) {
		ui_history_key(c->hi, UK_PGDN, &open, &err);
		if (err.status != ALLY_OK)
			bench_die("bench-tui", "history key", &err);
	}
	return SCANS;
}

static size_t pd_keys(struct ctx *c)
{
	for (int i = 0; i < MOVES; i++) {
		ui_partner_key(c->pd, UK_TAB);
		ui_partner_key(c->pd, 'j');
		ui_partner_key(c->pd, 'k');
		ui_partner_key(c->pd, UK_BTAB);
	}
	return 4 * MOVES;
}

/* ---- the measurements ---- */

enum growth {
	FLAT,  /* must not grow with N: checked */
	GROWS, /* scans what is in memory or the table: reported */
};

struct bench {
	const char *name;
	size_t (*run)(struct ctx *);    /* timed; returns the operations done */
	void (*setup)(struct ctx *);    /* before each run, not timed (NULL: none) */
	void (*teardown)(struct ctx *); /* after each run, not timed (NULL: none) */
	double target;                  /* ms per operation, at either size */
	enum growth growth;
	double slack;                   /* ms added to the flat bound: timer noise */
};

/* Keys are measured after the loads they work on (the table's order). */
static const struct bench benches[] = {
	{ "portfolio load", load_portfolio, NULL, NULL, 250, GROWS, 0 },
	{ "portfolio key j/k", pf_jk, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "portfolio key PgDn/PgUp", pf_page, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "portfolio key G/g", pf_end, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "portfolio redraw reads (40 rows)", pf_redraw, search_set_unique, NULL, 1, FLAT,
	  0.05 },
	{ "portfolio key s/S (sort)", pf_sort, NULL, NULL, 5, GROWS, 0 },
	{ "portfolio search keystroke", pf_type, search_open, search_close, 5, GROWS, 0 },
	{ "portfolio search key, no match", pf_type_nomatch, search_open_nomatch, search_close, 5,
	  GROWS, 0 },
	{ "portfolio key n/N (one match)", pf_next, search_set_unique, NULL, 5, GROWS, 0 },
	{ "renewals load", load_renewals, NULL, NULL, 250, GROWS, 0 },
	{ "renewals key j/k", rn_jk, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "renewals key G/g", rn_end, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "renewals key -/+ (horizon)", rn_horizon, NULL, NULL, 5, GROWS, 0 },
	{ "history load (newest page)", load_history, history_to_top, NULL, 20, FLAT, 1 },
	{ "history load (oldest page)", load_history, history_to_end, NULL, 20, FLAT, 1 },
	{ "history key j/k", hi_jk, history_to_top, NULL, 0.05, FLAT, 0.001 },
	{ "history key PgDn (mid-log)", hi_page, history_to_middle, NULL, 5, FLAT, 0.5 },
	{ "history key G/g", hi_end, history_to_top, NULL, 5, FLAT, 0.5 },
	{ "detail load (one partner)", load_detail, NULL, NULL, 20, FLAT, 1 },
	{ "detail key Tab/j/k", pd_keys, NULL, NULL, 0.05, FLAT, 0.001 },
	{ "dashboard load", load_dashboard, NULL, NULL, 250, GROWS, 0 },
};
#define NBENCH (sizeof benches / sizeof benches[0])

/* Time per operation of b, the best of RUNS runs. */
static double measure(const struct bench *b, struct ctx *c)
{
	double best = 1e9;

	for (int r = 0; r < RUNS; r++) {
		double t0, t;
		size_t ops;

		if (b->setup != NULL)
			b->setup(c);
		c->rows = 0; /* a setup's load is not the measurement's */
		t0 = bench_now_ms();
		ops = b->run(c);
		t = (bench_now_ms() - t0) / (double)ops;
		if (b->teardown != NULL)
			b->teardown(c);
		if (t < best)
			best = t;
	}
	return best;
}

/* Fill a database of n partners in dir and time every measurement on it
 * into ms[]. */
static void run_size(const char *dir, int n, double *ms)
{
	struct store_opts opts = { .journal = STORE_JOURNAL_AUTO, .user = "bench" };
	struct ally_err err;
	struct ctx c;
	char path[64];
	double t0;

	memset(&c, 0, sizeof c);
	snprintf(path, sizeof path, "%s/bench-%d.db", dir, n);
	c.s = store_open(path, &opts, &err);
	if (c.s == NULL || store_migrate(c.s, &err) != ALLY_OK)
		bench_die("bench-tui", "open", &err);
	c.n = n;
	c.today = date_from_ymd(2026, 11, 22);
	t0 = bench_now_ms();
	bench_fill(c.s, n, c.today);
	printf("filled %d partners, %d contracts in %.0f ms (%s journal)\n", n, 2 * n,
	       bench_now_ms() - t0, store_journal_mode(c.s));
	snprintf(c.unique, sizeof c.unique, "%05d", n * 3 / 4 + 1);

	c.pf = portfolio_new();
	listnav_set_height(&c.pf->nav, HEIGHT);
	renewals_init(&c.rn);
	renewals_set_height(&c.rn, HEIGHT);
	c.hi = ui_history_new(c.s);
	ui_history_set_height(c.hi, HEIGHT);
	c.pd = ui_partner_new(n / 2 + 1);
	ui_partner_set_height(c.pd, HEIGHT);
	dashboard_state_init(&c.db);

	for (size_t i = 0; i < NBENCH; i++) {
		ms[i] = measure(&benches[i], &c);
		printf("%-34s N=%-6d %10.4f ms  (target %7.2f ms", benches[i].name, n, ms[i],
		       benches[i].target);
		if (c.rows > 0)
			printf(", %zu rows", c.rows);
		printf(")%s\n", ms[i] > benches[i].target ? "  OVER TARGET" : "");
	}
	printf("  (%zu audit rows in the log)\n", c.hi->nav.n);

	portfolio_free(c.pf);
	renewals_finish(&c.rn);
	ui_history_free(c.hi);
	ui_partner_free(c.pd);
	dashboard_state_finish(&c.db);
	store_close(c.s);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	char dir[] = "/tmp/ally-bench-XXXXXX";
	double small[NBENCH], large[NBENCH];
	int over = 0;
	struct rusage ru;

	if (n < 10 || mkdtemp(dir) == NULL)
		return 2;
	run_size(dir, n / 10, small);
	run_size(dir, n, large);

	printf("growth from N=%d to N=%d:\n", n / 10, n);
	for (size_t i = 0; i < NBENCH; i++) {
		const struct bench *b = &benches[i];
		double ratio = small[i] > 0 ? large[i] / small[i] : 0;
		bool grew = large[i] > FLAT_FACTOR * small[i] + b->slack;

		over |= small[i] > b->target || large[i] > b->target;
		if (b->growth == FLAT) {
			printf("%-34s %6.1fx  (flat: at most %dx + %.3f ms)%s\n", b->name, ratio,
			       FLAT_FACTOR, b->slack, grew ? "  GROWS WITH N" : "");
			over |= grew;
		} else {
			printf("%-34s %6.1fx  (scans the rows: grows with N)\n", b->name, ratio);
		}
	}

	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory %ld KiB (target %d KiB)%s\n", ru.ru_maxrss, 64 * 1024,
	       ru.ru_maxrss > 64 * 1024 ? "  OVER TARGET" : "");
	if (ru.ru_maxrss > 64 * 1024)
		over = 1;
	if (tmpdir_remove(dir) != 0)
		fprintf(stderr, "bench-tui: could not remove %s\n", dir);
	return over;
}
