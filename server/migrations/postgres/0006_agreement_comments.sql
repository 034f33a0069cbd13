-- Tool 1, the nearest leader's side: the conversation about a shared
-- agreement. Both the leader and the person it is shared with write here;
-- a comment may be about one shared point (point_id) or the whole agreement.
-- The author is kept as a reference only: if they delete their account the
-- comment stays in the leader's agreement without a name.

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

-- The nearest leader's page lists the leaders who report to them.
CREATE INDEX persons_nearest_leader ON persons(org_id, nearest_leader_id);
