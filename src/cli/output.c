/* output.c: rows and objects as an aligned table, JSON or CSV.
 *
 * Every command prints through here, so the rules that keep output safe
 * live in one place: database text reaches the terminal only through
 * text_visible, and a CSV cell never starts like a spreadsheet formula. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "ally/flags.h"
#include "ally/score.h"
#include "ally/text.h"
#include "ally/util.h"

#define JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))
#define TABLE_GAP "  "
#define TABLE_CELL_MAX 60 /* columns; a longer cell is cut with an ellipsis */

enum cell_mode { CELL_TABLE, CELL_CSV };

char *out_real(double v, char out[32])
{
	int n = snprintf(out, 32, "%.15g", v);

	if (n > 0 && n < 32 && strpbrk(out, ".eEn") == NULL) /* n: inf and nan */
		snprintf(out + n, 32 - (size_t)n, ".0");
	return out;
}

static int write_status(FILE *f, struct ally_err *err)
{
	if (ferror(f))
		return ally_err_set(err, ALLY_EUSER, "output", "write failed: %s", strerror(errno));
	return ALLY_OK;
}

/* The text of one value as a table or CSV shows it; the caller frees. */
static char *cell_text(json_t *v, enum cell_mode mode)
{
	char num[32];

	switch (v == NULL ? JSON_NULL : json_typeof(v)) {
	case JSON_STRING:
		return xstrdup(json_string_value(v));
	case JSON_INTEGER:
		return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	case JSON_REAL:
		return xstrdup(out_real(json_real_value(v), num));
	case JSON_TRUE:
		return xstrdup(mode == CELL_TABLE ? "yes" : "true");
	case JSON_FALSE:
		return xstrdup(mode == CELL_TABLE ? "no" : "false");
	case JSON_ARRAY: {
		struct buf b;
		size_t i;
		json_t *e;

		buf_init(&b);
		json_array_foreach(v, i, e) {
			char *t = cell_text(e, mode);

			if (i > 0)
				buf_puts(&b, mode == CELL_TABLE ? "," : ";");
			buf_puts(&b, t);
			free(t);
		}
		return buf_take(&b);
	}
	case JSON_OBJECT:
		return json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	case JSON_NULL:
	default:
		return xstrdup("");
	}
}

/* A cell as the terminal may show it: controls made visible, long text cut. */
static char *table_cell(json_t *row, const struct out_col *col)
{
	char *raw = col->show != NULL ? col->show(row)
				      : cell_text(json_object_get(row, col->key), CELL_TABLE);
	char *vis = text_visible(raw, 0);
	char *fit = text_fit(vis, TABLE_CELL_MAX, 1, 0);

	free(raw);
	free(vis);
	return fit;
}

static void pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_putc(b, ' ');
}

/* One table line; trailing blanks are dropped so lines compare cleanly. */
static void table_line(FILE *f, char **cells, const size_t *widths, const struct out_col *cols,
		       size_t ncols)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < ncols; i++) {
		size_t w = text_width(cells[i]);

		if (i > 0)
			buf_puts(&b, TABLE_GAP);
		if (cols[i].right)
			pad(&b, widths[i] - w);
		buf_puts(&b, cells[i]);
		if (!cols[i].right)
			pad(&b, widths[i] - w);
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	fprintf(f, "%s\n", b.len > 0 ? b.data : "");
	buf_finish(&b);
}

