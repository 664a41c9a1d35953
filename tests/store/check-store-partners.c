/* check-store-partners.c: partners, their status, score and phase: round
 * trips, duplicates, concurrent edits, deletion, and the audit rows. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/store/store-private.h"
#include "ally/enums.h"
#include "ally/util.h"
#include "fixture.h"

static void fill_every_field(struct partner *p)
{
	partner_init(p);
	p->name = xstrdup("Zürich Analytics ✓");
	p->type = PTYPE_JOINT_VENTURE;
	p->phase = PHASE_NEGOTIATION;
	p->owner = xstrdup("dana");
	p->origin = ORIGIN_INVESTOR_INTRO;
	p->power = POWER_SMALL_FISH;
	p->goal = GOAL_BOTH;
	p->value_partner = xstrdup("Access to our 4,000 mid-market customers");
	p->value_us = xstrdup("Their analytics engine, line 1\nline 2");
	p->value_together = xstrdup("A joint offer for retail");
	p->region = xstrdup("DACH");
	p->website = xstrdup("https://zurich.example");
	p->notes = xstrdup("Met at the 2026 summit; \"warm\" intro.");
}

START_TEST(test_partner_round_trip)
{
	struct ally_err err = { 0 };
	struct partner p, q;

	fill_every_field(&p);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	ck_assert_int_gt(p.id, 0);
	ck_assert_int_eq(p.version, 1);
	ck_assert_ptr_nonnull(p.created_at);
	ck_assert_ok(store_partner_get(fx_store, p.id, &q, &err), err);
	ck_assert_int_eq(q.id, p.id);
	ck_assert_int_eq(q.version, 1);
	ck_assert_str_eq(q.name, p.name);
	ck_assert_int_eq(q.type, PTYPE_JOINT_VENTURE);
	ck_assert_int_eq(q.phase, PHASE_NEGOTIATION);
	ck_assert_str_eq(q.owner, "dana");
	ck_assert_int_eq(q.origin, ORIGIN_INVESTOR_INTRO);
	ck_assert_int_eq(q.power, POWER_SMALL_FISH);
	ck_assert_int_eq(q.goal, GOAL_BOTH);
	ck_assert_str_eq(q.value_partner, p.value_partner);
	ck_assert_str_eq(q.value_us, p.value_us);
	ck_assert_str_eq(q.value_together, p.value_together);
	ck_assert_str_eq(q.region, "DACH");
	ck_assert_str_eq(q.website, p.website);
	ck_assert_str_eq(q.notes, p.notes);
	ck_assert_int_eq(q.health, -1);
	ck_assert_ptr_null(q.status_note);
	ck_assert_int_eq(q.status_date, DATE_NONE);
	ck_assert_int_eq(q.score_w, -1);
	ck_assert_int_eq(q.score_date, DATE_NONE);
	ck_assert_str_eq(q.created_at, p.created_at);
	ck_assert_int_eq(fx_audit_count("partners", "*", "", "Zürich Analytics ✓ (joint_venture)"),
			 1);
	partner_finish(&p);
	partner_finish(&q);
}
END_TEST

START_TEST(test_partner_unset_fields_and_owner_default)
{
	struct ally_err err = { 0 };
	struct partner q;
	int64_t id = fx_partner("Plain", PTYPE_REFERRAL);

	ck_assert_ok(store_partner_get(fx_store, id, &q, &err), err);
	ck_assert_str_eq(q.owner, "tester"); /* domain.md: whoever created it */
	ck_assert_int_eq(q.phase, PHASE_PROSPECT);
	ck_assert_int_eq(q.origin, -1);
	ck_assert_int_eq(q.power, -1);
	ck_assert_int_eq(q.goal, -1);
	ck_assert_ptr_null(q.region);
	ck_assert_ptr_null(q.notes);
	partner_finish(&q);
}
END_TEST

START_TEST(test_duplicate_name_ignoring_case)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t n = 0;

	fx_partner("Acme", PTYPE_CHANNEL);
	partner_init(&p);
	p.name = xstrdup("aCME");
	p.type = PTYPE_CHANNEL;
	ck_assert_int_eq(store_partner_add(fx_store, &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "name: a partner named 'aCME' already exists");
	ck_assert_int_eq(p.id, 0);
	ck_assert_ok(store_partner_count(fx_store, &n, &err), err);
	ck_assert_int_eq(n, 1);
	partner_finish(&p);
}
END_TEST

/* Case is ignored in any script, not only in ASCII (which SQLite's
 * NOCASE alone would give). */
