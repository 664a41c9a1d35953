/* act-items.c: forms for the items of a partner's detail: contacts,
 * reviews, action items, key figures and scorings.  Each field is
 * checked as it is left by the core's setter for that entity on a
 * scratch record, so a form refuses what the CLI refuses, in the same
 * words; each save is one store transaction. */
#include "act-items.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/review.h"
#include "ally/score.h"
#include "ally/ui-form.h"
#include "ally/util.h"

/* End the transaction the caller began: commit when rc is ALLY_OK, else
 * (or when the commit fails) roll back.  Returns the final status. */
static int tx_finish(struct tui *t, int rc, struct ally_err *err)
{
	if (rc == ALLY_OK)
		rc = store_commit(t->store, err);
	if (rc != ALLY_OK)
		store_rollback(t->store);
	return rc;
}

static void set_added(int64_t *added, int64_t id)
{
	if (added != NULL)
		*added = id;
}

/* ---- contacts ---- */

static const struct ufield_spec contact_fields[] = {
	{ "name", "Name", UF_TEXT, NULL, false, 0 },
	{ "role", "Role", UF_TEXT, NULL, false, 0 },
	{ "email", "Email", UF_TEXT, NULL, false, 0 },
	{ "phone", "Phone", UF_TEXT, NULL, false, 24 },
};
#define CONTACT_FORM_N (sizeof contact_fields / sizeof contact_fields[0])

struct contact_ctx {
	struct tui *t;
	struct contact scratch; /* each field is checked on it as it is left */
	/* The contact edited as read (copied: the detail may reload under the
	 * form), the base of the merge; id 0 to add. */
	struct contact base;
	int64_t partner_id;
	int64_t saved_id;
};

/* Field i of the form as c gives it ("" when unset). */
static const char *contact_text(const struct contact *c, size_t i)
{
	const char *v = i == 0 ? c->name : i == 1 ? c->role : i == 2 ? c->email : c->phone;

	return v != NULL ? v : "";
}

static void contact_copy_of(struct contact *dst, const struct contact *src)
{
	contact_init(dst);
	dst->id = src->id;
	dst->partner_id = src->partner_id;
	dst->version = src->version;
	str_set(&dst->name, src->name);
	str_set(&dst->role, src->role);
	str_set(&dst->email, src->email);
	str_set(&dst->phone, src->phone);
}

static int contact_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct contact_ctx *c = ctx;

	return contact_set_field(&c->scratch, name, value, err);
}

static int contact_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct contact_ctx *c = ctx;
	bool add = c->base.id == 0;
	struct contact k;
	int rc = ALLY_OK;

	/* An edit sets what the user changed on the contact as read, and
	 * writes only that over the stored one (a field another session
	 * changed meanwhile too is refused by name). */
	contact_copy_of(&k, &c->base);
	for (size_t i = 0; i < CONTACT_FORM_N && rc == ALLY_OK; i++) {
		const char *v = uform_value(f, i);

		if (add || strcmp(v, contact_text(&c->base, i)) != 0)
			rc = contact_set_field(&k, contact_fields[i].name, v, err);
	}
	if (rc == ALLY_OK)
		rc = contact_validate(&k, err);
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK)
		rc = tx_finish(c->t,
			       add ? store_contact_add(c->t->store, &k, err)
				   : store_contact_merge(c->t->store, &c->base, &k,
							 "the form opened", err),
			       err);
	if (rc == ALLY_OK)
		c->saved_id = k.id;
	else
		tui_form_conflict(f, err);
	contact_finish(&k);
	return rc;
}

