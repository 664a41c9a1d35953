/* check-ui-form.c: the state of a form: checks as fields are left, what
 * changed, choices, and where a save's error is shown. */
#include <stdio.h>

#include "ally/partner.h"
#include "ally/store.h"
#include "ally/ui-form.h"
#include "ally/ui.h"
#include "ally/util.h"
#include "core-test.h"

/* A contract-like form whose check uses the shared helpers, and a
 * partner form whose check runs the core's own setter. */
static const char *const statuses[] = { "draft", "active", "expired", NULL };

static const struct ufield_spec contract_specs[] = {
	{ "title", "Title", UF_TEXT, NULL, false, 0 },
	{ "end_date", "End date", UF_DATE, NULL, false, 10 },
	{ "annual_value", "Annual value", UF_MONEY, NULL, false, 14 },
	{ "term_months", "Term (months)", UF_NUMBER, NULL, false, 4 },
	{ "status", "Status", UF_CHOICE, statuses, false, 0 },
	{ "exclusivity", "Exclusivity", UF_CHOICE, statuses, true, 0 },
};

struct calls {
	int n;             /* how many checks ran */
	char last[64];     /* the field checked last */
};

static int contract_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct calls *c = ctx;

	c->n++;
	snprintf(c->last, sizeof c->last, "%s", name);
	if (strcmp(name, "title") == 0 && value[0] == '\0')
		return ally_err_set(err, ALLY_EUSER, name, "must not be empty");
	if (strcmp(name, "end_date") == 0)
		return uform_check_date(name, value, true, NULL, err);
	if (strcmp(name, "annual_value") == 0)
		return uform_check_money(name, value, false, false, NULL, err);
	if (strcmp(name, "term_months") == 0)
		return uform_check_number(name, value, false, 1, 120, NULL, err);
	return ALLY_OK;
}

static struct uform *contract_form(struct calls *c)
{
	struct uform *f;

	memset(c, 0, sizeof *c);
	f = uform_new(contract_specs, sizeof contract_specs / sizeof contract_specs[0],
		      contract_check, c);
	uform_prefill(f, 0, "Reseller agreement");
	uform_prefill(f, 1, "2027-06-30");
	uform_prefill(f, 4, "active");
	return f;
}

START_TEST(a_bad_date_keeps_the_form_on_it_with_the_reason)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(uform_move(f, 1));
	ck_assert_uint_eq(uform_current(f), 1);
	uform_set(f, 1, "2026-02-30");
	ck_assert(!uform_move(f, 1));
	ck_assert_uint_eq(uform_current(f), 1);
	ck_assert_str_eq(uform_error(f, 1), "'2026-02-30' is not a real date (YYYY-MM-DD)");
	/* What was typed stays, to be corrected. */
	ck_assert_str_eq(uform_value(f, 1), "2026-02-30");
	/* Going backwards is leaving it too. */
	ck_assert(!uform_move(f, -1));
	ck_assert(!uform_go(f, 4));
	ck_assert_uint_eq(uform_current(f), 1);

	uform_set(f, 1, "2026-02-28");
	ck_assert(uform_move(f, 1));
	ck_assert_uint_eq(uform_current(f), 2);
	ck_assert_ptr_null(uform_error(f, 1));
	uform_free(f);
}
END_TEST

START_TEST(amounts_and_numbers_are_checked_with_the_core_words)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(uform_go(f, 2));
	uform_set(f, 2, "1,250.00");
	ck_assert(!uform_move(f, 1));
	ck_assert_str_eq(uform_error(f, 2), "'1,250.00' is not an amount (e.g. 1250.00)");
	uform_set(f, 2, "1250.5");
	ck_assert(uform_move(f, 1));
	uform_set(f, 3, "abc");
	ck_assert(!uform_move(f, 1));
	ck_assert_str_eq(uform_error(f, 3), "'abc' is not a whole number");
	uform_set(f, 3, "0");
	ck_assert(!uform_move(f, 1));
	ck_assert_str_eq(uform_error(f, 3), "0 is out of range 1-120");
	uform_set(f, 3, "");
	ck_assert(uform_move(f, 1)); /* optional: empty is fine */
	uform_free(f);
}
END_TEST