START_TEST(test_duplicate_name_ignoring_case_utf8)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id = fx_partner("Müller-Kranz", PTYPE_CHANNEL), n = 0;

	partner_init(&p);
	p.name = xstrdup("MÜLLER-KRANZ");
	p.type = PTYPE_CHANNEL;
	ck_assert_int_eq(store_partner_add(fx_store, &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "name: a partner named 'MÜLLER-KRANZ' already exists");
	ck_assert_ok(store_partner_count(fx_store, &n, &err), err);
	ck_assert_int_eq(n, 1);
	partner_finish(&p);
	/* Renaming another partner onto it is refused the same way. */
	ck_assert_ok(store_partner_get(fx_store, fx_partner("Ωmega", PTYPE_CHANNEL), &p, &err),
		     err);
	str_set(&p.name, "müller-kranz");
	ck_assert_int_eq(store_partner_update(fx_store, &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "name: a partner named 'müller-kranz' already exists");
	/* ...and a partner may change the case of its own name. */
	partner_finish(&p);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	str_set(&p.name, "MÜLLER-KRANZ");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	partner_finish(&p);
	ck_assert_ok(store_partner_find(fx_store, "ωMEGA", &p, &err), err);
	ck_assert_str_eq(p.name, "Ωmega");
	partner_finish(&p);
}
END_TEST

START_TEST(test_rename_onto_existing_name)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id;

	fx_partner("Acme", PTYPE_CHANNEL);
	id = fx_partner("Beta", PTYPE_CHANNEL);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	str_set(&p.name, "ACME");
	ck_assert_int_eq(store_partner_update(fx_store, &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "name: a partner named 'ACME' already exists");
	ck_assert_int_eq(p.version, 1);
	/* Changing only the letter case of one's own name is fine. */
	str_set(&p.name, "BETA");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	partner_finish(&p);
}
END_TEST

START_TEST(test_explicit_id)
{
	struct ally_err err = { 0 };
	struct partner p, q;

	partner_init(&p);
	p.id = 42;
	p.name = xstrdup("Imported");
	p.type = PTYPE_TECHNOLOGY;
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	ck_assert_int_eq(p.id, 42);
	partner_init(&q);
	q.id = 42;
	q.name = xstrdup("Other");
	q.type = PTYPE_TECHNOLOGY;
	ck_assert_int_eq(store_partner_add(fx_store, &q, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "id: 42 is already used");
	/* New partners continue after the imported ids. */
	ck_assert_int_gt(fx_partner("Next", PTYPE_CHANNEL), 42);
	partner_finish(&p);
	partner_finish(&q);
}
END_TEST

START_TEST(test_import_with_status_and_score)
{
	struct ally_err err = { 0 };
	struct partner p, q;
	struct status_list sl;
	struct score_list scl;

	partner_init(&p);
	p.name = xstrdup("Carried");
	p.type = PTYPE_CHANNEL;
	p.health = HEALTH_AMBER;
	p.status_note = xstrdup("slow quarter");
	p.status_date = D("2026-05-01");
	p.score_in = (struct score_input){ 80, 80, 80, 80, 80 };
	p.score_w = 8000;
	p.score_date = D("2026-04-01");
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	ck_assert_ok(store_partner_get(fx_store, p.id, &q, &err), err);
	ck_assert_int_eq(q.health, HEALTH_AMBER);
	ck_assert_str_eq(q.status_note, "slow quarter");
	ck_assert_int_eq(q.status_date, D("2026-05-01"));
	ck_assert_str_eq(q.status_author, "tester");
	ck_assert_int_eq(q.score_w, 8000);
	ck_assert_int_eq(q.score_in.fit, 80);
	ck_assert_int_eq(q.score_date, D("2026-04-01"));
	ck_assert_ok(store_status_history(fx_store, p.id, &sl, &err), err);
	ck_assert_uint_eq(sl.n, 1);
	ck_assert_ok(store_score_history(fx_store, p.id, &scl, &err), err);
	ck_assert_uint_eq(scl.n, 1);
	ck_assert_int_eq(scl.rows[0].w, 8000);
	status_list_finish(&sl);
	score_list_finish(&scl);
	partner_finish(&p);
	partner_finish(&q);
}
END_TEST

START_TEST(test_find)
{
	struct ally_err err = { 0 };
	struct partner p;
	int64_t acme = fx_partner("Acme Corp", PTYPE_CHANNEL);
	int64_t numeric = fx_partner("2024", PTYPE_REFERRAL);

	ck_assert_ok(store_partner_find(fx_store, "ACME corp", &p, &err), err);
	ck_assert_int_eq(p.id, acme);
	partner_finish(&p);
	ck_assert_ok(store_partner_find(fx_store, "1", &p, &err), err);
	ck_assert_int_eq(p.id, acme);
	partner_finish(&p);
	/* Surrounding blanks are trimmed, and accented capitals fold too. */
	fx_partner("Société Lumière", PTYPE_TECHNOLOGY);
	ck_assert_ok(store_partner_find(fx_store, "  société lumière  ", &p, &err), err);
	ck_assert_str_eq(p.name, "Société Lumière");
	partner_finish(&p);
	ck_assert_ok(store_partner_find(fx_store, " 1 ", &p, &err), err);
	ck_assert_int_eq(p.id, acme);
	partner_finish(&p);
	/* A name made of digits wins over the id it also spells. */
	ck_assert_ok(store_partner_find(fx_store, "2024", &p, &err), err);
	ck_assert_int_eq(p.id, numeric);
	partner_finish(&p);
	ck_assert_int_eq(store_partner_find(fx_store, "Acme", &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 'Acme'");
	ck_assert_int_eq(store_partner_find(fx_store, "99", &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner '99'");
	ck_assert_int_eq(store_partner_get(fx_store, 99, &p, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 99");
}
END_TEST

START_TEST(test_update_audits_each_changed_field)
{
	struct ally_err err = { 0 };
	struct partner p, q;

	fill_every_field(&p);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	str_set(&p.region, "Nordics");
	str_set(&p.website, NULL);
	p.power = POWER_EQUAL;
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	ck_assert_int_eq(p.version, 2);
	ck_assert_ok(store_partner_get(fx_store, p.id, &q, &err), err);
	ck_assert_int_eq(q.version, 2);
	ck_assert_str_eq(q.region, "Nordics");
	ck_assert_ptr_null(q.website);
	ck_assert_int_eq(q.power, POWER_EQUAL);
	ck_assert_int_eq(fx_audit_count("partners", "region", "DACH", "Nordics"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "website", "https://zurich.example", ""), 1);
	ck_assert_int_eq(fx_audit_count("partners", "power", "small_fish", "equal"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "name", NULL, NULL), 0);
	ck_assert_int_eq(fx_audit_count("partners", "notes", NULL, NULL), 0);
	{
		struct audit_list l;

		ck_assert_ok(store_audit_list(fx_store, "nordics", 0, 0, &l, &err), err);
		ck_assert_uint_eq(l.n, 1);
		ck_assert_str_eq(l.rows[0].user, "tester");
		ck_assert_str_eq(l.rows[0].tbl, "partners");
		ck_assert_int_eq(l.rows[0].row_id, p.id);
		ck_assert_int_eq(l.rows[0].partner_id, p.id);
		ck_assert_str_eq(l.rows[0].partner, "Zürich Analytics ✓");
		ck_assert_uint_eq(strlen(l.rows[0].at), 19);
		audit_list_finish(&l);
	}
	/* Writing the same values again changes nothing and logs nothing. */
	ck_assert_ok(store_partner_update(fx_store, &q, &err), err);
	ck_assert_int_eq(q.version, 2);
	ck_assert_int_eq(fx_audit_count("partners", "region", NULL, NULL), 1);
	partner_finish(&p);
	partner_finish(&q);
}
END_TEST

START_TEST(test_version_conflict_between_sessions)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct partner mine, theirs;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_partner_get(fx_store, id, &mine, &err), err);
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.region, "EMEA");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	str_set(&mine.region, "APAC");
	ck_assert_int_eq(store_partner_update(fx_store, &mine, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "partner: changed by someone else since it was read; reload and try again");
	ck_assert_int_eq(mine.version, 1);
	partner_finish(&mine);
	ck_assert_ok(store_partner_get(fx_store, id, &mine, &err), err);
	ck_assert_str_eq(mine.region, "EMEA");
	ck_assert_int_eq(fx_audit_count("partners", "region", "", "EMEA"), 1);
	{
		struct audit_list l;

		ck_assert_ok(store_audit_list(fx_store, "EMEA", 0, 0, &l, &err), err);
		ck_assert_uint_eq(l.n, 1);
		ck_assert_str_eq(l.rows[0].user, "robin");
		audit_list_finish(&l);
	}
	/* Updating a partner someone deleted says so. */
	ck_assert_ok(store_partner_delete(other, id, false, &err), err);
	ck_assert_int_eq(store_partner_update(fx_store, &mine, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 1");
	partner_finish(&mine);
	partner_finish(&theirs);
	store_close(other);
}
END_TEST

/* A failed add leaves the caller's struct as it was, stamps and defaults
 * included, so that it can be retried as is. */
/* The partner form and the editor: what another session changed meanwhile
 * (a status, another field) is kept, the user's fields are written over
 * it; only a field both changed is refused, by name, and the same call
 * again then writes the user's value deliberately. */
START_TEST(test_merge_keeps_other_sessions_changes)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct partner base, mine, theirs, now;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_partner_get(fx_store, id, &base, &err), err);
	partner_copy(&mine, &base);
	ck_assert_ok(partner_set_field(&mine, "region", "EMEA", false, &err), err);
	/* Meanwhile: a status (no field the form shows, but a new version)
	 * and the notes. */
	ck_assert_ok(store_status_add(other, id, HEALTH_AMBER, "slow", D("2026-03-01"), &err),
		     err);
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.notes, "theirs");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	ck_assert_int_eq(store_partner_update(fx_store, &mine, &err), ALLY_EUSER);

	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_ok(store_partner_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_ok(store_commit(fx_store, &err), err);
	ck_assert_int_eq(mine.version, theirs.version + 1);
	ck_assert_str_eq(mine.region, "EMEA");
	ck_assert_str_eq(mine.notes, "theirs");
	ck_assert_int_eq(mine.health, HEALTH_AMBER);
	ck_assert_ok(store_partner_get(fx_store, id, &now, &err), err);
	ck_assert_str_eq(now.region, "EMEA");
	ck_assert_str_eq(now.notes, "theirs");
	ck_assert_str_eq(now.status_note, "slow");
	ck_assert_int_eq(now.version, mine.version);
	ck_assert_int_eq(fx_audit_count("partners", "region", "", "EMEA"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "notes", NULL, NULL), 1);
	partner_finish(&now);
	partner_finish(&base);
	partner_finish(&mine);
	partner_finish(&theirs);
	store_close(other);
}
END_TEST

START_TEST(test_merge_refuses_a_field_both_changed)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct partner base, mine, theirs, now;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_partner_get(fx_store, id, &base, &err), err);
	partner_copy(&mine, &base);
	str_set(&mine.region, "EMEA");
	str_set(&mine.website, "https://acme.example");
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.region, "Nordics");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);

	ck_assert_int_eq(store_partner_merge(fx_store, &base, &mine, "the form opened", &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "region: changed by someone else to 'Nordics' since the form opened");
	/* Nothing written; mine as it was; the base now holds what the
	 * message named. */
	ck_assert_int_eq(mine.version, 1);
	ck_assert_str_eq(mine.region, "EMEA");
	ck_assert_str_eq(base.region, "Nordics");
	ck_assert_ptr_null(base.website);
	ck_assert_ok(store_partner_get(fx_store, id, &now, &err), err);
	ck_assert_str_eq(now.region, "Nordics");
	ck_assert_ptr_null(now.website);
	partner_finish(&now);

	/* Saving again is deliberate: the user's value replaces theirs. */
	ck_assert_ok(store_partner_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_str_eq(mine.region, "EMEA");
	ck_assert_str_eq(mine.website, "https://acme.example");
	ck_assert_int_eq(fx_audit_count("partners", "region", "Nordics", "EMEA"), 1);

	/* Both set the same value: nothing to refuse. */
	partner_finish(&base);
	partner_copy(&base, &mine);
	str_set(&mine.owner, "kim");
	partner_finish(&theirs);
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.owner, "kim");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	ck_assert_ok(store_partner_merge(fx_store, &base, &mine, NULL, &err), err);
	ck_assert_int_eq(mine.version, theirs.version);
	ck_assert_str_eq(mine.owner, "kim");
	partner_finish(&base);
	partner_finish(&mine);
	partner_finish(&theirs);
	store_close(other);
}
END_TEST

START_TEST(test_merge_names_a_long_text_by_its_first_line)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct partner base, mine, theirs;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_partner_get(fx_store, id, &base, &err), err);
	partner_copy(&mine, &base);
	str_set(&mine.notes, "mine");
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.notes, "Called on Monday\nthen again");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	ck_assert_int_eq(store_partner_merge(fx_store, &base, &mine, NULL, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "notes: changed by someone else to 'Called on Monday...' since it was read");
	partner_finish(&theirs);
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.notes, "A note of more than forty characters, all on one line");
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	ck_assert_int_eq(store_partner_merge(fx_store, &base, &mine, NULL, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "notes: changed by someone else to 'A note of more than forty "
				  "characters, al...' since it was read");
	/* Cleared by the other session. */
	partner_finish(&theirs);
	ck_assert_ok(store_partner_get(other, id, &theirs, &err), err);
	str_set(&theirs.notes, NULL);
	ck_assert_ok(store_partner_update(other, &theirs, &err), err);
	partner_finish(&base);
	partner_copy(&base, &mine);
	str_set(&base.notes, "before");
	ck_assert_int_eq(store_partner_merge(fx_store, &base, &mine, NULL, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "notes: changed by someone else to '' since it was read");
	ck_assert_ptr_null(base.notes);
	/* Deleted meanwhile. */
	ck_assert_ok(store_partner_delete(other, id, false, &err), err);
	ck_assert_int_eq(store_partner_merge(fx_store, &base, &mine, NULL, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 1");
	ck_assert_str_eq(mine.notes, "mine");
	partner_finish(&base);
	partner_finish(&mine);
	partner_finish(&theirs);
	store_close(other);
}
END_TEST

START_TEST(test_failed_add_leaves_row)
{
	struct ally_err err = { 0 };
	struct partner p;

	partner_init(&p);
	p.name = xstrdup("Acme");
	p.type = PTYPE_CHANNEL;
	p.health = HEALTH_GREEN;
	p.status_date = D("2026-03-01");
	fx_refuse_audit(true);
	ck_assert_int_eq(store_partner_add(fx_store, &p, &err), ALLY_EUSER);
	ck_assert_int_eq(p.id, 0);
	ck_assert_ptr_null(p.created_at);
	ck_assert_ptr_null(p.updated_at);
	ck_assert_ptr_null(p.owner);
	ck_assert_ptr_null(p.status_author);
	fx_refuse_audit(false);
	ck_assert_ok(store_partner_add(fx_store, &p, &err), err);
	ck_assert_int_gt(p.id, 0);
	ck_assert_ptr_nonnull(p.created_at);
	ck_assert_str_eq(p.owner, "tester");
	ck_assert_str_eq(p.status_author, "tester");
	partner_finish(&p);
}
END_TEST

/* A failed update leaves the version, updated_at and partner as they were. */
START_TEST(test_failed_update_leaves_row)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct contract c;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t cid = fx_contract(id, "Main", "2026-01-01", "2026-12-31", false, 60);
	char *stamp;

	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	str_set(&p.updated_at, "2000-01-01 00:00:00"); /* as an old read would have it */
	str_set(&p.region, "EMEA");
	fx_refuse_audit(true);
	ck_assert_int_eq(store_partner_update(fx_store, &p, &err), ALLY_EUSER);
	fx_refuse_audit(false);
	ck_assert_int_eq(p.version, 1);
	ck_assert_str_eq(p.updated_at, "2000-01-01 00:00:00");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	ck_assert_int_eq(p.version, 2);
	ck_assert_str_ne(p.updated_at, "2000-01-01 00:00:00");
	partner_finish(&p);

	ck_assert_ok(store_contract_get(fx_store, cid, &c, &err), err);
	str_set(&c.updated_at, "2000-01-01 00:00:00");
	stamp = xstrdup(c.updated_at);
	c.partner_id = 999; /* a row never moves to another partner */
	str_set(&c.notes, "renegotiate");
	fx_refuse_audit(true);
	ck_assert_int_eq(store_contract_update(fx_store, &c, &err), ALLY_EUSER);
	fx_refuse_audit(false);
	ck_assert_int_eq(c.partner_id, 999);
	ck_assert_int_eq(c.version, 1);
	ck_assert_str_eq(c.updated_at, stamp);
	free(stamp);
	contract_finish(&c);
}
END_TEST

START_TEST(test_delete_refused_with_active_contracts)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct contract c;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t cid = fx_contract(id, "Reseller", "2026-01-01", "2026-12-31", false, 60);

	fx_contract(id, "Lapsed", "2024-01-01", "2024-12-31", false, 60);
	ck_assert_int_eq(store_partner_delete(fx_store, id, false, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: 'Acme' has 2 active contract(s); use --force");
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	partner_finish(&p);
	ck_assert_ok(store_partner_delete(fx_store, id, true, &err), err);
	ck_assert_int_eq(store_partner_get(fx_store, id, &p, &err), ALLY_EUSER);
	ck_assert_int_eq(store_contract_get(fx_store, cid, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "contract: no contract 1");
	ck_assert_int_eq(fx_audit_count("partners", "*", "Acme (channel) with 2 active contract(s)",
					""),
			 1);
	ck_assert_int_eq(store_partner_delete(fx_store, id, true, &err), ALLY_EUSER);
}
END_TEST

static void add_contact(int64_t pid, const char *name, const char *role)
{
	struct ally_err err = { 0 };
	struct contact c;

	contact_init(&c);
	c.partner_id = pid;
	c.name = xstrdup(name);
	c.role = xstrdup(role);
	ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
	contact_finish(&c);
}

/* A partner with a row in every table that hangs off it. */
static int64_t partner_with_everything(void)
{
	struct ally_err err = { 0 };
	struct score_input in = { 50, 50, 50, 50, 50 };
	struct review r;
	struct action_item a;
	struct conflict k;
	struct negotiation n;
	ally_date s, e;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t cid = fx_contract(id, "Reseller", "2026-01-01", "2026-12-31", false, 60);

	fx_contract(id, "Old", "2024-01-01", "2024-12-31", false, 60);
	ck_assert_ok(store_contract_renew(fx_store, cid, DATE_NONE, D("2026-11-01"), &s, &e, &err),
		     err);
	add_contact(id, "Kim Lee", "executive sponsor");
	add_contact(id, "Ana", NULL);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_GREEN, NULL, D("2026-03-01"), &err), err);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_AMBER, NULL, D("2026-04-01"), &err), err);
	ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-03-01"), NULL, &err), err);
	ck_assert_ok(store_phase_move(fx_store, id, -1, NULL, D("2026-03-02"), NULL, NULL, &err),
		     err);
	review_init(&r);
	r.partner_id = id;
	r.kind = REVIEW_QBR;
	r.date = D("2026-03-03");
	ck_assert_ok(store_review_add(fx_store, &r, &err), err);
	action_item_init(&a);
	a.review_id = r.id;
	a.text = xstrdup("send the deck");
	ck_assert_ok(store_action_add(fx_store, &a, &err), err);
	ck_assert_ok(store_figure_set(fx_store, id, 2026 * 4, METRIC_REVENUE, 100, 50, &err), err);
	conflict_init(&k);
	k.partner_id = id;
	k.kind = CONFLICT_MONEY;
	k.level = ESC_STEERING;
	k.opened = D("2026-03-04");
	ck_assert_ok(store_conflict_add(fx_store, &k, &err), err);
	negotiation_init(&n);
	n.partner_id = id;
	n.contract_id = cid;
	ck_assert_ok(store_negotiation_add(fx_store, &n, &err), err);
	ck_assert_ok(store_negotiation_term_add(fx_store, n.id, "price cap", TERM_MUST_HAVE, &err),
		     err);
	review_finish(&r);
	action_item_finish(&a);
	conflict_finish(&k);
	negotiation_finish(&n);
	return id;
}

/* Deleting a partner logs what goes with it, in the same transaction:
 * each contract and contact by name, a count for every other table. */
START_TEST(test_delete_audits_children)
{
	static const char *const counted[][2] = {
		{ "status_updates", "2" }, { "scores", "1" }, { "phase_moves", "1" },
		{ "contract_terms", "3" }, { "reviews", "1" }, { "action_items", "1" },
		{ "key_figures", "1" }, { "conflicts", "1" }, { "negotiations", "1" },
		{ "negotiation_terms", "1" },
	};
	struct ally_err err = { 0 };
	struct partner p;
	int64_t id = partner_with_everything();

	/* Rolled back with the caller's transaction: no trace of it. */
	ck_assert_ok(store_begin(fx_store, &err), err);
	ck_assert_ok(store_partner_delete(fx_store, id, true, &err), err);
	store_rollback(fx_store);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	partner_finish(&p);
	ck_assert_int_eq(fx_audit_count("contacts", "*", NULL, ""), 0);

	ck_assert_ok(store_partner_delete(fx_store, id, true, &err), err);
	ck_assert_int_eq(fx_audit_count("contracts", "*", "Reseller (active, 2026-01-01..2027-12-31)",
					""),
			 1);
	ck_assert_int_eq(fx_audit_count("contracts", "*", "Old (active, 2024-01-01..2024-12-31)", ""),
			 1);
	ck_assert_int_eq(fx_audit_count("contacts", "*", "Kim Lee (executive sponsor)", ""), 1);
	ck_assert_int_eq(fx_audit_count("contacts", "*", "Ana", ""), 1);
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
		char *want = xasprintf("%s row(s)", counted[i][1]);

		ck_assert_msg(fx_audit_count("partners", counted[i][0], want,
					     "deleted with the partner") == 1,
			      "%s: %s", counted[i][0], want);
		free(want);
	}
	ck_assert_int_eq(fx_audit_count("partners", "*", NULL, ""), 1);
}
END_TEST