bool tui_act_contact(struct tui *t, int64_t partner_id, const struct contact *orig, int64_t *added)
{
	struct contact_ctx c;
	struct uform *f;
	bool saved;

	memset(&c, 0, sizeof c);
	c.t = t;
	c.partner_id = partner_id;
	contact_init(&c.scratch);
	contact_init(&c.base);
	c.base.partner_id = partner_id;
	set_added(added, 0);
	f = uform_new(contact_fields, CONTACT_FORM_N, contact_check, &c);
	if (orig != NULL) {
		contact_finish(&c.base);
		contact_copy_of(&c.base, orig);
		for (size_t i = 0; i < CONTACT_FORM_N; i++)
			uform_prefill(f, i, contact_text(&c.base, i));
	}
	saved = tui_form(t, orig != NULL ? "Edit contact" : "New contact", f, contact_save, &c);
	if (saved) {
		tui_changed(t);
		tui_msg(t, "Contact %s: %s", uform_value(f, 0), orig != NULL ? "saved" : "added");
		if (orig == NULL)
			set_added(added, c.saved_id);
	}
	uform_free(f);
	contact_finish(&c.scratch);
	contact_finish(&c.base);
	return saved;
}

/* ---- reviews ---- */

static const struct ufield_spec review_fields[] = {
	{ "kind", "Kind", UF_CHOICE, review_kind_names, false, 14 },
	{ "date", "Date", UF_DATE, NULL, false, 10 },
	{ "attendees", "Attendees", UF_TEXT, NULL, false, 0 },
	{ "notes", "Notes", UF_TEXT, NULL, false, 0 },
	{ "decisions", "Decisions", UF_TEXT, NULL, false, 0 },
};
#define REVIEW_FORM_N (sizeof review_fields / sizeof review_fields[0])

struct review_ctx {
	struct tui *t;
	struct review scratch;
	int64_t partner_id;
	int64_t saved_id;
};

static int review_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct review_ctx *c = ctx;

	return review_set_field(&c->scratch, name, value, err);
}

static int review_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct review_ctx *c = ctx;
	struct review r;
	int rc = ALLY_OK;

	review_init(&r);
	r.partner_id = c->partner_id;
	for (size_t i = 0; i < REVIEW_FORM_N && rc == ALLY_OK; i++)
		rc = review_set_field(&r, review_fields[i].name, uform_value(f, i), err);
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK)
		rc = tx_finish(c->t, store_review_add(c->t->store, &r, err), err);
	if (rc == ALLY_OK)
		c->saved_id = r.id;
	review_finish(&r);
	return rc;
}

bool tui_act_review_add(struct tui *t, int64_t partner_id, int64_t *added)
{
	struct review_ctx c;
	char today[DATE_BUFSZ];
	struct uform *f;
	bool saved;

	memset(&c, 0, sizeof c);
	c.t = t;
	c.partner_id = partner_id;
	review_init(&c.scratch);
	set_added(added, 0);
	f = uform_new(review_fields, REVIEW_FORM_N, review_check, &c);
	uform_prefill(f, 1, date_format(t->today, today));
	saved = tui_form(t, "New review", f, review_save, &c);
	if (saved) {
		tui_changed(t);
		tui_msg(t, "Review of %s added", uform_value(f, 1));
		set_added(added, c.saved_id);
	}
	uform_free(f);
	review_finish(&c.scratch);
	return saved;
}

/* ---- action items ---- */

static const struct ufield_spec action_fields[] = {
	{ "text", "Action", UF_TEXT, NULL, false, 0 },
	{ "owner", "Owner", UF_TEXT, NULL, false, 24 },
	{ "due", "Due", UF_DATE, NULL, false, 10 },
	{ "review", "From review", UF_CHOICE, NULL, true, 0 }, /* choices set per form */
};
#define ACTION_FORM_N (sizeof action_fields / sizeof action_fields[0])

struct action_ctx {
	struct tui *t;
	struct action_item scratch;
	int64_t partner_id;
	int64_t *review_ids; /* of the choices, copied: the detail may reload */
	size_t nreviews;
	int64_t saved_id;
};

static int action_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct action_ctx *c = ctx;

	if (strcmp(name, "review") == 0)
		return ALLY_OK; /* picked from the list: always one of them */
	return action_item_set_field(&c->scratch, name, value, err);
}

