/* partner-window.c: windows of the partner list in every sort and
 * filter, read through one index range at a time.
 *
 * Every order is a sequence of groups (the sort's value: score, phase,
 * next action; one group by name) in the group direction, names A to Z
 * within a group, and the partners without a value last.  A position is
 * (group, sort key, id), so the rows after it are: the rest of its group,
 * then the later groups in order, then the missing ones.  Each of those
 * steps is one statement over the index of the sort (INDEXED BY: the
 * planner may not pick a filter's index and sort), which SQLite reads in
 * order and stops at the LIMIT; where the groups go one way and the names
 * the other it sorts each group on the way ("temp b-tree for right part
 * of order by"), never the whole list.  A filter is checked on the rows
 * the walk meets.  The flagged filter compares the days derive.c keeps
 * with today (flag-dates.h); what only today can tell (an end within the
 * window, a notice deadline soon, a streak of key figures) is one index
 * lookup per partner met. */
#include "store-private.h"

#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/flag-dates.h"
#include "ally/flags.h"
#include "ally/text.h"
#include "ally/util.h"

/* The lookups of a partner's own contracts and streaks name their index:
 * left to itself, the planner prefers the date range of every contract
 * to the few of one partner.
 *
 * Parameters every walk statement takes:
 *   ?1 phase_no   ?2 type   ?3 owner_key   ?4 tier   ?5 flagged (1 or NULL)
 *   ?6 today (a day number)   ?7 today   ?8 today + 90   ?9 today + 30 (text)
 *   ?10 today's quarter   ?11 the folded text a name must contain
 *   ?12 the position's group   ?13 its sort key   ?14 its id   ?15 limit
 *   ?16 / ?17 the highest / lowest group value (the missing ones are out)
 * A filter that is not set is bound NULL; its test is then true. */
#define W_FLAGGED                                                                             \
	"(p.min_end < ?6 OR p.review_due < ?6 OR p.behind_from <= ?6 OR p.stale_from <= ?6 " \
	" OR p.no_sponsor = 1"                                                               \
	" OR (p.renewal_watch = 1 AND EXISTS (SELECT 1 FROM contracts c"                     \
	"     INDEXED BY contracts_partner_status"                                           \
	"     WHERE c.partner_id = p.id AND c.status = 'active'"                             \
	"       AND c.end_date BETWEEN ?7 AND ?8))"                                          \
	" OR EXISTS (SELECT 1 FROM contracts c INDEXED BY contracts_partner_status"          \
	"     WHERE c.partner_id = p.id"                                                     \
	"     AND c.status = 'active' AND c.notice_deadline BETWEEN ?7 AND ?9)"              \
	" OR EXISTS (SELECT 1 FROM figure_streaks f INDEXED BY figure_streaks_partner"       \
	"     WHERE f.partner_id = p.id"                                                     \
	"     AND f.from_q <= ?10 AND f.until_q >= ?10))"
#define W_FILTER                                                                          \
	" AND (?1 IS NULL OR p.phase_no = ?1) AND (?2 IS NULL OR p.type = ?2)"            \
	" AND (?3 IS NULL OR p.owner_key = ?3) AND (?4 IS NULL OR p.tier = ?4)"           \
	" AND (?11 IS NULL OR instr(p.name_key, ?11) > 0) AND (?5 IS NULL OR " W_FLAGGED ")"

/* One sort: where its rows come from and which columns order them. */
#define W_SEL(g, k, i) "SELECT " PARTNER_COLS ", " g ", " k ", " i " "
#define W_ROWS(from, valid, cond, filter, order) \
	from " WHERE " valid " AND " cond filter " ORDER BY " order " LIMIT ?15"
#define W_COUNT(from, valid, cond, filter) \
	"SELECT count(*) FROM (SELECT 1 " from " WHERE " valid " AND " cond filter " LIMIT ?15)"

/* The eight steps of a grouped sort (and their counts): within the
 * position's group, name up or down; the groups above or below it, with
 * names up or down; the missing ones, name up or down. */
