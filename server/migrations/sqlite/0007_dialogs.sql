-- Tool 1, step 3: the leader's 45-minute dialog with the nearest leader, and
-- the reminders that keep the agreement's follow-up going.

-- One dialog (a meeting, not its content): who, when, where. The sequence
-- counts changes, so a calendar replaces the invitation it already has.
CREATE TABLE dialogs (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    leader_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    nearest_leader_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    starts_at TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    sequence INTEGER NOT NULL DEFAULT 0,
    cancelled_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX dialogs_leader ON dialogs(leader_id, starts_at);
CREATE INDEX dialogs_nearest ON dialogs(nearest_leader_id, starts_at);

-- Reminders already sent, so several servers and restarts send each once:
-- a sender inserts the row first and sends only if the insert took.
CREATE TABLE reminders_sent (
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    due_key TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (kind, subject_id, due_key)
);
