/* check-ui-renewals.c: the Renewals view's state on a real database in a
 * temporary directory: which section each contract is in, the order in a
 * section, the horizon, a cursor that never rests on a header, a window
 * of a list far longer than the screen (checked at every key against the
 * whole list laid out and moved as a view holding all of it would), and
 * a selection that survives reloads (another connection's changes, a
 * renewal) and horizon changes. */
#include "ally/ui-renewals.h"
#include "core-test.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ally/contract.h"
#include "ally/partner.h"
#include "ally/store.h"
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

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(tmp_dir, sizeof tmp_dir, "%s/ally-renewals-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
	snprintf(path, sizeof path, "%s/test.db", tmp_dir);
	db = open_db();
}

static void teardown(void)
{
	store_close(db);
	db = NULL;
	tmpdir_remove(tmp_dir);
}

/* ---- making contracts ---- */

static int64_t add_partner(struct store *st, const char *name)
{
	struct partner p;
	int64_t id;

	partner_init(&p);
	p.name = xstrdup(name);
	p.type = PTYPE_TECHNOLOGY;
	OK(store_partner_add(st, &p, err));
	id = p.id;
	partner_finish(&p);
	return id;
}

/* An active contract ending days_left days after TODAY. */
static int64_t add_contract(struct store *st, int64_t pid, int days_left, bool auto_renew,
			    int notice_days)
{
	struct contract c;
	ally_date end = D(TODAY) + days_left;
	int64_t id;

	contract_init(&c);
	c.partner_id = pid;
	c.title = xasprintf("Contract of %d days", days_left);
	c.start_date = (end < D(TODAY) ? end : D(TODAY)) - 30;
	c.end_date = end;
	c.auto_renew = auto_renew;
	c.notice_days = notice_days;
	OK(store_contract_add(st, &c, err));
	id = c.id;
	contract_finish(&c);
	return id;
}

/* A partner of that name with one contract; its id. */
static int64_t add(struct store *st, const char *partner, int days_left, bool auto_renew,
		   int notice_days)
{
	return add_contract(st, add_partner(st, partner), days_left, auto_renew, notice_days);
}

/* A portfolio with every section, one partner per contract. */
/* Renew contract id until until (DATE_NONE: by its term) through st. */
static void renew(struct store *st, int64_t id, ally_date until, ally_date today)
{
	ally_date start, end;

	OK(store_contract_renew(st, id, until, today, &start, &end, err));
}

static void portfolio(void)
{
	add(db, "Aurora", -5, false, 60);    /* lapsed */
	add(db, "Borealis", 10, false, 60);  /* urgent */
	add(db, "Cobalt", 59, true, 90);     /* urgent: its notice passed */
	add(db, "Delta", 60, false, 60);     /* window */
	add(db, "Ember", 90, false, 60);     /* window */
	add(db, "Fjord", 100, true, 90);     /* notice soon: in 10 days */
	add(db, "Garnet", 150, true, 90);    /* later: notice in 60 days */
	add(db, "Harbor", 200, false, 60);   /* later: ends in 200 days, no notice */
}

/* The contract of partner name (the portfolio's names are unique). */
static int64_t id_of(const char *name)
{
	struct renewal_list l;
	int64_t id = 0;

	OK(store_renewals(db, D(TODAY), RENEWALS_HORIZON_MAX, &l, err));
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.rows[i].partner, name) == 0)
			id = l.rows[i].contract_id;
	renewal_list_finish(&l);
	check_msg(id != 0, "no contract of %s", name);
	return id;
}

static struct renewals_state *loaded(size_t height)
{
	struct renewals_state *s = renewals_new(db, D(TODAY));

	renewals_set_height(s, height);
	OK(renewals_load(s, err));
	return s;
}

static int64_t selected_id(const struct renewals_state *s)
{
	const struct renewal *r = renewals_selected(s);

	return r != NULL ? r->contract_id : 0;
}

static const char *selected_name(const struct renewals_state *s)
{
	const struct renewal *r = renewals_selected(s);

	return r != NULL ? r->partner : "(none)";
}

static void key(struct renewals_state *s, int k)
{
	struct ally_err err = { 0 };

	ck_assert(renewals_key(s, k, &err));
	check_msg(err.status == ALLY_OK, "renewals_key: %s", err.msg);
}

static bool step(struct renewals_state *s, int delta)
{
	bool changed = false;

	OK(renewals_step_horizon(s, delta, &changed, err));
	return changed;
}

/* ---- the whole list, laid out independently ---- */

/* A line of the whole list: a header (id 0) or a contract. */
struct eline {
	int section;
	int64_t id;
	int64_t count; /* a header: its section's contracts */
};

struct expected {
	struct renewal_list rows; /* listed, by section, then by renewal_cmp */
	struct eline *lines;
	size_t nlines;
	int64_t counts[RSEC_COUNT];
	int64_t ncontracts;
};

static int section_then_list(const void *a, const void *b)
{
	const struct renewal *x = a, *y = b;
	int sx = (int)renewal_section(x), sy = (int)renewal_section(y);

	if (sx != sy)
		return sx < sy ? -1 : 1;
	return renewal_cmp(x, y);
}

/* What the view should list at horizon, from store_renewals. */
static void expect(struct store *st, int horizon, struct expected *e)
{
	struct renewal_list *l = &e->rows;
	size_t n = 0, k = 0;

	memset(e, 0, sizeof *e);
	OK(store_renewals(st, D(TODAY), horizon, l, err));
	for (size_t i = 0; i < l->n; i++) {
		if (renewal_listed(&l->rows[i], horizon))
			l->rows[n++] = l->rows[i];
		else
			renewal_free_texts(&l->rows[i]);
	}
	l->n = n;
	qsort(l->rows, l->n, sizeof *l->rows, section_then_list);
	e->lines = xcalloc(l->n + RSEC_COUNT + 1, sizeof *e->lines);
	for (size_t i = 0; i < l->n; i++)
		e->counts[renewal_section(&l->rows[i])]++;
	for (int sec = 0; sec < RSEC_COUNT; sec++) {
		if (e->counts[sec] == 0)
			continue;
		e->lines[e->nlines++] = (struct eline){ sec, 0, e->counts[sec] };
		for (; k < l->n && (int)renewal_section(&l->rows[k]) == sec; k++)
			e->lines[e->nlines++] = (struct eline){ sec, l->rows[k].contract_id, 0 };
	}
	e->ncontracts = (int64_t)l->n;
}

static void expected_free(struct expected *e)
{
	renewal_list_finish(&e->rows);
	free(e->lines);
	e->lines = NULL;
}

/* The line of contract id in the whole list, or SIZE_MAX. */
static size_t line_of(const struct expected *e, int64_t id)
{
	for (size_t i = 0; i < e->nlines; i++)
		if (e->lines[i].id == id)
			return i;
	return SIZE_MAX;
}

/* The position (0-based, among contracts) of contract id, or SIZE_MAX. */
static size_t pos_of(const struct expected *e, int64_t id)
{
	for (size_t i = 0; i < e->rows.n; i++)
		if (e->rows.rows[i].contract_id == id)
			return i;
	return SIZE_MAX;
}

/* The first contract listed after r (not listed itself), or the last one
 * when none is: what takes a vanished contract's place. */
static int64_t id_after(const struct expected *e, const struct renewal *r)
{
	for (size_t i = 0; i < e->rows.n; i++)
		if (section_then_list(&e->rows.rows[i], r) > 0)
			return e->rows.rows[i].contract_id;
	return e->rows.n > 0 ? e->rows.rows[e->rows.n - 1].contract_id : 0;
}