#define W_STEPS(from, valid, g, k, i, miss, filter)                                              \
	{                                                                                      \
		W_SEL(g, k, i) W_ROWS(from, valid, g " = ?12 AND (" k ", " i ") > (?13, ?14)",   \
				      filter, k ", " i),                                       \
		W_SEL(g, k, i) W_ROWS(from, valid, g " = ?12 AND (" k ", " i ") < (?13, ?14)",   \
				      filter, k " DESC, " i " DESC"),                          \
		W_SEL(g, k, i) W_ROWS(from, valid, g " > ?12 AND " g " <= ?16", filter,          \
				      g ", " k ", " i),                                        \
		W_SEL(g, k, i) W_ROWS(from, valid, g " > ?12 AND " g " <= ?16", filter,          \
				      g ", " k " DESC, " i " DESC"),                           \
		W_SEL(g, k, i) W_ROWS(from, valid, g " < ?12 AND " g " >= ?17", filter,          \
				      g " DESC, " k ", " i),                                   \
		W_SEL(g, k, i) W_ROWS(from, valid, g " < ?12 AND " g " >= ?17", filter,          \
				      g " DESC, " k " DESC, " i " DESC"),                      \
		W_SEL(g, k, i) W_ROWS(from, valid, miss " AND (" k ", " i ") > (?13, ?14)",      \
				      filter, k ", " i),                                       \
		W_SEL(g, k, i) W_ROWS(from, valid, miss " AND (" k ", " i ") < (?13, ?14)",      \
				      filter, k " DESC, " i " DESC"),                          \
	},                                                                                     \
	{                                                                                      \
		W_COUNT(from, valid, g " = ?12 AND (" k ", " i ") > (?13, ?14)", filter),        \
		W_COUNT(from, valid, g " = ?12 AND (" k ", " i ") < (?13, ?14)", filter),        \
		W_COUNT(from, valid, g " > ?12 AND " g " <= ?16", filter),                       \
		W_COUNT(from, valid, g " > ?12 AND " g " <= ?16", filter),                       \
		W_COUNT(from, valid, g " < ?12 AND " g " >= ?17", filter),                       \
		W_COUNT(from, valid, g " < ?12 AND " g " >= ?17", filter),                       \
		W_COUNT(from, valid, miss " AND (" k ", " i ") > (?13, ?14)", filter),           \
		W_COUNT(from, valid, miss " AND (" k ", " i ") < (?13, ?14)", filter),           \
	}

enum step {
	STEP_IN_UP,     /* the rest of the group, names A to Z */
	STEP_IN_DOWN,   /* the rest of the group, names Z to A */
	STEP_ABOVE_UP,  /* higher groups, lowest first, names A to Z */
	STEP_ABOVE_DOWN,
	STEP_BELOW_UP,  /* lower groups, highest first, names A to Z */
	STEP_BELOW_DOWN,
	STEP_MISS_UP,   /* the missing ones */
	STEP_MISS_DOWN,
	STEP_COUNT
};

struct sort_sql {
	const char *rows[STEP_COUNT];
	const char *count[STEP_COUNT];
	int64_t lo, hi;  /* the group values there are (?17, ?16) */
	bool grouped;    /* false: by name alone, one group */
	bool desc;       /* the groups' own direction is down (highest score first) */
	bool missing;    /* some rows have no value (their steps are read) */
};

#define P_FROM(index) "FROM partners p INDEXED BY " index
/* next_actions is its own index by day (WITHOUT ROWID): NOT INDEXED
 * keeps the planner on it; the names within a day are sorted as read. */
#define NEXT_FROM "FROM next_actions a NOT INDEXED JOIN partners p ON p.id = a.partner_id"
#define NEXT_VALID "a.valid_from <= ?6 AND a.valid_until >= ?6"

/* By enum partner_sort.  The next action's missing group is its pieces of
 * day FLAG_DAY_MAX (2147483647). */
static const struct sort_sql sorts[] = {
	[PSORT_NAME] = { W_STEPS(P_FROM("partners_name"), "1", "0", "p.sort_key", "p.id", "0",
				 W_FILTER),
			 0, 0, false, false, false },
	[PSORT_SCORE] = { W_STEPS(P_FROM("partners_score"), "1", "p.score_w", "p.sort_key", "p.id",
				  "p.score_w IS NULL", W_FILTER),
			  0, 10000, true, true, true },
	[PSORT_PHASE] = { W_STEPS(P_FROM("partners_phase"), "1", "p.phase_no", "p.sort_key", "p.id",
				  "0", W_FILTER),
			  0, PHASE_COUNT - 1, true, false, false },
	[PSORT_NEXT_ACTION] = { W_STEPS(NEXT_FROM, NEXT_VALID, "a.day", "p.sort_key", "p.id",
					"a.day = 2147483647", W_FILTER),
				FLAG_DAY_MIN, FLAG_DAY_MAX - 1, true, false, true },
};

