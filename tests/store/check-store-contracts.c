/* check-store-contracts.c: contracts, renewals and their term history,
 * the renewal list against the core's rules, and the query plans that
 * keep the list and name lookups off full table scans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/store/store-private.h"
#include "ally/util.h"
#include "fixture.h"

static void fill_contract(struct contract *c, int64_t partner_id)
{
	contract_init(c);
	c->partner_id = partner_id;
	c->title = xstrdup("Global reseller agreement");
	c->status = CSTATUS_ACTIVE;
	c->start_date = D("2026-01-01");
	c->end_date = D("2026-12-31");
	c->auto_renew = true;
	c->renewal_months = 24;
	c->notice_days = 90;
	c->annual_value = 12500000;
	memcpy(c->currency, "EUR", 4);
	c->econ.model = ECON_TIERED_REVENUE_SHARE;
	c->econ.pct[0] = 3000;
	c->econ.pct[1] = 2000;
	c->econ.pct[2] = 1500;
	c->exclusivity = EXCL_SUNSET;
	c->exclusivity_end = D("2026-06-30");
	c->liability_cap = 100000000;
	c->termination_reason = xstrdup("none yet");
	c->notes = xstrdup("Signed by both CEOs.\nRevisit pricing in Q3.");
}

START_TEST(test_contract_round_trip)
{
	struct ally_err err = { 0 };
	struct contract c, r;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fill_contract(&c, pid);
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	ck_assert_int_gt(c.id, 0);
	ck_assert_int_eq(c.version, 1);
	ck_assert_ok(store_contract_get(fx_store, c.id, &r, &err), err);
	ck_assert_int_eq(r.partner_id, pid);
	ck_assert_str_eq(r.partner_name, "Acme");
	ck_assert_str_eq(r.title, c.title);
	ck_assert_int_eq(r.status, CSTATUS_ACTIVE);
	ck_assert_int_eq(r.start_date, c.start_date);
	ck_assert_int_eq(r.end_date, c.end_date);
	ck_assert(r.auto_renew);
	ck_assert_int_eq(r.renewal_months, 24);
	ck_assert_int_eq(r.notice_days, 90);
	ck_assert_int_eq(r.annual_value, 12500000);
	ck_assert_str_eq(r.currency, "EUR");
	ck_assert_int_eq(r.econ.model, ECON_TIERED_REVENUE_SHARE);
	ck_assert_int_eq(r.econ.pct[0], 3000);
	ck_assert_int_eq(r.econ.pct[1], 2000);
	ck_assert_int_eq(r.econ.pct[2], 1500);
	ck_assert_int_eq(r.econ.amount, -1);
	ck_assert_int_eq(r.exclusivity, EXCL_SUNSET);
	ck_assert_int_eq(r.exclusivity_end, D("2026-06-30"));
	ck_assert_int_eq(r.liability_cap, 100000000);
	ck_assert_str_eq(r.termination_reason, "none yet");
	ck_assert_str_eq(r.notes, c.notes);
	ck_assert_ptr_nonnull(r.created_at);
	ck_assert_int_eq(fx_audit_count("contracts", "*", "",
					"Global reseller agreement (active, 2026-01-01..2026-12-31)"),
			 1);
	contract_finish(&c);
	contract_finish(&r);
}
END_TEST

START_TEST(test_contract_unset_and_flat_amount)
{
	struct ally_err err = { 0 };
	struct contract c, r;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	contract_init(&c);
	c.partner_id = pid;
	c.title = xstrdup("Referral");
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	c.econ.model = ECON_FLAT_FEE;
	c.econ.amount = 500000;
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_get(fx_store, c.id, &r, &err), err);
	ck_assert(!r.auto_renew);
	ck_assert_int_eq(r.renewal_months, RENEWAL_MONTHS_DEFAULT);
	ck_assert_int_eq(r.notice_days, NOTICE_DAYS_DEFAULT);
	ck_assert_int_eq(r.annual_value, -1);
	ck_assert_str_eq(r.currency, "USD");
	ck_assert_int_eq(r.econ.model, ECON_FLAT_FEE);
	ck_assert_int_eq(r.econ.amount, 500000);
	ck_assert_int_eq(r.econ.pct[0], -1);
	ck_assert_int_eq(r.exclusivity, -1);
	ck_assert_int_eq(r.exclusivity_end, DATE_NONE);
	ck_assert_int_eq(r.liability_cap, -1);
	ck_assert_ptr_null(r.notes);
	contract_finish(&c);
	contract_finish(&r);
}
END_TEST

START_TEST(test_contract_add_refused)
{
	struct ally_err err = { 0 };
	struct contract c;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fill_contract(&c, 99);
	ck_assert_int_eq(store_contract_add(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "partner: no partner 99");
	c.partner_id = pid;
	c.end_date = D("2025-12-31");
	ck_assert_int_eq(store_contract_add(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "end_date"));
	c.end_date = D("2026-12-31");
	c.id = 7;
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	ck_assert_int_eq(c.id, 7);
	c.id = 7;
	ck_assert_int_eq(store_contract_add(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "id: 7 is already used");
	contract_finish(&c);
}
END_TEST

START_TEST(test_contract_update_audit_and_conflict)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct contract c, theirs;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fill_contract(&c, pid);
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_get(other, c.id, &theirs, &err), err);
	c.notice_days = 30;
	c.annual_value = -1;
	c.econ.pct[2] = 1000;
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	ck_assert_int_eq(c.version, 2);
	ck_assert_int_eq(fx_audit_count("contracts", "notice_days", "90", "30"), 1);
	ck_assert_int_eq(fx_audit_count("contracts", "annual_value", "125000.00", ""), 1);
	ck_assert_int_eq(fx_audit_count("contracts", "model_pct", "30/20/15", "30/20/10"), 1);
	ck_assert_int_eq(fx_audit_count("contracts", "title", NULL, NULL), 0);
	theirs.status = CSTATUS_TERMINATED;
	ck_assert_int_eq(store_contract_update(other, &theirs, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "contract: changed by someone else since it was read; reload and try again");
	contract_finish(&c);
	contract_finish(&theirs);
	store_close(other);
}
END_TEST

/* The contract form: a renewal by another session meanwhile is kept
 * under the user's changes to other fields; an end date both changed is
 * refused by name. */