/* A copy of row r that owns its texts. */
static struct renewal row_copy(const struct renewal *r)
{
	struct renewal c = *r;

	c.partner = xstrdup(r->partner);
	c.partner_key = r->partner_key != NULL ? xstrdup(r->partner_key) : NULL;
	c.title = xstrdup(r->title);
	return c;
}

/* The window is a run of the whole list's lines with the cursor on a
 * contract in view, the sizes are the list's, it holds about three
 * screens at most, and the header of the selected contract's section
 * shows when it is the first of its section at the top of the screen. */
static void check_window(const struct renewals_state *s, const struct expected *e,
			 const char *where)
{
	size_t line, base;

	check_msg(s->ncontracts == e->ncontracts, "%s: %lld contracts, want %lld", where,
		      (long long)s->ncontracts, (long long)e->ncontracts);
	for (int sec = 0; sec < RSEC_COUNT; sec++)
		check_msg(s->counts[sec] == e->counts[sec], "%s: section %d counts %lld, want %lld",
			      where, sec, (long long)s->counts[sec], (long long)e->counts[sec]);
	check_msg(s->nav.n == s->nlines, "%s: nav.n %zu of %zu lines", where, s->nav.n, s->nlines);
	if (e->nlines == 0) {
		check_msg(s->nlines == 0, "%s: %zu lines of nothing", where, s->nlines);
		ck_assert_ptr_null(renewals_selected(s));
		return;
	}
	check_msg(renewals_selected(s) != NULL, "%s: no contract selected (cur %zu of %zu)",
		      where, s->nav.cur, s->nlines);
	check_msg(s->nlines <= 3 * s->nav.height + 1, "%s: %zu lines held for %zu", where,
		      s->nlines, s->nav.height);
	check_msg(s->nav.top <= s->nav.cur && s->nav.cur < s->nav.top + s->nav.height,
		      "%s: cur %zu out of view (top %zu)", where, s->nav.cur, s->nav.top);
	line = line_of(e, selected_id(s));
	check_msg(line != SIZE_MAX, "%s: contract %lld is not listed", where,
		      (long long)selected_id(s));
	check_msg(line >= s->nav.cur, "%s: %zu lines above line %zu", where, s->nav.cur, line);
	base = line - s->nav.cur;
	check_msg(base + s->nlines <= e->nlines, "%s: lines past the end", where);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct rline *got = &s->lines[i];
		const struct eline *want = &e->lines[base + i];

		check_msg(got->section == want->section, "%s: line %zu in section %d, want %d",
			      where, base + i, got->section, want->section);
		if (want->id == 0) {
			check_msg(got->r == NULL, "%s: line %zu is contract %lld, want a header",
				      where, base + i, (long long)got->r->contract_id);
			check_msg(got->count == want->count, "%s: header %d says %lld, want %lld",
				      where, got->section, (long long)got->count,
				      (long long)want->count);
		} else {
			check_msg(got->r != NULL, "%s: line %zu is a header, want contract %lld",
				      where, base + i, (long long)want->id);
			check_msg(got->r->contract_id == want->id,
				      "%s: line %zu is contract %lld, want %lld", where, base + i,
				      (long long)got->r->contract_id, (long long)want->id);
			check_msg((int)renewal_section(got->r) == got->section,
				  "%s: line %zu in section %d, its contract in %d", where, base + i,
				  got->section, (int)renewal_section(got->r));
		}
	}
	check_msg(!s->at_start || base == 0, "%s: at_start at line %zu", where, base);
	check_msg(!s->at_end || base + s->nlines == e->nlines, "%s: at_end at line %zu of %zu",
		      where, base + s->nlines, e->nlines);
	if (line > 0 && e->lines[line - 1].id == 0 && s->nav.height > 1)
		check_msg(s->nav.top < s->nav.cur, "%s: the header above line %zu is not shown",
			      where, line);
}

/* ---- the whole list, moved as a view holding all of it would ---- */

struct model {
	const struct expected *e;
	struct listnav nav;
};

static void model_show_header(struct model *m)
{
	struct listnav *l = &m->nav;

	if (l->cur > 0 && l->top == l->cur && l->height > 1 && m->e->lines[l->cur - 1].id == 0)
		l->top--;
}

static void model_snap(struct model *m, int dir)
{
	size_t i = m->nav.cur;

	if (m->e->nlines == 0 || m->e->lines[i].id != 0) {
		model_show_header(m);
		return;
	}
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		if (dir > 0) {
			for (size_t j = i + 1; j < m->e->nlines; j++)
				if (m->e->lines[j].id != 0) {
					listnav_go(&m->nav, j);
					model_show_header(m);
					return;
				}
		} else {
			for (size_t j = i; j-- > 0;)
				if (m->e->lines[j].id != 0) {
					listnav_go(&m->nav, j);
					model_show_header(m);
					return;
				}
		}
	}
}

/* The model at the list's first contract, as a fresh load puts it. */
static void model_init(struct model *m, const struct expected *e, size_t height)
{
	m->e = e;
	listnav_init(&m->nav);
	listnav_set_height(&m->nav, height);
	listnav_set_count(&m->nav, e->nlines);
	listnav_go(&m->nav, 0);
	model_snap(m, 1);
}

/* The model where the state is now (after a reload). */
static void model_sync(struct model *m, const struct expected *e,
		       const struct renewals_state *s)
{
	size_t base = line_of(e, selected_id(s)) - s->nav.cur;

	m->e = e;
	listnav_init(&m->nav);
	listnav_set_height(&m->nav, s->nav.height);
	listnav_set_count(&m->nav, e->nlines);
	m->nav.cur = base + s->nav.cur;
	m->nav.top = base + s->nav.top;
}

static void model_key(struct model *m, int k)
{
	size_t before = m->nav.cur;

	listnav_key(&m->nav, k);
	if (m->e->nlines > 0)
		model_snap(m, m->nav.cur < before ? -1 : 1);
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
	case UK_CTRL('d'): return "^D";
	case UK_CTRL('u'): return "^U";
	case ' ': return "Space";
	default:
		snprintf(buf, sizeof buf, "%c", k);
		return buf;
	}
}

/* One key on the state and on the model: the same contract selected, at
 * the same place on the screen, and a window that is a run of the list. */
static void both_key(struct renewals_state *s, struct model *m, int k, const char *what)
{
	char where[160];
	size_t line;

	key(s, k);
	model_key(m, k);
	snprintf(where, sizeof where, "%s, after %s (height %zu, horizon %d)", what, key_name(k),
		 s->nav.height, s->horizon);
	check_window(s, m->e, where);
	if (m->e->nlines == 0)
		return;
	check_msg(selected_id(s) == m->e->lines[m->nav.cur].id,
		      "%s: contract %lld selected, want %lld (line %zu)", where,
		      (long long)selected_id(s), (long long)m->e->lines[m->nav.cur].id,
		      m->nav.cur);
	line = line_of(m->e, selected_id(s));
	check_msg(line - s->nav.cur + s->nav.top == m->nav.top,
		      "%s: line %zu at the top of the screen, want %zu", where,
		      line - s->nav.cur + s->nav.top, m->nav.top);
}

/* ---- a long list ---- */

static uint32_t seed;

static int rnd(int n)
{
	seed = seed * 1103515245u + 12345u;
	return (int)((seed >> 16) % (uint32_t)n);
}

