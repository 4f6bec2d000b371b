-- Undoes 006 (its column comment goes with the column).
ALTER TABLE users DROP COLUMN disabled_at;
