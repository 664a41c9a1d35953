/* store.h: the SQLite database: opening, migrations and every query.
 *
 * All SQL lives behind this header.  Every function that changes data runs
 * inside the caller's transaction when one is open (store_begin), else in
 * one of its own; each change also writes its audit rows in that same
 * transaction.  Functions return ALLY_OK or fill err (ALLY_EUSER for
 * not-found, duplicate, stale version, constraint; ALLY_EDB for SQLite
 * failures: busy past the timeout, corrupt, read-only, full disk). */
#ifndef ALLY_STORE_H
#define ALLY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ally/contract.h"
#include "ally/date.h"
#include "ally/figures.h"
#include "ally/flags.h"
#include "ally/partner.h"
#include "ally/renewal.h"
#include "ally/renewal-sections.h"
#include "ally/review.h"
#include "ally/score.h"

struct ally_err;
struct store;

#define STORE_APPLICATION_ID 0x616c6c79 /* "ally" */
#define STORE_BUSY_MS_DEFAULT 5000

enum store_journal { STORE_JOURNAL_AUTO, STORE_JOURNAL_WAL, STORE_JOURNAL_ROLLBACK };

struct store_opts {
	enum store_journal journal; /* AUTO: WAL only where SQLite has the WAL-reset fix */
	int busy_ms;                /* how long a change waits for locks in all
				     * (the write lock, readers at commit) before
				     * ALLY_EDB "locked"; 0: STORE_BUSY_MS_DEFAULT */
	const char *user;           /* login name written to the audit log (and the
				     * default owner); NULL or "": "unknown" */
	bool readonly;
	/* Refuse a missing file (ALLY_EDB "no portfolio at PATH; 'ally init'
	 * creates one") instead of creating it: for every command but the
	 * ones that make a portfolio, so that a mistyped path makes none. */
	bool must_exist;
	/* Where the session comes from, kept with each of its changes: the
	 * SSH client's address, or NULL at the host itself. */
	const char *source;
};

/* Is WAL safe with this SQLite (sqlite3_libversion_number() form)?  The
 * WAL-reset race is fixed in 3.51.3, and backported to 3.44.6 and 3.50.7. */
bool store_wal_safe(int libversion_number);

/* Who may write a database (file-mode.c).  A team folder is one with the
 * setgid bit: a database made there is 0660 (its journal and the writers'
 * queue too), a folder 2770; elsewhere 0600 and 0700.  store_check_modes
 * refuses (ALLY_EDB, naming the chmod that fixes it) a file anyone may
 * write, or one in a folder anyone may write that is not sticky (as /tmp
 * is).  store_make_folders makes the missing folders of path's folder. */
bool store_in_team_folder(const char *path);
int store_check_modes(const char *path, struct ally_err *err);
int store_make_folders(const char *path, struct ally_err *err);

/* Open (creating the file if missing, unless must_exist: 0600, or 0660
 * in a team folder; refused by store_check_modes) and apply the connection
 * settings: foreign_keys, synchronous=FULL, the busy handler (busy_ms),
 * journal mode.
 * Does not migrate.  NULL and err filled on failure; a file that is not an
 * ally database (another application_id) is refused with ALLY_EDB. */
struct store *store_open(const char *path, const struct store_opts *opts, struct ally_err *err);
void store_close(struct store *s); /* NULL is a no-op */

/* Apply pending migrations, each in its own transaction, by user_version.
 * A database from a newer ally is refused (ALLY_EDB) and left untouched. */
int store_migrate(struct store *s, struct ally_err *err);
int store_schema_version(struct store *s);   /* user_version now */
int store_schema_latest(void);               /* the newest this binary knows */
const char *store_journal_mode(struct store *s); /* "wal" or "delete" */
const char *store_path(struct store *s);

/* The caller's transaction: BEGIN IMMEDIATE (waits up to busy_ms for the
 * write lock), COMMIT, ROLLBACK.  rollback is safe to call when none is open. */
int store_begin(struct store *s, struct ally_err *err);
/* A read transaction (deferred BEGIN): several queries see one snapshot,
 * without waiting for a writer's lock.  End it with store_rollback. */
int store_begin_read(struct store *s, struct ally_err *err);
int store_commit(struct store *s, struct ally_err *err);
void store_rollback(struct store *s);

/* Was the database file deleted or replaced (another inode at its path,
 * or none) since it was opened?  A session that goes on would show, and
 * write to, a file nobody else opens any more. */
bool store_file_gone(struct store *s);

/* PRAGMA data_version: changes when another connection commits. */
int64_t store_data_version(struct store *s);

/* ---- partners ---- */

/* Insert p (validated inside with partner_validate).  Once committed,
 * sets p->id, p->version, created_at and updated_at, and the defaults it
 * was stored with (owner: the user; status_author of a status it comes
 * with: the user); on failure p is as it was.  With p->id > 0 that id is
 * used (import keeps ids; one in use is ALLY_EUSER "id: N is already
 * used"), else a new one.
 * A name whose text_fold key is taken (case ignored in any script) is
 * ALLY_EUSER "name: a partner named 'X' already exists". */
int store_partner_add(struct store *s, struct partner *p, struct ally_err *err);

