-- CreateEnum
CREATE TYPE "WorkOrderChannel" AS ENUM ('WALK_IN', 'HOTLINE_12348', 'WEB', 'MOBILE', 'WECHAT', 'COURT_REFERRAL', 'POLICE_REFERRAL', 'PETITION_REFERRAL');

-- CreateEnum
CREATE TYPE "WorkOrderType" AS ENUM ('CONSULTATION', 'LEGAL_AID', 'MEDIATION', 'NOTARY_BOOKING', 'LAWYER_REFERRAL', 'COMPLAINT', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkOrderStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'PAUSED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "DeadlineUnit" AS ENUM ('WORKING_DAYS', 'HOURS');

-- CreateEnum
CREATE TYPE "WorkOrderEventKind" AS ENUM ('CREATED', 'ACCEPTED', 'ASSIGNED', 'REPLIED', 'TRANSFERRED', 'ESCALATED', 'RETURNED', 'PAUSED', 'RESUMED', 'CLOSED', 'RATED', 'REOPENED', 'FOLLOWED_UP');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateEnum
CREATE TYPE "RatingVia" AS ENUM ('ACCOUNT', 'LINK', 'PHONE_FOLLOW_UP');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('RECTIFICATION', 'CALLBACK');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'SMS');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "WorkOrderTypeRule" (
    "type" "WorkOrderType" NOT NULL,
    "handlingTier" "OrganizationTier" NOT NULL,
    "needsDecider" BOOLEAN NOT NULL DEFAULT false,
    "limitValue" INTEGER NOT NULL,
    "limitUnit" "DeadlineUnit" NOT NULL,
    "dueSoonHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkOrderTypeRule_pkey" PRIMARY KEY ("type")
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(24) NOT NULL,
    "channel" "WorkOrderChannel" NOT NULL,
    "type" "WorkOrderType" NOT NULL,
    "status" "WorkOrderStatus" NOT NULL DEFAULT 'NEW',
    "subject" VARCHAR(120) NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "category" VARCHAR(40),
    "requesterUserId" INTEGER,
    "requesterName" VARCHAR(40) NOT NULL,
    "requesterPhone" VARCHAR(11) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "firstReceiverUserId" INTEGER,
    "firstOrganizationId" INTEGER NOT NULL,
    "handlerUserId" INTEGER,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "pausedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "resultSummary" VARCHAR(2000),
    "closedOnTime" BOOLEAN,
    "overdueEscalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderEvent" (
    "id" BIGSERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "WorkOrderEventKind" NOT NULL,
    "actorUserId" INTEGER,
    "actorName" VARCHAR(60),
    "fromOrganizationId" INTEGER,
    "toOrganizationId" INTEGER,
    "reason" VARCHAR(500),
    "body" VARCHAR(4000),

    CONSTRAINT "WorkOrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderPause" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "reason" VARCHAR(500) NOT NULL,

    CONSTRAINT "WorkOrderPause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderRating" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "score" "Satisfaction" NOT NULL,
    "comment" VARCHAR(500),
    "via" "RatingVia" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkOrderRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingToken" (
    "tokenHash" VARCHAR(64) NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RatingToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "WorkOrderFollowUp" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneByUserId" INTEGER,
    "result" VARCHAR(1000),

    CONSTRAINT "WorkOrderFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotentRequest" (
    "callerKey" VARCHAR(40) NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentRequest_pkey" PRIMARY KEY ("callerKey","key")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipientUserId" INTEGER,
    "recipientPhone" VARCHAR(11),
    "body" VARCHAR(300) NOT NULL,
    "link" VARCHAR(200),
    "workOrderId" INTEGER,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(300),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_number_key" ON "WorkOrder"("number");

-- CreateIndex
CREATE INDEX "WorkOrder_organizationId_status_dueAt_id_idx" ON "WorkOrder"("organizationId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "WorkOrder_organizationId_createdAt_id_idx" ON "WorkOrder"("organizationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "WorkOrder_requesterUserId_createdAt_idx" ON "WorkOrder"("requesterUserId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WorkOrder_requesterPhone_idx" ON "WorkOrder"("requesterPhone");

-- CreateIndex
CREATE INDEX "WorkOrder_status_dueAt_idx" ON "WorkOrder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "WorkOrder_regionId_idx" ON "WorkOrder"("regionId");

-- CreateIndex
CREATE INDEX "WorkOrderEvent_workOrderId_id_idx" ON "WorkOrderEvent"("workOrderId", "id");

-- CreateIndex
CREATE INDEX "WorkOrderPause_workOrderId_idx" ON "WorkOrderPause"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderRating_workOrderId_round_key" ON "WorkOrderRating"("workOrderId", "round");

-- CreateIndex
CREATE INDEX "RatingToken_workOrderId_idx" ON "RatingToken"("workOrderId");

-- CreateIndex
CREATE INDEX "WorkOrderFollowUp_organizationId_doneAt_idx" ON "WorkOrderFollowUp"("organizationId", "doneAt");

-- CreateIndex
CREATE INDEX "WorkOrderFollowUp_workOrderId_idx" ON "WorkOrderFollowUp"("workOrderId");

-- CreateIndex
CREATE INDEX "Notification_status_id_idx" ON "Notification"("status", "id");

-- CreateIndex
CREATE INDEX "Notification_recipientUserId_createdAt_idx" ON "Notification"("recipientUserId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_requesterUserId_fkey" FOREIGN KEY ("requesterUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderEvent" ADD CONSTRAINT "WorkOrderEvent_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderPause" ADD CONSTRAINT "WorkOrderPause_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderRating" ADD CONSTRAINT "WorkOrderRating_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderFollowUp" ADD CONSTRAINT "WorkOrderFollowUp_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Hand-written (decision 003) ───

-- The timeline is the record of who did what: append-only, like the audit trail.
CREATE TRIGGER "WorkOrderEvent_append_only" BEFORE UPDATE OR DELETE ON "WorkOrderEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

ALTER TABLE "WorkOrderTypeRule" ADD CONSTRAINT "WorkOrderTypeRule_limit_check" CHECK ("limitValue" > 0 AND "dueSoonHours" >= 0);
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_paused_check" CHECK (("status" = 'PAUSED') = ("pausedAt" IS NOT NULL));
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_closed_check" CHECK (("status" = 'CLOSED') = ("closedAt" IS NOT NULL));

-- Defaults for routing and time limits (限时办结); administrators change them as data.
INSERT INTO "WorkOrderTypeRule" ("type", "handlingTier", "needsDecider", "limitValue", "limitUnit", "dueSoonHours", "updatedAt") VALUES
  ('CONSULTATION',    'ROOM',    false, 1,  'WORKING_DAYS', 8,  now()),
  ('LEGAL_AID',       'CENTRE',  true,  7,  'WORKING_DAYS', 48, now()),
  ('MEDIATION',       'ROOM',    false, 20, 'WORKING_DAYS', 72, now()),
  ('NOTARY_BOOKING',  'CENTRE',  false, 3,  'WORKING_DAYS', 24, now()),
  ('LAWYER_REFERRAL', 'STATION', false, 3,  'WORKING_DAYS', 24, now()),
  ('COMPLAINT',       'STATION', false, 3,  'WORKING_DAYS', 24, now()),
  ('OTHER',           'STATION', false, 5,  'WORKING_DAYS', 24, now());

-- Work-order numbers: a plain sequence never hands out a number twice and never blocks concurrent intakes.
CREATE SEQUENCE work_order_number START 1;
