/* partner-layout.c: how the partner detail lays out the lines of an
 * item at a width: cells side by side in rows that stack, each text
 * wrapped inside its column.  The state (partner-detail.c) counts an
 * item's lines from it to scroll; view-partner.c draws it.  No terminal;
 * see ui-partner.h. */
#include "ally/ui-partner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/figures.h"
#include "ally/flags.h"
#include "ally/money.h"
#include "ally/renewal.h"
#include "ally/review.h"
#include "ally/score.h"
#include "ally/text.h"
#include "ally/util.h"

/* Columns of s: its bytes when they are all ASCII.  text_width sets up
 * a UTF-8 locale on every call where the process's is not one (LANG=C),
 * and ui_wrap calls it for each character: a line that fits is kept
 * whole without either. */
static size_t line_cols(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] >= 0x80)
			return text_width(s);
	return i;
}

static void push(char ***lines, size_t *n, size_t *cap, char *line)
{
	if (*n == *cap) {
		*cap = *cap > 0 ? 2 * *cap : 4;
		*lines = xrealloc(*lines, *cap * sizeof **lines);
	}
	(*lines)[(*n)++] = line;
}

size_t ui_text_wrap(const char *s, size_t width, bool breaks, char ***out)
{
	char **lines = NULL, *vis, *p;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (s == NULL || *s == '\0' || width == 0)
		return 0;
	vis = text_visible(s, breaks); /* valid UTF-8, as ui_wrap wants */
	for (p = vis; *p != '\0';) {
		char *nl = strchr(p, '\n');
		const char *q = p, *next;

		if (nl != NULL)
			*nl = '\0'; /* one line of the text at a time */
		if (line_cols(p) <= width) {
			push(&lines, &n, &cap, xstrdup(p));
			q = p + strlen(p);
		}
		while (*q != '\0') {
			push(&lines, &n, &cap, xstrndup(q, ui_wrap(q, width, &next)));
			q = next;
		}
		p = nl != NULL ? nl + 1 : (char *)q;
	}
	free(vis);
	*out = lines;
	return n;
}

void ui_row_finish(struct ui_row *r)
{
	for (size_t c = 0; c < r->ncells; c++) {
		for (size_t k = 0; k < r->cells[c].nlines; k++)
			free(r->cells[c].lines[k]);
		free(r->cells[c].lines);
	}
	r->ncells = 0;
}

void ui_layout_finish(struct ui_layout *l)
{
	for (size_t r = 0; r < l->nrows; r++)
		ui_row_finish(&l->rows[r]);
	l->nrows = 0;
	l->lines = 0;
}

/* How put lays its text out. */
enum {
	PUT_WRAP = 0,   /* over as many lines as it needs */
	PUT_BREAKS = 1, /* the same, keeping its own line breaks */
	PUT_ONE = 2,    /* on one line, cut when drawn (titles, numbers) */
	PUT_RIGHT = 4,  /* on one line, right-aligned */
};

/* A row being filled left to right: each cell takes its width and a
 * space after it, as far as end. */
struct rowb {
	struct ui_row *row;
	size_t x, end;
};

static size_t minus(size_t a, size_t b)
{
	return a > b ? a - b : 0;
}

static struct rowb row_start(struct ui_row *r, size_t x, size_t width)
{
	struct rowb b = { r, x, width };

	memset(r, 0, sizeof *r);
	r->lines = 1;
	return b;
}

/* A new row at column x of layout l. */
static struct rowb row_add(struct ui_layout *l, size_t x, size_t width)
{
	return row_start(&l->rows[l->nrows++], x, width);
}

static struct ui_cell *put(struct rowb *b, size_t width, const char *text, unsigned how,
			   enum ui_look look)
{
	struct ui_row *r = b->row;
	struct ui_cell *c = &r->cells[r->ncells++];

	if (width > minus(b->end, b->x))
		width = minus(b->end, b->x);
	c->x = b->x;
	c->width = width;
	c->look = look;
	c->right = (how & PUT_RIGHT) != 0;
	if ((how & (PUT_ONE | PUT_RIGHT)) == 0) {
		c->nlines = ui_text_wrap(text, width, (how & PUT_BREAKS) != 0, &c->lines);
	} else if (text != NULL && *text != '\0' && width > 0) {
		c->lines = xmalloc(sizeof *c->lines);
		c->lines[0] = text_visible(text, 0);
		c->nlines = 1;
	}
	if (c->nlines > r->lines)
		r->lines = c->nlines;
	b->x += width + 1;
	return c;
}

/* The rest of the row. */
static struct ui_cell *put_rest(struct rowb *b, const char *text, unsigned how, enum ui_look look)
{
	return put(b, minus(b->end, b->x), text, how, look);
}

