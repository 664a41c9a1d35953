/* review.c: review cadence, reviews and action items, conflicts and
 * negotiation notes. */
#include "ally/review.h"

#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/partner.h"
#include "core.h"

const char *const review_kind_names[] = { "working_team", "steering", "qbr", NULL };
const char *const conflict_kind_names[] = { "performance", "priorities", "resources",
					    "communication", "competition", "money", NULL };
const char *const escalation_names[] = { "working_team", "steering", "executive", "formal",
					 NULL };
const char *const term_priority_names[] = { "must_have", "important", "nice_to_have", NULL };

ally_date review_next_due(enum tier tier, ally_date last, ally_date first_active_start,
			  ally_date scored_on)
{
	int months = tier_review_months(tier);
	ally_date from = last;

	if (months == 0)
		return DATE_NONE;
	if (from == DATE_NONE)
		from = first_active_start;
	if (from == DATE_NONE)
		from = scored_on;
	return date_add_months(from, months);
}

ally_date review_counting(enum tier tier, ally_date last_qbr, ally_date last_steering)
{
	if (tier == TIER_1 || last_steering == DATE_NONE)
		return last_qbr;
	if (last_qbr == DATE_NONE)
		return last_steering;
	return last_qbr > last_steering ? last_qbr : last_steering;
}

bool review_overdue(ally_date due, ally_date today)
{
	return due != DATE_NONE && due < today;
}

void review_init(struct review *r)
{
	memset(r, 0, sizeof *r);
	r->kind = -1;
	r->date = DATE_NONE;
}

void review_finish(struct review *r)
{
	free(r->attendees);
	free(r->notes);
	free(r->decisions);
	review_init(r);
}

int review_set_field(struct review *r, const char *field, const char *value, struct ally_err *err)
{
	if (strcmp(field, "kind") == 0)
		return set_enum(&r->kind, review_kind_names, value, field, true, err);
	if (strcmp(field, "date") == 0)
		return set_date(&r->date, value, field, true, err);
	if (strcmp(field, "attendees") == 0)
		return set_text(&r->attendees, value, field, TEXT_LINE_MAX, false, false, err);
	if (strcmp(field, "notes") == 0)
		return set_text(&r->notes, value, field, TEXT_LONG_MAX, true, false, err);
	if (strcmp(field, "decisions") == 0)
		return set_text(&r->decisions, value, field, TEXT_LONG_MAX, true, false, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

void action_item_init(struct action_item *a)
{
	memset(a, 0, sizeof *a);
	a->due = DATE_NONE;
}

void action_item_finish(struct action_item *a)
{
	free(a->text);
	free(a->owner);
	action_item_init(a);
}

int action_item_set_field(struct action_item *a, const char *field, const char *value,
			  struct ally_err *err)
{
	if (strcmp(field, "text") == 0)
		return set_text(&a->text, value, field, TEXT_LINE_MAX, false, true, err);
	if (strcmp(field, "owner") == 0)
		return set_text(&a->owner, value, field, TEXT_LINE_MAX, false, false, err);
	if (strcmp(field, "due") == 0)
		return set_date(&a->due, value, field, false, err);
	if (strcmp(field, "done") == 0)
		return parse_bool_field(value, field, &a->done, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

void conflict_init(struct conflict *c)
{
	memset(c, 0, sizeof *c);
	c->kind = -1;
	c->level = ESC_WORKING_TEAM;
	c->opened = DATE_NONE;
	c->resolved = DATE_NONE;
}

void conflict_finish(struct conflict *c)
{
	free(c->summary);
	free(c->resolution);
	conflict_init(c);
}

int conflict_set_field(struct conflict *c, const char *field, const char *value,
		       struct ally_err *err)
{
	if (strcmp(field, "kind") == 0)
		return set_enum(&c->kind, conflict_kind_names, value, field, true, err);
	if (strcmp(field, "level") == 0)
		return set_enum(&c->level, escalation_names, value, field, true, err);
	if (strcmp(field, "summary") == 0)
		return set_text(&c->summary, value, field, TEXT_LINE_MAX, false, true, err);
	if (strcmp(field, "opened") == 0)
		return set_date(&c->opened, value, field, true, err);
	if (strcmp(field, "resolved") == 0)
		return set_date(&c->resolved, value, field, false, err);
	if (strcmp(field, "resolution") == 0)
		return set_text(&c->resolution, value, field, TEXT_LONG_MAX, true, false, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

bool conflict_escalate(struct conflict *c)
{
	if (c->level < ESC_WORKING_TEAM || c->level >= ESC_FORMAL)
		return false;
	c->level++;
	return true;
}

void negotiation_init(struct negotiation *n)
{
	memset(n, 0, sizeof *n);
}

void negotiation_finish(struct negotiation *n)
{
	free(n->batna);
	free(n->ideal);
	free(n->acceptable);
	free(n->walk_away);
	negotiation_init(n);
}

int negotiation_set_field(struct negotiation *n, const char *field, const char *value,
			  struct ally_err *err)
{
	char **texts[] = { &n->batna, &n->ideal, &n->acceptable, &n->walk_away };
	static const char *const names[] = { "batna", "ideal", "acceptable", "walk_away" };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(field, names[i]) == 0)
			return set_text(texts[i], value, field, TEXT_LONG_MAX, true, false, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}
