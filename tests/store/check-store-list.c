/* check-store-list.c: the partner list: filters, sorts, facts and the
 * flags the core derives from them. */
#include <stdlib.h>
#include <string.h>
#include "ally/text.h"
#include "ally/util.h"
#include "fixture.h"

#define TODAY "2026-06-01"

static int64_t ids[5]; /* alpha, Bravo, charlie, delta, Echo */

static int64_t portfolio_partner(const char *name, int type, int phase, const char *owner, int all)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = type;
	p.phase = phase;
	p.owner = xstrdup(owner);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	id = p.id;
	partner_finish(&p);
	if (all >= 0) {
		struct score_input in = { all, all, all, all, all };

		ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-05-01"), NULL, &err), err);
	}
	return id;
}

static void figure(int64_t pid, int quarter, int64_t target, int64_t actual)
{
	struct ally_err err = { 0 };

	ck_assert_ok(store_figure_set(fx_store, pid, quarter, METRIC_REVENUE, target, actual, &err),
		     err);
}

/* Five partners covering tiers, phases, owners and most flags. */
static void portfolio_setup(void)
{
	struct ally_err err = { 0 };
	struct contact c;

	fx_setup();
	ids[0] = portfolio_partner("alpha", PTYPE_STRATEGIC_ALLIANCE, PHASE_LAUNCH, "Dana", 90);
	ids[1] = portfolio_partner("Bravo", PTYPE_CHANNEL, PHASE_RENEWAL, "robin", 75);
	ids[2] = portfolio_partner("charlie", PTYPE_TECHNOLOGY, PHASE_PROSPECT, "dana", 60);
	ids[3] = portfolio_partner("delta", PTYPE_REFERRAL, PHASE_EXIT, "robin", -1);
	ids[4] = portfolio_partner("Echo", PTYPE_CO_MARKETING, PHASE_PROSPECT, "sam", 40);
	fx_contract(ids[0], "alpha main", "2025-07-16", "2026-07-15", false, 60);
	fx_contract(ids[1], "bravo auto", "2025-02-01", "2027-01-31", true, 240);
	fx_contract(ids[3], "delta old", "2025-05-02", "2026-05-01", false, 60);
	ck_assert_ok(store_status_add(fx_store, ids[1], HEALTH_GREEN, NULL, D(TODAY), &err), err);
	contact_init(&c);
	c.partner_id = ids[1];
	c.name = xstrdup("Kim Lee");
	c.role = xstrdup("Executive Sponsor");
	ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
	contact_finish(&c);
	/* Today is in 2026-Q2, so streaks count back from 2026-Q1; the
	 * quarter in progress says nothing yet. */
	figure(ids[1], 2025 * 4 + 3, 100000, 120000); /* met 2025-Q4 and 2026-Q1 */
	figure(ids[1], 2026 * 4 + 0, 100000, 100000);
	figure(ids[1], 2026 * 4 + 1, 100000, 0);      /* 2026-Q2: in progress */
	for (int q = 0; q < 3; q++)                    /* missed 2025-Q3 .. 2026-Q1 */
		figure(ids[4], 2025 * 4 + 2 + q, 100000, 50000);
}

static void list(const struct partner_filter *f, struct partner_list *out)
{
	struct ally_err err = { 0 };

	ck_assert_ok(store_partner_list(fx_store, f, D(TODAY), out, &err), err);
}

static const struct partner_row *row_of(const struct partner_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->rows[i].p.id == id)
			return &l->rows[i];
	ck_abort_msg("partner %lld not listed", (long long)id);
	return NULL;
}

/* The names of the list in order, joined by spaces. */
static char *names(const struct partner_list *l)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", l->rows[i].p.name);
	return buf_take(&b);
}

static void assert_names(const struct partner_filter *f, const char *want)
{
	struct partner_list l;
	char *got;

	list(f, &l);
	got = names(&l);
	ck_assert_str_eq(got, want);
	free(got);
	partner_list_finish(&l);
}

