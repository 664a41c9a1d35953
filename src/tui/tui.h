/* tui.h: what the screens of the interface share.  Private to src/tui.
 *
 * The main loop (tui.c) owns the terminal: it reads keys, watches the
 * database for other sessions' changes, handles resizes and signals, and
 * repaints.  Each view is a table of functions (struct view) over its own
 * state; states never draw, and draw functions never change data.  Modal
 * screens (forms, menus, confirmations, the editor) run their own key loop
 * and return when done, cancelled, or when the program must stop. */
#ifndef ALLY_TUI_PRIVATE_H
#define ALLY_TUI_PRIVATE_H

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/err.h"
#include "ally/ui.h"

struct store;
struct tui;

/* The minimum terminal the screens are laid out for. */
#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24

/* Colour pairs (only used when t->color). */
enum tui_pair {
	PAIR_GREEN = 1,
	PAIR_AMBER,
	PAIR_RED,
	PAIR_TITLE,
	PAIR_DIM,
	PAIR_COUNT
};

/* One line of the help screen: the keys and what they do, and how the
 * status line names the key when it is one of the view's main keys. */
struct keyhelp {
	const char *keys;   /* "j k Up Down" */
	const char *what;   /* "move the selection" */
	const char *status; /* "/ search" on the status line; NULL: not there */
};

/* A screen.  new/free make and drop its state (which holds the store and
 * reads it itself); load reads the window it shows (called when it is
 * opened, when the database changed, and after the session's own
 * changes); draw paints the body (rows x cols at the window's origin,
 * between the top and status lines) from the state alone; key handles
 * one key (enum ui_key or a character) and may run modal screens.  A new
 * top view is one file pair and one row in views[] in tui.c: its digit
 * key, its tab on the top line, its line in the help and its status-line
 * keys (the help entries with a status text) all come from that row. */
struct view {
	const char *name;           /* on the top line: "Portfolio" */
	const struct keyhelp *help; /* every key, for '?'; ended by { NULL, NULL } */
	void *(*new)(struct tui *t);
	void (*free)(void *st);
	int (*load)(struct tui *t, void *st, struct ally_err *err);
	void (*draw)(struct tui *t, void *st, WINDOW *w, int rows, int cols);
	enum ui_result (*key)(struct tui *t, void *st, int key);
	/* What the top line names instead of name (the partner shown), or
	 * NULL; may be NULL.  Database text: drawn sanitised. */
	const char *(*title)(void *st);
};

extern const struct view view_portfolio;
extern const struct view view_renewals;
extern const struct view view_dashboard;
extern const struct view view_history;
extern const struct view view_partner;

/* The session: one per tui_run. */
/* Which form: kind "partner" (id 0: a new one), "status" (id: the
 * partner), "contract" (id 0: a new one for partner); NULL kind: one that
 * cannot be opened again from a draft. */
struct tui_form_id {
	const char *kind;
	int64_t id;
	int64_t partner;
};

struct tui_draft;

struct tui {
	struct store *store;
	const char *db_path;
	const char *user;
	ally_date today;
	bool color;  /* the terminal has colours and NO_COLOR is unset */
	bool utf8;   /* the locale's codeset is UTF-8: box and bar glyphs, "…" */
	int rows, cols;
	/* The top views (digits 1.. in the order of views[]), their states,
	 * and the screen opened over them (the detail). */
	const struct view *const *views;
	int nviews;
	int cur;
	void **state;
	const struct view *over;
	void *over_state;
	/* Bumped by every change this session commits and whenever another
	 * session's commit is seen; a view whose loaded generation is older
	 * is loaded again before it is drawn. */
	uint64_t generation;
	uint64_t *loaded;  /* per top view, then the screen over them */
	int64_t data_version;
	/* The status line's message; cleared by the next key. */
	char msg[512];
	bool msg_error;
	bool quit;  /* leave after this key */
	bool help;  /* the help screen is up */
	size_t help_top; /* first help line shown (the help scrolls) */
	int cursor_y, cursor_x; /* where a view's input wants the cursor; -1: hidden */
	WINDOW *body; /* rows 1..rows-2 of stdscr: where views draw */
	/* The modal windows over the view, bottom first (a menu over a
	 * form): tui_paint copies each over the view again in this order. */
	WINDOW **modal;
	size_t nmodal;
	volatile sig_atomic_t *stop; /* set by SIGHUP/SIGTERM: every loop must return */
	char *draft_path; /* where a form left open at the stop kept what was typed
			   * (form.c), or NULL; tui_run reports and frees it */
	/* The form about to open (set by its act_ function just before
	 * tui_form, cleared by it): what a draft of it names, so that a later
	 * session can open the same form again. */
	struct tui_form_id form;
	/* A draft being opened again (draft.c): tui_form types its values
	 * into the form it names, once. */
	struct tui_draft *restore;
};

