/* status.c: a partner's quick status, its scorings and its phase moves.
 * Each keeps a history table; the newest values are also carried on the
 * partner row, so lists need no join over history.  A back-dated status or
 * score joins the history without replacing a newer current one. */
#include "store-private.h"

#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/phase.h"
#include "ally/util.h"

static const char SQL_STATUS_ADD[] =
	"INSERT INTO status_updates (partner_id, date, health, note, author) "
	"VALUES (?, ?, ?, ?, ?) RETURNING id";
/* Run only when history_supersedes says the status replaces the current. */
static const char SQL_STATUS_SET[] =
	"UPDATE partners SET health = ?2, status_note = ?3, status_date = ?4, status_author = ?5, "
	"  version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1";
static const char SQL_STATUS_LIST[] =
	"SELECT date, health, note, author FROM status_updates WHERE partner_id = ? "
	"ORDER BY date DESC, id DESC";
static const char SQL_SCORE_ADD[] =
	"INSERT INTO scores (partner_id, date, fit, reach, capabilities, financial, track_record, "
	"  w, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
/* Run only when history_supersedes says the scoring replaces the current. */
static const char SQL_SCORE_SET[] =
	"UPDATE partners SET score_w = ?2, score_fit = ?3, score_reach = ?4, "
	"  score_capabilities = ?5, score_financial = ?6, score_track_record = ?7, "
	"  score_date = ?8, version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1";
static const char SQL_SCORE_LIST[] =
	"SELECT date, fit, reach, capabilities, financial, track_record, w, author FROM scores "
	"WHERE partner_id = ? ORDER BY date DESC, id DESC";
static const char SQL_PHASE_ADD[] =
	"INSERT INTO phase_moves (partner_id, date, from_phase, to_phase, note, author) "
	"VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_PHASE_SET[] =
	"UPDATE partners SET phase = ?2, version = version + 1, updated_at = datetime('now') "
	"WHERE id = ?1";
/* Oldest first: by date, then as recorded. */
static const char SQL_PHASE_LIST[] =
	"SELECT date, from_phase, to_phase, note, author FROM phase_moves WHERE partner_id = ? "
	"ORDER BY date, id";
/* The date of a partner's last move, NULL when it has none. */
static const char SQL_PHASE_LAST[] = "SELECT max(date) FROM phase_moves WHERE partner_id = ?";

/* ---- status ---- */

int status_history_insert(struct store *s, int64_t partner_id, ally_date date, int health,
			  const char *note, const char *author, int64_t *id, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_STATUS_ADD, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_date(st, 2, date);
	bind_enum(st, 3, health_names, health);
	bind_text(st, 4, note);
	bind_text(st, 5, author);
	return store_step_int(s, st, id, err);
}

/* The history row (its id in *hist_id), then the partner's current status
 * when the core says the new one supersedes it (*current tells); p is the
 * partner as read in this transaction. */
