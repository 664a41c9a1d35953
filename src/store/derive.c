/* derive.c: keeping the derived columns of partners (003_windows.sql) in
 * step with the rows they come from.
 *
 * Every change is audited (audit_write), and the audit row names the
 * partner it concerns, so audit_write marks that partner touched.  Just
 * before a write transaction commits, derive_flush reads again what the
 * derived values of the touched partners come from and writes those that
 * differ: the name's sort key, the phase and tier numbers, the days
 * behind the flags (flag_dates_of), the pieces of the next action and
 * the quarters of its key-figure streaks.  One place thus serves every
 * write, and an import of 100,000 rows derives once per partner, in
 * batches, rather than once per row. */
#include "store-private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/flag-dates.h"
#include "ally/flags.h"
#include "ally/text.h"
#include "ally/util.h"

/* Partners derived per round of queries: the ids go as one JSON array. */
#define DERIVE_BATCH 256

#define IN_IDS "IN (SELECT value FROM json_each(?1)) "

static const char SQL_D_PARTNERS[] =
	"SELECT id, name, phase, score_w, score_date, status_date, sort_key, phase_no, tier, "
	"  min_end, review_due, behind_from, stale_from, no_sponsor, renewal_watch, name_key "
	"FROM partners WHERE id " IN_IDS "ORDER BY id";
static const char SQL_D_CONTRACTS[] =
	"SELECT partner_id, start_date, end_date, notice_deadline FROM contracts "
	"WHERE status = 'active' AND partner_id " IN_IDS;
/* The last review of each kind that can count for the cadence (the core
 * picks by tier: review_counting); working-team meetings never do. */
static const char SQL_D_REVIEWS[] =
	"SELECT partner_id, max(CASE WHEN kind = 'qbr' THEN date END), "
	"  max(CASE WHEN kind = 'steering' THEN date END) "
	"FROM reviews WHERE partner_id " IN_IDS "GROUP BY partner_id";
static const char SQL_D_SPONSORS[] =
	"SELECT DISTINCT partner_id FROM contacts WHERE exec_sponsor = 1 AND partner_id " IN_IDS;
static const char SQL_D_FIGURES[] =
	"SELECT partner_id, quarter, metric, target, actual FROM key_figures "
	"WHERE partner_id " IN_IDS "ORDER BY partner_id, quarter";
static const char SQL_D_PIECES[] =
	"SELECT partner_id, day, valid_from, valid_until FROM next_actions INDEXED BY next_actions_partner "
	"WHERE partner_id " IN_IDS "ORDER BY partner_id, valid_from";
static const char SQL_D_STREAKS[] =
	"SELECT partner_id, flag, from_q, until_q FROM figure_streaks "
	"WHERE partner_id " IN_IDS "ORDER BY partner_id, flag, from_q";

/* Every derived column, or (the usual case: a contract, a status) only
 * the days: an UPDATE rewrites every index that has a column it sets,
 * and sort_key ends six of them, so they are set only when they moved
 * (which also spares the counters' triggers on phase and tier). */
static const char SQL_D_UPDATE[] =
	"UPDATE partners SET sort_key = ?2, phase_no = ?3, tier = ?4, min_end = ?5, "
	"  review_due = ?6, behind_from = ?7, stale_from = ?8, no_sponsor = ?9, "
	"  renewal_watch = ?10 WHERE id = ?1";
static const char SQL_D_UPDATE_DAYS[] =
	"UPDATE partners SET min_end = ?5, review_due = ?6, behind_from = ?7, stale_from = ?8, "
	"  no_sponsor = ?9, renewal_watch = ?10 WHERE id = ?1";
static const char SQL_D_PIECES_DELETE[] = "DELETE FROM next_actions WHERE partner_id = ?";
static const char SQL_D_PIECE_ADD[] =
	"INSERT INTO next_actions (partner_id, day, valid_from, valid_until) VALUES (?, ?, ?, ?)";
