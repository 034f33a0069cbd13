-- When the retention purge deleted a round's answers (privacy::retention):
-- the round's pages then say the answers were deleted after the
-- organisation's retention period, instead of showing an empty picture.
ALTER TABLE round_promises ADD COLUMN answers_deleted_at TEXT;
