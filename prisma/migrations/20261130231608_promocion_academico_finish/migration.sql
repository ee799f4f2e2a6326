-- CreateEnum
CREATE TYPE "TipoArchivoSae" AS ENUM ('ALUMNOS', 'GRUPOS', 'DOCENTES', 'EVALUACIONES');

-- DropForeignKey
ALTER TABLE "ActividadRealizada" DROP CONSTRAINT "ActividadRealizada_planId_fkey";

-- AlterTable
ALTER TABLE "PlanAnualCentro" ADD COLUMN     "amenazas" TEXT,
ADD COLUMN     "contexto" TEXT,
ADD COLUMN     "debilidades" TEXT,
ADD COLUMN     "fortalezas" TEXT,
ADD COLUMN     "oportunidades" TEXT,
ADD COLUMN     "prioridades" TEXT,
ADD COLUMN     "resultadosHistoricos" TEXT,
ADD COLUMN     "riesgos" TEXT;

-- AlterTable
ALTER TABLE "ActividadRealizada" ADD COLUMN     "planEstatalId" UUID,
ALTER COLUMN "planId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Alumno" ADD COLUMN     "semestreIngreso" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Docente" ADD COLUMN     "clave" TEXT;

-- CreateTable
CREATE TABLE "MetaPlanTrabajoAnual" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "descripcion" TEXT NOT NULL,
    "valor" INTEGER NOT NULL,

    CONSTRAINT "MetaPlanTrabajoAnual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AsistenteActividad" (
    "id" UUID NOT NULL,
    "actividadId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "nombre" TEXT NOT NULL,
    "perfil" TEXT,

    CONSTRAINT "AsistenteActividad_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TablaCostos" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "enviadaAt" TIMESTAMP(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TablaCostos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptoCosto" (
    "id" UUID NOT NULL,
    "tablaId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "estandar" TEXT NOT NULL,
    "curso" TEXT NOT NULL,
    "costo" DECIMAL(10,2) NOT NULL,

    CONSTRAINT "ConceptoCosto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitaTecnica" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "mes" INTEGER NOT NULL,
    "fecha" DATE NOT NULL,
    "modalidad" "ModalidadReunion" NOT NULL,
    "cumpleReglas" BOOLEAN NOT NULL,
    "cumpleIdentidad" BOOLEAN NOT NULL,
    "hallazgos" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitaTecnica_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportacionSae" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "tipo" "TipoArchivoSae" NOT NULL,
    "nombreArchivo" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "filas" INTEGER NOT NULL,
    "creadas" INTEGER NOT NULL,
    "actualizadas" INTEGER NOT NULL,
    "sinCambios" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportacionSae_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MetaPlanTrabajoAnual_planId_orden_key" ON "MetaPlanTrabajoAnual"("planId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "AsistenteActividad_actividadId_orden_key" ON "AsistenteActividad"("actividadId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "TablaCostos_unitId_anio_key" ON "TablaCostos"("unitId", "anio");

-- CreateIndex
CREATE UNIQUE INDEX "ConceptoCosto_tablaId_orden_key" ON "ConceptoCosto"("tablaId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "VisitaTecnica_unitId_anio_mes_key" ON "VisitaTecnica"("unitId", "anio", "mes");

-- CreateIndex
CREATE INDEX "ImportacionSae_unitId_createdAt_idx" ON "ImportacionSae"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "ActividadRealizada_planEstatalId_fecha_idx" ON "ActividadRealizada"("planEstatalId", "fecha");

-- CreateIndex
CREATE UNIQUE INDEX "Docente_unitId_clave_key" ON "Docente"("unitId", "clave");

-- AddForeignKey
ALTER TABLE "MetaPlanTrabajoAnual" ADD CONSTRAINT "MetaPlanTrabajoAnual_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlanTrabajoAnual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActividadRealizada" ADD CONSTRAINT "ActividadRealizada_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlanAnualCentro"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActividadRealizada" ADD CONSTRAINT "ActividadRealizada_planEstatalId_fkey" FOREIGN KEY ("planEstatalId") REFERENCES "PlanTrabajoAnual"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsistenteActividad" ADD CONSTRAINT "AsistenteActividad_actividadId_fkey" FOREIGN KEY ("actividadId") REFERENCES "ActividadRealizada"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TablaCostos" ADD CONSTRAINT "TablaCostos_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptoCosto" ADD CONSTRAINT "ConceptoCosto_tablaId_fkey" FOREIGN KEY ("tablaId") REFERENCES "TablaCostos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitaTecnica" ADD CONSTRAINT "VisitaTecnica_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportacionSae" ADD CONSTRAINT "ImportacionSae_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

