-- Undoes 005 in reverse order: each object goes before what it depends on (the view before the
-- tables it reads, the events before the memberships they refer to, the columns before their types).
DROP VIEW active_refresh_tokens;
DROP TABLE membership_events;
DROP TABLE messages;
DROP TABLE tenant_memberships;
ALTER TABLE tenants DROP COLUMN billing_address, DROP COLUMN billing_email;
ALTER TABLE users DROP COLUMN invited_by_id;
DROP TYPE postal_address;
DROP DOMAIN email_address;