/* Read one partner into out (partner_init'ed or not).  On success the
 * caller partner_finish'es it; on failure out is left alone.  Not found:
 * ALLY_EUSER "partner: no partner N". */
int store_partner_get(struct store *s, int64_t id, struct partner *out, struct ally_err *err);
/* A PARTNER argument: a name (exact once trimmed, ignoring case in any
 * script), or else, when all digits, an id.  Neither: ALLY_EUSER
 * "partner: no partner 'X'".  On success the caller partner_finish'es
 * out; on failure out is left alone. */
int store_partner_find(struct store *s, const char *ref, struct partner *out, struct ally_err *err);

/* Write every field of p that differs from the stored row, one audit row
 * per changed field, if the stored version still equals p->version
 * (else ALLY_EUSER "partner: changed by someone else since it was read");
 * once committed, bumps p->version and sets updated_at; on failure p is as
 * it was.  Status, score and phase are not written here. */
int store_partner_update(struct store *s, struct partner *p, struct ally_err *err);

/* Save an edit made on a copy read a while ago (a form, the editor): base
 * is the partner as read when the editing began, p the same with the
 * user's changes.  In the caller's transaction (or one of its own) the
 * partner is read again; the fields where p differs from base are written
 * onto it, every other field keeps its stored value (also what another
 * session changed meanwhile), and it is updated as store_partner_update
 * with the version just read.  Refused (ALLY_EUSER) when a field p changed
 * was also changed in the store since base was read, to another value:
 * "region: changed by someone else to 'Nordics' since SINCE" (since: "the
 * form opened"; NULL: "it was read"; the value's first line, cut to 40
 * columns); base then takes that stored value for that field only, so
 * that the same call again deliberately writes p's value over the one the
 * message named.  Once committed p is the partner as stored now (version,
 * updated_at, the others' changes); on failure p is as it was. */
int store_partner_merge(struct store *s, struct partner *base, struct partner *p,
			const char *since, struct ally_err *err);

/* Delete with its contacts, scores, history...  Refused (ALLY_EUSER) while
 * it has active contracts unless force.  Audited: the partner, each
 * contract and contact, and a count for every other table it empties. */
int store_partner_delete(struct store *s, int64_t id, bool force, struct ally_err *err);

enum partner_sort { PSORT_NAME, PSORT_SCORE, PSORT_PHASE, PSORT_NEXT_ACTION };

struct partner_filter {
	int phase;         /* -1: any */
	int type;          /* -1: any */
	int tier;          /* -2: any; else enum tier (TIER_NONE: never scored) */
	const char *owner; /* NULL: any; else the same once folded (text_fold:
			    * trimmed, ignoring case in any script) */
	bool flagged_only;
	enum partner_sort sort;
	/* The whole order turned round: the last row first (the command
	 * line's --reverse). */
	bool descending;
	/* The sort's own values the other way (lowest score first, latest
	 * next action first), with the partners that have none still last
	 * and ties still by name, A to Z (the interface's S). */
	bool values_reversed;
	/* Only names that contain this text once folded (text_fold), or
	 * NULL: the search of the interface. */
	const char *contains;
};
void partner_filter_init(struct partner_filter *f); /* everything, by name */

/* Where a row stands in the order of a filter's sort: what the order
 * compares, so that a window can start right after (or before) it. */
struct partner_pos {
	int64_t group;    /* the sort's value: W, enum phase, the next action's
			   * day; 0 by name */
	bool missing;     /* no such value (never scored, no next action):
			   * the rows that come last */
	char *sort_key;   /* text_sort_key of the name (owned) */
	int64_t id;
};
void partner_pos_copy(struct partner_pos *dst, const struct partner_pos *src);
void partner_pos_finish(struct partner_pos *pos); /* frees sort_key */

/* One row of a partner list: the partner and what the flags need. */
struct partner_row {
	struct partner p;
	struct partner_facts facts;
	unsigned flags;           /* partner_flags(&facts, today) */
	ally_date next_action;    /* partner_next_action(&facts) */
	struct partner_pos pos;   /* where it stands in the order it was read in */
};
struct partner_list {
	struct partner_row *rows;
	size_t n;
};
/* All partners matching f, with facts and flags as of today: one query
 * for the partners (through the index of the filter set), then one per
 * kind of fact, over the listed partners only when a filter narrows the
 * list; never one per row.  Names sort by their text_fold keys (as
 * text_fold_cmp), ties by id; descending reverses the whole order.  The
 * caller frees with partner_list_finish (also on failure: then empty). */
int store_partner_list(struct store *s, const struct partner_filter *f, ally_date today,
		       struct partner_list *out, struct ally_err *err);
void partner_list_finish(struct partner_list *l);

/* A window of f's order as of today: at most limit rows right after
 * from (dir 1) or right before it (dir -1), from NULL meaning the start
 * (dir 1) or the end (dir -1); out's rows are in the direction of travel
 * (for dir -1 the nearest first).  Served by a range of one index per
 * step of the order, so a window costs about what it returns, plus the
 * rows a filter passes over on the way: never a read of every partner.
 * Each row has its facts, flags and pos.  On failure out is empty.  The
 * caller frees out with partner_list_finish. */
