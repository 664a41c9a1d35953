-- 001_init.sql: the first schema of ally.
--
-- Conventions: dates are TEXT 'YYYY-MM-DD' (readable in sqlite3 and
-- sortable as text), timestamps TEXT 'YYYY-MM-DD HH:MM:SS' in UTC, money
-- INTEGER minor units beside a currency code, percentages INTEGER basis
-- points, booleans 0/1, enumerations TEXT names.  NULL means "not set".
-- Every editable row has a version that each update bumps, so two sessions
-- cannot silently overwrite each other.  Domain rules live in the C core;
-- the store fills derived columns (contracts.notice_deadline,
-- contacts.exec_sponsor, partners.score_w, partners.name_key) from it on
-- every write so that they can be indexed.

PRAGMA application_id = 1634495609; -- 0x616c6c79, "ally"

CREATE TABLE partners (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	version        INTEGER NOT NULL DEFAULT 1,
	name           TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
	-- text_fold(name), kept by the store: names are unique ignoring case
	-- in any script, which NOCASE (ASCII only) cannot tell
	name_key       TEXT NOT NULL UNIQUE,
	type           TEXT NOT NULL CHECK (type IN ('strategic_alliance', 'channel', 'technology',
	                   'co_marketing', 'referral', 'joint_venture')),
	phase          TEXT NOT NULL DEFAULT 'prospect' CHECK (phase IN ('prospect', 'proposal',
	                   'negotiation', 'launch', 'ramp_up', 'steady_state', 'renewal',
	                   'expansion', 'exit')),
	owner          TEXT COLLATE NOCASE,
	owner_key      TEXT, -- text_fold(owner), kept by the store, for the owner filter
	origin         TEXT CHECK (origin IN ('executive_meeting', 'bd_outreach', 'employee_move',
	                   'pre_acquisition', 'investor_intro', 'organic_integration', 'other')),
	power          TEXT CHECK (power IN ('big_fish', 'small_fish', 'equal')),
	goal           TEXT CHECK (goal IN ('capability', 'distribution', 'both')),
	value_partner  TEXT,
	value_us       TEXT,
	value_together TEXT,
	region         TEXT,
	website        TEXT,
	notes          TEXT,
	-- current quick status; the history is in status_updates
	health         TEXT CHECK (health IN ('green', 'amber', 'red')),
	status_note    TEXT,
	status_date    TEXT CHECK (status_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	status_author  TEXT,
	-- newest scoring; the history is in scores.  score_w drives the tier.
	score_w        INTEGER CHECK (score_w BETWEEN 0 AND 10000),
	score_fit      INTEGER CHECK (score_fit BETWEEN 0 AND 100),
	score_reach    INTEGER CHECK (score_reach BETWEEN 0 AND 100),
	score_capabilities INTEGER CHECK (score_capabilities BETWEEN 0 AND 100),
	score_financial INTEGER CHECK (score_financial BETWEEN 0 AND 100),
	score_track_record INTEGER CHECK (score_track_record BETWEEN 0 AND 100),
	score_date     TEXT CHECK (score_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at     TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at     TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX partners_phase ON partners (phase);
CREATE INDEX partners_type ON partners (type);
CREATE INDEX partners_owner ON partners (owner_key);
CREATE INDEX partners_score_w ON partners (score_w);

CREATE TABLE status_updates (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	health     TEXT NOT NULL CHECK (health IN ('green', 'amber', 'red')),
	note       TEXT,
	author     TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX status_updates_partner ON status_updates (partner_id, date);

CREATE TABLE scores (
	id           INTEGER PRIMARY KEY,
	partner_id   INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	fit          INTEGER NOT NULL CHECK (fit BETWEEN 0 AND 100),
	reach        INTEGER NOT NULL CHECK (reach BETWEEN 0 AND 100),
	capabilities INTEGER NOT NULL CHECK (capabilities BETWEEN 0 AND 100),
	financial    INTEGER NOT NULL CHECK (financial BETWEEN 0 AND 100),
	track_record INTEGER NOT NULL CHECK (track_record BETWEEN 0 AND 100),
	w            INTEGER NOT NULL CHECK (w BETWEEN 0 AND 10000),
	author       TEXT NOT NULL,
	created_at   TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX scores_partner ON scores (partner_id, date);

CREATE TABLE phase_moves (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	from_phase TEXT NOT NULL CHECK (from_phase IN ('prospect', 'proposal', 'negotiation',
	               'launch', 'ramp_up', 'steady_state', 'renewal', 'expansion', 'exit')),
	to_phase   TEXT NOT NULL CHECK (to_phase IN ('prospect', 'proposal', 'negotiation',
	               'launch', 'ramp_up', 'steady_state', 'renewal', 'expansion', 'exit')),
	note       TEXT,
	author     TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- A partner's moves in date order (then id, the rowid the index ends
-- with), and its last move's date, without a sort.
CREATE INDEX phase_moves_partner ON phase_moves (partner_id, date);

CREATE TABLE contacts (
	id           INTEGER PRIMARY KEY,
	partner_id   INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	version      INTEGER NOT NULL DEFAULT 1,
	name         TEXT NOT NULL CHECK (length(name) > 0),
	role         TEXT,
	email        TEXT,
	phone        TEXT,
	exec_sponsor INTEGER NOT NULL DEFAULT 0 CHECK (exec_sponsor IN (0, 1)),
	created_at   TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at   TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX contacts_partner ON contacts (partner_id);

CREATE TABLE contracts (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	partner_id         INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	version            INTEGER NOT NULL DEFAULT 1,
	title              TEXT NOT NULL CHECK (length(title) > 0),
	status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'negotiating',
	                       'active', 'terminated', 'expired')),
	start_date         TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_date           TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	auto_renew         INTEGER NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1)),
	renewal_months     INTEGER NOT NULL DEFAULT 12 CHECK (renewal_months BETWEEN 1 AND 120),
	notice_days        INTEGER NOT NULL DEFAULT 60 CHECK (notice_days BETWEEN 0 AND 365),
	annual_value       INTEGER CHECK (annual_value >= 0),
	currency           TEXT NOT NULL DEFAULT 'USD' CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
	model              TEXT CHECK (model IN ('revenue_share', 'tiered_revenue_share',
	                       'referral_fee', 'reseller_margin', 'co_marketing', 'flat_fee')),
	pct1               INTEGER CHECK (pct1 BETWEEN 0 AND 10000),
	pct2               INTEGER CHECK (pct2 BETWEEN 0 AND 10000),
	pct3               INTEGER CHECK (pct3 BETWEEN 0 AND 10000),
	amount             INTEGER CHECK (amount >= 0),
	exclusivity        TEXT CHECK (exclusivity IN ('exclusive', 'non_exclusive', 'limited',
	                       'sunset')),
	exclusivity_end    TEXT CHECK (exclusivity_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	liability_cap      INTEGER CHECK (liability_cap >= 0),
	termination_reason TEXT,
	notes              TEXT,
	-- end_date - notice_days when auto_renew, else NULL; kept by the store
	notice_deadline    TEXT CHECK (notice_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at         TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at         TEXT NOT NULL DEFAULT (datetime('now')),
	CHECK (end_date >= start_date)
);
CREATE INDEX contracts_status_end ON contracts (status, end_date);
CREATE INDEX contracts_status_notice ON contracts (status, notice_deadline);
-- One partner's contracts, or its active ones (facts, the delete check).
CREATE INDEX contracts_partner_status ON contracts (partner_id, status);

-- Every term of a contract once it has been renewed: the original term
-- first (renewed_on NULL), then one row per renewal.
CREATE TABLE contract_terms (
	id          INTEGER PRIMARY KEY,
	contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_date    TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	renewed_on  TEXT CHECK (renewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	author      TEXT,
	created_at  TEXT NOT NULL DEFAULT (datetime('now')),
	CHECK (end_date >= start_date)
);
CREATE INDEX contract_terms_contract ON contract_terms (contract_id, id);

CREATE TABLE reviews (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 1,
	kind       TEXT NOT NULL CHECK (kind IN ('working_team', 'steering', 'qbr')),
	date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	attendees  TEXT,
	notes      TEXT,
	decisions  TEXT,
	created_at TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX reviews_partner ON reviews (partner_id, date);

CREATE TABLE action_items (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	review_id  INTEGER REFERENCES reviews (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 1,
	text       TEXT NOT NULL CHECK (length(text) > 0),
	owner      TEXT,
	due        TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX action_items_partner ON action_items (partner_id);
CREATE INDEX action_items_review ON action_items (review_id);

-- One metric of one partner in one quarter (year * 4 + quarter - 1);
-- values are fixed point x100 (figures.h).
CREATE TABLE key_figures (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 1,
	quarter    INTEGER NOT NULL CHECK (quarter >= 0),
	metric     TEXT NOT NULL CHECK (metric IN ('revenue', 'new_customers', 'leads',
	               'lead_conversion', 'joint_customers', 'satisfaction', 'campaigns',
	               'referrals')),
	target     INTEGER CHECK (target >= 0),
	actual     INTEGER CHECK (actual >= 0),
	UNIQUE (partner_id, quarter, metric)
);

CREATE TABLE conflicts (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 1,
	kind       TEXT NOT NULL CHECK (kind IN ('performance', 'priorities', 'resources',
	               'communication', 'competition', 'money')),
	level      TEXT NOT NULL CHECK (level IN ('working_team', 'steering', 'executive', 'formal')),
	summary    TEXT,
	opened     TEXT NOT NULL CHECK (opened GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	resolved   TEXT CHECK (resolved GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	resolution TEXT,
	created_at TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX conflicts_partner ON conflicts (partner_id);

-- A negotiation may name the contract it prepares; deleting that contract
-- keeps the notes (they belong to the partner).
CREATE TABLE negotiations (
	id          INTEGER PRIMARY KEY,
	partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	contract_id INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
	version     INTEGER NOT NULL DEFAULT 1,
	batna       TEXT,
	ideal       TEXT,
	acceptable  TEXT,
	walk_away   TEXT,
	created_at  TEXT NOT NULL DEFAULT (datetime('now')),
	updated_at  TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX negotiations_partner ON negotiations (partner_id);
CREATE INDEX negotiations_contract ON negotiations (contract_id);

CREATE TABLE negotiation_terms (
	id             INTEGER PRIMARY KEY,
	negotiation_id INTEGER NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
	version        INTEGER NOT NULL DEFAULT 1,
	text           TEXT NOT NULL CHECK (length(text) > 0),
	priority       TEXT NOT NULL CHECK (priority IN ('must_have', 'important', 'nice_to_have'))
);
CREATE INDEX negotiation_terms_negotiation ON negotiation_terms (negotiation_id);

-- Who changed what, when.  No foreign keys: the log outlives what it
-- describes.  field '*' marks an insert or delete, with a summary.
-- partner_name is the partner's name when the row was written, so the
-- history of a deleted partner stays readable; lists show the current
-- name while the partner exists.
CREATE TABLE audit_log (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	at           TEXT NOT NULL DEFAULT (datetime('now')),
	user         TEXT NOT NULL,
	tbl          TEXT NOT NULL,
	row_id       INTEGER NOT NULL,
	partner_id   INTEGER,
	partner_name TEXT,
	field        TEXT NOT NULL,
	old_value    TEXT,
	new_value    TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
-- One partner's rows, newest first, without a sort.
CREATE INDEX audit_log_partner ON audit_log (partner_id, id);

PRAGMA user_version = 1;