static int status_write(struct store *s, const struct partner *p, int health, const char *note,
			ally_date date, int64_t *hist_id, bool *current, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*current = history_supersedes(p->status_date, date);
	if ((rc = status_history_insert(s, p->id, date, health, note, s->user, hist_id, err)) !=
		    ALLY_OK ||
	    !*current || (rc = store_prepare(s, SQL_STATUS_SET, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, p->id);
	bind_enum(st, 2, health_names, health);
	bind_text(st, 3, note);
	bind_date(st, 4, date);
	bind_text(st, 5, s->user);
	return store_step_done(s, st, err);
}

/* A history row that did not become current: logged as a row of its own
 * table, "amber on 2026-03-01". */
static int history_audit(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
			 const char *what, ally_date date, struct ally_err *err)
{
	char day[DATE_BUFSZ];
	char *summary = xasprintf("%s on %s", what, date_format(date, day));
	int rc = audit_write(s, tbl, row_id, partner_id, "*", NULL, summary, err);

	free(summary);
	return rc;
}

/* health is always recorded, even unchanged: a confirmed status is news. */
static int status_audit(struct store *s, const struct partner *p, int health, const char *note,
			ally_date date, struct ally_err *err)
{
	static const char *const fields[] = { "status_note", "status_date" };
	char *old_v[2] = { xstrdup(p->status_note), text_date(p->status_date) };
	char *new_v[2] = { xstrdup(note), text_date(date) };
	int rc = audit_write(s, "partners", p->id, p->id, "health",
			     enum_name(health_names, p->health), enum_name(health_names, health),
			     err);

	if (rc == ALLY_OK)
		rc = audit_diff(s, "partners", p->id, p->id, fields, old_v, new_v, 2, err);
	values_free(old_v, 2);
	values_free(new_v, 2);
	return rc;
}

static int status_add(struct store *s, int64_t partner_id, int health, const char *note,
		      ally_date date, struct ally_err *err)
{
	struct partner p;
	int64_t hist_id;
	bool current;
	int rc;

	if ((rc = store_partner_get(s, partner_id, &p, err)) != ALLY_OK)
		return rc;
	rc = status_write(s, &p, health, note, date, &hist_id, &current, err);
	if (rc == ALLY_OK && current)
		rc = status_audit(s, &p, health, note, date, err);
	else if (rc == ALLY_OK)
		rc = history_audit(s, "status_updates", hist_id, partner_id,
				   enum_name(health_names, health), date, err);
	partner_finish(&p);
	return rc;
}

int store_status_add(struct store *s, int64_t partner_id, int health, const char *note,
		     ally_date date, struct ally_err *err)
{
	struct tx t;
	int rc;

	if (enum_name(health_names, health) == NULL)
		return ally_err_set(err, ALLY_EUSER, "health", "must be one of: green, amber, red");
	if (date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "date", "is required");
	if (note != NULL && *note == '\0')
		note = NULL;
	if (note != NULL && (rc = text_check(note, "note", TEXT_LINE_MAX, false, err)) != ALLY_OK)
		return rc;
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, status_add(s, partner_id, health, note, date, err), err);
}

static void status_from_row(sqlite3_stmt *st, void *elem)
{
	struct status_entry *e = elem;

	e->date = col_date(st, 0);
	e->health = col_enum(st, 1, health_names);
	e->note = col_text(st, 2);
	e->author = col_text(st, 3);
}

static void status_free(void *elem)
{
	struct status_entry *e = elem;

	free(e->note);
	free(e->author);
}

static const struct row_kind status_rows = { sizeof(struct status_entry), status_from_row,
					    status_free };

int store_status_history(struct store *s, int64_t partner_id, struct status_list *out,
			 struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_STATUS_LIST, store_bind_id, &partner_id, &status_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void status_list_finish(struct status_list *l)
{
	store_rows_free(&status_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

/* ---- score ---- */

int score_history_insert(struct store *s, int64_t partner_id, ally_date date,
			 const struct score_input *in, int w, const char *author, int64_t *id,
			 struct ally_err *err)
{
	const int v[5] = { in->fit, in->reach, in->capabilities, in->financial, in->track_record };
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_SCORE_ADD, &st, err);

	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_date(st, 2, date);
	for (int i = 0; i < 5; i++)
		bind_int(st, 3 + i, v[i]);
	bind_int(st, 8, w);
	bind_text(st, 9, author);
	return store_step_int(s, st, id, err);
}

/* The history row (its id in *hist_id), then the partner's current score
 * when the core says the new one supersedes it (*current tells); p is the
 * partner as read in this transaction. */
static int score_write(struct store *s, const struct partner *p, const struct score_input *in,
		       int w, ally_date date, int64_t *hist_id, bool *current,
		       struct ally_err *err)
{
	const int v[5] = { in->fit, in->reach, in->capabilities, in->financial, in->track_record };
	sqlite3_stmt *st;
	int rc;

	*current = history_supersedes(p->score_date, date);
	if ((rc = score_history_insert(s, p->id, date, in, w, s->user, hist_id, err)) != ALLY_OK ||
	    !*current || (rc = store_prepare(s, SQL_SCORE_SET, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, p->id);
	bind_int(st, 2, w);
	for (int i = 0; i < 5; i++)
		bind_int(st, 3 + i, v[i]);
	bind_date(st, 8, date);
	return store_step_done(s, st, err);
}

static int score_add(struct store *s, int64_t partner_id, const struct score_input *in, int w,
		     ally_date date, struct ally_err *err)
{
	struct partner p;
	char old_v[8], new_v[8];
	int64_t hist_id;
	bool current;
	int rc;

	if ((rc = store_partner_get(s, partner_id, &p, err)) != ALLY_OK)
		return rc;
	rc = score_write(s, &p, in, w, date, &hist_id, &current, err);
	if (rc == ALLY_OK && current)
		rc = audit_write(s, "partners", partner_id, partner_id, "score",
				 p.score_w >= 0 ? score_format(p.score_w, old_v) : NULL,
				 score_format(w, new_v), err);
	else if (rc == ALLY_OK)
		rc = history_audit(s, "scores", hist_id, partner_id, score_format(w, new_v), date,
				   err);
	partner_finish(&p);
	return rc;
}

int store_score_add(struct store *s, int64_t partner_id, const struct score_input *in,
		    ally_date date, int *w_out, struct ally_err *err)
{
	struct tx t;
	int rc, w;

	if ((rc = score_validate(in, err)) != ALLY_OK)
		return rc;
	if (date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "date", "is required");
	w = score_weighted(in);
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	rc = tx_end(s, &t, score_add(s, partner_id, in, w, date, err), err);
	if (rc == ALLY_OK && w_out != NULL)
		*w_out = w;
	return rc;
}

static void score_from_row(sqlite3_stmt *st, void *elem)
{
	struct score_entry *e = elem;

	e->date = col_date(st, 0);
	e->in.fit = (int)col_int(st, 1);
	e->in.reach = (int)col_int(st, 2);
	e->in.capabilities = (int)col_int(st, 3);
	e->in.financial = (int)col_int(st, 4);
	e->in.track_record = (int)col_int(st, 5);
	e->w = (int)col_int(st, 6);
	e->author = col_text(st, 7);
}

static void score_free(void *elem)
{
	free(((struct score_entry *)elem)->author);
}

static const struct row_kind score_rows = { sizeof(struct score_entry), score_from_row,
					   score_free };

int store_score_history(struct store *s, int64_t partner_id, struct score_list *out,
			struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_SCORE_LIST, store_bind_id, &partner_id, &score_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void score_list_finish(struct score_list *l)
{
	store_rows_free(&score_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}

/* ---- phase ---- */

static int phase_write(struct store *s, int64_t partner_id, enum phase from, enum phase to,
		       const char *note, ally_date date, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, SQL_PHASE_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_date(st, 2, date);
	bind_enum(st, 3, phase_names, (int)from);
	bind_enum(st, 4, phase_names, (int)to);
	bind_text(st, 5, note);
	bind_text(st, 6, s->user);
	if ((rc = store_step_done(s, st, err)) != ALLY_OK)
		return rc;
	if ((rc = store_prepare(s, SQL_PHASE_SET, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_enum(st, 2, phase_names, (int)to);
	if ((rc = store_step_done(s, st, err)) != ALLY_OK)
		return rc;
	return audit_write(s, "partners", partner_id, partner_id, "phase",
			   enum_name(phase_names, (int)from), enum_name(phase_names, (int)to), err);
}

/* The date of partner_id's last phase move into *last (DATE_NONE: none). */
static int phase_last_date(struct store *s, int64_t partner_id, ally_date *last,
			   struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_PHASE_LAST, &st, err);

	*last = DATE_NONE;
	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	if ((rc = store_step(s, st, err)) == 1)
		*last = col_date(st, 0);
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

/* The phase and the last move are read inside the write transaction, so
 * a concurrent move from the same phase waits for ours and is then judged
 * from our result; the core judges the move and its date. */
static int phase_move(struct store *s, int64_t partner_id, int to, const char *note,
		      ally_date date, enum phase *from_out, enum phase *to_out,
		      struct ally_err *err)
{
	struct partner p;
	enum phase from, target;
	ally_date last;
	int rc;

	if ((rc = store_partner_get(s, partner_id, &p, err)) != ALLY_OK)
		return rc;
	from = (enum phase)p.phase;
	partner_finish(&p);
	if ((rc = phase_resolve_move(from, to, &target, err)) != ALLY_OK ||
	    (rc = phase_last_date(s, partner_id, &last, err)) != ALLY_OK ||
	    (rc = phase_check_move_date(last, date, err)) != ALLY_OK)
		return rc;
	if ((rc = phase_write(s, partner_id, from, target, note, date, err)) != ALLY_OK)
		return rc;
	if (from_out != NULL)
		*from_out = from;
	if (to_out != NULL)
		*to_out = target;
	return ALLY_OK;
}

int store_phase_move(struct store *s, int64_t partner_id, int to, const char *note,
		     ally_date date, enum phase *from_out, enum phase *to_out, struct ally_err *err)
{
	struct tx t;
	int rc;

	if (date == DATE_NONE)
		return ally_err_set(err, ALLY_EUSER, "date", "is required");
	if (note != NULL && *note == '\0')
		note = NULL;
	if (note != NULL && (rc = text_check(note, "note", TEXT_LINE_MAX, false, err)) != ALLY_OK)
		return rc;
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, phase_move(s, partner_id, to, note, date, from_out, to_out, err),
		      err);
}

static void phase_from_row(sqlite3_stmt *st, void *elem)
{
	struct phase_entry *e = elem;

	e->date = col_date(st, 0);
	e->from = col_enum(st, 1, phase_names);
	e->to = col_enum(st, 2, phase_names);
	e->note = col_text(st, 3);
	e->author = col_text(st, 4);
}

static void phase_free(void *elem)
{
	struct phase_entry *e = elem;

	free(e->note);
	free(e->author);
}

static const struct row_kind phase_rows = { sizeof(struct phase_entry), phase_from_row,
					   phase_free };

int store_phase_history(struct store *s, int64_t partner_id, struct phase_list *out,
			struct ally_err *err)
{
	void *rows;
	int rc = store_collect(s, SQL_PHASE_LIST, store_bind_id, &partner_id, &phase_rows, &rows,
			       &out->n, err);

	out->rows = rows;
	return rc;
}

void phase_list_finish(struct phase_list *l)
{
	store_rows_free(&phase_rows, l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
}