static int action_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct action_ctx *c = ctx;
	struct action_item a;
	int review = uform_choice(f, 3), rc = ALLY_OK;

	action_item_init(&a);
	a.partner_id = c->partner_id;
	if (review >= 0 && (size_t)review < c->nreviews)
		a.review_id = c->review_ids[review];
	for (size_t i = 0; i < 3 && rc == ALLY_OK; i++)
		rc = action_item_set_field(&a, action_fields[i].name, uform_value(f, i), err);
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK)
		rc = tx_finish(c->t, store_action_add(c->t->store, &a, err), err);
	if (rc == ALLY_OK)
		c->saved_id = a.id;
	action_item_finish(&a);
	return rc;
}

/* "2026-03-01 qbr (#12)": the id tells two reviews of one day apart. */
static char **review_choices(const struct review_list *l)
{
	char **items = xcalloc(l->n + 1, sizeof *items);
	char day[DATE_BUFSZ];

	for (size_t i = 0; i < l->n; i++)
		items[i] = xasprintf("%s %s (#%lld)", date_format(l->rows[i].date, day),
				     enum_name(review_kind_names, l->rows[i].kind),
				     (long long)l->rows[i].id);
	return items;
}

static void choices_free(char **items)
{
	for (size_t i = 0; items != NULL && items[i] != NULL; i++)
		free(items[i]);
	free(items);
}

bool tui_act_action_add(struct tui *t, int64_t partner_id, const struct review_list *reviews,
			int64_t *added)
{
	struct ufield_spec specs[ACTION_FORM_N];
	struct action_ctx c;
	char **choices = review_choices(reviews);
	struct uform *f;
	bool saved;

	memcpy(specs, action_fields, sizeof specs);
	specs[3].choices = (const char *const *)choices;
	memset(&c, 0, sizeof c);
	c.t = t;
	c.partner_id = partner_id;
	c.nreviews = reviews->n;
	c.review_ids = xcalloc(reviews->n + 1, sizeof *c.review_ids);
	for (size_t i = 0; i < reviews->n; i++)
		c.review_ids[i] = reviews->rows[i].id;
	action_item_init(&c.scratch);
	set_added(added, 0);
	/* Without reviews there is nothing to pick: the field is left out. */
	f = uform_new(specs, reviews->n > 0 ? ACTION_FORM_N : ACTION_FORM_N - 1, action_check, &c);
	uform_prefill(f, 1, t->user);
	saved = tui_form(t, "New action item", f, action_save, &c);
	if (saved) {
		tui_changed(t);
		tui_msg(t, "Action item added");
		set_added(added, c.saved_id);
	}
	uform_free(f);
	action_item_finish(&c.scratch);
	choices_free(choices);
	free(c.review_ids);
	return saved;
}

bool tui_act_action_toggle(struct tui *t, const struct action_item *a)
{
	/* Copied: painting under the question may reload the detail. */
	int64_t id = a->id;
	bool done = a->done;
	struct ally_err err;
	char *q;
	bool yes;
	int rc;

	q = xasprintf(done ? "Open the action item again?\n%s" : "Mark the action item done?\n%s",
		      a->text != NULL ? a->text : "");
	yes = tui_confirm(t, q);
	free(q);
	if (!yes)
		return false;
	ally_err_clear(&err);
	rc = store_begin(t->store, &err);
	if (rc == ALLY_OK)
		rc = tx_finish(t, store_action_set_done(t->store, id, !done, &err), &err);
	if (rc != ALLY_OK) {
		tui_error(t, &err);
		return false;
	}
	tui_changed(t);
	tui_msg(t, done ? "Action item open again" : "Action item done");
	return true;
}

bool tui_act_review_or_action(struct tui *t, int64_t partner_id, const struct review_list *reviews,
			      int64_t *added, bool *added_review)
{
	static const char *const items[] = { "A review (meeting held)", "An action item" };
	int r = tui_menu(t, "Add", items, 2, 0);

	*added_review = r == 0;
	set_added(added, 0);
	if (r == 0)
		return tui_act_review_add(t, partner_id, added);
	if (r == 1)
		return tui_act_action_add(t, partner_id, reviews, added);
	return false;
}

/* ---- key figures ---- */

