/* form-model.c: the state of a form (include/ally/ui-form.h). */
#include "ally/ui-form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/parse.h"
#include "ally/text.h"
#include "ally/ui.h"
#include "ally/util.h"

/* No field: uform's typed_on when nobody is typing ahead. */
#define NO_FIELD ((size_t)-1)

struct uform {
	const struct ufield_spec *specs; /* the caller's, n of them */
	size_t n;
	ufield_check_fn check;           /* may be NULL: accept all */
	void *ctx;                       /* for check */
	char **value;                    /* what is typed now; never NULL */
	char **initial;                  /* the prefill; never NULL */
	char **error;                    /* the reason under each, or NULL */
	char *form_error;                /* not about one field, or NULL */
	size_t cur;                      /* the current field */
	size_t typed_on;                 /* the choice typed into, or NO_FIELD */
};

struct uform *uform_new(const struct ufield_spec *specs, size_t n, ufield_check_fn check,
			void *ctx)
{
	struct uform *f = xcalloc(1, sizeof *f);

	f->specs = specs;
	f->n = n;
	f->check = check;
	f->ctx = ctx;
	f->value = xcalloc(n > 0 ? n : 1, sizeof *f->value);
	f->initial = xcalloc(n > 0 ? n : 1, sizeof *f->initial);
	f->error = xcalloc(n > 0 ? n : 1, sizeof *f->error);
	f->typed_on = NO_FIELD;
	for (size_t i = 0; i < n; i++) {
		f->value[i] = xstrdup("");
		f->initial[i] = xstrdup("");
	}
	return f;
}

void uform_free(struct uform *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->value[i]);
		free(f->initial[i]);
		free(f->error[i]);
	}
	free(f->value);
	free(f->initial);
	free(f->error);
	free(f->form_error);
	free(f);
}

size_t uform_count(const struct uform *f)
{
	return f->n;
}

const struct ufield_spec *uform_spec(const struct uform *f, size_t i)
{
	return i < f->n ? &f->specs[i] : NULL;
}

int uform_find(const struct uform *f, const char *name)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->specs[i].name, name) == 0)
			return (int)i;
	return -1;
}

void uform_prefill(struct uform *f, size_t i, const char *value)
{
	if (i >= f->n)
		return;
	str_set(&f->initial[i], value != NULL ? value : "");
	str_set(&f->value[i], value != NULL ? value : "");
}

const char *uform_value(const struct uform *f, size_t i)
{
	return i < f->n ? f->value[i] : "";
}

void uform_set(struct uform *f, size_t i, const char *value)
{
	if (i < f->n)
		str_set(&f->value[i], value != NULL ? value : "");
}

size_t uform_current(const struct uform *f)
{
	return f->cur;
}

/* The reason under field i: the text alone, since it shows under the
 * field it is about. */
static void field_error(struct uform *f, size_t i, const char *msg)
{
	str_set(&f->error[i], msg != NULL && msg[0] != '\0' ? msg : "is not valid");
}

/* What to show under field i for err: the reason alone when err names
 * that field (its field, not its wording, says so), else all of it. */
static const char *reason_for(const struct uform *f, size_t i, const struct ally_err *err)
{
	return strcmp(err->field, f->specs[i].name) == 0 ? ally_err_text(err) : err->msg;
}

/* The model's own rule for choices: the value is one of the list (the
 * form library never lets one be typed, but uform_set could). */
static bool choice_ok(struct uform *f, size_t i)
{
	const struct ufield_spec *sp = &f->specs[i];

	if (f->value[i][0] == '\0') {
		if (sp->optional)
			return true;
		field_error(f, i, "choose one from the list");
		return false;
	}
	if (uform_choice(f, i) >= 0)
		return true;
	field_error(f, i, "is not one of the choices");
	return false;
}

bool uform_check(struct uform *f, size_t i)
{
	struct ally_err err;

	if (i >= f->n)
		return false;
	str_set(&f->error[i], NULL);
	if (f->specs[i].kind == UF_CHOICE && !choice_ok(f, i))
		return false;
	if (f->check == NULL)
		return true;
	ally_err_clear(&err);
	if (f->check(f->ctx, f->specs[i].name, f->value[i], &err) == ALLY_OK)
		return true;
	field_error(f, i, reason_for(f, i, &err));
	return false;
}

