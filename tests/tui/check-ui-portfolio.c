/* check-ui-portfolio.c: the Portfolio view's state on a real database in
 * a temporary directory: the four orders and their reversal, the cursor,
 * the incremental search, the filter and the header, reloads after
 * another session's changes; and a portfolio far longer than the window
 * (300 and 1005 partners), moved, sorted, searched, filtered and
 * reloaded, checked at every step against the whole list laid out here
 * and moved as a view holding all of it would. */
#include "ally/ui-portfolio.h"
#include "core-test.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/score.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"
#include "tmpdir.h"

#define TODAY "2026-06-01"

static char tmp_dir[64];
static char path[128];
static struct store *db;

#define OK(expr)                                                                    \
	do {                                                                        \
		struct ally_err e_ = { 0 };                                         \
		struct ally_err *err = &e_;                                         \
		int rc_ = (expr);                                                   \
		(void)err;                                                          \
		check_msg(rc_ == ALLY_OK, "%s: %s", #expr, e_.msg);            \
	} while (0)

/* Another connection to the same file, as another session opens it. */
static struct store *open_db(void)
{
	struct store_opts o = { .user = "tester" };
	struct ally_err err = { 0 };
	struct store *st = store_open(path, &o, &err);

	check_msg(st != NULL, "store_open: %s", err.msg);
	check_msg(store_migrate(st, &err) == ALLY_OK, "store_migrate: %s", err.msg);
	return st;
}

/* What a test holds, let go in teardown also when the test failed
 * half-way (under CK_FORK=no, for valgrind): its states, the other
 * sessions' connections, a raw connection. */
#define HELD_MAX 4
static struct portfolio *held_pf[HELD_MAX];
static struct store *held_st[HELD_MAX];
static sqlite3 *raw;

static struct portfolio *new_pf(void)
{
	for (size_t i = 0; i < HELD_MAX; i++)
		if (held_pf[i] == NULL)
			return held_pf[i] = portfolio_new(db, D(TODAY));
	ck_abort_msg("too many states held");
	return NULL;
}

static void free_pf(struct portfolio *pf)
{
	for (size_t i = 0; i < HELD_MAX; i++)
		if (held_pf[i] == pf)
			held_pf[i] = NULL;
	portfolio_free(pf);
}

static struct store *other_db(void)
{
	for (size_t i = 0; i < HELD_MAX; i++)
		if (held_st[i] == NULL)
			return held_st[i] = open_db();
	ck_abort_msg("too many connections held");
	return NULL;
}

static void close_other(struct store *st)
{
	for (size_t i = 0; i < HELD_MAX; i++)
		if (held_st[i] == st)
			held_st[i] = NULL;
	store_close(st);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(tmp_dir, sizeof tmp_dir, "%s/ally-portfolio-XXXXXX",
		 tmp != NULL && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
	snprintf(path, sizeof path, "%s/test.db", tmp_dir);
	db = open_db();
}

static void teardown(void)
{
	for (size_t i = 0; i < HELD_MAX; i++) {
		portfolio_free(held_pf[i]);
		held_pf[i] = NULL;
		store_close(held_st[i]);
		held_st[i] = NULL;
	}
	if (raw != NULL)
		sqlite3_close(raw);
	raw = NULL;
	store_close(db);
	db = NULL;
	tmpdir_remove(tmp_dir);
}

/* ---- making partners ---- */

/* A partner with its score (score_w -1: never scored; else every
 * criterion at score_w / 100, which gives W = score_w) and, when next
 * is a date, one active contract ending then (no auto-renewal, so no
 * notice deadline: that end is its next action).  owner NULL: the
 * user's. */
static int64_t add_partner(struct store *st, const char *name, int score_w, int phase, int type,
			   const char *owner, ally_date next)
{
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.phase = phase;
	p.type = type;
	if (owner != NULL)
		p.owner = xstrdup(owner);
	OK(store_partner_add(st, &p, err));
	id = p.id;
	partner_finish(&p);
	if (score_w >= 0) {
		int c = score_w / 100, w = -1;
		struct score_input in = { c, c, c, c, c };

		ck_assert_int_eq(score_w % 100, 0);
		OK(store_score_add(st, id, &in, D(TODAY), &w, err));
		ck_assert_int_eq(w, score_w);
	}
	if (next != DATE_NONE) {
		struct contract c;

		contract_init(&c);
		c.partner_id = id;
		c.title = xstrdup("Agreement");
		c.start_date = next - 60;
		c.end_date = next;
		c.auto_renew = false;
		OK(store_contract_add(st, &c, err));
		contract_finish(&c);
	}
	return id;
}

/* A plain one: a prospect of no owner in particular, never scored. */
static int64_t add_plain(struct store *st, const char *name)
{
	return add_partner(st, name, -1, PHASE_PROSPECT, PTYPE_REFERRAL, NULL, DATE_NONE);
}

static void rename_partner(struct store *st, int64_t id, const char *name)
{
	struct partner p;

	OK(store_partner_get(st, id, &p, err));
	str_set(&p.name, name);
	OK(store_partner_update(st, &p, err));
	partner_finish(&p);
}

static void delete_partner(struct store *st, int64_t id)
{
	OK(store_partner_delete(st, id, true, err));
}

/* One partner of a hand-made list. */
struct spec {
	const char *name;
	int score_w;      /* -1: never scored */
	int phase;
	int type;
	const char *owner; /* NULL: the user's, "tester" */
	const char *next; /* next action date, NULL: none */
};

/* Five partners whose four orders all differ, with ties in each.  The
 * three in a live phase (launch, renewal) have no executive sponsor: they
 * are flagged; the prospect and the one in exit are not. */
static const struct spec five[] = {
	{ "delta", 7000, PHASE_LAUNCH, PTYPE_CHANNEL, "ana", "2026-07-01" },
	{ "Alpha", 9000, PHASE_PROSPECT, PTYPE_TECHNOLOGY, "bo", NULL },
	{ "charlie", 7000, PHASE_EXIT, PTYPE_CHANNEL, "ana", "2026-06-10" },
	{ "Émile", -1, PHASE_LAUNCH, PTYPE_JOINT_VENTURE, NULL, "2026-06-10" },
	{ "bravo", 5000, PHASE_RENEWAL, PTYPE_TECHNOLOGY, "bo", "2026-06-05" },
};
#define FIVE (sizeof five / sizeof five[0])
static int64_t five_id[FIVE];

static void add_five(size_t n)
{
	for (size_t i = 0; i < n; i++)
		five_id[i] = add_partner(db, five[i].name, five[i].score_w, five[i].phase,
					 five[i].type, five[i].owner,
					 five[i].next != NULL ? D(five[i].next) : DATE_NONE);
}

/* The id of one of the five, by name. */
static int64_t id_of(const char *name)
{
	for (size_t i = 0; i < FIVE; i++)
		if (strcmp(five[i].name, name) == 0)
			return five_id[i];
	ck_abort_msg("no partner %s among the five", name);
	return 0;
}

/* n prospects "Extra 01" .. in one transaction. */
static void add_extras(struct store *st, int n)
{
	char name[32];

	OK(store_begin(st, err));
	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof name, "Extra %02d", i);
		add_plain(st, name);
	}
	OK(store_commit(st, err));
}

/* ---- driving the state ---- */

static struct portfolio *loaded(size_t height)
{
	struct portfolio *pf = new_pf();

	portfolio_set_height(pf, height);
	OK(portfolio_load(pf, err));
	return pf;
}

static struct portfolio *five_rows(void)
{
	add_five(FIVE);
	return loaded(10);
}

static void load(struct portfolio *pf)
{
	OK(portfolio_load(pf, err));
}

static void sort_next(struct portfolio *pf)
{
	OK(portfolio_sort_next(pf, err));
}

static void sort_reverse(struct portfolio *pf)
{
	OK(portfolio_sort_reverse(pf, err));
}

static void key(struct portfolio *pf, int k)
{
	struct ally_err err = { 0 };

	ck_assert(portfolio_move_key(pf, k, &err));
	check_msg(err.status == ALLY_OK, "portfolio_move_key: %s", err.msg);
}

static void keys(struct portfolio *pf, int k, int times)
{
	for (int i = 0; i < times; i++)
		key(pf, k);
}

static void select_id(struct portfolio *pf, int64_t id)
{
	struct ally_err err = { 0 };

	check_msg(portfolio_select_id(pf, id, &err), "select %" PRId64 ": %s", id, err.msg);
	ck_assert_int_eq(err.status, ALLY_OK);
}

static void skey(struct portfolio *pf, int k)
{
	struct ally_err err = { 0 };
	int rc = portfolio_search_key(pf, k, &err);

	check_msg(rc == ALLY_OK, "portfolio_search_key: %s", err.msg);
}

/* Type s at the prompt, one code point a key as the terminal gives them. */
static void type(struct portfolio *pf, const char *s)
{
	uint32_t cp;
	size_t len;

	while ((len = utf8_decode(s, &cp)) > 0) {
		skey(pf, (int)cp);
		s += len;
	}
}

static enum pf_find search_next(struct portfolio *pf, int dir)
{
	struct ally_err err = { 0 };
	enum pf_find r = portfolio_search_next(pf, dir, &err);

	check_msg(r != PF_FAILED, "portfolio_search_next: %s", err.msg);
	return r;
}

/* The window's names joined by spaces (for a short list: all of them). */
static char *names(const struct portfolio *pf)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < portfolio_count(pf); i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "", portfolio_row(pf, i)->p.name);
	return buf_take(&b);
}

#define ck_assert_names(pf, want)                 \
	do {                                      \
		char *got_ = names(pf);           \
		ck_assert_str_eq(got_, (want));   \
		free(got_);                       \
	} while (0)

#define ck_assert_header(pf, ascii, want)                    \
	do {                                                 \
		char *got_ = portfolio_header((pf), (ascii)); \
		ck_assert_str_eq(got_, (want));              \
		free(got_);                                  \
	} while (0)

/* The header as drawn at cols ends with want. */
#define ck_assert_header_ends(pf, cols, want)                                          \
	do {                                                                           \
		char *got_ = portfolio_header_fit((pf), false, (cols));                \
		size_t gl_ = strlen(got_), wl_ = strlen(want);                         \
		check_msg(gl_ >= wl_ && strcmp(got_ + gl_ - wl_, (want)) == 0,     \
			      "header '%s' does not end with '%s'", got_, (want));     \
		free(got_);                                                            \
	} while (0)

