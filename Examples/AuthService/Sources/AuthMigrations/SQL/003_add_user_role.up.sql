-- From the seed's "Creating Enums": the user_role enum and the users.role column.
CREATE TYPE user_role AS ENUM ('user', 'admin');
ALTER TABLE users ADD COLUMN role user_role NOT NULL DEFAULT 'user';
