/* check-tui-edit.c: changing the portfolio from the interface: a status
 * through h, a phase through >, a partner's fields through e and a new one
 * through a (with values refused as the command line refuses them), a
 * renewal in the Renewals view, and the detail's sections.  Each change is
 * checked on the screen and then through the command line, which reads the
 * same database. */
#include "tui-test.h"

#include <string.h>

#include "ally/util.h"

/* Colours off: the selected item of a menu is in reverse video. */
static const char *const plain[] = { "NO_COLOR=1", NULL };


/* The CLI's value of a partner's field equals want (NULL: null). */
#define FIELD_IS(partner, field, want)                                                     \
	do {                                                                               \
		char *v_ = tui_partner_field((partner), (field));                          \
		const char *w_ = (want);                                                   \
		ck_assert_msg(w_ == NULL ? v_ == NULL : v_ != NULL && strcmp(v_, w_) == 0, \
			      "%s of %s is %s, want %s", (field), (partner),               \
			      v_ ? v_ : "null", w_ ? w_ : "null");                         \
		free(v_);                                                                  \
	} while (0)

/* In an open form, choose value for the current field, a choice: Enter
 * opens the list of its values and the value is picked from it (the form
 * then goes on to the next field, as Enter does). */
static void form_choose(struct vt *vt, const char *value)
{
	KEY(vt, K_ENTER);
	tui_menu_pick(vt, value);
}

/* A count from the database, for "nothing was written". */
static int64_t count_of(const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	int64_t n = tui_sql_int(sql);

	free(sql);
	return n;
}

/* ---- h: status ---- */

static struct vt *open_northwind(void)
{
	add_partner("Northwind Labs", "technology");
	add_partner("Orchard Lane", "channel");
	free(tui_cli("status", "Northwind Labs", "--health", "green", "--note", "on track",
		     NULL));
	V = tui_open_at(24, 80, NULL, "Orchard Lane");
	ROW_HAS(V, "Northwind Labs", " G ");
	/* Northwind is first by name: selected. */
	return V;
}

START_TEST(h_records_a_status_saved_with_ctrl_s)
{
	open_northwind();
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	form_choose(V, "red");
	KEY(V, K_CTRL_U);
	KEY(V, "integration slipping");
	SEE(V, "integration slipping");
	KEY(V, K_CTRL_S);
	GONE(V, "Status of Northwind Labs");
	ROW_HAS(V, "Northwind Labs", " R ");
	FIELD_IS("Northwind Labs", "health", "red");
	FIELD_IS("Northwind Labs", "status_note", "integration slipping");
	FIELD_IS("Northwind Labs", "status_author", "tester");
	FIELD_IS("Northwind Labs", "status_date", TUI_TODAY);
	/* The other partner is untouched. */
	FIELD_IS("Orchard Lane", "health", NULL);
	tui_quit(V);
}
END_TEST

START_TEST(h_saves_with_f2_and_with_enter_on_the_last_field)
{
	open_northwind();
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	form_choose(V, "amber");
	KEY(V, K_F2);
	GONE(V, "Status of Northwind Labs");
	ROW_HAS(V, "Northwind Labs", " A ");
	FIELD_IS("Northwind Labs", "health", "amber");
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	form_choose(V, "green");
	KEY(V, K_CTRL_U);
	KEY(V, "back on track");
	KEY(V, K_ENTER);
	GONE(V, "Status of Northwind Labs");
	ROW_HAS(V, "Northwind Labs", " G ");
	FIELD_IS("Northwind Labs", "status_note", "back on track");
	ck_assert_int_eq(count_of("status_updates"), 3);
	tui_quit(V);
}
END_TEST

START_TEST(esc_on_a_changed_form_asks_before_discarding)
{
	int64_t updates;

	open_northwind();
	updates = count_of("status_updates");
	/* Nothing changed: Esc closes at once. */
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	KEY(V, K_ESC);
	GONE(V, "Status of Northwind Labs");
	ABSENT(V, "Discard");
	/* Changed: Esc asks; n keeps the form with what was typed. */
	KEY(V, "h");
	SEE(V, "Status of Northwind Labs");
	KEY(V, K_TAB);
	KEY(V, " and more");
	SEE(V, "and more");
	KEY(V, K_ESC);
	SEE(V, "Discard your changes?");
	KEY(V, "n");
	GONE(V, "Discard your changes?");
	SEE(V, "Status of Northwind Labs");
	SEE(V, "and more");
	/* y discards: nothing is written. */
	KEY(V, K_ESC);
	SEE(V, "Discard your changes?");
	KEY(V, "y");
	GONE(V, "Status of Northwind Labs");
	ck_assert_int_eq(count_of("status_updates"), updates);
	FIELD_IS("Northwind Labs", "status_note", "on track");
	ROW_HAS(V, "Northwind Labs", " G ");
	tui_quit(V);
}
END_TEST

