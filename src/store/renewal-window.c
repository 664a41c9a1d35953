/* renewal-window.c: the Renewals view a window at a time.
 *
 * A section (renewal-sections.h) is two ranges of the contracts' indexes:
 * those acted on by their notice deadline, walked along (status,
 * notice_deadline), and those acted on by their end, along (status,
 * end_date).  One statement merges the two in the order of the list
 * (SQLite's "merge (union all)"; each side sorts the contracts of one day
 * by partner name on the way) and stops at the LIMIT, starting right
 * after (or before) a position: the day, the partner's sort key, the
 * contract id.  The sections' sizes come from contract_days, the active
 * contracts counted per end and deadline by triggers: a range of days. */
#include "store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ally/enums.h"
#include "ally/renewal-sections.h"
#include "ally/text.h"
#include "ally/util.h"

/* ?1 today; ?2..?3 the deadlines and ?4..?5 the ends of the first part;
 * ?6..?7 the ends of the second part; ?8..?10 the position (day, sort
 * key, id); ?11 the limit.  Dates are text: '' is before every date and
 * '~' after. */
#define R_COLS                                                                        \
	"c.id, c.partner_id, p.name, c.title, p.phase, c.end_date, c.auto_renew, "     \
	"c.notice_days, c.annual_value, c.currency, p.sort_key"
#define R_BY_NOTICE(cmp)                                                                    \
	"SELECT " R_COLS ", c.notice_deadline AS day, p.sort_key AS k, c.id AS i "          \
	"FROM contracts c INDEXED BY contracts_status_notice JOIN partners p "              \
	"  ON p.id = c.partner_id "                                                        \
	"WHERE c.status = 'active' AND c.notice_deadline BETWEEN ?2 AND ?3 "               \
	"  AND c.end_date BETWEEN ?4 AND ?5 AND (c.notice_deadline, p.sort_key, c.id) " cmp \
	" (?8, ?9, ?10) "
#define R_BY_END(cmp)                                                                        \
	"SELECT " R_COLS ", c.end_date AS day, p.sort_key AS k, c.id AS i "                 \
	"FROM contracts c INDEXED BY contracts_status_end JOIN partners p "                 \
	"  ON p.id = c.partner_id "                                                         \
	"WHERE c.status = 'active' AND c.end_date BETWEEN ?6 AND ?7 "                       \
	"  AND (c.notice_deadline IS NULL OR c.notice_deadline < ?1) "                      \
	"  AND (c.end_date, p.sort_key, c.id) " cmp " (?8, ?9, ?10) "
static const char SQL_R_AFTER[] = R_BY_NOTICE(">") "UNION ALL " R_BY_END(">")
	"ORDER BY day, k, i LIMIT ?11";
static const char SQL_R_BEFORE[] = R_BY_NOTICE("<") "UNION ALL " R_BY_END("<")
	"ORDER BY day DESC, k DESC, i DESC LIMIT ?11";

/* The size of a section: the two parts counted in contract_days. */
static const char SQL_R_COUNT[] =
	"SELECT (SELECT coalesce(sum(n), 0) FROM contract_days INDEXED BY contract_days_notice "
	"        WHERE notice_deadline BETWEEN ?2 AND ?3 AND end_date BETWEEN ?4 AND ?5) "
	"     + (SELECT coalesce(sum(n), 0) FROM contract_days "
	"        WHERE end_date BETWEEN ?6 AND ?7 "
	"          AND (notice_deadline = '' OR notice_deadline < ?1))";

/* One contract, to find where it stands. */
static const char SQL_R_ONE[] =
	"SELECT " R_COLS " FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.id = ?1 AND c.status = 'active'";

static const char DAY_MIN[] = "";
static const char DAY_MAX[] = "~";

static void bind_day(sqlite3_stmt *st, int i, ally_date d, const char *none)
{
	char buf[DATE_BUFSZ];

	if (d == DATE_NONE)
		bind_text(st, i, none);
	else
		sqlite3_bind_text(st, i, date_format(d, buf), -1, SQLITE_TRANSIENT);
}

