/* renewals.c: the Renewals view's state: the listed rows of a horizon in
 * sections, and a cursor that skips the section headers. */
#include "ally/ui-renewals.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/util.h"

const char *const rsection_names[] = { "Lapsed", "Urgent", "Window", "Notice soon", "Later",
				       NULL };
const char *const rsection_about[] = {
	"past their end date",
	"ending within 60 days",
	"ending in 60 to 90 days",
	"notice deadline within 30 days",
	"ending after 90 days",
	NULL,
};

void renewals_init(struct renewals_state *s)
{
	memset(s, 0, sizeof *s);
	s->horizon = RENEWALS_WITHIN_DEFAULT;
	listnav_init(&s->nav);
}

void renewals_finish(struct renewals_state *s)
{
	renewal_list_finish(&s->all);
	free(s->lines);
	s->lines = NULL;
	s->nlines = s->ncontracts = 0;
}

const struct renewal *renewals_selected(const struct renewals_state *s)
{
	if (s->nav.cur >= s->nlines)
		return NULL;
	return s->lines[s->nav.cur].r;
}

/* Contract position (0-based, headers not counted) of line i. */
static size_t position_of_line(const struct renewals_state *s, size_t line)
{
	size_t pos = 0;

	for (size_t i = 0; i < line && i < s->nlines; i++)
		if (s->lines[i].r != NULL)
			pos++;
	return pos;
}

/* Remember what is selected now, for the next rebuild. */
static void remember(struct renewals_state *s)
{
	const struct renewal *r = renewals_selected(s);

	s->keep_id = r != NULL ? r->contract_id : 0;
	s->keep_pos = position_of_line(s, s->nav.cur);
}

void renewals_keep_position(struct renewals_state *s)
{
	s->by_position = true;
}

/* A header line above its first contract shows along with it: when the
 * cursor sits on a section's first contract at the top of the screen,
 * scroll one line up so the header is seen. */
static void show_header(struct renewals_state *s)
{
	struct listnav *l = &s->nav;

	if (l->cur > 0 && l->top == l->cur && l->height > 1 && s->lines[l->cur - 1].r == NULL)
		l->top--;
}

/* Move the cursor off a header: onward in the direction it travelled
 * (dir > 0 down, else up), or back when there is no contract that way. */
static void snap(struct renewals_state *s, int dir)
{
	size_t i = s->nav.cur;

	if (s->ncontracts == 0 || s->lines[i].r != NULL) {
		show_header(s);
		return;
	}
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		if (dir > 0) {
			for (size_t j = i + 1; j < s->nlines; j++)
				if (s->lines[j].r != NULL) {
					listnav_go(&s->nav, j);
					show_header(s);
					return;
				}
		} else {
			for (size_t j = i; j-- > 0;)
				if (s->lines[j].r != NULL) {
					listnav_go(&s->nav, j);
					show_header(s);
					return;
				}
		}
	}
}

/* The line of the contract at position pos (clamped to the last one). */
static size_t line_of_position(const struct renewals_state *s, size_t pos)
{
	size_t seen = 0, last = 0;

	for (size_t i = 0; i < s->nlines; i++) {
		if (s->lines[i].r == NULL)
			continue;
		if (seen++ == pos)
			return i;
		last = i;
	}
	return last;
}

static void restore(struct renewals_state *s)
{
	size_t line = SIZE_MAX;

	if (s->keep_id != 0)
		for (size_t i = 0; i < s->nlines; i++)
			if (s->lines[i].r != NULL && s->lines[i].r->contract_id == s->keep_id) {
				line = i;
				break;
			}
	if (line == SIZE_MAX)
		line = line_of_position(s, s->keep_pos);
	listnav_go(&s->nav, line);
	snap(s, 1);
}

/* Lay out the lines of the rows the horizon lists: sections in order,
 * the list's order inside each. */
static void rebuild(struct renewals_state *s)
{
	size_t n = 0;

	free(s->lines);
	s->lines = xcalloc(s->all.n + RSEC_COUNT + 1, sizeof *s->lines);
	memset(s->counts, 0, sizeof s->counts);
	s->ncontracts = 0;
	for (size_t i = 0; i < s->all.n; i++)
		if (renewal_listed(&s->all.rows[i], s->horizon))
			s->counts[renewal_section(&s->all.rows[i])]++;
	for (int sec = 0; sec < RSEC_COUNT; sec++) {
		if (s->counts[sec] == 0)
			continue;
		s->lines[n++] = (struct rline){ sec, NULL, s->counts[sec] };
		for (size_t i = 0; i < s->all.n; i++) {
			const struct renewal *r = &s->all.rows[i];

			if (renewal_listed(r, s->horizon) && (int)renewal_section(r) == sec) {
				s->lines[n++] = (struct rline){ sec, r, 0 };
				s->ncontracts++;
			}
		}
	}
	s->nlines = n;
	listnav_set_count(&s->nav, n);
	restore(s);
}

