/* renewals.c: the Renewals view's state: a window of the listed rows of a
 * horizon in sections, read from the store as the cursor moves, and a
 * cursor that skips the section headers. */
#include "ally/ui-renewals.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
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

struct renewals_state *renewals_new(struct store *st, ally_date today)
{
	struct renewals_state *s = xcalloc(1, sizeof *s);

	s->store = st;
	s->today = today;
	s->horizon = RENEWALS_WITHIN_DEFAULT;
	listnav_init(&s->nav);
	return s;
}

static void line_free(struct rline *l)
{
	if (l->r != NULL) {
		renewal_free_texts(l->r);
		free(l->r);
	}
}

static void lines_clear(struct renewals_state *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		line_free(&s->lines[i]);
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
	s->nav.cur = s->nav.top = 0;
	listnav_set_count(&s->nav, 0);
	s->at_start = s->at_end = false;
}

void renewals_free(struct renewals_state *s)
{
	if (s == NULL)
		return;
	lines_clear(s);
	free(s);
}

const struct renewal *renewals_selected(const struct renewals_state *s)
{
	if (s->nav.cur >= s->nlines)
		return NULL;
	return s->lines[s->nav.cur].r;
}

void renewals_keep_position(struct renewals_state *s)
{
	s->by_position = true;
}

/* Lines kept beyond the screen on each side. */
static size_t margin(const struct renewals_state *s)
{
	return s->nav.height;
}

/* ---- the window ---- */

static struct rline header(const struct renewals_state *s, int sec)
{
	return (struct rline){ sec, NULL, s->counts[sec] };
}

/* The rows of l (in the direction they were read) as lines of section
 * sec, which take the rows' texts; l is left empty. */
static struct rline *take_rows(struct renewal_list *l, int sec)
{
	struct rline *out = xcalloc(l->n + 1, sizeof *out);

	for (size_t i = 0; i < l->n; i++) {
		out[i].section = sec;
		out[i].r = xmalloc(sizeof *out[i].r);
		*out[i].r = l->rows[i];
	}
	free(l->rows);
	l->rows = NULL;
	return out;
}

static void append(struct renewals_state *s, const struct rline *add, size_t n)
{
	s->lines = xrealloc(s->lines, (s->nlines + n + 1) * sizeof *s->lines);
	memcpy(s->lines + s->nlines, add, n * sizeof *add);
	s->nlines += n;
	/* The count alone: the window may not reach the screen's end yet,
	 * and listnav would pull the top up to fill it. */
	s->nav.n = s->nlines;
}

/* add is nearest first: it goes before the first line, turned round. */
static void prepend(struct renewals_state *s, const struct rline *add, size_t n)
{
	s->lines = xrealloc(s->lines, (s->nlines + n + 1) * sizeof *s->lines);
	memmove(s->lines + n, s->lines, s->nlines * sizeof *s->lines);
	for (size_t i = 0; i < n; i++)
		s->lines[n - 1 - i] = add[i];
	s->nlines += n;
	s->nav.cur += n;
	s->nav.top += n;
	s->nav.n = s->nlines;
}

static int fetch(struct renewals_state *s, int sec, const struct renewal *from, int dir,
		 size_t limit, struct renewal_list *out, struct ally_err *err)
{
	return store_renewal_page(s->store, s->today, s->horizon, sec, from, dir, limit, out, err);
}

/* The next section with contracts after sec (dir 1) or before it. */
static int next_section(const struct renewals_state *s, int sec, int dir)
{
	for (sec += dir; sec >= 0 && sec < RSEC_COUNT; sec += dir)
		if (s->counts[sec] > 0)
			return sec;
	return -1;
}

/* Read up to want lines after the last one: the rest of its section,
 * then the next sections, each under its header. */
