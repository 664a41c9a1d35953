/* cmd-partner-show.c: `ally partner show PARTNER`.  JSON and CSV come from
 * json_partner_full; the table format is a readable card: fields, status,
 * score card, contacts, contracts with their bands, flags as sentences,
 * then the score history, status history and phase timeline. */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/renewal.h"
#include "ally/review.h"
#include "ally/store.h"
#include "ally/text.h"
#include "ally/util.h"

#define LABEL_COLS 20

/* Everything the card shows, read in the command's one transaction. */
struct show {
	struct partner p;
	struct partner_facts facts;
	unsigned flags;
	ally_date next_review;
	struct contract_list contracts;
	struct contact_list contacts;
	struct score_list scores;     /* newest first */
	struct status_list statuses;  /* newest first */
	struct phase_list phases;     /* oldest first */
};

static int show_load(struct cli *cli, const char *ref, struct show *s, struct ally_err *err)
{
	int rc = store_partner_find(cli->store, ref, &s->p, err);

	if (rc == ALLY_OK)
		rc = store_partner_facts_of(cli->store, &s->p, cli->today, &s->facts, err);
	if (rc == ALLY_OK)
		rc = store_contract_list(cli->store, s->p.id, -1, &s->contracts, err);
	if (rc == ALLY_OK)
		rc = store_contact_list(cli->store, s->p.id, &s->contacts, err);
	if (rc == ALLY_OK)
		rc = store_score_history(cli->store, s->p.id, &s->scores, err);
	if (rc == ALLY_OK)
		rc = store_status_history(cli->store, s->p.id, &s->statuses, err);
	if (rc == ALLY_OK)
		rc = store_phase_history(cli->store, s->p.id, &s->phases, err);
	if (rc != ALLY_OK)
		return rc;
	s->flags = partner_flags(&s->facts, cli->today);
	s->next_review = partner_next_review(&s->facts);
	return ALLY_OK;
}

/* The three histories as JSON arrays, in the store's order. */
static void histories_json(json_t *o, const struct show *s)
{
	json_t *scores = json_array(), *statuses = json_array(), *phases = json_array();
	size_t i;

	for (i = 0; i < s->scores.n; i++)
		json_array_append_new(scores, json_score_entry(&s->scores.rows[i]));
	for (i = 0; i < s->statuses.n; i++)
		json_array_append_new(statuses, json_status_entry(&s->statuses.rows[i]));
	for (i = 0; i < s->phases.n; i++)
		json_array_append_new(phases, json_phase_entry(&s->phases.rows[i]));
	json_object_set_new(o, "score_history", scores);
	json_object_set_new(o, "status_history", statuses);
	json_object_set_new(o, "phase_history", phases);
}

/* The partner's own fields and what is derived from them: the one row
 * of CSV, and the start of the JSON object. */
static json_t *show_row(const struct show *s)
{
	json_t *o = json_partner_full(&s->p);

	json_object_set_new(o, "next_action", json_date(partner_next_action(&s->facts)));
	json_object_set_new(o, "next_review", json_date(s->next_review));
	json_object_set_new(o, "flags", json_flags(s->flags));
	return o;
}

/* The row with the lists that do not fit in a CSV cell. */
static json_t *show_json(const struct cli *cli, const struct show *s)
{
	json_t *o = show_row(s);
	json_t *contracts = json_array(), *contacts = json_array();
	size_t i;

	for (i = 0; i < s->contracts.n; i++)
		json_array_append_new(contracts, json_contract_renewal(&s->contracts.rows[i], cli->today));
	for (i = 0; i < s->contacts.n; i++)
		json_array_append_new(contacts, json_contact(&s->contacts.rows[i]));
	json_object_set_new(o, "contracts", contracts);
	json_object_set_new(o, "contacts", contacts);
	histories_json(o, s);
	return o;
}

/* "  label:    value", continuation lines of a multi-line value aligned
 * under its first line.  Database text is made visible first. */
static void kv(FILE *f, const char *label, const char *value)
{
	char *vis = text_visible(value, 1);
	const char *p;

	fprintf(f, "  %s:%*s", label, (int)(LABEL_COLS - strlen(label)), "");
	for (p = vis; *p != '\0'; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fprintf(f, "%*s", LABEL_COLS + 3, "");
	}
	fputc('\n', f);
	free(vis);
}

