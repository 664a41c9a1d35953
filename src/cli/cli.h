/* cli.h: what the command families share: the context, the command table,
 * and the output of rows as table, JSON or CSV.  Private to src/cli. */
#ifndef ALLY_CLI_H
#define ALLY_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include "ally/date.h"
#include "ally/err.h"

struct store;

enum out_format { FMT_TABLE, FMT_JSON, FMT_CSV };

/* The global options, given before the command word or among the
 * command's own options (cli_parse merges them into every command's). */
struct cli_globals {
	const char *db;     /* --db */
	const char *today;  /* --today */
	const char *format; /* --format */
	bool help;          /* --help or -h */
	bool version;       /* --version */
};

struct cli_command;

/* Everything a command may use; filled by the dispatcher (cli.c), and by
 * cli_start once the command's options are known. */
struct cli {
	const char *db_path;   /* --db, $ALLY_DB, $XDG_DATA_HOME/ally/..., ~/.local/share/ally/... */
	ally_date today;       /* --today, $ALLY_TODAY, or the real date */
	enum out_format format;/* --format; FMT_TABLE unless given */
	bool format_given;     /* export defaults to csv unless --format was given */
	const char *user;      /* login name: $ALLY_USER (tests), else the passwd entry; checked */
	struct store *store;   /* open and migrated when the command has CMD_DB */
	FILE *out;             /* the command's output, printed once its transaction is over
				* (CMD_STREAM: standard output itself) */
	bool out_tty;          /* stdout is a terminal: CSV cells pass through text_visible too */
	/* The dispatcher's own state. */
	const struct cli_command *cmd; /* the command being run */
	struct cli_globals g;  /* the global options given so far */
	bool started;          /* cli_start ran: the context above is complete */
	bool helped;           /* --help after the command: its help is in out */
	bool in_tx;            /* a transaction is open */
	bool committed;        /* the command's write transaction has committed */
	char *held;            /* cli_read_in_place: the output held in memory */
	size_t held_len;
};

enum cmd_flags {
	CMD_DB = 1 << 0,      /* needs the database open and migrated */
	CMD_WRITE = 1 << 1,   /* runs in one write transaction (BEGIN IMMEDIATE) */
	CMD_FORMAT = 1 << 2,  /* lists or shows: takes --format */
	CMD_STREAM = 1 << 3,  /* reads only, and writes its rows as it reads them:
			       * straight to standard output, not after the end */
	CMD_CREATE = 1 << 4,  /* makes the database (and its folders) when missing:
			       * init and demo; every other command refuses a
			       * path with no portfolio, so a typo makes none */
	CMD_ASK_CREATE = 1 << 5, /* the interface: makes the default database, and
				  * asks first for any other missing one */
};

/* One command: `ally NAME [SUB] ARGS...`.  run gets argv with argv[0] the
 * (sub)command name and the words after it, and returns an ally_status; on
 * failure it fills err (the dispatcher prints "ally: " and the message,
 * rolls the transaction back, and exits with it).  run's first step is
 * cli_parse, which takes the global options among its words and then
 * completes the context (cli_start): nothing else of cli is set before. */
struct cli_command {
	const char *name;    /* "partner", "renewals" */
	const char *sub;     /* "add", or NULL for a command without one */
	const char *args;    /* usage after the name: "NAME --type TYPE [--owner W] ..." */
	const char *summary; /* one line for --help */
	unsigned flags;      /* enum cmd_flags */
	int (*run)(struct cli *cli, int argc, char **argv, struct ally_err *err);
};

/* Each command family exports its table, ended by an entry with name NULL;
 * cli.c lists the families in one array.  A new command is one new row. */
extern const struct cli_command cli_init_commands[];     /* init */
extern const struct cli_command cli_partner_commands[];  /* partner add/list/show/set/rm */
extern const struct cli_command cli_status_commands[];   /* status, score, advance */
extern const struct cli_command cli_contract_commands[]; /* contract add/list/show/set/renew */
extern const struct cli_command cli_renewal_commands[];  /* renewals */
extern const struct cli_command cli_io_commands[];       /* import, export */
extern const struct cli_command cli_demo_commands[];     /* demo */
extern const struct cli_command cli_history_commands[];  /* history */
extern const struct cli_command cli_tui_commands[];      /* tui */
extern const struct cli_command cli_check_commands[];    /* check, backup */