START_TEST(test_filters)
{
	struct partner_filter f;

	partner_filter_init(&f);
	assert_names(&f, "alpha Bravo charlie delta Echo");
	f.phase = PHASE_LAUNCH;
	assert_names(&f, "alpha");
	partner_filter_init(&f);
	f.type = PTYPE_CHANNEL;
	assert_names(&f, "Bravo");
	partner_filter_init(&f);
	f.owner = "DANA";
	assert_names(&f, "alpha charlie");
	f.phase = PHASE_PROSPECT;
	assert_names(&f, "charlie");
}
END_TEST

static void assert_same_facts(const struct partner_facts *x, const struct partner_facts *y)
{
	ck_assert_int_eq(x->phase, y->phase);
	ck_assert_int_eq(x->tier, y->tier);
	ck_assert_int_eq(x->status_date, y->status_date);
	ck_assert_int_eq(x->first_active_start, y->first_active_start);
	ck_assert_int_eq(x->last_qbr, y->last_qbr);
	ck_assert_int_eq(x->last_steering, y->last_steering);
	ck_assert_int_eq(x->scored_on, y->scored_on);
	ck_assert_int_eq(x->min_end, y->min_end);
	ck_assert_int_eq(x->min_end_ahead, y->min_end_ahead);
	ck_assert_int_eq(x->min_notice, y->min_notice);
	ck_assert_int_eq(x->has_sponsor, y->has_sponsor);
	ck_assert_int_eq(x->expansion_candidate, y->expansion_candidate);
	ck_assert_int_eq(x->exit_watch, y->exit_watch);
}

/* Each filter finds its rows through an index range in name order (its
 * own for an owner or a phase; the names' for a type or a tier, which a
 * walk meets within a few rows), never by a scan; and the facts are then
 * read for the listed partners only, by partner id. */
START_TEST(test_filter_plans)
{
	static const char *const tables[] = { "partners", "contracts", "reviews", "contacts",
					      "key_figures", NULL };
	static const char *const facts[] = { "contracts_partner_status (partner_id=? AND status=?)",
					     "reviews_partner (partner_id=?)",
					     "contacts_partner (partner_id=?)",
					     "key_figures_1 (partner_id=?)" };
	struct partner_filter f[4];
	const char *const index[4] = { "partners_name (", "partners_owner (owner_key=? AND",
				       "partners_phase (phase_no=? AND", "partners_name (" };

	for (int i = 0; i < 4; i++)
		partner_filter_init(&f[i]);
	f[0].type = PTYPE_CHANNEL;
	f[1].owner = "Robin";
	f[2].phase = PHASE_PROSPECT;
	f[3].tier = TIER_1;
	for (int i = 0; i < 4; i++) {
		struct fx_traced t = { .n = 0 };
		struct partner_list l;

		fx_trace_start(&t);
		list(&f[i], &l);
		fx_trace_stop();
		ck_assert_uint_gt(l.n, 0);
		partner_list_finish(&l);
		ck_assert_int_eq(t.n, 5); /* a window of partners, then four kinds of facts */
		fx_assert_plan_has(t.sql[0], index[i]);
		for (int k = 0; k < t.n; k++)
			fx_assert_no_scan(t.sql[k], tables);
		for (int k = 1; k < t.n; k++)
			fx_assert_plan_has(t.sql[k], facts[k - 1]);
		fx_traced_free(&t);
	}
}
END_TEST

/* A filtered list's facts (read by id) are the whole list's (aggregated). */
START_TEST(test_filtered_facts_agree)
{
	struct partner_filter all, f;
	struct partner_list whole, part;

	partner_filter_init(&all);
	list(&all, &whole);
	for (int type = 0; type < PTYPE_COUNT; type++) {
		partner_filter_init(&f);
		f.type = type;
		list(&f, &part);
		for (size_t i = 0; i < part.n; i++) {
			const struct partner_row *w = row_of(&whole, part.rows[i].p.id);

			assert_same_facts(&part.rows[i].facts, &w->facts);
			ck_assert_uint_eq(part.rows[i].flags, w->flags);
		}
		partner_list_finish(&part);
	}
	partner_list_finish(&whole);
}
END_TEST

