/* view-dashboard.c: the Dashboard, the portfolio at a glance in blocks:
 * the pipeline by phase, renewals ahead, partners by tier and type, the
 * annual value by tier (one line per currency), reviews overdue, partners
 * behind schedule and the warnings.  The state (dashboard.c) loads the
 * numbers from the store; this file only draws them, laying the blocks
 * out in columns as wide as the screen allows, and maps the keys that
 * scroll them when they do not fit. */
#include "tui.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/flags.h"
#include "ally/money.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/renewal.h"
#include "ally/store.h"
#include "ally/ui-dashboard.h"
#include "ally/ui-renewals.h"
#include "ally/util.h"

/* The narrowest column of blocks, and the gap between columns. */
#define DB_COL_MIN 38
#define DB_GAP 2
/* The full length of a value bar, in the units tui_bar scales. */
#define DB_BAR_SCALE 1000000L

static void *db_new(struct tui *t)
{
	return dashboard_state_new(t->store, t->today);
}

static void db_free(void *st)
{
	dashboard_state_free(st);
}

static int db_load(struct tui *t, void *st, struct ally_err *err)
{
	(void)t;
	return dashboard_state_load(st, err);
}

/* ---- the blocks, as lines ---- */

enum dl_kind { DL_TITLE, DL_BAR, DL_NAME, DL_NOTE };

/* One line of a block.  Texts that come from the database (partner
 * names) are only pointed to, and drawn through tui_text like all text. */
struct dline {
	enum dl_kind kind;
	char label[64];     /* title, bar label or note */
	const char *name;   /* DL_NAME: a partner's name */
	char right[40];     /* DL_BAR: the count or amount */
	long value, max;    /* DL_BAR: the bar's length */
	attr_t attr;
};

struct dblock {
	struct dline *lines;
	size_t n, cap;
};

static struct dline *dl_add(struct dblock *b, enum dl_kind kind, const char *label, attr_t attr)
{
	struct dline *l;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->lines = xrealloc(b->lines, b->cap * sizeof *b->lines);
	}
	l = &b->lines[b->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->attr = attr;
	snprintf(l->label, sizeof l->label, "%s", label != NULL ? label : "");
	return l;
}

static void dl_count(struct dblock *b, const char *label, int64_t value, int64_t max,
		     attr_t attr)
{
	struct dline *l = dl_add(b, DL_BAR, label, attr);

	snprintf(l->right, sizeof l->right, "%" PRId64, value);
	l->value = (long)value;
	l->max = (long)max;
}

static void dl_title(struct dblock *b, const char *title, int64_t count, bool with_count)
{
	char text[64];

	if (with_count)
		snprintf(text, sizeof text, "%s (%" PRId64 ")", title, count);
	else
		snprintf(text, sizeof text, "%s", title);
	dl_add(b, DL_TITLE, text, A_BOLD | A_UNDERLINE);
}

static void block_phases(struct dblock *b, const struct store_dashboard *d)
{
	int64_t max = dash_max(d->by_phase, PHASE_COUNT);

	dl_title(b, "Pipeline by phase", d->partners, true);
	for (int i = 0; i < PHASE_COUNT; i++)
		dl_count(b, phase_names[i], d->by_phase[i], max, 0);
}

static void block_renewals(struct tui *t, struct dblock *b, const struct store_dashboard *d)
{
	int64_t all[STORE_DASH_HORIZONS + 2];
	int64_t max;
	char label[64];

	all[0] = d->lapsed;
	for (int i = 0; i < STORE_DASH_HORIZONS; i++)
		all[i + 1] = d->ending[i];
	all[STORE_DASH_HORIZONS + 1] = d->notice_soon;
	max = dash_max(all, STORE_DASH_HORIZONS + 2);
	dl_title(b, "Renewals ahead (active contracts)", 0, false);
	dl_count(b, "Lapsed", d->lapsed, max, tui_attr_band(t, BAND_LAPSED));
	for (int i = 0; i < STORE_DASH_HORIZONS; i++) {
		snprintf(label, sizeof label, "Within %d days", store_dash_horizons[i]);
		dl_count(b, label, d->ending[i], max,
			 tui_attr_band(t, renewal_band(store_dash_horizons[i])));
	}
	/* Every notice deadline 0-30 days ahead, whatever the end date: not
	 * the Renewals view's "Notice soon" group, which holds only the
	 * contracts that end after its Window. */
	dl_count(b, "Notice in 0-30 days", d->notice_soon, max, tui_attr_pair(t, PAIR_AMBER));
}

