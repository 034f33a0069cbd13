-- The leader APV (seed 001): a round per leader group, optionally part of a
-- campaign HR runs across many groups. A round fixes the themes it asks when
-- it starts (catalogue revisions), so HR's later edits never change it.

CREATE TABLE apv_campaigns (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    variant TEXT NOT NULL,
    deadline TEXT NOT NULL,
    started_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX apv_campaigns_org ON apv_campaigns(org_id, created_at);

CREATE TABLE apv_rounds (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES leader_groups(id) ON DELETE CASCADE,
    campaign_id TEXT REFERENCES apv_campaigns(id) ON DELETE SET NULL,
    -- now (STOP / WAIT / GO) or future (leave behind / think anew / keep).
    variant TEXT NOT NULL,
    -- The day Skema 1 should be in by; reminders count towards it.
    deadline TEXT,
    started_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    -- The law's questions for the report: does the work environment
    -- contribute to sickness absence (yes/partly/no), how the safety
    -- organisation took part and when, when the next APV is due.
    absence TEXT,
    absence_note TEXT NOT NULL DEFAULT '',
    amo_on TEXT,
    amo_note TEXT NOT NULL DEFAULT '',
    next_due TEXT,
    closed_at TEXT
);
CREATE INDEX apv_rounds_group ON apv_rounds(org_id, group_id, created_at);
CREATE INDEX apv_rounds_campaign ON apv_rounds(campaign_id);
CREATE UNIQUE INDEX apv_rounds_one_open ON apv_rounds(group_id) WHERE closed_at IS NULL;

CREATE TABLE apv_round_themes (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    part TEXT NOT NULL,
    position INTEGER NOT NULL,
    -- The part's "other themes" row, where a leader names their own.
    other INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, revision_id)
);

-- Skema 1: one row per leader and theme. A colour column is NULL when the
-- colour is not marked and holds the keywords (possibly empty) when it is.
CREATE TABLE apv_answers (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    red TEXT,
    yellow TEXT,
    green TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (round_id, person_id, revision_id)
);

-- A leader's Skema 1 counts in the group's picture once handed in.
CREATE TABLE apv_respondents (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (round_id, person_id)
);
CREATE INDEX apv_respondents_person ON apv_respondents(person_id);

-- Skema 2: where the group puts a theme in a colour.
CREATE TABLE apv_sorting (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    colour TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    PRIMARY KEY (round_id, revision_id, colour)
);

-- Skema 3: one action plan per chosen theme (the group picks one or two).
CREATE TABLE apv_plans (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    issue TEXT NOT NULL DEFAULT '',
    activities TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    timing TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    responsibilities TEXT NOT NULL DEFAULT '',
    evaluation TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    severity TEXT NOT NULL DEFAULT '',
    extent TEXT NOT NULL DEFAULT '',
    causes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (round_id, revision_id)
);

CREATE TABLE apv_actions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES apv_plans(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    due_on TEXT NOT NULL,
    done_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX apv_actions_plan ON apv_actions(plan_id);
CREATE INDEX apv_actions_owner ON apv_actions(owner_person_id, done_at);

-- The next round's meeting opens by reviewing the last round's actions.
CREATE TABLE apv_action_reviews (
    action_id TEXT PRIMARY KEY REFERENCES apv_actions(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    done INTEGER NOT NULL,
    worked TEXT NOT NULL,
    next_step TEXT NOT NULL,
    reviewed_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    reviewed_at TEXT NOT NULL
);
