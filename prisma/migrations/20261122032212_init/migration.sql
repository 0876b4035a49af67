-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "OrganizationTier" AS ENUM ('CENTRE', 'STATION', 'ROOM');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('RESIDENT', 'STAFF', 'LEGAL_AID_OFFICER', 'LAWYER', 'MEDIATOR', 'LEADER', 'ADMIN');

-- CreateEnum
CREATE TYPE "LawyerKind" AS ENUM ('LAWYER', 'GRASSROOTS_WORKER');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "AuditResult" AS ENUM ('SUCCESS', 'DENIED', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentId" INTEGER,
    "path" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionPopulation" (
    "regionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "residents" INTEGER NOT NULL,

    CONSTRAINT "RegionPopulation_pkey" PRIMARY KEY ("regionId","year")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "tier" "OrganizationTier" NOT NULL,
    "regionId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "path" VARCHAR(100) NOT NULL,
    "address" VARCHAR(160) NOT NULL,
    "phone" VARCHAR(40) NOT NULL,
    "openingHours" VARCHAR(120) NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "standardized" BOOLEAN NOT NULL DEFAULT false,
    "legalAdviserName" VARCHAR(40),
    "legalAdviserPhone" VARCHAR(40),
    "decidesLegalAid" BOOLEAN NOT NULL DEFAULT false,
    "services" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40),
    "phone" VARCHAR(11),
    "name" VARCHAR(40) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "idNumberCipher" TEXT,
    "idNumberHash" VARCHAR(64),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" INTEGER,
    "regionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LawFirm" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "address" VARCHAR(160) NOT NULL,
    "phone" VARCHAR(40) NOT NULL,

    CONSTRAINT "LawFirm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LawyerProfile" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "LawyerKind" NOT NULL DEFAULT 'LAWYER',
    "firmId" INTEGER NOT NULL,
    "licenceNumber" VARCHAR(20) NOT NULL,
    "practiceSinceYear" INTEGER NOT NULL,
    "expertise" TEXT[],
    "concurrentCaseCap" INTEGER NOT NULL DEFAULT 5,
    "acceptsLegalAid" BOOLEAN NOT NULL DEFAULT true,
    "bio" VARCHAR(400),

    CONSTRAINT "LawyerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "tokenPrefix" VARCHAR(16) NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_LawyerServiceRegions" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_LawyerServiceRegions_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Region_path_key" ON "Region"("path");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE INDEX "Region_level_idx" ON "Region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_path_key" ON "Organization"("path");

-- CreateIndex
CREATE INDEX "Organization_regionId_idx" ON "Organization"("regionId");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_tier_idx" ON "Organization"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "User_idNumberHash_key" ON "User"("idNumberHash");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE INDEX "Membership_regionId_idx" ON "Membership"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_organizationId_regionId_key" ON "Membership"("userId", "role", "organizationId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "LawFirm_name_key" ON "LawFirm"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LawyerProfile_userId_key" ON "LawyerProfile"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LawyerProfile_licenceNumber_key" ON "LawyerProfile"("licenceNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_tokenHash_key" ON "ApiClient"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_at_idx" ON "AuditEvent"("actorUserId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "_LawyerServiceRegions_B_index" ON "_LawyerServiceRegions"("B");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionPopulation" ADD CONSTRAINT "RegionPopulation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawFirm" ADD CONSTRAINT "LawFirm_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawyerProfile" ADD CONSTRAINT "LawyerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawyerProfile" ADD CONSTRAINT "LawyerProfile_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "LawFirm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_LawyerServiceRegions" ADD CONSTRAINT "_LawyerServiceRegions_A_fkey" FOREIGN KEY ("A") REFERENCES "LawyerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_LawyerServiceRegions" ADD CONSTRAINT "_LawyerServiceRegions_B_fkey" FOREIGN KEY ("B") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Rules the database enforces itself (hand-written; see docs/decisions/003) ───

-- Which scope each role takes: staff, officers and mediators sit in an organization; leaders in a
-- region; residents and lawyers in neither; admins may be city-wide or region-scoped.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope_check" CHECK (
  CASE "role"
    WHEN 'STAFF' THEN "organizationId" IS NOT NULL AND "regionId" IS NULL
    WHEN 'LEGAL_AID_OFFICER' THEN "organizationId" IS NOT NULL AND "regionId" IS NULL
    WHEN 'MEDIATOR' THEN "organizationId" IS NOT NULL AND "regionId" IS NULL
    WHEN 'LEADER' THEN "regionId" IS NOT NULL AND "organizationId" IS NULL
    WHEN 'ADMIN' THEN "organizationId" IS NULL
    ELSE "organizationId" IS NULL AND "regionId" IS NULL
  END
);
-- NULLs are distinct in a plain unique index: make "the same role twice without scope" impossible too.
CREATE UNIQUE INDEX "Membership_unscoped_role_key" ON "Membership" ("userId", "role")
  WHERE "organizationId" IS NULL AND "regionId" IS NULL;

ALTER TABLE "RegionPopulation" ADD CONSTRAINT "RegionPopulation_residents_check" CHECK ("residents" >= 0);
ALTER TABLE "LawyerProfile" ADD CONSTRAINT "LawyerProfile_cap_check" CHECK ("concurrentCaseCap" BETWEEN 1 AND 50);
ALTER TABLE "Region" ADD CONSTRAINT "Region_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");

-- The audit trail is append-only: nobody, the application included, may change or remove a row.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
