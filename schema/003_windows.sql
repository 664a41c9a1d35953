-- 003_windows.sql: what lets the interface and the command line read the
-- rows they show (a window of a list, a count) through an index, at any
-- size of the portfolio, instead of reading every partner.
--
-- The flags and the next action change with the calendar, so they cannot
-- be stored.  What is stored is what they are derived from that does not
-- depend on today (include/ally/flag-dates.h): a query compares those
-- days with today.  The store brings them up to date for every partner a
-- write transaction touched, just before it commits (src/store/derive.c);
-- the counters and the name index below are kept by triggers, in the
-- same transaction as the change.
--
-- Day columns added here are INTEGER day numbers (days since 1970-01-01,
-- as ally_date), not text: they are never shown, only compared.

-- text_sort_key(name): the order of names (accented Latin letters with
-- their base letter), compared byte by byte.
ALTER TABLE partners ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
-- enum phase: the lifecycle order, for the phase sort and filter.
ALTER TABLE partners ADD COLUMN phase_no INTEGER NOT NULL DEFAULT 0;
-- enum tier of score_w (-1: never scored), for the tier filter.
ALTER TABLE partners ADD COLUMN tier INTEGER NOT NULL DEFAULT -1;
-- The earliest end of an active contract: lapsed while today is later.
ALTER TABLE partners ADD COLUMN min_end INTEGER;
-- The next review due (NULL: none, or in exit): overdue while today is later.
ALTER TABLE partners ADD COLUMN review_due INTEGER;
-- The first day the partner is behind schedule (launch, ramp-up).
ALTER TABLE partners ADD COLUMN behind_from INTEGER;
-- The first day its status is stale (a live phase only).
ALTER TABLE partners ADD COLUMN stale_from INTEGER;
-- 1: a live phase without an executive sponsor.
ALTER TABLE partners ADD COLUMN no_sponsor INTEGER NOT NULL DEFAULT 0;
-- 1: a contract ending within the renewal window makes it "renewal due"
-- (the phase is not renewal, expansion or exit).
ALTER TABLE partners ADD COLUMN renewal_watch INTEGER NOT NULL DEFAULT 0;

-- Every order of the Portfolio ends by name (then id), so each index
-- does too: a window is a range of one index in any sort and filter.
-- A type or a tier is a large part of the list (a sixth, a quarter): a
-- window of it walks the names and passes over the others, so those two
-- only count (and are small, without the name).
DROP INDEX partners_phase;
DROP INDEX partners_type;
DROP INDEX partners_owner;
DROP INDEX partners_score_w;
CREATE INDEX partners_name ON partners (sort_key, id);
CREATE INDEX partners_phase ON partners (phase_no, sort_key, id);
CREATE INDEX partners_type ON partners (type);
CREATE INDEX partners_owner ON partners (owner_key, sort_key, id);
CREATE INDEX partners_tier ON partners (tier);
CREATE INDEX partners_score ON partners (score_w, sort_key, id);
-- The flagged filter: one range of each of these per flag, as of today.
CREATE INDEX partners_lapsed ON partners (min_end) WHERE min_end IS NOT NULL;
CREATE INDEX partners_review_due ON partners (review_due) WHERE review_due IS NOT NULL;
CREATE INDEX partners_behind ON partners (behind_from) WHERE behind_from IS NOT NULL;
CREATE INDEX partners_stale ON partners (stale_from) WHERE stale_from IS NOT NULL;
CREATE INDEX partners_no_sponsor ON partners (id) WHERE no_sponsor = 1;