static const char SQL_D_STREAKS_DELETE[] = "DELETE FROM figure_streaks WHERE partner_id = ?";
static const char SQL_D_STREAK_ADD[] =
	"INSERT INTO figure_streaks (partner_id, flag, from_q, until_q) VALUES (?, ?, ?, ?)";
static const char SQL_D_ALL_IDS[] = "SELECT id FROM partners";
/* The name the search's trigram index holds for a partner, and its upkeep
 * (rowid is the partner's id). */
static const char SQL_D_NAME_GET[] = "SELECT name_key FROM partner_names WHERE rowid = ?";
static const char SQL_D_NAME_DELETE[] = "DELETE FROM partner_names WHERE rowid = ?";
static const char SQL_D_NAME_ADD[] = "INSERT INTO partner_names (rowid, name_key) VALUES (?, ?)";

/* The derived columns of a partner, as stored or as they should be. */
struct derived {
	char *sort_key;
	int phase_no, tier;
	struct flag_dates dates;
};

/* One streak row: which flag, and the quarters it covers. */
struct streak {
	int flag;
	struct quarter_span span;
};

/* Growable arrays of one partner's rows. */
struct dates_vec { ally_date *v; size_t n, cap; };
struct pieces_vec { struct next_piece *v; size_t n, cap; };
struct streaks_vec { struct streak *v; size_t n, cap; };
struct figures_vec { struct quarter_figures *v; size_t n, cap; };

/* A touched partner while its batch is derived. */
struct dpartner {
	int64_t id;
	char *name;
	char *name_key;               /* text_fold of the name, as stored */
	struct flag_basis basis;
	struct derived stored;
	struct dates_vec notices;
	struct pieces_vec pieces;     /* as stored */
	struct streaks_vec streaks;   /* as stored */
	struct figures_vec figures;
};

struct batch {
	struct dpartner *p;
	size_t n;
	char *ids; /* JSON array of their ids */
};

void derive_touch(struct store *s, int64_t partner_id)
{
	if (partner_id <= 0)
		return;
	if (s->ntouched > 0 && s->touched[s->ntouched - 1] == partner_id)
		return;
	s->touched = store_grow(s->touched, s->ntouched, &s->touched_cap, sizeof *s->touched);
	s->touched[s->ntouched++] = partner_id;
}

void derive_touch_name(struct store *s, int64_t partner_id)
{
	if (partner_id <= 0 || (s->nnamed > 0 && s->named[s->nnamed - 1] == partner_id))
		return;
	s->named = store_grow(s->named, s->nnamed, &s->named_cap, sizeof *s->named);
	s->named[s->nnamed++] = partner_id;
}

void derive_forget(struct store *s)
{
	s->ntouched = 0;
	s->nnamed = 0;
}