/* By name within one owner or phase: the filter's own index gives the
 * names in order, so a narrow filter reads only its rows (a type or a
 * tier is wide enough for the walk of all names to meet it soon). */
#define NAME_BY(index, cond) \
	{ W_STEPS(P_FROM(index), cond, "0", "p.sort_key", "p.id", "0", W_FILTER), 0, 0, false, \
	  false, false }
enum name_by { BY_OWNER, BY_PHASE, BY_COUNT };
static const struct sort_sql names_by[BY_COUNT] = {
	[BY_OWNER] = NAME_BY("partners_owner", "p.owner_key = ?3"),
	[BY_PHASE] = NAME_BY("partners_phase", "p.phase_no = ?1"),
};

/* The statements of f's order: by name through the narrower filter with
 * an index of its own (owners are the more), else the sort's. */
static const struct sort_sql *sort_of(const struct partner_filter *f)
{
	if ((unsigned)f->sort >= sizeof sorts / sizeof sorts[0])
		return &sorts[PSORT_NAME];
	if (f->sort != PSORT_NAME)
		return &sorts[f->sort];
	if (f->owner != NULL)
		return &names_by[BY_OWNER];
	if (f->phase >= 0)
		return &names_by[BY_PHASE];
	return &sorts[PSORT_NAME];
}

/* Where one partner stands in each sort, when f lists it. */
#define W_LOCATE(from, valid, g, k, i) \
	"SELECT " g ", " k ", " i " " from " WHERE " valid " AND " i " = ?14" W_FILTER
static const char *const locate_sql[] = {
	[PSORT_NAME] = W_LOCATE("FROM partners p", "1", "0", "p.sort_key", "p.id"),
	[PSORT_SCORE] = W_LOCATE("FROM partners p", "1", "p.score_w", "p.sort_key", "p.id"),
	[PSORT_PHASE] = W_LOCATE("FROM partners p", "1", "p.phase_no", "p.sort_key", "p.id"),
	[PSORT_NEXT_ACTION] = W_LOCATE("FROM next_actions a INDEXED BY next_actions_partner "
				       "JOIN partners p ON p.id = a.partner_id",
				       NEXT_VALID, "a.day", "p.sort_key", "a.partner_id"),
};

/* Past every sort key (UTF-8 never holds the byte 0xff), and before. */
static const char KEY_MAX[] = "\xff";
static const char KEY_MIN[] = "";

void partner_pos_copy(struct partner_pos *dst, const struct partner_pos *src)
{
	*dst = *src;
	dst->sort_key = src->sort_key != NULL ? xstrdup(src->sort_key) : NULL;
}

void partner_pos_finish(struct partner_pos *pos)
{
	free(pos->sort_key);
	pos->sort_key = NULL;
}

/* A walk in progress: the query, where it stands, what it has read. */
struct walk {
	struct store *s;
	const struct partner_filter *f;
	const struct sort_sql *sql;
	ally_date today;
	char *owner_key;       /* the owner filter folded */
	bool groups_down;      /* the groups come highest first */
	struct partner_list *out;
	size_t limit;
	bool inclusive;        /* the position's own row comes first */
	bool counting;         /* count the rows of each step, up to limit */
	int64_t counted;
};