START_TEST(moving_wraps_at_both_ends)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(uform_move(f, -1));
	ck_assert_uint_eq(uform_current(f), 5);
	ck_assert(uform_move(f, 1));
	ck_assert_uint_eq(uform_current(f), 0);
	ck_assert_str_eq(c.last, "exclusivity"); /* leaving checked it */
	uform_free(f);
}
END_TEST

START_TEST(check_all_stops_on_the_first_refused_and_marks_each)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(uform_check_all(f));
	ck_assert(uform_go(f, 5));
	uform_set(f, 0, "");
	uform_set(f, 3, "-4");
	ck_assert(!uform_check_all(f));
	ck_assert_uint_eq(uform_current(f), 0);
	ck_assert_str_eq(uform_error(f, 0), "must not be empty");
	ck_assert_str_eq(uform_error(f, 3), "-4 is out of range 1-120");
	ck_assert_ptr_null(uform_error(f, 1));
	uform_free(f);
}
END_TEST

START_TEST(dirty_means_a_value_differs_from_its_prefill)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(!uform_dirty(f));
	uform_set(f, 0, "Reseller agreement 2");
	ck_assert(uform_dirty(f));
	uform_set(f, 0, "Reseller agreement");
	ck_assert(!uform_dirty(f)); /* typed back as it was */
	uform_choose(f, 5, 0);
	ck_assert(uform_dirty(f));
	uform_choose(f, 5, -1);
	ck_assert(!uform_dirty(f));
	uform_prefill(f, 3, NULL);
	ck_assert_str_eq(uform_value(f, 3), "");
	uform_free(f);
}
END_TEST

/* What a stop with the form open leaves in the draft file: every field,
 * the changed ones marked, nothing that could act on a terminal. */
START_TEST(a_draft_lists_every_field_and_marks_the_changed)
{
	struct calls c;
	struct uform *f = contract_form(&c);
	char *s;

	uform_set(f, 0, "Reseller agreement 2");
	uform_set(f, 1, "");                   /* cleared */
	uform_set(f, 2, "12\x1b[2J\nx");       /* an escape and a line break */
	s = uform_draft_text(f, "Contract Reseller agreement with Acme\x1b]0;t\a");
	ck_assert_str_eq(s, "Contract Reseller agreement with Acme^[]0;t^G\n"
			    "Not saved; * marks the fields you changed.\n"
			    "\n"
			    "* Title: Reseller agreement 2\n"
			    "* End date:\n"
			    "* Annual value: 12^[[2J^Jx\n"
			    "  Term (months):\n"
			    "  Status: active\n"
			    "  Exclusivity:\n");
	free(s);
	/* Typed back as it was: listed, not marked. */
	uform_set(f, 0, "Reseller agreement");
	s = uform_draft_text(f, NULL);
	ck_assert_ptr_nonnull(strstr(s, "\n  Title: Reseller agreement\n"));
	ck_assert_int_eq(s[0], '\n'); /* no title: an empty first line */
	free(s);
	uform_free(f);
}
END_TEST

/* The store's own not-found errors, for rows another session deleted,
 * become words the user can act on; nothing else is touched. */