static const char *const big_names[] = {
	"Aurora",  "aurora Labs", "Ålesund",  "Borealis", "beta",     "Cobalt",  "Çelik",
	"Delta",   "Éclair",      "Ember",    "Fjord",    "Garnet",   "Harbor",  "Ilex",
	"Jade",    "Kestrel",     "Lumen",    "Meridian", "Nimbus",   "Onyx",    "Øresund",
	"Pylon",   "Quartz",      "Société",  "Tundra",   "Umber",    "Vega",    "Wren",
	"Xenon",   "Yarrow",      "Zephyr",   "Zinc",
};
#define N_BIG_NAMES (sizeof big_names / sizeof big_names[0])
static int64_t big_partners[N_BIG_NAMES];

/* One contract of a random partner for section sec (as of TODAY, listed
 * at the horizon of 360 days), on few enough days that contracts share
 * their date to act on, and a partner his. */
static int64_t big_contract(struct store *st, int sec)
{
	int64_t pid = big_partners[rnd((int)N_BIG_NAMES)];
	int days, notice;

	switch (sec) {
	case RSEC_LAPSED:
		return add_contract(st, pid, -1 - rnd(20), rnd(2), 30 * rnd(4));
	case RSEC_URGENT:
		return add_contract(st, pid, rnd(60), rnd(2), 30 * rnd(4));
	case RSEC_WINDOW:
		return add_contract(st, pid, 60 + rnd(31), rnd(2), 30 * rnd(3));
	case RSEC_NOTICE:
		days = 91 + rnd(200);
		return add_contract(st, pid, days, true, days - rnd(31));
	default:
		days = 91 + rnd(270);
		switch (rnd(3)) {
		case 0: /* no notice: listed by its end */
			return add_contract(st, pid, days, false, 60);
		case 1: /* a notice deadline 31 days or more ahead */
			notice = days - 31 - rnd(days - 31 + 1);
			return add_contract(st, pid, days, true, notice < 0 ? 0 : notice);
		default: /* a notice deadline passed: acted on by its end */
			return add_contract(st, pid, days, true, days + 1 + rnd(365 - days));
		}
	}
}

/* 300 contracts, 60 in each section at 360 days, and a few that are
 * never listed (ending after 360 days, no notice). */
static void big_portfolio(void)
{
	seed = 20260601u;
	OK(store_begin(db, err)); /* one commit, not 337 of them */
	for (size_t i = 0; i < N_BIG_NAMES; i++)
		big_partners[i] = add_partner(db, big_names[i]);
	for (int i = 0; i < 300; i++)
		big_contract(db, i % RSEC_COUNT);
	for (int i = 0; i < 5; i++)
		add_contract(db, big_partners[i], 361 + 40 * i, false, 60);
	OK(store_commit(db, err));
}

/* The keys a walk goes by until the selection stops moving; returns how
 * many keys moved it. */
static size_t walk(struct renewals_state *s, struct model *m, int k, const char *what)
{
	size_t moved = 0;

	for (;;) {
		int64_t was = selected_id(s);
		size_t top = s->nav.top;

		both_key(s, m, k, what);
		if (selected_id(s) == was && s->nav.top == top)
			return moved;
		moved++;
		check_msg(moved <= 1000, "%s: %s never stops", what, key_name(k));
	}
}

static const int all_keys[] = { 'j', 'k', UK_DOWN, UK_UP, UK_PGDN, UK_PGUP, ' ',
				UK_CTRL('f'), UK_CTRL('b'), UK_CTRL('d'), UK_CTRL('u'), 'g', 'G',
				UK_HOME, UK_END };
#define N_ALL_KEYS (sizeof all_keys / sizeof all_keys[0])

/* Random keys, mostly moves of a line or half a page, now and then a
 * page or an end. */
static void random_keys(struct renewals_state *s, struct model *m, int n, const char *what)
{
	for (int i = 0; i < n; i++) {
		int r = rnd(20), k;

		if (r < 6)
			k = 'j';
		else if (r < 12)
			k = 'k';
		else
			k = all_keys[rnd((int)N_ALL_KEYS)];
		both_key(s, m, k, what);
	}
}

/* ======================================================================
 * The sections
 * ====================================================================== */

START_TEST(sections_follow_the_bands_and_the_notice_deadline)
{
	struct renewals_state *s;
	static const int want_sec[] = { RSEC_LAPSED, -1,	  RSEC_URGENT, -1, -1, RSEC_WINDOW,
					-1,	     -1,	  RSEC_NOTICE, -1, RSEC_LATER, -1 };
	static const char *const want_name[] = { NULL,	 "Aurora", NULL,    "Borealis",
						 "Cobalt", NULL,     "Delta", "Ember",
						 NULL,	 "Fjord",  NULL,    "Garnet" };

	portfolio();
	s = loaded(40);
	/* Horizon 90: Harbor (200 days, no notice) is not listed; Garnet is,
	 * by its notice deadline 60 days ahead. */
	ck_assert_int_eq(s->horizon, 90);
	ck_assert_int_eq(s->ncontracts, 7);
	ck_assert_uint_eq(s->nlines, 12);
	ck_assert(s->at_start && s->at_end);
	for (size_t i = 0, sec = 0; i < s->nlines; i++) {
		if (want_name[i] == NULL) {
			ck_assert_ptr_null(s->lines[i].r);
			ck_assert_int_eq(s->lines[i].section, want_sec[i]);
			sec = (size_t)want_sec[i];
		} else {
			ck_assert_ptr_nonnull(s->lines[i].r);
			ck_assert_str_eq(s->lines[i].r->partner, want_name[i]);
			ck_assert_int_eq(s->lines[i].section, (int)sec);
		}
	}
	ck_assert_int_eq(s->lines[2].count, 2); /* Urgent */
	ck_assert_int_eq(s->counts[RSEC_LAPSED], 1);
	ck_assert_int_eq(s->counts[RSEC_URGENT], 2);
	ck_assert_int_eq(s->counts[RSEC_WINDOW], 2);
	ck_assert_int_eq(s->counts[RSEC_NOTICE], 1);
	ck_assert_int_eq(s->counts[RSEC_LATER], 1);
	ck_assert_str_eq(rsection_names[RSEC_NOTICE], "Notice soon");
	renewals_free(s);
}
END_TEST

/* Within a section: the date to act on (the notice deadline while it is
 * ahead, else the end), then the partner's name as lists order names
 * (letter case and accents aside), then the contract. */
START_TEST(a_section_goes_by_date_to_act_on_then_partner_then_contract)
{
	struct renewals_state *s;
	int64_t alpha = add_partner(db, "alpha"), beta = add_partner(db, "Beta");
	int64_t alvar = add_partner(db, "Älvar"), zed = add_partner(db, "Zed");
	int64_t want[7];
	size_t n = 0;

	/* All urgent (ending within 60 days). */
	int64_t z_notice = add_contract(db, zed, 50, true, 45);   /* acts in 5 days */
	int64_t b2 = add_contract(db, beta, 20, false, 60);
	int64_t a2 = add_contract(db, alpha, 20, false, 60);
	int64_t v = add_contract(db, alvar, 20, false, 60);
	int64_t a1 = add_contract(db, alpha, 20, true, 0);        /* deadline = end */
	int64_t z_passed = add_contract(db, zed, 15, true, 30);   /* passed: acts on its end */
	int64_t b1 = add_contract(db, beta, 30, false, 60);

	want[n++] = z_notice;
	want[n++] = z_passed;
	want[n++] = a2; /* day 20: alpha (two, by id), Älvar, Beta */
	want[n++] = a1;
	want[n++] = v;
	want[n++] = b2;
	want[n++] = b1;
	s = loaded(20);
	ck_assert_int_eq(s->ncontracts, 7);
	ck_assert_uint_eq(s->nlines, 8);
	ck_assert_ptr_null(s->lines[0].r);
	ck_assert_int_eq(s->lines[0].section, RSEC_URGENT);
	for (size_t i = 0; i < n; i++) {
		check_msg(s->lines[i + 1].r->contract_id == want[i],
			      "line %zu: contract %lld, want %lld", i + 1,
			      (long long)s->lines[i + 1].r->contract_id, (long long)want[i]);
		ck_assert_int_eq(selected_id(s), want[i]);
		key(s, 'j');
	}
	renewals_free(s);
}
END_TEST