void renewals_reload(struct renewals_state *s, struct renewal_list *list)
{
	/* The lines point into the old rows: remember by id and position
	 * before they go. */
	if (s->lines != NULL)
		remember(s);
	if (s->by_position)
		s->keep_id = 0;
	s->by_position = false;
	renewal_list_finish(&s->all);
	s->all = *list;
	list->rows = NULL;
	list->n = 0;
	rebuild(s);
}

bool renewals_set_horizon(struct renewals_state *s, int horizon)
{
	if (horizon < RENEWALS_HORIZON_MIN)
		horizon = RENEWALS_HORIZON_MIN;
	if (horizon > RENEWALS_HORIZON_MAX)
		horizon = RENEWALS_HORIZON_MAX;
	if (horizon == s->horizon)
		return false;
	remember(s);
	s->horizon = horizon;
	rebuild(s);
	return true;
}

bool renewals_step_horizon(struct renewals_state *s, int delta)
{
	return renewals_set_horizon(s, s->horizon + delta);
}

void renewals_set_height(struct renewals_state *s, size_t height)
{
	listnav_set_height(&s->nav, height);
	if (s->nlines > 0)
		show_header(s);
}

bool renewals_key(struct renewals_state *s, int key)
{
	size_t before = s->nav.cur;

	if (!listnav_key(&s->nav, key))
		return false;
	if (s->nlines > 0)
		snap(s, s->nav.cur < before ? -1 : 1);
	return true;
}

bool renewals_notice_passed(const struct renewal *r)
{
	return r->auto_renew && r->notice_deadline != DATE_NONE && r->days_to_notice < 0;
}

char *renewals_notice_text(const struct renewal *r, bool wide, char out[RENEWALS_NOTICE_BUFSZ])
{
	char date[DATE_BUFSZ];
	int y, m, d;

	if (!r->auto_renew || r->notice_deadline == DATE_NONE) {
		snprintf(out, RENEWALS_NOTICE_BUFSZ, "%s", wide ? "" : "no auto");
		return out;
	}
	date_format(r->notice_deadline, date);
	if (!renewals_notice_passed(r)) {
		snprintf(out, RENEWALS_NOTICE_BUFSZ, "%s", date);
	} else if (wide) {
		snprintf(out, RENEWALS_NOTICE_BUFSZ, "%s passed", date);
	} else if (r->days_to_notice > -RENEWALS_NOTICE_NEAR) {
		/* Within the year gone by: the month and day tell which. */
		date_to_ymd(r->notice_deadline, &y, &m, &d);
		snprintf(out, RENEWALS_NOTICE_BUFSZ, "%02d-%02d past", m, d);
	} else {
		snprintf(out, RENEWALS_NOTICE_BUFSZ, "passed");
	}
	return out;
}

char *renewals_days_text(int days, size_t width, char out[RENEWALS_DAYS_BUFSZ])
{
	int n = snprintf(out, RENEWALS_DAYS_BUFSZ, "%d", days);

	if (n > 0 && (size_t)n > width)
		snprintf(out, RENEWALS_DAYS_BUFSZ, "%dy", days / 365);
	return out;
}

/* A count of unit (minor units of 1000, 1M, ...) with one decimal, the
 * decimal dropped when it is 0: "1.3", "125". */
static void tenths_text(int64_t tenths, char *out, size_t size)
{
	if (tenths % 10 == 0)
		snprintf(out, size, "%" PRId64, tenths / 10);
	else
		snprintf(out, size, "%" PRId64 ".%" PRId64, tenths / 10, tenths % 10);
}

char *ui_money_short(ally_money m, const char *currency, char out[MONEY_BUFSZ])
{
	static const struct {
		int64_t minor; /* minor units in one unit */
		char suffix;
	} units[] = { { 100000LL, 'K' }, { 100000000LL, 'M' }, { 100000000000LL, 'B' },
		      { 100000000000000LL, 'T' } };
	const char *cur = currency != NULL ? currency : "";
	char num[24]; /* "-90000000000000000.00" at most */
	size_t i;

	if (m < 0) {
		out[0] = '\0';
		return out;
	}
	if (m < 1000000) { /* below 10000: exact, no ".00" */
		if (m % 100 == 0)
			snprintf(num, sizeof num, "%" PRId64, m / 100);
		else
			snprintf(num, sizeof num, "%" PRId64 ".%02" PRId64, m / 100, m % 100);
		snprintf(out, MONEY_BUFSZ, "%s %.3s", num, cur);
		return out;
	}
	/* The largest unit that still shows a number under 1000 once
	 * rounded, so 999950 reads "1M", not "1000K". */
	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		int64_t tenths = muldiv_round(m, 10, units[i].minor);

		if (tenths < 10000 || i + 1 == sizeof units / sizeof units[0]) {
			tenths_text(tenths, num, sizeof num);
			snprintf(out, MONEY_BUFSZ, "%s%c %.3s", num, units[i].suffix, cur);
			break;
		}
	}
	return out;
}
