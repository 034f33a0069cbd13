-- Foundation: organisations, accounts, people, structure, sign-in, audit.
-- Portable columns (see DEPENDENCIES.md): ids and times as TEXT (UUID v7,
-- RFC 3339 UTC), flags and counts as INTEGER read as i64.

CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    anonymity_k INTEGER NOT NULL DEFAULT 5,
    free_text_k INTEGER NOT NULL DEFAULT 8,
    retention_days INTEGER NOT NULL DEFAULT 1095,
    created_at TEXT NOT NULL
);

-- A sign-in identity; one account may be a person in several organisations
-- (a consultant working for several customers).
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    locale TEXT NOT NULL DEFAULT 'da',
    created_at TEXT NOT NULL
);

CREATE TABLE units (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES units(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit_id TEXT REFERENCES units(id) ON DELETE SET NULL,
    nearest_leader_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, account_id)
);
CREATE INDEX persons_org ON persons(org_id, name);
CREATE INDEX persons_account ON persons(account_id);

CREATE TABLE person_roles (
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE leader_groups (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    group_leader_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    openness TEXT NOT NULL DEFAULT 'anonymous',
    created_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES leader_groups(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_members_person ON group_members(person_id);

-- One-time links (setup, invitation, password reset). Only the SHA-256 of
-- the secret is stored, so a database dump does not hand out sign-ins.
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
    org_id TEXT REFERENCES orgs(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);

-- tower-sessions records, shared by every server on the database.
CREATE TABLE login_sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX login_sessions_expiry ON login_sessions(expires_at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    actor_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log(org_id, at);

-- The organisation's catalogue of tool content. Each edit adds a revision;
-- answers point at the revision they answered, so old answers keep their wording.
CREATE TABLE catalogue_items (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    tool TEXT NOT NULL,
    item_key TEXT NOT NULL,
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL,
    current_revision_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, tool, item_key)
);

CREATE TABLE catalogue_revisions (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES catalogue_items(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    content_version INTEGER NOT NULL,
    text_da TEXT NOT NULL,
    text_en TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (item_id, revision)
);

-- The introduction tool: a group's round, its answers and its decision.
CREATE TABLE intro_runs (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES leader_groups(id) ON DELETE CASCADE,
    started_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX intro_runs_group ON intro_runs(org_id, group_id);

CREATE TABLE intro_answers (
    run_id TEXT NOT NULL REFERENCES intro_runs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES catalogue_revisions(id),
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    value INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (run_id, person_id, revision_id)
);

CREATE TABLE intro_respondents (
    run_id TEXT NOT NULL REFERENCES intro_runs(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    comment TEXT,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (run_id, person_id)
);

CREATE TABLE intro_decisions (
    run_id TEXT PRIMARY KEY REFERENCES intro_runs(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    next_tool TEXT NOT NULL,
    owner_person_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    due_date TEXT NOT NULL,
    note TEXT,
    decided_by TEXT REFERENCES persons(id) ON DELETE SET NULL,
    decided_at TEXT NOT NULL
);