/* ---- >: phase ---- */

START_TEST(advance_moves_to_the_preselected_next_phase_with_a_note)
{
	char *note;

	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, plain, "Northwind Labs");
	ROW_HAS(V, "Northwind Labs", " prosp ");
	KEY(V, ">");
	SEE(V, "Move from prospect to");
	/* The default next phase is preselected: marked '*' and selected. */
	SEE(V, "> * proposal");
	KEY(V, K_ENTER);
	SEE(V, "Note (Enter alone skips)");
	KEY(V, "kickoff held");
	KEY(V, K_ENTER);
	ROW_HAS(V, "Northwind Labs", " propo ");
	FIELD_IS("Northwind Labs", "phase", "proposal");
	note = tui_sql_text("SELECT note FROM phase_moves ORDER BY id DESC LIMIT 1");
	ck_assert_str_eq(note, "kickoff held");
	free(note);
	/* Again, the note skipped with Enter alone. */
	KEY(V, ">");
	SEE(V, "Move from proposal to");
	KEY(V, K_ENTER);
	SEE(V, "Note (Enter alone skips)");
	KEY(V, K_ENTER);
	ROW_HAS(V, "Northwind Labs", " negot ");
	FIELD_IS("Northwind Labs", "phase", "negotiation");
	ck_assert_ptr_null(tui_sql_text("SELECT note FROM phase_moves ORDER BY id DESC LIMIT 1"));
	tui_quit(V);
}
END_TEST

START_TEST(advance_to_another_allowed_phase_or_cancel)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, plain, "Northwind Labs");
	/* Esc in the menu: nothing moves. */
	KEY(V, ">");
	SEE(V, "Move from prospect to");
	KEY(V, K_ESC);
	GONE(V, "Move from prospect to");
	/* Esc at the note: nothing moves either. */
	KEY(V, ">");
	SEE(V, "Move from prospect to");
	KEY(V, K_ENTER);
	SEE(V, "Note (Enter alone skips)");
	KEY(V, K_ESC);
	GONE(V, "Note (Enter alone skips)");
	ck_assert_int_eq(count_of("phase_moves"), 0);
	FIELD_IS("Northwind Labs", "phase", "prospect");
	/* A target other than the default: exit. */
	KEY(V, ">");
	SEE(V, "Move from prospect to");
	tui_menu_pick(V, "exit");
	SEE(V, "Note (Enter alone skips)");
	KEY(V, "not a fit");
	KEY(V, K_ENTER);
	ROW_HAS(V, "Northwind Labs", " exit ");
	FIELD_IS("Northwind Labs", "phase", "exit");
	tui_quit(V);
}
END_TEST

/* ---- e and a: the partner form ---- */

START_TEST(edit_refuses_an_empty_name_then_saves_a_good_one)
{
	int64_t audit;

	add_partner("Northwind Labs", "technology");
	add_partner("Orchard Lane", "channel");
	audit = count_of("audit_log");
	V = tui_open_at(24, 80, plain, "Orchard Lane");
	KEY(V, "e");
	SEE(V, "Edit Northwind Labs");
	/* The name is the first field: emptied, then left. */
	KEY(V, K_CTRL_U);
	KEY(V, K_TAB);
	SEE(V, "must not be empty");
	/* The form stays open, on the name. */
	SEE(V, "Edit Northwind Labs");
	ck_assert_int_eq(count_of("audit_log"), audit);
	KEY(V, "Northwind Systems");
	KEY(V, K_TAB);
	GONE(V, "must not be empty");
	KEY(V, K_F2);
	GONE(V, "Edit Northwind Labs");
	SEE(V, "Northwind Systems");
	SEE(V, "2 partners");
	FIELD_IS("Northwind Systems", "type", "technology");
	free(tui_cli("partner", "show", "Northwind Systems", NULL));
	{
		struct run r;

		run_ally(&H, &r, NULL, "partner", "show", "Northwind Labs", (char *)NULL);
		ck_assert_msg(r.status != 0, "the old name is still found");
		run_finish(&r);
	}
	tui_quit(V);
}
END_TEST

