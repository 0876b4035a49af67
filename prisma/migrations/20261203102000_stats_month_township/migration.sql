-- StatsMonthTotal moves from county × month to township × month (decision 010): the rows are derived,
-- so they are dropped and every month with days is rebuilt by the next refresh.
DELETE FROM "StatsMonthTotal";

-- AlterTable
ALTER TABLE "StatsMonthTotal" DROP CONSTRAINT "StatsMonthTotal_pkey",
DROP COLUMN "countyPath",
ADD COLUMN     "areaPath" VARCHAR(120) NOT NULL,
ADD CONSTRAINT "StatsMonthTotal_pkey" PRIMARY KEY ("month", "areaPath");

-- one marked day per month is enough: the refresh re-sums each touched month from all its days
INSERT INTO "StatsDirtyDay"(day) SELECT DISTINCT date_trunc('month', day)::date FROM "StatsDay";
