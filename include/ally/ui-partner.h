/* ui-partner.h: the state of a partner's detail screen, with no terminal:
 * everything about one partner read in one snapshot, the section shown
 * (Tab and Shift-Tab move between them) and a cursor over the items of
 * each section.
 *
 * Items may take several lines (a review with its notes, a note, any
 * text wrapped to the screen's width), so each section scrolls by lines
 * and keeps the whole selected item on the screen when it fits.  How an
 * item's lines are laid out at a width is decided here too
 * (ui_partner_layout), so that the scrolling and the screen agree;
 * src/tui/view-partner.c draws that layout.  The forms that change an
 * item (src/tui/act-items.c) take the selected one from here. */
#ifndef ALLY_UI_PARTNER_H
#define ALLY_UI_PARTNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/ui.h"

struct ally_err;

enum ui_section {
	UI_SEC_OVERVIEW,  /* the partner's fields, status, flags, dates */
	UI_SEC_SCORE,     /* the five criteria, the total and tier; the scorings */
	UI_SEC_CONTACTS,
	UI_SEC_CONTRACTS, /* with band and days left */
	UI_SEC_PHASES,    /* the timeline of phase moves */
	UI_SEC_FIGURES,   /* key figures by quarter, newest first */
	UI_SEC_REVIEWS,   /* reviews, newest first, then action items */
	UI_SEC_NOTES,     /* notes and the three value propositions */
	UI_SEC_COUNT
};
extern const char *const ui_section_names[];  /* "Overview", "Score card", ... */
extern const char *const ui_section_short[];  /* "Overview", "Score", ... for 80 columns */

/* What an item is, and where its data is. */
enum ui_item_kind {
	UI_ITEM_FIELD,     /* index: enum ui_field */
	UI_ITEM_FLAG,      /* index: the bit number of an enum partner_flag set */
	UI_ITEM_CRITERION, /* index: enum criterion */
	UI_ITEM_TOTAL,     /* the weighted total, score and tier */
	UI_ITEM_SCORING,   /* index: into scores (newest first) */
	UI_ITEM_CONTACT,   /* index: into contacts */
	UI_ITEM_CONTRACT,  /* index: into contracts */
	UI_ITEM_PHASE,     /* index: into phases (oldest first) */
	UI_ITEM_FIGURE,    /* index: into figures; metric says which */
	UI_ITEM_REVIEW,    /* index: into reviews */
	UI_ITEM_ACTION,    /* index: into actions */
	UI_ITEM_TEXT,      /* index: enum ui_text */
};

struct ui_item {
	enum ui_item_kind kind;
	size_t index;
	int metric;        /* UI_ITEM_FIGURE: enum metric */
};

/* The lines of the overview. */
enum ui_field {
	UI_F_TYPE, UI_F_PHASE, UI_F_OWNER, UI_F_ORIGIN, UI_F_POWER, UI_F_GOAL, UI_F_REGION,
	UI_F_WEBSITE, UI_F_HEALTH, UI_F_STATUS_NOTE, UI_F_NEXT_REVIEW, UI_F_NEXT_ACTION,
	UI_F_CREATED, UI_F_UPDATED, UI_F_COUNT
};
extern const char *const ui_field_labels[]; /* "Type", "Phase", ... */

/* The long texts of the notes section, in the partner's field names. */
enum ui_text { UI_T_NOTES, UI_T_VALUE_PARTNER, UI_T_VALUE_US, UI_T_VALUE_TOGETHER, UI_T_COUNT };
extern const char *const ui_text_fields[]; /* "notes", "value_partner", ... */
extern const char *const ui_text_labels[]; /* "Notes", "Value for the partner", ... */

/* One line of the key figures: a quarter and a metric with a value. */
struct ui_figure_ref {
	size_t q;   /* into figures */
	int metric; /* enum metric */
};

/* Where a section's cursor is: the selected item and the first line shown. */
struct ui_secpos {
	size_t cur;
	size_t top;
};

struct ui_partner {
	int64_t id;
	ally_date today;         /* of the last load: days left, flags */
	bool loaded;             /* a load has succeeded */
	bool deleted;            /* not there at the last load */
	struct partner p;
	struct partner_facts facts;
	unsigned flags;          /* enum partner_flag bits */
	ally_date next_review;
	struct score_list scores;       /* newest first */
	struct contact_list contacts;
	struct contract_list contracts;
	struct phase_list phases;       /* oldest first */
	struct figures_list figures;    /* oldest first, as stored */
	struct ui_figure_ref *figs;     /* the figure lines, newest quarter first */
	size_t nfigs;
	struct review_list reviews;     /* newest first */
	struct action_list actions;     /* open first, soonest due first */
	enum ui_section sec;
	struct ui_secpos pos[UI_SEC_COUNT];
	size_t height;           /* lines the items have on the screen */
	size_t width;            /* columns they have: the layout's width */
	size_t *lines[UI_SEC_COUNT]; /* lines of each item at width (NULL: none) */
	bool want;               /* select want_kind/want_id at the next load */
	enum ui_item_kind want_kind;
	int64_t want_id;
};

/* The state of partner id, not loaded yet; never NULL. */
struct ui_partner *ui_partner_new(int64_t id);
void ui_partner_free(struct ui_partner *d); /* NULL is a no-op */

/* Read the partner and everything the sections show in one read
 * snapshot (store_begin_read).  A partner that is no longer there is
 * not an error: d->deleted is set and the old data dropped.  Each
 * section keeps its selected item across the reload when it is still
 * there (by its id), else the cursor stays at its place.  On a database
 * failure err is filled and the old data stay. */
int ui_partner_load(struct ui_partner *d, struct store *s, ally_date today, struct ally_err *err);

