/* ui-form.h: the state of a form, with no terminal: its fields, what was
 * typed, which field is current, the error under each field, and whether
 * anything changed.  src/tui/form.c shows it with the ncurses form
 * library; Check tests drive it directly.
 *
 * Each field is checked as it is left, by the form's check function,
 * which runs the same core routine the store and the CLI use (for
 * instance partner_set_field on a scratch record), so a form refuses
 * exactly what `ally partner set` refuses, with the same words. */
#ifndef ALLY_UI_FORM_H
#define ALLY_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ally/date.h"
#include "ally/money.h"

struct ally_err;

enum ufield_kind {
	UF_TEXT,   /* free text on one line */
	UF_DATE,   /* YYYY-MM-DD */
	UF_MONEY,  /* 1234.50 */
	UF_NUMBER, /* a whole number */
	UF_CHOICE, /* one of choices[]: picked from a list, never typed */
};

struct ufield_spec {
	const char *name;   /* the field as errors name it: "end_date" */
	const char *label;  /* shown before it: "End date" */
	enum ufield_kind kind;
	const char *const *choices; /* UF_CHOICE: NULL-terminated (an enum's names) */
	bool optional;      /* UF_CHOICE: "" (none) is a choice too */
	int width;          /* columns of the input; 0: as wide as fits */
};

/* Checks one value of field name; fills err (naming the field) when it is
 * refused, and returns its status (ALLY_OK: accepted).  ctx is the
 * form's.  The message is what the core says ("end_date: '2026-02-30' is
 * not a real date (YYYY-MM-DD)"); the form shows it under the field
 * without the leading "end_date: ". */
typedef int (*ufield_check_fn)(void *ctx, const char *name, const char *value,
			       struct ally_err *err);

struct uform;

/* A form of n fields (specs must outlive it), every value "". */
struct uform *uform_new(const struct ufield_spec *specs, size_t n, ufield_check_fn check,
			void *ctx);
void uform_free(struct uform *f); /* NULL is a no-op */

size_t uform_count(const struct uform *f);
const struct ufield_spec *uform_spec(const struct uform *f, size_t i);
/* Index of the field called name, or -1. */
int uform_find(const struct uform *f, const char *name);

/* The value a field starts with (prefill); also what "changed" compares
 * against.  NULL is "". */
void uform_prefill(struct uform *f, size_t i, const char *value);
const char *uform_value(const struct uform *f, size_t i);
/* Set what was typed in field i, without checking it. */
void uform_set(struct uform *f, size_t i, const char *value);

/* The current field, and moving to another: leaving a field checks it.
 * uform_move returns false (and stays) when the field being left is
 * refused; its error is then set.  Moving from the last field goes to the
 * first. */
size_t uform_current(const struct uform *f);
bool uform_move(struct uform *f, int delta);
bool uform_go(struct uform *f, size_t i);
/* Check field i now (as leaving it does): true when accepted (its error
 * cleared), else its error is set.  A UF_CHOICE value must be one of
 * choices[] (or "" when optional) before the check function sees it; a
 * form with no check function accepts everything else. */
bool uform_check(struct uform *f, size_t i);
/* Check every field, setting each refused one's error; false and the
 * current field on the first refused. */
bool uform_check_all(struct uform *f);

/* The reason field i was refused (without the field's name), or NULL. */
const char *uform_error(const struct uform *f, size_t i);
/* Put an error under the field it names (a save refused by the store:
 * "name: a partner named 'X' already exists").  With no such field, or
 * field NULL, it becomes the form's own error.  The current field moves
 * to the field at fault. */
void uform_set_error(struct uform *f, const char *field, const char *msg);
/* The same for an error of the core or the store: when its field is one
 * of the form's, its reason goes under it; otherwise the whole message is
 * the form's error.  The field comes from err->field, never from the
 * wording, so rewording a message cannot move it. */
void uform_set_err(struct uform *f, const struct ally_err *err);
/* The form's own error (not about one of its fields), or NULL. */
const char *uform_form_error(const struct uform *f);
void uform_clear_errors(struct uform *f);

