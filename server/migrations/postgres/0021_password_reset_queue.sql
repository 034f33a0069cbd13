-- Requests for a password-reset mail, queued by /password/forgot and sent
-- by a background worker (auth::reset_mail), so the page answers the same
-- way and in the same time whether or not the address has an account.
-- A row lives until its mail is sent (seconds) or found stale.
CREATE TABLE password_reset_requests (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    claimed_at TEXT
);
CREATE INDEX password_reset_requests_requested ON password_reset_requests (requested_at);