static void bind_range(sqlite3_stmt *st, int i, const struct day_range *r)
{
	bind_day(st, i, r->lo, DAY_MIN);
	bind_day(st, i + 1, r->hi, DAY_MAX);
}

static void bind_section(sqlite3_stmt *st, enum rsection sec, ally_date today, int horizon)
{
	struct section_ranges x;

	renewal_section_ranges(sec, today, horizon, &x);
	bind_day(st, 1, today, DAY_MIN);
	bind_range(st, 2, &x.notice_notice);
	bind_range(st, 4, &x.notice_end);
	bind_range(st, 6, &x.end);
}

static void row_read(sqlite3_stmt *st, struct renewal *r, ally_date today)
{
	const char *cur = (const char *)sqlite3_column_text(st, 9);

	memset(r, 0, sizeof *r);
	r->contract_id = col_int(st, 0);
	r->partner_id = col_int(st, 1);
	r->partner = col_text(st, 2);
	r->title = col_text(st, 3);
	r->phase = col_enum(st, 4, phase_names);
	r->end_date = col_date(st, 5);
	r->auto_renew = col_int(st, 6) != 0;
	r->notice_days = (int)col_int(st, 7);
	r->annual_value = col_opt_int(st, 8);
	snprintf(r->currency, sizeof r->currency, "%s", cur != NULL ? cur : "");
	r->partner_key = col_text(st, 10);
	renewal_compute(r, today);
}

int store_renewal_page(struct store *s, ally_date today, int horizon, int section,
		       const struct renewal *from, int dir, size_t limit, struct renewal_list *out,
		       struct ally_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, r;

	out->rows = NULL;
	out->n = 0;
	rc = store_prepare(s, dir > 0 ? SQL_R_AFTER : SQL_R_BEFORE, &st, err);
	if (rc != ALLY_OK)
		return rc;
	bind_section(st, (enum rsection)section, today, horizon);
	if (from != NULL) {
		bind_day(st, 8, from->action_date, DAY_MIN);
		bind_text(st, 9, from->partner_key != NULL ? from->partner_key : "");
		bind_int(st, 10, from->contract_id);
	} else {
		bind_text(st, 8, dir > 0 ? DAY_MIN : DAY_MAX);
		bind_text(st, 9, dir > 0 ? "" : "\xff");
		bind_int(st, 10, dir > 0 ? INT64_MIN : INT64_MAX);
	}
	bind_int(st, 11, (int64_t)limit);
	while ((r = store_step(s, st, err)) == 1) {
		out->rows = store_grow(out->rows, out->n, &cap, sizeof *out->rows);
		row_read(st, &out->rows[out->n++], today);
	}
	store_release(st);
	if (r < 0) {
		renewal_list_finish(out);
		return -r;
	}
	return ALLY_OK;
}

int store_renewal_counts(struct store *s, ally_date today, int horizon, int64_t *counts,
			 struct ally_err *err)
{
	int rc = ALLY_OK;

	for (int sec = 0; sec < RSEC_COUNT && rc == ALLY_OK; sec++) {
		sqlite3_stmt *st;

		if ((rc = store_prepare(s, SQL_R_COUNT, &st, err)) != ALLY_OK)
			break;
		bind_section(st, (enum rsection)sec, today, horizon);
		rc = store_step_int(s, st, &counts[sec], err);
	}
	return rc;
}

int store_renewal_find(struct store *s, ally_date today, int horizon, int64_t contract_id,
		       struct renewal *out, bool *listed, struct ally_err *err)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, SQL_R_ONE, &st, err);

	*listed = false;
	if (rc != ALLY_OK)
		return rc;
	bind_int(st, 1, contract_id);
	rc = store_step(s, st, err);
	if (rc == 1) {
		row_read(st, out, today);
		*listed = renewal_listed(out, horizon);
		if (!*listed)
			renewal_free_texts(out);
	}
	store_release(st);
	return rc < 0 ? -rc : ALLY_OK;
}

void renewal_free_texts(struct renewal *r)
{
	free((char *)r->partner);
	free((char *)r->partner_key);
	free((char *)r->title);
	r->partner = r->partner_key = r->title = NULL;
}
