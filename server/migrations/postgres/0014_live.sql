-- Live dialog sessions: a deck worked through on a shared screen and the
-- participants' phones. The session is its append-only log of events
-- (`live_events`); everything shown is folded from it. Participants are
-- numbered inside the session (1 is the facilitator); a guest proves who
-- they are with a secret kept in a cookie, stored here only as a hash.
CREATE TABLE live_sessions (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    deck TEXT NOT NULL,
    procedure TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    -- The leader group whose agreement the next steps may go to.
    group_id TEXT REFERENCES leader_groups(id) ON DELETE SET NULL,
    created_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    ended_at TEXT,
    -- When and where the agreed next steps went (the thread across
    -- levels): 'plan', 'group' (lifted to group_id) or 'agreement'.
    landed_at TEXT,
    landed_to TEXT
);
CREATE INDEX live_sessions_org ON live_sessions(org_id, created_at);

CREATE TABLE live_participants (
    session_id TEXT NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    no BIGINT NOT NULL,
    person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    guest_secret_hash TEXT,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (session_id, no)
);
CREATE UNIQUE INDEX live_participants_person ON live_participants(session_id, person_id);
CREATE UNIQUE INDEX live_participants_guest ON live_participants(session_id, guest_secret_hash);
CREATE INDEX live_participants_of ON live_participants(person_id);

CREATE TABLE live_events (
    session_id TEXT NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    -- Who sent the command, and the id their client gave it: a resend after
    -- a lost connection is answered with the event already written.
    participant BIGINT,
    client_id TEXT,
    body TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
-- A command is written once, however often a reconnecting client resends it.
CREATE UNIQUE INDEX live_events_command ON live_events(session_id, participant, client_id);
