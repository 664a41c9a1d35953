/* view-partner.c: a partner's detail, opened over a view with Enter.  The
 * state (partner-detail.c) holds one snapshot of the partner and a cursor
 * per section; this file draws the section shown and maps keys onto the
 * forms of act-items.c, act-partner.c and act-contract.c. */
#include "act-items.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/figures.h"
#include "ally/flags.h"
#include "ally/renewal.h"
#include "ally/review.h"
#include "ally/score.h"
#include "ally/ui-partner.h"
#include "ally/util.h"

/* The body's lines above the items: the partner, the section tabs and
 * the section's column titles. */
#define PD_HEAD_LINES 3
#define PD_DATE 10

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

static void pd_sync_height(struct tui *t, struct ui_partner *d)
{
	int h = t->rows - 2 - PD_HEAD_LINES;

	ui_partner_set_height(d, h > 0 ? (size_t)h : 1);
}

static int pd_load(struct tui *t, void *st, struct ally_err *err)
{
	struct ui_partner *d = st;
	int rc = ui_partner_load(d, t->store, t->today, err);

	pd_sync_height(t, d);
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

/* ---- columns ---- */

/* Draw cells left to right on line y: each call takes width columns and
 * a space after it. */
struct cells {
	WINDOW *w;
	int y, x, end;
	attr_t attr;
};

static void cell(struct cells *c, int width, const char *s, attr_t extra)
{
	if (width > c->end - c->x)
		width = c->end - c->x;
	tui_text(c->w, c->y, c->x, width, s, c->attr | extra);
	c->x += width + 1;
}

static void cell_right(struct cells *c, int width, const char *s, attr_t extra)
{
	if (width > c->end - c->x)
		width = c->end - c->x;
	tui_text_right(c->w, c->y, c->x, width, s, c->attr | extra);
	c->x += width + 1;
}

/* The rest of the line. */
static void cell_rest(struct cells *c, const char *s, attr_t extra)
{
	cell(c, c->end - c->x, s, extra);
}

static int pct(int cols, int p)
{
	return cols * p / 100;
}

/* The title takes what the other columns leave: the start date shows
 * from 100 columns, the value and auto-renew columns from 120. */
static int contract_title_width(int cols)
{
	int other = 4 + 11 + PD_DATE + 22 + 4;

	if (cols >= 100)
		other += PD_DATE + 1;
	if (cols >= 120)
		other += 16 + 24 + 2;
	return cols - other;
}

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

static void draw_titles(const struct ui_partner *d, WINDOW *w, int cols)
{
	struct cells c = { w, 2, 0, cols, A_BOLD | A_UNDERLINE };

	tui_text(w, 2, 0, cols, NULL, A_UNDERLINE);
	switch (d->sec) {
	case UI_SEC_SCORE:
		cell(&c, 24, "Criterion", 0);
		cell_right(&c, 5, "Value", 0);
		cell_right(&c, 6, "Weight", 0);
		cell_right(&c, 6, "Points", 0);
		break;
	case UI_SEC_CONTACTS:
		cell(&c, pct(cols, 28), "Name", 0);
		cell(&c, pct(cols, 24), "Role", 0);
		cell(&c, pct(cols, 30), "Email", 0);
		cell_rest(&c, "Phone", 0);
		break;
	case UI_SEC_CONTRACTS:
		cell(&c, 4, "#", 0);
		cell(&c, contract_title_width(cols), "Title", 0);
		cell(&c, 11, "Status", 0);
		if (cols >= 100)
			cell(&c, PD_DATE, "Start", 0);
		cell(&c, PD_DATE, "End", 0);
		cell(&c, 22, "Renewal", 0);
		if (cols >= 120) {
			cell_right(&c, 16, "Annual value", 0);
			cell_rest(&c, "Auto-renew", 0);
		}
		break;
	case UI_SEC_PHASES:
		cell(&c, PD_DATE, "Date", 0);
		cell(&c, 28, "Move", 0);
		cell(&c, 12, "By", 0);
		cell_rest(&c, "Note", 0);
		break;
	case UI_SEC_FIGURES:
		cell(&c, 8, "Quarter", 0);
		cell(&c, 16, "Metric", 0);
		cell_right(&c, 16, "Target", 0);
		cell_right(&c, 16, "Actual", 0);
		cell_rest(&c, "Quarter's target", 0);
		break;
	case UI_SEC_REVIEWS:
		cell_rest(&c, "Reviews (date, kind, attendees), then action items", 0);
		break;
	default:
		break;
	}
}

/* ---- one line of an item ---- */

static void line_field(struct tui *t, const struct ui_partner *d, struct cells *c, size_t f)
{
	char *v = ui_partner_field_value(d, (enum ui_field)f);
	attr_t a = 0;

	if (f == UI_F_HEALTH)
		a = tui_attr_health(t, d->p.health);
	else if (f == UI_F_NEXT_REVIEW && review_overdue(d->next_review, d->today))
		a = tui_attr_pair(t, PAIR_RED);
	c->x += 2;
	cell(c, 14, ui_field_labels[f], A_BOLD);
	cell_rest(c, *v != '\0' ? v : "-", a);
	free(v);
}

static void line_criterion(const struct ui_partner *d, struct cells *c, size_t i)
{
	int v = score_criterion(&d->p.score_in, (enum criterion)i), wt = criterion_weights[i];
	char val[16], weight[16], pts[16], *label;
	bool scored = d->p.score_w >= 0;

	snprintf(val, sizeof val, "%d", v);
	snprintf(weight, sizeof weight, "x %d", wt);
	snprintf(pts, sizeof pts, "%d", v * wt);
	/* "Strategic fit": the core's labels are lower case for sentences. */
	label = xstrdup(criterion_labels[i]);
	if (label[0] >= 'a' && label[0] <= 'z')
		label[0] = (char)(label[0] - 'a' + 'A');
	cell(c, 24, label, 0);
	free(label);
	cell_right(c, 5, scored ? val : "-", 0);
	cell_right(c, 6, weight, 0);
	cell_right(c, 6, scored ? pts : "-", 0);
}

static void line_total(const struct ui_partner *d, struct cells *c)
{
	char *total = ui_partner_score_total(d);

	cell(c, 24, "Weighted total", A_BOLD);
	cell_rest(c, total, A_BOLD);
	free(total);
}

static void line_scoring(const struct ui_partner *d, struct cells *c, size_t i)
{
	const struct score_entry *e = &d->scores.rows[i];
	enum tier tier = score_tier(e->w);
	char day[DATE_BUFSZ], score[8], *what;

	what = xasprintf("scored %s, %s%s, by %s", score_format(e->w, score),
			 tier == TIER_UNQUALIFIED ? "" : "tier ", tier_name(tier),
			 e->author != NULL ? e->author : "?");
	c->x += 2;
	cell(c, PD_DATE, date_format(e->date, day), 0);
	cell_rest(c, what, 0);
	free(what);
}

static void line_contact(const struct ui_partner *d, struct cells *c, size_t i, int cols)
{
	const struct contact *k = &d->contacts.rows[i];

	cell(c, pct(cols, 28), k->name, contact_is_exec_sponsor(k->role) ? A_BOLD : 0);
	cell(c, pct(cols, 24), k->role, 0);
	cell(c, pct(cols, 30), k->email, 0);
	cell_rest(c, k->phone, 0);
}

static void line_contract(struct tui *t, const struct ui_partner *d, struct cells *c, size_t i,
			  int cols)
{
	const struct contract *k = &d->contracts.rows[i];
	char id[24], a[DATE_BUFSZ], b[DATE_BUFSZ], money[MONEY_BUFSZ], *band, *value;
	struct renewal r;
	bool active = renewal_of_contract(k, d->today, &r);

	snprintf(id, sizeof id, "%lld", (long long)k->id);
	band = ui_partner_contract_band(d, i);
	cell(c, 4, id, 0);
	cell(c, contract_title_width(cols), k->title, 0);
	cell(c, 11, enum_name(contract_status_names, k->status), 0);
	if (cols >= 100)
		cell(c, PD_DATE, date_format(k->start_date, a), 0);
	cell(c, PD_DATE, date_format(k->end_date, b), 0);
	cell(c, 22, band, active ? tui_attr_band(t, (int)r.band) : 0);
	if (cols >= 120) {
		value = k->annual_value >= 0
				? xasprintf("%s %s", money_format(k->annual_value, money), k->currency)
				: xstrdup("");
		cell_right(c, 16, value, 0);
		free(value);
		if (k->auto_renew) {
			char *ar = active && r.notice_deadline != DATE_NONE
					   ? xasprintf("notice by %s",
						       date_format(r.notice_deadline, a))
					   : xstrdup("yes");

			cell_rest(c, ar, 0);
			free(ar);
		}
	}
	free(band);
}

static void line_phase(const struct ui_partner *d, struct cells *c, size_t i)
{
	const struct phase_entry *e = &d->phases.rows[i];
	const char *from = enum_name(phase_names, e->from), *to = enum_name(phase_names, e->to);
	char day[DATE_BUFSZ], *move;

	move = xasprintf("%s -> %s", from ? from : "?", to ? to : "?");
	cell(c, PD_DATE, date_format(e->date, day), 0);
	cell(c, 28, move, e->to == d->p.phase && i + 1 == d->phases.n ? A_BOLD : 0);
	cell(c, 12, e->author, 0);
	cell_rest(c, e->note, 0);
	free(move);
}

static void line_figure(const struct ui_partner *d, struct cells *c, size_t i,
			const struct ui_item *it)
{
	const struct quarter_figures *q = &d->figures.rows[it->index];
	bool first = i == 0 || d->figs[i - 1].q != it->index;
	char qb[8], tb[32], ab[32];
	enum metric m = (enum metric)it->metric;
	const char *met = ui_partner_quarter_met(d, it->index);

	cell(c, 8, first ? quarter_format(q->quarter, qb) : "", first ? A_BOLD : 0);
	cell(c, 16, metric_names[m], 0);
	cell_right(c, 16, q->target[m] >= 0 ? metric_value_format(m, q->target[m], tb) : "-", 0);
	cell_right(c, 16, q->actual[m] >= 0 ? metric_value_format(m, q->actual[m], ab) : "-", 0);
	cell_rest(c, first && *met != '\0' ? (strcmp(met, "met") == 0 ? "met" : "missed") : "",
		  first && strcmp(met, "missed") == 0 ? A_BOLD : 0);
}

/* Line k of a review: the meeting, then its notes, then its decisions. */
static void line_review(const struct ui_partner *d, struct cells *c, size_t i, size_t k)
{
	const struct review *r = &d->reviews.rows[i];
	size_t nn = ui_lines_count(r->notes);
	char day[DATE_BUFSZ], *text;

	if (k == 0) {
		cell(c, PD_DATE, date_format(r->date, day), A_BOLD);
		cell(c, 13, enum_name(review_kind_names, r->kind), A_BOLD);
		cell_rest(c, r->attendees, 0);
		return;
	}
	c->x += 4;
	if (k - 1 < nn) {
		text = ui_lines_get(r->notes, k - 1);
		cell_rest(c, text, 0);
	} else {
		text = ui_lines_get(r->decisions, k - 1 - nn);
		cell(c, 9, k - 1 == nn ? "Decided:" : "", A_BOLD);
		cell_rest(c, text, 0);
	}
	free(text);
}

static void line_action(struct tui *t, const struct ui_partner *d, struct cells *c, size_t i)
{
	const struct action_item *a = &d->actions.rows[i];
	char day[DATE_BUFSZ], *due;
	bool late = !a->done && a->due != DATE_NONE && a->due < d->today;
	int rest;

	due = a->due != DATE_NONE ? xasprintf("due %s%s", date_format(a->due, day),
					      late ? " (late)" : "")
				  : xstrdup("");
	cell(c, 3, a->done ? "[x]" : "[ ]", 0);
	rest = c->end - c->x - 16 - 23;
	cell(c, rest > 10 ? rest : 10, a->text, a->done ? tui_attr_pair(t, PAIR_DIM) : 0);
	cell(c, 16, a->owner, 0);
	cell_rest(c, due, late ? tui_attr_pair(t, PAIR_RED) : 0);
	free(due);
}

/* Line k of a long text: its label, then the text. */
static void line_text(struct tui *t, const struct ui_partner *d, struct cells *c, size_t i,
		      size_t k)
{
	const char *text = ui_partner_text(d, (enum ui_text)i);
	char *line;

	if (k == 0) {
		cell_rest(c, ui_text_labels[i], A_BOLD);
		return;
	}
	c->x += 2;
	if (text == NULL) {
		cell_rest(c, "(empty: E writes it in your editor)", tui_attr_pair(t, PAIR_DIM));
		return;
	}
	line = ui_lines_get(text, k - 1);
	cell_rest(c, line, 0);
	free(line);
}

static void draw_line(struct tui *t, const struct ui_partner *d, WINDOW *w, int y, size_t i,
		      const struct ui_item *it, size_t k, int cols)
{
	bool sel = i == d->pos[d->sec].cur;
	struct cells c = { w, y, 0, cols, sel ? A_REVERSE : 0 };

	tui_text(w, y, 0, cols, NULL, c.attr);
	switch (it->kind) {
	case UI_ITEM_FIELD:
		line_field(t, d, &c, it->index);
		break;
	case UI_ITEM_FLAG:
		c.x += 2;
		cell_rest(&c, flag_text((enum partner_flag)(1u << it->index)), A_BOLD);
		break;
	case UI_ITEM_CRITERION:
		line_criterion(d, &c, it->index);
		break;
	case UI_ITEM_TOTAL:
		line_total(d, &c);
		break;
	case UI_ITEM_SCORING:
		line_scoring(d, &c, it->index);
		break;
	case UI_ITEM_CONTACT:
		line_contact(d, &c, it->index, cols);
		break;
	case UI_ITEM_CONTRACT:
		line_contract(t, d, &c, it->index, cols);
		break;
	case UI_ITEM_PHASE:
		line_phase(d, &c, it->index);
		break;
	case UI_ITEM_FIGURE:
		line_figure(d, &c, i, it);
		break;
	case UI_ITEM_REVIEW:
		line_review(d, &c, it->index, k);
		break;
	case UI_ITEM_ACTION:
		line_action(t, d, &c, it->index);
		break;
	case UI_ITEM_TEXT:
		line_text(t, d, &c, it->index, k);
		break;
	}
}

/* The items of the current section from the scroll line on. */
static void draw_items(struct tui *t, const struct ui_partner *d, WINDOW *w, int rows, int cols)
{
	size_t height = rows > PD_HEAD_LINES ? (size_t)(rows - PD_HEAD_LINES) : 1;
	size_t top = ui_partner_top(d, height), n = ui_partner_count(d, d->sec), line = 0;
	struct ui_item it;

	if (n == 0) {
		tui_text(w, PD_HEAD_LINES + 1, 2, cols - 2, empty_text[d->sec], A_NORMAL);
		return;
	}
	for (size_t i = 0; i < n && line < top + height; i++) {
		size_t len;

		ui_partner_item(d, d->sec, i, &it);
		len = ui_partner_item_lines(d, &it);
		for (size_t k = 0; k < len; k++, line++)
			if (line >= top && line < top + height)
				draw_line(t, d, w, PD_HEAD_LINES + (int)(line - top), i, &it, k,
					  cols);
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
	draw_title(t, d, w, cols);
	draw_tabs(d, w, cols);
	draw_titles(d, w, cols);
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

	pd_sync_height(t, d);
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
	{ "Tab Shift-Tab", "next / previous section (also Right / Left)" },
	{ "j k g G", "move over the items of the section" },
	{ "a", "add to the section: a contact, contract, review or action item," },
	{ "", "key figure, scoring, note; in Phases, a phase move" },
	{ "e Enter", "edit the selected item in a form; on an action item, mark it" },
	{ "", "done or open again (asks first)" },
	{ "E", "edit notes or a value proposition in $VISUAL / $EDITOR" },
	{ "h", "update the status: health and a note" },
	{ ">", "move the phase (a menu of the allowed moves)" },
	{ "R", "renew the selected contract (in Contracts)" },
	{ "q Esc", "back to the list" },
	{ NULL, NULL },
};

const struct view view_partner = {
	.name = "Partner",
	.hint = "Tab section  a add  e edit  E text  h status  > phase  R renew  ? help",
	.help = pd_help,
	.new = pd_new,
	.free = pd_free,
	.load = pd_load,
	.draw = pd_draw,
	.key = pd_key,
	.title = pd_title,
};
