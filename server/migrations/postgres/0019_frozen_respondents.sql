-- A closed round's respondents keep the unit they had when the round closed,
-- so a leader who moves later changes no view of a campaign's overview (a
-- view read before and after a move would otherwise differ by that leader).
-- Written at hand-in and written again when the round closes; the group is
-- the round's own and never changes. No foreign key: a frozen unit that is
-- later deleted stays as it was (the overview then finds no such unit).
ALTER TABLE apv_respondents ADD COLUMN unit_id TEXT;

-- Rounds handed in or closed before this migration: the leader's current
-- unit is the best record left of where they were.
UPDATE apv_respondents SET unit_id = (
    SELECT p.unit_id FROM persons p WHERE p.id = apv_respondents.person_id AND p.org_id = apv_respondents.org_id
);
