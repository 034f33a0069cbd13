-- Every server keeps some pages' reads in memory until the database changes
-- (server/src/storage/changes.rs). Every statement that writes to a table
-- notifies `lt_changed`; PostgreSQL sends one notice per transaction, after
-- it commits, to every listening server. Tables created by later migrations
-- need the same trigger: a test checks that every table has it.
CREATE FUNCTION lt_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lt_changed', '');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables
             WHERE schemaname = current_schema() AND tablename <> '_sqlx_migrations'
    LOOP
        EXECUTE format(
            'CREATE TRIGGER lt_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION lt_notify_change()', t.tablename);
    END LOOP;
END
$$;