static void block_tiers(struct dblock *b, const struct store_dashboard *d)
{
	int64_t max = dash_max(d->by_tier, STORE_DASH_TIERS);

	dl_title(b, "Partners by tier", 0, false);
	for (int i = 0; i < DTIER_COUNT; i++)
		dl_count(b, dash_tier_labels[i], dash_tier_count(d, (enum dash_tier)i), max, 0);
}

static void block_types(struct dblock *b, const struct store_dashboard *d)
{
	int64_t max = dash_max(d->by_type, PTYPE_COUNT);

	dl_title(b, "Partners by type", 0, false);
	for (int i = 0; i < PTYPE_COUNT; i++)
		dl_count(b, partner_type_names[i], d->by_type[i], max, 0);
}

/* One line per tier and currency; each currency's bars compare only with
 * each other. */
static void block_values(struct dblock *b, const struct tier_value_list *vl, bool short_money)
{
	dl_title(b, "Annual value by tier", 0, false);
	if (vl->n == 0)
		dl_add(b, DL_NOTE, "No active contract has a value.", 0);
	for (size_t i = 0; i < vl->n; i++) {
		const struct tier_value *v = &vl->rows[i];
		struct dline *l = dl_add(b, DL_BAR, dash_tier_labels[dash_tier_of(v->tier)], 0);
		char m[MONEY_BUFSZ];

		if (v->total < 0)
			snprintf(l->right, sizeof l->right, "too large %.3s", v->currency);
		else if (short_money)
			snprintf(l->right, sizeof l->right, "%s",
				 ui_money_short(v->total, v->currency, m));
		else
			snprintf(l->right, sizeof l->right, "%s %.3s", money_format(v->total, m),
				 v->currency);
		/* Bars are a picture: in millionths of the currency's largest,
		 * so no product of amounts can overflow in tui_bar. */
		l->max = DB_BAR_SCALE;
		l->value = v->total < 0 ? 0
					: (long)muldiv_round(v->total, DB_BAR_SCALE,
							     dash_value_max(vl, v->currency));
	}
}

/* The first names of a flag's partners (the store's, in name order) and
 * how many there are in all: the Portfolio's flagged filter lists them. */
static void block_names(struct dblock *b, const char *title, const struct store_dash_names *l,
			int64_t count, const char *none)
{
	char more[64];

	dl_title(b, title, count, true);
	if (count == 0)
		dl_add(b, DL_NOTE, none, 0);
	for (size_t i = 0; i < l->n && i < DASH_NAMES_MAX; i++)
		dl_add(b, DL_NAME, NULL, 0)->name = l->names[i];
	if (count > (int64_t)l->n) {
		snprintf(more, sizeof more, "and %" PRId64 " more (Portfolio, f: flagged)",
			 count - (int64_t)l->n);
		dl_add(b, DL_NOTE, more, 0);
	}
}

static void block_flags(struct dblock *b, const struct store_dashboard *d)
{
	int64_t max = dash_max(d->flagged, FLAG_COUNT);

	dl_title(b, "Warnings (partners flagged)", 0, false);
	for (int bit = 0; bit < FLAG_COUNT; bit++) {
		/* The flag's key reads as words once its '_' are spaces;
		 * flag_text's sentences do not fit beside a bar. */
		struct dline *l;
		char *c;

		dl_count(b, flag_key((enum partner_flag)(1u << bit)), d->flagged[bit], max,
			 d->flagged[bit] > 0 ? A_BOLD : 0);
		l = &b->lines[b->n - 1];
		while ((c = strchr(l->label, '_')) != NULL)
			*c = ' ';
	}
}

