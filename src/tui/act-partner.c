/* act-partner.c: the changes a user makes to a partner from any screen:
 * status, phase, fields, long texts, and the sample portfolio.  Each one
 * asks through a form, a menu or a confirmation, validates with the same
 * core routines as the CLI, and writes through the store in one
 * transaction, so it lands in the audit log like `ally partner set`. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/demo.h"
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/store.h"
#include "ally/text.h"
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

/* Read partner id into p; on failure the error is on the status line. */
static bool read_partner(struct tui *t, int64_t id, struct partner *p)
{
	struct ally_err err;

	ally_err_clear(&err);
	if (store_partner_get(t->store, id, p, &err) == ALLY_OK)
		return true;
	tui_error(t, &err);
	return false;
}

static const char *arrow(const struct tui *t)
{
	return t->utf8 ? "\xe2\x86\x92" : "->";
}

/* ---- h: status ---- */

static const struct ufield_spec status_fields[] = {
	{ "health", "Health", UF_CHOICE, health_names, false, 10 },
	{ "note", "Note", UF_TEXT, NULL, false, 0 },
};

struct status_ctx {
	struct tui *t;
	int64_t id;
	int health; /* what was saved */
	/* The status the form was prefilled with; once a save is refused for
	 * a status recorded meanwhile, that one, so the next save is made
	 * knowing it. */
	int base_health;
	char *base_note;
	ally_date base_date;
	char *base_author;
	bool refused; /* a save was refused so: the status line says what next */
};

static void status_base(struct status_ctx *c, const struct partner *p)
{
	c->base_health = p->health;
	str_set(&c->base_note, p->status_note);
	c->base_date = p->status_date;
	str_set(&c->base_author, p->status_author);
}

/* A text as a message quotes it: cut to 40 columns. */
static char *cut(const char *s)
{
	char *fit = text_fit(s, 40, 0, 0), *out;

	if (strcmp(fit, s) == 0)
		return fit;
	out = xasprintf("%s...", fit);
	free(fit);
	return out;
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Inside the save's transaction: is the partner's status still the one
 * the form was opened on?  A status another session recorded meanwhile
 * is reported, not written over; the base becomes that status, so a
 * second save writes this one over it deliberately. */
static int status_unchanged(struct status_ctx *c, bool *moved, struct ally_err *err)
{
	struct partner now;
	int rc = store_partner_get(c->t->store, c->id, &now, err);

	if (rc != ALLY_OK)
		return rc;
	if (now.health != c->base_health || !same_text(now.status_note, c->base_note) ||
	    now.status_date != c->base_date || !same_text(now.status_author, c->base_author)) {
		const char *h = enum_name(health_names, now.health);
		char *note = now.status_note != NULL && now.status_note[0] != '\0'
				     ? cut(now.status_note)
				     : NULL;

		rc = ally_err_set(err, ALLY_EUSER, "status",
				  "changed by someone else to %s%s%s%s since the form opened",
				  h != NULL ? h : "none", note != NULL ? " ('" : "",
				  note != NULL ? note : "", note != NULL ? "')" : "");
		free(note);
		status_base(c, &now);
		*moved = true;
	}
	partner_finish(&now);
	return rc;
}

static int status_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	if (strcmp(name, "health") == 0)
		return enum_parse_field(health_names, value, "health", err) < 0 ? ALLY_EUSER
										  : ALLY_OK;
	return text_check(value, "note", TEXT_LINE_MAX, false, err);
}

static int status_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct status_ctx *c = ctx;
	const char *note = uform_value(f, 1);
	int h = enum_parse_field(health_names, uform_value(f, 0), "health", err), rc;
	bool moved = false;

	if (h < 0)
		return ALLY_EUSER;
	rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK) {
		rc = status_unchanged(c, &moved, err);
		if (rc == ALLY_OK)
			rc = store_status_add(c->t->store, c->id, h,
					      note[0] != '\0' ? note : NULL, c->t->today, err);
		rc = tx_finish(c->t, rc, err);
	}
	if (rc == ALLY_OK)
		c->health = h;
	if (moved) {
		c->refused = true;
		tui_msg(c->t, "Ctrl-S again records yours over it; Esc keeps theirs");
	}
	return rc;
}

