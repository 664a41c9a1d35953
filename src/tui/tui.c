/* tui.c: the main loop.  It owns the terminal: it reads keys, hands them
 * to the current view (then to the keys every view shares), watches the
 * database for other sessions' commits, follows resizes, and leaves at
 * once on SIGHUP or SIGTERM with the terminal restored.
 *
 * Nothing here waits on the portfolio's size: a view loads from the store
 * only when it is opened, when the data changed, or after its own change;
 * keys work on what it holds. */
#include "tui.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "ally/store.h"
#include "ally/text.h"
#include "ally/tui.h"
#include "ally/util.h"

/* How often the database is asked whether another session committed
 * (PRAGMA data_version: a cheap read of the file header). */
#define WATCH_MS 500
/* The longest a key wait lasts, so that a signal is seen in time. */
#define TICK_MS 200

/* The top views, in the order of their digit keys (1, 2, ...): a new view
 * is a row here. */
static const struct view *const views[] = {
	&view_portfolio,
	&view_renewals,
	&view_dashboard,
	&view_history,
};
#define NVIEWS ((int)(sizeof views / sizeof views[0]))

/* A signal handler can only leave a flag, and only in static storage:
 * this is the one variable outside a struct, and it is only ever read
 * through t->stop. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

bool tui_stopping(const struct tui *t)
{
	return *t->stop != 0;
}

static const struct view *shown(const struct tui *t, void **st)
{
	if (t->over != NULL) {
		*st = t->over_state;
		return t->over;
	}
	*st = t->state[t->cur];
	return t->views[t->cur];
}

/* ---- the screen ---- */

static bool too_small(const struct tui *t)
{
	return t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
}

/* The body is a subwindow of stdscr (it shares its cells), so the modal
 * windows (forms, menus) go over it without a refresh order to get wrong. */
static void layout(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	if (t->body != NULL)
		delwin(t->body);
	t->body = NULL;
	if (!too_small(t))
		t->body = derwin(stdscr, t->rows - 2, t->cols, 1, 0);
}

/* Load the shown view when its data is older than the session's. */
static void freshen(struct tui *t)
{
	struct ally_err err;
	void *st;
	const struct view *v = shown(t, &st);
	int slot = t->over != NULL ? t->nviews : t->cur;

	if (t->loaded[slot] == t->generation || v->load == NULL)
		return;
	ally_err_clear(&err);
	t->loaded[slot] = t->generation;
	if (v->load(t, st, &err) != ALLY_OK)
		tui_error(t, &err);
}

void tui_paint(struct tui *t)
{
	void *st;
	const struct view *v;
	const char *title;

	t->cursor_y = t->cursor_x = -1;
	erase();
	if (too_small(t) || t->body == NULL) {
		tui_draw_too_small(t);
	} else {
		freshen(t);
		v = shown(t, &st);
		title = v->title != NULL ? v->title(st) : NULL;
		tui_draw_top(t, t->over == NULL ? NULL : title != NULL ? title : v->name);
		werase(t->body);
		if (t->help)
			tui_draw_help(t, v);
		else
			v->draw(t, st, t->body, t->rows - 2, t->cols);
		char *keys = t->help ? NULL : tui_view_keys(v);

		tui_draw_status(t, t->help ? "j k scroll the help; any other key closes it" : keys);
		free(keys);
	}
	if (t->cursor_y >= 0) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	/* The view was drawn anew under the modal windows: each is copied
	 * whole over it again, bottom first. */
	for (size_t i = 0; i < t->nmodal; i++) {
		touchwin(t->modal[i]);
		wnoutrefresh(t->modal[i]);
	}
	doupdate();
}

/* Not the panel library: its first panel allocates one for stdscr that
 * no call ever frees. */
void tui_modal_push(struct tui *t, WINDOW *w)
{
	t->modal = xrealloc(t->modal, (t->nmodal + 1) * sizeof *t->modal);
	t->modal[t->nmodal++] = w;
}