START_TEST(a_row_deleted_meanwhile_is_said_in_words)
{
	struct store_opts o = { .user = "tester" };
	struct ally_err err = { 0 };
	struct store *db = store_open(":memory:", &o, &err);
	struct partner p;
	struct contact base, k;
	struct contract ct;

	ck_assert_msg(db != NULL, "store_open: %s", err.msg);
	ck_assert_int_eq(store_migrate(db, &err), ALLY_OK);
	partner_init(&p);
	p.name = xstrdup("Northwind Labs");
	p.type = PTYPE_CHANNEL;
	ck_assert_msg(store_partner_add(db, &p, &err) == ALLY_OK, "%s", err.msg);
	contact_init(&base);
	base.partner_id = p.id;
	base.name = xstrdup("Ana");
	ck_assert_msg(store_contact_add(db, &base, &err) == ALLY_OK, "%s", err.msg);
	/* Another session deletes the partner, its contacts with it. */
	ck_assert_msg(store_partner_delete(db, p.id, true, &err) == ALLY_OK, "%s", err.msg);

	ck_assert_int_eq(store_partner_get(db, p.id, &p, &err), ALLY_EUSER);
	ck_assert(uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "partner: deleted by another session; nothing saved");
	ck_assert_int_eq(err.status, ALLY_EUSER);

	contact_init(&k);
	k.id = base.id;
	k.partner_id = base.partner_id;
	k.version = base.version;
	k.name = xstrdup("Ana Lima");
	ck_assert_int_eq(store_contact_merge(db, &base, &k, "the form opened", &err), ALLY_EUSER);
	ck_assert(uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "contact: deleted by another session; nothing saved");
	k.id = 0;
	ck_assert_int_eq(store_contact_add(db, &k, &err), ALLY_EUSER);
	ck_assert(uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "partner: deleted by another session; nothing saved");
	ck_assert_int_eq(store_contract_get(db, 42, &ct, &err), ALLY_EUSER);
	ck_assert(uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "contract: deleted by another session; nothing saved");

	/* Other refusals keep their words. */
	ally_err_set(&err, ALLY_EUSER, "partner", "no partner '%s'", "Acme");
	ck_assert(!uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "partner: no partner 'Acme'");
	ally_err_set(&err, ALLY_EUSER, "contact", "no partner %d", 2);
	ck_assert(!uform_err_gone(&err));
	ally_err_set(&err, ALLY_EUSER, "partner", "no partner 2 here");
	ck_assert(!uform_err_gone(&err));
	ally_err_set(&err, ALLY_EUSER, "region", "changed by someone else to 'no 2'");
	ck_assert(!uform_err_gone(&err));
	ck_assert_str_eq(err.msg, "region: changed by someone else to 'no 2'");
	ally_err_set(&err, ALLY_EUSER, NULL, ": no  1");
	ck_assert(!uform_err_gone(&err));

	contact_finish(&base);
	contact_finish(&k);
	partner_finish(&p);
	store_close(db);
}
END_TEST

START_TEST(choices_convert_between_names_and_indexes)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert_int_eq(uform_choice_count(f, 4), 3);
	ck_assert_int_eq(uform_choice(f, 4), 1);
	uform_choose(f, 4, 2);
	ck_assert_str_eq(uform_value(f, 4), "expired");
	ck_assert_int_eq(uform_choice(f, 5), -1); /* none */
	uform_choose(f, 5, 0);
	ck_assert_str_eq(uform_value(f, 5), "draft");
	uform_choose(f, 5, 7); /* out of range: nothing changes */
	ck_assert_str_eq(uform_value(f, 5), "draft");
	uform_free(f);
}
END_TEST

START_TEST(cycling_passes_through_none_only_when_optional)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	uform_cycle(f, 4, 1);
	ck_assert_str_eq(uform_value(f, 4), "expired");
	uform_cycle(f, 4, 1);
	ck_assert_str_eq(uform_value(f, 4), "draft");
	uform_cycle(f, 4, -1);
	ck_assert_str_eq(uform_value(f, 4), "expired");

	uform_cycle(f, 5, -1);
	ck_assert_str_eq(uform_value(f, 5), "expired");
	uform_cycle(f, 5, 1);
	ck_assert_str_eq(uform_value(f, 5), "");
	uform_cycle(f, 5, 1);
	ck_assert_str_eq(uform_value(f, 5), "draft");
	uform_free(f);
}
END_TEST

START_TEST(a_choice_must_come_from_the_list)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	uform_set(f, 4, "cancelled");
	ck_assert(!uform_check(f, 4));
	ck_assert_str_eq(uform_error(f, 4), "is not one of the choices");
	uform_set(f, 4, "");
	ck_assert(!uform_check(f, 4));
	ck_assert_str_eq(uform_error(f, 4), "choose one from the list");
	ck_assert(uform_check(f, 5)); /* optional: none is a choice */
	uform_free(f);
}
END_TEST

