/* view-partner.c: a partner's detail, opened over a view with Enter.  The
 * state (partner-detail.c) holds one snapshot of the partner and a cursor
 * per section, and lays out the lines of each item; this file draws the
 * section shown from that layout and maps keys onto the forms of
 * act-items.c, act-partner.c and act-contract.c. */
#include "act-items.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/figures.h"
#include "ally/score.h"
#include "ally/ui-partner.h"
#include "ally/util.h"

/* The body's lines above the items: the partner, the section tabs and
 * the section's column titles. */
#define PD_HEAD_LINES 3

static void *pd_new(struct tui *t)
{
	/* Opened by tui_open_partner with its partner; this is never used. */
	return ui_partner_new(0);
}

/* The top line names the partner, once it is read. */
static const char *pd_title(void *st)
{
	const struct ui_partner *d = st;

	return d->loaded && !d->deleted ? d->p.name : NULL;
}

static void pd_free(void *st)
{
	ui_partner_free(st);
}

/* The lines and columns the items have on the screen. */
static void pd_sync_size(struct tui *t, struct ui_partner *d)
{
	int h = t->rows - 2 - PD_HEAD_LINES;

	ui_partner_set_width(d, t->cols > 0 ? (size_t)t->cols : 1);
	ui_partner_set_height(d, h > 0 ? (size_t)h : 1);
}

static int pd_load(struct tui *t, void *st, struct ally_err *err)
{
	struct ui_partner *d = st;
	int rc = ui_partner_load(d, t->store, t->today, err);

	pd_sync_size(t, d);
	return rc;
}

void tui_open_partner(struct tui *t, int64_t partner_id)
{
	tui_push(t, &view_partner, ui_partner_new(partner_id));
}

/* ---- the head: the partner, the tabs ---- */

static void draw_title(struct tui *t, const struct ui_partner *d, WINDOW *w, int cols)
{
	const struct partner *p = &d->p;
	char score[8], *right;
	enum tier tier = score_tier(p->score_w);
	int rw;

	right = xasprintf("%s  health %s  %s%s%s%s", enum_name(phase_names, p->phase),
			  p->health >= 0 ? health_names[p->health] : "not set",
			  p->score_w >= 0 ? "score " : "not scored",
			  p->score_w >= 0 ? score_format(p->score_w, score) : "",
			  tier >= TIER_1 ? " tier " : tier == TIER_UNQUALIFIED ? " " : "",
			  tier_name(tier));
	rw = (int)strlen(right);
	if (rw > cols - 24)
		rw = cols - 24; /* the name keeps 23 columns */
	tui_text(w, 0, 0, cols - rw - 1, p->name, A_BOLD);
	tui_text_right(w, 0, cols - rw, rw, right, tui_attr_health(t, p->health));
	free(right);
}

/* "Overview | [Score card] | Contacts ..."; the short names when the long
 * ones do not fit.  The current one is bracketed, so it reads without
 * colour or reverse video. */
static void draw_tabs(const struct ui_partner *d, WINDOW *w, int cols)
{
	const char *const *names = ui_section_names;
	int need = 0, x = 0;

	for (int i = 0; i < UI_SEC_COUNT; i++)
		need += (int)strlen(names[i]) + 3;
	if (need > cols)
		names = ui_section_short;
	tui_text(w, 1, 0, cols, NULL, A_NORMAL);
	for (int i = 0; i < UI_SEC_COUNT && x < cols; i++) {
		bool cur = (int)d->sec == i;
		char *tab = cur ? xasprintf("[%s]", names[i]) : xasprintf(" %s ", names[i]);
		int tw = (int)strlen(tab);

		if (tw > cols - x)
			tw = cols - x;
		tui_text(w, 1, x, tw, tab, cur ? A_BOLD | A_REVERSE : A_NORMAL);
		x += tw + 1;
		free(tab);
	}
}

/* ---- the items, as the state lays them out ---- */

static const char *const empty_text[UI_SEC_COUNT] = {
	"",
	"",
	"No contacts yet.  a adds one (an executive sponsor matters).",
	"No contracts yet.  a adds one.",
	"No phase moves yet.  > moves the phase.",
	"No key figures yet.  a sets a target or an actual for a quarter.",
	"No reviews or action items yet.  a adds one.",
	"",
};

static attr_t look_attr(struct tui *t, const struct ui_cell *c)
{
	switch (c->look) {
	case UI_LOOK_BOLD:
		return A_BOLD;
	case UI_LOOK_DIM:
		return tui_attr_pair(t, PAIR_DIM);
	case UI_LOOK_ALERT:
		return tui_attr_pair(t, PAIR_RED);
	case UI_LOOK_HEALTH:
		return tui_attr_health(t, c->arg);
	case UI_LOOK_BAND:
		return tui_attr_band(t, c->arg);
	default:
		return 0;
	}
}