static int extend_down(struct renewals_state *s, size_t want, struct ally_err *err)
{
	while (!s->at_end && want > 0) {
		const struct rline *last = s->nlines > 0 ? &s->lines[s->nlines - 1] : NULL;
		int sec = last != NULL ? last->section : -1;
		struct renewal_list l;
		struct rline *add, h;
		size_t got;
		int rc;

		if (last != NULL) {
			if ((rc = fetch(s, sec, last->r, 1, want, &l, err)) != ALLY_OK)
				return rc;
			got = l.n;
			add = take_rows(&l, sec);
			append(s, add, got);
			free(add);
			want -= got;
			if (want == 0)
				break;
		}
		if ((sec = next_section(s, sec, 1)) < 0) {
			s->at_end = true;
			if (s->nlines == 0)
				s->at_start = true;
			break;
		}
		h = header(s, sec);
		append(s, &h, 1);
		if (s->nlines == 1)
			s->at_start = true;
		want--;
	}
	return ALLY_OK;
}

/* Read up to want lines before the first one: the rest of its section
 * back to its header, then the sections before, from their ends. */
static int extend_up(struct renewals_state *s, size_t want, struct ally_err *err)
{
	while (!s->at_start && want > 0 && s->nlines > 0) {
		const struct rline *first = &s->lines[0];
		int sec = first->section;
		struct renewal_list l;
		struct rline *add, h;
		const struct renewal *from = first->r;
		size_t got;
		int rc;

		if (from == NULL) {
			/* A header: the section before it, from its end. */
			if ((sec = next_section(s, sec, -1)) < 0) {
				s->at_start = true;
				break;
			}
		}
		if ((rc = fetch(s, sec, from, -1, want, &l, err)) != ALLY_OK)
			return rc;
		got = l.n;
		add = take_rows(&l, sec);
		prepend(s, add, got);
		free(add);
		if (got == want)
			break;
		want -= got;
		h = header(s, sec);
		prepend(s, &h, 1);
		want--;
	}
	return ALLY_OK;
}

static int ensure_after(struct renewals_state *s, size_t upto, struct ally_err *err)
{
	if (s->at_end || s->nlines > upto)
		return ALLY_OK;
	return extend_down(s, upto - s->nlines + 1 + margin(s), err);
}

/* Lines enough above for a move of rows up: the top rows above the
 * screen's and the cursor one more, for the contract above a header it
 * may land on. */
static int ensure_before(struct renewals_state *s, size_t rows, struct ally_err *err)
{
	if (s->at_start || (s->nav.top >= rows && s->nav.cur > rows))
		return ALLY_OK;
	return extend_up(s, rows + 1 - s->nav.top + margin(s), err);
}

/* Keep the screen's lines and a margin on each side. */
static void trim(struct renewals_state *s)
{
	size_t m = margin(s), front = s->nav.top > m ? s->nav.top - m : 0;
	size_t keep_end = s->nav.top + s->nav.height + m;

	if (keep_end < s->nlines) {
		for (size_t i = keep_end; i < s->nlines; i++)
			line_free(&s->lines[i]);
		s->nlines = keep_end;
		s->at_end = false;
	}
	if (front > 0) {
		for (size_t i = 0; i < front; i++)
			line_free(&s->lines[i]);
		memmove(s->lines, s->lines + front, (s->nlines - front) * sizeof *s->lines);
		s->nlines -= front;
		s->nav.cur -= front;
		s->nav.top -= front;
		s->at_start = false;
	}
	s->nav.n = s->nlines;
}

