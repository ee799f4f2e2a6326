-- CreateEnum
CREATE TYPE "EstadoRectificacionEvaluacion" AS ENUM ('SOLICITADA', 'APLICADA', 'DEVUELTA');

-- CreateEnum
CREATE TYPE "EstadoSolicitudEgresado" AS ENUM ('RECIBIDA', 'ATENDIDA');

-- CreateEnum
CREATE TYPE "EstadoEntregaCertificadosFisicos" AS ENUM ('ENVIADA', 'DEVUELTA', 'VALIDADA', 'ENVIADA_A_FIRMA');

-- CreateEnum
CREATE TYPE "EstadoSupervisionCaptura" AS ENUM ('REGISTRADA', 'VALIDADA');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'JEFE_FORMACION_TECNICA_ESTATAL';

-- AlterEnum
ALTER TYPE "EstadoCertificado" ADD VALUE 'POR_ENTREGAR' BEFORE 'ENTREGADO';

-- AlterTable
ALTER TABLE "LoteFolios" ADD COLUMN     "solicitudFoliosId" UUID;

-- CreateTable
CREATE TABLE "RectificacionEvaluacion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "moduloId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "corte" INTEGER NOT NULL,
    "calificacion" DECIMAL(4,2) NOT NULL,
    "calificacionAnterior" DECIMAL(4,2),
    "motivo" TEXT NOT NULL,
    "ticketMesaServicio" TEXT,
    "estado" "EstadoRectificacionEvaluacion" NOT NULL DEFAULT 'SOLICITADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificacionEvaluacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolicitudFolios" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "folios" INTEGER NOT NULL,
    "formatosCertificado" INTEGER NOT NULL,
    "formatosTitulo" INTEGER NOT NULL,
    "medio" TEXT NOT NULL,
    "justificacion" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SolicitudFolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolicitudEgresado" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "alumnoId" UUID NOT NULL,
    "folioSiateg" TEXT NOT NULL,
    "tramite" TEXT NOT NULL,
    "respuesta" TEXT,
    "estado" "EstadoSolicitudEgresado" NOT NULL DEFAULT 'RECIBIDA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SolicitudEgresado_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformeJuntaDirectiva" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "actividades" TEXT NOT NULL,
    "avance" TEXT NOT NULL,
    "urlCarpeta" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InformeJuntaDirectiva_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntregaCertificadosFisicos" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "oficio" TEXT NOT NULL,
    "estado" "EstadoEntregaCertificadosFisicos" NOT NULL DEFAULT 'ENVIADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntregaCertificadosFisicos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificadoFisico" (
    "id" UUID NOT NULL,
    "entregaId" UUID NOT NULL,
    "consecutivo" INTEGER NOT NULL,
    "folio" TEXT NOT NULL,
    "alumnoId" UUID NOT NULL,
    "nombreCompleto" BOOLEAN,
    "fotoAdherida" BOOLEAN,
    "firmaDirector" BOOLEAN,
    "selloFoto" BOOLEAN,
    "folioDocumento" BOOLEAN,
    "fechaImpresion" BOOLEAN,

    CONSTRAINT "CertificadoFisico_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionCaptura" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "corte" INTEGER NOT NULL,
    "faltantes" INTEGER NOT NULL,
    "observaciones" TEXT NOT NULL,
    "estado" "EstadoSupervisionCaptura" NOT NULL DEFAULT 'REGISTRADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionCaptura_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RectificacionEvaluacion_unitId_estado_idx" ON "RectificacionEvaluacion"("unitId", "estado");

-- CreateIndex
CREATE INDEX "RectificacionEvaluacion_alumnoId_idx" ON "RectificacionEvaluacion"("alumnoId");

-- CreateIndex
CREATE INDEX "SolicitudFolios_unitId_createdAt_idx" ON "SolicitudFolios"("unitId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SolicitudEgresado_folioSiateg_key" ON "SolicitudEgresado"("folioSiateg");

-- CreateIndex
CREATE INDEX "SolicitudEgresado_unitId_estado_idx" ON "SolicitudEgresado"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "InformeJuntaDirectiva_unitId_anio_trimestre_key" ON "InformeJuntaDirectiva"("unitId", "anio", "trimestre");

-- CreateIndex
CREATE INDEX "EntregaCertificadosFisicos_unitId_estado_idx" ON "EntregaCertificadosFisicos"("unitId", "estado");

-- CreateIndex
CREATE INDEX "CertificadoFisico_alumnoId_idx" ON "CertificadoFisico"("alumnoId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificadoFisico_entregaId_consecutivo_key" ON "CertificadoFisico"("entregaId", "consecutivo");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionCaptura_unitId_periodo_corte_key" ON "SupervisionCaptura"("unitId", "periodo", "corte");

-- AddForeignKey
ALTER TABLE "LoteFolios" ADD CONSTRAINT "LoteFolios_solicitudFoliosId_fkey" FOREIGN KEY ("solicitudFoliosId") REFERENCES "SolicitudFolios"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificacionEvaluacion" ADD CONSTRAINT "RectificacionEvaluacion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificacionEvaluacion" ADD CONSTRAINT "RectificacionEvaluacion_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificacionEvaluacion" ADD CONSTRAINT "RectificacionEvaluacion_moduloId_fkey" FOREIGN KEY ("moduloId") REFERENCES "Modulo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudFolios" ADD CONSTRAINT "SolicitudFolios_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudEgresado" ADD CONSTRAINT "SolicitudEgresado_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudEgresado" ADD CONSTRAINT "SolicitudEgresado_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformeJuntaDirectiva" ADD CONSTRAINT "InformeJuntaDirectiva_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntregaCertificadosFisicos" ADD CONSTRAINT "EntregaCertificadosFisicos_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificadoFisico" ADD CONSTRAINT "CertificadoFisico_entregaId_fkey" FOREIGN KEY ("entregaId") REFERENCES "EntregaCertificadosFisicos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificadoFisico" ADD CONSTRAINT "CertificadoFisico_alumnoId_fkey" FOREIGN KEY ("alumnoId") REFERENCES "Alumno"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCaptura" ADD CONSTRAINT "SupervisionCaptura_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

