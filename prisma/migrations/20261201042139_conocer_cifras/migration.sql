-- CreateEnum
CREATE TYPE "ConceptoConocer" AS ENUM ('CERTIFICADOS_EMITIDOS', 'PERSONAS_CERTIFICADAS', 'CERTIFICADOS_ACUMULADOS', 'CERTIFICADOS_PAGADOS', 'EC_PUBLICADOS', 'EC_APROBADOS', 'EC_INSCRITOS_RENEC', 'CGC_INSTALADOS_RENOVADOS', 'CGC_EXISTENTES', 'PS_ACREDITADOS', 'PS_ACTIVOS', 'EXPEDIENTES_VERIFICADOS', 'ASESORIAS', 'AUDITORIAS_PS', 'CURSOS_RENAC', 'CONSULTAS_USUARIOS', 'IMPACTOS_MEDIOS', 'BOLETINES');

-- CreateEnum
CREATE TYPE "NaturalezaCifra" AS ENUM ('FLUJO', 'STOCK');

-- CreateEnum
CREATE TYPE "PeriodoCifra" AS ENUM ('ANUAL', 'TRIMESTRE_ACUMULADO', 'AL_CORTE', 'PERIODO');

-- CreateEnum
CREATE TYPE "IndicadorConocer" AS ENUM ('PCT_EC_PUBLICADOS_DOF', 'PCT_CGC_INSTALADOS', 'PCT_EC_APROBADOS', 'PCT_PS_ACREDITADOS', 'PCT_EXPEDIENTES_VERIFICADOS', 'PCT_ASESORIAS', 'TASA_CRECIMIENTO_CERTIFICADOS', 'TASA_CRECIMIENTO_PERSONAS', 'PCT_AUDITORIAS_PS', 'PCT_CONVENIOS', 'CAMPANAS_DIFUSION', 'ENCUESTA_CALIDAD', 'CRECIMIENTO_EC_RENEC', 'CRECIMIENTO_CGC', 'CRECIMIENTO_IMPACTOS_MEDIOS');

-- CreateEnum
CREATE TYPE "FormulaIndicadorConocer" AS ENUM ('CUMPLIMIENTO_META', 'CRECIMIENTO_ANUAL', 'CRECIMIENTO_STOCK', 'SIN_DATOS');

-- CreateTable
CREATE TABLE "CifraConocer" (
    "id" UUID NOT NULL,
    "clave" TEXT NOT NULL,
    "concepto" "ConceptoConocer" NOT NULL,
    "naturaleza" "NaturalezaCifra" NOT NULL,
    "periodo" "PeriodoCifra" NOT NULL,
    "anio" INTEGER NOT NULL,
    "anioDesde" INTEGER,
    "trimestre" INTEGER,
    "fechaCorte" DATE,
    "desglose" TEXT NOT NULL DEFAULT '',
    "miembro" TEXT NOT NULL DEFAULT '',
    "valor" DOUBLE PRECISION NOT NULL,
    "meta" BOOLEAN NOT NULL DEFAULT false,
    "estimado" BOOLEAN NOT NULL DEFAULT false,
    "fuente" TEXT NOT NULL,
    "fuenteLinea" INTEGER NOT NULL,
    "fuenteTexto" TEXT NOT NULL,
    "nota" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CifraConocer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicadorConocerReportado" (
    "id" UUID NOT NULL,
    "indicador" "IndicadorConocer" NOT NULL,
    "formula" "FormulaIndicadorConocer" NOT NULL,
    "concepto" "ConceptoConocer",
    "anio" INTEGER NOT NULL,
    "anioDesde" INTEGER,
    "valorReportado" DOUBLE PRECISION,
    "fuente" TEXT NOT NULL,
    "fuenteLinea" INTEGER NOT NULL,
    "fuenteTexto" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicadorConocerReportado_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CifraConocer_clave_key" ON "CifraConocer"("clave");

-- CreateIndex
CREATE INDEX "CifraConocer_concepto_periodo_anio_idx" ON "CifraConocer"("concepto", "periodo", "anio");

-- CreateIndex
CREATE UNIQUE INDEX "IndicadorConocerReportado_indicador_anio_key" ON "IndicadorConocerReportado"("indicador", "anio");

