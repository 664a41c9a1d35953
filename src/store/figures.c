/* figures.c: quarterly key figures, one row per partner, quarter and
 * metric. */
#include "store-private.h"

#include <stdlib.h>
#include "ally/enums.h"
#include "ally/util.h"

static const char SQL_FIGURE_GET[] =
	"SELECT id, target, actual FROM key_figures "
	"WHERE partner_id = ? AND quarter = ? AND metric = ?";
static const char SQL_FIGURE_ADD[] =
	"INSERT INTO key_figures (partner_id, quarter, metric, target, actual) "
	"VALUES (?, ?, ?, ?, ?) RETURNING id";
static const char SQL_FIGURE_SET[] =
	"UPDATE key_figures SET target = ?2, actual = ?3, version = version + 1 WHERE id = ?1";
static const char SQL_FIGURES[] =
	"SELECT quarter, metric, target, actual FROM key_figures WHERE partner_id = ? "
	"ORDER BY quarter";

/* The stored row, if any: id 0 when missing. */
struct figure_row {
	int64_t id;
	int64_t target;
	int64_t actual;
};

static int figure_get(struct store *s, int64_t partner_id, int quarter, enum metric m,
		      struct figure_row *out, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_FIGURE_GET, &st, err);

	out->id = 0;
	out->target = out->actual = -1;
	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_int(st, 2, quarter);
	bind_enum(st, 3, metric_names, (int)m);
	if ((rc = store_step(s, st, err)) == 1) {
		out->id = col_int(st, 0);
		out->target = col_opt_int(st, 1);
		out->actual = col_opt_int(st, 2);
	}
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

static int figure_write(struct store *s, int64_t partner_id, int quarter, enum metric m,
			struct figure_row *row, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (row->id > 0) {
		if ((rc = store_prepare(s, SQL_FIGURE_SET, &st, err)) != ALLY_OK)
			return rc;
		bind_int(st, 1, row->id);
		bind_opt_int(st, 2, row->target);
		bind_opt_int(st, 3, row->actual);
		return store_step_done(s, st, err);
	}
	if ((rc = store_prepare(s, SQL_FIGURE_ADD, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	bind_int(st, 2, quarter);
	bind_enum(st, 3, metric_names, (int)m);
	bind_opt_int(st, 4, row->target);
	bind_opt_int(st, 5, row->actual);
	return store_step_int(s, st, &row->id, err);
}

/* One audit row per value that changed, named like "2026-Q3 revenue
 * target". */
static int figure_audit(struct store *s, int64_t partner_id, int quarter, enum metric m,
			const struct figure_row *old, const struct figure_row *cur,
			struct ally_err *err)
{
	char q[8], ov[32], nv[32];
	const int64_t before[2] = { old->target, old->actual }, after[2] = { cur->target,
									   cur->actual };
	static const char *const which[2] = { "target", "actual" };

	quarter_format(quarter, q);
	for (int i = 0; i < 2; i++) {
		char *field;
		int rc;

		if (before[i] == after[i])
			continue;
		field = xasprintf("%s %s %s", q, enum_name(metric_names, (int)m), which[i]);
		rc = audit_write(s, "key_figures", cur->id, partner_id, field,
				 before[i] < 0 ? NULL : metric_value_format(m, before[i], ov),
				 after[i] < 0 ? NULL : metric_value_format(m, after[i], nv), err);
		free(field);
		if (rc != ALLY_OK)
			return rc;
	}
	return ALLY_OK;
}

static int figure_set(struct store *s, int64_t partner_id, int quarter, enum metric m,
		      int64_t target, int64_t actual, struct ally_err *err)
{
	struct figure_row old, cur;
	int rc;

	if ((rc = store_partner_exists(s, partner_id, err)) != ALLY_OK ||
	    (rc = figure_get(s, partner_id, quarter, m, &old, err)) != ALLY_OK)
		return rc;
	cur = old;
	if (target >= 0)
		cur.target = target;
	if (actual >= 0)
		cur.actual = actual;
	if (cur.id > 0 && cur.target == old.target && cur.actual == old.actual)
		return ALLY_OK;
	if ((rc = figure_write(s, partner_id, quarter, m, &cur, err)) != ALLY_OK)
		return rc;
	return figure_audit(s, partner_id, quarter, m, &old, &cur, err);
}

int store_figure_set(struct store *s, int64_t partner_id, int quarter, enum metric m,
		     int64_t target, int64_t actual, struct ally_err *err)
{
	struct tx t;
	int rc;

	if (enum_name(metric_names, (int)m) == NULL)
		return ally_err_set(err, ALLY_EUSER, "metric", "%d is not a key figure", (int)m);
	if (quarter < 0)
		return ally_err_set(err, ALLY_EUSER, "quarter", "is not a quarter (e.g. 2026-Q3)");
	if (target < -1 || actual < -1)
		return ally_err_set(err, ALLY_EUSER, target < -1 ? "target" : "actual",
				    "must not be negative");
	if ((rc = tx_begin(s, &t, err)) != ALLY_OK)
		return rc;
	return tx_end(s, &t, figure_set(s, partner_id, quarter, m, target, actual, err), err);
}

int store_figures(struct store *s, int64_t partner_id, struct figures_list *out,
		  struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	if ((rc = store_prepare(s, SQL_FIGURES, &st, err)) != ALLY_OK)
		return rc;
	bind_int(st, 1, partner_id);
	while ((r = store_step(s, st, err)) == 1) {
		int quarter = (int)col_int(st, 0), m = col_enum(st, 1, metric_names);

		if (out->n == 0 || out->rows[out->n - 1].quarter != quarter) {
			out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
			quarter_figures_init(&out->rows[out->n++], quarter);
		}
		if (m >= 0) {
			out->rows[out->n - 1].target[m] = col_opt_int(st, 2);
			out->rows[out->n - 1].actual[m] = col_opt_int(st, 3);
		}
	}
	store_release(st);
	if (r < 0) {
		figures_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

void figures_list_finish(struct figures_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
