/* expect.c: compare-and-set for scripts.  A command that changes a row
 * takes --if-version N (the version `show --format json` printed), and
 * `advance` --from PHASE, `contract renew` --if-end DATE.  The check runs
 * inside the command's own write transaction, which holds the write lock
 * from its first statement (BEGIN IMMEDIATE), so nobody can move the row
 * between the check and the write: two scripts that read the same version
 * and both write with it get one success and one refusal, never two. */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/parse.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"

int cli_expect_parse(struct cli_expect *want, struct ally_err *err)
{
	long v = 0;
	int phase = -1, rc = ALLY_OK;

	want->version = 0;
	want->phase = -1;
	want->end = DATE_NONE;
	if (want->version_text != NULL) {
		rc = parse_long_field(want->version_text, "--if-version", 1, INT32_MAX, &v, err);
		want->version = v;
	}
	if (rc == ALLY_OK && want->phase_text != NULL) {
		rc = cli_enum(phase_names, want->phase_text, "--from", &phase, err);
		want->phase = phase;
	}
	if (rc == ALLY_OK && want->end_text != NULL)
		rc = date_parse_field(want->end_text, "--if-end", &want->end, err);
	return rc;
}

/* "partner 'Acme': changed by dana at 2026-12-07 10:31 UTC (version 9,
 * expected 8); nothing changed".  Who and when come from the row's newest
 * audit row; a row the log has no word of (its rows removed by hand) is
 * still refused, without them. */
static int refuse(struct cli *cli, const char *label, const char *tbl, int64_t id,
		  int64_t partner_id, const char *now, const char *want, struct ally_err *err)
{
	struct audit_list last = { NULL, 0 };
	int rc = store_audit_row_last(cli->store, tbl, id, partner_id, &last, err);

	if (rc != ALLY_OK)
		return rc;
	if (last.n == 1)
		ally_err_set(err, ALLY_EUSER, NULL,
			     "%s: changed by %s at %.16s UTC (%s, expected %s); nothing changed",
			     label, last.rows[0].user, last.rows[0].at, now, want);
	else
		ally_err_set(err, ALLY_EUSER, NULL,
			     "%s: changed since it was read (%s, expected %s); nothing changed",
			     label, now, want);
	audit_list_finish(&last);
	return ALLY_EUSER;
}

static bool version_moved(const struct cli_expect *want, int64_t version, char now[48],
			  char expected[48])
{
	if (want->version_text == NULL || want->version == version)
		return false;
	snprintf(now, 48, "version %" PRId64, version);
	snprintf(expected, 48, "%" PRId64, want->version);
	return true;
}

int cli_expect_partner(struct cli *cli, int64_t id, const struct cli_expect *want,
		       struct ally_err *err)
{
	char now[48], expected[48], *label;
	struct partner p;
	bool moved;
	int rc;

	if (want->version_text == NULL && want->phase_text == NULL)
		return ALLY_OK;
	partner_init(&p);
	rc = store_partner_get(cli->store, id, &p, err);
	if (rc != ALLY_OK)
		return rc;
	moved = version_moved(want, p.version, now, expected);
	if (!moved && want->phase_text != NULL && want->phase != (int)p.phase) {
		snprintf(now, sizeof now, "phase %s", phase_names[p.phase]);
		snprintf(expected, sizeof expected, "%s", phase_names[want->phase]);
		moved = true;
	}
	if (moved) {
		label = xasprintf("partner '%s'", p.name);
		rc = refuse(cli, label, "partners", id, id, now, expected, err);
		free(label);
	}
	partner_finish(&p);
	return rc;
}

int cli_expect_contract(struct cli *cli, int64_t id, const struct cli_expect *want,
			struct ally_err *err)
{
	char now[48], expected[48], label[48], d[DATE_BUFSZ];
	struct contract c;
	bool moved;
	int rc;

	if (want->version_text == NULL && want->end_text == NULL)
		return ALLY_OK;
	contract_init(&c);
	rc = store_contract_get(cli->store, id, &c, err);
	if (rc != ALLY_OK)
		return rc;
	moved = version_moved(want, c.version, now, expected);
	if (!moved && want->end_text != NULL && want->end != c.end_date) {
		snprintf(now, sizeof now, "end %s", date_format(c.end_date, d));
		snprintf(expected, sizeof expected, "%s", date_format(want->end, d));
		moved = true;
	}
	if (moved) {
		snprintf(label, sizeof label, "contract %" PRId64, id);
		rc = refuse(cli, label, "contracts", id, c.partner_id, now, expected, err);
	}
	contract_finish(&c);
	return rc;
}
