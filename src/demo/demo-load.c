/* demo-load.c: loading the sample portfolio of demo-data.c into an empty
 * database through the store, as a user's commands would. */
#include <stdlib.h>

#include "ally/contract.h"
#include "ally/date.h"
#include "ally/demo.h"
#include "ally/enums.h"
#include "ally/err.h"
#include "ally/figures.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/review.h"
#include "ally/score.h"
#include "ally/store.h"
#include "ally/util.h"
#include "demo-data.h"

/* What the loaders share.  rc is sticky: once a step fails, the rest are
 * skipped and the caller rolls the whole transaction back. */
struct demo {
	struct store *store;
	ally_date today;
	const char *user; /* owner of the partners the tables leave unowned */
	struct ally_err *err;
	int rc;
	int64_t *partner_ids;  /* by index into demo_partners */
	int64_t *contract_ids; /* by index into demo_contracts */
};

static ally_date demo_day(const struct demo *d, int offset)
{
	return d->today + offset;
}

static void demo_pset(struct demo *d, struct partner *p, const char *field, const char *value)
{
	if (d->rc == ALLY_OK && value != NULL)
		d->rc = partner_set_field(p, field, value, false, d->err);
}

static void demo_partner_fields(struct demo *d, struct partner *p, const struct demo_partner *dp)
{
	demo_pset(d, p, "name", dp->name);
	demo_pset(d, p, "type", dp->type);
	demo_pset(d, p, "owner", dp->owner != NULL ? dp->owner : d->user);
	demo_pset(d, p, "origin", dp->origin);
	demo_pset(d, p, "power", dp->power);
	demo_pset(d, p, "goal", dp->goal);
	demo_pset(d, p, "region", dp->region);
	demo_pset(d, p, "website", dp->website);
	demo_pset(d, p, "value_partner", dp->value_partner);
	demo_pset(d, p, "value_us", dp->value_us);
	demo_pset(d, p, "value_together", dp->value_together);
	demo_pset(d, p, "notes", dp->notes);
}

/* The moves that lead from prospect to target as a user would make them:
 * the main line, then for expansion and exit one named move from
 * steady_state.  Returns how many moves were written to path. */
static int demo_phase_path(int target, int path[PHASE_COUNT])
{
	int last = target <= PHASE_RENEWAL ? target : PHASE_STEADY_STATE;
	int n = 0;

	for (int ph = PHASE_PROSPECT + 1; ph <= last; ph++)
		path[n++] = ph;
	if (target > PHASE_RENEWAL)
		path[n++] = target;
	return n;
}

static void demo_phases(struct demo *d, int64_t id, const struct demo_partner *dp)
{
	int path[PHASE_COUNT], n, target;
	enum phase from, to;

	if (d->rc != ALLY_OK)
		return;
	target = enum_parse_field(phase_names, dp->phase, "phase", d->err);
	if (target < 0) {
		d->rc = ALLY_EUSER;
		return;
	}
	n = demo_phase_path(target, path);
	for (int k = 0; k < n && d->rc == ALLY_OK; k++) {
		int ago = k < 8 && dp->moved_ago[k] > 0 ? dp->moved_ago[k] : 1;

		d->rc = store_phase_move(d->store, id, path[k], NULL, demo_day(d, -ago), &from, &to,
					 d->err);
	}
}

static void demo_status_and_score(struct demo *d, int64_t id, const struct demo_partner *dp)
{
	int health, w;
	struct score_input in;

	if (d->rc == ALLY_OK && dp->health != NULL) {
		health = enum_parse_field(health_names, dp->health, "health", d->err);
		d->rc = health < 0 ? ALLY_EUSER
				   : store_status_add(d->store, id, health, dp->status_note,
						      demo_day(d, -dp->status_ago), d->err);
	}
	if (d->rc != ALLY_OK || dp->crit[0] < 0)
		return;
	in = (struct score_input){ dp->crit[0], dp->crit[1], dp->crit[2], dp->crit[3],
				   dp->crit[4] };
	d->rc = store_score_add(d->store, id, &in, demo_day(d, -dp->scored_ago), &w, d->err);
}

static void demo_partner(struct demo *d, size_t i)
{
	const struct demo_partner *dp = &demo_partners[i];
	struct partner p;

	partner_init(&p);
	demo_partner_fields(d, &p, dp);
	if (d->rc == ALLY_OK)
		d->rc = partner_validate(&p, d->err);
	if (d->rc == ALLY_OK)
		d->rc = store_partner_add(d->store, &p, d->err);
	d->partner_ids[i] = p.id;
	demo_phases(d, p.id, dp);
	demo_status_and_score(d, p.id, dp);
	partner_finish(&p);
}