/* Names sort as text_fold_cmp orders them: case never decides, and
 * accented Latin letters sit with their base letter ("émile" after
 * "Echo", not after "Zeta"). */
START_TEST(test_name_order_folds_case)
{
	struct partner_filter f;
	struct partner_list l;

	portfolio_partner("ÉMILEB", PTYPE_CHANNEL, PHASE_PROSPECT, "sam", -1);
	portfolio_partner("Zeta", PTYPE_CHANNEL, PHASE_PROSPECT, "sam", -1);
	portfolio_partner("émile", PTYPE_CHANNEL, PHASE_PROSPECT, "sam", -1);
	partner_filter_init(&f);
	assert_names(&f, "alpha Bravo charlie delta Echo émile ÉMILEB Zeta");
	list(&f, &l);
	for (size_t i = 1; i < l.n; i++)
		ck_assert_int_lt(text_fold_cmp(l.rows[i - 1].p.name, l.rows[i].p.name), 0);
	partner_list_finish(&l);
	f.descending = true;
	assert_names(&f, "Zeta ÉMILEB émile Echo delta charlie Bravo alpha");
}
END_TEST

/* The owner filter ignores case beyond ASCII, as names do. */
START_TEST(test_owner_filter_folds_case)
{
	struct partner_filter f;

	portfolio_partner("foxtrot", PTYPE_CHANNEL, PHASE_PROSPECT, "Zoë Ångström", -1);
	partner_filter_init(&f);
	f.owner = "ZOË ÅNGSTRÖM";
	assert_names(&f, "foxtrot");
	f.owner = "zoë";
	assert_names(&f, "");
}
END_TEST

START_TEST(test_tier_filter)
{
	struct partner_filter f;

	partner_filter_init(&f);
	f.tier = TIER_1;
	assert_names(&f, "alpha");
	f.tier = TIER_2;
	assert_names(&f, "Bravo");
	f.tier = TIER_3;
	assert_names(&f, "charlie");
	f.tier = TIER_UNQUALIFIED;
	assert_names(&f, "Echo");
	f.tier = TIER_NONE;
	assert_names(&f, "delta");
	f.tier = 7; /* no such tier */
	assert_names(&f, "");
	/* With a phase, the tier still narrows (and the reverse). */
	partner_filter_init(&f);
	f.phase = PHASE_PROSPECT;
	f.tier = TIER_3;
	assert_names(&f, "charlie");
	f.tier = TIER_UNQUALIFIED;
	assert_names(&f, "Echo");
	f.tier = TIER_NONE;
	assert_names(&f, "");
	f.phase = PHASE_EXIT;
	assert_names(&f, "delta");
	f.type = PTYPE_CHANNEL;
	assert_names(&f, "");
}
END_TEST

START_TEST(test_sorts)
{
	struct partner_filter f;

	partner_filter_init(&f);
	f.descending = true;
	assert_names(&f, "Echo delta charlie Bravo alpha");
	partner_filter_init(&f);
	f.sort = PSORT_SCORE;
	assert_names(&f, "alpha Bravo charlie Echo delta");
	f.descending = true;
	assert_names(&f, "delta Echo charlie Bravo alpha");
	partner_filter_init(&f);
	f.sort = PSORT_PHASE;
	assert_names(&f, "charlie Echo alpha Bravo delta");
	partner_filter_init(&f);
	f.sort = PSORT_NEXT_ACTION;
	assert_names(&f, "delta Bravo alpha charlie Echo");
}
END_TEST