int store_partner_page(struct store *s, const struct partner_filter *f, ally_date today,
		       const struct partner_pos *from, int dir, size_t limit,
		       struct partner_list *out, struct ally_err *err);
/* The same, forward from from's own row on (it comes first when f
 * lists it; from NULL: the start). */
int store_partner_page_from(struct store *s, const struct partner_filter *f, ally_date today,
			    const struct partner_pos *from, size_t limit, struct partner_list *out,
			    struct ally_err *err);
/* How many partners f lists, as of today.  With no filter, or one of
 * phase, type, owner or tier, the store's own counters say (no rows are
 * read); otherwise rows are counted up to cap (0: no cap) and *more says
 * whether there were more. */
int store_partner_count_where(struct store *s, const struct partner_filter *f, ally_date today,
			      size_t cap, int64_t *out, bool *more, struct ally_err *err);
/* How many rows of f's order come before pos (dir -1: the index of pos's
 * row, counting from 0) or after it (dir 1): counted over the index, so
 * its cost grows with the answer. */
int store_partner_rank(struct store *s, const struct partner_filter *f, ally_date today,
		       const struct partner_pos *pos, int dir, int64_t *out, struct ally_err *err);
/* Where partner id stands in f's order as of today: *found false when f
 * does not list it (or it does not exist). */
int store_partner_locate(struct store *s, const struct partner_filter *f, ally_date today,
			 int64_t id, struct partner_pos *out, bool *found, struct ally_err *err);
/* The next partner of f's order whose folded name contains folded (a
 * text_fold'ed search): the first after from (dir 1) or before it (dir
 * -1), or from itself on (inclusive, dir 1); from NULL: from the start
 * (or the end).  At most one row in out (none: no match that way; the
 * caller wraps).  A pattern of three characters or more that few names
 * contain is found through the names' trigram index, without reading
 * the others; a common one within a few rows of the order. */
int store_partner_search(struct store *s, const struct partner_filter *f, ally_date today,
			 const char *folded, const struct partner_pos *from, int dir,
			 bool inclusive, struct partner_list *out, struct ally_err *err);
/* Visit every row of f's order as of today, reading a window at a time
 * in one read transaction (memory stays flat at any size).  fn's
 * failure stops the walk and is returned. */
int store_partner_each(struct store *s, const struct partner_filter *f, ally_date today,
		       int (*fn)(void *ctx, const struct partner_row *row, struct ally_err *err),
		       void *ctx, struct ally_err *err);
/* Facts of one partner as of today (what partner_flags and
 * partner_next_action take): reads the partner, then its facts, in one
 * snapshot.  Not found: ALLY_EUSER "partner: no partner N". */
int store_partner_facts(struct store *s, int64_t partner_id, ally_date today,
			struct partner_facts *out, struct ally_err *err);
/* The same for a partner the caller has already read (p->id, phase,
 * score and status are taken from p, not read again), so "partner show"
 * reads the partner once.  Only database failures are reported. */
int store_partner_facts_of(struct store *s, const struct partner *p, ally_date today,
			   struct partner_facts *out, struct ally_err *err);

/* ---- status, score, phase ---- */

/* Record a status update: always a history row; the partner's current
 * status only when history_supersedes(current date, date) says so (a
 * back-dated update never hides a newer one; the same day replaces).  Bad
 * health, no date: ALLY_EUSER. */
int store_status_add(struct store *s, int64_t partner_id, int health, const char *note,
		     ally_date date, struct ally_err *err);

/* A partner's status updates, newest first (an unknown partner has none).
 * The caller frees with status_list_finish. */
struct status_entry { ally_date date; int health; char *note; char *author; };
struct status_list { struct status_entry *rows; size_t n; };
int store_status_history(struct store *s, int64_t partner_id, struct status_list *out,
			 struct ally_err *err);
void status_list_finish(struct status_list *l);

/* Record a scoring (validated by score_validate inside); *w_out gets W.
 * As for status, the current score changes only when history_supersedes
 * says so; the history always gets the row. */
int store_score_add(struct store *s, int64_t partner_id, const struct score_input *in,
		    ally_date date, int *w_out, struct ally_err *err);

/* A partner's scorings, newest first; freed with score_list_finish. */
struct score_entry { ally_date date; struct score_input in; int w; char *author; };
struct score_list { struct score_entry *rows; size_t n; }; /* newest first */
int store_score_history(struct store *s, int64_t partner_id, struct score_list *out,
			struct ally_err *err);
void score_list_finish(struct score_list *l);

/* Move the phase: to < 0 is the default step.  Checked with
 * phase_resolve_move against the phase read inside the transaction, so two
 * sessions cannot both move from the same phase, and with
 * phase_check_move_date against the last recorded move (an earlier date is
 * ALLY_EUSER; the same day is fine).  *from and *to report the move. */
int store_phase_move(struct store *s, int64_t partner_id, int to, const char *note,
		     ally_date date, enum phase *from_out, enum phase *to_out, struct ally_err *err);

/* A partner's phase moves, oldest first (by date, then as recorded);
 * freed with phase_list_finish. */
