-- Each process keeps viewers (a person with their role assignments and units) in memory
-- (src/lib/auth/viewer-cache.ts) and empties that cache when this notification arrives.
-- NOTIFY is delivered when the writing transaction commits, and only then.
-- The migration runner (the pg driver adapter's executeScript) splits the script at every semicolon,
-- quoted or not, so the body writes its semicolons as \073 in an escape string.
CREATE OR REPLACE FUNCTION notify_viewer_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_notify(''viewer_changed'', TG_TABLE_NAME)\073 RETURN NULL\073 END';

CREATE TRIGGER "Person_viewer_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_changed();
CREATE TRIGGER "RoleAssignment_viewer_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoleAssignment"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_changed();
CREATE TRIGGER "OrgUnit_viewer_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrgUnit"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_changed();
