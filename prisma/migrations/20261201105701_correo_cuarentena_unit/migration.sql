-- AlterTable
ALTER TABLE "CorreoCuarentena" ADD COLUMN     "unitId" UUID NOT NULL;

-- CreateIndex
CREATE INDEX "CorreoCuarentena_unitId_createdAt_idx" ON "CorreoCuarentena"("unitId", "createdAt");

-- AddForeignKey
ALTER TABLE "CorreoCuarentena" ADD CONSTRAINT "CorreoCuarentena_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

