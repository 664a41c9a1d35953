/* partner.c: a partner's fields, their defaults and their validation. */
#include "ally/partner.h"

#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/err.h"
#include "ally/util.h"
#include "core.h"

const char *const partner_type_names[] = { "strategic_alliance", "channel", "technology",
					   "co_marketing", "referral", "joint_venture", NULL };
const char *const partner_origin_names[] = { "executive_meeting", "bd_outreach",
					     "employee_move", "pre_acquisition",
					     "investor_intro", "organic_integration", "other",
					     NULL };
const char *const partner_power_names[] = { "big_fish", "small_fish", "equal", NULL };
const char *const partner_goal_names[] = { "capability", "distribution", "both", NULL };
const char *const health_names[] = { "green", "amber", "red", NULL };

const char *const partner_fields[] = { "name", "type", "phase", "owner", "origin", "power",
				       "goal", "value_partner", "value_us", "value_together",
				       "region", "website", "notes", NULL };

void partner_init(struct partner *p)
{
	memset(p, 0, sizeof *p);
	p->type = -1;
	p->phase = PHASE_PROSPECT;
	p->origin = -1;
	p->power = -1;
	p->goal = -1;
	p->health = -1;
	p->status_date = DATE_NONE;
	p->score_w = -1;
	p->score_date = DATE_NONE;
}

void partner_finish(struct partner *p)
{
	char **texts[] = { &p->name, &p->owner, &p->value_partner, &p->value_us,
			   &p->value_together, &p->region, &p->website, &p->notes,
			   &p->status_note, &p->status_author, &p->created_at, &p->updated_at };

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(*texts[i]);
	partner_init(p);
}

void partner_copy(struct partner *dst, const struct partner *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->owner = xstrdup(src->owner);
	dst->value_partner = xstrdup(src->value_partner);
	dst->value_us = xstrdup(src->value_us);
	dst->value_together = xstrdup(src->value_together);
	dst->region = xstrdup(src->region);
	dst->website = xstrdup(src->website);
	dst->notes = xstrdup(src->notes);
	dst->status_note = xstrdup(src->status_note);
	dst->status_author = xstrdup(src->status_author);
	dst->created_at = xstrdup(src->created_at);
	dst->updated_at = xstrdup(src->updated_at);
}

int partner_check_name(const char *name, struct ally_err *err)
{
	size_t len = 0;
	int rc;

	if (name != NULL)
		text_trim(name, &len);
	if (len == 0)
		return ally_err_set(err, ALLY_EUSER, "name", "must not be empty");
	rc = text_check(name, "name", PARTNER_NAME_MAX, false, err);
	/* A name of combining accents or joiners alone would list as a
	 * blank line and could not be told from another one. */
	if (rc == ALLY_OK && !text_has_visible(name))
		rc = ally_err_set(err, ALLY_EUSER, "name", "has no visible character");
	return rc;
}

/* Names are compared by their text_fold key, which ignores white space
 * at either end; stored names drop it too, so that "Acme " is neither a
 * second Acme nor shown differently from the key it is found by. */
static int set_name(struct partner *p, const char *value, struct ally_err *err)
{
	size_t len;
	const char *start = text_trim(value != NULL ? value : "", &len);
	char *trimmed = xstrndup(start, len);
	int rc = partner_check_name(trimmed, err);

	if (rc == ALLY_OK) {
		free(p->name);
		p->name = trimmed;
	} else {
		free(trimmed);
	}
	return rc;
}

/* An owner is trimmed as a name is: lists match owners by the same
 * trimmed, folded key, so " Bob " must not be stored as another person. */
static int set_owner(struct partner *p, const char *value, struct ally_err *err)
{
	size_t len;
	const char *start = text_trim(value != NULL ? value : "", &len);
	char *trimmed = xstrndup(start, len);
	int rc = set_text(&p->owner, trimmed, "owner", TEXT_LINE_MAX, false, false, err);

	free(trimmed);
	return rc;
}

/* Fields that exist but are changed by their own commands. */
static const struct {
	const char *field;
	const char *use;
} read_only[] = {
	{ "id", NULL },
	{ "version", NULL },
	{ "created_at", NULL },
	{ "updated_at", NULL },
	{ "health", "ally status" },
	{ "status_note", "ally status" },
	{ "status_date", "ally status" },
	{ "status_author", "ally status" },
	{ "score", "ally score" },
	{ "tier", "ally score" },
	{ "phase", "ally advance" },
};