-- The next action of a partner, as pieces of the calendar: for today in
-- valid_from..valid_until it is day (flag-dates.h, next_action_pieces).
-- It moves only when a notice deadline passes, so each partner has one
-- piece more than it has deadlines before its earliest end, and one
-- (day 2147483647, every day) with no active contract.  The order of the
-- next-action sort is a walk of the table by day from today's pieces.
CREATE TABLE next_actions (
	day         INTEGER NOT NULL,
	partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	valid_from  INTEGER NOT NULL,
	valid_until INTEGER NOT NULL,
	PRIMARY KEY (day, partner_id, valid_from)
) WITHOUT ROWID;
-- (No name here: the day's pieces are few, and a window sorts them by
-- the partner's sort_key as it reads them; the table is its own index.)
CREATE INDEX next_actions_partner ON next_actions (partner_id);

-- The quarters (quarter_of_date(today)) in which a streak of key figures
-- makes a partner an expansion candidate or puts it on exit watch
-- (figures_streak_spans); flag is the enum partner_flag bit.
CREATE TABLE figure_streaks (
	partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
	flag       INTEGER NOT NULL,
	from_q     INTEGER NOT NULL,
	until_q    INTEGER NOT NULL
);
CREATE INDEX figure_streaks_partner ON figure_streaks (partner_id, flag);
CREATE INDEX figure_streaks_until ON figure_streaks (flag, until_q, from_q, partner_id);

-- How many partners there are in all (dim 'all', val 0) and per phase,
-- type, owner and tier, kept by the triggers below in the same
-- transaction as each change: the header's counts and the Dashboard's
-- pipeline without counting rows.
CREATE TABLE partner_counts (
	dim TEXT NOT NULL,
	val NOT NULL,
	n   INTEGER NOT NULL,
	PRIMARY KEY (dim, val)
) WITHOUT ROWID;

CREATE TRIGGER partner_counts_insert AFTER INSERT ON partners BEGIN
	INSERT INTO partner_counts VALUES ('all', 0, 1) ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO partner_counts VALUES ('phase', new.phase_no, 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO partner_counts VALUES ('type', new.type, 1) ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO partner_counts VALUES ('owner', coalesce(new.owner_key, ''), 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO partner_counts VALUES ('tier', new.tier, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partner_counts_delete AFTER DELETE ON partners BEGIN
	UPDATE partner_counts SET n = n - 1 WHERE (dim = 'all' AND val = 0)
		OR (dim = 'phase' AND val = old.phase_no) OR (dim = 'type' AND val = old.type)
		OR (dim = 'owner' AND val = coalesce(old.owner_key, ''))
		OR (dim = 'tier' AND val = old.tier);
END;
CREATE TRIGGER partner_counts_phase AFTER UPDATE OF phase_no ON partners
WHEN old.phase_no IS NOT new.phase_no BEGIN
	UPDATE partner_counts SET n = n - 1 WHERE dim = 'phase' AND val = old.phase_no;
	INSERT INTO partner_counts VALUES ('phase', new.phase_no, 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partner_counts_type AFTER UPDATE OF type ON partners
WHEN old.type IS NOT new.type BEGIN
	UPDATE partner_counts SET n = n - 1 WHERE dim = 'type' AND val = old.type;
	INSERT INTO partner_counts VALUES ('type', new.type, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partner_counts_owner AFTER UPDATE OF owner_key ON partners
WHEN old.owner_key IS NOT new.owner_key BEGIN
	UPDATE partner_counts SET n = n - 1 WHERE dim = 'owner' AND val = coalesce(old.owner_key, '');
	INSERT INTO partner_counts VALUES ('owner', coalesce(new.owner_key, ''), 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partner_counts_tier AFTER UPDATE OF tier ON partners
WHEN old.tier IS NOT new.tier BEGIN
	UPDATE partner_counts SET n = n - 1 WHERE dim = 'tier' AND val = old.tier;
	INSERT INTO partner_counts VALUES ('tier', new.tier, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Active contracts counted by their end and notice deadline ('' for
-- none), kept by triggers: the Renewals sections and the Dashboard count
-- a range of days here, whose size is the calendar's, not the
-- portfolio's.
CREATE TABLE contract_days (
	end_date        TEXT NOT NULL,
	notice_deadline TEXT NOT NULL,
	n               INTEGER NOT NULL,
	PRIMARY KEY (end_date, notice_deadline)
) WITHOUT ROWID;
CREATE INDEX contract_days_notice ON contract_days (notice_deadline, end_date, n);

CREATE TRIGGER contract_days_insert AFTER INSERT ON contracts
WHEN new.status = 'active' BEGIN
	INSERT INTO contract_days VALUES (new.end_date, coalesce(new.notice_deadline, ''), 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contract_days_delete AFTER DELETE ON contracts
WHEN old.status = 'active' BEGIN
	UPDATE contract_days SET n = n - 1
		WHERE end_date = old.end_date AND notice_deadline = coalesce(old.notice_deadline, '');
END;
CREATE TRIGGER contract_days_update AFTER UPDATE OF status, end_date, notice_deadline ON contracts
WHEN old.status = 'active' OR new.status = 'active' BEGIN
	UPDATE contract_days SET n = n - 1
		WHERE old.status = 'active' AND end_date = old.end_date
		  AND notice_deadline = coalesce(old.notice_deadline, '');
	INSERT INTO contract_days SELECT new.end_date, coalesce(new.notice_deadline, ''), 1
		WHERE new.status = 'active' ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The annual value of the active contracts by their partner's tier and
-- by currency (billions and the rest apart, as store_value_by_tier adds
-- them without overflow), kept by triggers: the Dashboard's value by
-- tier without reading every contract.  A partner's deletion takes its
-- contracts' values out before the cascade removes them (the contract
-- trigger then finds no partner and does nothing).
CREATE TABLE tier_values (
	tier     INTEGER NOT NULL,
	currency TEXT NOT NULL,
	billions INTEGER NOT NULL,
	rest     INTEGER NOT NULL,
	n        INTEGER NOT NULL,
	PRIMARY KEY (tier, currency)
) WITHOUT ROWID;
CREATE TRIGGER tier_values_insert AFTER INSERT ON contracts
WHEN new.status = 'active' AND new.annual_value IS NOT NULL BEGIN
	INSERT INTO tier_values SELECT tier, new.currency, new.annual_value / 1000000000,
		new.annual_value % 1000000000, 1 FROM partners WHERE id = new.partner_id
		ON CONFLICT DO UPDATE SET billions = billions + excluded.billions,
			rest = rest + excluded.rest, n = n + 1;
END;
CREATE TRIGGER tier_values_delete AFTER DELETE ON contracts
WHEN old.status = 'active' AND old.annual_value IS NOT NULL BEGIN
	UPDATE tier_values SET billions = billions - old.annual_value / 1000000000,
		rest = rest - old.annual_value % 1000000000, n = n - 1
		WHERE currency = old.currency
		  AND tier = (SELECT tier FROM partners WHERE id = old.partner_id);
END;
CREATE TRIGGER tier_values_update AFTER UPDATE OF status, annual_value, currency, partner_id
ON contracts BEGIN
	UPDATE tier_values SET billions = billions - old.annual_value / 1000000000,
		rest = rest - old.annual_value % 1000000000, n = n - 1
		WHERE old.status = 'active' AND old.annual_value IS NOT NULL
		  AND currency = old.currency
		  AND tier = (SELECT tier FROM partners WHERE id = old.partner_id);
	INSERT INTO tier_values SELECT tier, new.currency, new.annual_value / 1000000000,
		new.annual_value % 1000000000, 1 FROM partners
		WHERE id = new.partner_id AND new.status = 'active'
		  AND new.annual_value IS NOT NULL
		ON CONFLICT DO UPDATE SET billions = billions + excluded.billions,
			rest = rest + excluded.rest, n = n + 1;
END;
CREATE TRIGGER tier_values_partner_delete BEFORE DELETE ON partners BEGIN
	UPDATE tier_values SET
		billions = billions - (SELECT coalesce(sum(annual_value / 1000000000), 0)
			FROM contracts WHERE partner_id = old.id AND status = 'active'
			  AND annual_value IS NOT NULL AND currency = tier_values.currency),
		rest = rest - (SELECT coalesce(sum(annual_value % 1000000000), 0)
			FROM contracts WHERE partner_id = old.id AND status = 'active'
			  AND annual_value IS NOT NULL AND currency = tier_values.currency),
		n = n - (SELECT count(*) FROM contracts WHERE partner_id = old.id
			AND status = 'active' AND annual_value IS NOT NULL
			AND currency = tier_values.currency)
		WHERE tier = old.tier;
END;
CREATE TRIGGER tier_values_tier AFTER UPDATE OF tier ON partners
WHEN old.tier IS NOT new.tier BEGIN
	UPDATE tier_values SET
		billions = billions - (SELECT coalesce(sum(annual_value / 1000000000), 0)
			FROM contracts WHERE partner_id = old.id AND status = 'active'
			  AND annual_value IS NOT NULL AND currency = tier_values.currency),
		rest = rest - (SELECT coalesce(sum(annual_value % 1000000000), 0)
			FROM contracts WHERE partner_id = old.id AND status = 'active'
			  AND annual_value IS NOT NULL AND currency = tier_values.currency),
		n = n - (SELECT count(*) FROM contracts WHERE partner_id = old.id
			AND status = 'active' AND annual_value IS NOT NULL
			AND currency = tier_values.currency)
		WHERE tier = old.tier;
	INSERT INTO tier_values SELECT new.tier, currency, sum(annual_value / 1000000000),
		sum(annual_value % 1000000000), count(*) FROM contracts
		WHERE partner_id = new.id AND status = 'active' AND annual_value IS NOT NULL
		GROUP BY currency
		ON CONFLICT DO UPDATE SET billions = billions + excluded.billions,
			rest = rest + excluded.rest, n = n + excluded.n;
END;

-- The names for the Portfolio search: a trigram index over name_key
-- (text_fold of the name, as the search compares), so that a pattern of
-- three or more characters finds its few partners without a scan; rowid
-- is the partner's id.  The store keeps it with the other derived rows
-- just before each commit, not by triggers: a full-text table in a
-- transaction syncs at every statement, which made an import three times
-- slower.
CREATE VIRTUAL TABLE partner_names USING fts5(name_key,
	tokenize = 'trigram case_sensitive 1', detail = 'none');
INSERT INTO partner_names (rowid, name_key) SELECT id, name_key FROM partners;

-- The derived columns of the partners there are now, and then the
-- counters above, are computed by the store right after this script, in
-- the same transaction (migrate.c: derive_all, store_counters_rebuild).

PRAGMA user_version = 3;
