-- When the group's leader showed the group its picture (domain::promise::Stage):
-- answering ends there, so the group never sees its picture change by one
-- answer. Empty while answers are collected; a closed round counts as
-- revealed whether or not anyone pressed reveal.
ALTER TABLE round_promises ADD COLUMN revealed_at TEXT;
