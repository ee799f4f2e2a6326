-- CreateEnum
CREATE TYPE "EstadoBaja" AS ENUM ('REPORTADA', 'CANALIZADA', 'ATENDIDA');

-- CreateTable
CREATE TABLE "ReunionRiesgo" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "numero" INTEGER NOT NULL,
    "fecha" TIMESTAMP(3) NOT NULL,
    "acuerdos" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReunionRiesgo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AsesoriaComplementaria" (
    "id" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "moduloId" UUID NOT NULL,
    "docenteId" UUID,
    "periodo" TEXT NOT NULL,
    "motivo" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AsesoriaComplementaria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Baja" (
    "id" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fecha" TIMESTAMP(3) NOT NULL,
    "motivo" TEXT NOT NULL,
    "solicitudTutor" BOOLEAN NOT NULL,
    "estado" "EstadoBaja" NOT NULL DEFAULT 'REPORTADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "atencion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Baja_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReunionRiesgo_unitId_periodo_numero_key" ON "ReunionRiesgo"("unitId", "periodo", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "AsesoriaComplementaria_alumnoId_moduloId_periodo_key" ON "AsesoriaComplementaria"("alumnoId", "moduloId", "periodo");

-- CreateIndex
CREATE INDEX "Baja_unitId_estado_idx" ON "Baja"("unitId", "estado");

-- AddForeignKey
ALTER TABLE "ReunionRiesgo" ADD CONSTRAINT "ReunionRiesgo_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsesoriaComplementaria" ADD CONSTRAINT "AsesoriaComplementaria_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsesoriaComplementaria" ADD CONSTRAINT "AsesoriaComplementaria_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsesoriaComplementaria" ADD CONSTRAINT "AsesoriaComplementaria_moduloId_fkey" FOREIGN KEY ("moduloId") REFERENCES "Modulo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsesoriaComplementaria" ADD CONSTRAINT "AsesoriaComplementaria_docenteId_fkey" FOREIGN KEY ("docenteId") REFERENCES "Docente"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baja" ADD CONSTRAINT "Baja_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baja" ADD CONSTRAINT "Baja_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

