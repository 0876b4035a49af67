-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('PERSONAL_INFO', 'SENSITIVE_INFO');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "failedSignIns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpSecretCipher" TEXT;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" VARCHAR(64) NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(300),
    "endedAt" TIMESTAMP(3),
    "endReason" VARCHAR(20),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEventArchive" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorUserId" INTEGER,
    "actorRole" "Role",
    "organizationId" INTEGER,
    "apiClientId" INTEGER,
    "action" VARCHAR(80) NOT NULL,
    "targetType" VARCHAR(40),
    "targetId" VARCHAR(60),
    "result" "AuditResult" NOT NULL,
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(300),
    "detail" JSONB,
    "archivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEventArchive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER,
    "userId" INTEGER,
    "subjectName" VARCHAR(40) NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "categories" TEXT[],
    "noticeVersion" VARCHAR(20) NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEventArchive_at_idx" ON "AuditEventArchive"("at");

-- CreateIndex
CREATE INDEX "ConsentRecord_workOrderId_idx" ON "ConsentRecord"("workOrderId");

-- CreateIndex
CREATE INDEX "ConsentRecord_userId_idx" ON "ConsentRecord"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit trail stays append-only (no UPDATE ever). A row may leave AuditEvent only when it is
-- older than the 6-month floor (网络安全法 Art. 21) AND an identical copy is already in
-- AuditEventArchive — so the archive job (lib/audit/archive.ts) is the only way out, and a bug or a
-- stolen application connection cannot erase recent history.
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE FUNCTION audit_event_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND OLD."at" < (now() AT TIME ZONE 'UTC') - interval '6 months'
     AND EXISTS (
       SELECT 1 FROM "AuditEventArchive" a
       WHERE a.id = OLD.id
         AND (a."at", a."actorUserId", a."actorRole", a."organizationId", a."apiClientId", a.action,
              a."targetType", a."targetId", a.result, a.ip, a."userAgent", a.detail)
             IS NOT DISTINCT FROM
             (OLD."at", OLD."actorUserId", OLD."actorRole", OLD."organizationId", OLD."apiClientId", OLD.action,
              OLD."targetType", OLD."targetId", OLD.result, OLD.ip, OLD."userAgent", OLD.detail))
  THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused: only archived rows older than 6 months may leave)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditEvent_guard" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_guard();
CREATE TRIGGER "AuditEventArchive_append_only" BEFORE UPDATE OR DELETE ON "AuditEventArchive"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