/* Was partner id's name maybe changed (s->named, sorted)? */
static bool named(const struct store *s, int64_t id)
{
	size_t lo = 0, hi = s->nnamed;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->named[mid] == id)
			return true;
		if (s->named[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- reading ---- */

/* A day column: NULL is DATE_NONE. */
static ally_date col_day(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? DATE_NONE
							 : (ally_date)sqlite3_column_int64(st, i);
}

static void bind_day(sqlite3_stmt *st, int i, ally_date d)
{
	if (d == DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, d);
}

/* The batch's partner of id (the rows are ordered by id). */
static struct dpartner *batch_find(struct batch *b, int64_t id)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->p[mid].id == id)
			return &b->p[mid];
		if (b->p[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void read_partner(sqlite3_stmt *st, struct dpartner *p)
{
	memset(p, 0, sizeof *p);
	p->id = col_int(st, 0);
	p->name = col_text(st, 1);
	p->name_key = col_text(st, 15);
	p->basis.phase = col_enum(st, 2, phase_names);
	p->basis.score_w = (int)col_opt_int(st, 3);
	p->basis.scored_on = col_date(st, 4);
	p->basis.status_date = col_date(st, 5);
	p->basis.first_start = p->basis.min_end = DATE_NONE;
	p->basis.last_qbr = p->basis.last_steering = DATE_NONE;
	p->stored.sort_key = col_text(st, 6);
	p->stored.phase_no = (int)col_int(st, 7);
	p->stored.tier = (int)col_int(st, 8);
	p->stored.dates.min_end = col_day(st, 9);
	p->stored.dates.review_due = col_day(st, 10);
	p->stored.dates.behind_from = col_day(st, 11);
	p->stored.dates.stale_from = col_day(st, 12);
	p->stored.dates.no_sponsor = col_int(st, 13) != 0;
	p->stored.dates.renewal_watch = col_int(st, 14) != 0;
	p->stored.dates.tier = p->stored.tier;
}

/* Each row of sql (bound to the batch's ids) handed to fill with the
 * batch's partner its first column names. */
static int read_rows(struct store *s, struct batch *b, const char *sql,
		     void (*fill)(sqlite3_stmt *st, struct dpartner *p), struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_text(st, 1, b->ids);
	while ((r = store_step(s, st, err)) == 1) {
		struct dpartner *p = batch_find(b, col_int(st, 0));

		if (p != NULL)
			fill(st, p);
	}
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

static void fill_contract(sqlite3_stmt *st, struct dpartner *p)
{
	ally_date start = col_date(st, 1), end = col_date(st, 2), notice = col_date(st, 3);
	struct flag_basis *b = &p->basis;

	if (start != DATE_NONE && (b->first_start == DATE_NONE || start < b->first_start))
		b->first_start = start;
	if (end != DATE_NONE && (b->min_end == DATE_NONE || end < b->min_end))
		b->min_end = end;
	if (notice != DATE_NONE) {
		p->notices.v = store_grow(p->notices.v, p->notices.n, &p->notices.cap,
					  sizeof *p->notices.v);
		p->notices.v[p->notices.n++] = notice;
	}
}

static void fill_review(sqlite3_stmt *st, struct dpartner *p)
{
	p->basis.last_qbr = col_date(st, 1);
	p->basis.last_steering = col_date(st, 2);
}

static void fill_sponsor(sqlite3_stmt *st, struct dpartner *p)
{
	(void)st;
	p->basis.has_sponsor = true;
}

static void fill_figure(sqlite3_stmt *st, struct dpartner *p)
{
	struct figures_vec *f = &p->figures;
	int quarter = (int)col_int(st, 1);
	int m = col_enum(st, 2, metric_names);

	if (f->n == 0 || f->v[f->n - 1].quarter != quarter) {
		f->v = store_grow(f->v, f->n, &f->cap, sizeof *f->v);
		quarter_figures_init(&f->v[f->n++], quarter);
	}
	if (m >= 0) {
		f->v[f->n - 1].target[m] = col_opt_int(st, 3);
		f->v[f->n - 1].actual[m] = col_opt_int(st, 4);
	}
}

static void fill_piece(sqlite3_stmt *st, struct dpartner *p)
{
	struct pieces_vec *v = &p->pieces;

	v->v = store_grow(v->v, v->n, &v->cap, sizeof *v->v);
	v->v[v->n++] = (struct next_piece){ (ally_date)col_int(st, 1), (ally_date)col_int(st, 2),
					    (ally_date)col_int(st, 3) };
}

static void fill_streak(sqlite3_stmt *st, struct dpartner *p)
{
	struct streaks_vec *v = &p->streaks;

	v->v = store_grow(v->v, v->n, &v->cap, sizeof *v->v);
	v->v[v->n++] = (struct streak){ (int)col_int(st, 1),
					{ (int)col_int(st, 2), (int)col_int(st, 3) } };
}

static const struct {
	const char *sql;
	void (*fill)(sqlite3_stmt *st, struct dpartner *p);
} sources[] = {
	{ SQL_D_CONTRACTS, fill_contract }, { SQL_D_REVIEWS, fill_review },
	{ SQL_D_SPONSORS, fill_sponsor },   { SQL_D_FIGURES, fill_figure },
	{ SQL_D_PIECES, fill_piece },       { SQL_D_STREAKS, fill_streak },
};

static void batch_partner(sqlite3_stmt *st, void *elem)
{
	read_partner(st, elem);
}

/* What one partner of a batch owns; also for the rows read before a
 * failed step (out of memory), which store_collect frees with it. */
static void dpartner_free(void *elem)
{
	struct dpartner *p = elem;

	free(p->name);
	free(p->name_key);
	free(p->stored.sort_key);
	free(p->notices.v);
	free(p->pieces.v);
	free(p->streaks.v);
	free(p->figures.v);
}

static const struct row_kind dpartner_rows = { sizeof(struct dpartner), batch_partner,
					      dpartner_free };

static void bind_ids(sqlite3_stmt *st, const void *ids)
{
	bind_text(st, 1, ids);
}

static int batch_read(struct store *s, struct batch *b, struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_D_PARTNERS, bind_ids, b->ids, &dpartner_rows, &rows, &b->n,
			       err);

	b->p = rows;
	for (size_t k = 0; rc == ALLY_OK && k < sizeof sources / sizeof sources[0]; k++)
		rc = read_rows(s, b, sources[k].sql, sources[k].fill, err);
	return rc;
}

static void batch_free(struct batch *b)
{
	store_rows_free(&dpartner_rows, b->p, b->n);
	free(b->ids);
}

/* ---- deriving and writing ---- */

/* What a partner's own row gives, when it has no other rows yet (a new
 * one): its derived columns can go in with its INSERT, and derive_flush
 * then finds nothing to change. */
void derive_bind_new(sqlite3_stmt *st, int i, const struct partner *p)
{
	struct flag_basis b = { p->phase, p->score_w, p->score_date, p->status_date,
				DATE_NONE, DATE_NONE, DATE_NONE, DATE_NONE, false };
	struct flag_dates d;
	char *key = text_sort_key(p->name != NULL ? p->name : "");

	flag_dates_of(&b, &d);
	sqlite3_bind_text(st, i, key, -1, free);
	bind_int(st, i + 1, p->phase);
	bind_int(st, i + 2, d.tier);
	bind_day(st, i + 3, d.min_end);
	bind_day(st, i + 4, d.review_due);
	bind_day(st, i + 5, d.behind_from);
	bind_day(st, i + 6, d.stale_from);
	bind_int(st, i + 7, d.no_sponsor);
	bind_int(st, i + 8, d.renewal_watch);
}

static bool same_dates(const struct flag_dates *a, const struct flag_dates *b)
{
	return a->min_end == b->min_end && a->review_due == b->review_due &&
	       a->behind_from == b->behind_from && a->stale_from == b->stale_from &&
	       a->no_sponsor == b->no_sponsor && a->renewal_watch == b->renewal_watch;
}

static int write_partner(struct store *s, const struct dpartner *p, const struct derived *d,
			 struct ally_err *err)
{
	bool keys = strcmp(d->sort_key, p->stored.sort_key != NULL ? p->stored.sort_key : "") != 0 ||
		    d->phase_no != p->stored.phase_no || d->tier != p->stored.tier;
	sqlite3_stmt *st;
	int rc;

	if (!keys && same_dates(&d->dates, &p->stored.dates))
		return ALLY_OK;
	if ((rc = store_prepare(s, keys ? SQL_D_UPDATE : SQL_D_UPDATE_DAYS, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, p->id);
	if (keys) {
		bind_text(st, 2, d->sort_key);
		bind_int(st, 3, d->phase_no);
		bind_int(st, 4, d->tier);
	}
	bind_day(st, 5, d->dates.min_end);
	bind_day(st, 6, d->dates.review_due);
	bind_day(st, 7, d->dates.behind_from);
	bind_day(st, 8, d->dates.stale_from);
	bind_int(st, 9, d->dates.no_sponsor);
	bind_int(st, 10, d->dates.renewal_watch);
	return store_step_done(s, st, err);
}

static int delete_rows(struct store *s, const char *sql, int64_t id, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	return store_step_done(s, st, err);
}

static int write_pieces(struct store *s, const struct dpartner *p, const struct next_piece *pc,
			size_t n, struct ally_err *err)
{
	int rc;

	if (n == p->pieces.n && (n == 0 || memcmp(pc, p->pieces.v, n * sizeof *pc) == 0))
		return ALLY_OK;
	if (p->pieces.n > 0 && (rc = delete_rows(s, SQL_D_PIECES_DELETE, p->id, err)) != ALLY_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st;

		if ((rc = store_prepare(s, SQL_D_PIECE_ADD, &st, err)) != ALLY_OK)
			return rc;
		bind_int(st, 1, p->id);
		bind_int(st, 2, pc[i].day);
		bind_int(st, 3, pc[i].from);
		bind_int(st, 4, pc[i].until);
		if ((rc = store_step_done(s, st, err)) != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

/* The streaks of both flags for p's figures; out has room for 2n. */
static size_t streaks_of(const struct dpartner *p, struct streak *out)
{
	static const struct {
		int flag;
		bool met;
		int need;
	} kinds[] = {
		{ FLAG_EXIT_WATCH, false, FIGURES_EXIT_NEED },
		{ FLAG_EXPANSION_CANDIDATE, true, FIGURES_EXPANSION_NEED },
	};
	struct quarter_span *spans = xcalloc(p->figures.n + 1, sizeof *spans);
	size_t k = 0;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t n = figures_streak_spans(p->figures.v, p->figures.n, kinds[i].met,
						kinds[i].need, spans);

		for (size_t j = 0; j < n; j++)
			out[k++] = (struct streak){ kinds[i].flag, spans[j] };
	}
	free(spans);
	return k;
}

static int write_streaks(struct store *s, const struct dpartner *p, struct ally_err *err)
{
	struct streak *want = xcalloc(2 * p->figures.n + 1, sizeof *want);
	size_t n = streaks_of(p, want);
	int rc = ALLY_OK;

	if (n == p->streaks.n && (n == 0 || memcmp(want, p->streaks.v, n * sizeof *want) == 0))
		goto out;
	if ((rc = delete_rows(s, SQL_D_STREAKS_DELETE, p->id, err)) != ALLY_OK)
		goto out;
	for (size_t i = 0; i < n && rc == ALLY_OK; i++) {
		sqlite3_stmt *st;

		if ((rc = store_prepare(s, SQL_D_STREAK_ADD, &st, err)) != ALLY_OK)
			break;
		bind_int(st, 1, p->id);
		bind_int(st, 2, want[i].flag);
		bind_int(st, 3, want[i].span.from);
		bind_int(st, 4, want[i].span.until);
		rc = store_step_done(s, st, err);
	}
out:
	free(want);
	return rc;
}

/* The search's index of names holds name_key for id, or nothing when
 * name_key is NULL (the partner is gone). */
static int write_name(struct store *s, int64_t id, const char *name_key, struct ally_err *err)
{
	sqlite3_stmt *st;
	char *held = NULL;
	int rc = store_prepare(s, SQL_D_NAME_GET, &st, err), r;

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	if ((r = store_step(s, st, err)) == 1)
		held = col_text(st, 0);
	store_release(st);
	if (r < 0)
		return -r;
	if (r == 1 && name_key != NULL && held != NULL && strcmp(held, name_key) == 0) {
		free(held);
		return ALLY_OK;
	}
	free(held);
	if (r == 1 && (rc = delete_rows(s, SQL_D_NAME_DELETE, id, err)) != ALLY_OK)
		return rc;
	if (name_key == NULL)
		return ALLY_OK;
	if ((rc = store_prepare(s, SQL_D_NAME_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, id);
	bind_text(st, 2, name_key);
	return store_step_done(s, st, err);
}

static int derive_one(struct store *s, const struct dpartner *p, struct ally_err *err)
{
	struct derived d;
	struct next_piece *pieces = xcalloc(p->notices.n + 1, sizeof *pieces);
	size_t np;
	int rc;

	d.sort_key = text_sort_key(p->name);
	d.phase_no = p->basis.phase;
	flag_dates_of(&p->basis, &d.dates);
	d.tier = d.dates.tier;
	np = next_action_pieces(p->basis.min_end, p->notices.v, p->notices.n, pieces);
	rc = write_partner(s, p, &d, err);
	if (rc == ALLY_OK)
		rc = write_pieces(s, p, pieces, np, err);
	if (rc == ALLY_OK)
		rc = write_streaks(s, p, err);
	if (rc == ALLY_OK && named(s, p->id))
		rc = write_name(s, p->id, p->name_key, err);
	free(pieces);
	free(d.sort_key);
	return rc;
}

static char *ids_json(const int64_t *ids, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%" PRId64, i > 0 ? "," : "", ids[i]);
	buf_putc(&b, ']');
	return buf_take(&b);
}

static int derive_batch(struct store *s, const int64_t *ids, size_t n, struct ally_err *err)
{
	struct batch b = { NULL, 0, ids_json(ids, n) };
	int rc = batch_read(s, &b, err);

	for (size_t i = 0; rc == ALLY_OK && i < b.n; i++)
		rc = derive_one(s, &b.p[i], err);
	/* A touched partner that is not there was deleted: its rows went with
	 * it (ON DELETE CASCADE), but for its name in the search's index. */
	for (size_t i = 0; rc == ALLY_OK && i < n; i++)
		if (batch_find(&b, ids[i]) == NULL && named(s, ids[i]))
			rc = write_name(s, ids[i], NULL, err);
	batch_free(&b);
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int derive_flush(struct store *s, struct ally_err *err)
{
	size_t n = 0;
	int rc = ALLY_OK;

	if (s->ntouched == 0)
		return ALLY_OK;
	qsort(s->touched, s->ntouched, sizeof *s->touched, cmp_id);
	for (size_t i = 0; i < s->ntouched; i++)
		if (n == 0 || s->touched[n - 1] != s->touched[i])
			s->touched[n++] = s->touched[i];
	if (s->nnamed > 1)
		qsort(s->named, s->nnamed, sizeof *s->named, cmp_id);
	for (size_t i = 0; rc == ALLY_OK && i < n; i += DERIVE_BATCH)
		rc = derive_batch(s, s->touched + i, n - i < DERIVE_BATCH ? n - i : DERIVE_BATCH, err);
	s->ntouched = 0;
	s->nnamed = 0;
	return rc;
}

static void touch_row(sqlite3_stmt *st, void *elem)
{
	*(int64_t *)elem = col_int(st, 0);
}

static const struct row_kind id_rows = { sizeof(int64_t), touch_row, NULL };

int derive_all(struct store *s, struct ally_err *err)
{
	void *rows;
	size_t n;
	int rc = store_collect(s, SQL_D_ALL_IDS, NULL, NULL, &id_rows, &rows, &n, err);

	for (size_t i = 0; rc == ALLY_OK && i < n; i++)
		derive_touch_name(s, ((int64_t *)rows)[i]);
	for (size_t i = 0; rc == ALLY_OK && i < n; i++)
		derive_touch(s, ((int64_t *)rows)[i]);
	free(rows);
	return rc == ALLY_OK ? derive_flush(s, err) : rc;
}
