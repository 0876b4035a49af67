-- AlterTable
ALTER TABLE "LegalAidRule" ADD COLUMN     "choiceHours" INTEGER;