START_TEST(an_empty_section_has_no_header)
{
	struct renewals_state *s;

	/* Nothing listed at all. */
	s = loaded(10);
	ck_assert_uint_eq(s->nlines, 0);
	ck_assert_int_eq(s->ncontracts, 0);
	ck_assert_ptr_null(renewals_selected(s));
	for (size_t i = 0; i < N_ALL_KEYS; i++) {
		key(s, all_keys[i]);
		ck_assert_ptr_null(renewals_selected(s));
		ck_assert_uint_eq(s->nlines, 0);
	}
	renewals_free(s);

	add(db, "Only", 30, false, 60);
	s = loaded(10);
	ck_assert_uint_eq(s->nlines, 2);
	ck_assert_ptr_null(s->lines[0].r);
	ck_assert_int_eq(s->lines[0].section, RSEC_URGENT);
	ck_assert_str_eq(selected_name(s), "Only");
	renewals_free(s);
	renewals_free(NULL);
}
END_TEST

/* ======================================================================
 * The cursor
 * ====================================================================== */

START_TEST(the_cursor_starts_on_a_contract_and_skips_headers)
{
	struct renewals_state *s;
	struct ally_err err = { 0 };

	portfolio();
	s = loaded(40);
	ck_assert_str_eq(selected_name(s), "Aurora");
	key(s, 'j');
	ck_assert_str_eq(selected_name(s), "Borealis"); /* over the Urgent header */
	key(s, 'k');
	ck_assert_str_eq(selected_name(s), "Aurora");
	key(s, 'k'); /* nothing above but the header: stays */
	ck_assert_str_eq(selected_name(s), "Aurora");
	ck_assert_uint_eq(s->nav.cur, 1);
	key(s, 'G');
	ck_assert_str_eq(selected_name(s), "Garnet");
	key(s, 'j'); /* the last: stays */
	ck_assert_str_eq(selected_name(s), "Garnet");
	key(s, 'k');
	ck_assert_str_eq(selected_name(s), "Fjord"); /* over the Later header */
	key(s, UK_UP);
	ck_assert_str_eq(selected_name(s), "Ember"); /* over the Notice soon header */
	key(s, UK_DOWN);
	ck_assert_str_eq(selected_name(s), "Fjord");
	key(s, UK_HOME);
	ck_assert_str_eq(selected_name(s), "Aurora");
	key(s, UK_END);
	ck_assert_str_eq(selected_name(s), "Garnet");
	key(s, 'g');
	ck_assert_str_eq(selected_name(s), "Aurora");
	ck_assert(!renewals_key(s, 'R', &err));
	ck_assert(!renewals_key(s, '+', &err));
	ck_assert(!renewals_key(s, UK_ENTER, &err));
	ck_assert_str_eq(selected_name(s), "Aurora");
	renewals_free(s);
}
END_TEST

START_TEST(pages_land_on_contracts_and_show_their_header)
{
	struct renewals_state *s;

	portfolio();
	s = loaded(4);
	key(s, UK_PGDN);
	ck_assert_ptr_nonnull(renewals_selected(s));
	ck_assert(s->nav.top <= s->nav.cur && s->nav.cur < s->nav.top + 4);
	key(s, 'G');
	key(s, 'k'); /* over the Later header to Fjord */
	ck_assert_str_eq(selected_name(s), "Fjord");
	key(s, 'k');
	key(s, 'k');
	/* Up to Delta, the first of Window, at the top of the screen: the
	 * Window header shows above it. */
	ck_assert_str_eq(selected_name(s), "Delta");
	ck_assert_ptr_null(s->lines[s->nav.top].r);
	ck_assert_int_eq(s->lines[s->nav.top].section, RSEC_WINDOW);
	ck_assert_uint_eq(s->nav.top + 1, s->nav.cur);
	/* Half a page up from Borealis's place lands on Aurora, its header
	 * shown. */
	key(s, 'k');
	key(s, 'k');
	ck_assert_str_eq(selected_name(s), "Borealis");
	key(s, UK_CTRL('u'));
	ck_assert_str_eq(selected_name(s), "Aurora");
	ck_assert_uint_eq(s->nav.top, 0);
	renewals_free(s);
}
END_TEST

/* A taller screen shows the header of the first contract at its top. */
START_TEST(a_new_height_shows_the_header)
{
	struct renewals_state *s;

	portfolio();
	s = loaded(1);
	key(s, 'j');
	key(s, 'j');
	key(s, 'j');
	ck_assert_str_eq(selected_name(s), "Delta");
	/* One line: no room for the header. */
	ck_assert_uint_eq(s->nav.top, s->nav.cur);
	renewals_set_height(s, 3);
	ck_assert_uint_eq(s->nav.height, 3);
	ck_assert_uint_eq(s->nav.top + 1, s->nav.cur);
	ck_assert_ptr_null(s->lines[s->nav.top].r);
	renewals_set_height(s, 0); /* at least one line */
	ck_assert_uint_eq(s->nav.height, 1);
	ck_assert_str_eq(selected_name(s), "Delta");
	renewals_free(s);
}
END_TEST

/* ======================================================================
 * The horizon
 * ====================================================================== */

