/* err.c: filling struct ally_err. */
#include "ally/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static enum ally_reason default_reason(enum ally_status status)
{
	switch (status) {
	case ALLY_OK: return AR_NONE;
	case ALLY_EUSER: return AR_INVALID;
	case ALLY_EUSAGE: return AR_USAGE;
	default: return AR_DATABASE;
	}
}

/* "field: " then text into err (text may point into err->msg). */
static void compose(struct ally_err *err, const char *field, const char *text)
{
	char copy[sizeof err->msg];
	size_t off = 0;

	snprintf(copy, sizeof copy, "%s", text);
	err->field[0] = '\0';
	err->msg[0] = '\0';
	if (field != NULL && *field != '\0') {
		snprintf(err->field, sizeof err->field, "%s", field);
		snprintf(err->msg, sizeof err->msg, "%s: ", field);
		off = strlen(err->msg);
	}
	snprintf(err->msg + off, sizeof err->msg - off, "%s", copy);
	err->text_at = (unsigned)off;
}

int ally_err_set(struct ally_err *err, enum ally_status status, const char *field,
		 const char *fmt, ...)
{
	char text[sizeof err->msg];
	va_list ap;

	if (err == NULL)
		return status;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	err->status = status;
	err->reason = default_reason(status);
	compose(err, field, text);
	return status;
}

int ally_err_because(struct ally_err *err, enum ally_reason reason)
{
	if (err == NULL)
		return ALLY_EUSER;
	err->reason = reason;
	return err->status;
}

int ally_err_rename(struct ally_err *err, const char *field)
{
	if (err == NULL)
		return ALLY_EUSER;
	compose(err, field, ally_err_text(err));
	return err->status;
}

const char *ally_err_text(const struct ally_err *err)
{
	return err->text_at < sizeof err->msg ? err->msg + err->text_at : err->msg;
}

void ally_err_clear(struct ally_err *err)
{
	if (err == NULL)
		return;
	err->status = ALLY_OK;
	err->reason = AR_NONE;
	err->field[0] = '\0';
	err->text_at = 0;
	err->msg[0] = '\0';
}
