/* check-store-governance.c: contacts, reviews, action items, key figures,
 * conflicts, negotiations, and reading the audit log back. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/store/store-private.h"
#include "ally/util.h"
#include "fixture.h"

static int64_t pid;

static void governance_setup(void)
{
	fx_setup();
	pid = fx_partner("Acme", PTYPE_CHANNEL);
}

START_TEST(test_contact_round_trip)
{
	struct ally_err err = { 0 };
	struct contact c, d;
	struct contact_list l;

	contact_init(&c);
	c.partner_id = pid;
	c.name = xstrdup("Jo Müller");
	c.role = xstrdup("technical lead");
	c.email = xstrdup("jo@acme.example");
	c.phone = xstrdup("+49 30 1234");
	ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
	contact_init(&d);
	d.partner_id = pid;
	d.name = xstrdup("Al Boss");
	d.role = xstrdup("Executive_Sponsor");
	ck_assert_ok(store_contact_add(fx_store, &d, &err), err);
	ck_assert_ok(store_contact_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.rows[0].name, "Al Boss"); /* sponsors first */
	ck_assert_str_eq(l.rows[1].name, "Jo Müller");
	ck_assert_str_eq(l.rows[1].role, "technical lead");
	ck_assert_str_eq(l.rows[1].email, "jo@acme.example");
	ck_assert_str_eq(l.rows[1].phone, "+49 30 1234");
	ck_assert_int_eq(l.rows[1].partner_id, pid);
	ck_assert_int_eq(l.rows[1].version, 1);
	contact_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("contacts", "*", "", "Jo Müller (technical lead)"), 1);

	str_set(&c.email, "jo@acme.test");
	ck_assert_ok(store_contact_update(fx_store, &c, &err), err);
	ck_assert_int_eq(c.version, 2);
	ck_assert_int_eq(fx_audit_count("contacts", "email", "jo@acme.example", "jo@acme.test"), 1);
	c.version = 1;
	ck_assert_int_eq(store_contact_update(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "contact: changed by someone else since it was read; reload and try again");
	ck_assert_ok(store_contact_delete(fx_store, d.id, &err), err);
	ck_assert_int_eq(fx_audit_count("contacts", "*", "Al Boss (Executive_Sponsor)", ""), 1);
	ck_assert_int_eq(store_contact_delete(fx_store, d.id, &err), ALLY_EUSER);
	ck_assert_ok(store_contact_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	contact_list_finish(&l);
	c.partner_id = 99;
	c.id = 0;
	ck_assert_int_eq(store_contact_add(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 99");
	contact_finish(&c);
	contact_finish(&d);
}
END_TEST

/* The contact form: another session's change to one field is kept under
 * the user's change to another. */
START_TEST(test_contact_merge)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct contact base, mine, theirs;
	struct contact_list l;

	contact_init(&base);
	base.partner_id = pid;
	base.name = xstrdup("Jo");
	base.email = xstrdup("jo@acme.example");
	ck_assert_ok(store_contact_add(fx_store, &base, &err), err);
	contact_init(&mine);
	mine.id = base.id;
	mine.partner_id = pid;
	mine.version = base.version;
	mine.name = xstrdup("Jo");
	mine.email = xstrdup("jo@acme.example");
	mine.phone = xstrdup("+49 30 1234");
	contact_init(&theirs);
	theirs.id = base.id;
	theirs.partner_id = pid;
	theirs.version = base.version;
	theirs.name = xstrdup("Jo");
	theirs.email = xstrdup("jo@acme.test");
	ck_assert_ok(store_contact_update(other, &theirs, &err), err);
	ck_assert_int_eq(store_contact_update(fx_store, &mine, &err), ALLY_EUSER);
	ck_assert_ok(store_contact_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_ok(store_contact_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.rows[0].email, "jo@acme.test");
	ck_assert_str_eq(l.rows[0].phone, "+49 30 1234");
	ck_assert_int_eq(l.rows[0].version, 3);
	contact_list_finish(&l);
	str_set(&mine.email, "jo@example.org");
	ck_assert_int_eq(store_contact_merge(fx_store, &base, &mine, "the form opened", &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "email: changed by someone else to 'jo@acme.test' since the form opened");
	contact_finish(&base);
	contact_finish(&mine);
	contact_finish(&theirs);
	store_close(other);
}
END_TEST

START_TEST(test_reviews_and_action_items)
{
	struct ally_err err = { 0 };
	struct review r, older;
	struct review_list rl;
	struct action_item a, b;
	struct action_list al;

	review_init(&older);
	older.partner_id = pid;
	older.kind = REVIEW_STEERING;
	older.date = D("2026-01-15");
	ck_assert_ok(store_review_add(fx_store, &older, &err), err);
	review_init(&r);
	r.partner_id = pid;
	r.kind = REVIEW_QBR;
	r.date = D("2026-04-02");
	r.attendees = xstrdup("CEO, CRO, partner lead");
	r.notes = xstrdup("Pipeline up 20%.\nChurn flat.");
	r.decisions = xstrdup("Joint webinar in May");
	ck_assert_ok(store_review_add(fx_store, &r, &err), err);
	ck_assert_ok(store_review_list(fx_store, pid, &rl, &err), err);
	ck_assert_uint_eq(rl.n, 2);
	ck_assert_int_eq(rl.rows[0].id, r.id); /* newest first */
	ck_assert_int_eq(rl.rows[0].kind, REVIEW_QBR);
	ck_assert_int_eq(rl.rows[0].date, D("2026-04-02"));
	ck_assert_str_eq(rl.rows[0].attendees, r.attendees);
	ck_assert_str_eq(rl.rows[0].notes, r.notes);
	ck_assert_str_eq(rl.rows[0].decisions, r.decisions);
	ck_assert_int_eq(rl.rows[1].kind, REVIEW_STEERING);
	review_list_finish(&rl);
	ck_assert_int_eq(fx_audit_count("reviews", "*", "", "qbr on 2026-04-02"), 1);
	older.id = 0;
	older.date = DATE_NONE;
	ck_assert_int_eq(store_review_add(fx_store, &older, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "date: is required");

	action_item_init(&a);
	a.review_id = r.id; /* the partner comes from the review */
	a.text = xstrdup("Draft the webinar agenda");
	/* once the item is in: a failed add leaves the struct as it was */
	fx_refuse_audit(true);
	ck_assert_int_eq(store_action_add(fx_store, &a, &err), ALLY_EUSER);
	fx_refuse_audit(false);
	ck_assert_int_eq(a.partner_id, 0);
	ck_assert_int_eq(a.id, 0);
	a.owner = xstrdup("dana");
	a.due = D("2026-04-20");
	ck_assert_ok(store_action_add(fx_store, &a, &err), err);
	ck_assert_int_eq(a.partner_id, pid);
	action_item_init(&b);
	b.partner_id = pid;
	b.text = xstrdup("Send the price list");
	ck_assert_ok(store_action_add(fx_store, &b, &err), err);
	ck_assert_ok(store_action_set_done(fx_store, a.id, true, &err), err);
	ck_assert_int_eq(fx_audit_count("action_items", "done", "no", "yes"), 1);
	ck_assert_ok(store_action_set_done(fx_store, a.id, true, &err), err); /* no change */
	ck_assert_int_eq(fx_audit_count("action_items", "done", NULL, NULL), 1);
	ck_assert_ok(store_action_list(fx_store, pid, &al, &err), err);
	ck_assert_uint_eq(al.n, 2);
	ck_assert_int_eq(al.rows[0].id, b.id); /* open items first */
	ck_assert(!al.rows[0].done);
	ck_assert_int_eq(al.rows[0].due, DATE_NONE);
	ck_assert_int_eq(al.rows[0].review_id, 0);
	ck_assert_int_eq(al.rows[1].id, a.id);
	ck_assert(al.rows[1].done);
	ck_assert_int_eq(al.rows[1].review_id, r.id);
	ck_assert_str_eq(al.rows[1].owner, "dana");
	ck_assert_int_eq(al.rows[1].due, D("2026-04-20"));
	action_list_finish(&al);
	ck_assert_int_eq(store_action_set_done(fx_store, 99, true, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "action: no action 99");
	action_item_finish(&a);
	action_item_finish(&b);
	review_finish(&r);
	review_finish(&older);
}
END_TEST

START_TEST(test_key_figures)
{
	struct ally_err err = { 0 };
	struct figures_list l;
	int q3 = 2026 * 4 + 2, q4 = 2026 * 4 + 3;

	ck_assert_ok(store_figure_set(fx_store, pid, q4, METRIC_LEADS, 4000, -1, &err), err);
	ck_assert_ok(store_figure_set(fx_store, pid, q3, METRIC_REVENUE, 5000000, -1, &err), err);
	ck_assert_ok(store_figure_set(fx_store, pid, q3, METRIC_REVENUE, -1, 5200000, &err), err);
	ck_assert_ok(store_figure_set(fx_store, pid, q3, METRIC_SATISFACTION, -1, 850, &err), err);
	ck_assert_ok(store_figures(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].quarter, q3); /* oldest first */
	ck_assert_int_eq(l.rows[0].target[METRIC_REVENUE], 5000000);
	ck_assert_int_eq(l.rows[0].actual[METRIC_REVENUE], 5200000);
	ck_assert_int_eq(l.rows[0].target[METRIC_SATISFACTION], -1);
	ck_assert_int_eq(l.rows[0].actual[METRIC_SATISFACTION], 850);
	ck_assert_int_eq(l.rows[0].target[METRIC_LEADS], -1);
	ck_assert_int_eq(l.rows[1].quarter, q4);
	ck_assert_int_eq(l.rows[1].target[METRIC_LEADS], 4000);
	figures_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("key_figures", "2026-Q3 revenue target", "", "50000.00"),
			 1);
	ck_assert_int_eq(fx_audit_count("key_figures", "2026-Q3 revenue actual", "", "52000.00"),
			 1);
	ck_assert_int_eq(fx_audit_count("key_figures", "2026-Q3 revenue target", NULL, NULL), 1);
	ck_assert_int_eq(store_figure_set(fx_store, 99, q3, METRIC_LEADS, 1, 1, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 99");
	ck_assert_int_eq(store_figure_set(fx_store, pid, q3, METRIC_LEADS, -5, 1, &err),
			 ALLY_EUSER);
	ck_assert_int_eq(store_figures(fx_store, 99, &l, &err), ALLY_OK);
	ck_assert_uint_eq(l.n, 0);
	figures_list_finish(&l);
}
END_TEST

START_TEST(test_conflicts)
{
	struct ally_err err = { 0 };
	struct conflict c;
	struct conflict_list l;

	conflict_init(&c);
	c.partner_id = pid;
	c.kind = CONFLICT_PRIORITIES;
	c.level = ESC_WORKING_TEAM;
	c.summary = xstrdup("They moved engineers to another product");
	c.opened = D("2026-03-01");
	ck_assert_ok(store_conflict_add(fx_store, &c, &err), err);
	ck_assert(conflict_escalate(&c));
	ck_assert_ok(store_conflict_update(fx_store, &c, &err), err);
	c.resolved = D("2026-03-20");
	c.resolution = xstrdup("Two engineers back from April");
	ck_assert_ok(store_conflict_update(fx_store, &c, &err), err);
	ck_assert_int_eq(c.version, 3);
	ck_assert_ok(store_conflict_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].kind, CONFLICT_PRIORITIES);
	ck_assert_int_eq(l.rows[0].level, ESC_STEERING);
	ck_assert_str_eq(l.rows[0].summary, c.summary);
	ck_assert_int_eq(l.rows[0].opened, D("2026-03-01"));
	ck_assert_int_eq(l.rows[0].resolved, D("2026-03-20"));
	ck_assert_str_eq(l.rows[0].resolution, c.resolution);
	conflict_list_finish(&l);
	ck_assert_int_eq(fx_audit_count("conflicts", "level", "working_team", "steering"), 1);
	ck_assert_int_eq(fx_audit_count("conflicts", "resolved", "", "2026-03-20"), 1);
	c.resolved = D("2026-02-01");
	ck_assert_int_eq(store_conflict_update(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "resolved: must not be before opened");
	c.resolved = D("2026-03-21");
	c.version = 1;
	ck_assert_int_eq(store_conflict_update(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "conflict: changed by someone else"));
	conflict_finish(&c);
}
END_TEST

START_TEST(test_negotiations)
{
	struct ally_err err = { 0 };
	struct negotiation n;
	struct negotiation_list l;
	struct negotiation_term_list tl;
	int64_t other = fx_partner("Other", PTYPE_REFERRAL);
	int64_t cid = fx_contract(pid, "Renewal 2027", "2026-01-01", "2026-12-31", false, 60);
	int64_t foreign = fx_contract(other, "Theirs", "2026-01-01", "2026-12-31", false, 60);

	negotiation_init(&n);
	n.partner_id = pid;
	n.contract_id = foreign;
	ck_assert_int_eq(store_negotiation_add(fx_store, &n, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "contract: 2 is not a contract of this partner");
	n.contract_id = cid;
	n.batna = xstrdup("Build the connector ourselves");
	n.ideal = xstrdup("3 years at 15%");
	n.acceptable = xstrdup("2 years at 20%");
	n.walk_away = xstrdup("25% or exclusivity");
	ck_assert_ok(store_negotiation_add(fx_store, &n, &err), err);
	ck_assert_ok(store_negotiation_term_add(fx_store, n.id, "Co-marketing fund",
						TERM_NICE_TO_HAVE, &err),
		     err);
	ck_assert_ok(store_negotiation_term_add(fx_store, n.id, "Uptime SLA 99.9%", TERM_MUST_HAVE,
						&err),
		     err);
	ck_assert_int_eq(store_negotiation_term_add(fx_store, n.id, "x", 9, &err), ALLY_EUSER);
	ck_assert_int_eq(store_negotiation_term_add(fx_store, 99, "x", TERM_IMPORTANT, &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "negotiation: no negotiation 99");
	ck_assert_ok(store_negotiation_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].contract_id, cid);
	ck_assert_str_eq(l.rows[0].batna, n.batna);
	ck_assert_str_eq(l.rows[0].ideal, n.ideal);
	ck_assert_str_eq(l.rows[0].acceptable, n.acceptable);
	ck_assert_str_eq(l.rows[0].walk_away, n.walk_away);
	negotiation_list_finish(&l);
	ck_assert_ok(store_negotiation_terms(fx_store, n.id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_str_eq(tl.rows[0].text, "Uptime SLA 99.9%"); /* must-haves first */
	ck_assert_int_eq(tl.rows[0].priority, TERM_MUST_HAVE);
	ck_assert_int_eq(tl.rows[1].priority, TERM_NICE_TO_HAVE);
	negotiation_term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("negotiations", "*", "", "negotiation for contract 1"), 1);
	ck_assert_int_eq(
		fx_audit_count("negotiation_terms", "*", "", "must_have: Uptime SLA 99.9%"), 1);
	/* Deleting the contract keeps the preparation notes. */
	ck_assert_ok(store_contract_delete(fx_store, cid, &err), err);
	ck_assert_ok(store_negotiation_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].contract_id, 0);
	negotiation_list_finish(&l);
	negotiation_finish(&n);
}
END_TEST

/* Refuse every read of the contracts table, as a damaged file would. */
static int deny_contracts(void *ctx, int action, const char *a, const char *b, const char *db,
			  const char *trigger)
{
	(void)ctx;
	(void)b;
	(void)db;
	(void)trigger;
	return action == SQLITE_READ && strcmp(a, "contracts") == 0 ? SQLITE_DENY : SQLITE_OK;
}

/* A failed lookup of the named contract is a database error, not the
 * user's "not a contract of this partner". */
START_TEST(test_negotiation_contract_lookup_fails)
{
	struct ally_err err = { 0 };
	struct negotiation n;
	struct negotiation_list l;
	int64_t cid = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", false, 60);

	negotiation_init(&n);
	n.partner_id = pid;
	n.contract_id = cid;
	sqlite3_set_authorizer(fx_store->db, deny_contracts, NULL);
	ck_assert_int_eq(store_negotiation_add(fx_store, &n, &err), ALLY_EDB);
	ck_assert_ptr_null(strstr(err.msg, "not a contract"));
	sqlite3_set_authorizer(fx_store->db, NULL, NULL);
	ck_assert_ok(store_negotiation_list(fx_store, pid, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	negotiation_list_finish(&l);
	negotiation_finish(&n);
}
END_TEST

START_TEST(test_audit_list_paging_and_search)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	int64_t beta = fx_partner("Beta 100%", PTYPE_REFERRAL);

	fx_partner("Beta 1000", PTYPE_REFERRAL);
	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.rows[0].new_value, "Beta 1000 (referral)"); /* newest first */
	ck_assert_int_gt(l.rows[0].id, l.rows[1].id);
	audit_list_finish(&l);
	ck_assert_ok(store_audit_list(fx_store, NULL, 1, 1, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].row_id, beta);
	ck_assert_str_eq(l.rows[0].partner, "Beta 100%");
	audit_list_finish(&l);
	/* LIKE's wildcards in the search text are taken literally. */
	ck_assert_ok(store_audit_list(fx_store, "100%", 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].row_id, beta);
	audit_list_finish(&l);
	ck_assert_ok(store_audit_list(fx_store, "TESTER", 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	audit_list_finish(&l);
	/* The log outlives what it describes, and keeps the partner's name. */
	ck_assert_ok(store_partner_delete(fx_store, pid, false, &err), err);
	ck_assert_ok(store_audit_list(fx_store, "Acme", 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.rows[0].partner, "Acme");
	ck_assert_str_eq(l.rows[1].partner, "Acme");
	ck_assert_int_eq(l.rows[0].partner_id, pid);
	audit_list_finish(&l);
}
END_TEST

/* Rows name the partner as it is called now; after its deletion, as it
 * was called when each row was written. */
START_TEST(test_audit_keeps_partner_name)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	struct partner p;
	struct contact c;

	contact_init(&c);
	c.partner_id = pid;
	c.name = xstrdup("Jo");
	ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
	contact_finish(&c);
	ck_assert_ok(store_partner_get(fx_store, pid, &p, &err), err);
	str_set(&p.name, "Acme Corp");
	ck_assert_ok(store_partner_update(fx_store, &p, &err), err);
	partner_finish(&p);
	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &l, &err), err);
	for (size_t i = 0; i < l.n; i++)
		ck_assert_str_eq(l.rows[i].partner, "Acme Corp");
	audit_list_finish(&l);

	ck_assert_ok(store_partner_delete(fx_store, pid, false, &err), err);
	/* found by the name it had, which only the log still knows */
	ck_assert_ok(store_audit_list(fx_store, "acme corp", 0, 0, &l, &err), err);
	ck_assert_uint_ge(l.n, 3);
	ck_assert_str_eq(l.rows[0].tbl, "partners");
	ck_assert_str_eq(l.rows[0].field, "*");
	ck_assert_str_eq(l.rows[0].partner, "Acme Corp");
	audit_list_finish(&l);
	ck_assert_ok(store_audit_list(fx_store, NULL, 0, 0, &l, &err), err);
	ck_assert_str_eq(l.rows[l.n - 1].tbl, "partners"); /* the insert, before the rename */
	ck_assert_str_eq(l.rows[l.n - 1].partner, "Acme");
	audit_list_finish(&l);
}
END_TEST

START_TEST(test_audit_list_partner)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	int64_t other = fx_partner("Other", PTYPE_REFERRAL);
	int64_t ids[4];

	for (int i = 0; i < 4; i++) {
		struct contact c;

		contact_init(&c);
		c.partner_id = i % 2 ? other : pid;
		c.name = xasprintf("Person %d", i);
		ck_assert_ok(store_contact_add(fx_store, &c, &err), err);
		ids[i] = c.id;
		contact_finish(&c);
	}
	/* Acme: its insert and contacts 0 and 2, newest first */
	ck_assert_ok(store_audit_list_partner(fx_store, pid, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(l.rows[0].row_id, ids[2]);
	ck_assert_int_eq(l.rows[1].row_id, ids[0]);
	ck_assert_str_eq(l.rows[2].tbl, "partners");
	for (size_t i = 0; i < l.n; i++) {
		ck_assert_int_eq(l.rows[i].partner_id, pid);
		ck_assert_str_eq(l.rows[i].partner, "Acme");
	}
	audit_list_finish(&l);
	ck_assert_ok(store_audit_list_partner(fx_store, pid, 1, 1, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].row_id, ids[0]);
	audit_list_finish(&l);

	/* A deleted partner's history: everything, with its delete on top. */
	ck_assert_ok(store_partner_delete(fx_store, other, false, &err), err);
	ck_assert_ok(store_audit_list_partner(fx_store, other, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 6); /* insert, 2 contacts, their 2 cascade rows, delete */
	ck_assert_str_eq(l.rows[0].tbl, "partners");
	ck_assert_str_eq(l.rows[0].old_value, "Other (referral)");
	for (size_t i = 0; i < l.n; i++)
		ck_assert_str_eq(l.rows[i].partner, "Other");
	audit_list_finish(&l);
	ck_assert_ok(store_audit_list_partner(fx_store, 999, 0, 0, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	audit_list_finish(&l);
}
END_TEST

/* One partner's page comes from audit_log_partner, already in order. */
START_TEST(test_audit_list_partner_plan)
{
	struct ally_err err = { 0 };
	struct audit_list l;
	struct fx_traced t = { .n = 0 };

	fx_trace_start(&t);
	ck_assert_ok(store_audit_list_partner(fx_store, pid, 10, 0, &l, &err), err);
	fx_trace_stop();
	audit_list_finish(&l);
	ck_assert_int_eq(t.n, 1);
	fx_assert_plan_has(t.sql[0], "audit_log_partner (partner_id=?)");
	fx_assert_plan_lacks(t.sql[0], "TEMP B-TREE");
	fx_traced_free(&t);
}
END_TEST

static Suite *store_governance_suite(void)
{
	Suite *s = suite_create("store-governance");
	TCase *tc = tcase_create("governance");

	tcase_add_checked_fixture(tc, governance_setup, fx_teardown);
	tcase_add_test(tc, test_contact_round_trip);
	tcase_add_test(tc, test_contact_merge);
	tcase_add_test(tc, test_reviews_and_action_items);
	tcase_add_test(tc, test_key_figures);
	tcase_add_test(tc, test_conflicts);
	tcase_add_test(tc, test_negotiations);
	tcase_add_test(tc, test_negotiation_contract_lookup_fails);
	tcase_add_test(tc, test_audit_list_paging_and_search);
	tcase_add_test(tc, test_audit_keeps_partner_name);
	tcase_add_test(tc, test_audit_list_partner);
	tcase_add_test(tc, test_audit_list_partner_plan);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_governance_suite(), argc, argv);
}