START_TEST(test_facts_and_flags)
{
	struct ally_err err = { 0 };
	struct partner_filter f;
	struct partner_list l;
	const struct partner_row *a, *b, *d, *e;

	partner_filter_init(&f);
	list(&f, &l);
	a = row_of(&l, ids[0]);
	ck_assert_int_eq(a->facts.min_end, D("2026-07-15"));
	ck_assert_int_eq(a->facts.min_end_ahead, D("2026-07-15"));
	ck_assert_int_eq(a->facts.first_active_start, D("2025-07-16"));
	ck_assert_int_eq(a->facts.tier, TIER_1);
	ck_assert(!a->facts.has_sponsor);
	ck_assert(a->flags & FLAG_RENEWAL_DUE);
	ck_assert(a->flags & FLAG_NO_SPONSOR);
	ck_assert(a->flags & FLAG_STATUS_STALE);
	ck_assert_int_eq(a->next_action, D("2026-07-15"));
	b = row_of(&l, ids[1]);
	ck_assert_int_eq(b->facts.min_notice, D("2026-06-05"));
	ck_assert(b->facts.has_sponsor);
	ck_assert(b->facts.expansion_candidate);
	ck_assert(!b->facts.exit_watch);
	ck_assert(b->flags & FLAG_NOTICE_SOON);
	ck_assert(b->flags & FLAG_EXPANSION_CANDIDATE);
	ck_assert(!(b->flags & (FLAG_RENEWAL_DUE | FLAG_NO_SPONSOR | FLAG_STATUS_STALE)));
	ck_assert_int_eq(b->next_action, D("2026-06-05"));
	d = row_of(&l, ids[3]);
	ck_assert_int_eq(d->facts.min_end, D("2026-05-01"));
	ck_assert_int_eq(d->facts.min_end_ahead, DATE_NONE);
	ck_assert(d->flags & FLAG_LAPSED);
	ck_assert_int_eq(d->facts.tier, TIER_NONE);
	e = row_of(&l, ids[4]);
	ck_assert(e->facts.exit_watch);
	ck_assert(e->flags & FLAG_EXIT_WATCH);
	ck_assert_int_eq(e->next_action, DATE_NONE);
	/* Every row's flags are the core's verdict on its facts, and the
	 * one-partner query gathers the same facts as the list. */
	for (size_t i = 0; i < l.n; i++) {
		struct partner_facts one;

		ck_assert_uint_eq(l.rows[i].flags, partner_flags(&l.rows[i].facts, D(TODAY)));
		ck_assert_int_eq(l.rows[i].next_action, partner_next_action(&l.rows[i].facts));
		ck_assert_ok(store_partner_facts(fx_store, l.rows[i].p.id, D(TODAY), &one, &err),
			     err);
		assert_same_facts(&one, &l.rows[i].facts);
		ck_assert_ok(store_partner_facts_of(fx_store, &l.rows[i].p, D(TODAY), &one, &err),
			     err);
		assert_same_facts(&one, &l.rows[i].facts);
	}
	partner_list_finish(&l);
}
END_TEST

/* The facts of a partner already read do not read the partner again. */
START_TEST(test_facts_of_loaded_partner)
{
	struct ally_err err = { 0 };
	struct fx_traced t = { .n = 0 };
	struct partner_facts facts;
	struct partner p;

	ck_assert_ok(store_partner_get(fx_store, ids[1], &p, &err), err);
	fx_trace_start(&t);
	ck_assert_ok(store_partner_facts_of(fx_store, &p, D(TODAY), &facts, &err), err);
	fx_trace_stop();
	ck_assert(facts.has_sponsor);
	ck_assert_int_eq(facts.phase, PHASE_RENEWAL);
	ck_assert_int_eq(facts.status_date, D(TODAY));
	ck_assert_int_eq(facts.min_end, D("2027-01-31"));
	for (int i = 0; i < t.n; i++)
		ck_assert_msg(strstr(t.sql[i], "FROM partners") == NULL, "read again: %s",
			      t.sql[i]);
	fx_traced_free(&t);
	partner_finish(&p);
}
END_TEST

START_TEST(test_flagged_only)
{
	struct partner_filter f;
	struct partner_list all, flagged;
	size_t want = 0;

	partner_filter_init(&f);
	list(&f, &all);
	for (size_t i = 0; i < all.n; i++)
		want += all.rows[i].flags != 0;
	f.flagged_only = true;
	list(&f, &flagged);
	ck_assert_uint_eq(flagged.n, want);
	ck_assert_uint_lt(flagged.n, all.n); /* charlie is a quiet prospect */
	for (size_t i = 0; i < flagged.n; i++) {
		ck_assert_uint_ne(flagged.rows[i].flags, 0);
		ck_assert_int_ne(flagged.rows[i].p.id, ids[2]);
	}
	partner_list_finish(&all);
	partner_list_finish(&flagged);
}
END_TEST

