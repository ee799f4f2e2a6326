-- CreateEnum
CREATE TYPE "TipoCertificado" AS ENUM ('ORIGINAL', 'REPOSICION');

-- AlterTable
ALTER TABLE "Certificado" ADD COLUMN     "motivoReposicion" TEXT,
ADD COLUMN     "reponeAId" UUID,
ADD COLUMN     "tipo" "TipoCertificado" NOT NULL DEFAULT 'ORIGINAL';

-- CreateIndex
CREATE UNIQUE INDEX "Certificado_reponeAId_key" ON "Certificado"("reponeAId");

-- AddForeignKey
ALTER TABLE "Certificado" ADD CONSTRAINT "Certificado_reponeAId_fkey" FOREIGN KEY ("reponeAId") REFERENCES "Certificado"("id") ON DELETE SET NULL ON UPDATE CASCADE;

