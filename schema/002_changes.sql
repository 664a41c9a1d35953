-- 002_changes.sql: every audit row names the change that made it.
--
-- A change is one write transaction of the store: one command of the
-- command line (an import of 100,000 rows included), one save of the
-- interface.  Its id is the id of its first audit row, and every audit
-- row of the same transaction carries it, so the rows of one change can
-- be found (and one day undone) together.  They are also consecutive in
-- audit_log.id, since a change holds the write lock from its first row to
-- its last: the rows of change X are those with X <= id < the next
-- change's id, a range of the primary key, which needs no index.
CREATE TABLE changes (
	id   INTEGER PRIMARY KEY, -- = audit_log.id of its first row
	at   TEXT NOT NULL DEFAULT (datetime('now')), -- UTC, as audit_log.at
	user TEXT NOT NULL,
	what TEXT -- what made it, e.g. "import partners FILE"; NULL when not said
);

-- NULL for the rows written before this migration: they were never
-- grouped, and guessing groups from their times would be wrong for two
-- commands of one user in the same second.  No foreign key, as for the
-- rest of the log (and changes are never deleted).
ALTER TABLE audit_log ADD COLUMN change_id INTEGER;

-- Nothing reads the log by time: lists page by id (newest first), which
-- is also time order.  The index cost a third of the log's size.
DROP INDEX audit_log_at;

PRAGMA user_version = 2;