static void bind_filter(const struct walk *w, sqlite3_stmt *st)
{
	const struct partner_filter *f = w->f;
	char d[DATE_BUFSZ];

	if (f->phase >= 0)
		bind_int(st, 1, f->phase);
	bind_enum(st, 2, partner_type_names, f->type);
	bind_text(st, 3, w->owner_key);
	if (f->tier != -2)
		bind_int(st, 4, f->tier);
	if (f->flagged_only)
		bind_int(st, 5, 1);
	bind_int(st, 6, w->today);
	sqlite3_bind_text(st, 7, date_format(w->today, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, date_format(w->today + FLAG_WINDOW_DAYS, d), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, date_format(w->today + FLAG_NOTICE_DAYS, d), -1,
			  SQLITE_TRANSIENT);
	bind_int(st, 10, quarter_of_date(w->today));
	bind_text(st, 11, f->contains);
	bind_int(st, 16, w->sql->hi);
	bind_int(st, 17, w->sql->lo);
}

static void bind_pos(sqlite3_stmt *st, int64_t group, const char *key, int64_t id)
{
	bind_int(st, 12, group);
	bind_text(st, 13, key);
	bind_int(st, 14, id);
}

static void row_read(sqlite3_stmt *st, struct partner_row *r, const struct sort_sql *sql)
{
	memset(r, 0, sizeof *r);
	partner_from_row(st, &r->p);
	r->pos.group = col_int(st, 28);
	r->pos.sort_key = col_text(st, 29);
	r->pos.id = col_int(st, 30);
	if (sql == &sorts[PSORT_SCORE])
		r->pos.missing = sqlite3_column_type(st, 28) == SQLITE_NULL;
	else if (sql == &sorts[PSORT_NEXT_ACTION])
		r->pos.missing = r->pos.group == FLAG_DAY_MAX;
}

/* One step: rows of statement k from (group, key, id) onwards, appended
 * to the window until it holds limit rows; or, counting, how many rows
 * there are (up to limit in all, 0: all of them). */
static int step(struct walk *w, enum step k, int64_t group, const char *key, int64_t id,
		struct ally_err *err)
{
	struct partner_list *l = w->out;
	size_t have = w->counting ? (size_t)w->counted : l->n, cap = have;
	sqlite3_stmt *st;
	int rc, r;

	if ((w->limit > 0 && have >= w->limit) ||
	    (!w->sql->missing && (k == STEP_MISS_UP || k == STEP_MISS_DOWN)))
		return ALLY_OK;
	rc = store_prepare(w->s, w->counting ? w->sql->count[k] : w->sql->rows[k], &st, err);
	if (rc != ALLY_OK)
		return rc;
	bind_filter(w, st);
	bind_pos(st, group, key, id);
	bind_int(st, 15, w->limit > 0 ? (int64_t)(w->limit - have) : -1);
	while ((r = store_step(w->s, st, err)) == 1) {
		if (w->counting) {
			w->counted += col_int(st, 0);
			continue;
		}
		l->rows = store_grow(l->rows, l->n, &cap, sizeof *l->rows);
		row_read(st, &l->rows[l->n++], w->sql);
	}
	store_release(st);
	return r < 0 ? -r : ALLY_OK;
}

/* The groups after group g in the direction of the order (up: forward
 * travel), names as the travel needs them. */
static enum step groups_after(const struct walk *w, bool forward)
{
	bool above = w->groups_down != forward; /* forward in a rising order: higher groups */

	if (above)
		return forward ? STEP_ABOVE_UP : STEP_ABOVE_DOWN;
	return forward ? STEP_BELOW_UP : STEP_BELOW_DOWN;
}

/* The group value before the first (travelling from an end). */
static int64_t group_edge(const struct walk *w, bool forward)
{
	bool from_low = w->groups_down != forward;

	return from_low ? w->sql->lo - 1 : w->sql->hi + 1;
}

/* Forward: the rest of the position's group, the later groups, the
 * missing ones. */
/* The id to walk from: past from's own row, or (inclusive) just short of
 * it in the direction of the index (ids are integers: none lies between). */
static int64_t from_id(const struct walk *w, const struct partner_pos *from, bool up)
{
	if (!w->inclusive)
		return from->id;
	return up ? from->id - 1 : from->id + 1;
}

static int walk_forward(struct walk *w, const struct partner_pos *from, struct ally_err *err)
{
	int rc = ALLY_OK;

	if (!w->sql->grouped)
		return step(w, STEP_IN_UP, 0, from != NULL ? from->sort_key : KEY_MIN,
			    from != NULL ? from_id(w, from, true) : INT64_MIN, err);
	if (from != NULL && from->missing)
		return step(w, STEP_MISS_UP, 0, from->sort_key, from_id(w, from, true), err);
	if (from != NULL)
		rc = step(w, STEP_IN_UP, from->group, from->sort_key, from_id(w, from, true), err);
	if (rc == ALLY_OK)
		rc = step(w, groups_after(w, true), from != NULL ? from->group : group_edge(w, true),
			  KEY_MIN, 0, err);
	if (rc == ALLY_OK)
		rc = step(w, STEP_MISS_UP, 0, KEY_MIN, INT64_MIN, err);
	return rc;
}

/* Backward: the mirror of walk_forward; from the end, the missing ones
 * come first. */
static int walk_backward(struct walk *w, const struct partner_pos *from, struct ally_err *err)
{
	int rc = ALLY_OK;

	if (!w->sql->grouped)
		return step(w, STEP_IN_DOWN, 0, from != NULL ? from->sort_key : KEY_MAX,
			    from != NULL ? from_id(w, from, false) : INT64_MAX, err);
	if (from == NULL || from->missing) {
		rc = step(w, STEP_MISS_DOWN, 0, from != NULL ? from->sort_key : KEY_MAX,
			  from != NULL ? from_id(w, from, false) : INT64_MAX, err);
		if (rc == ALLY_OK)
			rc = step(w, groups_after(w, false), group_edge(w, false), KEY_MIN, 0, err);
		return rc;
	}
	rc = step(w, STEP_IN_DOWN, from->group, from->sort_key, from_id(w, from, false), err);
	if (rc == ALLY_OK)
		rc = step(w, groups_after(w, false), from->group, KEY_MIN, 0, err);
	return rc;
}

static void walk_init(struct walk *w, struct store *s, const struct partner_filter *f,
		      ally_date today)
{
	memset(w, 0, sizeof *w);
	w->s = s;
	w->f = f;
	w->today = today;
	w->sql = sort_of(f);
	w->owner_key = f->owner != NULL ? text_fold(f->owner) : NULL;
	w->groups_down = w->sql->desc != f->values_reversed;
	/* By name, the values are the names: turned round, the order is. */
	if (!w->sql->grouped && f->values_reversed)
		w->groups_down = true;
}

/* By name the one group's direction is the names' own: "down" travels
 * the other way. */
static int walk(struct walk *w, const struct partner_pos *from, int dir, struct ally_err *err)
{
	bool forward = (dir > 0) != w->f->descending;

	if (!w->sql->grouped && w->groups_down)
		forward = !forward;
	return forward ? walk_forward(w, from, err) : walk_backward(w, from, err);
}

static int page(struct store *s, const struct partner_filter *f, ally_date today,
		const struct partner_pos *from, int dir, bool inclusive, size_t limit,
		struct partner_list *out, struct ally_err *err)
{
	struct partner_filter all;
	struct walk w;
	bool own;
	int rc;

	out->rows = NULL;
	out->n = 0;
	if (f == NULL) {
		partner_filter_init(&all);
		f = &all;
	}
	walk_init(&w, s, f, today);
	w.out = out;
	w.limit = limit;
	w.inclusive = inclusive && from != NULL;
	if ((rc = rtx_begin(s, &own, err)) == ALLY_OK) {
		rc = walk(&w, from, dir, err);
		if (rc == ALLY_OK)
			rc = partner_rows_facts(s, out->rows, out->n, today, err);
		rtx_end(s, own);
	}
	free(w.owner_key);
	if (rc != ALLY_OK)
		partner_list_finish(out);
	return rc;
}

int store_partner_page(struct store *s, const struct partner_filter *f, ally_date today,
		       const struct partner_pos *from, int dir, size_t limit,
		       struct partner_list *out, struct ally_err *err)
{
	return page(s, f, today, from, dir, false, limit, out, err);
}

int store_partner_page_from(struct store *s, const struct partner_filter *f, ally_date today,
			    const struct partner_pos *from, size_t limit, struct partner_list *out,
			    struct ally_err *err)
{
	return page(s, f, today, from, 1, true, limit, out, err);
}

int store_partner_rank(struct store *s, const struct partner_filter *f, ally_date today,
		       const struct partner_pos *pos, int dir, int64_t *out, struct ally_err *err)
{
	struct partner_filter all;
	struct walk w;
	bool own;
	int rc;

	*out = 0;
	if (f == NULL) {
		partner_filter_init(&all);
		f = &all;
	}
	walk_init(&w, s, f, today);
	w.counting = true;
	if ((rc = rtx_begin(s, &own, err)) == ALLY_OK) {
		rc = walk(&w, pos, dir < 0 ? -1 : 1, err);
		rtx_end(s, own);
	}
	free(w.owner_key);
	if (rc == ALLY_OK)
		*out = w.counted;
	return rc;
}

int store_partner_locate(struct store *s, const struct partner_filter *f, ally_date today,
			 int64_t id, struct partner_pos *out, bool *found, struct ally_err *err)
{
	struct partner_filter all;
	sqlite3_stmt *st;
	struct walk w;
	int rc;

	*found = false;
	if (f == NULL) {
		partner_filter_init(&all);
		f = &all;
	}
	walk_init(&w, s, f, today);
	rc = store_prepare(s, locate_sql[(unsigned)f->sort < 4 ? f->sort : PSORT_NAME], &st, err);
	if (rc == ALLY_OK) {
		bind_filter(&w, st);
		bind_int(st, 14, id);
		if ((rc = store_step(s, st, err)) == 1) {
			out->group = col_int(st, 0);
			out->sort_key = col_text(st, 1);
			out->id = col_int(st, 2);
			out->missing = sqlite3_column_type(st, 0) == SQLITE_NULL ||
				       (f->sort == PSORT_NEXT_ACTION && out->group == FLAG_DAY_MAX);
			*found = true;
		}
		store_release(st);
		rc = rc < 0 ? -rc : ALLY_OK;
	}
	free(w.owner_key);
	return rc;
}

/* The counters of 003_windows.sql (partner_counts): the number in all,
 * or of one phase, type, owner or tier. */
static const char SQL_COUNTER[] = "SELECT n FROM partner_counts WHERE dim = ?1 AND val = ?2";

/* Counted with a filter's own index, when it has one (a window of the
 * order walks the sort's index instead): ?1..?11 as the walk's, ?15 the
 * cap. */
#define C_BY(index, cond) \
	"SELECT count(*) FROM (SELECT 1 FROM partners p INDEXED BY " index " WHERE " cond \
	W_FILTER " LIMIT ?15)"
static const char SQL_COUNT_PHASE[] = C_BY("partners_phase", "p.phase_no = ?1");
static const char SQL_COUNT_TYPE[] = C_BY("partners_type", "p.type = ?2");
static const char SQL_COUNT_OWNER[] = C_BY("partners_owner", "p.owner_key = ?3");
static const char SQL_COUNT_TIER[] = C_BY("partners_tier", "p.tier = ?4");
static const char SQL_COUNT_ALL[] = C_BY("partners_name", "1");
/* The flagged partners as a union of one index range per flag (each as
 * of today), then the other filters on what it found: costs what it
 * counts, up to the cap. */
#define FLAG_UNION                                                                             \
	"SELECT id FROM partners INDEXED BY partners_lapsed WHERE min_end < ?6 "                \
	"UNION SELECT id FROM partners INDEXED BY partners_review_due WHERE review_due < ?6 "   \
	"UNION SELECT id FROM partners INDEXED BY partners_behind WHERE behind_from <= ?6 "     \
	"UNION SELECT id FROM partners INDEXED BY partners_stale WHERE stale_from <= ?6 "       \
	"UNION SELECT id FROM partners INDEXED BY partners_no_sponsor WHERE no_sponsor = 1 "    \
	"UNION SELECT c.partner_id FROM contracts c INDEXED BY contracts_status_end "           \
	"  JOIN partners p ON p.id = c.partner_id WHERE c.status = 'active' "                   \
	"  AND c.end_date BETWEEN ?7 AND ?8 AND p.renewal_watch = 1 "                            \
	"UNION SELECT partner_id FROM contracts INDEXED BY contracts_status_notice "            \
	"  WHERE status = 'active' AND notice_deadline BETWEEN ?7 AND ?9 "                     \
	"UNION SELECT partner_id FROM figure_streaks INDEXED BY figure_streaks_until "          \
	"  WHERE flag IN (128, 256) AND until_q >= ?10 AND from_q <= ?10"
static const char SQL_COUNT_FLAGGED[] =
	"SELECT count(*) FROM (SELECT 1 FROM (" FLAG_UNION ") u JOIN partners p ON p.id = u.id "
	"WHERE (?1 IS NULL OR p.phase_no = ?1) AND (?2 IS NULL OR p.type = ?2) "
	"  AND (?3 IS NULL OR p.owner_key = ?3) AND (?4 IS NULL OR p.tier = ?4) "
	"  AND (?11 IS NULL OR instr(p.name_key, ?11) > 0) LIMIT ?15)";

/* The one counter that answers f, when one does: *dim and the value
 * bound by bind_counter. */
static bool counter_of(const struct partner_filter *f, const char **dim)
{
	int set = (f->phase >= 0) + (f->type >= 0) + (f->owner != NULL) + (f->tier != -2);

	if (f->flagged_only || f->contains != NULL || set > 1)
		return false;
	*dim = f->phase >= 0 ? "phase" : f->type >= 0 ? "type" : f->owner != NULL ? "owner"
	     : f->tier != -2 ? "tier" : "all";
	return true;
}

static int count_counter(struct store *s, const struct partner_filter *f, const char *dim,
			 int64_t *out, struct ally_err *err)
{
	sqlite3_stmt *st;
	char *owner = NULL;
	int rc = store_prepare(s, SQL_COUNTER, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_text(st, 1, dim);
	if (f->phase >= 0)
		bind_int(st, 2, f->phase);
	else if (f->type >= 0)
		bind_enum(st, 2, partner_type_names, f->type);
	else if (f->owner != NULL)
		bind_text(st, 2, owner = text_fold(f->owner));
	else if (f->tier != -2)
		bind_int(st, 2, f->tier);
	else
		bind_int(st, 2, 0);
	rc = store_step_int(s, st, out, err);
	free(owner);
	return rc;
}

static const char *count_sql(const struct partner_filter *f)
{
	if (f->flagged_only)
		return SQL_COUNT_FLAGGED;
	if (f->phase >= 0)
		return SQL_COUNT_PHASE;
	if (f->owner != NULL)
		return SQL_COUNT_OWNER;
	if (f->type >= 0)
		return SQL_COUNT_TYPE;
	if (f->tier != -2)
		return SQL_COUNT_TIER;
	return SQL_COUNT_ALL;
}

int store_partner_count_where(struct store *s, const struct partner_filter *f, ally_date today,
			      size_t cap, int64_t *out, bool *more, struct ally_err *err)
{
	struct partner_filter all;
	const char *dim;
	sqlite3_stmt *st;
	struct walk w;
	int rc;

	*out = 0;
	*more = false;
	if (f == NULL) {
		partner_filter_init(&all);
		f = &all;
	}
	if (counter_of(f, &dim))
		return count_counter(s, f, dim, out, err);
	walk_init(&w, s, f, today);
	if ((rc = store_prepare(s, count_sql(f), &st, err)) == ALLY_OK) {
		bind_filter(&w, st);
		bind_int(st, 15, cap > 0 ? (int64_t)cap + 1 : -1);
		rc = store_step_int(s, st, out, err);
	}
	free(w.owner_key);
	if (rc == ALLY_OK && cap > 0 && *out > (int64_t)cap) {
		*out = (int64_t)cap;
		*more = true;
	}
	return rc;
}

/* ---- search ---- */

/* A name search of three characters or more goes through the trigram
 * index of the folded names (003_windows.sql, partner_names): its GLOB
 * finds the few partners whose name contains a rare pattern without
 * reading the others.  Up to SEARCH_CANDIDATES of them are placed in the
 * order (store_partner_locate) and the nearest one taken; a pattern that
 * more names contain is met within a few rows of any walk, so the walk
 * of the order finds it (one row, LIMIT 1). */
#define SEARCH_CANDIDATES 200
#define SEARCH_TRIGRAM 3 /* characters: the index cannot match fewer */
static const char SQL_NAME_CANDIDATES[] =
	"SELECT rowid FROM partner_names WHERE name_key GLOB ?1 LIMIT ?2";

/* "*text*" with GLOB's own characters taken literally ("[*]"). */
static char *glob_of(const char *folded)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '*');
	for (const char *p = folded; *p != '\0'; p++) {
		if (*p == '*' || *p == '?' || *p == '[')
			buf_printf(&b, "[%c]", *p);
		else
			buf_putc(&b, *p);
	}
	buf_putc(&b, '*');
	return buf_take(&b);
}