START_TEST(the_horizon_steps_by_30_within_bounds)
{
	struct renewals_state *s;
	struct expected e;

	portfolio();
	s = loaded(40);
	ck_assert(step(s, -RENEWALS_HORIZON_STEP));
	ck_assert_int_eq(s->horizon, 60);
	/* 60 days: Delta (60) stays, Ember (90) goes; Garnet stays by its
	 * notice deadline 60 days ahead. */
	ck_assert_int_eq(s->counts[RSEC_WINDOW], 1);
	ck_assert_int_eq(s->counts[RSEC_LATER], 1);
	ck_assert(step(s, -30));
	ck_assert(!step(s, -30));
	ck_assert_int_eq(s->horizon, RENEWALS_HORIZON_MIN);
	/* 30 days: lapsed always, Borealis (10), Fjord's notice (10). */
	ck_assert_int_eq(s->ncontracts, 3);
	ck_assert_int_eq(s->counts[RSEC_NOTICE], 1);
	for (int i = 0; i < 6; i++)
		ck_assert(step(s, RENEWALS_HORIZON_STEP));
	ck_assert_int_eq(s->horizon, 210);
	ck_assert_int_eq(s->ncontracts, 8);
	ck_assert_int_eq(s->counts[RSEC_LATER], 2);
	ck_assert(step(s, 9999));
	ck_assert_int_eq(s->horizon, RENEWALS_HORIZON_MAX);
	ck_assert(!step(s, 30));
	ck_assert_int_eq(s->horizon, RENEWALS_HORIZON_MAX);
	ck_assert(step(s, -9999));
	ck_assert_int_eq(s->horizon, RENEWALS_HORIZON_MIN);
	expect(db, RENEWALS_HORIZON_MIN, &e);
	check_window(s, &e, "back at 30 days");
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* At every horizon the view lists what store_renewals lists, in sections,
 * on the short portfolio (all on one screen) and on the long one (walked
 * to its end and back). */
START_TEST(the_horizon_lists_what_store_renewals_lists)
{
	struct renewals_state *s;

	portfolio();
	s = loaded(40);
	ck_assert(step(s, -9999));
	ck_assert_int_eq(s->horizon, RENEWALS_HORIZON_MIN);
	for (int h = RENEWALS_HORIZON_MIN; h <= RENEWALS_HORIZON_MAX; h += 30) {
		struct expected e;
		char where[32];

		expect(db, h, &e);
		snprintf(where, sizeof where, "horizon %d", h);
		ck_assert_int_eq(s->horizon, h);
		check_window(s, &e, where);
		ck_assert(s->at_start && s->at_end);
		ck_assert_uint_eq(s->nlines, e.nlines);
		expected_free(&e);
		step(s, 30);
	}
	renewals_free(s);
}
END_TEST

START_TEST(the_long_list_at_every_horizon)
{
	struct renewals_state *s;

	big_portfolio();
	s = loaded(10);
	step(s, -9999);
	for (int h = RENEWALS_HORIZON_MIN; h <= RENEWALS_HORIZON_MAX; h += 30) {
		struct expected e;
		struct model m;
		char what[32];

		expect(db, h, &e);
		snprintf(what, sizeof what, "horizon %d", h);
		check_window(s, &e, what);
		key(s, 'g');
		model_init(&m, &e, 10);
		both_key(s, &m, 'g', what);
		ck_assert_uint_eq(walk(s, &m, 'j', what), (size_t)e.ncontracts - 1);
		ck_assert_uint_eq(walk(s, &m, 'k', what), (size_t)e.ncontracts - 1);
		expected_free(&e);
		step(s, 30);
	}
	renewals_free(s);
}
END_TEST

START_TEST(a_horizon_change_keeps_the_selected_contract)
{
	struct renewals_state *s;

	portfolio();
	s = loaded(40);
	while (strcmp(selected_name(s), "Fjord") != 0)
		key(s, 'j');
	ck_assert(step(s, -30));
	ck_assert_str_eq(selected_name(s), "Fjord");
	ck_assert(step(s, 270));
	ck_assert_str_eq(selected_name(s), "Fjord");
	renewals_free(s);
}
END_TEST

/* The selected contract is no longer listed at the shorter horizon, and
 * its section is left empty: the next contract listed takes its place. */
START_TEST(a_horizon_that_drops_the_whole_section_of_the_selected_contract)
{
	struct renewals_state *s;

	add(db, "Aurora", -5, false, 60);
	add(db, "Borealis", 10, false, 60);
	add(db, "Ember", 90, false, 60); /* the only one of Window */
	add(db, "Fjord", 100, true, 90);  /* notice soon: in 10 days */
	s = loaded(10);
	while (strcmp(selected_name(s), "Ember") != 0)
		key(s, 'j');
	ck_assert(step(s, -30));
	ck_assert_int_eq(s->counts[RSEC_WINDOW], 0);
	ck_assert_str_eq(selected_name(s), "Fjord");
	for (size_t i = 0; i < s->nlines; i++)
		check_msg(s->lines[i].r != NULL || s->lines[i].count > 0,
			      "line %zu: a header of an empty section", i);
	{
		struct expected e;

		expect(db, 60, &e);
		check_window(s, &e, "horizon 60");
		expected_free(&e);
	}
	/* Fjord goes at 30 days too, with nothing after it: the one before. */
	ck_assert(step(s, 30));
	ck_assert(step(s, 30));
	key(s, 'G');
	ck_assert_str_eq(selected_name(s), "Fjord");
	renewals_free(s);
}
END_TEST

START_TEST(a_horizon_change_in_a_long_list)
{
	struct renewals_state *s;
	struct expected e;
	struct renewal was;
	size_t pos = SIZE_MAX;
	int64_t id;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	/* A contract of Later ending in 301-330 days, listed by its end
	 * only: listed at 330, not at 300. */
	for (size_t i = 0; i < e.rows.n && pos == SIZE_MAX; i++) {
		const struct renewal *r = &e.rows.rows[i];

		if (r->days_left > 300 && r->days_left <= 330 && !renewal_listed(r, 300) &&
		    i + 1 < e.rows.n)
			pos = i;
	}
	ck_assert(pos != SIZE_MAX);
	id = e.rows.rows[pos].contract_id;
	was = row_copy(&e.rows.rows[pos]);
	for (size_t i = 0; i < pos; i++)
		key(s, 'j');
	ck_assert_int_eq(selected_id(s), id);
	expected_free(&e);
	/* 330: still listed, still selected. */
	ck_assert(step(s, -30));
	expect(db, 330, &e);
	check_window(s, &e, "330 days");
	ck_assert_int_eq(selected_id(s), id);
	expected_free(&e);
	/* 300: gone; the next contract listed after it takes its place. */
	ck_assert(step(s, -30));
	expect(db, 300, &e);
	check_window(s, &e, "300 days");
	ck_assert_int_eq(pos_of(&e, id), SIZE_MAX);
	ck_assert_int_eq(selected_id(s), id_after(&e, &was));
	expected_free(&e);
	/* Back at 360: the contract now selected stays selected. */
	id = selected_id(s);
	ck_assert(step(s, 60));
	ck_assert_int_eq(selected_id(s), id);
	expect(db, 360, &e);
	check_window(s, &e, "360 days again");
	expected_free(&e);
	renewal_free_texts(&was);
	renewals_free(s);
}
END_TEST

/* ======================================================================
 * A long list, a window at a time
 * ====================================================================== */

/* Every key, checked against the whole list at every step: line by line
 * down and up across the window's edges and the sections' boundaries,
 * by pages and half pages, to the ends and back. */
START_TEST(a_long_list_moves_as_if_it_were_all_held)
{
	struct renewals_state *s;
	struct expected e;
	struct model m;
	size_t n;
	bool windowed = false;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	ck_assert_int_eq(e.ncontracts, 300);
	for (int sec = 0; sec < RSEC_COUNT; sec++)
		ck_assert_int_eq(e.counts[sec], 60);
	ck_assert_uint_eq(e.nlines, 305);
	model_init(&m, &e, 10);
	check_window(s, &e, "loaded");
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	ck_assert(s->at_start && !s->at_end);

	/* j, one contract at a time, to the end. */
	for (n = 1; n < e.rows.n; n++) {
		both_key(s, &m, 'j', "down");
		ck_assert_int_eq(selected_id(s), e.rows.rows[n].contract_id);
		windowed |= !s->at_start && !s->at_end;
	}
	ck_assert(windowed);
	ck_assert(s->at_end);
	both_key(s, &m, 'j', "at the end");
	ck_assert_int_eq(selected_id(s), e.rows.rows[e.rows.n - 1].contract_id);
	/* k, back to the start. */
	for (n = e.rows.n - 1; n-- > 0;) {
		both_key(s, &m, 'k', "up");
		ck_assert_int_eq(selected_id(s), e.rows.rows[n].contract_id);
	}
	ck_assert(s->at_start);
	both_key(s, &m, 'k', "at the start");
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	ck_assert_uint_eq(s->nav.top, 0);

	/* Pages and half pages, to each end. */
	ck_assert_uint_ge(walk(s, &m, UK_PGDN, "pages down"), 25);
	ck_assert_int_eq(selected_id(s), e.rows.rows[e.rows.n - 1].contract_id);
	ck_assert_uint_ge(walk(s, &m, UK_PGUP, "pages up"), 25);
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	ck_assert_uint_ge(walk(s, &m, UK_CTRL('d'), "half pages down"), 50);
	ck_assert_int_eq(selected_id(s), e.rows.rows[e.rows.n - 1].contract_id);
	ck_assert_uint_ge(walk(s, &m, UK_CTRL('u'), "half pages up"), 50);
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	walk(s, &m, ' ', "spaces");
	walk(s, &m, UK_CTRL('b'), "^B");
	walk(s, &m, UK_CTRL('f'), "^F");

	/* G then g, and back down a little from each. */
	both_key(s, &m, 'G', "the end");
	ck_assert_int_eq(selected_id(s), e.rows.rows[e.rows.n - 1].contract_id);
	ck_assert(s->at_end && !s->at_start);
	for (int i = 0; i < 25; i++)
		both_key(s, &m, 'k', "up from the end");
	both_key(s, &m, 'g', "the start");
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	ck_assert(s->at_start && !s->at_end);
	both_key(s, &m, 'G', "the end again");
	both_key(s, &m, UK_HOME, "Home");
	ck_assert_int_eq(selected_id(s), e.rows.rows[0].contract_id);
	both_key(s, &m, UK_END, "End");
	ck_assert_int_eq(selected_id(s), e.rows.rows[e.rows.n - 1].contract_id);
	for (int i = 0; i < 25; i++)
		both_key(s, &m, UK_PGUP, "pages up from the end");
	both_key(s, &m, 'g', "back to the start");

	seed = 7;
	random_keys(s, &m, 3000, "random keys");
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* The same at other screen heights, from one line on, and at shorter
 * horizons (Later and Window partly listed). */
START_TEST(a_long_list_at_any_height)
{
	static const size_t heights[] = { 1, 2, 3, 4, 7, 23 };
	static const int horizons[] = { 30, 90, 180 };
	struct renewals_state *s;

	big_portfolio();
	for (size_t h = 0; h < sizeof heights / sizeof heights[0]; h++) {
		for (size_t z = 0; z < sizeof horizons / sizeof horizons[0]; z++) {
			struct expected e;
			struct model m;
			char what[48];

			snprintf(what, sizeof what, "height %zu horizon %d", heights[h],
				 horizons[z]);
			s = loaded(heights[h]);
			step(s, horizons[z] - s->horizon);
			ck_assert_int_eq(s->horizon, horizons[z]);
			expect(db, horizons[z], &e);
			key(s, 'g');
			model_init(&m, &e, heights[h]);
			check_window(s, &e, what);
			ck_assert_uint_eq(walk(s, &m, 'j', what), (size_t)e.ncontracts - 1);
			ck_assert_uint_eq(walk(s, &m, 'k', what), (size_t)e.ncontracts - 1);
			walk(s, &m, UK_PGDN, what);
			walk(s, &m, UK_PGUP, what);
			walk(s, &m, UK_CTRL('d'), what);
			walk(s, &m, UK_CTRL('u'), what);
			seed = (uint32_t)(h * 31 + z);
			random_keys(s, &m, 600, what);
			expected_free(&e);
			renewals_free(s);
		}
	}
}
END_TEST

/* The screen grows (a resize): the window reads what the taller screen
 * shows at the next key. */
START_TEST(a_taller_screen_is_filled)
{
	struct renewals_state *s;
	struct expected e;
	struct model m;

	big_portfolio();
	s = loaded(5);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	model_init(&m, &e, 5);
	for (int i = 0; i < 40; i++)
		both_key(s, &m, 'j', "down");
	renewals_set_height(s, 30);
	listnav_set_height(&m.nav, 30);
	model_show_header(&m);
	both_key(s, &m, 'j', "a taller screen");
	ck_assert_uint_ge(s->nlines, s->nav.top + 30);
	random_keys(s, &m, 200, "a taller screen");
	renewals_set_height(s, 3);
	listnav_set_height(&m.nav, 3);
	model_show_header(&m);
	random_keys(s, &m, 200, "a shorter screen");
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* ======================================================================
 * Reloads
 * ====================================================================== */

START_TEST(a_reload_follows_the_contract_by_id)
{
	struct renewals_state *s;
	struct store *other;
	struct contract c;

	portfolio();
	s = loaded(40);
	key(s, 'j');
	key(s, 'j');
	ck_assert_str_eq(selected_name(s), "Cobalt");
	/* Another session adds a contract ahead of it and moves Cobalt's end
	 * into the window. */
	other = open_db();
	add(other, "Azure", -1, false, 60);
	OK(store_contract_get(other, id_of("Cobalt"), &c, err));
	c.end_date = D(TODAY) + 75;
	c.auto_renew = false;
	c.notice_days = 30;
	OK(store_contract_update(other, &c, err));
	contract_finish(&c);
	store_close(other);
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	ck_assert_int_eq(s->lines[s->nav.cur].section, RSEC_WINDOW);
	ck_assert_int_eq(s->counts[RSEC_LAPSED], 2);
	ck_assert_int_eq(s->counts[RSEC_URGENT], 1);
	ck_assert_int_eq(s->counts[RSEC_WINDOW], 3);
	ck_assert_int_eq(s->ncontracts, 8);
	{
		struct expected e;

		expect(db, 90, &e);
		check_window(s, &e, "reloaded");
		expected_free(&e);
	}
	renewals_free(s);
}
END_TEST

START_TEST(a_contract_gone_leaves_the_cursor_at_its_position)
{
	struct renewals_state *s;
	struct store *other;

	portfolio();
	s = loaded(40);
	key(s, 'j'); /* Borealis, second contract */
	ck_assert_str_eq(selected_name(s), "Borealis");
	other = open_db();
	OK(store_contract_delete(other, id_of("Borealis"), err));
	OK(store_contract_delete(other, id_of("Ember"), err));
	OK(store_contract_delete(other, id_of("Fjord"), err));
	OK(store_contract_delete(other, id_of("Garnet"), err));
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	/* The last one goes, the only one of its section: the one before it
	 * is selected, and the emptied section has no header. */
	key(s, 'G');
	ck_assert_str_eq(selected_name(s), "Delta");
	OK(store_contract_delete(other, id_of("Delta"), err));
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	ck_assert_uint_eq(s->nlines, 4);
	/* The first one goes, the only one of its section: the next. */
	key(s, 'g');
	ck_assert_str_eq(selected_name(s), "Aurora");
	OK(store_contract_delete(other, id_of("Aurora"), err));
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	ck_assert_uint_eq(s->nlines, 2);
	ck_assert_int_eq(s->lines[0].section, RSEC_URGENT);
	/* And the last of all: nothing is left. */
	OK(store_contract_delete(other, id_of("Cobalt"), err));
	OK(renewals_load(s, err));
	ck_assert_uint_eq(s->nlines, 0);
	ck_assert_ptr_null(renewals_selected(s));
	store_close(other);
	renewals_free(s);
}
END_TEST

START_TEST(after_a_renewal_the_next_contract_takes_its_place)
{
	struct renewals_state *s;
	int64_t borealis;

	portfolio();
	s = loaded(40);
	ck_assert(step(s, 270)); /* 360 */
	key(s, 'j');             /* Borealis, position 1 */
	ck_assert_str_eq(selected_name(s), "Borealis");
	borealis = selected_id(s);
	/* Renewed to 210 days: Borealis is still listed at 360 days, last
	 * down; the cursor stays where it was, on Cobalt now. */
	renew(db, borealis, D(TODAY) + 210, D(TODAY));
	renewals_keep_position(s);
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	ck_assert_uint_eq(s->nav.cur, 3);
	/* Only once: the next reload follows Cobalt again. */
	OK(renewals_load(s, err));
	ck_assert_str_eq(selected_name(s), "Cobalt");
	{
		struct expected e;

		expect(db, 360, &e);
		check_window(s, &e, "renewed");
		ck_assert_int_eq(e.rows.rows[e.rows.n - 1].contract_id, borealis);
		expected_free(&e);
	}
	renewals_free(s);
}
END_TEST

/* In the long list, another connection deletes, adds and renews
 * contracts around the selected one: the reload keeps it selected at its
 * place on the screen, and the list is the new one all through. */
START_TEST(a_reload_in_a_long_list_after_another_sessions_changes)
{
	struct renewals_state *s;
	struct store *other;
	struct expected e, after;
	struct model m;
	size_t pos, off;
	int64_t id;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	model_init(&m, &e, 10);
	for (int i = 0; i < 14; i++)
		both_key(s, &m, UK_PGDN, "down");
	for (int i = 0; i < 3; i++)
		both_key(s, &m, 'j', "down");
	id = selected_id(s);
	pos = pos_of(&e, id);
	off = s->nav.cur - s->nav.top;
	ck_assert_uint_gt(pos, 40);
	ck_assert_uint_lt(pos + 40, e.rows.n);

	other = open_db();
	/* Deleted: some before and some after it, near and far. */
	for (size_t k = 1; k <= 30; k += 3) {
		OK(store_contract_delete(other, e.rows.rows[pos - k].contract_id, err));
		OK(store_contract_delete(other, e.rows.rows[pos + k].contract_id, err));
	}
	/* Renewed: the one just before and some after (a renewal of a year
	 * takes some out of the list, moves others far down). */
	renew(other, e.rows.rows[pos - 2].contract_id, DATE_NONE, D(TODAY));
	for (size_t k = 5; k <= 35; k += 6)
		renew(other, e.rows.rows[pos + k].contract_id, DATE_NONE, D(TODAY));
	/* Added: in every section, and a partner's contracts go with it. */
	seed = 99;
	for (int i = 0; i < 40; i++)
		big_contract(other, i % RSEC_COUNT);
	for (size_t i = 0; i < N_BIG_NAMES; i++)
		if (big_partners[i] != renewals_selected(s)->partner_id) {
			OK(store_partner_delete(other, big_partners[i], true, err));
			break;
		}
	store_close(other);

	OK(renewals_load(s, err));
	expect(db, 360, &after);
	ck_assert_int_eq(selected_id(s), id);
	ck_assert_uint_eq(s->nav.cur - s->nav.top, off);
	check_window(s, &after, "reloaded");
	ck_assert_int_lt(after.ncontracts, e.ncontracts + 40);
	model_sync(&m, &after, s);
	walk(s, &m, 'j', "down the new list");
	ck_assert_int_eq(selected_id(s), after.rows.rows[after.rows.n - 1].contract_id);
	walk(s, &m, 'k', "up the new list");
	ck_assert_int_eq(selected_id(s), after.rows.rows[0].contract_id);
	seed = 5;
	random_keys(s, &m, 500, "the new list");
	expected_free(&after);
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* The selected contract is changed or deleted by another connection. */
START_TEST(a_reload_in_a_long_list_when_the_selected_contract_changed)
{
	struct renewals_state *s;
	struct store *other;
	struct expected e;
	struct renewal was;
	struct model m;
	size_t pos;
	int64_t id, next;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	for (int i = 0; i < 100; i++)
		key(s, 'j');
	id = selected_id(s);
	pos = pos_of(&e, id);
	ck_assert_uint_eq(pos, 100);
	was = row_copy(&e.rows.rows[pos]);
	next = e.rows.rows[pos + 2].contract_id;

	/* It and the one after it are deleted: the next one still there
	 * takes its place. */
	other = open_db();
	OK(store_contract_delete(other, id, err));
	OK(store_contract_delete(other, e.rows.rows[pos + 1].contract_id, err));
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), next);
	expected_free(&e);
	expect(db, 360, &e);
	ck_assert_int_eq(id_after(&e, &was), next);
	check_window(s, &e, "deleted");
	renewal_free_texts(&was);

	/* It is renewed by the other session, with a notice deadline inside
	 * 360 days: the selection follows it down to its new place. */
	{
		struct contract c;

		OK(store_contract_get(other, next, &c, err));
		c.auto_renew = true;
		c.notice_days = 60;
		c.renewal_months = 10;
		OK(store_contract_update(other, &c, err));
		contract_finish(&c);
	}
	renew(other, next, DATE_NONE, D(TODAY));
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), next);
	expected_free(&e);
	expect(db, 360, &e);
	check_window(s, &e, "renewed elsewhere");
	ck_assert_uint_gt(pos_of(&e, next), 200);
	model_sync(&m, &e, s);
	walk(s, &m, 'k', "up from its new place");
	walk(s, &m, 'j', "down to the end");

	/* The last of all is deleted: the one before it takes its place. */
	id = selected_id(s);
	ck_assert_int_eq(id, e.rows.rows[e.rows.n - 1].contract_id);
	next = e.rows.rows[e.rows.n - 2].contract_id;
	OK(store_contract_delete(other, id, err));
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), next);
	expected_free(&e);
	expect(db, 360, &e);
	check_window(s, &e, "the last deleted");
	store_close(other);
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* A renewal from the view, deep in a long list: the next contract takes
 * the renewed one's place, at the same line of the screen. */
