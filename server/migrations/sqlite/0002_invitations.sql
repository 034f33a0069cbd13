-- When a person was last sent an invitation to this organisation, so HR can
-- see who is invited, and "invite everyone not yet invited" skips them.
ALTER TABLE persons ADD COLUMN invited_at TEXT;
