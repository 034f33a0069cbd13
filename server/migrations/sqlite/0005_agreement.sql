-- Tool 1: the leader's dialog with the nearest leader and the leader agreement.
-- Everything here is the leader's own until they share it: notes are never
-- shared; points are shared one by one with the named person in shared_with_id.

-- The interview guide's notes, one per prompt (a catalogue item), with the
-- wording (revision) the leader wrote to, so an edited prompt keeps its note.
CREATE TABLE guide_notes (
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES catalogue_items(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, item_id)
);

-- One agreement per three-month period; a new period starts from the old one.
CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    previous_id TEXT REFERENCES agreements(id) ON DELETE SET NULL,
    shared_with_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    agreed_by_leader_at TEXT,
    agreed_by_nearest_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreements_person ON agreements(person_id, starts_on);
CREATE INDEX agreements_shared_with ON agreements(shared_with_id);

CREATE TABLE agreement_points (
    id TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    follow_up TEXT NOT NULL DEFAULT '',
    rhythm TEXT NOT NULL DEFAULT 'none',
    shared INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreement_points_agreement ON agreement_points(agreement_id, kind, position);

-- The nearest leader's (and the leader's) comments on shared points.
CREATE TABLE agreement_comments (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    point_id TEXT REFERENCES agreement_points(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX agreement_comments_agreement ON agreement_comments(agreement_id, created_at);

-- Follow-up: a daily tick (kept 1/0) or a weekly line (day = the week's Monday).
CREATE TABLE check_ins (
    point_id TEXT NOT NULL REFERENCES agreement_points(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kept INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (point_id, day)
);

-- The 45-minute dialog with the nearest leader; sequence counts changes for calendars.
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
    reminded_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX dialogs_leader ON dialogs(leader_id, starts_at);
CREATE INDEX dialogs_nearest ON dialogs(nearest_leader_id, starts_at);

-- The thread across levels: a point lifted one level up with its owner's
-- consent, as a copy in the sender's words. The receiving level answers it.
CREATE TABLE lifts (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    source_kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    from_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    from_group_id TEXT REFERENCES leader_groups(id) ON DELETE SET NULL,
    to_level TEXT NOT NULL,
    to_group_id TEXT REFERENCES leader_groups(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    attributed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    answer TEXT NOT NULL DEFAULT '',
    answered_by_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    answered_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX lifts_to_group ON lifts(to_group_id, created_at);
CREATE INDEX lifts_to_org ON lifts(org_id, to_level, created_at);
CREATE INDEX lifts_source ON lifts(source_kind, source_id);

-- Reminders already sent, so several servers and restarts send each once.
CREATE TABLE reminders_sent (
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    due_key TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (kind, subject_id, due_key)
);