START_TEST(a_save_error_goes_beside_the_field_it_names)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	struct ally_err err;

	ck_assert(uform_go(f, 4));
	ally_err_set(&err, ALLY_EUSER, "end_date", "must not be before start_date");
	uform_set_err(f, &err);
	ck_assert_uint_eq(uform_current(f), 1);
	ck_assert_str_eq(uform_error(f, 1), "must not be before start_date");
	ck_assert_ptr_null(uform_form_error(f));

	/* Not a field of this form: the whole message is the form's. */
	ally_err_set(&err, ALLY_EUSER, "partner", "'Acme' not found");
	uform_set_err(f, &err);
	ck_assert_str_eq(uform_form_error(f), "partner: 'Acme' not found");
	ck_assert_uint_eq(uform_current(f), 1);
	/* The field comes from the error, not its words: a message that
	 * reads like "title: ..." but names no field stays the form's. */
	ally_err_set(&err, ALLY_EDB, NULL, "title: is what the lock said");
	uform_set_err(f, &err);
	ck_assert_str_eq(uform_form_error(f), "title: is what the lock said");
	ck_assert_ptr_null(uform_error(f, 0));

	uform_set_error(f, "title", "a contract with this title exists");
	ck_assert_uint_eq(uform_current(f), 0);
	ck_assert_str_eq(uform_error(f, 0), "a contract with this title exists");
	uform_set_error(f, NULL, "could not write");
	ck_assert_str_eq(uform_form_error(f), "could not write");

	uform_clear_errors(f);
	ck_assert_ptr_null(uform_form_error(f));
	ck_assert_ptr_null(uform_error(f, 0));
	ck_assert_ptr_null(uform_error(f, 1));
	uform_free(f);
}
END_TEST

START_TEST(find_and_spec)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert_uint_eq(uform_count(f), 6);
	ck_assert_int_eq(uform_find(f, "term_months"), 3);
	ck_assert_int_eq(uform_find(f, "nope"), -1);
	ck_assert_int_eq(uform_find(f, NULL), -1);
	ck_assert_str_eq(uform_spec(f, 1)->label, "End date");
	ck_assert_ptr_null(uform_spec(f, 6));
	uform_free(f);
	uform_free(NULL);
}
END_TEST

/* The partner form's check: the core setter on a scratch record, so the
 * form refuses what `ally partner set` refuses, with the same words. */
static int partner_check(void *ctx, const char *name, const char *value, struct ally_err *err)
{
	struct partner p;
	int rc;

	(void)ctx;
	partner_init(&p);
	rc = partner_set_field(&p, name, value, true, err);
	partner_finish(&p);
	return rc;
}

static const struct ufield_spec partner_specs[] = {
	{ "name", "Name", UF_TEXT, NULL, false, 0 },
	{ "type", "Type", UF_CHOICE, partner_type_names, false, 0 },
	{ "website", "Website", UF_TEXT, NULL, false, 0 },
};

START_TEST(the_core_setter_decides_and_its_words_are_shown)
{
	struct uform *f = uform_new(partner_specs, 3, partner_check, NULL);

	uform_set(f, 0, "Acme\xe2\x80\xae"); /* a bidi override */
	ck_assert(!uform_move(f, 1));
	ck_assert_str_eq(uform_error(f, 0), "contains an invisible formatting character (U+202E)");
	uform_set(f, 0, "Société Générale");
	ck_assert(uform_move(f, 1));
	ck_assert(!uform_move(f, 1)); /* type: nothing chosen yet */
	uform_choose(f, 1, 1);
	ck_assert(uform_move(f, 1));
	ck_assert_uint_eq(uform_current(f), 2);
	uform_free(f);
}
END_TEST

