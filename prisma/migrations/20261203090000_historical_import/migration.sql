-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('WORK_ORDER', 'LEGAL_AID', 'MEDIATION');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('APPLIED', 'REJECTED');

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "importBatchId" INTEGER,
ADD COLUMN     "importKey" VARCHAR(120);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "fileSha256" VARCHAR(64) NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "importedRows" INTEGER NOT NULL,
    "skippedRows" INTEGER NOT NULL,
    "rejectedRows" INTEGER NOT NULL,
    "report" JSONB NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_importKey_key" ON "WorkOrder"("importKey");

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

