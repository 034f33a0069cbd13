-- Each change of an action card's status or next follow-up date, as HR
-- records it at a follow-up: the card's history, for top management's
-- follow-up of the plan. Kept for themes taken out of the plan too.
CREATE TABLE org_plan_status_log (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES org_plans(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    status TEXT NOT NULL,
    follow_up_on TEXT,
    noted_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    noted_at TEXT NOT NULL
);
CREATE INDEX org_plan_status_log_plan ON org_plan_status_log (plan_id, noted_at);