START_TEST(enter_saves_on_the_last_field_whatever_its_kind)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert_int_eq(uform_enter(f), UF_ENTER_NEXT); /* text */
	ck_assert(uform_go(f, 3));
	ck_assert_int_eq(uform_enter(f), UF_ENTER_NEXT); /* number */
	ck_assert(uform_go(f, 4));
	ck_assert_int_eq(uform_enter(f), UF_ENTER_LIST); /* a choice before the last */
	ck_assert(uform_go(f, 5));
	ck_assert_int_eq(uform_enter(f), UF_ENTER_SAVE); /* the last, a choice */
	uform_free(f);

	f = uform_new(partner_specs, 2, partner_check, NULL);
	ck_assert_int_eq(uform_enter(f), UF_ENTER_NEXT);
	uform_set(f, 0, "Acme");
	ck_assert(uform_move(f, 1));
	ck_assert_int_eq(uform_enter(f), UF_ENTER_SAVE); /* nothing chosen: save says why */
	uform_free(f);
}
END_TEST

/* Health was never set and the user, on it, types a note straight away:
 * the letters, the blanks and the final Enter change nothing and open
 * nothing; once the keyboard rests, Space and Enter open the list. */
START_TEST(typing_into_a_choice_never_picks_one)
{
	static const char *const healths[] = { "green", "amber", "red", NULL };
	static const struct ufield_spec specs[] = {
		{ "health", "Health", UF_CHOICE, healths, false, 10 },
		{ "note", "Note", UF_TEXT, NULL, false, 0 },
	};
	struct uform *f = uform_new(specs, 2, NULL, NULL);
	const char *typed = "fast typed note";

	ck_assert(!uform_move(f, 1)); /* Tab: refused, and says why */
	ck_assert_str_eq(uform_error(f, 0), "choose one from the list");
	for (const char *p = typed; *p != '\0'; p++)
		ck_assert_int_eq(uform_choice_key(f, *p), UF_KEY_REFUSED);
	ck_assert_int_eq(uform_choice_key(f, UK_ENTER), UF_KEY_REFUSED);
	ck_assert_int_eq(uform_choice_key(f, 0xe9), UF_KEY_REFUSED); /* é */
	ck_assert_str_eq(uform_value(f, 0), "");
	ck_assert(!uform_dirty(f));
	ck_assert_uint_eq(uform_current(f), 0);
	ck_assert_str_eq(uform_error(f, 0), "pick from the list: Space or Enter");

	/* Keys that are not typing are the caller's, typing ahead or not. */
	ck_assert_int_eq(uform_choice_key(f, UK_TAB), UF_KEY_NOT_MINE);
	ck_assert_int_eq(uform_choice_key(f, UK_ESC), UF_KEY_NOT_MINE);
	ck_assert_int_eq(uform_choice_key(f, UK_BACKSPACE), UF_KEY_NOT_MINE);
	ck_assert_int_eq(uform_choice_key(f, UK_CTRL('s')), UF_KEY_NOT_MINE);

	uform_key_pause(f);
	ck_assert_int_eq(uform_choice_key(f, ' '), UF_KEY_LIST);
	ck_assert_int_eq(uform_choice_key(f, UK_ENTER), UF_KEY_NOT_MINE); /* uform_enter's */
	ck_assert_int_eq(uform_enter(f), UF_ENTER_LIST);

	/* Picking takes the reason away at once. */
	uform_choose(f, 0, 1);
	ck_assert_ptr_null(uform_error(f, 0));
	ck_assert(uform_move(f, 1));
	ck_assert_int_eq(uform_choice_key(f, 'x'), UF_KEY_NOT_MINE); /* a text field */
	uform_free(f);
}
END_TEST