static const char *selected(const struct portfolio *pf)
{
	const struct partner_row *r = portfolio_selected(pf);

	return r != NULL ? r->p.name : "(none)";
}

static int64_t selected_id(const struct portfolio *pf)
{
	const struct partner_row *r = portfolio_selected(pf);

	return r != NULL ? r->p.id : 0;
}

/* The first row shown, counted in the whole list. */
static int64_t top_of(const struct portfolio *pf)
{
	return pf->base >= 0 ? pf->base + (int64_t)pf->nav.top : -1;
}

/* ---- a long portfolio, and the whole list laid out here ---- */

#define BIG_MAX 1100

struct bp {
	char name[48];
	int score_w;       /* -1: never scored */
	int phase;
	int type;
	const char *owner; /* NULL: the user's, "tester" */
	ally_date next;    /* DATE_NONE: none */
	unsigned flags;    /* as store_partner_list gives them */
	int64_t id;        /* 0: deleted */
};
static struct bp big[BIG_MAX];
static size_t nbig;
static size_t q1, q2, zz; /* "... Quokka" twice, "... Zyzzyva" once */

static int64_t add_bp(struct store *st, struct bp *b)
{
	b->id = add_partner(st, b->name, b->score_w, b->phase, b->type, b->owner, b->next);
	return b->id;
}

/* One more partner, in big[] as in the database (through st). */
static struct bp *add_big(struct store *st, const char *name, int score_w, int phase)
{
	struct bp *b;

	ck_assert_uint_lt(nbig, BIG_MAX);
	b = &big[nbig++];
	memset(b, 0, sizeof *b);
	snprintf(b->name, sizeof b->name, "%s", name);
	b->score_w = score_w;
	b->phase = phase;
	b->type = PTYPE_REFERRAL;
	b->next = DATE_NONE;
	add_bp(st, b);
	return b;
}

/* The flags of every partner, as the whole list reads them (the filter
 * "flagged" is checked against these). */
static void big_flags(void)
{
	struct partner_filter f;
	struct partner_list l;

	partner_filter_init(&f);
	OK(store_partner_list(db, &f, D(TODAY), &l, err));
	for (size_t i = 0; i < nbig; i++)
		big[i].flags = 0;
	for (size_t r = 0; r < l.n; r++)
		for (size_t i = 0; i < nbig; i++)
			if (big[i].id == l.rows[r].p.id)
				big[i].flags = l.rows[r].flags;
	partner_list_finish(&l);
}

/* n partners "Partner 0000" .. added in a scrambled order (ids are not
 * the name order), with scores (ties, and one in nine never scored),
 * phases, types, owners and next actions (one in three none, some past)
 * of every kind; three of them also carry a rarer word: "Partner 0042
 * Quokka" (a prospect), "Partner 0150 Quokka" (in launch) and "Partner
 * 0270 Zyzzyva" (in exit), at 300.  In name order partner i is row i. */
static void big_portfolio(size_t n)
{
	ck_assert_uint_le(n, BIG_MAX);
	nbig = n;
	q1 = n / 7;
	q2 = n / 2;
	zz = n * 9 / 10;
	for (size_t i = 0; i < n; i++) {
		struct bp *b = &big[i];

		memset(b, 0, sizeof *b);
		snprintf(b->name, sizeof b->name, "Partner %04zu%s", i,
			 i == q1 || i == q2 ? " Quokka" : i == zz ? " Zyzzyva" : "");
		b->score_w = i % 9 == 0 ? -1 : (int)((i * 37) % 50) * 200;
		b->phase = (int)((i * 5) % PHASE_COUNT);
		b->type = (int)(i % PTYPE_COUNT);
		b->owner = i % 4 == 0 ? "ana" : i % 4 == 1 ? "bo" : NULL;
		b->next = i % 3 == 0 ? DATE_NONE : D(TODAY) + (ally_date)((i * 29) % 400) - 100;
	}
	big[q1].phase = PHASE_PROSPECT;
	big[q2].phase = PHASE_LAUNCH;
	big[zz].phase = PHASE_EXIT;
	OK(store_begin(db, err));
	for (size_t k = 0; k < n; k++)
		add_bp(db, &big[(k * 7919) % n]);
	OK(store_commit(db, err));
	big_flags();
}

/* What a filter lists, decided here from big[]. */
struct want {
	int phase, type, tier;
	const char *owner;
	bool flagged;
};
static const struct want ALL = { -1, -1, -2, NULL, false };

static bool wanted(const struct want *w, const struct bp *b)
{
	return b->id != 0 && (w->phase < 0 || b->phase == w->phase) &&
	       (w->type < 0 || b->type == w->type) &&
	       (w->tier == -2 || (int)score_tier(b->score_w) == w->tier) &&
	       (w->owner == NULL || strcmp(b->owner != NULL ? b->owner : "tester", w->owner) == 0) &&
	       (!w->flagged || b->flags != 0);
}

static void apply(struct portfolio *pf, const struct want *w)
{
	portfolio_filter_phase(pf, w->phase);
	portfolio_filter_type(pf, w->type);
	portfolio_filter_tier(pf, w->tier);
	portfolio_filter_owner(pf, w->owner);
	portfolio_filter_flagged(pf, w->flagged);
}

/* The whole list as a view holding all of it shows it: big[]'s indexes
 * in the order, and a cursor moved over them by listnav itself. */
static struct {
	size_t order[BIG_MAX];
	size_t n;
	struct listnav nav;
} m;

static enum pf_sort cmp_sort;
static bool cmp_rev;

