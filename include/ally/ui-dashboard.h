/* ui-dashboard.h: the Dashboard view's figures and state, with no
 * terminal.  The figures are counted from what the view loads (the
 * partner list with its flags, the renewal list, the annual value by
 * tier from the store); drawing only reads them. */
#ifndef ALLY_UI_DASHBOARD_H
#define ALLY_UI_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/ui.h"

/* The tier rows of the dashboard, in the order shown. */
enum dash_tier { DTIER_1, DTIER_2, DTIER_3, DTIER_UNQUALIFIED, DTIER_NONE, DTIER_COUNT };
/* "Tier 1", "Tier 2", "Tier 3", "Unqualified", "Not scored". */
extern const char *const dash_tier_labels[];
/* The row of an enum tier (TIER_NONE and anything unknown: DTIER_NONE). */
enum dash_tier dash_tier_of(int tier);

/* Renewals ahead are counted for these horizons, in days. */
#define DASH_HORIZONS 3
extern const int dash_horizons[DASH_HORIZONS]; /* 30, 60, 90 */

struct dashboard {
	size_t partners;
	size_t by_phase[PHASE_COUNT];
	size_t by_tier[DTIER_COUNT];
	size_t by_type[PTYPE_COUNT];
	size_t flagged[FLAG_COUNT];   /* partners carrying flag bit i */
	/* Active contracts of the renewal list: */
	size_t lapsed;                /* past their end date */
	size_t ending[DASH_HORIZONS]; /* ending today .. today + dash_horizons[i] */
	size_t notice_soon;           /* notice deadline 0..30 days ahead */
	/* The partners with an overdue review, and those behind schedule:
	 * rows of the partner list it was built from, in its order. */
	const struct partner_row **overdue;
	size_t n_overdue;
	const struct partner_row **behind;
	size_t n_behind;
};

/* Count pl (partners with flags, as of one day) and rl (store_renewals
 * for at least the longest of dash_horizons, as of the same day) into d.
 * d borrows rows of pl: keep pl while d is used.  dashboard_finish frees
 * what d holds. */
void dashboard_build(struct dashboard *d, const struct partner_list *pl,
		     const struct renewal_list *rl);
void dashboard_finish(struct dashboard *d);

/* The largest of counts[0..n), at least 1: the full length of a bar. */
size_t dash_max(const size_t *counts, size_t n);
/* The largest total in currency among the rows of values, at least 1: a
 * currency's bars compare with each other only. */
ally_money dash_value_max(const struct tier_value_list *values, const char *currency);

/* The view's state: what it loaded (owned) and how far it is scrolled. */
struct dashboard_state {
	struct partner_list partners;
	struct renewal_list renewals;
	struct tier_value_list values;
	struct dashboard d;
	size_t top; /* first line shown */
};

void dashboard_state_init(struct dashboard_state *s);
void dashboard_state_finish(struct dashboard_state *s);
/* Take the three lists (left empty) in place of the old ones and count
 * them; the scroll position stays. */
void dashboard_state_reload(struct dashboard_state *s, struct partner_list *pl,
			    struct renewal_list *rl, struct tier_value_list *vl);
/* The movement keys of the other views (listnav_key's: j k Up Down, PgUp
 * PgDn ^B ^F Space, ^U ^D half a page, g G Home End) scroll lines lines
 * shown height at a time: top stays within 0..lines-height.  Returns true
 * when key is one of them. */
bool dashboard_scroll_key(struct dashboard_state *s, int key, size_t lines, size_t height);

#endif
