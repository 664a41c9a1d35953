/* act-contract.c: renewing a contract, and adding or editing one in a
 * form, from any screen.  The same core and store calls as `ally contract
 * renew|add|set`: the term comes from contract_renew_term, every value
 * goes through contract_set_field, and the store validates again and
 * audits, each change in one transaction. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/money.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/ui-form.h"
#include "ally/util.h"

/* ---- renew ---- */

/* "Renew Reseller agreement with Acme?\nCurrent end 2026-12-31 → new
 * term 2027-01-01 to 2027-12-31" */
static char *renew_question(const struct tui *t, const struct contract *c, ally_date start,
			    ally_date end)
{
	char e[DATE_BUFSZ], s[DATE_BUFSZ], n[DATE_BUFSZ];

	return xasprintf("Renew %s with %s?\nCurrent end %s %s new term %s to %s", c->title,
			 c->partner_name != NULL ? c->partner_name : "its partner",
			 date_format(c->end_date, e), t->utf8 ? "\u2192" : "->",
			 date_format(start, s), date_format(end, n));
}

/* Is the contract still as it was when the question was asked (read)?
 * Inside the renewal's transaction, so that two people who each said yes
 * once never renew it twice; a change made meanwhile is reported, with
 * the new end when it moved (a renewal: the term asked about is gone). */
static int renew_unchanged(struct tui *t, const struct contract *read, struct ally_err *err)
{
	struct contract now;
	char day[DATE_BUFSZ];
	int rc;

	contract_init(&now);
	rc = store_contract_get(t->store, read->id, &now, err);
	if (rc == ALLY_OK && now.version != read->version && now.end_date != read->end_date)
		rc = ally_err_set(err, ALLY_EUSER, "contract",
				  "changed by someone else meanwhile (now ends %s); not renewed",
				  date_format(now.end_date, day));
	else if (rc == ALLY_OK && now.version != read->version)
		rc = ally_err_set(err, ALLY_EUSER, "contract",
				  "changed by someone else meanwhile; not renewed");
	contract_finish(&now);
	return rc;
}

/* The renewal of the contract read, in one transaction; *end reports the
 * new end. */
static int renew_commit(struct tui *t, const struct contract *read, ally_date *end,
			struct ally_err *err)
{
	ally_date start = DATE_NONE;
	int rc = store_begin(t->store, err);

	if (rc == ALLY_OK)
		rc = renew_unchanged(t, read, err);
	if (rc == ALLY_OK)
		rc = store_contract_renew(t->store, read->id, DATE_NONE, t->today, &start, end,
					  err);
	if (rc == ALLY_OK)
		rc = store_commit(t->store, err);
	if (rc != ALLY_OK)
		store_rollback(t->store);
	return rc;
}

bool tui_act_renew(struct tui *t, int64_t contract_id)
{
	ally_date start = DATE_NONE, end = DATE_NONE;
	struct ally_err err;
	struct contract c;
	char day[DATE_BUFSZ];
	char *question;
	bool done = false;

	ally_err_clear(&err);
	if (store_contract_get(t->store, contract_id, &c, &err) != ALLY_OK) {
		tui_error(t, &err);
		return false;
	}
	/* Ask about the term the core gives now; the store computes it again
	 * inside the transaction, from the same contract (renew_unchanged). */
	if (contract_renew_term(&c, DATE_NONE, &start, &end, &err) != ALLY_OK) {
		tui_error(t, &err);
		goto out;
	}
	question = renew_question(t, &c, start, end);
	if (!tui_confirm(t, question)) {
		tui_msg(t, "Not renewed.");
	} else if (renew_commit(t, &c, &end, &err) != ALLY_OK) {
		tui_error(t, &err);
	} else {
		tui_changed(t);
		tui_msg(t, "Renewed %s to %s", c.title, date_format(end, day));
		done = true;
	}
	free(question);
out:
	contract_finish(&c);
	return done;
}

/* ---- add and edit ---- */

static const char *const yes_no[] = { "yes", "no", NULL };

/* The fields of `contract set`, in its order, except notes: a form line
 * holds one line, and notes have many (the contract's notes are kept as
 * they are). */
