/* check-store-window.c: windows of the partner list (partner-window.c)
 * against the rules computed the slow way.
 *
 * A random portfolio (names with case and accents, every phase, scores
 * and none, statuses of all ages, contracts in every band, reviews,
 * sponsors, key-figure streaks) is read in every sort, both directions,
 * turned round or not, under each filter, as of several days: page by
 * page forward, page by page backward, from a row in the middle, counted
 * and ranked.  The order must be the one the comparator below gives from
 * each partner's facts (store_partner_facts, the flags' own path), and
 * the flagged filter must list exactly the partners partner_flags flags. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/flags.h"
#include "ally/phase.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"
#include "../../src/store/store-private.h"
#include "fixture.h"

#define N_PARTNERS 160

/* ck_assert_msg, but nothing is recorded when it holds: Check writes the
 * place of every passing assertion to a file, which in these loops cost
 * most of the test's time. */
#define check_msg(expr, ...)                                                  \
	do {                                                                  \
		if (!(expr))                                                  \
			ck_abort_msg("Assertion '" #expr "' failed: " __VA_ARGS__); \
	} while (0)

static uint32_t seed;

static int pick(int lo, int hi)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return lo + (int)(seed % (uint32_t)(hi - lo + 1));
}

static const char *const stems[] = { "Acme", "acme labs", "Émile", "Emily", "Zeta", "ÄLPHA",
				     "beta", "Ørsted", "Nord", "nord wind" };
static const char *const owners[] = { "ana", "Ana ", "bo", "Chen", "dana" };

static void add_partner(int i, ally_date base)
{
	struct ally_err err = { 0 };
	struct partner p;

	partner_init(&p);
	p.name = xasprintf("%s %d", stems[pick(0, 9)], i);
	p.type = pick(0, PTYPE_COUNT - 1);
	p.phase = pick(0, PHASE_COUNT - 1);
	if (pick(0, 5) > 0)
		p.owner = xstrdup(owners[pick(0, 4)]);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	if (pick(0, 4) > 0) {
		struct score_input in = { pick(0, 100), pick(0, 100), pick(0, 100), pick(0, 100),
					  pick(0, 100) };

		if (i % 7 == 0) /* equal scores: ties go by name */
			in = (struct score_input){ 80, 80, 80, 80, 80 };
		ck_assert_ok(store_score_add(fx_store, p.id, &in, base - pick(0, 500), NULL, &err),
			     err);
	}
	if (pick(0, 3) > 0)
		ck_assert_ok(store_status_add(fx_store, p.id, pick(0, 2), "x", base - pick(0, 90),
					      &err),
			     err);
	for (int k = pick(0, 3); k > 0; k--) {
		struct contract c;

		contract_init(&c);
		c.partner_id = p.id;
		c.title = xstrdup("deal");
		c.start_date = base - pick(0, 700);
		c.end_date = base + pick(-200, 400);
		if (c.end_date < c.start_date)
			c.end_date = c.start_date;
		c.auto_renew = pick(0, 1);
		c.notice_days = 30 * pick(0, 3);
		if (pick(0, 6) == 0)
			c.status = CSTATUS_TERMINATED;
		ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
		contract_finish(&c);
	}
	if (pick(0, 2) == 0) {
		struct review r;

		review_init(&r);
		r.partner_id = p.id;
		r.kind = REVIEW_QBR;
		r.date = base - pick(0, 400);
		ck_assert_ok(store_review_add(fx_store, &r, &err), err);
		review_finish(&r);
	}
	if (pick(0, 2) == 0) {
		struct contact c;

		contact_init(&c);
		c.partner_id = p.id;
		c.name = xstrdup("Pat");
		c.role = xstrdup(pick(0, 1) ? "executive sponsor" : "engineer");
		ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
		contact_finish(&c);
	}
	if (pick(0, 3) == 0) {
		int q = quarter_of_date(base) - 4;
		bool met = pick(0, 1);

		for (int k = 0; k < 4; k++, q++) {
			bool odd = pick(0, 4) == 0; /* now and then the other way */

			ck_assert_ok(store_figure_set(fx_store, p.id, q, METRIC_REVENUE, 100,
						      met != odd ? 150 : 50, &err),
				     err);
		}
	}
	partner_finish(&p);
}