bool uform_check_all(struct uform *f)
{
	bool ok = true;

	for (size_t i = 0; i < f->n; i++) {
		if (!uform_check(f, i) && ok) {
			f->cur = i;
			ok = false;
		}
	}
	return ok;
}

bool uform_move(struct uform *f, int delta)
{
	size_t step;

	if (f->n == 0)
		return true;
	if (!uform_check(f, f->cur))
		return false;
	step = (size_t)(delta < 0 ? -(long)delta : delta) % f->n;
	if (delta < 0)
		f->cur = (f->cur + f->n - step) % f->n;
	else
		f->cur = (f->cur + step) % f->n;
	f->typed_on = NO_FIELD;
	return true;
}

bool uform_go(struct uform *f, size_t i)
{
	if (i >= f->n)
		return false;
	if (i == f->cur)
		return true;
	if (!uform_check(f, f->cur))
		return false;
	f->cur = i;
	f->typed_on = NO_FIELD;
	return true;
}

const char *uform_error(const struct uform *f, size_t i)
{
	return i < f->n ? f->error[i] : NULL;
}

void uform_set_error(struct uform *f, const char *field, const char *msg)
{
	int i = uform_find(f, field);

	if (i < 0) {
		str_set(&f->form_error, msg != NULL && msg[0] != '\0' ? msg : "could not save");
		return;
	}
	field_error(f, (size_t)i, msg);
	f->cur = (size_t)i;
}

void uform_set_err(struct uform *f, const struct ally_err *err)
{
	if (err->field[0] != '\0' && uform_find(f, err->field) >= 0)
		uform_set_error(f, err->field, ally_err_text(err));
	else
		uform_set_error(f, NULL, err->msg);
}

const char *uform_form_error(const struct uform *f)
{
	return f->form_error;
}

void uform_clear_errors(struct uform *f)
{
	for (size_t i = 0; i < f->n; i++)
		str_set(&f->error[i], NULL);
	str_set(&f->form_error, NULL);
}

bool uform_changed(const struct uform *f, size_t i)
{
	return i < f->n && strcmp(f->value[i], f->initial[i]) != 0;
}

bool uform_dirty(const struct uform *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->value[i], f->initial[i]) != 0)
			return true;
	return false;
}

/* s as text_visible shows it, onto b. */
static void put_visible(struct buf *b, const char *s)
{
	char *vis = text_visible(s, 0);

	buf_puts(b, vis);
	free(vis);
}

char *uform_draft_text(const struct uform *f, const char *title)
{
	struct buf b;

	buf_init(&b);
	put_visible(&b, title != NULL ? title : "");
	buf_puts(&b, "\nNot saved; * marks the fields you changed.\n\n");
	for (size_t i = 0; i < f->n; i++) {
		buf_puts(&b, strcmp(f->value[i], f->initial[i]) != 0 ? "* " : "  ");
		put_visible(&b, f->specs[i].label);
		buf_putc(&b, ':');
		if (f->value[i][0] != '\0') {
			buf_putc(&b, ' ');
			put_visible(&b, f->value[i]);
		}
		buf_putc(&b, '\n');
	}
	return buf_take(&b);
}

bool uform_err_gone(struct ally_err *err)
{
	char what[sizeof err->field];

	if (err->reason != AR_NOT_FOUND)
		return false;
	snprintf(what, sizeof what, "%s", err->field);
	ally_err_set(err, err->status, what, "deleted by another session; nothing saved");
	ally_err_because(err, AR_NOT_FOUND);
	return true;
}

int uform_choice_count(const struct uform *f, size_t i)
{
	int n = 0;

	if (i >= f->n || f->specs[i].choices == NULL)
		return 0;
	while (f->specs[i].choices[n] != NULL)
		n++;
	return n;
}

int uform_choice(const struct uform *f, size_t i)
{
	int n = uform_choice_count(f, i);

	for (int c = 0; c < n; c++)
		if (strcmp(f->specs[i].choices[c], f->value[i]) == 0)
			return c;
	return -1;
}

