-- Seeds the benchmark's users (psql -v users=N -f seed.sql), after the example's migrations.
--
-- Deterministic: the same N gives the same rows. Timestamps are whole seconds, so the three
-- stacks' JSON can be compared byte for byte (see PublicUser.swift). Every other pair of users
-- shares its created_at, so GET /users depends on the id breaking ties. Some users have an
-- inviter and some are disabled, so the optional keys appear and disappear in the bodies.
INSERT INTO users (id, username, email, password_hash, email_verified, created_at, updated_at, role, invited_by_id, disabled_at)
SELECT md5('user' || i)::uuid,
       'user' || lpad(i::text, 6, '0'),
       'user' || i || '@example.com',
       -- As long as an Argon2 hash: every stack reads it from the server and drops it.
       '$argon2id$v=19$m=65536,t=3,p=4$' || left(md5('salt' || i), 22) || '$' || md5('hash' || i) || left(md5('more' || i), 11),
       i % 3 = 0,
       timestamptz '2025-01-01 00:00:00+00' + (i / 2) * interval '1 minute',
       timestamptz '2025-01-01 00:00:00+00' + (i / 2) * interval '1 minute' + (i % 100) * interval '1 second',
       (CASE WHEN i % 50 = 0 THEN 'admin' ELSE 'user' END)::user_role,
       CASE WHEN i % 4 = 0 THEN md5('user' || (i / 4))::uuid END,
       CASE WHEN i % 10 = 0 THEN timestamptz '2025-06-01 12:00:00+00' + i * interval '1 second' END
FROM generate_series(1, :users) AS i;

-- The example's migrations have no index for GET /users' order, so the server would sort all N
-- rows per request (about 7 ms at 10,000 on this machine), every stack would wait on that, and
-- the benchmark would measure PostgreSQL rather than the three database layers. An app serving
-- this endpoint adds the index; the benchmark adds it here rather than changing the example.
CREATE INDEX users_created_at_id ON users (created_at DESC, id);

ANALYZE users;
