-- CreateEnum
CREATE TYPE "ModeloAcademico" AS ENUM ('M1990', 'M1997', 'M2003', 'M2008', 'M2018', 'M2023');

-- CreateEnum
CREATE TYPE "EstatusAlumno" AS ENUM ('INSCRITO', 'EN_RIESGO', 'BAJA', 'EGRESADO');

-- CreateEnum
CREATE TYPE "EstadoCertificado" AS ENUM ('SOLICITADO', 'EN_CORRECCION', 'POR_FIRMAR_PLANTEL', 'POR_FIRMAR_DG_ESTATAL', 'POR_FIRMAR_DG_NACIONAL', 'POR_VALIDAR_COSFAC', 'LIBERADO', 'ENTREGADO');

-- CreateTable
CREATE TABLE "Alumno" (
    "id" UUID NOT NULL,
    "matricula" TEXT NOT NULL,
    "curp" TEXT NOT NULL,
    "nombre" TEXT NOT NULL,
    "primerApellido" TEXT NOT NULL,
    "segundoApellido" TEXT,
    "generacion" INTEGER NOT NULL,
    "carrera" TEXT NOT NULL,
    "modeloAcademico" "ModeloAcademico" NOT NULL,
    "unitId" UUID NOT NULL,
    "grupoId" UUID,
    "semestre" INTEGER NOT NULL DEFAULT 1,
    "estatus" "EstatusAlumno" NOT NULL DEFAULT 'INSCRITO',
    "planConcluido" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alumno_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Docente" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "nombre" TEXT NOT NULL,

    CONSTRAINT "Docente_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Modulo" (
    "id" UUID NOT NULL,
    "clave" TEXT NOT NULL,
    "nombre" TEXT NOT NULL,

    CONSTRAINT "Modulo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grupo" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "clave" TEXT NOT NULL,
    "periodo" TEXT NOT NULL,
    "semestre" INTEGER NOT NULL,

    CONSTRAINT "Grupo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluacion" (
    "id" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "moduloId" UUID NOT NULL,
    "docenteId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "corte" INTEGER NOT NULL,
    "calificacion" DECIMAL(4,2) NOT NULL,

    CONSTRAINT "Evaluacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoteFolios" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "referencia" TEXT NOT NULL,
    "cantidad" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoteFolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Folio" (
    "id" UUID NOT NULL,
    "numero" TEXT NOT NULL,
    "loteId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "asignadoAt" TIMESTAMP(3),

    CONSTRAINT "Folio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificado" (
    "id" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "folioId" UUID NOT NULL,
    "estado" "EstadoCertificado" NOT NULL DEFAULT 'SOLICITADO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "entregadoA" TEXT,
    "entregadoAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Certificado_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Alumno_matricula_key" ON "Alumno"("matricula");

-- CreateIndex
CREATE INDEX "Alumno_unitId_generacion_idx" ON "Alumno"("unitId", "generacion");

-- CreateIndex
CREATE INDEX "Alumno_unitId_estatus_idx" ON "Alumno"("unitId", "estatus");

-- CreateIndex
CREATE INDEX "Alumno_grupoId_idx" ON "Alumno"("grupoId");

-- CreateIndex
CREATE INDEX "Docente_unitId_idx" ON "Docente"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Modulo_clave_key" ON "Modulo"("clave");

-- CreateIndex
CREATE UNIQUE INDEX "Grupo_unitId_periodo_clave_key" ON "Grupo"("unitId", "periodo", "clave");

-- CreateIndex
CREATE INDEX "Evaluacion_periodo_corte_alumnoId_idx" ON "Evaluacion"("periodo", "corte", "alumnoId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluacion_alumnoId_moduloId_periodo_corte_key" ON "Evaluacion"("alumnoId", "moduloId", "periodo", "corte");

-- CreateIndex
CREATE UNIQUE INDEX "Folio_numero_key" ON "Folio"("numero");

-- CreateIndex
CREATE INDEX "Folio_unitId_idx" ON "Folio"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificado_folioId_key" ON "Certificado"("folioId");

-- CreateIndex
CREATE INDEX "Certificado_alumnoId_idx" ON "Certificado"("alumnoId");

-- CreateIndex
CREATE INDEX "Certificado_unitId_estado_idx" ON "Certificado"("unitId", "estado");

-- AddForeignKey
ALTER TABLE "Alumno" ADD CONSTRAINT "Alumno_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alumno" ADD CONSTRAINT "Alumno_grupoId_fkey" FOREIGN KEY ("grupoId") REFERENCES "Grupo"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Docente" ADD CONSTRAINT "Docente_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grupo" ADD CONSTRAINT "Grupo_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluacion" ADD CONSTRAINT "Evaluacion_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluacion" ADD CONSTRAINT "Evaluacion_moduloId_fkey" FOREIGN KEY ("moduloId") REFERENCES "Modulo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluacion" ADD CONSTRAINT "Evaluacion_docenteId_fkey" FOREIGN KEY ("docenteId") REFERENCES "Docente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoteFolios" ADD CONSTRAINT "LoteFolios_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Folio" ADD CONSTRAINT "Folio_loteId_fkey" FOREIGN KEY ("loteId") REFERENCES "LoteFolios"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Folio" ADD CONSTRAINT "Folio_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificado" ADD CONSTRAINT "Certificado_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificado" ADD CONSTRAINT "Certificado_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificado" ADD CONSTRAINT "Certificado_folioId_fkey" FOREIGN KEY ("folioId") REFERENCES "Folio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

