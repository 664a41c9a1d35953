/* contract-field.c: setting one contract field from text, validated. */
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/err.h"
#include "ally/partner.h"
#include "ally/util.h"
#include "core.h"

const char *const contract_fields[] = { "title", "status", "start_date", "end_date", "auto_renew",
					"renewal_months", "notice_days", "annual_value",
					"currency", "model", "model_pct", "model_amount",
					"exclusivity", "exclusivity_end", "liability_cap",
					"termination_reason", "notes", NULL };

static bool empty(const char *v)
{
	return v == NULL || *v == '\0';
}

static int set_money(ally_money *dst, const char *value, const char *field, struct ally_err *err)
{
	if (empty(value)) {
		*dst = -1;
		return ALLY_OK;
	}
	return money_parse_field(value, field, false, dst, err);
}

static int set_int(int *dst, const char *value, const char *field, long min, long max,
		   struct ally_err *err)
{
	long v;
	int rc;

	if (empty(value))
		return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
	rc = parse_long_field(value, field, min, max, &v, err);
	if (rc == ALLY_OK)
		*dst = (int)v;
	return rc;
}

/* People write "usd" as often as "USD"; both mean the same code. */
static int set_currency(char dst[4], const char *value, struct ally_err *err)
{
	char q[QUOTE_BUFSZ], code[4] = "";

	if (!empty(value) && strlen(value) == 3) {
		for (int i = 0; i < 3; i++)
			code[i] = (char)(value[i] >= 'a' && value[i] <= 'z'
						 ? value[i] - ('a' - 'A')
						 : value[i]);
		code[3] = '\0';
	}
	if (!currency_valid(code))
		return ally_err_set(err, ALLY_EUSER, "currency",
				    "'%s' is not a currency code (ISO 4217, e.g. EUR)",
				    quote(value, q));
	memcpy(dst, code, 4);
	return ALLY_OK;
}

/* "30/20/15" or "20": up to three percentages, the rest unset. */
static int set_model_pct(int32_t pct[3], const char *value, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	int32_t got[3] = { -1, -1, -1 };
	char *copy, *part, *save = NULL;
	int n = 0, rc = ALLY_OK;

	if (!empty(value) && (value[0] == '/' || value[strlen(value) - 1] == '/' ||
			      strstr(value, "//") != NULL))
		return ally_err_set(err, ALLY_EUSER, "model_pct",
				    "'%s' is not a percentage or a list like 30/20/15",
				    quote(value, q));
	copy = xstrdup(empty(value) ? "" : value);
	for (part = strtok_r(copy, "/", &save); part != NULL && rc == ALLY_OK;
	     part = strtok_r(NULL, "/", &save)) {
		if (n == 3)
			rc = ally_err_set(err, ALLY_EUSER, "model_pct",
					  "'%s' has more than three percentages", quote(value, q));
		else
			rc = percent_parse_field(part, "model_pct", &got[n++], err);
	}
	free(copy);
	if (rc == ALLY_OK)
		memcpy(pct, got, sizeof got);
	return rc;
}

/* No model, no parameters: clearing the model clears what only it could
 * use, rather than leave numbers contract_validate would refuse. */
static int set_model(struct econ_terms *e, const char *value, struct ally_err *err)
{
	int rc = set_enum(&e->model, econ_model_names, value, "model", false, err);

	if (rc == ALLY_OK && e->model < 0) {
		e->pct[0] = e->pct[1] = e->pct[2] = -1;
		e->amount = -1;
	}
	return rc;
}

static int set_number_field(struct contract *c, const char *field, const char *value,
			    struct ally_err *err)
{
	if (strcmp(field, "renewal_months") == 0)
		return set_int(&c->renewal_months, value, field, 1, RENEWAL_MONTHS_MAX, err);
	if (strcmp(field, "notice_days") == 0)
		return set_int(&c->notice_days, value, field, 0, NOTICE_DAYS_MAX, err);
	if (strcmp(field, "annual_value") == 0)
		return set_money(&c->annual_value, value, field, err);
	if (strcmp(field, "model_amount") == 0)
		return set_money(&c->econ.amount, value, field, err);
	if (strcmp(field, "liability_cap") == 0)
		return set_money(&c->liability_cap, value, field, err);
	if (strcmp(field, "model_pct") == 0)
		return set_model_pct(c->econ.pct, value, err);
	if (strcmp(field, "auto_renew") == 0)
		return parse_bool_field(value, field, &c->auto_renew, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

int contract_set_field(struct contract *c, const char *field, const char *value, struct ally_err *err)
{
	if (strcmp(field, "title") == 0)
		return set_text(&c->title, value, field, TEXT_LINE_MAX, false, true, err);
	if (strcmp(field, "status") == 0)
		return set_enum(&c->status, contract_status_names, value, field, true, err);
	if (strcmp(field, "start_date") == 0)
		return set_date(&c->start_date, value, field, true, err);
	if (strcmp(field, "end_date") == 0)
		return set_date(&c->end_date, value, field, true, err);
	if (strcmp(field, "currency") == 0)
		return set_currency(c->currency, value, err);
	if (strcmp(field, "model") == 0)
		return set_model(&c->econ, value, err);
	if (strcmp(field, "exclusivity") == 0)
		return set_enum(&c->exclusivity, exclusivity_names, value, field, false, err);
	if (strcmp(field, "exclusivity_end") == 0)
		return set_date(&c->exclusivity_end, value, field, false, err);
	if (strcmp(field, "termination_reason") == 0)
		return set_text(&c->termination_reason, value, field, TEXT_LONG_MAX, true, false,
				err);
	if (strcmp(field, "notes") == 0)
		return set_text(&c->notes, value, field, TEXT_LONG_MAX, true, false, err);
	if (strcmp(field, "id") == 0 || strcmp(field, "version") == 0 ||
	    strcmp(field, "partner") == 0 || strcmp(field, "created_at") == 0 ||
	    strcmp(field, "updated_at") == 0)
		return ally_err_set(err, ALLY_EUSER, field, "is read-only");
	return set_number_field(c, field, value, err);
}
