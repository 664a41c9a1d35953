/* view-renewals.c: the Renewals view, the renewal list of domain.md in
 * sections by band.  The state (renewals.c) holds the rows, the horizon
 * and the cursor; this file draws it and maps keys onto it and onto the
 * contract and partner actions. */
#include "tui.h"

#include <stdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ally/enums.h"
#include "ally/phase.h"
#include "ally/renewal.h"
#include "ally/ui-portfolio.h"
#include "ally/ui-renewals.h"
#include "ally/util.h"

/* The body's lines above the rows: the header line and the column titles. */
#define RN_HEAD_LINES 2
/* From this width on, values and phases are shown in full. */
#define RN_WIDE 110

static void *rn_new(struct tui *t)
{
	return renewals_new(t->store, t->today);
}

static void rn_free(void *st)
{
	renewals_free(st);
}

/* Lines of the list that fit in the body (the screen less the top and
 * status lines and the view's own two head lines). */
static void rn_sync_height(struct tui *t, struct renewals_state *s)
{
	int h = t->rows - 2 - RN_HEAD_LINES;

	renewals_set_height(s, h > 0 ? (size_t)h : 1);
}

static int rn_load(struct tui *t, void *st, struct ally_err *err)
{
	struct renewals_state *s = st;

	rn_sync_height(t, s);
	return renewals_load(s, err);
}

/* ---- drawing ---- */

/* Column widths; autor is 0 when auto-renew has no column of its own
 * (narrow screens: the notice column then says "no auto" instead). */
struct rn_columns {
	int partner, title, end, days, autor, notice, value, phase;
	bool wide;
};

/* At 80 columns, partner and title get 15 and 18: most names and titles
 * read whole, and the rest of the screen goes to them as it widens. */
static void rn_columns(int cols, struct rn_columns *c)
{
	int fixed, rest;

	c->wide = cols >= RN_WIDE;
	c->end = 10;
	c->days = c->wide ? 6 : 5; /* "-1234": lapsed years ago */
	c->autor = c->wide ? 4 : 0;
	c->notice = c->wide ? RENEWALS_NOTICE_WIDE : 10;
	c->value = c->wide ? 14 : 10;
	c->phase = c->wide ? 12 : 6;
	fixed = c->end + c->days + c->autor + c->notice + c->value + c->phase;
	rest = cols - fixed - (c->autor > 0 ? 7 : 6);
	if (rest < 10)
		rest = 10;
	c->partner = rest * 8 / 17;
	c->title = rest - c->partner;
}

static void draw_titles(WINDOW *w, const struct rn_columns *c, int cols)
{
	attr_t a = A_BOLD | A_UNDERLINE;
	int x = 0;

	tui_text(w, 1, 0, cols, NULL, A_UNDERLINE);
	tui_text(w, 1, x, c->partner, "Partner", a);
	x += c->partner + 1;
	tui_text(w, 1, x, c->title, "Contract", a);
	x += c->title + 1;
	tui_text(w, 1, x, c->end, "Ends", a);
	x += c->end + 1;
	tui_text_right(w, 1, x, c->days, "Days", a);
	x += c->days + 1;
	if (c->autor > 0) {
		tui_text(w, 1, x, c->autor, "Auto", a);
		x += c->autor + 1;
	}
	tui_text(w, 1, x, c->notice, "Notice by", a);
	x += c->notice + 1;
	tui_text_right(w, 1, x, c->value, "Value/yr", a);
	x += c->value + 1;
	tui_text(w, 1, x, c->phase, "Phase", a);
}

/* How a section reads without colour too: its name and count in words. */
static attr_t section_attr(const struct tui *t, int section)
{
	switch (section) {
	case RSEC_LAPSED:
		return tui_attr_band(t, BAND_LAPSED) | A_BOLD;
	case RSEC_URGENT:
		return tui_attr_band(t, BAND_URGENT) | A_BOLD;
	case RSEC_WINDOW:
		return tui_attr_band(t, BAND_WINDOW) | A_BOLD;
	default:
		return A_BOLD;
	}
}

