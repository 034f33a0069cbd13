-- What a person should hear about (notify::store): a lift arrived at the
-- group they lead or was answered, an agreement shared with them was shared,
-- commented on or marked "aftalt", a group round's picture was revealed.
-- The row holds ids and a link, never the words: the text is written in the
-- reader's language when shown, from what the reader may see on that page.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- Who acted, when the reader may know it (never an unattributed lift's sender).
    actor_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    group_id TEXT REFERENCES leader_groups(id) ON DELETE CASCADE,
    -- The page to open, a path on this server.
    link TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    -- Set when a mail (at once or in the daily digest) took it.
    mailed_at TEXT
);
CREATE INDEX notifications_unread ON notifications(org_id, person_id, read_at);
CREATE INDEX notifications_unmailed ON notifications(org_id, mailed_at, created_at);
-- How often the account wants mail about them: immediate, daily or never.
ALTER TABLE accounts ADD COLUMN notify_mail TEXT NOT NULL DEFAULT 'daily';