START_TEST(test_contract_merge)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct contract base, mine, now;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fill_contract(&mine, pid);
	ck_assert_ok(store_contract_add(fx_store, &mine, &err), err);
	contract_finish(&mine);
	ck_assert_ok(store_contract_get(fx_store, 1, &base, &err), err);
	contract_copy(&mine, &base);
	ck_assert_ok(contract_set_field(&mine, "title", "Reseller agreement", &err), err);
	ck_assert_ok(contract_set_field(&mine, "annual_value", "130000", &err), err);
	ck_assert_ok(contract_set_field(&mine, "model_pct", "30/20/10", &err), err);
	ck_assert_ok(store_contract_renew(other, 1, DATE_NONE, D("2026-11-01"), &s, &e, &err),
		     err);
	ck_assert_ok(store_contract_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_ok(store_contract_get(fx_store, 1, &now, &err), err);
	ck_assert_str_eq(now.title, "Reseller agreement");
	ck_assert_int_eq(now.annual_value, 13000000);
	ck_assert_int_eq(now.econ.pct[2], 1000);
	ck_assert_int_eq(now.end_date, D("2028-12-31"));
	ck_assert_int_eq(now.liability_cap, 100000000);
	ck_assert_int_eq(now.exclusivity_end, D("2026-06-30"));
	ck_assert_str_eq(now.notes, "Signed by both CEOs.\nRevisit pricing in Q3.");
	ck_assert_int_eq(now.version, mine.version);
	ck_assert_int_eq(mine.end_date, D("2028-12-31"));
	contract_finish(&now);

	/* The same end date moved in both: refused, then deliberate. */
	contract_finish(&base);
	ck_assert_ok(store_contract_get(fx_store, 1, &base, &err), err);
	contract_finish(&mine);
	contract_copy(&mine, &base);
	mine.end_date = D("2029-06-30");
	ck_assert_ok(store_contract_renew(other, 1, DATE_NONE, D("2028-11-01"), &s, &e, &err),
		     err);
	ck_assert_int_eq(store_contract_merge(fx_store, &base, &mine, "the form opened", &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "end_date: changed by someone else to '2030-12-31' since the form opened");
	ck_assert_int_eq(base.end_date, D("2030-12-31"));
	ck_assert_ok(store_contract_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_int_eq(mine.end_date, D("2029-06-30"));
	contract_finish(&base);
	contract_finish(&mine);
	store_close(other);
}
END_TEST

/* Clearing the model clears its parameters: a parameter another session
 * set meanwhile, which the user never saw, is refused by name, not
 * cleared with it unseen; the same merge again clears it deliberately. */
START_TEST(test_contract_merge_model_cleared)
{
	struct ally_err err = { 0 };
	struct store *other = fx_open("robin", 0);
	struct contract base, mine, theirs, now;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fill_contract(&mine, pid);
	mine.econ.model = ECON_REFERRAL_FEE;
	mine.econ.pct[0] = mine.econ.pct[1] = mine.econ.pct[2] = -1;
	mine.econ.amount = 500000;
	ck_assert_ok(store_contract_add(fx_store, &mine, &err), err);
	contract_finish(&mine);
	ck_assert_ok(store_contract_get(fx_store, 1, &base, &err), err);
	contract_copy(&mine, &base);
	ck_assert_ok(contract_set_field(&mine, "model", "", &err), err);
	ck_assert_ok(store_contract_get(other, 1, &theirs, &err), err);
	/* They switch the fee to a share: the amount goes, a percentage comes. */
	ck_assert_ok(contract_set_field(&theirs, "model_amount", "", &err), err);
	ck_assert_ok(contract_set_field(&theirs, "model_pct", "10", &err), err);
	ck_assert_ok(store_contract_update(other, &theirs, &err), err);

	ck_assert_int_eq(store_contract_merge(fx_store, &base, &mine, "the form opened", &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg,
			 "model_pct: changed by someone else to '10' since the form opened");
	ck_assert_int_eq(base.econ.pct[0], 1000);
	ck_assert_int_eq(mine.econ.model, -1);
	ck_assert_ok(store_contract_get(fx_store, 1, &now, &err), err);
	ck_assert_int_eq(now.econ.model, ECON_REFERRAL_FEE);
	ck_assert_int_eq(now.econ.pct[0], 1000);
	contract_finish(&now);

	ck_assert_ok(store_contract_merge(fx_store, &base, &mine, "the form opened", &err), err);
	ck_assert_int_eq(mine.econ.model, -1);
	ck_assert_int_eq(mine.econ.pct[0], -1);
	ck_assert_int_eq(fx_audit_count("contracts", "model_pct", "10", ""), 1);
	contract_finish(&base);
	contract_finish(&mine);
	contract_finish(&theirs);
	store_close(other);
}
END_TEST

START_TEST(test_contract_delete)
{
	struct ally_err err = { 0 };
	struct contract c;
	struct term_list tl;
	struct negotiation n;
	struct negotiation_list nl;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Pilot", "2026-01-01", "2026-03-31", false, 60);

	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2026-03-01"), &s, &e, &err),
		     err);
	negotiation_init(&n);
	n.partner_id = pid;
	n.contract_id = id;
	ck_assert_ok(store_negotiation_add(fx_store, &n, &err), err);
	ck_assert_ok(store_contract_delete(fx_store, id, &err), err);
	ck_assert_int_eq(store_contract_get(fx_store, id, &c, &err), ALLY_EUSER);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 0);
	term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("contracts", "*", "Pilot (active, 2026-01-01..2027-03-31)",
					""),
			 1);
	/* What went or changed with it is audited too. */
	ck_assert_int_eq(fx_audit_count("contracts", "contract_terms", "2 row(s)",
					"deleted with the contract"),
			 1);
	ck_assert_int_eq(fx_audit_count("negotiations", "contract_id", "1", ""), 1);
	ck_assert_ok(store_negotiation_list(fx_store, pid, &nl, &err), err);
	ck_assert_uint_eq(nl.n, 1);
	ck_assert_int_eq(nl.rows[0].contract_id, 0);
	negotiation_list_finish(&nl);
	negotiation_finish(&n);
	ck_assert_int_eq(store_contract_delete(fx_store, id, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "contract: no contract 1");
}
END_TEST

START_TEST(test_contract_list)
{
	struct ally_err err = { 0 };
	struct contract_list l;
	struct contract c;
	int64_t zed = fx_partner("zed", PTYPE_CHANNEL), acme = fx_partner("Acme", PTYPE_CHANNEL);

	fx_contract(zed, "Z1", "2026-01-01", "2026-06-30", false, 60);
	fx_contract(acme, "A-late", "2026-01-01", "2027-06-30", false, 60);
	fx_contract(acme, "A-early", "2026-01-01", "2026-03-31", false, 60);
	contract_init(&c);
	c.partner_id = acme;
	c.title = xstrdup("A-draft");
	c.status = CSTATUS_DRAFT;
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-12-31");
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	contract_finish(&c);

	ck_assert_ok(store_contract_list(fx_store, 0, -1, &l, &err), err);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(l.rows[0].title, "A-early"); /* partner name, then end date */
	ck_assert_str_eq(l.rows[1].title, "A-draft");
	ck_assert_str_eq(l.rows[2].title, "A-late");
	ck_assert_str_eq(l.rows[3].title, "Z1");
	contract_list_finish(&l);
	ck_assert_ok(store_contract_list(fx_store, acme, CSTATUS_ACTIVE, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.rows[0].partner_name, "Acme");
	contract_list_finish(&l);
	ck_assert_ok(store_contract_list(fx_store, zed, CSTATUS_DRAFT, &l, &err), err);
	ck_assert_uint_eq(l.n, 0);
	contract_list_finish(&l);
}
END_TEST

/* Contracts list by partner in the partner list's order: accented names
 * with their base letter, not after Z. */
START_TEST(test_contract_list_name_order)
{
	struct ally_err err = { 0 };
	struct contract_list l;

	fx_contract(fx_partner("ÉMILEB", PTYPE_CHANNEL), "b", "2026-01-01", "2026-12-31", false,
		    60);
	fx_contract(fx_partner("émile", PTYPE_CHANNEL), "a", "2026-01-01", "2026-12-31", false, 60);
	fx_contract(fx_partner("Zeta", PTYPE_CHANNEL), "z", "2026-01-01", "2026-12-31", false, 60);
	ck_assert_ok(store_contract_list(fx_store, 0, -1, &l, &err), err);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.rows[0].partner_name, "émile");
	ck_assert_str_eq(l.rows[1].partner_name, "ÉMILEB");
	ck_assert_str_eq(l.rows[2].partner_name, "Zeta");
	contract_list_finish(&l);
}
END_TEST

START_TEST(test_renew_keeps_term_history)
{
	struct ally_err err = { 0 };
	struct term_list tl;
	struct contract c;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);

	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2026-11-01"), &s, &e, &err),
		     err);
	ck_assert_int_eq(s, D("2027-01-01"));
	ck_assert_int_eq(e, D("2027-12-31"));
	ck_assert_ok(store_contract_renew(fx_store, id, D("2028-06-30"), D("2027-11-20"), &s, &e,
					  &err),
		     err);
	ck_assert_int_eq(s, D("2028-01-01"));
	ck_assert_int_eq(e, D("2028-06-30"));
	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	ck_assert_int_eq(c.start_date, D("2026-01-01"));
	ck_assert_int_eq(c.end_date, D("2028-06-30"));
	ck_assert_int_eq(c.version, 3);
	contract_finish(&c);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 3);
	ck_assert_int_eq(tl.rows[0].start, D("2026-01-01")); /* the original term */
	ck_assert_int_eq(tl.rows[0].end, D("2026-12-31"));
	ck_assert_int_eq(tl.rows[0].renewed_on, DATE_NONE);
	ck_assert_int_eq(tl.rows[1].start, D("2027-01-01"));
	ck_assert_int_eq(tl.rows[1].end, D("2027-12-31"));
	ck_assert_int_eq(tl.rows[1].renewed_on, D("2026-11-01"));
	ck_assert_str_eq(tl.rows[1].author, "tester");
	ck_assert_int_eq(tl.rows[2].end, D("2028-06-30"));
	term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("contracts", "end_date", "2026-12-31", "2027-12-31"), 1);
	ck_assert_int_eq(fx_audit_count("contracts", "end_date", "2027-12-31", "2028-06-30"), 1);
	/* each renewal's term row is audited */
	ck_assert_int_eq(fx_audit_count("contract_terms", "*", "", "2027-01-01..2027-12-31"), 1);
	ck_assert_int_eq(fx_audit_count("contract_terms", "*", "", "2028-01-01..2028-06-30"), 1);
}
END_TEST