START_TEST(edit_refuses_a_taken_name_on_save_keeping_what_was_typed)
{
	add_partner("Northwind Labs", "technology");
	add_partner("Orchard Lane", "channel");
	V = tui_open_at(24, 80, plain, "Orchard Lane");
	KEY(V, "e");
	SEE(V, "Edit Northwind Labs");
	KEY(V, K_CTRL_U);
	KEY(V, "ORCHARD lane");
	KEY(V, K_F2);
	/* The store refuses it (names ignore letter case); the reason shows
	 * and the form keeps the typed name. */
	SEE(V, "already exists");
	SEE(V, "Edit Northwind Labs");
	SEE(V, "ORCHARD lane");
	FIELD_IS("Northwind Labs", "name", "Northwind Labs");
	/* A good value then saves. */
	KEY(V, K_CTRL_U);
	KEY(V, "Northwind West");
	KEY(V, K_F2);
	GONE(V, "Edit Northwind Labs");
	SEE(V, "Northwind West");
	FIELD_IS("Northwind West", "type", "technology");
	tui_quit(V);
}
END_TEST

START_TEST(edit_a_later_field_and_its_type)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, plain, "Northwind Labs");
	KEY(V, "e");
	SEE(V, "Edit Northwind Labs");
	KEY(V, K_TAB);
	form_choose(V, "referral");
	/* On the owner now; Down moves as Tab does: to the website (8th). */
	for (int i = 0; i < 5; i++)
		KEY(V, K_DOWN);
	KEY(V, "https://northwind.example");
	KEY(V, K_CTRL_S);
	GONE(V, "Edit Northwind Labs");
	ROW_HAS(V, "Northwind Labs", " ref ");
	FIELD_IS("Northwind Labs", "type", "referral");
	FIELD_IS("Northwind Labs", "website", "https://northwind.example");
	tui_quit(V);
}
END_TEST

START_TEST(a_adds_a_partner)
{
	add_partner("Northwind Labs", "technology");
	V = tui_open_at(24, 80, plain, "Northwind Labs");
	KEY(V, "a");
	SEE(V, "New partner");
	/* Leaving the name empty is refused at once. */
	KEY(V, K_TAB);
	SEE(V, "must not be empty");
	KEY(V, "Zeta Works");
	KEY(V, K_TAB);
	GONE(V, "must not be empty");
	form_choose(V, "joint_venture");
	KEY(V, K_F2);
	GONE(V, "New partner");
	SEE(V, "Zeta Works");
	SEE(V, "2 partners");
	/* The new partner is selected: Enter opens it. */
	KEY(V, K_ENTER);
	GONE(V, "Northwind Labs");
	SEE(V, "Zeta Works");
	FIELD_IS("Zeta Works", "type", "joint_venture");
	FIELD_IS("Zeta Works", "phase", "prospect");
	FIELD_IS("Zeta Works", "owner", "tester");
	tui_quit(V);
}
END_TEST

START_TEST(a_cancelled_adds_nothing)
{
	V = tui_open_at(24, 80, plain, "first partner");
	KEY(V, "a");
	SEE(V, "New partner");
	KEY(V, "Half Typed");
	KEY(V, K_ESC);
	SEE(V, "Discard your changes?");
	KEY(V, "y");
	GONE(V, "New partner");
	SEE(V, "first partner");
	ck_assert_int_eq(count_of("partners"), 0);
	tui_quit(V);
}
END_TEST

/* ---- Renewals ---- */

static void renewal_portfolio(void)
{
	add_partner("Acme Corp", "channel");
	add_partner("Borealis", "technology");
	/* 39 days left: urgent.  70 days: window.  129 days: later. */
	add_contract("Acme Corp", "Resale deal", "2026-01-01", "2026-12-31", NULL);
	add_contract("Borealis", "Support deal", "2026-02-01", "2027-01-31", NULL);
	add_contract("Borealis", "Licence deal", "2026-04-01", "2027-03-31", NULL);
}

START_TEST(renew_shows_the_new_term_and_the_contract_leaves)
{
	char *out;

	renewal_portfolio();
	V = tui_open_at(24, 80, plain, "Acme Corp");
	KEY(V, "2");
	SEE(V, "Renewals within 90 days");
	SEE(V, "Resale deal");
	SEE(V, "Support deal");
	SEE(V, "Urgent");
	SEE(V, "Window");
	ABSENT(V, "Licence deal");
	SEE(V, "Renewals within 90 days · 2 contracts ·");
	/* The urgent one comes first, selected.  n: not renewed. */
	KEY(V, "R");
	SEE(V, "Renew Resale deal with Acme Corp?");
	SEE(V, "new term 2027-01-01 to 2027-12-31");
	KEY(V, "n");
	GONE(V, "Renew Resale deal");
	SEE(V, "Resale deal");
	ck_assert_int_eq(count_of("contract_terms"), 3);
	/* y renews: its new end is beyond the horizon, so it leaves. */
	KEY(V, "R");
	SEE(V, "Renew Resale deal with Acme Corp?");
	KEY(V, "y");
	SEE(V, "Renewed Resale deal to 2027-12-31");
	GONE(V, "Acme Corp");
	SEE(V, "Support deal");
	SEE(V, "Renewals within 90 days · 1 contract ·");
	out = tui_cli("contract", "list", "--partner", "Acme Corp", NULL);
	ck_assert_msg(strstr(out, "2027-12-31") != NULL, "contract list: %s", out);
	free(out);
	tui_quit(V);
}
END_TEST

