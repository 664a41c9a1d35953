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

/* Why, as data: what a caller acts on (a form puts a reason under its
 * field, treats a row gone as gone), so that rewording a message never
 * changes what a program does with it. */
enum ally_reason {
	AR_NONE,          /* no error */
	AR_INVALID,       /* a value that is not allowed (the default for ALLY_EUSER) */
	AR_USAGE,         /* called wrongly (the default for ALLY_EUSAGE) */
	AR_DATABASE,      /* another database failure (the default for ALLY_EDB) */
	AR_NOT_FOUND,     /* no such row */
	AR_DUPLICATE,     /* the name or id is taken */
	AR_STALE,         /* the row changed since it was read (its version moved) */
	AR_CONFLICT,      /* a field changed by someone else to another value (a merge) */
	AR_REFUSED,       /* a rule says no (a phase move, a delete with contracts) */
	AR_LOCKED,        /* waited past the timeout for a lock */
	AR_CORRUPT,       /* a damaged page, or the database marked damaged */
	AR_READONLY_FILE, /* the database file cannot be written */
	AR_READONLY_DIR,  /* its folder cannot be written (journal, new files) */
	AR_GONE,          /* the file was deleted or replaced while open */
	AR_DISK_FULL,
	AR_NO_MEMORY,
	AR_NO_PORTFOLIO,  /* no database at the path */
	AR_UNSAFE,        /* a file or folder others could rewrite */
	AR_OUTPUT,        /* standard output cannot be written */
};

/* One error: a status, why, the field at fault, and one line of text
 * that names the field and the reason, e.g. "end_date: 2026-02-30 is not
 * a real date".  No prefix, no newline: the CLI adds "ally: ", the TUI
 * shows it as is.  msg + text_at is the reason without "field: ". */
struct ally_err {
	enum ally_status status;
	enum ally_reason reason;
	char field[64];     /* "" when no single field is at fault */
	unsigned text_at;
	char msg[512];
};

/* Record an error and return its status, so a caller can write
 *     return ally_err_set(err, ALLY_EUSER, "name", "must not be empty");
 * field may be NULL when no single field is at fault.  err may be NULL.
 * The reason is the status's default (AR_INVALID, AR_USAGE, AR_DATABASE)
 * until ally_err_because says otherwise. */
int ally_err_set(struct ally_err *err, enum ally_status status, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Say why (after ally_err_set); returns the status, so that
 *     return ally_err_because(err, AR_NOT_FOUND);
 * ends a failing function. */
int ally_err_because(struct ally_err *err, enum ally_reason reason);
/* The same error about another field (an option the user typed, a
 * column of a file): the reason stays, the text names the new field. */
int ally_err_rename(struct ally_err *err, const char *field);
/* The reason's text, without "field: ". */
const char *ally_err_text(const struct ally_err *err);

/* Reset to ALLY_OK with an empty message. */
void ally_err_clear(struct ally_err *err);

#endif
