-- The timeline stays append-only, with one exception (decision 014): once the retention job has
-- anonymised a work order ("anonymisedAt" set), the texts of its events — reason, body and the
-- actor's name (the job keeps staff names: they acted in office) — may be replaced by the
-- placeholder or cleared. Nothing else may change: not the kind, time, actor id or organizations the indicators
-- count, and no other text.
DROP TRIGGER "WorkOrderEvent_append_only" ON "WorkOrderEvent";
CREATE FUNCTION work_order_event_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND EXISTS (SELECT 1 FROM "WorkOrder" w WHERE w.id = OLD."workOrderId" AND w."anonymisedAt" IS NOT NULL)
     AND (NEW.id, NEW."workOrderId", NEW."at", NEW.kind, NEW."actorUserId", NEW."fromOrganizationId", NEW."toOrganizationId")
         IS NOT DISTINCT FROM
         (OLD.id, OLD."workOrderId", OLD."at", OLD.kind, OLD."actorUserId", OLD."fromOrganizationId", OLD."toOrganizationId")
     AND (NEW.reason IS NOT DISTINCT FROM OLD.reason OR NEW.reason IS NULL OR NEW.reason = '（已匿名）')
     AND (NEW.body IS NOT DISTINCT FROM OLD.body OR NEW.body IS NULL OR NEW.body = '（已匿名）')
     AND (NEW."actorName" IS NOT DISTINCT FROM OLD."actorName" OR NEW."actorName" IS NULL OR NEW."actorName" = '（已匿名）')
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'WorkOrderEvent is append-only (% refused: only an anonymised order''s texts may be blanked)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "WorkOrderEvent_guard" BEFORE UPDATE OR DELETE ON "WorkOrderEvent"
  FOR EACH ROW EXECUTE FUNCTION work_order_event_guard();
