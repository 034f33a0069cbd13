-- What a round promised the people who answer it, fixed when it starts
-- (domain::promise): anonymous or named, its thresholds, and its readers
-- (the group's members and leader at the start). One table for every tool's
-- rounds (introduction, Tool 2, APV); the round's id is its key, and the
-- group's deletion removes the promise with the rounds.
CREATE TABLE round_promises (
    round_id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES leader_groups(id) ON DELETE CASCADE,
    tool TEXT NOT NULL,
    openness TEXT NOT NULL,
    anonymity_k INTEGER NOT NULL,
    free_text_k INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX round_promises_group ON round_promises(org_id, group_id);

CREATE TABLE round_readers (
    round_id TEXT NOT NULL REFERENCES round_promises(round_id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, person_id)
);
CREATE INDEX round_readers_person ON round_readers(person_id);

-- A campaign's thresholds, fixed when it starts: its overview keeps them.
-- Campaigns started before are read with today's thresholds, never lower
-- than the defaults.
ALTER TABLE apv_campaigns ADD COLUMN anonymity_k INTEGER NOT NULL DEFAULT 5;
ALTER TABLE apv_campaigns ADD COLUMN free_text_k INTEGER NOT NULL DEFAULT 8;
UPDATE apv_campaigns SET
    anonymity_k = (SELECT MAX(o.anonymity_k, 5) FROM orgs o WHERE o.id = apv_campaigns.org_id),
    free_text_k = (SELECT MAX(o.free_text_k, 8) FROM orgs o WHERE o.id = apv_campaigns.org_id);

-- Rounds started before promises were kept: what they were promised is not
-- known, so they are read as anonymous with the organisation's thresholds
-- of today (never lower than the defaults), by today's members and leader
-- and everyone who answered.
INSERT INTO round_promises (round_id, org_id, group_id, tool, openness, anonymity_k, free_text_k, created_at)
SELECT r.id, r.org_id, r.group_id, 'intro', 'anonymous', MAX(o.anonymity_k, 5), MAX(o.free_text_k, 8), r.created_at
FROM intro_runs r JOIN orgs o ON o.id = r.org_id;
INSERT INTO round_promises (round_id, org_id, group_id, tool, openness, anonymity_k, free_text_k, created_at)
SELECT r.id, r.org_id, r.group_id, 'collab', 'anonymous', MAX(o.anonymity_k, 5), MAX(o.free_text_k, 8), r.created_at
FROM collab_rounds r JOIN orgs o ON o.id = r.org_id;
INSERT INTO round_promises (round_id, org_id, group_id, tool, openness, anonymity_k, free_text_k, created_at)
SELECT r.id, r.org_id, r.group_id, 'apv', 'anonymous',
       COALESCE(c.anonymity_k, MAX(o.anonymity_k, 5)), COALESCE(c.free_text_k, MAX(o.free_text_k, 8)), r.created_at
FROM apv_rounds r JOIN orgs o ON o.id = r.org_id LEFT JOIN apv_campaigns c ON c.id = r.campaign_id;

INSERT INTO round_readers (round_id, org_id, person_id)
SELECT p.round_id, p.org_id, m.person_id FROM round_promises p JOIN group_members m ON m.group_id = p.group_id
UNION
SELECT p.round_id, p.org_id, g.group_leader_id FROM round_promises p JOIN leader_groups g ON g.id = p.group_id
WHERE g.group_leader_id IS NOT NULL
UNION
SELECT x.run_id, x.org_id, x.person_id FROM intro_respondents x
UNION
SELECT x.round_id, x.org_id, x.person_id FROM collab_respondents x
UNION
SELECT x.round_id, x.org_id, x.person_id FROM apv_respondents x;