/* ---- tui.c ---- */

/* Open the detail of a partner over the current view (view-partner.c
 * makes its state). */
void tui_open_partner(struct tui *t, int64_t partner_id);
/* Open screen v with state st over the current view; the main loop frees
 * it when its key handler returns UI_BACK. */
void tui_push(struct tui *t, const struct view *v, void *st);
/* Record that this session committed a change: every view loads again. */
void tui_changed(struct tui *t);
/* Must every loop return now (SIGHUP, SIGTERM)? */
bool tui_stopping(const struct tui *t);
/* Read one key for a modal loop: a character or an enum ui_key, or
 * UK_NONE after timeout_ms with nothing typed (or when stopping).  Resizes
 * come back as UK_RESIZE after t->rows/cols are updated. */
int tui_getkey(struct tui *t, int timeout_ms);
/* Repaint the whole screen (the current view, top and status lines) from
 * the states, then the modal windows over it, bottom first. */
void tui_paint(struct tui *t);
/* A modal window goes on top of the others over the view (push) and
 * comes off before it is deleted (pop; w need not be the top one). */
void tui_modal_push(struct tui *t, WINDOW *w);
void tui_modal_pop(struct tui *t, WINDOW *w);

/* ---- status.c: the top line, the status line, messages, help ---- */

/* The status line's keys of v: its help entries' status texts, then
 * "? help" ("/ search  s sort  ...  ? help").  The caller frees. */
char *tui_view_keys(const struct view *v);