static size_t pct(size_t width, size_t p)
{
	return width * p / 100;
}

/* The contract's title takes what the other columns leave: the start
 * date shows from 100 columns, the value and auto-renew from 120. */
static size_t contract_title_width(size_t width)
{
	size_t other = 4 + 11 + 10 + 22 + 4;

	if (width >= 100)
		other += 10 + 1;
	if (width >= 120)
		other += 16 + 24 + 2;
	return minus(width, other);
}

void ui_partner_titles(enum ui_section s, size_t width, struct ui_row *out)
{
	struct rowb b = row_start(out, 0, width);

	switch (s) {
	case UI_SEC_SCORE:
		put(&b, 24, "Criterion", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 5, "Value", PUT_RIGHT, UI_LOOK_BOLD);
		put(&b, 6, "Weight", PUT_RIGHT, UI_LOOK_BOLD);
		put(&b, 6, "Points", PUT_RIGHT, UI_LOOK_BOLD);
		break;
	case UI_SEC_CONTACTS:
		put(&b, pct(width, 28), "Name", PUT_ONE, UI_LOOK_BOLD);
		put(&b, pct(width, 24), "Role", PUT_ONE, UI_LOOK_BOLD);
		put(&b, pct(width, 30), "Email", PUT_ONE, UI_LOOK_BOLD);
		put_rest(&b, "Phone", PUT_ONE, UI_LOOK_BOLD);
		break;
	case UI_SEC_CONTRACTS:
		put(&b, 4, "#", PUT_ONE, UI_LOOK_BOLD);
		put(&b, contract_title_width(width), "Title", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 11, "Status", PUT_ONE, UI_LOOK_BOLD);
		if (width >= 100)
			put(&b, 10, "Start", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 10, "End", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 22, "Renewal", PUT_ONE, UI_LOOK_BOLD);
		if (width >= 120) {
			put(&b, 16, "Annual value", PUT_RIGHT, UI_LOOK_BOLD);
			put_rest(&b, "Auto-renew", PUT_ONE, UI_LOOK_BOLD);
		}
		break;
	case UI_SEC_PHASES:
		put(&b, 10, "Date", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 28, "Move", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 12, "By", PUT_ONE, UI_LOOK_BOLD);
		put_rest(&b, "Note", PUT_ONE, UI_LOOK_BOLD);
		break;
	case UI_SEC_FIGURES:
		put(&b, 8, "Quarter", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 16, "Metric", PUT_ONE, UI_LOOK_BOLD);
		put(&b, 16, "Target", PUT_RIGHT, UI_LOOK_BOLD);
		put(&b, 16, "Actual", PUT_RIGHT, UI_LOOK_BOLD);
		put_rest(&b, "Quarter's target", PUT_ONE, UI_LOOK_BOLD);
		break;
	case UI_SEC_REVIEWS:
		put_rest(&b, "Reviews (date, kind, attendees), then action items", PUT_ONE,
			 UI_LOOK_BOLD);
		break;
	default:
		break;
	}
}

/* An overview field: its label, and its value wrapped under itself. */
static void lay_field(const struct ui_partner *d, struct ui_layout *l, size_t f, size_t width)
{
	struct rowb b = row_add(l, 2, width);
	char *v = ui_partner_field_value(d, (enum ui_field)f);
	struct ui_cell *c;

	put(&b, 14, ui_field_labels[f], PUT_ONE, UI_LOOK_BOLD);
	c = put_rest(&b, *v != '\0' ? v : "-", PUT_WRAP, UI_LOOK_PLAIN);
	if (f == UI_F_HEALTH) {
		c->look = UI_LOOK_HEALTH;
		c->arg = d->p.health;
	} else if (f == UI_F_NEXT_REVIEW && review_overdue(d->next_review, d->today)) {
		c->look = UI_LOOK_ALERT;
	}
	free(v);
}

static void lay_criterion(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
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
	put(&b, 24, label, PUT_WRAP, UI_LOOK_PLAIN);
	free(label);
	put(&b, 5, scored ? val : "-", PUT_RIGHT, UI_LOOK_PLAIN);
	put(&b, 6, weight, PUT_RIGHT, UI_LOOK_PLAIN);
	put(&b, 6, scored ? pts : "-", PUT_RIGHT, UI_LOOK_PLAIN);
}

static void lay_total(const struct ui_partner *d, struct ui_layout *l, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	char *total = ui_partner_score_total(d);

	put(&b, 24, "Weighted total", PUT_ONE, UI_LOOK_BOLD);
	put_rest(&b, total, PUT_WRAP, UI_LOOK_BOLD);
	free(total);
}

