-- CreateTable
CREATE TABLE "StatsDay" (
    "day" DATE NOT NULL,
    "areaPath" VARCHAR(120) NOT NULL,
    "countyPath" VARCHAR(120) NOT NULL,
    "tier" "OrganizationTier" NOT NULL,
    "channel" "WorkOrderChannel" NOT NULL,
    "type" "WorkOrderType" NOT NULL,
    "ordersAccepted" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "ordersClosed" INTEGER NOT NULL DEFAULT 0,
    "ordersClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "ordersFollowedUp" INTEGER NOT NULL DEFAULT 0,
    "ordersRated" INTEGER NOT NULL DEFAULT 0,
    "ordersSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidAccepted" INTEGER NOT NULL DEFAULT 0,
    "aidGreenChannel" INTEGER NOT NULL DEFAULT 0,
    "aidDecided" INTEGER NOT NULL DEFAULT 0,
    "aidDecidedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidApproved" INTEGER NOT NULL DEFAULT 0,
    "aidAssigned" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedSameDay" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedByChoice" INTEGER NOT NULL DEFAULT 0,
    "aidRated" INTEGER NOT NULL DEFAULT 0,
    "aidSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidGraded" INTEGER NOT NULL DEFAULT 0,
    "aidGradedGood" INTEGER NOT NULL DEFAULT 0,
    "mediationAccepted" INTEGER NOT NULL DEFAULT 0,
    "mediationMajor" INTEGER NOT NULL DEFAULT 0,
    "mediationConcluded" INTEGER NOT NULL DEFAULT 0,
    "mediationSucceeded" INTEGER NOT NULL DEFAULT 0,
    "mediationConfirmed" INTEGER NOT NULL DEFAULT 0,
    "mediationPerformed" INTEGER NOT NULL DEFAULT 0,
    "mediationCrimePrevented" INTEGER NOT NULL DEFAULT 0,
    "ordersHandlingSeconds" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "aidMoneyRecovered" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "aidFeesWaived" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "StatsDay_pkey" PRIMARY KEY ("day","areaPath","tier","channel","type")
);

-- CreateTable
CREATE TABLE "StatsMonth" (
    "month" DATE NOT NULL,
    "countyPath" VARCHAR(120) NOT NULL,
    "tier" "OrganizationTier" NOT NULL,
    "channel" "WorkOrderChannel" NOT NULL,
    "type" "WorkOrderType" NOT NULL,
    "ordersAccepted" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "ordersClosed" INTEGER NOT NULL DEFAULT 0,
    "ordersClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "ordersFollowedUp" INTEGER NOT NULL DEFAULT 0,
    "ordersRated" INTEGER NOT NULL DEFAULT 0,
    "ordersSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidAccepted" INTEGER NOT NULL DEFAULT 0,
    "aidGreenChannel" INTEGER NOT NULL DEFAULT 0,
    "aidDecided" INTEGER NOT NULL DEFAULT 0,
    "aidDecidedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidApproved" INTEGER NOT NULL DEFAULT 0,
    "aidAssigned" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedSameDay" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedByChoice" INTEGER NOT NULL DEFAULT 0,
    "aidRated" INTEGER NOT NULL DEFAULT 0,
    "aidSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidGraded" INTEGER NOT NULL DEFAULT 0,
    "aidGradedGood" INTEGER NOT NULL DEFAULT 0,
    "mediationAccepted" INTEGER NOT NULL DEFAULT 0,
    "mediationMajor" INTEGER NOT NULL DEFAULT 0,
    "mediationConcluded" INTEGER NOT NULL DEFAULT 0,
    "mediationSucceeded" INTEGER NOT NULL DEFAULT 0,
    "mediationConfirmed" INTEGER NOT NULL DEFAULT 0,
    "mediationPerformed" INTEGER NOT NULL DEFAULT 0,
    "mediationCrimePrevented" INTEGER NOT NULL DEFAULT 0,
    "ordersHandlingSeconds" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "aidMoneyRecovered" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "aidFeesWaived" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "StatsMonth_pkey" PRIMARY KEY ("month","countyPath","tier","channel","type")
);

-- CreateTable
CREATE TABLE "StatsMonthTotal" (
    "month" DATE NOT NULL,
    "countyPath" VARCHAR(120) NOT NULL,
    "ordersAccepted" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "ordersClosed" INTEGER NOT NULL DEFAULT 0,
    "ordersClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "ordersFollowedUp" INTEGER NOT NULL DEFAULT 0,
    "ordersRated" INTEGER NOT NULL DEFAULT 0,
    "ordersSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidAccepted" INTEGER NOT NULL DEFAULT 0,
    "aidGreenChannel" INTEGER NOT NULL DEFAULT 0,
    "aidDecided" INTEGER NOT NULL DEFAULT 0,
    "aidDecidedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidApproved" INTEGER NOT NULL DEFAULT 0,
    "aidAssigned" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedSameDay" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedByChoice" INTEGER NOT NULL DEFAULT 0,
    "aidRated" INTEGER NOT NULL DEFAULT 0,
    "aidSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidGraded" INTEGER NOT NULL DEFAULT 0,
    "aidGradedGood" INTEGER NOT NULL DEFAULT 0,
    "mediationAccepted" INTEGER NOT NULL DEFAULT 0,
    "mediationMajor" INTEGER NOT NULL DEFAULT 0,
    "mediationConcluded" INTEGER NOT NULL DEFAULT 0,
    "mediationSucceeded" INTEGER NOT NULL DEFAULT 0,
    "mediationConfirmed" INTEGER NOT NULL DEFAULT 0,
    "mediationPerformed" INTEGER NOT NULL DEFAULT 0,
    "mediationCrimePrevented" INTEGER NOT NULL DEFAULT 0,
    "ordersHandlingSeconds" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "aidMoneyRecovered" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "aidFeesWaived" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "StatsMonthTotal_pkey" PRIMARY KEY ("month","countyPath")
);