START_TEST(after_a_renewal_in_a_long_list)
{
	struct renewals_state *s;
	struct expected e;
	size_t pos, off;
	int64_t id, next;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	expect(db, 360, &e);
	for (int i = 0; i < 8; i++)
		key(s, UK_PGDN);
	key(s, 'k');
	id = selected_id(s);
	pos = pos_of(&e, id);
	next = e.rows.rows[pos + 1].contract_id;
	off = s->nav.cur - s->nav.top;
	renew(db, id, DATE_NONE, D(TODAY));
	renewals_keep_position(s);
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), next);
	ck_assert_uint_eq(s->nav.cur - s->nav.top, off);
	expected_free(&e);
	expect(db, 360, &e);
	check_window(s, &e, "renewed");
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), next);
	ck_assert_uint_eq(s->nav.cur - s->nav.top, off);
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* A read that fails leaves the state as it was. */
START_TEST(a_failed_load_leaves_the_state_as_it_was)
{
	struct renewals_state *s;
	struct ally_err fail = { 0 };
	struct expected e;
	sqlite3 *raw;
	bool changed = true;
	int64_t id;

	big_portfolio();
	s = loaded(10);
	ck_assert(step(s, 270));
	for (int i = 0; i < 50; i++)
		key(s, 'j');
	id = selected_id(s);
	/* Another session adds contracts, and the index the window reads
	 * along goes (as a damaged or foreign schema would have it). */
	{
		struct store *other = open_db();

		seed = 3;
		for (int i = 0; i < 10; i++)
			big_contract(other, i % RSEC_COUNT);
		store_close(other);
	}
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "DROP INDEX contracts_status_end", NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert(renewals_load(s, &fail) != ALLY_OK);
	ck_assert(fail.status != ALLY_OK);
	ally_err_clear(&fail);
	ck_assert(renewals_step_horizon(s, -30, &changed, &fail) != ALLY_OK);
	ck_assert_int_eq(s->horizon, 360);
	ck_assert_int_eq(sqlite3_exec(raw, "CREATE INDEX contracts_status_end ON "
					   "contracts (status, end_date)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);
	/* As it was: the old list, its counts included. */
	ck_assert_int_eq(selected_id(s), id);
	ck_assert_int_eq(s->ncontracts, 300);
	OK(renewals_load(s, err));
	ck_assert_int_eq(selected_id(s), id);
	ck_assert_int_eq(s->ncontracts, 310);
	expect(db, 360, &e);
	check_window(s, &e, "loaded again");
	expected_free(&e);
	renewals_free(s);
}
END_TEST

/* ======================================================================
 * The cells
 * ====================================================================== */

START_TEST(short_money_fits_a_column)
{
	char out[MONEY_BUFSZ];

	ck_assert_str_eq(ui_money_short(950000, "EUR", out), "9500 EUR");
	ck_assert_str_eq(ui_money_short(950050, "EUR", out), "9500.50 EUR");
	ck_assert_str_eq(ui_money_short(12500000, "USD", out), "125K USD");
	ck_assert_str_eq(ui_money_short(12550000, "USD", out), "125.5K USD");
	ck_assert_str_eq(ui_money_short(99995000, "USD", out), "1M USD");
	ck_assert_str_eq(ui_money_short(125000000, "JPY", out), "1.3M JPY");
	ck_assert_str_eq(ui_money_short(0, "EUR", out), "0 EUR");
	ck_assert_str_eq(ui_money_short(-1, "EUR", out), "");
	ck_assert_uint_le(strlen(ui_money_short(MONEY_MAX, "EUR", out)), 11);
}
END_TEST

/* The value of a row as the store reads it. */
START_TEST(short_money_of_a_stored_contract)
{
	struct renewals_state *s;
	struct contract c;
	char out[MONEY_BUFSZ];
	int64_t id = add(db, "Valued", 20, false, 60), none = add(db, "Unvalued", 25, false, 60);

	OK(store_contract_get(db, id, &c, err));
	c.annual_value = 12550000;
	snprintf(c.currency, sizeof c.currency, "EUR");
	OK(store_contract_update(db, &c, err));
	contract_finish(&c);
	s = loaded(10);
	ck_assert_int_eq(selected_id(s), id);
	ck_assert_str_eq(ui_money_short(renewals_selected(s)->annual_value,
					renewals_selected(s)->currency, out),
			 "125.5K EUR");
	key(s, 'j');
	ck_assert_int_eq(selected_id(s), none);
	ck_assert_str_eq(ui_money_short(renewals_selected(s)->annual_value,
					renewals_selected(s)->currency, out),
			 "");
	renewals_free(s);
}
END_TEST

/* A row of the list as the store gives it. */
static struct renewal found(int64_t id)
{
	struct renewal r;
	bool listed = false;

	OK(store_renewal_find(db, D(TODAY), RENEWALS_HORIZON_MAX, id, &r, &listed, err));
	ck_assert(listed);
	return r;
}

/* A notice deadline behind today reads as passed, with or without
 * colour; one ahead (or today) as its date. */
START_TEST(a_passed_notice_deadline_says_so)
{
	char out[RENEWALS_NOTICE_BUFSZ];
	struct renewal r;
	int64_t passed = add(db, "Société", 35, true, 60); /* notice 25 days ago */
	int64_t ahead = add(db, "Fjord", 100, true, 90);   /* notice in 10 days */
	int64_t today = add(db, "Today", 60, true, 60);    /* notice today */
	int64_t old = add(db, "Old", -1241, true, 30);     /* lapsed years ago */
	int64_t manual = add(db, "Manual", 20, false, 60); /* no auto-renew */

	r = found(passed);
	ck_assert(renewals_notice_passed(&r));
	ck_assert_str_eq(renewals_notice_text(&r, true, out), "2026-05-07 passed");
	ck_assert_str_eq(renewals_notice_text(&r, false, out), "05-07 past");
	ck_assert_uint_le(strlen(out), 10);
	renewal_free_texts(&r);
	r = found(ahead);
	ck_assert(!renewals_notice_passed(&r));
	ck_assert_str_eq(renewals_notice_text(&r, false, out), "2026-06-11");
	ck_assert_str_eq(renewals_notice_text(&r, true, out), "2026-06-11");
	renewal_free_texts(&r);
	r = found(today);
	ck_assert(!renewals_notice_passed(&r));
	ck_assert_str_eq(renewals_notice_text(&r, false, out), "2026-06-01");
	renewal_free_texts(&r);
	r = found(old);
	ck_assert(renewals_notice_passed(&r));
	ck_assert_str_eq(renewals_notice_text(&r, false, out), "passed");
	ck_assert_uint_le(strlen(renewals_notice_text(&r, true, out)), RENEWALS_NOTICE_WIDE);
	renewal_free_texts(&r);
	r = found(manual);
	ck_assert(!renewals_notice_passed(&r));
	ck_assert_str_eq(renewals_notice_text(&r, false, out), "no auto");
	ck_assert_str_eq(renewals_notice_text(&r, true, out), "");
	renewal_free_texts(&r);
}
END_TEST

/* A contract lapsed years ago keeps its sign and size in the column. */
START_TEST(days_fit_their_column)
{
	char out[RENEWALS_DAYS_BUFSZ];

	ck_assert_str_eq(renewals_days_text(35, 5, out), "35");
	ck_assert_str_eq(renewals_days_text(0, 5, out), "0");
	ck_assert_str_eq(renewals_days_text(-1234, 5, out), "-1234");
	ck_assert_str_eq(renewals_days_text(-12345, 6, out), "-12345");
	ck_assert_str_eq(renewals_days_text(-12345, 5, out), "-33y");
	ck_assert_str_eq(renewals_days_text(-1234, 4, out), "-3y");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "renewals_load", sections_follow_the_bands_and_the_notice_deadline },
		{ "renewals_load", a_section_goes_by_date_to_act_on_then_partner_then_contract },
		{ "renewals_load", an_empty_section_has_no_header },
		{ "renewals_load", a_reload_follows_the_contract_by_id },
		{ "renewals_load", a_contract_gone_leaves_the_cursor_at_its_position },
		{ "renewals_load", a_reload_in_a_long_list_after_another_sessions_changes },
		{ "renewals_load", a_reload_in_a_long_list_when_the_selected_contract_changed },
		{ "renewals_load", a_failed_load_leaves_the_state_as_it_was },
		{ "renewals_keep_position", after_a_renewal_the_next_contract_takes_its_place },
		{ "renewals_keep_position", after_a_renewal_in_a_long_list },
		{ "renewals_key", the_cursor_starts_on_a_contract_and_skips_headers },
		{ "renewals_key", pages_land_on_contracts_and_show_their_header },
		{ "renewals_key", a_long_list_moves_as_if_it_were_all_held },
		{ "renewals_key", a_long_list_at_any_height },
		{ "renewals_set_height", a_new_height_shows_the_header },
		{ "renewals_set_height", a_taller_screen_is_filled },
		{ "renewals_step_horizon", the_horizon_steps_by_30_within_bounds },
		{ "renewals_step_horizon", the_horizon_lists_what_store_renewals_lists },
		{ "renewals_step_horizon", the_long_list_at_every_horizon },
		{ "renewals_step_horizon", a_horizon_change_keeps_the_selected_contract },
		{ "renewals_step_horizon", a_horizon_that_drops_the_whole_section_of_the_selected_contract },
		{ "renewals_step_horizon", a_horizon_change_in_a_long_list },
		{ "ui_money_short", short_money_fits_a_column },
		{ "ui_money_short", short_money_of_a_stored_contract },
		{ "renewals_days_text", days_fit_their_column },
		{ "renewals_notice_text", a_passed_notice_deadline_says_so },
	};

	return run_suite(suite_from_fixture("ui-renewals", cases, sizeof cases / sizeof cases[0],
					    setup, teardown));
}
