-- A person HR adds belongs to the organisation only once the address's
-- owner accepts the invitation (NULL: not yet). Everyone who could sign in
-- before counts as having accepted.
ALTER TABLE persons ADD COLUMN joined_at TEXT;
UPDATE persons SET joined_at = created_at
 WHERE account_id IN (SELECT id FROM accounts WHERE password_hash IS NOT NULL);
-- Who sent the latest invitation: shown to the invitee, by the sign-in
-- address the organisation cannot make up.
ALTER TABLE persons ADD COLUMN invited_by TEXT REFERENCES accounts(id) ON DELETE SET NULL;
-- A new sign-in address HR proposed; it takes effect when the account's
-- owner confirms from the link mailed to it (the token).
CREATE TABLE address_changes (
    token_hash TEXT PRIMARY KEY REFERENCES tokens(hash) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    new_email TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX address_changes_account ON address_changes (account_id);