static int by_value(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* The documented order: the sort's values (the opposite way for S), the
 * missing ones last either way, ties by name A to Z; by name, all of it
 * the other way for S. */
static int order_cmp(const void *pa, const void *pb)
{
	const struct bp *a = &big[*(const size_t *)pa], *b = &big[*(const size_t *)pb];
	int c = 0;

	switch (cmp_sort) {
	case PF_SORT_NAME:
		c = text_fold_cmp(a->name, b->name);
		return cmp_rev ? -c : c;
	case PF_SORT_SCORE:
		if ((a->score_w < 0) != (b->score_w < 0))
			return a->score_w < 0 ? 1 : -1;
		c = by_value(b->score_w, a->score_w); /* highest first */
		break;
	case PF_SORT_PHASE:
		c = by_value(a->phase, b->phase);
		break;
	case PF_SORT_NEXT:
		if ((a->next == DATE_NONE) != (b->next == DATE_NONE))
			return a->next == DATE_NONE ? 1 : -1;
		c = by_value(a->next, b->next);
		break;
	default:
		break;
	}
	if (cmp_rev)
		c = -c;
	return c != 0 ? c : text_fold_cmp(a->name, b->name);
}

/* Lay out the list of w in the order (sort, rev), the cursor on its
 * first row, height rows shown. */
static void expect(enum pf_sort sort, bool rev, const struct want *w, size_t height)
{
	m.n = 0;
	for (size_t i = 0; i < nbig; i++)
		if (wanted(w, &big[i]))
			m.order[m.n++] = i;
	cmp_sort = sort;
	cmp_rev = rev;
	qsort(m.order, m.n, sizeof m.order[0], order_cmp);
	listnav_init(&m.nav);
	listnav_set_height(&m.nav, height);
	listnav_set_count(&m.nav, m.n);
}

/* The row of partner id in the layout. */
static size_t index_of(int64_t id)
{
	for (size_t i = 0; i < m.n; i++)
		if (big[m.order[i]].id == id)
			return i;
	ck_abort_msg("partner %" PRId64 " is not laid out", id);
	return 0;
}

static const struct bp *expected_at(size_t i)
{
	return &big[m.order[i]];
}

/* Row i selected, offset rows below the top of the screen when it can. */
static void model_at(size_t i, size_t offset)
{
	m.nav.cur = i;
	m.nav.top = i >= offset ? i - offset : 0;
	listnav_set_count(&m.nav, m.n);
}

/* Row i selected as a search selects it: where it is when it shows,
 * else scrolled to the middle of the screen. */
static void model_jump(size_t i)
{
	if (i >= m.nav.top && i < m.nav.top + m.nav.height)
		listnav_go(&m.nav, i);
	else
		model_at(i, m.nav.height / 2);
}

/* The state against the layout: the same position, the same first row
 * shown, the same partner selected; the window a run of the whole list
 * that holds the screen's rows, and no more than a few screens of it. */
static void check(const struct portfolio *pf, const char *what)
{
	size_t h = pf->nav.height, n = portfolio_count(pf), shown;
	int64_t base = pf->base;

	check_msg(h == m.nav.height, "%s: height %zu, want %zu", what, h, m.nav.height);
	check_msg(!pf->listed_more && pf->listed == (int64_t)m.n,
		      "%s: %" PRId64 "%s listed, want %zu", what, pf->listed,
		      pf->listed_more ? "+" : "", m.n);
	if (m.n == 0) {
		check_msg(n == 0 && portfolio_selected(pf) == NULL, "%s: rows of none", what);
		ck_assert_int_eq(portfolio_position(pf), -1);
		return;
	}
	check_msg(base >= 0, "%s: the window's place is unknown", what);
	check_msg(portfolio_position(pf) == (int64_t)m.nav.cur,
		      "%s: at %" PRId64 ", want %zu", what, portfolio_position(pf), m.nav.cur);
	check_msg(top_of(pf) == (int64_t)m.nav.top, "%s: top %" PRId64 ", want %zu", what,
		      top_of(pf), m.nav.top);
	check_msg(selected_id(pf) == expected_at(m.nav.cur)->id, "%s: %s selected, want %s",
		      what, selected(pf), expected_at(m.nav.cur)->name);
	check_msg((size_t)base + n <= m.n, "%s: the window (%" PRId64 " + %zu) passes the end",
		      what, base, n);
	check_msg(n <= 4 * h, "%s: %zu rows held at height %zu", what, n, h);
	shown = m.n - m.nav.top < h ? m.n - m.nav.top : h;
	check_msg(pf->nav.top + shown <= n, "%s: the screen's rows are not all held", what);
	for (size_t i = 0; i < n; i++) {
		const struct partner_row *r = portfolio_row(pf, i);
		const struct bp *b = expected_at((size_t)base + i);

		check_msg(r->p.id == b->id, "%s: row %" PRId64 " is %s, want %s", what,
			      base + (int64_t)i, r->p.name, b->name);
		check_msg(strcmp(r->p.name, b->name) == 0 && r->p.score_w == b->score_w &&
				  r->next_action == b->next,
			  "%s: row %s is (%d, %d), want %s (%d, %d)", what, r->p.name, r->p.score_w,
			  (int)r->next_action, b->name, b->score_w, (int)b->next);
	}
	if (pf->at_start)
		check_msg(base == 0, "%s: at_start at %" PRId64, what, base);
	if (pf->at_end)
		check_msg((size_t)base + n == m.n, "%s: at_end short of the end", what);
}

static const char *key_name(int k)
{
	static char buf[16];

	switch (k) {
	case UK_UP: return "Up";
	case UK_DOWN: return "Down";
	case UK_PGUP: return "PgUp";
	case UK_PGDN: return "PgDn";
	case UK_HOME: return "Home";
	case UK_END: return "End";
	case UK_CTRL('b'): return "^B";
	case UK_CTRL('f'): return "^F";
	case UK_CTRL('u'): return "^U";
	case UK_CTRL('d'): return "^D";
	default:
		snprintf(buf, sizeof buf, "'%c'", k);
		return buf;
	}
}

/* A key to the state and to the layout, then both compared. */
static void both(struct portfolio *pf, int k, const char *what)
{
	char where[128];

	key(pf, k);
	listnav_key(&m.nav, k);
	snprintf(where, sizeof where, "%s, after %s", what, key_name(k));
	check(pf, where);
}

/* Press k until the layout's selection stops moving; how many moved it. */
static size_t walk(struct portfolio *pf, int k, const char *what)
{
	size_t moved = 0;

	for (;;) {
		size_t was = m.nav.cur, top = m.nav.top;

		both(pf, k, what);
		if (m.nav.cur == was && m.nav.top == top)
			return moved;
		moved++;
		check_msg(moved <= 2 * BIG_MAX, "%s: %s never stops", what, key_name(k));
	}
}

static unsigned seed;

static int rnd(int n)
{
	seed = seed * 1103515245u + 12345u;
	return (int)((seed >> 16) % (unsigned)n);
}

static const int all_keys[] = { 'j', 'k', UK_DOWN, UK_UP, UK_PGDN, UK_PGUP, ' ',
				UK_CTRL('f'), UK_CTRL('b'), UK_CTRL('d'), UK_CTRL('u'), 'g', 'G',
				UK_HOME, UK_END };
#define N_ALL_KEYS (sizeof all_keys / sizeof all_keys[0])

/* Random keys, mostly lines and pages, now and then an end. */
static void random_keys(struct portfolio *pf, int n, const char *what)
{
	for (int i = 0; i < n; i++) {
		int r = rnd(20), k;

		if (r < 5)
			k = 'j';
		else if (r < 10)
			k = 'k';
		else
			k = all_keys[rnd((int)N_ALL_KEYS)];
		both(pf, k, what);
	}
}

/* ---- cursor ---- */

START_TEST(cursor_scrolls_over_a_long_list)
{
	struct portfolio *pf;
	char name[8];

	OK(store_begin(db, err));
	for (int i = 0; i < 60; i++) {
		snprintf(name, sizeof name, "p%02d", 59 - i); /* ids not in name order */
		add_plain(db, name);
	}
	OK(store_commit(db, err));
	pf = loaded(20);
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert(pf->at_start);
	keys(pf, 'j', 25);
	ck_assert_str_eq(selected(pf), "p25");
	ck_assert_int_eq(portfolio_position(pf), 25);
	ck_assert_int_eq(top_of(pf), 6);
	key(pf, 'G');
	ck_assert_str_eq(selected(pf), "p59");
	ck_assert_int_eq(portfolio_position(pf), 59);
	ck_assert_int_eq(top_of(pf), 40);
	ck_assert(pf->at_end);
	key(pf, UK_PGUP);
	ck_assert_int_eq(top_of(pf), 20);
	ck_assert(pf->nav.cur >= pf->nav.top && pf->nav.cur < pf->nav.top + 20);
	key(pf, 'g');
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert_int_eq(top_of(pf), 0);
	ck_assert(pf->at_start);
	free_pf(pf);
}
END_TEST

START_TEST(an_empty_list_has_no_selection)
{
	struct portfolio *pf = loaded(10);
	struct ally_err err = { 0 };
	char *s;

	ck_assert_ptr_null(portfolio_selected(pf));
	ck_assert_uint_eq(portfolio_count(pf), 0);
	ck_assert_int_eq(portfolio_position(pf), -1);
	ck_assert(!portfolio_move_key(pf, 'x', &err));
	key(pf, 'j');
	key(pf, 'G');
	key(pf, UK_PGUP);
	ck_assert_ptr_null(portfolio_selected(pf));
	sort_next(pf);
	ck_assert_ptr_null(portfolio_selected(pf));
	portfolio_search_begin(pf);
	type(pf, "a");
	ck_assert(pf->search_failed);
	skey(pf, UK_ENTER);
	ck_assert_int_eq(search_next(pf, 1), PF_NO_PATTERN);
	s = portfolio_header_fit(pf, false, 40);
	ck_assert_str_eq(s, "0 partners                 sort: score ↓");
	free(s);
	free_pf(pf);
}
END_TEST

/* 300 partners, 10 rows shown: every key moves as over the whole list,
 * the window never more than a few screens of it. */
START_TEST(a_long_list_moves_as_if_it_were_all_held)
{
	struct portfolio *pf;

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	check(pf, "loaded");
	ck_assert(pf->at_start && !pf->at_end);
	ck_assert_int_eq(pf->total, 300);
	ck_assert_uint_eq(walk(pf, 'j', "down to the end"), 299);
	ck_assert_str_eq(selected(pf), "Partner 0299");
	ck_assert(pf->at_end && !pf->at_start);
	ck_assert_uint_eq(walk(pf, 'k', "up to the start"), 299);
	ck_assert_str_eq(selected(pf), "Partner 0000");
	ck_assert(pf->at_start && !pf->at_end);
	both(pf, 'G', "G");
	ck_assert_str_eq(selected(pf), "Partner 0299");
	ck_assert(pf->at_end);
	both(pf, 'g', "g");
	ck_assert(pf->at_start);
	ck_assert_uint_eq(walk(pf, UK_PGDN, "pages down"), 30);
	ck_assert(pf->at_end);
	ck_assert_uint_eq(walk(pf, UK_PGUP, "pages up"), 30);
	ck_assert(pf->at_start);
	walk(pf, UK_CTRL('d'), "half pages down");
	ck_assert_int_eq(portfolio_position(pf), 299);
	walk(pf, UK_CTRL('u'), "half pages up");
	ck_assert_int_eq(portfolio_position(pf), 0);
	for (int i = 0; i < 15; i++)
		both(pf, UK_PGDN, "in the middle");
	ck_assert(!pf->at_start && !pf->at_end);
	seed = 1;
	random_keys(pf, 600, "random keys");
	free_pf(pf);
}
END_TEST

START_TEST(a_long_list_at_any_height)
{
	static const size_t heights[] = { 1, 2, 3, 7, 25, 299, 300, 400 };
	char what[32];

	big_portfolio(300);
	for (size_t t = 0; t < sizeof heights / sizeof heights[0]; t++) {
		struct portfolio *pf = loaded(heights[t]);

		snprintf(what, sizeof what, "height %zu", heights[t]);
		expect(PF_SORT_NAME, false, &ALL, heights[t]);
		check(pf, what);
		seed = (unsigned)t + 7;
		random_keys(pf, 250, what);
		both(pf, 'G', what);
		walk(pf, 'k', what);
		ck_assert_int_eq(portfolio_position(pf), 0);
		free_pf(pf);
	}
}
END_TEST

/* ---- sort ---- */

START_TEST(name_order_first_accents_with_their_letter)
{
	struct portfolio *pf = five_rows();

	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	ck_assert_int_eq(pf->sort, PF_SORT_NAME);
	ck_assert(!portfolio_sort_descending(pf));
	/* What a row carries: the facts of its partner. */
	ck_assert_int_eq(portfolio_row(pf, 0)->p.score_w, 9000);
	ck_assert_int_eq(portfolio_row(pf, 0)->next_action, DATE_NONE);
	ck_assert_int_eq(portfolio_row(pf, 1)->next_action, D("2026-06-05"));
	ck_assert_int_eq(portfolio_row(pf, 4)->p.score_w, -1);
	ck_assert_int_eq(portfolio_row(pf, 4)->p.phase, PHASE_LAUNCH);
	free_pf(pf);
}
END_TEST

START_TEST(s_cycles_score_phase_next_name)
{
	struct portfolio *pf = five_rows();

	sort_next(pf);
	/* Highest first, the tie by name, never scored last. */
	ck_assert_int_eq(pf->sort, PF_SORT_SCORE);
	ck_assert_names(pf, "Alpha charlie delta bravo Émile");
	ck_assert(portfolio_sort_descending(pf));
	sort_next(pf);
	/* Along the lifecycle; the two in launch by name. */
	ck_assert_int_eq(pf->sort, PF_SORT_PHASE);
	ck_assert_names(pf, "Alpha delta Émile bravo charlie");
	sort_next(pf);
	/* Soonest first, the tie by name, none last. */
	ck_assert_int_eq(pf->sort, PF_SORT_NEXT);
	ck_assert_names(pf, "bravo charlie Émile delta Alpha");
	sort_next(pf);
	ck_assert_int_eq(pf->sort, PF_SORT_NAME);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	free_pf(pf);
}
END_TEST

START_TEST(S_reverses_but_ties_stay_by_name_and_missing_last)
{
	struct portfolio *pf = five_rows();

	sort_reverse(pf);
	ck_assert(portfolio_sort_descending(pf));
	ck_assert_names(pf, "Émile delta charlie bravo Alpha");
	sort_reverse(pf);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	sort_next(pf); /* score */
	sort_reverse(pf);
	ck_assert(!portfolio_sort_descending(pf));
	ck_assert_names(pf, "bravo charlie delta Alpha Émile");
	sort_next(pf); /* phase, its own direction again */
	ck_assert(!pf->reversed);
	sort_reverse(pf);
	ck_assert_names(pf, "charlie bravo delta Émile Alpha");
	sort_next(pf); /* next action */
	sort_reverse(pf);
	ck_assert_names(pf, "delta charlie Émile bravo Alpha");
	free_pf(pf);
}
END_TEST

START_TEST(sorting_keeps_the_selected_partner)
{
	struct portfolio *pf = five_rows();

	select_id(pf, id_of("delta"));
	ck_assert_uint_eq(pf->nav.cur, 3);
	sort_next(pf);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(portfolio_position(pf), 2);
	ck_assert_uint_eq(pf->nav.cur, 2);
	sort_reverse(pf);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(portfolio_position(pf), 2); /* bravo charlie delta Alpha Émile */
	sort_next(pf);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(portfolio_position(pf), 1);
	free_pf(pf);
}
END_TEST

/* A long list: the first row, reversed, is the last, shown at the bottom. */
START_TEST(reversed_the_first_row_is_last_at_the_bottom)
{
	struct portfolio *pf;
	char name[8];

	OK(store_begin(db, err));
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "p%02d", i);
		add_plain(db, name);
	}
	OK(store_commit(db, err));
	pf = loaded(10);
	sort_reverse(pf);
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert_int_eq(portfolio_position(pf), 39);
	ck_assert_int_eq(top_of(pf), 30);
	ck_assert(pf->at_end);
	key(pf, 'g');
	ck_assert_str_eq(selected(pf), "p39");
	ck_assert_int_eq(portfolio_position(pf), 0);
	free_pf(pf);
}
END_TEST