struct phase_entry { ally_date date; int from; int to; char *note; char *author; };
struct phase_list { struct phase_entry *rows; size_t n; }; /* oldest first */
int store_phase_history(struct store *s, int64_t partner_id, struct phase_list *out,
			struct ally_err *err);
void phase_list_finish(struct phase_list *l);

/* ---- contracts ---- */

/* Insert (validated with contract_validate inside) with its first term
 * (start_date..end_date, the start of its term history); sets id and
 * version.  c->id > 0 keeps that id, as for partners.  Unknown partner:
 * ALLY_EUSER. */
int store_contract_add(struct store *s, struct contract *c, struct ally_err *err);
/* Read one contract (with its partner's name) into out.  On success the
 * caller contract_finish'es it; on failure out is left alone.  Not found:
 * ALLY_EUSER "contract: no contract N". */
int store_contract_get(struct store *s, int64_t id, struct contract *out, struct ally_err *err);
/* As store_partner_update, for contracts (version-checked, audited).  A
 * changed start_date must not fall after the first term's end
 * (contract_check_term_start), a changed end_date not before the current
 * term's start (contract_check_term_end): ALLY_EUSER.  The first term's
 * start follows start_date, the current (last) term's end end_date. */
int store_contract_update(struct store *s, struct contract *c, struct ally_err *err);
/* As store_partner_merge, for a contract edited from base (the term
 * checks of store_contract_update apply to the merged contract). */
int store_contract_merge(struct store *s, struct contract *base, struct contract *c,
			 const char *since, struct ally_err *err);
/* Delete one contract with its term history.  Audited: the contract, a
 * count of its terms, and each negotiation that loses its link to it
 * (contract_id set NULL).  Not found: ALLY_EUSER. */
int store_contract_delete(struct store *s, int64_t id, struct ally_err *err);

struct contract_list { struct contract *rows; size_t n; };
/* partner_id 0: all; status -1: any.  Ordered by partner name (its
 * text_fold key, as the partner list), end date, id.  The caller frees
 * with contract_list_finish. */
int store_contract_list(struct store *s, int64_t partner_id, int status, struct contract_list *out,
			struct ally_err *err);
void contract_list_finish(struct contract_list *l);

/* Renew: the term contract_renew_term gives (the core refuses, ALLY_EUSER,
 * a contract that is not active, an until not after the current end, a
 * year past 9999).  Adds the term to the history and sets end_date;
 * audited (the term row, the end_date).  *start_out and *end_out report
 * the term. */
int store_contract_renew(struct store *s, int64_t id, ally_date until, ally_date today,
			 ally_date *start_out, ally_date *end_out, struct ally_err *err);

/* A contract's terms, oldest first: the first term (renewed_on DATE_NONE,
 * author who added the contract), then one per renewal; empty only for a
 * contract that does not exist.  Freed with term_list_finish. */
struct term_entry { ally_date start; ally_date end; ally_date renewed_on; char *author; };
struct term_list { struct term_entry *rows; size_t n; }; /* oldest first */
int store_contract_terms(struct store *s, int64_t contract_id, struct term_list *out,
			 struct ally_err *err);
void term_list_finish(struct term_list *l);

/* The renewal list of domain.md as of today, sorted by renewal_cmp.  Rows
 * own their texts (freed by renewal_list_finish).  Served by an index on
 * the end date and the notice deadline, not a scan of all contracts. */
struct renewal_list { struct renewal *rows; size_t n; };
int store_renewals(struct store *s, ally_date today, int within, struct renewal_list *out,
		   struct ally_err *err);
void renewal_list_finish(struct renewal_list *l);

/* ---- the Renewals view, a window at a time (renewal-sections.h) ---- */

/* At most limit rows of section (enum rsection) for the horizon as of
 * today, right after from (dir 1) or right before it (dir -1), in the
 * order of the list (renewal_cmp); from NULL: the section's start (dir
 * 1) or end (dir -1).  Rows come in the direction of travel, computed
 * (renewal_compute), owning their texts.  Served by index ranges of the
 * section's days, stopping at the limit.  The caller frees out with
 * renewal_list_finish (empty on failure). */
int store_renewal_page(struct store *s, ally_date today, int horizon, int section,
		       const struct renewal *from, int dir, size_t limit, struct renewal_list *out,
		       struct ally_err *err);
/* How many contracts each section lists (counts has RSEC_COUNT
 * elements), from the store's counts of active contracts per day: the
 * cost is the calendar's, not the portfolio's. */
int store_renewal_counts(struct store *s, ally_date today, int horizon, int64_t *counts,
			 struct ally_err *err);
/* Contract contract_id as the list shows it: *listed false when it is
 * not active or not listed for the horizon (out is then left empty);
 * else out owns its texts (renewal_free_texts). */
int store_renewal_find(struct store *s, ally_date today, int horizon, int64_t contract_id,
		       struct renewal *out, bool *listed, struct ally_err *err);
void renewal_free_texts(struct renewal *r);

/* ---- contacts, reviews, action items, figures, conflicts, negotiations ---- */

/* Add a contact (contact_validate inside) to c->partner_id; sets id and
 * version.  Unknown partner or bad field: ALLY_EUSER.  Audited. */
int store_contact_add(struct store *s, struct contact *c, struct ally_err *err);
/* Write c's fields if its version is still the stored one (else ALLY_EUSER
 * "contact: changed by someone else..."); one audit row per changed field. */
