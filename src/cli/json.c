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

static json_t *jenum(const char *const *names, int v)
{
	const char *name = enum_name(names, v);

	return name ? json_string(name) : json_null();
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

/* ---- shapes: the fields of an entity, key by key, to a writer ----
 * The e_* helpers are the value forms above (jstr, jenum, jmoney, ...)
 * for any writer. */

static void e_text(const struct out_emit *e, const char *key, const char *v)
{
	e->text(e->ctx, key, v);
}

static void e_text_or_null(const struct out_emit *e, const char *key, const char *v)
{
	e->text(e->ctx, key, v == NULL || *v == '\0' ? NULL : v);
}

static void e_enum(const struct out_emit *e, const char *key, const char *const *names, int v)
{
	e->text(e->ctx, key, enum_name(names, v));
}

static void e_int(const struct out_emit *e, const char *key, int64_t v)
{
	e->integer(e->ctx, key, v);
}

/* Money as a decimal string ("125000.00"): JSON numbers would invite
 * floating point, which money must never touch. */
static void e_money(const struct out_emit *e, const char *key, ally_money m)
{
	char buf[MONEY_BUFSZ];

	e->text(e->ctx, key, m < 0 ? NULL : money_format(m, buf));
}

static void e_date(const struct out_emit *e, const char *key, ally_date d)
{
	char buf[DATE_BUFSZ];

	e->text(e->ctx, key, d == DATE_NONE ? NULL : date_format(d, buf));
}

static void e_score(const struct out_emit *e, const char *key, int w)
{
	if (w < 0)
		e->null(e->ctx, key);
	else
		e->real(e->ctx, key, score_tenths(w) / 10.0);
}

static void e_tier(const struct out_emit *e, const char *key, int w)
{
	if (w < 0)
		e->null(e->ctx, key);
	else
		e->integer(e->ctx, key, score_tier(w));
}

static void e_flags(const struct out_emit *e, const char *key, unsigned flags)
{
	const char *names[FLAG_COUNT];
	size_t n = 0;

	for (int i = 0; i < FLAG_COUNT; i++)
		if (flags & (1u << i))
			names[n++] = flag_key((enum partner_flag)(1u << i));
	e->names(e->ctx, key, names, n);
}

/* The JSON writer: each field becomes a member of the object ctx. */
static void j_text(void *ctx, const char *key, const char *v)
{
	set(ctx, key, jstr(v));
}

static void j_integer(void *ctx, const char *key, int64_t v)
{
	set(ctx, key, json_integer(v));
}

static void j_real(void *ctx, const char *key, double v)
{
	set(ctx, key, json_real(v));
}

static void j_boolean(void *ctx, const char *key, bool v)
{
	set(ctx, key, json_boolean(v));
}

static void j_null(void *ctx, const char *key)
{
	set(ctx, key, json_null());
}

static void j_names(void *ctx, const char *key, const char *const *v, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(v[i]));
	set(ctx, key, arr);
}

json_t *out_shape_json(out_shape_fn *shape, const void *entity)
{
	json_t *o = json_object();
	const struct out_emit e = { o, j_text, j_integer, j_real, j_boolean, j_null, j_names };

	shape(&e, entity);
	return o;
}

/* The list shape of a partner; flags and next_action with facts. */
static void partner_list_fields(const struct out_emit *e, const struct partner *p,
			   const struct partner_facts *facts, unsigned flags, ally_date next_action)
{
	e_int(e, "id", p->id);
	e_text(e, "name", p->name);
	e_enum(e, "type", partner_type_names, p->type);
	e_enum(e, "phase", phase_names, p->phase);
	e_text(e, "owner", p->owner);
	e_enum(e, "health", health_names, p->health);
	e_text(e, "status_note", p->status_note);
	e_date(e, "status_date", p->status_date);
	e_score(e, "score", p->score_w);
	e_tier(e, "tier", p->score_w);
	if (facts != NULL) {
		e_flags(e, "flags", flags);
		e_date(e, "next_action", next_action);
	}
}

void shape_partner_row(const struct out_emit *e, const void *entity)
{
	const struct partner_row *r = entity;

	partner_list_fields(e, &r->p, &r->facts, r->flags, r->next_action);
}

/* json_partner's arguments, for the shape without facts. */
struct partner_args {
	const struct partner *p;
	const struct partner_facts *facts;
	unsigned flags;
	ally_date next_action;
};

static void shape_partner_args(const struct out_emit *e, const void *entity)
{
	const struct partner_args *a = entity;

	partner_list_fields(e, a->p, a->facts, a->flags, a->next_action);
}

json_t *json_partner(const struct partner *p, const struct partner_facts *facts, unsigned flags,
		     ally_date next_action)
{
	const struct partner_args a = { p, facts, flags, next_action };

	return out_shape_json(shape_partner_args, &a);
}