/* Run the command line; returns the exit status.  main.c calls only this. */
int cli_main(int argc, char **argv);

/* ---- shapes (json.c) ---- */

/* A shape hands the fields of one entity, key by key in its order, to a
 * writer: jansson's object for JSON and tables (out_shape_json), or a CSV
 * line written straight from the entity, with no object in between
 * (out_stream_put), so that a list of 300,000 rows is written at about
 * the speed it is read.  Keys are string literals.  text's v NULL is
 * null; text that is not UTF-8 is shown as markers (text_visible). */
struct out_emit {
	void *ctx;
	void (*text)(void *ctx, const char *key, const char *v);
	void (*integer)(void *ctx, const char *key, int64_t v);
	void (*real)(void *ctx, const char *key, double v);
	void (*boolean)(void *ctx, const char *key, bool v);
	void (*null)(void *ctx, const char *key);
	void (*names)(void *ctx, const char *key, const char *const *v, size_t n); /* array of texts */
};
typedef void out_shape_fn(const struct out_emit *e, const void *entity);
/* ---- output (output.c) ---- */

/* A column of a table: the JSON key it shows and its heading.  show, when
 * set, draws the cell from the whole row (e.g. "125000.00 USD" from
 * annual_value and currency), so that readable forms never become keys
 * of the JSON or CSV. */
struct out_col {
	const char *key;
	const char *heading;
	bool right;                  /* right-align (numbers) */
	char *(*show)(json_t *row);  /* the cell's text (caller frees), or NULL: the key's value */
};

/* The shape of a list: the table's columns, and a row with every JSON key
 * of the list (all null), so that an empty list still has its CSV header. */
struct out_list {
	const struct out_col *cols;
	size_t ncols;
	json_t *(*blank)(void); /* new reference; NULL when the list has no fixed keys */
};

/* Print an array of objects in cli->format: a table of list->cols
 * (aligned by display width, UTF-8 aware, control characters made
 * visible; the heading alone when there are no rows), a JSON array, or CSV
 * of every key of the objects (header row first, formula cells guarded
 * with a leading ').  list may be NULL for JSON and CSV.  The rows are all
 * in hand, so a table's widths come from all of them. */
int out_rows(struct cli *cli, json_t *rows, const struct out_list *list, struct ally_err *err);

/* A list written row by row as it is read (stream.c), so that memory
 * stays flat however long it is: JSON arrays element by element, CSV line
 * by line, tables once their widths are known.  A table's widths come
 * from its first OUT_TABLE_SAMPLE rows (held until then, so a shorter
 * list is laid out exactly as out_rows would); a later cell wider than
 * its column pushes the rest of its line right, which takes the room
 * back at the next cell that leaves some.  CSV's header is keys when
 * given, else the keys of list->blank (every row of a list has those
 * keys).  format is cli->format, or CSV for export.  Nothing is written
 * before the first row (or the end): a command can still fail cleanly
 * until then. */
#define OUT_TABLE_SAMPLE 200
struct out_stream;
struct out_stream *out_stream_new(struct cli *cli, enum out_format format,
				  const struct out_list *list, const char *const *keys);
/* Write (or, for a table's first rows, hold) one row; takes over the
 * reference to row.  A failed write is ALLY_EUSER "output: ...". */
int out_stream_row(struct out_stream *o, json_t *row, struct ally_err *err);
/* Write one entity of shape: as out_stream_row(out_shape_json(...)), but
 * as CSV straight from the entity; with the keys of out_stream_new, a
 * JSON object is cut down to them, in their order (a missing one null). */
int out_stream_put(struct out_stream *o, out_shape_fn *shape, const void *entity,
		   struct ally_err *err);
/* With rc ALLY_OK, write what is still held (a table's heading and first
 * rows, JSON's closing bracket, CSV's header of an empty list) and return
 * the write's status; otherwise discard it and return rc.  Frees o. */
int out_stream_end(struct out_stream *o, int rc, struct ally_err *err);

