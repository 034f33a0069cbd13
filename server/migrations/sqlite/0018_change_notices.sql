-- PostgreSQL's servers learn of each other's writes from triggers added by
-- this migration. SQLite needs nothing in the database: its commits are
-- hooked in the process (server/src/storage/changes/sqlite_hooks.rs).
SELECT 1;
