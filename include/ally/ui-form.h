/* ui-form.h: the state of a form, with no terminal: its fields, what was
 * typed, which field is current, the error beside each field, and whether
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
 * refused.  ctx is the form's. */
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
/* Check field i now (as leaving it does): true when accepted, else its
 * error is set. */
bool uform_check(struct uform *f, size_t i);
/* Check every field; false and the current field on the first refused. */
bool uform_check_all(struct uform *f);

/* The reason field i was refused, or NULL. */
const char *uform_error(const struct uform *f, size_t i);
/* Put an error beside the field it names (a save refused by the store:
 * "name: a partner named 'X' already exists").  With no such field, or
 * field NULL, it becomes the form's own error.  The current field moves
 * to the field at fault. */
void uform_set_error(struct uform *f, const char *field, const char *msg);
const char *uform_form_error(const struct uform *f);
void uform_clear_errors(struct uform *f);

/* Has any value changed from its prefill? */
bool uform_dirty(const struct uform *f);

/* UF_CHOICE: the index of the value in choices (with optional, -1 for
 * ""), and choosing one (index -1: none). */
int uform_choice(const struct uform *f, size_t i);
void uform_choose(struct uform *f, size_t i, int index);

#endif