-- CreateTable
CREATE TABLE "StatsDirtyDay" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "StatsDirtyDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatsDay_areaPath_day_idx" ON "StatsDay"("areaPath", "day");

-- CreateIndex
CREATE INDEX "LegalAidApplication_decidedAt_idx" ON "LegalAidApplication"("decidedAt");

-- CreateIndex
CREATE INDEX "LegalAidApplication_closedAt_idx" ON "LegalAidApplication"("closedAt");

-- CreateIndex
CREATE INDEX "LegalAidApplication_followedUpAt_idx" ON "LegalAidApplication"("followedUpAt");

-- CreateIndex
CREATE INDEX "LegalAidApplication_qualityGradedAt_idx" ON "LegalAidApplication"("qualityGradedAt");

-- CreateIndex
CREATE INDEX "LegalAidAssignment_assignedAt_idx" ON "LegalAidAssignment"("assignedAt");

-- CreateIndex
CREATE INDEX "MediationCase_endedAt_idx" ON "MediationCase"("endedAt");

-- CreateIndex
CREATE INDEX "WorkOrder_createdAt_idx" ON "WorkOrder"("createdAt");

-- CreateIndex
CREATE INDEX "WorkOrder_closedAt_idx" ON "WorkOrder"("closedAt");

-- CreateIndex
CREATE INDEX "WorkOrderRating_at_idx" ON "WorkOrderRating"("at");


-- ---------------------------------------------------------------------------------------------
-- Hand-written (decision 010): the Shanghai calendar day of a stored instant, and the triggers that
-- append the days a write touches to "StatsDirtyDay". Timestamps are stored as UTC in
-- "timestamp without time zone", so the instant is first read as UTC, then shown in Shanghai.
CREATE FUNCTION shanghai_day(ts timestamp) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date
$$;

-- Every day on which an event of these work orders is counted (registration, closing, rating,
-- legal-aid decision/assignment/closing/follow-up/grading, mediation end): used when an order's
-- dimensions change (another service point, region, channel or type, or its service point's tier).
CREATE FUNCTION stats_mark_orders(ids int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatsDirtyDay"(day)
  SELECT DISTINCT d FROM (
    SELECT shanghai_day(w."createdAt") FROM "WorkOrder" w WHERE w.id = ANY(ids)
    UNION SELECT shanghai_day(w."closedAt") FROM "WorkOrder" w WHERE w.id = ANY(ids)
    UNION SELECT shanghai_day(g.at) FROM "WorkOrderRating" g WHERE g."workOrderId" = ANY(ids)
    UNION SELECT shanghai_day(x) FROM "LegalAidApplication" a,
      unnest(ARRAY[a."decidedAt", a."closedAt", a."followedUpAt", a."qualityGradedAt"]) x WHERE a."workOrderId" = ANY(ids)
    UNION SELECT shanghai_day(s."assignedAt") FROM "LegalAidAssignment" s
      JOIN "LegalAidApplication" a ON a.id = s."applicationId" WHERE a."workOrderId" = ANY(ids)
    UNION SELECT shanghai_day(m."endedAt") FROM "MediationCase" m WHERE m."workOrderId" = ANY(ids)
  ) v(d) WHERE d IS NOT NULL
$$;

CREATE FUNCTION stats_mark_work_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "StatsDirtyDay"(day) SELECT DISTINCT d FROM new_rows n,
      LATERAL (VALUES (shanghai_day(n."createdAt")), (shanghai_day(n."closedAt"))) v(d) WHERE d IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "StatsDirtyDay"(day) SELECT DISTINCT d FROM old_rows o,
      LATERAL (VALUES (shanghai_day(o."createdAt")), (shanghai_day(o."closedAt"))) v(d) WHERE d IS NOT NULL;
  ELSE
    INSERT INTO "StatsDirtyDay"(day) SELECT DISTINCT d FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (shanghai_day(o."createdAt")), (shanghai_day(o."closedAt")),
                      (shanghai_day(n."createdAt")), (shanghai_day(n."closedAt"))) v(d)
      WHERE d IS NOT NULL
        AND (o."createdAt", o."closedAt", o."closedOnTime", o.status)
            IS DISTINCT FROM (n."createdAt", n."closedAt", n."closedOnTime", n.status);
    -- a moved order takes all its counted events with it
    PERFORM stats_mark_orders(array_agg(n.id)) FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.type, o.channel, o."organizationId", o."regionId") IS DISTINCT FROM (n.type, n.channel, n."organizationId", n."regionId")
      HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "WorkOrder" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_work_order();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "WorkOrder" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_work_order();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "WorkOrder" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_work_order();

