-- CreateEnum
CREATE TYPE "AttachmentPurpose" AS ENUM ('REQUEST', 'SUPPLEMENT', 'CLOSING');

-- CreateEnum
CREATE TYPE "LegalAidOutcome" AS ENUM ('WON', 'PARTLY_WON', 'LOST', 'SETTLED', 'WITHDRAWN', 'SERVICE_DONE', 'OTHER');

-- CreateEnum
CREATE TYPE "QualityGrade" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "ObjectionOutcome" AS ENUM ('UPHELD', 'CORRECTED');

-- CreateEnum
CREATE TYPE "LegalAidRequestKind" AS ENUM ('TERMINATION', 'CHANGE_LAWYER');

-- AlterEnum
ALTER TYPE "DeadlineUnit" ADD VALUE 'CALENDAR_DAYS';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MATERIALS_REQUESTED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MATERIALS_SUPPLIED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'ADVANCE_AID';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'APPROVED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'REFUSED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'WITHDRAWN';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'LAWYER_ASSIGNED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'OBJECTED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'OBJECTION_DECIDED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'CASE_PROGRESS';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'TERMINATION_REQUESTED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'LAWYER_CHANGE_REQUESTED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'REQUEST_DECIDED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'TERMINATED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'CASE_CLOSED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'QUALITY_GRADED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'ARCHIVED';

-- AlterTable
ALTER TABLE "LegalAidApplication" ADD COLUMN     "advanceAidAt" TIMESTAMP(3),
ADD COLUMN     "advanceAidReason" VARCHAR(300),
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedByUserId" INTEGER,
ADD COLUMN     "assignDueAt" TIMESTAMP(3),
ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedByUserId" INTEGER,
ADD COLUMN     "assignedOnTime" BOOLEAN,
ADD COLUMN     "assignedSameDay" BOOLEAN,
ADD COLUMN     "caseEndedOn" DATE,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closingDueAt" TIMESTAMP(3),
ADD COLUMN     "closingOnTime" BOOLEAN,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedByUserId" INTEGER,
ADD COLUMN     "decidedOnTime" BOOLEAN,
ADD COLUMN     "decisionReason" VARCHAR(2000),
ADD COLUMN     "feesWaived" DECIMAL(14,2),
ADD COLUMN     "followedUpAt" TIMESTAMP(3),
ADD COLUMN     "lawyerUserId" INTEGER,
ADD COLUMN     "materialsDueAt" TIMESTAMP(3),
ADD COLUMN     "materialsList" TEXT[],
ADD COLUMN     "materialsRequestedAt" TIMESTAMP(3),
ADD COLUMN     "materialsSuppliedAt" TIMESTAMP(3),
ADD COLUMN     "moneyRecovered" DECIMAL(14,2),
ADD COLUMN     "outcome" "LegalAidOutcome",
ADD COLUMN     "outcomeSummary" VARCHAR(2000),
ADD COLUMN     "qualityGrade" "QualityGrade",
ADD COLUMN     "qualityGradedAt" TIMESTAMP(3),
ADD COLUMN     "qualityGradedByUserId" INTEGER,
ADD COLUMN     "qualityMethods" TEXT[],
ADD COLUMN     "qualityNote" VARCHAR(1000),
ADD COLUMN     "satisfaction" "Satisfaction",
ADD COLUMN     "satisfactionComment" VARCHAR(500),
ADD COLUMN     "satisfactionVia" "RatingVia",
ADD COLUMN     "terminatedAt" TIMESTAMP(3),
ADD COLUMN     "terminationReason" VARCHAR(40),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WorkOrderAttachment" ADD COLUMN     "purpose" "AttachmentPurpose" NOT NULL DEFAULT 'REQUEST';

-- CreateTable
CREATE TABLE "LegalAidObjection" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR(2000) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "outcome" "ObjectionOutcome",
    "decisionNote" VARCHAR(1000),
    "decidedByUserId" INTEGER,

    CONSTRAINT "LegalAidObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAidRequest" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "kind" "LegalAidRequestKind" NOT NULL,
    "reason" VARCHAR(40) NOT NULL,
    "detail" VARCHAR(1000) NOT NULL,
    "filedByUserId" INTEGER,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "approved" BOOLEAN,
    "decisionNote" VARCHAR(1000),
    "decidedByUserId" INTEGER,

    CONSTRAINT "LegalAidRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAidDraft" (
    "userId" INTEGER NOT NULL,
    "cipher" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalAidDraft_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "LegalAidRule" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "dayBasis" "DeadlineUnit" NOT NULL DEFAULT 'WORKING_DAYS',
    "assignDays" INTEGER NOT NULL DEFAULT 3,
    "materialsDays" INTEGER NOT NULL DEFAULT 15,
    "objectionDays" INTEGER NOT NULL DEFAULT 5,
    "closingMaterialsDays" INTEGER NOT NULL DEFAULT 15,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalAidRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegalAidObjection_applicationId_idx" ON "LegalAidObjection"("applicationId");

-- CreateIndex
CREATE INDEX "LegalAidObjection_decidedAt_dueAt_idx" ON "LegalAidObjection"("decidedAt", "dueAt");

-- CreateIndex
CREATE INDEX "LegalAidRequest_applicationId_idx" ON "LegalAidRequest"("applicationId");

-- CreateIndex
CREATE INDEX "LegalAidApplication_lawyerUserId_status_idx" ON "LegalAidApplication"("lawyerUserId", "status");

-- AddForeignKey
ALTER TABLE "LegalAidApplication" ADD CONSTRAINT "LegalAidApplication_lawyerUserId_fkey" FOREIGN KEY ("lawyerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidObjection" ADD CONSTRAINT "LegalAidObjection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LegalAidApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidRequest" ADD CONSTRAINT "LegalAidRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LegalAidApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 003: rules the database enforces).
-- LegalAidRule is a single row.
ALTER TABLE "LegalAidRule" ADD CONSTRAINT "LegalAidRule_single_row" CHECK ("id" = 1);
ALTER TABLE "LegalAidRule" ADD CONSTRAINT "LegalAidRule_positive_limits"
  CHECK ("dayBasis" <> 'HOURS' AND "assignDays" > 0 AND "materialsDays" > 0 AND "objectionDays" > 0 AND "closingMaterialsDays" > 0);
INSERT INTO "LegalAidRule" ("id", "updatedAt") VALUES (1, now());
-- Amounts are never negative.
ALTER TABLE "LegalAidApplication" ADD CONSTRAINT "LegalAidApplication_amounts_not_negative"
  CHECK (coalesce("moneyRecovered", 0) >= 0 AND coalesce("feesWaived", 0) >= 0);