#define DB_BLOCKS 8

static void build_blocks(struct tui *t, const struct dashboard_state *s, bool short_money,
			 struct dblock b[DB_BLOCKS])
{
	const struct store_dashboard *d = &s->d;

	memset(b, 0, DB_BLOCKS * sizeof *b);
	block_phases(&b[0], d);
	block_renewals(t, &b[1], d);
	block_tiers(&b[2], d);
	block_values(&b[3], &s->values, short_money);
	block_types(&b[4], d);
	block_names(&b[5], "Reviews overdue", &d->overdue,
		    d->flagged[__builtin_ctz(FLAG_REVIEW_OVERDUE)], "None: every review is on time.");
	block_names(&b[6], "Behind schedule", &d->behind,
		    d->flagged[__builtin_ctz(FLAG_BEHIND_SCHEDULE)], "None.");
	block_flags(&b[7], d);
}

static void free_blocks(struct dblock b[DB_BLOCKS])
{
	for (int i = 0; i < DB_BLOCKS; i++)
		free(b[i].lines);
}

/* ---- layout ---- */

struct layout {
	int ncols, width;        /* columns of blocks and their width */
	int col[DB_BLOCKS];      /* each block's column */
	size_t y[DB_BLOCKS];     /* and its first line */
	size_t height;           /* lines of the tallest column */
};

/* As many columns as fit, each block in turn into the shortest one, a
 * blank line between blocks. */
static void lay_out(const struct dblock b[DB_BLOCKS], int cols, struct layout *l)
{
	size_t h[4] = { 0, 0, 0, 0 };

	l->ncols = (cols + DB_GAP) / (DB_COL_MIN + DB_GAP);
	if (l->ncols < 1)
		l->ncols = 1;
	if (l->ncols > 4)
		l->ncols = 4;
	l->width = (cols - (l->ncols - 1) * DB_GAP) / l->ncols;
	l->height = 0;
	for (int i = 0; i < DB_BLOCKS; i++) {
		int c = 0;

		for (int k = 1; k < l->ncols; k++)
			if (h[k] < h[c])
				c = k;
		l->col[i] = c;
		l->y[i] = h[c];
		h[c] += b[i].n + 1;
		if (h[c] - 1 > l->height)
			l->height = h[c] - 1;
	}
}

/* ---- drawing ---- */

/* The width of a block's numbers: its widest, so bars start in line. */
static int right_width(const struct dblock *b)
{
	int rw = 5;

	for (size_t k = 0; k < b->n; k++)
		if (b->lines[k].kind == DL_BAR && (int)strlen(b->lines[k].right) > rw)
			rw = (int)strlen(b->lines[k].right);
	return rw;
}

static void draw_line(struct tui *t, WINDOW *w, int y, int x, int width, int right,
		      const struct dline *l)
{
	int label = width / 2, bar;

	switch (l->kind) {
	case DL_TITLE:
		tui_text(w, y, x, width, l->label, l->attr);
		return;
	case DL_NAME:
		tui_text(w, y, x, 2, NULL, 0);
		tui_text(w, y, x + 2, width - 2, l->name, l->attr);
		return;
	case DL_NOTE:
		tui_text(w, y, x, width, l->label, l->attr);
		return;
	case DL_BAR:
		break;
	}
	if (label + 1 + right + 1 > width)
		label = width - right - 2;
	bar = width - label - right - 2;
	tui_text(w, y, x, label, l->label, l->attr);
	tui_text_right(w, y, x + label + 1, right, l->right, l->attr);
	tui_bar(t, w, y, x + label + right + 2, bar, l->value, l->max, l->attr);
}

