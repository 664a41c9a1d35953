-- 004_source.sql: where each change came from.
--
-- On a shared host several people log in over SSH, sometimes as one
-- account; the client's address (the first word of SSH_CONNECTION, else
-- of SSH_CLIENT) tells their sessions apart in the history.  NULL for a
-- change made at the host itself, and for the changes before this
-- migration.
ALTER TABLE changes ADD COLUMN source TEXT;

PRAGMA user_version = 4;