/* An optional field: shown only when set, so the card stays short. */
static void kv_opt(FILE *f, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		kv(f, label, value);
}

static void show_fields(FILE *f, const struct partner *p)
{
	char *name = text_visible(p->name, 0);
	char id[24];

	fprintf(f, "%s\n", name);
	free(name);
	snprintf(id, sizeof id, "%" PRId64, p->id);
	kv(f, "id", id);
	kv(f, "type", enum_name(partner_type_names, p->type));
	kv(f, "phase", enum_name(phase_names, p->phase));
	kv_opt(f, "owner", p->owner);
	kv_opt(f, "origin", enum_name(partner_origin_names, p->origin));
	kv_opt(f, "power", enum_name(partner_power_names, p->power));
	kv_opt(f, "goal", enum_name(partner_goal_names, p->goal));
	kv_opt(f, "region", p->region);
	kv_opt(f, "website", p->website);
	kv_opt(f, "value for partner", p->value_partner);
	kv_opt(f, "value for us", p->value_us);
	kv_opt(f, "value together", p->value_together);
	kv_opt(f, "notes", p->notes);
}

static void show_status(FILE *f, const struct partner *p)
{
	char date[DATE_BUFSZ];
	char *line;

	fputs("\nstatus\n", f);
	if (p->health < 0) {
		kv(f, "health", "never set");
		return;
	}
	line = xasprintf("%s, %s by %s", enum_name(health_names, p->health),
			 date_format(p->status_date, date), p->status_author ? p->status_author : "?");
	kv(f, "health", line);
	free(line);
	kv_opt(f, "note", p->status_note);
}

static void show_score(FILE *f, const struct show *s, ally_date today)
{
	const struct partner *p = &s->p;
	char buf[32], date[DATE_BUFSZ];
	enum tier t = score_tier(p->score_w);
	int c;

	fputs("\nscore card\n", f);
	if (p->score_w < 0) {
		fputs("  not scored\n", f);
		return;
	}
	for (c = 0; c < CRIT_COUNT; c++) {
		int v = score_criterion(&p->score_in, (enum criterion)c);

		fprintf(f, "  %-18s %3d x %2d = %4d\n", criterion_labels[c], v,
			criterion_weights[c], v * criterion_weights[c]);
	}
	fprintf(f, "  %-18s %15d\n", "weighted total", p->score_w);
	fprintf(f, "  score %s, %s%s (scored %s)\n", json_score_text(p->score_w, buf),
		t == TIER_UNQUALIFIED ? "" : "tier ", tier_name(t), date_format(p->score_date, date));
	if (s->next_review != DATE_NONE)
		fprintf(f, "  next review due %s%s\n", date_format(s->next_review, date),
			review_overdue(s->next_review, today) ? " (overdue)" : "");
}

static void show_contacts(FILE *f, const struct contact_list *l)
{
	size_t i;

	fputs("\ncontacts\n", f);
	if (l->n == 0)
		fputs("  none\n", f);
	for (i = 0; i < l->n; i++) {
		const struct contact *c = &l->rows[i];
		char *line = xasprintf("%s%s%s%s%s%s%s", c->name, c->role ? ", " : "",
				       c->role ? c->role : "", c->email ? ", " : "",
				       c->email ? c->email : "", c->phone ? ", " : "",
				       c->phone ? c->phone : "");
		char *vis = text_visible(line, 0);

		fprintf(f, "  %s\n", vis);
		free(vis);
		free(line);
	}
}

/* "#3 Reseller agreement: active 2026-01-01 to 2026-12-31, urgent (39
 * days left), auto-renews, notice by 2026-11-01".  Band and notice come
 * from the core's renewal state, so only active contracts show them. */
static void contract_line(FILE *f, const struct contract *c, ally_date today)
{
	char start[DATE_BUFSZ], end[DATE_BUFSZ], notice[DATE_BUFSZ];
	char *title = text_visible(c->title, 0);
	struct renewal r;

	fprintf(f, "  #%" PRId64 " %s: %s %s to %s", c->id, title,
		enum_name(contract_status_names, c->status), date_format(c->start_date, start),
		date_format(c->end_date, end));
	if (renewal_of_contract(c, today, &r)) {
		fprintf(f, ", %s (%d days left)", enum_name(band_names, (int)r.band), r.days_left);
		if (r.notice_deadline != DATE_NONE)
			fprintf(f, ", auto-renews, notice by %s",
				date_format(r.notice_deadline, notice));
	}
	fputc('\n', f);
	free(title);
}

