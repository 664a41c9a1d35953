/* check-flag-dates.c: the today-independent dates give the same flags,
 * next action and streaks as the rules computed as of each day. */
#include <stdint.h>
#include <string.h>

#include "ally/flag-dates.h"
#include "ally/flags.h"
#include "ally/phase.h"
#include "ally/review.h"
#include "ally/score.h"
#include "core-test.h"

/* A small deterministic generator, so a failure names a case that can be
 * run again. */
static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int pick(uint32_t *s, int lo, int hi)
{
	return lo + (int)(next_rand(s) % (uint32_t)(hi - lo + 1));
}

#define MAX_CONTRACTS 4

/* A partner as the store holds it: its fields and its active contracts. */
struct world {
	struct flag_basis b;
	int n;
	ally_date start[MAX_CONTRACTS], end[MAX_CONTRACTS], notice[MAX_CONTRACTS];
};

static ally_date maybe(uint32_t *s, ally_date base, int spread)
{
	return pick(s, 0, 5) == 0 ? DATE_NONE : base + pick(s, -spread, spread);
}

static void world_make(uint32_t *s, ally_date base, struct world *w)
{
	memset(w, 0, sizeof *w);
	w->b.phase = pick(s, 0, PHASE_COUNT - 1);
	w->b.score_w = pick(s, 0, 4) == 0 ? -1 : pick(s, 0, 10000);
	w->b.scored_on = w->b.score_w < 0 ? DATE_NONE : base + pick(s, -500, 0);
	w->b.status_date = maybe(s, base, 80);
	w->b.last_qbr = maybe(s, base - 200, 200);
	w->b.last_steering = maybe(s, base - 200, 200);
	w->b.has_sponsor = pick(s, 0, 1);
	w->n = pick(s, 0, MAX_CONTRACTS);
	w->b.first_start = w->b.min_end = DATE_NONE;
	for (int i = 0; i < w->n; i++) {
		w->start[i] = base + pick(s, -700, 100);
		w->end[i] = w->start[i] + pick(s, 30, 900);
		w->notice[i] = pick(s, 0, 1) ? w->end[i] - pick(s, 0, 120) : DATE_NONE;
		if (w->b.first_start == DATE_NONE || w->start[i] < w->b.first_start)
			w->b.first_start = w->start[i];
		if (w->b.min_end == DATE_NONE || w->end[i] < w->b.min_end)
			w->b.min_end = w->end[i];
	}
}

/* The facts as the partner list gathers them as of today. */
static void facts_at(const struct world *w, ally_date today, struct partner_facts *f)
{
	memset(f, 0, sizeof *f);
	f->phase = w->b.phase;
	f->tier = score_tier(w->b.score_w);
	f->status_date = w->b.status_date;
	f->first_active_start = w->b.first_start;
	f->last_qbr = w->b.last_qbr;
	f->last_steering = w->b.last_steering;
	f->scored_on = w->b.scored_on;
	f->min_end = w->b.min_end;
	f->min_end_ahead = f->min_notice = DATE_NONE;
	f->has_sponsor = w->b.has_sponsor;
	for (int i = 0; i < w->n; i++) {
		if (w->end[i] >= today && (f->min_end_ahead == DATE_NONE || w->end[i] < f->min_end_ahead))
			f->min_end_ahead = w->end[i];
		if (w->notice[i] != DATE_NONE && w->notice[i] >= today &&
		    (f->min_notice == DATE_NONE || w->notice[i] < f->min_notice))
			f->min_notice = w->notice[i];
	}
}

/* What the store's queries ask of the contracts as of today. */
static void today_at(const struct world *w, ally_date today, struct flag_today *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < w->n; i++) {
		if (w->end[i] >= today && w->end[i] <= today + FLAG_WINDOW_DAYS)
			t->end_in_window = true;
		if (w->notice[i] != DATE_NONE && w->notice[i] >= today &&
		    w->notice[i] <= today + FLAG_NOTICE_DAYS)
			t->notice_soon = true;
	}
}

START_TEST(same_flags_every_day)
{
	uint32_t seed = 0x9e3779b9u;
	ally_date base = D("2026-06-15");

	for (int c = 0; c < 3000; c++) {
		struct world w;
		struct flag_dates d;

		world_make(&seed, base, &w);
		flag_dates_of(&w.b, &d);
		for (ally_date today = base - 400; today <= base + 400; today += 7) {
			struct partner_facts f;
			struct flag_today t;

			facts_at(&w, today, &f);
			today_at(&w, today, &t);
			check_msg(flag_dates_flags(&d, &t, today) == partner_flags(&f, today),
				  "case %d, day %d: %#x, want %#x", c, today - base,
				  flag_dates_flags(&d, &t, today), partner_flags(&f, today));
		}
	}
}
END_TEST

