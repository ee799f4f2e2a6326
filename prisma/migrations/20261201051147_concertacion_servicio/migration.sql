-- CreateEnum
CREATE TYPE "EstadoConcertacionServicio" AS ENUM ('SOLICITADA', 'EN_COORDINACION', 'CON_CAST', 'RESPONDIDA', 'NO_PROCEDENTE', 'CONCERTADA', 'EN_EJECUCION', 'ENTREGADA', 'VERIFICADA', 'PAGADA');

-- CreateTable
CREATE TABLE "ConcertacionServicio" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "servicio" TEXT NOT NULL,
    "solicitud" TEXT NOT NULL,
    "respuestaCast" TEXT,
    "cotizacion" DECIMAL(12,2),
    "compromisos" TEXT,
    "cuotaRecuperacion" DECIMAL(12,2),
    "entrega" TEXT,
    "verificacion" TEXT,
    "pagoReferencia" TEXT,
    "montoPagado" DECIMAL(12,2),
    "pagadaAt" TIMESTAMP(3),
    "estado" "EstadoConcertacionServicio" NOT NULL DEFAULT 'SOLICITADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcertacionServicio_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConcertacionServicio_unitId_estado_idx" ON "ConcertacionServicio"("unitId", "estado");

-- AddForeignKey
ALTER TABLE "ConcertacionServicio" ADD CONSTRAINT "ConcertacionServicio_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcertacionServicio" ADD CONSTRAINT "ConcertacionServicio_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The money of a concertación, checked by the database as well as by the steps: amounts are never
-- negative, and a concertación paid (PAGADA, activity 11) was paid exactly its cuota de recuperación.
-- Written as a trigger (not a CHECK) so that the drift test's catalogue stays the datamodel's.
CREATE OR REPLACE FUNCTION concertacion_servicio_montos() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."cotizacion" < 0 OR NEW."cuotaRecuperacion" < 0 OR NEW."montoPagado" < 0 THEN RAISE EXCEPTION ''ConcertacionServicio: negative amount'' USING ERRCODE = ''23514''\073 END IF\073 IF NEW."estado" = ''PAGADA'' AND NEW."montoPagado" IS DISTINCT FROM NEW."cuotaRecuperacion" THEN RAISE EXCEPTION ''ConcertacionServicio: payment differs from the cuota'' USING ERRCODE = ''23514''\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER "ConcertacionServicio_montos" BEFORE INSERT OR UPDATE ON "ConcertacionServicio"
  FOR EACH ROW EXECUTE FUNCTION concertacion_servicio_montos();