/* 300 partners: every order and its reverse, the selected partner kept
 * at its height on the screen, and the keys in each order moving as over
 * the whole list. */
START_TEST(sorting_a_long_list_keeps_the_partner_at_its_height)
{
	struct portfolio *pf;
	size_t offset;
	char what[48];

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	for (int i = 0; i < 12; i++)
		both(pf, UK_PGDN, "pages");
	for (int i = 0; i < 4; i++) /* row 124, four rows below the top */
		both(pf, 'j', "down");
	ck_assert_int_eq(portfolio_position(pf), 124);
	ck_assert_uint_eq(pf->nav.cur - pf->nav.top, 4);
	seed = 99;
	for (int step = 0; step < 8; step++) {
		int64_t id = selected_id(pf);

		offset = pf->nav.cur - pf->nav.top;
		if (step % 2 == 0)
			sort_next(pf);
		else
			sort_reverse(pf);
		snprintf(what, sizeof what, "sort %s%s", pf_sort_names[pf->sort],
			 pf->reversed ? " reversed" : "");
		expect(pf->sort, pf->reversed, &ALL, 10);
		ck_assert_int_eq(selected_id(pf), id);
		model_at(index_of(id), offset);
		check(pf, what);
		random_keys(pf, 40, what);
	}
	ck_assert_int_eq(pf->sort, PF_SORT_NAME);
	ck_assert(pf->reversed);
	free_pf(pf);
}
END_TEST

/* ---- search ---- */

START_TEST(search_moves_to_the_first_match_from_the_start_row)
{
	struct portfolio *pf = five_rows();

	select_id(pf, id_of("bravo"));
	portfolio_search_begin(pf);
	ck_assert(pf->searching);
	type(pf, "r");
	ck_assert_str_eq(selected(pf), "bravo"); /* the start row itself matches */
	skey(pf, UK_BACKSPACE);
	type(pf, "l");
	ck_assert_str_eq(selected(pf), "charlie"); /* the first "l" after bravo */
	type(pf, "p");
	ck_assert_str_eq(selected(pf), "Alpha"); /* wrapped round to the top */
	ck_assert(!pf->search_failed);
	skey(pf, UK_BACKSPACE);
	ck_assert_str_eq(selected(pf), "charlie"); /* again from bravo, not from Alpha */
	free_pf(pf);
}
END_TEST

START_TEST(search_ignores_case_and_accents_are_letters)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "ÉMI");
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert(portfolio_row_matches(pf, 4));
	ck_assert(!portfolio_row_matches(pf, 0));
	skey(pf, UK_ESC);
	/* É is a letter of its own: "emi" is not in "Émile". */
	portfolio_search_begin(pf);
	type(pf, "emi");
	ck_assert(pf->search_failed);
	ck_assert_str_eq(selected(pf), "Alpha");
	free_pf(pf);
}
END_TEST

START_TEST(no_match_goes_back_to_the_start_row)
{
	struct portfolio *pf = five_rows();

	select_id(pf, id_of("charlie"));
	portfolio_search_begin(pf);
	type(pf, "delt");
	ck_assert_str_eq(selected(pf), "delta");
	type(pf, "x");
	ck_assert(pf->search_failed);
	ck_assert_str_eq(selected(pf), "charlie");
	skey(pf, UK_ENTER);
	ck_assert(!pf->searching);
	ck_assert_ptr_null(pf->pattern); /* a failed search is not kept for n */
	free_pf(pf);
}
END_TEST

START_TEST(the_prompt_takes_every_key)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "q1/n");
	ck_assert_str_eq(ui_line_text(&pf->line), "q1/n");
	ck_assert(pf->searching);
	skey(pf, UK_CTRL('u'));
	ck_assert_str_eq(ui_line_text(&pf->line), "");
	skey(pf, UK_BACKSPACE); /* on an empty prompt: closes it */
	ck_assert(!pf->searching);
	free_pf(pf);
}
END_TEST

START_TEST(esc_in_the_prompt_returns_and_keeps_the_last_search)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "ha");
	skey(pf, UK_ENTER);
	ck_assert_str_eq(pf->pattern, "ha");
	ck_assert_str_eq(selected(pf), "Alpha");
	select_id(pf, id_of("bravo"));
	portfolio_search_begin(pf);
	type(pf, "delta");
	ck_assert_str_eq(selected(pf), "delta");
	skey(pf, UK_ESC);
	ck_assert(!pf->searching);
	ck_assert_str_eq(selected(pf), "bravo");
	ck_assert_str_eq(pf->pattern, "ha");
	/* Enter on an empty prompt keeps the previous search too. */
	portfolio_search_begin(pf);
	skey(pf, UK_ENTER);
	ck_assert_str_eq(pf->pattern, "ha");
	ck_assert_str_eq(selected(pf), "bravo");
	free_pf(pf);
}
END_TEST

START_TEST(a_match_off_the_screen_scrolls_to_the_middle)
{
	struct portfolio *pf;
	char name[8];

	OK(store_begin(db, err));
	for (int i = 0; i < 60; i++) {
		snprintf(name, sizeof name, "p%02d", i);
		add_plain(db, name);
	}
	OK(store_commit(db, err));
	pf = loaded(20);
	portfolio_search_begin(pf);
	type(pf, "p4");
	ck_assert_str_eq(selected(pf), "p40");
	ck_assert_int_eq(top_of(pf), 30); /* p30..p49: rows on both sides */
	type(pf, "5");
	ck_assert_str_eq(selected(pf), "p45");
	ck_assert_int_eq(top_of(pf), 30); /* on the screen already: no jump */
	skey(pf, UK_ENTER);
	str_set(&pf->pattern, "p0");
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "p00");
	ck_assert_int_eq(top_of(pf), 0);
	free_pf(pf);
}
END_TEST

/* 300 partners, 10 rows shown: a match far outside the window is found,
 * by a pattern of one or two characters (the walk of the order) as by a
 * longer one (the names' trigram index), wrapping at the end; Esc goes
 * back; the position and the window are the whole list's. */
START_TEST(a_search_finds_a_match_far_outside_the_window)
{
	struct portfolio *pf;

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	ck_assert_uint_eq(index_of(big[q1].id), 42);
	ck_assert_uint_eq(index_of(big[q2].id), 150);
	ck_assert_uint_eq(index_of(big[zz].id), 270);
	portfolio_search_begin(pf);
	type(pf, "q");
	model_jump(42);
	check(pf, "/q");
	ck_assert_str_eq(selected(pf), "Partner 0042 Quokka");
	ck_assert_int_eq(top_of(pf), 37);
	ck_assert(portfolio_row_matches(pf, pf->nav.cur));
	ck_assert(!portfolio_row_matches(pf, pf->nav.cur + 1));
	type(pf, "u");
	check(pf, "/qu");
	type(pf, "okka");
	check(pf, "/quokka");
	skey(pf, UK_ENTER);
	ck_assert_str_eq(pf->pattern, "quokka");
	ck_assert_int_eq(search_next(pf, 1), PF_FOUND);
	model_jump(150);
	check(pf, "n to the second quokka");
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	model_jump(42);
	check(pf, "n wraps to the first");
	ck_assert_int_eq(search_next(pf, -1), PF_WRAPPED);
	model_jump(150);
	check(pf, "N wraps to the last");
	ck_assert_int_eq(search_next(pf, -1), PF_FOUND);
	model_jump(42);
	check(pf, "N back to the first");
	/* Two characters, one match far ahead; Esc goes back. */
	portfolio_search_begin(pf);
	type(pf, "zy");
	model_jump(270);
	check(pf, "/zy");
	skey(pf, UK_ESC);
	model_jump(42);
	check(pf, "Esc");
	ck_assert_str_eq(pf->pattern, "quokka");
	/* Three, the lone match: n finds it again. */
	portfolio_search_begin(pf);
	type(pf, "yzz");
	model_jump(270);
	check(pf, "/yzz");
	skey(pf, UK_ENTER);
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	check(pf, "n on the lone match");
	ck_assert_int_eq(search_next(pf, -1), PF_WRAPPED);
	check(pf, "N on the lone match");
	/* From the last row, a search wraps round to the top. */
	both(pf, 'G', "G");
	portfolio_search_begin(pf);
	type(pf, "q");
	model_jump(42);
	check(pf, "/q from the end");
	type(pf, "uokka");
	check(pf, "/quokka from the end");
	skey(pf, UK_ENTER);
	/* A pattern every name contains: the next row, then round. */
	portfolio_search_begin(pf);
	type(pf, "artner");
	check(pf, "/artner");
	skey(pf, UK_ENTER);
	ck_assert_int_eq(search_next(pf, 1), PF_FOUND);
	model_jump(43);
	check(pf, "n on artner");
	ck_assert_int_eq(search_next(pf, -1), PF_FOUND);
	ck_assert_int_eq(search_next(pf, -1), PF_FOUND);
	model_jump(41);
	check(pf, "N N on artner");
	both(pf, 'G', "G");
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	model_jump(0);
	check(pf, "n on artner past the end");
	ck_assert_int_eq(search_next(pf, -1), PF_WRAPPED);
	model_jump(299);
	check(pf, "N on artner before the start");
	/* No match: nothing moves. */
	str_set(&pf->pattern, "wombat");
	ck_assert_int_eq(search_next(pf, 1), PF_NOT_FOUND);
	check(pf, "n on wombat");
	str_set(&pf->pattern, "wo");
	ck_assert_int_eq(search_next(pf, -1), PF_NOT_FOUND);
	check(pf, "N on wo");
	free_pf(pf);
}
END_TEST

