-- CreateTable
CREATE TABLE "IndicatorTarget" (
    "id" SERIAL NOT NULL,
    "indicatorId" VARCHAR(60) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "target" DECIMAL(16,4) NOT NULL,
    "source" VARCHAR(200),
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManualFigure" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DECIMAL(16,4) NOT NULL,
    "source" VARCHAR(200) NOT NULL,
    "enteredById" INTEGER,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManualFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorTarget_regionId_year_idx" ON "IndicatorTarget"("regionId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorTarget_indicatorId_regionId_year_key" ON "IndicatorTarget"("indicatorId", "regionId", "year");

-- CreateIndex
CREATE INDEX "ManualFigure_regionId_periodEnd_idx" ON "ManualFigure"("regionId", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ManualFigure_key_regionId_periodStart_periodEnd_key" ON "ManualFigure"("key", "regionId", "periodStart", "periodEnd");

-- AddForeignKey
ALTER TABLE "IndicatorTarget" ADD CONSTRAINT "IndicatorTarget_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManualFigure" ADD CONSTRAINT "ManualFigure_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
