-- From the seed's "Query with joins": active tokens are those of users not disabled.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
COMMENT ON COLUMN users.disabled_at IS 'When the account was disabled; NULL while it is active.';