static void lay_scoring(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 2, width);
	const struct score_entry *e = &d->scores.rows[i];
	enum tier tier = score_tier(e->w);
	char day[DATE_BUFSZ], score[8], *what;

	what = xasprintf("scored %s, %s%s, by %s", score_format(e->w, score),
			 tier == TIER_UNQUALIFIED ? "" : "tier ", tier_name(tier),
			 e->author != NULL ? e->author : "?");
	put(&b, 10, date_format(e->date, day), PUT_ONE, UI_LOOK_PLAIN);
	put_rest(&b, what, PUT_WRAP, UI_LOOK_PLAIN);
	free(what);
}

static void lay_contact(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	const struct contact *k = &d->contacts.rows[i];

	put(&b, pct(width, 28), k->name, PUT_WRAP,
	    contact_is_exec_sponsor(k->role) ? UI_LOOK_BOLD : UI_LOOK_PLAIN);
	put(&b, pct(width, 24), k->role, PUT_WRAP, UI_LOOK_PLAIN);
	put(&b, pct(width, 30), k->email, PUT_WRAP, UI_LOOK_PLAIN);
	put_rest(&b, k->phone, PUT_WRAP, UI_LOOK_PLAIN);
}

static void lay_contract(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	const struct contract *k = &d->contracts.rows[i];
	char id[24], a[DATE_BUFSZ], money[MONEY_BUFSZ], *band, *text;
	struct renewal r;
	bool active = renewal_of_contract(k, d->today, &r);
	struct ui_cell *c;

	snprintf(id, sizeof id, "%lld", (long long)k->id);
	put(&b, 4, id, PUT_ONE, UI_LOOK_PLAIN);
	put(&b, contract_title_width(width), k->title, PUT_WRAP, UI_LOOK_PLAIN);
	put(&b, 11, enum_name(contract_status_names, k->status), PUT_WRAP, UI_LOOK_PLAIN);
	if (width >= 100)
		put(&b, 10, date_format(k->start_date, a), PUT_ONE, UI_LOOK_PLAIN);
	put(&b, 10, date_format(k->end_date, a), PUT_ONE, UI_LOOK_PLAIN);
	band = ui_partner_contract_band(d, i);
	c = put(&b, 22, band, PUT_WRAP, active ? UI_LOOK_BAND : UI_LOOK_PLAIN);
	c->arg = active ? (int)r.band : 0;
	free(band);
	if (width < 120)
		return;
	text = k->annual_value >= 0
		       ? xasprintf("%s %s", money_format(k->annual_value, money), k->currency)
		       : xstrdup("");
	put(&b, 16, text, PUT_RIGHT, UI_LOOK_PLAIN);
	free(text);
	if (!k->auto_renew)
		return;
	text = active && r.notice_deadline != DATE_NONE
		       ? xasprintf("notice by %s", date_format(r.notice_deadline, a))
		       : xstrdup("yes");
	put_rest(&b, text, PUT_WRAP, UI_LOOK_PLAIN);
	free(text);
}

static void lay_phase(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	const struct phase_entry *e = &d->phases.rows[i];
	const char *from = enum_name(phase_names, e->from), *to = enum_name(phase_names, e->to);
	char day[DATE_BUFSZ], *move;

	move = xasprintf("%s -> %s", from ? from : "?", to ? to : "?");
	put(&b, 10, date_format(e->date, day), PUT_ONE, UI_LOOK_PLAIN);
	put(&b, 28, move, PUT_WRAP,
	    e->to == d->p.phase && i + 1 == d->phases.n ? UI_LOOK_BOLD : UI_LOOK_PLAIN);
	put(&b, 12, e->author, PUT_WRAP, UI_LOOK_PLAIN);
	put_rest(&b, e->note, PUT_WRAP, UI_LOOK_PLAIN);
	free(move);
}

/* Line i of the figures: the quarter and whether it met its target on
 * the first line of a quarter only. */
static void lay_figure(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	size_t qi = d->figs[i].q;
	const struct quarter_figures *q = &d->figures.rows[qi];
	bool first = i == 0 || d->figs[i - 1].q != qi;
	char qb[8], tb[32], ab[32];
	enum metric m = (enum metric)d->figs[i].metric;
	const char *met = first ? ui_partner_quarter_met(d, qi) : "";

	put(&b, 8, first ? quarter_format(q->quarter, qb) : "", PUT_ONE,
	    first ? UI_LOOK_BOLD : UI_LOOK_PLAIN);
	put(&b, 16, metric_names[m], PUT_WRAP, UI_LOOK_PLAIN);
	put(&b, 16, q->target[m] >= 0 ? metric_value_format(m, q->target[m], tb) : "-", PUT_RIGHT,
	    UI_LOOK_PLAIN);
	put(&b, 16, q->actual[m] >= 0 ? metric_value_format(m, q->actual[m], ab) : "-", PUT_RIGHT,
	    UI_LOOK_PLAIN);
	put_rest(&b, met, PUT_WRAP, strcmp(met, "missed") == 0 ? UI_LOOK_BOLD : UI_LOOK_PLAIN);
}