START_TEST(test_delete_without_contracts)
{
	struct ally_err err = { 0 };
	int64_t id = fx_partner("Gone", PTYPE_REFERRAL);
	int64_t n = -1;

	ck_assert_ok(store_partner_delete(fx_store, id, false, &err), err);
	ck_assert_ok(store_partner_count(fx_store, &n, &err), err);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(fx_audit_count("partners", "*", "Gone (referral)", ""), 1);
}
END_TEST

START_TEST(test_status_round_trip)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct status_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_status_add(fx_store, id, HEALTH_GREEN, "kick-off went well",
				      D("2026-03-01"), &err),
		     err);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_RED, NULL, D("2026-04-15"), &err), err);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.health, HEALTH_RED);
	ck_assert_ptr_null(p.status_note);
	ck_assert_int_eq(p.status_date, D("2026-04-15"));
	ck_assert_str_eq(p.status_author, "tester");
	partner_finish(&p);
	ck_assert_ok(store_status_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].health, HEALTH_RED); /* newest first */
	ck_assert_int_eq(l.rows[1].health, HEALTH_GREEN);
	ck_assert_str_eq(l.rows[1].note, "kick-off went well");
	ck_assert_int_eq(l.rows[1].date, D("2026-03-01"));
	ck_assert_str_eq(l.rows[1].author, "tester");
	status_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("partners", "health", "", "green"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "health", "green", "red"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "status_note", "kick-off went well", ""), 1);
	ck_assert_int_eq(fx_audit_count("partners", "status_date", "2026-03-01", "2026-04-15"), 1);
	ck_assert_int_eq(store_status_add(fx_store, id, 7, NULL, D("2026-04-15"), &err),
			 ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "health: "));
	ck_assert_int_eq(store_status_add(fx_store, 99, HEALTH_GREEN, NULL, D("2026-04-15"), &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 99");
}
END_TEST

START_TEST(test_score_round_trip)
{
	struct ally_err err = { 0 };
	struct score_input first = { 90, 80, 70, 60, 50 }, second = { 100, 100, 100, 100, 100 };
	struct score_input bad = { 90, 80, 70, 60, 101 };
	struct partner p;
	struct score_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	int w = 0;

	ck_assert_ok(store_score_add(fx_store, id, &first, D("2026-01-10"), &w, &err), err);
	ck_assert_int_eq(w, 7500);
	ck_assert_ok(store_score_add(fx_store, id, &second, D("2026-02-10"), &w, &err), err);
	ck_assert_int_eq(w, 10000);
	ck_assert_int_eq(store_score_add(fx_store, id, &bad, D("2026-03-10"), &w, &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "track_record: 101 is out of range 0-100");
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.score_w, 10000);
	ck_assert_int_eq(p.score_in.track_record, 100);
	ck_assert_int_eq(p.score_date, D("2026-02-10"));
	partner_finish(&p);
	ck_assert_ok(store_score_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].w, 10000);
	ck_assert_int_eq(l.rows[1].w, 7500);
	ck_assert_int_eq(l.rows[1].in.fit, 90);
	ck_assert_int_eq(l.rows[1].in.reach, 80);
	ck_assert_int_eq(l.rows[1].in.capabilities, 70);
	ck_assert_int_eq(l.rows[1].in.financial, 60);
	ck_assert_int_eq(l.rows[1].in.track_record, 50);
	ck_assert_int_eq(l.rows[1].date, D("2026-01-10"));
	ck_assert_str_eq(l.rows[1].author, "tester");
	score_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("partners", "score", "", "75.0"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "score", "75.0", "100.0"), 1);
}
END_TEST