/* The term history starts with the contract, so it is whole from day one. */
START_TEST(test_first_term_from_creation)
{
	struct ally_err err = { 0 };
	struct term_list tl;
	struct contract c;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);

	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 1);
	ck_assert_int_eq(tl.rows[0].start, D("2026-01-01"));
	ck_assert_int_eq(tl.rows[0].end, D("2026-12-31"));
	ck_assert_int_eq(tl.rows[0].renewed_on, DATE_NONE);
	ck_assert_str_eq(tl.rows[0].author, "tester");
	term_list_finish(&tl);

	/* Both dates of a contract never renewed move its one term. */
	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	c.start_date = D("2026-02-01");
	c.end_date = D("2026-11-30");
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 1);
	ck_assert_int_eq(tl.rows[0].start, D("2026-02-01"));
	ck_assert_int_eq(tl.rows[0].end, D("2026-11-30"));
	term_list_finish(&tl);
	/* Even past the old end: the term is the one being edited. */
	c.start_date = D("2026-12-01");
	c.end_date = D("2027-12-31");
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_int_eq(tl.rows[0].start, D("2026-12-01"));
	ck_assert_int_eq(tl.rows[0].end, D("2027-12-31"));
	term_list_finish(&tl);
	contract_finish(&c);
}
END_TEST