void uform_choose(struct uform *f, size_t i, int index)
{
	if (i >= f->n)
		return;
	if (index >= 0 && index < uform_choice_count(f, i))
		uform_set(f, i, f->specs[i].choices[index]);
	else if (index == -1)
		uform_set(f, i, "");
	else
		return;
	if (f->error[i] != NULL)
		uform_check(f, i);
}

void uform_cycle(struct uform *f, size_t i, int delta)
{
	int n = uform_choice_count(f, i);
	int lo = i < f->n && f->specs[i].optional ? -1 : 0;
	int span = n - lo, c;

	if (n == 0)
		return;
	/* Positions 0..span-1 stand for lo..n-1; an unknown value counts
	 * as "none" (or, when none is no choice, as before the first). */
	c = uform_choice(f, i);
	if (c < 0 && lo == 0)
		c = delta > 0 ? -1 : 0;
	c = ((c - lo + delta) % span + span) % span + lo;
	uform_choose(f, i, c);
}

enum uform_enter uform_enter(const struct uform *f)
{
	if (f->n == 0 || f->cur + 1 == f->n)
		return UF_ENTER_SAVE;
	if (f->specs[f->cur].kind == UF_CHOICE)
		return UF_ENTER_LIST;
	return UF_ENTER_NEXT;
}

/* A character as typed text: not a control character, not an enum
 * ui_key. */
static bool printable(int key)
{
	return key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) && key < UK_NONE;
}

enum uform_choice_key uform_choice_key(struct uform *f, int key)
{
	size_t i = f->cur;
	bool ahead = f->typed_on == i;

	if (i >= f->n || f->specs[i].kind != UF_CHOICE)
		return UF_KEY_NOT_MINE;
	if (key == UK_LEFT || key == UK_RIGHT) {
		f->typed_on = NO_FIELD;
		uform_cycle(f, i, key == UK_LEFT ? -1 : 1);
		return UF_KEY_CHANGED;
	}
	if (!ahead && key == ' ')
		return UF_KEY_LIST;
	if (!(printable(key) || (ahead && key == UK_ENTER)))
		return UF_KEY_NOT_MINE;
	f->typed_on = i;
	field_error(f, i,
		    uform_enter(f) == UF_ENTER_SAVE ? "pick from the list: Space"
						    : "pick from the list: Space or Enter");
	return UF_KEY_REFUSED;
}

void uform_key_pause(struct uform *f)
{
	f->typed_on = NO_FIELD;
}

static int check_empty(const char *name, const char *value, bool required, bool *empty,
		       struct ally_err *err)
{
	*empty = value == NULL || value[0] == '\0';
	if (*empty && required)
		return ally_err_set(err, ALLY_EUSER, name, "must not be empty");
	return ALLY_OK;
}

int uform_check_date(const char *name, const char *value, bool required, ally_date *out,
		     struct ally_err *err)
{
	ally_date d;
	bool empty;
	int rc = check_empty(name, value, required, &empty, err);

	if (rc != ALLY_OK || empty) {
		if (rc == ALLY_OK && out != NULL)
			*out = DATE_NONE;
		return rc;
	}
	rc = date_parse_field(value, name, &d, err);
	if (rc == ALLY_OK && out != NULL)
		*out = d;
	return rc;
}

int uform_check_money(const char *name, const char *value, bool required, bool allow_negative,
		      ally_money *out, struct ally_err *err)
{
	ally_money m;
	bool empty;
	int rc = check_empty(name, value, required, &empty, err);

	if (rc != ALLY_OK || empty) {
		if (rc == ALLY_OK && out != NULL)
			*out = 0;
		return rc;
	}
	rc = money_parse_field(value, name, allow_negative, &m, err);
	if (rc == ALLY_OK && out != NULL)
		*out = m;
	return rc;
}

int uform_check_number(const char *name, const char *value, bool required, long min, long max,
		       long *out, struct ally_err *err)
{
	long v;
	bool empty;
	int rc = check_empty(name, value, required, &empty, err);

	if (rc != ALLY_OK || empty) {
		if (rc == ALLY_OK && out != NULL)
			*out = 0;
		return rc;
	}
	rc = parse_long_field(value, name, min, max, &v, err);
	if (rc == ALLY_OK && out != NULL)
		*out = v;
	return rc;
}