/* The whole portfolio in one transaction: one commit (one fsync) rather
 * than several per partner, which made the test time out under the
 * sanitizers. */
static void add_all(ally_date base)
{
	struct ally_err err = { 0 };

	ck_assert_ok(store_begin(fx_store, &err), err);
	for (int i = 1; i <= N_PARTNERS; i++)
		add_partner(i, base);
	ck_assert_ok(store_commit(fx_store, &err), err);
}

/* A partner as the slow path sees it. */
struct ref {
	struct partner p;
	char *key;   /* text_sort_key */
	char *fold;  /* text_fold of the name */
	unsigned flags;
	ally_date next;
};

static struct ref refs[N_PARTNERS + 1];
static size_t nrefs;

static void refs_load(ally_date today)
{
	struct ally_err err = { 0 };

	nrefs = 0;
	for (int64_t id = 1; id <= N_PARTNERS; id++) {
		struct ref *r = &refs[nrefs];
		struct partner_facts f;

		if (store_partner_get(fx_store, id, &r->p, &err) != ALLY_OK)
			continue;
		ck_assert_ok(store_partner_facts(fx_store, id, today, &f, &err), err);
		r->key = text_sort_key(r->p.name);
		r->fold = text_fold(r->p.name);
		r->flags = partner_flags(&f, today);
		r->next = partner_next_action(&f);
		nrefs++;
	}
}

static void refs_free(void)
{
	for (size_t i = 0; i < nrefs; i++) {
		partner_finish(&refs[i].p);
		free(refs[i].key);
		free(refs[i].fold);
	}
	nrefs = 0;
}

static const struct partner_filter *cmp_filter;

static int cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int cmp_name(const struct ref *x, const struct ref *y)
{
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : cmp_int(x->p.id, y->p.id);
}

/* The documented order: the sort's values (missing last, whichever
 * way), names A to Z within; descending turns all of it round. */
static int cmp_ref(const void *a, const void *b)
{
	const struct ref *x = *(const struct ref *const *)a, *y = *(const struct ref *const *)b;
	const struct partner_filter *f = cmp_filter;
	int64_t vx = 0, vy = 0;
	bool mx = false, my = false, desc = false;
	int c;

	switch (f->sort) {
	case PSORT_SCORE:
		vx = x->p.score_w, vy = y->p.score_w;
		mx = vx < 0, my = vy < 0;
		desc = true;
		break;
	case PSORT_PHASE:
		vx = x->p.phase, vy = y->p.phase;
		break;
	case PSORT_NEXT_ACTION:
		vx = x->next, vy = y->next;
		mx = vx == DATE_NONE, my = vy == DATE_NONE;
		break;
	default:
		desc = f->values_reversed;
		c = cmp_name(x, y);
		return (desc != f->descending) ? -c : c;
	}
	desc = desc != f->values_reversed;
	if (mx != my)
		c = mx ? 1 : -1;
	else if (!mx && vx != vy)
		c = desc ? cmp_int(vy, vx) : cmp_int(vx, vy);
	else
		c = cmp_name(x, y);
	return f->descending ? -c : c;
}

static bool ref_matches(const struct ref *r, const struct partner_filter *f)
{
	if (f->phase >= 0 && r->p.phase != f->phase)
		return false;
	if (f->type >= 0 && r->p.type != f->type)
		return false;
	if (f->tier != -2 && (int)score_tier(r->p.score_w) != f->tier)
		return false;
	if (f->owner != NULL) {
		char *a = text_fold(f->owner), *b = r->p.owner ? text_fold(r->p.owner) : NULL;
		bool same = b != NULL && strcmp(a, b) == 0;

		free(a);
		free(b);
		if (!same)
			return false;
	}
	if (f->flagged_only && r->flags == 0)
		return false;
	return f->contains == NULL || strstr(r->fold, f->contains) != NULL;
}

