-- Undoes 002.
DROP TABLE email_verification_tokens;
