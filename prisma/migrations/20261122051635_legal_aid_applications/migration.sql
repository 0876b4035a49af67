-- CreateEnum
CREATE TYPE "LegalAidStatus" AS ENUM ('SUBMITTED', 'MATERIALS_REQUESTED', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'ASSIGNED', 'CLOSED', 'ARCHIVED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "LegalAidMatterKind" AS ENUM ('CRIMINAL', 'CIVIL', 'ADMINISTRATIVE');

-- CreateEnum
CREATE TYPE "AidForm" AS ENUM ('CONSULTATION', 'DOCUMENT_DRAFTING', 'CRIMINAL_DEFENCE', 'CRIMINAL_REPRESENTATION', 'CIVIL_REPRESENTATION', 'ADMINISTRATIVE_REPRESENTATION', 'STATE_COMPENSATION_REPRESENTATION', 'NON_LITIGATION_REPRESENTATION', 'DUTY_LAWYER', 'LABOUR_ARBITRATION');

-- CreateEnum
CREATE TYPE "EconomicBasis" AS ENUM ('HARDSHIP_DECLARATION', 'EXEMPT_GROUP', 'NO_ECONOMIC_TEST');

-- CreateTable
CREATE TABLE "LegalAidApplication" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "status" "LegalAidStatus" NOT NULL DEFAULT 'SUBMITTED',
    "applicantUserId" INTEGER,
    "applicantName" VARCHAR(40) NOT NULL,
    "applicantIdCipher" TEXT NOT NULL,
    "applicantIdHash" VARCHAR(64) NOT NULL,
    "applicantPhone" VARCHAR(11) NOT NULL,
    "applicantAddress" VARCHAR(160) NOT NULL,
    "agentName" VARCHAR(40),
    "agentRelation" VARCHAR(20),
    "agentPhone" VARCHAR(11),
    "agentIdCipher" TEXT,
    "matterKind" "LegalAidMatterKind" NOT NULL,
    "matterCategory" VARCHAR(40) NOT NULL,
    "facts" VARCHAR(4000) NOT NULL,
    "opposingParty" VARCHAR(120) NOT NULL,
    "authority" VARCHAR(120),
    "urgentDeadline" DATE,
    "aidForm" "AidForm" NOT NULL,
    "economicBasis" "EconomicBasis" NOT NULL,
    "economicDetail" JSONB NOT NULL,
    "greenChannel" BOOLEAN NOT NULL DEFAULT false,
    "greenChannelReason" VARCHAR(40),
    "personalInfoConsentAt" TIMESTAMP(3) NOT NULL,
    "sensitiveInfoConsentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalAidApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalAidApplication_workOrderId_key" ON "LegalAidApplication"("workOrderId");

-- CreateIndex
CREATE INDEX "LegalAidApplication_status_idx" ON "LegalAidApplication"("status");

-- CreateIndex
CREATE INDEX "LegalAidApplication_applicantIdHash_idx" ON "LegalAidApplication"("applicantIdHash");

-- CreateIndex
CREATE INDEX "LegalAidApplication_applicantUserId_idx" ON "LegalAidApplication"("applicantUserId");

-- AddForeignKey
ALTER TABLE "LegalAidApplication" ADD CONSTRAINT "LegalAidApplication_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
