-- Undoes 003: the column before the type it uses.
ALTER TABLE users DROP COLUMN role;
DROP TYPE user_role;