/* A status or score dated before the current one joins the history but
 * leaves the newer current value alone; one of the same day replaces it. */
START_TEST(test_backdated_status_keeps_newer)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct status_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_status_add(fx_store, id, HEALTH_GREEN, "fine", D("2026-04-15"), &err),
		     err);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_RED, "old news", D("2026-03-01"), &err),
		     err);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.health, HEALTH_GREEN);
	ck_assert_str_eq(p.status_note, "fine");
	ck_assert_int_eq(p.status_date, D("2026-04-15"));
	ck_assert_int_eq(p.version, 2);
	partner_finish(&p);
	ck_assert_ok(store_status_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[1].health, HEALTH_RED);
	status_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("partners", "health", NULL, "red"), 0);
	ck_assert_int_eq(fx_audit_count("status_updates", "*", "", "red on 2026-03-01"), 1);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_AMBER, NULL, D("2026-04-15"), &err),
		     err);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.health, HEALTH_AMBER);
	partner_finish(&p);
}
END_TEST

START_TEST(test_backdated_score_keeps_newer)
{
	struct ally_err err = { 0 };
	struct score_input newer = { 90, 90, 90, 90, 90 }, older = { 10, 10, 10, 10, 10 };
	struct partner p;
	struct score_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	int w = 0;

	ck_assert_ok(store_score_add(fx_store, id, &newer, D("2026-05-01"), &w, &err), err);
	ck_assert_ok(store_score_add(fx_store, id, &older, D("2026-01-01"), &w, &err), err);
	ck_assert_int_eq(w, 1000);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.score_w, 9000);
	ck_assert_int_eq(p.score_in.fit, 90);
	ck_assert_int_eq(p.score_date, D("2026-05-01"));
	partner_finish(&p);
	ck_assert_ok(store_score_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].w, 9000); /* newest first */
	ck_assert_int_eq(l.rows[1].w, 1000);
	score_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("partners", "score", NULL, "10.0"), 0);
	ck_assert_int_eq(fx_audit_count("scores", "*", "", "10.0 on 2026-01-01"), 1);
}
END_TEST

