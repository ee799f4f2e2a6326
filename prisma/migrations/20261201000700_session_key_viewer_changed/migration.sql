-- Viewers are cached per process and emptied on NOTIFY viewer_changed (20261130233000_viewer_changed).
-- A viewer also depends on its session (local tokens) or its API key: ending a session (logout,
-- deactivation, password change) or revoking or expiring a key must empty the caches too.
-- Refreshing a session (a new refresh hash) and recording a key's last use change no viewer.
CREATE TRIGGER "Session_viewer_changed" AFTER UPDATE OF "revokedAt", "expiresAt" OR DELETE OR TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_changed();
CREATE TRIGGER "ApiKey_viewer_changed" AFTER UPDATE OF estado, "expiresAt", "secretHash", "personId" OR DELETE OR TRUNCATE ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_changed();
