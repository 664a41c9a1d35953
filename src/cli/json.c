/* json.c: the one place where partners, contracts and renewal rows become
 * JSON.  Tables and CSV are drawn from these same objects, so every format
 * shows the same keys and values (issue 2's shapes). */
#include "cli.h"

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/flags.h"
#include "ally/money.h"
#include "ally/partner.h"
#include "ally/renewal.h"
#include "ally/score.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

static void set(json_t *obj, const char *key, json_t *v)
{
	json_object_set_new(obj, key, v);
}

/* A text or null.  jansson refuses invalid UTF-8; such bytes (which the
 * core's checks keep out of the database) are shown as markers instead. */
static json_t *jstr(const char *s)
{
	json_t *v;
	char *vis;

	if (s == NULL)
		return json_null();
	v = json_string(s);
	if (v != NULL)
		return v;
	vis = text_visible(s, 1);
	v = json_string(vis);
	free(vis);
	return v;
}

static json_t *jstr_or_null(const char *s)
{
	return s == NULL || *s == '\0' ? json_null() : jstr(s);
}

static json_t *jenum(const char *const *names, int v)
{
	const char *name = enum_name(names, v);

	return name ? json_string(name) : json_null();
}

/* Money as a decimal string ("125000.00"): JSON numbers would invite
 * floating point, which money must never touch. */
static json_t *jmoney(ally_money m)
{
	char buf[MONEY_BUFSZ];

	return m < 0 ? json_null() : json_string(money_format(m, buf));
}

json_t *json_date(ally_date d)
{
	char buf[DATE_BUFSZ];

	return d == DATE_NONE ? json_null() : json_string(date_format(d, buf));
}

json_t *json_flags(unsigned flags)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < FLAG_COUNT; i++)
		if (flags & (1u << i))
			json_array_append_new(arr, json_string(flag_key((enum partner_flag)(1u << i))));
	return arr;
}

json_t *json_score(int w)
{
	return w < 0 ? json_null() : json_real(score_tenths(w) / 10.0);
}

char *json_score_text(int w, char out[32])
{
	json_t *v = json_score(w);

	if (json_is_real(v))
		out_real(json_real_value(v), out);
	else
		out[0] = '\0';
	json_decref(v);
	return out;
}

static json_t *jtier(int w)
{
	return w < 0 ? json_null() : json_integer(score_tier(w));
}

json_t *json_partner(const struct partner *p, const struct partner_facts *facts, unsigned flags,
		     ally_date next_action)
{
	json_t *o = json_object();

	set(o, "id", json_integer(p->id));
	set(o, "name", jstr(p->name));
	set(o, "type", jenum(partner_type_names, p->type));
	set(o, "phase", jenum(phase_names, p->phase));
	set(o, "owner", jstr(p->owner));
	set(o, "health", jenum(health_names, p->health));
	set(o, "status_note", jstr(p->status_note));
	set(o, "status_date", json_date(p->status_date));
	set(o, "score", json_score(p->score_w));
	set(o, "tier", jtier(p->score_w));
	if (facts != NULL) {
		set(o, "flags", json_flags(flags));
		set(o, "next_action", json_date(next_action));
	}
	return o;
}

static void set_criteria(json_t *o, const struct partner *p)
{
	int c;

	for (c = 0; c < CRIT_COUNT; c++)
		set(o, criterion_names[c],
		    p->score_w < 0 ? json_null()
				   : json_integer(score_criterion(&p->score_in, (enum criterion)c)));
}

json_t *json_partner_full(const struct partner *p)
{
	json_t *o = json_object();

	set(o, "id", json_integer(p->id));
	set(o, "name", jstr(p->name));
	set(o, "type", jenum(partner_type_names, p->type));
	set(o, "phase", jenum(phase_names, p->phase));
	set(o, "owner", jstr(p->owner));
	set(o, "origin", jenum(partner_origin_names, p->origin));
	set(o, "power", jenum(partner_power_names, p->power));
	set(o, "goal", jenum(partner_goal_names, p->goal));
	set(o, "region", jstr(p->region));
	set(o, "website", jstr(p->website));
	set(o, "value_partner", jstr(p->value_partner));
	set(o, "value_us", jstr(p->value_us));
	set(o, "value_together", jstr(p->value_together));
	set(o, "notes", jstr(p->notes));
	set(o, "health", jenum(health_names, p->health));
	set(o, "status_note", jstr(p->status_note));
	set(o, "status_date", json_date(p->status_date));
	set(o, "status_author", jstr(p->status_author));
	set_criteria(o, p);
	set(o, "score_date", p->score_w < 0 ? json_null() : json_date(p->score_date));
	set(o, "score", json_score(p->score_w));
	set(o, "tier", jtier(p->score_w));
	set(o, "version", json_integer(p->version));
	set(o, "created_at", jstr(p->created_at));
	set(o, "updated_at", jstr(p->updated_at));
	return o;
}

json_t *json_contract(const struct contract *c)
{
	json_t *o = json_object();
	char pct[48];

	set(o, "id", json_integer(c->id));
	set(o, "partner", jstr(c->partner_name));
	set(o, "partner_id", json_integer(c->partner_id));
	set(o, "title", jstr(c->title));
	set(o, "status", jenum(contract_status_names, c->status));
	set(o, "start_date", json_date(c->start_date));
	set(o, "end_date", json_date(c->end_date));
	set(o, "auto_renew", json_boolean(c->auto_renew));
	set(o, "renewal_months", json_integer(c->renewal_months));
	set(o, "notice_days", json_integer(c->notice_days));
	set(o, "annual_value", jmoney(c->annual_value));
	set(o, "currency", jstr_or_null(c->currency));
	set(o, "model", jenum(econ_model_names, c->econ.model));
	set(o, "model_pct", jstr_or_null(econ_pct_format(&c->econ, pct)));
	set(o, "model_amount", jmoney(c->econ.amount));
	set(o, "exclusivity", jenum(exclusivity_names, c->exclusivity));
	set(o, "exclusivity_end", json_date(c->exclusivity_end));
	set(o, "liability_cap", jmoney(c->liability_cap));
	set(o, "termination_reason", jstr(c->termination_reason));
	set(o, "notes", jstr(c->notes));
	set(o, "version", json_integer(c->version));
	return o;
}

