-- The introduction tool: the statements a round asks are fixed when the
-- round starts (the catalogue revisions current then), so HR's later edits
-- and hidden items never change a round that is under way or finished.
CREATE TABLE intro_run_items (
    run_id TEXT NOT NULL REFERENCES intro_runs(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    section TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (run_id, revision_id)
);

-- One open round per group at a time, held by the database itself.
CREATE UNIQUE INDEX intro_runs_one_open ON intro_runs(group_id) WHERE closed_at IS NULL;

-- The start page asks "what have I not answered" and "what am I responsible for".
CREATE INDEX intro_respondents_person ON intro_respondents(person_id);
CREATE INDEX intro_decisions_owner ON intro_decisions(owner_person_id);