void tui_modal_pop(struct tui *t, WINDOW *w)
{
	for (size_t i = 0; i < t->nmodal; i++) {
		if (t->modal[i] == w) {
			memmove(&t->modal[i], &t->modal[i + 1],
				(t->nmodal - i - 1) * sizeof *t->modal);
			t->nmodal--;
			return;
		}
	}
}

/* ---- keys ---- */

static int map_function_key(struct tui *t, wint_t ch)
{
	switch (ch) {
	case KEY_UP: return UK_UP;
	case KEY_DOWN: return UK_DOWN;
	case KEY_LEFT: return UK_LEFT;
	case KEY_RIGHT: return UK_RIGHT;
	case KEY_PPAGE: return UK_PGUP;
	case KEY_NPAGE: return UK_PGDN;
	case KEY_HOME: case KEY_FIND: case KEY_A1: return UK_HOME;
	case KEY_END: case KEY_SELECT: case KEY_C1: return UK_END;
	case KEY_ENTER: return UK_ENTER;
	case KEY_BACKSPACE: return UK_BACKSPACE;
	case KEY_DC: return UK_DELETE;
	case KEY_BTAB: return UK_BTAB;
	case KEY_F(2): return UK_F2;
	case KEY_RESIZE:
		layout(t);
		return UK_RESIZE;
	default:
		return UK_NONE;
	}
}

/* No key: a timeout, or a terminal that is gone (the connection dropped
 * without a SIGHUP reaching us, the other end closed): its reads then
 * fail at once, and every loop would spin.  A hang-up, as SIGHUP is. */
static void hung_up(struct tui *t)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		*t->stop = SIGHUP;
}

int tui_getkey(struct tui *t, int timeout_ms)
{
	wint_t ch;
	int r;

	if (tui_stopping(t))
		return UK_NONE;
	timeout(timeout_ms);
	r = get_wch(&ch);
	if (r == ERR) {
		hung_up(t);
		return UK_NONE;
	}
	if (r == KEY_CODE_YES)
		return map_function_key(t, ch);
	switch (ch) {
	case '\r':
	case '\n':
		return UK_ENTER;
	case 27:
		return UK_ESC;
	case 127:
	case 8:
		return UK_BACKSPACE;
	case '\t':
		return UK_TAB;
	default:
		return (int)ch;
	}
}

/* ---- screens over the views ---- */

static void drop_over(struct tui *t)
{
	if (t->over != NULL)
		t->over->free(t->over_state);
	t->over = NULL;
	t->over_state = NULL;
}

void tui_push(struct tui *t, const struct view *v, void *st)
{
	drop_over(t);
	t->over = v;
	t->over_state = st;
	t->loaded[t->nviews] = 0;
}

void tui_changed(struct tui *t)
{
	t->generation++;
	/* Our own commit also moves data_version for no other connection, but
	 * a later check must not count it as someone else's. */
	t->data_version = store_data_version(t->store);
}

/* Another session committed: every view loads again when shown. */
static void watch(struct tui *t, struct timespec *last)
{
	struct timespec now;
	int64_t v;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - last->tv_sec) * 1000 + (now.tv_nsec - last->tv_nsec) / 1000000;
	if (ms < WATCH_MS)
		return;
	*last = now;
	if (store_file_gone(t->store)) {
		/* Nothing to reload: say so until ally is started again. */
		if (t->msg[0] == '\0') {
			char *path = text_visible(t->db_path, 0);

			snprintf(t->msg, sizeof t->msg,
				 "%s was deleted or replaced: this shows what it held; start ally "
				 "again to open what is there now",
				 path);
			t->msg_error = true;
			free(path);
		}
		return;
	}
	v = store_data_version(t->store);
	if (v != t->data_version) {
		t->data_version = v;
		t->generation++;
	}
}

/* While the help is up: j/k scroll it, anything else closes it. */
static void help_key(struct tui *t, int key)
{
	if (key == 'j' || key == UK_DOWN)
		t->help_top++;
	else if ((key == 'k' || key == UK_UP) && t->help_top > 0)
		t->help_top--;
	else if (key != UK_RESIZE)
		t->help = false;
}