/* Lines the items have on the screen (the body less the header lines). */
void ui_partner_set_height(struct ui_partner *d, size_t lines);
/* Columns they have (UI_PARTNER_WIDTH until set): long texts wrap to
 * them, so an item's lines change with it. */
#define UI_PARTNER_WIDTH 80
void ui_partner_set_width(struct ui_partner *d, size_t cols);

/* Tab and Right go to the next section, Shift-Tab and Left to the
 * previous one (both wrap); the movement keys of listnav_key move by
 * item (by a screen of lines for the page keys).  Returns UI_UNHANDLED
 * for every other key: the view acts on those. */
enum ui_result ui_partner_key(struct ui_partner *d, int key);

/* Items of section s, and item i of it (false past the end). */
size_t ui_partner_count(const struct ui_partner *d, enum ui_section s);
bool ui_partner_item(const struct ui_partner *d, enum ui_section s, size_t i, struct ui_item *out);
/* The selected item of the current section (false when it has none). */
bool ui_partner_selected(const struct ui_partner *d, struct ui_item *out);
/* Lines item i of section s takes on the screen at d->width (0 past
 * the end), as its ui_partner_layout has them. */
size_t ui_partner_item_lines(const struct ui_partner *d, enum ui_section s, size_t i);
/* The first line to show in a window of height lines: the section's
 * scroll, moved so that the selected item shows (the draw's height may
 * differ from the last ui_partner_set_height after a resize). */
size_t ui_partner_top(const struct ui_partner *d, size_t height);

/* The selected item of the current section becomes, at the next load,
 * the one of this kind with this id (an item just added). */
void ui_partner_want(struct ui_partner *d, enum ui_item_kind kind, int64_t id);

/* Texts the screen shows that the core computes.  Each returns a new
 * string (the caller frees); database text in them still goes through
 * tui_text.
 *   ui_partner_field_value: the overview's value of field f ("channel",
 *     "green, 2026-03-01 by ann", "2026-06-01 (overdue)", "" when unset).
 *   ui_partner_score_total: "80.5, tier 2 (W 8050, scored 2026-03-01)",
 *     "45.0, unqualified (...)", or "not scored yet".
 *   ui_partner_contract_band: "urgent, 30 days left", "lapsed 4 days
 *     ago", "clear, 200 days left"; "" for a contract that is not active.
 *   ui_partner_quarter_met: for the first line of a quarter, "met",
 *     "missed" or "" (nothing to say yet). */
char *ui_partner_field_value(const struct ui_partner *d, enum ui_field f);
char *ui_partner_score_total(const struct ui_partner *d);
char *ui_partner_contract_band(const struct ui_partner *d, size_t i);
const char *ui_partner_quarter_met(const struct ui_partner *d, size_t q);
/* The long text of a notes item (NULL when empty). */
const char *ui_partner_text(const struct ui_partner *d, enum ui_text t);

/* ---- the layout of an item's lines ---- */

/* How a cell reads; the screen turns these into attributes. */
enum ui_look {
	UI_LOOK_PLAIN,
	UI_LOOK_BOLD,   /* labels, the current phase, an executive sponsor */
	UI_LOOK_DIM,    /* a done action item, the hint of an empty text */
	UI_LOOK_ALERT,  /* a review overdue, an action item late */
	UI_LOOK_HEALTH, /* in the colour of health arg (enum health, -1: unset) */
	UI_LOOK_BAND,   /* in the colour of renewal band arg (enum band) */
};

/* A column of one item: text wrapped to width columns from column x. */
struct ui_cell {
	size_t x, width;
	char **lines;   /* the wrapped text, sanitised (text_visible); owned */
	size_t nlines;  /* 0: blank */
	bool right;     /* one line, right-aligned in width (a number) */
	enum ui_look look;
	int arg;        /* UI_LOOK_HEALTH, UI_LOOK_BAND: which */
};

/* Cells side by side, a space between them, as tall as the tallest. */
#define UI_ROW_CELLS 8
struct ui_row {
	struct ui_cell cells[UI_ROW_CELLS];
	size_t ncells;
	size_t lines;   /* at least 1 */
};

/* An item: its rows stacked (a review: the meeting, its notes, what was
 * decided; a text: its label, then the text). */
#define UI_LAYOUT_ROWS 3
struct ui_layout {
	struct ui_row rows[UI_LAYOUT_ROWS];
	size_t nrows;
	size_t lines;   /* the rows' together */
};

/* Lay out item i of section s in width columns (under the columns of
 * ui_partner_titles): every text that can be long wraps inside its
 * column over as many lines as it needs, so that its continuation lines
 * stay under its first one (an overview value under the value, not under
 * the label); notes, value propositions and a review's notes and
 * decisions keep their own line breaks.  Returns false, with an empty
 * layout, past the end.  Free with ui_layout_finish. */
bool ui_partner_layout(const struct ui_partner *d, enum ui_section s, size_t i, size_t width,
		       struct ui_layout *out);
void ui_layout_finish(struct ui_layout *l);
/* The column titles of section s in width columns, one line each (no
 * cells when the section has none).  Free with ui_row_finish. */
void ui_partner_titles(enum ui_section s, size_t width, struct ui_row *out);
void ui_row_finish(struct ui_row *r);

/* Text s as the screen shows it in width columns: sanitised
 * (text_visible), then broken into lines by ui_wrap; with breaks, its own
 * line breaks are kept and each of its lines wraps on its own (a final
 * break starts no line).  Returns the number of lines, 0 for NULL, "" or
 * a width of 0, and sets *out to them (NULL when none; the caller frees
 * each and the array). */
size_t ui_text_wrap(const char *s, size_t width, bool breaks, char ***out);

#endif
