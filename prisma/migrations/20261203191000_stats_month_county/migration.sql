-- CreateTable
CREATE TABLE "StatsMonthCounty" (
    "month" DATE NOT NULL,
    "countyPath" VARCHAR(120) NOT NULL,
    "ordersAccepted" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "ordersClosed" INTEGER NOT NULL DEFAULT 0,
    "ordersClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "ordersFollowedUp" INTEGER NOT NULL DEFAULT 0,
    "ordersRated" INTEGER NOT NULL DEFAULT 0,
    "ordersSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidAccepted" INTEGER NOT NULL DEFAULT 0,
    "aidGreenChannel" INTEGER NOT NULL DEFAULT 0,
    "aidDecided" INTEGER NOT NULL DEFAULT 0,
    "aidDecidedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidApproved" INTEGER NOT NULL DEFAULT 0,
    "aidAssigned" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedOnTime" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedSameDay" INTEGER NOT NULL DEFAULT 0,
    "aidAssignedByChoice" INTEGER NOT NULL DEFAULT 0,
    "aidRated" INTEGER NOT NULL DEFAULT 0,
    "aidSatisfied" INTEGER NOT NULL DEFAULT 0,
    "aidGraded" INTEGER NOT NULL DEFAULT 0,
    "aidGradedGood" INTEGER NOT NULL DEFAULT 0,
    "mediationAccepted" INTEGER NOT NULL DEFAULT 0,
    "mediationMajor" INTEGER NOT NULL DEFAULT 0,
    "mediationConcluded" INTEGER NOT NULL DEFAULT 0,
    "mediationSucceeded" INTEGER NOT NULL DEFAULT 0,
    "mediationConfirmed" INTEGER NOT NULL DEFAULT 0,
    "mediationPerformed" INTEGER NOT NULL DEFAULT 0,
    "mediationCrimePrevented" INTEGER NOT NULL DEFAULT 0,
    "ordersHandlingSeconds" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "aidMoneyRecovered" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "aidFeesWaived" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "StatsMonthCounty_pkey" PRIMARY KEY ("month","countyPath")
);

-- Filled from the township totals already kept (the same sums refreshRollups makes month by month).
WITH rows AS (
  SELECT month, substring("areaPath" from '^[^/]+/(?:[^/]+/)?') AS "countyPath", "ordersAccepted", "consultations", "ordersClosed", "ordersClosedOnTime", "ordersFollowedUp", "ordersRated", "ordersSatisfied", "aidAccepted", "aidGreenChannel", "aidDecided", "aidDecidedOnTime", "aidApproved", "aidAssigned", "aidAssignedOnTime", "aidAssignedSameDay", "aidAssignedByChoice", "aidRated", "aidSatisfied", "aidGraded", "aidGradedGood", "mediationAccepted", "mediationMajor", "mediationConcluded", "mediationSucceeded", "mediationConfirmed", "mediationPerformed", "mediationCrimePrevented", "ordersHandlingSeconds", "aidMoneyRecovered", "aidFeesWaived", breakdown FROM "StatsMonthTotal"
),
summed AS (SELECT month, "countyPath", sum("ordersAccepted") AS "ordersAccepted", sum("consultations") AS "consultations", sum("ordersClosed") AS "ordersClosed", sum("ordersClosedOnTime") AS "ordersClosedOnTime", sum("ordersFollowedUp") AS "ordersFollowedUp", sum("ordersRated") AS "ordersRated", sum("ordersSatisfied") AS "ordersSatisfied", sum("aidAccepted") AS "aidAccepted", sum("aidGreenChannel") AS "aidGreenChannel", sum("aidDecided") AS "aidDecided", sum("aidDecidedOnTime") AS "aidDecidedOnTime", sum("aidApproved") AS "aidApproved", sum("aidAssigned") AS "aidAssigned", sum("aidAssignedOnTime") AS "aidAssignedOnTime", sum("aidAssignedSameDay") AS "aidAssignedSameDay", sum("aidAssignedByChoice") AS "aidAssignedByChoice", sum("aidRated") AS "aidRated", sum("aidSatisfied") AS "aidSatisfied", sum("aidGraded") AS "aidGraded", sum("aidGradedGood") AS "aidGradedGood", sum("mediationAccepted") AS "mediationAccepted", sum("mediationMajor") AS "mediationMajor", sum("mediationConcluded") AS "mediationConcluded", sum("mediationSucceeded") AS "mediationSucceeded", sum("mediationConfirmed") AS "mediationConfirmed", sum("mediationPerformed") AS "mediationPerformed", sum("mediationCrimePrevented") AS "mediationCrimePrevented", sum("ordersHandlingSeconds") AS "ordersHandlingSeconds", sum("aidMoneyRecovered") AS "aidMoneyRecovered", sum("aidFeesWaived") AS "aidFeesWaived" FROM rows GROUP BY month, "countyPath"),
keys AS (SELECT month, "countyPath", k.key, sum(k.value::numeric) AS n FROM rows, jsonb_each_text(rows.breakdown) k GROUP BY month, "countyPath", k.key),
bd AS (SELECT month, "countyPath", jsonb_object_agg(key, n) AS breakdown FROM keys GROUP BY month, "countyPath")
INSERT INTO "StatsMonthCounty" (month, "countyPath", "ordersAccepted", "consultations", "ordersClosed", "ordersClosedOnTime", "ordersFollowedUp", "ordersRated", "ordersSatisfied", "aidAccepted", "aidGreenChannel", "aidDecided", "aidDecidedOnTime", "aidApproved", "aidAssigned", "aidAssignedOnTime", "aidAssignedSameDay", "aidAssignedByChoice", "aidRated", "aidSatisfied", "aidGraded", "aidGradedGood", "mediationAccepted", "mediationMajor", "mediationConcluded", "mediationSucceeded", "mediationConfirmed", "mediationPerformed", "mediationCrimePrevented", "ordersHandlingSeconds", "aidMoneyRecovered", "aidFeesWaived", breakdown)
SELECT s.month, s."countyPath", s."ordersAccepted", s."consultations", s."ordersClosed", s."ordersClosedOnTime", s."ordersFollowedUp", s."ordersRated", s."ordersSatisfied", s."aidAccepted", s."aidGreenChannel", s."aidDecided", s."aidDecidedOnTime", s."aidApproved", s."aidAssigned", s."aidAssignedOnTime", s."aidAssignedSameDay", s."aidAssignedByChoice", s."aidRated", s."aidSatisfied", s."aidGraded", s."aidGradedGood", s."mediationAccepted", s."mediationMajor", s."mediationConcluded", s."mediationSucceeded", s."mediationConfirmed", s."mediationPerformed", s."mediationCrimePrevented", s."ordersHandlingSeconds", s."aidMoneyRecovered", s."aidFeesWaived", coalesce(bd.breakdown, '{}')
FROM summed s LEFT JOIN bd USING (month, "countyPath");
