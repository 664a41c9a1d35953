/* ui-line.h: a one-line text editor with no terminal: the text typed so
 * far and the cursor, driven by the keys of include/ally/ui.h.  Searches
 * ('/') and prompts on the status line edit through it; Check tests drive
 * it directly.
 *
 * The text is UTF-8 and the cursor a byte offset that always sits on a
 * code point boundary (an invalid byte from ui_line_set counts as one
 * code point of its own). */
#ifndef ALLY_UI_LINE_H
#define ALLY_UI_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ui_line {
	char *text;  /* NUL-terminated; never NULL after ui_line_init */
	size_t len;  /* bytes before the NUL */
	size_t cap;  /* bytes allocated */
	size_t cur;  /* cursor: a byte offset in 0..len on a boundary */
};

/* An empty line with the cursor at 0; ui_line_finish frees the text. */
void ui_line_init(struct ui_line *l);
void ui_line_finish(struct ui_line *l);

/* Replace the text with s (NULL is "") and put the cursor at its end. */
void ui_line_set(struct ui_line *l, const char *s);
/* The text; valid until the next change. */
const char *ui_line_text(const struct ui_line *l);

/* Edit by one key: a printable code point (not a control character, not
 * an enum ui_key) is inserted at the cursor; UK_BACKSPACE and Ctrl-H
 * delete the code point before the cursor, UK_DELETE and Ctrl-D the one
 * under it; UK_LEFT/UK_RIGHT (and Ctrl-B/Ctrl-F) move by one; UK_HOME and
 * Ctrl-A go to the start, UK_END and Ctrl-E to the end; Ctrl-U kills the
 * text before the cursor, Ctrl-K the text after it, Ctrl-W the word
 * (blanks, then non-blanks) before it.  Returns true when key is one of
 * these (even when nothing changes, at an end), false for every other key
 * (Enter, Esc, Tab, Up, ...), which the caller handles. */
bool ui_line_key(struct ui_line *l, int key);

/* Display columns before the cursor, as the text shows once sanitised
 * (text_visible: a control or invisible character takes its marker's
 * width), so the screen can place the terminal's cursor. */
size_t ui_line_cursor_col(const struct ui_line *l);

/* What a box of cols columns shows of the line: the text sanitised (as
 * text_visible), scrolled so that the cursor stays inside the box with a
 * cell to spare at its right end (for the cursor after the last
 * character), and cut to cols columns, never through a wide character.
 * *cursor_col is the cursor's column in it.  The caller frees. */
char *ui_line_view(const struct ui_line *l, size_t cols, size_t *cursor_col);

/* Write code point cp (below U+110000, not a surrogate) as UTF-8 into
 * out, NUL-terminated; returns its length in bytes (1-4).  For keys
 * compared with text (a menu's first letters). */
size_t ui_utf8_encode(uint32_t cp, char out[5]);

#endif