/* Line k of row r at line y: each cell's line k, blank where a cell
 * has fewer lines. */
static void draw_row_line(struct tui *t, WINDOW *w, int y, const struct ui_row *r, size_t k,
			  attr_t base)
{
	for (size_t c = 0; c < r->ncells; c++) {
		const struct ui_cell *cell = &r->cells[c];
		attr_t a = base | look_attr(t, cell);

		if (k >= cell->nlines)
			continue;
		if (cell->right)
			tui_text_right(w, y, (int)cell->x, (int)cell->width, cell->lines[k], a);
		else
			tui_text(w, y, (int)cell->x, (int)cell->width, cell->lines[k], a);
	}
}

static void draw_titles(struct tui *t, const struct ui_partner *d, WINDOW *w, int cols)
{
	struct ui_row r;

	tui_text(w, 2, 0, cols, NULL, A_UNDERLINE);
	ui_partner_titles(d->sec, (size_t)cols, &r);
	draw_row_line(t, w, 2, &r, 0, A_UNDERLINE);
	ui_row_finish(&r);
}

/* The lines of item i that fall in the window: the item starts at line
 * start of the section, the window shows lines top .. top + height - 1
 * from screen line PD_HEAD_LINES. */
static void draw_item(struct tui *t, const struct ui_partner *d, WINDOW *w, size_t i,
		      size_t start, size_t top, size_t height, int cols)
{
	attr_t sel = i == d->pos[d->sec].cur ? A_REVERSE : 0;
	struct ui_layout l;
	size_t line = start;

	ui_partner_layout(d, d->sec, i, (size_t)cols, &l);
	for (size_t r = 0; r < l.nrows; r++) {
		for (size_t k = 0; k < l.rows[r].lines; k++, line++) {
			int y = PD_HEAD_LINES + (int)(line - top);

			if (line < top || line >= top + height)
				continue;
			tui_text(w, y, 0, cols, NULL, sel);
			draw_row_line(t, w, y, &l.rows[r], k, sel);
		}
	}
	ui_layout_finish(&l);
}

/* The items of the current section from the scroll line on. */
static void draw_items(struct tui *t, const struct ui_partner *d, WINDOW *w, int rows, int cols)
{
	size_t height = rows > PD_HEAD_LINES ? (size_t)(rows - PD_HEAD_LINES) : 1;
	size_t top = ui_partner_top(d, height), n = ui_partner_count(d, d->sec), line = 0;

	if (n == 0) {
		tui_text(w, PD_HEAD_LINES + 1, 2, cols - 2, empty_text[d->sec], A_NORMAL);
		return;
	}
	for (size_t i = 0; i < n && line < top + height; i++) {
		size_t len = ui_partner_item_lines(d, d->sec, i);

		if (line + len > top)
			draw_item(t, d, w, i, line, top, height, cols);
		line += len;
	}
}

static void pd_draw(struct tui *t, void *st, WINDOW *w, int rows, int cols)
{
	struct ui_partner *d = st;

	if (!d->loaded)
		return;
	if (d->deleted) {
		tui_text(w, 0, 0, cols, "This partner was deleted", A_BOLD);
		tui_text(w, 2, 2, cols - 2, "Another session deleted it (its changes stay in the "
					    "History view).",
			 A_NORMAL);
		tui_text(w, 3, 2, cols - 2, "Press q to go back.", A_NORMAL);
		return;
	}
	/* The lines an item takes depend on the width: a resize that no
	 * key of this screen saw (the help was up) is taken here, as the
	 * next key would, so that the scrolling and the lines drawn agree. */
	pd_sync_size(t, d);
	draw_title(t, d, w, cols);
	draw_tabs(d, w, cols);
	draw_titles(t, d, w, cols);
	draw_items(t, d, w, rows, cols);
}

/* ---- keys ---- */

/* a: add an item to the current section. */
static void add_key(struct tui *t, struct ui_partner *d)
{
	int64_t id = 0;
	bool review = false;

	switch (d->sec) {
	case UI_SEC_OVERVIEW:
		tui_msg(t, "Nothing to add here: e edits the fields; Tab goes to the other sections.");
		break;
	case UI_SEC_SCORE:
		tui_act_score(t, &d->p);
		break;
	case UI_SEC_CONTACTS:
		if (tui_act_contact(t, d->id, NULL, &id))
			ui_partner_want(d, UI_ITEM_CONTACT, id);
		break;
	case UI_SEC_CONTRACTS:
		tui_act_contract_form(t, d->id, 0);
		break;
	case UI_SEC_PHASES:
		tui_act_advance(t, d->id);
		break;
	case UI_SEC_FIGURES:
		tui_act_figure(t, d->id, quarter_of_date(t->today), METRIC_REVENUE, NULL);
		break;
	case UI_SEC_REVIEWS:
		if (tui_act_review_or_action(t, d->id, &d->reviews, &id, &review))
			ui_partner_want(d, review ? UI_ITEM_REVIEW : UI_ITEM_ACTION, id);
		break;
	default:
		tui_act_partner_text(t, d->id, "notes");
		break;
	}
}