static void show_contracts(FILE *f, const struct contract_list *l, ally_date today)
{
	size_t i;

	fputs("\ncontracts\n", f);
	if (l->n == 0)
		fputs("  none\n", f);
	for (i = 0; i < l->n; i++)
		contract_line(f, &l->rows[i], today);
}

/* "  DATE  WHAT, by AUTHOR: NOTE", database text made visible. */
static void history_line(FILE *f, ally_date date, const char *what, const char *author,
			 const char *note)
{
	char day[DATE_BUFSZ];
	char *line = xasprintf("%s, by %s%s%s", what, author ? author : "?",
			       note && *note ? ": " : "", note && *note ? note : "");
	char *vis = text_visible(line, 0);

	fprintf(f, "  %s  %s\n", date_format(date, day), vis);
	free(vis);
	free(line);
}

static void show_score_history(FILE *f, const struct score_list *l)
{
	char buf[32], *what;
	size_t i;

	fputs("\nscore history\n", f);
	if (l->n == 0)
		fputs("  none\n", f);
	for (i = 0; i < l->n; i++) {
		enum tier t = score_tier(l->rows[i].w);

		what = xasprintf("score %s, %s%s", json_score_text(l->rows[i].w, buf),
				 t == TIER_UNQUALIFIED ? "" : "tier ", tier_name(t));
		history_line(f, l->rows[i].date, what, l->rows[i].author, NULL);
		free(what);
	}
}

static void show_status_history(FILE *f, const struct status_list *l)
{
	size_t i;

	fputs("\nstatus history\n", f);
	if (l->n == 0)
		fputs("  none\n", f);
	for (i = 0; i < l->n; i++)
		history_line(f, l->rows[i].date, enum_name(health_names, l->rows[i].health),
			     l->rows[i].author, l->rows[i].note);
}

static void show_phase_history(FILE *f, const struct phase_list *l)
{
	char *what;
	size_t i;

	fputs("\nphase timeline\n", f);
	if (l->n == 0)
		fputs("  no moves yet\n", f);
	for (i = 0; i < l->n; i++) {
		const char *from = enum_name(phase_names, l->rows[i].from);
		const char *to = enum_name(phase_names, l->rows[i].to);

		what = xasprintf("%s -> %s", from ? from : "?", to ? to : "?");
		history_line(f, l->rows[i].date, what, l->rows[i].author, l->rows[i].note);
		free(what);
	}
}

static void show_flags(FILE *f, unsigned flags)
{
	int i;

	fputs("\nflags\n", f);
	if (flags == 0)
		fputs("  none\n", f);
	for (i = 0; i < FLAG_COUNT; i++)
		if (flags & (1u << i))
			fprintf(f, "  - %s\n", flag_text((enum partner_flag)(1u << i)));
}

static void show_card(struct cli *cli, const struct show *s)
{
	show_fields(cli->out, &s->p);
	show_status(cli->out, &s->p);
	show_score(cli->out, s, cli->today);
	show_contacts(cli->out, &s->contacts);
	show_contracts(cli->out, &s->contracts, cli->today);
	show_flags(cli->out, s->flags);
	show_score_history(cli->out, &s->scores);
	show_status_history(cli->out, &s->statuses);
	show_phase_history(cli->out, &s->phases);
}

int cli_partner_show(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const struct cli_opt opts[] = { { NULL, false, NULL, NULL } };
	struct show s;
	const char *pos[1];
	json_t *obj = NULL;
	int npos, rc;

	memset(&s, 0, sizeof s);
	partner_init(&s.p);
	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK)
		rc = show_load(cli, pos[0], &s, err);
	if (rc != ALLY_OK)
		goto out;
	if (cli->format == FMT_TABLE) {
		show_card(cli, &s);
		goto out;
	}
	/* CSV is one row: lists do not fit in a cell (contract list --partner
	 * and history give them as CSV). */
	obj = cli->format == FMT_CSV ? show_row(&s) : show_json(cli, &s);
	rc = out_object(cli, obj, err);
out:
	json_decref(obj);
	contract_list_finish(&s.contracts);
	contact_list_finish(&s.contacts);
	score_list_finish(&s.scores);
	status_list_finish(&s.statuses);
	phase_list_finish(&s.phases);
	partner_finish(&s.p);
	return rc;
}