void tui_msg(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error in words on the status line (err->msg, sanitised). */
void tui_error(struct tui *t, const struct ally_err *err);
void tui_draw_top(struct tui *t, const char *title);
void tui_draw_status(struct tui *t, const char *hint);
void tui_draw_help(struct tui *t, const struct view *v);
void tui_draw_too_small(struct tui *t);

/* ---- draw.c: text that is safe and lines up ---- */

/* Draw s at (y, x) in exactly width columns: sanitised (text_visible:
 * control characters and escapes become visible markers), cut with an
 * ellipsis when too wide, padded with spaces.  s may be NULL (blank). */
void tui_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* The same, right-aligned in width columns (numbers). */
void tui_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* printf into a cell, then as tui_text. */
void tui_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* A bar of value/max of width columns (value <= 0: empty). */
void tui_bar(struct tui *t, WINDOW *w, int y, int x, int width, long value, long max, attr_t attr);
/* Attributes: colour pairs when t->color, else bold/standout/plain so
 * nothing relies on colour alone. */
attr_t tui_attr_health(const struct tui *t, int health); /* enum health or -1 */
attr_t tui_attr_band(const struct tui *t, int band);     /* enum band */
attr_t tui_attr_pair(const struct tui *t, enum tui_pair p);
/* Show the terminal cursor at (y, x) of w after this paint (a prompt
 * being typed); by default it is hidden. */
void tui_show_cursor(struct tui *t, WINDOW *w, int y, int x);
/* A horizontal rule across w at row y. */
void tui_rule(struct tui *t, WINDOW *w, int y, int x, int width);

/* ---- menu.c: choices, confirmations, one-line prompts ---- */

/* A menu (the ncurses menu library, in a modal window) of n items titled
 * title, with item preselect selected.  Returns the chosen index, or -1 when
 * cancelled (Esc, q) or stopping. */
int tui_menu(struct tui *t, const char *title, const char *const *items, int n, int preselect);
/* Ask a yes/no question (the text may hold several lines separated by
 * '\n').  'y' answers yes; 'n', Esc and q no.  Default no. */
bool tui_confirm(struct tui *t, const char *question);
/* A one-line input on the status line, prefilled with initial.  Returns
 * true and *out (the caller frees) on Enter; false on Esc or stopping. */
bool tui_prompt(struct tui *t, const char *label, const char *initial, char **out);
/* For the modal screens: a box around w with title (sanitised) on its top
 * border. */
void tui_frame(struct tui *t, WINDOW *w, const char *title);

/* ---- editor.c: long text in $VISUAL / $EDITOR ---- */

/* Edit text in $VISUAL, else $EDITOR, else vi, run without a shell (the
 * variable is split on blanks), on a private temporary file (0600; the
 * text with a final newline, which goes again when initial had none); the
 * screen is restored afterwards.  Returns ALLY_OK with *out the edited
 * text and *path the file that still holds it (the caller frees both, and
 * once the text is saved removes the file with tui_edit_remove; a save
 * that fails leaves it for the user, and says where).  Otherwise fills err
 * (the editor failed or exited non-zero): a file that holds an edited text
 * is then kept, and err names it. */
int tui_edit_text(struct tui *t, const char *initial, char **out, char **path,
		  struct ally_err *err);
/* Delete the file tui_edit_text left, and free path (NULL: nothing). */
void tui_edit_remove(char *path);

/* ---- form.c: forms of the ncurses form library over struct uform ---- */

struct uform;
/* Save callback: build the record from the form's values and write it
 * through the core and store.  On failure fill err; when err names a
 * field, the message shows beside it and the form stays open. */
typedef int (*uform_save_fn)(void *ctx, struct uform *f, struct ally_err *err);

/* ---- draft.c: a form's typing kept when the program must stop ---- */

/* Write form f (titled title) as uform_draft_text gives it to a new
 * private file (0600, folder 0700) in $XDG_STATE_HOME/ally or
 * ~/.local/state/ally, on the disk before this returns.  Returns its path
 * (the caller frees), or NULL when it could not be written whole (then
 * none is left). */
char *tui_keep_draft(struct tui *t, const char *title, const struct uform *f);
/* At the start, before anything else: for each draft kept by an earlier
 * session of this user and database (newest first), say when and which
 * form, and offer to open that form again with the kept values (the file
 * goes once it is saved), to keep the file for later, or to delete it. */
void tui_offer_drafts(struct tui *t);
/* In tui_form: type the values of the draft being opened again into f,
 * when f is the form it names (t->form). */
void tui_draft_apply(struct tui *t, struct uform *f);

/* Run form f titled title until saved (returns true) or cancelled (false:
 * Esc, asking first when anything changed; or stopping). */
bool tui_form(struct tui *t, const char *title, struct uform *f, uform_save_fn save, void *ctx);

/* ---- act-partner.c: changes to a partner, from any screen ---- */

/* Each runs its form or menu, writes through the store in one
 * transaction, reports on the status line and calls tui_changed; returns
 * true when something was saved. */
bool tui_act_status(struct tui *t, int64_t partner_id);   /* h: health and note */
bool tui_act_advance(struct tui *t, int64_t partner_id);  /* >: phase menu, then a note */
bool tui_act_partner_form(struct tui *t, int64_t partner_id); /* a (0: a new one) and e */
bool tui_act_partner_text(struct tui *t, int64_t partner_id, const char *field); /* E */
bool tui_act_demo(struct tui *t);                         /* D on an empty database */
/* A form's save refused for a field another session changed since the
 * form opened (store_partner_merge and friends): the form's own error
 * says that saving again writes the user's value over theirs. */
void tui_form_conflict(struct uform *f, const struct ally_err *err);
/* a: the form for a new partner; its id once added (so the caller can
 * select it), 0 when cancelled or refused. */
int64_t tui_act_partner_add(struct tui *t);

/* ---- act-contract.c: contracts ---- */

bool tui_act_renew(struct tui *t, int64_t contract_id);   /* R: confirm, renew */
bool tui_act_contract_form(struct tui *t, int64_t partner_id, int64_t contract_id); /* 0: add */

#endif
