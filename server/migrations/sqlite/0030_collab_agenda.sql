-- Tool 2's agenda clock, kept by the server so a reload, the shared screen
-- and every phone show the same item and time (issue 17, item 4;
-- domain::collab::agenda). No row: the first item, its full time, stopped.
CREATE TABLE collab_agenda (
    round_id TEXT PRIMARY KEY REFERENCES collab_rounds(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    -- The current agenda item, from 0.
    item INTEGER NOT NULL,
    -- While the clock runs: when it was last started.
    started_at TEXT,
    -- Seconds of the item's time left when it was last started or paused
    -- (below 0 once it ran over).
    left_seconds INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