static size_t characters(const char *s)
{
	size_t n = 0;

	while (*s != '\0') {
		uint32_t cp;
		size_t len = utf8_decode(s, &cp);

		s += len > 0 ? len : 1;
		n++;
	}
	return n;
}

/* The order of two positions in w's order, as a walk forward meets them:
 * negative when a comes first. */
static int pos_cmp(const struct walk *w, const struct partner_pos *a, const struct partner_pos *b)
{
	int c = strcmp(a->sort_key, b->sort_key);

	if (c == 0)
		c = (a->id > b->id) - (a->id < b->id);
	if (!w->sql->grouped) {
		if (w->groups_down)
			c = -c;
	} else if (a->missing != b->missing) {
		c = a->missing ? 1 : -1;
	} else if (!a->missing && a->group != b->group) {
		c = (a->group > b->group) - (a->group < b->group);
		if (w->groups_down)
			c = -c;
	}
	return w->f->descending ? -c : c;
}

/* The candidates' ids, or *many when there are more than the cap. */
static int candidates(struct store *s, const char *folded, int64_t **ids, size_t *n, bool *many,
		      struct ally_err *err)
{
	char *glob = glob_of(folded);
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = store_prepare(s, SQL_NAME_CANDIDATES, &st, err), r = 0;

	*ids = NULL;
	*n = 0;
	if (rc == ALLY_OK) {
		bind_text(st, 1, glob);
		bind_int(st, 2, SEARCH_CANDIDATES + 1);
		while ((r = store_step(s, st, err)) == 1) {
			*ids = store_grow(*ids, *n, &cap, sizeof **ids);
			(*ids)[(*n)++] = col_int(st, 0);
		}
		store_release(st);
		rc = r < 0 ? -r : ALLY_OK;
	}
	free(glob);
	*many = *n > SEARCH_CANDIDATES;
	return rc;
}

