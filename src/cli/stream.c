/* stream.c: lists as an aligned table, a JSON array or CSV, written row by
 * row as the store reads them, so that a command's memory stays flat
 * whatever the size of the portfolio.  out_rows, for a list already in
 * hand, goes through the same code.
 *
 * JSON: each element is dumped on its own and indented as jansson indents
 * the elements of an array, the brackets written here, so the bytes are
 * those of dumping the whole array.  CSV: a line per row.  A table needs
 * its column widths before its first line: they come from the first
 * OUT_TABLE_SAMPLE rows, held until then (a shorter list is laid out from
 * all its rows, as before); see table_line for a later, wider cell. */
#include "cli.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally/text.h"
#include "ally/util.h"

#define TABLE_GAP "  "
#define TABLE_GAP_W 2
#define TABLE_CELL_MAX 60 /* columns; a longer cell is cut with an ellipsis */

struct out_stream {
	struct cli *cli;
	FILE *f;                   /* cli->out */
	enum out_format format;
	size_t nrows;              /* rows given so far */
	/* table */
	const struct out_col *cols;
	size_t ncols;
	size_t sample;             /* rows whose widths count: OUT_TABLE_SAMPLE, or all */
	char **held;               /* cells of the heading and the rows held, ncols a line */
	size_t nheld, capheld;     /* lines held, heading included */
	size_t *widths;            /* display columns of each column, once laid out */
	bool laid_out;             /* the heading and the held rows are written */
	/* CSV */
	const char **keys;         /* the header, NULL-ended; owned array */
	size_t nkeys;
	json_t *blank;             /* owns the keys taken from list->blank */
	struct csv_cell *cells;    /* out_stream_put's line being made, one per key */
	struct csv_slot *slots;    /* the column of each field a shape gives, by place */
	size_t nslots;
};

/* out_stream_put's CSV: a field's value until its line is written (texts
 * borrowed from the entity, which lives until then). */
struct csv_cell {
	const char *text;  /* NULL: empty; else into own, or a literal */
	bool guard;        /* a JSON string: made visible, guarded like one */
	char *own;         /* the cell's copy of its text (a shape's dates and
			    * amounts live on its stack), reused row after row */
	size_t cap;
};

/* A shape gives its fields in the same order every time: the n-th one's
 * key (a string literal, compared by address) and its column, found by
 * name once (-1: not in this CSV). */
struct csv_slot {
	const char *key;
	long col;
};

/* ---- table ---- */

/* Printable ASCII (most cells: ids, dates, amounts, names), which the
 * terminal shows as it is, one column a byte. */
static bool plain_ascii(const char *s, size_t *len)
{
	const char *p = s;

	while (*p >= 0x20 && *p < 0x7f)
		p++;
	*len = (size_t)(p - s);
	return *p == '\0';
}

/* A cell as the terminal may show it: controls made visible, long text
 * cut.  Plain ASCII that fits is already that. */
static char *table_cell(json_t *row, const struct out_col *col)
{
	char *raw = col->show != NULL ? col->show(row)
				      : out_cell_text(json_object_get(row, col->key), CELL_TABLE);
	char *vis, *fit;
	size_t len;

	if (plain_ascii(raw, &len) && len <= TABLE_CELL_MAX)
		return raw;
	vis = text_visible(raw, 0);
	fit = text_fit(vis, TABLE_CELL_MAX, 1, 0);
	free(raw);
	free(vis);
	return fit;
}

/* The display width of a cell (of table_cell). */
static size_t cell_width(const char *cell)
{
	size_t len;

	return plain_ascii(cell, &len) ? len : text_width(cell);
}

static void pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_putc(b, ' ');
}

/* One table line; trailing blanks are dropped so lines compare cleanly.
 * pos is where the line has got to, at the place each column would start
 * when every cell fits its width.  A cell wider than its column (a row
 * after the sample) pushes the line right; the next cells are placed as
 * near their places as the room allows, so the line is aligned again as
 * soon as a cell leaves room.  When every cell fits, this is the plain
 * layout: left-aligned cells padded after, right-aligned before. */
static void table_line(FILE *f, char **cells, const size_t *widths, const struct out_col *cols,
		       size_t ncols)
{
	size_t pos = 0, place = 0;
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < ncols; i++) {
		size_t w = cell_width(cells[i]), end = place + widths[i];

		if (i > 0) {
			buf_puts(&b, TABLE_GAP);
			pos += TABLE_GAP_W;
		}
		if (cols[i].right && pos + w < end) {
			pad(&b, end - pos - w);
			pos = end - w;
		}
		buf_puts(&b, cells[i]);
		pos += w;
		if (!cols[i].right && pos < end) {
			pad(&b, end - pos);
			pos = end;
		}
		place = end + TABLE_GAP_W;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	fprintf(f, "%s\n", b.len > 0 ? b.data : "");
	buf_finish(&b);
}