START_TEST(left_and_right_change_a_choice_and_end_typing_ahead)
{
	struct calls c;
	struct uform *f = contract_form(&c);

	ck_assert(uform_go(f, 4)); /* status: active */
	ck_assert_int_eq(uform_choice_key(f, 'd'), UF_KEY_REFUSED);
	ck_assert_str_eq(uform_value(f, 4), "active"); /* no first-letter jump to draft */
	ck_assert_int_eq(uform_choice_key(f, ' '), UF_KEY_REFUSED);
	ck_assert_int_eq(uform_choice_key(f, UK_RIGHT), UF_KEY_CHANGED);
	ck_assert_str_eq(uform_value(f, 4), "expired");
	ck_assert_ptr_null(uform_error(f, 4)); /* checked again: accepted */
	ck_assert_int_eq(uform_choice_key(f, ' '), UF_KEY_LIST);
	ck_assert_int_eq(uform_choice_key(f, UK_LEFT), UF_KEY_CHANGED);
	ck_assert_str_eq(uform_value(f, 4), "active");

	/* On the last field Enter saves, so the reason names Space only. */
	ck_assert(uform_go(f, 5));
	ck_assert_int_eq(uform_choice_key(f, 'q'), UF_KEY_REFUSED);
	ck_assert_str_eq(uform_error(f, 5), "pick from the list: Space");
	ck_assert_int_eq(uform_choice_key(f, UK_ENTER), UF_KEY_REFUSED); /* no save */
	ck_assert_ptr_null(uform_error(f, 4));
	/* Leaving the field ends typing ahead: back on it, Space works. */
	ck_assert(uform_move(f, -1));
	ck_assert(uform_move(f, 1));
	ck_assert_int_eq(uform_choice_key(f, ' '), UF_KEY_LIST);
	uform_free(f);
}
END_TEST

START_TEST(helpers_give_values_and_refuse_empty_when_required)
{
	struct ally_err err;
	ally_date d = 0;
	ally_money m = 1;
	long n = 1;

	ck_assert_int_eq(uform_check_date("start_date", "2028-02-29", true, &d, &err), ALLY_OK);
	ck_assert_int_eq(d, D("2028-02-29"));
	ck_assert_int_eq(uform_check_date("start_date", "", false, &d, &err), ALLY_OK);
	ck_assert_int_eq(d, DATE_NONE);
	ck_assert_user_err(uform_check_date("start_date", "", true, &d, &err), err,
			   "start_date: must not be empty");
	ck_assert_int_eq(uform_check_money("fee", "12.50", true, false, &m, &err), ALLY_OK);
	ck_assert_int_eq(m, 1250);
	ck_assert_user_err(uform_check_money("fee", "-1", true, false, &m, &err), err,
			   "fee: '-1' must not be negative");
	ck_assert_int_eq(uform_check_number("fit", "85", true, 0, 100, &n, &err), ALLY_OK);
	ck_assert_int_eq(n, 85);
	ck_assert_user_err(uform_check_number("fit", "", true, 0, 100, &n, &err), err,
			   "fit: must not be empty");
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "uform_move", a_bad_date_keeps_the_form_on_it_with_the_reason },
		{ "uform_move", amounts_and_numbers_are_checked_with_the_core_words },
		{ "uform_move", moving_wraps_at_both_ends },
		{ "uform_move", the_core_setter_decides_and_its_words_are_shown },
		{ "uform_check", a_choice_must_come_from_the_list },
		{ "uform_check_all", check_all_stops_on_the_first_refused_and_marks_each },
		{ "uform_dirty", dirty_means_a_value_differs_from_its_prefill },
		{ "uform_draft_text", a_draft_lists_every_field_and_marks_the_changed },
		{ "uform_err_gone", a_row_deleted_meanwhile_is_said_in_words },
		{ "uform_choice", choices_convert_between_names_and_indexes },
		{ "uform_cycle", cycling_passes_through_none_only_when_optional },
		{ "uform_set_error", a_save_error_goes_beside_the_field_it_names },
		{ "uform_find", find_and_spec },
		{ "uform_enter", enter_saves_on_the_last_field_whatever_its_kind },
		{ "uform_choice_key", typing_into_a_choice_never_picks_one },
		{ "uform_choice_key", left_and_right_change_a_choice_and_end_typing_ahead },
		{ "uform_check_date", helpers_give_values_and_refuse_empty_when_required },
	};

	return run_suite(suite_from("ui-form", cases, sizeof cases / sizeof cases[0]));
}