/* The nearest of the candidates after from (before it for dir -1; from
 * itself too when inclusive; from NULL: the first in that direction)
 * that f lists, into *best; *found false when none. */
static int nearest(struct walk *w, const int64_t *ids, size_t n, const struct partner_pos *from,
		   int dir, bool inclusive, struct partner_pos *best, bool *found,
		   struct ally_err *err)
{
	int rc = ALLY_OK;

	*found = false;
	for (size_t i = 0; rc == ALLY_OK && i < n; i++) {
		struct partner_pos at;
		bool listed;
		int c;

		rc = store_partner_locate(w->s, w->f, w->today, ids[i], &at, &listed, err);
		if (rc != ALLY_OK || !listed)
			continue;
		c = from != NULL ? dir * pos_cmp(w, &at, from) : 1;
		if ((c > 0 || (c == 0 && inclusive)) &&
		    (!*found || dir * pos_cmp(w, &at, best) < 0)) {
			partner_pos_finish(best);
			*best = at;
			*found = true;
			continue;
		}
		partner_pos_finish(&at);
	}
	return rc;
}

int store_partner_search(struct store *s, const struct partner_filter *f, ally_date today,
			 const char *folded, const struct partner_pos *from, int dir,
			 bool inclusive, struct partner_list *out, struct ally_err *err)
{
	struct partner_filter g = *f;
	struct partner_pos best = { 0, false, NULL, 0 };
	struct walk w;
	int64_t *ids = NULL;
	size_t n = 0;
	bool many = true, found = false, own;
	int rc;

	out->rows = NULL;
	out->n = 0;
	g.contains = folded;
	if ((rc = rtx_begin(s, &own, err)) != ALLY_OK)
		return rc;
	if (characters(folded) >= SEARCH_TRIGRAM)
		rc = candidates(s, folded, &ids, &n, &many, err);
	if (rc == ALLY_OK && many) {
		/* Common: the walk meets one soon. */
		rc = inclusive && from != NULL ? store_partner_page_from(s, &g, today, from, 1, out, err)
					       : store_partner_page(s, &g, today, from, dir, 1, out, err);
	} else if (rc == ALLY_OK) {
		walk_init(&w, s, &g, today);
		rc = nearest(&w, ids, n, from, dir, inclusive, &best, &found, err);
		free(w.owner_key);
		if (rc == ALLY_OK && found)
			rc = store_partner_page_from(s, &g, today, &best, 1, out, err);
		partner_pos_finish(&best);
	}
	rtx_end(s, own);
	free(ids);
	return rc;
}