int store_contact_update(struct store *s, struct contact *c, struct ally_err *err);
/* As store_partner_merge, for a contact edited from base. */
int store_contact_merge(struct store *s, struct contact *base, struct contact *c,
			const char *since, struct ally_err *err);
/* Delete one contact; audited.  Not found: ALLY_EUSER. */
int store_contact_delete(struct store *s, int64_t id, struct ally_err *err);
/* A partner's contacts, executive sponsors first, then by name; freed with
 * contact_list_finish. */
struct contact_list { struct contact *rows; size_t n; };
int store_contact_list(struct store *s, int64_t partner_id, struct contact_list *out,
		       struct ally_err *err);
void contact_list_finish(struct contact_list *l);

/* Record a review (kind and date required: else ALLY_EUSER); sets id and
 * version.  Audited. */
int store_review_add(struct store *s, struct review *r, struct ally_err *err);
/* A partner's reviews, newest first; freed with review_list_finish. */
struct review_list { struct review *rows; size_t n; }; /* newest first */
int store_review_list(struct store *s, int64_t partner_id, struct review_list *out,
		      struct ally_err *err);
void review_list_finish(struct review_list *l);

/* Add an action item; one from a review takes that review's partner (a
 * different a->partner_id is ALLY_EUSER).  Sets id and version; audited. */
int store_action_add(struct store *s, struct action_item *a, struct ally_err *err);
/* Mark an item done or open again; audited when it changes.  Not found:
 * ALLY_EUSER. */
int store_action_set_done(struct store *s, int64_t id, bool done, struct ally_err *err);
/* A partner's action items, open ones first, soonest due first; freed with
 * action_list_finish. */
struct action_list { struct action_item *rows; size_t n; };
int store_action_list(struct store *s, int64_t partner_id, struct action_list *out,
		      struct ally_err *err);
void action_list_finish(struct action_list *l);

/* Set one metric's target and/or actual (-1 leaves it unchanged) for a
 * partner and quarter; creates the row when missing. */
int store_figure_set(struct store *s, int64_t partner_id, int quarter, enum metric m,
		     int64_t target, int64_t actual, struct ally_err *err);
/* A partner's key figures by quarter, oldest first; freed with
 * figures_list_finish. */
struct figures_list { struct quarter_figures *rows; size_t n; }; /* oldest first */
int store_figures(struct store *s, int64_t partner_id, struct figures_list *out,
		  struct ally_err *err);
void figures_list_finish(struct figures_list *l);

/* Record a conflict (kind, level and opened required; resolved not before
 * opened: else ALLY_EUSER); sets id and version.  Audited. */
int store_conflict_add(struct store *s, struct conflict *c, struct ally_err *err);
/* Write c (escalate, resolve...) if its version is still the stored one,
 * as store_contact_update; one audit row per changed field. */
int store_conflict_update(struct store *s, struct conflict *c, struct ally_err *err);
/* A partner's conflicts, open ones first, newest first; freed with
 * conflict_list_finish. */
struct conflict_list { struct conflict *rows; size_t n; };
int store_conflict_list(struct store *s, int64_t partner_id, struct conflict_list *out,
			struct ally_err *err);
void conflict_list_finish(struct conflict_list *l);

/* Record a negotiation's preparation; a named contract must be the
 * partner's own (else ALLY_EUSER).  Sets id and version; audited. */
int store_negotiation_add(struct store *s, struct negotiation *n, struct ally_err *err);
/* Add a term (text and enum term_priority) to a negotiation; empty text,
 * bad priority or unknown negotiation: ALLY_EUSER.  Audited. */
int store_negotiation_term_add(struct store *s, int64_t negotiation_id, const char *text,
			       int priority, struct ally_err *err);

/* A partner's negotiations, newest first; the caller frees with
 * negotiation_list_finish. */
struct negotiation_list { struct negotiation *rows; size_t n; };
int store_negotiation_list(struct store *s, int64_t partner_id, struct negotiation_list *out,
			   struct ally_err *err);
void negotiation_list_finish(struct negotiation_list *l);

/* The terms of one negotiation, must-haves first, then as written down. */
struct negotiation_term {
	int64_t id;
	char *text;     /* owned */
	int priority;   /* enum term_priority */
};
struct negotiation_term_list { struct negotiation_term *rows; size_t n; };
int store_negotiation_terms(struct store *s, int64_t negotiation_id,
			    struct negotiation_term_list *out, struct ally_err *err);
void negotiation_term_list_finish(struct negotiation_term_list *l);

/* ---- audit log ---- */

struct audit_entry {
	int64_t id;
	char *at;        /* UTC "YYYY-MM-DD HH:MM:SS" */
	char *user;
	char *tbl;       /* "partners", "contracts", ... */
	int64_t row_id;
	int64_t partner_id; /* 0 when not tied to a partner */
	char *partner;   /* the partner's name now, else as it was when the row was
			  * written (a deleted partner); NULL when none */
	char *field;     /* "health", "end_date", "*" for insert/delete */
	char *old_value; /* NULL for inserts */
	char *new_value; /* NULL for deletes */
	char *source;    /* the SSH client's address of its change, or NULL */
};
struct audit_list { struct audit_entry *rows; size_t n; }; /* newest first */
/* Newest first; limit 0 means all.  text filters on the partner's name
 * (as audit_entry.partner shows it), user, field or values when not NULL:
 * a substring, ignoring letter case in every script (both sides through
 * text_fold, as the Portfolio search compares names). */
