/* err.c: filling struct ally_err. */
#include "ally/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ally_err_set(struct ally_err *err, enum ally_status status, const char *field,
		 const char *fmt, ...)
{
	va_list ap;
	size_t off = 0;

	if (err == NULL)
		return status;
	err->status = status;
	err->msg[0] = '\0';
	if (field != NULL && *field != '\0') {
		snprintf(err->msg, sizeof err->msg, "%s: ", field);
		off = strlen(err->msg);
	}
	va_start(ap, fmt);
	vsnprintf(err->msg + off, sizeof err->msg - off, fmt, ap);
	va_end(ap);
	return status;
}

void ally_err_clear(struct ally_err *err)
{
	if (err == NULL)
		return;
	err->status = ALLY_OK;
	err->msg[0] = '\0';
}