bool tui_act_status(struct tui *t, int64_t partner_id)
{
	struct status_ctx c = { t, partner_id, -1, -1, NULL, DATE_NONE, NULL, false };
	struct partner p;
	struct uform *f;
	char *title;
	bool saved;

	if (!read_partner(t, partner_id, &p))
		return false;
	f = uform_new(status_fields, 2, status_check, &c);
	/* Never set: no guess; the form asks for one. */
	uform_prefill(f, 0, enum_name(health_names, p.health));
	uform_prefill(f, 1, p.status_note);
	status_base(&c, &p);
	title = xasprintf("Status of %s", p.name);
	t->form = (struct tui_form_id){ "status", partner_id, partner_id };
	saved = tui_form(t, title, f, status_save, &c);
	if (saved) {
		tui_changed(t);
		tui_msg(t, "%s: status %s", p.name, health_names[c.health]);
	} else if (c.refused) {
		tui_msg(t, "%s: status not changed; the other one stays", p.name);
	}
	free(c.base_note);
	free(c.base_author);
	free(title);
	uform_free(f);
	partner_finish(&p);
	return saved;
}

/* ---- >: phase ---- */

/* The menu of allowed targets, the default step preselected when there is
 * one; the chosen phase, or -1 when cancelled. */
static int pick_phase(struct tui *t, enum phase from)
{
	enum phase targets[PHASE_COUNT], def;
	const char *items[PHASE_COUNT];
	struct ally_err err;
	size_t n = phase_targets(from, targets);
	bool has_def = phase_resolve_move(from, -1, &def, &err) == ALLY_OK;
	int pre = 0, r;
	char *title;

	for (size_t i = 0; i < n; i++) {
		items[i] = phase_names[targets[i]];
		if (has_def && def == targets[i])
			pre = (int)i;
	}
	title = xasprintf("Move from %s to", phase_names[from]);
	r = tui_menu(t, title, items, (int)n, pre);
	free(title);
	return r >= 0 ? (int)targets[r] : -1;
}

/* Is the partner still in the phase the menu was made for?  Inside the
 * move's transaction: the targets offered, and the one picked, were for
 * that phase, so a move made meanwhile by another session is reported
 * rather than built on. */
static int phase_unchanged(struct tui *t, const struct partner *read, struct ally_err *err)
{
	struct partner now;
	int rc;

	partner_init(&now);
	rc = store_partner_get(t->store, read->id, &now, err);
	if (rc == ALLY_OK && now.phase != read->phase)
		rc = ally_err_set(err, ALLY_EUSER, "phase", "moved to %s by someone else meanwhile",
				  enum_name(phase_names, now.phase) != NULL
					  ? enum_name(phase_names, now.phase)
					  : "another phase");
	partner_finish(&now);
	return rc;
}

bool tui_act_advance(struct tui *t, int64_t partner_id)
{
	enum phase from, to;
	struct ally_err err;
	struct partner p;
	char *note = NULL;
	int target, rc;

	if (!read_partner(t, partner_id, &p))
		return false;
	ally_err_clear(&err);
	target = pick_phase(t, (enum phase)p.phase);
	if (target < 0 || !tui_prompt(t, "Note (Enter alone skips): ", "", &note)) {
		tui_msg(t, "%s: phase not changed", p.name);
		partner_finish(&p);
		return false;
	}
	rc = text_check(note, "note", TEXT_LINE_MAX, false, &err);
	if (rc == ALLY_OK)
		rc = store_begin(t->store, &err);
	if (rc == ALLY_OK) {
		rc = phase_unchanged(t, &p, &err);
		if (rc == ALLY_OK)
			rc = store_phase_move(t->store, partner_id, target,
					      note[0] != '\0' ? note : NULL, t->today, &from, &to,
					      &err);
		rc = tx_finish(t, rc, &err);
	}
	if (rc == ALLY_OK) {
		tui_changed(t);
		tui_msg(t, "%s: phase %s %s %s", p.name, phase_names[from], arrow(t),
			phase_names[to]);
	} else {
		tui_error(t, &err);
	}
	free(note);
	partner_finish(&p);
	return rc == ALLY_OK;
}

/* ---- a and e: the partner's fields ---- */

void tui_form_conflict(struct uform *f, const struct ally_err *err)
{
	if (err->reason == AR_CONFLICT)
		uform_set_error(f, NULL, "Ctrl-S again saves yours over theirs; Esc keeps theirs");
}

/* The one-line fields, in the order of `ally partner add`; the long
 * texts are E's. */
