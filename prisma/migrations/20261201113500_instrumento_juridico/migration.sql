-- CreateEnum
CREATE TYPE "EstadoConcertacionCapacitacion" AS ENUM ('PROSPECTO', 'AGENDADA', 'EN_ANALISIS', 'VIABLE', 'PROPUESTA', 'FORMALIZADA');

-- CreateEnum
CREATE TYPE "EstadoInstrumentoJuridico" AS ENUM ('EN_ELABORACION', 'EN_DICTAMEN', 'DICTAMINADO', 'EN_FIRMA', 'EN_REGISTRO', 'REGISTRADO', 'COMUNICADO');

-- CreateEnum
CREATE TYPE "ParteInstrumentoJuridico" AS ENUM ('USUARIO_EXTERNO', 'DSTC', 'DIRECTOR_GENERAL_NACIONAL');

-- AlterEnum
ALTER TYPE "TipoDocumento" ADD VALUE 'PROYECTO_INSTRUMENTO';

-- CreateTable
CREATE TABLE "ConcertacionCapacitacion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "prospecto" TEXT NOT NULL,
    "agenda" TEXT,
    "citaAt" TIMESTAMP(3),
    "requerimiento" TEXT,
    "ambito" TEXT,
    "viabilidad" TEXT,
    "propuesta" TEXT,
    "cuotaRecuperacion" DECIMAL(12,2),
    "formalizadaAt" TIMESTAMP(3),
    "estado" "EstadoConcertacionCapacitacion" NOT NULL DEFAULT 'PROSPECTO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcertacionCapacitacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcertacionCapacitacionParticipante" (
    "id" UUID NOT NULL,
    "concertacionCapacitacionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcertacionCapacitacionParticipante_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentoJuridico" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "concertacionServicioId" UUID,
    "concertacionCapacitacionId" UUID,
    "titulo" TEXT NOT NULL,
    "objeto" TEXT NOT NULL,
    "vigenciaDesde" DATE NOT NULL,
    "vigenciaHasta" DATE NOT NULL,
    "monto" DECIMAL(12,2) NOT NULL,
    "dictamen" TEXT,
    "numeroRegistro" TEXT,
    "registradoAt" TIMESTAMP(3),
    "comunicadoAt" TIMESTAMP(3),
    "estado" "EstadoInstrumentoJuridico" NOT NULL DEFAULT 'EN_ELABORACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstrumentoJuridico_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentoJuridicoVersion" (
    "id" UUID NOT NULL,
    "instrumentoJuridicoId" UUID NOT NULL,
    "numero" INTEGER NOT NULL,
    "notas" TEXT,
    "documentoId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentoJuridicoVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirmaInstrumentoJuridico" (
    "id" UUID NOT NULL,
    "instrumentoJuridicoId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "parte" "ParteInstrumentoJuridico" NOT NULL,
    "firmadoAt" TIMESTAMP(3),
    "firmadoPorId" UUID,

    CONSTRAINT "FirmaInstrumentoJuridico_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConcertacionCapacitacion_unitId_estado_idx" ON "ConcertacionCapacitacion"("unitId", "estado");

-- CreateIndex
CREATE INDEX "ConcertacionCapacitacionParticipante_unitId_idx" ON "ConcertacionCapacitacionParticipante"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcertacionCapacitacionParticipante_concertacionCapacitaci_key" ON "ConcertacionCapacitacionParticipante"("concertacionCapacitacionId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentoJuridico_numeroRegistro_key" ON "InstrumentoJuridico"("numeroRegistro");

-- CreateIndex
CREATE INDEX "InstrumentoJuridico_unitId_estado_idx" ON "InstrumentoJuridico"("unitId", "estado");

-- CreateIndex
CREATE INDEX "InstrumentoJuridico_concertacionServicioId_idx" ON "InstrumentoJuridico"("concertacionServicioId");

-- CreateIndex
CREATE INDEX "InstrumentoJuridico_concertacionCapacitacionId_idx" ON "InstrumentoJuridico"("concertacionCapacitacionId");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentoJuridicoVersion_documentoId_key" ON "InstrumentoJuridicoVersion"("documentoId");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentoJuridicoVersion_instrumentoJuridicoId_numero_key" ON "InstrumentoJuridicoVersion"("instrumentoJuridicoId", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "FirmaInstrumentoJuridico_instrumentoJuridicoId_orden_key" ON "FirmaInstrumentoJuridico"("instrumentoJuridicoId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "FirmaInstrumentoJuridico_instrumentoJuridicoId_parte_key" ON "FirmaInstrumentoJuridico"("instrumentoJuridicoId", "parte");

-- AddForeignKey
ALTER TABLE "ConcertacionCapacitacion" ADD CONSTRAINT "ConcertacionCapacitacion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcertacionCapacitacion" ADD CONSTRAINT "ConcertacionCapacitacion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcertacionCapacitacionParticipante" ADD CONSTRAINT "ConcertacionCapacitacionParticipante_concertacionCapacitac_fkey" FOREIGN KEY ("concertacionCapacitacionId") REFERENCES "ConcertacionCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcertacionCapacitacionParticipante" ADD CONSTRAINT "ConcertacionCapacitacionParticipante_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridico" ADD CONSTRAINT "InstrumentoJuridico_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridico" ADD CONSTRAINT "InstrumentoJuridico_concertacionServicioId_fkey" FOREIGN KEY ("concertacionServicioId") REFERENCES "ConcertacionServicio"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridico" ADD CONSTRAINT "InstrumentoJuridico_concertacionCapacitacionId_fkey" FOREIGN KEY ("concertacionCapacitacionId") REFERENCES "ConcertacionCapacitacion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridico" ADD CONSTRAINT "InstrumentoJuridico_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridicoVersion" ADD CONSTRAINT "InstrumentoJuridicoVersion_instrumentoJuridicoId_fkey" FOREIGN KEY ("instrumentoJuridicoId") REFERENCES "InstrumentoJuridico"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridicoVersion" ADD CONSTRAINT "InstrumentoJuridicoVersion_documentoId_fkey" FOREIGN KEY ("documentoId") REFERENCES "Documento"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentoJuridicoVersion" ADD CONSTRAINT "InstrumentoJuridicoVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmaInstrumentoJuridico" ADD CONSTRAINT "FirmaInstrumentoJuridico_instrumentoJuridicoId_fkey" FOREIGN KEY ("instrumentoJuridicoId") REFERENCES "InstrumentoJuridico"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmaInstrumentoJuridico" ADD CONSTRAINT "FirmaInstrumentoJuridico_firmadoPorId_fkey" FOREIGN KEY ("firmadoPorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An instrumento jurídico formalises exactly one concertación (of a service or of training), its amount is
-- never negative and its term does not end before it starts. A trigger like ConcertacionServicio_montos.
CREATE OR REPLACE FUNCTION instrumento_juridico_check() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF (NEW."concertacionServicioId" IS NULL) = (NEW."concertacionCapacitacionId" IS NULL) THEN RAISE EXCEPTION ''InstrumentoJuridico: exactly one concertación'' USING ERRCODE = ''23514''\073 END IF\073 IF NEW."monto" < 0 THEN RAISE EXCEPTION ''InstrumentoJuridico: negative amount'' USING ERRCODE = ''23514''\073 END IF\073 IF NEW."vigenciaHasta" < NEW."vigenciaDesde" THEN RAISE EXCEPTION ''InstrumentoJuridico: term ends before it starts'' USING ERRCODE = ''23514''\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER "InstrumentoJuridico_check" BEFORE INSERT OR UPDATE ON "InstrumentoJuridico"
  FOR EACH ROW EXECUTE FUNCTION instrumento_juridico_check();

-- The cuota of a concertación de capacitación is never negative.
CREATE OR REPLACE FUNCTION concertacion_capacitacion_montos() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."cuotaRecuperacion" < 0 THEN RAISE EXCEPTION ''ConcertacionCapacitacion: negative amount'' USING ERRCODE = ''23514''\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER "ConcertacionCapacitacion_montos" BEFORE INSERT OR UPDATE ON "ConcertacionCapacitacion"
  FOR EACH ROW EXECUTE FUNCTION concertacion_capacitacion_montos();