START_TEST(plus_and_minus_move_the_horizon)
{
	renewal_portfolio();
	V = tui_open_at(24, 80, plain, "Acme Corp");
	KEY(V, "2");
	SEE(V, "Renewals within 90 days");
	ABSENT(V, "Licence deal");
	KEY(V, "+");
	SEE(V, "Renewals within 120 days");
	ABSENT(V, "Licence deal");
	KEY(V, "+");
	SEE(V, "Renewals within 150 days");
	SEE(V, "Licence deal");
	SEE(V, "Renewals within 150 days · 3 contracts ·");
	KEY(V, "---");
	SEE(V, "Renewals within 60 days");
	GONE(V, "Licence deal");
	GONE(V, "Support deal");
	SEE(V, "Resale deal");
	tui_quit(V);
}
END_TEST

/* ---- the detail ---- */

START_TEST(detail_sections_move_with_tab_and_shift_tab)
{
	add_partner("Acme Corp", "channel");
	add_partner("Borealis", "technology");
	add_contract("Acme Corp", "Resale deal", "2026-01-01", "2026-12-31", NULL);
	free(tui_cli("partner", "set", "Acme Corp", "notes=Met their CTO in Lisbon", NULL));
	V = tui_open_at(24, 80, plain, "Borealis");
	KEY(V, K_ENTER);
	GONE(V, "Borealis");
	SEE(V, "Acme Corp");
	SEE(V, "Overview");
	/* Shift-Tab from the first section wraps to the last: the notes. */
	KEY(V, K_BTAB);
	SEE(V, "Met their CTO in Lisbon");
	/* Tab back to the overview, then on to the contracts. */
	KEY(V, K_TAB);
	GONE(V, "Met their CTO in Lisbon");
	for (int i = 0; i < 3; i++)
		KEY(V, K_TAB);
	SEE(V, "Resale deal");
	/* Esc goes back to the list, where it was. */
	KEY(V, K_ESC);
	SEE(V, "Borealis");
	SEE(V, "[1 Portfolio]");
	tui_quit(V);
}
END_TEST

START_TEST(h_in_the_detail_updates_it)
{
	add_partner("Acme Corp", "channel");
	V = tui_open_at(24, 80, plain, "Acme Corp");
	KEY(V, K_ENTER);
	SEE(V, "Overview");
	KEY(V, "h");
	SEE(V, "Status of Acme Corp");
	form_choose(V, "amber");
	KEY(V, "waiting for legal");
	KEY(V, K_CTRL_S);
	GONE(V, "Status of Acme Corp");
	SEE(V, "waiting for legal");
	FIELD_IS("Acme Corp", "health", "amber");
	KEY(V, "q");
	SEE(V, "[1 Portfolio]");
	ROW_HAS(V, "Acme Corp", " A ");
	tui_quit(V);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui-edit");
	TCase *status = tui_tcase("status");
	TCase *phase = tui_tcase("phase");
	TCase *form = tui_tcase("partner form");
	TCase *renew = tui_tcase("renewals");
	TCase *detail = tui_tcase("detail");

	tcase_add_test(status, h_records_a_status_saved_with_ctrl_s);
	tcase_add_test(status, h_saves_with_f2_and_with_enter_on_the_last_field);
	tcase_add_test(status, esc_on_a_changed_form_asks_before_discarding);
	suite_add_tcase(s, status);
	tcase_add_test(phase, advance_moves_to_the_preselected_next_phase_with_a_note);
	tcase_add_test(phase, advance_to_another_allowed_phase_or_cancel);
	suite_add_tcase(s, phase);
	tcase_add_test(form, edit_refuses_an_empty_name_then_saves_a_good_one);
	tcase_add_test(form, edit_refuses_a_taken_name_on_save_keeping_what_was_typed);
	tcase_add_test(form, edit_a_later_field_and_its_type);
	tcase_add_test(form, a_adds_a_partner);
	tcase_add_test(form, a_cancelled_adds_nothing);
	suite_add_tcase(s, form);
	tcase_add_test(renew, renew_shows_the_new_term_and_the_contract_leaves);
	tcase_add_test(renew, plus_and_minus_move_the_horizon);
	suite_add_tcase(s, renew);
	tcase_add_test(detail, detail_sections_move_with_tab_and_shift_tab);
	tcase_add_test(detail, h_in_the_detail_updates_it);
	suite_add_tcase(s, detail);
	return tui_run_suite(s);
}