/* A filtered list is searched among its rows only: the Quokka in launch
 * is found, the one in prospect is not. */
START_TEST(a_search_of_a_long_filtered_list_finds_only_its_rows)
{
	struct portfolio *pf;
	struct want launch = ALL;

	big_portfolio(300);
	launch.phase = PHASE_LAUNCH;
	pf = new_pf();
	portfolio_set_height(pf, 10);
	apply(pf, &launch);
	load(pf);
	expect(PF_SORT_NAME, false, &launch, 10);
	check(pf, "launch");
	ck_assert_uint_gt(m.n, 20);
	portfolio_search_begin(pf);
	type(pf, "q");
	model_jump(index_of(big[q2].id));
	check(pf, "/q in launch");
	type(pf, "uokka");
	check(pf, "/quokka in launch");
	skey(pf, UK_ENTER);
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	check(pf, "n in launch");
	str_set(&pf->pattern, "zyzzyva"); /* in exit */
	ck_assert_int_eq(search_next(pf, 1), PF_NOT_FOUND);
	check(pf, "n on a name the filter leaves out");
	free_pf(pf);
}
END_TEST

/* 300 partners, rows 40..49 shown, 40 selected; '/' and "q": Quokka at
 * 42 is on the screen, selected where it is. */
static struct portfolio *quokka_on_the_screen(void)
{
	struct portfolio *pf;

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	both(pf, 'G', "G");
	for (int i = 0; i < 259; i++)
		both(pf, 'k', "up");
	ck_assert_int_eq(portfolio_position(pf), 40);
	ck_assert_int_eq(top_of(pf), 40);
	portfolio_search_begin(pf);
	type(pf, "q");
	model_jump(42);
	check(pf, "/q, on the screen");
	ck_assert_int_eq(top_of(pf), 40);
	return pf;
}

/* When the match was on the screen, Esc goes back to the start row
 * without moving the screen, as over a list held whole: nothing on it
 * moved but the cursor. */
START_TEST(esc_back_to_a_row_on_the_screen_keeps_the_screen)
{
	struct portfolio *pf = quokka_on_the_screen();

	skey(pf, UK_ESC);
	ck_assert(!pf->searching);
	model_jump(40);
	check(pf, "Esc back to row 40");
	ck_assert_int_eq(top_of(pf), 40);
	free_pf(pf);
}
END_TEST

/* The same when the text typed matches no more. */
START_TEST(no_match_back_to_a_row_on_the_screen_keeps_the_screen)
{
	struct portfolio *pf = quokka_on_the_screen();

	type(pf, "x");
	ck_assert(pf->search_failed);
	model_jump(40);
	check(pf, "/qx: no match, back to row 40");
	ck_assert_int_eq(top_of(pf), 40);
	skey(pf, UK_BACKSPACE);
	model_jump(42);
	check(pf, "/q again");
	skey(pf, UK_BACKSPACE);
	model_jump(40);
	check(pf, "empty: back to row 40");
	free_pf(pf);
}
END_TEST

START_TEST(n_and_N_wrap_around)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "A"); /* Alpha bravo charlie delta, not Émile */
	skey(pf, UK_ENTER);
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert_int_eq(search_next(pf, 1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "bravo");
	search_next(pf, 1);
	ck_assert_int_eq(search_next(pf, 1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert_int_eq(search_next(pf, -1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(search_next(pf, -1), PF_FOUND);
	ck_assert_str_eq(selected(pf), "charlie");
	free_pf(pf);
}
END_TEST

START_TEST(a_lone_match_is_found_again_and_none_stays)
{
	struct portfolio *pf = five_rows();

	portfolio_search_begin(pf);
	type(pf, "mil");
	skey(pf, UK_ENTER);
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert_int_eq(search_next(pf, 1), PF_WRAPPED);
	ck_assert_str_eq(selected(pf), "Émile");
	str_set(&pf->pattern, "zulu");
	select_id(pf, id_of("bravo"));
	ck_assert_int_eq(search_next(pf, -1), PF_NOT_FOUND);
	ck_assert_str_eq(selected(pf), "bravo");
	free_pf(pf);
}
END_TEST

/* ---- filter ---- */

START_TEST(esc_clears_search_and_filter)
{
	struct portfolio *pf = five_rows();

	ck_assert(!portfolio_clear(pf)); /* nothing to clear: no reload */
	str_set(&pf->pattern, "al");
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_owner(pf, "dana");
	ck_assert(portfolio_filtered(pf));
	ck_assert(portfolio_clear(pf));
	ck_assert(!portfolio_filtered(pf));
	ck_assert_ptr_null(pf->pattern);
	ck_assert_ptr_null(pf->filter.owner);
	ck_assert_int_eq(pf->filter.phase, -1);
	ck_assert(!portfolio_row_matches(pf, 0));
	load(pf);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	free_pf(pf);
}
END_TEST

START_TEST(filter_text_names_every_filter)
{
	struct portfolio *pf = new_pf();
	char *s;

	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "");
	free(s);
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_type(pf, PTYPE_CHANNEL);
	portfolio_filter_tier(pf, TIER_1);
	portfolio_filter_owner(pf, "ana");
	portfolio_filter_flagged(pf, true);
	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "phase=launch, type=channel, tier=1, owner=ana, flagged");
	free(s);
	portfolio_filter_phase(pf, -1);
	portfolio_filter_type(pf, -1);
	portfolio_filter_owner(pf, NULL);
	portfolio_filter_tier(pf, TIER_NONE);
	s = portfolio_filter_text(pf);
	ck_assert_str_eq(s, "tier=none, flagged");
	free(s);
	portfolio_filter_flagged(pf, false);
	portfolio_filter_tier(pf, -2);
	ck_assert(!portfolio_filtered(pf));
	free_pf(pf);
}
END_TEST

/* Each filter lists what it names, and the header counts them. */
START_TEST(filters_list_what_they_name)
{
	static const struct {
		struct want w;
		const char *names, *header;
	} cases[] = {
		{ { PHASE_LAUNCH, -1, -2, NULL, false }, "delta Émile",
		  "2 of 5 partners | filter: phase=launch | sort: name asc" },
		{ { -1, PTYPE_CHANNEL, -2, NULL, false }, "charlie delta",
		  "2 of 5 partners | filter: type=channel | sort: name asc" },
		{ { -1, -1, TIER_1, NULL, false }, "Alpha",
		  "1 of 5 partners | filter: tier=1 | sort: name asc" },
		{ { -1, -1, TIER_2, NULL, false }, "charlie delta",
		  "2 of 5 partners | filter: tier=2 | sort: name asc" },
		{ { -1, -1, TIER_3, NULL, false }, "bravo",
		  "1 of 5 partners | filter: tier=3 | sort: name asc" },
		{ { -1, -1, TIER_NONE, NULL, false }, "Émile",
		  "1 of 5 partners | filter: tier=none | sort: name asc" },
		{ { -1, -1, TIER_UNQUALIFIED, NULL, false }, "",
		  "0 of 5 partners | filter: tier=unqualified | sort: name asc" },
		{ { -1, -1, -2, "ANA", false }, "charlie delta",
		  "2 of 5 partners | filter: owner=ANA | sort: name asc" },
		{ { -1, -1, -2, "tester", false }, "Émile",
		  "1 of 5 partners | filter: owner=tester | sort: name asc" },
		{ { -1, -1, -2, NULL, true }, "bravo delta Émile",
		  "3 of 5 partners | filter: flagged | sort: name asc" },
		{ { PHASE_LAUNCH, -1, -2, "ana", true }, "delta",
		  "1 of 5 partners | filter: phase=launch, owner=ana, flagged | sort: name asc" },
		{ { -1, PTYPE_TECHNOLOGY, TIER_3, NULL, true }, "bravo",
		  "1 of 5 partners | filter: type=technology, tier=3, flagged | sort: name asc" },
		{ { PHASE_EXIT, -1, -2, NULL, true }, "",
		  "0 of 5 partners | filter: phase=exit, flagged | sort: name asc" },
	};
	struct portfolio *pf = five_rows();

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		apply(pf, &cases[i].w);
		load(pf);
		check_msg(portfolio_filtered(pf), "case %zu", i);
		ck_assert_names(pf, cases[i].names);
		ck_assert_header(pf, true, cases[i].header);
		ck_assert_int_eq(pf->listed, (int64_t)portfolio_count(pf));
		ck_assert_int_eq(pf->total, 5);
		for (size_t r = 0; r < portfolio_count(pf); r++)
			if (cases[i].w.flagged)
				ck_assert(portfolio_row(pf, r)->flags != 0);
		if (portfolio_count(pf) == 0)
			ck_assert_ptr_null(portfolio_selected(pf));
	}
	ck_assert(portfolio_clear(pf));
	load(pf);
	ck_assert_names(pf, "Alpha bravo charlie delta Émile");
	/* The two left out by "flagged" carry no flag. */
	ck_assert_uint_eq(portfolio_row(pf, 0)->flags, 0);
	ck_assert_uint_eq(portfolio_row(pf, 2)->flags, 0);
	ck_assert_header(pf, true, "5 partners | sort: name asc");
	free_pf(pf);
}
END_TEST

/* 300 partners: each filter's count, and its rows moved over as a whole
 * list of that many, in two orders. */
START_TEST(a_filter_of_a_long_list_counts_and_moves)
{
	static const struct want wants[] = {
		{ PHASE_LAUNCH, -1, -2, NULL, false }, { -1, PTYPE_CHANNEL, -2, NULL, false },
		{ -1, -1, TIER_2, NULL, false },	 { -1, -1, TIER_NONE, NULL, false },
		{ -1, -1, -2, "bo", false },		 { -1, -1, -2, "tester", false },
		{ -1, -1, -2, NULL, true },		 { PHASE_LAUNCH, -1, -2, "ana", false },
		{ -1, PTYPE_TECHNOLOGY, -2, NULL, true }, { PHASE_EXIT, -1, TIER_1, "bo", true },
	};
	char what[64], want_head[64], *s;

	big_portfolio(300);
	for (size_t t = 0; t < sizeof wants / sizeof wants[0]; t++) {
		struct portfolio *pf = new_pf();

		portfolio_set_height(pf, 10);
		apply(pf, &wants[t]);
		load(pf);
		snprintf(what, sizeof what, "filter %zu", t);
		expect(PF_SORT_NAME, false, &wants[t], 10);
		check(pf, what);
		ck_assert_int_eq(pf->total, 300);
		s = portfolio_header(pf, true);
		snprintf(want_head, sizeof want_head, "%zu of 300 partners | filter: ", m.n);
		check_msg(strncmp(s, want_head, strlen(want_head)) == 0, "%s: header '%s'", what,
			      s);
		free(s);
		seed = (unsigned)t + 100;
		random_keys(pf, 80, what);
		if (m.n > 0) {
			both(pf, 'G', what);
			snprintf(want_head, sizeof want_head, "sort: name ↑  %zu/%zu", m.n, m.n);
			ck_assert_header_ends(pf, 100, want_head);
		}
		{
			int64_t id = selected_id(pf);
			size_t offset = pf->nav.cur - pf->nav.top;

			sort_next(pf);
			expect(PF_SORT_SCORE, false, &wants[t], 10);
			ck_assert_int_eq(selected_id(pf), id);
			if (m.n > 0)
				model_at(index_of(id), offset);
			check(pf, what);
		}
		random_keys(pf, 40, what);
		free_pf(pf);
	}
	/* The flagged ones are not all nor none of them. */
	{
		struct want f = ALL;

		f.flagged = true;
		expect(PF_SORT_NAME, false, &f, 10);
		ck_assert_uint_gt(m.n, 10);
		ck_assert_uint_lt(m.n, 290);
	}
}
END_TEST

/* Past PF_COUNT_CAP rows the filter's count says "at least"; the
 * position after G is not known ("?") until a move from the top. */
START_TEST(a_count_past_the_cap_says_so)
{
	struct portfolio *pf;
	char name[32], *s;

	OK(store_begin(db, err));
	for (int i = 0; i < 1005; i++) {
		snprintf(name, sizeof name, "Live %04d", i);
		add_partner(db, name, -1, PHASE_LAUNCH, PTYPE_CHANNEL, NULL, DATE_NONE);
	}
	OK(store_commit(db, err));
	pf = loaded(10);
	ck_assert_header(pf, true, "1005 partners | sort: name asc");
	ck_assert_header_ends(pf, 80, "sort: name ↑  1/1005");
	portfolio_filter_flagged(pf, true); /* every one: no sponsor */
	load(pf);
	ck_assert_int_eq(pf->listed, PF_COUNT_CAP);
	ck_assert(pf->listed_more);
	ck_assert_header(pf, true, "1000+ of 1005 partners | filter: flagged | sort: name asc");
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_str_eq(s, "1000+ of 1005 partners | filter: flagged"
			    "                 sort: name asc  1/1000+");
	free(s);
	keys(pf, 'j', 3);
	ck_assert_header_ends(pf, 80, "sort: name ↑  4/1000+");
	key(pf, 'G');
	ck_assert_str_eq(selected(pf), "Live 1004");
	ck_assert_header_ends(pf, 80, "sort: name ↑  ?/1000+");
	key(pf, 'k');
	ck_assert_str_eq(selected(pf), "Live 1003");
	key(pf, 'g');
	ck_assert_str_eq(selected(pf), "Live 0000");
	ck_assert_header_ends(pf, 80, "sort: name ↑  1/1000+");
	/* Past the thousandth row: its place, and at least that many. */
	for (int i = 0; i < 101; i++)
		key(pf, UK_PGDN);
	ck_assert_str_eq(selected(pf), "Live 1004");
	ck_assert_int_eq(portfolio_position(pf), 1004);
	ck_assert_header_ends(pf, 80, "sort: name ↑  1005/1005+");
	free_pf(pf);
}
END_TEST

START_TEST(header_counts_filter_and_sort)
{
	struct portfolio *pf = five_rows();
	char *s;

	ck_assert_header(pf, false, "5 partners · sort: name ↑");
	add_extras(db, 7); /* prospects, none flagged */
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	portfolio_filter_flagged(pf, true);
	sort_next(pf);
	ck_assert_names(pf, "delta Émile");
	s = portfolio_header(pf, false);
	ck_assert_str_eq(s, "2 of 12 partners · filter: phase=launch, flagged · sort: score ↓");
	free(s);
	str_set(&pf->pattern, "acme");
	s = portfolio_header(pf, true);
	ck_assert_str_eq(s, "2 of 12 partners | filter: phase=launch, flagged | sort: score desc"
			    " | search: acme");
	free(s);
	free_pf(pf);
}
END_TEST

START_TEST(one_partner_is_singular)
{
	struct portfolio *pf;

	add_five(1);
	pf = loaded(10);
	ck_assert_header(pf, true, "1 partner | sort: name asc");
	free_pf(pf);
}
END_TEST

/* The header as drawn: count left, sort right, both whole at 80 columns
 * whatever is filtered; the filter in words when it fits, else short. */
START_TEST(header_fit_keeps_count_and_sort)
{
	struct portfolio *pf = five_rows();
	char *s;

	s = portfolio_header_fit(pf, false, 40);
	ck_assert_str_eq(s, "5 partners             sort: name ↑  1/5");
	free(s);
	add_extras(db, 10);
	portfolio_filter_phase(pf, PHASE_STEADY_STATE);
	portfolio_filter_type(pf, PTYPE_TECHNOLOGY);
	portfolio_filter_owner(pf, "lchen");
	portfolio_filter_flagged(pf, true);
	load(pf);
	ck_assert_uint_eq(portfolio_count(pf), 0);
	s = portfolio_header_fit(pf, false, 80);
	ck_assert_uint_eq(text_width(s), 80);
	ck_assert_str_eq(s, "0 of 15 partners · filter: steady tech lchen flagged"
			    "                sort: name ↑");
	free(s);
	s = portfolio_header_fit(pf, false, 120);
	ck_assert_str_eq(s, "0 of 15 partners · filter: phase=steady_state, type=technology, "
			    "owner=lchen, flagged                        sort: name ↑");
	free(s);
	/* A long owner and a search: the owner cut, the ends whole. */
	portfolio_filter_owner(pf, "a-very-long-owner-name-that-goes-on-and-on");
	portfolio_filter_tier(pf, TIER_1);
	str_set(&pf->pattern, "acme");
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 a-very-long~ flagged ~"
			    "  sort: name asc");
	free(s);
	s = portfolio_header_fit(pf, true, 100);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 a-very-long~ flagged | /acme"
			    "                sort: name asc");
	free(s);
	portfolio_filter_owner(pf, NULL);
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_str_eq(s, "0 of 15 partners | filter: steady tech T1 flagged | /acme"
			    "         sort: name asc");
	free(s);
	/* Text from the database cannot move the sort: markers count. */
	portfolio_filter_owner(pf, "e\x1b[2Jvil");
	s = portfolio_header_fit(pf, true, 100);
	ck_assert_ptr_null(strchr(s, '\x1b'));
	ck_assert_uint_eq(text_width(s), 100);
	free(s);
	free_pf(pf);
}
END_TEST

