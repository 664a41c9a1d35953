/* csv-read.c: a CSV file in memory as records, parsed by libcsv.
 *
 * libcsv does the RFC 4180 work; this file adds what it lacks for import:
 * the physical line where each record starts (for FILE:LINE messages), the
 * byte order mark, and exact field text (libcsv trims spaces by default). */
#include "csv-read.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/util.h"

/* The state the libcsv callbacks fill. */
struct reader {
	struct csv_doc *doc;
	struct csv_record cur; /* the record being collected */
	size_t cur_cap;
	long line;             /* physical line of the chunk being fed */
	bool row_open;         /* a record has started and not yet ended */
	long nul_line;         /* first record with a NUL byte, or 0 */
	long width_line;       /* first record wider or narrower than the header, or 0 */
	size_t width_n;        /* its number of fields */
};

void csv_doc_init(struct csv_doc *doc)
{
	doc->rows = NULL;
	doc->n = doc->cap = 0;
}

static void record_free(struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	free(r->fields);
	r->fields = NULL;
	r->n = 0;
}

void csv_doc_finish(struct csv_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++)
		record_free(&doc->rows[i]);
	free(doc->rows);
	csv_doc_init(doc);
}

/* A copy of the field with each CRLF turned into LF: a quoted field
 * written on Windows carries CRLF line ends that are not part of the text. */
static char *field_copy(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t o = 0;

	for (size_t i = 0; i < len; i++)
		if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			out[o++] = s[i];
	out[o] = '\0';
	return out;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (len > 0 && memchr(s, '\0', len) != NULL && r->nul_line == 0)
		r->nul_line = r->cur.line;
	if (r->cur.n == r->cur_cap) {
		r->cur_cap = r->cur_cap ? r->cur_cap * 2 : 32;
		r->cur.fields = xrealloc(r->cur.fields, r->cur_cap * sizeof *r->cur.fields);
	}
	r->cur.fields[r->cur.n++] = len > 0 ? field_copy(s, len) : xstrdup("");
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	struct csv_doc *doc = r->doc;

	if (doc->n > 0 && r->cur.n != doc->rows[0].n && r->width_line == 0) {
		r->width_line = r->cur.line;
		r->width_n = r->cur.n;
	}
	if (doc->n == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 64;
		doc->rows = xrealloc(doc->rows, doc->cap * sizeof *doc->rows);
	}
	doc->rows[doc->n++] = r->cur;
	r->cur.fields = NULL;
	r->cur.n = 0;
	r->cur_cap = 0;
	r->row_open = false;
}

/* libcsv's default trims spaces and tabs around unquoted fields; import
 * must read back exactly what export wrote. */
static int no_space(unsigned char c)
{
	return 0;
}

static size_t line_length(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			return i + 1;
		if (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'))
			return i + 1;
	}
	return len;
}

static bool has_content(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return true;
	return false;
}

/* Feed one physical line at a time, so the line of each record's first
 * byte is known: a record can only end at the end of a line. */
static int feed(struct csv_parser *p, struct reader *r, const char *name, const char *text,
		size_t len, struct ally_err *err)
{
	size_t off = 0, n;

	while (off < len) {
		n = line_length(text + off, len - off);
		if (!r->row_open && has_content(text + off, n)) {
			r->row_open = true;
			r->cur.line = r->line;
		}
		if (csv_parse(p, text + off, n, on_field, on_record, r) != n)
			return ally_err_set(err, ALLY_EUSER, NULL,
					    "%s:%ld: malformed CSV: stray quote (quote the whole "
					    "field and double each quote inside it)",
					    name, r->line);
		off += n;
		r->line++;
	}
	return ALLY_OK;
}

/* The problems found while parsing, the earliest line first: each stops
 * the reading there, so whichever was recorded came before the others. */
static int record_errors(const char *name, const struct reader *r, const struct csv_doc *doc,
			 struct ally_err *err)
{
	if (r->nul_line != 0 && (r->width_line == 0 || r->nul_line <= r->width_line))
		return ally_err_set(err, ALLY_EUSER, NULL, "%s:%ld: malformed CSV: a NUL byte", name,
				    r->nul_line);
	if (r->width_line != 0)
		return ally_err_set(err, ALLY_EUSER, NULL,
				    "%s:%ld: malformed CSV: %zu fields, but the header has %zu", name,
				    r->width_line, r->width_n, doc->rows[0].n);
	return ALLY_OK;
}

int csv_doc_parse(const char *name, const char *text, size_t len, struct csv_doc *doc,
		  struct ally_err *err)
{
	struct csv_parser p;
	struct reader r = { .doc = doc, .line = 1 };
	int rc;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&p, no_space);
	csv_set_realloc_func(&p, xrealloc);
	csv_set_free_func(&p, free);
	rc = feed(&p, &r, name, text, len, err);
	if (rc == ALLY_OK && csv_fini(&p, on_field, on_record, &r) != 0)
		rc = ally_err_set(err, ALLY_EUSER, NULL,
				  "%s:%ld: malformed CSV: a quoted field is never closed", name,
				  r.cur.line);
	/* A record that was wrong before the parse failed comes first. */
	if (r.nul_line != 0 || r.width_line != 0)
		rc = record_errors(name, &r, doc, err);
	csv_free(&p);
	record_free(&r.cur);
	return rc;
}

static int slurp(FILE *f, struct buf *b)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	return ferror(f) ? -1 : 0;
}

int csv_doc_read(const char *path, struct csv_doc *doc, struct ally_err *err)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	struct buf b;
	int rc;

	if (f == NULL)
		return ally_err_set(err, ALLY_EUSER, path, "cannot open: %s", strerror(errno));
	buf_init(&b);
	buf_add(&b, "", 0);
	if (slurp(f, &b) != 0) {
		rc = ally_err_set(err, ALLY_EUSER, path, "cannot read: %s", strerror(errno));
		goto out;
	}
	rc = csv_doc_parse(path, b.data, b.len, doc, err);
out:
	if (!std)
		fclose(f);
	buf_finish(&b);
	return rc;
}
