/* contract.h: contracts, their terms and economic models. */
#ifndef ALLY_CONTRACT_H
#define ALLY_CONTRACT_H

#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/money.h"

struct ally_err;

enum contract_status { CSTATUS_DRAFT, CSTATUS_NEGOTIATING, CSTATUS_ACTIVE, CSTATUS_TERMINATED,
		       CSTATUS_EXPIRED, CSTATUS_COUNT };
enum exclusivity { EXCL_EXCLUSIVE, EXCL_NON_EXCLUSIVE, EXCL_LIMITED, EXCL_SUNSET, EXCL_COUNT };
enum econ_model { ECON_REVENUE_SHARE, ECON_TIERED_REVENUE_SHARE, ECON_REFERRAL_FEE,
		  ECON_RESELLER_MARGIN, ECON_CO_MARKETING, ECON_FLAT_FEE, ECON_COUNT };

extern const char *const contract_status_names[];
extern const char *const exclusivity_names[];
extern const char *const econ_model_names[];

#define RENEWAL_MONTHS_DEFAULT 12
#define RENEWAL_MONTHS_MAX 120
#define NOTICE_DAYS_DEFAULT 60
#define NOTICE_DAYS_MAX 365

/* The parameters of an economic model (domain.md, Economic models):
 *   revenue_share        pct[0] = share
 *   tiered_revenue_share pct[0..2] = year 1, 2, 3 on
 *   referral_fee         amount = flat fee per referral, or pct[0] of
 *                        first-year revenue (amount < 0 then)
 *   reseller_margin      pct[0] = discount off list
 *   co_marketing         amount = campaign budget, pct[0] = our share
 *   flat_fee             amount = per year
 * Percentages in basis points; unused slots are -1. */
struct econ_terms {
	int model;       /* enum econ_model or -1 */
	int32_t pct[3];  /* basis points, or -1 */
	ally_money amount; /* minor units, or -1 */
};

/* A contract as stored.  char * fields are owned (contract_finish frees). */
struct contract {
	int64_t id;
	int64_t partner_id;
	int64_t version;
	char *partner_name;    /* filled by the store on reads, for display */
	char *title;           /* required */
	int status;            /* enum contract_status, default active */
	ally_date start_date;  /* required */
	ally_date end_date;    /* end of the current term, required, >= start */
	bool auto_renew;
	int renewal_months;    /* 1..120, default 12 */
	int notice_days;       /* 0..365, default 60 */
	ally_money annual_value; /* -1 when unknown */
	char currency[4];      /* ISO 4217, default "USD" */
	struct econ_terms econ;
	int exclusivity;       /* enum exclusivity or -1 */
	ally_date exclusivity_end; /* DATE_NONE when none */
	ally_money liability_cap;  /* -1 when none */
	char *termination_reason;
	char *notes;
	char *created_at;
	char *updated_at;
};

void contract_init(struct contract *c); /* defaults of domain.md */
void contract_finish(struct contract *c);
void contract_copy(struct contract *dst, const struct contract *src);

/* Set one field from text, validated; the routine behind `contract set`,
 * CSV import and the TUI's forms.  Field names are the JSON keys: title,
 * status, start_date, end_date, auto_renew (yes/no/true/false/1/0),
 * renewal_months, notice_days, annual_value, currency, model, model_pct
 * ("30/20/15" or "20"), model_amount, exclusivity, exclusivity_end,
 * liability_cap, termination_reason, notes.  Empty clears optional ones;
 * an empty model clears model_pct and model_amount too.  The multi-line
 * texts (termination_reason, notes) have every CRLF and lone CR turned
 * into LF before they are checked. */
int contract_set_field(struct contract *c, const char *field, const char *value, struct ally_err *err);
extern const char *const contract_fields[];

/* Whole-record checks: title present, end_date >= start_date, the model's
 * parameters present and in range, no parameters without a model
 * ("model_pct: needs a model (set model first)", the same for
 * model_amount), currency valid. */
int contract_validate(const struct contract *c, struct ally_err *err);

/* "30/20/15", "20", or "" when unset; out has 48 bytes. */
char *econ_pct_format(const struct econ_terms *e, char out[48]);

/* The next term after a term ending on end: it starts the day after and
 * ends on end + months (date_add_months, so a day the target month lacks
 * clamps to its last day), except that a term ending on the last day of
 * its month renews to the last day of the target month.  So month ends
 * stay month ends and nothing drifts:
 *   2026-12-31 + 12 -> 2027-01-01..2027-12-31
 *   2027-01-31 + 1  -> 2027-02-01..2027-02-28, then + 1 -> ..2027-03-31
 *   2028-02-29 + 12 -> ..2029-02-28;  2028-02-28 + 12 -> ..2029-02-28
 *   2027-01-30 + 1  -> ..2027-02-28 (clamped; a month end from then on)
 *   2026-06-15 + 12 -> 2026-06-16..2027-06-15
 * *new_end is DATE_NONE when it would fall after 9999-12-31 (and *start
 * is then past it too when end is 9999-12-31): contract_renew_term
 * refuses both. */
void contract_next_term(ally_date end, int months, ally_date *start, ally_date *new_end);

/* The term a renewal of c gives: *start is the day after c->end_date,
 * *end is contract_next_term's end for c->renewal_months, or until when
 * until != DATE_NONE.  Both are written only on success.  Refused with
 * ALLY_EUSER, naming the field:
 *   "status: only active contracts renew; this one is terminated"
 *   "until: 2026-06-30 is not after the current end 2026-12-31"
 *   "renewal_months: 0 is out of range 1-120"
 *   "end_date: renewing 9999-12-20 for 12 months would end after
 *    9999-12-31, the last date ally can hold" (also for a contract that
 *    already ends on 9999-12-31). */
int contract_renew_term(const struct contract *c, ally_date until, ally_date *start,
			ally_date *end, struct ally_err *err);

/* An edited end_date must stay inside the current term: not before the
 * start of the current term (term_start; the contract's start_date when it
 * was never renewed, or DATE_NONE to skip the check).  ALLY_OK, or
 * ALLY_EUSER with "end_date: 2026-01-01 is before the current term's start
 * 2027-07-01" or "end_date: must not be empty". */
int contract_check_term_end(ally_date term_start, ally_date end, struct ally_err *err);

/* An edited start_date of a contract with renewal history must not fall
 * after the end of its first term (first_term_end; DATE_NONE, for a
 * contract never renewed, skips the check, as contract_validate already
 * keeps start_date <= end_date).  ALLY_OK, or ALLY_EUSER with
 * "start_date: 2027-01-01 is after the end of the first term
 * (2026-12-12)" or "start_date: must not be empty". */
int contract_check_term_start(ally_date first_term_end, ally_date start, struct ally_err *err);

/* The partner's payout on revenue R (minor units) in contract year y
 * (1-based), per the model; rounding half away from zero at the end only.
 * For co_marketing, revenue is ignored and the result is the partner's
 * contribution.  Fills err when the model or its parameters are missing. */
int econ_payout(const struct econ_terms *e, ally_money revenue, int year, ally_money *out,
		struct ally_err *err);

/* ROI % = (value - investment) / investment * 100, in basis points,
 * rounded half away from zero.  false when investment <= 0. */
bool roi_bp(ally_money value, ally_money investment, int64_t *out_bp);

#endif