/* The rows f lists, in its order. */
static size_t expected(const struct partner_filter *f, const struct ref **out)
{
	size_t n = 0;

	for (size_t i = 0; i < nrefs; i++)
		if (ref_matches(&refs[i], f))
			out[n++] = &refs[i];
	cmp_filter = f;
	qsort(out, n, sizeof *out, cmp_ref);
	return n;
}

/* Read the whole order a window of size at a time in direction dir
 * (1 from the start, -1 from the end), starting after from. */
static size_t read_all(const struct partner_filter *f, ally_date today, int dir, size_t size,
		       const struct partner_pos *from, int64_t *ids, unsigned *flags)
{
	struct ally_err err = { 0 };
	struct partner_pos at = { 0 };
	bool started = from != NULL;
	size_t n = 0;

	if (from != NULL)
		partner_pos_copy(&at, from);
	for (;;) {
		struct partner_list l;
		size_t read;

		ck_assert_ok(store_partner_page(fx_store, f, today, started ? &at : NULL, dir, size,
						&l, &err),
			     err);
		for (size_t i = 0; i < l.n; i++) {
			ck_assert_uint_lt(n, N_PARTNERS + 1);
			flags[n] = l.rows[i].flags;
			ids[n++] = l.rows[i].p.id;
		}
		if (l.n > 0) {
			partner_pos_finish(&at);
			partner_pos_copy(&at, &l.rows[l.n - 1].pos);
			started = true;
		}
		read = l.n;
		partner_list_finish(&l);
		if (read < size)
			break;
	}
	partner_pos_finish(&at);
	return n;
}

static char *describe(const struct partner_filter *f, ally_date today)
{
	return xasprintf("sort %d rev %d desc %d phase %d type %d tier %d owner %s flagged %d "
			 "contains %s day %d",
			 f->sort, f->values_reversed, f->descending, f->phase, f->type, f->tier,
			 f->owner ? f->owner : "-", f->flagged_only,
			 f->contains ? f->contains : "-", today);
}

static void check_search(const struct partner_filter *f, ally_date today, const struct ref **want,
			 size_t n);