/* Where the selection is, at the right as in History ("1/244"): it
 * follows the cursor, and a long filter is cut for it, not the ends. */
START_TEST(header_fit_shows_the_position)
{
	static const char owner[] = "a-very-long-owner-name-that-goes-on-and-on";
	struct portfolio *pf = five_rows();
	char *s;

	select_id(pf, id_of("delta"));
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s + 80 - strlen("sort: name asc  4/5"), "sort: name asc  4/5");
	free(s);
	key(pf, 'G');
	s = portfolio_header_fit(pf, false, 80);
	ck_assert_ptr_nonnull(strstr(s, "sort: name ↑  5/5"));
	free(s);
	/* 300 partners, two of them in steady state, technology, that
	 * owner's and flagged (no sponsor). */
	OK(store_begin(db, err));
	add_partner(db, "Acme Labs", -1, PHASE_STEADY_STATE, PTYPE_TECHNOLOGY, owner, DATE_NONE);
	add_partner(db, "Acme Works", -1, PHASE_STEADY_STATE, PTYPE_TECHNOLOGY, owner, DATE_NONE);
	add_partner(db, "Acme Other", -1, PHASE_STEADY_STATE, PTYPE_CHANNEL, owner, DATE_NONE);
	OK(store_commit(db, err));
	add_extras(db, 292);
	portfolio_filter_owner(pf, owner);
	portfolio_filter_phase(pf, PHASE_STEADY_STATE);
	portfolio_filter_type(pf, PTYPE_TECHNOLOGY);
	portfolio_filter_flagged(pf, true);
	str_set(&pf->pattern, "acme");
	load(pf);
	/* Émile is not listed: the row where it stood is the last. */
	ck_assert_str_eq(selected(pf), "Acme Works");
	s = portfolio_header_fit(pf, true, 80);
	ck_assert_uint_eq(strlen(s), 80);
	ck_assert_str_eq(s, "2 of 300 partners | filter: steady tech a-very-long~ flagg~"
			    "  sort: name asc  2/2");
	free(s);
	free_pf(pf);
}
END_TEST

/* 300 partners: "41/300" after 40 rows down, and at the ends. */
START_TEST(header_fit_shows_the_position_in_a_long_list)
{
	struct portfolio *pf;
	char *s;

	big_portfolio(300);
	pf = loaded(10);
	ck_assert_header_ends(pf, 80, "sort: name ↑  1/300");
	keys(pf, 'j', 40);
	ck_assert_str_eq(selected(pf), "Partner 0040");
	s = portfolio_header_fit(pf, false, 80);
	ck_assert_uint_eq(text_width(s), 80);
	ck_assert_str_eq(s, "300 partners                                                "
			    "sort: name ↑  41/300");
	free(s);
	key(pf, 'G');
	ck_assert_header_ends(pf, 80, "sort: name ↑  300/300");
	keys(pf, 'k', 9);
	key(pf, UK_PGUP);
	ck_assert_header_ends(pf, 80, "sort: name ↑  281/300");
	key(pf, 'g');
	ck_assert_header_ends(pf, 80, "sort: name ↑  1/300");
	sort_next(pf);
	expect(PF_SORT_SCORE, false, &ALL, 10);
	ck_assert_int_eq(selected_id(pf), big[0].id);
	s = xasprintf("sort: score ↓  %zu/300", index_of(big[0].id) + 1);
	ck_assert_header_ends(pf, 80, s);
	free(s);
	free_pf(pf);
}
END_TEST