static const struct ufield_spec partner_form_fields[] = {
	{ "name", "Name", UF_TEXT, NULL, false, 0 },
	{ "type", "Type", UF_CHOICE, partner_type_names, false, 20 },
	{ "owner", "Owner", UF_TEXT, NULL, false, 24 },
	{ "origin", "Origin", UF_CHOICE, partner_origin_names, true, 20 },
	{ "power", "Power", UF_CHOICE, partner_power_names, true, 20 },
	{ "goal", "Goal", UF_CHOICE, partner_goal_names, true, 20 },
	{ "region", "Region", UF_TEXT, NULL, false, 0 },
	{ "website", "Website", UF_TEXT, NULL, false, 0 },
};
#define PARTNER_FORM_N (sizeof partner_form_fields / sizeof partner_form_fields[0])

struct partner_ctx {
	struct tui *t;
	/* As read (edit): what the form's fields are compared with to tell
	 * what the user changed, and the base of the merge (a field another
	 * session changed too takes its value once the save names it); or
	 * new (add). */
	struct partner orig;
	struct partner scratch; /* where each field is checked as it is left */
	struct partner saved;   /* what was written, once saved */
	bool add;
};

static int partner_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct partner_ctx *c = ctx;

	return partner_set_field(&c->scratch, name, value, c->add, err);
}

/* Field i of the form as p gives it ("" when unset). */
static const char *partner_text(const struct partner *p, size_t i)
{
	const char *v;

	switch (i) {
	case 0: v = p->name; break;
	case 1: v = enum_name(partner_type_names, p->type); break;
	case 2: v = p->owner; break;
	case 3: v = enum_name(partner_origin_names, p->origin); break;
	case 4: v = enum_name(partner_power_names, p->power); break;
	case 5: v = enum_name(partner_goal_names, p->goal); break;
	case 6: v = p->region; break;
	default: v = p->website; break;
	}
	return v != NULL ? v : "";
}

static int partner_save(void *ctx, struct uform *f, struct ally_err *err)
{
	struct partner_ctx *c = ctx;
	struct partner p;
	int rc = ALLY_OK;

	/* From the record as read each time, so a refused save leaves nothing
	 * half-applied for the next try; only what the user changed is set
	 * (an edit), so only that is written over the stored partner. */
	partner_copy(&p, &c->orig);
	for (size_t i = 0; i < PARTNER_FORM_N && rc == ALLY_OK; i++) {
		const char *v = uform_value(f, i);

		if (c->add || strcmp(v, partner_text(&c->orig, i)) != 0)
			rc = partner_set_field(&p, partner_form_fields[i].name, v, c->add, err);
	}
	if (rc == ALLY_OK)
		rc = partner_validate(&p, err);
	if (rc == ALLY_OK)
		rc = store_begin(c->t->store, err);
	if (rc == ALLY_OK)
		rc = tx_finish(c->t,
			       c->add ? store_partner_add(c->t->store, &p, err)
				      : store_partner_merge(c->t->store, &c->orig, &p,
							    "the form opened", err),
			       err);
	if (rc == ALLY_OK) {
		partner_finish(&c->saved);
		c->saved = p;
	} else {
		tui_form_conflict(f, err);
		partner_finish(&p);
	}
	return rc;
}

static void partner_prefill(struct uform *f, const struct partner *p)
{
	for (size_t i = 0; i < PARTNER_FORM_N; i++)
		uform_prefill(f, i, partner_text(p, i));
}

/* The form for partner id (0: a new one); the id saved, or 0. */
static int64_t partner_form(struct tui *t, int64_t id)
{
	struct partner_ctx c;
	struct uform *f;
	int64_t saved_id = 0;
	char *title;

	memset(&c, 0, sizeof c);
	c.t = t;
	c.add = id == 0;
	partner_init(&c.saved);
	if (c.add) {
		partner_init(&c.orig);
		/* domain.md: the owner defaults to whoever adds it. */
		c.orig.owner = xstrdup(t->user);
	} else if (!read_partner(t, id, &c.orig)) {
		partner_finish(&c.saved);
		return 0;
	}
	partner_copy(&c.scratch, &c.orig);
	f = uform_new(partner_form_fields, PARTNER_FORM_N, partner_check, &c);
	partner_prefill(f, &c.orig);
	title = c.add ? xstrdup("New partner") : xasprintf("Edit %s", c.orig.name);
	t->form = (struct tui_form_id){ "partner", id, id };
	if (tui_form(t, title, f, partner_save, &c)) {
		saved_id = c.saved.id;
		tui_changed(t);
		tui_msg(t, "%s: %s", c.saved.name, c.add ? "added" : "saved");
	}
	free(title);
	uform_free(f);
	partner_finish(&c.orig);
	partner_finish(&c.scratch);
	partner_finish(&c.saved);
	return saved_id;
}