static void check_one(const struct partner_filter *f, ally_date today)
{
	struct ally_err err = { 0 };
	const struct ref *want[N_PARTNERS + 1];
	int64_t ids[N_PARTNERS + 1];
	unsigned flags[N_PARTNERS + 1];
	size_t n = expected(f, want), got;
	char *what = describe(f, today);
	int64_t count, rank;
	bool more;

	got = read_all(f, today, 1, 7, NULL, ids, flags);
	check_msg(got == n, "%s: %zu rows, want %zu", what, got, n);
	if (f->contains == NULL)
		check_search(f, today, want, n);
	for (size_t i = 0; i < n; i++) {
		check_msg(ids[i] == want[i]->p.id, "%s: row %zu is %lld, want %lld (%s)", what,
			      i, (long long)ids[i], (long long)want[i]->p.id, want[i]->p.name);
		check_msg(flags[i] == want[i]->flags, "%s: flags of %s", what, want[i]->p.name);
	}
	got = read_all(f, today, -1, 5, NULL, ids, flags);
	check_msg(got == n, "%s: %zu rows backward, want %zu", what, got, n);
	for (size_t i = 0; i < n; i++)
		check_msg(ids[i] == want[n - 1 - i]->p.id, "%s: backward row %zu", what, i);
	ck_assert_ok(store_partner_count_where(fx_store, f, today, 0, &count, &more, &err), err);
	check_msg(count == (int64_t)n && !more, "%s: count %lld, want %zu", what,
		      (long long)count, n);
	if (n > 3) {
		/* From a row in the middle, both ways, and its rank. */
		size_t mid = n / 2;
		struct partner_list l;
		struct partner_pos pos;

		ck_assert_ok(store_partner_page(fx_store, f, today, NULL, 1, mid + 1, &l, &err), err);
		partner_pos_copy(&pos, &l.rows[mid].pos);
		partner_list_finish(&l);
		got = read_all(f, today, 1, 4, &pos, ids, flags);
		check_msg(got == n - mid - 1, "%s: after the middle", what);
		for (size_t i = 0; i < got; i++)
			check_msg(ids[i] == want[mid + 1 + i]->p.id, "%s: after mid %zu", what, i);
		got = read_all(f, today, -1, 3, &pos, ids, flags);
		check_msg(got == mid, "%s: before the middle", what);
		for (size_t i = 0; i < got; i++)
			check_msg(ids[i] == want[mid - 1 - i]->p.id, "%s: before mid %zu", what, i);
		ck_assert_ok(store_partner_page_from(fx_store, f, today, &pos, 2, &l, &err), err);
		check_msg(l.n >= 1 && l.rows[0].p.id == want[mid]->p.id, "%s: from the middle",
			      what);
		partner_list_finish(&l);
		ck_assert_ok(store_partner_rank(fx_store, f, today, &pos, -1, &rank, &err), err);
		check_msg(rank == (int64_t)mid, "%s: rank %lld, want %zu", what,
			      (long long)rank, mid);
		ck_assert_ok(store_partner_rank(fx_store, f, today, &pos, 1, &rank, &err), err);
		ck_assert_int_eq(rank, (int64_t)(n - mid - 1));
		{
			struct partner_pos at;
			bool found;

			ck_assert_ok(store_partner_locate(fx_store, f, today, want[mid]->p.id, &at,
							  &found, &err),
				     err);
			check_msg(found, "%s: locate", what);
			ck_assert_int_eq(at.id, pos.id);
			ck_assert_int_eq(at.group, pos.group);
			ck_assert_str_eq(at.sort_key, pos.sort_key);
			ck_assert_int_eq(at.missing, pos.missing);
			partner_pos_finish(&at);
		}
		ck_assert_ok(store_partner_count_where(fx_store, f, today, 3, &count, &more, &err),
			     err);
		/* Capped, unless a counter knew the number. */
		ck_assert((count == 3 && more) || (count == (int64_t)n && !more));
		partner_pos_finish(&pos);
	}
	free(what);
}

/* store_partner_search against the order read whole: from the start, the
 * end and a middle row, either way, the nearest partner whose folded name
 * contains each pattern (through the trigram index for three characters
 * or more, by walking the order for fewer). */
static void check_search(const struct partner_filter *f, ally_date today, const struct ref **want,
			 size_t n)
{
	static const char *const patterns[] = { "acme", "ørsted", "nord w", "zzz", "1", "e 1",
						"émile 1" };
	struct ally_err err = { 0 };
	struct partner_list l;

	if (n == 0)
		return;
	for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
		char *folded = text_fold(patterns[p]);

		for (int dir = -1; dir <= 1; dir += 2) {
			for (int at = -1; at < 2; at++) {
				size_t mid = n / 2, k;
				const struct partner_pos *from = NULL;
				struct partner_list page = { NULL, 0 };
				int64_t expect = 0;

				if (at >= 0) {
					ck_assert_ok(store_partner_page(fx_store, f, today, NULL, 1,
									mid + 1, &page, &err),
						     err);
					from = &page.rows[mid].pos;
				}
				/* The expected: walk want[] from the position. */
				for (size_t i = 0; i < n; i++) {
					if (at < 0)
						k = dir > 0 ? i : n - 1 - i;
					else if (dir > 0)
						k = mid + (at == 1 ? i : i + 1);
					else
						k = mid - 1 - i;
					if (k >= n || (at >= 0 && dir < 0 && i >= mid))
						break;
					if (strstr(want[k]->fold, folded) != NULL) {
						expect = want[k]->p.id;
						break;
					}
				}
				ck_assert_ok(store_partner_search(fx_store, f, today, folded, from,
								  dir, at == 1 && dir > 0, &l, &err),
					     err);
				check_msg((l.n == 0 && expect == 0) ||
						      (l.n == 1 && l.rows[0].p.id == expect),
					      "search '%s' dir %d at %d: got %lld, want %lld", folded,
					      dir, at, l.n ? (long long)l.rows[0].p.id : 0LL,
					      (long long)expect);
				partner_list_finish(&l);
				partner_list_finish(&page);
			}
		}
		free(folded);
	}
}

