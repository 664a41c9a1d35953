/* err.h: how every layer reports a failure the user must read. */
#ifndef ALLY_ERR_H
#define ALLY_ERR_H

/* These values are also the process exit status of the command line. */
enum ally_status {
	ALLY_OK = 0,
	ALLY_EUSER = 1,  /* bad value, not found, duplicate, refused move */
	ALLY_EUSAGE = 2, /* the command was called wrongly */
	ALLY_EDB = 3,    /* locked, corrupt, newer schema, read-only, full */
};

/* One error: a status and one line of text that names the field and the
 * reason, e.g. "end_date: 2026-02-30 is not a real date".  No prefix, no
 * newline: the CLI adds "ally: ", the TUI shows it as is. */
struct ally_err {
	enum ally_status status;
	char msg[512];
};

/* Record an error and return its status, so a caller can write
 *     return ally_err_set(err, ALLY_EUSER, "name", "must not be empty");
 * field may be NULL when no single field is at fault.  err may be NULL. */
int ally_err_set(struct ally_err *err, enum ally_status status, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reset to ALLY_OK with an empty message. */
void ally_err_clear(struct ally_err *err);

#endif
