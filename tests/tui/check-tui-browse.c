/* check-tui-browse.c: moving around the interface as a user reads it:
 * a portfolio longer than the screen, sorting, search, the filter, the
 * detail, the views, the help, resizing and an empty database. */
#include "tui-test.h"

#include <stdio.h>
#include <string.h>

#include "ally/util.h"

/* Partner 01 .. Partner 60 (channel partners): three screens at 80x24. */
static void sixty_partners(void)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "name,type\n");
	for (int i = 1; i <= 60; i++)
		buf_printf(&b, "Partner %02d,channel\n", i);
	tui_import_partners(b.data);
	buf_finish(&b);
}

static struct vt *open_sixty(int rows, int cols)
{
	sixty_partners();
	V = tui_open_at(rows, cols, NULL, "Partner 01");
	return V;
}

/* Enter opens the selected partner: the list (its header, and another
 * partner's name, other) leaves the screen and the partner's name shows. */
static void open_detail(struct vt *vt, const char *name, const char *other)
{
	KEY(vt, K_ENTER);
	GONE(vt, "sort: name");
	GONE(vt, other);
	SEE(vt, name);
}

/* Rows of a, b and c (all on screen) are in this order, within T_WAIT. */
static void wait_order(struct vt *vt, const char *a, const char *b, const char *c)
{
	for (int waited = 0; waited < T_WAIT; waited += 50) {
		int ra = vt_find_row(vt, a), rb = vt_find_row(vt, b), rc = vt_find_row(vt, c);

		if (ra >= 0 && ra < rb && rb < rc && vt_settle(vt, VT_QUIET_MS, 2000)) {
			ra = vt_find_row(vt, a);
			rb = vt_find_row(vt, b);
			rc = vt_find_row(vt, c);
			if (ra >= 0 && ra < rb && rb < rc)
				return;
		}
		vt_pump(vt, 50);
	}
	ck_abort_msg("want the order %s, %s, %s; the screen:\n%s", a, b, c, vt_screen(vt));
}

START_TEST(first_screen_names_the_view_and_the_count)
{
	open_sixty(24, 80);
	SEE(V, "1 Portfolio");
	SEE(V, "60 partners");
	/* The status line names the database file. */
	SEE(V, "t.db");
	/* Only the first screenful: the last partner is further down. */
	ABSENT(V, "Partner 60");
	SCREEN_ASSERT(V, vt_altscreen(V));
	tui_quit(V);
}
END_TEST

START_TEST(g_and_G_jump_to_the_ends)
{
	open_sixty(24, 80);
	KEY(V, "G");
	SEE(V, "Partner 60");
	GONE(V, "Partner 01");
	/* The count stays on screen wherever the list is scrolled. */
	SEE(V, "60 partners");
	KEY(V, "g");
	SEE(V, "Partner 01");
	GONE(V, "Partner 60");
	tui_quit(V);
}
END_TEST

START_TEST(pages_down_and_up)
{
	open_sixty(24, 80);
	KEY(V, K_PGDN);
	GONE(V, "Partner 01");
	ABSENT(V, "Partner 60");
	KEY(V, K_PGDN);
	KEY(V, K_PGDN);
	KEY(V, K_PGDN);
	SEE(V, "Partner 60");
	KEY(V, K_PGUP);
	GONE(V, "Partner 60");
	KEY(V, K_PGUP);
	KEY(V, K_PGUP);
	KEY(V, K_PGUP);
	SEE(V, "Partner 01");
	/* Ctrl-F and Ctrl-B page as PgDn and PgUp do. */
	KEY(V, K_CTRL_F);
	GONE(V, "Partner 01");
	KEY(V, K_CTRL_F K_CTRL_F K_CTRL_F);
	SEE(V, "Partner 60");
	KEY(V, K_CTRL_B K_CTRL_B K_CTRL_B K_CTRL_B);
	SEE(V, "Partner 01");
	GONE(V, "Partner 60");
	tui_quit(V);
}
END_TEST

START_TEST(j_k_and_arrows_move_the_selection_that_enter_opens)
{
	open_sixty(24, 80);
	/* 30 rows down: past the first screen, which scrolls to follow. */
	for (int i = 0; i < 30; i++)
		KEY(V, "j");
	SEE(V, "Partner 31");
	GONE(V, "Partner 01");
	open_detail(V, "Partner 31", "Partner 30");
	KEY(V, "q");
	SEE(V, "Partner 30");
	SEE(V, "[1 Portfolio]");
	/* Still running: q left the detail, not the program. */
	SCREEN_ASSERT(V, vt_wait_exit(V, 0) == -1);
	KEY(V, "kk");
	open_detail(V, "Partner 29", "Partner 30");
	KEY(V, K_ESC);
	SEE(V, "Partner 30");
	KEY(V, K_DOWN K_DOWN K_DOWN);
	SEE(V, "Partner 32");
	open_detail(V, "Partner 32", "Partner 31");
	KEY(V, K_ESC);
	SEE(V, "Partner 31");
	KEY(V, K_UP);
	open_detail(V, "Partner 31", "Partner 30");
	tui_quit(V);
}
END_TEST

