/* econ.c: the economic models of a contract: their parameters, the
 * partner's payout, and ROI. */
#include "ally/contract.h"
#include "ally/err.h"
#include "core.h"

/* How many percentages each model takes, and whether it takes an amount,
 * with what to say when one is missing.  referral_fee takes either one
 * percentage or an amount and is checked apart. */
static const struct {
	int npct;
	bool amount;
	const char *needs_pct;    /* after "model_pct: " */
	const char *needs_amount; /* after "model_amount: " */
} models[ECON_COUNT] = {
	[ECON_REVENUE_SHARE] = { 1, false, "revenue_share needs the partner's share "
					   "(e.g. model_pct=20)", NULL },
	[ECON_TIERED_REVENUE_SHARE] = { 3, false, "tiered_revenue_share needs the shares of "
						  "year 1, 2 and 3 on (e.g. model_pct=30/20/15)",
					NULL },
	[ECON_REFERRAL_FEE] = { 1, true, NULL, "referral_fee needs a flat fee (model_amount) "
					       "or a share of first-year revenue (model_pct)" },
	[ECON_RESELLER_MARGIN] = { 1, false, "reseller_margin needs the discount off list "
					     "(e.g. model_pct=30)", NULL },
	[ECON_CO_MARKETING] = { 1, true, "co_marketing needs our share of the budget "
					 "(e.g. model_pct=60)",
				"co_marketing needs the campaign budget" },
	[ECON_FLAT_FEE] = { 0, true, NULL, "flat_fee needs the amount per year" },
};

static int npct(const struct econ_terms *e)
{
	int n = 0;

	while (n < 3 && e->pct[n] >= 0)
		n++;
	return n;
}

static int check_ranges(const struct econ_terms *e, struct ally_err *err)
{
	for (int i = 0; i < 3; i++)
		if (e->pct[i] < -1 || e->pct[i] > 10000)
			return ally_err_set(err, ALLY_EUSER, "model_pct", "is out of range 0-100");
	if (e->amount < -1 || e->amount > MONEY_MAX)
		return ally_err_set(err, ALLY_EUSER, "model_amount", "is out of range");
	return ALLY_OK;
}

static int check_referral(const struct econ_terms *e, struct ally_err *err)
{
	if (e->amount >= 0 && npct(e) > 0)
		return ally_err_set(err, ALLY_EUSER, "model_pct",
				    "referral_fee takes a flat fee or a percentage, not both "
				    "(clear one with model_pct= or model_amount=)");
	if (e->amount < 0 && npct(e) != 1)
		return ally_err_set(err, ALLY_EUSER, "model_amount", "%s",
				    models[ECON_REFERRAL_FEE].needs_amount);
	return ALLY_OK;
}

int econ_check(const struct econ_terms *e, struct ally_err *err)
{
	int rc = check_ranges(e, err), n = npct(e);

	if (rc != ALLY_OK)
		return rc;
	if (e->model < 0 || e->model >= ECON_COUNT)
		return ally_err_set(err, ALLY_EUSER, "model", "is not set");
	if (e->model == ECON_REFERRAL_FEE)
		return check_referral(e, err);
	if (n < models[e->model].npct)
		return ally_err_set(err, ALLY_EUSER, "model_pct", "%s", models[e->model].needs_pct);
	if (models[e->model].amount && e->amount < 0)
		return ally_err_set(err, ALLY_EUSER, "model_amount", "%s",
				    models[e->model].needs_amount);
	if (n > models[e->model].npct)
		return ally_err_set(err, ALLY_EUSER, "model_pct",
				    "%s takes %d percentage%s, not %d (clear with model_pct=)",
				    econ_model_names[e->model], models[e->model].npct,
				    models[e->model].npct == 1 ? "" : "s", n);
	if (!models[e->model].amount && e->amount >= 0)
		return ally_err_set(err, ALLY_EUSER, "model_amount",
				    "%s takes no amount (clear with model_amount=)",
				    econ_model_names[e->model]);
	return ALLY_OK;
}

int econ_payout(const struct econ_terms *e, ally_money revenue, int year, ally_money *out,
		struct ally_err *err)
{
	int rc = econ_check(e, err);

	if (rc != ALLY_OK)
		return rc;
	if (year < 1)
		return ally_err_set(err, ALLY_EUSER, "year", "%d is not a contract year (1 or more)",
				    year);
	switch ((enum econ_model)e->model) {
	case ECON_REVENUE_SHARE:
	case ECON_RESELLER_MARGIN:
		*out = muldiv_round(revenue, e->pct[0], 10000);
		break;
	case ECON_TIERED_REVENUE_SHARE:
		*out = muldiv_round(revenue, e->pct[year < 3 ? year - 1 : 2], 10000);
		break;
	case ECON_REFERRAL_FEE:
		if (e->amount >= 0)
			*out = e->amount;
		else
			*out = year == 1 ? muldiv_round(revenue, e->pct[0], 10000) : 0;
		break;
	case ECON_CO_MARKETING:
		*out = muldiv_round(e->amount, 10000 - e->pct[0], 10000);
		break;
	case ECON_FLAT_FEE:
	case ECON_COUNT:
		*out = e->amount;
		break;
	}
	return ALLY_OK;
}

bool roi_bp(ally_money value, ally_money investment, int64_t *out_bp)
{
	if (investment <= 0)
		return false;
	*out_bp = muldiv_round(value - investment, 10000, investment);
	return true;
}
