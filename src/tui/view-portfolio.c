/* view-portfolio.c: the Portfolio view, one row per partner.  The state
 * (portfolio.c) holds the rows, order, search and filter; this file draws
 * it and maps keys onto it and onto the partner actions of act-partner.c. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/score.h"
#include "ally/text.h"
#include "ally/ui-portfolio.h"
#include "ally/util.h"

/* The body's lines above the rows: the header line and the column titles. */
#define PF_HEAD_LINES 2

static void *pf_new(struct tui *t)
{
	return portfolio_new(t->store, t->today);
}

static void pf_free(void *st)
{
	portfolio_free(st);
}

/* Rows of partners that fit in the body (the screen less the top and
 * status lines and the two lines of the view's own head). */
static void pf_sync_height(struct tui *t, struct portfolio *pf)
{
	int h = t->rows - 2 - PF_HEAD_LINES;

	portfolio_set_height(pf, h > 0 ? (size_t)h : 1);
}

static int pf_load(struct tui *t, void *st, struct ally_err *err)
{
	struct portfolio *pf = st;

	pf_sync_height(t, pf);
	return portfolio_load(pf, err);
}

/* ---- drawing ---- */

static void draw_head(struct tui *t, struct portfolio *pf, WINDOW *w, int cols)
{
	char *text;

	if (pf->searching) {
		int x = 1 + (int)ui_line_cursor_col(&pf->line);

		tui_text(w, 0, 0, 1, "/", A_BOLD);
		tui_text(w, 0, 1, cols - 1, ui_line_text(&pf->line), A_NORMAL);
		if (pf->search_failed && x + 12 < cols)
			tui_text(w, 0, x + 1, cols - x - 1, "(no match)", tui_attr_pair(t, PAIR_RED));
		tui_show_cursor(t, w, 0, x < cols ? x : cols - 1);
		return;
	}
	text = portfolio_header_fit(pf, !t->utf8, cols > 0 ? (size_t)cols : 0);
	tui_text(w, 0, 0, cols, text, A_BOLD);
	free(text);
}

static void draw_titles(WINDOW *w, const struct pf_columns *c, int cols)
{
	attr_t a = A_BOLD | A_UNDERLINE;
	int x = 0;

	tui_text(w, 1, 0, cols, NULL, A_UNDERLINE);
	tui_text(w, 1, x, c->name, "Name", a);
	x += c->name + 1;
	tui_text(w, 1, x, c->type, "Type", a);
	x += c->type + 1;
	tui_text(w, 1, x, c->tier, "T", a);
	x += c->tier + 1;
	tui_text_right(w, 1, x, c->score, "Score", a);
	x += c->score + 1;
	tui_text(w, 1, x, c->phase, "Phase", a);
	x += c->phase + 1;
	tui_text(w, 1, x, c->health, "H", a);
	x += c->health + 1;
	tui_text(w, 1, x, c->owner, "Owner", a);
	x += c->owner + 1;
	tui_text(w, 1, x, c->next, "Next action", a);
	x += c->next + 1;
	tui_text(w, 1, x, c->flags, "Flags", a);
}

/* A row is plain text but for the selection: its letters, days and flag
 * words say what colour would, and a page down then rewrites 20 rows in
 * about 1.4 KB (every attribute switch costs some 12 bytes more: with
 * colours, a page took 2.4 KB, which a slow SSH link shows). */
static void draw_row(struct tui *t, struct portfolio *pf, WINDOW *w, int y, size_t i,
		     const struct pf_columns *c, int cols)
{
	const struct partner_row *r = portfolio_row(pf, i);
	const struct partner *p = &r->p;
	attr_t sel = i == pf->nav.cur ? A_REVERSE : 0;
	attr_t name = sel | (portfolio_row_matches(pf, i) ? A_BOLD | A_UNDERLINE : 0);
	char score[8], next[PF_NEXT_BUFSZ], *flags;
	const char *tier = tier_name(score_tier(p->score_w));
	int x = 0;

	tui_text(w, y, 0, cols, NULL, sel);
	tui_text(w, y, x, c->name, p->name, name);
	x += c->name + 1;
	tui_text(w, y, x, c->type, pf_type_abbrev(p->type), sel);
	x += c->type + 1;
	tui_text(w, y, x, c->tier, strlen(tier) == 1 ? tier : "-", sel);
	x += c->tier + 1;
	tui_text_right(w, y, x, c->score, p->score_w >= 0 ? score_format(p->score_w, score) : "-",
		       sel);
	x += c->score + 1;
	tui_text(w, y, x, c->phase, pf_phase_abbrev(p->phase), sel);
	x += c->phase + 1;
	tui_text(w, y, x, c->health, pf_health_letter(p->health),
		 sel);
	x += c->health + 1;
	tui_text(w, y, x, c->owner, p->owner, sel);
	x += c->owner + 1;
	tui_text(w, y, x, c->next,
		 pf_next_text(r->next_action, t->today, c->year, next),
		 sel);
	x += c->next + 1;
	flags = pf_flags_text(r->flags, (size_t)c->flags);
	/* The markers are words: bold only where there is no colour. */
	tui_text(w, y, x, c->flags, flags, sel);
	free(flags);
}