static void free_cells(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
}

/* The cells of one more line to hold. */
static char **hold_line(struct out_stream *o)
{
	if (o->nheld == o->capheld) {
		o->capheld = o->capheld ? o->capheld * 2 : 16;
		o->held = xrealloc(o->held, o->capheld * o->ncols * sizeof *o->held);
	}
	return o->held + o->nheld++ * o->ncols;
}

/* The widths from the lines held, then those lines. */
static void table_lay_out(struct out_stream *o)
{
	o->widths = xcalloc(o->ncols ? o->ncols : 1, sizeof *o->widths);
	for (size_t r = 0; r < o->nheld; r++)
		for (size_t c = 0; c < o->ncols; c++) {
			size_t w = cell_width(o->held[r * o->ncols + c]);

			if (w > o->widths[c])
				o->widths[c] = w;
		}
	for (size_t r = 0; r < o->nheld && o->ncols > 0; r++)
		table_line(o->f, o->held + r * o->ncols, o->widths, o->cols, o->ncols);
	free_cells(o->held, o->nheld * o->ncols);
	free(o->held);
	o->held = NULL;
	o->nheld = o->capheld = 0;
	o->laid_out = true;
}

static void table_row(struct out_stream *o, json_t *row)
{
	char **cells;

	if (o->laid_out) {
		cells = xcalloc(o->ncols ? o->ncols : 1, sizeof *cells);
		for (size_t c = 0; c < o->ncols; c++)
			cells[c] = table_cell(row, &o->cols[c]);
		if (o->ncols > 0)
			table_line(o->f, cells, o->widths, o->cols, o->ncols);
		free_cells(cells, o->ncols);
		free(cells);
		return;
	}
	cells = hold_line(o);
	for (size_t c = 0; c < o->ncols; c++)
		cells[c] = table_cell(row, &o->cols[c]);
	if (o->nheld - 1 >= o->sample)
		table_lay_out(o);
}

/* ---- JSON ---- */

static int json_row(struct out_stream *o, json_t *row, struct ally_err *err)
{
	char *text = out_json_text(row, 2); /* as jansson indents an array's elements */

	if (text == NULL)
		return ally_err_set(err, ALLY_EUSER, "output", "cannot write the value as JSON");
	fputs(o->nrows == 0 ? "[\n  " : ",\n  ", o->f);
	fputs(text, o->f);
	free(text);
	return ALLY_OK;
}

/* ---- CSV ---- */

/* The header: the keys given, else the list's blank row's, else (no
 * fixed shape) the first row's. */
static void csv_take_keys(struct out_stream *o, json_t *first)
{
	json_t *from = first, *v;
	const char *k;
	size_t n = 0;

	if (o->keys != NULL)
		return;
	if (o->blank != NULL)
		from = o->blank;
	o->keys = xcalloc(json_object_size(from) + 1, sizeof *o->keys);
	json_object_foreach(from, k, v) {
		o->keys[n++] = k;
	}
	o->nkeys = n;
	/* The keys point into from: keep it while they are used. */
	if (from == first)
		o->blank = json_incref(first);
}

static void csv_header(struct out_stream *o, json_t *first)
{
	csv_take_keys(o, first);
	out_csv_header(o->f, o->keys, o->nkeys);
}

static void csv_row(struct out_stream *o, json_t *row)
{
	if (o->nrows == 0)
		csv_header(o, row);
	for (size_t i = 0; i < o->nkeys; i++) {
		if (i > 0)
			fputc(',', o->f);
		out_csv_value(o->f, json_object_get(row, o->keys[i]), o->cli->out_tty);
	}
	fputs("\r\n", o->f);
}

/* ---- CSV straight from a shape ---- */

/* The writer of out_stream_put: ctx the stream, its cells the line. */
struct csv_line {
	struct out_stream *o;
	size_t pos; /* fields given so far */
};

static long key_column(struct out_stream *o, const char *key)
{
	for (size_t j = 0; j < o->nkeys; j++)
		if (strcmp(o->keys[j], key) == 0)
			return (long)j;
	return -1;
}

/* The cell of the next field, NULL when the CSV has no such column. */
static struct csv_cell *next_cell(struct csv_line *l, const char *key)
{
	struct out_stream *o = l->o;
	size_t pos = l->pos++;

	if (pos >= o->nslots) {
		o->slots = xrealloc(o->slots, (pos + 1) * sizeof *o->slots);
		for (size_t i = o->nslots; i <= pos; i++)
			o->slots[i].key = NULL;
		o->nslots = pos + 1;
	}
	if (o->slots[pos].key != key) {
		o->slots[pos].key = key;
		o->slots[pos].col = key_column(o, key);
	}
	return o->slots[pos].col < 0 ? NULL : &o->cells[o->slots[pos].col];
}

