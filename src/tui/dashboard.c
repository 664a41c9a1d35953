/* dashboard.c: the Dashboard's figures, counted from the partner and
 * renewal lists the view loaded, and its scroll position. */
#include "ally/ui-dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "ally/renewal.h"
#include "ally/util.h"

const char *const dash_tier_labels[] = { "Tier 1", "Tier 2", "Tier 3", "Unqualified",
					 "Not scored", NULL };
const int dash_horizons[DASH_HORIZONS] = { 30, 60, 90 };

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

static void count_partner(struct dashboard *d, const struct partner_row *row)
{
	const struct partner *p = &row->p;

	d->partners++;
	if (p->phase >= 0 && p->phase < PHASE_COUNT)
		d->by_phase[p->phase]++;
	if (p->type >= 0 && p->type < PTYPE_COUNT)
		d->by_type[p->type]++;
	d->by_tier[dash_tier_of(row->facts.tier)]++;
	for (int bit = 0; bit < FLAG_COUNT; bit++)
		if (row->flags & (1u << bit))
			d->flagged[bit]++;
	if (row->flags & FLAG_REVIEW_OVERDUE)
		d->overdue[d->n_overdue++] = row;
	if (row->flags & FLAG_BEHIND_SCHEDULE)
		d->behind[d->n_behind++] = row;
}

static void count_renewal(struct dashboard *d, const struct renewal *r)
{
	if (r->days_left < 0)
		d->lapsed++;
	for (int i = 0; i < DASH_HORIZONS; i++)
		if (r->days_left >= 0 && r->days_left <= dash_horizons[i])
			d->ending[i]++;
	if (renewal_notice_soon(r))
		d->notice_soon++;
}

void dashboard_build(struct dashboard *d, const struct partner_list *pl,
		     const struct renewal_list *rl)
{
	memset(d, 0, sizeof *d);
	/* One slot per partner at most; +1 keeps an empty list allocated. */
	d->overdue = xcalloc(pl->n + 1, sizeof *d->overdue);
	d->behind = xcalloc(pl->n + 1, sizeof *d->behind);
	for (size_t i = 0; i < pl->n; i++)
		count_partner(d, &pl->rows[i]);
	for (size_t i = 0; i < rl->n; i++)
		count_renewal(d, &rl->rows[i]);
}

void dashboard_finish(struct dashboard *d)
{
	free(d->overdue);
	free(d->behind);
	memset(d, 0, sizeof *d);
}

size_t dash_max(const size_t *counts, size_t n)
{
	size_t max = 1;

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

void dashboard_state_init(struct dashboard_state *s)
{
	memset(s, 0, sizeof *s);
}

void dashboard_state_finish(struct dashboard_state *s)
{
	dashboard_finish(&s->d);
	partner_list_finish(&s->partners);
	renewal_list_finish(&s->renewals);
	tier_value_list_finish(&s->values);
}

void dashboard_state_reload(struct dashboard_state *s, struct partner_list *pl,
			    struct renewal_list *rl, struct tier_value_list *vl)
{
	size_t top = s->top;

	dashboard_state_finish(s);
	s->partners = *pl;
	s->renewals = *rl;
	s->values = *vl;
	*pl = (struct partner_list){ NULL, 0 };
	*rl = (struct renewal_list){ NULL, 0 };
	*vl = (struct tier_value_list){ NULL, 0 };
	dashboard_build(&s->d, &s->partners, &s->renewals);
	s->top = top;
}

bool dashboard_scroll_key(struct dashboard_state *s, int key, size_t lines, size_t height)
{
	size_t last = lines > height ? lines - height : 0, half;

	if (height == 0)
		height = 1;
	half = height > 1 ? height / 2 : 1; /* as listnav_key's */
	switch (key) {
	case 'j':
	case UK_DOWN:
		s->top++;
		break;
	case 'k':
	case UK_UP:
		s->top = s->top > 0 ? s->top - 1 : 0;
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		s->top += height;
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		s->top = s->top > height ? s->top - height : 0;
		break;
	case UK_CTRL('d'):
		s->top += half;
		break;
	case UK_CTRL('u'):
		s->top = s->top > half ? s->top - half : 0;
		break;
	case 'g':
	case UK_HOME:
		s->top = 0;
		break;
	case 'G':
	case UK_END:
		s->top = last;
		break;
	default:
		return false;
	}
	if (s->top > last)
		s->top = last;
	return true;
}