START_TEST(S_reverses_the_order)
{
	open_sixty(24, 80);
	KEY(V, "S");
	SEE(V, "sort: name ↓");
	/* The selected partner stays selected (now the last row)... */
	SEE(V, "Partner 01");
	ABSENT(V, "Partner 60");
	/* ...and the top of the list is the other end. */
	KEY(V, "g");
	SEE(V, "Partner 60");
	GONE(V, "Partner 01");
	open_detail(V, "Partner 60", "Partner 59");
	KEY(V, "q");
	SEE(V, "Partner 59");
	KEY(V, "S");
	SEE(V, "sort: name ↑");
	KEY(V, "g");
	SEE(V, "Partner 01");
	GONE(V, "Partner 60");
	tui_quit(V);
}
END_TEST

START_TEST(s_cycles_the_sort_to_score)
{
	add_partner("Alpha Works", "technology");
	add_partner("Bravo Systems", "channel");
	add_partner("Charlie Labs", "referral");
	free(tui_cli("score", "Alpha Works", "--fit", "10", "--reach", "10", "--capabilities",
		     "10", "--financial", "10", "--track-record", "10", NULL));
	free(tui_cli("score", "Bravo Systems", "--fit", "90", "--reach", "90",
		     "--capabilities", "90", "--financial", "90", "--track-record", "90", NULL));
	free(tui_cli("score", "Charlie Labs", "--fit", "50", "--reach", "50", "--capabilities",
		     "50", "--financial", "50", "--track-record", "50", NULL));
	V = tui_open_at(24, 80, NULL, "Charlie Labs");
	wait_order(V, "Alpha Works", "Bravo Systems", "Charlie Labs");
	/* name -> score: the highest first. */
	KEY(V, "s");
	SEE(V, "score");
	wait_order(V, "Bravo Systems", "Charlie Labs", "Alpha Works");
	KEY(V, "S");
	wait_order(V, "Alpha Works", "Charlie Labs", "Bravo Systems");
	tui_quit(V);
}
END_TEST

START_TEST(search_selects_the_match_and_n_N_step_through)
{
	open_sixty(24, 80);
	/* "Partner 5" matches 50-59 (not 05), below the first screen. */
	tui_search(V, "Partner 5");
	SEE(V, "Partner 50");
	GONE(V, "Partner 01");
	open_detail(V, "Partner 50", "Partner 49");
	KEY(V, "q");
	SEE(V, "Partner 49");
	KEY(V, "n");
	KEY(V, "n");
	open_detail(V, "Partner 52", "Partner 51");
	KEY(V, "q");
	SEE(V, "Partner 51");
	KEY(V, "N");
	open_detail(V, "Partner 51", "Partner 50");
	KEY(V, "q");
	SEE(V, "Partner 50");
	/* n past the last match (59) wraps around to the first, and says so. */
	for (int i = 0; i < 9; i++)
		KEY(V, "n");
	SEE(V, "continued at the top");
	open_detail(V, "Partner 50", "Partner 49");
	tui_quit(V);
}
END_TEST

START_TEST(search_is_incremental)
{
	open_sixty(24, 80);
	/* Each typed character moves the selection; Enter keeps it. */
	KEY(V, "/");
	KEY(V, "Partner 4");
	SEE(V, "Partner 40");
	GONE(V, "Partner 01");
	KEY(V, "7");
	KEY(V, K_ENTER);
	open_detail(V, "Partner 47", "Partner 48");
	tui_quit(V);
}
END_TEST

START_TEST(search_without_a_match_says_so_and_esc_goes_back)
{
	open_sixty(24, 80);
	KEY(V, "G");
	SEE(V, "Partner 60");
	KEY(V, "/");
	KEY(V, "Nobody");
	SEE(V, "no match");
	/* Esc closes the prompt and goes back to where the search began. */
	KEY(V, K_ESC);
	GONE(V, "no match");
	open_detail(V, "Partner 60", "Partner 59");
	tui_quit(V);
}
END_TEST