/* e (and Enter): change the selected item. */
static void edit_key(struct tui *t, struct ui_partner *d)
{
	struct ui_item it;

	if (!ui_partner_selected(d, &it)) {
		tui_msg(t, "Nothing selected here; a adds one.");
		return;
	}
	switch (it.kind) {
	case UI_ITEM_FIELD:
	case UI_ITEM_FLAG:
		tui_act_partner_form(t, d->id);
		break;
	case UI_ITEM_CRITERION:
	case UI_ITEM_TOTAL:
	case UI_ITEM_SCORING:
		tui_act_score(t, &d->p);
		break;
	case UI_ITEM_CONTACT:
		tui_act_contact(t, d->id, &d->contacts.rows[it.index], NULL);
		break;
	case UI_ITEM_CONTRACT:
		tui_act_contract_form(t, d->id, d->contracts.rows[it.index].id);
		break;
	case UI_ITEM_PHASE:
		tui_msg(t, "Phase moves are kept as they happened; > moves the phase.");
		break;
	case UI_ITEM_FIGURE:
		tui_act_figure(t, d->id, d->figures.rows[it.index].quarter, it.metric,
			       &d->figures.rows[it.index]);
		break;
	case UI_ITEM_REVIEW:
		tui_msg(t, "Reviews are kept as held; a adds a review or an action item.");
		break;
	case UI_ITEM_ACTION:
		tui_act_action_toggle(t, &d->actions.rows[it.index]);
		break;
	case UI_ITEM_TEXT:
		tui_act_partner_text(t, d->id, ui_text_fields[it.index]);
		break;
	}
}

static void renew_key(struct tui *t, struct ui_partner *d)
{
	struct ui_item it;

	if (d->sec != UI_SEC_CONTRACTS) {
		tui_msg(t, "R renews the selected contract in the Contracts section.");
		return;
	}
	if (!ui_partner_selected(d, &it)) {
		tui_msg(t, "No contract to renew.");
		return;
	}
	tui_act_renew(t, d->contracts.rows[it.index].id);
}

/* E: the selected text in Notes; elsewhere the menu of texts. */
static void text_key(struct tui *t, struct ui_partner *d)
{
	struct ui_item it;

	if (d->sec == UI_SEC_NOTES && ui_partner_selected(d, &it))
		tui_act_partner_text(t, d->id, ui_text_fields[it.index]);
	else
		tui_act_partner_text(t, d->id, NULL);
}

static enum ui_result pd_key(struct tui *t, void *st, int key)
{
	struct ui_partner *d = st;

	pd_sync_size(t, d);
	if (key == 'q' || key == UK_ESC)
		return UI_BACK;
	if (!d->loaded || d->deleted) {
		if (key == 'a' || key == 'e' || key == 'E' || key == 'h' || key == '>' ||
		    key == 'R' || key == UK_ENTER) {
			tui_msg(t, "This partner was deleted; q goes back.");
			return UI_HANDLED;
		}
		return UI_UNHANDLED;
	}
	if (ui_partner_key(d, key) == UI_HANDLED)
		return UI_HANDLED;
	switch (key) {
	case 'a':
		add_key(t, d);
		break;
	case 'e':
	case UK_ENTER:
		edit_key(t, d);
		break;
	case 'E':
		text_key(t, d);
		break;
	case 'h':
		tui_act_status(t, d->id);
		break;
	case '>':
		tui_act_advance(t, d->id);
		break;
	case 'R':
		renew_key(t, d);
		break;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED;
}

static const struct keyhelp pd_help[] = {
	{ "Tab Shift-Tab", "next / previous section (also Right / Left)", "Tab section" },
	{ "j k g G", "move over the items of the section", NULL },
	{ "a", "add to the section: a contact, contract, review or action item,", "a add" },
	{ "", "key figure, scoring, note; in Phases, a phase move", NULL },
	{ "e Enter", "edit the selected item in a form; on an action item, mark it", "e edit" },
	{ "", "done or open again (asks first)", NULL },
	{ "E", "edit notes or a value proposition in $VISUAL / $EDITOR", "E text" },
	{ "h", "update the status: health and a note", "h status" },
	{ ">", "move the phase (a menu of the allowed moves)", "> phase" },
	{ "R", "renew the selected contract (in Contracts)", "R renew" },
	{ "q Esc", "back to the list", NULL },
	{ NULL, NULL, NULL },
};

const struct view view_partner = {
	.name = "Partner",
	.help = pd_help,
	.new = pd_new,
	.free = pd_free,
	.load = pd_load,
	.draw = pd_draw,
	.key = pd_key,
	.title = pd_title,
};
