/* csv-read.h: reading a whole CSV file into records, with libcsv.
 * Private to src/cli (import). */
#ifndef ALLY_CLI_CSV_READ_H
#define ALLY_CLI_CSV_READ_H

#include <stddef.h>

struct ally_err;

/* One record: its fields as NUL-terminated strings and the physical line
 * (1-based) where it starts, so errors can point into the file. */
struct csv_record {
	char **fields; /* owned */
	size_t n;
	long line;
};

struct csv_doc {
	struct csv_record *rows; /* owned; rows[0] is the header when n > 0 */
	size_t n;
	size_t cap;
};

/* Read all of path ("-" is standard input) and parse it per RFC 4180:
 * quoted fields with embedded commas, quotes and newlines; CRLF, LF or CR
 * line ends; a UTF-8 byte order mark is skipped; blank lines are ignored.
 * Nothing is trimmed, and a CRLF inside a quoted field becomes LF (text
 * fields keep newlines, never carriage returns).  On failure fills err
 * with "PATH: reason" or "PATH:LINE: malformed CSV: reason" (ALLY_EUSER)
 * and returns it; the caller finishes doc either way. */
int csv_doc_read(const char *path, struct csv_doc *doc, struct ally_err *err);

/* Parse text already in memory; name is used in messages. */
int csv_doc_parse(const char *name, const char *text, size_t len, struct csv_doc *doc,
		  struct ally_err *err);

void csv_doc_init(struct csv_doc *doc);
void csv_doc_finish(struct csv_doc *doc);

#endif