/* An edited start_date is the first term's start, and stays before that
 * term's end once the contract was renewed. */
START_TEST(test_update_start_date_moves_first_term)
{
	struct ally_err err = { 0 };
	struct term_list tl;
	struct contract c, now;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);

	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2026-11-01"), &s, &e, &err),
		     err);
	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	c.start_date = D("2027-02-01"); /* after the first term's end, 2026-12-31 */
	ck_assert_int_eq(store_contract_update(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "start_date"));
	ck_assert_ok(store_contract_get(fx_store, id, &now, &err), err);
	ck_assert_int_eq(now.start_date, D("2026-01-01"));
	contract_finish(&now);

	c.start_date = D("2025-10-01");
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_int_eq(tl.rows[0].start, D("2025-10-01"));
	ck_assert_int_eq(tl.rows[0].end, D("2026-12-31"));
	ck_assert_int_eq(tl.rows[1].start, D("2027-01-01")); /* the current term stays */
	ck_assert_int_eq(tl.rows[1].end, D("2027-12-31"));
	term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("contracts", "start_date", "2026-01-01", "2025-10-01"), 1);
	contract_finish(&c);
}
END_TEST

/* Renewing c is refused with the core's own message (contract_renew_term
 * judges, the store passes it on), and nothing is written. */
