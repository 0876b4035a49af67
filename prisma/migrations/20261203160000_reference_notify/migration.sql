-- Reference data is cached in each web instance's memory (lib/system/reference-cache.ts). Any change
-- to it tells every instance to forget its copy: a NOTIFY, which PostgreSQL delivers to the
-- listeners when the changing transaction commits (never for a rolled-back change).
CREATE FUNCTION notify_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reference_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER "CalendarDay_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
CREATE TRIGGER "WorkOrderTypeRule_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WorkOrderTypeRule"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
CREATE TRIGGER "Region_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
CREATE TRIGGER "Organization_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
-- Not on "lastUsedAt", which the API door itself writes once a minute.
CREATE TRIGGER "ApiClient_reference_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "ApiClient"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
CREATE TRIGGER "ApiClient_reference_updated" AFTER UPDATE OF "name", "tokenHash", "role", "organizationId", "revokedAt" ON "ApiClient"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_changed();