/* ---- reload ---- */

START_TEST(reload_keeps_the_selection_by_id)
{
	struct portfolio *pf = five_rows();
	struct store *other;

	sort_next(pf); /* score */
	sort_next(pf); /* phase */
	select_id(pf, id_of("charlie"));
	ck_assert_uint_eq(pf->nav.cur, 4);
	str_set(&pf->pattern, "a");
	/* Another session renames bravo "zulu" and adds "aaron". */
	other = other_db();
	rename_partner(other, id_of("bravo"), "zulu");
	add_plain(other, "aaron");
	load(pf);
	ck_assert_str_eq(selected(pf), "charlie");
	ck_assert_int_eq(pf->sort, PF_SORT_PHASE);
	ck_assert_str_eq(pf->pattern, "a");
	ck_assert_names(pf, "aaron Alpha delta Émile zulu charlie");
	ck_assert_int_eq(pf->total, 6);
	/* The flagged ones only: charlie (in exit) is not among them, and
	 * the row where it stood is the last. */
	portfolio_filter_flagged(pf, true);
	load(pf);
	ck_assert_names(pf, "delta Émile zulu");
	ck_assert_str_eq(selected(pf), "zulu");
	/* Another change: the filter, the sort and the search stay. */
	rename_partner(other, id_of("delta"), "Dora");
	load(pf);
	ck_assert_str_eq(selected(pf), "zulu");
	ck_assert(pf->filter.flagged_only);
	ck_assert_int_eq(pf->sort, PF_SORT_PHASE);
	ck_assert_str_eq(pf->pattern, "a");
	ck_assert_names(pf, "Dora Émile zulu");
	close_other(other);
	free_pf(pf);
}
END_TEST

START_TEST(reload_without_the_partner_stays_on_its_row)
{
	struct portfolio *pf = five_rows();
	struct store *other;

	select_id(pf, id_of("charlie"));
	ck_assert_uint_eq(pf->nav.cur, 2);
	other = other_db();
	delete_partner(other, id_of("charlie"));
	delete_partner(other, id_of("Émile"));
	delete_partner(other, id_of("bravo"));
	close_other(other);
	load(pf); /* Alpha and delta only */
	ck_assert_names(pf, "Alpha delta");
	ck_assert_uint_eq(pf->nav.cur, 1);
	ck_assert_str_eq(selected(pf), "delta");
	ck_assert_int_eq(pf->total, 2);
	free_pf(pf);
}
END_TEST

START_TEST(reload_selects_a_wanted_partner)
{
	struct portfolio *pf = five_rows();
	struct ally_err err = { 0 };
	int64_t zed;

	pf->want_id = id_of("Émile");
	load(pf);
	ck_assert_str_eq(selected(pf), "Émile");
	ck_assert_int_eq(pf->want_id, 0);
	select_id(pf, id_of("Alpha"));
	ck_assert_str_eq(selected(pf), "Alpha");
	ck_assert(!portfolio_select_id(pf, 99, &err));
	ck_assert_int_eq(err.status, ALLY_OK);
	ck_assert_str_eq(selected(pf), "Alpha");
	/* Just added here: selected once loaded. */
	zed = add_plain(db, "Zed");
	pf->want_id = zed;
	load(pf);
	ck_assert_str_eq(selected(pf), "Zed");
	ck_assert_int_eq(pf->want_id, 0);
	/* Not listed (filtered out): not selected. */
	portfolio_filter_phase(pf, PHASE_LAUNCH);
	load(pf);
	ck_assert_names(pf, "delta Émile");
	ck_assert(!portfolio_select_id(pf, id_of("bravo"), &err));
	ck_assert_int_eq(err.status, ALLY_OK);
	free_pf(pf);
}
END_TEST

START_TEST(reload_keeps_the_row_at_its_height)
{
	struct portfolio *pf;
	struct store *other;
	int64_t ids[40];
	char name[8];

	OK(store_begin(db, err));
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "p%02d", i);
		ids[i] = add_plain(db, name);
	}
	OK(store_commit(db, err));
	pf = loaded(10);
	keys(pf, 'j', 25);
	key(pf, 'k');
	ck_assert_int_eq(portfolio_position(pf), 24);
	ck_assert_int_eq(top_of(pf), 16);
	other = other_db();
	for (int i = 0; i < 5; i++) /* five rows above it go */
		delete_partner(other, ids[i]);
	close_other(other);
	load(pf);
	ck_assert_str_eq(selected(pf), "p24");
	ck_assert_int_eq(portfolio_position(pf), 19);
	ck_assert_int_eq(top_of(pf), 11);
	ck_assert_int_eq(pf->total, 35);
	free_pf(pf);
}
END_TEST

/* 300 partners: another session adds, deletes and renames; the selected
 * partner stays selected at its height on the screen, at its new place;
 * deleted, the next row takes its place (its position counted from the
 * start, or from the end past the middle). */
START_TEST(a_reload_in_a_long_list_after_another_sessions_changes)
{
	struct portfolio *pf;
	struct store *other;
	size_t at;
	char name[48];
	int64_t id;

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	for (int i = 0; i < 10; i++)
		both(pf, UK_PGDN, "pages");
	for (int i = 0; i < 3; i++)
		both(pf, 'j', "down");
	ck_assert_int_eq(portfolio_position(pf), 103);
	ck_assert_uint_eq(pf->nav.cur - pf->nav.top, 3);
	id = selected_id(pf);

	other = other_db();
	OK(store_begin(other, err));
	for (int i = 0; i < 7; i++) {
		snprintf(name, sizeof name, "Aardvark %d", i);
		add_big(other, name, 1000 * i, PHASE_PROSPECT);
	}
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "Zz %d", i);
		add_big(other, name, -1, PHASE_EXIT);
	}
	delete_partner(other, big[5].id);
	big[5].id = 0;
	delete_partner(other, big[200].id);
	big[200].id = 0;
	rename_partner(other, big[250].id, "Partner 0099 Renamed");
	snprintf(big[250].name, sizeof big[250].name, "Partner 0099 Renamed");
	OK(store_commit(other, err));
	load(pf);
	ck_assert_int_eq(pf->total, 308);
	expect(PF_SORT_NAME, false, &ALL, 10);
	at = index_of(id);
	ck_assert_uint_eq(at, 103 + 7 - 1 + 1);
	model_at(at, 3);
	check(pf, "after adds, deletes and a rename");

	/* The selected partner goes: the next row in its place. */
	delete_partner(other, id);
	for (size_t i = 0; i < nbig; i++)
		if (big[i].id == id)
			big[i].id = 0;
	load(pf);
	expect(PF_SORT_NAME, false, &ALL, 10);
	ck_assert_int_eq(selected_id(pf), expected_at(at)->id);
	model_at(at, 3);
	check(pf, "after the selected partner went");

	/* The selected partner renamed to the top of the list. */
	id = selected_id(pf);
	rename_partner(other, id, "Aaa moved");
	for (size_t i = 0; i < nbig; i++)
		if (big[i].id == id)
			snprintf(big[i].name, sizeof big[i].name, "Aaa moved");
	load(pf);
	expect(PF_SORT_NAME, false, &ALL, 10);
	ck_assert_int_eq(selected_id(pf), id);
	model_at(0, 3);
	check(pf, "after the selected partner was renamed");
	ck_assert(pf->at_start);

	/* Past the middle: the position counted from the end. */
	both(pf, 'G', "G");
	for (int i = 0; i < 30; i++)
		both(pf, 'k', "up");
	at = m.nav.cur;
	id = selected_id(pf);
	ck_assert_uint_gt(at, m.n / 2);
	delete_partner(other, id);
	for (size_t i = 0; i < nbig; i++)
		if (big[i].id == id)
			big[i].id = 0;
	load(pf);
	expect(PF_SORT_NAME, false, &ALL, 10);
	ck_assert_uint_eq(pf->nav.cur - pf->nav.top, 0);
	model_at(at, 0);
	check(pf, "after a partner past the middle went");

	/* The last row goes: the one before it takes its place. */
	both(pf, 'G', "G");
	id = selected_id(pf);
	delete_partner(other, id);
	for (size_t i = 0; i < nbig; i++)
		if (big[i].id == id)
			big[i].id = 0;
	load(pf);
	expect(PF_SORT_NAME, false, &ALL, 10);
	listnav_key(&m.nav, 'G');
	check(pf, "after the last partner went");

	/* Added here and wanted: selected at once, far from where it was. */
	{
		struct bp *b = add_big(db, "Partner 0020 New", 5000, PHASE_LAUNCH);

		pf->want_id = b->id;
		load(pf);
		big_flags();
		expect(PF_SORT_NAME, false, &ALL, 10);
		ck_assert_int_eq(selected_id(pf), b->id);
		ck_assert_int_eq(pf->want_id, 0);
		model_at(index_of(b->id), pf->nav.cur - pf->nav.top);
		check(pf, "the wanted partner");
		random_keys(pf, 60, "after the reloads");
	}
	close_other(other);
	free_pf(pf);
}
END_TEST

/* 300 partners: select_id moves the window to a partner far away; a
 * partner the filter leaves out is not selected and nothing moves. */
START_TEST(select_id_moves_the_window_far)
{
	struct portfolio *pf;
	struct ally_err err = { 0 };
	struct want launch = ALL;

	big_portfolio(300);
	pf = loaded(10);
	expect(PF_SORT_NAME, false, &ALL, 10);
	select_id(pf, big[200].id);
	ck_assert_int_eq(portfolio_position(pf), 200);
	ck_assert(pf->nav.cur >= pf->nav.top && pf->nav.cur < pf->nav.top + 10);
	model_at(200, pf->nav.cur - pf->nav.top);
	check(pf, "select 200");
	select_id(pf, big[3].id);
	model_at(3, pf->nav.cur - pf->nav.top);
	check(pf, "select 3");
	select_id(pf, big[297].id);
	model_at(297, pf->nav.cur - pf->nav.top);
	check(pf, "select 297");
	random_keys(pf, 50, "after select");
	launch.phase = PHASE_LAUNCH;
	apply(pf, &launch);
	load(pf);
	expect(PF_SORT_NAME, false, &launch, 10);
	model_at(index_of(selected_id(pf)), pf->nav.cur - pf->nav.top);
	check(pf, "launch");
	{
		int64_t was = selected_id(pf);
		int64_t top = top_of(pf);

		ck_assert(!portfolio_select_id(pf, big[q1].id, &err)); /* a prospect */
		ck_assert_int_eq(err.status, ALLY_OK);
		ck_assert_int_eq(selected_id(pf), was);
		ck_assert_int_eq(top_of(pf), top);
	}
	select_id(pf, big[q2].id);
	model_at(index_of(big[q2].id), pf->nav.cur - pf->nav.top);
	check(pf, "the launch quokka");
	free_pf(pf);
}
END_TEST