static int refuse_field(const char *field, struct ally_err *err)
{
	for (size_t i = 0; i < sizeof read_only / sizeof read_only[0]; i++) {
		if (strcmp(field, read_only[i].field) != 0)
			continue;
		if (read_only[i].use == NULL)
			return ally_err_set(err, ALLY_EUSER, field, "is read-only");
		return ally_err_set(err, ALLY_EUSER, field, "is read-only (use %s)",
				    read_only[i].use);
	}
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

int partner_set_field(struct partner *p, const char *field, const char *value, bool allow_phase,
		      struct ally_err *err)
{
	if (strcmp(field, "name") == 0)
		return set_name(p, value, err);
	if (strcmp(field, "type") == 0)
		return set_enum(&p->type, partner_type_names, value, field, true, err);
	if (strcmp(field, "phase") == 0 && allow_phase)
		return set_enum(&p->phase, phase_names, value, field, true, err);
	if (strcmp(field, "owner") == 0)
		return set_owner(p, value, err);
	if (strcmp(field, "origin") == 0)
		return set_enum(&p->origin, partner_origin_names, value, field, false, err);
	if (strcmp(field, "power") == 0)
		return set_enum(&p->power, partner_power_names, value, field, false, err);
	if (strcmp(field, "goal") == 0)
		return set_enum(&p->goal, partner_goal_names, value, field, false, err);
	if (strcmp(field, "value_partner") == 0)
		return set_text(&p->value_partner, value, field, TEXT_LONG_MAX, true, false, err);
	if (strcmp(field, "value_us") == 0)
		return set_text(&p->value_us, value, field, TEXT_LONG_MAX, true, false, err);
	if (strcmp(field, "value_together") == 0)
		return set_text(&p->value_together, value, field, TEXT_LONG_MAX, true, false, err);
	if (strcmp(field, "region") == 0)
		return set_text(&p->region, value, field, TEXT_LINE_MAX, false, false, err);
	if (strcmp(field, "website") == 0)
		return set_text(&p->website, value, field, TEXT_LINE_MAX, false, false, err);
	if (strcmp(field, "notes") == 0)
		return set_text(&p->notes, value, field, TEXT_LONG_MAX, true, false, err);
	return refuse_field(field, err);
}

static int check_enum(int v, int count, bool required, const char *field, struct ally_err *err)
{
	if (v == -1 && !required)
		return ALLY_OK;
	if (v == -1)
		return ally_err_set(err, ALLY_EUSER, field, "must not be empty");
	if (v < 0 || v >= count)
		return ally_err_set(err, ALLY_EUSER, field, "%d is not a known value", v);
	return ALLY_OK;
}

int partner_validate(const struct partner *p, struct ally_err *err)
{
	int rc = partner_check_name(p->name, err);

	if (rc == ALLY_OK)
		rc = check_enum(p->type, PTYPE_COUNT, true, "type", err);
	if (rc == ALLY_OK)
		rc = check_enum(p->phase, PHASE_COUNT, true, "phase", err);
	if (rc == ALLY_OK)
		rc = check_enum(p->origin, ORIGIN_COUNT, false, "origin", err);
	if (rc == ALLY_OK)
		rc = check_enum(p->power, POWER_COUNT, false, "power", err);
	if (rc == ALLY_OK)
		rc = check_enum(p->goal, GOAL_COUNT, false, "goal", err);
	if (rc == ALLY_OK)
		rc = check_enum(p->health, HEALTH_COUNT, false, "health", err);
	if (rc == ALLY_OK)
		rc = text_check(p->owner, "owner", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = text_check(p->value_partner, "value_partner", TEXT_LONG_MAX, true, err);
	if (rc == ALLY_OK)
		rc = text_check(p->value_us, "value_us", TEXT_LONG_MAX, true, err);
	if (rc == ALLY_OK)
		rc = text_check(p->value_together, "value_together", TEXT_LONG_MAX, true, err);
	if (rc == ALLY_OK)
		rc = text_check(p->region, "region", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = text_check(p->website, "website", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = text_check(p->notes, "notes", TEXT_LONG_MAX, true, err);
	if (rc == ALLY_OK)
		rc = text_check(p->status_note, "status_note", TEXT_LINE_MAX, false, err);
	return rc;
}

bool history_supersedes(ally_date current, ally_date date)
{
	return current == DATE_NONE || date >= current;
}