/* Copy n bytes of v into the cell. */
static void cell_set(struct csv_cell *c, const char *v, size_t n)
{
	if (n + 1 > c->cap) {
		c->cap = n + 1 < 64 ? 64 : n + 1;
		c->own = xrealloc(c->own, c->cap);
	}
	memcpy(c->own, v, n);
	c->own[n] = '\0';
	c->text = c->own;
}

static void c_text(void *ctx, const char *key, const char *v)
{
	struct csv_cell *c = next_cell(ctx, key);

	if (c != NULL && v != NULL) {
		cell_set(c, v, strlen(v));
		c->guard = true;
	}
}

static void c_integer(void *ctx, const char *key, int64_t v)
{
	struct csv_cell *c = next_cell(ctx, key);
	char num[32];

	if (c != NULL)
		cell_set(c, num, (size_t)snprintf(num, sizeof num, "%" PRId64, v));
}

static void c_real(void *ctx, const char *key, double v)
{
	struct csv_cell *c = next_cell(ctx, key);
	char num[32];

	if (c != NULL) {
		out_real(v, num);
		cell_set(c, num, strlen(num));
	}
}

static void c_boolean(void *ctx, const char *key, bool v)
{
	struct csv_cell *c = next_cell(ctx, key);

	if (c != NULL)
		c->text = v ? "true" : "false";
}

static void c_null(void *ctx, const char *key)
{
	next_cell(ctx, key);
}

/* A list is one cell, its texts joined with ';', as out_cell_text joins
 * an array for CSV. */
static void c_names(void *ctx, const char *key, const char *const *v, size_t n)
{
	struct csv_cell *c = next_cell(ctx, key);
	struct buf b;

	if (c == NULL)
		return;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, ';');
		buf_puts(&b, v[i]);
	}
	cell_set(c, b.data != NULL ? b.data : "", b.len);
	buf_finish(&b);
}

/* Is s valid UTF-8 (as jansson takes it)? */
static bool utf8_valid(const char *s)
{
	while (*s != '\0') {
		uint32_t cp;
		size_t n;

		if ((unsigned char)*s < 0x80) {
			s++;
			continue;
		}
		if ((n = utf8_decode(s, &cp)) == 0)
			return false;
		s += n;
	}
	return true;
}

/* A text cell as out_csv_value writes the JSON string jstr makes of it:
 * not UTF-8, shown with markers; at a terminal, made visible. */
static void csv_text_cell(struct out_stream *o, const char *t)
{
	char *vis = NULL, *again = NULL;

	if (!utf8_valid(t))
		t = vis = text_visible(t, 1);
	if (o->cli->out_tty)
		t = again = text_visible(t, 1);
	out_csv_text(o->f, t, true);
	free(vis);
	free(again);
}

static void csv_put(struct out_stream *o, out_shape_fn *shape, const void *entity)
{
	struct csv_line l = { o, 0 };
	const struct out_emit e = { &l, c_text, c_integer, c_real, c_boolean, c_null, c_names };

	if (o->nrows == 0)
		csv_header(o, NULL);
	for (size_t j = 0; j < o->nkeys; j++) {
		o->cells[j].text = NULL;
		o->cells[j].guard = false;
	}
	shape(&e, entity);
	for (size_t j = 0; j < o->nkeys; j++) {
		const struct csv_cell *c = &o->cells[j];

		if (j > 0)
			fputc(',', o->f);
		if (c->text != NULL && c->guard)
			csv_text_cell(o, c->text);
		else if (c->text != NULL)
			out_csv_text(o->f, c->text, false);
	}
	fputs("\r\n", o->f);
}

/* The object restricted to keys, in their order (missing ones null), so
 * that export has one fixed shape whatever json.c adds later. */
static json_t *pick(json_t *full, const char *const *keys, size_t n)
{
	json_t *o = json_object(), *v;

	for (size_t i = 0; i < n; i++) {
		v = json_object_get(full, keys[i]);
		json_object_set(o, keys[i], v != NULL ? v : json_null());
	}
	json_decref(full);
	return o;
}

int out_stream_put(struct out_stream *o, out_shape_fn *shape, const void *entity,
		   struct ally_err *err)
{
	json_t *row;

	if (o->format == FMT_CSV && (o->keys != NULL || o->blank != NULL)) {
		csv_take_keys(o, NULL);
		if (o->cells == NULL)
			o->cells = xcalloc(o->nkeys + 1, sizeof *o->cells);
		csv_put(o, shape, entity);
		o->nrows++;
		return out_write_status(o->f, err);
	}
	row = out_shape_json(shape, entity);
	if (o->format == FMT_JSON && o->keys != NULL)
		row = pick(row, o->keys, o->nkeys);
	return out_stream_row(o, row, err);
}

