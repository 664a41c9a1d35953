/* ui.h: what the interface's view states share, with no terminal: keys,
 * what a key handler asks for next, and a scrolling list cursor.
 *
 * View states (cursor, scroll, sort, filter, search, forms, menus) are
 * plain structs driven by these keys, so Check tests run them without a
 * terminal; the files that draw (src/tui/view-*.c) only read them. */
#ifndef ALLY_UI_H
#define ALLY_UI_H

#include <stdbool.h>
#include <stddef.h>

/* Keys as the states see them: a Unicode code point for a character
 * (control characters as themselves: Ctrl-B is 2, Ctrl-L 12), or one of
 * these for the keys that have no character.  The terminal layer maps
 * ncurses' KEY_* codes and the usual byte variants (DEL and ^H for
 * Backspace, CR and LF for Enter) onto them. */
enum ui_key {
	UK_NONE = 0x110000,
	UK_UP,
	UK_DOWN,
	UK_LEFT,
	UK_RIGHT,
	UK_PGUP,
	UK_PGDN,
	UK_HOME,
	UK_END,
	UK_ENTER,
	UK_ESC,
	UK_TAB,
	UK_BTAB,      /* Shift-Tab */
	UK_BACKSPACE,
	UK_DELETE,
	UK_F2,
	UK_RESIZE,
};
#define UK_CTRL(c) ((c) & 0x1f) /* UK_CTRL('b') is Ctrl-B */

/* What a key handler asks the main loop for. */
enum ui_result {
	UI_UNHANDLED, /* not this view's key: the global keys get it */
	UI_HANDLED,   /* done; redraw */
	UI_BACK,      /* leave this screen (detail -> the view under it) */
	UI_QUIT,      /* leave the program */
};

/* A cursor over n rows shown height at a time: cur is the selected row,
 * top the first one shown.  Invariants after every call: cur < n (or 0
 * when n is 0), top <= cur < top + height. */
struct listnav {
	size_t n;
	size_t cur;
	size_t top;
	size_t height; /* rows visible; at least 1 */
};

void listnav_init(struct listnav *l);
/* A new row count (reloaded data): cur and top clamped, cur kept. */
void listnav_set_count(struct listnav *l, size_t n);
/* A new visible height (resize): top moved so cur stays visible. */
void listnav_set_height(struct listnav *l, size_t height);
/* Select row i (clamped) and scroll it into view. */
void listnav_go(struct listnav *l, size_t i);
/* The movement keys of less and vim: arrows and j/k, PgUp/PgDn and
 * Ctrl-B/Ctrl-F, Ctrl-U/Ctrl-D (half a page), Home/End and g/G.  Returns
 * true when key is one of them (even at an end, where nothing moves). */
bool listnav_key(struct listnav *l, int key);

/* Does hay contain needle, ignoring letter case in any script (text_fold
 * on both)?  An empty needle matches everything. */
bool ui_match(const char *hay, const char *needle);

/* Word wrap, one line at a time: the length in bytes of the first line of
 * s (valid UTF-8) in width columns (text_width), broken at the last blank
 * that lets it fit, without the blanks around the break; a word wider
 * than width is cut between characters (at least one character goes on
 * each line).  *next is where the following line starts, at s's NUL when
 * this line was the last. */
size_t ui_wrap(const char *s, size_t width, const char **next);

#endif
