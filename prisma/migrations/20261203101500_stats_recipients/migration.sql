-- CreateTable
CREATE TABLE "StatsRecipientDay" (
    "day" DATE NOT NULL,
    "areaPath" VARCHAR(120) NOT NULL,
    "countyPath" VARCHAR(120) NOT NULL,
    "tier" "OrganizationTier" NOT NULL,
    "channel" "WorkOrderChannel" NOT NULL,
    "type" "WorkOrderType" NOT NULL,
    "applicantIdHash" VARCHAR(64) NOT NULL,

    CONSTRAINT "StatsRecipientDay_pkey" PRIMARY KEY ("day","areaPath","tier","channel","type","applicantIdHash")
);

-- CreateIndex
CREATE INDEX "StatsRecipientDay_areaPath_day_idx" ON "StatsRecipientDay"("areaPath", "day");


-- Every day with a legal-aid decision is stale until the next refresh fills the new table.
SELECT stats_mark(ARRAY(SELECT "decidedAt" FROM "LegalAidApplication" WHERE "decidedAt" IS NOT NULL));