static void assert_renew_refused(const struct contract *c, ally_date until, const char *field)
{
	struct ally_err err = { 0 }, want = { 0 };
	struct contract now;
	struct term_list tl;
	ally_date s = DATE_NONE, e = DATE_NONE;
	size_t terms;

	ck_assert_ok(store_contract_terms(fx_store, c->id, &tl, &err), err);
	terms = tl.n;
	term_list_finish(&tl);
	ck_assert_int_eq(contract_renew_term(c, until, &s, &e, &want), ALLY_EUSER);
	ck_assert_int_eq(store_contract_renew(fx_store, c->id, until, D("2027-01-01"), &s, &e,
					      &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, want.msg);
	ck_assert_ptr_nonnull(strstr(err.msg, field));
	ck_assert_ok(store_contract_get(fx_store, c->id, &now, &err), err);
	ck_assert_int_eq(now.end_date, c->end_date);
	ck_assert_int_eq(now.version, c->version);
	contract_finish(&now);
	ck_assert_ok(store_contract_terms(fx_store, c->id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, terms);
	term_list_finish(&tl);
}

START_TEST(test_renew_month_end_and_refusals)
{
	struct ally_err err = { 0 };
	struct contract c;
	ally_date s = DATE_NONE, e = DATE_NONE;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id;

	contract_init(&c);
	c.partner_id = pid;
	c.title = xstrdup("Monthly");
	c.start_date = D("2027-01-01");
	c.end_date = D("2027-01-31");
	c.renewal_months = 1;
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	id = c.id;
	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2027-01-20"), &s, &e, &err),
		     err);
	ck_assert_int_eq(s, D("2027-02-01"));
	ck_assert_int_eq(e, D("2027-02-28"));
	contract_finish(&c);
	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	assert_renew_refused(&c, D("2027-02-28"), "until: ");
	c.status = CSTATUS_EXPIRED;
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	assert_renew_refused(&c, DATE_NONE, "status: ");
	ck_assert_int_eq(store_contract_renew(fx_store, 99, DATE_NONE, D("2027-02-20"), &s, &e,
					      &err),
			 ALLY_EUSER);
	ck_assert_str_eq(err.msg, "contract: no contract 99");
	contract_finish(&c);
}
END_TEST

/* The list as the core would build it from every contract, to compare
 * with what the store's indexed query returns. */
static size_t expected_renewals(ally_date today, int within, struct renewal *out, size_t max)
{
	struct ally_err err = { 0 };
	struct contract_list l;
	size_t n = 0;

	ck_assert_ok(store_contract_list(fx_store, 0, CSTATUS_ACTIVE, &l, &err), err);
	for (size_t i = 0; i < l.n && n < max; i++) {
		struct renewal r = { 0 };

		r.contract_id = l.rows[i].id;
		r.end_date = l.rows[i].end_date;
		r.auto_renew = l.rows[i].auto_renew;
		r.notice_days = l.rows[i].notice_days;
		r.partner = "";
		renewal_compute(&r, today);
		if (renewal_listed(&r, within))
			out[n++] = r;
	}
	contract_list_finish(&l);
	return n;
}

static void assert_renewals_match_core(ally_date today, int within)
{
	struct ally_err err = { 0 };
	struct renewal want[64];
	struct renewal_list got;
	size_t n = expected_renewals(today, within, want, 64);

	ck_assert_ok(store_renewals(fx_store, today, within, &got, &err), err);
	ck_assert_uint_eq(got.n, n);
	for (size_t i = 0; i < got.n; i++) {
		const struct renewal *g = &got.rows[i];
		bool found = false;

		for (size_t j = 0; j < n; j++) {
			if (want[j].contract_id != g->contract_id)
				continue;
			found = true;
			ck_assert_int_eq(g->days_left, want[j].days_left);
			ck_assert_int_eq(g->band, want[j].band);
			ck_assert_int_eq(g->notice_deadline, want[j].notice_deadline);
			ck_assert_int_eq(g->action_date, want[j].action_date);
		}
		ck_assert_msg(found, "contract %lld listed against the rules",
			      (long long)g->contract_id);
		if (i > 0)
			ck_assert_int_le(renewal_cmp(&got.rows[i - 1], g), 0);
	}
	renewal_list_finish(&got);
}

/* Near the end of the calendar the window stops at 9999-12-31: today +
 * within past it would be "10000-..." text, before every stored date. */
START_TEST(test_renewals_at_the_end_of_the_calendar)
{
	struct ally_err err = { 0 };
	struct renewal_list l, l0;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t old = fx_contract(pid, "Old", "2029-01-01", "2029-12-31", false, 60);
	int64_t last = fx_contract(pid, "Last", "9999-01-01", "9999-12-31", true, 60);

	ck_assert_ok(store_renewals(fx_store, D("9999-10-15"), 90, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.rows[0].contract_id, old); /* lapsed first */
	ck_assert_int_eq(l.rows[1].contract_id, last);
	ck_assert_int_eq(l.rows[1].notice_deadline, D("9999-11-01"));
	renewal_list_finish(&l);
	/* The last day lists what --within 0 lists. */
	ck_assert_ok(store_renewals(fx_store, D("9999-12-31"), 90, &l, &err), err);
	ck_assert_ok(store_renewals(fx_store, D("9999-12-31"), 0, &l0, &err), err);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(l.n, l0.n);
	for (size_t i = 0; i < l.n; i++)
		ck_assert_int_eq(l.rows[i].contract_id, l0.rows[i].contract_id);
	renewal_list_finish(&l);
	renewal_list_finish(&l0);
	ck_assert_ok(store_renewals(fx_store, D("9999-12-31"), 2147483647, &l, &err), err);
	ck_assert_uint_eq(l.n, 2);
	renewal_list_finish(&l);
}
END_TEST

/* No term may end after 9999-12-31: the core refuses, nothing changes. */
START_TEST(test_renew_past_year_9999)
{
	struct ally_err err = { 0 };
	struct contract c;
	int64_t id = fx_contract(fx_partner("Acme", PTYPE_CHANNEL), "Forever", "9999-01-01",
				 "9999-06-30", false, 60);

	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	assert_renew_refused(&c, DATE_NONE, "end_date: ");
	contract_finish(&c);
}
END_TEST

/* An edited end_date must stay inside the current term, and the term
 * history's last row follows it. */
START_TEST(test_update_end_date_within_term)
{
	struct ally_err err = { 0 };
	struct term_list tl;
	struct contract c, now;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);
	int audits;

	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2026-11-01"), &s, &e, &err),
		     err);
	audits = fx_audit_count("contracts", "end_date", NULL, NULL);
	ck_assert_ok(store_contract_get(fx_store, id, &c, &err), err);
	c.end_date = D("2026-12-15"); /* before the current term's start 2027-01-01 */
	ck_assert_int_eq(store_contract_update(fx_store, &c, &err), ALLY_EUSER);
	ck_assert_ptr_nonnull(strstr(err.msg, "end_date: "));
	ck_assert_ok(store_contract_get(fx_store, id, &now, &err), err);
	ck_assert_int_eq(now.end_date, D("2027-12-31"));
	ck_assert_int_eq(now.version, c.version);
	contract_finish(&now);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_int_eq(tl.rows[1].end, D("2027-12-31"));
	term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("contracts", "end_date", NULL, NULL), audits);

	c.end_date = D("2027-09-30"); /* inside the current term */
	ck_assert_ok(store_contract_update(fx_store, &c, &err), err);
	ck_assert_ok(store_contract_terms(fx_store, id, &tl, &err), err);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_int_eq(tl.rows[0].end, D("2026-12-31")); /* the past term stays */
	ck_assert_int_eq(tl.rows[1].start, D("2027-01-01"));
	ck_assert_int_eq(tl.rows[1].end, D("2027-09-30"));
	term_list_finish(&tl);
	ck_assert_int_eq(fx_audit_count("contracts", "end_date", "2027-12-31", "2027-09-30"), 1);
	contract_finish(&c);
}
END_TEST