/* A terminal without an alternate screen (vt100, linux) keeps what was
 * drawn after endwin, and the shell would write over it: clear it first. */
static void leave_screen(void)
{
	const char *smcup = tigetstr("smcup");

	if (smcup == NULL || smcup == (char *)-1) {
		erase();
		refresh();
	}
	endwin();
}

/* Ctrl-Z: raw mode keeps the terminal from sending SIGTSTP, so stop
 * ourselves as a shell expects, with the terminal given back meanwhile. */
static void suspend_session(void)
{
	def_prog_mode();
	leave_screen();
	kill(getpid(), SIGTSTP);
	reset_prog_mode();
	clearok(curscr, TRUE);
}

/* The keys every view shares, for what the view did not take. */
static void global_key(struct tui *t, int key)
{
	switch (key) {
	case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
		if (key - '1' >= t->nviews)
			break;
		drop_over(t);
		t->cur = key - '1';
		break;
	case '?':
		t->help = true;
		t->help_top = 0;
		break;
	case 'q':
	case UK_ESC:
		if (t->over != NULL)
			drop_over(t);
		else if (key == 'q')
			t->quit = true;
		break;
	case UK_CTRL('c'):
		t->quit = true;
		break;
	case UK_CTRL('l'):
		clearok(curscr, TRUE);
		break;
	case UK_CTRL('z'):
		suspend_session();
		break;
	case UK_RESIZE:
	case UK_NONE:
		break;
	default:
		if (key < 0x110000 && key >= 0x20)
			tui_msg(t, "That key does nothing here; ? lists the keys.");
		break;
	}
}

static void dispatch(struct tui *t, int key)
{
	void *st;
	const struct view *v = shown(t, &st);
	enum ui_result r;

	if (too_small(t)) {
		if (key == 'q' || key == UK_CTRL('c'))
			t->quit = true;
		return;
	}
	if (t->help) {
		help_key(t, key);
		return;
	}
	t->msg[0] = '\0';
	r = v->key(t, st, key);
	if (r == UI_BACK && t->over != NULL)
		drop_over(t);
	else if (r == UI_QUIT)
		t->quit = true;
	else if (r == UI_UNHANDLED)
		global_key(t, key);
}

/* ---- start and finish ---- */

static void colours(struct tui *t)
{
	const char *no = getenv("NO_COLOR");

	t->color = has_colors() && (no == NULL || no[0] == '\0');
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_GREEN, COLOR_GREEN, -1);
	init_pair(PAIR_AMBER, COLOR_YELLOW, -1);
	init_pair(PAIR_RED, COLOR_RED, -1);
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_DIM, COLOR_CYAN, -1);
}

static int catch_signals(struct ally_err *err)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the key wait returns at once. */
	if (sigaction(SIGHUP, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0 ||
	    sigaction(SIGINT, &sa, NULL) != 0)
		return ally_err_set(err, ALLY_EUSER, "terminal", "cannot catch signals: %s",
				    strerror(errno));
	return ALLY_OK;
}

/* TERM=dumb and its kind draw nothing usable: refuse them. */
static bool cursor_addressing(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1;
}

/* Keys that real terminals send but some terminfo entries (vt100,
 * linux, xterm inside tmux) do not name: without these, End would arrive
 * as Esc then "[4~", and Esc means "back".  Only sequences the entry
 * does not define already are added. */
static void define_common_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {
		{ "\033[Z", KEY_BTAB },   { "\033[H", KEY_HOME },   { "\033OH", KEY_HOME },
		{ "\033[1~", KEY_HOME },  { "\033[7~", KEY_HOME },  { "\033[F", KEY_END },
		{ "\033OF", KEY_END },    { "\033[4~", KEY_END },   { "\033[8~", KEY_END },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[3~", KEY_DC },
		{ "\033[2~", KEY_IC },    { "\033OQ", KEY_F(2) },   { "\033[12~", KEY_F(2) },
		{ "\033[A", KEY_UP },     { "\033[B", KEY_DOWN },   { "\033[C", KEY_RIGHT },
		{ "\033[D", KEY_LEFT },   { "\033OA", KEY_UP },     { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT },  { "\033OD", KEY_LEFT },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].key);
}

