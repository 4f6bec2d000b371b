-- From the seed's m2024_01_01_000001_create_tenants (003_50e11504458ec632.txt).
CREATE TABLE tenants (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
