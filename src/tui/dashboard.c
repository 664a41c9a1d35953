/* dashboard.c: the Dashboard's state: the numbers it loads from the
 * store (store_dashboard_read, store_value_by_tier) in one read
 * transaction, and its scroll position. */
#include "ally/ui-dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/util.h"

const char *const dash_tier_labels[] = { "Tier 1", "Tier 2", "Tier 3", "Unqualified",
					 "Not scored", NULL };

enum dash_tier dash_tier_of(int tier)
{
	switch (tier) {
	case TIER_1:
		return DTIER_1;
	case TIER_2:
		return DTIER_2;
	case TIER_3:
		return DTIER_3;
	case TIER_UNQUALIFIED:
		return DTIER_UNQUALIFIED;
	default:
		return DTIER_NONE;
	}
}

int64_t dash_tier_count(const struct store_dashboard *d, enum dash_tier row)
{
	static const int tiers[DTIER_COUNT] = { TIER_1, TIER_2, TIER_3, TIER_UNQUALIFIED,
						TIER_NONE };

	if ((unsigned)row >= DTIER_COUNT)
		return 0;
	return d->by_tier[tiers[row] - TIER_NONE];
}

int64_t dash_max(const int64_t *counts, size_t n)
{
	int64_t max = 1;

	for (size_t i = 0; i < n; i++)
		if (counts[i] > max)
			max = counts[i];
	return max;
}

ally_money dash_value_max(const struct tier_value_list *values, const char *currency)
{
	ally_money max = 1;

	for (size_t i = 0; i < values->n; i++)
		if (strcmp(values->rows[i].currency, currency) == 0 && values->rows[i].total > max)
			max = values->rows[i].total;
	return max;
}

struct dashboard_state *dashboard_state_new(struct store *s, ally_date today)
{
	struct dashboard_state *st = xcalloc(1, sizeof *st);

	st->store = s;
	st->today = today;
	return st;
}

void dashboard_state_free(struct dashboard_state *st)
{
	if (st == NULL)
		return;
	store_dashboard_finish(&st->d);
	tier_value_list_finish(&st->values);
	free(st);
}

int dashboard_state_load(struct dashboard_state *st, struct ally_err *err)
{
	struct store_dashboard d;
	struct tier_value_list values = { NULL, 0 };
	int rc = store_begin_read(st->store, err);

	if (rc == ALLY_OK)
		rc = store_dashboard_read(st->store, st->today, DASH_NAMES_MAX, &d, err);
	if (rc == ALLY_OK) {
		rc = store_value_by_tier(st->store, &values, err);
		if (rc != ALLY_OK)
			store_dashboard_finish(&d);
	}
	store_rollback(st->store);
	if (rc != ALLY_OK)
		return rc;
	store_dashboard_finish(&st->d);
	tier_value_list_finish(&st->values);
	st->d = d;
	st->values = values;
	return ALLY_OK;
}

bool dashboard_scroll_key(struct dashboard_state *st, int key, size_t lines, size_t height)
{
	size_t last = lines > height ? lines - height : 0, half;

	if (height == 0)
		height = 1;
	half = height > 1 ? height / 2 : 1; /* as listnav_key's */
	switch (key) {
	case 'j':
	case UK_DOWN:
		st->top++;
		break;
	case 'k':
	case UK_UP:
		st->top = st->top > 0 ? st->top - 1 : 0;
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		st->top += height;
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		st->top = st->top > height ? st->top - height : 0;
		break;
	case UK_CTRL('d'):
		st->top += half;
		break;
	case UK_CTRL('u'):
		st->top = st->top > half ? st->top - half : 0;
		break;
	case 'g':
	case UK_HOME:
		st->top = 0;
		break;
	case 'G':
	case UK_END:
		st->top = last;
		break;
	default:
		return false;
	}
	if (st->top > last)
		st->top = last;
	return true;
}