/* The core decides whether a status or scoring replaces the current one
 * (history_supersedes, on the row already read): a back-dated one runs no
 * UPDATE of the partner at all; one of the same day or newer does. */
START_TEST(test_supersedes_decided_by_core)
{
	struct ally_err err = { 0 };
	struct score_input in = { 50, 50, 50, 50, 50 };
	struct fx_traced t = { .n = 0, .prefix = "UPDATE partners" };
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	struct partner p;

	ck_assert_ok(store_status_add(fx_store, id, HEALTH_GREEN, NULL, D("2026-04-15"), &err), err);
	ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-04-15"), NULL, &err), err);
	fx_trace_start(&t);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_RED, NULL, D("2026-04-14"), &err), err);
	ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-04-14"), NULL, &err), err);
	ck_assert_int_eq(t.n, 0);
	ck_assert_ok(store_status_add(fx_store, id, HEALTH_AMBER, NULL, D("2026-04-15"), &err),
		     err);
	ck_assert_ok(store_score_add(fx_store, id, &in, D("2026-04-16"), NULL, &err), err);
	fx_trace_stop();
	/* Not counting the derived columns' upkeep before the commit. */
	int writes = 0;
	for (int i = 0; i < t.n; i++) {
		ck_assert_msg(strstr(t.sql[i], "_date <=") == NULL, "%s", t.sql[i]);
		writes += strstr(t.sql[i], "SET sort_key") == NULL &&
			  strstr(t.sql[i], "SET min_end") == NULL;
	}
	ck_assert_int_eq(writes, 2);
	fx_traced_free(&t);
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.health, HEALTH_AMBER);
	ck_assert_int_eq(p.score_date, D("2026-04-16"));
	ck_assert_int_eq(p.version, 5);
	partner_finish(&p);
}
END_TEST

