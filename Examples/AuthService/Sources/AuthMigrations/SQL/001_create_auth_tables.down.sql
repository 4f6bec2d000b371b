-- Undoes 001: the tokens first, since they refer to the users.
DROP TABLE refresh_tokens;
DROP TABLE users;