START_TEST(test_renewals_across_bands)
{
	struct ally_err err = { 0 };
	struct renewal_list l;
	struct contract c;
	ally_date today = D("2026-06-01");
	int64_t a = fx_partner("Alpha", PTYPE_CHANNEL), b = fx_partner("beta", PTYPE_TECHNOLOGY);
	int64_t lapsed, urgent0, urgent59, window60, window90, clear91, far, gone;

	lapsed = fx_contract(a, "lapsed", "2025-01-01", "2026-05-31", false, 60);   /* -1 */
	urgent0 = fx_contract(b, "today", "2025-06-01", "2026-06-01", false, 60);   /* 0 */
	urgent59 = fx_contract(a, "u59", "2025-08-01", "2026-07-30", false, 60);    /* 59 */
	window60 = fx_contract(b, "w60", "2025-08-01", "2026-07-31", false, 60);    /* 60 */
	window90 = fx_contract(a, "w90", "2025-09-01", "2026-08-30", false, 60);    /* 90 */
	clear91 = fx_contract(b, "c91", "2025-09-01", "2026-08-31", false, 60);     /* 91 */
	/* A notice deadline far ahead of today... and one that is near while
	 * the end is a year away. */
	fx_contract(a, "far-notice", "2026-01-01", "2027-12-31", true, 90);
	far = fx_contract(b, "near-notice", "2026-01-01", "2027-06-01", true, 340);
	fx_contract(a, "ancient", "2020-01-01", "2021-01-01", false, 60);
	contract_init(&c);
	c.partner_id = a;
	c.title = xstrdup("draft");
	c.status = CSTATUS_DRAFT;
	c.start_date = D("2026-01-01");
	c.end_date = D("2026-06-10");
	ck_assert_ok(store_contract_add(fx_store, &c, &err), err);
	gone = c.id;
	contract_finish(&c);

	ck_assert_ok(store_renewals(fx_store, today, 90, &l, &err), err);
	ck_assert_uint_eq(l.n, 7); /* ancient, lapsed, today, u59, w60, w90, near-notice */
	ck_assert_str_eq(l.rows[0].title, "ancient");
	ck_assert_int_eq(l.rows[1].contract_id, lapsed);
	ck_assert_int_eq(l.rows[1].band, BAND_LAPSED);
	ck_assert_int_eq(l.rows[1].days_left, -1);
	ck_assert_int_eq(l.rows[2].contract_id, urgent0);
	ck_assert_int_eq(l.rows[2].band, BAND_URGENT);
	ck_assert_str_eq(l.rows[2].partner, "beta");
	ck_assert_int_eq(l.rows[3].contract_id, far); /* deadline 2026-06-26 comes next */
	ck_assert_int_eq(l.rows[3].band, BAND_CLEAR);
	ck_assert_int_eq(l.rows[3].notice_deadline, D("2026-06-26"));
	ck_assert_int_eq(l.rows[3].days_to_notice, 25);
	ck_assert_int_eq(l.rows[4].contract_id, urgent59);
	ck_assert_int_eq(l.rows[4].band, BAND_URGENT);
	ck_assert_int_eq(l.rows[5].contract_id, window60);
	ck_assert_int_eq(l.rows[5].band, BAND_WINDOW);
	ck_assert_int_eq(l.rows[6].contract_id, window90);
	ck_assert_int_eq(l.rows[6].days_left, 90);
	for (size_t i = 0; i < l.n; i++) {
		ck_assert_int_ne(l.rows[i].contract_id, clear91);
		ck_assert_int_ne(l.rows[i].contract_id, gone);
	}
	renewal_list_finish(&l);
	assert_renewals_match_core(today, 90);
	assert_renewals_match_core(today, 30);
	assert_renewals_match_core(today, 0);
	assert_renewals_match_core(today, 400);
	assert_renewals_match_core(D("2027-10-01"), 90);
}
END_TEST