START_TEST(test_phase_moves)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct phase_list l;
	enum phase from, to;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_phase_move(fx_store, id, -1, "sent the proposal", D("2026-02-01"), &from,
				      &to, &err),
		     err);
	ck_assert_int_eq(from, PHASE_PROSPECT);
	ck_assert_int_eq(to, PHASE_PROPOSAL);
	ck_assert_int_eq(store_phase_move(fx_store, id, PHASE_STEADY_STATE, NULL, D("2026-02-02"),
					  &from, &to, &err),
			 ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "phase: cannot move from proposal to steady_state"));
	ck_assert_ok(store_phase_move(fx_store, id, PHASE_EXIT, NULL, D("2026-02-03"), &from, &to,
				      &err),
		     err);
	ck_assert_int_eq(to, PHASE_EXIT);
	/* From exit there is no default step: the user must name one. */
	ck_assert_int_eq(
		store_phase_move(fx_store, id, -1, NULL, D("2026-02-04"), &from, &to, &err),
		ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "phase: "));
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.phase, PHASE_EXIT);
	ck_assert_int_eq(p.version, 3);
	partner_finish(&p);
	ck_assert_ok(store_phase_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].from, PHASE_PROSPECT);
	ck_assert_int_eq(l.rows[0].to, PHASE_PROPOSAL);
	ck_assert_str_eq(l.rows[0].note, "sent the proposal");
	ck_assert_int_eq(l.rows[0].date, D("2026-02-01"));
	ck_assert_str_eq(l.rows[0].author, "tester");
	ck_assert_int_eq(l.rows[1].to, PHASE_EXIT);
	ck_assert_ptr_null(l.rows[1].note);
	phase_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("partners", "phase", "prospect", "proposal"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "phase", "proposal", "exit"), 1);
	ck_assert_int_eq(fx_audit_count("partners", "phase", NULL, NULL), 2);
}
END_TEST