/* ---- the stream ---- */

static struct out_stream *stream_new(struct cli *cli, enum out_format format,
				     const struct out_list *list, const char *const *keys,
				     size_t sample)
{
	struct out_stream *o = xcalloc(1, sizeof *o);

	o->cli = cli;
	o->f = cli->out;
	o->format = format;
	o->sample = sample;
	if (list != NULL) {
		o->cols = list->cols;
		o->ncols = list->ncols;
	}
	if (keys != NULL) {
		while (keys[o->nkeys] != NULL)
			o->nkeys++;
		o->keys = xcalloc(o->nkeys + 1, sizeof *o->keys);
		memcpy(o->keys, keys, o->nkeys * sizeof *keys);
	} else if (list != NULL && list->blank != NULL && format == FMT_CSV) {
		o->blank = list->blank();
	}
	if (format == FMT_TABLE) {
		/* An empty list still prints its heading: the user sees the
		 * columns and that nothing matched.  Scripts use json or csv. */
		char **heading = hold_line(o);

		for (size_t c = 0; c < o->ncols; c++)
			heading[c] = xstrdup(o->cols[c].heading);
	}
	return o;
}

struct out_stream *out_stream_new(struct cli *cli, enum out_format format,
				  const struct out_list *list, const char *const *keys)
{
	return stream_new(cli, format, list, keys, OUT_TABLE_SAMPLE);
}

int out_stream_row(struct out_stream *o, json_t *row, struct ally_err *err)
{
	int rc = ALLY_OK;

	switch (o->format) {
	case FMT_JSON:
		rc = json_row(o, row, err);
		break;
	case FMT_CSV:
		csv_row(o, row);
		break;
	case FMT_TABLE:
	default:
		table_row(o, row);
		break;
	}
	json_decref(row);
	o->nrows++;
	return rc == ALLY_OK ? out_write_status(o->f, err) : rc;
}

static void stream_free(struct out_stream *o)
{
	for (size_t j = 0; o->cells != NULL && j < o->nkeys; j++)
		free(o->cells[j].own);
	free(o->cells);
	free(o->slots);
	free_cells(o->held, o->nheld * o->ncols);
	free(o->held);
	free(o->widths);
	free(o->keys);
	json_decref(o->blank); /* after keys: they point into it */
	free(o);
}

int out_stream_end(struct out_stream *o, int rc, struct ally_err *err)
{
	if (rc == ALLY_OK) {
		if (o->format == FMT_JSON)
			fputs(o->nrows == 0 ? "[]\n" : "\n]\n", o->f);
		else if (o->format == FMT_CSV && o->nrows == 0)
			csv_header(o, NULL);
		else if (o->format == FMT_TABLE && !o->laid_out)
			table_lay_out(o);
		rc = out_write_status(o->f, err);
	}
	stream_free(o);
	return rc;
}

/* ---- a list in hand ---- */

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

/* Every key of the objects in order of first appearance, NULL-ended;
 * with no rows, the keys of the list's blank row (blank), so an empty
 * list still has the header its rows would have. */
static const char **csv_keys(json_t *rows, json_t *blank)
{
	size_t cap = 16, n = 0, r;
	const char **keys = xmalloc(cap * sizeof *keys);
	json_t *row, *v;
	const char *k;

	json_array_foreach(rows, r, row) {
		json_object_foreach(row, k, v) {
			keys = add_key(keys, &n, &cap, k);
		}
	}
	if (json_array_size(rows) == 0 && blank != NULL) {
		json_object_foreach(blank, k, v) {
			keys = add_key(keys, &n, &cap, k);
		}
	}
	keys[n] = NULL;
	return keys;
}

int out_rows(struct cli *cli, json_t *rows, const struct out_list *list, struct ally_err *err)
{
	json_t *blank = NULL, *row;
	const char **keys = NULL;
	struct out_stream *o;
	int rc = ALLY_OK;
	size_t i;

	if (cli->format == FMT_CSV) {
		blank = list != NULL && list->blank != NULL ? list->blank() : NULL;
		keys = csv_keys(rows, blank);
	}
	o = stream_new(cli, cli->format, list, keys, SIZE_MAX);
	json_array_foreach(rows, i, row) {
		if (rc == ALLY_OK)
			rc = out_stream_row(o, json_incref(row), err);
	}
	rc = out_stream_end(o, rc, err);
	free(keys);
	json_decref(blank); /* after the stream: its keys point into it */
	return rc;
}
