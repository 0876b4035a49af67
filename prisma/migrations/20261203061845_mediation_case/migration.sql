-- CreateEnum
CREATE TYPE "MediationSource" AS ENUM ('PROACTIVE', 'APPLICATION', 'COURT', 'POLICE', 'PETITION');

-- CreateEnum
CREATE TYPE "MediationCategory" AS ENUM ('MARRIAGE_FAMILY', 'NEIGHBOUR', 'HOUSING_HOMESTEAD', 'CONTRACT', 'PRODUCTION_BUSINESS', 'DAMAGES', 'FOREST_LAND', 'LAND_ACQUISITION', 'ENVIRONMENT', 'LABOUR', 'CONSUMER', 'MEDICAL', 'TRAFFIC', 'PROPERTY_MANAGEMENT', 'TOURISM', 'INTELLECTUAL_PROPERTY', 'INTERNET', 'OTHER');

-- CreateEnum
CREATE TYPE "MediationStatus" AS ENUM ('AWAITING_CONSENT', 'ACCEPTED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'WITHDRAWN', 'REFUSED');

-- CreateEnum
CREATE TYPE "MediationPartyRole" AS ENUM ('APPLICANT', 'RESPONDENT', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "MediationPartyConsent" AS ENUM ('PENDING', 'AGREED', 'REFUSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MEDIATION_CONSENT';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MEDIATION_REFUSED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MEDIATOR_ASSIGNED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'SESSION_SCHEDULED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'SESSION_HELD';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'DEADLINE_EXTENDED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MEDIATION_SUCCEEDED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'MEDIATION_FAILED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'CONFIRMATION_RECORDED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'PERFORMANCE_CHECKED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'COURT_REPORTED';

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "source" "MediationSource" NOT NULL,
    "category" "MediationCategory" NOT NULL,
    "status" "MediationStatus" NOT NULL,
    "amountInvolved" DECIMAL(14,2),
    "peopleInvolved" INTEGER NOT NULL DEFAULT 2,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "crimeRisk" BOOLEAN NOT NULL DEFAULT false,
    "crimePrevented" BOOLEAN NOT NULL DEFAULT false,
    "referralAuthority" VARCHAR(80),
    "referralReference" VARCHAR(60),
    "referralDeadline" DATE,
    "screeningNote" VARCHAR(500),
    "mediatorUserId" INTEGER,
    "mediatorChosenByParties" BOOLEAN NOT NULL DEFAULT false,
    "assignedAt" TIMESTAMP(3),
    "extendedDays" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "failureReason" VARCHAR(1000),
    "routesTold" TEXT[],
    "withdrawalReason" VARCHAR(500),
    "refusalNote" VARCHAR(500),
    "agreementOral" BOOLEAN,
    "agreementFacts" VARCHAR(4000),
    "agreementDisputes" VARCHAR(2000),
    "agreementResponsibilities" VARCHAR(2000),
    "agreementTerms" VARCHAR(4000),
    "performanceManner" VARCHAR(500),
    "performanceDueOn" DATE,
    "agreementSignedOn" DATE,
    "signatures" JSONB,
    "confirmationDueOn" DATE,
    "confirmationWarnedAt" TIMESTAMP(3),
    "confirmationAppliedOn" DATE,
    "confirmationCourt" VARCHAR(80),
    "confirmationAcceptedOn" DATE,
    "confirmationGranted" BOOLEAN,
    "confirmationNote" VARCHAR(500),
    "performance" VARCHAR(20),
    "performanceCheckedAt" TIMESTAMP(3),
    "performanceNote" VARCHAR(1000),
    "performanceRoute" VARCHAR(40),
    "reportedToCourtAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "role" "MediationPartyRole" NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "phone" VARCHAR(20),
    "idCipher" TEXT,
    "address" VARCHAR(160),
    "agentName" VARCHAR(40),
    "agentPhone" VARCHAR(20),
    "userId" INTEGER,
    "consent" "MediationPartyConsent" NOT NULL DEFAULT 'AGREED',
    "consentAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParticipant" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "unit" VARCHAR(80),
    "userId" INTEGER,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationSession" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "placeKind" VARCHAR(10) NOT NULL,
    "place" VARCHAR(160) NOT NULL,
    "videoLink" VARCHAR(300),
    "public" BOOLEAN NOT NULL DEFAULT false,
    "attendees" VARCHAR(2000),
    "minutes" VARCHAR(8000),
    "heldAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_workOrderId_key" ON "MediationCase"("workOrderId");

-- CreateIndex
CREATE INDEX "MediationCase_status_idx" ON "MediationCase"("status");

-- CreateIndex
CREATE INDEX "MediationCase_mediatorUserId_status_idx" ON "MediationCase"("mediatorUserId", "status");

-- CreateIndex
CREATE INDEX "MediationCase_confirmationDueOn_idx" ON "MediationCase"("confirmationDueOn");

-- CreateIndex
CREATE INDEX "MediationCase_performanceDueOn_idx" ON "MediationCase"("performanceDueOn");

-- CreateIndex
CREATE INDEX "MediationParty_caseId_idx" ON "MediationParty"("caseId");

-- CreateIndex
CREATE INDEX "MediationParty_userId_idx" ON "MediationParty"("userId");

-- CreateIndex
CREATE INDEX "MediationParticipant_caseId_idx" ON "MediationParticipant"("caseId");

-- CreateIndex
CREATE INDEX "MediationParticipant_userId_idx" ON "MediationParticipant"("userId");

-- CreateIndex
CREATE INDEX "MediationSession_caseId_scheduledAt_idx" ON "MediationSession"("caseId", "scheduledAt");

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_mediatorUserId_fkey" FOREIGN KEY ("mediatorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParticipant" ADD CONSTRAINT "MediationParticipant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
