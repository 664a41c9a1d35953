/* bench-gen: a deterministic portfolio of N partners, written as the files
 * the benchmark runner (tests/bench/run) feeds to the programs it compares.
 *
 * Usage: bench-gen [--today YYYY-MM-DD] KIND N [LIMIT]
 *   partners   the CSV of `ally import partners`: N rows
 *   contracts  the CSV of `ally import contracts`: 3 rows per partner
 *   tasks      the same contracts as taskwarrior's import JSON, one task
 *              each, the first LIMIT of them (default all)
 *
 * Every value is a function of the partner's number and the day given
 * (default 2026-12-07), never of a clock or a random seed, so two runs, on
 * any machine, write the same bytes, and an old build and a new one are
 * measured on the same data.  The program stands alone (no libally): it
 * must keep generating while src/ is rewritten, and for older builds.
 *
 * What the data holds, and why:
 *   - names "Partner 000123", one in ten followed by a non-ASCII company
 *     name (accents, Greek, CJK of double width), so text folding and
 *     width are on the measured path; every name starts with "Partner" and
 *     its number, so the name order is the number order and the first
 *     screen of the interface always shows "Partner 000001";
 *   - types, phases, origins spread, owners among 25 people;
 *   - a status (health, note, date up to 120 days old: some are stale) and
 *     a scoring for about 90% of partners each;
 *   - 3 contracts per partner whose ends fall in every renewal band around
 *     today (lapsed, urgent 0-59 days, window 60-90, clear), mostly active,
 *     half auto-renewing with notice 30, 60 or 90 days, annual values in
 *     four currencies, some with an economic model;
 *   - a few quoted cells (a region with a comma, a note over two lines).
 *
 * Adding a kind is one row in kinds[] and one function writing its rows.
 * When `ally import` takes contacts, reviews and key figures (issue 6),
 * they go there too: 2 contacts, 4 reviews and 8 quarters of key figures
 * per partner (see the marker below kinds[]). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONTRACTS_PER_PARTNER 3
#define NAME_MAX_LEN          128
#define DATE_BUF              48 /* a date, with room for any year the compiler can imagine */

/* ---- deterministic values ---- */

/* splitmix64: a well-mixed 64-bit value from any input, so that fields of
 * one partner are uncorrelated yet reproducible. */
static uint64_t mix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15u;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
	return x ^ (x >> 31);
}

/* A value in 0..n-1 for item i's field salt (one salt per field). */
static unsigned pick(long i, unsigned salt, unsigned n)
{
	return (unsigned)(mix((uint64_t)i * 1000003u + salt) % n);
}

/* An index into weights[] (summing to 100), so that common values are
 * common: most partners are in steady state, few in exit. */