/* A review: the meeting, then its notes, then what was decided, each
 * indented under the meeting. */
static void lay_review(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	const struct review *r = &d->reviews.rows[i];
	struct rowb b = row_add(l, 0, width);
	char day[DATE_BUFSZ];

	put(&b, 10, date_format(r->date, day), PUT_ONE, UI_LOOK_BOLD);
	put(&b, 13, enum_name(review_kind_names, r->kind), PUT_WRAP, UI_LOOK_BOLD);
	put_rest(&b, r->attendees, PUT_WRAP, UI_LOOK_PLAIN);
	if (r->notes != NULL && *r->notes != '\0') {
		b = row_add(l, 4, width);
		put_rest(&b, r->notes, PUT_BREAKS, UI_LOOK_PLAIN);
	}
	if (r->decisions != NULL && *r->decisions != '\0') {
		b = row_add(l, 4, width);
		put(&b, 9, "Decided:", PUT_ONE, UI_LOOK_BOLD);
		put_rest(&b, r->decisions, PUT_BREAKS, UI_LOOK_PLAIN);
	}
}

static void lay_action(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	struct rowb b = row_add(l, 0, width);
	const struct action_item *a = &d->actions.rows[i];
	char day[DATE_BUFSZ], *due;
	bool late = !a->done && a->due != DATE_NONE && a->due < d->today;
	size_t text;

	due = a->due != DATE_NONE
		      ? xasprintf("due %s%s", date_format(a->due, day), late ? " (late)" : "")
		      : xstrdup("");
	put(&b, 3, a->done ? "[x]" : "[ ]", PUT_ONE, UI_LOOK_PLAIN);
	/* The owner takes 16 columns, the due date the last 22. */
	text = minus(minus(b.end, b.x), 16 + 23);
	put(&b, text > 10 ? text : 10, a->text, PUT_WRAP, a->done ? UI_LOOK_DIM : UI_LOOK_PLAIN);
	put(&b, 16, a->owner, PUT_WRAP, UI_LOOK_PLAIN);
	put_rest(&b, due, PUT_WRAP, late ? UI_LOOK_ALERT : UI_LOOK_PLAIN);
	free(due);
}

/* A long text: its label, then the text indented under it. */
static void lay_text(const struct ui_partner *d, struct ui_layout *l, size_t i, size_t width)
{
	const char *text = ui_partner_text(d, (enum ui_text)i);
	struct rowb b = row_add(l, 0, width);

	put_rest(&b, ui_text_labels[i], PUT_ONE, UI_LOOK_BOLD);
	b = row_add(l, 2, width);
	if (text != NULL)
		put_rest(&b, text, PUT_BREAKS, UI_LOOK_PLAIN);
	else
		put_rest(&b, "(empty: E writes it in your editor)", PUT_WRAP, UI_LOOK_DIM);
}

bool ui_partner_layout(const struct ui_partner *d, enum ui_section s, size_t i, size_t width,
		       struct ui_layout *out)
{
	struct ui_item it;
	struct rowb b;

	memset(out, 0, sizeof *out);
	if (!ui_partner_item(d, s, i, &it))
		return false;
	switch (it.kind) {
	case UI_ITEM_FIELD:
		lay_field(d, out, it.index, width);
		break;
	case UI_ITEM_FLAG:
		b = row_add(out, 2, width);
		put_rest(&b, flag_text((enum partner_flag)(1u << it.index)), PUT_WRAP,
			 UI_LOOK_BOLD);
		break;
	case UI_ITEM_CRITERION:
		lay_criterion(d, out, it.index, width);
		break;
	case UI_ITEM_TOTAL:
		lay_total(d, out, width);
		break;
	case UI_ITEM_SCORING:
		lay_scoring(d, out, it.index, width);
		break;
	case UI_ITEM_CONTACT:
		lay_contact(d, out, it.index, width);
		break;
	case UI_ITEM_CONTRACT:
		lay_contract(d, out, it.index, width);
		break;
	case UI_ITEM_PHASE:
		lay_phase(d, out, it.index, width);
		break;
	case UI_ITEM_FIGURE:
		lay_figure(d, out, i, width);
		break;
	case UI_ITEM_REVIEW:
		lay_review(d, out, it.index, width);
		break;
	case UI_ITEM_ACTION:
		lay_action(d, out, it.index, width);
		break;
	case UI_ITEM_TEXT:
		lay_text(d, out, it.index, width);
		break;
	}
	for (size_t r = 0; r < out->nrows; r++)
		out->lines += out->rows[r].lines;
	return true;
}