/* Moves are history and stay in date order: one dated before the last
 * move is refused and changes nothing; the same day is fine. */
START_TEST(test_phase_move_date_order)
{
	struct ally_err err = { 0 };
	struct partner p;
	struct phase_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_phase_move(fx_store, id, -1, NULL, D("2026-06-01"), NULL, NULL, &err),
		     err);
	ck_assert_int_eq(store_phase_move(fx_store, id, -1, NULL, D("2026-02-01"), NULL, NULL, &err),
			 ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "date: "));
	ck_assert_ptr_nonnull(strstr(err.msg, "2026-06-01"));
	ck_assert_ok(store_partner_get(fx_store, id, &p, &err), err);
	ck_assert_int_eq(p.phase, PHASE_PROPOSAL);
	partner_finish(&p);
	ck_assert_int_eq(fx_audit_count("partners", "phase", NULL, NULL), 1);
	ck_assert_ok(store_phase_move(fx_store, id, -1, NULL, D("2026-06-01"), NULL, NULL, &err),
		     err);
	ck_assert_ok(store_phase_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	phase_list_finish(&l);
}
END_TEST

/* The timeline is in date order even where rows were recorded out of it
 * (written here behind the store's back). */
START_TEST(test_phase_history_by_date)
{
	struct ally_err err = { 0 };
	struct phase_list l;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);
	char *sql = xasprintf(
		"INSERT INTO phase_moves (partner_id, date, from_phase, to_phase, author) VALUES "
		"(%lld, '2026-05-01', 'proposal', 'negotiation', 'x'), "
		"(%lld, '2026-03-01', 'prospect', 'proposal', 'x'), "
		"(%lld, '2026-05-01', 'negotiation', 'launch', 'x')",
		(long long)id, (long long)id, (long long)id);

	ck_assert_int_eq(sqlite3_exec(fx_store->db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	ck_assert_ok(store_phase_history(fx_store, id, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(l.rows[0].to, PHASE_PROPOSAL);
	ck_assert_int_eq(l.rows[1].to, PHASE_NEGOTIATION); /* same day: as recorded */
	ck_assert_int_eq(l.rows[2].to, PHASE_LAUNCH);
	phase_list_finish(&l);
	/* the last move is the latest date, not the latest row */
	ck_assert_int_eq(store_phase_move(fx_store, id, PHASE_EXIT, NULL, D("2026-04-01"), NULL,
					  NULL, &err),
			 ALLY_EUSER);
}
END_TEST

/* Two sessions both advancing from the same phase: the second is judged
 * from the first one's result, not from what it read before. */
START_TEST(test_phase_move_reads_inside_transaction)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	enum phase from, to;
	int64_t id = fx_partner("Acme", PTYPE_CHANNEL);

	ck_assert_ok(store_phase_move(other, id, -1, NULL, D("2026-02-01"), &from, &to, &err), err);
	ck_assert_ok(store_phase_move(fx_store, id, -1, NULL, D("2026-02-01"), &from, &to, &err),
		     err);
	ck_assert_int_eq(from, PHASE_PROPOSAL);
	ck_assert_int_eq(to, PHASE_NEGOTIATION);
	store_close(other);
}
END_TEST

static Suite *store_partners_suite(void)
{
	Suite *s = suite_create("store-partners");
	TCase *tc = tcase_create("partners");
	TCase *th = tcase_create("history");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_partner_round_trip);
	tcase_add_test(tc, test_partner_unset_fields_and_owner_default);
	tcase_add_test(tc, test_duplicate_name_ignoring_case);
	tcase_add_test(tc, test_duplicate_name_ignoring_case_utf8);
	tcase_add_test(tc, test_rename_onto_existing_name);
	tcase_add_test(tc, test_explicit_id);
	tcase_add_test(tc, test_import_with_status_and_score);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_update_audits_each_changed_field);
	tcase_add_test(tc, test_version_conflict_between_sessions);
	tcase_add_test(tc, test_merge_keeps_other_sessions_changes);
	tcase_add_test(tc, test_merge_refuses_a_field_both_changed);
	tcase_add_test(tc, test_merge_names_a_long_text_by_its_first_line);
	tcase_add_test(tc, test_failed_add_leaves_row);
	tcase_add_test(tc, test_failed_update_leaves_row);
	tcase_add_test(tc, test_delete_refused_with_active_contracts);
	tcase_add_test(tc, test_delete_audits_children);
	tcase_add_test(tc, test_delete_without_contracts);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(th, fx_setup, fx_teardown);
	tcase_add_test(th, test_status_round_trip);
	tcase_add_test(th, test_score_round_trip);
	tcase_add_test(th, test_backdated_status_keeps_newer);
	tcase_add_test(th, test_backdated_score_keeps_newer);
	tcase_add_test(th, test_supersedes_decided_by_core);
	tcase_add_test(th, test_phase_moves);
	tcase_add_test(th, test_phase_move_date_order);
	tcase_add_test(th, test_phase_history_by_date);
	tcase_add_test(th, test_phase_move_reads_inside_transaction);
	suite_add_tcase(s, th);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_partners_suite(), argc, argv);
}
