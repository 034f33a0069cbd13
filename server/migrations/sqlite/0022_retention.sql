-- The retention period (docs/decisions/0012-retention.md). A closed APV
-- campaign's Skema 1 answers are deleted once the period has passed; what
-- the campaign's overview, the plan and the overview's participation count
-- are built from is kept first, as counts per block of respondents (the
-- round's group and a unit at closing), the same blocks the overview and
-- its differencing check already use. Nothing here names a person.

-- How many leaders handed in in a round, per unit they had at closing.
CREATE TABLE apv_kept_blocks (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    unit_id TEXT,
    respondents INTEGER NOT NULL
);
CREATE INDEX apv_kept_blocks_round ON apv_kept_blocks (round_id);

-- How many of them marked a theme (catalogue item) red, yellow or green.
CREATE TABLE apv_kept_counts (
    round_id TEXT NOT NULL REFERENCES apv_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    unit_id TEXT,
    item_id TEXT NOT NULL,
    red INTEGER NOT NULL,
    yellow INTEGER NOT NULL,
    green INTEGER NOT NULL
);
CREATE INDEX apv_kept_counts_round ON apv_kept_counts (round_id);

-- When a round's answers were counted into the rows above; set once, by the
-- purge that claimed the round, so two servers never count it twice.
ALTER TABLE apv_rounds ADD COLUMN tallied_at TEXT;

-- How many different leaders handed in across the campaign's rounds (a
-- leader in two groups counts once), kept when its answers are deleted.
ALTER TABLE apv_campaigns ADD COLUMN kept_respondents INTEGER;
