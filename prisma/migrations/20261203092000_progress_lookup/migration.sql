-- CreateTable
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ProgressLookupCode" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(24) NOT NULL,
    "phoneHash" VARCHAR(64) NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressLookupCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgressLookupCode_number_createdAt_idx" ON "ProgressLookupCode"("number", "createdAt" DESC);