static unsigned pick_weighted(long i, unsigned salt, const unsigned *weights, unsigned n)
{
	unsigned r = pick(i, salt, 100), acc = 0;

	for (unsigned k = 0; k < n; k++) {
		acc += weights[k];
		if (r < acc)
			return k;
	}
	return n - 1;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- dates: days since 1970-01-01, proleptic Gregorian ---- */

typedef long day;

static day days_from_civil(long y, unsigned m, unsigned d)
{
	unsigned mp = m > 2 ? m - 3 : m + 9; /* months from March */
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * mp + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(day z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

/* YYYY-MM-DD into out (11 bytes), or YYYYMMDDT000000Z (taskwarrior's
 * form, 17 bytes) when compact. */
static char *date_text(day t, bool compact, char *out, size_t size)
{
	long y;
	unsigned m, d;

	civil_from_days(t, &y, &m, &d);
	if (compact)
		snprintf(out, size, "%04ld%02u%02uT000000Z", y, m, d);
	else
		snprintf(out, size, "%04ld-%02u-%02u", y, m, d);
	return out;
}

static bool parse_date(const char *s, day *t)
{
	long y;
	unsigned m, d;
	char tail;

	if (sscanf(s, "%4ld-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return false;
	*t = days_from_civil(y, m, d);
	return true;
}

/* ---- writing cells ---- */

/* One CSV cell (RFC 4180: quoted when it holds a comma, a quote or a line
 * break), preceded by a comma unless it is the first of its row. */
static void csv_cell(bool first, const char *v)
{
	if (!first)
		putchar(',');
	if (strpbrk(v, ",\"\r\n") == NULL) {
		fputs(v, stdout);
		return;
	}
	putchar('"');
	for (; *v != '\0'; v++) {
		if (*v == '"')
			putchar('"');
		putchar(*v);
	}
	putchar('"');
}

static void csv_num(long v)
{
	printf(",%ld", v);
}

/* A JSON string; the generated texts hold no control characters. */
static void json_str(const char *v)
{
	putchar('"');
	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\')
			putchar('\\');
		putchar(*v);
	}
	putchar('"');
}

/* ---- partners ---- */

static const char *const types[] = { "strategic_alliance", "channel",  "technology",
				     "co_marketing",       "referral", "joint_venture" };
static const char *const phases[] = { "prospect",     "proposal", "negotiation",
				      "launch",       "ramp_up",  "steady_state",
				      "renewal",      "expansion", "exit" };
static const unsigned phase_weights[] = { 15, 10, 10, 8, 10, 30, 7, 5, 5 };
static const char *const owners[] = {
	"adaoud",  "bkowalski", "cnguyen", "dana",       "eokafor",   "fmartin", "gsilva",
	"hyamada", "iivanova",  "jsmith",  "kpatel",     "lchen",     "mhartmann", "nrossi",
	"ooconnor", "pgarcia",  "qzhang",  "rlindqvist", "sahmed",    "tbauer",  "umehta",
	"vpetrov", "wkim",      "xlopez",  "yschmidt",
};
static const char *const origins[] = { "executive_meeting", "bd_outreach",         "employee_move",
				       "pre_acquisition",   "investor_intro",      "organic_integration",
				       "other",             "" };
static const char *const powers[] = { "big_fish", "small_fish", "equal", "" };
static const char *const goals[] = { "capability", "distribution", "both", "" };
static const char *const regions[] = { "EMEA", "North America", "APAC", "LATAM",
				       "Nordics, Baltics", "DACH & Österreich", "" };
/* The "one in ten" names: several scripts, precomposed accents, and CJK,
 * which takes two columns a character. */
static const char *const name_suffixes[] = {
	"Société Lumière", "Müller-Kranz GmbH", "Krušné Works", "Ålesund Fisk AS",
	"Παράδειγμα ΑΕ",   "青山データ株式会社", "Smørrebrød ApS", "Çelik Sanayi",
};
static const char *const healths[] = { "green", "amber", "red" };
static const unsigned health_weights[] = { 60, 25, 15 };
static const char *const status_notes[] = { "weekly sync held", "integration slipping a sprint",
					    "waiting on their legal team",
					    "joint pipeline review booked", "" };
static const char *const value_texts[] = { "Their installed base in mid-market retail",
					   "Our API in their product", "One offer sold by both teams" };

/* Salts: one per field, so that each is drawn independently. */
enum {
	S_TYPE = 1, S_PHASE, S_OWNER, S_ORIGIN, S_POWER, S_GOAL, S_REGION, S_VALUE,
	S_NOTES, S_HAS_STATUS, S_HEALTH, S_NOTE, S_STATUS_AGE, S_HAS_SCORE, S_CRIT,
	S_SCORE_AGE, S_BAND = 40, S_DAYS, S_CSTATUS, S_TERM, S_AUTO, S_NOTICE, S_VALUE_C,
	S_CURRENCY, S_MODEL, S_PCT, S_EXCL, S_TITLE,
};

struct gen {
	day today;
	long n;     /* partners */
	long limit; /* rows of the tasks kind */
};

/* Partner i's name (i from 1): its number, and for one in ten a company
 * name after it. */
static const char *partner_name(long i, char out[NAME_MAX_LEN])
{
	if (i % 10 == 7)
		snprintf(out, NAME_MAX_LEN, "Partner %06ld %s", i,
			 name_suffixes[(i / 10) % COUNT(name_suffixes)]);
	else
		snprintf(out, NAME_MAX_LEN, "Partner %06ld", i);
	return out;
}

static void partner_fields(long i)
{
	char name[NAME_MAX_LEN], site[64];
	const char *region = regions[pick(i, S_REGION, COUNT(regions))];

	csv_cell(true, partner_name(i, name));
	csv_cell(false, types[pick(i, S_TYPE, COUNT(types))]);
	csv_cell(false, phases[pick_weighted(i, S_PHASE, phase_weights, COUNT(phases))]);
	csv_cell(false, owners[pick(i, S_OWNER, COUNT(owners))]);
	csv_cell(false, origins[pick(i, S_ORIGIN, COUNT(origins))]);
	csv_cell(false, powers[pick(i, S_POWER, COUNT(powers))]);
	csv_cell(false, goals[pick(i, S_GOAL, COUNT(goals))]);
	csv_cell(false, region);
	snprintf(site, sizeof site, "https://partner-%06ld.example", i);
	csv_cell(false, site);
	/* value_partner, value_us, value_together: three in ten have them */
	for (unsigned k = 0; k < 3; k++)
		csv_cell(false, pick(i, S_VALUE, 10) < 3 ? value_texts[k] : "");
	/* notes: two in ten, one in a hundred over two lines */
	csv_cell(false, i % 100 == 42                 ? "Met at the summit.\nFollow up in Q1."
			: pick(i, S_NOTES, 10) < 2 ? "Renewal terms to be discussed at the QBR."
						   : "");
}

/* health, status_note, status_date: for nine partners in ten. */
static void partner_status(const struct gen *g, long i)
{
	char date[DATE_BUF];

	if (pick(i, S_HAS_STATUS, 10) == 0) {
		fputs(",,,", stdout);
		return;
	}
	csv_cell(false, healths[pick_weighted(i, S_HEALTH, health_weights, COUNT(healths))]);
	csv_cell(false, status_notes[pick(i, S_NOTE, COUNT(status_notes))]);
	csv_cell(false, date_text(g->today - pick(i, S_STATUS_AGE, 120), false, date, sizeof date));
}

/* fit, reach, capabilities, financial, track_record, score_date: for
 * nine partners in ten, each criterion 20..100. */
static void partner_score(const struct gen *g, long i)
{
	char date[DATE_BUF];

	if (pick(i, S_HAS_SCORE, 10) == 0) {
		fputs(",,,,,,", stdout);
		return;
	}
	for (unsigned c = 0; c < 5; c++)
		csv_num(20 + pick(i, S_CRIT + c * 101, 81));
	csv_cell(false, date_text(g->today - pick(i, S_SCORE_AGE, 400), false, date, sizeof date));
}

static void partners(const struct gen *g)
{
	puts("name,type,phase,owner,origin,power,goal,region,website,value_partner,value_us,"
	     "value_together,notes,health,status_note,status_date,fit,reach,capabilities,"
	     "financial,track_record,score_date");
	for (long i = 1; i <= g->n; i++) {
		partner_fields(i);
		partner_status(g, i);
		partner_score(g, i);
		putchar('\n');
	}
}

/* ---- contracts ---- */

struct contract {
	long partner;      /* the partner's number */
	const char *title; /* with its number after it */
	const char *status;
	day start, end;
	bool auto_renew;
	int renewal_months, notice_days;
	long value;        /* annual value, whole units */
	const char *currency;
	const char *model; /* "" for none */
	long pct;          /* the model's percentage, or -1 */
	bool amount;       /* the model's amount is the annual value */
	const char *exclusivity;
};

static const char *const titles[] = { "Reseller agreement", "Technology partnership",
				      "Referral programme", "Co-marketing plan",
				      "Joint venture terms", "Integration MSA" };
static const char *const currencies[] = { "USD", "EUR", "GBP", "JPY" };
static const unsigned currency_weights[] = { 60, 25, 10, 5 };
static const char *const exclusivities[] = { "non_exclusive", "exclusive", "limited", "" };
static const unsigned exclusivity_weights[] = { 60, 10, 10, 20 };

/* The end of contract j (0-based over all contracts) relative to today:
 * lapsed 15%, urgent (0-59 days) 20%, window (60-90) 15%, clear 50%. */
static day contract_end(const struct gen *g, long j)
{
	static const unsigned band_weights[] = { 15, 20, 15, 50 };

	switch (pick_weighted(j, S_BAND, band_weights, 4)) {
	case 0: return g->today - 1 - pick(j, S_DAYS, 365);
	case 1: return g->today + pick(j, S_DAYS, 60);
	case 2: return g->today + 60 + pick(j, S_DAYS, 31);
	default: return g->today + 91 + pick(j, S_DAYS, 900);
	}
}

/* Most contracts are active (a lapsed one is an active contract past its
 * end); some past their end have expired, and a few are drafts, under
 * negotiation or terminated. */
static const char *contract_status(const struct gen *g, long j, day end)
{
	unsigned r = pick(j, S_CSTATUS, 100);

	if (end < g->today && r < 40)
		return "expired";
	if (r >= 96)
		return "draft";
	if (r >= 93)
		return "negotiating";
	if (r >= 90)
		return "terminated";
	return "active";
}

static void contract_of(const struct gen *g, long j, struct contract *c)
{
	static const int months[] = { 12, 24, 36 };
	static const int notice[] = { 30, 60, 90 };
	unsigned model = pick(j, S_MODEL, 4);

	c->partner = j / CONTRACTS_PER_PARTNER + 1;
	c->title = titles[pick(j, S_TITLE, COUNT(titles))];
	c->end = contract_end(g, j);
	c->status = contract_status(g, j, c->end);
	c->renewal_months = months[pick(j, S_TERM, COUNT(months))];
	c->start = c->end - c->renewal_months * 365 / 12 + 1;
	c->auto_renew = pick(j, S_AUTO, 2) == 1;
	c->notice_days = notice[pick(j, S_NOTICE, COUNT(notice))];
	c->value = 5000 * (1 + (long)pick(j, S_VALUE_C, 200));
	c->currency = currencies[pick_weighted(j, S_CURRENCY, currency_weights, COUNT(currencies))];
	c->model = model == 0 ? "revenue_share" : model == 1 ? "flat_fee" : model == 2 ? "reseller_margin" : "";
	c->pct = model == 0 ? 5 + (long)pick(j, S_PCT, 26) : model == 2 ? 10 + (long)pick(j, S_PCT, 31) : -1;
	c->amount = model == 1;
	c->exclusivity =
		exclusivities[pick_weighted(j, S_EXCL, exclusivity_weights, COUNT(exclusivities))];
}

/* The day to act on the contract, as `ally renewals` orders by: its notice
 * deadline while that is still ahead, else its end. */
static day contract_action(const struct gen *g, const struct contract *c)
{
	day notice = c->end - c->notice_days;

	return c->auto_renew && notice >= g->today ? notice : c->end;
}

static void contract_row(const struct contract *c, long j)
{
	char name[NAME_MAX_LEN], date[DATE_BUF], title[64];

	csv_cell(true, partner_name(c->partner, name));
	snprintf(title, sizeof title, "%s %ld", c->title, j % CONTRACTS_PER_PARTNER + 1);
	csv_cell(false, title);
	csv_cell(false, c->status);
	csv_cell(false, date_text(c->start, false, date, sizeof date));
	csv_cell(false, date_text(c->end, false, date, sizeof date));
	csv_cell(false, c->auto_renew ? "true" : "false");
	csv_num(c->renewal_months);
	csv_num(c->notice_days);
	printf(",%ld.00", c->value);
	csv_cell(false, c->currency);
	csv_cell(false, c->model);
	if (c->pct >= 0)
		csv_num(c->pct);
	else
		putchar(',');
	if (c->amount)
		printf(",%ld.00", c->value);
	else
		putchar(',');
	csv_cell(false, c->exclusivity);
	putchar('\n');
}

static void contracts(const struct gen *g)
{
	puts("partner,title,status,start_date,end_date,auto_renew,renewal_months,notice_days,"
	     "annual_value,currency,model,model_pct,model_amount,exclusivity");
	for (long j = 0; j < g->n * CONTRACTS_PER_PARTNER; j++) {
		struct contract c;

		contract_of(g, j, &c);
		contract_row(&c, j);
	}
}

/* ---- the contracts as taskwarrior tasks ---- */

/* One task per contract, due on its action date, so that `task
 * due.before:TODAY+91` asks what `ally renewals` answers.  Active
 * contracts are pending tasks; the others completed ones (taskwarrior
 * wants an end date for those).  UUIDs are made from the contract's number
 * so that the data is the same on every run. */
static void task_row(const struct gen *g, const struct contract *c, long j)
{
	char name[NAME_MAX_LEN], desc[NAME_MAX_LEN + 64], entry[DATE_BUF], due[DATE_BUF];
	bool active = strcmp(c->status, "active") == 0;

	snprintf(desc, sizeof desc, "%s: %s %ld", partner_name(c->partner, name), c->title,
		 j % CONTRACTS_PER_PARTNER + 1);
	printf("{\"uuid\":\"00000000-0000-4000-8000-%012ld\",\"description\":", j + 1);
	json_str(desc);
	printf(",\"project\":\"renewals\",\"status\":\"%s\",\"entry\":\"%s\",\"due\":\"%s\"",
	       active ? "pending" : "completed", date_text(c->start, true, entry, sizeof entry),
	       date_text(contract_action(g, c), true, due, sizeof due));
	if (!active)
		printf(",\"end\":\"%s\"", entry);
	putchar('}');
}

static void tasks(const struct gen *g)
{
	long total = g->n * CONTRACTS_PER_PARTNER;
	long rows = g->limit >= 0 && g->limit < total ? g->limit : total;

	putchar('[');
	for (long j = 0; j < rows; j++) {
		struct contract c;

		contract_of(g, j, &c);
		if (j > 0)
			fputs(",\n", stdout);
		task_row(g, &c, j);
	}
	puts("]");
}

/* ---- main ---- */

static const struct {
	const char *name;
	void (*write)(const struct gen *g);
} kinds[] = {
	{ "partners", partners },
	{ "contracts", contracts },
	{ "tasks", tasks },
	/* Issue 6 (contacts, reviews and key figures importable): add
	 * "contacts" (2 per partner), "reviews" (4 per partner) and
	 * "figures" (8 quarters per partner) here, each written with the
	 * columns `ally export` gives them. */
};

static int usage(void)
{
	fputs("usage: bench-gen [--today YYYY-MM-DD] partners|contracts|tasks N [LIMIT]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	struct gen g = { days_from_civil(2026, 12, 7), 0, -1 };
	int a = 1;
	char *end;

	if (a + 1 < argc && strcmp(argv[a], "--today") == 0) {
		if (!parse_date(argv[a + 1], &g.today))
			return usage();
		a += 2;
	}
	if (argc - a < 2 || argc - a > 3)
		return usage();
	g.n = strtol(argv[a + 1], &end, 10);
	if (*end != '\0' || g.n < 1 || g.n > 999999)
		return usage();
	if (argc - a == 3 && ((g.limit = strtol(argv[a + 2], &end, 10)) < 0 || *end != '\0'))
		return usage();
	for (size_t k = 0; k < COUNT(kinds); k++) {
		if (strcmp(argv[a], kinds[k].name) == 0) {
			kinds[k].write(&g);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		}
	}
	return usage();
}