/* The pieces both share (output.c).  OUT_JSON_FLAGS is how every JSON
 * value is dumped. */
#define OUT_JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))
enum cell_mode { CELL_TABLE, CELL_CSV };
/* The text of one value as a table or CSV shows it; the caller frees. */
char *out_cell_text(json_t *v, enum cell_mode mode);
/* v as JSON text (OUT_JSON_FLAGS), with every code point that could act
 * on a terminal or hide written as an escape (so the text is valid JSON
 * with the same values), and every line after the first indented by
 * indent more spaces (2: an element of an array).  The caller frees; NULL
 * when jansson cannot dump v. */
char *out_json_text(json_t *v, size_t indent);
/* One JSON value and a newline. */
int out_json(FILE *f, json_t *v, struct ally_err *err);
/* One value as a CSV cell: null empty, strings guarded (and made visible
 * when visible), the rest as is. */
void out_csv_value(FILE *f, json_t *v, bool visible);
/* One text as a CSV cell: quoted when it must be, guarded when a string
 * (guard) starts like a formula. */
void out_csv_text(FILE *f, const char *s, bool guard);
/* The header line of keys[0..n). */
void out_csv_header(FILE *f, const char *const *keys, size_t n);
/* ALLY_OK, or ALLY_EUSER "output: ..." when a write to f failed. */
int out_write_status(FILE *f, struct ally_err *err);
/* Table cells shared by several lists: annual_value with its currency
 * ("125000.00 USD"), the tier as a word ("1", "unqualified"), the flags as
 * markers ("RENEW,STALE").  The caller frees. */
char *out_show_value(json_t *row);
char *out_show_tier(json_t *row);
char *out_show_flags(json_t *row);
/* Print one object: "key: value" lines, JSON, or a one-row CSV. */
int out_object(struct cli *cli, json_t *obj, struct ally_err *err);
/* What a write command reports: text and a newline in table format, else
 * obj as JSON or a one-row CSV.  Takes over the reference to obj. */
int out_result(struct cli *cli, json_t *obj, const char *text, struct ally_err *err);
/* A JSON number as the table and CSV show it: reals with at least one
 * decimal ("80.5", "80.0").  out has 32 bytes. */
char *out_real(double v, char out[32]);

/* ---- JSON shapes (json.c): the one place entities become JSON ---- */

/* The entity as a JSON object (new reference). */
json_t *out_shape_json(out_shape_fn *shape, const void *entity);
/* The shapes of the lists: a struct contract (json_contract), a struct
 * partner_row (json_partner with its facts), a struct partner
 * (json_partner_full), a struct renewal, a struct audit_entry. */
out_shape_fn shape_contract, shape_partner_row, shape_partner_full, shape_renewal, shape_audit;

struct partner;
struct partner_facts;
struct contract;
struct renewal;
struct score_input;

/* The list shape of issue 2: id, name, type, phase, owner, health, status_note,
 * status_date, score, tier, and flags/next_action when facts != NULL. */
json_t *json_partner(const struct partner *p, const struct partner_facts *facts, unsigned flags,
		     ally_date next_action);
/* Every field of the partner (for show and export). */
json_t *json_partner_full(const struct partner *p);
json_t *json_contract(const struct contract *c);
json_t *json_renewal(const struct renewal *r);
json_t *json_flags(unsigned flags); /* array of flag_key strings */
/* A row with every key of a list and no values: the partner list's
 * (json_partner with facts), the contract list's, the renewal list's. */
json_t *json_partner_blank(void);
json_t *json_contract_blank(void);
json_t *json_renewal_blank(void);
/* json_contract plus its renewal state as of today (renewal_of_contract):
 * days_left, band, notice_deadline and days_to_notice; all null for a
 * contract that is not active, the last two also when it does not
 * auto-renew. */
json_t *json_contract_renewal(const struct contract *c, ally_date today);
struct contact;
/* id, name, role, email, phone, executive_sponsor (bool). */
json_t *json_contact(const struct contact *c);