/* A read that fails (the index of the name order gone, as a damaged
 * schema would have it) leaves the state as it was. */
START_TEST(a_failed_read_leaves_the_state_as_it_was)
{
	struct portfolio *pf;
	struct ally_err fail = { 0 };
	struct store *other;
	int64_t id, pos, top, total, listed;
	size_t n;

	big_portfolio(300);
	pf = loaded(10);
	keys(pf, 'j', 50);
	id = selected_id(pf);
	pos = portfolio_position(pf);
	top = top_of(pf);
	total = pf->total;
	listed = pf->listed;
	n = portfolio_count(pf);
	other = other_db();
	add_plain(other, "Aaa new");
	add_plain(other, "Aab new");
	close_other(other);
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "DROP INDEX partners_name", NULL, NULL, NULL), SQLITE_OK);
	ck_assert(portfolio_load(pf, &fail) != ALLY_OK);
	ck_assert(fail.status != ALLY_OK);
	ck_assert_int_eq(selected_id(pf), id);
	ck_assert_int_eq(portfolio_position(pf), pos);
	ck_assert_int_eq(top_of(pf), top);
	ck_assert_uint_eq(portfolio_count(pf), n);
	ck_assert_int_eq(pf->total, total);
	ck_assert_int_eq(pf->listed, listed);
	/* A move that has to read: nothing moves. */
	ally_err_clear(&fail);
	ck_assert(portfolio_move_key(pf, 'G', &fail));
	ck_assert(fail.status != ALLY_OK);
	ck_assert_int_eq(selected_id(pf), id);
	ck_assert_int_eq(portfolio_position(pf), pos);
	ck_assert_int_eq(top_of(pf), top);
	ally_err_clear(&fail);
	ck_assert_int_eq(sqlite3_exec(raw, "CREATE INDEX partners_name ON partners (sort_key, id)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);
	raw = NULL;
	load(pf);
	ck_assert_int_eq(selected_id(pf), id);
	ck_assert_int_eq(portfolio_position(pf), pos + 2);
	ck_assert_int_eq(pf->total, total + 2);
	free_pf(pf);
}
END_TEST

/* ---- cells ---- */

START_TEST(flags_show_whole_markers_and_how_many_more)
{
	unsigned three = FLAG_RENEWAL_DUE | FLAG_NOTICE_SOON | FLAG_REVIEW_OVERDUE;
	char *s;

	s = pf_flags_text(three, 40);
	ck_assert_str_eq(s, "RENEW NOTICE REVIEW");
	free(s);
	s = pf_flags_text(three, 19);
	ck_assert_str_eq(s, "RENEW NOTICE REVIEW");
	free(s);
	s = pf_flags_text(three, 18);
	ck_assert_str_eq(s, "RENEW NOTICE +1");
	free(s);
	s = pf_flags_text(three, 14);
	ck_assert_str_eq(s, "RENEW +2");
	free(s);
	s = pf_flags_text(three, 3);
	ck_assert_str_eq(s, "+3");
	free(s);
	s = pf_flags_text(0, 14);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(next_action_shows_days_to_go)
{
	char out[PF_NEXT_BUFSZ];
	ally_date today = D("2026-06-01");

	ck_assert_str_eq(pf_next_text(D("2026-06-13"), today, true, out), "2026-06-13 +12d");
	ck_assert_str_eq(pf_next_text(D("2026-05-29"), today, true, out), "2026-05-29 -3d");
	ck_assert_str_eq(pf_next_text(D("2026-06-01"), today, true, out), "2026-06-01 today");
	ck_assert_str_eq(pf_next_text(DATE_NONE, today, true, out), "");
	ck_assert_str_eq(pf_next_text(D("2027-03-27"), today, false, out), "03-27 +299d");
	ck_assert_str_eq(pf_next_text(D("2025-12-31"), today, false, out), "12-31 -152d");
	ck_assert_str_eq(pf_next_text(today, today, false, out), "06-01 today");
	/* A year off: the year, so that it never reads as a near date. */
	ck_assert_str_eq(pf_next_text(D("2027-03-28"), today, false, out), "2027-03-28");
	ck_assert_str_eq(pf_next_text(D("2027-06-07"), today, false, out), "2027-06-07");
	ck_assert_str_eq(pf_next_text(D("2025-08-05"), today, false, out), "2025-08-05");
	ck_assert_str_eq(pf_next_text(D("2025-08-06"), today, false, out), "08-06 -299d");
	ck_assert_uint_le(strlen(pf_next_text(D("2027-03-28"), today, false, out)), 12);
}
END_TEST

START_TEST(cells_abbreviate)
{
	ck_assert_str_eq(pf_type_abbrev(PTYPE_JOINT_VENTURE), "jv");
	ck_assert_str_eq(pf_type_abbrev(PTYPE_STRATEGIC_ALLIANCE), "strat");
	ck_assert_str_eq(pf_type_abbrev(PTYPE_CO_MARKETING), "comkt");
	ck_assert_str_eq(pf_type_abbrev(-1), "");
	ck_assert_str_eq(pf_type_abbrev(PTYPE_COUNT), "");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_STEADY_STATE), "steady");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_PROSPECT), "prosp");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_EXIT), "exit");
	ck_assert_str_eq(pf_phase_abbrev(PHASE_COUNT), "");
	ck_assert_str_eq(pf_health_letter(HEALTH_AMBER), "A");
	ck_assert_str_eq(pf_health_letter(-1), "-");
}
END_TEST

static int columns_total(const struct pf_columns *c)
{
	return c->name + c->type + c->tier + c->score + c->phase + c->health + c->owner + c->next +
	       c->flags + 8;
}

START_TEST(columns_fill_the_width_and_the_name_grows)
{
	struct pf_columns c80, c132, c300;

	pf_columns(80, &c80);
	ck_assert_int_eq(columns_total(&c80), 80);
	ck_assert_int_eq(c80.name, 21); /* "Brightwater Analytics" */
	ck_assert_int_ge(c80.flags, 12); /* "RENEW NOTICE" */
	ck_assert_int_ge(c80.next, 11);  /* "10-18 +330d" */
	ck_assert(!c80.year);
	pf_columns(132, &c132);
	ck_assert_int_eq(columns_total(&c132), 132);
	ck_assert_int_gt(c132.name, c80.name);
	ck_assert_int_gt(c132.flags, c80.flags);
	ck_assert_int_gt(c132.owner, c80.owner);
	ck_assert(c132.year);
	ck_assert_int_ge(c132.next, 16); /* "2027-10-18 +330d" */
	pf_columns(300, &c300);
	ck_assert_int_eq(columns_total(&c300), 300);
	ck_assert_int_gt(c300.name, c300.flags);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "portfolio_move_key", cursor_scrolls_over_a_long_list },
		{ "portfolio_move_key", an_empty_list_has_no_selection },
		{ "portfolio_move_key", a_long_list_moves_as_if_it_were_all_held },
		{ "portfolio_move_key", a_long_list_at_any_height },
		{ "portfolio_sort", name_order_first_accents_with_their_letter },
		{ "portfolio_sort", s_cycles_score_phase_next_name },
		{ "portfolio_sort", S_reverses_but_ties_stay_by_name_and_missing_last },
		{ "portfolio_sort", sorting_keeps_the_selected_partner },
		{ "portfolio_sort", reversed_the_first_row_is_last_at_the_bottom },
		{ "portfolio_sort", sorting_a_long_list_keeps_the_partner_at_its_height },
		{ "portfolio_search_key", search_moves_to_the_first_match_from_the_start_row },
		{ "portfolio_search_key", search_ignores_case_and_accents_are_letters },
		{ "portfolio_search_key", no_match_goes_back_to_the_start_row },
		{ "portfolio_search_key", the_prompt_takes_every_key },
		{ "portfolio_search_key", esc_in_the_prompt_returns_and_keeps_the_last_search },
		{ "portfolio_search_key", a_match_off_the_screen_scrolls_to_the_middle },
		{ "portfolio_search_key", a_search_finds_a_match_far_outside_the_window },
		{ "portfolio_search_key", a_search_of_a_long_filtered_list_finds_only_its_rows },
		{ "portfolio_search_key", esc_back_to_a_row_on_the_screen_keeps_the_screen },
		{ "portfolio_search_key", no_match_back_to_a_row_on_the_screen_keeps_the_screen },
		{ "portfolio_search_next", n_and_N_wrap_around },
		{ "portfolio_search_next", a_lone_match_is_found_again_and_none_stays },
		{ "portfolio_clear", esc_clears_search_and_filter },
		{ "portfolio_filter_text", filter_text_names_every_filter },
		{ "portfolio_filter", filters_list_what_they_name },
		{ "portfolio_filter", a_filter_of_a_long_list_counts_and_moves },
		{ "portfolio_filter", a_count_past_the_cap_says_so },
		{ "portfolio_header", header_counts_filter_and_sort },
		{ "portfolio_header", one_partner_is_singular },
		{ "portfolio_header_fit", header_fit_keeps_count_and_sort },
		{ "portfolio_header_fit", header_fit_shows_the_position },
		{ "portfolio_header_fit", header_fit_shows_the_position_in_a_long_list },
		{ "portfolio_load", reload_keeps_the_selection_by_id },
		{ "portfolio_load", reload_without_the_partner_stays_on_its_row },
		{ "portfolio_load", reload_selects_a_wanted_partner },
		{ "portfolio_load", reload_keeps_the_row_at_its_height },
		{ "portfolio_load", a_reload_in_a_long_list_after_another_sessions_changes },
		{ "portfolio_load", a_failed_read_leaves_the_state_as_it_was },
		{ "portfolio_select_id", select_id_moves_the_window_far },
		{ "pf_flags_text", flags_show_whole_markers_and_how_many_more },
		{ "pf_next_text", next_action_shows_days_to_go },
		{ "pf_cells", cells_abbreviate },
		{ "pf_columns", columns_fill_the_width_and_the_name_grows },
	};

	return run_suite(suite_from_fixture("ui-portfolio", cases, sizeof cases / sizeof cases[0],
					    setup, teardown));
}