bool tui_act_partner_form(struct tui *t, int64_t partner_id)
{
	return partner_form(t, partner_id) != 0;
}

int64_t tui_act_partner_add(struct tui *t)
{
	return partner_form(t, 0);
}

/* ---- E: long texts in the editor ---- */

static const char *const text_fields[] = { "notes", "value_partner", "value_us",
					   "value_together" };
static const char *const text_labels[] = { "Notes", "Value for the partner", "Value for us",
					   "Value together" };
#define TEXT_FIELDS_N 4

static char **text_slot(struct partner *p, const char *field)
{
	if (strcmp(field, "value_partner") == 0)
		return &p->value_partner;
	if (strcmp(field, "value_us") == 0)
		return &p->value_us;
	if (strcmp(field, "value_together") == 0)
		return &p->value_together;
	return &p->notes;
}

/* Which text: field itself, or the user's pick; NULL when cancelled. */
static const char *pick_text(struct tui *t, const char *field)
{
	int r;

	if (field != NULL)
		return field;
	r = tui_menu(t, "Edit which text", text_labels, TEXT_FIELDS_N, 0);
	return r >= 0 ? text_fields[r] : NULL;
}

static const char *text_label(const char *field)
{
	for (int i = 0; i < TEXT_FIELDS_N; i++)
		if (strcmp(field, text_fields[i]) == 0)
			return text_labels[i];
	return field;
}

bool tui_act_partner_text(struct tui *t, int64_t partner_id, const char *field)
{
	struct ally_err err;
	struct partner base, p;
	char *text = NULL, *path = NULL, *before;
	bool saved = false;
	int rc;

	field = pick_text(t, field);
	if (field == NULL || !read_partner(t, partner_id, &base))
		return false;
	ally_err_clear(&err);
	partner_copy(&p, &base);
	before = xstrdup(*text_slot(&base, field) != NULL ? *text_slot(&base, field) : "");
	rc = tui_edit_text(t, before, &text, &path, &err);
	if (rc != ALLY_OK) {
		tui_error(t, &err); /* it names the file when it kept one */
		goto out;
	}
	if (strcmp(text, before) == 0) {
		tui_msg(t, "%s: %s not changed", p.name, text_label(field));
		tui_edit_remove(path);
		goto out;
	}
	/* Onto the partner as it is now: only this text is written, and
	 * refused when another session changed this very text meanwhile. */
	rc = partner_set_field(&p, field, text, false, &err);
	if (rc == ALLY_OK)
		rc = store_begin(t->store, &err);
	if (rc == ALLY_OK)
		rc = tx_finish(t, store_partner_merge(t->store, &base, &p, "the editor opened", &err),
			       &err);
	if (rc == ALLY_OK) {
		saved = true;
		tui_edit_remove(path);
		tui_changed(t);
		tui_msg(t, "%s: %s saved", p.name, text_label(field));
	} else {
		/* Whatever went wrong, what was written in the editor stays. */
		char msg[sizeof err.msg];

		uform_err_gone(&err);
		snprintf(msg, sizeof msg, "%s", err.msg);
		ally_err_set(&err, (enum ally_status)rc, NULL, "Not saved; your text is in %s: %s",
			     path, msg);
		tui_error(t, &err);
		free(path);
	}
out:
	free(before);
	free(text);
	partner_finish(&base);
	partner_finish(&p);
	return saved;
}

/* ---- D: the sample portfolio ---- */

bool tui_act_demo(struct tui *t)
{
	struct demo_counts counts;
	struct ally_err err;
	int rc;

	if (!tui_confirm(t, "Load the sample portfolio into this empty database?\n"
			    "It adds example partners, contracts and contacts dated around today."))
		return false;
	ally_err_clear(&err);
	/* demo_load refuses a database that has partners, inside the same
	 * transaction, so two sessions cannot both load it. */
	rc = store_begin(t->store, &err);
	if (rc == ALLY_OK)
		rc = tx_finish(t, demo_load(t->store, t->today, NULL, t->user, &counts, &err), &err);
	if (rc != ALLY_OK) {
		tui_error(t, &err);
		return false;
	}
	tui_changed(t);
	tui_msg(t, "Loaded the sample portfolio: %zu partners, %zu contracts.", counts.partners,
		counts.contracts);
	return true;
}