/* What an empty list says: how to begin, or that the filter hides all. */
static void draw_empty(struct tui *t, struct portfolio *pf, WINDOW *w, int rows, int cols)
{
	if (pf->total == 0) {
		tui_text(w, 3, 2, cols - 2, "No partners yet.", A_BOLD);
		tui_text(w, 5, 2, cols - 2, "Press a to add your first partner,", A_NORMAL);
		tui_text(w, 6, 2, cols - 2, "or D to load a sample portfolio to try ally.",
			 A_NORMAL);
		return;
	}
	tui_text(w, 3, 2, cols - 2, "No partner matches the filter.", A_BOLD);
	tui_text(w, 5, 2, cols - 2, "Press f to change it, or Esc to clear it.", A_NORMAL);
}

static void pf_draw(struct tui *t, void *st, WINDOW *w, int rows, int cols)
{
	struct portfolio *pf = st;
	struct pf_columns c;
	size_t visible = rows > PF_HEAD_LINES ? (size_t)(rows - PF_HEAD_LINES) : 1;
	size_t top = pf->nav.top, n = portfolio_count(pf);

	/* The window holds a margin beyond the screen, so a resize the state
	 * has not seen yet still finds rows to show. */

	pf_columns(cols, &c);
	if (n == 0) {
		draw_head(t, pf, w, cols);
		draw_empty(t, pf, w, rows, cols);
		return;
	}
	/* The height is set by load and by keys; a resize seen while another
	 * screen was up may not have reached it yet, so keep the cursor in
	 * view here without changing the state. */
	if (pf->nav.cur >= top + visible)
		top = pf->nav.cur - visible + 1;
	draw_titles(w, &c, cols);
	for (size_t i = top; i < n && i < top + visible; i++)
		draw_row(t, pf, w, PF_HEAD_LINES + (int)(i - top), i, &c, cols);
	draw_head(t, pf, w, cols); /* last: the search prompt places the cursor */
}

/* ---- the filter menu ---- */

enum { FM_PHASE, FM_TYPE, FM_TIER, FM_OWNER, FM_FLAGGED, FM_CLEAR, FM_COUNT };

/* "Phase: any", ... the top of the filter menu, showing what is set. */
static char *filter_item(const struct portfolio *pf, int which)
{
	const struct partner_filter *f = &pf->filter;
	char *owner, *item;

	switch (which) {
	case FM_PHASE:
		return xasprintf("Phase:   %s", f->phase >= 0 ? phase_names[f->phase] : "any");
	case FM_TYPE:
		return xasprintf("Type:    %s", f->type >= 0 ? partner_type_names[f->type] : "any");
	case FM_TIER:
		return xasprintf("Tier:    %s", f->tier == -2 ? "any"
					       : f->tier == TIER_NONE ? "none (never scored)"
								      : tier_name((enum tier)f->tier));
	case FM_OWNER:
		owner = text_visible(f->owner != NULL ? f->owner : "any", 0);
		item = xasprintf("Owner:   %s", owner);
		free(owner);
		return item;
	case FM_FLAGGED:
		return xasprintf("Flagged only: %s", f->flagged_only ? "yes" : "no");
	default:
		return xstrdup("Clear the filter");
	}
}

/* A menu of "any" and then names; returns -1 for any, the index into
 * names, or -2 when cancelled. */
static int pick_name(struct tui *t, const char *title, const char *const *names, int n,
		     int current)
{
	const char **items = xcalloc((size_t)n + 1, sizeof *items);
	int r;

	items[0] = "any";
	for (int i = 0; i < n; i++)
		items[i + 1] = names[i];
	r = tui_menu(t, title, items, n + 1, current + 1);
	free(items);
	return r < 0 ? -2 : r - 1;
}

