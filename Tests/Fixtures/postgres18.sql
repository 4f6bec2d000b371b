-- PostgreSQL 18 catalog features, for the PostgreSQL 18 tests
-- (Tests/IntrospectionTests/Postgres18Tests.swift, Tests/EndToEndTests/Postgres18EndToEndTests.swift):
-- virtual generated columns, uuidv7() defaults, a temporal primary key (WITHOUT OVERLAPS) and a
-- PERIOD foreign key, NOT ENFORCED and NOT VALID constraints, NOT NULL NOT VALID, domain NOT NULL
-- (kept in pg_constraint since 17), and a GROUP BY view (whose query tree changed in 18).
-- Temporal keys over integer columns need btree_gist.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE DOMAIN stars AS integer NOT NULL CHECK (VALUE BETWEEN 1 AND 5);

CREATE TABLE rooms (
    id integer NOT NULL,
    valid_at daterange NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)
);
COMMENT ON TABLE rooms IS 'Rooms, as they were over time.';

CREATE TABLE bookings (
    id uuid PRIMARY KEY DEFAULT uuidv7(),
    room_id integer NOT NULL,
    valid_at daterange NOT NULL,
    guest text NOT NULL,
    nights integer GENERATED ALWAYS AS (upper(valid_at) - lower(valid_at)) VIRTUAL,
    guest_shout text GENERATED ALWAYS AS (upper(guest)) STORED,
    CONSTRAINT bookings_room_fkey FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES rooms (id, PERIOD valid_at)
);

CREATE TABLE guests (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE reviews (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guest_id integer NOT NULL,
    booking_id uuid NOT NULL,
    rating stars,
    body text,
    CONSTRAINT reviews_guest_fkey FOREIGN KEY (guest_id) REFERENCES guests (id) NOT ENFORCED,
    CONSTRAINT reviews_body_check CHECK (length(body) > 3) NOT ENFORCED
);

-- Rows written before NOT VALID constraints: a note without text, pointing at no booking.
CREATE TABLE legacy_notes (
    booking_id uuid,
    body text
);
INSERT INTO legacy_notes VALUES ('00000000-0000-7000-8000-000000000000', NULL), (NULL, 'kept');
ALTER TABLE legacy_notes ADD CONSTRAINT legacy_notes_booking_fkey FOREIGN KEY (booking_id) REFERENCES bookings (id) NOT VALID;
ALTER TABLE legacy_notes ADD CONSTRAINT legacy_notes_body_not_null NOT NULL body NOT VALID;

CREATE VIEW room_bookings AS
    SELECT b.room_id, b.guest, count(*) AS bookings
    FROM bookings b LEFT JOIN reviews r ON r.booking_id = b.id
    GROUP BY b.room_id, b.guest;

INSERT INTO rooms VALUES
    (1, '[2025-01-01,2025-07-01)', 'Blue'),
    (1, '[2025-07-01,2026-01-01)', 'Blue, renovated'),
    (2, '[2025-01-01,)', 'Green');
INSERT INTO guests VALUES (1, 'Ada'), (2, 'Grace');
-- The first booking spans two rows of room 1: a PERIOD key is covered by several rows.
INSERT INTO bookings (room_id, valid_at, guest) VALUES
    (1, '[2025-06-28,2025-07-03)', 'Ada'),
    (2, '[2025-03-01,2025-03-05)', 'Grace');
-- Guest 3 does not exist: the NOT ENFORCED key lets it in.
INSERT INTO reviews (guest_id, booking_id, rating, body)
    SELECT 3, id, 4, 'Quiet' FROM bookings WHERE guest = 'Ada';