/* Has any value changed from its prefill?  Field i's? */
bool uform_dirty(const struct uform *f);
bool uform_changed(const struct uform *f, size_t i);

/* What was typed, as plain text for a file the user reads when the form
 * could not be saved (the program stopped with it open): title, a line
 * saying so, a blank line, then "Label: value" for every field in order,
 * the changed ones marked "* " and the others indented "  ".  Title and
 * values are sanitised (text_visible: no escape can act on the terminal
 * the file is shown on, and a value keeps to its line).  Never NULL; the
 * caller frees. */
char *uform_draft_text(const struct uform *f, const char *title);

/* A save refused because its record is gone: when err is the store's
 * not-found ("partner: no partner 2", "contact: no contact 7": another
 * session deleted the row while the form was open), it becomes
 * "partner: deleted by another session; nothing saved" and true is
 * returned; any other error is left as it is (false). */
bool uform_err_gone(struct ally_err *err);

/* UF_CHOICE: the index of the value in choices (with optional, -1 for
 * ""), and choosing one (index -1: none).  Choosing or cycling checks the
 * field again when it shows a reason, so the reason goes (or changes) at
 * once rather than when the field is left. */
int uform_choice(const struct uform *f, size_t i);
void uform_choose(struct uform *f, size_t i, int index);
/* UF_CHOICE: how many choices there are (not counting "none"). */
int uform_choice_count(const struct uform *f, size_t i);
/* UF_CHOICE: the next (delta 1) or previous (-1) choice, wrapping, with
 * "none" between the last and the first when optional (Left/Right). */
void uform_cycle(struct uform *f, size_t i, int delta);

/* What Enter does on the current field.  On the last field it saves,
 * whatever the field's kind (a choice there changes with Space or
 * Left/Right, never with Enter); on another choice it opens the list; on
 * any other field it moves to the next. */
enum uform_enter {
	UF_ENTER_NEXT, /* uform_move(f, 1) */
	UF_ENTER_LIST, /* the list of the current choice */
	UF_ENTER_SAVE, /* the whole form */
};
enum uform_enter uform_enter(const struct uform *f);

/* The keys of the current field when it is a choice (a character or an
 * enum ui_key of include/ally/ui.h).  Choices are picked, never typed: a
 * character leaves the value as it is and the field's reason says how to
 * pick ("pick from the list: Space or Enter"; "pick from the list: Space"
 * on the last field, where Enter saves).  After such a character the
 * user is taken to be typing ahead, text meant for another field, so
 * until uform_key_pause (or until the field is left) Space and Enter are
 * refused as well: a note typed into the wrong field cannot open the list
 * and then pick from it by its letters and its final Enter. */
enum uform_choice_key {
	UF_KEY_NOT_MINE, /* not a choice's key (Tab, Esc, Enter, ...): the caller's */
	UF_KEY_CHANGED,  /* Left/Right: the previous or next choice (uform_cycle) */
	UF_KEY_LIST,     /* Space: open the list */
	UF_KEY_REFUSED,  /* typed: nothing changed but the reason */
};
enum uform_choice_key uform_choice_key(struct uform *f, int key);
/* The keyboard has been quiet long enough for the reason to be read:
 * Space and Enter open the list again. */
void uform_key_pause(struct uform *f);

/* Checks that check functions share for the kinds the core has no
 * setter for (a form's own date, amount or number).  Each returns ALLY_OK
 * or ALLY_EUSER with err saying "NAME: reason"; an empty value is
 * accepted unless required ("NAME: must not be empty").  out may be NULL
 * when only the check is wanted. */
int uform_check_date(const char *name, const char *value, bool required, ally_date *out,
		     struct ally_err *err);
int uform_check_money(const char *name, const char *value, bool required, bool allow_negative,
		      ally_money *out, struct ally_err *err);
int uform_check_number(const char *name, const char *value, bool required, long min, long max,
		       long *out, struct ally_err *err);

#endif
