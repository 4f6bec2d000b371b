-- Tables of the runtime benchmark (Sources/runtime-benchmark), loaded after round_trip.sql,
-- whose every_type table the benchmark reads too. Generated models: Sources/BenchmarkModels
-- (regenerate with scripts/regenerate-reference). The benchmark fills the tables itself.

-- Ten columns: the shape of a typical application row.
CREATE TABLE bench_narrow (
    id bigint PRIMARY KEY,
    external_id uuid NOT NULL,
    name text NOT NULL,
    code varchar(32) NOT NULL,
    note text,
    quantity integer NOT NULL,
    ratio double precision,
    active boolean NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);

-- Twenty columns of the common types, a third of them nullable.
CREATE TABLE bench_wide (
    id bigint PRIMARY KEY,
    external_id uuid NOT NULL,
    name text NOT NULL,
    email varchar(255) NOT NULL,
    bio text,
    age integer NOT NULL,
    score double precision,
    verified boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz,
    small smallint NOT NULL,
    big bigint,
    rating real,
    birthday date,
    avatar bytea,
    tags text[],
    login_count integer NOT NULL DEFAULT 0,
    parent_id uuid,
    status varchar(16) NOT NULL,
    last_seen timestamptz
);

