-- CreateTable
CREATE TABLE "StatsVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "recipients" BIGINT NOT NULL,

    CONSTRAINT "StatsVersion_pkey" PRIMARY KEY ("id")
);


-- The roll-ups may already hold recipients: give them a version, so instances may keep counts at once.
INSERT INTO "StatsVersion" ("id", "recipients") VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);