static const struct ufield_spec contract_specs[] = {
	{ "title", "Title", UF_TEXT, NULL, false, 0 },
	{ "status", "Status", UF_CHOICE, contract_status_names, false, 0 },
	{ "start_date", "Start date", UF_DATE, NULL, false, 10 },
	{ "end_date", "End date", UF_DATE, NULL, false, 10 },
	{ "auto_renew", "Auto-renew", UF_CHOICE, yes_no, false, 0 },
	{ "renewal_months", "Renewal months", UF_NUMBER, NULL, false, 4 },
	{ "notice_days", "Notice days", UF_NUMBER, NULL, false, 4 },
	{ "annual_value", "Annual value", UF_MONEY, NULL, false, 20 },
	{ "currency", "Currency", UF_TEXT, NULL, false, 3 },
	{ "model", "Economic model", UF_CHOICE, econ_model_names, true, 0 },
	{ "model_pct", "Model % (x/y/z)", UF_TEXT, NULL, false, 12 },
	{ "model_amount", "Model amount", UF_MONEY, NULL, false, 20 },
	{ "exclusivity", "Exclusivity", UF_CHOICE, exclusivity_names, true, 0 },
	{ "exclusivity_end", "Exclusivity end", UF_DATE, NULL, false, 10 },
	{ "liability_cap", "Liability cap", UF_MONEY, NULL, false, 20 },
	{ "termination_reason", "Termination reason", UF_TEXT, NULL, false, 0 },
};
#define CONTRACT_NSPECS (sizeof contract_specs / sizeof contract_specs[0])

struct contract_form {
	struct tui *t;
	/* As read (edit), the base of the merge: a field another session
	 * changed too takes its value once a save names it; or the defaults
	 * (add). */
	struct contract base;
	char *initial[CONTRACT_NSPECS]; /* the prefill of each field */
	bool adding;
};

/* The name of an enum's value, "" when unset. */
static const char *enum_text(const char *const *names, int v)
{
	const char *s = enum_name(names, v);

	return s != NULL ? s : "";
}

/* A field's value as the form shows it: the text `contract set` takes. */
static char *field_text(const struct contract *c, const char *name)
{
	char buf[64];

	if (strcmp(name, "title") == 0)
		return xstrdup(c->title != NULL ? c->title : "");
	if (strcmp(name, "status") == 0)
		return xstrdup(enum_text(contract_status_names, c->status));
	if (strcmp(name, "start_date") == 0)
		return xstrdup(date_format(c->start_date, buf));
	if (strcmp(name, "end_date") == 0)
		return xstrdup(date_format(c->end_date, buf));
	if (strcmp(name, "auto_renew") == 0)
		return xstrdup(c->auto_renew ? "yes" : "no");
	if (strcmp(name, "renewal_months") == 0)
		return xasprintf("%d", c->renewal_months);
	if (strcmp(name, "notice_days") == 0)
		return xasprintf("%d", c->notice_days);
	if (strcmp(name, "annual_value") == 0)
		return xstrdup(c->annual_value < 0 ? "" : money_format(c->annual_value, buf));
	if (strcmp(name, "currency") == 0)
		return xstrdup(c->currency);
	if (strcmp(name, "model") == 0)
		return xstrdup(enum_text(econ_model_names, c->econ.model));
	if (strcmp(name, "model_pct") == 0)
		return xstrdup(econ_pct_format(&c->econ, buf));
	if (strcmp(name, "model_amount") == 0)
		return xstrdup(c->econ.amount < 0 ? "" : money_format(c->econ.amount, buf));
	if (strcmp(name, "exclusivity") == 0)
		return xstrdup(enum_text(exclusivity_names, c->exclusivity));
	if (strcmp(name, "exclusivity_end") == 0)
		return xstrdup(date_format(c->exclusivity_end, buf));
	if (strcmp(name, "liability_cap") == 0)
		return xstrdup(c->liability_cap < 0 ? "" : money_format(c->liability_cap, buf));
	if (strcmp(name, "termination_reason") == 0)
		return xstrdup(c->termination_reason != NULL ? c->termination_reason : "");
	return xstrdup("");
}

/* Leaving a field: the core's setter on a scratch copy, so the form
 * refuses what `ally contract set` refuses, in the same words. */
static int contract_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct contract_form *cf = ctx;
	struct contract scratch;
	int rc;

	contract_copy(&scratch, &cf->base);
	rc = contract_set_field(&scratch, name, value, err);
	contract_finish(&scratch);
	return rc;
}