static const struct ufield_spec figure_fields[] = {
	{ "quarter", "Quarter", UF_TEXT, NULL, false, 8 },
	{ "metric", "Metric", UF_CHOICE, metric_names, false, 18 },
	{ "target", "Target", UF_TEXT, NULL, false, 16 },
	{ "actual", "Actual", UF_TEXT, NULL, false, 16 },
};
#define FIGURE_FORM_N (sizeof figure_fields / sizeof figure_fields[0])

struct figure_ctx {
	struct tui *t;
	struct uform *f;  /* target and actual read in the metric chosen */
	int64_t partner_id;
	/* The line edited, as read (copied: the detail may reload under the
	 * form); edit is false for a new line. */
	bool edit;
	int read_quarter, read_metric;
	int64_t read_target, read_actual;
	int quarter, metric; /* what was saved */
};

/* A value of the metric chosen in the form; "" leaves it as it is. */
static int figure_value(struct figure_ctx *c, const char *value, int64_t *out,
			struct ally_err *err)
{
	int m = uform_choice(c->f, 1);

	*out = -1;
	if (value == NULL || *value == '\0')
		return ALLY_OK;
	if (m < 0)
		return ally_err_set(err, ALLY_EUSER, "metric", "pick a metric first");
	return metric_value_parse((enum metric)m, value, out, err);
}

static int figure_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct figure_ctx *c = ctx;
	int64_t v;
	int q, rc;

	if (strcmp(name, "quarter") == 0)
		return quarter_parse_field(value, "quarter", &q, err);
	if (strcmp(name, "metric") == 0)
		return enum_parse_field(metric_names, value, "metric", err) < 0 ? ALLY_EUSER
										  : ALLY_OK;
	rc = figure_value(c, value, &v, err);
	if (rc == ALLY_OK)
		return rc;
	/* The core names the metric ("revenue: ..."); the form's field is
	 * target or actual. */
	return ally_err_rename(err, name);
}

/* Saving the line the form was opened on: are its values still the ones
 * shown?  Inside the save's transaction, so that a value another session
 * set meanwhile is reported, not overwritten with the one read before. */
static int figure_unchanged(struct figure_ctx *c, int q, int m, struct ally_err *err)
{
	struct figures_list l = { NULL, 0 };
	int64_t target = -1, actual = -1;
	int rc;

	if (!c->edit || q != c->read_quarter || m != c->read_metric)
		return ALLY_OK;
	rc = store_figures(c->t->store, c->partner_id, &l, err);
	for (size_t i = 0; rc == ALLY_OK && i < l.n; i++) {
		if (l.rows[i].quarter == q) {
			target = l.rows[i].target[m];
			actual = l.rows[i].actual[m];
		}
	}
	if (rc == ALLY_OK && (target != c->read_target || actual != c->read_actual))
		rc = ally_err_set(err, ALLY_EUSER, "key figure",
				  "changed by someone else meanwhile; Esc, then e again");
	figures_list_finish(&l);
	return rc;
}

static int figure_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct figure_ctx *c = ctx;
	int64_t target = -1, actual = -1;
	int q = 0, m = uform_choice(f, 1);
	int rc = quarter_parse_field(uform_value(f, 0), "quarter", &q, err);

	if (rc == ALLY_OK && m < 0)
		rc = ally_err_set(err, ALLY_EUSER, "metric", "pick a metric");
	if (rc == ALLY_OK)
		rc = figure_value(c, uform_value(f, 2), &target, err);
	if (rc == ALLY_OK)
		rc = figure_value(c, uform_value(f, 3), &actual, err);
	if (rc == ALLY_OK && target < 0 && actual < 0)
		rc = ally_err_set(err, ALLY_EUSER, "target", "give a target, an actual, or both");
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK) {
		rc = figure_unchanged(c, q, m, err);
		if (rc == ALLY_OK)
			rc = store_figure_set(c->t->store, c->partner_id, q, (enum metric)m,
					      target, actual, err);
		rc = tx_finish(c->t, rc, err);
	}
	if (rc == ALLY_OK) {
		c->quarter = q;
		c->metric = m;
	}
	return rc;
}