START_TEST(filter_by_type_and_clear_with_esc)
{
	const char *env[] = { "NO_COLOR=1", NULL };

	add_partner("Alpha Works", "technology");
	add_partner("Bravo Systems", "channel");
	add_partner("Charlie Labs", "channel");
	add_partner("Delta Refer", "referral");
	V = tui_open_at(24, 80, env, "Delta Refer");
	SEE(V, "4 partners");
	KEY(V, "f");
	tui_menu_pick(V, "Type:");
	tui_menu_pick(V, "channel");
	GONE(V, "Alpha Works");
	SEE(V, "Bravo Systems");
	SEE(V, "Charlie Labs");
	ABSENT(V, "Delta Refer");
	/* The count and the active filter stay on screen. */
	SEE(V, "2 of 4 partners");
	SEE(V, "type=channel");
	KEY(V, K_ESC);
	GONE(V, "type=channel");
	SEE(V, "Alpha Works");
	SEE(V, "Delta Refer");
	GONE(V, "of 4 partners");
	SEE(V, "4 partners");
	tui_quit(V);
}
END_TEST

/* The names `ally partner list ARGS --format json` prints, one per line
 * in a buf (the caller finishes it), and how many. */
static size_t cli_names(struct buf *names, const char *arg)
{
	char *out = tui_cli("partner", "list", "--format", "json", arg, NULL);
	json_t *list = parse_json(out), *p;
	size_t i;

	buf_init(names);
	buf_add(names, "", 0);
	json_array_foreach(list, i, p)
		buf_printf(names, "%s\n", json_str(p, "name"));
	i = json_array_size(list);
	json_decref(list);
	free(out);
	return i;
}

/* The first 12 bytes of name or fewer, whole UTF-8 characters: at most
 * 12 columns, which any name column holds. */
static char *name_start(const char *name)
{
	size_t n = strlen(name) < 12 ? strlen(name) : 12;

	while (n > 0 && (name[n] & 0xC0) == 0x80)
		n--;
	return xstrndup(name, n);
}

START_TEST(filter_flagged_only)
{
	const char *env[] = { "NO_COLOR=1", NULL };
	struct buf flagged, all;
	size_t nf, na;
	char *count, *line, *next;

	tui_demo();
	nf = cli_names(&flagged, "--flagged");
	na = cli_names(&all, NULL);
	ck_assert_msg(nf > 0 && nf < na, "the demo has %zu flagged of %zu", nf, na);
	V = tui_open_at(30, 100, env, "partners");
	KEY(V, "f");
	tui_menu_pick(V, "Flagged only");
	count = xasprintf("%zu of %zu partners", nf, na);
	SEE(V, count);
	SEE(V, "flagged");
	/* Exactly the partners the command line calls flagged (by the start
	 * of each name: a long one is cut to fit its column). */
	for (line = all.data; *line != '\0'; line = next + 1) {
		char *start;

		next = strchr(line, '\n');
		*next = '\0';
		start = name_start(line);
		if (strstr(flagged.data, line) != NULL)
			SEE(V, start);
		else
			ABSENT(V, start);
		free(start);
	}
	KEY(V, K_ESC);
	GONE(V, count);
	free(count);
	count = xasprintf("%zu partners", na);
	SEE(V, count);
	free(count);
	buf_finish(&flagged);
	buf_finish(&all);
	tui_quit(V);
}
END_TEST

START_TEST(number_keys_switch_views)
{
	tui_demo();
	V = tui_open_at(24, 80, NULL, "1 Portfolio");
	KEY(V, "2");
	SEE(V, "[2 Renewals]");
	KEY(V, "3");
	SEE(V, "[3 Dashboard]");
	KEY(V, "4");
	SEE(V, "[4 History]");
	KEY(V, "1");
	SEE(V, "[1 Portfolio]");
	SEE(V, "Brightwater");
	tui_quit(V);
}
END_TEST

START_TEST(help_lists_the_keys_of_the_view)
{
	open_sixty(24, 80);
	KEY(V, "?");
	SEE(V, "Keys of Portfolio");
	SEE(V, "search");
	SEE(V, "filter");
	SEE(V, "sort");
	/* Any key closes it, without doing what the key would. */
	KEY(V, "G");
	GONE(V, "Keys of Portfolio");
	SEE(V, "Partner 01");
	ABSENT(V, "Partner 60");
	/* q closes the help; it does not quit. */
	KEY(V, "?");
	SEE(V, "Keys of Portfolio");
	KEY(V, "q");
	GONE(V, "Keys of Portfolio");
	SEE(V, "Partner 01");
	SCREEN_ASSERT(V, vt_wait_exit(V, 0) == -1);
	/* Each view has its own keys. */
	KEY(V, "2");
	SEE(V, "[2 Renewals]");
	KEY(V, "?");
	SEE(V, "Keys of Renewals");
	SEE(V, "renew");
	KEY(V, K_ESC);
	GONE(V, "Keys of Renewals");
	tui_quit(V);
}
END_TEST

