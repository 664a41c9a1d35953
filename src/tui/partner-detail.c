/* partner-detail.c: the state of a partner's detail screen: one
 * snapshot of the partner and its items, the current section and a
 * cursor per section that scrolls by lines.  No terminal; see
 * ui-partner.h. */
#include "ally/ui-partner.h"

#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/err.h"
#include "ally/figures.h"
#include "ally/renewal.h"
#include "ally/review.h"
#include "ally/score.h"
#include "ally/util.h"

const char *const ui_section_names[] = {
	"Overview", "Score card", "Contacts", "Contracts", "Phases", "Key figures",
	"Reviews & actions", "Notes", NULL,
};
const char *const ui_section_short[] = {
	"Overview", "Score", "Contacts", "Contracts", "Phases", "Figures", "Reviews", "Notes", NULL,
};
const char *const ui_field_labels[] = {
	"Type", "Phase", "Owner", "Origin", "Power", "Goal", "Region", "Website", "Health",
	"Status note", "Next review", "Next action", "Created", "Updated", NULL,
};
const char *const ui_text_fields[] = {
	"notes", "value_partner", "value_us", "value_together", NULL,
};
const char *const ui_text_labels[] = {
	"Notes", "Value for the partner", "Value for us", "Value together", NULL,
};

/* Everything one load reads; swapped into the state only when complete. */
struct snapshot {
	struct partner p;
	struct partner_facts facts;
	struct score_list scores;
	struct contact_list contacts;
	struct contract_list contracts;
	struct phase_list phases;
	struct figures_list figures;
	struct review_list reviews;
	struct action_list actions;
};

/* The identity of an item, to find it again after a reload. */
struct item_key {
	enum ui_item_kind kind;
	int64_t id;
};

struct ui_partner *ui_partner_new(int64_t id)
{
	struct ui_partner *d = xcalloc(1, sizeof *d);

	d->id = id;
	d->today = DATE_NONE;
	d->height = 1;
	d->width = UI_PARTNER_WIDTH;
	partner_init(&d->p);
	return d;
}

/* Drop what a load read (the state keeps its section and cursors). */
static void drop_data(struct ui_partner *d)
{
	partner_finish(&d->p);
	partner_init(&d->p);
	score_list_finish(&d->scores);
	contact_list_finish(&d->contacts);
	contract_list_finish(&d->contracts);
	phase_list_finish(&d->phases);
	figures_list_finish(&d->figures);
	review_list_finish(&d->reviews);
	action_list_finish(&d->actions);
	free(d->figs);
	d->figs = NULL;
	d->nfigs = 0;
	d->flags = 0;
	d->next_review = DATE_NONE;
}

void ui_partner_free(struct ui_partner *d)
{
	if (d == NULL)
		return;
	drop_data(d);
	partner_finish(&d->p);
	for (int s = 0; s < UI_SEC_COUNT; s++)
		free(d->lines[s]);
	free(d);
}

/* ---- items ---- */

