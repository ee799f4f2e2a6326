-- CreateEnum
CREATE TYPE "EstadoPlanEstatal" AS ENUM ('BORRADOR', 'VALIDADO', 'ENTREGADO', 'TURNADO');

-- CreateEnum
CREATE TYPE "EstadoPlanCentro" AS ENUM ('POR_TURNAR', 'EN_ELABORACION', 'ENVIADO', 'VALIDADO');

-- CreateEnum
CREATE TYPE "TipoActividad" AS ENUM ('DIFUSION_ELECTRONICA', 'REUNION_PADRES', 'ACADEMIA_DOCENTES', 'VISITA_EMPRESA', 'OTRA');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('PUBLICO', 'PRIVADO', 'SOCIAL', 'EDUCATIVO');

-- CreateEnum
CREATE TYPE "EstadoReporte" AS ENUM ('ENVIADO', 'RECIBIDO');

-- CreateEnum
CREATE TYPE "EstadoConcentrado" AS ENUM ('EMITIDO');

-- CreateEnum
CREATE TYPE "TipoAccionMejora" AS ENUM ('SALIDA_NO_CONFORME', 'ACCION_CORRECTIVA', 'PROGRAMA_INTEGRAL_MEJORA');

-- CreateEnum
CREATE TYPE "EstadoAccionMejora" AS ENUM ('ABIERTA', 'CERRADA');

-- CreateTable
CREATE TABLE "PlanTrabajoAnual" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "contexto" TEXT NOT NULL,
    "fortalezas" TEXT NOT NULL,
    "oportunidades" TEXT NOT NULL,
    "debilidades" TEXT NOT NULL,
    "amenazas" TEXT NOT NULL,
    "riesgos" TEXT NOT NULL,
    "prioridades" TEXT NOT NULL,
    "resultadosHistoricos" TEXT NOT NULL,
    "estado" "EstadoPlanEstatal" NOT NULL DEFAULT 'BORRADOR',
    "version" INTEGER NOT NULL DEFAULT 0,
    "turnadoAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanTrabajoAnual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAnualCentro" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "planEstatalId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "objetivos" TEXT,
    "estado" "EstadoPlanCentro" NOT NULL DEFAULT 'POR_TURNAR',
    "version" INTEGER NOT NULL DEFAULT 0,
    "enviadoAt" TIMESTAMP(3),
    "validadoAt" TIMESTAMP(3),
    "destruidoAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanAnualCentro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActividadProgramada" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "mes" INTEGER NOT NULL,
    "tipo" "TipoActividad" NOT NULL,
    "descripcion" TEXT NOT NULL,
    "audiencia" TEXT NOT NULL,
    "sector" "Sector",
    "meta" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActividadProgramada_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActividadRealizada" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "programadaId" UUID,
    "tipo" "TipoActividad" NOT NULL,
    "fecha" DATE NOT NULL,
    "descripcion" TEXT NOT NULL,
    "alcance" INTEGER NOT NULL,
    "evento" TEXT,
    "asistentes" INTEGER,
    "organizacion" TEXT,
    "sector" "Sector",
    "contacto" TEXT,
    "resultado" TEXT,
    "canal" TEXT,
    "enlace" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destruidoAt" TIMESTAMP(3),

    CONSTRAINT "ActividadRealizada_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReporteTrimestral" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "analisis" TEXT NOT NULL,
    "estado" "EstadoReporte" NOT NULL DEFAULT 'ENVIADO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destruidoAt" TIMESTAMP(3),

    CONSTRAINT "ReporteTrimestral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcentradoEstatal" (
    "id" UUID NOT NULL,
    "planEstatalId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "semestre" INTEGER NOT NULL,
    "observaciones" TEXT,
    "estado" "EstadoConcentrado" NOT NULL DEFAULT 'EMITIDO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destruidoAt" TIMESTAMP(3),

    CONSTRAINT "ConcentradoEstatal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccionMejora" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "tipo" "TipoAccionMejora" NOT NULL,
    "descripcion" TEXT NOT NULL,
    "reporteId" UUID,
    "concentradoId" UUID,
    "resultado" TEXT,
    "estado" "EstadoAccionMejora" NOT NULL DEFAULT 'ABIERTA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccionMejora_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanTrabajoAnual_unitId_anio_key" ON "PlanTrabajoAnual"("unitId", "anio");

-- CreateIndex
CREATE INDEX "PlanAnualCentro_planEstatalId_idx" ON "PlanAnualCentro"("planEstatalId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAnualCentro_unitId_anio_key" ON "PlanAnualCentro"("unitId", "anio");

-- CreateIndex
CREATE INDEX "ActividadProgramada_planId_mes_idx" ON "ActividadProgramada"("planId", "mes");

-- CreateIndex
CREATE INDEX "ActividadRealizada_planId_fecha_idx" ON "ActividadRealizada"("planId", "fecha");

-- CreateIndex
CREATE INDEX "ActividadRealizada_programadaId_idx" ON "ActividadRealizada"("programadaId");

-- CreateIndex
CREATE UNIQUE INDEX "ReporteTrimestral_planId_trimestre_key" ON "ReporteTrimestral"("planId", "trimestre");

-- CreateIndex
CREATE UNIQUE INDEX "ConcentradoEstatal_planEstatalId_semestre_key" ON "ConcentradoEstatal"("planEstatalId", "semestre");

-- AddForeignKey
ALTER TABLE "PlanTrabajoAnual" ADD CONSTRAINT "PlanTrabajoAnual_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAnualCentro" ADD CONSTRAINT "PlanAnualCentro_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAnualCentro" ADD CONSTRAINT "PlanAnualCentro_planEstatalId_fkey" FOREIGN KEY ("planEstatalId") REFERENCES "PlanTrabajoAnual"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActividadProgramada" ADD CONSTRAINT "ActividadProgramada_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlanAnualCentro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActividadRealizada" ADD CONSTRAINT "ActividadRealizada_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlanAnualCentro"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActividadRealizada" ADD CONSTRAINT "ActividadRealizada_programadaId_fkey" FOREIGN KEY ("programadaId") REFERENCES "ActividadProgramada"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReporteTrimestral" ADD CONSTRAINT "ReporteTrimestral_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlanAnualCentro"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReporteTrimestral" ADD CONSTRAINT "ReporteTrimestral_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcentradoEstatal" ADD CONSTRAINT "ConcentradoEstatal_planEstatalId_fkey" FOREIGN KEY ("planEstatalId") REFERENCES "PlanTrabajoAnual"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcentradoEstatal" ADD CONSTRAINT "ConcentradoEstatal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccionMejora" ADD CONSTRAINT "AccionMejora_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccionMejora" ADD CONSTRAINT "AccionMejora_reporteId_fkey" FOREIGN KEY ("reporteId") REFERENCES "ReporteTrimestral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccionMejora" ADD CONSTRAINT "AccionMejora_concentradoId_fkey" FOREIGN KEY ("concentradoId") REFERENCES "ConcentradoEstatal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

