-- The cards a live session plays, fixed when it starts (a JSON list of card
-- codes): cards HR adds to or hides from the deck afterwards change nothing
-- in a session already under way, also after a server restart. Sessions
-- started before this column play the deck's cards as they are.
ALTER TABLE live_sessions ADD COLUMN cards TEXT;