static size_t popcount(unsigned v)
{
	size_t n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

size_t ui_partner_count(const struct ui_partner *d, enum ui_section s)
{
	if (!d->loaded || d->deleted)
		return 0;
	switch (s) {
	case UI_SEC_OVERVIEW:
		return UI_F_COUNT + popcount(d->flags);
	case UI_SEC_SCORE:
		return CRIT_COUNT + 1 + d->scores.n;
	case UI_SEC_CONTACTS:
		return d->contacts.n;
	case UI_SEC_CONTRACTS:
		return d->contracts.n;
	case UI_SEC_PHASES:
		return d->phases.n;
	case UI_SEC_FIGURES:
		return d->nfigs;
	case UI_SEC_REVIEWS:
		return d->reviews.n + d->actions.n;
	case UI_SEC_NOTES:
		return UI_T_COUNT;
	default:
		return 0;
	}
}

/* The bit number of the k-th flag that is set. */
static size_t nth_flag(unsigned flags, size_t k)
{
	for (size_t bit = 0; bit < FLAG_COUNT; bit++)
		if ((flags & (1u << bit)) && k-- == 0)
			return bit;
	return 0;
}

bool ui_partner_item(const struct ui_partner *d, enum ui_section s, size_t i, struct ui_item *out)
{
	if (i >= ui_partner_count(d, s))
		return false;
	out->metric = -1;
	out->index = i;
	switch (s) {
	case UI_SEC_OVERVIEW:
		out->kind = i < UI_F_COUNT ? UI_ITEM_FIELD : UI_ITEM_FLAG;
		if (i >= UI_F_COUNT)
			out->index = nth_flag(d->flags, i - UI_F_COUNT);
		break;
	case UI_SEC_SCORE:
		out->kind = i < CRIT_COUNT ? UI_ITEM_CRITERION
			    : i == CRIT_COUNT ? UI_ITEM_TOTAL : UI_ITEM_SCORING;
		if (i > CRIT_COUNT)
			out->index = i - CRIT_COUNT - 1;
		break;
	case UI_SEC_CONTACTS:
		out->kind = UI_ITEM_CONTACT;
		break;
	case UI_SEC_CONTRACTS:
		out->kind = UI_ITEM_CONTRACT;
		break;
	case UI_SEC_PHASES:
		out->kind = UI_ITEM_PHASE;
		break;
	case UI_SEC_FIGURES:
		out->kind = UI_ITEM_FIGURE;
		out->index = d->figs[i].q;
		out->metric = d->figs[i].metric;
		break;
	case UI_SEC_REVIEWS:
		out->kind = i < d->reviews.n ? UI_ITEM_REVIEW : UI_ITEM_ACTION;
		if (i >= d->reviews.n)
			out->index = i - d->reviews.n;
		break;
	default:
		out->kind = UI_ITEM_TEXT;
		break;
	}
	return true;
}

bool ui_partner_selected(const struct ui_partner *d, struct ui_item *out)
{
	return ui_partner_item(d, d->sec, d->pos[d->sec].cur, out);
}

const char *ui_partner_text(const struct ui_partner *d, enum ui_text t)
{
	const char *s;

	switch (t) {
	case UI_T_NOTES:
		s = d->p.notes;
		break;
	case UI_T_VALUE_PARTNER:
		s = d->p.value_partner;
		break;
	case UI_T_VALUE_US:
		s = d->p.value_us;
		break;
	case UI_T_VALUE_TOGETHER:
		s = d->p.value_together;
		break;
	default:
		s = NULL;
		break;
	}
	return s != NULL && *s != '\0' ? s : NULL;
}

/* ---- scrolling by lines ---- */

/* Lay every item out again at d->width, for its number of lines: after
 * a load and when the width changes, so that a key only adds them up. */
static void measure(struct ui_partner *d)
{
	for (int s = 0; s < UI_SEC_COUNT; s++) {
		size_t n = ui_partner_count(d, (enum ui_section)s);

		free(d->lines[s]);
		d->lines[s] = n > 0 ? xcalloc(n, sizeof *d->lines[s]) : NULL;
		for (size_t i = 0; i < n; i++) {
			struct ui_layout l;

			ui_partner_layout(d, (enum ui_section)s, i, d->width, &l);
			d->lines[s][i] = l.lines;
			ui_layout_finish(&l);
		}
	}
}

size_t ui_partner_item_lines(const struct ui_partner *d, enum ui_section s, size_t i)
{
	if (i >= ui_partner_count(d, s) || d->lines[s] == NULL)
		return 0;
	return d->lines[s][i];
}

static size_t lines_of(const struct ui_partner *d, enum ui_section s, size_t i)
{
	return ui_partner_item_lines(d, s, i);
}

/* The first line of item i. */
static size_t line_of(const struct ui_partner *d, enum ui_section s, size_t i)
{
	size_t line = 0;

	for (size_t k = 0; k < i; k++)
		line += lines_of(d, s, k);
	return line;
}

/* The item that line falls on (the last one past the end). */
static size_t item_at(const struct ui_partner *d, enum ui_section s, size_t line)
{
	size_t n = ui_partner_count(d, s), at = 0;

	for (size_t i = 0; i < n; i++) {
		size_t len = lines_of(d, s, i);

		if (line < at + len)
			return i;
		at += len;
	}
	return n > 0 ? n - 1 : 0;
}

/* top moved so that the whole of item cur shows in height lines when it
 * fits (its first lines when it does not), with no blank lines below
 * the last item when the section fills the screen. */
static size_t fit_top(const struct ui_partner *d, enum ui_section s, size_t cur, size_t top,
		      size_t height)
{
	size_t n = ui_partner_count(d, s), start, len, total;

	if (n == 0)
		return 0;
	if (height == 0)
		height = 1;
	start = line_of(d, s, cur);
	len = lines_of(d, s, cur);
	total = line_of(d, s, n);
	if (start < top)
		top = start;
	else if (start + len > top + height)
		top = len >= height ? start : start + len - height;
	if (total <= height)
		return 0;
	return top > total - height ? total - height : top;
}

size_t ui_partner_top(const struct ui_partner *d, size_t height)
{
	const struct ui_secpos *pos = &d->pos[d->sec];

	return fit_top(d, d->sec, pos->cur, pos->top, height);
}

/* Restore the invariants of section s after its items or height changed. */
static void fix(struct ui_partner *d, enum ui_section s)
{
	struct ui_secpos *pos = &d->pos[s];
	size_t n = ui_partner_count(d, s);

	if (pos->cur >= n)
		pos->cur = n > 0 ? n - 1 : 0;
	pos->top = fit_top(d, s, pos->cur, pos->top, d->height);
}

void ui_partner_set_height(struct ui_partner *d, size_t lines)
{
	d->height = lines > 0 ? lines : 1;
	for (int s = 0; s < UI_SEC_COUNT; s++)
		fix(d, (enum ui_section)s);
}

void ui_partner_set_width(struct ui_partner *d, size_t cols)
{
	if (cols == 0)
		cols = 1;
	if (cols == d->width)
		return;
	d->width = cols;
	measure(d);
	for (int s = 0; s < UI_SEC_COUNT; s++)
		fix(d, (enum ui_section)s);
}

/* A page down shows the lines below the screen, as less does, and
 * selects the first item that starts there. */
static void page(struct ui_partner *d, bool down)
{
	struct ui_secpos *pos = &d->pos[d->sec];
	size_t n = ui_partner_count(d, d->sec), total = line_of(d, d->sec, n);
	size_t h = d->height, top;

	if (n == 0)
		return;
	if (down && pos->top + h >= total) {
		pos->cur = n - 1;
	} else if (!down && pos->top == 0) {
		pos->cur = 0;
	} else {
		top = down ? pos->top + h : (pos->top > h ? pos->top - h : 0);
		if (total > h && top > total - h)
			top = total - h;
		pos->cur = item_at(d, d->sec, top);
		if (line_of(d, d->sec, pos->cur) < top && pos->cur + 1 < n)
			pos->cur++;
		pos->top = top;
	}
	fix(d, d->sec);
}

static void move_by(struct ui_partner *d, long delta)
{
	struct ui_secpos *pos = &d->pos[d->sec];
	size_t n = ui_partner_count(d, d->sec);

	if (n == 0)
		return;
	if (delta < 0)
		pos->cur = (size_t)-delta > pos->cur ? 0 : pos->cur - (size_t)-delta;
	else
		pos->cur = (size_t)delta >= n - pos->cur ? n - 1 : pos->cur + (size_t)delta;
	fix(d, d->sec);
}

static void go_section(struct ui_partner *d, int delta)
{
	d->sec = (enum ui_section)(((int)d->sec + delta + UI_SEC_COUNT) % UI_SEC_COUNT);
	fix(d, d->sec);
}

enum ui_result ui_partner_key(struct ui_partner *d, int key)
{
	long half = d->height > 1 ? (long)(d->height / 2) : 1;
	size_t n = ui_partner_count(d, d->sec);

	switch (key) {
	case UK_TAB:
	case UK_RIGHT:
		go_section(d, 1);
		break;
	case UK_BTAB:
	case UK_LEFT:
		go_section(d, -1);
		break;
	case UK_UP:
	case 'k':
		move_by(d, -1);
		break;
	case UK_DOWN:
	case 'j':
		move_by(d, 1);
		break;
	case UK_CTRL('u'):
		move_by(d, -half);
		break;
	case UK_CTRL('d'):
		move_by(d, half);
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		page(d, false);
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		page(d, true);
		break;
	case UK_HOME:
	case 'g':
		move_by(d, -(long)n);
		break;
	case UK_END:
	case 'G':
		move_by(d, (long)n);
		break;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED;
}

/* ---- keeping the selection across loads ---- */

static struct item_key key_of(const struct ui_partner *d, const struct ui_item *it)
{
	struct item_key k = { it->kind, (int64_t)it->index };

	switch (it->kind) {
	case UI_ITEM_CONTACT:
		k.id = d->contacts.rows[it->index].id;
		break;
	case UI_ITEM_CONTRACT:
		k.id = d->contracts.rows[it->index].id;
		break;
	case UI_ITEM_REVIEW:
		k.id = d->reviews.rows[it->index].id;
		break;
	case UI_ITEM_ACTION:
		k.id = d->actions.rows[it->index].id;
		break;
	case UI_ITEM_FIGURE:
		k.id = (int64_t)d->figures.rows[it->index].quarter * METRIC_COUNT + it->metric;
		break;
	default:
		break;
	}
	return k;
}

/* Select the item with key k in section s, if it is there. */
static bool find_key(struct ui_partner *d, enum ui_section s, struct item_key k)
{
	size_t n = ui_partner_count(d, s);
	struct ui_item it;

	for (size_t i = 0; i < n; i++) {
		struct item_key got;

		ui_partner_item(d, s, i, &it);
		got = key_of(d, &it);
		if (got.kind == k.kind && got.id == k.id) {
			d->pos[s].cur = i;
			return true;
		}
	}
	return false;
}

void ui_partner_want(struct ui_partner *d, enum ui_item_kind kind, int64_t id)
{
	d->want_kind = kind;
	d->want_id = id;
	d->want = true;
}

/* ---- loading ---- */

static void snapshot_init(struct snapshot *sn)
{
	memset(sn, 0, sizeof *sn);
	partner_init(&sn->p);
}

static void snapshot_finish(struct snapshot *sn)
{
	partner_finish(&sn->p);
	score_list_finish(&sn->scores);
	contact_list_finish(&sn->contacts);
	contract_list_finish(&sn->contracts);
	phase_list_finish(&sn->phases);
	figures_list_finish(&sn->figures);
	review_list_finish(&sn->reviews);
	action_list_finish(&sn->actions);
}

/* Everything of partner id, in the caller's read transaction. */
static int snapshot_read(struct store *s, int64_t id, ally_date today, struct snapshot *sn,
			 struct ally_err *err)
{
	int rc = store_partner_get(s, id, &sn->p, err);

	if (rc == ALLY_OK)
		rc = store_partner_facts_of(s, &sn->p, today, &sn->facts, err);
	if (rc == ALLY_OK)
		rc = store_score_history(s, id, &sn->scores, err);
	if (rc == ALLY_OK)
		rc = store_contact_list(s, id, &sn->contacts, err);
	if (rc == ALLY_OK)
		rc = store_contract_list(s, id, -1, &sn->contracts, err);
	if (rc == ALLY_OK)
		rc = store_phase_history(s, id, &sn->phases, err);
	if (rc == ALLY_OK)
		rc = store_figures(s, id, &sn->figures, err);
	if (rc == ALLY_OK)
		rc = store_review_list(s, id, &sn->reviews, err);
	if (rc == ALLY_OK)
		rc = store_action_list(s, id, &sn->actions, err);
	return rc;
}

/* The figure lines: newest quarter first, each metric with a value. */
static void build_figs(struct ui_partner *d)
{
	size_t n = 0;

	d->figs = xcalloc(d->figures.n * METRIC_COUNT + 1, sizeof *d->figs);
	for (size_t q = d->figures.n; q-- > 0;) {
		const struct quarter_figures *f = &d->figures.rows[q];

		for (int m = 0; m < METRIC_COUNT; m++) {
			if (f->target[m] < 0 && f->actual[m] < 0)
				continue;
			d->figs[n].q = q;
			d->figs[n].metric = m;
			n++;
		}
	}
	d->nfigs = n;
}

static void take_snapshot(struct ui_partner *d, struct snapshot *sn, ally_date today)
{
	drop_data(d);
	d->p = sn->p;
	d->facts = sn->facts;
	d->scores = sn->scores;
	d->contacts = sn->contacts;
	d->contracts = sn->contracts;
	d->phases = sn->phases;
	d->figures = sn->figures;
	d->reviews = sn->reviews;
	d->actions = sn->actions;
	snapshot_init(sn);
	d->flags = partner_flags(&d->facts, today);
	d->next_review = partner_next_review(&d->facts);
	build_figs(d);
}

int ui_partner_load(struct ui_partner *d, struct store *s, ally_date today, struct ally_err *err)
{
	struct item_key keep[UI_SEC_COUNT];
	bool had[UI_SEC_COUNT];
	struct snapshot sn;
	int rc;

	for (int i = 0; i < UI_SEC_COUNT; i++) {
		struct ui_item it;

		had[i] = ui_partner_item(d, (enum ui_section)i, d->pos[i].cur, &it);
		if (had[i])
			keep[i] = key_of(d, &it);
	}
	snapshot_init(&sn);
	rc = store_begin_read(s, err);
	if (rc == ALLY_OK)
		rc = snapshot_read(s, d->id, today, &sn, err);
	store_rollback(s);
	if (rc == ALLY_EUSER && sn.p.id == 0) {
		/* Only store_partner_get refuses as a user error: the partner
		 * is gone (another session deleted it). */
		snapshot_finish(&sn);
		drop_data(d);
		d->deleted = true;
		d->loaded = true;
		measure(d);
		ally_err_clear(err);
		return ALLY_OK;
	}
	if (rc != ALLY_OK) {
		snapshot_finish(&sn);
		return rc;
	}
	take_snapshot(d, &sn, today);
	d->today = today;
	d->loaded = true;
	d->deleted = false;
	for (int i = 0; i < UI_SEC_COUNT; i++)
		if (had[i])
			find_key(d, (enum ui_section)i, keep[i]);
	if (d->want) {
		struct item_key k = { d->want_kind, d->want_id };

		find_key(d, d->sec, k);
		d->want = false;
	}
	measure(d);
	for (int i = 0; i < UI_SEC_COUNT; i++)
		fix(d, (enum ui_section)i);
	return ALLY_OK;
}

/* ---- texts ---- */

/* "2026-03-04 05:06 UTC" from the store's "YYYY-MM-DD HH:MM:SS". */
static char *utc_minutes(const char *at)
{
	if (at == NULL || *at == '\0')
		return xstrdup("");
	return xasprintf("%.16s UTC", at);
}

static char *date_text(ally_date day)
{
	char buf[DATE_BUFSZ];

	return xstrdup(date_format(day, buf));
}

static char *enum_text(const char *const *names, int v)
{
	const char *s = enum_name(names, v);

	return xstrdup(s != NULL ? s : "");
}

static char *health_text(const struct partner *p)
{
	char day[DATE_BUFSZ];

	if (p->health < 0)
		return xstrdup("never set");
	return xasprintf("%s, %s by %s", enum_name(health_names, p->health),
			 date_format(p->status_date, day), p->status_author ? p->status_author : "?");
}

static char *review_due_text(const struct ui_partner *d)
{
	char day[DATE_BUFSZ];

	if (d->next_review == DATE_NONE)
		return xstrdup("");
	return xasprintf("%s%s", date_format(d->next_review, day),
			 review_overdue(d->next_review, d->today) ? " (overdue)" : "");
}

char *ui_partner_field_value(const struct ui_partner *d, enum ui_field f)
{
	const struct partner *p = &d->p;

	switch (f) {
	case UI_F_TYPE:
		return enum_text(partner_type_names, p->type);
	case UI_F_PHASE:
		return enum_text(phase_names, p->phase);
	case UI_F_OWNER:
		return xstrdup(p->owner ? p->owner : "");
	case UI_F_ORIGIN:
		return enum_text(partner_origin_names, p->origin);
	case UI_F_POWER:
		return enum_text(partner_power_names, p->power);
	case UI_F_GOAL:
		return enum_text(partner_goal_names, p->goal);
	case UI_F_REGION:
		return xstrdup(p->region ? p->region : "");
	case UI_F_WEBSITE:
		return xstrdup(p->website ? p->website : "");
	case UI_F_HEALTH:
		return health_text(p);
	case UI_F_STATUS_NOTE:
		return xstrdup(p->status_note ? p->status_note : "");
	case UI_F_NEXT_REVIEW:
		return review_due_text(d);
	case UI_F_NEXT_ACTION:
		return date_text(partner_next_action(&d->facts));
	case UI_F_CREATED:
		return utc_minutes(p->created_at);
	case UI_F_UPDATED:
		return utc_minutes(p->updated_at);
	default:
		return xstrdup("");
	}
}

char *ui_partner_score_total(const struct ui_partner *d)
{
	char score[8], day[DATE_BUFSZ];
	enum tier t = score_tier(d->p.score_w);

	if (d->p.score_w < 0)
		return xstrdup("not scored yet");
	return xasprintf("%s, %s%s (W %d, scored %s)", score_format(d->p.score_w, score),
			 t == TIER_UNQUALIFIED ? "" : "tier ", tier_name(t), d->p.score_w,
			 date_format(d->p.score_date, day));
}

char *ui_partner_contract_band(const struct ui_partner *d, size_t i)
{
	struct renewal r;
	int days;

	if (i >= d->contracts.n || !renewal_of_contract(&d->contracts.rows[i], d->today, &r))
		return xstrdup("");
	if (r.band == BAND_LAPSED) {
		days = -r.days_left;
		return xasprintf("lapsed %d day%s ago", days, days == 1 ? "" : "s");
	}
	return xasprintf("%s, %d day%s left", band_names[r.band], r.days_left,
			 r.days_left == 1 ? "" : "s");
}

const char *ui_partner_quarter_met(const struct ui_partner *d, size_t q)
{
	bool known = false, met;

	if (q >= d->figures.n)
		return "";
	met = figures_quarter_met(&d->figures.rows[q], &known);
	if (!known)
		return "";
	return met ? "met" : "missed";
}