bool tui_act_figure(struct tui *t, int64_t partner_id, int quarter, int metric,
		    const struct quarter_figures *cur)
{
	struct figure_ctx c = { t, NULL, partner_id, false, 0, -1, -1, -1, 0, 0 };
	char qbuf[8], vbuf[32];
	bool saved;

	c.f = uform_new(figure_fields, FIGURE_FORM_N, figure_check, &c);
	uform_prefill(c.f, 0, quarter_format(quarter, qbuf));
	uform_prefill(c.f, 1, enum_name(metric_names, metric));
	if (cur != NULL && metric >= 0 && metric < METRIC_COUNT) {
		c.edit = true;
		c.read_quarter = cur->quarter;
		c.read_metric = metric;
		c.read_target = cur->target[metric];
		c.read_actual = cur->actual[metric];
		if (cur->target[metric] >= 0)
			uform_prefill(c.f, 2, metric_value_format((enum metric)metric,
								  cur->target[metric], vbuf));
		if (cur->actual[metric] >= 0)
			uform_prefill(c.f, 3, metric_value_format((enum metric)metric,
								  cur->actual[metric], vbuf));
	}
	saved = tui_form(t, cur != NULL ? "Edit key figure" : "New key figure", c.f, figure_save,
			 &c);
	if (saved) {
		tui_changed(t);
		tui_msg(t, "%s %s saved", quarter_format(c.quarter, qbuf), metric_names[c.metric]);
	}
	uform_free(c.f);
	return saved;
}

/* ---- scorings ---- */

static const struct ufield_spec score_fields[] = {
	{ "fit", "Strategic fit (x30)", UF_NUMBER, NULL, false, 4 },
	{ "reach", "Market reach (x25)", UF_NUMBER, NULL, false, 4 },
	{ "capabilities", "Capabilities (x20)", UF_NUMBER, NULL, false, 4 },
	{ "financial", "Financial health (x15)", UF_NUMBER, NULL, false, 4 },
	{ "track_record", "Track record (x10)", UF_NUMBER, NULL, false, 4 },
};

struct score_ctx {
	struct tui *t;
	int64_t partner_id;
	int w; /* W of what was saved */
};

static int score_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	return uform_check_number(name, value, true, 0, 100, NULL, err);
}

static int *criterion_slot(struct score_input *in, int c)
{
	switch (c) {
	case CRIT_FIT: return &in->fit;
	case CRIT_REACH: return &in->reach;
	case CRIT_CAPABILITIES: return &in->capabilities;
	case CRIT_FINANCIAL: return &in->financial;
	default: return &in->track_record;
	}
}

static int score_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct score_ctx *c = ctx;
	struct score_input in = { 0, 0, 0, 0, 0 };
	int rc = ALLY_OK;
	long v;

	for (int i = 0; i < CRIT_COUNT && rc == ALLY_OK; i++) {
		rc = uform_check_number(score_fields[i].name, uform_value(f, (size_t)i), true, 0,
					100, &v, err);
		*criterion_slot(&in, i) = (int)v;
	}
	if (rc == ALLY_OK)
		rc = score_validate(&in, err);
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK)
		rc = tx_finish(c->t,
			       store_score_add(c->t->store, c->partner_id, &in, c->t->today, &c->w,
					       err),
			       err);
	return rc;
}

bool tui_act_score(struct tui *t, const struct partner *p)
{
	struct score_ctx c = { t, p->id, -1 };
	struct uform *f = uform_new(score_fields, CRIT_COUNT, score_check, &c);
	char num[16], score[8];
	enum tier tier;
	bool saved;

	for (int i = 0; p->score_w >= 0 && i < CRIT_COUNT; i++) {
		snprintf(num, sizeof num, "%d", score_criterion(&p->score_in, (enum criterion)i));
		uform_prefill(f, (size_t)i, num);
	}
	saved = tui_form(t, "New scoring (0-100 each)", f, score_save, &c);
	if (saved) {
		tier = score_tier(c.w);
		tui_changed(t);
		tui_msg(t, "Scored %s, %s%s", score_format(c.w, score),
			tier == TIER_UNQUALIFIED ? "" : "tier ", tier_name(tier));
	}
	uform_free(f);
	return saved;
}
