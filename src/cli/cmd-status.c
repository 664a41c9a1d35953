/* cmd-status.c: the portfolio review's three quick updates: `ally status`
 * (health and a note), `ally score` (the five criteria) and `ally advance`
 * (a phase move).  Each is recorded in history by the store. */
#include "cli.h"

#include <stdlib.h>

#include "ally/enums.h"
#include "ally/parse.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/score.h"
#include "ally/store.h"
#include "ally/util.h"

/* ---- status ---- */

static int status_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *health = NULL, *note = NULL, *pos[1];
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = { { "health", true, &health, NULL },
					{ "note", true, &note, NULL },
					{ "if-version", true, &want.version_text, NULL },
					{ NULL, false, NULL, NULL } };
	int npos, h = -1, rc;
	int64_t id = 0;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK)
		rc = cli_require(health, "health", err);
	if (rc == ALLY_OK)
		rc = cli_enum(health_names, health, "--health", &h, err);
	if (rc == ALLY_OK && note != NULL)
		rc = text_check(note, "--note", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = cli_partner_id(cli, pos[0], &id, err);
	if (rc == ALLY_OK)
		rc = cli_expect_partner(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = store_status_add(cli->store, id, h, note, cli->today, err);
	return rc;
}

/* ---- score ---- */

/* The five options in criterion order; their names are the criteria's
 * with '-' for '_' (--track-record). */
static const char *const score_opts[CRIT_COUNT] = { "fit", "reach", "capabilities", "financial",
						    "track-record" };

static int score_read(const char *const values[CRIT_COUNT], struct score_input *in,
		      struct ally_err *err)
{
	int *slots[CRIT_COUNT] = { &in->fit, &in->reach, &in->capabilities, &in->financial,
				   &in->track_record };
	char field[32];
	long v;
	int c, rc;

	for (c = 0; c < CRIT_COUNT; c++) {
		rc = cli_require(values[c], score_opts[c], err);
		if (rc != ALLY_OK)
			return rc;
	}
	for (c = 0; c < CRIT_COUNT; c++) {
		snprintf(field, sizeof field, "--%s", score_opts[c]);
		rc = parse_long_field(values[c], field, 0, 100, &v, err);
		if (rc != ALLY_OK)
			return rc;
		*slots[c] = (int)v;
	}
	return ALLY_OK;
}

static int score_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *v[CRIT_COUNT] = { NULL }, *pos[1];
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = {
		{ "if-version", true, &want.version_text, NULL },
		{ "fit", true, &v[0], NULL },          { "reach", true, &v[1], NULL },
		{ "capabilities", true, &v[2], NULL }, { "financial", true, &v[3], NULL },
		{ "track-record", true, &v[4], NULL }, { NULL, false, NULL, NULL },
	};
	struct score_input in;
	char buf[32], *text;
	int npos, w = 0, rc;
	int64_t id = 0;
	enum tier t;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK)
		rc = score_read(v, &in, err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = cli_partner_id(cli, pos[0], &id, err);
	if (rc == ALLY_OK)
		rc = cli_expect_partner(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = store_score_add(cli->store, id, &in, cli->today, &w, err);
	if (rc != ALLY_OK)
		return rc;
	t = score_tier(w);
	text = xasprintf("%s %s%s", json_score_text(w, buf), t == TIER_UNQUALIFIED ? "" : "tier ",
			 tier_name(t));
	rc = out_result(cli, json_pack("{s:o, s:i}", "score", json_score(w), "tier", (int)t), text,
			err);
	free(text);
	return rc;
}

/* ---- advance ---- */

static int advance_run(struct cli *cli, int argc, char **argv, struct ally_err *err)
{
	const char *to = NULL, *note = NULL, *pos[1];
	struct cli_expect want = { 0 };
	const struct cli_opt opts[] = { { "to", true, &to, NULL },
					{ "note", true, &note, NULL },
					{ "from", true, &want.phase_text, NULL },
					{ "if-version", true, &want.version_text, NULL },
					{ NULL, false, NULL, NULL } };
	enum phase from = PHASE_PROSPECT, dest = PHASE_PROSPECT;
	int npos, target = -1, rc;
	int64_t id = 0;
	char *text;

	rc = cli_parse(cli, argc, argv, opts, pos, 1, &npos, err);
	if (rc == ALLY_OK)
		rc = cli_need_args(npos, 1, "PARTNER", err);
	if (rc == ALLY_OK && to != NULL)
		rc = cli_enum(phase_names, to, "--to", &target, err);
	if (rc == ALLY_OK && note != NULL)
		rc = text_check(note, "--note", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = cli_expect_parse(&want, err);
	if (rc == ALLY_OK)
		rc = cli_partner_id(cli, pos[0], &id, err);
	if (rc == ALLY_OK)
		rc = cli_expect_partner(cli, id, &want, err);
	if (rc == ALLY_OK)
		rc = store_phase_move(cli->store, id, target, note, cli->today, &from, &dest, err);
	if (rc != ALLY_OK)
		return rc;
	text = xasprintf("%s -> %s", phase_names[from], phase_names[dest]);
	rc = out_result(cli, json_pack("{s:s, s:s}", "from", phase_names[from], "to",
				       phase_names[dest]),
			text, err);
	free(text);
	return rc;
}

const struct cli_command cli_status_commands[] = {
	{ "status", NULL, "PARTNER --health green|amber|red [--note TEXT] [--if-version N]",
	  "record a status update (dated today, with you as author)", CMD_DB | CMD_WRITE,
	  status_run },
	{ "score", NULL,
	  "PARTNER --fit N --reach N --capabilities N --financial N --track-record N "
	  "[--if-version N]",
	  "record a scoring (each 0-100); prints the score and tier",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, score_run },
	{ "advance", NULL, "PARTNER [--to PHASE] [--note TEXT] [--from PHASE] [--if-version N]",
	  "move to the next phase (or --to another allowed one); prints FROM -> TO",
	  CMD_DB | CMD_WRITE | CMD_FORMAT, advance_run },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};
