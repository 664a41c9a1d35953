/* counters.c: the tables of counts and totals that triggers keep with
 * every change (003_windows.sql: partner_counts, contract_days,
 * tier_values), counted again from the rows.
 *
 * The triggers keep them one change at a time.  Two writers need them
 * whole instead: the migration that creates them, over the rows there
 * are, and a large import, which drops the triggers that count new rows
 * while it runs (a fifth of a contract's insert) and counts everything
 * once at its end (bulk.c). */
#include "store-private.h"

static const char *const partner_sql[] = {
	"DELETE FROM partner_counts",
	"INSERT INTO partner_counts SELECT 'all', 0, count(*) FROM partners",
	"INSERT INTO partner_counts SELECT 'phase', phase_no, count(*) FROM partners GROUP BY 2",
	"INSERT INTO partner_counts SELECT 'type', type, count(*) FROM partners GROUP BY 2",
	"INSERT INTO partner_counts SELECT 'owner', coalesce(owner_key, ''), count(*) "
	"FROM partners GROUP BY 2",
	"INSERT INTO partner_counts SELECT 'tier', tier, count(*) FROM partners GROUP BY 2",
	NULL,
};

static const char *const contract_sql[] = {
	"DELETE FROM contract_days",
	"INSERT INTO contract_days SELECT end_date, coalesce(notice_deadline, ''), count(*) "
	"FROM contracts WHERE status = 'active' GROUP BY 1, 2",
	"DELETE FROM tier_values",
	/* Billions and the rest apart: a sum of MONEY_MAX values would
	 * overflow 64 bits (dashboard.c puts them together). */
	"INSERT INTO tier_values SELECT p.tier, c.currency, sum(c.annual_value / 1000000000), "
	"  sum(c.annual_value % 1000000000), count(*) "
	"FROM contracts c JOIN partners p ON p.id = c.partner_id "
	"WHERE c.status = 'active' AND c.annual_value IS NOT NULL GROUP BY 1, 2",
	NULL,
};

int store_counters_rebuild(struct store *s, bool partners, bool contracts, struct ally_err *err)
{
	int rc = ALLY_OK;

	for (const char *const *q = partner_sql; partners && *q != NULL && rc == ALLY_OK; q++)
		rc = store_exec1(s, *q, err);
	for (const char *const *q = contract_sql; contracts && *q != NULL && rc == ALLY_OK; q++)
		rc = store_exec1(s, *q, err);
	return rc;
}