static void draw_header_line(struct tui *t, WINDOW *w, int y, const struct rline *l, int cols)
{
	const char *dot = t->utf8 ? "\u00b7" : "-";

	tui_textf(w, y, 0, cols, section_attr(t, l->section), "%s %s %s %s %" PRId64 " %s",
		  rsection_names[l->section], dot, rsection_about[l->section], dot, l->count,
		  l->count == 1 ? "contract" : "contracts");
}

static void value_text(const struct renewal *r, bool wide, char out[MONEY_BUFSZ + 8])
{
	char m[MONEY_BUFSZ];

	if (r->annual_value < 0)
		snprintf(out, MONEY_BUFSZ + 8, "-");
	else if (wide)
		snprintf(out, MONEY_BUFSZ + 8, "%s %.3s", money_format(r->annual_value, m),
			 r->currency);
	else
		snprintf(out, MONEY_BUFSZ + 8, "%s", ui_money_short(r->annual_value, r->currency, m));
}

static const char *phase_text(int phase)
{
	const char *s = enum_name(phase_names, phase);

	return s != NULL ? s : "";
}

static void draw_row(struct tui *t, WINDOW *w, int y, const struct renewal *r, bool selected,
		     const struct rn_columns *c, int cols)
{
	attr_t sel = selected ? A_REVERSE : 0;
	attr_t notice = renewal_notice_soon(r) ? tui_attr_pair(t, PAIR_AMBER) | A_BOLD : 0;
	char end[DATE_BUFSZ], by[RENEWALS_NOTICE_BUFSZ], value[MONEY_BUFSZ + 8];
	char days[RENEWALS_DAYS_BUFSZ];
	int x = 0;

	tui_text(w, y, 0, cols, NULL, sel);
	tui_text(w, y, x, c->partner, r->partner, sel);
	x += c->partner + 1;
	tui_text(w, y, x, c->title, r->title, sel);
	x += c->title + 1;
	tui_text(w, y, x, c->end, date_format(r->end_date, end), sel);
	x += c->end + 1;
	tui_text_right(w, y, x, c->days, renewals_days_text(r->days_left, (size_t)c->days, days),
		       sel | tui_attr_band(t, r->band));
	x += c->days + 1;
	if (c->autor > 0) {
		tui_text(w, y, x, c->autor, r->auto_renew ? "yes" : "no", sel);
		x += c->autor + 1;
	}
	tui_text(w, y, x, c->notice, renewals_notice_text(r, c->autor > 0, by), sel | notice);
	x += c->notice + 1;
	value_text(r, c->wide, value);
	tui_text_right(w, y, x, c->value, value, sel);
	x += c->value + 1;
	tui_text(w, y, x, c->phase, c->wide ? phase_text(r->phase) : pf_phase_abbrev(r->phase),
		 sel);
}

static void draw_empty(struct renewals_state *s, WINDOW *w, int cols)
{
	tui_textf(w, 3, 2, cols - 2, A_BOLD,
		  "No contract ends, or has a notice deadline, within %d days.", s->horizon);
	tui_text(w, 5, 2, cols - 2,
		 s->horizon < RENEWALS_HORIZON_MAX ? "Press + to look further ahead." : "", 0);
}

static void rn_draw(struct tui *t, void *st, WINDOW *w, int rows, int cols)
{
	struct renewals_state *s = st;
	const char *dot = t->utf8 ? "\u00b7" : "-";
	size_t visible = rows > RN_HEAD_LINES ? (size_t)(rows - RN_HEAD_LINES) : 1;
	size_t top = s->nav.top;
	struct rn_columns c;

	tui_textf(w, 0, 0, cols, A_BOLD, "Renewals within %d days %s %" PRId64 " %s %s +/- horizon",
		  s->horizon, dot, s->ncontracts, s->ncontracts == 1 ? "contract" : "contracts",
		  dot);
	if (s->nlines == 0) {
		draw_empty(s, w, cols);
		return;
	}
	rn_columns(cols, &c);
	draw_titles(w, &c, cols);
	/* A resize seen while another screen was up may not have reached the
	 * state's height yet: keep the cursor in view without changing it. */
	if (s->nav.cur >= top + visible)
		top = s->nav.cur - visible + 1;
	for (size_t i = top; i < s->nlines && i < top + visible; i++) {
		int y = RN_HEAD_LINES + (int)(i - top);

		if (s->lines[i].r == NULL)
			draw_header_line(t, w, y, &s->lines[i], cols);
		else
			draw_row(t, w, y, s->lines[i].r, i == s->nav.cur, &c, cols);
	}
}

