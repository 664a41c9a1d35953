/* output.c: objects as "key: value" lines, JSON or CSV, and the cells,
 * JSON text and CSV cells that lists (stream.c) are made of.
 *
 * Every command prints through here, so the rules that keep output safe
 * live in one place: database text reaches the terminal only through
 * text_visible, JSON text never carries a code point that can act on a
 * terminal, and a CSV cell never starts like a spreadsheet formula. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "ally/flags.h"
#include "ally/score.h"
#include "ally/text.h"
#include "ally/util.h"


char *out_real(double v, char out[32])
{
	int n = snprintf(out, 32, "%.15g", v);

	if (n > 0 && n < 32 && strpbrk(out, ".eEn") == NULL) /* n: inf and nan */
		snprintf(out + n, 32 - (size_t)n, ".0");
	return out;
}

int out_write_status(FILE *f, struct ally_err *err)
{
	/* Straight to standard output (a list written as it is read), a
	 * failure is the terminal's end going away: as the dispatcher says
	 * it for buffered output. */
	if (ferror(f) && f == stdout)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot write to standard output");
	if (ferror(f))
		return ally_err_set(err, ALLY_EUSER, "output", "write failed: %s", strerror(errno));
	return ALLY_OK;
}

char *out_cell_text(json_t *v, enum cell_mode mode)
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
			char *t = out_cell_text(e, mode);

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

char *out_json_text(json_t *v, size_t indent)
{
	char *raw = json_dumps(v, OUT_JSON_FLAGS);
	const char *p, *run;
	struct buf b;

	if (raw == NULL)
		return NULL;
	buf_init(&b);
	/* ASCII is copied in runs: only DEL among it is hidden, and JSON
	 * strings carry newlines as \n, so a raw one is jansson's indent. */
	for (p = run = raw; *p != '\0';) {
		unsigned char c = (unsigned char)*p;
		uint32_t cp;
		size_t n;

		if (c < 0x80 && c != 0x7f && c != '\n') {
			p++;
			continue;
		}
		buf_add(&b, run, (size_t)(p - run));
		if (c == '\n') {
			buf_putc(&b, '\n');
			for (size_t i = 0; i < indent; i++)
				buf_putc(&b, ' ');
			n = 1;
		} else if ((n = utf8_decode(p, &cp)) == 0) { /* jansson writes valid UTF-8: a guard */
			buf_add(&b, p, n = 1);
		} else if (json_hidden(cp)) {
			json_escape_cp(&b, cp);
		} else {
			buf_add(&b, p, n);
		}
		p += n;
		run = p;
	}
	buf_add(&b, run, (size_t)(p - run));
	free(raw);
	return buf_take(&b);
}

int out_json(FILE *f, json_t *v, struct ally_err *err)
{
	char *text = out_json_text(v, 0);

	if (text == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot write the value as JSON");
	fprintf(f, "%s\n", text);
	free(text);
	return out_write_status(f, err);
}

/* Would a spreadsheet run this text as a formula?  Import strips exactly
 * one leading quote, so a text that itself starts with one is guarded too
 * and round trips stay exact. */
static bool csv_needs_guard(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;
}

/* Written in runs between the quotes to double: a list of 300,000 rows
 * writes millions of cells. */
static void csv_cell(FILE *f, const char *s, bool guard)
{
	bool quote = strpbrk(s, "\",\r\n") != NULL;
	const char *q;

	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	while (quote && (q = strchr(s, '"')) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		fputc('"', f);
		s = q + 1;
	}
	fputs(s, f);
	if (quote)
		fputc('"', f);
}

void out_csv_text(FILE *f, const char *s, bool guard)
{
	csv_cell(f, s, guard && csv_needs_guard(s));
}

void out_csv_value(FILE *f, json_t *v, bool visible)
{
	char *text;

	/* The common cells without a copy: a plain string, an empty one. */
	if (json_is_string(v) && !visible) {
		const char *t = json_string_value(v);

		csv_cell(f, t, csv_needs_guard(t));
		return;
	}
	if (v == NULL || json_is_null(v))
		return;
	if (json_is_integer(v)) { /* never quoted nor guarded */
		char num[32];

		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		fputs(num, f);
		return;
	}
	text = out_cell_text(v, CELL_CSV);
	if (json_is_string(v)) {
		char *vis = text_visible(text, 1);

		free(text);
		text = vis;
		csv_cell(f, text, csv_needs_guard(text));
	} else {
		csv_cell(f, text, false);
	}
	free(text);
}

/* RFC 4180 lines end in CRLF. */
void out_csv_header(FILE *f, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', f);
		csv_cell(f, keys[i], false);
	}
	fputs("\r\n", f);
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
			char *t = out_cell_text(v, CELL_TABLE);

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
		return out_write_status(cli->out, err);
	}
}

int out_result(struct cli *cli, json_t *obj, const char *text, struct ally_err *err)
{
	int rc;

	if (cli->format == FMT_TABLE) {
		fprintf(cli->out, "%s\n", text);
		rc = out_write_status(cli->out, err);
	} else {
		rc = out_object(cli, obj, err);
	}
	json_decref(obj);
	return rc;
}