/* Adding a sponsor, a review, a fresh status: the flags follow. */
START_TEST(test_flags_follow_changes)
{
	struct ally_err err = { 0 };
	struct partner_facts facts;
	struct contact c;
	struct review r;
	unsigned flags;

	contact_init(&c);
	c.partner_id = ids[0];
	c.name = xstrdup("Ana");
	c.role = xstrdup("partner manager");
	ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
	ck_assert_ok(store_partner_facts(fx_store, ids[0], D(TODAY), &facts, &err), err);
	ck_assert(!facts.has_sponsor);
	str_set(&c.role, "exec sponsor");
	ck_assert_ok(store_contact_update(fx_store, &c, &err), err);
	contact_finish(&c);
	review_init(&r);
	r.partner_id = ids[0];
	r.kind = REVIEW_QBR;
	r.date = D("2026-05-20");
	ck_assert_ok(store_review_add(fx_store, &r, &err), err);
	review_finish(&r);
	ck_assert_ok(store_status_add(fx_store, ids[0], HEALTH_AMBER, NULL, D(TODAY), &err), err);
	ck_assert_ok(store_partner_facts(fx_store, ids[0], D(TODAY), &facts, &err), err);
	ck_assert(facts.has_sponsor);
	ck_assert_int_eq(facts.last_qbr, D("2026-05-20"));
	ck_assert_int_eq(facts.last_steering, DATE_NONE);
	/* A later working-team meeting is no business review: the cadence
	 * still counts from the QBR (domain.md). */
	review_init(&r);
	r.partner_id = ids[0];
	r.kind = REVIEW_WORKING_TEAM;
	r.date = D("2026-06-01");
	ck_assert_ok(store_review_add(fx_store, &r, &err), err);
	review_finish(&r);
	ck_assert_ok(store_partner_facts(fx_store, ids[0], D(TODAY), &facts, &err), err);
	ck_assert_int_eq(facts.last_qbr, D("2026-05-20"));
	ck_assert_int_eq(facts.last_steering, DATE_NONE);
	flags = partner_flags(&facts, D(TODAY));
	ck_assert(!(flags & (FLAG_NO_SPONSOR | FLAG_STATUS_STALE | FLAG_REVIEW_OVERDUE)));
	ck_assert(flags & FLAG_RENEWAL_DUE);
	ck_assert_int_eq(store_partner_facts(fx_store, 99, D(TODAY), &facts, &err), ALLY_EUSER);
}
END_TEST

START_TEST(test_empty_list)
{
	struct ally_err err = { 0 };
	struct partner_filter f;
	struct partner_list l;

	ck_assert_ok(store_partner_delete(fx_store, ids[0], true, &err), err);
	partner_filter_init(&f);
	f.phase = PHASE_LAUNCH;
	list(&f, &l);
	ck_assert_uint_eq(l.n, 0);
	partner_list_finish(&l);
}
END_TEST

static Suite *store_list_suite(void)
{
	Suite *s = suite_create("store-list");
	TCase *tc = tcase_create("list");

	tcase_add_checked_fixture(tc, portfolio_setup, fx_teardown);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_owner_filter_folds_case);
	tcase_add_test(tc, test_filter_plans);
	tcase_add_test(tc, test_filtered_facts_agree);
	tcase_add_test(tc, test_name_order_folds_case);
	tcase_add_test(tc, test_tier_filter);
	tcase_add_test(tc, test_sorts);
	tcase_add_test(tc, test_facts_and_flags);
	tcase_add_test(tc, test_facts_of_loaded_partner);
	tcase_add_test(tc, test_flagged_only);
	tcase_add_test(tc, test_flags_follow_changes);
	tcase_add_test(tc, test_empty_list);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_list_suite(), argc, argv);
}