static void free_cells(char **cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

static int out_table(FILE *f, json_t *rows, const struct out_col *cols, size_t ncols,
		     struct ally_err *err)
{
	size_t nrows = json_array_size(rows), r, c;
	char **cells = xcalloc((nrows + 1) * ncols, sizeof *cells);
	size_t *widths = xcalloc(ncols, sizeof *widths);

	/* An empty list still prints its heading: the user sees the columns
	 * and that nothing matched.  Scripts use json or csv. */
	for (c = 0; c < ncols; c++)
		cells[c] = xstrdup(cols[c].heading);
	for (r = 0; r < nrows; r++)
		for (c = 0; c < ncols; c++)
			cells[(r + 1) * ncols + c] = table_cell(json_array_get(rows, r), &cols[c]);
	for (r = 0; r <= nrows; r++)
		for (c = 0; c < ncols; c++) {
			size_t w = text_width(cells[r * ncols + c]);

			if (w > widths[c])
				widths[c] = w;
		}
	for (r = 0; r <= nrows && ncols > 0; r++)
		table_line(f, cells + r * ncols, widths, cols, ncols);
	free_cells(cells, (nrows + 1) * ncols);
	free(widths);
	return write_status(f, err);
}

/* Code points jansson writes raw that can act on a terminal or reorder
 * what follows them, or hide: DEL, the C1 controls, every invisible
 * formatting character of text_is_invisible_format (bidi controls,
 * zero-width space, tags, ...), and the line and paragraph separators
 * (which also end a line in JavaScript). */
static bool json_hidden(uint32_t cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	       text_is_invisible_format(cp);
}

/* cp as JSON writes it: \uXXXX, or for a code point past U+FFFF (the tags
 * U+E0000-U+E007F) its UTF-16 surrogate pair, "\uDB40\uDC01". */
static void json_escape_cp(struct buf *b, uint32_t cp)
{
	if (cp <= 0xffff) {
		buf_printf(b, "\\u%04X", (unsigned)cp); /* as jansson writes them */
		return;
	}
	cp -= 0x10000;
	buf_printf(b, "\\u%04X\\u%04X", (unsigned)(0xd800 + (cp >> 10)),
		   (unsigned)(0xdc00 + (cp & 0x3ff)));
}

/* jansson's text with every hidden code point written as an escape.  They
 * can only occur inside strings, so the result is valid JSON with the same
 * values.  The caller frees. */
static char *json_escape_hidden(const char *text)
{
	const char *p = text;
	struct buf b;

	buf_init(&b);
	while (*p != '\0') {
		uint32_t cp;
		size_t n = utf8_decode(p, &cp);

		if (n == 0) /* jansson writes valid UTF-8; this is only a guard */
			buf_add(&b, p, n = 1);
		else if (json_hidden(cp))
			json_escape_cp(&b, cp);
		else
			buf_add(&b, p, n);
		p += n;
	}
	return buf_take(&b);
}

static int out_json(FILE *f, json_t *v, struct ally_err *err)
{
	char *raw = json_dumps(v, JSON_FLAGS), *text;

	if (raw == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot write the value as JSON");
	text = json_escape_hidden(raw);
	fprintf(f, "%s\n", text);
	free(text);
	free(raw);
	return write_status(f, err);
}

/* Would a spreadsheet run this text as a formula?  Import strips exactly
 * one leading quote, so a text that itself starts with one is guarded too
 * and round trips stay exact. */
static bool csv_needs_guard(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;
}

static void csv_cell(FILE *f, const char *s, bool guard)
{
	const char *p;
	bool quote = strpbrk(s, "\",\r\n") != NULL;

	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

/* One value as a CSV cell: null empty, strings guarded, the rest as is. */
static void csv_value(FILE *f, json_t *v, bool visible)
{
	char *text = cell_text(v, CELL_CSV);

	if (json_is_string(v)) {
		if (visible) {
			char *vis = text_visible(text, 1);

			free(text);
			text = vis;
		}
		csv_cell(f, text, csv_needs_guard(text));
	} else {
		csv_cell(f, text, false);
	}
	free(text);
}

/* RFC 4180 lines end in CRLF. */
static void csv_header(FILE *f, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', f);
		csv_cell(f, keys[i], false);
	}
	fputs("\r\n", f);
}

static void csv_rows(FILE *f, json_t *rows, const char *const *keys, size_t n, bool visible)
{
	size_t r, i;
	json_t *row;

	json_array_foreach(rows, r, row) {
		for (i = 0; i < n; i++) {
			if (i > 0)
				fputc(',', f);
			csv_value(f, json_object_get(row, keys[i]), visible);
		}
		fputs("\r\n", f);
	}
}

int out_csv(struct cli *cli, json_t *rows, const char *const *keys, struct ally_err *err)
{
	size_t n = 0;

	while (keys[n] != NULL)
		n++;
	csv_header(cli->out, keys, n);
	csv_rows(cli->out, rows, keys, n, cli->out_tty);
	return write_status(cli->out, err);
}

/* Add k to keys[0..*n) unless it is there already. */
static const char **add_key(const char **keys, size_t *n, size_t *cap, const char *k)
{
	size_t j;

	for (j = 0; j < *n && strcmp(keys[j], k) != 0; j++)
		;
	if (j < *n)
		return keys;
	if (*n + 1 >= *cap)
		keys = xrealloc(keys, (*cap *= 2) * sizeof *keys);
	keys[(*n)++] = k;
	return keys;
}

/* Every key of the objects in order of first appearance, NULL-ended.
 * With no rows, the keys of the list's blank row, so an empty list still
 * has the header its rows would have. */
static const char **csv_keys(json_t *rows, json_t *blank, size_t *n)
{
	size_t cap = 16, r;
	const char **keys = xmalloc(cap * sizeof *keys);
	json_t *row, *v;
	const char *k;

	*n = 0;
	json_array_foreach(rows, r, row) {
		json_object_foreach(row, k, v) {
			keys = add_key(keys, n, &cap, k);
		}
	}
	if (json_array_size(rows) == 0 && blank != NULL) {
		json_object_foreach(blank, k, v) {
			keys = add_key(keys, n, &cap, k);
		}
	}
	keys[*n] = NULL;
	return keys;
}

static int out_rows_csv(struct cli *cli, json_t *rows, const struct out_list *list,
			struct ally_err *err)
{
	json_t *blank = list != NULL && list->blank != NULL ? list->blank() : NULL;
	const char **keys;
	size_t n;

	keys = csv_keys(rows, blank, &n);
	csv_header(cli->out, keys, n);
	csv_rows(cli->out, rows, keys, n, cli->out_tty);
	free(keys);
	json_decref(blank); /* after keys: they point into it */
	return write_status(cli->out, err);
}

int out_rows(struct cli *cli, json_t *rows, const struct out_list *list, struct ally_err *err)
{
	switch (cli->format) {
	case FMT_JSON:
		return out_json(cli->out, rows, err);
	case FMT_CSV:
		return out_rows_csv(cli, rows, list, err);
	case FMT_TABLE:
	default:
		return out_table(cli->out, rows, list ? list->cols : NULL, list ? list->ncols : 0,
				 err);
	}
}

char *out_show_value(json_t *row)
{
	const char *value = json_string_value(json_object_get(row, "annual_value"));
	const char *cur = json_string_value(json_object_get(row, "currency"));

	if (value == NULL)
		return xstrdup("");
	return xasprintf("%s %s", value, cur != NULL ? cur : "");
}

char *out_show_tier(json_t *row)
{
	json_t *t = json_object_get(row, "tier");

	return xstrdup(json_is_integer(t) ? tier_name((enum tier)json_integer_value(t)) : "");
}

/* The marker of a flag named by its JSON key, or the key itself. */
static const char *flag_marker_of(const char *key)
{
	int i;

	for (i = 0; i < FLAG_COUNT; i++)
		if (strcmp(flag_key((enum partner_flag)(1u << i)), key) == 0)
			return flag_marker((enum partner_flag)(1u << i));
	return key;
}

char *out_show_flags(json_t *row)
{
	struct buf b;
	size_t i;
	json_t *f;

	buf_init(&b);
	json_array_foreach(json_object_get(row, "flags"), i, f) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, flag_marker_of(json_string_value(f)));
	}
	return buf_take(&b);
}

