-- CreateEnum
CREATE TYPE "EstadoImportacionSae" AS ENUM ('EN_COLA', 'EN_PROCESO', 'IMPORTADA', 'RECHAZADA');

-- AlterEnum
ALTER TYPE "TipoDocumento" ADD VALUE 'ARCHIVO_SAE';

-- AlterTable
ALTER TABLE "ImportacionSae" ADD COLUMN     "documentoId" UUID,
ADD COLUMN     "errores" JSONB,
ADD COLUMN     "estado" "EstadoImportacionSae" NOT NULL DEFAULT 'IMPORTADA',
ADD COLUMN     "filasProcesadas" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

UPDATE "ImportacionSae" SET "filasProcesadas" = "filas";
