-- Dialog cards used alone (reflection, or on a walk with a colleague): a
-- leader's own notes per card of a deck, private to them like the
-- interview guide's notes. The card is the deck's stable card code.
CREATE TABLE card_notes (
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    deck TEXT NOT NULL,
    card TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, deck, card)
);