static void demo_cset(struct demo *d, struct contract *c, const char *field, const char *value)
{
	if (d->rc == ALLY_OK && value != NULL)
		d->rc = contract_set_field(c, field, value, d->err);
}

static void demo_cset_date(struct demo *d, struct contract *c, const char *field, ally_date v)
{
	char buf[DATE_BUFSZ];

	demo_cset(d, c, field, date_format(v, buf));
}

/* The model first: its parameters are checked against it. */
static void demo_contract_fields(struct demo *d, struct contract *c, const struct demo_contract *dc)
{
	demo_cset(d, c, "title", dc->title);
	demo_cset(d, c, "status", dc->status);
	demo_cset(d, c, "auto_renew", dc->auto_renew ? "yes" : "no");
	demo_cset(d, c, "notice_days", dc->notice_days);
	demo_cset(d, c, "renewal_months", dc->renewal_months);
	demo_cset(d, c, "annual_value", dc->value);
	demo_cset(d, c, "currency", dc->currency);
	demo_cset(d, c, "model", dc->model);
	demo_cset(d, c, "model_pct", dc->model_pct);
	demo_cset(d, c, "model_amount", dc->model_amount);
	demo_cset(d, c, "exclusivity", dc->exclusivity);
	demo_cset(d, c, "notes", dc->notes);
	demo_cset(d, c, "termination_reason", dc->termination_reason);
}

/* The start of a term of months whole months ending on end: domain.md's
 * terms are inclusive (2024-10-23 for 2 years ends 2026-10-22).  Where no
 * start gives exactly that end (end + 1 is the 29th to 31st and the month
 * months before is shorter), the term ends up to three days earlier; the
 * demo's dates keep that far from every band's edge. */
static ally_date demo_term_start(ally_date end, int months)
{
	return date_add_months(end + 1, -months);
}

/* Store c for the term [start, start + months - 1 day]. */
static void demo_add_term(struct demo *d, struct contract *c, ally_date start, int months)
{
	demo_cset_date(d, c, "start_date", start);
	demo_cset_date(d, c, "end_date", date_add_months(start, months) - 1);
	if (d->rc == ALLY_OK)
		d->rc = store_contract_add(d->store, c, d->err);
}

/* A contract renewed dc->renewals times before its current term: its
 * first term is placed so that, renewed by the core's rule each time, the
 * current one ends on (or up to three days before) the wanted end, and
 * the renewals leave a term history behind. */
static void demo_renewed_terms(struct demo *d, struct contract *c, const struct demo_contract *dc)
{
	int terms = dc->renewals + 1;
	ally_date ns, ne;

	demo_add_term(d, c, demo_term_start(demo_day(d, dc->end), c->renewal_months * terms),
		      c->renewal_months);
	for (int k = 1; k <= dc->renewals && d->rc == ALLY_OK; k++) {
		/* Renewed three weeks before each term ran out. */
		d->rc = store_contract_renew(d->store, c->id, DATE_NONE, c->end_date - 21, &ns, &ne,
					     d->err);
		c->end_date = ne;
	}
}

static void demo_contract(struct demo *d, size_t i)
{
	const struct demo_contract *dc = &demo_contracts[i];
	struct contract c;

	contract_init(&c);
	c.partner_id = d->partner_ids[dc->partner];
	demo_contract_fields(d, &c, dc);
	if (dc->renewals > 0)
		demo_renewed_terms(d, &c, dc);
	else
		demo_add_term(d, &c, demo_term_start(demo_day(d, dc->end), dc->months), dc->months);
	d->contract_ids[i] = c.id;
	contract_finish(&c);
}

static void demo_contact(struct demo *d, const struct demo_contact *dc)
{
	struct contact c;

	if (d->rc != ALLY_OK)
		return;
	contact_init(&c);
	c.partner_id = d->partner_ids[dc->partner];
	c.name = xstrdup(dc->name);
	c.role = xstrdup(dc->role);
	c.email = xstrdup(dc->email);
	c.phone = xstrdup(dc->phone);
	d->rc = store_contact_add(d->store, &c, d->err);
	contact_finish(&c);
}