json_t *json_renewal(const struct renewal *r)
{
	json_t *o = json_object();
	bool deadline = r->notice_deadline != DATE_NONE;

	set(o, "contract_id", json_integer(r->contract_id));
	set(o, "partner", jstr(r->partner));
	set(o, "title", jstr(r->title));
	set(o, "end_date", json_date(r->end_date));
	set(o, "days_left", json_integer(r->days_left));
	set(o, "band", jenum(band_names, (int)r->band));
	set(o, "auto_renew", json_boolean(r->auto_renew));
	set(o, "notice_days", json_integer(r->notice_days));
	set(o, "notice_deadline", json_date(r->notice_deadline));
	set(o, "days_to_notice", deadline ? json_integer(r->days_to_notice) : json_null());
	set(o, "annual_value", jmoney(r->annual_value));
	set(o, "currency", jstr_or_null(r->currency));
	set(o, "phase", jenum(phase_names, r->phase));
	set(o, "action_date", json_date(r->action_date));
	return o;
}

json_t *json_contract_renewal(const struct contract *c, ally_date today)
{
	json_t *o = json_contract(c);
	struct renewal r;
	bool active = renewal_of_contract(c, today, &r);
	bool deadline = active && r.notice_deadline != DATE_NONE;

	set(o, "days_left", active ? json_integer(r.days_left) : json_null());
	set(o, "band", active ? jenum(band_names, (int)r.band) : json_null());
	set(o, "notice_deadline", deadline ? json_date(r.notice_deadline) : json_null());
	set(o, "days_to_notice", deadline ? json_integer(r.days_to_notice) : json_null());
	return o;
}

json_t *json_contact(const struct contact *c)
{
	json_t *o = json_object();

	set(o, "id", json_integer(c->id));
	set(o, "name", jstr(c->name));
	set(o, "role", jstr(c->role));
	set(o, "email", jstr(c->email));
	set(o, "phone", jstr(c->phone));
	set(o, "executive_sponsor", json_boolean(c->role != NULL && contact_is_exec_sponsor(c->role)));
	return o;
}

/* ---- history: scorings, status updates, phase moves, terms, the audit log ---- */

json_t *json_score_entry(const struct score_entry *e)
{
	json_t *o = json_object();
	int c;

	set(o, "date", json_date(e->date));
	set(o, "score", json_score(e->w));
	set(o, "tier", jtier(e->w));
	for (c = 0; c < CRIT_COUNT; c++)
		set(o, criterion_names[c], json_integer(score_criterion(&e->in, (enum criterion)c)));
	set(o, "author", jstr(e->author));
	return o;
}

json_t *json_status_entry(const struct status_entry *e)
{
	json_t *o = json_object();

	set(o, "date", json_date(e->date));
	set(o, "health", jenum(health_names, e->health));
	set(o, "note", jstr(e->note));
	set(o, "author", jstr(e->author));
	return o;
}

json_t *json_phase_entry(const struct phase_entry *e)
{
	json_t *o = json_object();

	set(o, "date", json_date(e->date));
	set(o, "from", jenum(phase_names, e->from));
	set(o, "to", jenum(phase_names, e->to));
	set(o, "note", jstr(e->note));
	set(o, "author", jstr(e->author));
	return o;
}

json_t *json_term(const struct term_entry *t)
{
	json_t *o = json_object();

	set(o, "start_date", json_date(t->start));
	set(o, "end_date", json_date(t->end));
	set(o, "renewed_on", json_date(t->renewed_on));
	/* The first term was not renewed by anyone (its author added it). */
	set(o, "renewed_by", t->renewed_on != DATE_NONE ? jstr(t->author) : json_null());
	return o;
}

json_t *json_audit(const struct audit_entry *e)
{
	json_t *o = json_object();

	set(o, "id", json_integer(e->id));
	set(o, "at", jstr(e->at));
	set(o, "user", jstr(e->user));
	set(o, "partner_id", e->partner_id > 0 ? json_integer(e->partner_id) : json_null());
	set(o, "partner", jstr(e->partner));
	set(o, "table", jstr(e->tbl));
	set(o, "row_id", json_integer(e->row_id));
	set(o, "field", jstr(e->field));
	set(o, "old_value", jstr(e->old_value));
	set(o, "new_value", jstr(e->new_value));
	return o;
}

/* ---- blank rows: every key of a list, for the CSV header of an empty one ---- */

json_t *json_partner_blank(void)
{
	struct partner p;
	struct partner_facts facts = { 0 };
	json_t *o;

	partner_init(&p);
	o = json_partner(&p, &facts, 0, DATE_NONE);
	partner_finish(&p);
	return o;
}

json_t *json_contract_blank(void)
{
	struct contract c;
	json_t *o;

	contract_init(&c);
	o = json_contract(&c);
	contract_finish(&c);
	return o;
}

json_t *json_renewal_blank(void)
{
	struct renewal r = { 0 };

	r.notice_deadline = DATE_NONE;
	r.action_date = DATE_NONE;
	r.end_date = DATE_NONE;
	return json_renewal(&r);
}

json_t *json_audit_blank(void)
{
	struct audit_entry e = { 0 };

	return json_audit(&e);
}
