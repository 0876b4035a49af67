-- CreateEnum
CREATE TYPE "AssignmentRoute" AS ENUM ('OFFICER', 'CHOICE', 'POOL');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "LawyerProfile" ADD COLUMN     "languages" TEXT[],
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedByUserId" INTEGER,
ADD COLUMN     "suspensionReason" VARCHAR(300);

-- AlterTable
ALTER TABLE "LegalAidApplication" ADD COLUMN     "assignedVia" "AssignmentRoute",
ADD COLUMN     "poolOpenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "LegalAidRule" ADD COLUMN     "maxChoices" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "offerHours" INTEGER NOT NULL DEFAULT 24;

-- CreateTable
CREATE TABLE "LegalAidChoice" (
    "applicationId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "lawyerUserId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalAidChoice_pkey" PRIMARY KEY ("applicationId","rank")
);

-- CreateTable
CREATE TABLE "LegalAidOffer" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "lawyerUserId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "offeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "declineReason" VARCHAR(300),

    CONSTRAINT "LegalAidOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAidAssignment" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "lawyerUserId" INTEGER NOT NULL,
    "via" "AssignmentRoute" NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedByUserId" INTEGER,

    CONSTRAINT "LegalAidAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalAidChoice_applicationId_lawyerUserId_key" ON "LegalAidChoice"("applicationId", "lawyerUserId");

-- CreateIndex
CREATE INDEX "LegalAidOffer_status_expiresAt_idx" ON "LegalAidOffer"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "LegalAidOffer_lawyerUserId_status_idx" ON "LegalAidOffer"("lawyerUserId", "status");

-- CreateIndex
CREATE INDEX "LegalAidOffer_applicationId_idx" ON "LegalAidOffer"("applicationId");

-- CreateIndex
CREATE INDEX "LegalAidAssignment_lawyerUserId_idx" ON "LegalAidAssignment"("lawyerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalAidAssignment_applicationId_round_key" ON "LegalAidAssignment"("applicationId", "round");

-- AddForeignKey
ALTER TABLE "LegalAidChoice" ADD CONSTRAINT "LegalAidChoice_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LegalAidApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidChoice" ADD CONSTRAINT "LegalAidChoice_lawyerUserId_fkey" FOREIGN KEY ("lawyerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidOffer" ADD CONSTRAINT "LegalAidOffer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LegalAidApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidOffer" ADD CONSTRAINT "LegalAidOffer_lawyerUserId_fkey" FOREIGN KEY ("lawyerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidAssignment" ADD CONSTRAINT "LegalAidAssignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LegalAidApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidAssignment" ADD CONSTRAINT "LegalAidAssignment_lawyerUserId_fkey" FOREIGN KEY ("lawyerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 003).
ALTER TABLE "LegalAidChoice" ADD CONSTRAINT "LegalAidChoice_rank_range" CHECK ("rank" BETWEEN 1 AND 10);
ALTER TABLE "LegalAidAssignment" ADD CONSTRAINT "LegalAidAssignment_round_positive" CHECK ("round" >= 1);
ALTER TABLE "LegalAidRule" ADD CONSTRAINT "LegalAidRule_offer_limits" CHECK ("offerHours" > 0 AND "maxChoices" BETWEEN 1 AND 10);
