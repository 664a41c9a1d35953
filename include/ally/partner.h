/* partner.h: a partner, its fields and their validation. */
#ifndef ALLY_PARTNER_H
#define ALLY_PARTNER_H

#include <stdbool.h>
#include <stdint.h>
#include "ally/date.h"
#include "ally/phase.h"
#include "ally/score.h"

struct ally_err;

enum partner_type { PTYPE_STRATEGIC_ALLIANCE, PTYPE_CHANNEL, PTYPE_TECHNOLOGY, PTYPE_CO_MARKETING,
		    PTYPE_REFERRAL, PTYPE_JOINT_VENTURE, PTYPE_COUNT };
enum partner_origin { ORIGIN_EXECUTIVE_MEETING, ORIGIN_BD_OUTREACH, ORIGIN_EMPLOYEE_MOVE,
		      ORIGIN_PRE_ACQUISITION, ORIGIN_INVESTOR_INTRO, ORIGIN_ORGANIC_INTEGRATION,
		      ORIGIN_OTHER, ORIGIN_COUNT };
enum partner_power { POWER_BIG_FISH, POWER_SMALL_FISH, POWER_EQUAL, POWER_COUNT };
enum partner_goal { GOAL_CAPABILITY, GOAL_DISTRIBUTION, GOAL_BOTH, GOAL_COUNT };
enum health { HEALTH_GREEN, HEALTH_AMBER, HEALTH_RED, HEALTH_COUNT };

extern const char *const partner_type_names[];
extern const char *const partner_origin_names[];
extern const char *const partner_power_names[];
extern const char *const partner_goal_names[];
extern const char *const health_names[];

#define PARTNER_NAME_MAX 200 /* characters (code points), not bytes */
#define TEXT_LINE_MAX 500    /* one-line texts: status note, region, ... */
#define TEXT_LONG_MAX 20000  /* notes, value propositions */

/* A partner as stored.  Optional enums are -1 when unset; optional texts
 * are NULL.  Every char * is owned by the struct (partner_finish frees). */
struct partner {
	int64_t id;          /* 0 until stored */
	int64_t version;     /* bumped by every update; guards concurrent edits */
	char *name;          /* required, unique ignoring letter case */
	int type;            /* enum partner_type, required */
	int phase;           /* enum phase */
	char *owner;         /* login name of the person responsible */
	int origin;          /* enum partner_origin or -1 */
	int power;           /* enum partner_power or -1 */
	int goal;            /* enum partner_goal or -1 */
	char *value_partner; /* value proposition: for the partner */
	char *value_us;      /* ... for us */
	char *value_together;/* ... together */
	char *region;
	char *website;
	char *notes;
	/* quick status; kept in history by the store */
	int health;          /* enum health or -1 when never set */
	char *status_note;
	ally_date status_date; /* DATE_NONE when never set */
	char *status_author;
	/* newest scoring (read-only here: written through store_score_add) */
	int score_w;         /* W 0..10000, or -1 when never scored */
	struct score_input score_in; /* the criteria of that scoring */
	ally_date score_date;
	char *created_at;    /* UTC "YYYY-MM-DD HH:MM:SS", set by the store */
	char *updated_at;
};

void partner_init(struct partner *p); /* zero, enums -1, phase prospect */
void partner_finish(struct partner *p);
void partner_copy(struct partner *dst, const struct partner *src); /* deep; dst uninitialised */

/* Set one field from text, validating it: the one routine behind
 * `partner set NAME FIELD=VALUE`, CSV import and the TUI's forms.
 * Field names are the JSON keys: name, type, phase, owner, origin, power,
 * goal, value_partner, value_us, value_together, region, website, notes.
 * An empty value clears an optional field; required ones refuse it.
 * The multi-line texts (value_partner, value_us, value_together, notes)
 * have every CRLF and lone CR turned into LF before they are checked, so
 * pasted Windows text and CSV cells are accepted and stored with LF.
 * phase may only be set here when allow_phase (import, add): later moves
 * go through phase_resolve_move.  Unknown or read-only fields are refused
 * with "FIELD: no such field" / "FIELD: is read-only (use ...)". */
int partner_set_field(struct partner *p, const char *field, const char *value, bool allow_phase,
		      struct ally_err *err);

/* The settable field names, NULL-terminated, in display order. */
extern const char *const partner_fields[];

/* Whole-record checks (required fields present, lengths). */
int partner_validate(const struct partner *p, struct ally_err *err);

/* 1-200 code points of valid UTF-8, not only white space, no control
 * characters, line breaks or invisible formatting ones (see text_check),
 * and at least one character that shows: not white space, not a
 * formatting character or joiner, not a combining mark (U+0300-U+036F,
 * U+1AB0-U+1AFF, U+20D0-U+20FF, U+FE20-U+FE2F), not a variation selector
 * (U+FE00-U+FE0F, U+E0100-U+E01EF); else "name: has no visible
 * character".  The setter (partner_set_field "name") first trims
 * surrounding white space, the same that text_fold ignores. */
int partner_check_name(const char *name, struct ally_err *err);

/* Shared text checks: valid UTF-8, no control characters except (when
 * multiline) newline and tab (so no CR: the setters turn CRLF into LF
 * first), at most max code points.  One-line texts (names, titles, status
 * notes; !multiline) also refuse the line and paragraph separators
 * ("name: contains a line break (U+2028)") and the invisible formatting
 * characters of text_is_invisible_format ("name: contains an invisible
 * formatting character (U+202E)"), since a bidi override or a zero-width
 * space makes a name look like another.  Multi-line texts keep them;
 * text_visible shows them as markers.  The joiners U+200C and U+200D are
 * allowed everywhere (emoji and some scripts need them). */
int text_check(const char *s, const char *field, size_t max, bool multiline, struct ally_err *err);

/* "The newest one counts" (domain.md: status updates and scorings): does
 * an entry dated date replace the current one, dated current?  True when
 * there is no current entry (current == DATE_NONE) or date >= current, so
 * a second entry on the same day wins over the first; false for an entry
 * back-dated before the current one, which goes into the history only.
 * The store decides with this, not with its own date comparison. */
bool history_supersedes(ally_date current, ally_date date);

/* A person at the partner. */
struct contact {
	int64_t id;
	int64_t partner_id;
	int64_t version;
	char *name;  /* required */
	char *role;  /* free text; "executive sponsor" marks a sponsor */
	char *email;
	char *phone;
};
void contact_init(struct contact *c);
void contact_finish(struct contact *c);
int contact_set_field(struct contact *c, const char *field, const char *value, struct ally_err *err);
int contact_validate(const struct contact *c, struct ally_err *err);
/* Does this role name an executive sponsor ("executive sponsor", "Exec
 * Sponsor", "executive_sponsor", ... ignoring case)? */
bool contact_is_exec_sponsor(const char *role);

#endif
