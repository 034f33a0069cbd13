-- The thread across levels: a point lifted one level up with its owner's
-- consent (a leader's agreement -> the leader group -> the organisation),
-- and the receiving level's answer. The text is a copy in the sender's own
-- words; the sender's name reaches the receiving level only when
-- attributed = 1. A withdrawn lift is deleted.

CREATE TABLE lifts (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    -- What was lifted: agreement_point (agreement_points.id) or lift (lifts.id, lifted on).
    source_kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    from_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    -- Set when a group lifts on what arrived in its inbox.
    from_group_id TEXT REFERENCES leader_groups(id) ON DELETE SET NULL,
    -- group (to_group_id set) or organisation (to_group_id NULL).
    to_level TEXT NOT NULL,
    to_group_id TEXT REFERENCES leader_groups(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    attributed BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    answer TEXT NOT NULL DEFAULT '',
    answered_by_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    answered_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX lifts_group_inbox ON lifts(org_id, to_group_id, status);
CREATE INDEX lifts_org_inbox ON lifts(org_id, to_level, status);
-- One lift per source and receiver (and the lookup by source); a withdrawn
-- lift is deleted and may be sent again.
CREATE UNIQUE INDEX lifts_once ON lifts(org_id, source_kind, source_id, to_level, COALESCE(to_group_id, ''));
CREATE INDEX lifts_from_person ON lifts(from_person_id);