struct score_entry;
struct status_entry;
struct phase_entry;
struct term_entry;
struct audit_entry;
/* History rows.  A scoring: date, score, tier, the five criteria, author.
 * A status update: date, health, note, author.  A phase move: date,
 * from, to, note, author.  A term: start_date, end_date, renewed_on and
 * renewed_by (null for the first term).  An audit row: id, at (UTC),
 * user, partner_id, partner, table, row_id, field ("*" for a row added
 * or deleted), old_value, new_value. */
json_t *json_score_entry(const struct score_entry *e);
json_t *json_status_entry(const struct status_entry *e);
json_t *json_phase_entry(const struct phase_entry *e);
json_t *json_term(const struct term_entry *t);
json_t *json_audit(const struct audit_entry *e);
json_t *json_audit_blank(void);
json_t *json_date(ally_date d);     /* "YYYY-MM-DD" or null */
/* The score as every format shows it: score_tenths(W) / 10, a number
 * with one decimal (83.3, 80.0), or null when never scored (W < 0).
 * json_score_text is the same value as text ("83.3", "" when none). */
json_t *json_score(int w);
char *json_score_text(int w, char out[32]);

/* ---- shared argument handling (args.c) ---- */

/* Resolve a PARTNER argument to an id (name ignoring case, else digits). */
int cli_partner_id(struct cli *cli, const char *ref, int64_t *id, struct ally_err *err);
/* An id argument (all digits, > 0). */
int cli_id(const char *s, const char *field, int64_t *out, struct ally_err *err);

/* One option a command accepts: --NAME VALUE, --NAME=VALUE, or a flag. */
struct cli_opt {
	const char *name;   /* "title" for --title; NULL ends a table */
	bool has_arg;       /* takes a value */
	const char **value; /* receives the value (has_arg), else NULL */
	bool *set;          /* set true when given; may be NULL for valued options */
};
/* Split argv[1..argc) into options (any order, anywhere; "--" ends them)
 * and positional arguments, stored in pos[0..*npos); then cli_start.  The
 * options are opts and the global ones (--db, --today, --format, --help
 * or -h, --version), so the word after an option that takes a value is
 * always its value ("--note --help" is the note "--help").  Options are
 * long only, so another word with one leading '-' ("-dash", "-5") is
 * positional.  An unknown option, one given twice (a global one also when
 * given before the command), a missing value, or more than maxpos
 * positionals is ALLY_EUSAGE.  The values point into argv.  At most 58
 * options per table.  After --help, the command's help is in cli->out
 * and the status is not ALLY_OK, so that the command stops; the
 * dispatcher then exits 0. */
int cli_parse(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int maxpos, int *npos, struct ally_err *err);
/* Take the global options at argv[*i], argv[*i + 1], ... into g, up to the
 * first word that is not an option ("--" ends them and is skipped).  A
 * word with one '-' other than -h is an unknown option here. */
int cli_take_globals(struct cli_globals *g, int argc, char **argv, int *i,
		     struct ally_err *err);
/* Complete the context once the command's words are parsed: print its
 * help (--help), else check --format, --today and the user, then open the
 * database and begin the command's transaction.  cli.c; cli_parse calls it. */
int cli_start(struct cli *cli, struct ally_err *err);
/* For a long read, once its options are checked: read from now on from
 * a snapshot (store_snapshot_open), so that the read holds no lock on the
 * database however long it takes, or waits on a pipe.  Where no snapshot
 * can be taken, the read goes on in place in one read transaction, as it
 * did before snapshots: consistent, but holding the shared lock.  Always
 * ALLY_OK; err is for the signature's sake. */
int cli_read_snapshot(struct cli *cli, struct ally_err *err);
/* For a short read (a few pages of an index): read in place, and hold
 * the output in memory until the read transaction is over, as commands
 * did before lists streamed, so that a reader that stops reading (a
 * pager) cannot keep the shared lock.  A failure to hold is ALLY_EUSER. */
int cli_read_in_place(struct cli *cli, struct ally_err *err);
/* ALLY_EUSAGE "--OPT is required" when value is NULL. */
int cli_require(const char *value, const char *opt, struct ally_err *err);
/* ALLY_EUSAGE "missing WHAT" when fewer than need positionals were given. */
int cli_need_args(int npos, int need, const char *what, struct ally_err *err);
/* Split "FIELD=VALUE" (ALLY_EUSAGE without '=' or with an empty field);
 * *field is the caller's, *value points into arg. */