/* The filters each order is read under. */
static void filters(struct partner_filter *out, int *n)
{
	static const char *const contains[] = { "acme", "e", "rsted 1", "zz" };
	int k = 0;

	for (int i = 0; i < 12; i++)
		partner_filter_init(&out[i]);
	k = 1; /* everything */
	out[k++].phase = PHASE_LAUNCH;
	out[k++].type = PTYPE_CHANNEL;
	out[k++].tier = TIER_NONE;
	out[k++].owner = "ANA";
	out[k++].flagged_only = true;
	out[k].flagged_only = true;
	out[k++].phase = PHASE_STEADY_STATE;
	out[k].owner = "bo";
	out[k++].type = PTYPE_TECHNOLOGY;
	for (int i = 0; i < 4; i++)
		out[k++].contains = contains[i];
	*n = k;
}

START_TEST(test_windows_follow_the_rules)
{
	ally_date base = D("2026-06-15");
	const ally_date days[] = { base - 120, base, base + 61 };
	struct partner_filter f[12];
	int nf;

	seed = 0x2545f491u;
	add_all(base);
	filters(f, &nf);
	for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
		refs_load(days[d]);
		for (int i = 0; i < nf; i++)
			for (int sort = 0; sort <= PSORT_NEXT_ACTION; sort++)
				for (int flip = 0; flip < 4; flip++) {
					struct partner_filter g = f[i];

					g.sort = (enum partner_sort)sort;
					g.values_reversed = flip & 1;
					g.descending = flip & 2;
					check_one(&g, days[d]);
				}
		refs_free();
	}
}
END_TEST

/* A rename, a phase move and a deleted partner are seen by the next
 * window: the derived columns follow every write. */