/* Lines of content shown: all of the body, less one for the "more" line
 * when the blocks do not fit. */
static size_t visible_lines(size_t height, int rows)
{
	size_t r = rows > 1 ? (size_t)rows : 1;

	return height > r ? r - 1 : r;
}

static void draw_more(struct tui *t, WINDOW *w, int rows, int cols, size_t top, size_t shown,
		      size_t height)
{
	char text[64];

	if (height <= shown)
		return;
	snprintf(text, sizeof text, "lines %zu-%zu of %zu %s j k scroll", top + 1,
		 top + shown < height ? top + shown : height, height, t->utf8 ? "\u00b7" : "-");
	tui_text_right(w, rows - 1, 0, cols, text, tui_attr_pair(t, PAIR_DIM) | A_BOLD);
}

static void db_draw(struct tui *t, void *st, WINDOW *w, int rows, int cols)
{
	struct dashboard_state *s = st;
	struct dblock b[DB_BLOCKS];
	struct layout l;
	size_t shown, top;

	build_blocks(t, s, cols < 2 * (DB_COL_MIN + 8), b);
	lay_out(b, cols, &l);
	shown = visible_lines(l.height, rows);
	top = s->top;
	/* A resize may leave the scroll past the end until the next key. */
	if (top + shown > l.height)
		top = l.height > shown ? l.height - shown : 0;
	for (int i = 0; i < DB_BLOCKS; i++) {
		int x = l.col[i] * (l.width + DB_GAP), rw = right_width(&b[i]);

		for (size_t k = 0; k < b[i].n; k++) {
			size_t y = l.y[i] + k;

			if (y >= top && y < top + shown)
				draw_line(t, w, (int)(y - top), x, l.width, rw, &b[i].lines[k]);
		}
	}
	draw_more(t, w, rows, cols, top, shown, l.height);
	free_blocks(b);
}

/* ---- keys ---- */

static enum ui_result db_key(struct tui *t, void *st, int key)
{
	struct dashboard_state *s = st;
	struct dblock b[DB_BLOCKS];
	struct layout l;
	int rows = t->rows - 2;
	bool moved;

	build_blocks(t, s, t->cols < 2 * (DB_COL_MIN + 8), b);
	lay_out(b, t->cols, &l);
	free_blocks(b);
	moved = dashboard_scroll_key(s, key, l.height, visible_lines(l.height, rows));
	return moved ? UI_HANDLED : UI_UNHANDLED;
}

static const struct keyhelp db_help[] = {
	{ "j k Up Down", "scroll a line", "j k scroll" },
	{ "PgDn PgUp Space", "scroll a page (also Ctrl-F Ctrl-B)", NULL },
	{ "Ctrl-D Ctrl-U", "scroll half a page", NULL },
	{ "g G Home End", "top / bottom", NULL },
	{ "", "", NULL },
	{ "Pipeline", "partners in each phase of the lifecycle", NULL },
	{ "Renewals", "active contracts: lapsed; ending within 30/60/90 days (each count", NULL },
	{ "", "includes the shorter ones); notice in 0-30 days: every contract whose", NULL },
	{ "", "auto-renew notice deadline is 0-30 days ahead, whenever it ends (the", NULL },
	{ "", "Renewals view's Notice soon group holds those ending after 90 days only)", NULL },
	{ "Value", "annual value of active contracts by the partner's tier, one line", NULL },
	{ "", "per currency (never added across currencies); K thousands, M millions", NULL },
	{ "Reviews", "partners whose next review date has passed", NULL },
	{ "Behind", "partners in launch after month 3 or ramp-up after month 6", NULL },
	{ "Warnings", "how many partners carry each flag (Portfolio f lists them)", NULL },
	{ NULL, NULL, NULL },
};

const struct view view_dashboard = {
	.name = "Dashboard",
	.help = db_help,
	.new = db_new,
	.free = db_free,
	.load = db_load,
	.draw = db_draw,
	.key = db_key,
};