/* Deadlines follow the current term after a renewal, never the original
 * end. */
START_TEST(test_notice_deadline_follows_renewal)
{
	struct ally_err err = { 0 };
	struct renewal_list l;
	ally_date s, e;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);
	int64_t id = fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);

	ck_assert_ok(store_contract_renew(fx_store, id, DATE_NONE, D("2026-10-01"), &s, &e, &err),
		     err);
	ck_assert_ok(store_renewals(fx_store, D("2026-10-01"), 90, &l, &err), err);
	ck_assert_uint_eq(l.n, 0); /* the old deadline, 2026-11-01, no longer counts */
	renewal_list_finish(&l);
	ck_assert_ok(store_renewals(fx_store, D("2027-10-01"), 90, &l, &err), err);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.rows[0].notice_deadline, D("2027-11-01"));
	ck_assert_int_eq(l.rows[0].end_date, D("2027-12-31"));
	renewal_list_finish(&l);
}
END_TEST

/* ---- query plans ---- */

static void assert_traced_no_scan(struct fx_traced *t, const char *const *tables)
{
	ck_assert_int_gt(t->n, 0);
	for (int i = 0; i < t->n; i++)
		fx_assert_no_scan(t->sql[i], tables);
	fx_traced_free(t);
}

START_TEST(test_query_plans_use_indexes)
{
	static const char *const contracts[] = { "contracts", "c", "partners", "p", NULL };
	struct ally_err err = { 0 };
	struct fx_traced t = { .n = 0 };
	struct renewal_list l;
	struct partner p;
	struct partner_list pl;
	struct partner_filter f;
	struct partner_facts facts;
	int64_t pid = fx_partner("Acme", PTYPE_CHANNEL);

	fx_contract(pid, "Main", "2026-01-01", "2026-12-31", true, 60);
	fx_trace_start(&t);

	ck_assert_ok(store_renewals(fx_store, D("2026-10-01"), 90, &l, &err), err);
	renewal_list_finish(&l);
	assert_traced_no_scan(&t, contracts);

	ck_assert_ok(store_partner_find(fx_store, "ACME", &p, &err), err);
	partner_finish(&p);
	assert_traced_no_scan(&t, contracts);

	/* One partner's facts: its own contracts through (partner_id, status),
	 * not every active contract of the portfolio. */
	ck_assert_ok(store_partner_facts(fx_store, pid, D("2026-10-01"), &facts, &err), err);
	ck_assert_int_eq(facts.min_end, D("2026-12-31"));
	for (int i = 0; i < t.n; i++)
		if (strstr(t.sql[i], "FROM contracts") != NULL)
			fx_assert_plan_has(t.sql[i], "contracts_partner_status (partner_id=? AND status=?)");
	assert_traced_no_scan(&t, contracts);

	/* A window of a phase's partners is read through partners_phase
	 * (the phase, then the names), never by a scan. */
	partner_filter_init(&f);
	f.phase = PHASE_LAUNCH;
	ck_assert_ok(store_partner_list(fx_store, &f, D("2026-10-01"), &pl, &err), err);
	partner_list_finish(&pl);
	ck_assert_int_gt(t.n, 0);
	fx_assert_no_scan(t.sql[0], contracts); /* the partner query itself */
	fx_assert_plan_has(t.sql[0], "partners_phase (phase_no=? AND");
	fx_traced_free(&t);
	fx_trace_stop();
}
END_TEST