/* ---- the cursor ---- */

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

	if (s->nlines == 0 || s->lines[i].r != NULL) {
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

/* The first lines of the list (dir 1) or its last ones. */
static int load_edge(struct renewals_state *s, int dir, struct ally_err *err)
{
	size_t want = s->nav.height + margin(s);
	int rc, sec;

	lines_clear(s);
	if (dir > 0) {
		rc = extend_down(s, want, err);
		listnav_go(&s->nav, 0);
		return rc;
	}
	s->at_end = true;
	if ((sec = next_section(s, RSEC_COUNT, -1)) < 0) {
		s->at_start = true;
		return ALLY_OK;
	}
	/* A header of the section past the last stands for the end; it is
	 * dropped once the rows before it are in. */
	{
		struct rline end = { sec + 1, NULL, 0 };

		append(s, &end, 1);
		rc = extend_up(s, want, err);
		s->nlines--;
		listnav_set_count(&s->nav, s->nlines);
	}
	listnav_go(&s->nav, s->nlines > 0 ? s->nlines - 1 : 0);
	return rc;
}

/* The window around a position in section sec: the rows of sec before
 * at and from at on (inclusive: at itself first, else the rows after
 * it), then on into the next sections and back into the ones before, the
 * cursor on the first row from at on (else the last before it), offset
 * lines below the top of the screen.  The window is empty before this. */
static int load_around(struct renewals_state *s, const struct renewal *at, int sec,
		       bool inclusive, size_t offset, struct ally_err *err)
{
	struct renewal_list before, after;
	struct renewal from = *at;
	size_t m = margin(s), want_before = offset + m, want_after = s->nav.height + m;
	size_t nb, na, cur;
	struct rline *add, h = header(s, sec);
	int rc;

	if (inclusive)
		from.contract_id--; /* just before it: ids are integers */
	rc = fetch(s, sec, at, -1, want_before, &before, err);
	if (rc == ALLY_OK && (rc = fetch(s, sec, &from, 1, want_after, &after, err)) != ALLY_OK)
		renewal_list_finish(&before);
	if (rc != ALLY_OK)
		return rc;
	nb = before.n;
	na = after.n;
	/* sec's header first: the rows before are appended turned round, so
	 * that extend_down has a line of sec to go on from even when sec has
	 * no row left. */
	append(s, &h, 1);
	add = take_rows(&before, sec);
	for (size_t i = nb; i-- > 0;)
		append(s, &add[i], 1);
	free(add);
	add = take_rows(&after, sec);
	append(s, add, na);
	free(add);
	cur = 1 + nb;
	if (na < want_after && (rc = extend_down(s, want_after - na, err)) != ALLY_OK)
		return rc;
	if (nb == want_before || nb + na == 0) {
		/* sec's start is not in the window, or sec lists nothing now:
		 * the header goes. */
		line_free(&s->lines[0]);
		memmove(s->lines, s->lines + 1, (s->nlines - 1) * sizeof *s->lines);
		s->nlines--;
		cur--;
		s->at_start = false;
	} else {
		s->at_start = next_section(s, sec, -1) < 0;
	}
	if (s->nlines == 0) /* nothing from the position on: the list's end */
		return load_edge(s, -1, err);
	listnav_set_count(&s->nav, s->nlines);
	s->nav.cur = cur < s->nlines ? cur : s->nlines - 1;
	s->nav.top = 0;
	if (nb < want_before && (rc = extend_up(s, want_before - nb, err)) != ALLY_OK)
		return rc;
	s->nav.top = s->nav.cur > offset ? s->nav.cur - offset : 0;
	listnav_set_count(&s->nav, s->nlines);
	return ALLY_OK;
}

/* g and G: the list's first or last lines, read into a copy of s so
 * that a failed read leaves the window as it was. */
static int jump_edge(struct renewals_state *s, int dir, struct ally_err *err)
{
	struct renewals_state t = *s;
	int rc;

	t.lines = NULL;
	t.nlines = 0;
	if ((rc = load_edge(&t, dir, err)) != ALLY_OK) {
		lines_clear(&t);
		return rc;
	}
	lines_clear(s);
	*s = t;
	return ALLY_OK;
}

/* ---- loading ---- */

/* Load into a copy of s and keep it only when every read succeeded, so
 * that a failed load leaves s as it was. */
static int load_window(struct renewals_state *s, struct ally_err *err)
{
	const struct renewal *sel = renewals_selected(s);
	struct renewals_state t = *s;
	struct renewal now;
	size_t offset = s->nav.cur - s->nav.top;
	bool listed = false;
	int rc;

	t.lines = NULL;
	t.nlines = 0;
	t.at_start = t.at_end = false;
	listnav_set_count(&t.nav, 0);
	rc = store_renewal_counts(t.store, t.today, t.horizon, t.counts, err);
	t.ncontracts = 0;
	for (int i = 0; i < RSEC_COUNT; i++)
		t.ncontracts += t.counts[i];
	if (rc == ALLY_OK && sel != NULL && !s->by_position)
		rc = store_renewal_find(t.store, t.today, t.horizon, sel->contract_id, &now,
					&listed, err);
	if (rc == ALLY_OK && listed) {
		rc = load_around(&t, &now, renewal_section(&now), true, offset, err);
		renewal_free_texts(&now);
	} else if (rc == ALLY_OK && sel != NULL) {
		rc = load_around(&t, sel, s->lines[s->nav.cur].section, false, offset, err);
	} else if (rc == ALLY_OK) {
		rc = load_edge(&t, 1, err);
	}
	if (rc != ALLY_OK) {
		lines_clear(&t);
		return rc;
	}
	lines_clear(s);
	*s = t;
	return ALLY_OK;
}

int renewals_load(struct renewals_state *s, struct ally_err *err)
{
	int rc;

	if ((rc = store_begin_read(s->store, err)) != ALLY_OK)
		return rc;
	rc = load_window(s, err);
	store_rollback(s->store);
	if (rc != ALLY_OK)
		return rc;
	s->by_position = false;
	snap(s, 1);
	trim(s);
	return ALLY_OK;
}

int renewals_step_horizon(struct renewals_state *s, int delta, bool *changed,
			  struct ally_err *err)
{
	int h = s->horizon + delta, was = s->horizon, rc;

	if (h < RENEWALS_HORIZON_MIN)
		h = RENEWALS_HORIZON_MIN;
	if (h > RENEWALS_HORIZON_MAX)
		h = RENEWALS_HORIZON_MAX;
	*changed = h != s->horizon;
	if (!*changed)
		return ALLY_OK;
	s->horizon = h;
	if ((rc = renewals_load(s, err)) != ALLY_OK)
		s->horizon = was;
	return rc;
}

void renewals_set_height(struct renewals_state *s, size_t height)
{
	struct listnav *l = &s->nav;

	if (s->at_end) {
		listnav_set_height(l, height > 0 ? height : 1);
	} else {
		/* The window may end above a taller screen's last line, where
		 * the list does not: keep the top, as with the whole list, and
		 * read the rest at the next key or load. */
		l->height = height > 0 ? height : 1;
		if (l->cur >= l->top + l->height)
			l->top = l->cur - l->height + 1;
	}
	if (s->nlines > 0)
		show_header(s);
}

bool renewals_key(struct renewals_state *s, int key, struct ally_err *err)
{
	size_t h = s->nav.height, half = h > 1 ? h / 2 : 1, before;
	int rc;

	switch (key) {
	case UK_DOWN:
	case 'j':
		rc = ensure_after(s, s->nav.cur + 2, err);
		break;
	case UK_UP:
	case 'k':
		rc = ensure_before(s, 1, err);
		break;
	case UK_PGDN:
	case UK_CTRL('f'):
	case ' ':
		rc = ensure_after(s, s->nav.top + 2 * h, err);
		break;
	case UK_CTRL('d'):
		rc = ensure_after(s, s->nav.top + h + half + 1, err);
		break;
	case UK_PGUP:
	case UK_CTRL('b'):
		rc = ensure_before(s, h + 1, err);
		break;
	case UK_CTRL('u'):
		rc = ensure_before(s, half, err);
		break;
	case UK_HOME:
	case 'g':
		rc = s->at_start ? ALLY_OK : jump_edge(s, 1, err);
		break;
	case UK_END:
	case 'G':
		rc = s->at_end ? ALLY_OK : jump_edge(s, -1, err);
		break;
	default:
		return false;
	}
	/* And the screen full: a taller one shows what it did and more. */
	if (rc == ALLY_OK)
		rc = ensure_after(s, s->nav.top + h, err);
	if (rc != ALLY_OK)
		return true;
	before = s->nav.cur;
	listnav_key(&s->nav, key);
	if (s->nlines > 0)
		snap(s, s->nav.cur < before ? -1 : 1);
	trim(s);
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