static bool pick_tier(struct tui *t, struct portfolio *pf)
{
	static const char *const items[] = { "any", "1", "2", "3", "unqualified",
					     "none (never scored)" };
	static const int tiers[] = { -2, TIER_1, TIER_2, TIER_3, TIER_UNQUALIFIED, TIER_NONE };
	int cur = 0, r;

	for (int i = 0; i < 6; i++)
		if (tiers[i] == pf->filter.tier)
			cur = i;
	r = tui_menu(t, "Tier", items, 6, cur);
	if (r < 0)
		return false;
	portfolio_filter_tier(pf, tiers[r]);
	return true;
}

static bool pick_owner(struct tui *t, struct portfolio *pf)
{
	struct ally_err err;
	size_t n;
	char **shown;
	int cur = -1, r;

	ally_err_clear(&err);
	if (portfolio_load_owners(pf, &err) != ALLY_OK) {
		tui_error(t, &err);
		return false;
	}
	n = pf->owners.n;
	shown = xcalloc(n + 1, sizeof *shown);

	/* Owners are database text: shown only sanitised. */
	for (size_t i = 0; i < n; i++) {
		shown[i] = text_visible(pf->owners.rows[i], 0);
		if (pf->filter.owner != NULL && text_fold_cmp(pf->filter.owner,
							      pf->owners.rows[i]) == 0)
			cur = (int)i;
	}
	r = pick_name(t, "Owner", (const char *const *)shown, (int)n, cur);
	for (size_t i = 0; i < n; i++)
		free(shown[i]);
	free(shown);
	if (r == -2)
		return false;
	portfolio_filter_owner(pf, r >= 0 ? pf->owners.rows[r] : NULL);
	return true;
}

/* Run one entry of the filter menu; true when the filter changed. */
static bool filter_choose(struct tui *t, struct portfolio *pf, int which)
{
	int r;

	switch (which) {
	case FM_PHASE:
		r = pick_name(t, "Phase", phase_names, PHASE_COUNT, pf->filter.phase);
		if (r != -2)
			portfolio_filter_phase(pf, r);
		return r != -2;
	case FM_TYPE:
		r = pick_name(t, "Type", partner_type_names, PTYPE_COUNT, pf->filter.type);
		if (r != -2)
			portfolio_filter_type(pf, r);
		return r != -2;
	case FM_TIER:
		return pick_tier(t, pf);
	case FM_OWNER:
		return pick_owner(t, pf);
	case FM_FLAGGED:
		portfolio_filter_flagged(pf, !pf->filter.flagged_only);
		return true;
	default:
		portfolio_filter_phase(pf, -1);
		portfolio_filter_type(pf, -1);
		portfolio_filter_tier(pf, -2);
		portfolio_filter_owner(pf, NULL);
		portfolio_filter_flagged(pf, false);
		return true;
	}
}

/* Load again with the filter as it is now. */
static void reload(struct tui *t, struct portfolio *pf)
{
	struct ally_err err;

	ally_err_clear(&err);
	if (pf_load(t, pf, &err) != ALLY_OK)
		tui_error(t, &err);
}

static void filter_menu(struct tui *t, struct portfolio *pf)
{
	char *items[FM_COUNT];
	int r;

	for (int i = 0; i < FM_COUNT; i++)
		items[i] = filter_item(pf, i);
	r = tui_menu(t, "Filter", (const char *const *)items, FM_COUNT, 0);
	for (int i = 0; i < FM_COUNT; i++)
		free(items[i]);
	if (r >= 0 && filter_choose(t, pf, r))
		reload(t, pf);
}

/* ---- keys ---- */

static void search_again(struct tui *t, struct portfolio *pf, int dir)
{
	struct ally_err err;

	ally_err_clear(&err);
	switch (portfolio_search_next(pf, dir, &err)) {
	case PF_FAILED:
		tui_error(t, &err);
		break;
	case PF_WRAPPED:
		tui_msg(t, dir > 0 ? "Search hit the bottom, continued at the top."
				   : "Search hit the top, continued at the bottom.");
		break;
	case PF_NOT_FOUND:
		tui_msg(t, "No partner name contains the search.");
		break;
	case PF_NO_PATTERN:
		tui_msg(t, "No search yet: / searches the names.");
		break;
	case PF_FOUND:
		break;
	}
}

/* The keys that act on the selected partner; UI_UNHANDLED for others. */
static enum ui_result partner_key(struct tui *t, struct portfolio *pf, int key)
{
	const struct partner_row *r = portfolio_selected(pf);
	int64_t id = r != NULL ? r->p.id : 0;