static void demo_review(struct demo *d, const struct demo_review *dr)
{
	struct review r;

	if (d->rc != ALLY_OK)
		return;
	review_init(&r);
	r.partner_id = d->partner_ids[dr->partner];
	r.kind = enum_parse_field(review_kind_names, dr->kind, "kind", d->err);
	r.date = demo_day(d, -dr->ago);
	r.attendees = xstrdup(dr->attendees);
	r.notes = xstrdup(dr->notes);
	r.decisions = xstrdup(dr->decisions);
	d->rc = r.kind < 0 ? ALLY_EUSER : store_review_add(d->store, &r, d->err);
	review_finish(&r);
}

static void demo_action(struct demo *d, const struct demo_action *da)
{
	struct action_item a;

	if (d->rc != ALLY_OK)
		return;
	action_item_init(&a);
	a.partner_id = d->partner_ids[da->partner];
	a.text = xstrdup(da->text);
	a.owner = xstrdup(da->owner);
	a.due = demo_day(d, da->due);
	a.done = da->done;
	d->rc = store_action_add(d->store, &a, d->err);
	action_item_finish(&a);
}

/* The last DEMO_QUARTERS complete quarters before today's. */
static void demo_figures_of(struct demo *d, const struct demo_figures *df)
{
	int64_t id = d->partner_ids[df->partner];
	int q = quarter_of_date(d->today) - DEMO_QUARTERS;

	for (int k = 0; k < DEMO_QUARTERS && d->rc == ALLY_OK; k++, q++) {
		d->rc = store_figure_set(d->store, id, q, METRIC_REVENUE, df->target[k] * 100,
					 df->actual[k] * 100, d->err);
		if (d->rc == ALLY_OK)
			d->rc = store_figure_set(d->store, id, q, METRIC_LEADS, -1,
						 df->leads[k] * 100, d->err);
	}
}

static void demo_conflict(struct demo *d, const struct demo_conflict *dc)
{
	struct conflict c;

	if (d->rc != ALLY_OK)
		return;
	conflict_init(&c);
	c.partner_id = d->partner_ids[dc->partner];
	c.kind = enum_parse_field(conflict_kind_names, dc->kind, "kind", d->err);
	c.level = enum_parse_field(escalation_names, dc->level, "level", d->err);
	c.summary = xstrdup(dc->summary);
	c.opened = demo_day(d, -dc->opened_ago);
	c.resolved = dc->resolved_ago < 0 ? DATE_NONE : demo_day(d, -dc->resolved_ago);
	c.resolution = xstrdup(dc->resolution);
	d->rc = c.kind < 0 || c.level < 0 ? ALLY_EUSER : store_conflict_add(d->store, &c, d->err);
	conflict_finish(&c);
}

static void demo_negotiation(struct demo *d, const struct demo_negotiation *dn)
{
	struct negotiation n;

	if (d->rc != ALLY_OK)
		return;
	negotiation_init(&n);
	n.partner_id = d->partner_ids[dn->partner];
	n.contract_id = dn->contract >= 0 ? d->contract_ids[dn->contract] : 0;
	n.batna = xstrdup(dn->batna);
	n.ideal = xstrdup(dn->ideal);
	n.acceptable = xstrdup(dn->acceptable);
	n.walk_away = xstrdup(dn->walk_away);
	d->rc = store_negotiation_add(d->store, &n, d->err);
	for (int k = 0; k < 4 && dn->terms[k] != NULL && d->rc == ALLY_OK; k++) {
		int prio =
		    enum_parse_field(term_priority_names, dn->priorities[k], "priority", d->err);

		d->rc = prio < 0 ? ALLY_EUSER
				 : store_negotiation_term_add(d->store, n.id, dn->terms[k], prio,
							      d->err);
	}
	negotiation_finish(&n);
}

static void demo_fill(struct demo *d)
{
	for (size_t i = 0; i < demo_partners_n && d->rc == ALLY_OK; i++)
		demo_partner(d, i);
	for (size_t i = 0; i < demo_contracts_n && d->rc == ALLY_OK; i++)
		demo_contract(d, i);
	for (size_t i = 0; i < demo_contacts_n; i++)
		demo_contact(d, &demo_contacts[i]);
	for (size_t i = 0; i < demo_reviews_n; i++)
		demo_review(d, &demo_reviews[i]);
	for (size_t i = 0; i < demo_actions_n; i++)
		demo_action(d, &demo_actions[i]);
	for (size_t i = 0; i < demo_figures_n; i++)
		demo_figures_of(d, &demo_figures[i]);
	for (size_t i = 0; i < demo_conflicts_n; i++)
		demo_conflict(d, &demo_conflicts[i]);
	for (size_t i = 0; i < demo_negotiations_n; i++)
		demo_negotiation(d, &demo_negotiations[i]);
}