int cli_pair(const char *arg, char **field, const char **value, struct ally_err *err);
/* Errors name a value given as an option by the option the user typed:
 * when err is about field ("end_date: ..."), it becomes "--opt: ..."
 * (opt without its dashes, "end").  Returns err->status. */
int cli_err_as_option(struct ally_err *err, const char *field, const char *opt);
/* Set one field of obj from text (a partner_set_field or
 * contract_set_field behind a cast). */
typedef int cli_setter(void *obj, const char *field, const char *value, struct ally_err *err);
/* Apply every FIELD=VALUE of pairs[0..n) to obj with set.  A pair
 * without '=' or a FIELD given twice ("region given twice") is
 * ALLY_EUSAGE, found before any value is set; else the first bad value
 * stops it with set's error.  Nothing is stored here, so a caller that
 * stores only after all succeeded changes nothing on error. */
int cli_apply_pairs(int n, const char **pairs, cli_setter *set, void *obj, struct ally_err *err);
/* An enumeration value; err "OPT: 'S' is not one of: ...". */
int cli_enum(const char *const *names, const char *s, const char *opt, int *out,
	     struct ally_err *err);

/* ---- compare-and-set (expect.c) ---- */

/* What a script says it read: --if-version N, and for `advance` --from
 * PHASE, for `contract renew` --if-end DATE.  The texts are the options'
 * values (NULL: not given), pointed at by the command's option table;
 * cli_expect_parse checks them ("--if-version: 'x' is not a whole
 * number") into the values. */
struct cli_expect {
	const char *version_text, *phase_text, *end_text;
	int64_t version;  /* >= 1 */
	int phase;        /* enum phase, -1 when not given */
	ally_date end;    /* DATE_NONE when not given */
};
int cli_expect_parse(struct cli_expect *want, struct ally_err *err);
/* In the command's write transaction, before it writes: ALLY_OK when
 * nothing was expected or the row is as expected, else ALLY_EUSER
 * "partner 'Acme': changed by dana at 2026-12-07 10:31 UTC (version 9,
 * expected 8); nothing changed" (or "(phase launch, expected
 * negotiation)", "(end 2027-12-31, expected 2026-12-31)"), who and when
 * from the row's newest audit row. */
int cli_expect_partner(struct cli *cli, int64_t id, const struct cli_expect *want,
		       struct ally_err *err);
int cli_expect_contract(struct cli *cli, int64_t id, const struct cli_expect *want,
			struct ally_err *err);

/* `ally partner show` (cmd-partner-show.c), a row of the partner table. */
int cli_partner_show(struct cli *cli, int argc, char **argv, struct ally_err *err);

/* ---- the context (env.c) and help (help.c), for the dispatcher ---- */

/* Today: opt (--today), else $ALLY_TODAY, else the local date.  A bad
 * date is ALLY_EUSER naming where it came from. */
int cli_resolve_today(const char *opt, ally_date *out, struct ally_err *err);
/* $ALLY_USER, else the passwd name of getuid(), else $LOGNAME, else
 * "unknown", checked as a one-line text of 1 to 100 characters (no
 * control or invisible characters): a bad one is ALLY_EUSER naming where
 * it came from ("ALLY_USER: contains a control character (U+001B)").
 * *out is the caller's. */
int cli_resolve_user(char **out, struct ally_err *err);
/* The database path: opt (--db), else $ALLY_DB, else the XDG data folder.
 * *out is the caller's.  Nothing is created here. */
int cli_resolve_db(const char *opt, char **out, struct ally_err *err);
/* The SSH client's address this session comes from, or NULL; the
 * caller frees. */
char *cli_resolve_source(void);
/* Neither --db (opt) nor $ALLY_DB: the path is the default one. */
bool cli_db_is_default(const char *opt);

/* Help texts; families is the NULL-terminated list of command tables. */
void cli_help_program(FILE *f, const struct cli_command *const *families);
void cli_help_family(FILE *f, const struct cli_command *const *families, const char *name);
void cli_help_command(FILE *f, const struct cli_command *c);

#endif
