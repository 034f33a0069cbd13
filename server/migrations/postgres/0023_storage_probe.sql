-- The readiness check's test write (`storage::Db::can_write`): a row is
-- inserted and deleted in one committed transaction, so the table stays
-- empty; the filler makes the write take new pages, as a real save would.
CREATE TABLE storage_probe (
    id TEXT PRIMARY KEY,
    filler TEXT NOT NULL
);