	if (id == 0) {
		if (key == UK_ENTER || key == 'e' || key == 'E' || key == 'h' || key == '>') {
			tui_msg(t, "No partner selected.");
			return UI_HANDLED;
		}
		return UI_UNHANDLED;
	}
	switch (key) {
	case UK_ENTER:
		tui_open_partner(t, id);
		return UI_HANDLED;
	case 'e':
		tui_act_partner_form(t, id);
		return UI_HANDLED;
	case 'E':
		tui_act_partner_text(t, id, NULL);
		return UI_HANDLED;
	case 'h':
		tui_act_status(t, id);
		return UI_HANDLED;
	case '>':
		tui_act_advance(t, id);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

/* A failed read shows on the status line; the view stays as it was. */
static enum ui_result report(struct tui *t, int rc, const struct ally_err *err)
{
	if (rc != ALLY_OK)
		tui_error(t, err);
	return UI_HANDLED;
}

static enum ui_result pf_key(struct tui *t, void *st, int key)
{
	struct portfolio *pf = st;
	struct ally_err err;
	int64_t added;

	ally_err_clear(&err);
	pf_sync_height(t, pf);
	if (pf->searching)
		return report(t, portfolio_search_key(pf, key, &err), &err);
	if (portfolio_move_key(pf, key, &err))
		return report(t, err.status != ALLY_OK ? err.status : ALLY_OK, &err);
	switch (key) {
	case 's':
		return report(t, portfolio_sort_next(pf, &err), &err);
	case 'S':
		return report(t, portfolio_sort_reverse(pf, &err), &err);
	case '/':
		portfolio_search_begin(pf);
		return UI_HANDLED;
	case 'n':
	case 'N':
		search_again(t, pf, key == 'n' ? 1 : -1);
		return UI_HANDLED;
	case 'f':
		filter_menu(t, pf);
		return UI_HANDLED;
	case UK_ESC:
		if (pf->pattern == NULL && !portfolio_filtered(pf))
			return UI_UNHANDLED;
		if (portfolio_clear(pf))
			reload(t, pf);
		tui_msg(t, "Search and filter cleared.");
		return UI_HANDLED;
	case 'a':
		added = tui_act_partner_add(t);
		if (added > 0)
			pf->want_id = added;
		return UI_HANDLED;
	case 'D':
		if (pf->total != 0)
			tui_msg(t, "The sample portfolio loads only into an empty database.");
		else
			tui_act_demo(t);
		return UI_HANDLED;
	default:
		return partner_key(t, pf, key);
	}
}

/* Every key, then what the short columns and markers mean (each line
 * fits the help's 57 columns at 80). */
static const struct keyhelp pf_help[] = {
	{ "/", "search names as you type; Enter keeps it, Esc goes back", "/ search" },
	{ "n N", "next / previous name matching the search", NULL },
	{ "s", "sort by name, score, phase, next action (in turn)", "s sort" },
	{ "S", "reverse the sort", NULL },
	{ "f", "filter by phase, type, tier, owner, or flagged only", "f filter" },
	{ "Esc", "clear the search and the filter", NULL },
	{ "a", "add a partner", "a add" },
	{ "e", "edit the selected partner's fields", "e edit" },
	{ "E", "edit its notes or value proposition in $VISUAL", NULL },
	{ "h", "update its status: health and a one-line note", "h status" },
	{ ">", "advance its phase (a menu of the allowed moves)", "> advance" },
	{ "D", "load the sample portfolio (empty database only)", NULL },
	{ "", "", NULL },
	{ "T", "tier 1, 2, 3; - for unqualified or never scored", NULL },
	{ "H", "health: G green, A amber, R red, - never set", NULL },
	{ "Next action", "nearest contract end or notice deadline, days to go", NULL },
	{ "", "(300 days or more away: the date with its year)", NULL },
	{ "Type", "strat alliance, chan channel, tech technology,", NULL },
	{ "", "comkt co-marketing, ref referral, jv joint venture", NULL },
	{ "Phase", "prosp propo negot launch ramp steady renew expand exit", NULL },
	{ "Flags", "RENEW renewal due, NOTICE notice deadline soon,", NULL },
	{ "", "LAPSED contract past its end, REVIEW overdue,", NULL },
	{ "", "BEHIND schedule, STALE status, NOSPONSOR no", NULL },
	{ "", "executive sponsor, EXITWATCH, EXPAND; +N more", NULL },
	{ NULL, NULL, NULL },
};

const struct view view_portfolio = {
	.name = "Portfolio",
	.help = pf_help,
	.new = pf_new,
	.free = pf_free,
	.load = pf_load,
	.draw = pf_draw,
	.key = pf_key,
};