START_TEST(resize_follows_the_terminal)
{
	open_sixty(30, 100);
	SEE(V, "Partner 20");
	vt_resize(V, 24, 80);
	SEE(V, "Partner 01");
	SEE(V, "1 Portfolio");
	/* 24 rows cannot hold 25 partners and the top and status lines. */
	GONE(V, "Partner 25");
	vt_resize(V, 20, 60);
	SEE(V, "too small");
	GONE(V, "Partner 01");
	vt_resize(V, 24, 80);
	SEE(V, "Partner 01");
	GONE(V, "too small");
	SEE(V, "60 partners");
	vt_resize(V, 50, 132);
	SEE(V, "Partner 40");
	SEE(V, "60 partners");
	tui_quit(V);
}
END_TEST

START_TEST(resize_keeps_the_selection_in_view)
{
	open_sixty(40, 100);
	KEY(V, "G");
	SEE(V, "Partner 60");
	vt_resize(V, 24, 80);
	SEE(V, "Partner 60");
	GONE(V, "Partner 30");
	open_detail(V, "Partner 60", "Partner 59");
	tui_quit(V);
}
END_TEST

START_TEST(too_small_at_start_then_enlarged)
{
	sixty_partners();
	V = tui_open_at(20, 60, NULL, "too small");
	vt_resize(V, 24, 80);
	SEE(V, "Partner 01");
	GONE(V, "too small");
	tui_quit(V);
}
END_TEST

START_TEST(empty_database_offers_the_demo)
{
	char *out;

	V = tui_open_at(24, 80, NULL, "1 Portfolio");
	/* How to add a first partner, and D for the sample portfolio. */
	SEE(V, "first partner");
	SEE(V, "sample");
	KEY(V, "D");
	SEE(V, "Load the sample portfolio");
	KEY(V, "y");
	GONE(V, "Load the sample portfolio");
	SEE(V, "Brightwater");
	SEE(V, "15 partners");
	out = tui_cli("partner", "list", NULL);
	ck_assert_msg(strstr(out, "Brightwater Analytics") != NULL, "the CLI lists: %s", out);
	free(out);
	tui_quit(V);
}
END_TEST

START_TEST(ctrl_l_repaints_a_spoilt_screen)
{
	open_sixty(24, 80);
	SEE(V, "60 partners");
	vt_settle(V, 100, 2000);
	/* Something else wrote over the screen: cleared, cursor home. */
	vt_inject(V, "\x1b[2J\x1b[Hgarbage");
	SCREEN_ASSERT(V, !vt_has(V, "Partner 01"));
	KEY(V, K_CTRL_L);
	SEE(V, "Partner 01");
	SEE(V, "60 partners");
	SEE(V, "1 Portfolio");
	GONE(V, "garbage");
	tui_quit(V);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui-browse");
	TCase *tc = tui_tcase("browse");

	tcase_add_test(tc, first_screen_names_the_view_and_the_count);
	tcase_add_test(tc, g_and_G_jump_to_the_ends);
	tcase_add_test(tc, pages_down_and_up);
	tcase_add_test(tc, j_k_and_arrows_move_the_selection_that_enter_opens);
	tcase_add_test(tc, S_reverses_the_order);
	tcase_add_test(tc, s_cycles_the_sort_to_score);
	tcase_add_test(tc, search_selects_the_match_and_n_N_step_through);
	tcase_add_test(tc, search_is_incremental);
	tcase_add_test(tc, search_without_a_match_says_so_and_esc_goes_back);
	tcase_add_test(tc, filter_by_type_and_clear_with_esc);
	tcase_add_test(tc, filter_flagged_only);
	tcase_add_test(tc, number_keys_switch_views);
	tcase_add_test(tc, help_lists_the_keys_of_the_view);
	tcase_add_test(tc, resize_follows_the_terminal);
	tcase_add_test(tc, resize_keeps_the_selection_in_view);
	tcase_add_test(tc, too_small_at_start_then_enlarged);
	tcase_add_test(tc, empty_database_offers_the_demo);
	tcase_add_test(tc, ctrl_l_repaints_a_spoilt_screen);
	suite_add_tcase(s, tc);
	return tui_run_suite(s);
}
