-- Tool 2, the leader group's collaboration: a round per meeting. Step 1
-- fixes when and where the group meets and the checklist it answers
-- beforehand (catalogue revisions, as in the introduction tool); step 2 is
-- the meeting with the group's picture and the prioritisation matrix;
-- step 3 the group agreement with its two points.

CREATE TABLE collab_rounds (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES leader_groups(id) ON DELETE CASCADE,
    started_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    -- The meeting: start as RFC 3339 UTC, length in minutes, place.
    meeting_at TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    -- The group leader's note in the invitation.
    message TEXT NOT NULL DEFAULT '',
    -- Raised when the time or place changes, so calendars update their event.
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    -- Set when the group settles its agreement; the round is then read-only.
    closed_at TEXT,
    -- Set while the group's leader shares the settled agreement with HR.
    shared_at TEXT
);
CREATE INDEX collab_rounds_group ON collab_rounds(org_id, group_id, created_at);
CREATE UNIQUE INDEX collab_rounds_one_open ON collab_rounds(group_id) WHERE closed_at IS NULL;

CREATE TABLE collab_round_items (
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (round_id, revision_id)
);

-- The checklist: one row per member and statement; "don't know" is no row.
CREATE TABLE collab_answers (
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    value INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (round_id, person_id, revision_id)
);

CREATE TABLE collab_respondents (
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    comment TEXT,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (round_id, person_id)
);
CREATE INDEX collab_respondents_person ON collab_respondents(person_id);

-- The prioritisation matrix: where the group placed each checklist theme.
CREATE TABLE collab_matrix (
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    -- act, raise, quick or park (importance x influence).
    quadrant TEXT NOT NULL,
    placed_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    placed_at TEXT NOT NULL,
    PRIMARY KEY (round_id, theme)
);

-- The group agreement: the two most important points, each with its owner,
-- actions and the date the group follows it up.
CREATE TABLE collab_points (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    actions TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    owner_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    follow_up_on TEXT NOT NULL,
    updated_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (round_id, position)
);
CREATE INDEX collab_points_owner ON collab_points(owner_person_id);

-- Follow-up: the next round's meeting opens with the last agreement's
-- points: done, did it work, carry on or drop.
CREATE TABLE collab_point_reviews (
    point_id TEXT PRIMARY KEY REFERENCES collab_points(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES collab_rounds(id) ON DELETE CASCADE,
    done INTEGER NOT NULL,
    worked TEXT NOT NULL,
    next_step TEXT NOT NULL,
    reviewed_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    reviewed_at TEXT NOT NULL
);
CREATE INDEX collab_point_reviews_round ON collab_point_reviews(round_id);