/* Each flag just on and just off at the day flag_dates_of gives. */
START_TEST(first_days)
{
	struct flag_basis b = { PHASE_LAUNCH, 9000, D("2026-01-10"), D("2026-03-01"),
				D("2026-01-31"), DATE_NONE, DATE_NONE, D("2026-12-31"), false };
	struct flag_dates d;

	flag_dates_of(&b, &d);
	ck_assert_int_eq(d.tier, TIER_1);
	ck_assert_int_eq(d.stale_from, D("2026-04-01")); /* 31 days after */
	ck_assert_int_eq(d.behind_from, D("2026-04-30")); /* 3 months, clamped */
	ck_assert_int_eq(d.review_due, D("2026-04-30")); /* tier 1: 3 months from the start */
	ck_assert(d.no_sponsor);
	ck_assert(d.renewal_watch);
	b.phase = PHASE_EXIT;
	flag_dates_of(&b, &d);
	ck_assert_int_eq(d.review_due, DATE_NONE);
	ck_assert_int_eq(d.stale_from, DATE_NONE);
	ck_assert_int_eq(d.behind_from, DATE_NONE);
	ck_assert(!d.no_sponsor && !d.renewal_watch);
	b.phase = PHASE_STEADY_STATE;
	b.status_date = DATE_NONE;
	flag_dates_of(&b, &d);
	ck_assert_int_eq(d.stale_from, FLAG_DAY_MIN);
}
END_TEST

/* The piece that holds today names the next action the rule gives. */
START_TEST(pieces_every_day)
{
	uint32_t seed = 12345;
	ally_date base = D("2026-06-15");

	for (int c = 0; c < 3000; c++) {
		struct world w;
		struct next_piece p[MAX_CONTRACTS + 1];
		size_t n;

		world_make(&seed, base, &w);
		n = next_action_pieces(w.b.min_end, w.notice, (size_t)w.n, p);
		ck_assert_uint_ge(n, 1);
		ck_assert_int_eq(p[0].from, FLAG_DAY_MIN);
		ck_assert_int_eq(p[n - 1].until, FLAG_DAY_MAX);
		for (size_t i = 1; i < n; i++)
			ck_assert_int_eq(p[i].from, p[i - 1].until + 1);
		for (ally_date today = base - 900; today <= base + 900; today++) {
			struct partner_facts f;
			ally_date want, got = DATE_NONE;

			facts_at(&w, today, &f);
			want = partner_next_action(&f);
			for (size_t i = 0; i < n; i++)
				if (p[i].from <= today && today <= p[i].until)
					got = p[i].day;
			check_msg(got == (want == DATE_NONE ? FLAG_DAY_MAX : want),
				  "case %d, day %d: %d, want %d", c, today - base, got, want);
		}
	}
}
END_TEST

START_TEST(pieces_simple)
{
	ally_date notices[] = { 150, 90, 90, 40 };
	struct next_piece p[5];

	ck_assert_uint_eq(next_action_pieces(DATE_NONE, NULL, 0, p), 1);
	ck_assert_int_eq(p[0].day, FLAG_DAY_MAX);
	/* End 100: the deadlines 40 and 90 come first, 150 never. */
	ck_assert_uint_eq(next_action_pieces(100, notices, 4, p), 3);
	ck_assert_int_eq(p[0].day, 40);
	ck_assert_int_eq(p[0].until, 40);
	ck_assert_int_eq(p[1].day, 90);
	ck_assert_int_eq(p[1].from, 41);
	ck_assert_int_eq(p[2].day, 100);
	ck_assert_int_eq(p[2].from, 91);
}
END_TEST

/* A quarter that met (m 1), missed (0) or says nothing (-1). */
static void quarter(struct quarter_figures *q, int quarter_no, int m)
{
	quarter_figures_init(q, quarter_no);
	if (m < 0)
		return;
	q->target[METRIC_REVENUE] = 100;
	q->actual[METRIC_REVENUE] = m ? 150 : 50;
}

START_TEST(streak_spans_every_quarter)
{
	uint32_t seed = 777;

	for (int c = 0; c < 2000; c++) {
		struct quarter_figures q[12];
		struct quarter_span sp[12];
		size_t n = (size_t)pick(&seed, 0, 12), k = 0;
		int qn = 8000;

		for (size_t i = 0; i < n; i++) {
			qn += pick(&seed, 0, 4) == 0 ? 2 : 1; /* a gap now and then */
			quarter(&q[i], qn, pick(&seed, -1, 1));
		}
		for (int met = 0; met < 2; met++) {
			int need = met ? FIGURES_EXPANSION_NEED : FIGURES_EXIT_NEED;

			k = figures_streak_spans(q, n, met, need, sp);
			for (int cur = 7990; cur <= 8040; cur++) {
				bool want = met ? figures_expansion_candidate(q, n, cur)
						: figures_exit_watch(q, n, cur);
				bool got = false;

				for (size_t i = 0; i < k; i++)
					got |= sp[i].from <= cur && cur <= sp[i].until;
				check_msg(got == want, "case %d, met %d, quarter %d", c, met, cur);
			}
		}
	}
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "flag_dates_flags", same_flags_every_day },
		{ "flag_dates_of", first_days },
		{ "next_action_pieces", pieces_every_day },
		{ "next_action_pieces", pieces_simple },
		{ "figures_streak_spans", streak_spans_every_quarter },
	};

	return run_suite(suite_from("flag-dates", cases, sizeof cases / sizeof cases[0]));
}
