-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkOrderEventKind" ADD VALUE 'LAWYERS_CHOSEN';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'OFFERED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'OFFER_DECLINED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'OFFER_EXPIRED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'POOL_OPENED';
ALTER TYPE "WorkOrderEventKind" ADD VALUE 'POOL_CLOSED';

-- AlterTable
ALTER TABLE "LegalAidApplication" ADD COLUMN     "poolClosedAt" TIMESTAMP(3);
