/* ui-dashboard.h: the Dashboard view's state, with no terminal: the
 * numbers the store gives as of today (store_dashboard_read: counters it
 * keeps with every change, and counts over indexes), the annual value by
 * tier, and how far the view is scrolled.  src/tui/view-dashboard.c
 * draws it and feeds it keys; Check tests drive it on a database.
 *
 * A load reads a few dozen numbers and a few names, never the partner
 * or the renewal list, so it costs the same at any size of the
 * portfolio but for the flags' counts, each of which reads the rows it
 * counts through an index. */
#ifndef ALLY_UI_DASHBOARD_H
#define ALLY_UI_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/money.h"
#include "ally/store.h"
#include "ally/ui.h"

struct ally_err;

/* The tier rows of the dashboard, in the order shown. */
enum dash_tier { DTIER_1, DTIER_2, DTIER_3, DTIER_UNQUALIFIED, DTIER_NONE, DTIER_COUNT };
/* "Tier 1", "Tier 2", "Tier 3", "Unqualified", "Not scored". */
extern const char *const dash_tier_labels[];
/* The row of an enum tier (TIER_NONE and anything unknown: DTIER_NONE). */
enum dash_tier dash_tier_of(int tier);
/* The partners of a row: d's count for its tier. */
int64_t dash_tier_count(const struct store_dashboard *d, enum dash_tier row);

/* Names listed under "Reviews overdue" and "Behind schedule" before
 * "and N more": what the state loads of each list. */
#define DASH_NAMES_MAX 6

/* The largest of counts[0..n), at least 1: the full length of a bar. */
int64_t dash_max(const int64_t *counts, size_t n);
/* The largest total in currency among the rows of values, at least 1: a
 * currency's bars compare with each other only. */
ally_money dash_value_max(const struct tier_value_list *values, const char *currency);

/* The view's state: what it loaded (owned) and how far it is scrolled. */
struct dashboard_state {
	struct store *store;          /* borrowed */
	ally_date today;
	struct store_dashboard d;     /* the numbers as of today (owned) */
	struct tier_value_list values; /* annual value by tier and currency (owned) */
	size_t top;                   /* first line shown */
};

/* A state reading s as of today; nothing is read until
 * dashboard_state_load, and until then every number is 0. */
struct dashboard_state *dashboard_state_new(struct store *s, ally_date today);
void dashboard_state_free(struct dashboard_state *st); /* NULL is a no-op */

/* (Re)load the numbers, the first DASH_NAMES_MAX names of each list and
 * the value by tier, in one short read transaction, so they agree with
 * each other.  The scroll position stays.  On failure err is filled and
 * the state is as it was. */
int dashboard_state_load(struct dashboard_state *st, struct ally_err *err);

/* The movement keys of the other views (listnav_key's: j k Up Down, PgUp
 * PgDn ^B ^F Space, ^U ^D half a page, g G Home End) scroll lines lines
 * shown height at a time: top stays within 0..lines-height.  Returns true
 * when key is one of them. */
bool dashboard_scroll_key(struct dashboard_state *st, int key, size_t lines, size_t height);

#endif