int store_audit_list(struct store *s, const char *text, size_t limit, size_t offset,
		     struct audit_list *out, struct ally_err *err);
/* A page of the log by id (keyset paging): at most limit (0: all) rows
 * that match text as in store_audit_list, newest first, read through the
 * primary key, so a page costs the same anywhere in the log (an offset
 * steps over every row before it).  0 in before_id or after_id means no
 * bound.  With after_id 0 the rows are the newest ones with id < before_id
 * (both 0: the newest of the log); otherwise the oldest ones with
 * id > after_id (and < before_id when it is not 0): after_id
 * STORE_AUDIT_START gives the oldest of the log.  The caller frees out with
 * audit_list_finish, also on failure (it is then empty). */
#define STORE_AUDIT_START INT64_MIN
int store_audit_page(struct store *s, const char *text, int64_t before_id, int64_t after_id,
		     size_t limit, struct audit_list *out, struct ally_err *err);
/* How many rows store_audit_list gives for text with no limit (one count
 * query), so a view can page through the log knowing where it ends.
 * With no text, the table's own count: no join, no scan of the rows. */
int store_audit_count(struct store *s, const char *text, size_t *out, struct ally_err *err);
/* As store_audit_count, of the rows with id > after_id (0: all).  Rows are
 * only ever appended to the log, with growing ids, and never deleted, so
 * the rows after the newest id an earlier count saw (store_audit_last_id)
 * are the ones written since: with no text a range of the primary key,
 * as cheap as the new rows are few.  With text, the filter's scan of those
 * rows; the count of the older rows can still change with them when a
 * partner is renamed (text matches its current name). */
int store_audit_count_after(struct store *s, const char *text, int64_t after_id, size_t *out,
			    struct ally_err *err);
/* The rows matching text (as store_audit_list) with id < below_id (0: no
 * bound), counted newest first and at most cap of them: *out how many,
 * *min_id the oldest id among them (below_id when none).  Costs the rows
 * it passes over to find them, never the whole log when cap is reached:
 * a filter's count can so be taken a part at a time ("200+ matches"). */
int store_audit_count_below(struct store *s, const char *text, int64_t below_id, size_t cap,
			    size_t *out, int64_t *min_id, struct ally_err *err);
/* The newest row's id, 0 for an empty log (one lookup at the end of the
 * primary key).  Every row committed later has a greater id. */
int store_audit_last_id(struct store *s, int64_t *out, struct ally_err *err);
/* One partner's audit rows, newest first (limit 0: all), also after the
 * partner was deleted; served by the (partner_id, id) index.  The caller
 * frees out with audit_list_finish. */
int store_audit_list_partner(struct store *s, int64_t partner_id, size_t limit, size_t offset,
			     struct audit_list *out, struct ally_err *err);
/* The newest audit row of one row (tbl "partners" or "contracts", its
 * id, and its partner's id), found among the partner's rows through the
 * (partner_id, id) index: who changed it last and when, for a refused
 * compare-and-set.  out holds it, or nothing for a row the log has no
 * word of; the caller frees with audit_list_finish. */
int store_audit_row_last(struct store *s, const char *tbl, int64_t row_id, int64_t partner_id,
			 struct audit_list *out, struct ally_err *err);
void audit_list_finish(struct audit_list *l);

/* ---- check and backup ---- */

/* One check of store_check: its name ("pages and indexes", "renewal
 * terms"...), whether it holds, and its problems as sentences ("contract
 * 12: term 2 starts 2027-01-05, not the day after 2026-12-31"), the first
 * few of count. */
struct check_result {
	const char *name;
	bool ok;
	char **problems;
	size_t nproblems;
	int64_t count;
};
/* Run every check in one read transaction: SQLite's integrity_check and
 * foreign_key_check, then ally's rules (every partner's phase and type is
 * one of the core's, every active contract starts by its end, the terms
 * of each contract follow each other day after day from its start to its
 * end, every version is >= 1, every audit row's change is there and not
 * after it).  fn gets each result in turn (its texts live until it
 * returns); *all_ok says whether all held.  A check that cannot run (a
 * damaged page) fails with that as its problem; the others still run.
 * When all hold, the damage mark (see store_open) is taken away. */
int store_check(struct store *s,
		int (*fn)(void *ctx, const struct check_result *r, struct ally_err *err), void *ctx,
		bool *all_ok, struct ally_err *err);

/* Copy the database to path with SQLite's online backup API, in one
 * pass under a read lock (a consistent state, whatever others write),
 * into a new file (mode 0600, or 0660 in a team folder) that is then
 * checked with PRAGMA integrity_check and renamed to path.  An existing
 * path is ALLY_EUSER unless overwrite.  *pages reports the size. */
int store_backup(struct store *s, const char *path, bool overwrite, int64_t *bytes,
		 struct ally_err *err);