/* ---- keys ---- */

static void horizon_key(struct tui *t, struct renewals_state *s, int delta)
{
	struct ally_err err;
	bool changed;

	ally_err_clear(&err);
	if (renewals_step_horizon(s, delta, &changed, &err) != ALLY_OK)
		tui_error(t, &err);
	else if (changed)
		tui_msg(t, "Renewals within %d days.", s->horizon);
	else
		tui_msg(t, "The horizon is %d to %d days; it is %d.", RENEWALS_HORIZON_MIN,
			RENEWALS_HORIZON_MAX, s->horizon);
}

/* The keys that act on the selected contract or its partner. */
static enum ui_result contract_key(struct tui *t, struct renewals_state *s, int key)
{
	const struct renewal *r = renewals_selected(s);

	if (key != UK_ENTER && key != 'R' && key != 'e' && key != 'h' && key != '>')
		return UI_UNHANDLED;
	if (r == NULL) {
		tui_msg(t, "No contract selected.");
		return UI_HANDLED;
	}
	switch (key) {
	case UK_ENTER:
		tui_open_partner(t, r->partner_id);
		break;
	case 'R':
		/* The renewed contract usually leaves the list: the next one
		 * takes its place under the cursor. */
		if (tui_act_renew(t, r->contract_id))
			renewals_keep_position(s);
		break;
	case 'e':
		tui_act_contract_form(t, r->partner_id, r->contract_id);
		break;
	case 'h':
		tui_act_status(t, r->partner_id);
		break;
	default:
		tui_act_advance(t, r->partner_id);
		break;
	}
	return UI_HANDLED;
}

static enum ui_result rn_key(struct tui *t, void *st, int key)
{
	struct renewals_state *s = st;
	struct ally_err err;

	ally_err_clear(&err);
	rn_sync_height(t, s);
	if (renewals_key(s, key, &err)) {
		if (err.status != ALLY_OK)
			tui_error(t, &err);
		return UI_HANDLED;
	}
	switch (key) {
	case '+':
	case '=': /* '+' without Shift on most keyboards */
		horizon_key(t, s, RENEWALS_HORIZON_STEP);
		return UI_HANDLED;
	case '-':
		horizon_key(t, s, -RENEWALS_HORIZON_STEP);
		return UI_HANDLED;
	default:
		return contract_key(t, s, key);
	}
}

static const struct keyhelp rn_help[] = {
	{ "Enter", "open the selected contract's partner", "Enter open" },
	{ "R", "renew the selected contract for its renewal term (asks first)", "R renew" },
	{ "e", "edit the selected contract", "e edit" },
	{ "+ = -", "look 30 days further / nearer ahead (30 to 360 days); = is +", "+ - horizon" },
	{ "", "without Shift", NULL },
	{ "h", "update its partner's status: health and a note", "h status" },
	{ ">", "advance its partner's phase", "> advance" },
	{ "", "", NULL },
	{ "Listed", "active contracts ending within the horizon, or whose auto-renew", NULL },
	{ "", "notice deadline falls within it; lapsed ones always; by action date", NULL },
	{ "Lapsed", "the end date has passed", NULL },
	{ "Urgent", "ends within 60 days", NULL },
	{ "Window", "ends in 60 to 90 days", NULL },
	{ "Notice soon", "ends later, but the notice deadline is 0-30 days ahead", NULL },
	{ "Later", "ends after 90 days (a longer horizon, or a later notice deadline)", NULL },
	{ "Notice by", "end date less the notice days: the last day to stop an auto-renewal;", NULL },
	{ "", "\"no auto\" (or Auto: no) when the contract does not renew by itself;", NULL },
	{ "", "\"passed\" (\"10-28 past\" at 80 columns) once that day is behind:", NULL },
	{ "", "too late to give notice", NULL },
	{ "Value/yr", "annual value (K thousands, M millions) in the contract's currency", NULL },
	{ NULL, NULL, NULL },
};

const struct view view_renewals = {
	.name = "Renewals",
	.help = rn_help,
	.new = rn_new,
	.free = rn_free,
	.load = rn_load,
	.draw = rn_draw,
	.key = rn_key,
};
