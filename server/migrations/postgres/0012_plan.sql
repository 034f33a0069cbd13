-- Tool 3, the organisation's plan for leader wellbeing: HR (with top
-- management, MED/AMO and leaders) chooses themes from the theme sheet,
-- maps what is known, unfolds and places each theme in the matrix, and
-- writes an action card per theme; the plan names its two most important
-- points and records top management's sign-off.

CREATE TABLE org_plans (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    -- Top management's sign-off: the day, who (a body or names, as typed), a note.
    signed_off_on TEXT,
    signed_off_by TEXT NOT NULL DEFAULT '',
    signoff_note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    -- Set when a new plan replaces this one.
    closed_at TEXT
);
CREATE UNIQUE INDEX org_plans_one_open ON org_plans(org_id) WHERE closed_at IS NULL;

-- A chosen theme with its mapping (step 1), how the organisation will
-- work with it and where it sits in the matrix (step 2), and its action
-- card (step 3). The theme is a card of the organisation deck (its code)
-- or an APV theme (apv:<catalogue item id>).
CREATE TABLE org_plan_themes (
    plan_id TEXT NOT NULL REFERENCES org_plans(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    position BIGINT NOT NULL,
    known TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '',
    need_more TEXT NOT NULL DEFAULT '',
    unfold TEXT NOT NULL DEFAULT '',
    quadrant TEXT,
    goal TEXT NOT NULL DEFAULT '',
    actions TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    starts_on TEXT,
    deadline TEXT,
    measure TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    -- The next follow-up of the card (HR is reminded before it), and where
    -- the work stands: planned, under_way, done or dropped.
    follow_up_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned',
    -- 1 or 2: the plan's two most important points.
    top BIGINT,
    updated_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, theme)
);
CREATE UNIQUE INDEX org_plan_themes_top ON org_plan_themes(plan_id, top) WHERE top IS NOT NULL;
