-- The people of a unit are counted on the units page and by every APV
-- overview (a unit's leaders); without this each count scanned all persons.
CREATE INDEX persons_unit ON persons(org_id, unit_id);