static Suite *store_contracts_suite(void)
{
	Suite *s = suite_create("store-contracts");
	TCase *tc = tcase_create("contracts");
	TCase *tr = tcase_create("renewals");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, test_contract_round_trip);
	tcase_add_test(tc, test_contract_unset_and_flat_amount);
	tcase_add_test(tc, test_contract_add_refused);
	tcase_add_test(tc, test_contract_update_audit_and_conflict);
	tcase_add_test(tc, test_contract_merge);
	tcase_add_test(tc, test_contract_merge_model_cleared);
	tcase_add_test(tc, test_contract_delete);
	tcase_add_test(tc, test_contract_list);
	tcase_add_test(tc, test_contract_list_name_order);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tr, fx_setup, fx_teardown);
	tcase_add_test(tr, test_renew_keeps_term_history);
	tcase_add_test(tr, test_first_term_from_creation);
	tcase_add_test(tr, test_update_start_date_moves_first_term);
	tcase_add_test(tr, test_renew_month_end_and_refusals);
	tcase_add_test(tr, test_renew_past_year_9999);
	tcase_add_test(tr, test_renewals_at_the_end_of_the_calendar);
	tcase_add_test(tr, test_update_end_date_within_term);
	tcase_add_test(tr, test_renewals_across_bands);
	tcase_add_test(tr, test_notice_deadline_follows_renewal);
	tcase_add_test(tr, test_query_plans_use_indexes);
	suite_add_tcase(s, tr);
	return s;
}

int main(int argc, char **argv)
{
	return fx_run(store_contracts_suite(), argc, argv);
}
