-- An organisation's own card decks. A deck is used the way one of the
-- shipped decks is (its template: procedures, where next steps go); its
-- cards are catalogue items of tool 'cards' whose section is the deck's
-- code ('own-' and the id). Hiding a deck keeps it for sessions run with it.
CREATE TABLE own_decks (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    template TEXT NOT NULL,
    title_da TEXT NOT NULL,
    title_en TEXT NOT NULL,
    summary_da TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    hidden BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX own_decks_org ON own_decks (org_id, created_at);
