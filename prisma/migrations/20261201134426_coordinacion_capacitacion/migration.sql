-- CreateEnum
CREATE TYPE "EstadoCoordinacionCapacitacion" AS ENUM ('EN_COORDINACION', 'PORTAFOLIO_INTEGRADO', 'CFDI_SOLICITADO', 'FACTURADA', 'PAGADA', 'DERRAMA_SOLICITADA', 'DERRAMA_NOTIFICADA');

-- AlterEnum
ALTER TYPE "TipoDocumento" ADD VALUE 'PORTAFOLIO_EVIDENCIAS';

-- CreateTable
CREATE TABLE "CoordinacionCapacitacion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "concertacionCapacitacionId" UUID NOT NULL,
    "notificacion" TEXT NOT NULL,
    "materiales" TEXT,
    "validacionMateriales" TEXT,
    "seguimiento" TEXT,
    "portafolio" TEXT,
    "cuotaRecuperacion" DECIMAL(12,2),
    "cuotaValidadaAt" TIMESTAMP(3),
    "folioCfdi" TEXT,
    "facturadaAt" TIMESTAMP(3),
    "montoPagado" DECIMAL(12,2),
    "referenciaPago" TEXT,
    "pagadaAt" TIMESTAMP(3),
    "derramaSolicitadaAt" TIMESTAMP(3),
    "notificacionDerrama" TEXT,
    "derramaNotificadaAt" TIMESTAMP(3),
    "estado" "EstadoCoordinacionCapacitacion" NOT NULL DEFAULT 'EN_COORDINACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoordinacionCapacitacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineaDerrama" (
    "id" UUID NOT NULL,
    "coordinacionCapacitacionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "monto" DECIMAL(12,2) NOT NULL,
    "documentoId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,

    CONSTRAINT "LineaDerrama_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoordinacionCapacitacion_concertacionCapacitacionId_key" ON "CoordinacionCapacitacion"("concertacionCapacitacionId");

-- CreateIndex
CREATE UNIQUE INDEX "CoordinacionCapacitacion_folioCfdi_key" ON "CoordinacionCapacitacion"("folioCfdi");

-- CreateIndex
CREATE INDEX "CoordinacionCapacitacion_unitId_estado_idx" ON "CoordinacionCapacitacion"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "LineaDerrama_documentoId_key" ON "LineaDerrama"("documentoId");

-- CreateIndex
CREATE INDEX "LineaDerrama_unitId_idx" ON "LineaDerrama"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "LineaDerrama_coordinacionCapacitacionId_unitId_key" ON "LineaDerrama"("coordinacionCapacitacionId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "LineaDerrama_coordinacionCapacitacionId_orden_key" ON "LineaDerrama"("coordinacionCapacitacionId", "orden");

-- AddForeignKey
ALTER TABLE "CoordinacionCapacitacion" ADD CONSTRAINT "CoordinacionCapacitacion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinacionCapacitacion" ADD CONSTRAINT "CoordinacionCapacitacion_concertacionCapacitacionId_fkey" FOREIGN KEY ("concertacionCapacitacionId") REFERENCES "ConcertacionCapacitacion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinacionCapacitacion" ADD CONSTRAINT "CoordinacionCapacitacion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineaDerrama" ADD CONSTRAINT "LineaDerrama_coordinacionCapacitacionId_fkey" FOREIGN KEY ("coordinacionCapacitacionId") REFERENCES "CoordinacionCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineaDerrama" ADD CONSTRAINT "LineaDerrama_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineaDerrama" ADD CONSTRAINT "LineaDerrama_documentoId_fkey" FOREIGN KEY ("documentoId") REFERENCES "Documento"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