static size_t key_width(json_t *obj)
{
	size_t w = 0;
	const char *k;
	json_t *v;

	json_object_foreach(obj, k, v) {
		if (strlen(k) > w)
			w = strlen(k);
	}
	return w;
}

static void kv_object(FILE *f, json_t *obj, int indent);

/* A text value; continuation lines of a multi-line text line up under
 * its first line. */
static void kv_text(FILE *f, const char *text, int col)
{
	char *vis = text_visible(text, 1);
	const char *p;

	for (p = vis; *p != '\0'; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fprintf(f, "%*s", col, "");
	}
	fputc('\n', f);
	free(vis);
}

static void kv_array(FILE *f, json_t *arr, int indent)
{
	size_t i;
	json_t *e;

	json_array_foreach(arr, i, e) {
		fprintf(f, "%*s-\n", indent, "");
		kv_object(f, e, indent + 2);
	}
}

static bool is_object_array(json_t *v)
{
	return json_is_array(v) && json_array_size(v) > 0 && json_is_object(json_array_get(v, 0));
}

/* "key: value" lines, keys padded so the values line up. */
static void kv_object(FILE *f, json_t *obj, int indent)
{
	int kw = (int)key_width(obj);
	const char *k;
	json_t *v;

	json_object_foreach(obj, k, v) {
		int col = indent + kw + 2;

		if (is_object_array(v)) {
			fprintf(f, "%*s%s:\n", indent, "", k);
			kv_array(f, v, indent + 2);
		} else if (json_is_object(v)) {
			fprintf(f, "%*s%s:\n", indent, "", k);
			kv_object(f, v, indent + 2);
		} else {
			char *t = cell_text(v, CELL_TABLE);

			if (*t == '\0') { /* no trailing blanks after an empty value */
				fprintf(f, "%*s%s:\n", indent, "", k);
			} else {
				fprintf(f, "%*s%s:%*s", indent, "", k, kw - (int)strlen(k) + 1, "");
				kv_text(f, t, col);
			}
			free(t);
		}
	}
}

int out_object(struct cli *cli, json_t *obj, struct ally_err *err)
{
	json_t *rows;
	int rc;

	switch (cli->format) {
	case FMT_JSON:
		return out_json(cli->out, obj, err);
	case FMT_CSV:
		rows = json_array();
		json_array_append(rows, obj);
		rc = out_rows(cli, rows, NULL, err);
		json_decref(rows);
		return rc;
	case FMT_TABLE:
	default:
		kv_object(cli->out, obj, 0);
		return write_status(cli->out, err);
	}
}

int out_result(struct cli *cli, json_t *obj, const char *text, struct ally_err *err)
{
	int rc;

	if (cli->format == FMT_TABLE) {
		fprintf(cli->out, "%s\n", text);
		rc = write_status(cli->out, err);
	} else {
		rc = out_object(cli, obj, err);
	}
	json_decref(obj);
	return rc;
}