/* Number of partners (cheap; for "is the database empty?"). */
int store_partner_count(struct store *s, int64_t *out, struct ally_err *err);

/* The owners of the partners, one per owner as the owner filter compares
 * them (text_fold), in name order (text_fold_cmp); the caller frees with
 * owner_list_finish (also on failure: then empty).  For the interface's
 * filter menu. */
struct owner_list { char **rows; size_t n; };
int store_partner_owners(struct store *s, struct owner_list *out, struct ally_err *err);
void owner_list_finish(struct owner_list *l);

/* ---- dashboard ---- */

/* The annual value of the active contracts by the tier of their partner
 * (score_tier of its W; TIER_NONE when never scored), one row per tier
 * and currency: amounts in different currencies are never added
 * together.  Contracts with no annual value are left out.  Ordered by
 * tier (1, 2, 3, unqualified, never scored), then currency.  The caller
 * frees with tier_value_list_finish (also on failure: then empty). */
struct tier_value {
	int tier;            /* enum tier */
	char currency[4];    /* ISO 4217 */
	ally_money total;    /* minor units; -1 when past what 64 bits hold */
	int64_t contracts;   /* how many were added up */
};
struct tier_value_list { struct tier_value *rows; size_t n; };
int store_value_by_tier(struct store *s, struct tier_value_list *out, struct ally_err *err);
void tier_value_list_finish(struct tier_value_list *l);

/* The Dashboard's numbers as of a day, none of them read by going
 * through every partner or contract:
 * - counters the store keeps in the same transaction as every change
 *   (partner_counts): the partners in all, by phase, type and tier;
 * - aggregate queries over indexes, each costing about what it counts:
 *   the partners carrying each flag (one range of a derived day's
 *   partial index compared with today, or the contracts that end or
 *   reach their notice deadline in the window, or the key-figure
 *   streaks covering today's quarter);
 * - sums over a range of days of contract_days (active contracts
 *   counted per end date and notice deadline), whose cost is the
 *   calendar's, not the portfolio's: the renewals block.
 * The name lists are the first few names of a flag's partners in name
 * order, read through whichever index costs less for that many: the
 * flag's own range sorted by name when few carry it, else the name
 * index walked until enough match. */
#define STORE_DASH_HORIZONS 3
extern const int store_dash_horizons[STORE_DASH_HORIZONS]; /* 30, 60, 90 days */
/* by_tier's slots: enum tier - TIER_NONE (never scored, unqualified,
 * tier 1, 2, 3). */
#define STORE_DASH_TIERS 5

struct store_dash_names {
	char **names;        /* the first n names in name order (owned) */
	size_t n;
};

struct store_dashboard {
	/* Counters (partner_counts). */
	int64_t partners;                      /* in all */
	int64_t by_phase[PHASE_COUNT];         /* by enum phase */
	int64_t by_type[PTYPE_COUNT];          /* by enum partner_type */
	int64_t by_tier[STORE_DASH_TIERS];     /* by enum tier - TIER_NONE */
	/* Over the indexes: partners carrying flag bit i (enum
	 * partner_flag 1 << i) as of today, as partner_flags gives them. */
	int64_t flagged[FLAG_COUNT];
	/* Active contracts, from contract_days: */
	int64_t lapsed;                        /* past their end date */
	int64_t ending[STORE_DASH_HORIZONS];   /* ending today .. today + horizon */
	int64_t notice_soon;                   /* notice deadline today .. today + 30 */
	/* The first names of the partners with FLAG_REVIEW_OVERDUE and of
	 * those with FLAG_BEHIND_SCHEDULE; how many there are in all is
	 * their flagged[] count. */
	struct store_dash_names overdue;
	struct store_dash_names behind;
};

/* Fill out (treated as uninitialised) with the Dashboard's numbers as of
 * today, and at most names names in each name list, in one read
 * transaction (the caller's, when one is open).  The caller frees with
 * store_dashboard_finish; on failure err is filled and out is empty. */
int store_dashboard_read(struct store *s, ally_date today, size_t names,
			 struct store_dashboard *out, struct ally_err *err);
void store_dashboard_finish(struct store_dashboard *d); /* then all zero */

/* ==== issue 7, the command line's side: reading row by row, snapshots,
 * changes, bulk import.  A block of its own, so that it merges beside the
 * window engine's declarations without reshaping those above. ==== */

/* ---- reading row by row ----
 * The *_each functions read the rows of their *_list sibling in the same
 * order and hand each one to fn as it is read, so that memory does not
 * grow with the portfolio.  The row is borrowed for the call only: copy
 * what you keep.  fn returning anything but ALLY_OK (with err filled)
 * stops the walk, and the *_each function returns that status; otherwise
 * ALLY_OK or the query's failure.  fn must not run the same query again
 * (the statement is still being stepped); other store calls are fine.
 * Rows handed out before a failure stay handed out. */

/* As store_contract_list: partner_id 0 for all, status -1 for any;
 * ordered by partner name (text_sort_key), partner id, end date, id. */
int store_contract_each(struct store *s, int64_t partner_id, int status,
			int (*fn)(void *ctx, const struct contract *c, struct ally_err *err),
			void *ctx, struct ally_err *err);