/* How far the demo's dates reach from today.  Ahead: the day after the
 * latest contract end (each term's start is computed from it) and the
 * latest action due.  Back: every "ago", each contract's first term (at
 * most 31 days a month before the day after its end), and the quarters
 * of figures before today's. */
static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int demo_days_ahead(void)
{
	int ahead = 0;

	for (size_t i = 0; i < demo_contracts_n; i++)
		ahead = max_int(ahead, demo_contracts[i].end + 1);
	for (size_t i = 0; i < demo_actions_n; i++)
		ahead = max_int(ahead, demo_actions[i].due);
	return ahead;
}

static int demo_days_back(void)
{
	int back = (DEMO_QUARTERS + 1) * 92;

	for (size_t i = 0; i < demo_partners_n; i++) {
		const struct demo_partner *p = &demo_partners[i];

		back = max_int(back, max_int(p->scored_ago, p->status_ago));
		for (int k = 0; k < 8; k++)
			back = max_int(back, p->moved_ago[k]);
	}
	for (size_t i = 0; i < demo_contracts_n; i++) {
		const struct demo_contract *c = &demo_contracts[i];
		long term = c->renewal_months ? strtol(c->renewal_months, NULL, 10)
					      : RENEWAL_MONTHS_DEFAULT;
		int months = c->renewals > 0 ? (int)term * (c->renewals + 1) : c->months;

		back = max_int(back, months * 31 - c->end - 1);
	}
	for (size_t i = 0; i < demo_reviews_n; i++)
		back = max_int(back, demo_reviews[i].ago);
	for (size_t i = 0; i < demo_actions_n; i++)
		back = max_int(back, -demo_actions[i].due);
	for (size_t i = 0; i < demo_conflicts_n; i++)
		back = max_int(back, demo_conflicts[i].opened_ago);
	return back;
}

/* Every date of the demo must be one the database can hold (years
 * 1000-9999), or a contract ends up with no start: refuse such a today
 * before anything is written. */
static int demo_check_today(ally_date today, const char *field, struct ally_err *err)
{
	ally_date last = date_from_ymd(DATE_YEAR_MAX, 12, 31) - demo_days_ahead();
	ally_date first = date_from_ymd(DATE_YEAR_MIN, 1, 1) + demo_days_back();
	char day[DATE_BUFSZ];

	if (today > last)
		return ally_err_set(err, ALLY_EUSER, field, "the demo needs a date before %s",
				    date_format(last + 1, day));
	if (today < first)
		return ally_err_set(err, ALLY_EUSER, field, "the demo needs a date after %s",
				    date_format(first - 1, day));
	return ALLY_OK;
}

/* The demo must not mix with real data, so only an empty database takes it. */
static int demo_check_empty(struct store *s, struct ally_err *err)
{
	int64_t n = 0;
	int rc = store_partner_count(s, &n, err);

	if (rc != ALLY_OK)
		return rc;
	if (n > 0)
		return ally_err_set(err, ALLY_EUSER, "demo",
				    "the database already has %lld partner%s; use an empty one",
				    (long long)n, n == 1 ? "" : "s");
	return ALLY_OK;
}

int demo_load(struct store *s, ally_date today, const char *today_field, const char *user,
	      struct demo_counts *counts_out, struct ally_err *err)
{
	struct demo d = { s, today, user, err, ALLY_OK, NULL, NULL };

	d.rc = demo_check_today(today, today_field != NULL ? today_field : "today", err);
	if (d.rc == ALLY_OK)
		d.rc = demo_check_empty(s, err);
	if (d.rc != ALLY_OK)
		return d.rc;
	d.partner_ids = xcalloc(demo_partners_n, sizeof *d.partner_ids);
	d.contract_ids = xcalloc(demo_contracts_n, sizeof *d.contract_ids);
	demo_fill(&d);
	if (d.rc == ALLY_OK && counts_out != NULL)
		*counts_out = (struct demo_counts){ .partners = demo_partners_n,
						    .contracts = demo_contracts_n,
						    .contacts = demo_contacts_n,
						    .reviews = demo_reviews_n,
						    .conflicts = demo_conflicts_n };
	free(d.partner_ids);
	free(d.contract_ids);
	return d.rc;
}