static int start_screen(struct tui *t, SCREEN **scr, struct ally_err *err)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return ally_err_set(err, ALLY_EUSAGE, NULL,
				    "the interface needs a terminal; see 'ally --help' for commands");
	/* In a UTF-8 locale, draw boxes with Unicode line characters rather
	 * than the terminal's alternate character set: terminals and
	 * multiplexers that take TERM=vt100 or linux in UTF-8 mode often show
	 * the alternate set as plain letters ("lqqk"). */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	*scr = newterm(NULL, stdout, stdin);
	if (*scr == NULL)
		return ally_err_set(err, ALLY_EUSER, "TERM", "cannot use terminal type '%s'",
				    term != NULL ? term : "");
	/* raw, not cbreak: Ctrl-S must reach the forms (save), not stop the
	 * terminal's output as XON/XOFF flow control would. */
	if (!cursor_addressing()) {
		endwin();
		delscreen(*scr);
		*scr = NULL;
		return ally_err_set(err, ALLY_EUSER, "TERM",
				    "terminal type '%s' cannot move the cursor; the interface needs one "
				    "that can (xterm-256color, vt100, ...)",
				    term != NULL ? term : "");
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_common_keys();
	set_escdelay(50);
	colours(t);
	t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	layout(t);
	return ALLY_OK;
}

static void run(struct tui *t)
{
	struct timespec last;

	clock_gettime(CLOCK_MONOTONIC, &last);
	t->data_version = store_data_version(t->store);
	while (!t->quit && !tui_stopping(t)) {
		int key;

		tui_paint(t);
		key = tui_getkey(t, TICK_MS);
		watch(t, &last);
		if (key != UK_NONE)
			dispatch(t, key);
	}
}

int tui_run(const struct tui_opts *o, struct ally_err *err)
{
	struct tui t;
	SCREEN *scr = NULL;
	int rc;

	memset(&t, 0, sizeof t);
	t.store = o->store;
	t.db_path = o->db_path;
	t.user = o->user;
	t.today = o->today;
	t.stop = &stop_signal;
	t.generation = 1;
	stop_signal = 0;
	rc = catch_signals(err);
	if (rc == ALLY_OK)
		rc = start_screen(&t, &scr, err);
	if (rc != ALLY_OK)
		return rc;
	t.views = views;
	t.nviews = NVIEWS;
	t.state = xcalloc(NVIEWS, sizeof *t.state);
	t.loaded = xcalloc(NVIEWS + 1, sizeof *t.loaded);
	for (int i = 0; i < NVIEWS; i++)
		t.state[i] = views[i]->new(&t);
	tui_offer_drafts(&t);
	run(&t);
	drop_over(&t);
	for (int i = 0; i < NVIEWS; i++)
		views[i]->free(t.state[i]);
	free(t.state);
	free(t.loaded);
	if (t.body != NULL)
		delwin(t.body);
	free(t.modal);
	leave_screen();
	delscreen(scr);
	if (stop_signal != 0) {
		const char *sig = stop_signal == SIGHUP   ? "SIGHUP"
				  : stop_signal == SIGINT ? "SIGINT"
							  : "SIGTERM";

		if (t.draft_path != NULL)
			rc = ally_err_set(err, ALLY_EUSER, NULL,
					  "stopped by %s; the open form was not saved; what you typed "
					  "is in %s",
					  sig, t.draft_path);
		else
			rc = ally_err_set(err, ALLY_EUSER, NULL,
					  "stopped by %s; nothing unsaved was written", sig);
	}
	free(t.draft_path);
	return rc;
}