void shape_partner_full(const struct out_emit *e, const void *entity)
{
	const struct partner *p = entity;

	e_int(e, "id", p->id);
	e_text(e, "name", p->name);
	e_enum(e, "type", partner_type_names, p->type);
	e_enum(e, "phase", phase_names, p->phase);
	e_text(e, "owner", p->owner);
	e_enum(e, "origin", partner_origin_names, p->origin);
	e_enum(e, "power", partner_power_names, p->power);
	e_enum(e, "goal", partner_goal_names, p->goal);
	e_text(e, "region", p->region);
	e_text(e, "website", p->website);
	e_text(e, "value_partner", p->value_partner);
	e_text(e, "value_us", p->value_us);
	e_text(e, "value_together", p->value_together);
	e_text(e, "notes", p->notes);
	e_enum(e, "health", health_names, p->health);
	e_text(e, "status_note", p->status_note);
	e_date(e, "status_date", p->status_date);
	e_text(e, "status_author", p->status_author);
	for (int c = 0; c < CRIT_COUNT; c++) {
		if (p->score_w < 0)
			e->null(e->ctx, criterion_names[c]);
		else
			e_int(e, criterion_names[c], score_criterion(&p->score_in, (enum criterion)c));
	}
	e_date(e, "score_date", p->score_w < 0 ? DATE_NONE : p->score_date);
	e_score(e, "score", p->score_w);
	e_tier(e, "tier", p->score_w);
	e_int(e, "version", p->version);
	e_text(e, "created_at", p->created_at);
	e_text(e, "updated_at", p->updated_at);
}

json_t *json_partner_full(const struct partner *p)
{
	return out_shape_json(shape_partner_full, p);
}

void shape_contract(const struct out_emit *e, const void *entity)
{
	const struct contract *c = entity;
	char pct[48];

	e_int(e, "id", c->id);
	e_text(e, "partner", c->partner_name);
	e_int(e, "partner_id", c->partner_id);
	e_text(e, "title", c->title);
	e_enum(e, "status", contract_status_names, c->status);
	e_date(e, "start_date", c->start_date);
	e_date(e, "end_date", c->end_date);
	e->boolean(e->ctx, "auto_renew", c->auto_renew);
	e_int(e, "renewal_months", c->renewal_months);
	e_int(e, "notice_days", c->notice_days);
	e_money(e, "annual_value", c->annual_value);
	e_text_or_null(e, "currency", c->currency);
	e_enum(e, "model", econ_model_names, c->econ.model);
	e_text_or_null(e, "model_pct", econ_pct_format(&c->econ, pct));
	e_money(e, "model_amount", c->econ.amount);
	e_enum(e, "exclusivity", exclusivity_names, c->exclusivity);
	e_date(e, "exclusivity_end", c->exclusivity_end);
	e_money(e, "liability_cap", c->liability_cap);
	e_text(e, "termination_reason", c->termination_reason);
	e_text(e, "notes", c->notes);
	e_int(e, "version", c->version);
}

json_t *json_contract(const struct contract *c)
{
	return out_shape_json(shape_contract, c);
}

void shape_renewal(const struct out_emit *e, const void *entity)
{
	const struct renewal *r = entity;

	e_int(e, "contract_id", r->contract_id);
	e_text(e, "partner", r->partner);
	e_text(e, "title", r->title);
	e_date(e, "end_date", r->end_date);
	e_int(e, "days_left", r->days_left);
	e_enum(e, "band", band_names, (int)r->band);
	e->boolean(e->ctx, "auto_renew", r->auto_renew);
	e_int(e, "notice_days", r->notice_days);
	e_date(e, "notice_deadline", r->notice_deadline);
	if (r->notice_deadline != DATE_NONE)
		e_int(e, "days_to_notice", r->days_to_notice);
	else
		e->null(e->ctx, "days_to_notice");
	e_money(e, "annual_value", r->annual_value);
	e_text_or_null(e, "currency", r->currency);
	e_enum(e, "phase", phase_names, r->phase);
	e_date(e, "action_date", r->action_date);
}

json_t *json_renewal(const struct renewal *r)
{
	return out_shape_json(shape_renewal, r);
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

void shape_audit(const struct out_emit *e, const void *entity)
{
	const struct audit_entry *a = entity;

	e_int(e, "id", a->id);
	e_text(e, "at", a->at);
	e_text(e, "user", a->user);
	if (a->partner_id > 0)
		e_int(e, "partner_id", a->partner_id);
	else
		e->null(e->ctx, "partner_id");
	e_text(e, "partner", a->partner);
	e_text(e, "table", a->tbl);
	e_int(e, "row_id", a->row_id);
	e_text(e, "field", a->field);
	e_text(e, "old_value", a->old_value);
	e_text(e, "new_value", a->new_value);
	e_text(e, "from", a->source);
}

json_t *json_audit(const struct audit_entry *e)
{
	return out_shape_json(shape_audit, e);
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