/* As store_renewals: the listed rows, computed as of today, in
 * renewal_cmp order (the order is the query's, so nothing is held). */
int store_renewals_each(struct store *s, ally_date today, int within,
			int (*fn)(void *ctx, const struct renewal *r, struct ally_err *err),
			void *ctx, struct ally_err *err);
/* The audit log newest first (partner_id 0), or one partner's rows, also
 * after it was deleted (as store_audit_list_partner); limit 0: all.
 * filter (NULL: none) keeps the rows written on or after since (UTC;
 * DATE_NONE: any) by user (exact; NULL: anyone). */
struct audit_filter {
	ally_date since;
	const char *user;
};
int store_audit_each(struct store *s, int64_t partner_id, size_t limit,
		     const struct audit_filter *filter,
		     int (*fn)(void *ctx, const struct audit_entry *e, struct ally_err *err),
		     void *ctx, struct ally_err *err);

/* ---- snapshots ---- */

/* A handle for one long read that does not hold the database up:
 * - rollback journal: in a read transaction on s (SQLite holds the
 *   shared lock, so no commit is half-written in the file, and has
 *   rolled back any hot journal), the file is copied into a new private
 *   temporary file (mode 0600, in $TMPDIR, else /tmp) with
 *   copy_file_range (else through one buffer of fixed size); the lock is
 *   released as soon as the copy is done (57 ms for the 167 MB file of
 *   100,000 partners here), and the copy is opened read-only and
 *   unlinked at once, so nothing is left behind even on a crash; its disk
 *   space is returned when the handle is closed.
 * - WAL: a second connection to the file, its read transaction begun,
 *   whose reads never block a writer.
 * The handle reads the database as it was when the call returned, in
 * every later query; it cannot write.  Error messages name s's file.
 * Must be called with no transaction open on s, and none open by another
 * connection of this process on the same file (the copy reads through a
 * descriptor of its own, and closing one drops the process's POSIX
 * locks on the file).  NULL with err filled
 * when no copy can be taken (no room, no temporary directory, a
 * :memory: database): the caller then reads s in place.  The caller
 * closes the handle with store_close, and may close s before it. */
struct store *store_snapshot_open(struct store *s, struct ally_err *err);
/* How long the last store_snapshot_open on s held the shared lock, in
 * microseconds (0 in WAL mode, or before any). */
int64_t store_snapshot_lock_us(struct store *s);

/* ---- changes (schema 002) ----
 * Every write transaction the store opens is one change: its first audit
 * row also writes a row of the changes table (id, at, user, what) whose
 * id is that row's own, and every audit row of the transaction carries
 * it (audit_log.change_id), so the rows of one command or one save, an
 * import of 100,000 rows included, can be found, and undone, together.
 * A change's rows are consecutive in the log (it holds the write lock
 * from the first to the last). */

/* What the changes s makes from now on are labelled with ("import
 * partners contacts.csv"), copied; NULL: none.  Not checked: it is
 * stored as given and shown through text_visible like every text. */
void store_change_label(struct store *s, const char *what);
/* The newest change's id, 0 when there is none. */
int store_change_last(struct store *s, int64_t *out, struct ally_err *err);
/* One change's audit rows, in the order they were written (a range of
 * the log's primary key, up to the next change); none for an unknown id.
 * fn as for *_each. */
int store_change_each(struct store *s, int64_t change_id,
		      int (*fn)(void *ctx, const struct audit_entry *e, struct ally_err *err),
		      void *ctx, struct ally_err *err);

/* ---- bulk import ---- */

/* Around an import, in the caller's write transaction: store_bulk_begin
 * before the first row, store_bulk_end after the last (before COMMIT).
 * The upkeep of derived columns that every partner and contract write
 * does is deferred between them and done once at the end (the window
 * engine hooks in here; no-ops on this branch). */
void store_bulk_begin(struct store *s);
int store_bulk_end(struct store *s, struct ally_err *err);

enum store_import_kind { STORE_IMPORT_PARTNERS, STORE_IMPORT_CONTRACTS };
/* Prepare the store for rows of an import of kind, in the caller's write
 * transaction: rows is how many are to come.  Until store_import_end the
 * schema's CHECK constraints are not evaluated (every value has passed
 * the core's validation, which refuses all they refuse; NOT NULL, UNIQUE
 * and foreign keys still apply), and, when the import is at least as
 * large as what is there already, the indexes it does not read are
 * dropped, to be built once, sorted, at the end: faster than growing them
 * row by row.  End with store_import_end whatever happened. */
int store_import_begin(struct store *s, enum store_import_kind kind, size_t rows,
		       struct ally_err *err);
/* With rc ALLY_OK, build the indexes store_import_begin dropped; in any
 * case put the connection's settings back.  Returns rc, or else the
 * first failure here.  On failure the caller rolls back (the dropped
 * indexes come back with it). */
int store_import_end(struct store *s, int rc, struct ally_err *err);
/* One imported contract's partner by name or id, as store_partner_find
 * but reading only the id.  Not found: ALLY_EUSER "partner: no partner
 * 'X'". */
int store_import_partner_id(struct store *s, const char *ref, int64_t *id,
			    struct ally_err *err);

#endif