-- The other counted tables: each marks the days its rows are counted on (old and new rows).
CREATE FUNCTION stats_mark(ts timestamp[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StatsDirtyDay"(day) SELECT DISTINCT shanghai_day(t) FROM unnest(ts) t WHERE t IS NOT NULL
$$;

-- a rating: its own day
CREATE FUNCTION stats_mark_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM stats_mark(ARRAY(SELECT at FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM stats_mark(ARRAY(SELECT at FROM old_rows)); END IF;
  RETURN NULL;
END $$;

-- a follow-up call: the order's closing day (ordersFollowedUp is counted by it)
CREATE FUNCTION stats_mark_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM stats_mark(ARRAY(SELECT w."closedAt" FROM new_rows n JOIN "WorkOrder" w ON w.id = n."workOrderId"));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM stats_mark(ARRAY(SELECT w."closedAt" FROM old_rows o JOIN "WorkOrder" w ON w.id = o."workOrderId"));
  END IF;
  RETURN NULL;
END $$;

-- an assignment: its own day
CREATE FUNCTION stats_mark_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM stats_mark(ARRAY(SELECT "assignedAt" FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM stats_mark(ARRAY(SELECT "assignedAt" FROM old_rows)); END IF;
  RETURN NULL;
END $$;

-- a legal-aid case: its decision, closing, follow-up and grading days, the order's registration
-- day (accepted, green channel, breakdowns) and its assignments' days (assignedOnTime)
CREATE FUNCTION stats_mark_legal_aid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM stats_mark(ARRAY(
      SELECT unnest(ARRAY[n."decidedAt", n."closedAt", n."followedUpAt", n."qualityGradedAt", w."createdAt"])
        FROM new_rows n LEFT JOIN "WorkOrder" w ON w.id = n."workOrderId"
      UNION ALL SELECT s."assignedAt" FROM new_rows n JOIN "LegalAidAssignment" s ON s."applicationId" = n.id));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM stats_mark(ARRAY(
      SELECT unnest(ARRAY[o."decidedAt", o."closedAt", o."followedUpAt", o."qualityGradedAt", w."createdAt"])
        FROM old_rows o LEFT JOIN "WorkOrder" w ON w.id = o."workOrderId"
      UNION ALL SELECT s."assignedAt" FROM old_rows o JOIN "LegalAidAssignment" s ON s."applicationId" = o.id));
  END IF;
  RETURN NULL;
END $$;

-- a mediation case: its end day and the order's registration day
CREATE FUNCTION stats_mark_mediation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM stats_mark(ARRAY(SELECT unnest(ARRAY[n."endedAt", w."createdAt"])
      FROM new_rows n LEFT JOIN "WorkOrder" w ON w.id = n."workOrderId"));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM stats_mark(ARRAY(SELECT unnest(ARRAY[o."endedAt", w."createdAt"])
      FROM old_rows o LEFT JOIN "WorkOrder" w ON w.id = o."workOrderId"));
  END IF;
  RETURN NULL;
END $$;

-- a service point changing tier, or a region moving or changing level, moves its orders' counts
CREATE FUNCTION stats_mark_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_mark_orders(ARRAY(SELECT w.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN "WorkOrder" w ON w."organizationId" = n.id WHERE o.tier IS DISTINCT FROM n.tier));
  RETURN NULL;
END $$;
CREATE FUNCTION stats_mark_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_mark_orders(ARRAY(SELECT w.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN "WorkOrder" w ON w."regionId" = n.id WHERE (o.path, o.level) IS DISTINCT FROM (n.path, n.level)));
  RETURN NULL;
END $$;

CREATE TRIGGER stats_mark_update AFTER UPDATE ON "Organization" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_organization();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "Region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_region();
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "WorkOrderRating" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_rating();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "WorkOrderRating" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_rating();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "WorkOrderRating" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_rating();
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "WorkOrderFollowUp" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_follow_up();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "WorkOrderFollowUp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_follow_up();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "WorkOrderFollowUp" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_follow_up();
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "LegalAidAssignment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_assignment();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "LegalAidAssignment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_assignment();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "LegalAidAssignment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_assignment();
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "LegalAidApplication" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_legal_aid();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "LegalAidApplication" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_legal_aid();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "LegalAidApplication" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_legal_aid();
CREATE TRIGGER stats_mark_insert AFTER INSERT ON "MediationCase" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_mediation();
CREATE TRIGGER stats_mark_update AFTER UPDATE ON "MediationCase" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_mediation();
CREATE TRIGGER stats_mark_delete AFTER DELETE ON "MediationCase" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_mediation();

-- Everything already recorded is stale until the first refresh.
SELECT stats_mark_orders(ARRAY(SELECT id FROM "WorkOrder"));
