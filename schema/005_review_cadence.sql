-- 005_review_cadence.sql: only business reviews count for the cadence.
--
-- A tier 1 partner's next review is due a quarter after its last QBR, a
-- tier 2 or 3 partner's after its last QBR or steering review; a weekly
-- working-team meeting used to reset the clock too (domain.md, "Business
-- reviews and the cadence").  Nothing changes in the schema: the derived
-- review dates of every partner (review_due, 003_windows.sql) are
-- computed again by the store right after this script, in the same
-- transaction (migrate.c).

PRAGMA user_version = 5;
