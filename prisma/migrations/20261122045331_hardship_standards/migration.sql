-- CreateTable
CREATE TABLE "HardshipStandard" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "monthlyIncomePerCapita" INTEGER NOT NULL,
    "basis" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardshipStandard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HardshipStandard_regionId_effectiveFrom_key" ON "HardshipStandard"("regionId", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "HardshipStandard" ADD CONSTRAINT "HardshipStandard_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 003): a standard is a positive amount.
ALTER TABLE "HardshipStandard" ADD CONSTRAINT "HardshipStandard_amount_check" CHECK ("monthlyIncomePerCapita" > 0);
