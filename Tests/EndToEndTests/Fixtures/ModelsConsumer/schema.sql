CREATE TYPE account_role AS ENUM ('admin', 'member');
CREATE TABLE accounts (id uuid PRIMARY KEY, email text NOT NULL, handle text NOT NULL, role account_role NOT NULL);
CREATE TABLE access_keys (token text PRIMARY KEY, account_id uuid NOT NULL REFERENCES accounts (id), label text);
CREATE TABLE _internal_log (id int PRIMARY KEY);
