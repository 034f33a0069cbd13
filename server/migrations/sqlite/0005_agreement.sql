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