/* The record to save: the base with the fields set from the form.  An
 * edit sets only what was changed, so a value the form cannot show as it
 * is (a termination reason of several lines) stays as stored, and only
 * the user's changes are merged over the stored contract.  Fields go in
 * contract_specs' order, model before its parameters, as in `contract
 * set`. */
static int contract_build(struct contract_form *cf, struct uform *f, struct contract *c,
			  struct ally_err *err)
{
	int rc = ALLY_OK;

	contract_copy(c, &cf->base);
	for (size_t i = 0; i < CONTRACT_NSPECS && rc == ALLY_OK; i++) {
		const char *v = uform_value(f, i);
		char *was = field_text(&cf->base, contract_specs[i].name);

		if (cf->adding || strcmp(v, was) != 0)
			rc = contract_set_field(c, contract_specs[i].name, v, err);
		free(was);
	}
	if (rc == ALLY_OK)
		rc = contract_validate(c, err);
	return rc;
}

static int contract_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct contract_form *cf = ctx;
	struct tui *t = cf->t;
	struct contract c;
	int rc = contract_build(cf, f, &c, err);

	if (rc == ALLY_OK)
		rc = store_begin(t->store, err);
	if (rc == ALLY_OK)
		rc = cf->adding ? store_contract_add(t->store, &c, err)
				: store_contract_merge(t->store, &cf->base, &c, "the form opened", err);
	if (rc == ALLY_OK)
		rc = store_commit(t->store, err);
	if (rc != ALLY_OK) {
		store_rollback(t->store);
		tui_form_conflict(f, err);
	} else {
		tui_changed(t);
		tui_msg(t, cf->adding ? "Added contract %s" : "Saved contract %s", c.title);
	}
	contract_finish(&c);
	return rc;
}

/* A new contract's defaults (domain.md) and a first term from today:
 * one renewal term long, as `contract renew` would count it. */
static void contract_defaults(struct tui *t, struct contract *c, int64_t partner_id)
{
	ally_date start = DATE_NONE, end = DATE_NONE;

	contract_init(c);
	c->partner_id = partner_id;
	contract_next_term(t->today - 1, c->renewal_months, &start, &end);
	c->start_date = t->today;
	c->end_date = end;
}

static int contract_form_open(struct tui *t, struct contract_form *cf, int64_t partner_id,
			      int64_t contract_id, struct ally_err *err)
{
	memset(cf, 0, sizeof *cf);
	cf->t = t;
	cf->adding = contract_id == 0;
	if (cf->adding) {
		struct partner p;
		int rc = store_partner_get(t->store, partner_id, &p, err);

		if (rc != ALLY_OK)
			return rc;
		contract_defaults(t, &cf->base, partner_id);
		cf->base.partner_name = xstrdup(p.name);
		partner_finish(&p);
		return ALLY_OK;
	}
	return store_contract_get(t->store, contract_id, &cf->base, err);
}

bool tui_act_contract_form(struct tui *t, int64_t partner_id, int64_t contract_id)
{
	struct contract_form cf;
	struct ally_err err;
	struct uform *f;
	char *title;
	bool saved;

	ally_err_clear(&err);
	if (contract_form_open(t, &cf, partner_id, contract_id, &err) != ALLY_OK) {
		tui_error(t, &err);
		return false;
	}
	f = uform_new(contract_specs, CONTRACT_NSPECS, contract_check, &cf);
	for (size_t i = 0; i < CONTRACT_NSPECS; i++) {
		cf.initial[i] = field_text(&cf.base, contract_specs[i].name);
		uform_prefill(f, i, cf.initial[i]);
	}
	title = cf.adding ? xasprintf("New contract with %s", cf.base.partner_name)
			  : xasprintf("Contract %s with %s", cf.base.title,
				      cf.base.partner_name != NULL ? cf.base.partner_name : "");
	t->form = (struct tui_form_id){ "contract", contract_id, partner_id };
	saved = tui_form(t, title, f, contract_save, &cf);
	free(title);
	uform_free(f);
	for (size_t i = 0; i < CONTRACT_NSPECS; i++)
		free(cf.initial[i]);
	contract_finish(&cf.base);
	return saved;
}