START_TEST(test_windows_follow_writes)
{
	struct ally_err err = { 0 };
	ally_date today = D("2026-06-15");
	int64_t a = fx_partner("Zulu", PTYPE_CHANNEL), b = fx_partner("Alpha", PTYPE_CHANNEL);
	struct partner_filter f;
	struct partner_list l;
	struct partner p;
	enum phase from, to;

	partner_filter_init(&f);
	ck_assert_ok(store_partner_page(fx_store, &f, today, NULL, 1, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].p.id, b);
	partner_list_finish(&l);
	ck_assert_ok(store_partner_get(fx_store, a, &p, &err), err);
	str_set(&p.name, "Aardvark");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	partner_finish(&p);
	ck_assert_ok(store_partner_page(fx_store, &f, today, NULL, 1, 10, &l, &err), err);
	ck_assert_int_eq(l.rows[0].p.id, a);
	partner_list_finish(&l);

	f.phase = PHASE_PROPOSAL;
	ck_assert_ok(store_phase_move(fx_store, b, -1, NULL, today, &from, &to, &err), err);
	ck_assert_ok(store_partner_page(fx_store, &f, today, NULL, 1, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].p.id, b);
	partner_list_finish(&l);

	partner_filter_init(&f);
	f.contains = "aardv";
	ck_assert_ok(store_partner_page(fx_store, &f, today, NULL, 1, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	partner_list_finish(&l);
	ck_assert_ok(store_partner_delete(fx_store, a, true, &err), err);
	ck_assert_ok(store_partner_page(fx_store, &f, today, NULL, 1, 10, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	partner_list_finish(&l);
}
END_TEST

/* The counters the triggers keep (partner_counts, contract_days,
 * tier_values) agree with counting the rows, after adds, scorings,
 * phase moves, contract edits and deletions. */
static int64_t sql_int(const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(fx_store->db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(test_counters_agree)
{
	struct ally_err err = { 0 };
	ally_date base = D("2026-06-15");
	struct contract c;
	enum phase from, to;

	seed = 99;
	for (int i = 1; i <= 60; i++)
		add_partner(i, base);
	for (int64_t id = 1; id <= 60; id += 7) {
		struct score_input in = { 95, 95, 95, 95, 95 };

		ck_assert_ok(store_score_add(fx_store, id, &in, base, NULL, &err), err);
		if (store_phase_move(fx_store, id + 1, PHASE_EXIT, NULL, base, &from, &to, &err) !=
		    ALLY_OK)
			ck_assert_int_eq(err.status, ALLY_EUSER);
	}
	for (int64_t id = 1; id < 40; id += 3) {
		if (store_contract_get(fx_store, id, &c, &err) != ALLY_OK)
			continue;
		c.status = id % 2 ? CSTATUS_EXPIRED : CSTATUS_ACTIVE;
		c.annual_value = 1000 * id;
		snprintf(c.currency, sizeof c.currency, "%s", id % 3 ? "EUR" : "USD");
		c.end_date += 10;
		ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
		contract_finish(&c);
	}
	ck_assert_ok(store_contract_delete(fx_store, 41, &err), err);
	ck_assert_ok(store_partner_delete(fx_store, 5, true, &err), err);
	ck_assert_ok(store_partner_delete(fx_store, 12, true, &err), err);

	ck_assert_int_eq(sql_int("SELECT count(*) FROM (SELECT tier, currency, count(*) n, "
				 "sum(annual_value / 1000000000) b, sum(annual_value % 1000000000) r "
				 "FROM contracts c JOIN partners p ON p.id = c.partner_id "
				 "WHERE status = 'active' AND annual_value IS NOT NULL GROUP BY 1, 2 "
				 "EXCEPT SELECT tier, currency, n, billions, rest FROM tier_values "
				 "WHERE n > 0)"),
			 0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM tier_values WHERE n < 0 OR "
				 "(n = 0 AND (billions <> 0 OR rest <> 0))"),
			 0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM (SELECT end_date, "
				 "coalesce(notice_deadline, ''), count(*) FROM contracts "
				 "WHERE status = 'active' GROUP BY 1, 2 EXCEPT SELECT end_date, "
				 "notice_deadline, n FROM contract_days WHERE n > 0)"),
			 0);
	ck_assert_int_eq(sql_int("SELECT sum(n) FROM contract_days"),
			 sql_int("SELECT count(*) FROM contracts WHERE status = 'active'"));
	ck_assert_int_eq(sql_int("SELECT count(*) FROM (SELECT 'phase', phase_no, count(*) "
				 "FROM partners GROUP BY 2 UNION ALL SELECT 'tier', tier, count(*) "
				 "FROM partners GROUP BY 2 UNION ALL SELECT 'type', type, count(*) "
				 "FROM partners GROUP BY 2 UNION ALL SELECT 'owner', "
				 "coalesce(owner_key, ''), count(*) FROM partners GROUP BY 2 "
				 "EXCEPT SELECT dim, val, n FROM partner_counts WHERE n > 0)"),
			 0);
	ck_assert_int_eq(sql_int("SELECT n FROM partner_counts WHERE dim = 'all'"),
			 sql_int("SELECT count(*) FROM partners"));
	/* The derived phase and tier are the partner's own. */
	ck_assert_int_eq(sql_int("SELECT count(*) FROM partners WHERE tier <> CASE "
				 "WHEN score_w IS NULL THEN -1 WHEN score_w >= 8500 THEN 1 "
				 "WHEN score_w >= 7000 THEN 2 WHEN score_w >= 5000 THEN 3 ELSE 0 END"),
			 0);
}
END_TEST

/* Every section of the Renewals view, read a window at a time either way,
 * is the renewal list's rows of that section in the list's order, and
 * its count is their number. */
static void check_section(ally_date today, int horizon, int sec, const struct renewal_list *all)
{
	struct ally_err err = { 0 };
	const struct renewal *want[4 * N_PARTNERS];
	size_t n = 0;

	for (size_t i = 0; i < all->n; i++)
		if (renewal_listed(&all->rows[i], horizon) &&
		    (int)renewal_section(&all->rows[i]) == sec)
			want[n++] = &all->rows[i];
	for (int dir = 1; dir >= -1; dir -= 2) {
		struct renewal last;
		bool started = false;
		size_t got = 0, size = dir > 0 ? 7 : 5;

		memset(&last, 0, sizeof last);
		for (;;) {
			struct renewal_list l;
			size_t read;

			ck_assert_ok(store_renewal_page(fx_store, today, horizon, sec,
							started ? &last : NULL, dir, size, &l, &err),
				     err);
			for (size_t i = 0; i < l.n; i++, got++) {
				size_t k = dir > 0 ? got : n - 1 - got;

				check_msg(got < n, "section %d horizon %d: too many", sec, horizon);
				check_msg(l.rows[i].contract_id == want[k]->contract_id,
					      "section %d horizon %d day %d: row %zu is %lld, want %lld",
					      sec, horizon, today, k, (long long)l.rows[i].contract_id,
					      (long long)want[k]->contract_id);
			}
			read = l.n;
			if (read > 0) {
				renewal_free_texts(&last);
				last = l.rows[read - 1];
				last.partner = xstrdup(last.partner);
				last.partner_key = xstrdup(last.partner_key);
				last.title = xstrdup(last.title);
				started = true;
			}
			renewal_list_finish(&l);
			if (read < size)
				break;
		}
		renewal_free_texts(&last);
		check_msg(got == n, "section %d horizon %d: %zu rows, want %zu", sec, horizon, got,
			      n);
	}
	{
		int64_t counts[RSEC_COUNT];

		ck_assert_ok(store_renewal_counts(fx_store, today, horizon, counts, &err), err);
		check_msg(counts[sec] == (int64_t)n, "section %d: count %lld, want %zu", sec,
			      (long long)counts[sec], n);
	}
}

START_TEST(test_renewal_sections)
{
	struct ally_err err = { 0 };
	ally_date base = D("2026-06-15");
	const int horizons[] = { 30, 90, 210, 360 };

	seed = 0x1234567u;
	add_all(base);
	for (ally_date today = base - 60; today <= base + 90; today += 50) {
		struct renewal_list all;

		ck_assert_ok(store_renewals(fx_store, today, 360, &all, &err), err);
		for (size_t h = 0; h < sizeof horizons / sizeof horizons[0]; h++)
			for (int sec = 0; sec < RSEC_COUNT; sec++)
				check_section(today, horizons[h], sec, &all);
		renewal_list_finish(&all);
	}
}
END_TEST

int main(int argc, char **argv)
{
	Suite *s = suite_create("store-window");
	TCase *tc = tcase_create("store_partner_page");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_windows_follow_the_rules);
	tcase_add_test(tc, test_windows_follow_writes);
	tcase_add_test(tc, test_counters_agree);
	tcase_add_test(tc, test_renewal_sections);
	suite_add_tcase(s, tc);
	return fx_run(s, argc, argv);
}
